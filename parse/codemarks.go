package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the part of the interpreter that tells a code from what decorates it where
// it is written: a pictograph before it ("❌ E_GONE", "■ PK-A01", "⚠️ **E_BUSY**") is no
// part of the code, and cleanCode leaves it out.

// decoration reports whether r only decorates the text it stands before: a pictograph or
// other symbol (emoji, ✅ ❌ ⚠ ■ ● ▶ ○ ★ ✓), an arrow, a bullet or reference mark (• ※),
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
	case '※', '•', '‣', '⁃', '·', '◦':
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
