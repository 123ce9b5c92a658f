package parse

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/catalog"
	"docgen/parse/doc"
)

// htmlReader reads HTML pages with goquery: tables with a code column (header roles as in
// Markdown tables, status from a column, a caption or the heading above), one <h2>/<h3>
// per code followed by its prose, one <details> per code whose <summary> names it
// (html_details.go), and <dl> lists of codes. Descriptions keep links and
// inline code as Markdown; everything else becomes plain text.
type htmlReader struct{}

func init() { Register(htmlReader{}) }

func (htmlReader) Name() string { return "html" }

// Detect claims HTML documents: .html files, and any file whose text is one raw HTML
// block. It is most certain when the page holds error tables, code headings or lists.
func (htmlReader) Detect(src *Source) Detection {
	if !looksLikeHTML(src) {
		return Detection{Score: 0, Why: "not HTML: the text does not begin and end with a tag"}
	}
	doc := readHTML(src)
	src.html = doc // Read takes it: parsing the page again cost as much as detecting it
	if doc.Rows == 0 {
		return Detection{Score: 30, Why: "HTML with no error table, code heading or definition list of codes", FormatOnly: true}
	}
	return Detection{Score: 80, Why: fmt.Sprintf("HTML with %d error rows (tables, code headings, definition lists)", doc.Rows)}
}

// Read reads the page into a Doc: the one Detect made, if it did (once: a second Read
// reads the page again, so that no two callers share a Doc).
func (htmlReader) Read(src *Source) *Doc {
	if doc := src.html; doc != nil {
		src.html = nil
		return doc
	}
	return readHTML(src)
}

// looksLikeHTML reports whether src is an HTML document: a .html or .htm file, or a file
// whose text is one raw HTML block: it begins with a tag, ends with one, and holds no
// Markdown of its own (headings, lists, tables, code blocks).
func looksLikeHTML(src *Source) bool {
	switch strings.ToLower(path.Ext(src.Path)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	text := bytes.TrimSpace(src.Text)
	if len(text) < 3 || text[0] != '<' || text[len(text)-1] != '>' {
		return false
	}
	if c := text[1] | 0x20; text[1] != '!' && text[1] != '?' && (c < 'a' || c > 'z') {
		return false
	}
	return src.markdown().htmlOnly
}

// posAttr is the attribute annotate adds to start tags: the byte offset of the tag in the
// source. It is short because a page has an element per few bytes of text, and each one's
// attribute is held in the tree while the page is read; a page's own attribute of that
// name comes after it, and the parser keeps the first.
const posAttr = "dgp"

// phrasing are the inline elements annotate leaves without a position, because no block
// starts at one: an element without a position takes that of the first element inside it
// that has one, else that of its nearest ancestor (nodePos). Leaving them out keeps the
// tree of a page of tables (a <code> in every cell) a fifth smaller.
var phrasing = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Br: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.I: true, atom.Img: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true, atom.Font: true,
}

// annotate returns text with the byte offset of every start tag written into the tag as
// a posAttr attribute.
//
// Why: goquery builds its tree with html.Parse, which keeps no positions, and the tree is
// not a copy of the tags: the HTML5 algorithm inserts elements that were never written
// (html, body, tbody), moves some (foster parenting of stray table content) and clones
// others (misnested formatting elements), so the n-th element of the tree is not the n-th
// start tag of the source. x/net/html's Tokenizer does give raw bytes whose lengths add
// up to each token's offset. Writing that offset into the tag itself makes it travel with
// the element through whatever the parser does: an element built from a tag carries the
// tag's real offset, an implied one carries none and takes its position from the nearest
// element that does (see nodePos). The parser keeps the first of duplicate attributes, so
// the attribute is put first, before any a page might have written itself.
//
// With flatten, start and end tags of layout elements (flattenTags) nested more than
// flattenDepth deep are left out, keeping their content: see htmlTree.
func annotate(text []byte, flatten bool) []byte {
	b, _ := io.ReadAll(newAnnotator(text, flatten)) // reading from memory does not fail
	return b
}

// annotator is annotate as a reader: the parser reads the annotated page token by token,
// so that it is never held whole beside the source and the tree (it was a third of the
// memory of reading a page of tables).
type annotator struct {
	z       *html.Tokenizer
	text    []byte
	flatten bool
	// segs, when set, says where the parts of text come from in the source: text is then
	// a part of a page behind the tags it needs (see htmlParts), and the offsets written
	// are the source's, not text's.
	segs    []htmlSegment
	off     int               // bytes of text tokenized so far
	depth   int               // elements open that only an end tag closes (flatten)
	dropped map[atom.Atom]int // start tags left out whose end tags are still to come
	buf     []byte            // the annotated bytes of the last token
	pending []byte            // what of buf is still to be read
	done    bool
	// between is set after a tag that leaves the parser between a table's cells or rows
	// (</td>, <tr>, </tr>, <tbody> …), where white space is no cell's text.
	between bool
}

// tableGap reports whether a tag is one after which white space stands between a table's parts: the end
// of a cell, row, caption or row group, or the start of a table, row group or row. The
// parser keeps such white space as text nodes in the table (four per row of a table
// written one cell per line); no reader needs them, and each costs a node of the tree.
func tableGap(tt html.TokenType, a atom.Atom) bool {
	switch a {
	case atom.Td, atom.Th, atom.Caption:
		return tt == html.EndTagToken
	case atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot, atom.Colgroup:
		return true
	case atom.Table:
		return tt == html.StartTagToken
	}
	return false
}

func newAnnotator(text []byte, flatten bool) *annotator {
	return &annotator{z: html.NewTokenizer(bytes.NewReader(text)), text: text, flatten: flatten, dropped: map[atom.Atom]int{}}
}

// origin returns where the byte at offset off of text is in the source.
func (an *annotator) origin(off int) int {
	for k := len(an.segs) - 1; k >= 0; k-- {
		if s := an.segs[k]; off >= s.at {
			return s.from + off - s.at
		}
	}
	return off
}

// Read implements io.Reader.
func (an *annotator) Read(p []byte) (int, error) {
	for len(an.pending) == 0 {
		if an.done {
			return 0, io.EOF
		}
		an.next()
	}
	n := copy(p, an.pending)
	an.pending = an.pending[n:]
	return n, nil
}

// next annotates the next token into buf.
func (an *annotator) next() {
	an.buf = an.buf[:0]
	defer func() { an.pending = an.buf }()
	tt := an.z.Next()
	if tt == html.ErrorToken {
		an.done = true
		if an.off < len(an.text) {
			an.buf = append(an.buf, an.text[an.off:]...) // what the tokenizer stopped at (an unterminated tag)
			an.off = len(an.text)
		}
		return
	}
	raw := an.z.Raw()
	off := an.off
	an.off += len(raw)
	if tt == html.TextToken && an.between && len(bytes.Trim(raw, " \t\n\f\r")) == 0 {
		return // white space between a table's cells or rows
	}
	var a atom.Atom
	if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
		name, _ := an.z.TagName() // lower-cases the name in raw too, which HTML allows
		a = atom.Lookup(name)
	}
	if tt != html.CommentToken {
		an.between = tableGap(tt, a)
	}
	if an.flatten && (tt == html.StartTagToken || tt == html.EndTagToken) {
		switch {
		case tt == html.StartTagToken && closedByEndTag(a) && an.depth >= flattenDepth && flattenTags[a]:
			an.dropped[a]++
			return
		case tt == html.StartTagToken && closedByEndTag(a):
			an.depth++
		case tt == html.EndTagToken && an.dropped[a] > 0:
			an.dropped[a]--
			return
		case tt == html.EndTagToken && closedByEndTag(a) && an.depth > 0:
			an.depth--
		}
	}
	if (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && !phrasing[a] {
		k := 1
		for k < len(raw) && !strings.ContainsRune(" \t\n\f\r/>", rune(raw[k])) {
			k++
		}
		an.buf = append(an.buf, raw[:k]...)
		an.buf = append(an.buf, " "+posAttr+`="`...)
		an.buf = strconv.AppendInt(an.buf, int64(an.origin(off)), 10)
		an.buf = append(an.buf, '"')
		an.buf = append(an.buf, raw[k:]...)
		return
	}
	an.buf = append(an.buf, raw...)
}

// flattenDepth is how deep annotate lets layout elements nest when it flattens a page:
// x/net/html (like Chromium's parser) stops at 512 open elements, and each element counted
// here may bring up to three that its end tag does not close (a table's tbody, tr, td).
const flattenDepth = 100

// flattenTags are the elements annotate may leave out of a page nested too deep for the
// HTML parser: they group or style content but give the reader no structure of their own
// (tables, headings, definition lists and code blocks are never left out; lists only as
// deep as no list of codes goes).
var flattenTags = map[atom.Atom]bool{
	atom.Div: true, atom.Span: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Aside: true, atom.Header: true, atom.Footer: true, atom.Font: true, atom.B: true,
	atom.I: true, atom.U: true, atom.S: true, atom.Em: true, atom.Strong: true, atom.Small: true,
	atom.Big: true, atom.Center: true, atom.Blockquote: true, atom.Mark: true, atom.Sub: true,
	atom.Sup: true, atom.Label: true, atom.Abbr: true, atom.Cite: true, atom.Q: true,
	atom.Figure: true, atom.Details: true, atom.Summary: true, atom.Address: true,
	atom.Del: true, atom.Ins: true, atom.Strike: true,
	atom.Ul: true, atom.Ol: true, // a list item left outside its list still reads as text
}

// closedByEndTag reports whether an element of this name stays open until its end tag:
// not a void element (br, img) and not one whose end tag may be left out (p, li, td).
func closedByEndTag(a atom.Atom) bool {
	switch a {
	case 0, atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.Param, atom.Keygen,
		atom.P, atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Option, atom.Optgroup, atom.Rb, atom.Rt, atom.Rp, atom.Rtc,
		atom.Colgroup, atom.Caption, atom.Html, atom.Head, atom.Body:
		return false
	}
	return true
}

// nodePos returns where n was written: its own tag's offset, else that of the first
// element inside it that has one, else that of the nearest ancestor that has one.
func nodePos(ix *posIndex, n *html.Node) catalog.Pos {
	if off, ok := ownOffset(n); ok {
		return ix.pos(off)
	}
	var found *html.Node
	var find func(*html.Node)
	find = func(m *html.Node) {
		for c := m.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if _, ok := ownOffset(c); ok {
				found = c
				return
			}
			find(c)
		}
	}
	find(n)
	if found != nil {
		off, _ := ownOffset(found)
		return ix.pos(off)
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if off, ok := ownOffset(p); ok {
			return ix.pos(off)
		}
	}
	return ix.pos(0)
}

// ownOffset returns the offset annotate wrote into n's tag.
func ownOffset(n *html.Node) (int, bool) {
	if n == nil || n.Type != html.ElementNode {
		return 0, false
	}
	for _, a := range n.Attr {
		if a.Key == posAttr && a.Namespace == "" {
			off, err := strconv.Atoi(a.Val)
			return off, err == nil && off >= 0
		}
	}
	return 0, false
}

// readHTML reads src as HTML.
func readHTML(src *Source) *Doc {
	d, flattened, page, err := htmlTree(src)
	if err != nil { // a page nested too deep even with its layout elements flattened
		doc := &Doc{}
		doc.Diags.Add(src.LinePos(1), catalog.Error, catalog.RuleUnrecognised, "cannot parse the page as HTML: %v", err)
		return doc
	}
	out := interpret(src, d)
	if n := len(page.cuts); n > 0 {
		out.note(src.LinePos(1), "HTML: the page (%d bytes) was parsed in %d parts, cut between elements directly in <body> or between the rows of a table there", len(src.Text), n+1)
	}
	switch {
	case out.quiet:
		// No notes asked for: the position of the stop is not worth a position index of
		// the whole page.
	case page.why != "" && len(page.cuts) == 0:
		out.note(src.posIx().pos(page.stop), "HTML: the page is parsed whole, not in parts (more memory): %s", page.why)
	case page.why != "":
		out.note(src.posIx().pos(page.stop), "HTML: the page is not cut after here, so from its last cut on it is parsed in one piece: %s", page.why)
	}
	if flattened {
		out.Diags.Add(src.LinePos(1), catalog.Warning, RuleSyntax,
			"the page nests elements more than 512 deep, deeper than an HTML parser goes: it was read with its layout elements (div, span, section …) below depth %d left out", flattenDepth)
	}
	return out
}

// htmlTree is the HTML front-end: it reads the page's structure into a document tree.
//
// A page nested deeper than the HTML parser goes (512 open elements) is read again with
// its layout elements flattened below flattenDepth, and flattened says so: its text and
// its tables, lists and headings are kept, only grouping elements are lost.
//
// A large page is parsed in parts when it can be (htmlTreeParts).
//
// page is what htmlParts found on a page large enough to be cut: where it cut it, or
// where and why it could not.
func htmlTree(src *Source) (d *doc.Document, flattened bool, page htmlPage, err error) {
	d, page = htmlTreeParts(src, htmlPartSize)
	if d != nil {
		return d, false, page, nil
	}
	page.cuts = nil // parsed whole after all
	d, flattened, err = htmlTreeWhole(src)
	return d, flattened, page, err
}

// htmlTreeWhole is htmlTree with the page parsed whole.
func htmlTreeWhole(src *Source) (d *doc.Document, flattened bool, err error) {
	gq, err := goquery.NewDocumentFromReader(newAnnotator(src.Text, false))
	if err != nil && strings.Contains(err.Error(), "open stack of elements") {
		flattened = true
		gq, err = goquery.NewDocumentFromReader(newAnnotator(src.Text, true))
	}
	if err != nil {
		return nil, flattened, err
	}
	w := &htmlWalker{src: src, ix: newPosIndex(src)}
	body := gq.Find("body")
	if body.Length() == 0 {
		body = gq.Selection
	}
	for _, n := range body.Nodes {
		w.collect(n)
	}
	w.flush()
	d = &doc.Document{Blocks: w.blocks}
	if t := strings.TrimSpace(gq.Find("head > title").First().Text()); t != "" {
		d.Meta = map[string]string{"pagetitle": collapseSpace(t)}
	}
	return d, flattened, nil
}

// htmlWalker collects the blocks of a page.
type htmlWalker struct {
	src    *Source
	ix     *posIndex
	blocks []doc.Block
	inline []*html.Node          // inline content not yet in a block
	blocky map[blockQuery]bool   // hasBlocks's and itemBlocks's answers
	level  int                   // the level of the last heading, 0 before the first
	tabs   htmlTabs              // the labels of the tabs passed (html_tabs.go)
	tables map[*html.Node]bool   // holdsTable's answers (html_status.go)
	ids    map[string]*html.Node // the page's elements by id, once a panel asks (labelByID)
}

// skipTags are elements whose content is not documentation: scripts, styles, forms and
// navigation (a page's table of contents).
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true, atom.Head: true,
	atom.Nav: true, atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true,
	atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Form: true,
	// A footer is the page's (copyright, links to a status page, "Was this page
	// helpful?") or an article's (its last update): never part of the last section.
	atom.Footer: true,
}

// skipNode reports whether element n holds no documentation: a skipTags element, one
// whose ARIA role says it is the page's navigation or its footer (a <div
// role="contentinfo">, as pages built before <footer> write it), or a permalink.
func skipNode(n *html.Node) bool {
	if skipTags[n.DataAtom] || permalink(n) {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "role" && a.Namespace == "" {
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "navigation", "contentinfo":
				return true
			}
		}
	}
	return false
}

// permalink reports whether n is a link to its own place in the page, written after a
// heading, a caption or a term as a sign (Sphinx and MkDocs "¶", VuePress "#", "§", "🔗")
// or an icon: the page's chrome, not a word of the title ("NX101¶" is the code NX101).
func permalink(n *html.Node) bool {
	if n.DataAtom != atom.A || !strings.HasPrefix(strings.TrimSpace(attr(n, "href")), "#") {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			switch strings.TrimSpace(c.Data) {
			case "", "¶", "§", "#", "🔗", "⚓", "∞":
			default:
				return false
			}
		case c.Type == html.ElementNode && (c.DataAtom == atom.Svg || c.DataAtom == atom.Img ||
			c.DataAtom == atom.I || c.DataAtom == atom.Span) && strings.TrimSpace(textContent(c)) == "":
		default:
			return false
		}
	}
	return true
}

// blockTags are the elements that break inline content into blocks.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Details: true,
	atom.Dialog: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Ul: true, atom.Summary: true, atom.Body: true,
	atom.Html: true, atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// headingLevel returns the level of an h1 to h6 element, or 0.
func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// collect splits the content of n into blocks.
func (w *htmlWalker) collect(n *html.Node) { w.collectFrom(n.FirstChild) }

// collectNode adds the blocks of one node, or its inline content to the paragraph being
// collected.
func (w *htmlWalker) collectNode(c *html.Node) {
	switch {
	case c.Type == html.TextNode:
		w.inline = append(w.inline, c)
	case c.Type == html.ElementNode && tabList(c):
		w.flush()
		w.readTabList(c) // the labels of the panels after it, not text
	case c.Type != html.ElementNode || skipNode(c) || labelsPanel(c):
	case memberSignature(c):
		w.flush() // the declaration of the member its heading names: code, not its text
	case tabPanel(c) || w.controlledPanel(c):
		w.tabSection(c)
	case headingLevel(c) > 0:
		w.flush()
		w.level = headingLevel(c)
		w.blocks = append(w.blocks, &doc.Heading{Pos: nodePos(w.ix, c), Level: w.level, Text: plainText(c)})
	case (c.DataAtom == atom.Details || expandMacro(c) || storageExpand(c)) && w.detailsSection(c):
		// Read as a section under its summary.
	case confluencePanel(c):
		w.panelSection(c)
	case c.DataAtom == atom.Dl && w.termsOverLists(c):
		w.flush()
		w.termSections(c)
	case c.DataAtom == atom.Figcaption && figureTable(c.Parent) != nil:
		w.flush() // the caption of the figure's table (see table), not text of its own
	case c.DataAtom == atom.Table:
		w.flush()
		w.blocks = append(w.blocks, w.table(c))
	case c.DataAtom == atom.Dl:
		w.flush()
		w.blocks = append(w.blocks, w.defList(c))
	case c.DataAtom == atom.Pre:
		w.flush()
		w.blocks = append(w.blocks, &doc.Code{Pos: nodePos(w.ix, c), Text: strings.TrimRight(strings.TrimPrefix(textContent(c), "\n"), "\n ")})
	case blockTags[c.DataAtom]:
		w.flush()
		if w.hasBlocks(c) {
			w.collect(c)
			w.flush()
			return
		}
		text := markdownText(c)
		if text == "" {
			return
		}
		if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol {
			w.blocks = append(w.blocks, w.list(c, text))
			return
		}
		w.blocks = append(w.blocks, &doc.Para{Pos: nodePos(w.ix, c), Text: text})
	case w.hasBlocks(c):
		// An inline element around blocks (a <span> or <font> around a table, as
		// browsers allow): its blocks are read as blocks.
		w.flush()
		w.collect(c)
		w.flush()
	default:
		w.inline = append(w.inline, c)
	}
}

// termsOverLists reports whether a definition list gives a term a table or another
// definition list ("<dt>400 Bad Request</dt><dd><dl>…codes…</dl></dd>"): its terms are
// then headings over what they define, not entries.
func (w *htmlWalker) termsOverLists(n *html.Node) bool {
	for _, it := range dlItems(n) {
		for _, dd := range it.dds {
			for c := dd.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Table || c.DataAtom == atom.Dl {
					return true
				}
			}
		}
	}
	return false
}

// termSections reads a definition list whose terms stand over tables or lists as
// sections: each term a heading one level under the last, its definitions the blocks
// under it.
func (w *htmlWalker) termSections(n *html.Node) {
	outer := w.level
	level := min(outer+1, 6)
	for _, it := range dlItems(n) {
		w.blocks = append(w.blocks, &doc.Heading{Pos: nodePos(w.ix, it.dt), Level: level, Text: plainText(it.dt)})
		w.level = level
		for _, dd := range it.dds {
			w.collect(dd)
			w.flush()
		}
	}
	w.level = outer
}

// list returns a list element, whose Markdown is text, as a list block.
func (w *htmlWalker) list(n *html.Node, text string) *doc.List {
	l := &doc.List{Pos: nodePos(w.ix, n), Ordered: n.DataAtom == atom.Ol, Text: text}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Li {
			l.Items = append(l.Items, doc.Item{Pos: nodePos(w.ix, c), Text: markdownText(c)})
		}
	}
	return l
}

// flush turns the inline content collected so far into a paragraph.
func (w *htmlWalker) flush() {
	if len(w.inline) == 0 {
		return
	}
	nodes := w.inline
	w.inline = nil
	var mw mdWriter
	for _, n := range nodes {
		mw.node(n)
	}
	if text := mw.String(); text != "" {
		at := nodes[0]
		if at.Type != html.ElementNode {
			at = at.Parent
		}
		w.blocks = append(w.blocks, &doc.Para{Pos: nodePos(w.ix, at), Text: text})
	}
}

// blockQuery is a question hasBlocks (item false) or itemBlocks (item true) answered of
// a node.
type blockQuery struct {
	n    *html.Node
	item bool
}

// hasBlocks reports whether n holds a heading, table, list of definitions, code block or
// other block element that must become a block of its own; of a list item, only what
// itemBlocks says. Answers are remembered, so that deep nesting costs linear time, not a
// walk of every subtree at every level.
func (w *htmlWalker) hasBlocks(n *html.Node) bool {
	if v, ok := w.blocky[blockQuery{n, false}]; ok {
		return v
	}
	v := false
	for c := n.FirstChild; c != nil && !v; c = c.NextSibling {
		if c.Type != html.ElementNode || skipNode(c) {
			continue
		}
		switch c.DataAtom {
		case atom.Table, atom.Dl, atom.Pre, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			v = true
		case atom.Li:
			v = w.itemBlocks(c)
		case atom.Dd, atom.Dt, atom.Tr, atom.Td, atom.Th, atom.Caption:
			v = w.hasBlocks(c)
		default:
			v = (n.DataAtom != atom.Ul && n.DataAtom != atom.Ol && blockTags[c.DataAtom]) || w.hasBlocks(c)
		}
	}
	w.remember(blockQuery{n, false}, v)
	return v
}

// itemBlocks reports whether a list item holds a heading, table, list of definitions or
// <details> element, which make its list blocks of their own. Its paragraphs, lists and
// code blocks do not: the item's Markdown keeps them ("- Ask the customer…", its second
// paragraph, its nested list or its fenced code indented under it), so that the list
// stays one, as a Markdown list of the same items does.
func (w *htmlWalker) itemBlocks(n *html.Node) bool {
	if v, ok := w.blocky[blockQuery{n, true}]; ok {
		return v
	}
	v := false
	for c := n.FirstChild; c != nil && !v; c = c.NextSibling {
		if c.Type != html.ElementNode || skipNode(c) {
			continue
		}
		switch c.DataAtom {
		case atom.Table, atom.Dl, atom.Details, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			v = true
		default:
			v = w.itemBlocks(c)
		}
	}
	w.remember(blockQuery{n, true}, v)
	return v
}

// remember keeps an answer of hasBlocks or itemBlocks.
func (w *htmlWalker) remember(q blockQuery, v bool) {
	if w.blocky == nil {
		w.blocky = map[blockQuery]bool{}
	}
	w.blocky[q] = v
}

// ---- tables ----

// htmlTable is a table of a page as a grid: rowspan and colspan are spread over the cells
// they cover.
type htmlTable struct {
	caption string
	header  []*html.Node // the header row's cells; nil when the table has none
	rows    [][]*html.Node
	rowPos  []catalog.Pos
}

// maxSpan bounds rowspan and colspan, as browsers do (colspan 1000, rowspan 65534), but
// lower: a hostile span must not make the grid huge.
const maxSpan = 100

// A table's spans may add at most spanSlots slots to its grid, or spanSlotsPerCell for
// each of its cells when that is more: a page's own tables stay far below (a status
// spanning the rows of its group adds fewer slots than the group has cells), while a
// hostile one (every cell <td colspan=1000>) made the grid a hundred times the cells
// (2.4 GB for 2 MB). Past it, a cell covers only its own slot.
const (
	spanSlots        = 1 << 16
	spanSlotsPerCell = 4
)

// captionNumber is the number a generator puts before a table's caption ("Table 1 Codes
// returned by the API", "Table 3.2: Errors"): the page's numbering, not the caption.
var captionNumber = regexp.MustCompile(`^(?i:table|tab\.)\s*\d+(?:[.-]\d+)*\s*[.:–—-]?\s+`)

// readHTMLTable reads the rows of a table element (not those of tables nested in it).
//
// Without header, every row is a row (the rest of a table whose header an earlier part of
// the page held: see htmlTreeParts).
func (w *htmlWalker) readHTMLTable(tn *html.Node, header bool) htmlTable {
	var t htmlTable
	var trs []*html.Node
	headRows := 0
	for c := tn.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Caption:
			t.caption = plainText(c)
			if m := captionNumber.FindString(t.caption); m != "" && m != t.caption {
				t.caption = t.caption[len(m):]
			}
		case atom.Tr:
			trs = append(trs, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					trs = append(trs, r)
					if c.DataAtom == atom.Thead {
						headRows++
					}
				}
			}
		}
	}
	// Spread the spans into a grid.
	cells, width := 0, 1 // the table's cells, and the most a row has
	for _, tr := range trs {
		n := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				n++
			}
		}
		cells, width = cells+n, max(width, n)
	}
	slots := max(spanSlots, spanSlotsPerCell*cells) // the slots spans may still add
	type span struct {
		node  *html.Node
		until int // the last row it covers
	}
	var pending []span // by column: cells of rows above that span down
	var grid [][]*html.Node
	for r, tr := range trs {
		var row []*html.Node
		col := 0
		take := func() {
			for col < len(pending) && pending[col].until >= r {
				row = append(row, pending[col].node)
				col++
			}
		}
		take()
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			take()
			cs, rs := spanAttr(c, "colspan"), spanAttr(c, "rowspan")
			// What a span costs is the slots it adds within the table: a cell written
			// colspan="100" for "the whole row" of a table of three columns costs two,
			// one that spans past the last row costs the rows left.
			cost := min(cs, width)*min(rs, len(trs)-r) - 1
			if cost > slots {
				cs, rs, cost = 1, 1, 0
			}
			slots -= cost
			for k := 0; k < cs; k++ {
				row = append(row, c)
				for len(pending) <= col {
					pending = append(pending, span{until: -1})
				}
				pending[col] = span{node: c, until: r + rs - 1}
				col++
			}
		}
		take()
		grid = append(grid, row)
		t.rowPos = append(t.rowPos, nodePos(w.ix, tr))
	}
	if len(grid) == 0 {
		return t
	}
	// The header: the last row of <thead>, else the last of the first rows of <th> cells
	// (a header of two rows, "说明" spanning "错误信息" and "处理建议", names each column in
	// its lower row; a cell spanning both rows is in both), else a first row whose texts
	// name a code column.
	hi := -1
	switch {
	case !header:
	case headRows > 0:
		hi = headRows - 1
	case allTH(grid[0]):
		hi = 0
		for hi+1 < len(grid) && allTH(grid[hi+1]) && distinctCells(grid[hi+1]) > 1 {
			hi++ // a row of one cell across the table is a group's label, not a header
		}
	default:
		texts := make([]string, len(grid[0]))
		for i, c := range grid[0] {
			texts[i] = plainText(c)
		}
		if hasRole(columnRoles(texts), roleCode) {
			hi = 0
		}
	}
	if hi >= 0 {
		t.header = grid[hi]
	}
	t.rows = grid[hi+1:]
	t.rowPos = t.rowPos[hi+1:]
	return t
}

// spanAttr returns a cell's colspan or rowspan: 1 unless the attribute says more, at most
// maxSpan.
func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			return spanValue(a.Val)
		}
	}
	return 1
}

// spanValue reads the value of a colspan or rowspan attribute (see spanAttr).
func spanValue(val string) int {
	v, err := strconv.Atoi(strings.TrimSpace(val))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}

// distinctCells counts the cells of a grid row, a spanned cell once.
func distinctCells(row []*html.Node) int {
	n := 0
	for i, c := range row {
		if i == 0 || c != row[i-1] {
			n++
		}
	}
	return n
}

func allTH(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return len(cells) > 0
}

// table returns a table element as a table block: cells as Markdown, with their plain
// text beside.
func (w *htmlWalker) table(n *html.Node) *doc.Table {
	ht := w.readHTMLTable(n, true)
	if ht.caption == "" && n.Parent != nil && figureTable(n.Parent) == n {
		ht.caption = figureCaption(n.Parent)
	}
	t := &doc.Table{Pos: nodePos(w.ix, n), Caption: ht.caption}
	for i, c := range ht.header {
		if i > 0 && c == ht.header[i-1] {
			t.Header = append(t.Header, t.Header[i-1]) // a colspan: read once
			continue
		}
		t.Header = append(t.Header, w.cellOf(c))
	}
	w.addRows(t, ht)
	return t
}

// figureTable returns the one table of a <figure> that has a <figcaption>, or nil: the
// figure's caption is then the table's, as a <caption> is (before or after the table).
func figureTable(fig *html.Node) *html.Node {
	if fig == nil || fig.DataAtom != atom.Figure {
		return nil
	}
	var table *html.Node
	captioned := false
	for c := fig.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		case c.DataAtom == atom.Figcaption:
			captioned = true
		case c.DataAtom == atom.Table && table == nil:
			table = c
		default:
			return nil // more than a table and its caption: the caption is the figure's
		}
	}
	if !captioned {
		return nil
	}
	return table
}

// figureCaption returns the text of a figure's <figcaption>, without the page's
// numbering ("Table 2: …").
func figureCaption(fig *html.Node) string {
	for c := fig.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Figcaption {
			caption := plainText(c)
			if m := captionNumber.FindString(caption); m != "" && m != caption {
				caption = caption[len(m):]
			}
			return caption
		}
	}
	return ""
}

// lastTable returns the last block when it is a table.
func (w *htmlWalker) lastTable() (*doc.Table, bool) {
	if len(w.blocks) == 0 {
		return nil, false
	}
	t, ok := w.blocks[len(w.blocks)-1].(*doc.Table)
	return t, ok
}

// cellOf returns a table cell as a cell block: its Markdown, with its plain text beside.
func (w *htmlWalker) cellOf(c *html.Node) doc.Cell {
	md, plain := markdownText(c), ""
	if hasElements(c) || strings.Contains(md, "\\") {
		// Markup or escapes: the plain text differs (text alone reads the same).
		if plain = plainText(c); plain == md {
			plain = ""
		}
	}
	return doc.Cell{Pos: nodePos(w.ix, c), Text: md, Plain: plain}
}

// addRows adds the rows of ht to t.
//
// A cell that spans slots of the grid is read once: every slot of its span but the first
// has the same cell to its left or in the row above (readHTMLTable keeps a span whole), and
// takes that slot's cell; read once per slot, one cell of N bytes spanning 100 by 100 slots
// cost 10,000 readings of N bytes.
func (w *htmlWalker) addRows(t *doc.Table, ht htmlTable) {
	var above []*html.Node // the grid row above, whose cells are t.Rows' last
	var aboveLabel *html.Node
	labelText := ""
	for i, r := range ht.rows {
		row := doc.Row{Pos: ht.rowPos[i], Cells: make([]doc.Cell, len(r))}
		if len(r) > 1 && distinctCells(r) == 1 {
			// One cell across the table ("<th colspan=3>Authentication</th>"): the label
			// of the rows below it, written strong as such labels are (tablegroups.go).
			if r[0] != aboveLabel {
				aboveLabel, labelText = r[0], plainText(r[0])
			}
			if labelText != "" {
				row.Cells[0] = doc.Cell{Pos: nodePos(w.ix, r[0]), Text: "**" + escapeMarkdown(labelText) + "**"}
				for j := 1; j < len(r); j++ {
					row.Cells[j].Pos = row.Cells[0].Pos
				}
				t.Rows = append(t.Rows, row)
				above = nil // its cells are not the nodes' own
				continue
			}
		}
		for j, c := range r {
			switch {
			case j > 0 && c == r[j-1]:
				row.Cells[j] = row.Cells[j-1]
			case j < len(above) && c == above[j]:
				row.Cells[j] = t.Rows[len(t.Rows)-1].Cells[j]
			default:
				row.Cells[j] = w.cellOf(c)
			}
		}
		t.Rows = append(t.Rows, row)
		above = r
	}
}

// ---- definition lists ----

// dlItem is one term of a definition list with the definitions that follow it.
type dlItem struct {
	dt  *html.Node
	dds []*html.Node
}

// dlItems returns the terms of a dl element with their definitions. Terms written one
// after another share the definitions that follow them; a <div> around a term and its
// definitions (as HTML allows) is looked through.
func dlItems(n *html.Node) []dlItem {
	var items []dlItem
	open := 0 // items at the end of the list still taking definitions
	var visit func(*html.Node)
	visit = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Dt:
				if open > 0 && len(items[len(items)-1].dds) > 0 {
					open = 0
				}
				items = append(items, dlItem{dt: c})
				open++
			case atom.Dd:
				for k := len(items) - open; k < len(items); k++ {
					items[k].dds = append(items[k].dds, c)
				}
			case atom.Div:
				visit(c)
			}
		}
	}
	visit(n)
	return items
}

// hasElements reports whether n holds an element: without one, its Markdown and its plain
// text differ only by escapes.
func hasElements(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// defList returns a dl element as a definition list block.
func (w *htmlWalker) defList(n *html.Node) *doc.DefList {
	l := &doc.DefList{Pos: nodePos(w.ix, n)}
	for _, it := range dlItems(n) {
		term := doc.Cell{Pos: nodePos(w.ix, it.dt), Text: markdownText(it.dt), Plain: plainText(it.dt)}
		def := doc.Def{Term: term}
		for _, dd := range it.dds {
			def.Defs = append(def.Defs, doc.Cell{Pos: nodePos(w.ix, dd), Text: markdownText(dd)})
		}
		l.Items = append(l.Items, def)
	}
	return l
}
