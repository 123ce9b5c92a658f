package parse

import (
	extast "github.com/yuin/goldmark/extension/ast"
)

// readMDTable collects a GFM table found by goldmark. goldmark finds the table and where
// each row starts; the cells are split again from the row's source line (splitRow), because
// goldmark pads short rows and drops cells past the header's count, and a cell's Markdown
// source (links, inline code) is what the catalog keeps.
func readMDTable(src *Source, t *extast.Table) table {
	out := table{src: src, memo: &tableMemo{}}
	for n := t.FirstChild(); n != nil; n = n.NextSibling() {
		line := src.Pos(n.Pos()).Line
		cells := splitRow(src, src.Line(line), src.LineStart(line))
		switch n.(type) {
		case *extast.TableHeader:
			out.Header = cells
		case *extast.TableRow:
			out.Rows = append(out.Rows, tableRow{Cells: cells, Pos: src.LinePos(line)})
		}
	}
	return out
}

// readTable returns the block's table, read once: detection, the walk and the look-ahead
// for a heading's error tables all ask for it.
func (b *mdBlock) readTable(src *Source) table {
	if b.tbl == nil {
		t := readMDTable(src, b.table)
		b.tbl = &t
	}
	return *b.tbl
}
