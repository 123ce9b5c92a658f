package code

import (
	"regexp"
	"slices"
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
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == '#':
			m := reDefine.FindStringSubmatch(strings.ReplaceAll(t.text, "\\\n", " "))
			if m == nil {
				endRun()
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
		default:
			endRun()
		}
	}
	endRun()
	return d
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
