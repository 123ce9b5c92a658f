package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// This file is the part of the interpreter that tells a code from what decorates it where
// it is written: a pictograph before it ("❌ E_GONE", "■ PK-A01", "⚠️ **E_BUSY**"), a
// footnote marker after it ("E101¹", "E102※2", "E103 *", "E104†", "E105[^1]"), a strike
// through it ("~~E106~~"). None is part of the code: cleanCode leaves them out. The marker
// says which note below the table is the error's (footnotes.go); the strike, that the code
// is no longer in use, which the entry keeps as a field (markStruck). And what is no code
// though it stands where codes do: a range of codes ("1011–1099", "E2000 - E2099",
// "1xxx"), in a row that reserves or allocates it (codeRange).

// decoration reports whether r only decorates the text it stands before: a pictograph or
// other symbol (emoji, ✅ ❌ ⚠ ■ ● ▶ ○ ★ ✓), an arrow, a bullet or reference mark (• ・ ※),
// or a part of an emoji sequence (a variation selector, a zero-width joiner, a skin tone,
// a keycap, a tag).
func decoration(r rune) bool {
	switch {
	case r < 0x80:
		return false // no ASCII mark is only a decoration: "*", "#", "`" and "~" are Markdown
	case unicode.Is(unicode.So, r):
		return true
	case r >= 0x2190 && r <= 0x21FF: // arrows: "→ E100"
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r == 0x200D, r == 0x20E3,
		r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	switch r {
	case '※', '•', '‣', '⁃', '·', '◦', '・', '･': // "・" and "･": the bullets Japanese writes
		return true
	}
	return false
}

// trimDecoration returns s without the pictographs and marks that stand before its text
// ("❌ PB_GONE" → "PB_GONE", "⚠️ **E_BUSY** (503)" → "**E_BUSY** (503)"), or s when it
// begins with none, or when nothing with a letter or digit follows them (a cell that is
// only "❌" is a mark, not a decorated code).
func trimDecoration(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !decoration(r) && !(i > 0 && unicode.IsSpace(r)) {
			break
		}
		i += n
	}
	if i == 0 || !hasWordRune(s[i:]) {
		return s
	}
	return strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// superscriptDigits are the superscript digits a footnote marker is written with.
const superscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// noteMarkAt returns the length in bytes of the footnote marker that begins s, or 0: a run
// of superscript digits ("¹", "¹²"); "※" or "*" (also "＊" and Markdown's "\*") with the
// note's number or none ("※2", "*1", "*"); daggers ("†", "‡", "††"). A Markdown footnote
// reference ("[^1]") is footnotes.go's.
func noteMarkAt(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(superscriptDigits, r) {
			break
		}
		i += n
	}
	if i > 0 {
		return i
	}
	switch {
	case strings.HasPrefix(s, "※"):
		i = len("※")
	case strings.HasPrefix(s, "＊"):
		i = len("＊")
	case strings.HasPrefix(s, `\*`):
		i = 2
	case strings.HasPrefix(s, "*"):
		i = 1
	case strings.HasPrefix(s, "†"), strings.HasPrefix(s, "‡"):
		for _, d := range []string{"†", "‡"} {
			for strings.HasPrefix(s[i:], d) && i < 3*len(d) {
				i += len(d)
			}
		}
		return i
	default:
		return 0
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 8 {
		i++
	}
	return i
}

// markID returns the marker as a note and its references both write it: "\*" and "＊"
// are "*".
func markID(mark string) string {
	mark = strings.TrimPrefix(mark, `\`)
	if rest, ok := strings.CutPrefix(mark, "＊"); ok {
		return "*" + rest
	}
	return mark
}

// cutNoteMark splits a footnote marker off the end of s ("E101¹", "Too many requests.※1",
// "GEO104 *", "GEO105 †", "E100[^1]"): s without it, and the marker (markID; a Markdown
// reference as written). It returns s and "" when s ends with none, or when nothing with
// a letter or digit stands before the marker. A "*" glued to the text before it is no
// marker in text that holds another ("5**" is a class of statuses, "**E1**" and "*gone*"
// emphasis) or after a separator ("AUTH_*", a family of codes); after a space it is one
// ("**E1** *").
func cutNoteMark(s string) (rest, mark string) {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	// Most cells end in a letter, or in digits after one: no mark, found without the
	// look back below (cleanCode asks every code cell twice).
	j := len(t)
	for j > 0 && t[j-1] >= '0' && t[j-1] <= '9' {
		j--
	}
	if j == 0 {
		return s, ""
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:j]); r != ']' && !strings.ContainsRune(superscriptDigits+"※*＊†‡", r) {
		return s, ""
	}
	if strings.HasSuffix(t, "]") {
		if i := strings.LastIndex(t, "[^"); i > 0 && reFootnoteRef.FindString(t[i:]) == t[i:] {
			if rest := strings.TrimRightFunc(t[:i], unicode.IsSpace); hasWordRune(rest) {
				return rest, t[i:]
			}
		}
		return s, ""
	}
	// The marker is the longest run of marker characters and digits at the end: look
	// back at most a few runes for where it starts.
	at := -1
	for back, i := 0, len(t); back < 8 && i > 0; back++ {
		_, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		if noteMarkAt(t[i:]) == len(t)-i {
			at = i
		}
	}
	if at < 0 {
		return s, ""
	}
	rest, mark = strings.TrimRightFunc(t[:at], unicode.IsSpace), t[at:]
	if !hasWordRune(rest) {
		return s, ""
	}
	glued := len(rest) == at
	if glued && (mark[0] == '*' || mark[0] == '\\') && (strings.Contains(rest, "*") || strings.ContainsAny(rest[len(rest)-1:], "_-.:/")) {
		return s, "" // "5**", "**E1**", "*gone*", "AUTH_*": emphasis, a class, a family
	}
	return rest, markID(mark)
}

// unstruck returns the text of a cell that is struck through as a whole ("~~KS-104~~",
// "~~Bucket is archived.~~"), without the marks, and true; else s and false.
func unstruck(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if len(t) <= 4 || !strings.HasPrefix(t, "~~") || !strings.HasSuffix(t, "~~") || strings.Contains(t[2:len(t)-2], "~~") {
		return s, false
	}
	return strings.TrimSpace(t[2 : len(t)-2]), true
}

// unstrikeRow reads a table row whose code cell is struck through: the code is no longer
// in use, and the row's cells struck as a whole are read without their marks (its status,
// its message). It returns the row's cells as they are, and false, when the code cell is
// not struck through.
func unstrikeRow(cells []cell, roles []role) ([]cell, bool) {
	col := -1
	for i, r := range roles {
		if r == roleCode || r == roleStatusName {
			col = i
			break
		}
	}
	if col < 0 || col >= len(cells) {
		return cells, false
	}
	if _, ok := unstruck(cells[col].Text); !ok {
		return cells, false
	}
	out := make([]cell, len(cells))
	for i, c := range cells {
		out[i] = c
		out[i].Text, _ = unstruck(c.Text)
	}
	return out, true
}

// struckField is the field an entry whose code the document strikes through is given: the
// strike is the document's way to say that the code is deprecated or removed, and a reader
// of the catalog must still see it (the code stays documented, for old logs and clients).
const struckField = "Deprecated"

// markStruck adds to fields that the entry's code is struck through in the source, unless
// a field of that name already says more of it (a "Deprecated" column: "Removed in v4.").
func markStruck(fields []catalog.Field) []catalog.Field {
	for _, f := range fields {
		if strings.EqualFold(strings.TrimSpace(f.Name), struckField) && strings.TrimSpace(f.Value) != "" {
			return fields
		}
	}
	return append(fields, catalog.Field{Name: struckField, Value: "struck through in the source"})
}

// codeDecor records what the first word of a heading's or list item's text says of the
// entry made of it ("## E101¹", "- ~~E_OLD~~ — Gone"): the footnote mark after its code,
// and that it is struck through, which it reports.
func (doc *Doc) codeDecor(e *catalog.Entry, text string) bool {
	lead := trimDecoration(strings.TrimSpace(text))
	if i := strings.IndexAny(lead, " \t\n"); i >= 0 {
		lead = lead[:i]
	}
	lead = strings.TrimRight(lead, ":：")
	if _, mark := cleanCodeMark(lead); mark != "" {
		doc.marks = append(doc.marks, entryMark{pos: e.Source, mark: mark})
	}
	_, struck := unstruck(lead)
	if struck {
		e.SetFields(markStruck(e.Fields()))
	}
	return struck
}

// rangeSeps are what stands between the two ends of a range of codes.
var rangeSeps = []string{"–", "—", "~", "～", "〜", " to ", "..", " - ", "-"}

// codeRange reports whether a code cell, cleaned, is a range of codes rather than a code:
// two codes of the same shape (sameShape) joined by a dash, a tilde, ".." or "to"
// ("1011–1099", "E2000 - E2099", "4000~4999"), or digits followed by wildcards ("1xxx",
// "10XX"; a class of statuses, "5xx", is the statuses' entry, as a status is). A hyphen
// with no spaces joins a range only of two numbers of three digits or more, the second
// the greater ("1011-1099"): "KS-104" and "10-01" are codes.
func codeRange(s string) bool {
	s = strings.TrimSpace(s)
	if k := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && len(s)-k >= 2 {
		wild := true
		for _, r := range s[k:] {
			if r != 'x' && r != 'X' && r != '*' {
				wild = false
				break
			}
		}
		if wild && !isStatusClass(s) {
			return true
		}
	}
	for _, sep := range rangeSeps {
		i := strings.Index(s, sep)
		if i <= 0 {
			continue
		}
		a, b := cleanCode(s[:i]), cleanCode(s[i+len(sep):])
		if a == b || !isToken(a) || !isToken(b) || !sameShape(a, b) || !strings.ContainsAny(a, "0123456789") {
			continue
		}
		if sep == "-" && (len(a) < 3 || !isDigits(a) || !isDigits(b) || b < a) {
			continue
		}
		return true
	}
	return false
}

// rangeItem reports whether a list item begins with a range of codes instead of a code
// ("1011–1099: Reserved.").
func rangeItem(text string) bool {
	lead := trimDecoration(strings.TrimSpace(text))
	if i := strings.IndexAny(lead, " \t\n"); i >= 0 {
		lead = lead[:i]
	}
	return codeRange(cleanCode(strings.TrimRight(lead, ":：")))
}
