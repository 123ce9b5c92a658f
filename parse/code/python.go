package code

import (
	"regexp"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
	"docgen/parse/rst"
)

var (
	rePyClass  = regexp.MustCompile(`^([ \t]*)class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:`)
	rePyMember = regexp.MustCompile(`^([A-Za-z]\w*)[ \t]*(?::[^=]+)?=[ \t]*(.+)$`)
	rePyEnums  = regexp.MustCompile(`\b(?:Enum|IntEnum|StrEnum|IntFlag|Flag)\b`)
)

// pyLine is one line of Python source.
type pyLine struct {
	off  int
	text string
}

func (l pyLine) indent() int { return len(l.text) - len(strings.TrimLeft(l.text, " \t")) }
func (l pyLine) blank() bool { return strings.TrimSpace(l.text) == "" }

// readPython reads the Enum classes of a Python module: each class's docstring, read as
// reStructuredText, gives its tables, which stand right before the class's enum; the
// members are the class body's assignments, with a comment on their line or the lines
// above, or a string right under them, as their comment.
//
// The dict literals the module assigns at its top level are read too (python_dict.go),
// each standing among the classes where the file has it.
func readPython(text []byte, at func(int) catalog.Pos) (*doc.Document, []Problem) {
	dicts, probs := readPyDicts(text, at)
	var ls []pyLine
	off := 0
	for off <= len(text) {
		end := off
		for end < len(text) && text[end] != '\n' {
			end++
		}
		ls = append(ls, pyLine{off: off, text: strings.TrimRight(string(text[off:end]), " \t\r")})
		if end == len(text) {
			break
		}
		off = end + 1
	}
	d := &doc.Document{}
	var classes []pyClass // the top-level classes that are no Enum (python_class.go)
	for i := 0; i < len(ls); i++ {
		m := rePyClass.FindStringSubmatch(ls[i].text)
		if m == nil {
			continue
		}
		if !rePyEnums.MatchString(m[3]) {
			if m[1] == "" { // each top-level class's body is read once: linear
				k, body := pyBody(ls, i, 0)
				if body >= 0 {
					classes = append(classes, readPyClass(text, ls, i, k, body, m[2], m[3], at))
				}
			}
			continue
		}
		for len(dicts) > 0 && dicts[0].off < ls[i].off {
			d.Blocks = append(d.Blocks, dicts[0].blocks...)
			dicts = dicts[1:]
		}
		e := &doc.Enum{Pos: at(ls[i].off + len(m[1])), Name: m[2]}
		k, body := pyBody(ls, i, len(m[1]))
		if body < 0 {
			continue
		}
		j := i + 1
		for j < k && ls[j].blank() {
			j++
		}
		// The docstring.
		if q, ok := docQuoteAt(ls, j, k); ok {
			start := j
			first := strings.TrimSpace(ls[j].text)
			first = strings.TrimLeft(first, "rRuUbB")[3:]
			var parts []string
			end := -1
			if idx := strings.Index(first, q); idx >= 0 {
				parts = append(parts, first[:idx])
				end = j
			} else {
				parts = append(parts, first)
				for x := j + 1; x < len(ls); x++ {
					if idx := strings.Index(ls[x].text, q); idx >= 0 {
						end = x
						break
					}
				}
			}
			if end < 0 {
				end = len(ls) - 1
			}
			if end > start {
				// The lines after the opening one, as reStructuredText at their place.
				from := ls[start+1].off
				to := ls[end].off + max(strings.Index(ls[end].text, q), 0)
				rd := rst.ReadAt(text[from:to], from, at)
				for _, b := range rd.Blocks {
					if t, ok := b.(*doc.Table); ok {
						d.Blocks = append(d.Blocks, t)
					}
				}
				var lines []string
				for x := start + 1; x < end; x++ {
					lines = append(lines, strings.TrimSpace(ls[x].text))
				}
				parts = append(parts, lines...)
			}
			e.Comment = strings.TrimSpace(parts[0])
			j = end + 1
		}
		var ms []pyMember
		var params []string // the parameters of the class's __init__, self left out
		var comment []string
		blank := false // a blank line since the member before, or the body's start
		for x := j; x < k; x++ {
			l := ls[x]
			if l.blank() {
				comment, blank = nil, true
				continue
			}
			if l.indent() != body {
				continue
			}
			t := strings.TrimSpace(l.text)
			if strings.HasPrefix(t, "#") {
				comment = append(comment, cleanComment(t))
				continue
			}
			if strings.HasPrefix(t, "def __init__(") && params == nil {
				params = pyParams(text, l.off+l.indent()+len("def __init__"))
			}
			mm := rePyMember.FindStringSubmatchIndex(t)
			if mm == nil || strings.HasPrefix(t, "def ") || strings.HasPrefix(t[mm[2]:mm[3]], "_") {
				comment = nil
				continue
			}
			m := pyMember{name: t[mm[2]:mm[3]], off: l.off + l.indent(), valOff: l.off + l.indent() + mm[4]}
			value, trailing := pySplitComment(t[mm[4]:mm[5]])
			m.value = value
			m.above = pyAbove(comment, blank, len(ms) == 0)
			c := memberComment(m.above.comment, trailing)
			// A string right under the member documents it.
			if x+1 < k && ls[x+1].indent() == body {
				if q, ok := docQuote(ls[x+1].text); ok {
					s := strings.TrimSpace(ls[x+1].text)
					s = strings.TrimLeft(s, "rRuUbB")[len(q):]
					if idx := strings.Index(s, q); idx >= 0 && c == "" {
						c = s[:idx]
					}
				}
			}
			m.above.comment = strings.TrimSpace(c)
			ms = append(ms, m)
			comment, blank = nil, false
		}
		end := len(text)
		if k < len(ls) {
			end = ls[k].off
		}
		bs := pyEnumBlocks(text[:end], e, ms, params, at)
		d.Blocks = append(d.Blocks, bs...)
		i = k - 1
	}
	for _, x := range dicts {
		d.Blocks = append(d.Blocks, x.blocks...)
	}
	d.Blocks = append(d.Blocks, pyClassRecords(classes, at)...)
	return d, probs
}

// pyBody returns the end (the first line after it) and the indentation of the body of
// the class at line i, indented classIndent: the lines indented deeper; -1 when it has
// none.
func pyBody(ls []pyLine, i, classIndent int) (int, int) {
	k := i + 1
	body := -1
	for ; k < len(ls); k++ {
		if ls[k].blank() {
			continue
		}
		if ls[k].indent() <= classIndent {
			break
		}
		if body < 0 {
			body = ls[k].indent()
		}
	}
	return k, body
}

// docQuoteAt is docQuote of line j, when j is inside the body (before k).
func docQuoteAt(ls []pyLine, j, k int) (string, bool) {
	if j >= k || j >= len(ls) {
		return "", false
	}
	return docQuote(ls[j].text)
}

// docQuote returns the quotes a line's string literal opens with: """ or ”' (or " and ').
func docQuote(s string) (string, bool) {
	t := strings.TrimLeft(strings.TrimSpace(s), "rRuUbB")
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(t, q) {
			return q, true
		}
	}
	return "", false
}

// pySplitComment splits a value from a "#" comment after it, outside strings.
func pySplitComment(v string) (string, string) {
	var q byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#':
			return strings.TrimSpace(v[:i]), cleanComment(v[i:])
		}
	}
	return strings.TrimSpace(v), ""
}

// pyMember is one member of an Enum class as written: its name, its value (and where
// the value starts), and what the comments above it say of it.
type pyMember struct {
	name, value string
	off, valOff int
	above
}

// pyAbove reads the comment lines right above a member as the JVM enums' are
// (commentsAbove): the first is the label of the run of members it begins when it is a
// banner, or a line of at most three words after a blank line or where the members
// begin ("# 인증"); a short line right under the member before may be the member's own
// comment or a label (settleLabels decides). The rest is the member's comment.
func pyAbove(lines []string, blank, first bool) above {
	ab := above{blank: blank && !first}
	for len(lines) > 0 && notice(lines[0]) {
		lines = lines[1:]
	}
	if len(lines) > 0 {
		text, banner, ok := labelText(ctok{text: lines[0]}, 3)
		switch {
		case ok && (banner || blank || first):
			ab.label, ab.banner = text, banner
			lines = lines[1:]
		case ok && len(lines) == 1:
			ab.short = true
		}
	}
	ab.comment = strings.Join(lines, "\n")
	return ab
}

// pyParams returns the names of the parameters of the def whose "(" is at text[i], self
// left out: "status" of "status: int", "message" of "message=None"; nil when the list
// is not closed within a few lines.
func pyParams(text []byte, i int) []string {
	if i >= len(text) || text[i] != '(' {
		return nil
	}
	end := i
	for depth := 0; end < len(text) && end < i+maxPyParams; end++ {
		if c := text[end]; c == '(' || c == '[' {
			depth++
		} else if c == ')' || c == ']' {
			if depth--; depth == 0 {
				break
			}
		}
	}
	if end >= len(text) || text[end] != ')' {
		return nil
	}
	out := []string{}
	depth := 0
	for _, part := range strings.FieldsFunc(string(text[i+1:end]), func(r rune) bool {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
		}
		return r == ',' && depth == 0
	}) {
		name := strings.TrimSpace(part)
		if n := strings.IndexAny(name, ":="); n >= 0 {
			name = strings.TrimSpace(name[:n])
		}
		if name == "self" || name == "" || name == "/" || strings.HasPrefix(name, "*") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// maxPyParams bounds the bytes a def's parameter list is looked for in.
const maxPyParams = 2048

// pyEnumBlocks makes the blocks of an Enum class's members (text ends with its body): when a member's value is a
// tuple, AUTH_MISSING = (401, "A01", "No key."), records keyed by the members' names,
// the tuple's items named by the parameters of the class's __init__, which receives them
// (else "item 1", "item 2", as a dict's tuples; None is no value), one collection per labelled run of
// members as a Java enum's constants with arguments; else the enum e of their values.
func pyEnumBlocks(text []byte, e *doc.Enum, ms []pyMember, params []string, at func(int) catalog.Pos) []doc.Block {
	abs := make([]above, len(ms))
	names := make([]string, len(ms))
	tuples := make([]pyValue, len(ms))
	anyTuple := false
	for j, m := range ms {
		abs[j], names[j] = m.above, m.name
		if strings.HasPrefix(m.value, "(") {
			// The tuple alone (a statement's value ends at its line's end, which the
			// scanner, made for values inside brackets, does not see).
			// Each member's value is read up to the next member, so that tuples left
			// open are read once, not once for each member after them.
			end := len(text)
			if j+1 < len(ms) {
				end = ms[j+1].off
			}
			p := &pyScanner{text: text[:end], i: m.valOff}
			if v := p.primary(0); v.kind == 't' {
				tuples[j], anyTuple = v, true
			}
		}
	}
	groups := settleLabels(abs, names)
	if !anyTuple {
		for j, m := range ms {
			e.Members = append(e.Members, doc.Member{Pos: at(m.off), Name: m.name, Value: m.value, Comment: abs[j].comment, Group: groups[j]})
		}
		return []doc.Block{e}
	}
	var out []doc.Block
	r := &doc.Records{Pos: e.Pos, Path: e.Name, Keyed: true, KeyName: "name"}
	for j, m := range ms {
		if groups[j] != r.Group || abs[j].label != "" {
			if len(r.Items) > 0 {
				out = append(out, r)
			}
			r = &doc.Records{Pos: at(m.off), Path: e.Name, Keyed: true, KeyName: "name", Group: groups[j]}
		}
		rec := doc.Record{Pos: at(m.off), Key: m.name}
		items := tuples[j].items
		if tuples[j].kind != 't' {
			items = []pyValue{{off: m.valOff, text: m.value}}
		}
		for n, it := range items {
			if it.kind == 'x' && it.text == "None" {
				it.text = "" // no value, as the data reader gives a JSON null
			}
			name := "item " + strconv.Itoa(n+1)
			if len(items) <= len(params) {
				name = params[n]
			}
			rec.Fields = append(rec.Fields, doc.Field{Pos: at(it.off), Name: name, Value: it.text})
		}
		if abs[j].comment != "" {
			rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "comment", Value: abs[j].comment})
		}
		r.Items = append(r.Items, rec)
	}
	if len(r.Items) > 0 {
		out = append(out, r)
	}
	return out
}
