package parse

import (
	"bytes"
	"context"
	"sort"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"docgen/catalog"
)

// Source is one source document, normalized for reading: UTF-16 decoded, a leading BOM removed, CRLF and
// lone CR turned into LF, Korean, Japanese, Chinese or Western text in a legacy encoding
// decoded (legacyCJK), other invalid UTF-8 replaced by U+FFFD and the text in Unicode NFC (Hangul
// from some editors arrives decomposed). None of these changes moves a line, so every
// position in Text is a position in the original file.
type Source struct {
	Path string // as given, slash-separated
	Text []byte
	// Diags are what reading the bytes found: lines whose bytes were not UTF-8.
	Diags catalog.Diagnostics
	// lines holds the byte offset at which each line starts; lines[0] is 0. 32 bits
	// (Text is at most MaxSourceSize): the index of a source of short lines is a third
	// of its size at 64.
	lines []uint32
	md    *mdDoc // the Markdown parse, made once by markdown()
	html  *Doc   // the HTML reader's result, made by its Detect and taken by its Read
	// scraped is the scraped reader's result when its Detect had to read the whole source
	// (no error table: code headings); its Read takes it.
	scraped *Doc
	// scan is the scraped reader's scan of the whole source, made by its Detect when it
	// did not stop early, and taken by its Read.
	scan *scanner
	ix   *posIndex // made once by posIx
	// ctx, set by ReadContext, is checked by the readers between lines and blocks.
	ctx context.Context
	// orig, when set, is the source this one was made from by blanking parts of it (MDX
	// components): a cell empty here may have held something there.
	orig *Source
	// over is the source's override from docgen.yaml, set by Read; nil when none.
	over *Override
	// usedColumns are the headers of over.Columns that named a column or field of the
	// source, as any reader saw it: one that named none changes nothing, an error.
	usedColumns map[string]bool
	overCols    map[string]string // over.Columns' headers by their folded spelling
	// notes says the read keeps its Notes (Meta.Notes): off, a read of 200,000 code
	// headings does not hold 200,000 lines of explanation nobody asked for.
	notes bool
}

// release lets go of what the readers other than the one named made while detecting: the
// scraped reader's scan of a large Markdown file is several times its size, and would stay
// alive for as long as the Markdown read takes.
func (src *Source) release(keep string) {
	if keep != "markdown" {
		src.md = nil
	}
	if keep != "html" {
		src.html = nil
	}
	if keep != "scraped" {
		src.scraped, src.scan = nil, nil
	}
}

// str returns Text[start:end] as a string that shares Text's memory: no copy. Text is
// never written after NewSource (which makes it the Source's own), so the string cannot
// change. A reader keeps what it extracts verbatim this way; the standard library has no
// safe zero-copy conversion, and copying every span doubled the memory of a large read
// (the raw Markdown of every block and description is a span of the source).
func (src *Source) str(start, end int) string {
	if start >= end {
		return ""
	}
	return unsafe.String(&src.Text[start], end-start)
}

// text returns b as a string: a view of Text when b lies in it (str: no copy), else a
// copy. A front-end that parses parts of the source keeps the text of a block this way.
func (src *Source) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) <= len(src.Text) {
		// Addresses are compared, never turned back into pointers.
		start, p := uintptr(unsafe.Pointer(&src.Text[0])), uintptr(unsafe.Pointer(&b[0]))
		if p >= start && p-start <= uintptr(len(src.Text)-len(b)) {
			off := int(p - start)
			return src.str(off, off+len(b))
		}
	}
	return string(b)
}

// posIx returns the source's position index, made on first use: a position found through
// it costs the same on a 200 KB line as on a short one.
func (src *Source) posIx() *posIndex {
	if src.ix == nil {
		src.ix = newPosIndex(src)
	}
	return src.ix
}

// MaxSourceSize is the largest text a Source holds, after decoding: offsets into it are
// kept in 32 bits. A larger one is read as empty, with an error.
const MaxSourceSize = 1 << 30

// NewSource normalizes raw and indexes its lines: UTF-16 with a byte order mark is
// decoded, a UTF-8 byte order mark dropped, line ends made "\n", bytes that are not UTF-8
// replaced by U+FFFD (each line that had some gets a warning, see Diags), and the text
// put in NFC.
func NewSource(path string, raw []byte) *Source {
	return newSource(path, raw, false)
}

// NewSourceOwned is NewSource for a caller that hands raw over: it never writes or
// reuses raw again, so the Source may keep it as its text rather than a copy (a large
// file is then held once while it is read, not twice).
func NewSourceOwned(path string, raw []byte) *Source {
	return newSource(path, raw, true)
}

func newSource(path string, raw []byte, given bool) *Source {
	var diags catalog.Diagnostics
	// Text must be the Source's own: str hands out strings that share its memory, so it
	// may never change, and the caller may reuse raw unless it gave it. owned says
	// whether text is already the Source's (each step below but TrimPrefix makes a copy).
	text, owned := raw, given
	if utf16BOM(raw) {
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		if t, _, err := transform.Bytes(dec, raw); err == nil {
			text, owned = t, true
		}
	}
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(text, '\r') >= 0 {
		text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
		text, owned = bytes.ReplaceAll(text, []byte("\r"), []byte("\n")), true
	}
	if !utf8.Valid(text) {
		if dec, name, ok := legacyCJK(text); ok {
			diags.Add(catalog.Pos{File: path, Line: 1, Col: 1}, catalog.Warning, catalog.RuleInvalidUTF8,
				"the file is not UTF-8: read as %s, the encoding its bytes and text fit; save it as UTF-8 to be sure", name)
			text, owned = dec, true
		} else {
			diags = invalidUTF8Lines(path, text)
			text, owned = bytes.ToValidUTF8(text, []byte("\uFFFD")), true
		}
	}
	if !plainNFC(text) && !norm.NFC.IsNormal(text) {
		text, owned = norm.NFC.Bytes(text), true
	}
	if len(text) > MaxSourceSize {
		diags.Add(catalog.Pos{File: path, Line: 1, Col: 1}, catalog.Error, "too-large",
			"the source is %d bytes once decoded, more than the %d docgen reads; split it", len(text), MaxSourceSize)
		text, owned = nil, true
	}
	if !owned {
		text = bytes.Clone(text)
	}
	s := &Source{Path: path, Text: text, Diags: diags}
	s.lines = make([]uint32, 1, 1+bytes.Count(text, []byte("\n")))
	for i, b := range text {
		if b == '\n' && i+1 < len(text) {
			s.lines = append(s.lines, uint32(i+1))
		}
	}
	return s
}

// plainNFC reports whether text, valid UTF-8, is made only of characters that are in NFC
// whatever stands around them: ASCII and the rest of Latin-1, Hangul syllables, CJK
// ideographs, kana and CJK punctuation. Each of these has no decomposition, combining
// class 0, and is never the second character of a canonical composition (those are
// combining marks, conjoining jamo and a few vowel signs), so text made only of them is
// normalized. It is a fast first test, not a replacement for norm: x/text's IsNormal looks
// every rune up in its tables and cost a fifth of reading a Korean table (TestPlainNFC
// checks the two agree). False means "ask norm".
func plainNFC(text []byte) bool {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		switch {
		case r < 0x300, // Latin-1 and Latin Extended-A/B, before the combining marks
			r >= 0xAC00 && r <= 0xD7A3,                               // Hangul syllables
			r >= 0x4E00 && r <= 0x9FFF,                               // CJK unified ideographs
			r >= 0x3000 && r <= 0x3096,                               // CJK punctuation, hiragana (before the combining sound marks)
			r >= 0x309B && r <= 0x30FF,                               // spacing sound marks, katakana
			r >= 0xFF01 && r <= 0xFF5E,                               // full-width ASCII forms
			r >= 0x2000 && r <= 0x206F && r != 0x2000 && r != 0x2001: // general punctuation (U+2000/1 decompose)
		default:
			return false
		}
	}
	return true
}

// LineCount returns the number of lines of the source.
func (s *Source) LineCount() int {
	if len(s.Text) == 0 {
		return 0
	}
	return len(s.lines)
}

// Line returns line n (from 1) without its newline, or nil past the end.
func (s *Source) Line(n int) []byte {
	if n < 1 || n > len(s.lines) || len(s.Text) == 0 {
		return nil
	}
	start := int(s.lines[n-1])
	end := len(s.Text)
	if n < len(s.lines) {
		end = int(s.lines[n])
	}
	return bytes.TrimSuffix(s.Text[start:end], []byte("\n"))
}

// LineStart returns the byte offset at which line n (from 1) starts.
func (s *Source) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(s.lines) {
		return len(s.Text)
	}
	return int(s.lines[n-1])
}

// Pos returns the position of byte offset off: its line, and its column counted in runes.
// An offset past the end is clamped to the end, one on a newline to the end of its line,
// one inside a character to the character.
func (s *Source) Pos(off int) catalog.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(s.Text) {
		off = len(s.Text)
	}
	i := s.lineOf(off)
	start := int(s.lines[i])
	// An offset on a line's newline, or past the final one, is just after the line's text.
	off = min(off, start+len(s.Line(i+1)))
	for off > start && off < len(s.Text) && !utf8.RuneStart(s.Text[off]) {
		off-- // inside a character (a parser's offset into a replaced byte): its start
	}
	col := utf8.RuneCount(s.Text[start:off]) + 1
	return catalog.Pos{File: s.Path, Line: i + 1, Col: col}
}

// lineOf returns the index in lines of the line that holds byte offset off (0 ≤ off ≤
// len(Text)).
func (s *Source) lineOf(off int) int {
	return sort.Search(len(s.lines), func(i int) bool { return int(s.lines[i]) > off }) - 1
}

// LinePos returns the position of the first column of line n.
func (s *Source) LinePos(n int) catalog.Pos {
	return catalog.Pos{File: s.Path, Line: n, Col: 1}
}

// utf16BOM reports whether raw begins with a UTF-16 byte order mark.
func utf16BOM(raw []byte) bool {
	return len(raw) >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))
}

// maxEncodingDiags is how many lines with bytes that are not UTF-8 get a warning of their
// own; the last warning counts the rest.
const maxEncodingDiags = 20

// invalidUTF8Lines returns a warning for each line of text that holds bytes that are not
// UTF-8, naming the line and the first such byte's column.
func invalidUTF8Lines(path string, text []byte) catalog.Diagnostics {
	var d catalog.Diagnostics
	line, more := 1, 0
	for len(text) > 0 {
		end := bytes.IndexByte(text, '\n')
		l := text
		if end >= 0 {
			l, text = text[:end], text[end+1:]
		} else {
			text = nil
		}
		if !utf8.Valid(l) {
			if len(d) < maxEncodingDiags {
				col := 1
				for i := 0; i < len(l); {
					r, size := utf8.DecodeRune(l[i:])
					if r == utf8.RuneError && size <= 1 {
						break
					}
					i += size
					col++
				}
				d.Add(catalog.Pos{File: path, Line: line, Col: col}, catalog.Warning, catalog.RuleInvalidUTF8,
					"bytes that are not UTF-8 replaced by U+FFFD: save the file as UTF-8")
			} else {
				more++
			}
		}
		line++
	}
	if more > 0 {
		last := d[len(d)-1].Pos
		d.Add(last, catalog.Warning, catalog.RuleInvalidUTF8, "%d more lines hold bytes that are not UTF-8", more)
	}
	return d
}
