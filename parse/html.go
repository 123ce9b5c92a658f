package parse

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/catalog"
)

// htmlReader reads HTML pages with goquery: tables with a code column (header roles as in
// Markdown tables, status from a column, a caption or the heading above), one <h2>/<h3>
// per code followed by its prose, and <dl> lists of codes. Descriptions keep links and
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
		return Detection{Score: 30, Why: "HTML with no error table, code heading or definition list of codes"}
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
	for _, b := range src.markdown().blocks {
		switch b.node.(type) {
		case *ast.HTMLBlock, *ast.Paragraph:
		default:
			return false
		}
	}
	return true
}

// posAttr is the attribute annotate adds to every start tag: the byte offset of the tag in
// the source.
const posAttr = "data-docgen-pos"

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
func annotate(text []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(text))
	var out bytes.Buffer
	out.Grow(len(text) + len(text)/4)
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			k := 1
			for k < len(raw) && !strings.ContainsRune(" \t\n\f\r/>", rune(raw[k])) {
				k++
			}
			out.Write(raw[:k])
			out.WriteString(" " + posAttr + `="` + strconv.Itoa(off) + `"`)
			out.Write(raw[k:])
		} else {
			out.Write(raw)
		}
		off += len(raw)
	}
	if off < len(text) {
		out.Write(text[off:]) // what the tokenizer stopped at (an unterminated tag)
	}
	return out.Bytes()
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

// hkind is what a block of an HTML page is.
type hkind int

const (
	hbHeading hkind = iota
	hbTable
	hbDL
	hbPre
	hbText
)

// hblock is one block of an HTML page, in document order.
type hblock struct {
	kind  hkind
	level int // headings: 1 to 6
	node  *html.Node
	pos   catalog.Pos
	text  string // headings: plain text; text blocks: Markdown; pre: the code
}

// readHTML reads src as HTML.
func readHTML(src *Source) *Doc {
	doc := &Doc{}
	gq, err := goquery.NewDocumentFromReader(bytes.NewReader(annotate(src.Text)))
	if err != nil { // html.Parse fails only on a failing reader; a bytes.Reader does not fail
		doc.Diags.Add(src.LinePos(1), catalog.Error, catalog.RuleUnrecognised, "cannot parse the page as HTML: %v", err)
		return doc
	}
	w := &htmlWalker{src: src, ix: newPosIndex(src), doc: doc}
	body := gq.Find("body")
	if body.Length() == 0 {
		body = gq.Selection
	}
	for _, n := range body.Nodes {
		w.collect(n)
	}
	w.flush()
	if t := strings.TrimSpace(gq.Find("head > title").First().Text()); t != "" {
		w.pageTitle = collapseSpace(t)
	}
	w.walk()
	return doc
}

// htmlWalker collects the blocks of a page and turns them into a Doc.
type htmlWalker struct {
	src       *Source
	ix        *posIndex
	doc       *Doc
	blocks    []hblock
	inline    []*html.Node // inline content not yet in a block
	pageTitle string
	blocky    map[*html.Node]bool // hasBlocks's answers

	stack   []*open
	summary []string
	samples []codeSample
	errors  bool // an error table, list or code heading has been read
	// nextHeading[i] is the index of the first heading block after block i (len(blocks)
	// if none); errBlocks[i] counts the error tables and lists among blocks[:i].
	nextHeading []int
	errBlocks   []int
}

// skipTags are elements whose content is not documentation: scripts, styles, forms and
// navigation (a page's table of contents).
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true, atom.Head: true,
	atom.Nav: true, atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true,
	atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Form: true,
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
func (w *htmlWalker) collect(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			w.inline = append(w.inline, c)
		case c.Type != html.ElementNode || skipTags[c.DataAtom]:
		case headingLevel(c) > 0:
			w.flush()
			w.add(hblock{kind: hbHeading, level: headingLevel(c), node: c, text: plainText(c)})
		case c.DataAtom == atom.Table:
			w.flush()
			w.add(hblock{kind: hbTable, node: c})
		case c.DataAtom == atom.Dl:
			w.flush()
			w.add(hblock{kind: hbDL, node: c})
		case c.DataAtom == atom.Pre:
			w.flush()
			w.add(hblock{kind: hbPre, node: c, text: strings.TrimRight(strings.TrimPrefix(textContent(c), "\n"), "\n ")})
		case blockTags[c.DataAtom]:
			w.flush()
			if w.hasBlocks(c) {
				w.collect(c)
				w.flush()
				continue
			}
			if text := markdownText(c); text != "" {
				w.add(hblock{kind: hbText, node: c, text: text})
			}
		default:
			w.inline = append(w.inline, c)
		}
	}
}

// add appends a block with its position.
func (w *htmlWalker) add(b hblock) {
	b.pos = nodePos(w.ix, b.node)
	w.blocks = append(w.blocks, b)
}

// flush turns the inline content collected so far into a text block.
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
		b := hblock{kind: hbText, node: nodes[0], text: text}
		if nodes[0].Type != html.ElementNode {
			b.node = nodes[0].Parent
		}
		w.add(b)
	}
}

// hasBlocks reports whether n holds a heading, table, list of definitions, code block or
// other block element that must become a block of its own. Answers are remembered, so
// that deep nesting costs linear time, not a walk of every subtree at every level.
func (w *htmlWalker) hasBlocks(n *html.Node) bool {
	if v, ok := w.blocky[n]; ok {
		return v
	}
	v := false
	for c := n.FirstChild; c != nil && !v; c = c.NextSibling {
		if c.Type != html.ElementNode || skipTags[c.DataAtom] {
			continue
		}
		switch c.DataAtom {
		case atom.Table, atom.Dl, atom.Pre, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			v = true
		case atom.Li, atom.Dd, atom.Dt, atom.Tr, atom.Td, atom.Th, atom.Caption:
			v = w.hasBlocks(c)
		default:
			v = (n.DataAtom != atom.Ul && n.DataAtom != atom.Ol && blockTags[c.DataAtom]) || w.hasBlocks(c)
		}
	}
	if w.blocky == nil {
		w.blocky = map[*html.Node]bool{}
	}
	w.blocky[n] = v
	return v
}

// walk turns the blocks into entries, groups and sections, keeping a stack of open
// headings as the Markdown reader does.
func (w *htmlWalker) walk() {
	n := len(w.blocks)
	w.nextHeading = make([]int, n+1)
	w.nextHeading[n] = n
	for i := n - 1; i >= 0; i-- {
		w.nextHeading[i] = w.nextHeading[i+1]
		if i+1 < n && w.blocks[i+1].kind == hbHeading {
			w.nextHeading[i] = i + 1
		}
	}
	w.errBlocks = make([]int, n+1)
	for i, b := range w.blocks {
		w.errBlocks[i+1] = w.errBlocks[i]
		if (b.kind == hbTable && w.isErrorTableNode(b.node)) || (b.kind == hbDL && w.dlHasCodes(b.node)) {
			w.errBlocks[i+1]++
		}
	}
	title := w.titleHeading()
	if title >= 0 {
		w.doc.Title = w.blocks[title].text
	} else {
		w.doc.Title = w.pageTitle
	}
	skip := -1
	for i, b := range w.blocks {
		if i%256 == 0 && w.src.cancelled() {
			break // the read is abandoned: what follows is not used
		}
		switch {
		case i == title || i == skip:
		case b.kind == hbHeading:
			if w.heading(i) {
				skip = i + 1 // a "status NNN" paragraph read as the heading's status
			}
		case b.kind == hbTable:
			w.table(b)
		case b.kind == hbDL:
			w.dl(b)
		case b.kind == hbPre:
			w.pre(b)
		default:
			w.text(b.text)
		}
	}
	w.closeTo(0)
	w.doc.Summary = strings.Join(w.summary, "\n\n")
	w.doc.ResponseFormat = responseFormatFrom(w.samples)
}

// titleHeading returns the index of the page's title heading: the first heading when it
// is an h1 and neither a status nor a code, or -1.
func (w *htmlWalker) titleHeading() int {
	for i, b := range w.blocks {
		if b.kind != hbHeading {
			continue
		}
		if b.level != 1 {
			return -1
		}
		if _, _, ok := statusHeading(b.text); ok || codeLike(cleanCode(b.text)) {
			return -1
		}
		return i
	}
	return -1
}

// ownErrors reports whether the blocks under heading i, up to the next heading, hold an
// error table or list.
func (w *htmlWalker) ownErrors(i int) bool {
	return w.errBlocks[w.nextHeading[i]] > w.errBlocks[i+1]
}

func (w *htmlWalker) top() *open {
	if len(w.stack) == 0 {
		return nil
	}
	return w.stack[len(w.stack)-1]
}

// heading opens the heading of block i. It reports whether the next block, a "status NNN"
// paragraph, was read as the heading's status.
func (w *htmlWalker) heading(i int) bool {
	b := w.blocks[i]
	// A part of a code's documentation written at the code heading's own level ("<h4>LOAN001
	// - …</h4>" then "<h4>Resolution</h4>") still belongs to that code.
	var sibling *catalog.Entry
	if t := w.top(); t != nil && t.level == b.level && (t.kind == hCode || t.kind == hPart) && headerRole(b.text) != roleUnknown && !codeLike(cleanCode(b.text)) {
		sibling = t.entry
	}
	w.closeTo(b.level)
	o := &open{level: b.level, text: b.text, pos: b.pos}
	parent := w.top()
	code, message := splitCodeHeading(b.text)
	if sibling != nil {
		o.kind, o.entry, o.role = hPart, sibling, headerRole(b.text)
		w.stack = append(w.stack, o)
		return false
	}
	st, name, isStatus := statusHeading(b.text)
	lineStatus, usedLine := catalog.Status(0), false
	if next := i + 1; next < len(w.blocks) && w.blocks[next].kind == hbText {
		if s, remark, ok := statusLine(firstLine(w.blocks[next].text)); ok {
			lineStatus, usedLine = s, true
			if rest := strings.TrimSpace(remark + restLines(w.blocks[next].text)); rest != "" {
				o.body = append(o.body, rest)
			}
		}
	}
	// A deeper heading right under this one that is not a part of a code's documentation
	// ("해결 방법", "Resolution") makes this heading a group.
	childHeading := false
	if k := w.nextHeading[i]; k < len(w.blocks) && w.blocks[k].level > b.level {
		childHeading = headerRole(w.blocks[k].text) == roleUnknown
	}
	switch {
	case isStatus && name != "" && isToken(name) && !reasonName(name, st) && !w.ownErrors(i) && !childHeading:
		// "INVALID_TOKEN (401)" over prose: a code with its own status.
		o.kind, o.status = hCode, st
		o.entry = w.newEntry(name, o.pos, st)
	case isStatus:
		o.kind, o.status = hGroup, st
	case parent != nil && (parent.kind == hCode || parent.kind == hPart) && headerRole(b.text) != roleUnknown:
		o.kind, o.entry, o.role = hPart, parent.entry, headerRole(b.text)
	case lineStatus != 0 && (childHeading || w.ownErrors(i)):
		o.kind, o.status = hGroup, lineStatus
	case isToken(code) && !sectionWord(code) && !w.ownErrors(i) && (lineStatus != 0 || codeLike(code) || (parent != nil && parent.kind == hGroup && isASCII(code))):
		o.kind = hCode
		o.entry = w.newEntry(code, o.pos, lineStatus)
		o.entry.Message = message
	case lineStatus != 0:
		o.kind, o.status = hGroup, lineStatus
	default:
		o.kind = hSection
	}
	if usedLine && o.kind == hSection {
		o.body = nil
		usedLine = false
	}
	w.stack = append(w.stack, o)
	return usedLine
}

// reasonName reports whether the name beside a status is the status's reason phrase in
// some spelling ("BAD_REQUEST", "Bad Request", "NotFound"), which makes the heading a
// group of codes rather than a code.
func reasonName(name string, st catalog.Status) bool {
	reason := foldHeader(st.Reason())
	return reason != "" && foldHeader(name) == reason
}

// newEntry starts the entry of a code heading; its text is filled when the heading
// closes.
func (w *htmlWalker) newEntry(code string, pos catalog.Pos, own catalog.Status) *catalog.Entry {
	w.doc.note(pos, "heading: code %q", code)
	w.doc.Rows++
	w.errors = true
	e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: w.groupName(), Source: pos}
	ctx := w.context()
	if ctx.RPC || isJSONRPCCode(code) {
		e.Protocol = catalog.JSONRPC
	}
	heading := own
	if heading == 0 {
		heading = ctx.Status
	}
	if e.Protocol == catalog.JSONRPC {
		heading = 0
	}
	resolveStatus(e, 0, heading, &w.doc.Diags)
	w.doc.Entries = append(w.doc.Entries, e)
	return e
}

// context returns what the open headings say about the rows below them.
func (w *htmlWalker) context() tableContext {
	var ctx tableContext
	for i := len(w.stack) - 1; i >= 0; i-- {
		o := w.stack[i]
		if ctx.Status == 0 && o.status != 0 && o.kind == hGroup {
			ctx.Status = o.status
		}
		if strings.Contains(strings.ToUpper(o.text), "JSON-RPC") {
			ctx.RPC = true
		}
	}
	ctx.Group = w.groupName()
	return ctx
}

// groupName returns the text of the innermost open group or section heading.
func (w *htmlWalker) groupName() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].kind {
		case hGroup, hSection:
			return w.stack[i].text
		}
	}
	return ""
}

// text adds Markdown to the innermost open heading, or to the summary.
func (w *htmlWalker) text(s string) {
	if o := w.top(); o != nil {
		o.body = append(o.body, s)
		return
	}
	w.summary = append(w.summary, s)
}

// closeTo closes the open headings at level or deeper (all of them for level 0).
func (w *htmlWalker) closeTo(level int) {
	for len(w.stack) > 0 && w.top().level >= level {
		o := w.top()
		w.stack = w.stack[:len(w.stack)-1]
		w.doc.closeHeading(o)
	}
}

// pre keeps a code block: as a sample of the error body when it documents one (before the
// first error, or under a heading about the response format), else as a fenced code block
// in the text.
func (w *htmlWalker) pre(b hblock) {
	if looksLikeBody(b.text) && (!w.errors || w.underResponseFormat()) {
		caption := ""
		if o := w.top(); o != nil && o.kind == hSection {
			caption = o.text
		}
		w.samples = append(w.samples, codeSample{Text: b.text, Pos: b.pos, Caption: caption})
		return
	}
	if b.text == "" {
		return
	}
	fence := "```"
	for strings.Contains(b.text, fence) {
		fence += "`"
	}
	w.text(fence + "\n" + b.text + "\n" + fence)
}

// underResponseFormat reports whether an open heading announces the response format.
func (w *htmlWalker) underResponseFormat() bool {
	for _, o := range w.stack {
		if isResponseFormatTitle(o.text) {
			return true
		}
	}
	return false
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

// readHTMLTable reads the rows of a table element (not those of tables nested in it).
func (w *htmlWalker) readHTMLTable(tn *html.Node) htmlTable {
	var t htmlTable
	var trs []*html.Node
	headRows := 0
	for c := tn.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Caption:
			t.caption = plainText(c)
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
	type span struct {
		node *html.Node
		left int
	}
	var pending []span // by column: cells of rows above that span down
	var grid [][]*html.Node
	for _, tr := range trs {
		var row []*html.Node
		col := 0
		take := func() {
			for col < len(pending) && pending[col].left > 0 {
				row = append(row, pending[col].node)
				pending[col].left--
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
			for k := 0; k < cs; k++ {
				row = append(row, c)
				for len(pending) <= col {
					pending = append(pending, span{})
				}
				pending[col] = span{node: c, left: rs - 1}
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
	// The header: the last row of <thead>, else a first row of <th> cells, else a first
	// row whose texts name a code column.
	hi := -1
	switch {
	case headRows > 0:
		hi = headRows - 1
	case allTH(grid[0]):
		hi = 0
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
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

func allTH(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return len(cells) > 0
}

// isErrorTableNode reports whether a table element lists error codes.
func (w *htmlWalker) isErrorTableNode(n *html.Node) bool {
	t := w.readHTMLTable(n)
	if t.header == nil {
		return false
	}
	texts := make([]string, len(t.header))
	for i, c := range t.header {
		texts[i] = plainText(c)
	}
	return hasRole(columnRoles(texts), roleCode)
}

// table reads an error table into entries; any other table is kept in the text as a GFM
// table.
func (w *htmlWalker) table(b hblock) {
	ht := w.readHTMLTable(b.node)
	t := table{src: w.src, memo: &tableMemo{}}
	for _, c := range ht.header {
		t.Header = append(t.Header, cell{Text: plainText(c), Pos: nodePos(w.ix, c)})
	}
	roles := columnRoles(cellTexts(t.Header))
	for i, r := range ht.rows {
		row := tableRow{Pos: ht.rowPos[i]}
		for j, c := range r {
			text := ""
			if j < len(roles) && (roles[j] == roleCode || roles[j] == roleStatus || roles[j] == roleMessage) {
				text = plainText(c)
			} else {
				text = markdownText(c)
			}
			row.Cells = append(row.Cells, cell{Text: text, Pos: nodePos(w.ix, c)})
		}
		t.Rows = append(t.Rows, row)
	}
	if t.Header != nil {
		w.doc.noteTable(t, nodePos(w.ix, b.node))
	}
	if t.Header == nil || !isErrorTable(t) {
		if t.Header == nil && len(t.Rows) > 0 {
			t.Header, t.Rows = t.Rows[0].Cells, t.Rows[1:]
		}
		if len(t.Header) > 0 {
			w.text(gfmTable(t))
		}
		return
	}
	ctx := w.context()
	if ht.caption != "" {
		ctx.Group = ht.caption
		if st, _, ok := statusHeading(ht.caption); ok {
			ctx.Status = st
		}
		if strings.Contains(strings.ToUpper(ht.caption), "JSON-RPC") {
			ctx.RPC = true
		}
	}
	w.doc.addTable(t, ctx)
	w.errors = true
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

// dtCode splits a term into its code and the status written beside it: "INVALID_TOKEN
// (401)" gives INVALID_TOKEN and "401"; "INVALID_TOKEN" gives itself and "".
func dtCode(text string) (code, status string) {
	if st, name, ok := statusHeading(text); ok && name != "" && isToken(name) {
		return name, strconv.Itoa(int(st))
	}
	return cleanCode(text), ""
}

// dlHasCodes reports whether a definition list lists error codes: most of its terms are
// written like codes, or all are one token under a status heading.
func (w *htmlWalker) dlHasCodes(n *html.Node) bool {
	items := dlItems(n)
	if len(items) == 0 {
		return false
	}
	codes := 0
	for _, it := range items {
		code, st := dtCode(plainText(it.dt))
		if codeLike(code) || (st != "" && isToken(code)) || isJSONRPCCode(code) {
			codes++
		}
	}
	return codes*2 > len(items)
}

// dl reads a definition list of codes as a table of code, status and description; any
// other list is kept in the text as "term: definition" lines.
func (w *htmlWalker) dl(b hblock) {
	items := dlItems(b.node)
	if !w.dlHasCodes(b.node) {
		var lines []string
		for _, it := range items {
			var defs []string
			for _, dd := range it.dds {
				defs = append(defs, markdownText(dd))
			}
			lines = append(lines, "- "+markdownText(it.dt)+": "+strings.Join(defs, " "))
		}
		if len(lines) > 0 {
			w.text(strings.Join(lines, "\n"))
		}
		return
	}
	pos := b.pos
	t := table{Header: []cell{{Text: "Code", Pos: pos}, {Text: "Status", Pos: pos}, {Text: "Description", Pos: pos}}}
	for _, it := range items {
		code, st := dtCode(plainText(it.dt))
		var defs []string
		for _, dd := range it.dds {
			if d := markdownText(dd); d != "" {
				defs = append(defs, d)
			}
		}
		p := nodePos(w.ix, it.dt)
		t.Rows = append(t.Rows, tableRow{Pos: p, Cells: []cell{{Text: code, Pos: p}, {Text: st, Pos: p}, {Text: strings.Join(defs, "\n\n"), Pos: p}}})
	}
	w.doc.addTable(t, w.context())
	w.errors = true
}
