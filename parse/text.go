package parse

import (
	"strconv"
	"strings"
	"unicode"
)

func itoa(n int) string { return strconv.Itoa(n) }

// hasWordRune reports whether s holds a letter or a digit.
func hasWordRune(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// langSample is how much of a document DetectLang looks at: enough letters to tell, and no
// cost that grows with a 10 MB source.
const langSample = 64 << 10

// DetectLang guesses the BCP 47 language of a document from the letters of its first 64 KiB:
// "ko" when Hangul makes up at least a tenth of them, "ja" or "zh" likewise for kana and
// Han, else "en".
func DetectLang(text []byte) string {
	if len(text) > langSample {
		text = text[:langSample]
	}
	var letters, hangul, kana, han int
	for _, r := range string(text) {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	switch {
	case letters == 0:
		return "en"
	case hangul*10 >= letters:
		return "ko"
	case kana*10 >= letters:
		return "ja"
	case han*10 >= letters:
		return "zh"
	}
	return "en"
}

// codeLike reports whether a heading's text is written like an error code and nothing
// else: one token of letters, digits and _ . : - with a code's typical marks, an
// underscore, a digit, ALL CAPS or an inner capital (camelCase, PascalCase with two
// humps). A plain word such as "Overview" or "Authentication" is not code-like; under a
// status heading any one-token heading is a code (see isToken).
func codeLike(s string) bool {
	if !isToken(s) || isDate(s) {
		return false // "2024-05-01" is a date, never a code
	}
	upper, lower, inner := 0, 0, false
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r):
			upper++
			if i > 0 {
				inner = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	if !isASCII(s) {
		// Letters of other scripts: the capitals of "在庫を確認した結果" make no code.
		return false
	}
	return inner || (upper > 1 && lower == 0)
}

// isToken reports whether s is one token that could be a code: no spaces, made of letters,
// digits and _ . : - only, with at least one letter or digit.
func isToken(s string) bool {
	if s == "" || !hasWordRune(s) {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == ':' || r == '-') {
			return false
		}
	}
	return true
}

// trimBlankLines drops leading and trailing blank lines and trailing space.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\n")
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimSpace(s[:i]) != "" {
			return s
		}
		s = s[i+1:]
	}
}

// sectionWords are words written in capitals that head sections, not codes: a heading
// "HTTP" or "FAQ" is no error code.
var sectionWords = map[string]bool{
	"HTTP": true, "HTTPS": true, "API": true, "APIS": true, "FAQ": true, "JSON": true, "XML": true,
	"REST": true, "SDK": true, "URL": true, "URI": true, "CLI": true, "UI": true, "TOC": true,
	"README": true, "TODO": true, "NOTE": true, "NOTES": true, "HTML": true, "CSV": true, "OAUTH": true,
}

// sectionWord reports whether a one-word heading is a section word (sectionWords) or a
// date ("2024-05-01", a changelog's).
func sectionWord(s string) bool { return sectionWords[strings.ToUpper(s)] || isDate(s) }

// isDate reports whether s is a calendar date written with numbers, year first: "2024-05-01",
// "2024/05/01", "2024.5.1", "2024-05" (a year from 1900 to 2099, a month, maybe a day).
func isDate(s string) bool {
	if len(s) < 6 || len(s) > 10 || !yearLike(s[:4]) {
		return false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return false
	}
	parts := strings.Split(s[5:], string(sep))
	if len(parts) > 2 {
		return false
	}
	for k, p := range parts {
		if len(p) < 1 || len(p) > 2 || !isDigits(p) {
			return false
		}
		n, _ := strconv.Atoi(p)
		if n < 1 || (k == 0 && n > 12) || n > 31 {
			return false
		}
	}
	return true
}

// yearLike reports whether s is four digits from 1900 to 2099: a year, or a numeric code
// in that range ("2001 잔액 부족"), which only what follows it tells apart.
func yearLike(s string) bool {
	return len(s) == 4 && isDigits(s) && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}
