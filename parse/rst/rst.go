// Package rst is the front-end of package parse for reStructuredText (Sphinx and Read the
// Docs projects): section titles with any adornment, grid and simple tables, the
// list-table, csv-table and table directives, definition lists, field lists, bullet and
// enumerated lists, literal blocks and code-block directives, and domain directives with a
// body (".. c:macro:: NAME" and indented text), which it gives as a definition list of
// their signatures. It builds a doc.Document with positions and knows nothing of errors.
//
// No Go package reads reStructuredText with source positions, so this is a scanner for
// exactly these constructs, with docutils' rules as the reference for table syntax: a grid
// table's columns are where the "+" of its top border stand, a row is everything between
// two borders, and its lines are joined per column; a simple table's columns are the runs
// of "=" of its border, and a line whose first column is blank continues the row above.
// Blocks nest by indentation: an indented block that is no directive body or literal block
// is a block quote, read as a document of its own, so a table indented inside a Python
// docstring is still a table. It scans each line a bounded number of times, and nesting
// deeper than maxDepth is read as text, so reading is linear in the input.
package rst

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// maxDepth is how deep block quotes and directive bodies are read as blocks.
const maxDepth = 16

// line is one line of the text being read: its text with the indentation of the block
// being read removed, and the byte offset where that text starts in the source.
type line struct {
	off  int
	text string
}

func (l line) blank() bool { return strings.TrimSpace(l.text) == "" }

// indent returns the number of leading spaces (a tab counts as up to the next multiple of 8).
func (l line) indent() int {
	n := 0
	for _, c := range l.text {
		switch c {
		case ' ':
			n++
		case '\t':
			n = (n/8 + 1) * 8
		default:
			return n
		}
	}
	return n
}

// reader reads one document.
type reader struct {
	at     func(int) catalog.Pos
	styles []string // section adornment styles in order of first use: their levels
	doc    *doc.Document
	// lastDirective names the domain directive that made the last block, so that the
	// next one of the same name joins its list.
	lastDirective string
}

// Detect says whether text is reStructuredText: by its name (.rst, .rest) or by what only
// reStructuredText writes (directives, adorned titles, grid tables). It returns a score
// (0 when not) and the reason.
func Detect(name string, text []byte) (int, string) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".rst") || strings.HasSuffix(lower, ".rest") {
		return 85, "a .rst file"
	}
	if (bytes.HasPrefix(text, []byte(".. ")) || bytes.Contains(text, []byte("\n.. "))) && reDirectiveAny.Match(text) &&
		(reGridBorder.Match(text) || hasUnderline(text)) {
		return 35, "reStructuredText directives (\".. name::\") with grid tables or adorned titles"
	}
	return 0, "no .rst name and no reStructuredText directives"
}

var (
	reDirectiveAny = regexp.MustCompile(`(?m)^\.\. [A-Za-z][\w:-]*::`)
	reGridBorder   = regexp.MustCompile(`(?m)^\s*\+[-=]+\+[-=+]*\s*$`)
)

// hasUnderline reports whether text has a line of text underlined with a line of one
// punctuation character, as reStructuredText titles are.
func hasUnderline(text []byte) bool {
	prev := ""
	for _, l := range strings.Split(string(text), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if len(l) >= 3 && isAdornment(l) && strings.TrimSpace(prev) != "" && !isAdornment(prev) {
			return true
		}
		prev = l
	}
	return false
}

// Read reads reStructuredText into a document tree; at places a byte offset of text.
func Read(text []byte, at func(offset int) catalog.Pos) *doc.Document {
	r := &reader{at: at, doc: &doc.Document{}}
	r.blocks(splitLines(text, 0), 0)
	// A field list before anything else is the document's own fields (docinfo).
	if len(r.doc.Blocks) > 0 {
		if dl, ok := r.doc.Blocks[0].(*doc.DefList); ok && dl.Pos.Line <= 3 {
			r.doc.Meta = map[string]string{}
			for _, it := range dl.Items {
				if len(it.Defs) > 0 {
					r.doc.Meta[strings.ToLower(it.Term.Text)] = it.Defs[0].Text
				}
			}
			r.doc.Blocks = r.doc.Blocks[1:]
		}
	}
	return r.doc
}

// ReadAt reads reStructuredText that stands at byte offset base of a larger source (a
// Python docstring).
func ReadAt(text []byte, base int, at func(offset int) catalog.Pos) *doc.Document {
	r := &reader{at: at, doc: &doc.Document{}}
	r.blocks(splitLines(text, base), 0)
	return r.doc
}

func splitLines(text []byte, base int) []line {
	var ls []line
	off := 0
	for off <= len(text) {
		end := off
		for end < len(text) && text[end] != '\n' {
			end++
		}
		ls = append(ls, line{off: base + off, text: strings.TrimRight(string(text[off:end]), " \t\r")})
		if end == len(text) {
			break
		}
		off = end + 1
	}
	return ls
}

// dedent removes n columns of indentation from each line (blank lines stay blank).
func dedent(ls []line, n int) []line {
	out := make([]line, len(ls))
	for i, l := range ls {
		k := 0
		col := 0
		for k < len(l.text) && col < n && (l.text[k] == ' ' || l.text[k] == '\t') {
			if l.text[k] == '\t' {
				col = (col/8 + 1) * 8
			} else {
				col++
			}
			k++
		}
		out[i] = line{off: l.off + k, text: l.text[k:]}
	}
	return out
}

// indented returns the end of the block of lines from i on that are blank or indented
// by at least min columns; trailing blank lines are not part of it.
func indented(ls []line, i, min int) int {
	end := i
	for k := i; k < len(ls); k++ {
		if ls[k].blank() {
			continue
		}
		if ls[k].indent() < min {
			break
		}
		end = k + 1
	}
	return end
}

// minIndent returns the least indentation of the non-blank lines.
func minIndent(ls []line) int {
	m := -1
	for _, l := range ls {
		if !l.blank() {
			if n := l.indent(); m < 0 || n < m {
				m = n
			}
		}
	}
	return max(m, 0)
}

func (r *reader) add(b doc.Block) {
	r.doc.Blocks = append(r.doc.Blocks, b)
	r.lastDirective = ""
}

// pos returns the position of the first non-blank character of l.
func (r *reader) pos(l line) catalog.Pos {
	k := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	return r.at(l.off + k)
}

// blocks reads the lines of one block level.
func (r *reader) blocks(ls []line, depth int) {
	i := 0
	for i < len(ls) {
		l := ls[i]
		if l.blank() {
			i++
			continue
		}
		if ind := l.indent(); ind > 0 {
			end := indented(ls, i, ind)
			if depth < maxDepth {
				r.blocks(dedent(ls[i:end], ind), depth+1)
			} else {
				r.add(&doc.Para{Pos: r.pos(l), Text: joinText(ls[i:end])})
			}
			i = end
			continue
		}
		next := i + 1
		switch {
		case r.title(ls, i, &next):
		case strings.HasPrefix(l.text, ".. "), l.text == "..":
			next = r.directive(ls, i, depth)
		case reGridBorder.MatchString(l.text) && strings.HasPrefix(l.text, "+"):
			next = r.gridTable(ls, i, "")
		case isSimpleBorder(l.text) && i+1 < len(ls) && !ls[i+1].blank():
			next = r.simpleTable(ls, i, "")
		case reBullet.MatchString(l.text) || reEnum.MatchString(l.text):
			next = r.list(ls, i)
		case reField.MatchString(l.text):
			next = r.fieldList(ls, i)
		case i+1 < len(ls) && !ls[i+1].blank() && ls[i+1].indent() > 0:
			next = r.defList(ls, i, depth)
		default:
			next = r.para(ls, i, depth)
		}
		i = max(next, i+1)
	}
}

// isAdornment reports whether s is a line of one repeated punctuation character.
func isAdornment(s string) bool {
	if len(s) < 2 {
		return false
	}
	c := s[0]
	if c >= utf8.RuneSelf || !unicode.IsPunct(rune(c)) && !unicode.IsSymbol(rune(c)) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != c {
			return false
		}
	}
	return true
}

// title reads a section title at line i: text with an underline, or an overline, text and
// an underline of the same character. Its level is the order in which its style first
// appeared, as docutils decides.
func (r *reader) title(ls []line, i int, next *int) bool {
	l := ls[i]
	if isAdornment(l.text) && i+2 < len(ls) && !ls[i+1].blank() && ls[i+2].text == l.text && !isAdornment(strings.TrimSpace(ls[i+1].text)) {
		r.heading("over"+l.text[:1], ls[i+1])
		*next = i + 3
		return true
	}
	if isAdornment(l.text) || i+1 >= len(ls) {
		return false
	}
	u := ls[i+1].text
	if !isAdornment(u) || len(u) < 3 && utf8.RuneCountInString(l.text) > len(u) {
		return false
	}
	if u[0] == '=' && isSimpleBorder(u) || strings.HasPrefix(l.text, ".. ") {
		return false
	}
	r.heading(u[:1], l)
	*next = i + 2
	return true
}

func (r *reader) heading(style string, l line) {
	level := 0
	for k, s := range r.styles {
		if s == style {
			level = k + 1
		}
	}
	if level == 0 {
		r.styles = append(r.styles, style)
		level = len(r.styles)
	}
	r.add(&doc.Heading{Pos: r.pos(l), Level: level, Text: plain(strings.TrimSpace(l.text))})
}

// para reads a paragraph; one that ends with "::" is followed by a literal block.
func (r *reader) para(ls []line, i, depth int) int {
	end := i
	for end < len(ls) && !ls[end].blank() && (end == i || ls[end].indent() == 0) {
		end++
	}
	text := joinText(ls[i:end])
	literal := strings.HasSuffix(text, "::")
	if literal {
		text = strings.TrimSuffix(text, "::")
		if strings.HasSuffix(text, " ") || text == "" {
			text = strings.TrimSpace(text)
		} else {
			text += ":"
		}
	}
	if text != "" {
		r.add(&doc.Para{Pos: r.pos(ls[i]), Text: inline(text)})
	}
	if literal {
		k := end
		for k < len(ls) && ls[k].blank() {
			k++
		}
		if k < len(ls) && ls[k].indent() > 0 {
			e := indented(ls, k, 1)
			body := dedent(ls[k:e], minIndent(ls[k:e]))
			r.add(&doc.Code{Pos: r.pos(ls[k]), Text: rawText(body)})
			return e
		}
	}
	return end
}

// joinText joins lines' text, trimmed, with newlines.
func joinText(ls []line) string {
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		parts = append(parts, strings.TrimSpace(l.text))
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// rawText joins lines as they are.
func rawText(ls []line) string {
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		parts = append(parts, l.text)
	}
	return strings.Trim(strings.Join(parts, "\n"), "\n")
}

var (
	reBullet    = regexp.MustCompile(`^[-*+•‣⁃]( +|$)`)
	reEnum      = regexp.MustCompile(`^(?:\d+|#|[a-zA-Z])[.)]( +|$)|^\((?:\d+|#|[a-zA-Z])\)( +|$)`)
	reField     = regexp.MustCompile(`^:([^:\s][^:]*?):(?:\s+|$)`)
	reDirective = regexp.MustCompile(`^\.\.\s+([A-Za-z][\w:.+-]*)::(?:\s+(.*))?$`)
)

// list reads a bullet or enumerated list: an item is its marker's line and the lines
// indented under it.
func (r *reader) list(ls []line, i int) int {
	ordered := !reBullet.MatchString(ls[i].text)
	l := &doc.List{Pos: r.pos(ls[i]), Ordered: ordered}
	k := i
	for k < len(ls) {
		var m []int
		if ordered {
			m = reEnum.FindStringIndex(ls[k].text)
		} else {
			m = reBullet.FindStringIndex(ls[k].text)
		}
		if m == nil || ls[k].indent() != 0 {
			break
		}
		end := indented(ls, k+1, 1)
		first := line{off: ls[k].off + m[1], text: ls[k].text[m[1]:]}
		body := append([]line{first}, dedent(ls[k+1:end], m[1])...)
		l.Items = append(l.Items, doc.Item{Pos: r.pos(first), Text: inline(joinText(body))})
		k = end
		for k < len(ls) && ls[k].blank() {
			k++
		}
	}
	r.add(l)
	return k
}

// fieldList reads a field list (":name: value" and indented lines) as a definition list.
func (r *reader) fieldList(ls []line, i int) int {
	dl := &doc.DefList{Pos: r.pos(ls[i])}
	k := i
	for k < len(ls) {
		m := reField.FindStringSubmatchIndex(ls[k].text)
		if m == nil || ls[k].indent() != 0 {
			break
		}
		end := indented(ls, k+1, 1)
		first := line{off: ls[k].off + m[1], text: ls[k].text[m[1]:]}
		body := append([]line{first}, dedent(ls[k+1:end], minIndent(ls[k+1:end]))...)
		term := doc.Cell{Pos: r.at(ls[k].off + 1), Text: ls[k].text[m[2]:m[3]]}
		def := doc.Cell{Pos: r.pos(first), Text: inline(joinText(body))}
		if first.blank() && end > k+1 {
			def.Pos = r.pos(ls[k+1])
		}
		dl.Items = append(dl.Items, doc.Def{Term: term, Defs: []doc.Cell{def}})
		k = end
		for k < len(ls) && ls[k].blank() {
			k++
		}
	}
	r.add(dl)
	return k
}

// defList reads a definition list: a term line and its indented definition, repeated.
func (r *reader) defList(ls []line, i, depth int) int {
	dl := &doc.DefList{Pos: r.pos(ls[i])}
	k := i
	for k+1 < len(ls) && ls[k].indent() == 0 && !ls[k].blank() && !ls[k+1].blank() && ls[k+1].indent() > 0 {
		end := indented(ls, k+1, 1)
		body := dedent(ls[k+1:end], minIndent(ls[k+1:end]))
		sub := &reader{at: r.at, styles: r.styles, doc: &doc.Document{}}
		if depth < maxDepth {
			sub.blocks(body, depth+1)
		} else {
			sub.add(&doc.Para{Pos: r.pos(body[0]), Text: joinText(body)})
		}
		dl.Items = append(dl.Items, doc.Def{
			Term: doc.Cell{Pos: r.pos(ls[k]), Text: inline(strings.TrimSpace(ls[k].text))},
			Defs: []doc.Cell{{Pos: r.pos(ls[k+1]), Text: blocksText(sub.doc.Blocks)}},
		})
		k = end
		for k < len(ls) && ls[k].blank() {
			k++
		}
	}
	if len(dl.Items) == 0 {
		return r.para(ls, i, depth)
	}
	r.add(dl)
	return k
}

// blocksText writes blocks as Markdown text.
func blocksText(bs []doc.Block) string {
	var parts []string
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Para:
			parts = append(parts, b.Text)
		case *doc.Code:
			parts = append(parts, "```"+b.Lang+"\n"+b.Text+"\n```")
		case *doc.List:
			var items []string
			for _, it := range b.Items {
				items = append(items, "- "+it.Text)
			}
			parts = append(parts, strings.Join(items, "\n"))
		case *doc.DefList:
			for _, it := range b.Items {
				var defs []string
				for _, d := range it.Defs {
					defs = append(defs, d.Text)
				}
				parts = append(parts, it.Term.Text+": "+strings.Join(defs, " "))
			}
		case *doc.Heading:
			parts = append(parts, b.Text)
		case *doc.Table:
			var rows []string
			for _, row := range b.Rows {
				var cs []string
				for _, c := range row.Cells {
					cs = append(cs, c.Text)
				}
				rows = append(rows, strings.Join(cs, " | "))
			}
			parts = append(parts, strings.Join(rows, "\n"))
		}
	}
	return strings.Join(parts, "\n\n")
}

// directive reads an explicit markup block at line i: a directive, a comment, a target or
// a substitution definition.
func (r *reader) directive(ls []line, i, depth int) int {
	end := indented(ls, i+1, 1)
	m := reDirective.FindStringSubmatch(ls[i].text)
	if m == nil {
		return end // a comment, a hyperlink target, a footnote: no content
	}
	name, arg := strings.ToLower(m[1]), strings.TrimSpace(m[2])
	// The argument may go on over the next lines, up to the options or a blank line.
	k := i + 1
	if arg != "" {
		var b strings.Builder // an argument may go on for many lines: built once
		b.WriteString(arg)
		for k < end && !ls[k].blank() && !reField.MatchString(strings.TrimSpace(ls[k].text)) {
			b.WriteString(" " + strings.TrimSpace(ls[k].text))
			k++
		}
		arg = b.String()
	}
	opts := map[string]string{}
	for k < end && !ls[k].blank() {
		t := strings.TrimSpace(ls[k].text)
		fm := reField.FindStringSubmatchIndex(t)
		if fm == nil {
			break // the content starts right under the directive
		}
		opts[strings.ToLower(t[fm[2]:fm[3]])] = strings.TrimSpace(t[fm[1]:])
		k++
	}
	body := ls[k:end]
	for len(body) > 0 && body[0].blank() {
		body = body[1:]
	}
	body = dedent(body, minIndent(body))
	switch {
	case name == "list-table":
		r.listTable(body, arg, opts, ls[i])
	case name == "csv-table":
		r.csvTable(body, arg, opts, ls[i])
	case name == "table":
		before := len(r.doc.Blocks)
		if depth < maxDepth {
			r.blocks(body, depth+1)
		}
		for _, b := range r.doc.Blocks[before:] {
			if t, ok := b.(*doc.Table); ok && t.Caption == "" {
				t.Caption = plain(arg)
				break
			}
		}
	case name == "code-block" || name == "code" || name == "sourcecode" || name == "literalinclude" && len(body) > 0:
		if len(body) > 0 {
			r.add(&doc.Code{Pos: r.pos(body[0]), Lang: arg, Text: rawText(body)})
		}
	case strings.Contains(name, ":") && arg != "":
		// A domain directive (".. c:macro:: NAME", ".. py:exception:: Name"): its
		// signature and its body, as a term and its definition. Consecutive ones of
		// the same directive make one list.
		sub := &reader{at: r.at, styles: r.styles, doc: &doc.Document{}}
		if depth < maxDepth {
			sub.blocks(body, depth+1)
		}
		def := doc.Def{Term: doc.Cell{Pos: r.at(ls[i].off + strings.Index(ls[i].text, "::") + 2 + leadingSpace(ls[i].text[strings.Index(ls[i].text, "::")+2:])), Text: arg}}
		if len(body) > 0 {
			def.Defs = []doc.Cell{{Pos: r.pos(body[0]), Text: blocksText(sub.doc.Blocks)}}
		}
		if n := len(r.doc.Blocks); n > 0 {
			if dl, ok := r.doc.Blocks[n-1].(*doc.DefList); ok && r.lastDirective == name {
				dl.Items = append(dl.Items, def)
				return end
			}
		}
		r.add(&doc.DefList{Pos: r.pos(ls[i]), Items: []doc.Def{def}})
		r.lastDirective = name
		return end
	default:
		// Admonitions and other directives: their body is read as blocks.
		if depth < maxDepth {
			r.blocks(body, depth+1)
		}
	}
	r.lastDirective = ""
	return end
}

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// listTable reads a list-table directive: a bullet list of rows, each a bullet list of
// cells; :header-rows: says how many rows are the header.
func (r *reader) listTable(body []line, caption string, opts map[string]string, at line) {
	t := &doc.Table{Pos: r.pos(at), Caption: plain(caption)}
	headerRows := atoi(opts["header-rows"])
	k := 0
	var rows []doc.Row
	for k < len(body) {
		m := reBullet.FindStringIndex(body[k].text)
		if m == nil || body[k].indent() != 0 {
			k++
			continue
		}
		end := indented(body, k+1, 1)
		first := line{off: body[k].off + m[1], text: body[k].text[m[1]:]}
		inner := append([]line{first}, dedent(body[k+1:end], m[1])...)
		row := doc.Row{Pos: r.pos(body[k])}
		c := 0
		for c < len(inner) {
			cm := reBullet.FindStringIndex(inner[c].text)
			if cm == nil || inner[c].indent() != 0 {
				c++
				continue
			}
			ce := indented(inner, c+1, 1)
			cf := line{off: inner[c].off + cm[1], text: inner[c].text[cm[1]:]}
			cl := append([]line{cf}, dedent(inner[c+1:ce], cm[1])...)
			row.Cells = append(row.Cells, doc.Cell{Pos: r.pos(cf), Text: inline(cellText(cl))})
			c = ce
		}
		rows = append(rows, row)
		k = end
	}
	for h := 0; h < headerRows && h < len(rows); h++ {
		t.Header = joinHeader(t.Header, rows[h].Cells)
	}
	t.Rows = rows[min(headerRows, len(rows)):]
	r.add(t)
}

// joinHeader joins header rows per column ("Error" over "Code" is "Error Code").
func joinHeader(h, row []doc.Cell) []doc.Cell {
	for i, c := range row {
		if i >= len(h) {
			h = append(h, c)
			continue
		}
		if c.Text != "" {
			h[i].Text = strings.TrimSpace(h[i].Text + " " + c.Text)
		}
	}
	return h
}

// csvTable reads a csv-table directive's body (a :file: or :url: table has none here).
func (r *reader) csvTable(body []line, caption string, opts map[string]string, at line) {
	t := &doc.Table{Pos: r.pos(at), Caption: plain(caption)}
	parse := func(s string) []string {
		cr := csv.NewReader(strings.NewReader(s))
		cr.LazyQuotes, cr.TrimLeadingSpace, cr.FieldsPerRecord = true, true, -1
		rec, _ := cr.Read()
		return rec
	}
	if h := opts["header"]; h != "" {
		for _, f := range parse(h) {
			t.Header = append(t.Header, doc.Cell{Pos: r.pos(at), Text: inline(strings.TrimSpace(f))})
		}
	}
	headerRows := atoi(opts["header-rows"])
	var rows []doc.Row
	for k := 0; k < len(body); k++ {
		if body[k].blank() {
			continue
		}
		text := body[k].text
		start := k
		// A quoted field may hold line breaks: read on while the quotes are open (counted
		// line by line: a row may go on for many lines).
		if quotes := strings.Count(text, `"`); quotes%2 == 1 {
			var b strings.Builder
			b.WriteString(text)
			for quotes%2 == 1 && k+1 < len(body) {
				k++
				b.WriteString("\n" + body[k].text)
				quotes += strings.Count(body[k].text, `"`)
			}
			text = b.String()
		}
		row := doc.Row{Pos: r.pos(body[start])}
		for _, f := range parse(text) {
			row.Cells = append(row.Cells, doc.Cell{Pos: r.pos(body[start]), Text: inline(strings.TrimSpace(f))})
		}
		rows = append(rows, row)
	}
	for h := 0; h < headerRows && h < len(rows); h++ {
		t.Header = joinHeader(t.Header, rows[h].Cells)
	}
	t.Rows = rows[min(headerRows, len(rows)):]
	r.add(t)
}

func atoi(s string) int {
	n := 0
	for _, c := range strings.TrimSpace(s) {
		if c < '0' || c > '9' || n > 1000 {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
