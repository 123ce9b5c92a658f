package parse

import (
	"regexp"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// Footnotes: a table cell or a code heading that says "Address invalid.[^1]", and a
// paragraph "[^1]: PO boxes are rejected." further down. goldmark's footnote extension is
// not used: the source is parsed in parts (a note's definition may stand in another part
// than its references), and the interpreter must decide where a note's text goes, which
// no renderer of footnotes does. A note that an error refers to is that error's text: its
// marker leaves the message, and its text joins the description. Its definition is then
// not the text of whatever heading stands above it (the last group, usually); a definition
// no error refers to stays where it is.

// reFootnoteDef matches a footnote's definition at the start of a paragraph.
var reFootnoteDef = regexp.MustCompile(`^\[\^([^\]\s]{1,40})\]:[ \t]*`)

// reFootnoteRef matches a reference to a footnote.
var reFootnoteRef = regexp.MustCompile(`\[\^([^\]\s]{1,40})\]`)

// footnotes are a document's footnote definitions that its errors' blocks refer to.
type footnotes struct {
	ids  []string          // in the order of their definitions
	text map[string]string // by id, the definition's text
	// skip holds the paragraphs of definitions, left out of the text; for each, what of
	// it stays there: the definitions no error's block refers to.
	skip map[int]string
	used map[string]bool // the ids an entry took
}

// footnoteDef is one definition of a paragraph of them.
type footnoteDef struct{ id, line, text string }

// footnoteDefs reads a paragraph of footnote definitions, one or several ("[^a]: …" on a
// line each, a line that begins otherwise going on with the one before); nil when it does
// not begin with one.
func footnoteDefs(text string) []footnoteDef {
	if !strings.HasPrefix(text, "[^") {
		return nil
	}
	var defs []footnoteDef
	for _, line := range strings.Split(text, "\n") {
		if m := reFootnoteDef.FindStringSubmatchIndex(line); m != nil {
			defs = append(defs, footnoteDef{id: line[m[2]:m[3]], line: line, text: strings.TrimSpace(line[m[1]:])})
			continue
		}
		if len(defs) == 0 {
			return nil
		}
		d := &defs[len(defs)-1]
		d.line += "\n" + line
		d.text = strings.TrimSpace(d.text + " " + strings.TrimSpace(line))
	}
	return defs
}

// findFootnotes finds the definitions among blocks whose id a table or a heading refers
// to: where errors are written. Nil when there are none (most documents: one look at the
// start of each paragraph).
func findFootnotes(blocks []doc.Block) *footnotes {
	defs := map[int][]footnoteDef{}
	for i, b := range blocks {
		if p, ok := b.(*doc.Para); ok {
			if d := footnoteDefs(p.Text); d != nil {
				defs[i] = d
			}
		}
	}
	if len(defs) == 0 {
		return nil
	}
	referred := map[string]bool{}
	refer := func(s string) {
		if strings.Contains(s, "[^") {
			for _, m := range reFootnoteRef.FindAllStringSubmatch(s, -1) {
				referred[m[1]] = true
			}
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Table:
			for _, c := range b.Header {
				refer(c.Text)
			}
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					refer(c.Text)
				}
			}
		case *doc.Heading:
			refer(b.Text)
		}
	}
	fn := &footnotes{text: map[string]string{}, skip: map[int]string{}, used: map[string]bool{}}
	for i := range blocks {
		ds, ok := defs[i]
		if !ok {
			continue
		}
		var stay []string
		took := false
		for _, d := range ds {
			if _, dup := fn.text[d.id]; dup || !referred[d.id] {
				stay = append(stay, d.line) // a note of the prose: it stays where it is
				continue
			}
			fn.ids = append(fn.ids, d.id)
			fn.text[d.id] = d.text
			took = true
		}
		if took {
			fn.skip[i] = strings.Join(stay, "\n")
		}
	}
	if len(fn.ids) == 0 {
		return nil
	}
	return fn
}

// apply moves the notes an entry refers to into it: the markers leave its message, the
// notes' text is added to its description. It returns the text of the notes no entry
// took, for the document's summary: nothing is lost.
func (fn *footnotes) apply(entries []*catalog.Entry) []string {
	for _, e := range entries {
		ids := fn.refs(e.Message, e.Description, e.Resolution)
		if len(ids) == 0 {
			continue
		}
		e.Message = strings.TrimSpace(fn.strip(e.Message))
		e.Description = strings.TrimSpace(fn.strip(e.Description))
		e.Resolution = strings.TrimSpace(fn.strip(e.Resolution))
		notes := make([]string, 0, len(ids)+1)
		if e.Description != "" {
			notes = append(notes, e.Description)
		}
		for _, id := range ids {
			notes = append(notes, fn.text[id])
			fn.used[id] = true
		}
		e.Description = strings.Join(notes, "\n\n") // joined once: an entry may refer to many
	}
	var left []string
	for _, id := range fn.ids {
		if text, ok := fn.text[id]; ok && !fn.used[id] {
			left = append(left, "[^"+id+"]: "+text)
		}
	}
	return left
}

// refs returns the ids of the known notes the texts refer to, each once, in order.
func (fn *footnotes) refs(texts ...string) []string {
	var ids []string
	seen := map[string]bool{}
	for _, t := range texts {
		if !strings.Contains(t, "[^") {
			continue
		}
		for _, m := range reFootnoteRef.FindAllStringSubmatch(t, -1) {
			if _, ok := fn.text[m[1]]; ok && !seen[m[1]] {
				seen[m[1]] = true
				ids = append(ids, m[1])
			}
		}
	}
	return ids
}

// strip removes the markers of known notes from s.
func (fn *footnotes) strip(s string) string {
	if !strings.Contains(s, "[^") {
		return s
	}
	return reFootnoteRef.ReplaceAllStringFunc(s, func(m string) string {
		if _, ok := fn.text[m[2:len(m)-1]]; ok {
			return ""
		}
		return m
	})
}

// skipped reports whether block i holds footnotes of errors, and what of it stays in the
// text.
func (fn *footnotes) skipped(i int) (string, bool) {
	if fn == nil {
		return "", false
	}
	stay, ok := fn.skip[i]
	return stay, ok
}
