package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// This file finds and reads the tables of text copied out of HTML pages. A browser copies
// a table in one of these shapes, and the scraped reader accepts each:
//
//	code | HTTP Status Code | Description |      one row per line, every cell ending " |",
//	---|---|---|                                 a separator under the header
//	SUCCESS | 200 OK | 정상 응답 |
//
//	오류 코드 |                                  one cell per line (the header's cells too),
//	설명 |                                       no separator
//	badRequest |
//	API 요청이 잘못되었습니다. |
//
//	오류 코드<TAB>상태<TAB>설명                   cells glued by tabs
//
// A cell may span lines: a line that does not end with "|" goes on in the next one. No
// Markdown or CSV library reads these shapes (goldmark needs a separator and one row per
// line; encoding/csv has no notion of a cell ending in " |" or spanning lines), so the
// rows are split here; the cells of one line are split as splitRow splits them.

// maxCellLines is how many lines one cell may span; a longer run of lines without a
// closing "|" ends the table. It keeps the look-ahead that decides this bounded, so that
// reading stays linear in the size of the source.
const maxCellLines = 20

// maxHeaderLines is how many lines a header written one cell per line may span.
const maxHeaderLines = 20

// tableShape is how a scraped table was written.
type tableShape int

const (
	shapeRows   tableShape = iota // one row per line (a row may still span lines)
	shapeCells                    // one cell per line, header included
	shapeTabs                     // cells separated by tabs
	shapeGlued                    // cells glued with nothing between them (scraped_bare.go)
	shapeSpaces                   // cells separated by single spaces, or by runs of them
	shapeLines                    // one cell per line, no pipes
)

// scrapedTable is a table found in scraped text, with how it was written and the lines
// it spans.
type scrapedTable struct {
	table
	shape      tableShape
	start, end int  // first and last line
	bareRows   int  // body rows whose line does not begin with "|"
	pipeRows   int  // body rows whose line begins with "|"
	trailing   bool // the header's cells end with "|": rows may span lines
	// leading is set when the header begins with "|". When it does not, a row that begins
	// with "|" begins with an empty cell.
	leading bool
	fold0   string // the first header cell, folded (see newTableAt)
	// fw is set when the header separates its cells by full-width pipes: every line of
	// the table is then read through pipeView (see sc.row).
	fw     bool
	padded int // rows the end of a one-cell-per-line table cut short, padded
	// wordStatus is set when a row of a bare table holds what fits no status in its status
	// column ("OK", "Bad Request"): its other rows are then not asked to (bareRowLike).
	wordStatus bool
}

// reSeparator matches a table's header separator: "---|---|", "|:---|---:|", "---\t---".
var reSeparatorCell = regexp.MustCompile(`^:?-+:?$`)

// isSeparator reports whether a line is a header separator: cells of dashes (with optional
// alignment colons) split by "|" or tabs, or joined by "+" as psql draws them
// ("------+------"); a line of dashes alone is a rule, not a separator.
func isSeparator(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || !strings.ContainsAny(t, "|\t+") || !strings.Contains(t, "-") {
		return false
	}
	t = strings.TrimPrefix(strings.TrimSuffix(t, "|"), "|")
	if strings.HasPrefix(t, "+") || strings.HasSuffix(t, "+") {
		return false // the border of a grid table, whose rows it parts
	}
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '\t' || r == '+' }) {
		if !reSeparatorCell.MatchString(strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

// trailingPipe reports whether a trimmed line ends with a cell's closing "|" (not an
// escaped "\|" and not the "||" of code).
func trailingPipe(t string) bool {
	n := len(t)
	if n == 0 || t[n-1] != '|' {
		return false
	}
	if n >= 2 && (t[n-2] == '\\' || t[n-2] == '|') {
		return false
	}
	return true
}

// hasCellPipe reports whether a line holds a "|" that separates cells.
func hasCellPipe(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] == '|' && (i == 0 || t[i-1] != '\\') {
			return true
		}
	}
	return false
}

// tabCells splits a line whose cells are separated by tabs. It returns nil unless the line
// has at least two cells, one of them not empty beside the first.
func tabCells(ix *posIndex, line []byte, lineOff int) []cell {
	s := string(line)
	if strings.IndexByte(strings.Trim(s, " \t"), '\t') < 0 {
		return nil
	}
	var cells []cell
	start := 0
	// Leading tabs are indentation, not empty cells.
	for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	end := len(s)
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	cellStart := start
	for i := start; i <= end; i++ {
		if i < end && s[i] != '\t' {
			continue
		}
		raw := s[cellStart:i]
		lead := len(raw) - len(strings.TrimLeft(raw, " "))
		cells = append(cells, cell{Text: strings.TrimSpace(raw), Pos: ix.pos(lineOff + cellStart + lead)})
		cellStart = i + 1
	}
	if len(cells) < 2 {
		return nil
	}
	return cells
}

// allHeaderCells reports whether every cell names a column, by a role's words or as
// docgen.yaml's columns name it, so that a run of them is a table header even without a
// separator under it ("오류 코드 |" then "설명 |").
func (sc *scanner) allHeaderCells(cells []cell) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if !sc.namesColumn(c.Text) {
			return false
		}
	}
	return true
}

// headerLine reports whether the cells of one line are a table header without a
// separator under it: every cell names a role, or there are a code column and another
// column with a role (unknown headers are then kept as fields).
func (sc *scanner) headerLine(cells []cell) bool {
	if sc.allHeaderCells(cells) {
		return len(cells) >= 2
	}
	if len(cells) < 2 {
		return false
	}
	roles := sc.columnRoles(cells)
	known := 0
	for _, r := range roles {
		if r != roleUnknown {
			known++
		}
	}
	return hasRole(roles, roleCode) && known >= 2
}

// findTable reports whether a table's header starts at line i and, if so, reads the table.
// A header whose cells are separated by full-width pipes is tried as such first; when it
// starts no table that way, its line is read as it is written ("｜" in a sentence).
func (sc *scanner) findTable(i int) (*scrapedTable, bool) {
	if bytes.Contains(sc.src.Line(i), fullWidthPipe) && fullWidthRow(sc.src.Line(i)) {
		if st, ok := sc.findTableAs(i, true); ok {
			return st, true
		}
	}
	return sc.findTableAs(i, false)
}

// findTableAs is findTable, reading the table's lines through pipeView when fw is set.
func (sc *scanner) findTableAs(i int, fw bool) (*scrapedTable, bool) {
	t, line, off := sc.row(i, fw)
	if t == "" {
		return nil, false
	}
	next, _, _ := sc.row(i+1, fw)
	switch {
	case hasCellPipe(t) && isSeparator(next):
		st := &scrapedTable{shape: shapeRows, start: i, trailing: trailingPipe(t), leading: t[0] == '|', fw: fw}
		st.Header = sc.ix.split(line, off)
		return sc.readPipeTable(st, i+2), true
	case trailingPipe(t) && !isSeparator(t):
		// A header on one line, or one whose cells, all naming roles, sit on lines of
		// their own.
		header := sc.ix.split(line, off)
		j := i + 1
		if emptyCells(header) && len(header) >= 2 {
			// A header row with no text ("|  |  |  |") over rows of as many cells: the
			// interpreter gives the columns their roles from the cells.
			k := sc.nextNonBlank(i)
			if k < 0 {
				return nil, false
			}
			tk, lk, ok := sc.row(k, fw)
			if !trailingPipe(tk) || len(sc.ix.split(lk, ok)) < len(header) {
				return nil, false
			}
			st := &scrapedTable{shape: shapeRows, start: i, trailing: true, leading: t[0] == '|', fw: fw, table: table{Header: header}}
			return sc.readPipeTable(st, k), true
		}
		var lineLens []int // the header's length before each line collected into it
		if !sc.headerLine(header) {
			if !sc.allHeaderCells(header) {
				return nil, false
			}
			seen := map[role]bool{}
			for _, c := range header {
				seen[sc.headerRole(c.Text)] = true
			}
		collect:
			for ; j < i+maxHeaderLines && j <= sc.n; j++ {
				tj, lj, oj := sc.row(j, fw)
				if !trailingPipe(tj) {
					break
				}
				cells := sc.ix.split(lj, oj)
				if !sc.allHeaderCells(cells) {
					break
				}
				// A role the header already has starts the rows: a first code that reads
				// like a header ("ErrorType |" under "오류 코드 |") is data, not a column.
				for _, c := range cells {
					if seen[sc.headerRole(c.Text)] {
						break collect
					}
				}
				for _, c := range cells {
					seen[sc.headerRole(c.Text)] = true
				}
				lineLens = append(lineLens, len(header))
				header = append(header, cells...)
			}
			if len(header) < 2 {
				return nil, false
			}
		}
		read := func(header []cell, j int) *scrapedTable {
			st := &scrapedTable{shape: shapeRows, start: i, trailing: true, leading: t[0] == '|', fw: fw, table: table{Header: header}}
			if j-i > 1 {
				st.shape = shapeCells
			}
			if tj, _, _ := sc.row(j, fw); isSeparator(tj) {
				j++
			}
			return sc.readPipeTable(st, j)
		}
		st := read(header, j)
		// A header collected line by line may have taken the first code of the rows (a
		// code holding a header word: "QUEUE_MESSAGE |" under "Error code |").
		// Then the rows come out ragged, or with sentences in the code column; the same
		// lines read with that line as data may not.
		for k := len(lineLens) - 1; k >= 0 && (raggedRows(st) || !codesInCodeColumn(st)) && lineLens[k] >= 2 && codesNotHeaders(header[lineLens[k]:]); k-- {
			if alt := read(header[:lineLens[k]], i+1+k); !raggedRows(alt) && codesInCodeColumn(alt) {
				return alt, true
			}
		}
		return st, true
	case hasCellPipe(t) && !trailingPipe(t):
		// "Code | Message" over "E1001 | …": pipes between the cells only, and no
		// separator line, as a page's table copied by hand reads. The header must name a
		// code column and another, and the next line split as many cells.
		if !hasCellPipe(next) || !strings.ContainsFunc(t, unicode.IsLetter) {
			return nil, false // checked before the header is split: most such lines are text
		}
		header := sc.ix.split(line, off)
		if len(header) < 2 || !sc.headerLine(header) {
			return nil, false
		}
		if nt, nl, no := sc.row(i+1, fw); !hasCellPipe(nt) || len(sc.ix.split(nl, no)) != len(header) {
			return nil, false
		}
		st := &scrapedTable{shape: shapeRows, start: i, leading: t[0] == '|', fw: fw, table: table{Header: header}}
		return sc.readPipeTable(st, i+1), true
	case !hasCellPipe(t):
		cells := tabCells(sc.ix, line, off)
		if cells == nil || !(isSeparator(next) || sc.headerLine(cells)) {
			return sc.findBareTable(i)
		}
		st := &scrapedTable{shape: shapeTabs, start: i, table: table{Header: cells}}
		body := i + 1
		if isSeparator(next) {
			body++
		}
		return sc.readTabTable(st, body), true
	}
	return nil, false
}

// raggedRows reports whether a row of st has more or fewer cells than its header, or was
// padded to its length.
func raggedRows(st *scrapedTable) bool {
	if st.padded > 0 {
		return true
	}
	for _, r := range st.Rows {
		if len(r.Cells) != len(st.Header) {
			return true
		}
	}
	return false
}

// codesInCodeColumn reports whether every row of st has a code in the column whose header
// names the code (true when no header does).
func codesInCodeColumn(st *scrapedTable) bool {
	col := -1
	for i, h := range st.Header {
		if headerRole(h.Text) == roleCode {
			col = i
			break
		}
	}
	for _, r := range st.Rows {
		if col >= 0 && (col >= len(r.Cells) || !isToken(cleanCode(r.Cells[col].Text))) {
			return false
		}
	}
	return true
}

// codesNotHeaders reports whether every cell is written like a code ("QUEUE_MESSAGE") with
// a part that is no header word ("QUEUE"): a header cell written in capitals is all header
// words ("ERROR_CODE", "HTTP").
func codesNotHeaders(cells []cell) bool {
	for _, c := range cells {
		if !codeLike(c.Text) {
			return false
		}
		parts := strings.FieldsFunc(c.Text, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ':' })
		header := true
		for _, p := range parts {
			header = header && (isHeaderWord(foldHeader(p)) || gluedHeader(p) != nil)
		}
		if header {
			return false
		}
	}
	return len(cells) > 0
}

// rowBuilder collects the cells of one row of a pipe table across lines.
type rowBuilder struct {
	cells []cell
	open  bool // the last cell goes on in the next line
	pos   catalog.Pos
	bare  bool // the row's first line does not begin with "|"
}

// readPipeTable reads the body of a pipe table from line j on and returns it with its end.
func (sc *scanner) readPipeTable(st *scrapedTable, j int) *scrapedTable {
	n := len(st.Header)
	var rb rowBuilder
	emit := func(pad bool) {
		if len(rb.cells) == 0 {
			return
		}
		// A row that the end of a one-cell-per-line table cuts short lacks its last cells,
		// which the page left empty: it is padded, not ragged.
		if pad && st.shape == shapeCells && len(rb.cells) < n {
			st.padded++
		}
		for pad && st.shape == shapeCells && len(rb.cells) < n {
			rb.cells = append(rb.cells, cell{Pos: rb.pos})
		}
		st.Rows = append(st.Rows, tableRow{Cells: rb.cells, Pos: rb.pos})
		if rb.bare {
			st.bareRows++
		} else {
			st.pipeRows++
		}
		rb = rowBuilder{}
	}
	st.end = j - 1
	for ; j <= sc.n; j++ {
		if j%1024 == 0 && sc.src.cancelled() {
			break // the read is abandoned
		}
		t, line, off := sc.row(j, st.fw)
		if t == "" {
			k := sc.nextNonBlank(j)
			if k < 0 || !sc.rowGoesOn(st, k, len(rb.cells) == 0) {
				break
			}
			j = k - 1
			continue
		}
		closes := trailingPipe(t)
		if len(rb.cells) == 0 && t == "|" && st.trailing {
			// A lone "|" between rows opens the next one: the page put every cell, and
			// the row's opening pipe, on a line of its own.
			st.end = j
			continue
		}
		if len(rb.cells) == 0 {
			// A row boundary: a line without cells, or a new header, ends the table.
			if !hasCellPipe(t) || sc.newTableAt(st, j) {
				break
			}
			if sc.rowLimit > 0 && len(st.Rows) >= sc.rowLimit {
				sc.partial = true // rows follow that were not read
				break
			}
			if !st.trailing || (!closes && !sc.cellGoesOn(st, j+1)) {
				// A row with no closing pipe and nothing after it that goes on with it: a
				// row of one line, as in GFM.
				rb = rowBuilder{cells: sc.ix.split(line, off), pos: sc.ix.pos(off + leadingSpace(line)), bare: t[0] != '|'}
				st.end = j
				emit(false)
				continue
			}
		} else {
			switch {
			case !closes:
				// Mid-row, a line that does not close a cell goes on with the row only if a
				// closing line follows soon and nothing in between starts something else.
				if !sc.cellGoesOn(st, j) {
					emit(true)
					return st
				}
			case !rb.open:
				if sc.newTableAt(st, j) {
					emit(true)
					return st
				}
				if cells := sc.ix.split(line, off); len(rb.cells)+len(cells) > n {
					emit(false) // a short row, followed by a row of its own
				}
			}
		}
		cells := sc.ix.split(line, off)
		if len(rb.cells) == 0 {
			rb.pos, rb.bare = sc.ix.pos(off+leadingSpace(line)), t[0] != '|'
			if t[0] == '|' && !st.leading {
				cells = append([]cell{{Pos: rb.pos}}, cells...) // "| 500 | …": no code
			}
		}
		if rb.open && len(cells) > 0 {
			last := &rb.cells[len(rb.cells)-1]
			last.Text = joinCellLines(last.Text, cells[0].Text)
			cells = cells[1:]
		}
		rb.cells = append(rb.cells, cells...)
		rb.open = !closes
		st.end = j
		if !rb.open && len(rb.cells) >= n {
			emit(false)
		}
	}
	emit(true)
	return st
}

// joinCellLines joins the lines of a cell that spans lines with a line break (a soft break
// in Markdown).
func joinCellLines(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// newTableAt reports whether line j, at a row boundary of st, starts another table: a
// header with a separator under it, or st's own header again.
func (sc *scanner) newTableAt(st *scrapedTable, j int) bool {
	t, line, off := sc.row(j, st.fw)
	if next, _, _ := sc.row(j+1, st.fw); isSeparator(next) || isSeparator(t) {
		return true
	}
	// Most rows are not the header again: compare their first cells before splitting.
	first := strings.TrimPrefix(t, "|")
	if k := strings.IndexByte(first, '|'); k >= 0 {
		first = first[:k]
	}
	if st.fold0 == "" && len(st.Header) > 0 {
		st.fold0 = foldHeader(st.Header[0].Text)
	}
	if st.fold0 == "" || !foldMatches(first, st.fold0) {
		return false
	}
	cells := sc.ix.split(line, off)
	if len(cells) > len(st.Header) {
		return false
	}
	for i, c := range cells {
		if f := foldHeader(c.Text); f == "" || f != foldHeader(st.Header[i].Text) {
			return false
		}
	}
	return true
}

// startsBlock reports whether line j is something other than the text of a cell: a status
// heading, a list item, a code block or a separator.
func (sc *scanner) startsBlock(j int, fw bool) bool {
	t, _, _ := sc.row(j, fw)
	if isSeparator(t) {
		return true
	}
	if _, _, ok := statusHeading(stripHashes(t)); ok {
		return true
	}
	if _, mark, ok := listItem(t); ok && !cellMark(mark) {
		return true
	}
	return codeOpens(t)
}

// cellGoesOn reports whether line j, which does not close a cell, continues a row of st:
// a line that closes a cell follows within maxCellLines, and no line up to it is blank or
// starts a block of its own.
func (sc *scanner) cellGoesOn(st *scrapedTable, j int) bool {
	for k := j; k <= sc.n && k < j+maxCellLines; k++ {
		switch sc.lineClass(k, st.fw) {
		case classStop:
			return false
		case classCloses:
			return k == j || !sc.newTableAt(st, k)
		}
	}
	return false
}

// What a line can be to a cell that spans lines, for cellGoesOn; classUnknown until asked.
const (
	classUnknown byte = iota
	classText         // text that can go on with a cell
	classStop         // blank, or a block of its own: no cell goes on through it
	classCloses       // a line that closes a cell
)

// lineClass returns what line k is to a cell that spans lines, in a table of full-width
// pipes when fw is set. Look-aheads ask about the same lines again and again, so the
// answer is kept.
func (sc *scanner) lineClass(k int, fw bool) byte {
	class := &sc.class
	if fw {
		class = &sc.classFW
	}
	if *class == nil {
		*class = make([]byte, sc.n+2)
	}
	if c := (*class)[k]; c != classUnknown {
		return c
	}
	t, _, _ := sc.row(k, fw)
	c := classText
	switch {
	case t == "" || sc.startsBlock(k, fw):
		c = classStop
	case trailingPipe(t):
		c = classCloses
	}
	(*class)[k] = c
	return c
}

// rowGoesOn reports whether the table st goes on at line k after blank lines.
func (sc *scanner) rowGoesOn(st *scrapedTable, k int, boundary bool) bool {
	t, _, _ := sc.row(k, st.fw)
	if !st.trailing {
		return false // GFM-style tables end at a blank line
	}
	if trailingPipe(t) {
		return !(boundary && sc.newTableAt(st, k))
	}
	return !boundary && sc.cellGoesOn(st, k)
}

// nextNonBlank returns the first line after j that is not blank, or -1.
func (sc *scanner) nextNonBlank(j int) int {
	for k := j + 1; k <= sc.n; k++ {
		if t, _, _ := sc.line(k); t != "" {
			return k
		}
	}
	return -1
}

// readTabTable reads the body of a table whose cells are glued by tabs: every following
// line with a tab is a row. Up to maxWrapLines lines with no tab between two rows are the
// last cell of the row above, wrapped as the page showed it ("The body could not" then
// "be parsed as JSON."), when a row with the header's cell count follows them.
func (sc *scanner) readTabTable(st *scrapedTable, j int) *scrapedTable {
	const maxWrapLines = 5
	st.end = j - 1
	for ; j <= sc.n; j++ {
		t, line, off := sc.line(j)
		if t == "" {
			// Blank lines between rows, or between the header and the first row, as a
			// page's row spacing copies: the table goes on when a row of the header's
			// cell count follows them.
			k := j
			for k <= sc.n && k < j+3 {
				if kt, _, _ := sc.line(k); kt != "" {
					break
				}
				k++
			}
			// A header line after them starts a table of its own.
			if kt, kline, koff := sc.line(k); k <= sc.n && strings.IndexByte(kt, '\t') >= 0 {
				if cells := tabCells(sc.ix, kline, koff); len(cells) == len(st.Header) && !sc.headerLine(cells) && sc.fitsColumns(st.Header, cells) {
					j = k
					t, line, off = kt, kline, koff
				}
			}
		}
		if t != "" && strings.IndexByte(t, '\t') < 0 && len(st.Rows) > 0 {
			if k := sc.wrappedUntil(j, maxWrapLines, st.Header); k > j {
				last := &st.Rows[len(st.Rows)-1].Cells[len(st.Rows[len(st.Rows)-1].Cells)-1]
				for ; j < k; j++ {
					w, _, _ := sc.line(j)
					last.Text = joinCellLines(last.Text, strings.TrimSpace(w))
				}
				t, line, off = sc.line(j)
			}
		}
		if t == "" || strings.IndexByte(t, '\t') < 0 {
			if t != "" && len(st.Rows) > 0 {
				sc.tabRowAfter(st, j, maxWrapLines+3)
			}
			break
		}
		cells := tabCells(sc.ix, line, off)
		if cells == nil {
			break
		}
		cells = edgeTabCells(sc.ix, cells, line, off, len(st.Header))
		if j > st.start+1 && sameCells(cells, st.Header) {
			break // the header again: another table
		}
		st.Rows = append(st.Rows, tableRow{Cells: cells, Pos: cells[0].Pos})
		st.bareRows++
		st.end = j
	}
	return st
}

// tabRowAfter warns when line j, a line of text that ends the tab-separated table st, has
// a row of the table within max lines below it (cells glued by tabs, a code in the
// header's code column) with only text between: the table's rows go on below the lines that ended it, and are not read
// as its rows.
func (sc *scanner) tabRowAfter(st *scrapedTable, j, max int) {
	code := -1
	for i, r := range sc.columnRoles(st.Header) {
		if r == roleCode {
			code = i
			break
		}
	}
	if code < 0 {
		return
	}
	for k := j + 1; k <= sc.n && k <= j+max; k++ {
		t, line, off := sc.line(k)
		if t == "" {
			return
		}
		if strings.IndexByte(t, '\t') < 0 {
			continue
		}
		cells := edgeTabCells(sc.ix, tabCells(sc.ix, line, off), line, off, len(st.Header))
		if len(cells) < 2 || code >= len(cells) || !codeShaped(cleanCode(strings.TrimSpace(cells[code].Text))) {
			return
		}
		jt, _, _ := sc.line(j)
		sc.warn(sc.textPos(j), fmt.Sprintf("%q ends the table of line %d: it is neither a row nor the wrapped end of the row above; the lines below it are not read as the table's rows, though line %d reads as one", jt, st.start, k))
		return
	}
}

// edgeTabCells gives a row of a tab-separated table that has fewer cells than its header
// the empty cells its leading and trailing tabs stand for ("\t코드\t상태\t" under four
// columns: the first and the last are empty), which tabCells takes for indentation.
func edgeTabCells(ix *posIndex, cells []cell, line []byte, off, n int) []cell {
	if len(cells) >= n {
		return cells
	}
	lead := 0
	for lead < len(line) && (line[lead] == '\t' || line[lead] == ' ') {
		lead++
	}
	tabs := bytes.Count(line[:lead], []byte{'\t'})
	if k := min(tabs, n-len(cells)); k > 0 {
		at := ix.pos(off)
		front := make([]cell, k, n)
		for i := range front {
			front[i].Pos = at
		}
		cells = append(front, cells...)
	}
	end := len(line)
	for end > lead && (line[end-1] == '\t' || line[end-1] == ' ') {
		end--
	}
	tabs = bytes.Count(line[end:], []byte{'\t'})
	for k := min(tabs, n-len(cells)); k > 0; k-- {
		cells = append(cells, cell{Pos: ix.pos(off + end)})
	}
	return cells
}

// fitsColumns reports whether a row's cells hold what its header's code and status
// columns name: a code-shaped code, a status or nothing. A line of other words ("Name |
// Type | Notes") after a blank line is the header of another table, not a row.
func (sc *scanner) fitsColumns(header, cells []cell) bool {
	for i, r := range sc.columnRoles(header) {
		if i >= len(cells) {
			break
		}
		text := strings.TrimSpace(cells[i].Text)
		switch r {
		case roleCode:
			if !codeShaped(cleanCode(text)) {
				return false
			}
		case roleStatus:
			if st, ok := statusCell(text); text != "" && (!ok || !st.IsValid()) {
				return false
			}
		}
	}
	return true
}

// wrappedUntil returns the line after the lines from j on that have text and no tab, when
// there are at most max of them and a row of the table follows, after a blank line or
// two at most; j otherwise. A row is a line of cells glued by tabs, as many as the header
// has, or fewer (an empty cell at the end of the row copies as nothing) when they hold what
// the header's code and status columns name (fitsColumns).
func (sc *scanner) wrappedUntil(j, max int, header []cell) int {
	n := len(header)
	text, blank := 0, 0
	for k := j; k <= sc.n && text <= max && blank <= 2; k++ {
		t, line, off := sc.line(k)
		switch {
		case t == "":
			if text == 0 {
				return j
			}
			blank++
		case strings.IndexByte(t, '\t') >= 0:
			if text == 0 {
				return j
			}
			cells := tabCells(sc.ix, line, off)
			if len(cells) == n && blank == 0 {
				return k
			}
			if cells = edgeTabCells(sc.ix, cells, line, off, n); len(cells) >= 2 && len(cells) <= n && !sc.headerLine(cells) && sc.fitsColumns(header, cells) {
				return k
			}
			return j
		default:
			if blank > 0 {
				return j // text after a blank line: a paragraph of its own
			}
			text++
		}
	}
	return j
}

// sameCells reports whether two rows have the same folded texts.
func sameCells(a, b []cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if foldHeader(a[i].Text) != foldHeader(b[i].Text) {
			return false
		}
	}
	return true
}

// gfmTable renders a table that is not an error list (a status glossary, a table of
// headers) as a GFM pipe table, for a section's body.
func gfmTable(t table) string {
	var b strings.Builder
	row := func(cells []cell, n int) {
		b.WriteString("|")
		for i := 0; i < n; i++ {
			text := ""
			if i < len(cells) {
				text = cells[i].Text
			}
			text = strings.ReplaceAll(strings.ReplaceAll(text, "|", `\|`), "\n", " ")
			b.WriteString(" " + text + " |")
		}
		b.WriteString("\n")
	}
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r.Cells))
	}
	row(t.Header, n)
	b.WriteString("|")
	b.WriteString(strings.Repeat("---|", n))
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r.Cells, n)
	}
	return strings.TrimRight(b.String(), "\n")
}

// runeLen returns the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// foldMatches reports whether foldHeader(s) == folded, without building the folded
// string: newTableAt asks it of every row.
func foldMatches(s, folded string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if folded == "" || rune(folded[0]) != r {
				return false
			}
			folded = folded[1:]
			continue
		}
		for _, l := range strings.ToLower(string(r)) {
			f, size := utf8.DecodeRuneInString(folded)
			if size == 0 || f != l {
				return false
			}
			folded = folded[size:]
		}
	}
	return folded == ""
}

// emptyCells reports whether every cell is empty.
func emptyCells(cells []cell) bool {
	for _, c := range cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}
