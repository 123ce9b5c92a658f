package parse

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"docgen/catalog"
)

// This file finds the tables of copied text that have no separators at all. A browser's
// "copy as text", or a scraper's, leaves a table in one of these shapes when the page's
// cells had no borders in the text:
//
//	코드상태설명                                  glued: the cells of a row follow each
//	PARCEL_TOO_HEAVY413무게 한도 초과              other with nothing between them
//
//	コード メッセージ 意味                           separated by single spaces, the last cell
//	R0101 部屋が空いていません。 別の日を選ぶ         holding spaces of its own
//
//	code                                          one cell per line, no pipes: the header's
//	message                                       cells, then each row's, N lines a row
//	description
//	BadRequest
//	Bad request.
//	요청이 잘못되었습니다.
//
// A header is recognised by its words (vocab.go): every cell of it must be a header word,
// with a code or status column among them. The rows are then split by what each column
// holds: a status is three digits, a numeric code its digits, a word code its run of
// letters, digits and underscores (with the fix-ups of splitGlued), and text the rest. No
// library splits such rows: they are not a format, only what is left of one.

// extraHeaderWords are header words that name no role but do name a column: a header
// glued from them is still a header ("상태종류뜻": status, kind, meaning).
var extraHeaderWords = []string{
	"type", "name", "slug", "kind", "category", "level", "retriable", "billing",
	"required", "mandatory", // of a parameter table, which must be seen as a table to be left out
	"유형", "타입", "이름", "종류", "구분", "분류", "과금", "과금여부", "필드명", "필드", "필수", "필수여부",
	"型", "種類", "名前", "分類", "類型", "必須",
	"类型", "名称", "分类", "必填", "是否必填", "必选", "是否必选",
}

var extraHeaderSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range extraHeaderWords {
		m[foldHeader(w)] = true
	}
	for _, w := range notErrorHeaders {
		m[foldHeader(w)] = true
	}
	return m
}()

// isHeaderWord reports whether a folded word is a header word of any kind.
func isHeaderWord(f string) bool {
	if _, ok := headerWordsByFold[f]; ok {
		return true
	}
	return extraHeaderSet[f]
}

// maxBareHeader is the longest header line a glued or space-separated header may be, in
// bytes: a header is a few words, and the segmentation below is quadratic in it.
const maxBareHeader = 120

// gluedHeader splits a header whose cells are glued ("CodeSlugDescription", "코드상태설명",
// "HTTP STATUS CODECODEMESSAGE비고") into its cells: the line is read as a sequence of
// header words, longest first; words separated by a space belong to one cell ("HTTP
// STATUS CODE"), words that touch start a new one. It returns nil unless the whole line
// is header words, in two cells at least.
func gluedHeader(t string) []string {
	if len(t) > maxBareHeader || len(t) < 4 || strings.ContainsAny(t, ".,:;!?()[]{}|\"'`。、0123456789") {
		return nil // header words hold no punctuation or digits: a sentence or a row is no header
	}
	rs := []rune(strings.ToLower(t))
	orig := []rune(t)
	if len(rs) != len(orig) {
		return nil // lower-casing changed the length: no header word is written so
	}
	n := len(rs)
	// ok[i] reports whether rs[i:] is header words and spaces; next[i] is where the word
	// at i ends in the segmentation chosen (the longest word that leaves a segmentable
	// rest: "CodeSlug" is "Code" + "Slug", though "CodeS" folds to the word "codes").
	ok := make([]bool, n+1)
	next := make([]int, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		if rs[i] == ' ' {
			ok[i], next[i] = ok[i+1], i+1
			continue
		}
		for j := min(n, i+16); j > i; j-- {
			if !ok[j] {
				continue
			}
			if isHeaderWord(string(rs[i:j])) {
				ok[i], next[i] = true, j
				break
			}
		}
	}
	if !ok[0] {
		return nil
	}
	var cells []string
	var cur strings.Builder
	space := false
	for i := 0; i < n; i = next[i] {
		if rs[i] == ' ' {
			space = true
			continue
		}
		word := string(orig[i:next[i]])
		switch {
		case cur.Len() == 0:
			cur.WriteString(word)
		case space:
			cur.WriteString(" " + word)
		default:
			cells = append(cells, cur.String())
			cur.Reset()
			cur.WriteString(word)
		}
		space = false
	}
	if cur.Len() > 0 {
		cells = append(cells, cur.String())
	}
	if len(cells) < 2 {
		return nil
	}
	return cells
}

// spaceHeader splits a header whose cells are single words separated by spaces
// ("コード メッセージ 意味", "Code Status Description"). It returns nil unless every word
// is a header word.
func spaceHeader(t string) []string {
	if len(t) > maxBareHeader {
		return nil
	}
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 8 {
		return nil
	}
	for _, w := range words {
		if !isHeaderWord(foldHeader(w)) {
			return nil
		}
	}
	return words
}

// runsHeader splits a header whose cells are separated by runs of two spaces or more
// ("Error code    HTTP status    Message"), as a fixed-width table or a <pre> block copied
// from a page is. It returns nil unless every cell names a role or is header words, or is
// a header docgen.yaml's columns name.
func (sc *scanner) runsHeader(t string) []string {
	runs := headerRuns(t)
	if runs == nil {
		return nil
	}
	cells := make([]string, len(runs))
	for k, r := range runs {
		if role, _ := headerWordRole(r.text); role == roleUnknown && !isHeaderWord(foldHeader(r.text)) && !sc.namesColumn(r.text) {
			return nil
		}
		cells[k] = r.text
	}
	return cells
}

// ideographicSpace is the full-width space Japanese, Chinese and Korean pages put between
// cells: one of it separates cells as a run of spaces does.
const ideographicSpace = "\u3000"

// hasRunGap reports whether t has a run of two spaces or more, or an ideographic space.
func hasRunGap(t string) bool {
	return strings.Contains(t, "  ") || strings.Contains(t, ideographicSpace)
}

// headerRuns returns the parts of a line that may be a header of cells separated by runs
// of spaces (two to eight of them, the line not too long), or nil.
func headerRuns(t string) []word {
	if len(t) > maxBareHeader || !hasRunGap(t) {
		return nil
	}
	if runs := spaceRuns(t); len(runs) >= 2 && len(runs) <= 8 {
		return runs
	}
	return nil
}

// spaceRuns splits t at runs of two spaces or more (or an ideographic space), with each
// part's offset. One pass: a line of many cells costs its length.
func spaceRuns(t string) []word {
	var out []word
	start := -1 // where the current part began, -1 between parts
	for i := 0; i < len(t); {
		gap := 0
		switch {
		case strings.HasPrefix(t[i:], ideographicSpace):
			gap = len(ideographicSpace)
		case t[i] == ' ' && i+1 < len(t) && t[i+1] == ' ':
			gap = 2
		}
		if gap == 0 {
			if start < 0 && t[i] != ' ' {
				start = i
			}
			i++
			continue
		}
		if start >= 0 {
			out = append(out, word{strings.TrimRight(t[start:i], " "), start})
			start = -1
		}
		i += gap
	}
	if start >= 0 {
		out = append(out, word{strings.TrimRight(t[start:], " "+ideographicSpace), start})
	}
	return out
}

// splitRuns splits a row of a table whose cells are separated by runs of spaces into n
// cells, the last taking the rest. A row of fewer cells (the last ones empty, or one in
// between) is a row when each of its cells starts where a column of the header starts,
// cols being the header's columns (see textColumns); its missing cells are empty. It
// returns nil when the row's first cell is no code (when codeFirst is set), or it has
// fewer cells that do not stand under the header's, which ends the table.
func (sc *scanner) splitRuns(t string, off, n int, cols []int, codeFirst bool) []cell {
	runs := spaceRuns(t)
	if len(runs) == 0 {
		return nil
	}
	if first := cleanCode(runs[0].text); codeFirst && (!isToken(first) || !codeShaped(first)) {
		return nil
	}
	if len(runs) < n {
		return sc.alignedRuns(t, off, runs, cols)
	}
	cells := make([]cell, n)
	for k := 0; k < n; k++ {
		text := runs[k].text
		if k == n-1 {
			text = strings.TrimRight(t[runs[k].off:], " "+ideographicSpace)
		}
		cells[k] = cell{Text: text, Pos: sc.ix.pos(off + runs[k].off)}
	}
	return cells
}

// alignedRuns places the runs of a row that has fewer of them than its header has columns
// in the columns they start under, within a column either way (copied text is not always
// padded to the exact width). It returns nil unless there are two runs at least, the
// first under the first column and each after under a later column than the one before.
func (sc *scanner) alignedRuns(t string, off int, runs []word, cols []int) []cell {
	if len(runs) < 2 {
		return nil // a code alone on its line is as likely a heading after the table
	}
	at := sc.textColumns(t, off, runs)
	cells := make([]cell, len(cols))
	k := 0 // the column the next run may start under, or a later one
	for r, w := range runs {
		for k < len(cols) && cols[k] < at[r]-1 {
			k++
		}
		if k == len(cols) || cols[k] > at[r]+1 || (r == 0 && k != 0) {
			return nil
		}
		cells[k] = cell{Text: w.text, Pos: sc.ix.pos(off + w.off)}
		k++
	}
	end := sc.ix.pos(off + len(t)) // an empty cell: where the row's text ends
	for c := range cells {
		if cells[c].Pos.Line == 0 {
			cells[c].Pos = end
		}
	}
	return cells
}

// textColumns returns the display column (from 0, a wide character counting two, a tab
// going on to the next multiple of 8) at which each of the words of t starts, t being the
// text at byte offset off of its line. One pass over the line.
func (sc *scanner) textColumns(t string, off int, words []word) []int {
	line := sc.src.LineStart(sc.src.lineOf(off) + 1)
	col := displayWidth(0, string(sc.src.Text[line:off]))
	out := make([]int, len(words))
	p := 0
	for k, w := range words {
		col = displayWidth(col, t[p:w.off])
		out[k] = col
		p = w.off
	}
	return out
}

// displayWidth returns the column after s written from column col: East Asian wide and
// full-width characters take two columns, a tab goes on to the next multiple of 8.
func displayWidth(col int, s string) int {
	for _, r := range s {
		switch {
		case r == '\t':
			col = (col/8 + 1) * 8
		case r < 0x1100:
			col++ // nothing below Hangul Jamo is wide
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				col += 2
			default:
				col++
			}
		}
	}
	return col
}

// bareHeaderRoles reports whether header cells can head an error or status table: a code
// or a status column among them.
func (sc *scanner) bareHeaderRoles(cells []string) bool {
	cs := make([]cell, len(cells))
	for i, c := range cells {
		cs[i].Text = c
	}
	return distinctRoles(sc.columnRoles(cs))
}

// distinctRoles reports whether roles name two roles at least, a code or a status among
// them.
func distinctRoles(roles []role) bool {
	distinct := map[role]bool{}
	for _, r := range roles {
		if r != roleUnknown {
			distinct[r] = true
		}
	}
	// Two roles at least: "에러 코드" is a title, not a header of two columns.
	return len(distinct) >= 2 && (distinct[roleCode] || distinct[roleStatus])
}

// findBareTable reports whether a table without separators starts at line i, and reads it.
func (sc *scanner) findBareTable(i int) (*scrapedTable, bool) {
	if st, ok := sc.findFixedTable(i); ok {
		return st, true
	}
	t, line, off := sc.line(i)
	if t == "" || len(t) > maxBareHeader || hasCellPipe(t) || strings.IndexByte(t, '\t') >= 0 {
		return nil, false
	}
	next, _, _ := sc.line(i + 1)
	if next == "" {
		return nil, false
	}
	if h := spaceHeader(t); h != nil && sc.bareHeaderRoles(h) && strings.Contains(next, " ") {
		st := &scrapedTable{shape: shapeSpaces, start: i, end: i}
		st.Header = sc.headerCells(h, line, off)
		sc.readBareRows(st, i+1, func(text string, o int) []cell { return sc.splitSpaced(text, o, len(h)) })
		if len(st.Rows) > 0 {
			return st, true
		}
	}
	if h := gluedHeader(t); h != nil && sc.bareHeaderRoles(h) {
		kinds := gluedKinds(h)
		st := &scrapedTable{shape: shapeGlued, start: i, end: i}
		st.Header = sc.headerCells(h, line, off)
		sc.readBareRows(st, i+1, func(text string, o int) []cell { return sc.splitGlued(text, o, kinds) })
		if len(st.Rows) > 0 {
			return st, true
		}
	}
	return sc.findLinesTable(i)
}

// headerCells places header cells found by splitting one line: each at the first
// occurrence of its text after the one before.
func (sc *scanner) headerCells(texts []string, raw []byte, lineOff int) []cell {
	cells := make([]cell, len(texts))
	p := leadingSpace(raw)
	for k, t := range texts {
		if j := strings.Index(string(raw[p:]), t); j >= 0 {
			p += j
		}
		cells[k] = cell{Text: t, Pos: sc.ix.pos(lineOff + p)}
	}
	return cells
}

// readBareRows reads the rows of a bare table from line j on: every non-blank line that
// splits into cells whose first holds a value, until a blank line, a line that does not
// split, or the header again.
//
// A table copied out of a PDF breaks as the page did: a cell too long for its column
// goes on at the start of the next line (flush left, so it splits as no row), and a
// page's footer and the next one's header may stand between two rows. Lines that do not
// read as rows (their cells do not fit the columns, see bareRowLike) are therefore looked
// past when a row follows them within maxPageGap lines (bareGap): the next lines of the
// last row's last cell, while it has not ended its sentence, and a page's lines, left out
// with a warning. A line that ends the table while a row follows it is reported too, as is
// a line under the last row that splits into cells that do not fit the columns: no row
// is left out silently.
func (sc *scanner) readBareRows(st *scrapedTable, j int, split func(string, int) []cell) {
	header := foldHeader(strings.Join(cellTexts(st.Header), ""))
	var pages []int     // the lines of pages' headers and footers left out
	var above codeKinds // the kinds of code the rows' first cells hold
	defer func() { sc.pagesLeftOut(st, pages) }()
	for ; j <= sc.n; j++ {
		t, line, off := sc.line(j)
		if t == "" || foldMatches(t, header) {
			return
		}
		cells := split(t, off+leadingSpace(line))
		fits := len(st.Rows) == 0 || sc.bareRowLike(st, t, cells, above)
		if !fits {
			if k, wraps, pageLines, ok := sc.bareGap(st, j, split, above); ok {
				if len(wraps) > 0 {
					row := st.Rows[len(st.Rows)-1].Cells
					row[len(row)-1].Text = joinWrapped(row[len(row)-1].Text, wraps)
				}
				pages = append(pages, pageLines...)
				st.end = k - 1
				j = k - 1
				continue
			}
		}
		if cells == nil || cells[0].Text == "" {
			if k := sc.bareRowAfter(st, j, split, above); k > 0 {
				sc.warn(sc.textPos(j), fmt.Sprintf("%q ends the table of line %d: it is neither a row nor the next line of a cell; the lines below it are not read as the table's rows, though line %d reads as one", t, st.start, k))
			}
			return
		}
		if !fits && sc.bareRowAfter(st, j, split, above) < 0 {
			// A row whose cells do not fit the columns, with none of the table's rows
			// after it, is no row but the text under the table ("NOTE Codes E4xxx …").
			sc.warn(sc.textPos(j), fmt.Sprintf("%q, under the table of line %d, does not fit its columns: it is read as text after the table", t, st.start))
			return
		}
		above |= codeKind(cells[0].Text)
		if !st.wordStatus && !sc.fitsColumns(st.Header, cells) {
			st.wordStatus = true // "200 OK Request successful": the status column holds words
		}
		st.Rows = append(st.Rows, tableRow{Cells: cells, Pos: cells[0].Pos})
		st.bareRows++
		st.end = j
	}
}

// bareRowLike reports whether a line (trimmed, t, split into cells) reads as a row of the
// bare table st: its cells fit the columns (fitsColumns; a status column whose rows
// above hold words, "OK" and "Rate Limited", takes any word), and it is neither a page's
// header or footer whose first word is a code of another kind than the rows' (above), nor,
// under a row whose last cell has not ended its sentence, a line beginning with a
// lower-case word where the rows begin with none.
func (sc *scanner) bareRowLike(st *scrapedTable, t string, cells []cell, above codeKinds) bool {
	if cells == nil || cells[0].Text == "" || !sc.fitsColumns(st.Header, cells) && !st.wordStatus {
		return false
	}
	kind := codeKind(cells[0].Text)
	if above == 0 || kind&above != 0 {
		return true
	}
	if pageLine(t) || pageEnd.MatchString(t) {
		return false
	}
	if kind == kindWords && len(st.Rows) > 0 {
		row := st.Rows[len(st.Rows)-1].Cells
		r, _ := utf8.DecodeRuneInString(t)
		return !unicode.IsLower(r) || endsSentence(row[len(row)-1].Text)
	}
	return true
}

// pageEnd matches the end of a line of single spaces that is a page's header or footer:
// "FleetLink Interface Specification Page 23 of 41", "… 12 페이지".
var pageEnd = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:/|of|von|de)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4}|\d{1,4}\s*(?:페이지|ページ|页|頁))$`)

// bareGap reports whether the bare table st goes on after the lines from j on, which do
// not read as its rows: the next lines of its last row's last cell, while that has not
// ended its sentence, then the lines of a page break (a page's header or footer, and
// whatever follows it, blank lines included, up to a row). It returns the line the table
// goes on at (a line that reads as its row, its first cell a code of a kind the rows'
// hold), the texts of the wrapped lines and the page lines passed.
func (sc *scanner) bareGap(st *scrapedTable, j int, split func(string, int) []cell, above codeKinds) (resume int, wraps []string, pageLines []int, ok bool) {
	row := st.Rows[len(st.Rows)-1].Cells
	last := row[len(row)-1].Text
	for k := j; k <= sc.n && k < j+maxPageGap; k++ {
		t, raw, off := sc.line(k)
		if t == "" {
			if len(pageLines) == 0 {
				return 0, nil, nil, false
			}
			continue
		}
		if k > j {
			if cells := split(t, off+leadingSpace(raw)); sc.bareRowLike(st, t, cells, above) && codeKind(cells[0].Text)&above != 0 {
				return k, wraps, pageLines, true
			}
		}
		switch {
		case len(pageLines) > 0 || pageLine(t) || pageEnd.MatchString(t):
			pageLines = append(pageLines, k)
		case !endsSentence(last):
			wraps = append(wraps, t)
			last = t
		default:
			return 0, nil, nil, false
		}
	}
	return 0, nil, nil, false
}

// bareRowAfter returns the first line after j, before a blank line, that reads as a row
// of the bare table st, or -1.
func (sc *scanner) bareRowAfter(st *scrapedTable, j int, split func(string, int) []cell, above codeKinds) int {
	if len(st.Rows) == 0 {
		return -1
	}
	for k := j + 1; k <= sc.n && k <= j+maxCellLines; k++ {
		t, raw, off := sc.line(k)
		if t == "" {
			return -1
		}
		if cells := split(t, off+leadingSpace(raw)); sc.bareRowLike(st, t, cells, above) && codeKind(cells[0].Text)&above != 0 {
			return k
		}
	}
	return -1
}

// splitSpaced splits a row whose cells are separated by spaces into n cells: one word each
// but the last, which takes the rest. The first cell must be one token; a status followed
// by its reason phrase ("400 Bad Request …") keeps the phrase in its second cell.
func (sc *scanner) splitSpaced(t string, off, n int) []cell {
	words := fieldsWithOffsets(t)
	if first := cleanCode(words[0].text); len(words) < 2 || !isToken(first) || !codeShaped(first) {
		return nil
	}
	var cells []cell
	k := 0
	for c := 0; c < n && k < len(words); c++ {
		if c == n-1 {
			cells = append(cells, cell{Text: t[words[k].off:], Pos: sc.ix.pos(off + words[k].off)})
			break
		}
		end := k + 1
		if c == 1 {
			if st, ok := statusCell(cells[0].Text); ok && st.IsValid() {
				if r := st.Reason(); r != "" {
					if m := len(strings.Fields(r)); k+m <= len(words) && strings.EqualFold(joinWords(words[k:k+m]), r) {
						end = k + m
					}
				}
			}
		}
		cells = append(cells, cell{Text: t[words[k].off : words[end-1].off+len(words[end-1].text)], Pos: sc.ix.pos(off + words[k].off)})
		k = end
	}
	return cells
}

type word struct {
	text string
	off  int
}

func fieldsWithOffsets(t string) []word {
	var out []word
	start := -1
	for i, r := range t {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, word{t[start:i], start})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, word{t[start:], start})
	}
	return out
}

func joinWords(ws []word) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.text
	}
	return strings.Join(s, " ")
}

// sentenceStarts are the upper-case words a description glued after a SNAKE_CASE code
// often begins with: "ROUTE_BLOCKEDA bridge is closed", "TOKEN_REVOKEDAPI token was revoked".
var sentenceStarts = []string{"API", "IP", "ID", "URL", "JSON", "HTTP", "JWT", "SDK", "OTP", "A"}

// glueKind is what a column of a glued table holds, for splitting its rows.
type glueKind int

const (
	glueText   glueKind = iota // text: the rest of the row, or up to a change of script
	glueCode                   // a code: digits, or a word of letters, digits and underscores
	glueStatus                 // three digits
)

// codeishHeaders are header words of columns that hold a word rather than text, though
// they name no role ("Slug", "유형").
var codeishHeaders = map[string]bool{
	"slug": true, "type": true, "name": true, "kind": true, "유형": true, "타입": true, "이름": true,
	"종류": true, "型": true, "種類": true, "名前": true, "类型": true, "名称": true,
}

// gluedKinds gives each header cell of a glued table the kind of value it holds.
func gluedKinds(header []string) []glueKind {
	kinds := make([]glueKind, len(header))
	for i, h := range header {
		r, _ := headerWordRole(h)
		switch {
		case r == roleStatus:
			kinds[i] = glueStatus
		case r == roleCode || codeishHeaders[foldHeader(h)]:
			kinds[i] = glueCode
		}
	}
	return kinds
}

// splitGlued splits a row whose cells are glued, column by column: a status column takes
// three digits, a code column its code (gluedCode), and the text columns the rest; two
// text columns at the end split where the text changes from Latin to another script
// ("Weight must be positive.무게 오류"). It returns nil when a code or status is not where the
// header says.
func (sc *scanner) splitGlued(t string, off int, kinds []glueKind) []cell {
	var cells []cell
	p := 0
	for c, k := range kinds {
		rest := t[p:]
		switch {
		case k == glueStatus:
			if len(rest) < 3 || !isDigits(rest[:3]) || rest[0] < '1' || rest[0] > '5' || (len(rest) > 3 && isDigit(rest[3])) {
				return nil
			}
			cells = append(cells, cell{Text: rest[:3], Pos: sc.ix.pos(off + p)})
			p += 3
		case k == glueCode:
			n := gluedCode(rest, kinds[c+1:])
			if n == 0 {
				return nil
			}
			cells = append(cells, cell{Text: rest[:n], Pos: sc.ix.pos(off + p)})
			p += n
		case c+1 < len(kinds) && kinds[c+1] == glueText:
			n := scriptBoundary(rest)
			cells = append(cells, cell{Text: strings.TrimSpace(rest[:n]), Pos: sc.ix.pos(off + p)})
			p += n
		default:
			cells = append(cells, cell{Text: strings.TrimSpace(rest), Pos: sc.ix.pos(off + p)})
			p = len(t)
		}
	}
	return cells
}

// gluedCode returns the length of the code at the start of s, given the kinds of the
// columns after it. A code of digits ends with them; a word code ends where the text
// glued to it begins:
//   - before a status: "LABEL_MISSING401API 토큰" is LABEL_MISSING, then 401;
//   - SCREAMING_SNAKE before a capitalised word: "BAD_POSTCODEPostcode is too short";
//   - SCREAMING_SNAKE before a space: the word a sentence begins with ("ROUTE_BLOCKEDA
//     bridge is closed", "TOKEN_REVOKEDAPI token was revoked"; sentenceStarts);
//   - CamelCase before a space: the last capitalised part ("DepotOfflineDepot
//     is closed").
func gluedCode(s string, after []glueKind) int {
	if s == "" {
		return 0
	}
	if isDigit(s[0]) || (s[0] == '-' && len(s) > 1 && isDigit(s[1])) {
		n := 1
		for n < len(s) && isDigit(s[n]) {
			n++
		}
		return n
	}
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	if n == 0 {
		return 0
	}
	run := s[:n]
	if len(after) > 0 && after[0] == glueStatus {
		for j := 1; j+3 <= len(run); j++ {
			if !isDigit(run[j-1]) && isDigits(run[j:j+3]) && run[j] >= '1' && run[j] <= '5' && (j+3 == len(run) || !isDigit(run[j+3])) {
				return j
			}
		}
		return 0
	}
	firstLower := strings.IndexFunc(run, unicode.IsLower)
	prefix := run
	if firstLower >= 0 {
		prefix = run[:firstLower]
	}
	switch {
	case strings.Contains(prefix, "_") && strings.ToUpper(prefix) == prefix && len(prefix) > 2:
		if firstLower > 0 {
			return firstLower - 1
		}
		if n < len(s) && s[n] == ' ' {
			last := run[strings.LastIndexByte(run, '_')+1:]
			for _, w := range sentenceStarts {
				if strings.HasSuffix(last, w) && len(last)-len(w) >= 3 {
					return n - len(w)
				}
			}
		}
		return n
	case firstLower == 1 && unicode.IsUpper(rune(run[0])):
		if n < len(s) && s[n] == ' ' {
			if parts := splitCamel(run); len(parts) >= 2 {
				return n - len(parts[len(parts)-1])
			}
		}
		return n
	}
	return n
}

// scriptBoundary returns where Latin text glued to text in another script ends: the first
// byte of a letter of another script after Latin letters, or len(s) when the text does
// not begin with a Latin letter.
func scriptBoundary(s string) int {
	latin := false
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin = true
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			if !latin {
				return len(s) // text that begins in another script is one cell
			}
			return i
		}
	}
	return len(s)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isWordByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// maxLinesHeader is how many lines a header written one cell per line without pipes may
// span.
const maxLinesHeader = 8

// findLinesTable reads a table written one cell per line with no pipes: a run of header
// words, one per line, with a code column among them, then rows of as many lines whose
// code cell is a code. A short line among the header's that is no header word ("料金区分")
// is a column too when header words come before and after it. A cell left empty is an
// empty line: one per row, neither its first nor its code cell.
//
// The line above a header is often its title, and a title holds header words too ("Error
// codes", "오류 코드 안내", "错误码列表"): when the first line names the role of a later
// one, and the lines from the next one on are a table, the first line is no column (see
// linesTable).
func (sc *scanner) findLinesTable(i int) (*scrapedTable, bool) { return sc.linesTable(i, true) }

// linesTable is findLinesTable; title is set when line i may be a title over a table
// that starts on the next line, which is then asked (without title: a run of lines
// repeating the same role is weighed once per line, not once per line below it).
func (sc *scanner) linesTable(i int, title bool) (*scrapedTable, bool) {
	var header []cell
	trailing := 0  // unknown lines at the end of header
	named := false // the header ends above a parameter's name
	for j := i; j <= sc.n && j < i+maxLinesHeader; j++ {
		t, _, _ := sc.line(j)
		if t == "" || len(t) > 40 {
			break
		}
		cls := sc.headerLineClass(j)
		if cls == hdrStatus {
			break
		}
		if cls == hdrWord && len(header) >= 2 && trailing == 0 && isToken(t) && codeLike(t) && paramHeader(header) {
			named = true // "error_code" under "Name", "Type", "Required": a parameter's name, the first row
			break
		}
		if cls == hdrWord || len(header) == 0 && notErrorHeader(t) {
			trailing = 0 // "パラメータ名": a parameter table's first column
		} else {
			if len(header) == 0 || trailing > 0 || len(strings.Fields(t)) > 3 || codeShaped(cleanCode(t)) {
				break
			}
			trailing++
		}
		header = append(header, cell{Text: t}) // placed once the table is read: most tries fail
	}
	header = header[:len(header)-trailing]
	if len(header) < 2 {
		return nil, false
	}
	if title && sc.repeatsFirstRole(header) {
		if _, ok := sc.linesTable(i+1, false); ok {
			return nil, false // line i is the table's title: the table starts on the next
		}
	}
	roles := sc.columnRoles(header)
	ci := -1
	for k, r := range roles {
		if r == roleCode {
			ci = k
			break
		}
	}
	// A parameter table ("파라미터", "타입", "필수", "설명" over a name, a type … per
	// line) is read as a table too, which the interpreter then leaves as text: read as
	// lines, its names ("orderNo") would pass for codes with text under them. So is one
	// whose header ends above a parameter's name (named).
	param := len(header) >= 3 && (named || ci < 0 && notErrorHeader(header[0].Text))
	if param {
		ci = 0
	} else if ci < 0 || !distinctRoles(roles) {
		return nil, false
	}
	n := len(header)
	j := i + n
	st := &scrapedTable{shape: shapeLines, start: i, end: j - 1, table: table{Header: header}}
	for j+n-1 <= sc.n {
		cells := make([]cell, 0, n)
		whole := true
		empty := false // a row's one empty cell, copied as an empty line
		for k := 0; k < n; k++ {
			t, _, _ := sc.line(j + k)
			if t == "" {
				if k == 0 || k == ci || empty {
					whole = false
					break
				}
				empty = true
			}
			cells = append(cells, cell{Text: t})
		}
		if !whole {
			break
		}
		code := cleanCode(cells[ci].Text)
		if !isToken(code) || (!param && !codeShaped(code)) || sameCells(cells, header) {
			break
		}
		if _, _, ok := statusesHeading(cells[0].Text); ok && ci != 0 {
			break
		}
		for k := range cells {
			cells[k].Pos = sc.textPos(j + k)
		}
		st.Rows = append(st.Rows, tableRow{Cells: cells, Pos: cells[0].Pos})
		st.bareRows++
		j += n
		st.end = j - 1
	}
	if len(st.Rows) == 0 {
		return nil, false
	}
	for k := range header {
		header[k].Pos = sc.textPos(i + k)
	}
	return st, true
}

// paramHeader reports whether header cells are a parameter or field table's: one names
// parameters or fields, says whether each is required, or holds their data types. Its
// rows begin with names written as identifiers ("error_code"), which a header's words
// are not.
func paramHeader(header []cell) bool {
	for _, h := range header {
		if notErrorHeader(h.Text) || requiredHeader(h.Text) || typeHeaders[foldHeader(h.Text)] {
			return true
		}
	}
	return false
}

// typeHeaders are the folded headers of a column of data types.
var typeHeaders = setOf("type", "datatype", "타입", "자료형", "데이터타입", "형식", "型", "データ型", "类型", "数据类型", "類型", "資料類型")

// textPos returns where the text of line j starts.
func (sc *scanner) textPos(j int) catalog.Pos {
	_, raw, off := sc.line(j)
	return sc.ix.pos(off + leadingSpace(raw))
}

// What a line is to findLinesTable: a header word, a status heading, or neither.
const (
	hdrUnknown byte = iota // not asked yet
	hdrWord
	hdrStatus
	hdrOther
)

// headerLineClass returns what line j is to findLinesTable. It asks the same lines again
// and again, so the answer is kept.
func (sc *scanner) headerLineClass(j int) byte {
	if sc.hdr == nil {
		sc.hdr = make([]byte, sc.n+2)
	}
	if c := sc.hdr[j]; c != hdrUnknown {
		return c
	}
	t, _, _ := sc.line(j)
	c := hdrOther
	if _, _, ok := statusesHeading(t); ok {
		c = hdrStatus
	} else if r, strong := headerWordRole(t); (r != roleUnknown && strong) || isHeaderWord(foldHeader(t)) {
		c = hdrWord
	}
	sc.hdr[j] = c
	return c
}

// repeatsFirstRole reports whether the first cell names a role that a later one names
// too: a header has one column of each role, so the first is then likely a title ("Error
// codes" over "Code").
func (sc *scanner) repeatsFirstRole(cells []cell) bool {
	first := sc.headerRole(cells[0].Text)
	if first == roleUnknown {
		return false
	}
	for _, c := range cells[1:] {
		if sc.headerRole(c.Text) == first {
			return true
		}
	}
	return false
}

// headerRole is headerRole, with each text's role kept (see columnRoles); a header that
// docgen.yaml's columns name has the role they give it.
func (sc *scanner) headerRole(text string) role {
	if r, ok := sc.src.columnOverride(text); ok {
		return r
	}
	if sc.roles == nil {
		sc.roles = map[string]role{}
	}
	r, ok := sc.roles[text]
	if !ok {
		r = headerRole(text)
		sc.roles[text] = r
	}
	return r
}

// namesColumn reports whether a header text names a column: a role's words, or a header
// docgen.yaml's columns name (as "ignore" too).
func (sc *scanner) namesColumn(text string) bool {
	if _, ok := sc.src.columnOverride(text); ok {
		return true
	}
	return sc.headerRole(text) != roleUnknown
}

// columnRoles is columnRoles of the cells' texts, with each text's role kept: a source of
// repeated header-like lines asks for the same texts again and again.
func (sc *scanner) columnRoles(cells []cell) []role {
	roles := make([]role, len(cells))
	taken := map[role]bool{}
	for i, c := range cells {
		r := sc.headerRole(c.Text)
		if r != roleUnknown && taken[r] {
			r = roleUnknown
		}
		taken[r] = true
		roles[i] = r
	}
	return roles
}
