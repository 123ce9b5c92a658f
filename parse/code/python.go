package code

import (
	"regexp"
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
	for i := 0; i < len(ls); i++ {
		m := rePyClass.FindStringSubmatch(ls[i].text)
		if m == nil || !rePyEnums.MatchString(m[3]) {
			continue
		}
		for len(dicts) > 0 && dicts[0].off < ls[i].off {
			d.Blocks = append(d.Blocks, dicts[0].blocks...)
			dicts = dicts[1:]
		}
		classIndent := len(m[1])
		e := &doc.Enum{Pos: at(ls[i].off + len(m[1])), Name: m[2]}
		// The body: the lines indented deeper than the class.
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
		var comment []string
		for x := j; x < k; x++ {
			l := ls[x]
			if l.blank() {
				comment = nil
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
			mm := rePyMember.FindStringSubmatch(t)
			if mm == nil || strings.HasPrefix(t, "def ") || strings.HasPrefix(mm[1], "_") {
				comment = nil
				continue
			}
			value, trailing := pySplitComment(mm[2])
			c := memberComment(strings.Join(comment, "\n"), trailing)
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
			e.Members = append(e.Members, doc.Member{Pos: at(l.off + l.indent()), Name: mm[1], Value: value, Comment: strings.TrimSpace(c)})
			comment = nil
		}
		d.Blocks = append(d.Blocks, e)
		i = k - 1
	}
	for _, x := range dicts {
		d.Blocks = append(d.Blocks, x.blocks...)
	}
	return d, probs
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
