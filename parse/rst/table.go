package rst

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"docgen/parse/doc"
)

// isSimpleBorder reports whether s is a simple table's border: runs of "=" separated by
// spaces, at least two runs.
func isSimpleBorder(s string) bool {
	if s == "" || s[0] != '=' {
		return false
	}
	runs := 0
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '=':
			if prev == ' ' {
				runs++
			}
		case ' ':
		default:
			return false
		}
		prev = s[i]
	}
	return runs >= 2
}

// reGridSep matches a grid table's row border: "+---+---+" or, under the header, "+===+".
var reGridSep = regexp.MustCompile(`^\+(?:[-=]+\+)+$`)

// runeOffsets returns the byte offset of each rune of s, and len(s) after the last, so
// that cutting a long line at many columns costs one pass over it.
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for k := range s {
		offs = append(offs, k)
	}
	return append(offs, len(s))
}

// byteAt returns offs[n], or the end of the line past it.
func byteAt(offs []int, n int) int {
	if n < len(offs) {
		return offs[n]
	}
	return offs[len(offs)-1]
}

// gridTable reads a grid table starting with the border at line i. A row is everything
// between two borders; each of its lines is cut at the columns of the top border's "+"
// and the pieces are joined per column. A line whose "|" do not stand at those columns
// (wide characters counted otherwise) is cut at its own "|".
//
// A border may cross only some columns ("|    +------+------+": a cell of the first
// column spans two rows, as an HTML rowspan does): it ends the rows of the columns it
// crosses, and the cell it does not cross stands in each row beside it, as an HTML
// table's spread rowspan does. The rows of such a band are made when a border crosses
// every column.
func (r *reader) gridTable(ls []line, i int, caption string) int {
	top := []rune(ls[i].text)
	var cols []int
	for k, c := range top {
		if c == '+' {
			cols = append(cols, k)
		}
	}
	n := len(cols) - 1
	t := &doc.Table{Pos: r.pos(ls[i]), Caption: caption}
	var rows []doc.Row
	// A band is the lines between two borders that cross every column: one row, or
	// several where borders cross only some columns. subStart are the first lines of its
	// rows; cells[c] the cells of column c, each with the rows it spans; frags[c] the
	// lines of column c's cell still open.
	type spanCell struct {
		frags    []line
		from, to int // the band's rows the cell stands in
	}
	cells := make([][]spanCell, n)
	frags := make([][]line, n)
	from := make([]int, n) // the band's row where column c's open cell began
	var subStart []int
	// whole is set while every line of the band has no "|" between its ends: one cell
	// spans the row ("| Authentication |" over two columns).
	whole := false
	// cut ends the open cell of column c at the band's last row.
	cut := func(c int) {
		last := len(subStart) - 1
		cells[c] = append(cells[c], spanCell{frags: frags[c], from: from[c], to: last})
		frags[c], from[c] = nil, last+1
	}
	flush := func(header bool) {
		if len(subStart) > 0 {
			for c := 0; c < n; c++ {
				cut(c)
			}
			next := make([]int, n) // per column, the cell that stands in the row
			for sub, start := range subStart {
				row := doc.Row{Pos: r.pos(ls[start])}
				empty := true
				for c := 0; c < n; c++ {
					for next[c] < len(cells[c])-1 && cells[c][next[c]].to < sub {
						next[c]++
					}
					var fs []line
					if k := next[c]; k < len(cells[c]) && cells[c][k].from <= sub {
						fs = cells[c][k].frags
					}
					cell := doc.Cell{Pos: r.pos(ls[start])}
					for _, f := range fs {
						if !f.blank() {
							cell.Pos = r.pos(f)
							break
						}
					}
					cell.Text = inline(cellText(fs))
					if whole && n > 1 && c == 0 && len(subStart) == 1 {
						cell.Text = doc.SpanLabel(cell.Text) // the label of the rows below it
					}
					if cell.Text != "" {
						empty = false
					}
					row.Cells = append(row.Cells, cell)
				}
				if !empty {
					rows = append(rows, row)
				}
			}
			for c := range cells {
				cells[c], from[c] = cells[c][:0], 0
			}
		}
		subStart = subStart[:0]
		if header {
			for _, row := range rows {
				t.Header = joinHeader(t.Header, row.Cells)
			}
			rows = nil
		}
	}
	k := i + 1
	for ; k < len(ls); k++ {
		text := ls[k].text
		if text == "" || (text[0] != '+' && text[0] != '|') {
			break
		}
		if reGridSep.MatchString(text) {
			flush(strings.Contains(text, "=") && t.Header == nil)
			continue
		}
		rs := []rune(text)
		if crossed := borderCols(rs, cols); crossed != nil {
			if len(subStart) == 0 || !slices.Contains(crossed, false) {
				flush(strings.Contains(text, "=") && t.Header == nil)
				continue
			}
			// A border across some columns: their cells end; the others go on, this
			// line a blank one of theirs.
			offs := runeOffsets(text)
			for c := 0; c < n; c++ {
				if crossed[c] {
					cut(c)
					continue
				}
				a, b := byteAt(offs, cols[c]+1), byteAt(offs, cols[c+1])
				frags[c] = append(frags[c], line{off: ls[k].off + a, text: text[a:b]})
			}
			subStart = append(subStart, k+1)
			whole = false
			continue
		}
		aligned := true
		for _, c := range cols {
			if c >= len(rs) || (rs[c] != '|' && rs[c] != '+') {
				aligned = false
				break
			}
		}
		if len(subStart) == 0 {
			subStart, whole = append(subStart, k), true
		}
		if aligned {
			whole = false
			offs := runeOffsets(text)
			for c := 0; c < n; c++ {
				a, b := byteAt(offs, cols[c]+1), byteAt(offs, cols[c+1])
				frags[c] = append(frags[c], line{off: ls[k].off + a, text: text[a:b]})
			}
			continue
		}
		// Cut at the line's own bars.
		parts := strings.Split(strings.Trim(text, "|"), "|")
		whole = whole && len(parts) == 1
		off := ls[k].off + 1
		for c := 0; c < n; c++ {
			if c < len(parts) {
				frags[c] = append(frags[c], line{off: off, text: parts[c]})
				off += len(parts[c]) + 1
			}
		}
	}
	flush(false)
	t.Rows = rows
	r.add(t)
	return k
}

// borderCols reads a line of a grid table whose column boundaries stand at cols as a
// border: which columns it crosses (a run of "-" or "=" over the column, "+" where it
// begins and ends, "|" at an end beside a column it does not cross). nil when the line is
// no border.
func borderCols(rs []rune, cols []int) []bool {
	n := len(cols) - 1
	if n < 1 || cols[n] >= len(rs) {
		return nil
	}
	cross := func(c int) bool {
		seg := rs[cols[c]+1 : cols[c+1]]
		for _, x := range seg {
			if x != '-' && x != '=' {
				return false
			}
		}
		return len(seg) > 0
	}
	var crossed []bool // made only for a border: most lines are none
	for c := 0; c < n; c++ {
		if cross(c) {
			crossed = make([]bool, n)
			break
		}
	}
	if crossed == nil {
		return nil
	}
	for c := range crossed {
		crossed[c] = cross(c)
	}
	for k, at := range cols {
		left, right := k > 0 && crossed[k-1], k < n && crossed[k]
		switch rs[at] {
		case '+':
			if !left && !right {
				return nil
			}
		case '|':
			if left || right {
				return nil
			}
		case '-', '=':
			if !left || !right {
				return nil // a run goes on over a boundary only between two crossed columns
			}
		default:
			return nil
		}
	}
	return crossed
}

// cellText joins the pieces of one cell: lines trimmed, a blank line kept as a paragraph
// break, and the common indentation of its lines kept out. The lines of one paragraph are
// one text that the table's width wrapped: they join as doc.WrapSeparator says (a
// space between words, nothing between Japanese or Chinese characters). A list item
// starts a line of its own.
func cellText(fs []line) string {
	var b strings.Builder // a cell may go on for many lines: built once
	prev := ""            // the line before, "" at the start of a paragraph
	blank := false
	for _, f := range fs {
		t := strings.TrimSpace(f.text)
		if t == "" {
			blank = b.Len() > 0
			continue
		}
		switch {
		case b.Len() == 0:
		case blank:
			b.WriteString("\n\n")
		case reBullet.MatchString(t) || reEnum.MatchString(t):
			b.WriteString("\n")
		case asciiWord(prev) && asciiWord(t):
			// One word a line ("E1001" over "E1002"): a list, as a code cell writes its
			// codes, not a sentence wrapped.
			b.WriteString("\n")
		default:
			b.WriteString(doc.WrapSeparator(prev, t))
		}
		b.WriteString(t)
		prev, blank = t, false
	}
	return b.String()
}

// simpleTable reads a simple table starting with the border at line i: its columns are
// the runs of "=" of the border; a line whose first column is blank goes on with the row
// above; a border followed by more rows ends the header; a border followed by a blank line
// or the end ends the table.
func (r *reader) simpleTable(ls []line, i int, caption string) int {
	border := ls[i].text
	var starts []int
	rs := []rune(border)
	for k, c := range rs {
		if c == '=' && (k == 0 || rs[k-1] == ' ') {
			starts = append(starts, k)
		}
	}
	n := len(starts)
	t := &doc.Table{Pos: r.pos(ls[i]), Caption: caption}
	var rows []doc.Row
	var cur [][]line
	curStart := -1
	flush := func() {
		if curStart < 0 {
			return
		}
		row := doc.Row{Pos: r.pos(ls[curStart])}
		for c := 0; c < n; c++ {
			cell := doc.Cell{Pos: r.pos(ls[curStart]), Text: inline(cellText(cur[c]))}
			for _, f := range cur[c] {
				if !f.blank() {
					cell.Pos = r.pos(f)
					break
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		rows = append(rows, row)
		curStart = -1
	}
	k := i + 1
	for ; k < len(ls); k++ {
		text := ls[k].text
		if isSimpleBorder(text) {
			flush()
			if k+1 >= len(ls) || ls[k+1].blank() {
				k++
				break
			}
			if t.Header == nil && len(rows) > 0 {
				for _, row := range rows {
					t.Header = joinHeader(t.Header, row.Cells)
				}
				rows = nil
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if strings.Trim(text, "- ") == "" {
			continue // column-span underlines
		}
		lrs := []rune(text)
		offs := runeOffsets(text)
		cells := make([]line, n)
		for c := 0; c < n; c++ {
			a := starts[c]
			b := len(lrs)
			if c+1 < n {
				b = starts[c+1]
			}
			a, b = min(a, len(lrs)), min(b, len(lrs))
			ba, bb := byteAt(offs, a), byteAt(offs, b)
			cells[c] = line{off: ls[k].off + ba, text: text[ba:bb]}
		}
		if curStart >= 0 && cells[0].blank() {
			for c := range cells {
				cur[c] = append(cur[c], cells[c])
			}
			continue
		}
		flush()
		curStart = k
		cur = make([][]line, n)
		for c := range cells {
			cur[c] = []line{cells[c]}
		}
	}
	flush()
	t.Rows = rows
	r.add(t)
	return k
}

var (
	reLiteral  = regexp.MustCompile("``([^`]+?)``")
	reLink     = regexp.MustCompile("`([^`<]+?)\\s*<([^>`]+)>`__?")
	reRole     = regexp.MustCompile(":[A-Za-z][\\w:+.-]*:`([^`]+)`")
	reRefText  = regexp.MustCompile("`([^`]+)`__?")
	reRoleLink = regexp.MustCompile(`^(.*?)\s*<[^>]+>$`)
)

// inline writes reStructuredText inline markup as Markdown: “literal“ as `literal`,
// `text <url>`_ as a link, :role:`text` as `text`; strong and emphasis are the same.
func inline(s string) string {
	if !strings.ContainsAny(s, "`:") {
		return s
	}
	s = reLiteral.ReplaceAllString(s, "`$1`")
	s = reLink.ReplaceAllString(s, "[$1]($2)")
	s = reRole.ReplaceAllStringFunc(s, func(m string) string {
		inner := reRole.FindStringSubmatch(m)[1]
		if x := reRoleLink.FindStringSubmatch(inner); x != nil {
			inner = x[1]
		}
		return "`" + strings.TrimPrefix(inner, "~") + "`"
	})
	s = reRefText.ReplaceAllString(s, "$1")
	return s
}

// plain writes inline markup as plain text, for titles and captions.
func plain(s string) string {
	s = inline(s)
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "`", "")
	if utf8.RuneCountInString(s) > 1 && strings.HasPrefix(s, "*") && strings.HasSuffix(s, "*") {
		s = strings.Trim(s, "*")
	}
	return strings.TrimSpace(s)
}

// asciiWord reports whether s is one word of ASCII letters, digits and the punctuation of
// codes ("E1001", "AUTH_FAILED", "auth.expired"): a line of a cell's list of codes.
func asciiWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x80 {
			return false
		}
	}
	return s != ""
}
