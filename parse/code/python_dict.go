package code

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the dict literals a Python module assigns at its top level:
//
//	# Quizzes
//	ERRORS = {
//	    "QZ_NOT_FOUND": (404, "Quiz not found."),  # a comment on its line
//	    "QZ_GONE": {"status": 410, "message": _("Gone.")},
//	}
//
// Each is a collection of records keyed by the dict's keys (strings or numbers; an entry
// keyed by a constant, ErrorCode.NOT_FOUND, is left out), named by the variable
// (doc.Records' Path): a tuple or list value gives its items as fields "item 1",
// "item 2"; a dict value gives its keys as the fields' names (a nested dict of plain
// values its own as "outer.inner", as the data front-end does); any other value, a
// string or a number, is "item 1". Fields so named have no name of their own: the
// interpreter reads them only in a dict that its name or keys say lists errors.
// A string is its text (adjacent literals joined, a gettext call _("…") its string); any
// other value is kept as written. A comment on an entry's line, or on the lines above
// it, is its "comment" field; a comment line of a few words and no sentence
// ("# Quizzes") labels the entries below it (doc.Records' Group), as in a Java enum,
// and so does the one right above the dict when the dict has labels of its own.
//
// The scan moves forward only: each dict is read once, and reading resumes where it
// ended, so the work is linear in the input. A dict left open ends at a line that starts
// a new statement.

// rePyDictStart matches a module-level assignment of a dict literal: "ERRORS = {",
// "ERRORS: dict[str, tuple[int, str]] = {".
var rePyDictStart = regexp.MustCompile(`(?m)^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*\{`)

// rePyDictEntry matches the first entry of a dict literal whose key is a string and
// whose value a tuple, a dict, a list, a string or a number, on the assignment's line or
// the next: "ERRORS = {\n    \"E_GONE\": (410, …)".
var rePyDictEntry = regexp.MustCompile(`(?m)^[A-Za-z_]\w*[ \t]*(?::[^=\n]*)?=[ \t]*\{[ \t]*(?:#[^\n]*)?\n?(?:[ \t]*#[^\n]*\n)*[ \t]*[rRuUbB]?["'][^"'\n]+["'][ \t]*:[ \t]*[-(\[{"'0-9A-Za-z_]`)

// pyDictOfCodes reports whether a Python module assigns a dict literal keyed by strings
// at its top level.
func pyDictOfCodes(text []byte) bool {
	return bytes.Contains(text, []byte("{")) && rePyDictEntry.Match(text)
}

// maxPyDepth is how deep brackets nest before the scanner reads the rest of a value as
// text without looking into it.
const maxPyDepth = 64

// pyDictSegment is the blocks of one dict and where it starts, to be placed among the
// blocks of the module's classes in source order.
type pyDictSegment struct {
	off    int
	blocks []doc.Block
}

// readPyDicts reads the module-level dict literals of text.
func readPyDicts(text []byte, at func(int) catalog.Pos) ([]pyDictSegment, []Problem) {
	var out []pyDictSegment
	var probs []Problem
	next := 0
	for _, m := range rePyDictStart.FindAllSubmatchIndex(text, -1) {
		if m[0] < next {
			continue // inside the dict read before
		}
		name := string(text[m[2]:m[3]])
		p := &pyScanner{text: text, i: m[1] - 1}
		d := p.value(0)
		next = max(p.i, m[1])
		if p.open {
			probs = append(probs, Problem{Offset: m[1] - 1, Msg: "dict " + name + " is not closed"})
		}
		if d.kind != 'd' || len(d.entries) == 0 {
			continue
		}
		out = append(out, pyDictSegment{off: m[0], blocks: dictRecords(text, name, m[0], d, at)})
	}
	return out, probs
}

// dictRecords makes a dict's entries into records, a collection per labelled run.
func dictRecords(text []byte, name string, off int, d pyValue, at func(int) catalog.Pos) []doc.Block {
	labels := 0
	for _, e := range d.entries {
		if _, ok := pyLabel(e.above); ok {
			labels++
		}
	}
	group := ""
	if labels > 0 {
		if c := commentAbove(text, off); c != "" {
			group, _ = pyLabel([]string{c})
		}
	}
	var out []doc.Block
	r := &doc.Records{Pos: at(off), Path: name, Keyed: true, Group: group}
	for _, e := range d.entries {
		if e.key.kind != 's' && !isPyInt(e.key.text) {
			continue // keyed by a constant (ErrorCode.NOT_FOUND: 404): what it names is elsewhere
		}
		comment := e.above
		if label, ok := pyLabel(e.above); ok {
			if len(r.Items) > 0 {
				out = append(out, r)
			}
			r = &doc.Records{Pos: at(e.key.off), Path: name, Keyed: true, Group: label}
			comment = nil
		}
		if e.trailing != "" {
			comment = append(comment, e.trailing)
		}
		rec := doc.Record{Pos: at(e.key.off), Key: e.key.text}
		rec.Fields = valueFields(e.value, at)
		if c := strings.TrimSpace(strings.Join(comment, "\n")); c != "" {
			rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "comment", Value: c})
		}
		r.Items = append(r.Items, rec)
	}
	if len(r.Items) > 0 {
		out = append(out, r)
	}
	return out
}

// isPyInt reports whether s is an integer literal.
func isPyInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '_' {
			return false
		}
	}
	return true
}

// valueFields returns the fields a dict entry's value gives its record.
func valueFields(v pyValue, at func(int) catalog.Pos) []doc.Field {
	switch v.kind {
	case 't':
		var fs []doc.Field
		for i, it := range v.items {
			fs = append(fs, doc.Field{Pos: at(it.off), Name: "item " + strconv.Itoa(i+1), Value: it.text})
		}
		return fs
	case 'd':
		var fs []doc.Field
		for _, e := range v.entries {
			if e.value.kind == 'd' && plainDict(e.value) {
				for _, sub := range e.value.entries {
					fs = append(fs, doc.Field{Pos: at(sub.key.off), Name: e.key.text + "." + sub.key.text, Value: sub.value.text})
				}
				continue
			}
			fs = append(fs, doc.Field{Pos: at(e.key.off), Name: e.key.text, Value: e.value.text})
		}
		return fs
	}
	return []doc.Field{{Pos: at(v.off), Name: "item 1", Value: v.text}}
}

// plainDict reports whether a dict holds a few plain values only (strings, numbers,
// names), as data.flatObject does.
func plainDict(v pyValue) bool {
	if len(v.entries) == 0 || len(v.entries) > 16 {
		return false
	}
	for _, e := range v.entries {
		if e.value.kind == 'd' || e.value.kind == 't' {
			return false
		}
	}
	return true
}

// pyLabel reads comment lines as the label of the entries below them: one line of at
// most three words, no sentence punctuation, beginning with a capital or a letter of a
// script without case ("# Quizzes", "# 인증"); a note to the programmer (TODO) is none.
func pyLabel(lines []string) (string, bool) {
	if len(lines) != 1 {
		return "", false
	}
	l := strings.TrimSpace(lines[0])
	r, _ := utf8.DecodeRuneInString(l)
	if l == "" || len(strings.Fields(l)) > 3 || strings.ContainsAny(l, ".:;,!?。()") ||
		!(r >= 'A' && r <= 'Z' || r > utf8.RuneSelf) {
		return "", false
	}
	switch strings.ToUpper(strings.Fields(l)[0]) {
	case "TODO", "FIXME", "XXX", "NOTE", "HACK", "NOQA":
		return "", false
	}
	return l, true
}

// commentAbove returns the comment on the one line right above offset off, when that
// line is a comment alone; "" otherwise.
func commentAbove(text []byte, off int) string {
	if off == 0 {
		return ""
	}
	end := off - 1 // the newline that ends the line above
	start := end
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	l := strings.TrimSpace(string(text[start:end]))
	if !strings.HasPrefix(l, "#") {
		return ""
	}
	if start > 0 { // a comment of several lines is no label
		prev := start - 1
		ps := prev
		for ps > 0 && text[ps-1] != '\n' {
			ps--
		}
		if strings.HasPrefix(strings.TrimSpace(string(text[ps:prev])), "#") {
			return ""
		}
	}
	return cleanComment(l)
}

// pyValue is one value of a Python literal.
type pyValue struct {
	// kind: 's' a string, 'd' a dict, 't' a tuple or list, 'x' anything else (a
	// number, a name, a call, an expression), kept as written.
	kind    byte
	off     int
	text    string // a string's text, else the value as written
	items   []pyValue
	entries []pyEntry
}

// pyEntry is one key and value of a dict, with its comments: the comment lines above it
// (since the entry before) and the comment on the line it ends on.
type pyEntry struct {
	key, value pyValue
	above      []string
	trailing   string
}

// pyScanner reads Python literals from text at i.
type pyScanner struct {
	text []byte
	i    int
	open bool // a bracket was left open: the value ended at a new statement or the end
	// comments are the comment lines met by the last skip, each alone on its line.
	comments []string
	// stop is set when a line starting a new statement was met inside brackets.
	stop bool
}

// skip skips spaces, line breaks and comments, keeping the comments that stand alone on
// their lines. At a line that starts at its first column with a name, inside brackets
// (Python allows it, code hardly does: it is the next statement after a bracket left
// open), it stops and sets stop.
func (p *pyScanner) skip() {
	p.comments = p.comments[:0]
	lineStart := false
	for p.i < len(p.text) {
		c := p.text[p.i]
		switch {
		case c == '\n':
			lineStart = true
			p.i++
			if p.i < len(p.text) && isNameStart(p.text[p.i]) {
				p.stop = true
				return
			}
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			p.i++
			continue
		case c == '\\' && p.i+1 < len(p.text) && p.text[p.i+1] == '\n':
			p.i += 2
			continue
		case c == '#':
			start := p.i
			for p.i < len(p.text) && p.text[p.i] != '\n' {
				p.i++
			}
			if lineStart {
				p.comments = append(p.comments, cleanComment(string(p.text[start:p.i])))
			}
			continue
		}
		return
	}
}

// trailingComment reads a comment after the value just read on the same line, past a
// comma, and moves past it; "" when there is none.
func (p *pyScanner) trailingComment() string {
	j := p.i
	for j < len(p.text) && (p.text[j] == ' ' || p.text[j] == '\t' || p.text[j] == ',') {
		j++
	}
	if j >= len(p.text) || p.text[j] != '#' {
		return ""
	}
	start := j
	for j < len(p.text) && p.text[j] != '\n' {
		j++
	}
	p.i = j
	return cleanComment(string(p.text[start:j]))
}

func isNameStart(c byte) bool {
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

func isNameByte(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' }

// value reads one value: a primary (a literal, a name, a bracketed value) with its
// trailers (calls, subscripts, attributes), and any operators after it up to the next
// comma, colon or closing bracket.
func (p *pyScanner) value(depth int) pyValue {
	p.skip()
	start := p.i
	v := p.primary(depth)
	for !p.stop && p.i < len(p.text) {
		// Trailers and operators: what follows makes the value an expression.
		save := p.i
		p.skip()
		if p.stop || p.i >= len(p.text) {
			p.i = save
			break
		}
		c := p.text[p.i]
		if c == ',' || c == ':' || c == ')' || c == ']' || c == '}' || c == '=' && !(p.i+1 < len(p.text) && p.text[p.i+1] == '=') {
			p.i = save
			break
		}
		// Anything else continues the expression: read it as written.
		if c == '(' || c == '[' || c == '{' {
			p.bracketed(depth + 1)
		} else if c == '"' || c == '\'' {
			p.str()
		} else {
			p.i++
		}
		v = pyValue{kind: 'x', off: start}
	}
	if v.kind == 'x' {
		v.text = strings.Join(strings.Fields(string(p.text[start:p.i])), " ")
	}
	return v
}

// primary reads one literal, name or bracketed value.
func (p *pyScanner) primary(depth int) pyValue {
	start := p.i
	if p.i >= len(p.text) {
		return pyValue{kind: 'x', off: start}
	}
	c := p.text[p.i]
	switch {
	case c == '{' && depth < maxPyDepth:
		return p.dict(depth)
	case c == '(' || c == '[':
		if depth >= maxPyDepth {
			p.bracketed(depth)
			return pyValue{kind: 'x', off: start}
		}
		return p.sequence(depth)
	case c == '{':
		p.bracketed(depth)
		return pyValue{kind: 'x', off: start}
	case c == '"' || c == '\'':
		return p.strings(start)
	case isNameStart(c):
		j := p.i
		for j < len(p.text) && isNameByte(p.text[j]) {
			j++
		}
		if j < len(p.text) && (p.text[j] == '"' || p.text[j] == '\'') && j-p.i <= 2 && strings.Trim(strings.ToLower(string(p.text[p.i:j])), "rbuf") == "" {
			return p.strings(start) // a prefixed string: r"…", b'…', f"…"
		}
		p.i = j
		name := string(p.text[start:j])
		// A gettext call of one string: _("Quiz not found.") is that string.
		if gettextNames[name] {
			save := p.i
			p.skip()
			if !p.stop && p.i < len(p.text) && p.text[p.i] == '(' {
				p.i++
				p.skip()
				if !p.stop && p.i < len(p.text) && (p.text[p.i] == '"' || p.text[p.i] == '\'' || isNameStart(p.text[p.i])) {
					s := p.primary(depth + 1)
					p.skip()
					if s.kind == 's' && !p.stop && p.i < len(p.text) && p.text[p.i] == ')' {
						p.i++
						s.off = start
						return s
					}
				}
			}
			p.i = save
		}
		return pyValue{kind: 'x', off: start, text: name}
	}
	// A number or anything else: up to a separator.
	for p.i < len(p.text) {
		c := p.text[p.i]
		if c == ',' || c == ':' || c == ')' || c == ']' || c == '}' || c == '\n' || c == ' ' || c == '\t' || c == '#' || c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' {
			break
		}
		p.i++
	}
	if p.i == start && p.i < len(p.text) {
		p.i++
	}
	return pyValue{kind: 'x', off: start, text: string(p.text[start:p.i])}
}

// gettextNames are the functions that mark a string for translation: their call is the
// string.
var gettextNames = map[string]bool{
	"_": true, "gettext": true, "gettext_lazy": true, "ugettext": true, "ugettext_lazy": true,
	"lazy_gettext": true, "N_": true, "_l": true,
}

// dict reads a dict at "{": its entries with their comments.
func (p *pyScanner) dict(depth int) pyValue {
	v := pyValue{kind: 'd', off: p.i}
	p.i++
	for {
		p.skip()
		above := append([]string(nil), p.comments...)
		if p.stop || p.i >= len(p.text) {
			p.open = true
			return v
		}
		switch p.text[p.i] {
		case '}':
			p.i++
			return v
		case ',':
			p.i++
			continue
		case ')', ']':
			p.i++ // a stray closing bracket: not Python; read on
			continue
		}
		if p.text[p.i] == '*' { // **other: no entry of its own
			p.value(depth + 1)
			continue
		}
		key := p.value(depth + 1)
		p.skip()
		if p.stop || p.i >= len(p.text) {
			p.open = true
			return v
		}
		if p.text[p.i] != ':' {
			continue // a set's element, or a comprehension: no entry
		}
		p.i++
		val := p.value(depth + 1)
		e := pyEntry{key: key, value: val, above: above}
		e.trailing = p.trailingComment()
		v.entries = append(v.entries, e)
		if p.stop {
			p.open = true
			return v
		}
	}
}

// sequence reads a tuple or list at "(" or "[": its items; a parenthesised value with
// no comma is that value.
func (p *pyScanner) sequence(depth int) pyValue {
	open := p.text[p.i]
	closer := byte(')')
	if open == '[' {
		closer = ']'
	}
	v := pyValue{kind: 't', off: p.i}
	p.i++
	commas := 0
	for {
		p.skip()
		if p.stop || p.i >= len(p.text) {
			p.open = true
			return v
		}
		switch c := p.text[p.i]; {
		case c == closer:
			p.i++
			if open == '(' && commas == 0 && len(v.items) == 1 {
				return v.items[0] // ("a" "b"), (404): one value in parentheses
			}
			return v
		case c == ',':
			commas++
			p.i++
			continue
		case c == ')' || c == ']' || c == '}' || c == ':':
			p.i++ // not this sequence's: not Python; read on
			continue
		}
		before := p.i
		v.items = append(v.items, p.value(depth+1))
		if p.i == before {
			p.i++
		}
	}
}

// bracketed skips a bracketed value at "(", "[" or "{" without reading it, counting the
// brackets (strings and comments skipped whole).
func (p *pyScanner) bracketed(depth int) {
	n := 0
	for p.i < len(p.text) {
		switch c := p.text[p.i]; c {
		case '(', '[', '{':
			n++
		case ')', ']', '}':
			n--
			if n <= 0 {
				p.i++
				return
			}
		case '"', '\'':
			p.str()
			continue
		case '#':
			for p.i < len(p.text) && p.text[p.i] != '\n' {
				p.i++
			}
			continue
		case '\n':
			if p.i+1 < len(p.text) && isNameStart(p.text[p.i+1]) {
				p.i++
				p.stop, p.open = true, true
				return
			}
		}
		p.i++
	}
	p.open = true
}

// strings reads adjacent string literals as one string.
func (p *pyScanner) strings(start int) pyValue {
	var b strings.Builder
	for {
		b.WriteString(p.str())
		save := p.i
		p.skipInline()
		if p.i < len(p.text) && (p.text[p.i] == '"' || p.text[p.i] == '\'' || p.prefixedString()) {
			continue
		}
		p.i = save
		return pyValue{kind: 's', off: start, text: b.String()}
	}
}

// skipInline skips spaces on the line (and line breaks inside brackets, which join
// adjacent strings too, but not a comment line: a string after one is the next entry's).
func (p *pyScanner) skipInline() {
	for p.i < len(p.text) && (p.text[p.i] == ' ' || p.text[p.i] == '\t' || p.text[p.i] == '\r' || p.text[p.i] == '\n') {
		if p.text[p.i] == '\n' && p.i+1 < len(p.text) && isNameStart(p.text[p.i+1]) {
			return
		}
		p.i++
	}
}

// prefixedString reports whether a prefixed string literal (r"…", f'…') starts at i.
func (p *pyScanner) prefixedString() bool {
	j := p.i
	for j < len(p.text) && j-p.i < 2 && strings.IndexByte("rRbBuUfF", p.text[j]) >= 0 {
		j++
	}
	return j > p.i && j < len(p.text) && (p.text[j] == '"' || p.text[j] == '\'')
}

// str reads one string literal at i (after any prefix) and returns its text.
func (p *pyScanner) str() string {
	raw := false
	for p.i < len(p.text) && strings.IndexByte("rRbBuUfF", p.text[p.i]) >= 0 {
		if p.text[p.i] == 'r' || p.text[p.i] == 'R' {
			raw = true
		}
		p.i++
	}
	if p.i >= len(p.text) {
		return ""
	}
	q := p.text[p.i]
	triple := p.i+2 < len(p.text) && p.text[p.i+1] == q && p.text[p.i+2] == q
	if triple {
		p.i += 3
	} else {
		p.i++
	}
	start := p.i
	for p.i < len(p.text) {
		c := p.text[p.i]
		switch {
		case c == '\\':
			p.i += 2
			continue
		case c == '\n' && !triple:
			return unescapePy(string(p.text[start:p.i]), raw) // not closed on its line
		case c == q && (!triple || p.i+2 < len(p.text) && p.text[p.i+1] == q && p.text[p.i+2] == q):
			s := unescapePy(string(p.text[start:p.i]), raw)
			p.i++
			if triple {
				p.i += 2
			}
			return s
		}
		p.i++
	}
	p.i = len(p.text)
	return unescapePy(string(p.text[start:]), raw)
}

// unescapePy reads the escapes of a Python string's text (none in a raw string's).
func unescapePy(s string, raw bool) string {
	if raw || !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\n': // a line continued
		case '\\', '\'', '"':
			b.WriteByte(c)
		case 'u', 'U', 'x':
			n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[c]
			if i+1+n <= len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil && utf8.ValidRune(rune(r)) {
					b.WriteRune(rune(r))
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}
