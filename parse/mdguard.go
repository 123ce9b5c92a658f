package parse

import "bytes"

// goldmark's cost grows with the square of the nesting of block containers: a line of
// 50,000 "- " or "> " markers, or a list nested 3,000 levels deep by indentation, takes it
// from tens of seconds to minutes per 100 KB (measured: 10 s for 100 KB of "- "; 92 s for
// a 9 MB list nested 3,000 deep). No error document nests that deep, and goldmark has no
// option to bound it, so limitNesting rewrites the text goldmark parses, never the source:
// the marker that would open a container deeper than maxMDNesting is escaped ("- " becomes
// "\-", "> " becomes "\>", "12. " becomes "12\."), which makes the rest of the line text.
// Every rewrite keeps the length, so every byte offset goldmark reports is still the
// source's.

// maxMDNesting is the deepest container (list item or block quote) goldmark is given.
const maxMDNesting = 32

// maxIndent is the indentation, in columns, past which a list marker is escaped: nesting
// by indentation costs goldmark as much as nesting by markers on one line.
const maxIndent = 4 * maxMDNesting

// limitNesting returns text, or a copy of it with the markers past maxMDNesting escaped.
func limitNesting(text []byte) []byte {
	var out []byte // nil until a line needs a rewrite
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if at, kind := deepMarker(text[start:end]); at >= 0 {
			if out == nil {
				out = append([]byte(nil), text...)
			}
			escapeMarker(out[start+at:end], kind)
		}
		start = end + 1
	}
	if out == nil {
		return text
	}
	return out
}

// Marker kinds for escapeMarker.
const (
	markBullet  = iota // "- ", "* ", "+ "
	markQuote          // ">"
	markOrdered        // "12. ", "3) "
)

// deepMarker returns the offset in line of the first container marker past maxMDNesting, or
// of a list marker indented past maxIndent, and its kind; -1 when there is none.
func deepMarker(line []byte) (int, int) {
	depth, col := 0, 0
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>':
			if depth++; depth > maxMDNesting {
				return i, markQuote
			}
			col++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			if depth++; depth > maxMDNesting || col > maxIndent {
				return i, markBullet
			}
			col += 2
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 >= len(line) || (line[j] != '.' && line[j] != ')') || (line[j+1] != ' ' && line[j+1] != '\t') {
				return -1, 0
			}
			if depth++; depth > maxMDNesting || col > maxIndent {
				return i, markOrdered
			}
			col += j - i + 2
			i = j + 2
		default:
			return -1, 0
		}
	}
	return -1, 0
}

// escapeMarker escapes the marker at the start of b in place, keeping its length.
func escapeMarker(b []byte, kind int) {
	switch kind {
	case markBullet: // "- " → "\-"
		b[1] = b[0]
		b[0] = '\\'
	case markQuote: // "> " → "\>"; ">>" → "\>>": the escaped ">" is text
		if len(b) > 1 && (b[1] == ' ' || b[1] == '\t') {
			b[1] = '>'
		}
		b[0] = '\\'
	case markOrdered: // "12. " → "12\."
		j := 0
		for b[j] >= '0' && b[j] <= '9' {
			j++
		}
		b[j+1] = b[j]
		b[j] = '\\'
	}
}
