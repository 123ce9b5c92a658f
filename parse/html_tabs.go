package parse

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/parse/doc"
)

// Pages that show one table per API or product in tabs write each table in a tab panel
// under a list of the tabs' labels:
//
//	<div role="tablist"><button role="tab" id="t1" aria-controls="p1">Billing</button>…</div>
//	<div role="tabpanel" id="p1" aria-labelledby="t1"><table>…</table></div>
//
// The panel often has no heading of its own: its label is its heading, as a tab's label
// is in MDX (mdx.go, tabSections). A panel that holds a table or a list of definitions
// and no heading is read as a section under its label, one level under the last heading,
// so that its errors are in the tab's group and the same code in two tabs is two entries,
// as in two sections. A panel of code samples ("JavaScript", "cURL"), one with a heading
// of its own or one whose label is not found is read as the blocks it holds.
//
// Tabs may have no role: a list of buttons that each name the panel they show by
// aria-controls (controlList) is a tab list, and the element each names its panel.
//
// A panel's label is found, in order: by aria-labelledby (the ids of the tabs that label
// it), by aria-label, by a tab whose aria-controls (or Bootstrap's data-bs-target, or a
// link "#id") names the panel, by a <label> just before it (MkDocs and Sphinx tabs, one
// radio input and label per panel), else by order: the n-th panel after a tab list is
// labelled by its n-th tab (Docusaurus, MkDocs Material's tabbed-labels). Tab lists come
// before their panels, so one pass reads them.

// htmlTabs is what the walker knows of the tabs it has passed.
type htmlTabs struct {
	byID    map[string]string // a tab's id → its label
	byPanel map[string]string // the id of the panel a tab controls → its label
	order   []string          // the labels of the last tab list, in order
	next    int               // the index in order of the next panel labelled by order
}

// ariaRole returns n's ARIA role, lower case.
func ariaRole(n *html.Node) string {
	return strings.ToLower(strings.TrimSpace(attr(n, "role")))
}

// hasClass reports whether n's class attribute holds one of names.
func hasClass(n *html.Node, names ...string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		for _, name := range names {
			if c == name {
				return true
			}
		}
	}
	return false
}

// tabList reports whether n is a list of tabs' labels: one its role or class says is, or
// (controlList) buttons that each name the panel they show.
func tabList(n *html.Node) bool {
	return ariaRole(n) == "tablist" || hasClass(n, "tabbed-labels") || controlList(n)
}

// controlList reports whether n holds two buttons or links or more, and nothing else, that
// each show a panel they name by aria-controls: tabs written with no role ("<button
// aria-controls="r400">400 Bad Request</button>…" over the panels of an operation's
// responses). The panels need no role either: a tab names them (controlledPanel).
func controlList(n *html.Node) bool {
	if n.Type != html.ElementNode || headingLevel(n) > 0 {
		return false
	}
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		case c.Type == html.ElementNode && (c.DataAtom == atom.Button || c.DataAtom == atom.A) &&
			strings.TrimSpace(attr(c, "aria-controls")) != "":
			k++
		default:
			return false
		}
	}
	return k >= 2
}

// controlledPanel reports whether n is the panel a tab passed names by its id.
func (w *htmlWalker) controlledPanel(n *html.Node) bool {
	if n.Type != html.ElementNode || w.tabs.byPanel == nil {
		return false
	}
	id := strings.TrimSpace(attr(n, "id"))
	return id != "" && w.tabs.byPanel[id] != ""
}

// tabPanel reports whether n is the content of one tab.
func tabPanel(n *html.Node) bool {
	if ariaRole(n) == "tabpanel" || hasClass(n, "tab-pane", "tabbed-block", "sd-tab-content") {
		return true
	}
	// MkDocs Material before version 8 and sphinx-tabs-like pages: the content after
	// its label.
	return hasClass(n, "tabbed-content") && labelBefore(n) != nil
}

// labelBefore returns the <label> element just before n, or nil.
func labelBefore(n *html.Node) *html.Node {
	p := n.PrevSibling
	for p != nil && p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
		p = p.PrevSibling
	}
	if p != nil && p.Type == html.ElementNode && p.DataAtom == atom.Label {
		return p
	}
	return nil
}

// labelsPanel reports whether n is a <label> that a tab panel after it takes as its label.
func labelsPanel(n *html.Node) bool {
	if n.DataAtom != atom.Label {
		return false
	}
	next := n.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	return next != nil && next.Type == html.ElementNode && tabPanel(next)
}

// readTabList records the labels of a tab list's tabs: the elements with role "tab" in
// it, else its labels, buttons and links, else its list items.
func (w *htmlWalker) readTabList(n *html.Node) {
	t := &w.tabs
	if t.byID == nil {
		t.byID, t.byPanel = map[string]string{}, map[string]string{}
	}
	t.order, t.next = t.order[:0], 0
	var tabs, ctrls, items []*html.Node
	var find func(*html.Node)
	find = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case ariaRole(c) == "tab":
				tabs = append(tabs, c)
				continue
			case c.DataAtom == atom.Label || c.DataAtom == atom.Button || c.DataAtom == atom.A:
				ctrls = append(ctrls, c)
				continue
			case c.DataAtom == atom.Li:
				items = append(items, c)
			}
			find(c)
		}
	}
	find(n)
	if len(tabs) == 0 {
		tabs = ctrls
	}
	if len(tabs) == 0 {
		tabs = items
	}
	for _, tab := range tabs {
		label := tabText(plainText(tab))
		t.order = append(t.order, label)
		if id := strings.TrimSpace(attr(tab, "id")); id != "" {
			t.byID[id] = label
		}
		for _, id := range strings.Fields(attr(tab, "aria-controls")) {
			t.byPanel[id] = label
		}
		// Bootstrap's tabs name their pane by a target or a link ("#tab-auth").
		for _, key := range []string{"data-bs-target", "data-target", "href"} {
			if id, ok := strings.CutPrefix(strings.TrimSpace(attr(tab, key)), "#"); ok && id != "" {
				t.byPanel[id] = label
			}
		}
	}
}

// maxTabLabel is the most runes of a tab's label kept: a label is a few words ("Billing",
// "Payment errors"); a longer one is cut, so that a label written as a panel's heading
// and each of its entries' group stays short however many panels it labels.
// maxTabLabels is the most labels a panel's aria-labelledby joins.
const maxTabLabel, maxTabLabels = 120, 8

// tabText returns the text of a tab's label, spaces collapsed, cut to maxTabLabel runes
// with "…".
func tabText(s string) string {
	l, cut := cutRunes(collapseSpace(strings.TrimSpace(s)), maxTabLabel)
	if cut {
		l += "…"
	}
	return l
}

// panelLabel returns the label of a tab panel, or "".
func (w *htmlWalker) panelLabel(n *html.Node) string {
	t := &w.tabs
	// Each id once, each label once (the tabs' labels are cut already): a panel
	// labelled by one id fifty times is labelled once.
	var parts []string
	for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
		l := t.byID[id]
		if l == "" {
			l = w.labelByID(n, id)
		}
		if l != "" && !slices.Contains(parts, l) {
			parts = append(parts, l)
			if len(parts) == maxTabLabels {
				break
			}
		}
	}
	if len(parts) > 0 {
		return tabText(strings.Join(parts, " "))
	}
	if l := tabText(attr(n, "aria-label")); l != "" {
		return l
	}
	if l := t.byPanel[strings.TrimSpace(attr(n, "id"))]; l != "" {
		return l
	}
	if lb := labelBefore(n); lb != nil {
		return tabText(plainText(lb))
	}
	if t.next < len(t.order) {
		t.next++
		return t.order[t.next-1]
	}
	return ""
}

// labelByID returns the text of the element of n's page whose id is id, when it is a
// label of a few words outside a tab list (a status badge that names the panel: "<span
// id="r400">400 Bad Request</span>"); else "". The page's ids are indexed once.
func (w *htmlWalker) labelByID(n *html.Node, id string) string {
	if w.ids == nil {
		root := n
		for root.Parent != nil {
			root = root.Parent
		}
		w.ids = map[string]*html.Node{}
		var walk func(*html.Node)
		walk = func(m *html.Node) {
			for c := m.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode {
					continue
				}
				if k := strings.TrimSpace(attr(c, "id")); k != "" && w.ids[k] == nil {
					w.ids[k] = c
				}
				walk(c)
			}
		}
		walk(root)
	}
	m := w.ids[id]
	if m == nil || m == n {
		return ""
	}
	text, ok := shortText(m, maxTabLabel)
	if !ok {
		return ""
	}
	return tabText(text)
}

// tabSection reads a tab panel: as a section under its label when it holds a table or a
// list of definitions and no heading, else as the blocks it holds.
func (w *htmlWalker) tabSection(n *html.Node) {
	label := w.panelLabel(n)
	w.flush()
	outer := w.level
	level := min(max(outer+1, 2), 6)
	start := len(w.blocks)
	w.level = level
	w.collect(n)
	w.flush()
	tables, headings := 0, 0
	for _, b := range w.blocks[start:] {
		switch b.(type) {
		case *doc.Table, *doc.DefList:
			tables++
		case *doc.Heading:
			headings++
		}
	}
	if headings > 0 {
		return // the panel's own headings are its sections; w.level is the last one's
	}
	w.level = outer
	if tables == 0 || !hasWordRune(label) || tabLabel(label) {
		return
	}
	w.blocks = append(w.blocks, nil)
	copy(w.blocks[start+1:], w.blocks[start:])
	w.blocks[start] = &doc.Heading{Pos: nodePos(w.ix, n), Level: level, Text: label}
	w.blocks = append(w.blocks, &doc.End{Pos: nodePos(w.ix, n), Level: level})
}
