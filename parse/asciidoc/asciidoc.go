// Package asciidoc is the front-end of package parse for AsciiDoc (Antora sites, many Java
// projects): section titles ("=" to "======"), "|===" tables with their cols= attribute,
// an implicit or declared header row, cells on their own lines or several on one line and
// cells going on over lines, tables of delimited data (",===", ":===", format=csv, dsv or
// tsv), block titles (".Title") as captions, labelled lists
// ("term::"), bulleted and numbered lists, listing and literal blocks, and paragraphs.
// Block attribute lines ("[abstract]", "[#id,cols=…]"), anchors, include:: and
// conditional lines and comments are skipped; attribute entries (":product: Name") are
// substituted in the text ("{product}"), those of the header in the title too. It builds a doc.Document with positions and knows nothing of
// errors.
//
// No Go package reads AsciiDoc with source positions, so this is a scanner for exactly
// these constructs; it moves forward over the lines once, so it is linear in its input.
package asciidoc

import (
	"bytes"
	"regexp"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// Detect says whether text is AsciiDoc: by its name (.adoc, .asciidoc, .asc) or by what
// only AsciiDoc writes ("|===" tables with "= " titles). It returns a score (0 when not)
// and the reason.
func Detect(name string, text []byte) (int, string) {
	lower := strings.ToLower(name)
	for _, ext := range []string{".adoc", ".asciidoc", ".asc"} {
		if strings.HasSuffix(lower, ext) {
			return 85, "an " + ext + " file"
		}
	}
	if bytes.Contains(text, []byte("|===")) && reTableDelim.Match(text) && reTitleAny.Match(text) {
		return 40, "AsciiDoc \"|===\" tables and \"= \" titles"
	}
	return 0, "no .adoc name and no AsciiDoc \"|===\" table"
}

var (
	reTableDelim = regexp.MustCompile(`(?m)^\|===\s*$`)
	reDataDelim  = regexp.MustCompile(`^[,:]===$`) // a CSV (",===") or DSV (":===") table
	reFormat     = regexp.MustCompile(`\bformat\s*=\s*"?(csv|dsv|tsv)\b`)
	reSeparator  = regexp.MustCompile(`\bseparator\s*=\s*"?([^"\s,\]])`)
	reTitleAny   = regexp.MustCompile(`(?m)^=+ \S`)
	reSection    = regexp.MustCompile(`^(={1,6})\s+(\S.*?)\s*=*$`)
	reAttrLine   = regexp.MustCompile(`^\[[^\[\]]*\]$`)
	reAttrEntry  = regexp.MustCompile(`^:!?[\w-]+!?:(\s.*)?$`)
	reAttrRef    = regexp.MustCompile(`\{([\w-]+)\}`)
	rePreproc    = regexp.MustCompile(`^(?:include|ifdef|ifndef|ifeval|endif)::\S*\[.*\]$`)
	reBlockTitle = regexp.MustCompile(`^\.([^.\s].*)$`)
	reLabelled   = regexp.MustCompile(`^(\S.*?)(::|:::|::::|;;)(?:\s+(.*))?$`)
	reListItem   = regexp.MustCompile(`^(\*+|-|\.+|\d+\.)\s+(.*)$`)
	reCols       = regexp.MustCompile(`cols\s*=\s*"?([^",\]]*(?:,[^",\]]*)*)"?`)
	reCellSpec   = regexp.MustCompile(`^(?:\d+\*)?(?:(?:\d+(?:\.\d+)?|\.\d+)\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$`)
	reSpan       = regexp.MustCompile(`^(\d*)(?:\.(\d+))?\+`)
)

// line is one line and the byte offset where it starts.
type line struct {
	off  int
	text string
}

type reader struct {
	at  func(int) catalog.Pos
	doc *doc.Document
	ls  []line
	// attrs and caption are the block attribute line and block title waiting for the
	// next block.
	attrs, caption string
	// open are the delimited blocks open around the line read, innermost last.
	open []openBlock
	// attributes are the document attributes defined so far (":product: Tidewater"),
	// by lower-cased name.
	attributes map[string]string
	// budget is how many bytes substituting attributes may still add to the document
	// (substBudget); cut is set once a reference stayed as written for want of it, and
	// cur is the offset of the block being read, where the warning says so.
	budget int
	cut    bool
	cur    int
}

// maxAttrValue is the longest value whose own references are expanded when it is
// defined: a value is a product name, a version, a URL or a sentence, a few hundred bytes
// at most; a longer one is kept as written, so that values each made of copies of the one
// before (":a2: {a1}{a1}") cannot double line after line.
const maxAttrValue = 4 << 10

// substBudget is how many bytes substituting attributes may add to a document of n
// bytes: four times its size and a megabyte, far above what a document's attributes
// add, and linear in it even when one long value is referenced from every cell. Past it
// references stay as written ("{note}") and the reader warns.
func substBudget(n int) int { return 4*n + 1<<20 }

// define reads an attribute entry (":name: value", ":name!:" to unset it).
func (r *reader) define(t string) {
	name, value, _ := strings.Cut(t[1:], ":")
	unset := strings.HasPrefix(name, "!") || strings.HasSuffix(name, "!")
	name = strings.ToLower(strings.Trim(name, "!"))
	if r.attributes == nil {
		r.attributes = map[string]string{}
	}
	if unset {
		delete(r.attributes, name)
		return
	}
	value = strings.TrimSpace(value)
	if v := r.subst(value); len(v) <= maxAttrValue {
		value = v
	}
	r.attributes[name] = value
}

// subst writes the references to defined attributes ("{product}") as their values; a
// reference to an attribute not defined here stays as it is, and so does one whose value
// would take the document past its budget (substBudget).
func (r *reader) subst(s string) string {
	if len(r.attributes) == 0 || !strings.Contains(s, "{") {
		return s
	}
	return reAttrRef.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := r.attributes[strings.ToLower(m[1:len(m)-1])]
		if !ok {
			return m
		}
		if len(v)-len(m) > r.budget {
			if !r.cut {
				r.cut = true
				r.doc.Warnings = append(r.doc.Warnings, doc.Warning{Pos: r.at(r.cur),
					Msg: "attribute references from here on are left as written: their values would add more than four times the document's size and a megabyte"})
			}
			return m
		}
		r.budget -= len(v) - len(m)
		return v
	})
}

// inline is inline with the attributes substituted first.
func (r *reader) inline(s string) string { return inline(r.subst(s)) }

// plain is plain with the attributes substituted first.
func (r *reader) plain(s string) string { return plain(r.subst(s)) }

// openBlock is an open delimited block ("====" …): its delimiter, and whether it is a
// titled admonition, whose end is written too.
type openBlock struct {
	delim      string
	admonition bool
}

// admonitionLabels are AsciiDoc's admonitions, as a paragraph's label ("TIP: …") or a
// block's style ("[TIP]").
var admonitionLabels = []string{"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"}

// admonitionStyle returns the admonition a block attribute line names ("[TIP]",
// "[NOTE,id=x]"), lower-cased.
func admonitionStyle(attrs string) (string, bool) {
	style, _, _ := strings.Cut(strings.Trim(attrs, "[]"), ",")
	style = strings.TrimSpace(style)
	for _, a := range admonitionLabels {
		if style == a {
			return strings.ToLower(a), true
		}
	}
	return "", false
}

// admonitionLabel returns the admonition a paragraph's label names ("TIP: Retry.") and
// the length of the label.
func admonitionLabel(t string) (string, int, bool) {
	for _, a := range admonitionLabels {
		if strings.HasPrefix(t, a+": ") {
			return strings.ToLower(a), len(a) + 2, true
		}
	}
	return "", 0, false
}

// Read reads AsciiDoc into a document tree; at places a byte offset of text.
func Read(text []byte, at func(offset int) catalog.Pos) *doc.Document {
	r := &reader{at: at, doc: &doc.Document{}, budget: substBudget(len(text))}
	off := 0
	for off <= len(text) {
		end := off
		for end < len(text) && text[end] != '\n' {
			end++
		}
		r.ls = append(r.ls, line{off: off, text: strings.TrimRight(string(text[off:end]), " \t\r")})
		if end == len(text) {
			break
		}
		off = end + 1
	}
	r.header()
	r.read()
	return r.doc
}

// header reads the attribute entries of the document's header (the lines under its
// "= Title" up to a blank line), which hold for the title above them too.
func (r *reader) header() {
	k := 0
	for k < len(r.ls) && (strings.TrimSpace(r.ls[k].text) == "" || strings.HasPrefix(r.ls[k].text, "//")) {
		k++
	}
	if k == len(r.ls) || !strings.HasPrefix(r.ls[k].text, "= ") {
		return
	}
	for k++; k < len(r.ls) && strings.TrimSpace(r.ls[k].text) != ""; k++ {
		if reAttrEntry.MatchString(r.ls[k].text) {
			r.define(r.ls[k].text)
		}
	}
}

func (r *reader) pos(l line) catalog.Pos {
	k := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	return r.at(l.off + k)
}

func (r *reader) add(b doc.Block) {
	r.doc.Blocks = append(r.doc.Blocks, b)
	r.attrs, r.caption = "", ""
}

func (r *reader) read() {
	ls := r.ls
	for i := 0; i < len(ls); {
		t := ls[i].text
		r.cur = ls[i].off
		switch {
		case strings.TrimSpace(t) == "":
			i++
		case strings.HasPrefix(t, "////"):
			i = r.skipDelimited(i, "////")
		case strings.HasPrefix(t, "//"):
			i++
		case reAttrLine.MatchString(t) && !strings.HasPrefix(t, "[["):
			r.attrs = t
			i++
		case strings.HasPrefix(t, "[[") && strings.HasSuffix(t, "]]"):
			i++
		case reAttrEntry.MatchString(t):
			r.define(t)
			i++
		case rePreproc.MatchString(t):
			i++ // include:: and conditionals: what they stand for is not in this file
		case reSection.MatchString(t):
			m := reSection.FindStringSubmatch(t)
			r.add(&doc.Heading{Pos: r.pos(ls[i]), Level: len(m[1]), Text: r.plain(m[2])})
			i++
		case reBlockTitle.MatchString(t):
			r.caption = r.plain(strings.TrimPrefix(t, "."))
			i++
		case reDataDelim.MatchString(t):
			if t[0] == ',' {
				i = r.dataTable(i, ',', true)
			} else {
				i = r.dataTable(i, ':', false)
			}
		case reTableDelim.MatchString(t):
			switch m := reFormat.FindStringSubmatch(r.attrs); {
			case m == nil:
				i = r.table(i)
			case m[1] == "csv":
				i = r.dataTable(i, ',', true)
			case m[1] == "tsv":
				i = r.dataTable(i, '\t', true)
			default:
				i = r.dataTable(i, ':', false)
			}
		case isDelimiter(t, '-') || isDelimiter(t, '.'):
			i = r.listing(i)
		case isDelimiter(t, '=') || isDelimiter(t, '*') || isDelimiter(t, '_') || t == "--":
			// An example, sidebar, quote or open block: its content is read as blocks.
			if n := len(r.open); n > 0 && r.open[n-1].delim == t {
				if r.open[n-1].admonition {
					r.add(&doc.Para{Pos: r.pos(ls[i]), Text: ":::"})
				}
				r.open = r.open[:n-1]
			} else {
				kind, ok := admonitionStyle(r.attrs)
				ok = ok && r.caption != ""
				if ok { // a titled admonition: the title may say what its text is
					r.add(&doc.Para{Pos: r.pos(ls[i]), Text: ":::" + kind + " " + r.caption})
				}
				r.open = append(r.open, openBlock{delim: t, admonition: ok})
			}
			r.attrs, r.caption = "", ""
			i++
		case reListItem.MatchString(t):
			i = r.list(i)
		case reLabelled.MatchString(t) && !strings.Contains(t, "://"):
			i = r.labelled(i)
		default:
			i = r.para(i)
		}
	}
}

// isDelimiter reports whether t is a block delimiter of four or more c.
func isDelimiter(t string, c byte) bool {
	if len(t) < 4 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c {
			return false
		}
	}
	return true
}

func (r *reader) skipDelimited(i int, delim string) int {
	for k := i + 1; k < len(r.ls); k++ {
		if r.ls[k].text == delim {
			return k + 1
		}
	}
	return len(r.ls)
}

// listing reads a listing ("----") or literal ("....") block as code; the language comes
// from a "[source,json]" attribute line.
func (r *reader) listing(i int) int {
	delim := r.ls[i].text
	lang := ""
	if strings.HasPrefix(r.attrs, "[source") {
		parts := strings.Split(strings.Trim(r.attrs, "[]"), ",")
		if len(parts) > 1 {
			lang = strings.TrimSpace(parts[1])
		}
	}
	k := i + 1
	var body []string
	for ; k < len(r.ls) && r.ls[k].text != delim; k++ {
		body = append(body, r.ls[k].text)
	}
	r.add(&doc.Code{Pos: r.pos(r.ls[i]), Lang: lang, Caption: r.caption, Text: strings.Join(body, "\n")})
	return min(k+1, len(r.ls))
}

// para reads a paragraph: lines up to a blank line or a line that starts another block.
// An admonition's label ("TIP: ") is AsciiDoc's mark, not the text; an admonition
// paragraph with a title ".How to fix" is written as a Markdown admonition with that
// title, so that the title may say what its text is.
func (r *reader) para(i int) int {
	k := i
	var parts []string
	for ; k < len(r.ls); k++ {
		t := r.ls[k].text
		if strings.TrimSpace(t) == "" || (k > i && (reTableDelim.MatchString(t) || reDataDelim.MatchString(t) || rePreproc.MatchString(t) || reSection.MatchString(t) || reListItem.MatchString(t) || isBlockDelimiter(t))) {
			break
		}
		parts = append(parts, strings.TrimSpace(t))
	}
	pos := r.pos(r.ls[i])
	kind, ok := admonitionStyle(r.attrs)
	if a, n, ok2 := admonitionLabel(parts[0]); ok2 {
		kind, ok = a, true
		parts[0] = parts[0][n:]
		pos = r.at(r.ls[i].off + len(r.ls[i].text) - len(strings.TrimLeft(r.ls[i].text, " \t")) + n)
	}
	text := r.inline(strings.Join(parts, "\n"))
	if ok && r.caption != "" {
		text = ":::" + kind + " " + r.caption + "\n" + text + "\n:::"
	}
	r.add(&doc.Para{Pos: pos, Text: text})
	return max(k, i+1)
}

// isBlockDelimiter reports whether t opens or closes a delimited block.
func isBlockDelimiter(t string) bool {
	for _, c := range []byte("-.=*_+/") {
		if isDelimiter(t, c) {
			return true
		}
	}
	return t == "--"
}

// list reads a bulleted or numbered list; an item goes on over the lines that follow it
// up to a blank line or the next item.
func (r *reader) list(i int) int {
	m := reListItem.FindStringSubmatch(r.ls[i].text)
	ordered := strings.HasPrefix(m[1], ".") || (m[1][0] >= '0' && m[1][0] <= '9')
	l := &doc.List{Pos: r.pos(r.ls[i]), Ordered: ordered}
	k := i
	for k < len(r.ls) {
		t := r.ls[k].text
		mm := reListItem.FindStringSubmatchIndex(t)
		if mm == nil {
			break
		}
		it := doc.Item{Pos: r.at(r.ls[k].off + mm[4])}
		var text strings.Builder // an item may go on for many lines: built once
		text.WriteString(t[mm[4]:mm[5]])
		k++
		for k < len(r.ls) && strings.TrimSpace(r.ls[k].text) != "" && !reListItem.MatchString(r.ls[k].text) && r.ls[k].text != "+" {
			text.WriteString("\n" + strings.TrimSpace(r.ls[k].text))
			k++
		}
		it.Text = r.inline(text.String())
		l.Items = append(l.Items, it)
		for k < len(r.ls) && strings.TrimSpace(r.ls[k].text) == "" {
			k++
		}
	}
	r.add(l)
	return max(k, i+1)
}

// labelled reads a labelled list: "term:: text", or "term::" with its text on the lines
// below, up to a blank line.
func (r *reader) labelled(i int) int {
	dl := &doc.DefList{Pos: r.pos(r.ls[i])}
	k := i
	for k < len(r.ls) {
		t := r.ls[k].text
		mm := reLabelled.FindStringSubmatchIndex(t)
		if mm == nil || strings.Contains(t, "://") {
			break
		}
		def := doc.Def{Term: doc.Cell{Pos: r.pos(r.ls[k]), Text: r.inline(strings.TrimSpace(t[mm[2]:mm[3]]))}}
		var text []string
		dpos := catalog.Pos{}
		if mm[6] >= 0 {
			text = append(text, t[mm[6]:mm[7]])
			dpos = r.at(r.ls[k].off + mm[6])
		}
		k++
		for k < len(r.ls) {
			u := r.ls[k].text
			if strings.TrimSpace(u) == "" {
				if len(text) > 0 {
					break
				}
				k++
				continue
			}
			if reLabelled.MatchString(u) && !strings.Contains(u, "://") || reSection.MatchString(u) || reTableDelim.MatchString(u) {
				break
			}
			if u != "+" {
				if len(text) == 0 {
					dpos = r.pos(r.ls[k])
				}
				text = append(text, strings.TrimSpace(u))
			}
			k++
		}
		if len(text) > 0 {
			def.Defs = []doc.Cell{{Pos: dpos, Text: r.inline(strings.Join(text, "\n"))}}
		}
		dl.Items = append(dl.Items, def)
		for k < len(r.ls) && strings.TrimSpace(r.ls[k].text) == "" {
			k++
		}
	}
	r.add(dl)
	return max(k, i+1)
}

// cellFrag is a part of a cell's text on one line.
type cellFrag struct {
	off   int
	text  string
	start bool // the fragment starts a cell
	span  int  // the columns a starting cell spans
	rows  int  // the rows a starting cell spans (".2+", "2.3+"); 1 for most
	blank bool // a blank line inside the table
}

// table reads a "|===" table. Its columns are counted from cols= ("1,4,4", "3*") or else
// from the cells of its first line; the first line is the header when a blank line
// follows it or the options say so; the cells then fill rows of that many columns,
// whether they stand one per line or several on a line, and a cell goes on over the lines
// up to the next cell.
func (r *reader) table(i int) int {
	t := &doc.Table{Pos: r.pos(r.ls[i]), Caption: r.caption}
	attrs := r.attrs
	cols := 0
	if m := reCols.FindStringSubmatch(attrs); m != nil {
		for _, c := range strings.Split(m[1], ",") {
			c = strings.TrimSpace(c)
			if i := strings.Index(c, "*"); i > 0 {
				cols += max(atoi(c[:i]), 1)
			} else if c != "" {
				cols++
			}
		}
	}
	header := strings.Contains(attrs, "header") && !strings.Contains(attrs, "noheader")
	k := i + 1
	var frags []cellFrag
	firstLine, firstLineCells := -1, 0
	implicitHeader := false
	for ; k < len(r.ls) && !reTableDelim.MatchString(r.ls[k].text); k++ {
		l := r.ls[k]
		if strings.TrimSpace(l.text) == "" {
			if firstLine >= 0 && k == firstLine+1 && firstLineCells > 0 {
				implicitHeader = true
			}
			frags = append(frags, cellFrag{blank: true})
			continue
		}
		fs := splitCells(l)
		if firstLine < 0 {
			firstLine = k
			for _, f := range fs {
				if f.start {
					firstLineCells += f.span
				}
			}
		}
		frags = append(frags, fs...)
	}
	if cols == 0 {
		cols = max(firstLineCells, 1)
	}
	if firstLineCells != cols {
		implicitHeader = false
	}
	header = header || implicitHeader
	// Cells in order.
	type acell struct {
		pos   catalog.Pos
		parts []string
		brk   bool
		whole bool // the cell spans every column ("2+|Authentication" in two columns)
		rows  int  // the rows it spans, its own among them
		text  string
		made  bool // text is made: a spanned cell's text is made once for every place
		size  int  // the bytes of its parts, and one (set before its places are filled)
	}
	var cells []*acell
	for _, f := range frags {
		switch {
		case f.blank:
			if len(cells) > 0 {
				cells[len(cells)-1].brk = true
			}
		case f.start:
			c := &acell{pos: r.at(f.off), whole: cols > 1 && f.span >= cols, rows: f.rows}
			if s := strings.TrimSpace(f.text); s != "" {
				c.parts = append(c.parts, s)
			}
			cells = append(cells, c)
			for s := 1; s < f.span && s < cols; s++ {
				cells = append(cells, &acell{pos: r.at(f.off), rows: f.rows})
			}
		default:
			if len(cells) == 0 {
				continue
			}
			c := cells[len(cells)-1]
			if s := strings.TrimSpace(f.text); s != "" {
				if c.brk && len(c.parts) > 0 {
					c.parts = append(c.parts, "")
				}
				c.parts = append(c.parts, s)
				c.brk = false
			}
		}
	}
	// The cells fill rows of cols columns in order, but for the places a cell above
	// spans (".2+|503" stands in its column in the row below too, as an HTML rowspan
	// does: the row below gives one cell fewer). A spanned place repeats the cell's text.
	// The places spans fill are bounded by what the cells are (at most 4 a cell, or
	// 65,536), so that ".1000+" on every cell costs no more than its text; past that
	// a span covers its own row only.
	type placed struct {
		c     *acell
		first bool // the cell's own place, not one it spans
	}
	var grid [][]placed
	var cur []placed
	// A place is carried only in a column a cell stands in: no more columns than cells
	// (cols="9999*,…" names millions).
	carry := make([]struct {
		c    *acell
		left int
	}, min(cols, len(cells)))
	budget := max(65536, 4*len(cells))
	// So are the bytes they repeat: a spanned place is its text once more, for the reader
	// and in every entry made of the row (".3000+|" over a cell of 100 KB was 300 MB).
	textBudget := 1 << 20
	for _, c := range cells {
		c.size = 1
		for _, p := range c.parts {
			c.size += len(p)
		}
		textBudget += 4 * c.size
	}
	fillCarried := func() {
		for len(cur) < len(carry) && carry[len(cur)].left > 0 && budget > 0 && textBudget >= carry[len(cur)].c.size {
			k := len(cur)
			cur = append(cur, placed{c: carry[k].c})
			carry[k].left--
			budget--
			textBudget -= carry[k].c.size
		}
	}
	emit := func() {
		grid = append(grid, cur)
		cur = nil
	}
	for _, c := range cells {
		fillCarried()
		for len(cur) == cols {
			emit()
			fillCarried()
		}
		k := len(cur)
		cur = append(cur, placed{c: c, first: true})
		if c.rows > 1 && budget > 0 {
			carry[k].c, carry[k].left = c, c.rows-1
		}
		if len(cur) == cols {
			emit()
		}
	}
	if len(cur) > 0 {
		fillCarried()
		emit()
	}
	var rows []doc.Row
	for _, g := range grid {
		row := doc.Row{Pos: g[0].c.pos}
		for _, p := range g {
			if p.first { // where the row's own cells start, not a span from above
				row.Pos = p.c.pos
				break
			}
		}
		for k, p := range g {
			if !p.c.made {
				p.c.text, p.c.made = r.inline(strings.ReplaceAll(strings.Join(p.c.parts, "\n"), "\n\n\n", "\n\n")), true
			}
			text := p.c.text
			if p.c.whole && p.first && k == 0 {
				text = doc.SpanLabel(text) // the label of the rows below it
			}
			row.Cells = append(row.Cells, doc.Cell{Pos: p.c.pos, Text: text})
		}
		rows = append(rows, row)
	}
	if header && len(rows) > 0 {
		t.Header, rows = rows[0].Cells, rows[1:]
	}
	t.Rows = rows
	r.add(t)
	return min(k+1, len(r.ls))
}

// dataTable reads a table whose cells are written as delimited data: CSV (",===", or
// "|===" with format=csv; fields may be quoted, and a quoted field may go on over lines),
// TSV (format=tsv) or DSV (":===", or format=dsv; "\:" escapes the separator). A
// separator= attribute names another separator. Each line is a row; the first is the
// header when the options say so or a blank line follows it, as in "|===" tables.
func (r *reader) dataTable(i int, sep byte, quotes bool) int {
	t := &doc.Table{Pos: r.pos(r.ls[i]), Caption: r.caption}
	delim := r.ls[i].text
	if m := reSeparator.FindStringSubmatch(r.attrs); m != nil && len(m[1]) == 1 {
		sep = m[1][0]
	}
	header := strings.Contains(r.attrs, "header") && !strings.Contains(r.attrs, "noheader")
	var rows []doc.Row
	firstEnd := -1 // the line after the first row
	k := i + 1
	for k < len(r.ls) && r.ls[k].text != delim {
		if strings.TrimSpace(r.ls[k].text) == "" {
			if len(rows) == 1 && k == firstEnd {
				header = true
			}
			k++
			continue
		}
		row := doc.Row{Pos: r.pos(r.ls[k])}
		row.Cells, k = r.dataRow(k, delim, sep, quotes)
		rows = append(rows, row)
		if len(rows) == 1 {
			firstEnd = k
		}
	}
	if header && len(rows) > 0 {
		t.Header, rows = rows[0].Cells, rows[1:]
	}
	t.Rows = rows
	r.add(t)
	return min(k+1, len(r.ls))
}

// dataRow cuts the row starting at line k into its fields; a quoted field that is not
// closed on its line goes on over the lines below, up to the table's end. It returns the
// cells and the line after the row.
func (r *reader) dataRow(k int, delim string, sep byte, quotes bool) ([]doc.Cell, int) {
	var cells []doc.Cell
	var b strings.Builder
	l := r.ls[k]
	t := l.text
	at, j := -1, 0 // where the field's text starts
	quoted, inQuote := false, false
	field := func() {
		text := b.String()
		if !quoted {
			text = strings.TrimSpace(text)
		}
		pos := r.at(l.off + j)
		if at >= 0 {
			pos = r.at(at)
		}
		cells = append(cells, doc.Cell{Pos: pos, Text: r.inline(text)})
		b.Reset()
		at, quoted = -1, false
	}
	for {
		if j == len(t) {
			if inQuote && k+1 < len(r.ls) && r.ls[k+1].text != delim {
				k++
				l, t, j = r.ls[k], r.ls[k].text, 0
				b.WriteByte('\n')
				continue
			}
			break
		}
		c := t[j]
		switch {
		case inQuote && c == '"':
			if j+1 < len(t) && t[j+1] == '"' {
				b.WriteByte('"')
				j += 2
				continue
			}
			inQuote = false
		case inQuote:
			b.WriteByte(c)
		case c == sep:
			field()
		case quotes && c == '"' && at < 0:
			inQuote, quoted = true, true
			at = l.off + j + 1
		case !quotes && c == '\\' && j+1 < len(t) && t[j+1] == sep:
			b.WriteByte(sep)
			j++
		default:
			if at < 0 && c != ' ' && c != '\t' {
				at = l.off + j
			}
			if !quoted {
				b.WriteByte(c)
			}
		}
		j++
	}
	field()
	return cells, k + 1
}

// splitCells cuts one table line at its unescaped "|": each starts a cell, and what a
// line holds before its first "|" goes on with the cell above. A cell specifier before a
// "|" ("2+", "a", "^.^s") is not text; "N+" spans N columns.
func splitCells(l line) []cellFrag {
	var out []cellFrag
	t := l.text
	start := 0
	for start < len(t) && (t[start] == ' ' || t[start] == '\t') {
		start++
	}
	segStart := start
	var pending *cellFrag
	var cells []cellFrag
	for i := start; i <= len(t); i++ {
		if i < len(t) && (t[i] != '|' || (i > 0 && t[i-1] == '\\')) {
			continue
		}
		seg := t[segStart:i]
		if i < len(t) {
			// seg ends with the specifier of the cell this "|" starts.
			spec, text := "", seg
			if j := strings.LastIndexAny(seg, " \t"); j >= 0 {
				spec, text = seg[j+1:], seg[:j]
			} else {
				spec, text = seg, ""
			}
			if !reCellSpec.MatchString(spec) {
				spec, text = "", seg
			}
			if pending != nil {
				pending.text = text
				cells = append(cells, *pending)
			} else if strings.TrimSpace(text) != "" {
				out = append(out, cellFrag{off: l.off + segStart, text: text})
			}
			span, rows := 1, 1
			if m := reSpan.FindStringSubmatch(spec); m != nil && m[0] != "+" {
				span, rows = max(atoi(m[1]), 1), max(atoi(m[2]), 1)
			}
			pending = &cellFrag{off: l.off + i + 1, start: true, span: span, rows: rows}
			for pending.off < l.off+len(t) && (t[pending.off-l.off] == ' ') {
				pending.off++
			}
		} else {
			if pending != nil {
				pending.text = seg
				cells = append(cells, *pending)
			} else if strings.TrimSpace(seg) != "" {
				out = append(out, cellFrag{off: l.off + segStart, text: seg})
			}
		}
		segStart = i + 1
	}
	for k := range cells {
		cells[k].text = strings.ReplaceAll(cells[k].text, `\|`, "|")
	}
	return append(out, cells...)
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

var (
	reStrong = regexp.MustCompile(`(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*($|[^\w*])`)
	reEmph   = regexp.MustCompile(`(^|[^\w_])_([^_\s](?:[^_]*[^_\s])?)_($|[^\w_])`)
	rePass   = regexp.MustCompile(`\+([^+\n]+)\+`)
	reLink   = regexp.MustCompile(`\b(https?://[^\s\[]+)\[([^\]]*)\]`)
	reXref   = regexp.MustCompile(`<<([^,>]+)(?:,\s*([^>]+))?>>`)
)

// inline writes AsciiDoc inline markup as Markdown: *strong* as **strong**, _emphasis_
// as *emphasis*, `code` as it is, +passthrough+ as its text, url[text] as a link.
func inline(s string) string {
	if !strings.ContainsAny(s, "*_+[<") {
		return s
	}
	s = reStrong.ReplaceAllString(s, "$1**$2**$3")
	s = reEmph.ReplaceAllString(s, "$1*$2*$3")
	s = rePass.ReplaceAllString(s, "$1")
	s = reLink.ReplaceAllStringFunc(s, func(m string) string {
		x := reLink.FindStringSubmatch(m)
		if x[2] == "" {
			return x[1]
		}
		return "[" + x[2] + "](" + x[1] + ")"
	})
	s = reXref.ReplaceAllStringFunc(s, func(m string) string {
		x := reXref.FindStringSubmatch(m)
		if x[2] != "" {
			return x[2]
		}
		return x[1]
	})
	return s
}

// plain writes inline markup as plain text, for titles and captions.
func plain(s string) string {
	s = inline(s)
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "`", "")
	return strings.TrimSpace(s)
}
