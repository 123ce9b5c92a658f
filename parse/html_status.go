package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/catalog"
	"docgen/parse/doc"
)

// API portals (ReadMe, Redocly, Stoplight and the like) list an operation's responses
// with each status on a button, a badge or a label over the table of its errors, not in a
// heading:
//
//	<div class="response"><button class="status">400</button> <span>Bad request</span>
//	<div class="body"><table>…error.type…</table></div></div>
//
// Such a label is the heading of the table after it, as "<h3>400 Bad request</h3>" would
// be: one level under the last heading, up to the next such label or the end of the
// element that holds them, whatever follows that being under the heading above them
// again. A label is an element of its own whose whole text is a standard status, alone or
// with its reason phrase ("400", "404 Not Found"; not "500 ms"), which nothing but white space stands before in its block and which a table or
// list of definitions follows: directly, or in the element after it, or after one short
// element naming the status ("Bad request"), which joins the heading. A status in running
// text ("returns <code>404</code> when…") is none, nor is one over prose or code.

// maxStatusLabelNodes bounds the nodes of an element read as a status label: a status and its
// name are a few; maxStatusLabelRunes bounds its text, and maxReasonRunes that of the name
// beside it.
const maxStatusLabelNodes, maxStatusLabelRunes, maxReasonRunes = 8, 40, 60

// shortText returns the text of n, spaces collapsed, when n has at most maxStatusLabelNodes
// nodes and its text at most max runes; else false.
func shortText(n *html.Node, max int) (string, bool) {
	count := 0
	var walk func(*html.Node) bool
	walk = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if count++; count > maxStatusLabelNodes {
				return false
			}
			if c.Type == html.ElementNode && (blockTags[c.DataAtom] && c.DataAtom != atom.P && c.DataAtom != atom.Div || skipTags[c.DataAtom] && c.DataAtom != atom.Button) {
				return false
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	text := collapseSpace(plainText(n))
	if text == "" || utf8.RuneCountInString(text) > max {
		return "", false
	}
	return text, true
}

// labelElement reports whether n is an element that can be a status label: one that holds
// no block (a button, a span, a <p> or <div> of a few words), not a heading, a table, a
// list or a fold.
func labelElement(n *html.Node) bool {
	if n.Type != html.ElementNode || headingLevel(n) > 0 || n.DataAtom == atom.Details || n.DataAtom == atom.Summary {
		return false
	}
	switch n.DataAtom {
	case atom.Table, atom.Dl, atom.Ul, atom.Ol, atom.Pre, atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Figcaption, atom.Blockquote, atom.Hr, atom.Br, atom.Img:
		return false
	}
	if n.DataAtom != atom.Button && skipNode(n) {
		return false
	}
	return !tabList(n) && !tabPanel(n) && !confluencePanel(n) && !expandMacro(n) && !storageExpand(n)
}

// statusLabel reads n as the label of the table after it (see above). It returns the
// heading's text, the last node the label takes (n, or the name after it) and the element
// it labels.
func (w *htmlWalker) statusLabel(n *html.Node) (text string, last, next *html.Node, ok bool) {
	if !labelElement(n) || w.hasBlocks(n) {
		return "", nil, nil, false
	}
	if c := firstTextByte(n); c < '1' || c > '5' {
		return "", nil, nil, false // most elements: no status first, no text made
	}
	text, ok = shortText(n, maxStatusLabelRunes)
	if !ok || text[0] < '1' || text[0] > '5' {
		return "", nil, nil, false
	}
	if st, name, ok := statusHeading(text); !ok || !statusName(st, name) {
		return "", nil, nil, false
	}
	for _, c := range w.inline {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return "", nil, nil, false // a status in a line of text
		}
	}
	last, next = n, nextContent(n)
	if next != nil && next.Type == html.ElementNode && labelElement(next) && !w.hasBlocks(next) && !w.holdsTable(next) {
		// The status's name beside it ("Bad request"): part of the heading.
		name, ok := shortText(next, maxReasonRunes)
		if !ok || name == "" || hasStatusDigits(name) {
			return "", nil, nil, false
		}
		text += " " + name
		last, next = next, nextContent(next)
	}
	if next == nil || next.Type != html.ElementNode || !w.holdsTable(next) {
		return "", nil, nil, false
	}
	return text, last, next, true
}

// firstTextByte returns the first byte that is not white space of the text in n, looking
// at its first maxStatusLabelNodes nodes; 0 when there is none.
func firstTextByte(n *html.Node) byte {
	count := 0
	var walk func(*html.Node) byte
	walk = func(m *html.Node) byte {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if count++; count > maxStatusLabelNodes {
				return 0
			}
			if c.Type == html.TextNode {
				if t := strings.TrimLeft(c.Data, " \t\r\n\u00a0"); t != "" {
					return t[0]
				}
				continue
			}
			if b := walk(c); b != 0 {
				return b
			}
		}
		return 0
	}
	return walk(n)
}

// statusName reports whether a label's text, status st and the name beside it, is a
// status: a standard one, alone or with its reason phrase ("404", "404 Not Found"); not a
// quantity ("500 ms", "300 requests per minute") or a status beside other words.
func statusName(st catalog.Status, name string) bool {
	return st.Reason() != "" && (name == "" || isReason(st, name))
}

// nextContent returns the sibling after n that is not white space or a comment; nil when
// there is none.
func nextContent(n *html.Node) *html.Node {
	c := n.NextSibling
	for c != nil && (c.Type == html.CommentNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) == "") {
		c = c.NextSibling
	}
	return c
}

// holdsTable reports whether n is a table or a list of definitions, or an element that
// holds one outside a heading's, a fold's or a tab's content. Answers are remembered, so
// that every node is looked at once however deep the nesting.
func (w *htmlWalker) holdsTable(n *html.Node) bool {
	if n.Type != html.ElementNode || skipNode(n) {
		return false
	}
	if n.DataAtom == atom.Table || n.DataAtom == atom.Dl {
		return true
	}
	if headingLevel(n) > 0 || n.DataAtom == atom.Details || expandMacro(n) || storageExpand(n) || tabPanel(n) {
		return false
	}
	if v, ok := w.tables[n]; ok {
		return v
	}
	v := false
	for c := n.FirstChild; c != nil && !v; c = c.NextSibling {
		if headingLevel(c) > 0 {
			break // the table is under a heading of its own
		}
		v = w.holdsTable(c)
	}
	if w.tables == nil {
		w.tables = map[*html.Node]bool{}
	}
	w.tables[n] = v
	return v
}

// collectFrom splits the nodes from first to its last sibling into blocks, status labels
// (statusLabel) as headings over what follows them among these nodes.
func (w *htmlWalker) collectFrom(first *html.Node) {
	outer, level := w.level, 0
	for c := first; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if text, last, next, ok := w.statusLabel(c); ok {
				w.flush()
				if level == 0 || w.level != level {
					outer, level = w.level, min(w.level+1, 6)
				}
				w.level = level
				at := c
				if _, own := ownOffset(c); !own {
					at = next // a <span>'s tag has no offset of its own: the table's is near
				}
				w.blocks = append(w.blocks, &doc.Heading{Pos: nodePos(w.ix, at), Level: level, Text: text})
				c = last
				continue
			}
		}
		w.collectNode(c)
	}
	if level > 0 && w.level == level {
		// What follows these nodes is under the heading above the labels again.
		w.flush()
		at := first
		if first.Parent != nil {
			at = first.Parent
		}
		w.blocks = append(w.blocks, &doc.End{Pos: nodePos(w.ix, at), Level: level})
		w.level = outer
	}
}
