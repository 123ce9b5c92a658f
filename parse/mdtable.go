package parse

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// md is the goldmark parser: CommonMark's blocks, definition lists ("Term" then ":
// definition", as PHP Markdown Extra and pandoc write them), front matter, and GFM pipe
// tables found by pipeTableTransformer. Parsers are safe for concurrent use once built.
//
// It parses blocks only (mdParser): the reader takes every text from the source by the
// blocks' lines, and no inline node (emphasis, links, code spans) is ever read, so they
// are not made. Parsing them cost time and memory for nothing, and goldmark's link
// parser is quadratic in a paragraph's lines (it looks each label up from the last line
// back): 80,000 lines of "[^n]: note" took 5.8 s.
//
// Tables are found here rather than by goldmark's table extension, which builds a row
// node, a cell node and the inline nodes of every cell: on a large table that AST is most
// of the memory a read takes (for a 10 MB table, about 150 MB that stay alive until the
// source is read), and the reader uses none of it: it splits each row again from its
// source line (splitRow), to keep every cell of a ragged row and each cell's Markdown as
// written. The transformer applies the extension's rules for where a table is (a header
// row, then a delimiter row with as many cells, then the paragraph's other lines as rows)
// and keeps the lines only, as a raw block.
var md = goldmark.New(
	goldmark.WithParser(mdParser()),
	goldmark.WithExtensions(extension.DefinitionList, &frontmatter.Extender{Formats: fmFormats}),
	goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(pipeTableTransformer{}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableCommentTransformer{}, 200))),
)

// mdBody is md without front matter, for the parts of a source after its first
// (markdown.go): the front matter extension takes a "---" on the second line of whatever
// it is given as the start of front matter.
var mdBody = goldmark.New(
	goldmark.WithParser(mdParser()),
	goldmark.WithExtensions(extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(pipeTableTransformer{}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableCommentTransformer{}, 200))),
)

// mdParser is goldmark's default parser of blocks with no inline parser (see md), and
// linkRefTransformer (mdlinkref.go) in place of its link reference transformer, which is
// quadratic in a paragraph's lines.
func mdParser() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefTransformer{}, 100)),
	)
}

// kindPipeTable is the node kind of a pipe table.
var kindPipeTable = ast.NewNodeKind("DocgenPipeTable")

// pipeTable is a GFM pipe table as a block of lines: the header row, the delimiter row,
// then the body rows.
type pipeTable struct {
	ast.BaseBlock
	// fw is set when the header separates its cells by full-width pipes ("｜"): every
	// row is then split through pipeView.
	fw bool
}

// Kind implements ast.Node.
func (*pipeTable) Kind() ast.NodeKind { return kindPipeTable }

// IsRaw implements ast.Node: a table's cells are not parsed as inline Markdown.
func (*pipeTable) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *pipeTable) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// pipeTableTransformer turns the lines of a paragraph from a header row followed by a
// delimiter row on into a pipeTable, as goldmark's table extension does.
type pipeTableTransformer struct{}

// Transform implements parser.ParagraphTransformer.
func (pipeTableTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		n := delimiterCells(pipeView(seg.Value(src)))
		if n == 0 {
			continue
		}
		// A header of full-width pipes is read as one ("错误码｜说明": two cells).
		hseg := lines.At(i - 1)
		head := hseg.Value(src)
		fw := fullWidthRow(head)
		if gfmHeaderCells(pipeView(head)) != n {
			return
		}
		t := &pipeTable{fw: fw}
		t.SetPos(lines.At(i - 1).Start)
		for j := i - 1; j < lines.Len(); j++ {
			t.Lines().Append(lines.At(j))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, t)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop-- // the newline before the table
			node.Lines().Set(i-2, last)
		}
		return
	}
}

// tableCommentTransformer lets a pipe table go on past an HTML comment between its rows
// ("<!-- storage errors -->", on one line or several). CommonMark ends the paragraph at
// the comment, and with it the table: the rows after it were a paragraph of text, under
// an entry's description or the section's. Whoever puts a comment between rows means a
// note to the editor, not the end of the table, so the rows right after it (no blank line
// between, each holding a cell separator) are the table's, and the comment is skipped;
// the lines after them that are not rows stay a paragraph.
type tableCommentTransformer struct{}

// Transform implements parser.ASTTransformer.
func (tableCommentTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	joinCommentedRows(doc, reader.Source())
}

// joinCommentedRows joins the rows after a comment to the table above it, in n's blocks
// and in those of the blockquotes and lists among them (whose nesting limitNesting
// bounds).
func joinCommentedRows(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *pipeTable:
			for joinAfterComment(c, src) {
			}
		case *ast.Blockquote, *ast.List, *ast.ListItem:
			joinCommentedRows(c, src)
		}
	}
}

// joinAfterComment joins the rows of the paragraph after the comment after t to t, and
// drops the comment; it reports whether it did.
func joinAfterComment(t *pipeTable, src []byte) bool {
	cm, ok := t.NextSibling().(*ast.HTMLBlock)
	if !ok || cm.HTMLBlockType != ast.HTMLBlockType2 || cm.Lines().Len() == 0 {
		return false
	}
	para, ok := cm.NextSibling().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return false
	}
	first, last := cm.Lines().At(0), cm.Lines().At(cm.Lines().Len()-1)
	if cm.HasClosure() {
		last = cm.ClosureLine
	}
	if !bytes.HasSuffix(bytes.TrimSpace(src[first.Start:last.Stop]), []byte("-->")) {
		return false // text after the comment on its line
	}
	// The comment's first line follows the table's last, and the rows its last.
	if bytes.Count(src[t.Lines().At(t.Lines().Len()-1).Start:first.Start], []byte("\n")) != 1 ||
		bytes.Count(src[last.Start:para.Lines().At(0).Start], []byte("\n")) != 1 {
		return false
	}
	rows := 0
	for ; rows < para.Lines().Len(); rows++ {
		seg := para.Lines().At(rows)
		line := seg.Value(src)
		if t.fw {
			line = pipeView(line)
		}
		if !hasCellPipe(string(line)) {
			break
		}
	}
	if rows == 0 {
		return false
	}
	for i := 0; i < rows; i++ {
		t.Lines().Append(para.Lines().At(i))
	}
	if rows == para.Lines().Len() {
		para.Parent().RemoveChild(para.Parent(), para)
	} else {
		para.Lines().SetSliced(rows, para.Lines().Len())
	}
	cm.Parent().RemoveChild(cm.Parent(), cm)
	return true
}

// reDelimiterCell matches one cell of a delimiter row: "---", ":--", "--:", ":-:".
var reDelimiterCell = regexp.MustCompile(`^\s*:?-+:?\s*$`)

// delimiterCells returns the number of cells of a table's delimiter row ("|---|:--:|"),
// or 0 when line is none: only hyphens, colons, pipes and spaces, not hyphens alone, at
// most three spaces of indent, every cell hyphens with a colon on either side or none.
func delimiterCells(line []byte) int {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return 0
	}
	allHyphens := true
	for _, b := range line {
		if b != '-' {
			allHyphens = false
		}
		if !(util.IsSpace(b) || b == '-' || b == '|' || b == ':') {
			return 0
		}
	}
	if allHyphens {
		return 0
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		if !reDelimiterCell.Match(c) {
			return 0
		}
	}
	return len(cols)
}

// gfmHeaderCells counts the cells of a header row as goldmark's table extension does: one
// leading and one trailing pipe are dropped, and cells end at every pipe not escaped by
// a backslash.
func gfmHeaderCells(line []byte) int {
	line = util.TrimRightSpace(util.TrimLeftSpace(line))
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		end := pos
		for end < limit && (line[end] != '|' || (end > 0 && line[end-1] == '\\')) {
			end++
		}
		n++
		pos = end + 1
	}
	return n
}

// readMDTable collects a pipe table, parsed from the part of the source that starts at
// base: the header and body rows, each split again from its source line (splitRow),
// because a cell's Markdown source (links, inline code) is what the catalog keeps, and a
// ragged row keeps every cell so that it can be reported. A row is split from where its
// line's text starts in the table's container, after a blockquote's "> " or a list
// item's indent. It also returns how many body rows begin with "|".
func readMDTable(src *Source, t *pipeTable, base int) (table, int) {
	out := table{src: src, memo: &tableMemo{}}
	lines := t.Lines()
	piped := 0
	for i := 0; i < lines.Len(); i++ {
		if i == 1 {
			continue // the delimiter row
		}
		start := base + lines.At(i).Start
		line := src.Pos(start).Line
		text := src.Text[start : src.LineStart(line)+len(src.Line(line))]
		if t.fw {
			text = pipeView(text)
		}
		cells := splitRow(src, text, start)
		if i == 0 {
			out.Header = cells
			continue
		}
		if t := bytes.TrimSpace(text); len(t) > 0 && t[0] == '|' {
			piped++
		}
		out.Rows = append(out.Rows, tableRow{Cells: cells, Pos: src.LinePos(line)})
	}
	return out, piped
}
