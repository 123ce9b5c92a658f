package parse

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file turns the content of HTML elements into the catalog's text: Markdown that
// keeps links and inline code for descriptions, plain text for codes, statuses, messages
// and headings. Whitespace is collapsed as a browser collapses it; <br> and block elements
// become line breaks. (No library does this: goquery's Text() keeps the source's
// whitespace and drops links, and an HTML-to-Markdown converter would keep emphasis,
// headings and tables that the catalog wants as plain text.)

// plainText returns the text of n as a browser shows it, on one line per <br> or block.
func plainText(n *html.Node) string {
	w := mdWriter{plain: true}
	w.children(n)
	return w.String()
}

// markdownText returns the content of n as Markdown: links as [text](href), inline code
// in backticks, list items as "- " lines ("1. " in an ordered list, n itself too),
// paragraphs apart; all else plain text, with the characters Markdown would read as
// markup escaped.
func markdownText(n *html.Node) string {
	var w mdWriter
	w.items(n)
	return w.String()
}

// textContent returns the text of n exactly as written (for <pre>), entities decoded.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		switch {
		case m.Type == html.TextNode:
			b.WriteString(m.Data)
		case m.Type == html.ElementNode && m.DataAtom == atom.Br:
			b.WriteString("\n")
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace replaces every run of white space in s by one space and trims it.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdWriter writes the content of elements as Markdown (or plain text).
//
// Line breaks are written when the text after them is, so that a block that opens a list
// item (the <p> of "<li><p>Ask…</p></li>") stays on the item's line, and every line after
// it in the item is indented under it.
type mdWriter struct {
	b     strings.Builder
	plain bool // write plain text: no link or code syntax, no escapes
	space bool // a space is pending before the next text
	depth int  // nesting of elements, bounded by maxNesting
	lists int  // nesting of lists
	brk   int  // line breaks pending before the next text: 1 a new line, 2 a new paragraph
	// indent begins each line inside the list item being written: its content's indent
	// under its marker, as Markdown reads what belongs to an item.
	indent string
	// item is set when a list item's marker was the last thing written: the item's first
	// block goes on the marker's line.
	item bool
	// broken are the struck elements (<del>) whose text was found to span lines, shared
	// with the writers of their insides: such an element's children are written once
	// more, as they are, and a struck element inside it is not tried again (trying each
	// level twice would cost 2^depth).
	broken map[*html.Node]bool
}

// maxListIndent bounds how many levels of lists indent their items: deeper ones are
// written at that level, so that a line of a list nested hundreds deep is not written
// behind hundreds of spaces.
const maxListIndent = 8

// maxNesting bounds how deep the writer follows elements, so that hostile nesting cannot
// exhaust the stack.
const maxNesting = 500

// String returns what was written, with blank lines collapsed and each line trimmed.
func (w *mdWriter) String() string {
	lines := strings.Split(w.b.String(), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		if strings.TrimSpace(l) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// newline ends the current line, unless it is empty.
func (w *mdWriter) newline() {
	if !w.item {
		w.brk = max(w.brk, 1)
	}
	w.space = false
}

// para ends the current paragraph.
func (w *mdWriter) para() {
	if !w.item {
		w.brk = 2
	}
	w.space = false
}

// lineBreak is a <br>: a line break, a blank line after another.
func (w *mdWriter) lineBreak() {
	if !w.item {
		w.brk = min(w.brk+1, 2)
	}
	w.space = false
}

// startText writes the line breaks pending before text, each new line indented as the
// list item it is in.
func (w *mdWriter) startText() {
	if w.brk > 0 && w.b.Len() > 0 {
		w.b.WriteString("\n\n"[:w.brk])
		w.b.WriteString(w.indent)
		w.space = false
	}
	w.brk = 0
	w.item = false
}

// write writes text of several lines (a code block) at the start of a line: each line
// after its first indented as the list item it is in.
func (w *mdWriter) write(s string) {
	w.startText()
	if w.indent != "" {
		s = strings.ReplaceAll(s, "\n", "\n"+w.indent)
	}
	w.b.WriteString(s)
}

func (w *mdWriter) children(n *html.Node) {
	if w.depth > maxNesting {
		return
	}
	w.depth++
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	w.depth--
}

// text writes a text node's words, whitespace collapsed.
func (w *mdWriter) text(s string) {
	words := strings.Fields(s)
	if len(words) == 0 {
		w.space = w.space || s != ""
		return
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		w.space = true
	}
	for i, word := range words {
		if i > 0 {
			w.space = true
		}
		w.sep()
		if w.plain {
			w.b.WriteString(word)
		} else {
			w.b.WriteString(escapeMarkdown(word))
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	w.space = unicode.IsSpace(r)
}

// raw writes text that must not be split or escaped (a code span, a link).
func (w *mdWriter) raw(s string) {
	w.sep()
	w.b.WriteString(s)
}

// sep writes the line breaks or the space pending before the next text: no space where a
// line or a list item begins.
func (w *mdWriter) sep() {
	if w.brk > 0 || w.item {
		w.startText()
	} else if w.space && w.b.Len() > 0 && !strings.HasSuffix(w.b.String(), "\n") {
		w.b.WriteByte(' ')
	}
	w.space = false
}

func (w *mdWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipNode(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.lineBreak()
	case atom.Img:
		for _, a := range n.Attr {
			if a.Key == "alt" {
				w.text(a.Val)
			}
		}
	case atom.Sup:
		// "E101<sup>1</sup>": a footnote's number, raised as the page shows it ("E101¹"),
		// not a last digit of the code.
		if t := collapseSpace(textContent(n)); t != "" && isDigits(t) && len(t) <= 3 && noteLink(n.FirstChild) == "" {
			w.raw(superscript(t))
			return
		}
		w.children(n)
	case atom.Del, atom.S, atom.Strike:
		// Text struck through, as Markdown writes it (and as the page shows it): a row
		// whose code is struck says the code is no longer in use (codemarks.go).
		if w.broken == nil {
			w.broken = map[*html.Node]bool{}
		}
		if !w.broken[n] {
			inner := mdWriter{plain: w.plain, depth: w.depth + 1, broken: w.broken}
			inner.children(n)
			if text := inner.String(); text != "" && !strings.Contains(text, "\n") {
				w.raw("~~" + text + "~~")
				return
			}
			w.broken[n] = true
		}
		w.children(n)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		code := collapseSpace(textContent(n))
		if code == "" {
			return
		}
		if w.plain {
			w.raw(code)
			return
		}
		if href := onlyLink(n); href != "" {
			// "<code><a href="#E1">E1</a></code>" (Javadoc's summaries): a link still, to
			// the section it names, as "<a><code>E1</code></a>" is.
			w.raw("[" + codeSpan(code) + "](" + href + ")")
			return
		}
		w.raw(codeSpan(code))
	case atom.A:
		if id := noteLink(n); id != "" {
			// A footnote's number linking to its note ("[1]", as Google Docs and Word
			// write them): a Markdown footnote reference, or the note's
			// definition where it begins a block (the link back to the reference, the
			// note's id its own), which footnotes.go joins to the error that refers to it.
			up := n.Parent
			if own := cmp.Or(attr(n, "id"), attr(n, "name")); own != "" && (up == nil || up.DataAtom != atom.Sup) && (w.b.Len() == 0 || w.brk > 0 || w.item || strings.HasSuffix(w.b.String(), "\n")) {
				w.raw("[^" + own + "]:")
				w.space = true
				return
			}
			if (up != nil && up.DataAtom == atom.Sup) || (n.FirstChild != nil && n.FirstChild.DataAtom == atom.Sup) {
				w.raw("[^" + id + "]")
				return
			}
		}
		href := strings.TrimSpace(attr(n, "href"))
		if w.plain || href == "" || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			w.children(n)
			return
		}
		inner := mdWriter{depth: w.depth + 1}
		inner.children(n)
		text := strings.ReplaceAll(inner.String(), "\n", " ")
		if text == "" {
			text = escapeMarkdown(href)
		}
		if strings.ContainsAny(href, " ()<>") {
			href = "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(href) + ">"
		}
		w.raw("[" + text + "](" + href + ")")
	case atom.Li:
		w.listItem(n, "- ")
	case atom.Ul, atom.Ol:
		if n.DataAtom == atom.Ol && !w.plain && listStart(n) != 1 {
			w.para() // "3." interrupts no paragraph in Markdown: it would be more of it
		} else {
			w.newline()
		}
		w.lists++
		w.items(n)
		w.lists--
		if w.lists == 0 && !w.plain {
			// Text after a list is a paragraph of its own, not more of its last item.
			w.para()
		} else {
			w.newline()
		}
	case atom.P, atom.Div, atom.Blockquote, atom.Section, atom.Article, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Table, atom.Dl, atom.Figure, atom.Header, atom.Footer, atom.Main, atom.Aside,
		atom.Details, atom.Summary:
		w.para()
		w.children(n)
		w.para()
	case atom.Pre:
		w.para()
		code := strings.Trim(textContent(n), "\n")
		if w.plain {
			w.write(code)
		} else {
			fence := "```"
			for strings.Contains(code, fence) {
				fence += "`"
			}
			w.write(fence + "\n" + code + "\n" + fence)
		}
		w.para()
	case atom.Tr, atom.Dt, atom.Dd, atom.Caption:
		w.newline()
		w.children(n)
		w.newline()
	case atom.Td, atom.Th:
		w.space = true
		w.children(n)
		w.space = true
	default:
		w.children(n)
	}
}

// noteLink returns the anchor n links to when n is a link to a footnote (or back from
// one): an <a href="#…"> whose text is a note's number in brackets, "[1]", as Google Docs
// and Word write it; or "".
func noteLink(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode || n.DataAtom != atom.A {
		return ""
	}
	href := strings.TrimSpace(attr(n, "href"))
	if len(href) < 2 || href[0] != '#' || len(href) > 41 || strings.ContainsAny(href, " []") {
		return ""
	}
	t := collapseSpace(textContent(n))
	if len(t) < 3 || t[0] != '[' || t[len(t)-1] != ']' {
		return "" // a bare raised "1" is read as a plain mark ("¹"), its note too
	}
	if t = t[1 : len(t)-1]; len(t) > 3 || !isDigits(t) {
		return ""
	}
	return href[1:]
}

// onlyLink returns the href of the one link inside n when it holds all n's text, else "".
func onlyLink(n *html.Node) string {
	var link *html.Node
	count := 0
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && count < 2; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				link = c
				count++
				continue
			}
			walk(c)
		}
	}
	walk(n)
	if count != 1 {
		return ""
	}
	href := strings.TrimSpace(attr(link, "href"))
	if href == "" || strings.ContainsAny(href, " ()<>") || strings.HasPrefix(strings.ToLower(href), "javascript:") ||
		collapseSpace(textContent(link)) != collapseSpace(textContent(n)) {
		return ""
	}
	return href
}

// items writes the content of an element, numbering the items of an ordered list ("1. ").
func (w *mdWriter) items(n *html.Node) {
	if n.DataAtom != atom.Ol || w.plain {
		w.children(n)
		return
	}
	if w.depth > maxNesting {
		return
	}
	w.depth++
	num := listStart(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			w.listItem(c, strconv.Itoa(num)+". ")
			num++
			continue
		}
		w.node(c)
	}
	w.depth--
}

// listItem writes a list item behind its marker ("- ", "2. "): its first block on the
// marker's line, the lines after it indented under it.
func (w *mdWriter) listItem(n *html.Node, marker string) {
	w.newline()
	if w.plain {
		w.children(n)
		w.newline()
		return
	}
	w.startText()
	w.b.WriteString(marker)
	outer := w.indent
	if len(w.indent) < maxListIndent*len("10. ") {
		w.indent += strings.Repeat(" ", len(marker))
	}
	w.item, w.space = true, false
	w.children(n)
	w.item = false // an empty item
	w.indent = outer
	// The next item follows on the next line, after an item of paragraphs too: the list
	// stays tight.
	w.brk = min(w.brk, 1)
	w.newline()
}

// listStart returns the number of an ordered list's first item: its start attribute, else 1.
func listStart(n *html.Node) int {
	if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil && v >= 0 && v < 1e9 {
		return v
	}
	return 1
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// codeSpan wraps code in enough backticks that none inside it closes the span.
func codeSpan(code string) string {
	longest, run := 0, 0
	for _, r := range code {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") {
		return fence + " " + code + " " + fence
	}
	return fence + code + fence
}

// superscript returns digits as superscript digits: "12" → "¹²".
func superscript(digits string) string {
	var b strings.Builder
	for _, d := range digits {
		b.WriteString(string([]rune(superscriptDigits)[d-'0']))
	}
	return b.String()
}

// escapeMarkdown escapes the characters of plain text that Markdown would read as markup:
// backslashes, backticks, asterisks, brackets and "<" anywhere, and underscores at the
// edge of a word (GFM does not read intraword underscores, so TOKEN_EXPIRED stays as
// written).
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\`*[]<_") {
		return s
	}
	var b strings.Builder
	runes := []rune(s)
	for i, r := range runes {
		switch r {
		case '\\', '`', '*', '[', ']', '<':
			b.WriteByte('\\')
		case '_':
			before := i > 0 && isWordRune(runes[i-1])
			after := i+1 < len(runes) && isWordRune(runes[i+1])
			if !before || !after {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
