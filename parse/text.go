package parse

import (
	"regexp"
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

// isDate reports whether s is a calendar date, or a date and a time of day: written with
// numbers, year first ("2024-05-01", "2024/05/01", "2024.5.1", "2024-05", Korean's
// "2025. 4. 18.", "2025년 4월 18일", "2024年3月1日") or last ("18.04.2025", "04/18/2025"),
// or with an English month ("Mar 1, 2024", "1 March 2024"); maybe a weekday in
// parentheses after it ("(월)"), and a time ("2024-03-01 10:00:00", "2024-03-01T10:00Z",
// "2024. 3. 1. 오후 2:05:00", "Mar 1, 2024 10:00 AM"). A date says when, never what: it is
// no code, and no message.
func isDate(s string) bool {
	if len(s) < 6 || len(s) > maxDateLen {
		return false
	}
	if numericDate(s) {
		return true
	}
	if c := s[0]; !(c >= '0' && c <= '9') && !(c|0x20 >= 'a' && c|0x20 <= 'z') {
		return false
	}
	m := reDateTime.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	day := func(d string, most int) bool {
		n, err := strconv.Atoi(d)
		return err == nil && n >= 1 && n <= most
	}
	switch {
	case m[1] != "":
		return day(m[1], 12) && day(m[2], 31) // year, month, day
	case m[3] != "":
		return day(m[3], 31) && day(m[4], 31) && (day(m[3], 12) || day(m[4], 12)) // day and month, either first
	}
	return true // a month's name
}

// dayDate reports whether s is a date that names its day (isDate), maybe with a time:
// "2024-05" or "2024.5" name a month, which a numeric code may also be written as.
func dayDate(s string) bool { return isDate(s) && !(len(s) <= 7 && numericDate(s)) }

// maxDateLen is the longest text isDate reads as a date.
const maxDateLen = 48

// reDateTime matches the dates and times isDate reads beyond numericDate's: groups 1 and 2
// are the month and day of a date written year first, 3 and 4 the day and month (either
// order) of one written year last.
var reDateTime = regexp.MustCompile(`^(?:` +
	`(?:19|20)\d\d\s*[-/.년年]\s*(\d{1,2})\s*[-/.월月]\s*(\d{1,2})\s*[.일日]?` +
	`|(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(?:19|20)\d\d` +
	`|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d` +
	`|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d` +
	`)(?:\s*[(（][^)）]{1,6}[)）])?` +
	`(?:(?:\s+|T)(?:(?:오전|오후|午前|午後|上午|下午)\s*)?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?` +
	`\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{3})?)?$`)

// numericDate reports whether s is a date written with numbers, year first and with one
// separator, and nothing else: "2024-05-01", "2024/05/01", "2024.5.1", "2024-05" (a year
// from 1900 to 2099, a month, maybe a day).
func numericDate(s string) bool {
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
