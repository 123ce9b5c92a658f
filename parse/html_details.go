package parse

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/parse/doc"
)

// Pages that fold each error open document it in a <details> element whose <summary>
// names it:
//
//	<details><summary><code>WH_TIMEOUT</code></summary><p>The endpoint …</p></details>
//
// Such a summary is the heading of the details' content, one level under the last
// heading, as the Markdown front-end reads the same element written in a Markdown file
// (markdown.go, reSummary): the interpreter then reads it as it reads "### WH_TIMEOUT"
// over its text. A summary of other words ("Example response", "Show more") stays a line
// of text of the section it is in, so that what it folds stays the text of the code above
// it; but one that folds such code summaries, or a table or list of definitions (the
// codes of a group folded open: "<details><summary>Invoices</summary><table>…"), is
// their group's heading.

//
// Confluence folds text the same way with its expand macro, a control that names what the
// content under it holds:
//
//	<div class="expand-container"><div class="expand-control">…<span
//	class="expand-control-text">E1001 – Card declined</span></div><div
//	class="expand-content"><p>…</p></div></div>
//
// which is read as a <details> element: the control its summary, the content the rest.
// So is the macro in Confluence's storage format, which names its content by a title:
//
//	<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">Invoices
//	</ac:parameter><ac:rich-text-body><table>…</table></ac:rich-text-body></ac:structured-macro>

// detailsSection reads a <details> element, or an expand macro (expandMacro), as a section
// when its summary is a heading (summaryHeading): the summary a heading one level under
// the last, the rest of its content the blocks under it. It reports whether it did; else
// the element is read as any other block.
func (w *htmlWalker) detailsSection(n *html.Node) bool {
	sum := foldSummary(n)
	if sum == nil {
		return false
	}
	text, ok := summaryText(sum)
	if !ok || !summaryHeading(text) && !foldsHeadings(n) && !foldsTable(n) {
		return false
	}
	w.flush()
	outer := w.level
	w.level = min(outer+1, 6)
	level := w.level // a heading inside the element may raise w.level: its end is this one's
	w.blocks = append(w.blocks, &doc.Heading{Pos: nodePos(w.ix, sum), Level: level, Text: text})
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != sum {
			w.collectNode(c)
		}
	}
	w.flush()
	// What follows the element is under the heading it stood under: the summary's
	// section ends with the element.
	w.blocks = append(w.blocks, &doc.End{Pos: nodePos(w.ix, n), Level: level})
	w.level = outer
	return true
}

// maxSummaryNodes bounds the nodes of a summary that can be a heading: a code with its
// message and status is a few. A larger one is text, so that a summary is never read whole
// for each details element it is nested in.
const maxSummaryNodes = 32

// summaryText returns the plain text of a summary, and whether it has at most
// maxSummaryNodes nodes: only such a summary can be a heading.
func summaryText(sum *html.Node) (string, bool) {
	n := 0
	var count func(*html.Node) bool
	count = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if n++; n > maxSummaryNodes || !count(c) {
				return false
			}
		}
		return true
	}
	if !count(sum) {
		return "", false
	}
	return plainText(sum), true
}

// foldSummary returns what names the content of an element that folds it: a <details>
// element's summary, an expand macro's control; nil for other elements, or when there is
// none.
func foldSummary(n *html.Node) *html.Node {
	if n.Type != html.ElementNode {
		return nil
	}
	if n.DataAtom == atom.Details {
		return detailsSummary(n)
	}
	storage := storageExpand(n)
	if !storage && !expandMacro(n) {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if storage && c.Data == "ac:parameter" && strings.EqualFold(attr(c, "ac:name"), "title") ||
			!storage && hasClass(c, "expand-control") {
			return c
		}
	}
	return nil
}

// storageExpand reports whether n is a Confluence expand macro in storage format.
func storageExpand(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "ac:structured-macro" && strings.EqualFold(attr(n, "ac:name"), "expand")
}

// foldBody returns the element that holds what an element that folds content folds: an
// expand macro's content, else the element itself.
func foldBody(n *html.Node) *html.Node {
	if !expandMacro(n) && !storageExpand(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (hasClass(c, "expand-content") || c.Data == "ac:rich-text-body") {
			return c
		}
	}
	return n
}

// expandMacro reports whether n is a Confluence expand macro: the element that holds its
// control and its content.
func expandMacro(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == atom.Div && hasClass(n, "expand-container")
}

// detailsSummary returns the summary of a details element: its first <summary> child, as
// browsers show it; nil when it has none.
func detailsSummary(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Summary {
			return c
		}
	}
	return nil
}

// summaryHeading reports whether a summary's text is written as a heading the interpreter
// reads as a code or a status: a code alone ("WH_TIMEOUT"), with a message ("WH_BAD -
// Bad response", "E1001: Invalid token"), with its status ("WH_GONE (410)"), or a status
// ("404 Not Found"). The code is one the way a line of copied text is one (codeHeading):
// no version number, section word or label.
func summaryHeading(text string) bool {
	if text == "" || tabLabel(text) {
		return false
	}
	if sts, _, ok := headingStatuses(text); ok {
		return sts[0] >= 400 // "200 OK" folds a success response open: no error
	}
	code, _ := splitCodeHeading(text)
	return codeHeading(code)
}

// foldsHeadings reports whether a details element directly holds another whose summary is
// a heading: a folded group of folded codes ("Authentication" over "E1001", "E1002"),
// whose summary is then the heading of their group. Only the element's own children are
// looked at, so that every element is looked at from its parent alone.
func foldsHeadings(n *html.Node) bool {
	body := foldBody(n) // an expand macro's folded codes stand in its content
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if sum := foldSummary(c); sum != nil {
			if text, ok := summaryText(sum); ok && summaryHeading(text) {
				return true
			}
		}
	}
	return false
}

// foldsTable reports whether an element that folds content folds a table or a list of
// definitions: directly, or in the blocks that hold it (a <div> or <p> around the table),
// but not in another element that folds content, which is looked at from itself, so that
// every node is looked at once.
func foldsTable(n *html.Node) bool {
	sum := foldSummary(n)
	var find func(*html.Node) bool
	find = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode || skipNode(c) || c == sum:
			case c.DataAtom == atom.Table || c.DataAtom == atom.Dl:
				return true
			case c.DataAtom == atom.Details || expandMacro(c) || storageExpand(c) || tabPanel(c):
			case find(c):
				return true
			}
		}
		return false
	}
	return find(foldBody(n))
}

// Confluence sets notes apart in panels: the information macro ("Info", "Tip", "Note",
// "Warning") and the panel macro, each with a title or not:
//
//	<div class="confluence-information-macro confluence-information-macro-tip"><p
//	class="title">What to do</p><span class="aui-icon …"></span><div
//	class="confluence-information-macro-body"><p>…</p></div></div>
//
// A panel's title labels its body as a label line does ("What to do:" over its text,
// which the interpreter reads as it reads "What to do: …"); its icon is no text.

// confluencePanel reports whether n is a Confluence information or panel macro.
func confluencePanel(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div {
		return false
	}
	if hasClass(n, "confluence-information-macro") {
		return true
	}
	if !hasClass(n, "panel") {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasClass(c, "panelContent") {
			return true // Confluence's panel, not another site's "panel" class
		}
	}
	return false
}

// panelSection reads a Confluence information or panel macro: its title, when it has one,
// a label line ("Tip:") over the blocks of its body.
func (w *htmlWalker) panelSection(n *html.Node) {
	w.flush()
	var title *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasClass(c, "title", "panelHeader", "confluence-information-macro-title") {
			title = c
			break
		}
	}
	if title != nil {
		if text := strings.TrimSpace(plainText(title)); text != "" {
			if !strings.HasSuffix(text, ":") && !strings.HasSuffix(text, "：") {
				text += ":"
			}
			w.blocks = append(w.blocks, &doc.Para{Pos: nodePos(w.ix, title), Text: text})
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != title && !(c.Type == html.ElementNode && hasClass(c, "confluence-information-macro-icon")) {
			w.collectNode(c)
		}
	}
	w.flush()
}

// Javadoc documents each member of a class (an enum's constants among them) under a
// heading that names it, its declaration, then its text:
//
//	<section class="detail" id="E_TOKEN"><h3>E_TOKEN</h3>
//	<div class="member-signature">public static final <a>ErrorCode</a> E_TOKEN</div>
//	<div class="block">The token has expired.</div></section>
//
// (Javadoc 8 writes <li class="blockList"><h4>E_TOKEN</h4><pre>public static final …
// </pre><div class="block">…). The declaration is code the page generates from the
// source, not documentation: the member's text is the block after it alone.

// memberSignature reports whether n is the declaration Javadoc writes under a member's
// heading.
func memberSignature(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if hasClass(n, "member-signature") {
		return true
	}
	if n.DataAtom != atom.Pre || n.Parent == nil || n.Parent.DataAtom != atom.Li || !hasClass(n.Parent, "blockList", "blockListLast") {
		return false
	}
	p := n.PrevSibling
	for p != nil && p.Type != html.ElementNode {
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return false
		}
		p = p.PrevSibling
	}
	return p != nil && headingLevel(p) > 0
}
