package parse

import (
	"strings"
	"unicode/utf8"

	"docgen/catalog"
)

// Text that a reader gives to many entries at once (the heading they stand under, a note
// their rows refer to, a cell spanning their rows) is held once in memory but written once
// per entry: in the JSON catalog, in the OpenAPI examples and on every entry's page. A
// source can so ask for output far larger than itself: a heading of 240 KB over 3,000
// codes was 720 MB of JSON and a 1.5 GB site, a 100 KB footnote that 3,000 rows mark 300
// MB. boundText keeps what a source's entries hold linear in the source.

// maxGroupRunes is the longest group docgen keeps, in characters. A group is a heading: a
// few words (`400 Bad Request`, `인증 오류`), at most a sentence. A longer one is cut at a
// space near this length, with "…", and a long-heading warning: every entry under it
// repeats it.
const maxGroupRunes = 200

// RuleLongHeading is the rule of a heading too long to be the group of the entries under
// it (a warning: the group is cut).
const RuleLongHeading = "long-heading"

// RuleRepeatedText is the rule of a source whose entries would hold far more text than
// the source (an error: the entries past the bound keep their codes only).
const RuleRepeatedText = "repeated-text"

// textBound is how much text a source's entries may hold in all: textPerByte times the
// source's size, and textFloor more, so that a small source with a long note every row
// refers to is never refused. A document's entries hold about its text once (its codes,
// messages and descriptions, less its markup), plus its headings again for each entry under
// them: well under twice the source.
const (
	textPerByte = 16
	textFloor   = 4 << 20
)

// textBound is the most text src's entries may hold.
func textBound(src *Source) int { return textFloor + textPerByte*len(src.Text) }

// boundText cuts long groups and bounds the text of doc's entries (see above).
func boundText(src *Source, doc *Doc) {
	cuts := map[string]string{} // long groups already cut (the cut, by the group's first runes)
	cutGroup := func(g string, pos catalog.Pos) string {
		if len(g) <= maxGroupRunes { // fewer bytes than runes allowed: short
			return g
		}
		cut, long := cutRunes(g, maxGroupRunes)
		if !long {
			return g
		}
		if c, ok := cuts[cut]; ok {
			return c
		}
		c := cut + "…"
		cuts[cut] = c
		doc.Diags.Add(pos, catalog.Warning, RuleLongHeading,
			"a heading of %d characters is the group of the entries under it: it is cut to %d (%q); a heading this long is text, not a title",
			utf8.RuneCountInString(g), utf8.RuneCountInString(cut), c)
		return c
	}
	for i := range doc.Groups {
		doc.Groups[i].Name = cutGroup(doc.Groups[i].Name, doc.Groups[i].Source)
	}
	bound := textBound(src)
	total := 0
	for i, e := range doc.Entries {
		e.Group = cutGroup(e.Group, e.Source)
		total += entryTextLen(e)
		if total <= bound {
			continue
		}
		doc.Diags.Add(e.Source, catalog.Error, RuleRepeatedText,
			"the entries of this source would hold more than %d MB of text (at most %d times a source's size, or %d MB): text is repeated across entries (a note many rows refer to, a cell spanning many rows); the %d entries from here on keep their codes and statuses only",
			bound>>20, textPerByte, textFloor>>20, len(doc.Entries)-i)
		for _, e := range doc.Entries[i:] {
			e.Message, e.Description, e.Resolution = "", "", ""
			e.SetFields(nil)
			e.SetTranslations(nil)
		}
		return
	}
}

// entryTextLen is the length of the text e holds.
func entryTextLen(e *catalog.Entry) int {
	n := len(e.Code) + len(e.Group) + len(e.Message) + len(e.Description) + len(e.Resolution)
	for _, f := range e.Fields() {
		n += len(f.Name) + len(f.Value)
	}
	for _, t := range e.Translations() {
		n += len(t.Group) + len(t.Message) + len(t.Description) + len(t.Resolution)
	}
	return n
}

// cutRunes returns s cut to at most n runes, at the last space of its last fifth when it has
// one, and whether s is longer than that. It looks at the first n+1 runes of s only.
func cutRunes(s string, n int) (string, bool) {
	end, k := 0, 0
	for end < len(s) && k < n {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		k++
	}
	if end >= len(s) {
		return s, false
	}
	cut := s[:end]
	if sp := strings.LastIndexAny(cut, " \t"); sp >= end*4/5 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " \t"), true
}
