package parse

import (
	"regexp"
	"slices"
	"sort"
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
//
// Notes are also written with plain marks: "E101¹" or "E102※2" in a cell, and "¹ Best
// effort outside the EU." or "※2 Was 503 before v2.2." on a line below the table (also
// "*", "\*", "*1", "†", "‡": noteMarkAt). Such marks are numbered anew for each table, so a
// mark refers to the first note written with it below the error (a later table's "¹" is
// the note below that table), and a note is taken only when a table or heading above it
// ends a cell with its mark: "※ Contact support." under a table of "※1" marks is prose.

// reFootnoteDef matches a footnote's definition at the start of a paragraph.
var reFootnoteDef = regexp.MustCompile(`^\[\^([^\]\s]{1,40})\]:[ \t]*`)

// reFootnoteRef matches a reference to a footnote.
var reFootnoteRef = regexp.MustCompile(`\[\^([^\]\s]{1,40})\]`)

// footnotes are a document's footnote definitions that its errors' blocks refer to.
type footnotes struct {
	ids  []string          // in the order of their definitions
	text map[string]string // by id, the definition's text
	// marked holds the notes written with plain marks (markID), by mark, in source
	// order.
	marked map[string][]*markedNote
	// skip holds the paragraphs of definitions, left out of the text; for each, what of
	// it stays there: the definitions no error's block refers to.
	skip map[int]string
	used map[string]bool // the ids an entry took
}

// markedNote is a note written with a plain mark ("¹ Best effort outside the EU."): the
// line it starts on, its text, and the line as written (for the summary when no error
// takes it).
type markedNote struct {
	line       int
	text, orig string
	used       bool
}

// footnoteDef is one definition of a paragraph of them; marked when it is written with
// a plain mark (id is then its markID), at the k-th line of its paragraph.
type footnoteDef struct {
	id, line, text string
	marked         bool
	k              int
}

// markedDef reads a line that begins with a note's plain mark, a space and its text ("¹
// Best effort…", "※2 Was 503…", "\* Only returned by…", "*1) Since v2"): the mark
// (markID) and the text.
func markedDef(line string) (id, text string, ok bool) {
	k := noteMarkAt(line)
	if k == 0 {
		return "", "", false
	}
	rest := line[k:]
	if rest != "" && (rest[0] == ')' || rest[0] == ':') {
		rest = rest[1:]
	}
	trimmed := strings.TrimLeft(rest, " \t\u3000")
	if len(trimmed) == len(rest) || strings.TrimSpace(trimmed) == "" {
		return "", "", false // "*emphasis*", "※印": no space after the mark
	}
	return markID(line[:k]), strings.TrimSpace(trimmed), true
}

// footnoteDefs reads a paragraph of footnote definitions, one or several ("[^a]: …" or
// "¹ …" on a line each, a line that begins otherwise going on with the one before); nil
// when it does not begin with one.
func footnoteDefs(text string) []footnoteDef {
	if !strings.HasPrefix(text, "[^") && noteMarkAt(text) == 0 {
		return nil
	}
	var defs []footnoteDef
	lines := strings.Split(text, "\n")
	last := -1 // the last line of defs[len(defs)-1]
	// end writes the lines that went on with the last definition into it, once: joined
	// line by line they cost the square of a long note.
	end := func() {
		if len(defs) == 0 {
			return
		}
		d := &defs[len(defs)-1]
		if last <= d.k {
			return
		}
		d.line = strings.Join(lines[d.k:last+1], "\n")
		var b strings.Builder
		b.WriteString(d.text)
		for _, l := range lines[d.k+1 : last+1] {
			if t := strings.TrimSpace(l); t != "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t)
			}
		}
		d.text = b.String()
	}
	for k, line := range lines {
		if m := reFootnoteDef.FindStringSubmatchIndex(line); m != nil {
			end()
			defs = append(defs, footnoteDef{id: line[m[2]:m[3]], line: line, text: strings.TrimSpace(line[m[1]:]), k: k})
			last = k
			continue
		}
		if id, t, ok := markedDef(line); ok {
			end()
			defs = append(defs, footnoteDef{id: id, line: line, text: t, marked: true, k: k})
			last = k
			continue
		}
		if len(defs) == 0 {
			return nil
		}
		last = k
	}
	end()
	return defs
}

// findFootnotes finds the definitions among blocks whose id a table or a heading refers
// to: where errors are written. Nil when there are none (most documents: one look at the
// start of each paragraph).
func findFootnotes(blocks []doc.Block) *footnotes {
	defs := map[int][]footnoteDef{}
	marked := false
	for i, b := range blocks {
		if p, ok := b.(*doc.Para); ok {
			if d := footnoteDefs(p.Text); d != nil {
				defs[i] = d
				for _, x := range d {
					marked = marked || x.marked
				}
			}
		}
	}
	if len(defs) == 0 {
		return nil
	}
	referred := map[string]bool{}
	// pending are the plain marks that cells above the block end with, since the last
	// note written with each: the next such note is theirs.
	pending := map[string]bool{}
	refer := func(s string) {
		if strings.Contains(s, "[^") {
			for _, m := range reFootnoteRef.FindAllStringSubmatch(s, -1) {
				referred[m[1]] = true
			}
		}
		if marked {
			if _, mark := cutNoteMark(s); mark != "" && !strings.HasPrefix(mark, "[^") {
				pending[mark] = true // "E101¹", "`E102`※2", "**E103** *"
			}
		}
	}
	taken := map[int][]bool{} // for each paragraph of definitions, its plain notes taken
	for i, b := range blocks {
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
			if marked {
				refer(leadWord(trimDecoration(b.Text)))
			}
		case *doc.List:
			if marked {
				for _, it := range b.Items {
					refer(leadWord(trimDecoration(it.Text))) // "- E101¹ — Bad address"
				}
			}
		case *doc.Para:
			ds, ok := defs[i]
			if !ok || !marked {
				continue
			}
			t := make([]bool, len(ds))
			for k, d := range ds {
				if d.marked && pending[d.id] {
					t[k] = true
					delete(pending, d.id)
				}
			}
			taken[i] = t
		}
	}
	fn := &footnotes{text: map[string]string{}, marked: map[string][]*markedNote{}, skip: map[int]string{}, used: map[string]bool{}}
	for i, b := range blocks {
		ds, ok := defs[i]
		if !ok {
			continue
		}
		var stay []string
		took := false
		for k, d := range ds {
			if d.marked {
				if !taken[i][k] {
					stay = append(stay, d.line)
					continue
				}
				line := b.(*doc.Para).Pos.Line + d.k
				fn.marked[d.id] = append(fn.marked[d.id], &markedNote{line: line, text: d.text, orig: d.line})
				took = true
				continue
			}
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
	if len(fn.ids) == 0 && len(fn.marked) == 0 {
		return nil
	}
	return fn
}

// leadWord returns s up to its first space.
func leadWord(s string) string {
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// markedAfter returns the first note written with mark below line, or nil: the note of
// the table (or list, or heading) that line is in, where each writes its own below it.
func (fn *footnotes) markedAfter(mark string, line int) *markedNote {
	ns := fn.marked[mark] // in source order
	if i := sort.Search(len(ns), func(i int) bool { return ns[i].line > line }); i < len(ns) {
		return ns[i]
	}
	return nil
}

// apply moves the notes an entry refers to into it: the markers leave its message, the
// notes' text is added to its description. marks are the marks written after the
// entries' codes ("E101¹"), which cleanCode took off, and at the end of their rows'
// other cells. It returns the text of the notes no
// entry took, for the document's summary: nothing is lost.
//
// The notes joined to entries are at most budget bytes in all (textBound: a long note every
// row marks would be a copy an entry); past it, the entries from the first that would go
// over keep no notes, and over is that entry's position (over.Line is 0 when all fit).
func (fn *footnotes) apply(entries []*catalog.Entry, marks []entryMark, budget int) (left []string, over catalog.Pos) {
	byEntry := map[catalog.Pos][]string{}
	for _, m := range marks {
		byEntry[m.pos] = append(byEntry[m.pos], m.mark)
	}
	for _, e := range entries {
		ids := fn.refs(e.Message, e.Description, e.Resolution)
		var notes []*markedNote
		// Sets of them, made when a row has many marks (a row of thousands of cells,
		// each with one, would cost a look through the list for each).
		var idSet map[string]bool
		var noteSet map[*markedNote]bool
		addID := func(id string) {
			if idSet == nil {
				idSet = make(map[string]bool, len(ids))
				for _, x := range ids {
					idSet[x] = true
				}
			}
			if !idSet[id] {
				idSet[id] = true
				ids = append(ids, id)
			}
		}
		addNote := func(n *markedNote) {
			if noteSet == nil {
				noteSet = make(map[*markedNote]bool, len(notes))
				for _, x := range notes {
					noteSet[x] = true
				}
			}
			if !noteSet[n] {
				noteSet[n] = true
				notes = append(notes, n)
			}
		}
		for _, mark := range byEntry[e.Source] {
			if id, ok := strings.CutPrefix(mark, "[^"); ok {
				if id = strings.TrimSuffix(id, "]"); fn.text[id] != "" {
					addID(id)
				}
			} else if n := fn.markedAfter(mark, e.Source.Line); n != nil {
				addNote(n)
			}
		}
		if len(fn.marked) > 0 {
			// "Too many requests.※1": a plain mark at the end of a text of the entry's.
			for _, t := range []*string{&e.Message, &e.Description, &e.Resolution} {
				rest, mark := cutNoteMark(*t)
				if mark == "" || strings.HasPrefix(mark, "[^") {
					continue
				}
				if n := fn.markedAfter(mark, e.Source.Line); n != nil {
					*t = rest
					addNote(n)
				}
			}
		}
		if len(ids) == 0 && len(notes) == 0 || over.Line > 0 {
			continue
		}
		for _, id := range ids {
			budget -= len(fn.text[id])
		}
		for _, n := range notes {
			budget -= len(n.text)
		}
		if budget < 0 {
			over = e.Source
			continue
		}
		e.Message = strings.TrimSpace(fn.strip(e.Message))
		e.Description = strings.TrimSpace(fn.strip(e.Description))
		e.Resolution = strings.TrimSpace(fn.strip(e.Resolution))
		texts := make([]string, 0, len(ids)+len(notes)+1)
		if e.Description != "" {
			texts = append(texts, e.Description)
		}
		for _, id := range ids {
			texts = append(texts, fn.text[id])
			fn.used[id] = true
		}
		for _, n := range notes {
			texts = append(texts, n.text)
			n.used = true
		}
		e.Description = strings.Join(texts, "\n\n") // joined once: an entry may refer to many
	}
	for _, id := range fn.ids {
		if text, ok := fn.text[id]; ok && !fn.used[id] {
			left = append(left, "[^"+id+"]: "+text)
		}
	}
	var unused []*markedNote
	for _, ns := range fn.marked {
		for _, n := range ns {
			if !n.used {
				unused = append(unused, n)
			}
		}
	}
	slices.SortFunc(unused, func(a, b *markedNote) int { return a.line - b.line })
	for _, n := range unused {
		left = append(left, n.orig)
	}
	return left, over
}

// entryMark is a plain mark or Markdown footnote reference written after an entry's code
// ("E101¹", "E102[^1]") or at the end of another cell of its row ("404¹").
type entryMark struct {
	pos  catalog.Pos // the entry's: every entry a row gives (one per code, per status) has it
	mark string
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
