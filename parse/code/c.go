package code

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// ctok is one token of C source.
type ctok struct {
	kind byte // 'i' identifier, 'n' number, 'p' punctuation, 's' string, char or template, 'c' comment, '#' directive line
	text string
	off  int
	line int // line of the token's start, from 0
	end  int // line of the token's end
}

// lexC splits C source into tokens, comments and preprocessor lines kept. It moves forward
// only: an unterminated comment or string ends at the end of the input.
func lexC(text []byte) []ctok {
	var toks []ctok
	line := 0
	lineStart := true // only blanks since the start of the line
	i := 0
	n := len(text)
	for i < n {
		c := text[i]
		start, sline := i, line
		switch {
		case c == '\n':
			line++
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '#' && lineStart:
			for i < n && text[i] != '\n' {
				if text[i] == '\\' && i+1 < n && text[i+1] == '\n' {
					i += 2
					line++
					continue
				}
				if text[i] == '/' && i+1 < n && text[i+1] == '*' { // a block comment may cross lines
					j := i + 2
					for j < n && !(text[j] == '*' && j+1 < n && text[j+1] == '/') {
						if text[j] == '\n' {
							line++
						}
						j++
					}
					i = min(j+2, n)
					continue
				}
				i++
			}
			toks = append(toks, ctok{kind: '#', text: string(text[start:i]), off: start, line: sline, end: line})
			continue
		case c == '/' && i+1 < n && text[i+1] == '/':
			for i < n && text[i] != '\n' {
				i++
			}
			toks = append(toks, ctok{kind: 'c', text: string(text[start:i]), off: start, line: sline, end: line})
			continue
		case c == '/' && i+1 < n && text[i+1] == '*':
			i += 2
			for i < n && !(text[i] == '*' && i+1 < n && text[i+1] == '/') {
				if text[i] == '\n' {
					line++
				}
				i++
			}
			i = min(i+2, n)
			toks = append(toks, ctok{kind: 'c', text: string(text[start:i]), off: start, line: sline, end: line})
			lineStart = false
			continue
		case c == '`': // a TypeScript template literal, which may span lines
			i++
			for i < n && text[i] != '`' {
				if text[i] == '\\' && i+1 < n {
					i++
				}
				if text[i] == '\n' {
					line++
				}
				i++
			}
			i = min(i+1, n)
			toks = append(toks, ctok{kind: 's', text: string(text[start:i]), off: start, line: sline, end: line})
		case c == '"' || c == '\'':
			i++
			for i < n && text[i] != c && text[i] != '\n' {
				if text[i] == '\\' {
					i++
				}
				i++
			}
			i = min(i+1, n)
			toks = append(toks, ctok{kind: 's', text: string(text[start:i]), off: start, line: sline, end: line})
		case isIdentStart(c):
			for i < n && isIdent(text[i]) {
				i++
			}
			toks = append(toks, ctok{kind: 'i', text: string(text[start:i]), off: start, line: sline, end: line})
		case c >= '0' && c <= '9':
			for i < n && (isIdent(text[i]) || text[i] == '.') {
				i++
			}
			toks = append(toks, ctok{kind: 'n', text: string(text[start:i]), off: start, line: sline, end: line})
		default:
			i++
			toks = append(toks, ctok{kind: 'p', text: string(text[start:i]), off: start, line: sline, end: line})
		}
		lineStart = false
	}
	return toks
}

func isIdentStart(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isIdent(c byte) bool      { return isIdentStart(c) || (c >= '0' && c <= '9') }

// reDefine reads a #define of an object-like macro: its name and the rest of the line.
var reDefine = regexp.MustCompile(`^#[ \t]*define[ \t]+([A-Za-z_]\w*)(?:[ \t]+([^\n]*))?$`)

// readC reads the enums of C or C++ source, and its runs of #define constants (lines with
// nothing but comments and blank lines between them) as enums without a name, each
// member in the group of the comment line that heads its part of the run (labels.go).
func readC(text []byte, at func(int) catalog.Pos) *doc.Document {
	toks := lexC(text)
	d := &doc.Document{}
	var run *doc.Enum
	var above []above // what the comments above each member of the run say of it
	firstLead := ""   // the comment above the run's first define, while it is not known whose it is
	endRun := func() {
		if run != nil && len(run.Members) >= 2 {
			settle(run.Members, above)
			d.Blocks = append(d.Blocks, run)
		}
		run, above = nil, above[:0]
	}
	var tables []cTable // the message tables, joined to the enums they index at the end
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == '#':
			m := reDefine.FindStringSubmatch(strings.ReplaceAll(t.text, "\\\n", " "))
			if m == nil {
				endRun()
				d.Blocks = append(d.Blocks, readXMacro(t, at)...)
				continue
			}
			value, trailing := splitTrailingComment(strings.TrimSpace(m[2]))
			if value == "" || strings.HasPrefix(value, "\"") || !strings.ContainsAny(value, "0123456789") && !isIdentStart(value[0]) {
				endRun()
				continue
			}
			ab := commentsAbove(toks, i, run == nil)
			if run == nil {
				run = &doc.Enum{Pos: at(t.off), Run: true}
				firstLead = ""
				if trailing != "" && ab.label == "" {
					// "/* Error codes of acme_open(). */" over a first define that
					// has its own comment documents the run, unless the next define
					// has a comment above it too: then each has its own.
					firstLead, ab.comment = ab.comment, ""
				}
			} else if len(run.Members) == 1 && firstLead != "" {
				if ab.comment != "" {
					above[0].comment = memberComment(firstLead, above[0].comment)
				} else {
					run.Comment = firstLead
				}
				firstLead = ""
			}
			if trailing != "" {
				ab.comment, ab.short = memberComment(ab.comment, trailing), false
			}
			run.Members = append(run.Members, doc.Member{Pos: at(t.off), Name: m[1], Value: value})
			above = append(above, ab)
		case t.kind == 'c':
			// comments between #defines keep a run going
		case t.kind == 'i' && t.text == "enum":
			endRun()
			if e, next := readCEnum(toks, i, at); e != nil {
				d.Blocks = append(d.Blocks, e)
				i = next
			}
		case t.text == "{" && i >= 2 && toks[i-1].text == "=" && toks[i-2].text == "]":
			endRun()
			if tb, next := readCTable(toks, i, at); tb != nil {
				tables = append(tables, *tb)
				i = next
			}
		default:
			endRun()
		}
	}
	endRun()
	if len(tables) > 0 {
		joinTables(d, tables)
	}
	nameXMacroArgs(d, toks)
	return d
}

// reMacroParams reads a function-like #define's name and parameters.
var reMacroParams = regexp.MustCompile(`^#[ \t]*define[ \t]+([A-Za-z_]\w*)\(([^)]*)\)`)

// nameXMacroArgs names the arguments of the entries of the X-macro lists in d by the
// parameters of the macro the file applies the list to ("KST_ERRORS(KST_ENTRY)" with
// "#define KST_ENTRY(name, value, msg) …": "value", "msg"), as a constructor's parameters
// name its arguments; the first applied with as many parameters as an entry has
// arguments. One pass over the tokens.
func nameXMacroArgs(d *doc.Document, toks []ctok) {
	lists := map[string][]*doc.Records{}
	for _, b := range d.Blocks {
		if r, ok := b.(*doc.Records); ok && r.KeyName == "name" && r.Path != "" {
			lists[r.Path] = append(lists[r.Path], r)
		}
	}
	if len(lists) == 0 {
		return
	}
	params := map[string][]string{}
	applied := map[string][]string{} // list → the macros applied to it, in order
	for k, t := range toks {
		switch {
		case t.kind == '#':
			if m := reMacroParams.FindStringSubmatch(t.text); m != nil {
				var ps []string
				for _, p := range strings.Split(m[2], ",") {
					ps = append(ps, strings.TrimSpace(p))
				}
				params[m[1]] = ps
			}
		case t.kind == 'i' && lists[t.text] != nil && k+3 < len(toks) && toks[k+1].text == "(" && toks[k+2].kind == 'i' && toks[k+3].text == ")":
			applied[t.text] = append(applied[t.text], toks[k+2].text)
		}
	}
	for list, rs := range lists {
		n := 0 // the arguments of an entry
		for _, r := range rs {
			for _, it := range r.Items {
				for _, f := range it.Fields {
					if i, err := strconv.Atoi(strings.TrimPrefix(f.Name, "argument ")); err == nil {
						n = max(n, i)
					}
				}
			}
		}
		for _, mac := range applied[list] {
			ps := params[mac]
			if len(ps) < 2 || len(ps) < n || slices.Contains(ps, "") || slices.Contains(ps, "...") {
				continue
			}
			for _, r := range rs {
				for _, it := range r.Items {
					for f := range it.Fields {
						if i, err := strconv.Atoi(strings.TrimPrefix(it.Fields[f].Name, "argument ")); err == nil && i <= len(ps) {
							it.Fields[f].Name = ps[i-1]
						}
					}
				}
			}
			break
		}
	}
}

// splitTrailingComment splits a #define's value from a comment after it.
func splitTrailingComment(v string) (string, string) {
	for i := 0; i+1 < len(v); i++ {
		switch {
		case v[i] == '"' || v[i] == '\'':
			q := v[i]
			for i++; i < len(v) && v[i] != q; i++ {
				if v[i] == '\\' {
					i++
				}
			}
		case v[i] == '/' && (v[i+1] == '*' || v[i+1] == '/'):
			return strings.TrimSpace(v[:i]), cleanComment(v[i:])
		}
	}
	return v, ""
}

// leadingComment returns the comments right above token i: on the lines just before it,
// with no blank line and no other token between. A comment that follows another token on
// its line belongs to that token.
func leadingComment(toks []ctok, i int) string {
	var parts []string
	line := toks[i].line
	for k := i - 1; k >= 0 && toks[k].kind == 'c' && toks[k].end >= line-1 && toks[k].end < toks[i].line+1; k-- {
		if k > 0 && toks[k-1].kind != 'c' && toks[k-1].end == toks[k].line {
			break
		}
		parts = append(parts, cleanComment(toks[k].text)) // from the last up: reversed below
		line = toks[k].line
	}
	slices.Reverse(parts)
	return strings.Join(parts, "\n")
}

// readCEnum reads the enum whose keyword is token i, and returns it and the index of its
// last token; nil when what follows is no enum body (a declaration "enum x y;").
func readCEnum(toks []ctok, i int, at func(int) catalog.Pos) (*doc.Enum, int) {
	k := i + 1
	name := ""
	if k < len(toks) && toks[k].kind == 'i' && (toks[k].text == "class" || toks[k].text == "struct") {
		k++
	}
	if k < len(toks) && toks[k].kind == 'i' {
		name = toks[k].text
		k++
	}
	if k < len(toks) && toks[k].text == ":" { // an underlying type
		for k < len(toks) && toks[k].text != "{" && toks[k].text != ";" {
			k++
		}
	}
	if k >= len(toks) || toks[k].text != "{" {
		return nil, i
	}
	e := &doc.Enum{Pos: at(toks[i].off), Name: name, Comment: leadingComment(toks, i)}
	var abs []above // what the comments above each member say of it
	k++
	for k < len(toks) && toks[k].text != "}" {
		t := toks[k]
		if t.kind != 'i' {
			k++
			continue
		}
		if k+1 < len(toks) && toks[k+1].text == "(" {
			// No enumerator is followed by "(": a macro that expands to the members
			// (an X-macro list, KST_ERRORS(ENTRY)), read where it is defined.
			_, end, _ := argList(toks, k+1, false)
			k = end + 1
			continue
		}
		m := doc.Member{Pos: at(t.off), Name: t.text}
		ab := commentsAbove(toks, k, false)
		k++
		// The value: tokens up to the comma or the closing brace, outside parentheses; a
		// comment on the member's line after it is its own when it has none above.
		var val []string
		depth := 0
		trailing := ""
		memberLine := t.line
		for k < len(toks) {
			x := toks[k]
			if depth == 0 && (x.text == "," || x.text == "}") {
				if x.text == "," {
					memberLine = x.line
					k++
					if k < len(toks) && toks[k].kind == 'c' && toks[k].line == memberLine && trailing == "" {
						trailing = cleanComment(toks[k].text)
						k++
					}
				}
				break
			}
			switch {
			case x.text == "(":
				depth++
			case x.text == ")":
				depth--
			case x.kind == 'c':
				if x.line == memberLine && trailing == "" {
					trailing = cleanComment(x.text)
				}
				k++
				continue
			}
			if x.kind != '#' && x.text != "=" {
				val = append(val, x.text)
			}
			memberLine = x.end
			k++
		}
		m.Value = joinTokens(val)
		if trailing != "" {
			ab.comment, ab.short = memberComment(ab.comment, trailing), false
		}
		e.Members = append(e.Members, m)
		abs = append(abs, ab)
	}
	settle(e.Members, abs)
	if k+1 < len(toks) && toks[k+1].kind == 'i' && e.Name == "" {
		e.Name = toks[k+1].text // typedef enum { … } name;
	}
	return e, k
}

// reXMacro reads the head of a function-like #define of one parameter, the form of an
// X-macro list: "#define ERRORS(X) X(E_OK, 0, \"ok\") X(E_BAD, 1, \"bad\") …".
var reXMacro = regexp.MustCompile(`^#[ \t]*define[ \t]+([A-Za-z_]\w*)\([ \t]*([A-Za-z_]\w*)[ \t]*\)`)

// readXMacro reads an X-macro list, the #define t, as a C enum whose members take
// arguments, as Java's constants do: records named by the list, keyed by each entry's
// first argument (its name), the others fields "argument 2", "argument 3" … (what they
// hold is the interpreter's to judge, as of any positional fields), each entry with the
// comments above and after it, a banner among them its group (labels.go). Nil when t is
// no such list: a function-like macro whose body is not calls of its parameter with a
// name first.
func readXMacro(t ctok, at func(int) catalog.Pos) []doc.Block {
	m := reXMacro.FindStringSubmatchIndex(t.text)
	if m == nil {
		return nil
	}
	name, param := t.text[m[2]:m[3]], t.text[m[4]:m[5]]
	base := t.off + m[1]
	// The continuation backslashes become blanks, so that the lines and offsets stay.
	toks := lexC([]byte(strings.ReplaceAll(t.text[m[1]:], "\\\n", " \n")))
	type entry struct {
		k    int
		args [][]ctok
	}
	var entries []entry
	var abs []above
	var names []string
	for k := 0; k < len(toks); k++ {
		x := toks[k]
		if x.kind == 'c' || x.text == "\\" {
			continue
		}
		if x.text != param || k+1 >= len(toks) || toks[k+1].text != "(" {
			return nil // the body is more than the calls of the parameter
		}
		args, end, ok := argList(toks, k+1, false)
		if !ok || len(args) < 2 || len(args[0]) != 1 || args[0][0].kind != 'i' {
			return nil
		}
		ab := commentsAbove(toks, k, false)
		if end+1 < len(toks) && toks[end+1].kind == 'c' && toks[end+1].line == toks[end].end {
			ab.comment, ab.short = memberComment(ab.comment, cleanComment(toks[end+1].text)), false
		}
		entries = append(entries, entry{k, args})
		abs = append(abs, ab)
		names = append(names, args[0][0].text)
		k = end
	}
	if len(entries) == 0 {
		return nil
	}
	groups := settleLabels(abs, names)
	var out []doc.Block
	var r *doc.Records
	for j, e := range entries {
		if r == nil || groups[j] != r.Group {
			r = &doc.Records{Pos: at(base + toks[e.k].off), Path: name, Keyed: true, KeyName: "name", Group: groups[j]}
			out = append(out, r)
		}
		rec := doc.Record{Pos: at(base + toks[e.k].off), Key: names[j]}
		for i, a := range e.args[1:] {
			if len(a) > 0 {
				rec.Fields = append(rec.Fields, doc.Field{Pos: at(base + a[0].off), Name: "argument " + strconv.Itoa(i+2), Value: argText(a)})
			}
		}
		if abs[j].comment != "" {
			rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "comment", Value: abs[j].comment})
		}
		r.Items = append(r.Items, rec)
	}
	return out
}

// cTable is a table of texts indexed by the members of an enum, written with designated
// initializers: "const char *msgs[] = { [E_NOMEM] = \"Out of memory.\", … }".
type cTable struct {
	name  string // the array's name, the field its texts are
	texts map[string]doc.Field
}

// readCTable reads the initializer that opens at toks[i] ("{" after "[…] ="), and returns
// the table and the index of its "}"; nil when it is no table of designated strings.
func readCTable(toks []ctok, i int, at func(int) catalog.Pos) (*cTable, int) {
	k := i - 2 // the "]" of the array's size, a few tokens at most after its "["
	for k > 0 && k > i-16 && toks[k].text != "[" {
		k--
	}
	if toks[k].text != "[" {
		return nil, i
	}
	if k == 0 || toks[k-1].kind != 'i' {
		return nil, i
	}
	tb := &cTable{name: toks[k-1].text, texts: map[string]doc.Field{}}
	segs, end, ok := argList(toks, i, false)
	if !ok {
		return nil, i
	}
	for _, sg := range segs {
		// [NAME] = "text" "more text"
		if len(sg) < 5 || sg[0].text != "[" || sg[1].kind != 'i' || sg[2].text != "]" || sg[3].text != "=" {
			return nil, i
		}
		for _, x := range sg[4:] {
			if x.kind != 's' || x.text[0] != '"' {
				return nil, i
			}
		}
		tb.texts[sg[1].text] = doc.Field{Pos: at(sg[4].off), Name: tb.name, Value: argText(sg[4:])}
	}
	if len(tb.texts) == 0 {
		return nil, i
	}
	words := true
	for _, f := range tb.texts {
		words = words && strings.Contains(strings.TrimSpace(f.Value), " ")
	}
	if words {
		// Texts of words ("Out of memory."), not names: the members' messages, as a Go
		// or TypeScript constant's string of words is (whatever the array is called:
		// pel_err_msgs, kst_strerror_tab).
		for k, f := range tb.texts {
			f.Name = "message"
			tb.texts[k] = f
		}
	}
	return tb, end
}

// joinTables gives the members of the enums in d that a table indexes its texts: such an
// enum becomes records (one collection per group), each member keyed by its name, with
// its value, its comment and a field of each table that names it, so that the
// interpreter judges the table's texts as any field.
func joinTables(d *doc.Document, tables []cTable) {
	texts := map[string][]doc.Field{} // member → the tables' texts of it, in table order
	for _, tb := range tables {
		for name, f := range tb.texts {
			texts[name] = append(texts[name], f)
		}
	}
	var blocks []doc.Block
	for _, b := range d.Blocks {
		e, ok := b.(*doc.Enum)
		if !ok || e.Run || !slices.ContainsFunc(e.Members, func(m doc.Member) bool { return texts[m.Name] != nil }) {
			blocks = append(blocks, b)
			continue
		}
		var r *doc.Records
		for j, m := range e.Members {
			if g := cmp.Or(m.Group, e.Name); r == nil || g != r.Group {
				// The group of a member with no label of its own is its enum's, as an
				// enum's member has.
				r = &doc.Records{Pos: m.Pos, Path: e.Name, Keyed: true, KeyName: "name", Group: g}
				if j == 0 {
					r.Pos = e.Pos
				}
				blocks = append(blocks, r)
			}
			rec := doc.Record{Pos: m.Pos, Key: m.Name}
			if m.Value != "" {
				rec.Fields = append(rec.Fields, doc.Field{Pos: m.Pos, Name: "value", Value: m.Value})
			}
			if m.Comment != "" {
				rec.Fields = append(rec.Fields, doc.Field{Pos: m.Pos, Name: "comment", Value: m.Comment})
			}
			rec.Fields = append(rec.Fields, texts[m.Name]...)
			r.Items = append(r.Items, rec)
		}
	}
	d.Blocks = blocks
}

// joinTokens writes an expression's tokens back with a space only between words.
func joinTokens(ts []string) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && isIdent(ts[i-1][len(ts[i-1])-1]) && isIdent(t[0]) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// reTabMember reads a line of a tab-separated code list: a number, a symbol and a text,
// separated by one tab or more; reTabDefault the line without a number that some lists
// end with (the text for codes not in the list).
var (
	reTabMember  = regexp.MustCompile(`^(-?\d+)\t+([A-Za-z_]\w*)\t+(.*?)\s*$`)
	reTabDefault = regexp.MustCompile(`^\t+([A-Za-z_]\w*)\t+(.*?)\s*$`)
)

// readTabList reads a tab-separated code list as one enum: each line of a number, a symbol
// and a text is a member; comment lines ("#"), the verbatim header before the first
// member and blank lines are not.
func readTabList(text []byte, at func(int) catalog.Pos) *doc.Document {
	e := &doc.Enum{}
	off := 0
	for off < len(text) {
		end := off
		for end < len(text) && text[end] != '\n' {
			end++
		}
		line := string(text[off:end])
		if m := reTabMember.FindStringSubmatch(line); m != nil {
			if len(e.Members) == 0 {
				e.Pos = at(off)
			}
			e.Members = append(e.Members, doc.Member{Pos: at(off), Name: m[2], Value: m[1], Comment: m[3]})
		} else if m := reTabDefault.FindStringSubmatch(line); m != nil && len(e.Members) > 0 {
			col := strings.IndexByte(line, m[1][0])
			e.Members = append(e.Members, doc.Member{Pos: at(off + col), Name: m[1], Comment: m[2]})
		}
		off = end + 1
	}
	d := &doc.Document{}
	if len(e.Members) > 0 {
		d.Blocks = append(d.Blocks, e)
	}
	return d
}
