package data

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// TestRuneColumns checks runeColumns against walking each line's runes from its start,
// on short and long lines of one- to four-byte runes, in any order of lookups.
func TestRuneColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: b\n\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "x%d é 메시지 😀 ", i)
	}
	b.WriteString("\nshort 메\n")
	text := []byte(b.String())
	lines := lineStarts(text)
	naive := func(line, col int) int {
		off := lines[line-1]
		for c := 1; c < col && off < len(text) && text[off] != '\n'; c++ {
			_, size := utf8.DecodeRune(text[off:])
			off += size
		}
		return off
	}
	rc := &runeColumns{text: text, lines: lines}
	for _, line := range []int{3, 1, 2, 4, 3, 5} {
		for col := utf8.RuneCount(text) + 3; col >= 1; col -= 7 {
			if line > len(lines) {
				continue
			}
			got, want := rc.offset(&token.Position{Line: line, Column: col}), naive(line, col)
			if got != want {
				t.Fatalf("line %d column %d: offset %d, want %d", line, col, got, want)
			}
		}
	}
}
