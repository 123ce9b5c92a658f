package parse

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"

	"docgen/catalog"
	"docgen/parse/doc"
)

// markdownReader reads Markdown error documents on goldmark's AST: one heading per code
// (mdheadings.go: Docusaurus pages with "## Group" + "status NNN" and "### Code"), pipe
// tables with a code column (mdtable.go), and tables grouped under status headings, which is
// both at once. One reader walks both shapes, because real documents mix them: a status
// heading over a table, a code heading whose body holds a table.
type markdownReader struct{}

func init() { Register(markdownReader{}) }

func (markdownReader) Name() string { return "markdown" }

// mdDoc is a source read as Markdown: its document tree and what detection counts in it.
// It is made once (markdown) and serves both detection and the read; no goldmark node
// outlives the part of the source it was parsed from.
type mdDoc struct {
	fm   map[string]any // front matter, nil when there is none
	tree *doc.Document  // the top-level blocks as a document tree
	// pipeRows and bareRows count the body rows of GFM tables whose line does or does not
	// begin with "|": text copied out of HTML pages forms tables with bare rows, which are
	// left to the scraped-text reader.
	pipeRows, bareRows int
	codeTables         int // tables with a code column
	codeParas          int // paragraphs that begin with a code in bold, as code or after a label
	glossaryTables     int // tables whose code column holds HTTP statuses only
	codeHeadings       int // headings that read as error codes
	codeLists          int // lists whose every item is a code and its text
	statusHeadings     int // headings that carry a status (text or "status NNN" line)
	errorHeadings      int // of those, headings that name an error status (4xx, 5xx)
	// htmlOnly is set when every top-level block is raw HTML or a paragraph (looksLikeHTML).
	htmlOnly bool
	parts    int // the parts the source was parsed in
	// diags are what the front-end itself has to say (rows read across a blank line).
	diags catalog.Diagnostics
}

// mdChunk is the size past which a Markdown source is parsed in parts. goldmark's tree is
// about twelve times the text it is made of (a node and its line segments for every
// heading, paragraph and line of inline text): parsed whole, a 20 MB document of code
// headings held 300 MB of it at once. A part is parsed, made into the document's blocks and
// let go before the next; the tree's size is then bounded by the part's, whatever the
// document's.
const mdChunk = 256 << 10

// markdown reads src as Markdown once and caches the result on the source.
//
// A large source is parsed in parts cut just before a top-level ATX heading ("## …" at the
// start of a line, after a blank line): such a line closes every block CommonMark can have
// open there but a fenced code block or a raw HTML block of kinds 1 to 5 (<pre>, <script>,
// comments…), so the parts give the blocks the whole parse gives. Each cut is proved rather
// than assumed: the part is parsed with the heading's line, and the cut is taken only when
// goldmark makes that line a top-level heading of its own; otherwise the part grows. A
// failed cut doubles the part before the next try, so that a source with no safe cut (one
// long code block of "# comments") costs at most about three times its parse.
func (src *Source) markdown() *mdDoc {
	if src.md == nil {
		src.md = readMarkdown(src, mdChunk)
	}
	return src.md
}

// readMarkdown reads src as Markdown in parts of at least chunk bytes.
func readMarkdown(src *Source, chunk int) *mdDoc {
	// limitNesting (mdguard.go) keeps goldmark linear on deeply nested containers.
	text, tabs := liquidLines(limitNesting(src.Text)) // GitBook's tags (mdliquid.go)
	b := &mdBuilder{src: src, d: &mdDoc{tree: &doc.Document{}, htmlOnly: true}}
	for at, first := 0, true; at < len(text); first = false {
		root, ctx, end := parseMDPart(text, at, first, chunk)
		b.d.parts++
		if first {
			if fm := frontmatter.Get(ctx); fm != nil {
				var m map[string]any
				if fm.Decode(&m) == nil {
					b.d.fm = m
				}
			}
		}
		last := ast.Node(nil)
		if end < len(text) {
			last = root.LastChild() // the next part's first heading, parsed again there
		}
		// Text is read from the source, not from what limitNesting gave goldmark: the
		// offsets are the same, the escapes it added are not the document's.
		for n := root.FirstChild(); n != nil && n != last; n = n.NextSibling() {
			b.addBlock(n, src.Text[at:end], at)
		}
		if end < len(text) {
			b.finish(src.Pos(end).Line) // the part's last block ends before the cut: let its tree go
		}
		at = end
	}
	b.flush()
	d := b.d
	d.tree.Blocks = tabSections(src, d.tree.Blocks, tabs)
	for _, k := range []string{"id", "title", "description"} {
		if v, ok := d.fm[k].(string); ok {
			if d.tree.Meta == nil {
				d.tree.Meta = map[string]string{}
			}
			d.tree.Meta[k] = v
		}
	}
	return d
}

// parseMDPart parses text from at to a cut at least chunk bytes further on (see markdown),
// or to its end; it returns the parse of text[at:end], with the cut's heading as the last
// block when end is a cut.
func parseMDPart(text []byte, at int, first bool, chunk int) (ast.Node, parser.Context, int) {
	gm := mdBody
	from := at + chunk
	if first {
		gm = md
		from = max(from, frontMatterEnd(text))
	}
	cuts := mdCuts{text: text, at: at}
	for from < len(text) {
		cut, next := cuts.next(from)
		if cut < 0 {
			break
		}
		ctx := parser.NewContext()
		root := gm.Parser().Parse(gmtext.NewReader(text[at:next]), parser.WithContext(ctx))
		if h, ok := root.LastChild().(*ast.Heading); ok && h.Pos()+at == cut {
			return root, ctx, cut
		}
		// The next try is twice the size of this one: what the failed tries parse adds
		// up to at most twice the part.
		from = max(next, at+2*(next-at))
	}
	ctx := parser.NewContext()
	root := gm.Parser().Parse(gmtext.NewReader(text[at:]), parser.WithContext(ctx))
	return root, ctx, len(text)
}

// mdCuts finds the lines of text from at on that may start a part: an ATX heading with
// text, in the first column, after a blank line, outside what reads as a top-level fenced
// code block. It reads each line once, from at, where no block is open (the start of the
// source or a proved cut), so that its idea of which fence is open is right from the
// start; a fence opened inside a list item can still mislead it, which costs a failed
// parse, never a wrong cut: the cut is proved by the parse.
type mdCuts struct {
	text      []byte
	at        int  // the next line to read
	fence     byte // the open fence's character, 0 when none
	fenceLen  int
	prevBlank bool
}

// next returns the offset of the first candidate line at or after from, and the offset
// just past that line; -1 when there is none.
func (c *mdCuts) next(from int) (int, int) {
	for c.at < len(c.text) {
		at := c.at
		end := bytes.IndexByte(c.text[at:], '\n')
		next := len(c.text)
		if end >= 0 {
			end += at
			next = end + 1
		} else {
			end = len(c.text)
		}
		c.at = next
		line := c.text[at:end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		candidate := false
		if ch, n := fenceRun(trimmed); indent < 4 && n >= 3 {
			switch {
			case c.fence == 0 && !(ch == '`' && bytes.IndexByte(trimmed[n:], '`') >= 0):
				c.fence, c.fenceLen = ch, n
			case c.fence == ch && n >= c.fenceLen && len(bytes.TrimSpace(trimmed[n:])) == 0:
				c.fence = 0
			}
		} else {
			candidate = c.fence == 0 && c.prevBlank && atxHeadingLine(line)
		}
		c.prevBlank = len(bytes.TrimSpace(line)) == 0
		if candidate && at >= from {
			return at, next
		}
	}
	return -1, -1
}

// fenceRun returns the character of a run of backticks or tildes that begins line, and the
// run's length.
func fenceRun(line []byte) (byte, int) {
	if len(line) == 0 || (line[0] != '`' && line[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return line[0], n
}

// atxHeadingLine reports whether line is an ATX heading with text, in the first column:
// one to six "#", a space or tab, then something other than space.
func atxHeadingLine(line []byte) bool {
	n := 0
	for n < len(line) && n < 7 && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(line) || (line[n] != ' ' && line[n] != '\t') {
		return false
	}
	return len(bytes.Trim(line[n:], " \t#")) > 0
}

// frontMatterEnd returns the offset just past what may be front matter at the start of
// text, so that no part is cut inside it: the extension opens front matter on the first or
// the second line, with a line of three or more "-" or "+", and closes it with the same
// line. 0 when there is none, len(text) when it is never closed. (A cut it misses would
// only fail its proof.)
func frontMatterEnd(text []byte) int {
	lines := bytes.SplitAfterN(text, []byte("\n"), 3)
	for k := 0; k < 2 && k < len(lines); k++ {
		delim := bytes.TrimRight(lines[k], "\n")
		if len(delim) < 3 || (delim[0] != '-' && delim[0] != '+') || len(bytes.Trim(delim, string(delim[0]))) != 0 {
			continue
		}
		at := 0
		for _, l := range lines[:k+1] {
			at += len(l)
		}
		for at < len(text) {
			line, _, _ := bytes.Cut(text[at:], []byte("\n"))
			at += len(line) + 1
			if bytes.Equal(bytes.TrimRight(line, " \t"), delim) {
				return min(at, len(text))
			}
		}
		return len(text)
	}
	return 0
}

// mdBuilder makes the document tree from goldmark's top-level blocks as they come, part
// after part. A block's text runs to the next block's start (less the blank lines before
// it), so each block is made when the next one starts.
type mdBuilder struct {
	src     *Source
	d       *mdDoc
	pending *mdPending
	// heading is the last block when it was a heading whose kind (code, status group)
	// waits on whether the block after it is a "status NNN" line.
	heading bool
	// level is the level of the last heading, for the code headings of <summary> lines;
	// details holds the <details> elements opened by such lines and not yet closed.
	level   int
	details []mdDetails
	// table is the last block when it was a pipe table, fw whether its cells are split at
	// full-width pipes: rows after a blank line under it go on with it (moreRows).
	table    *doc.Table
	fw       bool
	tableEnd int // the table's last line, or that of a comment after it
}

// mdPending is a top-level block whose end is not known yet.
type mdPending struct {
	node  ast.Node
	part  []byte // the text of the part it was parsed from
	base  int    // the part's offset in the source
	start int    // its first line, from 1
}

// add takes the next top-level block n of the part text, which starts at base.
func (b *mdBuilder) add(n ast.Node, part []byte, base int) {
	start := b.src.Pos(base + blockStart(n)).Line
	b.finish(start)
	b.pending = &mdPending{node: n, part: part, base: base, start: start}
}

// maxRowGap is how many blank lines may stand between a pipe table and rows that go on
// with it (moreRows).
const maxRowGap = 2

// moreRows takes the paragraph para, which ends at line end, as more rows of the table t
// right above it (or above an HTML comment under it) when a blank line or two is all that
// stands between them and every line
// of it is a row of t: it begins with a pipe and has as many cells as t's header. GFM
// ends a table at a blank line, so such rows were text; a blank line between groups of
// rows is an easy slip, and a row read as text is a row lost. The rows are t's, with a
// warning that says how GitHub shows them.
func (b *mdBuilder) moreRows(t *doc.Table, para *ast.Paragraph, p *mdPending, end int) bool {
	src := b.src
	if gap := p.start - b.tableEnd - 1; gap < 1 || gap > maxRowGap {
		return false
	}
	lines := para.Lines()
	rows := make([]doc.Row, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		start := p.base + lines.At(i).Start
		line := src.Pos(start).Line
		text := src.Text[start : src.LineStart(line)+len(src.Line(line))]
		if b.fw {
			text = pipeView(text)
		}
		if tt := bytes.TrimSpace(text); len(tt) == 0 || tt[0] != '|' {
			return false
		}
		cells := splitRow(src, text, start)
		if len(cells) != len(t.Header) {
			return false
		}
		rows = append(rows, doc.Row{Pos: src.LinePos(line), Cells: cells})
	}
	if len(rows) == 0 {
		return false
	}
	b.d.diags.Add(rows[0].Pos, catalog.Warning, RuleRowsAfterGap,
		"table rows after a blank line (%d) read as rows of the table above; GitHub shows them as text: remove the blank line", len(rows))
	t.Rows = append(t.Rows, rows...)
	t.Text = src.span(t.Pos.Line, end)
	t.Judged = nil // judged on fewer rows
	b.d.pipeRows += len(rows)
	b.table, b.tableEnd = t, end // and more after another blank line
	return true
}

// RuleRowsAfterGap is the rule of table rows read across a blank line (moreRows).
const RuleRowsAfterGap = "rows-after-blank-line"

// addBlock takes the top-level block n as add does, or, when n is a blockquote or a list
// that holds a pipe table of errors, the blocks inside it, each as a block of its own: a
// table quoted ("> | Code | …") or indented under a list item ("- Errors:" then the
// table) is an error table, not the text of a quote or an item. Another table in a list
// (the fields of the code an item names) stays the item's text. Nesting is bounded by
// limitNesting.
func (b *mdBuilder) addBlock(n ast.Node, part []byte, base int) {
	if !b.holdsErrorTable(n, base) {
		b.add(n, part, base)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.addBlock(c, part, base)
	}
}

// holdsErrorTable reports whether n is a blockquote, a list or a list item with a pipe
// table of errors among its blocks or theirs.
func (b *mdBuilder) holdsErrorTable(n ast.Node, base int) bool {
	switch n.(type) {
	case *ast.Blockquote, *ast.List, *ast.ListItem:
	default:
		return false
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*pipeTable); ok {
			if tbl, _ := readMDTable(b.src, t, base); isErrorTable(tbl) {
				return true
			}
		} else if b.holdsErrorTable(c, base) {
			return true
		}
	}
	return false
}

// flush makes the last block.
func (b *mdBuilder) flush() { b.finish(b.src.LineCount() + 1) }

// finish makes the pending block, which ends before line next.
func (b *mdBuilder) finish(next int) {
	p := b.pending
	if p == nil {
		return
	}
	b.pending = nil
	src, d := b.src, b.d
	end := next - 1
	for end > p.start && (len(bytes.Trim(src.Line(end), " \t>")) == 0 || liquidLine(src.Line(end))) { // blank, or blank in a quote, or a GitBook tag
		end--
	}
	pos := src.LinePos(p.start)
	raw := src.span(p.start, end)
	// A "status NNN" line right under a heading makes a heading of words a status group.
	if b.heading {
		b.heading = false
		if para, ok := p.node.(*ast.Paragraph); ok && para.Lines().Len() > 0 {
			first := para.Lines().At(0)
			if _, _, ok := statusLine(string(first.Value(p.part))); ok {
				d.statusHeadings++
			}
		}
	}
	switch p.node.(type) {
	case *ast.HTMLBlock, *ast.Paragraph:
	default:
		d.htmlOnly = false
	}
	last := b.table
	b.table = nil
	if para, ok := p.node.(*ast.Paragraph); ok && last != nil && b.moreRows(last, para, p, end) {
		return
	}
	if _, ok := p.node.(*ast.HTMLBlock); ok && last != nil && strings.HasPrefix(raw, "<!--") && strings.HasSuffix(raw, "-->") {
		b.table, b.tableEnd = last, end // a comment under a table: rows may follow it
	}
	switch p.node.(type) {
	case *ast.HTMLBlock, *ast.Paragraph:
		if strings.HasPrefix(raw, "<") && reEmptyAnchors.MatchString(raw) {
			return // "<a name=\"E1001\"></a>" over a heading: a link target, no text
		}
	}
	var blk doc.Block
	switch n := p.node.(type) {
	case *ast.Heading:
		htext := headingText(b.src, p.part, n)
		blk = &doc.Heading{Pos: pos, Level: n.Level, Text: htext}
		b.level = n.Level
		// A heading written like a code is a code heading even with a "Status: 404" line
		// under it (the code's status); a heading of words over such a line is a status
		// group ("## Authentication" + "status 401").
		switch sts, name, ok := headingStatuses(htext); {
		case ok && codeLike(name) && nameIsCode(name, sts[0]):
			d.codeHeadings++ // "400 - INVALID_ARGUMENT": a code with its status
		case ok:
			d.statusHeadings++
			if slices.ContainsFunc(sts, func(s catalog.Status) bool { return s >= 400 }) {
				d.errorHeadings++
			}
		case codeLike(headingCode(htext)):
			d.codeHeadings++
		default:
			b.heading = true
		}
	case *pipeTable:
		t, piped := readMDTable(src, n, p.base)
		switch {
		case isErrorTable(t):
			d.codeTables++
		case keyValueCode(t):
			d.codeTables++ // "| Code | E1001 |" over "| Status | 400 |": one entry
		case isGlossary(t):
			d.glossaryTables++
		}
		d.pipeRows += piped
		d.bareRows += len(t.Rows) - piped
		tbl := &doc.Table{Pos: pos, Text: raw, Header: t.Header, Rows: t.Rows, Judged: t.memo}
		b.table, b.fw, b.tableEnd = tbl, n.fw, end
		blk = tbl
	case *ast.List:
		l := &doc.List{Pos: pos, Ordered: n.IsOrdered(), Text: raw}
		items := mdListItems(src, p.start, end)
		for _, it := range items {
			l.Items = append(l.Items, doc.Item{Pos: it.Pos, Text: it.Text})
		}
		if len(items) >= 2 {
			if _, _, ok := splitListCode(items[0].Text); ok && codeListOK(items) {
				d.codeLists++
			}
		}
		if nestedCodeGroups(items) != nil {
			d.codeLists++ // "- Authentication" over "  - `AUTH_MISSING` (401) — …"
		}
		blk = l
	case *ast.FencedCodeBlock:
		c := &doc.Code{Pos: pos, Lang: string(n.Language(p.part)), Text: codeText(p.part, n), Markdown: raw}
		if b.level > 0 && codeBlockLines(c.Lang, c.Text) != nil {
			d.codeLists++ // "20001: 用户不存在" line after line in a fence, under a heading
		}
		blk = c
	case *ast.CodeBlock:
		text := codeText(p.part, n)
		if k := len(d.tree.Blocks) - 1; k >= 0 {
			if prev, ok := d.tree.Blocks[k].(*doc.Para); ok && reIndentedUnder.MatchString(lastLine(prev.Text)) {
				// What MkDocs indents under '!!! tip "How to fix"' or '=== "Go"' is
				// the admonition's or the tab's text, not code.
				blk = &doc.Para{Pos: pos, Text: text}
				break
			}
		}
		// An indented code block is kept fenced: the text it joins is trimmed, and its
		// first line's indent (what makes it code) would go.
		fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
		blk = &doc.Code{Pos: pos, Text: text, Markdown: fence + "\n" + text + "\n" + fence}
	case *extast.DefinitionList:
		dl := mdDefList(src, n, p.part, p.base, pos)
		if defListHasCodes(dl) || defListRecords(dl) != nil {
			d.codeLists++ // terms that are codes, or labels whose values write errors ("Error code" / ": E1001")
		}
		blk = dl
	case *ast.HTMLBlock:
		if k := len(b.details) - 1; k >= 0 && reDetailsEnd.MatchString(raw) {
			if b.details[k].inner == 0 {
				b.endDetails(pos) // the "</details>" of a code read as a heading
				return
			}
			b.details[k].inner-- // that of a <details> of words inside the code's: text
		}
		if m := reSummary.FindStringSubmatch(raw); m != nil {
			text := collapseSpace(html.UnescapeString(reTag.ReplaceAllString(m[2], "")))
			if code, msg := splitCodeHeading(text); !tabLabel(text) && (codeHeading(text) || (msg != "" && codeLike(code))) {
				// "<details><summary>`E_TIMEOUT`</summary>" (or "WH_BAD - Bad response"): a
				// code that folds open, a heading under the last one. The "</details>" of
				// the one before may open the block, with no blank line between.
				d.codeHeadings++
				if m[1] != "" && len(b.details) > 0 {
					b.endDetails(pos)
				}
				level := min(b.level+1, 6)
				if strings.Contains(strings.ToLower(m[0]), "<details") {
					b.details = append(b.details, mdDetails{level: level})
				}
				d.tree.Blocks = append(d.tree.Blocks, &doc.Heading{Pos: pos, Level: level, Text: text})
				return
			}
			if len(b.details) == 0 && m[1] == "" && hasWordRune(text) && !tabLabel(text) &&
				strings.Contains(strings.ToLower(m[0]), "<details") && mdFoldsTable(p.node) {
				// "<details><summary>Invoices</summary>" over a table: the heading of
				// the group of codes it folds open, as in a page (html_details.go),
				// up to its "</details>".
				level := min(b.level+1, 6)
				b.details = append(b.details, mdDetails{level: level})
				d.tree.Blocks = append(d.tree.Blocks, &doc.Heading{Pos: pos, Level: level, Text: text})
				return
			}
		}
		if k := len(b.details) - 1; k >= 0 && !reDetailsEnd.MatchString(raw) {
			// A <details> of words ("Example response") inside a code's is its text,
			// and so is the "</details>" that closes it.
			lower := strings.ToLower(raw)
			b.details[k].inner = max(0, b.details[k].inner+strings.Count(lower, "<details")-strings.Count(lower, "</details>"))
		}
		if blocks := htmlTables(src, raw, p.start); blocks != nil {
			for _, hb := range blocks {
				if dt, ok := hb.(*doc.Table); ok {
					t := table{src: src, memo: &tableMemo{}, Header: dt.Header, Rows: dt.Rows}
					switch {
					case isErrorTable(t):
						d.codeTables++
					case isGlossary(t):
						d.glossaryTables++
					}
				}
			}
			d.tree.Blocks = append(d.tree.Blocks, blocks...)
			return
		}
		blk = &doc.Para{Pos: pos, Text: raw}
	default:
		if t := mdTabTable(src, p.node, p.start, end); t != nil {
			// Rows whose cells are glued by tabs: a table copied out of a web page
			// into the Markdown, which Markdown reads as a paragraph.
			tt := table{src: src, memo: &tableMemo{}, Header: t.Header, Rows: t.Rows, copied: true}
			if isErrorTable(tt) {
				d.codeTables++
			}
			t.Pos, t.Text, t.Judged = pos, raw, tt.memo
			blk = t
			break
		}
		if _, _, ok := paraCode(raw); ok {
			d.codeParas++
		} else if _, _, ok := paraRecord(raw); ok {
			d.codeParas++ // "Code: E1001" over its labelled lines
		} else if lines := paraCodeLines(raw); lines != nil && codeListOK(lineItems(nil, pos, lines)) {
			d.codeLists++ // "E1001 - Invalid parameter" line after line, no bullets
		}
		blk = &doc.Para{Pos: pos, Text: raw}
	}
	d.tree.Blocks = append(d.tree.Blocks, blk)
}

// maxFoldLook is how many blocks after a <details> of words mdFoldsTable looks at.
const maxFoldLook = 8

// mdFoldsTable reports whether a pipe table follows the HTML block n, which opens a
// <details> element, before any other HTML block (the one that closes it) or heading:
// among the next
// maxFoldLook blocks, so that a page of unclosed elements costs no more than that each.
func mdFoldsTable(n ast.Node) bool {
	k := 0
	for c := n.NextSibling(); c != nil && k < maxFoldLook; c, k = c.NextSibling(), k+1 {
		switch c.(type) {
		case *pipeTable:
			return true
		case *ast.HTMLBlock, *ast.Heading:
			return false // its "</details>", another element, or a section of its own
		}
	}
	return false
}

// endDetails closes the last <details> opened by a code's summary: what follows stands
// under the heading above it, not under the code.
func (b *mdBuilder) endDetails(pos catalog.Pos) {
	k := len(b.details) - 1
	b.d.tree.Blocks = append(b.d.tree.Blocks, &doc.End{Pos: pos, Level: b.details[k].level})
	b.details = b.details[:k]
}

// mdDetails is a <details> element whose summary is a code: the level of its heading, and
// how many <details> of words are open inside it.
type mdDetails struct{ level, inner int }

// mdDefList makes a definition list ("E_TIMEOUT" then ": The upstream did not answer.")
// a document block: each term with its definitions, as written.
func mdDefList(src *Source, n *extast.DefinitionList, part []byte, base int, pos catalog.Pos) *doc.DefList {
	dl := &doc.DefList{Pos: pos}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		text, at := mdBlockText(c, part)
		cell := doc.Cell{Pos: src.Pos(base + at), Text: text}
		switch c.(type) {
		case *extast.DefinitionTerm:
			dl.Items = append(dl.Items, doc.Def{Term: cell})
		case *extast.DefinitionDescription:
			if len(dl.Items) > 0 {
				dl.Items[len(dl.Items)-1].Defs = append(dl.Items[len(dl.Items)-1].Defs, cell)
			}
		}
	}
	return dl
}

// mdBlockText returns the text of a block's lines and of its children's, as written,
// paragraphs apart, and the offset where it starts.
func mdBlockText(n ast.Node, part []byte) (string, int) {
	var paras []string
	at := -1
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				if at < 0 {
					at = seg.Start
				}
				b.Write(seg.Value(part))
			}
			paras = append(paras, strings.TrimSpace(b.String()))
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(paras, "\n\n"), max(at, 0)
}

// reSummary matches a raw HTML block that opens a <details> element with its <summary>;
// reDetailsEnd one that closes it; reTag a tag.
var (
	reSummary    = regexp.MustCompile(`(?is)^\s*(</details>\s*)?(?:<details[^>]*>\s*)?<summary[^>]*>(.*?)</summary>\s*$`)
	reDetailsEnd = regexp.MustCompile(`(?i)^\s*</details>\s*$`)
	reTag        = regexp.MustCompile(`<[^>]*>`)
)

// htmlTables reads a raw HTML block of a Markdown document that holds a table ("<table>
// <tr><th>Code</th>…") with the HTML front-end, so that its tables are tables, not text:
// Markdown files often write a table in HTML (for cells of several lines). It returns nil
// when the block has no table, or the HTML cannot be read; the block is then text, as
// before. start is the block's first line: the blocks' positions are moved there.
func htmlTables(src *Source, raw string, start int) []doc.Block {
	if !strings.Contains(strings.ToLower(raw), "<table") {
		return nil
	}
	sub := NewSourceOwned(src.Path, []byte(raw)) // a copy of its own
	d, _, _, err := htmlTree(sub)
	if err != nil {
		return nil
	}
	hasTable := false
	for _, b := range d.Blocks {
		if _, ok := b.(*doc.Table); ok {
			hasTable = true
		}
	}
	if !hasTable {
		return nil
	}
	shiftLines(d.Blocks, start-1)
	return d.Blocks
}

// shiftLines moves every position of blocks delta lines down (the blocks of a part of a
// source read on its own, which starts at a line's start).
func shiftLines(blocks []doc.Block, delta int) {
	mv := func(p *catalog.Pos) { p.Line += delta }
	cells := func(cs []doc.Cell) {
		for i := range cs {
			mv(&cs[i].Pos)
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Heading:
			mv(&b.Pos)
		case *doc.Para:
			mv(&b.Pos)
		case *doc.Code:
			mv(&b.Pos)
		case *doc.List:
			mv(&b.Pos)
			for i := range b.Items {
				mv(&b.Items[i].Pos)
			}
		case *doc.DefList:
			mv(&b.Pos)
			for i := range b.Items {
				mv(&b.Items[i].Term.Pos)
				cells(b.Items[i].Defs)
			}
		case *doc.Table:
			mv(&b.Pos)
			cells(b.Header)
			for i := range b.Rows {
				mv(&b.Rows[i].Pos)
				cells(b.Rows[i].Cells)
			}
		}
	}
}

// blockStart returns the offset at which a top-level block starts in the text it was
// parsed from.
func blockStart(n ast.Node) int {
	if n.Pos() >= 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return 0
}

// headingText returns a heading's text as written (its source, without the #s); part is
// the text the heading was parsed from.
func headingText(src *Source, part []byte, h *ast.Heading) string {
	var text string
	if h.Lines().Len() == 1 {
		// The common heading, one line: its text is a view of the source (a file of
		// code headings holds one per entry).
		seg := h.Lines().At(0)
		text = src.text(bytes.TrimSpace(seg.Value(part)))
	} else {
		var parts []string
		for i := 0; i < h.Lines().Len(); i++ {
			seg := h.Lines().At(i)
			parts = append(parts, strings.TrimSpace(string(seg.Value(part))))
		}
		text = strings.TrimSpace(strings.Join(parts, " "))
	}
	if strings.Contains(text, "</a>") {
		text = strings.TrimSpace(reEmptyAnchor.ReplaceAllString(text, "")) // "<a id=\"e1\"></a>E1"
	}
	if strings.HasSuffix(text, "}") {
		text = reHeadingID.ReplaceAllString(text, "") // "TOKEN_EXPIRED {#token-expired}"
	}
	return text
}

// emptyAnchor is an empty HTML anchor, a link target: <a name="E1001"></a>.
const emptyAnchor = `<a\s+(?:name|id)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+)\s*>\s*</a>`

var (
	reEmptyAnchor  = regexp.MustCompile(`(?i)` + emptyAnchor)
	reEmptyAnchors = regexp.MustCompile(`(?i)^(?:\s*` + emptyAnchor + `)+\s*$`) // a block of them only
	// reHeadingID matches the id a heading gives itself at its end, as pandoc, kramdown and
	// Hugo write it: "{#token-expired}", "{: #e1 .deprecated}". Other braces stay text.
	reHeadingID = regexp.MustCompile(`\s+\{:?\s*#[\w:.-]+(?:\s+[.#][\w-]+)*\s*\}$`)
)

// Detect claims Markdown documents with code headings, or with pipe tables that have a code
// column and rows that begin with "|".
func (markdownReader) Detect(src *Source) Detection {
	if !mayBeMarkdown(src.Text) {
		return Detection{Why: "no Markdown heading, front matter or table row beginning with \"|\""}
	}
	d := src.markdown()
	var why []string
	score := 0
	if d.fm != nil {
		why = append(why, "front matter")
	}
	if d.codeHeadings > 0 {
		score = 50
		why = append(why, fmt.Sprintf("%d code headings under %d status headings", d.codeHeadings, d.statusHeadings))
	}
	if d.codeLists > 0 {
		score = max(score, 50)
		why = append(why, fmt.Sprintf("%d lists of codes and their text", d.codeLists))
	}
	if d.codeTables > 0 {
		if d.bareRows > d.pipeRows {
			why = append(why, fmt.Sprintf("%d of %d table rows do not begin with \"|\" (text copied from HTML, not Markdown)", d.bareRows, d.bareRows+d.pipeRows))
		} else {
			score = max(score, 60)
			why = append(why, fmt.Sprintf("%d pipe tables with a code column", d.codeTables))
		}
	}
	if d.codeParas >= 2 {
		score = max(score, 45)
		why = append(why, fmt.Sprintf("%d paragraphs that begin with a code in bold, as code or after a label (\"Code: E1\")", d.codeParas))
	}
	if score == 0 && d.errorHeadings >= 2 {
		// A page of "## 404 Not Found" headings, each over what that status means: the
		// statuses are its error codes, as a glossary table's are. (An endpoint's page of
		// "### 200 OK" and one "### 404 Not Found" response is no list of errors.)
		score = 40
		why = append(why, fmt.Sprintf("%d headings of error statuses, read as the error codes when nothing else lists codes", d.errorHeadings))
	}
	if score == 0 && d.glossaryTables > 0 {
		score = 40
		why = append(why, fmt.Sprintf("%d tables of HTTP statuses under a code header, read as the error codes when nothing else lists codes", d.glossaryTables))
	}
	if score == 0 {
		if len(why) == 0 {
			why = append(why, "no code headings and no table with a code column")
		}
		return Detection{Score: 0, Why: strings.Join(why, "; ")}
	}
	if d.fm != nil {
		score += 5
	}
	return Detection{Score: score, Why: strings.Join(why, ", ")}
}

// mayBeMarkdown reports whether text has any of what the reader claims a source for: an
// ATX heading ("# …"), a setext underline ("===", "---"), front matter, or a line that
// begins with "|". Without one, the goldmark parse (most of the cost of detecting a large
// scraped-text file) cannot find anything to claim, so it is skipped.
func mayBeMarkdown(text []byte) bool {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 {
			continue
		}
		if bytes.HasPrefix(line, fullWidthPipe) {
			return true // a table row of full-width pipes
		}
		switch line[0] {
		case '#', '|':
			return true
		case '=', '-':
			if t := bytes.TrimRight(line, " \t"); len(bytes.Trim(t, string(t[0]))) == 0 {
				return true // a setext underline or a front matter fence
			}
		}
	}
	return false
}

// Read reads the document's tree with the interpreter.
func (markdownReader) Read(src *Source) *Doc {
	md := src.markdown()
	src.md = nil // the tree holds all that is read from here on
	out := interpret(src, md.tree)
	out.Diags = append(out.Diags, md.diags...)
	return out
}

// codeText returns the text of a code block, its lines as written; part is the text the
// block was parsed from.
func codeText(part []byte, n ast.Node) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(part))
	}
	return strings.TrimRight(b.String(), "\n")
}

// reIndentedUnder matches the MkDocs lines whose content is indented under them: an
// admonition ('!!! tip "How to fix"', '??? note') or a content tab ('=== "Go"').
var reIndentedUnder = regexp.MustCompile(`^\s*(?:(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z][\w-]*(?:[ \t]+"[^"\n]*")?|===\+?[ \t]+"[^"\n]*")[ \t]*$`)

// lastLine returns the last line of s.
func lastLine(s string) string {
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	most, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			run = 0
			continue
		}
		run++
		most = max(most, run)
	}
	return most
}

// span returns the raw Markdown of lines [start, end] of src.
func (src *Source) span(start, end int) string {
	if start > end {
		return ""
	}
	return src.str(src.LineStart(start), src.lineEnd(end))
}

// lineEnd returns the byte offset just past line n's text (before its newline).
func (src *Source) lineEnd(n int) int {
	return src.LineStart(n) + len(src.Line(n))
}

// mdTabTable reads a paragraph of the document's own (not in a list or a quote), lines
// start to end, as a table when each of its two or more lines is cells glued by tabs, as
// many as the first line's (the header): a table copied out of a web page. It returns
// nil for any other paragraph.
func mdTabTable(src *Source, n ast.Node, start, end int) *doc.Table {
	if _, ok := n.(*ast.Paragraph); !ok || end <= start || n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
		return nil
	}
	if bytes.IndexByte(src.Line(start), '\t') < 0 {
		return nil // most paragraphs
	}
	ix := src.posIx()
	t := &doc.Table{Copied: true}
	for i := start; i <= end; i++ {
		cells := tabCells(ix, src.Line(i), src.LineStart(i))
		if cells == nil || (i > start && len(cells) != len(t.Header)) {
			return nil
		}
		if i == start {
			if !tabHeader(cells) {
				return nil
			}
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, tableRow{Pos: cells[0].Pos, Cells: cells})
	}
	return t
}

// tabHeader reports whether the first line of a paragraph of tab-glued lines is a table's
// header: one of its cells names a column, and none is a value (a number or status, a
// code, "Label:" over its value). "HTTP status⇥404" and "Code:⇥E1" are labelled lines
// of an entry's; "API_KEY⇥Your key" is a list of settings.
func tabHeader(cells []cell) bool {
	named := false
	for _, c := range cells {
		t := strings.TrimSpace(c.Text)
		f := foldHeader(t)
		switch {
		case t == "" || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "："):
			return false
		case hasStatusDigits(t):
			return false
		}
		role, _ := headerWordRole(t)
		names := role != roleUnknown || isHeaderWord(f)
		if first := cleanCode(t); !names && isToken(first) && codeShaped(first) {
			return false
		}
		named = named || names
	}
	return named
}
