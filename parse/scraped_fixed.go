package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the fixed-width tables of copied text: cells lined up in columns by
// spaces, as a PDF viewer, a man page, psql or a plain-text specification prints them.
//
//	Name      HTTP  Meaning                  Remedy
//	--------  ----  -----------------------  -----------------
//	E_QUOTA   429   The daily quota is       Wait for midnight
//	                used up.                 UTC.
//	E_AUTH    401   The key is unknown.      Ask for a new key.
//
// The header's cells are separated by runs of two spaces or more. A rule of dashes or
// equals signs under the header, one per column or one across the table, is the surest
// sign of such a table, whatever the header's words: drawn per column, it gives each
// column's span exactly, and every line of the table is cut at those spans. Without a
// rule, the header must name its columns (runsHeader) and the columns start where its
// cells start.
//
// A cell too long for its column wraps onto lines of their own whose first column is
// blank: such a line (its text only under later columns, where they start) goes on with
// the cells of the row above. A page break inside the table (blank lines, a page's
// header or footer with its page number, and the running header or footer written right
// next to that number, the header again with its rule) does not end it, nor, under a rule, do blank lines between groups of rows; the lines of the page's
// header or footer are left out of the table with a warning (a line that reads as a row,
// its first cell a code of the kind of those above, is a row though it ends in a number
// as a footer does), and the header again is no row (its rule, if it draws the table's columns
// elsewhere, says where they are from there on; one that draws another number of columns
// ends the table: its rows could not be cut as the rows above were). A line that ends the table while rows of it
// follow is reported too: no row is left out silently.

// RuleLineLeftOut is the rule of a line inside or right after a fixed-width table that is
// not read as part of it: a page's header or footer between its rows, or a line that ends
// the table above rows that are then kept as text.
const RuleLineLeftOut = "table-line-left-out"

// maxPageGap is how many lines a page break between the rows of a fixed-width table may
// span (blank lines, the page's footer and the next one's header, the header again and
// its rule). It keeps the look-ahead that decides it bounded.
const maxPageGap = 12

// fixedLayout is where the columns of a fixed-width table are.
type fixedLayout struct {
	cols []int // display column where each column starts
	// spans is set when a rule drawn per column gives each column's span: a column ends
	// where the next starts, and a line is cut at the spans.
	spans bool
	// ruled is set when a rule lies under the header: the table's rows need not begin with
	// a code (without one, a row must, to tell it from text).
	ruled bool
	// labels is set when the header was taken by its shape (labels) rather than by its
	// words: the table must then have two rows at least, each beginning with a code.
	labels bool
	fold   string // the header's words, folded: the header again (a page break) is known by it
	// codeCol is the column the header names as the codes' when it is not the first
	// ("구분  응답코드  HTTP  메시지"), 0 otherwise: a row of a table without a rule then
	// begins with a code or holds one there, its text lined up under the header's.
	codeCol int
}

// ruleRuns returns the runs of dashes or equals signs of a rule line ("-------  -----",
// "===== =====", one long "--------"), each two characters long at least and one of
// them three, or nil when t is not a rule.
func ruleRuns(t string) []word {
	if len(t) < 3 {
		return nil
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c != '-' && c != '=' && c != ' ' {
			return nil
		}
	}
	runs := fieldsWithOffsets(t)
	long := false
	for _, r := range runs {
		if len(r.text) < 2 || strings.Trim(r.text, "-") != "" && strings.Trim(r.text, "=") != "" {
			return nil
		}
		long = long || len(r.text) >= 3
	}
	if !long {
		return nil
	}
	return runs
}

// isRule reports whether a trimmed line is a rule of dashes or equals signs.
func isRule(t string) bool { return ruleRuns(t) != nil }

// findFixedTable reports whether a fixed-width table starts at line i, and reads it: a
// header over a rule (with a rule above it too, as a boxed table draws one), or a header
// that names its columns with its words (runsHeader) over a row.
func (sc *scanner) findFixedTable(i int) (*scrapedTable, bool) {
	top := i
	t, _, _ := sc.line(i)
	if isRule(t) {
		// A rule over the header: only a header with a rule under it makes a table.
		i++
		if t, _, _ = sc.line(i); t == "" || isRule(t) {
			return nil, false
		}
	}
	lay, header, ok := sc.fixedHeader(i)
	headerless := false
	if !ok && top == i {
		lay, header, ok = sc.headerlessLayout(i)
		headerless = ok
	}
	if !ok || (top != i && !lay.ruled) {
		return nil, false
	}
	st := &scrapedTable{shape: shapeSpaces, start: top, end: i, table: table{Header: header}}
	body := i + 1
	if lay.ruled {
		st.end, body = i+1, i+2
	}
	if headerless {
		body = i // the first line is a row
	}
	sc.readFixedRows(st, lay, body)
	if len(st.Rows) == 0 || lay.labels && len(st.Rows) < 2 {
		return nil, false
	}
	return st, true
}

// fixedHeader reads the header of a fixed-width table at line i, with the rule under it
// when there is one: where the columns are, and the header's cells. ok is false when line
// i heads no such table.
func (sc *scanner) fixedHeader(i int) (lay *fixedLayout, header []cell, ok bool) {
	t, raw, off := sc.line(i)
	if t == "" || hasCellPipe(t) || strings.IndexByte(t, '\t') >= 0 {
		return nil, nil, false
	}
	hoff := off + leadingSpace(raw)
	next, nraw, noff := sc.line(i + 1)
	if rule := ruleRuns(next); rule != nil {
		if len(rule) > maxRunsColumns {
			// A rule of more runs than a table has columns: every row would be cut into
			// a cell for each. What it underlines is left as text.
			return nil, nil, false
		}
		rcols := sc.textColumns(next, noff+leadingSpace(nraw), rule)
		if len(rule) >= 2 {
			// A rule per column: the columns are its runs, and the header is cut at them.
			lay = &fixedLayout{cols: rcols, spans: true, ruled: true}
			header = sc.spanCells(lay, t, hoff)
			if header == nil || filled(header) < 2 {
				return nil, nil, false
			}
		} else {
			// One rule across the table: the columns start where the header's cells do.
			runs := spaceRuns(t)
			if len(runs) < 2 || len(runs) > maxRunsColumns {
				return nil, nil, false
			}
			cols := sc.textColumns(t, hoff, runs)
			end := displayWidth(rcols[0], rule[0].text)
			if rcols[0] > cols[0]+1 || end < cols[len(cols)-1]+1 {
				return nil, nil, false // a rule under part of the line only
			}
			lay = &fixedLayout{cols: cols, ruled: true}
			header = make([]cell, len(runs))
			for k, r := range runs {
				header[k] = cell{Text: r.text, Pos: sc.ix.pos(hoff + r.off)}
			}
		}
	} else {
		if len(t) > maxBareHeader || next == "" || !hasRunGap(next) {
			return nil, nil, false
		}
		h := sc.runsHeader(t)
		labels := false
		if h == nil || !sc.bareHeaderRoles(h) {
			// Not every cell is a word docgen knows ("응답코드  처리결과  비고"): the line is
			// still the header of the rows under it when it is short labels, one of them
			// naming a column, over rows that begin with codes in its columns. Without it
			// those rows would be read as headings and paragraphs, each swallowing the
			// next ones.
			if h = sc.labelsHeader(t); h == nil {
				return nil, nil, false
			}
			labels = true
		}
		lay = &fixedLayout{cols: sc.textColumns(t, hoff, spaceRuns(t)), labels: labels}
		header = sc.headerCells(h, raw, off)
	}
	lay.fold = foldHeader(strings.Join(cellTexts(header), ""))
	lay.codeCol = codeColumn(header)
	return lay, header, lay.fold != ""
}

// codeColumn returns the column of a header that names the codes, by a code's word
// ("Code", "에러코드") or a word ending in one ("응답코드", "応答コード"), or 0 when none
// does or the first does.
func codeColumn(header []cell) int {
	suffixed := 0
	for k, c := range header {
		switch {
		case headerRole(c.Text) == roleCode:
			return k
		case suffixed == 0 && k > 0 && codeSuffixHeader(c.Text):
			suffixed = k
		}
	}
	return suffixed
}

// headerlessLayout reads the columns of a fixed-width table written without a header:
// lines that each begin with a code and go on after a run of spaces, the first two at
// least, with no blank line between them, their second parts starting in the same column
// ("A0001         처리 중 …"). The columns start where the parts of the line of most parts
// among the first maxCellLines do; the header is empty, and the interpreter gives the
// columns their roles from their cells. Read as text, such lines would make the first a
// heading and the others its paragraph.
func (sc *scanner) headerlessLayout(i int) (lay *fixedLayout, header []cell, ok bool) {
	var cols []int
	second := -1
	n := 0
	for k := i; k <= sc.n && k < i+maxCellLines; k++ {
		t, raw, off := sc.line(k)
		if t == "" || hasCellPipe(t) || strings.IndexByte(t, '\t') >= 0 || !hasRunGap(t) {
			break
		}
		if _, _, item := listItem(t); item {
			break // "・E1001　…": a list item, read as a list
		}
		runs := spaceRuns(t)
		if first := cleanCode(runs[0].text); len(runs) < 2 || len(runs) > maxRunsColumns || !isToken(first) || !codeShaped(first) {
			break
		}
		at := sc.textColumns(t, off+leadingSpace(raw), runs)
		if second < 0 {
			second = at[1]
		} else if n < 2 && (at[1] < second-1 || at[1] > second+1) {
			return nil, nil, false // the first two lines do not line up: no table
		}
		if len(at) > len(cols) {
			cols = at
		}
		n++
	}
	if n < 2 {
		return nil, nil, false
	}
	_, raw, off := sc.line(i)
	pos := sc.ix.pos(off + leadingSpace(raw))
	header = make([]cell, len(cols))
	for k := range header {
		header[k].Pos = pos
	}
	return &fixedLayout{cols: cols, labels: true}, header, true
}

// labelsHeader splits a line into the cells of a header written as labels separated by
// runs of spaces: two to eight short labels, none a sentence, the first no code unless it
// names a column (a line of codes is a row), one at least naming a column by its words. It returns nil when the
// line is not such a header.
func (sc *scanner) labelsHeader(t string) []string {
	runs := headerRuns(t)
	if runs == nil {
		return nil
	}
	cells := make([]string, len(runs))
	named := false
	// A later label naming the codes' column in so many words ("Module  Code  HTTP
	// Message") makes the first, a plain word written like a code, a label too: a row
	// holds its code once. ("E500  Internal error  500" is a row.)
	codesLater := false
	for _, r := range runs[1:] {
		codesLater = codesLater || plainCodeHeader(r.text)
	}
	codesLater = codesLater && plainWord(runs[0].text)
	for k, r := range runs {
		if runeLen(r.text) > maxLabelRunes || isProse(r.text) || endsSentence(r.text) {
			return nil
		}
		role, _ := headerWordRole(r.text)
		names := role != roleUnknown || isHeaderWord(foldHeader(r.text)) || notErrorHeader(r.text) || sc.namesColumn(r.text)
		if first := cleanCode(r.text); k == 0 && !names && !codesLater && isToken(first) && codeShaped(first) {
			return nil // a code first: a row, not a header
		}
		named = named || names
		cells[k] = r.text
	}
	if !named {
		return nil
	}
	return cells
}

// plainWord reports whether s is one word of letters, capitalised or not, with no digit,
// mark or second capital: "Module", "Bereich", not "E500", "AUTH" or "TokenExpired".
func plainWord(s string) bool {
	n := 0
	for i, r := range s {
		if !unicode.IsLetter(r) || (i > 0 && unicode.IsUpper(r)) {
			return false
		}
		n++
	}
	return n >= 2
}

// maxLabelRunes is how long a header's label may be.
const maxLabelRunes = 24

// maxRunsColumns is how many columns a fixed-width table may have, whether its columns
// are found from its header's cells or from a rule drawn per column.
const maxRunsColumns = 16

// filled returns how many cells have text.
func filled(cells []cell) int {
	n := 0
	for _, c := range cells {
		if c.Text != "" {
			n++
		}
	}
	return n
}

// spanCells cuts a line of a table whose columns have spans (a rule per column) into its
// cells: each word goes to the column it starts in, and must end before the space that
// parts that column's rule from the next one's. It returns nil when a word runs into the
// next column: the line is not written in these columns. t is the line's text, at byte
// offset off.
func (sc *scanner) spanCells(lay *fixedLayout, t string, off int) []cell {
	words := fieldsWithOffsets(t)
	if len(words) == 0 {
		return nil
	}
	at := sc.textColumns(t, off, words)
	cells := make([]cell, len(lay.cols))
	first := make([]int, len(lay.cols)) // the first and the last word of each column, +1
	last := make([]int, len(lay.cols))
	k := 0
	for w := range words {
		for k+1 < len(lay.cols) && lay.cols[k+1] <= at[w] {
			k++
		}
		if k+1 < len(lay.cols) && displayWidth(at[w], words[w].text) >= lay.cols[k+1] {
			return nil // the word runs into the space before the next column, or into it
		}
		if first[k] == 0 {
			first[k] = w + 1
		}
		last[k] = w + 1
	}
	end := sc.ix.pos(off + len(t)) // an empty cell: where the line's text ends
	for c := range cells {
		if first[c] == 0 {
			cells[c].Pos = end
			continue
		}
		a, b := words[first[c]-1], words[last[c]-1]
		cells[c] = cell{Text: t[a.off : b.off+len(b.text)], Pos: sc.ix.pos(off + a.off)}
	}
	return cells
}

// fixedRow returns the cells of a row of the table, or nil when the line at byte off
// (trimmed, t) is none: its first column is blank, its text does not stand in the
// columns, fewer than two of its cells have text, or its first cell is no code while,
// in a table without a rule, a row must begin with one, and, in a table under one rule
// across (whose columns a line's runs of spaces cut, wherever they are), the line's
// parts do not start where the columns do either (a line of prose after the table)
// or above holds codes of other kinds only. above is the kinds of code the first cells of
// the table's rows hold so far.
func (sc *scanner) fixedRow(lay *fixedLayout, t string, off int, above codeKinds) []cell {
	if lay.spans {
		cells := sc.spanCells(lay, t, off)
		if cells == nil || cells[0].Text == "" || filled(cells) < 2 {
			return nil
		}
		return cells
	}
	if len(lay.cols) > 1 && sc.textColumns(t, off, []word{{t, 0}})[0] >= lay.cols[1]-1 {
		return nil // the first column is blank: a wrapped cell, not a row
	}
	cells := sc.splitRuns(t, off, len(lay.cols), lay.cols, !lay.ruled && lay.codeCol == 0)
	if cells == nil {
		return nil
	}
	if !lay.ruled {
		if lay.codeCol > 0 && codeKind(cells[0].Text) == 0 &&
			(lay.codeCol >= len(cells) || codeKind(cells[lay.codeCol].Text) == 0 || !sc.alignedLine(t, off, lay.cols)) {
			// A category before the codes ("공통  E0001  400  …"): a row when its code
			// stands under the codes' header and its text under the header's.
			return nil
		}
		return cells
	}
	if k := codeKind(cells[0].Text); k != 0 && (above == 0 || k&above != 0) {
		return cells
	}
	if !sc.alignedLine(t, off, lay.cols) {
		return nil
	}
	return cells
}

// alignedLine reports whether the parts of line t (at byte off) that runs of spaces part
// start where the columns cols do, give or take one column, the last taking the rest.
func (sc *scanner) alignedLine(t string, off int, cols []int) bool {
	runs := spaceRuns(t)
	runs = runs[:min(len(runs), len(cols))]
	for k, at := range sc.textColumns(t, off, runs) {
		if at < cols[k]-1 || at > cols[k]+1 {
			return false
		}
	}
	return true
}

// codeKinds is a set of kinds of code (codeKind): those that the first cells of a
// table's rows hold.
type codeKinds uint8

const (
	kindNumber   codeKinds = 1 << iota // digits, signed or not: 40001, -32601
	kindNumbered                       // digits with marks and no letters: 1.2, 10-3
	kindCaps                           // letters, none lower-case: E_AUTH, E1001, TIMEOUT
	kindWords                          // lower-case letters: badRequest, not_found, InvalidToken
)

// codeKind returns the kind of code cell text s is, or 0 when it is no code (one
// code-shaped token). A table's codes are mostly of one kind: a line whose first cell is
// of another reads less like one of its rows.
func codeKind(s string) codeKinds {
	c := cleanCode(s)
	if !isToken(c) || !codeShaped(c) {
		return 0
	}
	upper, lower, marks := false, false, false
	for i, r := range c {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLetter(r):
			lower = true
		case unicode.IsDigit(r), i == 0 && r == '-':
		default:
			marks = true
		}
	}
	switch {
	case lower:
		return kindWords
	case upper:
		return kindCaps
	case marks:
		return kindNumbered
	}
	return kindNumber
}

// fixedWrap returns the text a line adds to each column of the row above when it is a
// wrapped cell's next line: its first column is blank, and its text stands in later
// columns (where they start, in a table without a rule per column). It returns nil when
// the line is not such a line.
func (sc *scanner) fixedWrap(lay *fixedLayout, t string, off int) []cell {
	if len(lay.cols) < 2 {
		return nil
	}
	if lay.spans {
		cells := sc.spanCells(lay, t, off)
		if cells == nil || cells[0].Text != "" {
			return nil
		}
		return cells
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
// that is neither a row, a wrapped cell's next line, a rule nor the header again, unless
// a page break lies there (fixedPageBreak).
func (sc *scanner) readFixedRows(st *scrapedTable, lay *fixedLayout, j int) {
	var pages []int // the lines of pages' headers and footers left out
	// wrapped[k] are the texts the lines of wrapped cells add to column k of the last row,
	// joined when the row is done: joining each as it comes would copy the cell's text
	// once per line.
	var wrapped [][]string
	var above codeKinds // the kinds of code the rows' first cells hold
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
	defer func() {
		flush()
		// Page lines after the table's last line were passed on the way to a line that
		// ended it after all: they are not left out of it, but read as text after it.
		for len(pages) > 0 && pages[len(pages)-1] > st.end {
			pages = pages[:len(pages)-1]
		}
		sc.pagesLeftOut(st, pages)
	}()
	for ; j <= sc.n; j++ {
		if j%1024 == 0 && sc.src.cancelled() {
			sc.partial = true
			return // the read is abandoned
		}
		t, raw, off := sc.line(j)
		if t != "" {
			o := off + leadingSpace(raw)
			switch {
			case isRule(t):
				// A rule between rows parts them, or closes the table; it is no row.
				st.end = j
				continue
			case len(st.Rows) > 0 && foldMatches(t, lay.fold):
				// The header again (a page break without blank lines): no row. Its rule,
				// if any, says where the columns are from here on, when it draws as many
				// columns as the table has: the rows above have a cell for each.
				if l, h, ok := sc.fixedHeader(j); ok && l.ruled == lay.ruled {
					same := sameColumns(l, h, len(lay.cols))
					if same == nil {
						sc.warn(sc.textPos(j), fmt.Sprintf("%q repeats the header of the table of line %d in %d columns, not %d: the table ends above it, and the lines below are not read as its rows", t, st.start, len(l.cols), len(lay.cols)))
						return
					}
					lay = same
				}
				if next, _, _ := sc.line(j + 1); lay.ruled && isRule(next) {
					j++
				}
				st.end = j
				continue
			}
			if cells := sc.fixedRow(lay, t, o, above); cells != nil {
				flush()
				above |= codeKind(cells[0].Text)
				st.Rows = append(st.Rows, tableRow{Cells: cells, Pos: cells[0].Pos})
				st.bareRows++
				st.end = j
				continue
			}
			if len(st.Rows) > 0 {
				if parts := sc.fixedWrap(lay, t, o); parts != nil && len(parts) == len(st.Rows[len(st.Rows)-1].Cells) {
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
		if len(st.Rows) == 0 {
			return
		}
		if k, pageLines, ok := sc.fixedPageBreak(lay, j, above); ok {
			pages = append(pages, pageLines...)
			j = k - 1
			continue
		}
		if t != "" {
			sc.rowsAfter(st, lay, j, above)
		}
		return
	}
}

// sameColumns returns the layout l of the header again (its cells header) with the n
// columns of the table it repeats, or nil when it cannot have them. A rule drawn per
// column may draw one column in two runs on another page: a run under no word of the
// header goes with the column before it.
func sameColumns(l *fixedLayout, header []cell, n int) *fixedLayout {
	if len(l.cols) == n {
		return l
	}
	if !l.spans || len(l.cols) < n {
		return nil
	}
	cols := make([]int, 0, n)
	for k, c := range l.cols {
		if k == 0 || header[k].Text != "" {
			cols = append(cols, c)
		}
	}
	if len(cols) != n {
		return nil
	}
	merged := *l
	merged.cols = cols
	return &merged
}

// fixedPageBreak reports whether the table goes on after the lines from j on, which
// are not its rows: blank lines, rules and lines of a page's header or footer (pageLine),
// up to the header again, or up to a row when a page line came first. After blank lines
// alone, a line that fits the columns may as well be prose: the table goes on only at a
// line that reads as its row (fixedRowLike), and only under a rule. A line that reads as
// a row is never a page's line, though its last part be a number (a status). above is
// the kinds of code the first cells of the table's rows hold. It returns the line the
// table goes on at and the page lines passed.
func (sc *scanner) fixedPageBreak(lay *fixedLayout, j int, above codeKinds) (resume int, pageLines []int, ok bool) {
	adjacent := false // the line above is a page's line: this one may be the rest of it
	for k := j; k <= sc.n && k < j+maxPageGap; k++ {
		t, raw, off := sc.line(k)
		o := off + leadingSpace(raw)
		switch {
		case t == "" || isRule(t):
			adjacent = false
		case foldMatches(t, lay.fold):
			return k, pageLines, true
		case sc.fixedRowLike(lay, k, t, o, above):
			if len(pageLines) == 0 && !lay.ruled {
				return 0, nil, false
			}
			return k, pageLines, true
		case pageLine(t) || bytes.IndexByte(raw, '\f') >= 0:
			pageLines = append(pageLines, k)
			adjacent = true
		case len(pageLines) > 0 && sc.fixedRow(lay, t, o, above) != nil:
			return k, pageLines, true
		case adjacent && !runsProse(t):
			// Right under or over a page's number with no blank line between: the
			// running header or footer of the page ("User Guide v2.3    Acme Bank").
			pageLines = append(pageLines, k)
		default:
			return 0, nil, false
		}
	}
	return 0, nil, false
}

// fixedRowLike reports whether line k (trimmed, t, at byte off) reads as a row of the
// table even apart from it: its cells fit the columns, its first cell is a code of a
// kind the rows' first cells hold (above), and no rule lies under it (that would make it
// the header of another table).
func (sc *scanner) fixedRowLike(lay *fixedLayout, k int, t string, off int, above codeKinds) bool {
	if above == 0 {
		return false
	}
	cells := sc.fixedRow(lay, t, off, above)
	if cells == nil || codeKind(cells[0].Text)&above == 0 {
		return false
	}
	next, _, _ := sc.line(k + 1)
	return !isRule(next)
}

// runsProse reports whether a part of a line (split at runs of spaces) is a sentence: no
// page's running header or footer is.
func runsProse(t string) bool {
	for _, r := range spaceRuns(t) {
		if isProse(r.text) {
			return true
		}
	}
	return false
}

// pagesLeftOut reports the lines of pages' headers and footers left out of the table st:
// one warning, at the first, that names them.
func (sc *scanner) pagesLeftOut(st *scrapedTable, pages []int) {
	if len(pages) == 0 || len(st.Rows) == 0 {
		return
	}
	t, _, _ := sc.line(pages[0])
	msg := fmt.Sprintf("%q, between rows of the table of line %d, is read as a page's header or footer and left out of the table", t, st.start)
	if more := pages[1:]; len(more) > 0 {
		lines := make([]string, 0, 5)
		for _, p := range more[:min(len(more), 5)] {
			lines = append(lines, fmt.Sprint(p))
		}
		if len(more) > 5 {
			lines = append(lines, "…")
		}
		msg += fmt.Sprintf(", as are %d more lines (%s)", len(more), strings.Join(lines, ", "))
	}
	sc.warn(sc.textPos(pages[0]), msg)
}

// rowsAfter reports line j, which ends the table st, when a line that reads as a row of
// the table follows it before a blank line: the lines below are not read as its rows, and
// the user should know.
func (sc *scanner) rowsAfter(st *scrapedTable, lay *fixedLayout, j int, above codeKinds) {
	for k := j + 1; k <= sc.n && k <= j+maxCellLines; k++ {
		t, raw, off := sc.line(k)
		if t == "" {
			return
		}
		if sc.fixedRow(lay, t, off+leadingSpace(raw), above) != nil {
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

// pageLabel matches the page number a page's header or footer gives: "Page 12", "p. 12",
// "12 of 40", "12/40", "- 12 -", "12", "12 페이지", "12ページ", "第12页".
var pageLabel = regexp.MustCompile(`(?i)^(?:(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:/|of|von|de)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4}|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*(?:페이지|ページ|页|頁)|第\s*\d{1,4}\s*[页頁])$`)

// pageLine reports whether a line is a page's header or footer: its page number alone,
// or a line of parts spaced apart whose last part is the page number ("User Guide
// Page 12") or any part a labelled one ("Page 12 User Guide").
func pageLine(t string) bool {
	runs := spaceRuns(t)
	if len(runs) == 0 || len(t) > 200 {
		return false
	}
	if pageLabel.MatchString(runs[len(runs)-1].text) {
		return true
	}
	for _, r := range runs[:len(runs)-1] {
		if pageLabel.MatchString(r.text) && strings.ContainsFunc(r.text, unicode.IsLetter) {
			return true
		}
	}
	return false
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
