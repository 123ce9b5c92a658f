package openapi

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// yamlEmitter writes the tree (see value.go) as block-style YAML.
//
// It is hand-written, not goccy/go-yaml's encoder (which still reads YAML), for speed and
// memory. On the document of 100,000 error codes (68 MB of YAML) goccy's
// MarshalWithOptions took about 5 s of CPU and allocated 3.5 GB, most of it deciding per
// scalar whether it needs quotes (token.IsNeedQuoted, isTimestamp), and it wants the whole
// document as one value and returns one byte slice. This emitter takes about 0.25 s for
// the same document, streams it to a bufio.Writer and allocates nothing per value; with it
// WriteFiles went from 11 s, 4.5 GB allocated and 2.8 GB peak RSS to 1.9 s, 0.4 GB and
// 0.12 GB (BenchmarkWriteFiles -entries 100000, profiled). The tree has only JSON's
// shapes, so the rules are few, and they are chosen to be safe rather than pretty:
//
//   - Objects and arrays are block style, indented by unit spaces; an array under a key is
//     indented too ("key:\n  - a"); an object or array in an array starts on the dash's
//     line ("- key: v", "- - a"). Empty ones are {} and [].
//   - A string (key or value) is plain only when no YAML 1.1 or 1.2 reader can take it
//     for anything else (isPlain): it starts with a letter, "_", "/" or "$" (so never a
//     number, a timestamp, .inf, ~ or an indicator such as - ? : , [ ] { } # & * ! | > ' "
//     % @ `), is not a word that reads as a boolean or null in any case (true, false, yes,
//     no, on, off, y, n, null), holds only printable characters and a few ASCII signs
//     (letters, digits, space and _./$#-,;()'+=?!%@~^:), has no ": " or " #" and does
//     not end in a space or ":".
//   - A value of several lines is a literal block (| or |-, by its final newline) when that
//     is exact and simple: every character printable, no tab or CR, no line ending in a
//     space, the first line neither empty nor starting with a space, at most one final
//     newline. Empty lines are written without indentation.
//   - Every other string, and every key that is not plain, is double-quoted with JSON's
//     escapes (\" \\ \b \f \n \r \t, \u00XX), which YAML's double quotes read the same.
//     What unicode.IsPrint does not call printable is escaped too (\uXXXX, or \UXXXXXXXX
//     above U+FFFF): DEL, the C1 controls (U+0085 is a line break to YAML 1.1), spaces
//     other than U+0020, U+2028, U+2029, U+FEFF, private-use and unassigned code points.
//     A byte of invalid UTF-8 becomes \ufffd, as in the JSON document.
//   - A key longer than 1000 characters as written is an explicit key ("? key" then
//     ": value"): YAML limits an implicit key to 1024 characters. A string value after
//     such a key is never a literal block, which goccy/go-yaml cannot read there.
//   - Numbers are written as the JSON writer writes them, except that a float in exponent
//     form or a whole one beyond int64 gets a fraction (1.0e+21, not 1e+21; 1e20 as
//     100000000000000000000.0), which YAML 1.1 readers (and goccy) otherwise take for a
//     string. null, true and false as they are.
type yamlEmitter struct {
	w       *bufio.Writer
	unit    int
	scratch []byte // reused by every quoted string
	err     error  // the first value that has no YAML form
}

func newYAMLEmitter(w io.Writer, unit int) *yamlEmitter {
	return &yamlEmitter{w: bufio.NewWriterSize(w, 64<<10), unit: unit}
}

// maxImplicitKey is the longest key, as written, that goes before ": ".
const maxImplicitKey = 1000

// document writes v as a whole YAML document, with a final newline.
func (e *yamlEmitter) document(v any) error {
	switch v := v.(type) {
	case *omap:
		if v.len() == 0 {
			e.w.WriteString("{}\n")
		} else {
			e.mapEntries(v, 0, false)
		}
	case []any:
		if len(v) == 0 {
			e.w.WriteString("[]\n")
		} else {
			e.seqItems(v, 0, false)
		}
	default:
		if s, ok := v.(string); ok {
			e.quotedOrPlain(s)
		} else {
			e.scalar(v)
		}
		e.w.WriteByte('\n')
	}
	return e.err
}

const spaces64 = "                                                                "

// spaces writes n spaces.
func (e *yamlEmitter) spaces(n int) {
	for n > len(spaces64) {
		e.w.WriteString(spaces64)
		n -= len(spaces64)
	}
	e.w.WriteString(spaces64[:n])
}

// entry writes one member of an object whose keys are at column col, the key's line
// indented already when inline (it follows "- "), and the value's lines after it.
func (e *yamlEmitter) entry(k string, v any, col int, inline bool) error {
	if !inline {
		e.spaces(col)
	}
	if e.key(k, col) {
		if s, ok := v.(string); ok {
			// goccy/go-yaml does not read a block scalar after an explicit key.
			e.w.WriteString(": ")
			e.quotedOrPlain(s)
			e.w.WriteByte('\n')
			return e.err
		}
	}
	e.afterKey(v, col)
	return e.err
}

// mapEntries writes the members of a non-empty object at column col.
func (e *yamlEmitter) mapEntries(m *omap, col int, inline bool) {
	for i, k := range m.keys {
		e.entry(k, m.vals[k], col, inline && i == 0)
	}
}

// seqItems writes the items of a non-empty array with their dashes at column col.
func (e *yamlEmitter) seqItems(a []any, col int, inline bool) {
	for i, x := range a {
		if !inline || i > 0 {
			e.spaces(col)
		}
		e.w.WriteByte('-')
		e.item(x, col)
	}
}

// key writes an object's key; a long one as an explicit key, leaving the line at the
// object's column for the ":", and then reports true.
func (e *yamlEmitter) key(k string, col int) (explicit bool) {
	if isPlain(k) && len(k) <= maxImplicitKey {
		e.w.WriteString(k)
		return false
	}
	e.scratch = appendYAMLQuoted(e.scratch[:0], k)
	if utf8.RuneCount(e.scratch) <= maxImplicitKey {
		e.w.Write(e.scratch)
		return false
	}
	e.w.WriteString("? ")
	e.w.Write(e.scratch)
	e.w.WriteByte('\n')
	e.spaces(col)
	return true
}

// afterKey writes ":" and the value of a key at column col, up to the end of its last line.
func (e *yamlEmitter) afterKey(v any, col int) {
	w := e.w
	switch v := v.(type) {
	case *omap:
		if v.len() == 0 {
			w.WriteString(": {}\n")
			return
		}
		w.WriteString(":\n")
		e.mapEntries(v, col+e.unit, false)
	case []any:
		if len(v) == 0 {
			w.WriteString(": []\n")
			return
		}
		w.WriteString(":\n")
		e.seqItems(v, col+e.unit, false)
	case string:
		w.WriteString(": ")
		e.str(v, col)
	default:
		w.WriteString(": ")
		e.scalar(v)
		w.WriteByte('\n')
	}
}

// item writes an array item after its dash at column col, up to the end of its last line.
func (e *yamlEmitter) item(v any, col int) {
	w := e.w
	switch v := v.(type) {
	case *omap:
		if v.len() == 0 {
			w.WriteString(" {}\n")
			return
		}
		w.WriteByte(' ')
		e.mapEntries(v, col+2, true)
	case []any:
		if len(v) == 0 {
			w.WriteString(" []\n")
			return
		}
		w.WriteByte(' ')
		e.seqItems(v, col+2, true)
	case string:
		w.WriteByte(' ')
		e.str(v, col)
	default:
		w.WriteByte(' ')
		e.scalar(v)
		w.WriteByte('\n')
	}
}

// str writes a string value of the node at column col (its key's or its dash's) and ends
// the line: as a literal block indented by one unit more when it can be, else plain or
// quoted.
func (e *yamlEmitter) str(s string, col int) {
	if header, ok := literalHeader(s, e.unit); ok {
		e.w.WriteString(header)
		e.w.WriteByte('\n')
		e.literalLines(s, col+e.unit)
		return
	}
	e.quotedOrPlain(s)
	e.w.WriteByte('\n')
}

func (e *yamlEmitter) quotedOrPlain(s string) {
	if isPlain(s) {
		e.w.WriteString(s)
		return
	}
	e.scratch = appendYAMLQuoted(e.scratch[:0], s)
	e.w.Write(e.scratch)
}

// literalLines writes the lines of a literal block at column col; empty lines stay empty.
func (e *yamlEmitter) literalLines(s string, col int) {
	s = strings.TrimSuffix(s, "\n") // the last line break is the header's chomping
	for {
		line, rest, more := strings.Cut(s, "\n")
		if line != "" {
			e.spaces(col)
			e.w.WriteString(line)
		}
		e.w.WriteByte('\n')
		if !more {
			return
		}
		s = rest
	}
}

// scalar writes null, a boolean or a number.
func (e *yamlEmitter) scalar(v any) {
	b, err := appendScalar(e.w.AvailableBuffer(), v, appendYAMLFloat)
	if err != nil {
		e.fail(err)
		b = append(b[:0], "null"...)
	}
	e.w.Write(b)
}

func (e *yamlEmitter) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// appendYAMLFloat appends f as the JSON writer does, but with a fraction where YAML readers
// need one to see a float: before an exponent (YAML 1.1, and goccy/go-yaml, read 1e+21 as
// a string, 1.0e+21 as a float), and after a whole number too large for an int64 (which
// goccy/go-yaml reads as a string).
func appendYAMLFloat(dst []byte, f float64) []byte {
	start := len(dst)
	dst = appendJSONFloat(dst, f)
	num := dst[start:]
	if bytes.IndexByte(num, '.') >= 0 {
		return dst
	}
	if i := bytes.IndexByte(num, 'e'); i >= 0 {
		dst = append(dst, ".0"...)
		copy(dst[start+i+2:], dst[start+i:len(dst)-2])
		copy(dst[start+i:], ".0")
		return dst
	}
	if f < -(1<<63) || f >= 1<<63 {
		dst = append(dst, ".0"...)
	}
	return dst
}

// yamlSpecialWords are the words a YAML 1.1 or 1.2 reader takes for a boolean or null
// (in any case); none may be written plain.
var yamlSpecialWords = []string{"true", "false", "yes", "no", "on", "off", "y", "n", "null"}

// plainASCII marks the ASCII characters a plain string may hold (with the rules of
// isPlain about spaces, '#' and ':').
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	// Not '&', '*', '<' or '>', though YAML allows them inside a plain scalar: goccy/go-yaml
	// reads "A<<: x" as a merge key (found by FuzzYAMLEmit), and anchors, aliases and
	// merges are where readers differ most.
	for _, c := range " _./$#-,;()'+=?!%@~^:" {
		t[c] = true
	}
	return t
}()

// isPlain reports whether s can be written as a plain scalar and read back as the same
// string by any YAML 1.1 or 1.2 reader.
func isPlain(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c == '_' || c == '/' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
			return false
		}
	default:
		return false
	}
	if last := s[len(s)-1]; last == ' ' || last == ':' {
		return false
	}
	if len(s) <= 5 {
		for _, w := range yamlSpecialWords {
			if strings.EqualFold(s, w) {
				return false
			}
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !plainASCII[c] {
				return false
			}
			// ": " starts a value, " #" a comment; s does not end in either character.
			if (c == ':' && s[i+1] == ' ') || (c == ' ' && s[i+1] == '#') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !printable(r, size) {
			return false
		}
		i += size
	}
	return true
}

// printable reports whether the rune r (of size bytes, at or above U+0080) may stand as it
// is in plain and literal text: valid UTF-8, and a letter, mark, number, punctuation or
// symbol. That leaves out the C1 controls (U+0085 is a line break to YAML 1.1), every
// space but U+0020, U+2028, U+2029, U+FEFF and unassigned code points.
func printable(r rune, size int) bool {
	if 0xAC00 <= r && r <= 0xD7A3 {
		return true // a Hangul syllable: most of the text of Korean catalogs
	}
	return !(r == utf8.RuneError && size == 1) && unicode.IsPrint(r)
}

// literalHeader returns the header of the literal block that writes s exactly, indented
// by unit, or false when s is better double-quoted.
func literalHeader(s string, unit int) (string, bool) {
	if !strings.Contains(s, "\n") || strings.Trim(s, "\n") == "" {
		return "", false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
			case c == ' ':
				if i+1 == len(s) || s[i+1] == '\n' {
					return "", false // a line that ends in a space
				}
			case c < 0x20 || c == 0x7f:
				return "", false // tab, CR and other controls
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !printable(r, size) {
			return "", false
		}
		i += size
	}
	// Only the plain cases: a first line that starts with a space needs an indentation
	// indicator, and final empty lines the keep indicator (|+); goccy/go-yaml misreads
	// "|2+" at the end of a document (found by FuzzYAMLEmit), so those strings are quoted.
	if strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, "\n\n") {
		return "", false
	}
	if !strings.HasSuffix(s, "\n") {
		return "|-", true
	}
	return "|", true
}

// appendYAMLQuoted appends s as a double-quoted YAML string: JSON's escapes, and escapes
// for whatever YAML does not call printable (see yamlEmitter).
func appendYAMLQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c) // other controls and DEL as \u00XX
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if printable(r, size) {
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r <= 0xFFFF:
			dst = append(dst, '\\', 'u')
			dst = appendHex(dst, uint32(r), 4)
		default:
			dst = append(dst, '\\', 'U')
			dst = appendHex(dst, uint32(r), 8)
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendHex appends the n lowest hex digits of x.
func appendHex(dst []byte, x uint32, n int) []byte {
	for shift := 4 * (n - 1); shift >= 0; shift -= 4 {
		dst = append(dst, hexDigits[(x>>shift)&0xF])
	}
	return dst
}
