package parse

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

// mdDoc is a source parsed as Markdown, with what detection and reading both need.
type mdDoc struct {
	root   ast.Node
	fm     map[string]any // front matter, nil when there is none
	blocks []mdBlock      // the top-level blocks in order
	// pipeRows and bareRows count the body rows of GFM tables whose line does or does not
	// begin with "|": text copied out of HTML pages forms tables with bare rows, which are
	// left to the scraped-text reader.
	pipeRows, bareRows int
	codeTables         int // tables with a code column
	codeHeadings       int // headings that read as error codes
	codeLists          int // lists whose every item is a code and its text
	statusHeadings     int // headings that carry a status (text or "status NNN" line)
}

// mdBlock is one top-level block and the source lines it spans.
type mdBlock struct {
	node      ast.Node
	start     int // first line, from 1
	end       int // last line, blank lines after it excluded
	heading   *ast.Heading
	htext     string // a heading's text as written
	table     *pipeTable
	tbl       *table // readTable's result, made once
	statusLn  bool   // a paragraph whose first line is a "status NNN" line
	statusVal catalog.Status
	remark    string // the rest of a status line's paragraph
}

// markdown parses src as Markdown once and caches the result on the source.
func (src *Source) markdown() *mdDoc {
	if src.md != nil {
		return src.md
	}
	ctx := parser.NewContext()
	// limitNesting (mdguard.go) keeps goldmark linear on deeply nested containers.
	root := md.Parser().Parse(text.NewReader(limitNesting(src.Text)), parser.WithContext(ctx))
	d := &mdDoc{root: root}
	if fm := frontmatter.Get(ctx); fm != nil {
		var m map[string]any
		if fm.Decode(&m) == nil {
			d.fm = m
		}
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b := mdBlock{node: n, start: src.Pos(blockStart(n)).Line}
		switch n := n.(type) {
		case *ast.Heading:
			b.heading = n
			b.htext = headingText(src, n)
		case *pipeTable:
			b.table = n
		case *ast.Paragraph:
			if n.Lines().Len() > 0 {
				first := n.Lines().At(0)
				if st, _, ok := statusLine(string(first.Value(src.Text))); ok {
					b.statusLn, b.statusVal = true, st
					para := string(bytes.TrimSpace(src.Text[first.Start:n.Lines().At(n.Lines().Len()-1).Stop]))
					_, b.remark, _ = statusLine(para)
				}
			}
		}
		d.blocks = append(d.blocks, b)
	}
	// A block ends where the next one starts, less the blank lines between them.
	for i := range d.blocks {
		end := src.LineCount()
		if i+1 < len(d.blocks) {
			end = d.blocks[i+1].start - 1
		}
		for end > d.blocks[i].start && len(bytes.TrimSpace(src.Line(end))) == 0 {
			end--
		}
		d.blocks[i].end = end
	}
	d.count(src)
	src.md = d
	return d
}

// blockStart returns the byte offset at which a top-level block starts.
func blockStart(n ast.Node) int {
	if n.Pos() >= 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return 0
}

// headingText returns a heading's text as written (its source, without the #s).
func headingText(src *Source, h *ast.Heading) string {
	var parts []string
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		parts = append(parts, strings.TrimSpace(string(seg.Value(src.Text))))
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// count fills the detection counters.
func (d *mdDoc) count(src *Source) {
	for i, b := range d.blocks {
		switch {
		case b.table != nil:
			t := d.blocks[i].readTable(src)
			if isErrorTable(t) {
				d.codeTables++
			}
			for _, r := range t.Rows {
				if line := bytes.TrimSpace(src.Line(r.Pos.Line)); len(line) > 0 && line[0] == '|' {
					d.pipeRows++
				} else {
					d.bareRows++
				}
			}
		case isList(b.node):
			if items := mdListItems(src, b.start, b.end); len(items) >= 2 {
				if _, _, ok := splitListCode(items[0].Text); ok && codeListOK(items) {
					d.codeLists++
				}
			}
		case b.heading != nil:
			// A heading written like a code is a code heading even with a "Status: 404"
			// line under it (the code's status); a heading of words over such a line is
			// a status group ("## Authentication" + "status 401").
			switch _, _, ok := statusHeading(b.htext); {
			case ok:
				d.statusHeadings++
			case codeLike(headingCode(b.htext)):
				d.codeHeadings++
			case i+1 < len(d.blocks) && d.blocks[i+1].statusLn:
				d.statusHeadings++
			}
		}
	}
}

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
	t := src.markdown().tree(src)
	// The tree holds all that is read from here on: the parse, four times the source in a
	// document of tables, is let go before the entries are made.
	src.md = nil
	return interpret(src, t)
}

// tree is the Markdown front-end: the top-level blocks as a document tree, each with the
// Markdown it was written in.
func (d *mdDoc) tree(src *Source) *doc.Document {
	out := &doc.Document{}
	for _, k := range []string{"id", "title", "description"} {
		if v, ok := d.fm[k].(string); ok {
			if out.Meta == nil {
				out.Meta = map[string]string{}
			}
			out.Meta[k] = v
		}
	}
	for i := range d.blocks {
		b := &d.blocks[i]
		pos := src.LinePos(b.start)
		raw := src.span(b.start, b.end)
		switch n := b.node.(type) {
		case *ast.Heading:
			out.Blocks = append(out.Blocks, &doc.Heading{Pos: pos, Level: n.Level, Text: b.htext})
		case *pipeTable:
			t := b.readTable(src)
			dt := &doc.Table{Pos: pos, Text: raw, Header: t.Header, Judged: t.memo}
			dt.Rows = t.Rows
			out.Blocks = append(out.Blocks, dt)
		case *ast.List:
			l := &doc.List{Pos: pos, Ordered: n.IsOrdered(), Text: raw}
			for _, it := range mdListItems(src, b.start, b.end) {
				l.Items = append(l.Items, doc.Item{Pos: it.Pos, Text: it.Text})
			}
			out.Blocks = append(out.Blocks, l)
		case *ast.FencedCodeBlock:
			out.Blocks = append(out.Blocks, &doc.Code{Pos: pos, Lang: string(n.Language(src.Text)), Text: codeText(src, n), Markdown: raw})
		default:
			out.Blocks = append(out.Blocks, &doc.Para{Pos: pos, Text: raw})
		}
	}
	return out
}

// codeText returns the text of a code block, its lines as written.
func codeText(src *Source, n ast.Node) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src.Text))
	}
	return strings.TrimRight(b.String(), "\n")
}

// span returns the raw Markdown of lines [start, end] of src.
func (src *Source) span(start, end int) string {
	if start > end {
		return ""
	}
	return string(src.Text[src.LineStart(start):src.lineEnd(end)])
}

// lineEnd returns the byte offset just past line n's text (before its newline).
func (src *Source) lineEnd(n int) int {
	return src.LineStart(n) + len(src.Line(n))
}
