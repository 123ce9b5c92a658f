package parse

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// legacyCJK decodes text that is not UTF-8 when it is Korean, Japanese or Chinese as
// Windows software still saves it (a spreadsheet exported as CSV, a page saved from an old
// site): EUC-KR (CP949), Shift_JIS or GB18030; else Western text in Windows-1252. It returns the decoded text and the
// encoding's name, or ok false when no encoding's byte ranges fit the bytes and read
// them into text of its own language. The three share byte ranges (GB2312 and EUC-KR both pair bytes A1-FE), so a
// decoding counts only when what it gives looks like its language: Korean nearly all
// Hangul, Japanese with kana (half-width kana are what Chinese bytes become), Chinese
// nearly all Han with neither. x/text has the decoders; no detector here is made for
// this (the ones that exist guess from frequency tables for any of dozens of encodings).
func legacyCJK(text []byte) (dec []byte, name string, ok bool) {
	if mostlyUTF8(text) {
		return nil, "", false // UTF-8 with a few bad bytes, not another encoding
	}
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
		// bytes says whether the raw bytes are this encoding's: nearly every pair of
		// high bytes in the ranges its common characters take (KS X 1001 for Korean,
		// GB2312 for Chinese). Decoded text alone misleads: CP949's extension reads
		// Shift_JIS kana as Hangul, and GB18030 reads any Latin-1 letter before an
		// ASCII byte as a Han character.
		bytes func(text []byte) bool
		fits  func(s cjkCount) bool
	}{
		{"EUC-KR (CP949)", korean.EUCKR, func(t []byte) bool { return mostPairsIn(t, 0xA1, 0xFE, 0xA1, 0xFE) }, func(s cjkCount) bool {
			return s.hangul > 0 && s.hangul*10 >= (s.hangul+s.han+s.kana+s.halfKana)*9
		}},
		{"Shift_JIS", japanese.ShiftJIS, func([]byte) bool { return true }, func(s cjkCount) bool {
			return s.kana > 0 && s.halfKana*20 <= s.kana+s.han && s.hangul == 0
		}},
		{"GB18030", simplifiedchinese.GB18030, func(t []byte) bool { return mostPairsIn(t, 0xA1, 0xF7, 0xA1, 0xFE) }, func(s cjkCount) bool {
			return s.han > 0 && s.kana+s.halfKana+s.hangul == 0
		}},
		// Last, Western text as Windows software saves it (an English spreadsheet's
		// curly quotes, "café"): every byte is a character there but five.
		{"Windows-1252", charmap.Windows1252, cp1252Bytes, func(s cjkCount) bool {
			return s.hangul+s.kana+s.halfKana+s.han == 0
		}},
	} {
		if !c.bytes(text) {
			continue
		}
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

// mostPairsIn reports whether at least 95% of the pairs of bytes that begin with a byte
// above 0x7F have their lead and trail in the ranges given (a double-byte encoding's
// common characters), and there is at least one.
func mostPairsIn(t []byte, leadLo, leadHi, trailLo, trailHi byte) bool {
	in, all := 0, 0
	for i := 0; i < len(t); i++ {
		if t[i] < 0x80 {
			continue
		}
		all++
		if i+1 < len(t) && t[i] >= leadLo && t[i] <= leadHi && t[i+1] >= trailLo && t[i+1] <= trailHi {
			in++
		}
		i++
	}
	return all > 0 && in*20 >= all*19
}

// cp1252Bytes reports whether t reads as Western text in Windows-1252: every byte above
// 0x7F is a character there (0x81, 0x8D, 0x8F, 0x90 and 0x9D are none), and each is
// either typographic punctuation (curly quotes, dashes, the ellipsis) or a letter beside
// an ASCII letter ("Schl\xfcssel", "caf\xe9"). A stray byte between spaces is damage, not
// a letter: it is replaced, with a warning naming its line.
func cp1252Bytes(t []byte) bool {
	for i, b := range t {
		if b < 0x80 {
			continue
		}
		switch {
		case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D:
			return false
		case b >= 0x91 && b <= 0x97 || b == 0x85 || b == 0xA0:
			continue // ‘ ’ “ ” • – — … and the no-break space
		}
		if !(i > 0 && isASCIILetter(t[i-1]) || i+1 < len(t) && isASCIILetter(t[i+1])) {
			return false
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// mostlyUTF8 reports whether text holds at least as many valid multi-byte UTF-8
// characters as bytes that are not UTF-8: a UTF-8 file with a stray byte, which a legacy
// decoding would turn all into mojibake. Text in a legacy encoding forms a valid UTF-8
// sequence only by chance, far less often than an invalid one.
func mostlyUTF8(text []byte) bool {
	valid, invalid := 0, 0
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid++
		}
		text = text[size:]
	}
	return valid > 0 && valid >= invalid
}
