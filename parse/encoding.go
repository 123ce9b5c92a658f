package parse

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// legacyCJK decodes text that is not UTF-8 when it is Korean, Japanese or Chinese as
// Windows software still saves it (a spreadsheet exported as CSV, a page saved from an old
// site): EUC-KR (CP949), Shift_JIS or GB18030. It returns the decoded text and the
// encoding's name, or ok false when no encoding reads every byte into text of its own
// language. The three share byte ranges (GB2312 and EUC-KR both pair bytes A1-FE), so a
// decoding counts only when what it gives looks like its language: Korean nearly all
// Hangul, Japanese with kana (half-width kana are what Chinese bytes become), Chinese
// nearly all Han with neither. x/text has the decoders; no detector here is made for
// this (the ones that exist guess from frequency tables for any of dozens of encodings).
func legacyCJK(text []byte) (dec []byte, name string, ok bool) {
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
		fits func(s cjkCount) bool
	}{
		{"EUC-KR (CP949)", korean.EUCKR, func(s cjkCount) bool {
			return s.hangul > 0 && s.hangul*10 >= (s.hangul+s.han+s.kana+s.halfKana)*9
		}},
		{"Shift_JIS", japanese.ShiftJIS, func(s cjkCount) bool {
			return s.kana > 0 && s.halfKana*20 <= s.kana+s.han && s.hangul == 0
		}},
		{"GB18030", simplifiedchinese.GB18030, func(s cjkCount) bool {
			return s.han > 0 && s.kana+s.halfKana+s.hangul == 0
		}},
	} {
		d, err := c.enc.NewDecoder().Bytes(text)
		if err != nil || bytes.ContainsRune(d, utf8.RuneError) || !utf8.Valid(d) {
			continue
		}
		if c.fits(countCJK(d)) {
			return d, c.name, true
		}
	}
	return nil, "", false
}

// cjkCount counts the characters of each CJK script in a text.
type cjkCount struct{ hangul, kana, halfKana, han int }

func countCJK(d []byte) cjkCount {
	var s cjkCount
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		switch {
		case r < 0x3000:
		case r >= 0xAC00 && r <= 0xD7A3:
			s.hangul++
		case r >= 0x3040 && r <= 0x30FF:
			s.kana++
		case r >= 0xFF61 && r <= 0xFF9F:
			s.halfKana++
		case r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF:
			s.han++
		}
	}
	return s
}
