package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// RuleNestedCodesLeftOut names the warning for a list whose items hold codes in lists
// nested under them that were not read as errors.
const RuleNestedCodesLeftOut = "nested-codes-left-out"

// maxGroupLabel is the most runes of a list item that names a group of codes ("Authentication",
// "Buckets:", "**인증 오류**"): a label is a few words; a longer item is text.
const maxGroupLabel = 80

// codeGroup is one item of a list of groups of codes: its label (the item's own line) and
// the items of the list of codes nested under it, each a code and its text, with the
// lines nested under it in turn.
type codeGroup struct {
	index int // the item's index in its list
	label string
	intro string // text between the label and the codes, when the item has a paragraph there
	items []listItemText
}

// nestedCodeGroups returns the items of a list that group codes: an item whose own line is
// a short label, not a code, and under which a list nested in it lists codes and their
// text (codeListOK), as a README groups its errors:
//
//   - Authentication
//   - `AUTH_MISSING` (401) — No API key was supplied.
//   - Fix: pass the key.
//
// The nested items are found in the item's Markdown, as front-ends write it: its first
// nested list at the left margin, what is nested deeper indented under its item.
func nestedCodeGroups(items []listItemText) []codeGroup {
	var groups []codeGroup
	for k, it := range items {
		head, nested, ok := strings.Cut(it.Text, "\n")
		if !ok {
			continue
		}
		label := groupLabel(head)
		if label == "" {
			continue
		}
		intro, subs := nestedItems(nested, it.Pos)
		if len(subs) == 0 || !codeListOK(subs) {
			continue
		}
		groups = append(groups, codeGroup{index: k, label: label, intro: intro, items: subs})
	}
	return groups
}

// groupLabel returns the label a list item's own line gives a group of codes, without its
// emphasis and the colon after it, or "" when the line is no label: a code and its text,
// or a sentence too long for a label.
func groupLabel(line string) string {
	t := strings.TrimSpace(line)
	if t == "" || utf8.RuneCountInString(t) > maxGroupLabel {
		return ""
	}
	if _, _, ok := splitListCode(t); ok {
		return ""
	}
	t = strings.TrimSpace(strings.TrimRight(unbold(t), ":："))
	t = strings.TrimSpace(strings.TrimRight(unbold(t), ":："))
	if t == "" {
		return ""
	}
	return t
}

// nestedItems splits the lines under a list item's own line into the items of the list
// nested in it (a line at the left margin that begins with a bullet starts one; the lines
// indented under it are its, taken back to the margin by its bullet's width) and the text
// that stands before that list. Items are placed at pos, the item's own place.
func nestedItems(text string, pos catalog.Pos) (intro string, items []listItemText) {
	var cur *strings.Builder
	var pre []string
	width := 0
	var texts []*strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				cur.WriteByte('\n')
			}
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			if m := reListBullet.FindStringIndex(line); m != nil {
				cur = &strings.Builder{}
				texts = append(texts, cur)
				cur.WriteString(strings.TrimSpace(line[m[1]:]))
				width = m[1]
				continue
			}
		}
		if cur == nil {
			pre = append(pre, strings.TrimSpace(line))
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		cur.WriteByte('\n')
		cur.WriteString(line[min(indent, width):])
	}
	for _, b := range texts {
		items = append(items, listItemText{Text: trimBlankLines(b.String()), Pos: pos})
	}
	return strings.Join(pre, "\n"), items
}

// codeGroups reads a list whose items group codes (nestedCodeGroups): each group's codes
// are entries whose group is the item's label, read as a list of codes is (addCodeList);
// items that are codes themselves are entries of the heading's group, and the list's
// other items are kept as text. It reports whether the list had such groups.
func (w *treeWalker) codeGroups(b *doc.List) bool {
	groups := nestedCodeGroups(listItems(b))
	if len(groups) == 0 {
		return false
	}
	line := b.Pos.Line
	budget := 2*len(b.Text) + 1<<16 // bytes codeLinePos may look through, for the whole list
	var other []doc.Item
	var own []listItemText // items that are codes themselves, beside the groups
	keep := func(items []doc.Item) {
		for _, it := range items {
			if _, _, ok := splitListCode(it.Text); ok {
				own = append(own, listItemText{Text: it.Text, Pos: it.Pos})
				continue
			}
			other = append(other, it)
			w.doc.note(it.Pos, "list item %q: no list of codes under it: kept as text", firstLine(it.Text))
		}
	}
	next := 0
	for _, g := range groups {
		keep(b.Items[next:g.index])
		next = g.index + 1
		line = max(line, b.Items[g.index].Pos.Line)
		for k := range g.items {
			code, _, _ := splitListCode(g.items[k].Text)
			g.items[k].Pos, line = w.codeLinePos(code, g.items[k].Pos, line, &budget)
		}
		w.doc.note(b.Items[g.index].Pos, "list item %q: a group of %d codes in the list nested under it", g.label, len(g.items))
		if g.intro != "" {
			w.text(g.intro)
		}
		ctx := w.context()
		ctx.Group = g.label
		n := len(w.doc.Entries)
		w.doc.addCodeList(g.items, ctx)
		w.added(n)
	}
	keep(b.Items[next:])
	if len(own) > 0 {
		// "- `E_LIMIT` (429) — …" beside "- Authentication" and its codes: a code of the
		// list's heading's group.
		n := len(w.doc.Entries)
		if w.doc.addCodeList(own, w.context()) {
			w.added(n)
		} else {
			for _, it := range own {
				other = append(other, doc.Item{Pos: it.Pos, Text: it.Text})
			}
			w.doc.Diags.Add(own[0].Pos, catalog.Warning, RuleNestedCodesLeftOut,
				"list item %q: a code beside groups of codes, but no list of codes: kept as text", firstLine(own[0].Text))
		}
	}
	if len(other) > 0 {
		w.text(listText(&doc.List{Ordered: b.Ordered, Items: other}))
	}
	w.errors = true
	return true
}

// maxCodeLineScan is the most source lines codeLinePos looks through for a nested code's
// line.
const maxCodeLineScan = 64

// codeLinePos returns where a code of a nested list stands: the first source line from line
// on that holds it (the item's text joins its lines, so its own place is not kept), else at;
// and the line to look from for the next code. It looks through at most *budget bytes,
// less what it looked through: a list's codes cost a bounded multiple of its text.
func (w *treeWalker) codeLinePos(code string, at catalog.Pos, line int, budget *int) (catalog.Pos, int) {
	if w.src == nil || code == "" || line <= 0 {
		return at, line
	}
	for n := line; n < line+maxCodeLineScan && n <= w.src.LineCount() && *budget > 0; n++ {
		text := w.src.Line(n)
		*budget -= len(text) + 1
		if i := bytes.Index(text, []byte(code)); i >= 0 {
			return w.src.Pos(w.src.LineStart(n) + i), n + 1
		}
	}
	return at, line
}

// nestedCodesLeftOut warns of a list kept as text whose items hold lists of codes nested
// under them (two items or more each a code and its text), which no rule read: a list of
// codes never goes without an entry or a word.
func (w *treeWalker) nestedCodesLeftOut(b *doc.List) {
	for _, it := range b.Items {
		_, nested, ok := strings.Cut(it.Text, "\n")
		if !ok {
			continue
		}
		_, subs := nestedItems(nested, it.Pos)
		codes := 0
		for _, s := range subs {
			if _, _, ok := splitListCode(s.Text); ok {
				codes++
			}
		}
		if codes >= 2 {
			w.doc.Diags.Add(it.Pos, catalog.Warning, RuleNestedCodesLeftOut,
				"list item %q: %d items nested under it read as codes but were not read as errors: kept as text", firstLine(it.Text), codes)
			return
		}
	}
}
