package parse

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the fixed-width tables of copied text: cells lined up in columns by
// spaces, as a PDF viewer, a man page or a plain-text specification prints them.
//
//	Name      HTTP  Meaning                  Remedy
//	E_QUOTA   429   The daily quota is       Wait for midnight
//	                used up.                 UTC.
//	E_AUTH    401   The key is unknown.      Ask for a new key.
//
// The header's cells are separated by runs of two spaces or more; the header must name
// its columns (runsHeader), and the columns start where its cells start.
//
// A cell too long for its column wraps onto lines of their own whose first column is
// blank: such a line (its text only under later columns, where they start) goes on with
// the cells of the row above. A line that ends the table while rows of it follow is
// reported: no row is left out silently.

// RuleLineLeftOut is the rule of a line right after a fixed-width table that is not read
// as part of it: a line that ends the table above lines that read as its rows.
const RuleLineLeftOut = "table-line-left-out"

// fixedLayout is where the columns of a fixed-width table are.
type fixedLayout struct {
	cols []int  // display column where each column starts
	fold string // the header's words, folded: the header again is known by it
}

// findFixedTable reports whether a fixed-width table starts at line i, and reads it: a
// header that names its columns with its words (runsHeader) over a row.
func (sc *scanner) findFixedTable(i int) (*scrapedTable, bool) {
	lay, header, ok := sc.fixedHeader(i)
	if !ok {
		return nil, false
	}
	st := &scrapedTable{shape: shapeSpaces, start: i, end: i, table: table{Header: header}}
	sc.readFixedRows(st, lay, i+1)
	if len(st.Rows) == 0 {
		return nil, false
	}
	return st, true
}

// fixedHeader reads the header of a fixed-width table at line i: where the columns are,
// and the header's cells. ok is false when line i heads no such table.
func (sc *scanner) fixedHeader(i int) (lay *fixedLayout, header []cell, ok bool) {
	t, raw, off := sc.line(i)
	if t == "" || hasCellPipe(t) || strings.IndexByte(t, '\t') >= 0 || len(t) > maxBareHeader {
		return nil, nil, false
	}
	if next, _, _ := sc.line(i + 1); next == "" || !hasRunGap(next) {
		return nil, nil, false
	}
	h := sc.runsHeader(t)
	if h == nil || !sc.bareHeaderRoles(h) {
		return nil, nil, false
	}
	lay = &fixedLayout{cols: sc.textColumns(t, off+leadingSpace(raw), spaceRuns(t))}
	header = sc.headerCells(h, raw, off)
	lay.fold = foldHeader(strings.Join(cellTexts(header), ""))
	return lay, header, lay.fold != ""
}

// fixedRow returns the cells of a row of the table, or nil when the line at byte off
// (trimmed, t) is none: its first column is blank, its first cell is no code, or its
// text does not stand in the columns (splitRuns).
func (sc *scanner) fixedRow(lay *fixedLayout, t string, off int) []cell {
	if len(lay.cols) > 1 && sc.textColumns(t, off, []word{{t, 0}})[0] >= lay.cols[1]-1 {
		return nil // the first column is blank: a wrapped cell, not a row
	}
	return sc.splitRuns(t, off, len(lay.cols), lay.cols)
}

// fixedWrap returns the text a line adds to each column of the row above when it is a
// wrapped cell's next line: its first column is blank, and its text stands in later
// columns, where they start. It returns nil when the line is not such a line.
func (sc *scanner) fixedWrap(lay *fixedLayout, t string, off int) []cell {
	if len(lay.cols) < 2 {
		return nil
	}
	runs := spaceRuns(t)
	at := sc.textColumns(t, off, runs)
	if len(runs) == 0 || at[0] < lay.cols[1]-1 {
		return nil
	}
	cells := make([]cell, len(lay.cols))
	k := 1
	for r, w := range runs {
		for k < len(lay.cols) && lay.cols[k] < at[r]-1 {
			k++
		}
		if k == len(lay.cols) || lay.cols[k] > at[r]+1 {
			return nil // text that starts under no column
		}
		cells[k] = cell{Text: w.text, Pos: sc.ix.pos(off + w.off)}
		k++
	}
	return cells
}

// readFixedRows reads the rows of a fixed-width table from line j on, to the first line
// that is neither a row nor a wrapped cell's next line.
func (sc *scanner) readFixedRows(st *scrapedTable, lay *fixedLayout, j int) {
	// wrapped[k] are the texts the lines of wrapped cells add to column k of the last row,
	// joined when the row is done: joining each as it comes would copy the cell's text
	// once per line.
	var wrapped [][]string
	flush := func() {
		if wrapped == nil {
			return
		}
		row := st.Rows[len(st.Rows)-1].Cells
		for k, parts := range wrapped {
			if len(parts) > 0 {
				row[k].Text = joinWrapped(row[k].Text, parts)
			}
		}
		wrapped = nil
	}
	defer flush()
	for ; j <= sc.n; j++ {
		if j%1024 == 0 && sc.src.cancelled() {
			sc.partial = true
			return // the read is abandoned
		}
		t, raw, off := sc.line(j)
		if t != "" && !foldMatches(t, lay.fold) { // the header again starts a table of its own
			o := off + leadingSpace(raw)
			if cells := sc.fixedRow(lay, t, o); cells != nil {
				flush()
				st.Rows = append(st.Rows, tableRow{Cells: cells, Pos: cells[0].Pos})
				st.bareRows++
				st.end = j
				continue
			}
			if len(st.Rows) > 0 {
				if parts := sc.fixedWrap(lay, t, o); parts != nil {
					row := st.Rows[len(st.Rows)-1].Cells
					if wrapped == nil {
						wrapped = make([][]string, len(row))
					}
					for k, p := range parts {
						if p.Text == "" {
							continue
						}
						if row[k].Text == "" && len(wrapped[k]) == 0 {
							row[k].Pos = p.Pos // the cell starts on this line
						}
						wrapped[k] = append(wrapped[k], p.Text)
					}
					st.end = j
					continue
				}
			}
		}
		if t != "" && len(st.Rows) > 0 {
			sc.rowsAfter(st, lay, j)
		}
		return
	}
}

// rowsAfter reports line j, which ends the table st, when a line that reads as a row of
// the table follows it before a blank line: the lines below are not read as its rows, and
// the user should know.
func (sc *scanner) rowsAfter(st *scrapedTable, lay *fixedLayout, j int) {
	for k := j + 1; k <= sc.n && k <= j+maxCellLines; k++ {
		t, raw, off := sc.line(k)
		if t == "" {
			return
		}
		if sc.fixedRow(lay, t, off+leadingSpace(raw)) != nil {
			jt, _, _ := sc.line(j)
			sc.warn(sc.textPos(j), fmt.Sprintf("%q ends the table of line %d: it is neither a row nor the next line of a wrapped cell (its text does not stand under the columns); the lines below it are not read as the table's rows, though line %d reads as one", jt, st.start, k))
			return
		}
	}
}

// warn records a warning of the scan: a line left out of a table.
func (sc *scanner) warn(pos catalog.Pos, msg string) {
	sc.warnings = append(sc.warnings, doc.Warning{Pos: pos, Msg: msg})
}

// joinWrapped joins the lines of a cell wrapped at its column's width, first and then
// the others: with a space, since the break was the column's, not the author's; without
// one between two characters of a script written without spaces (Chinese, Japanese).
func joinWrapped(first string, more []string) string {
	var b strings.Builder
	b.WriteString(first)
	prev := first
	for _, p := range more {
		if p == "" {
			continue
		}
		if prev != "" {
			l, _ := utf8.DecodeLastRuneInString(prev)
			f, _ := utf8.DecodeRuneInString(p)
			if !unspaced(l) || !unspaced(f) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
		prev = p
	}
	return b.String()
}

// unspaced reports whether r is of a script written without spaces between words.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || strings.ContainsRune("、。，．・ー「」（）：；！？", r)
}
