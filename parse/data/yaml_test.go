package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"docgen/catalog"
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
			got, want := rc.offset(line, col), naive(line, col)
			if got != want {
				t.Fatalf("line %d column %d: offset %d, want %d", line, col, got, want)
			}
		}
	}
}

// TestYAMLOffsets checks that every key and value of the tree starts where its text does:
// yaml.v3 gives columns in characters, which must become byte offsets on lines of Korean
// and Japanese text, after tabs, on a line longer than colStep runes, and after the
// characters it takes for line breaks besides "\n" (U+2028, U+0085).
func TestYAMLOffsets(t *testing.T) {
	long := "errors: ["
	for i := range 40 {
		long += fmt.Sprintf("{코드: E%d, 메시지: 잘못된 요청 %d}, ", i, i)
	}
	long += "]\n"
	for _, in := range []string{
		"코드: E1\n메시지: \"잘못된 요청\"\n설명: |\n  한국어 설명\n",
		"errors:\n  - コード: E1\n    メッセージ: 無効なトークン\n  - {コード: E2, メッセージ: '日本語'}\n",
		"a:\tb\n키:\t\t값\n",
		long,
		"a: 가\u2028b: 나\u2028c: 다\n",
		"a: 가\u0085b: 나\n",
		"기본: &d\n  상태: 401\n오류:\n  - <<: *d\n    코드: E1\n",
		"- &a 토큰\n- !!str 만료\n- *a\n",
	} {
		root, err := readYAML([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		var check func(n *node)
		check = func(n *node) {
			for i, c := range n.kids {
				if n.kind == kObject {
					if k := n.keys[i]; !strings.HasPrefix(in[n.keyOffs[i]:], k) && k != "<<" {
						t.Errorf("%q: key %q at %d, where %.10q is", in, k, n.keyOffs[i], in[n.keyOffs[i]:])
					}
				}
				switch c.kind {
				case kString, kScalar:
					if at := in[c.off:]; !strings.HasPrefix(at, c.text) && !strings.HasPrefix(at, `"`+c.text) &&
						!strings.HasPrefix(at, "'"+c.text) && !strings.HasPrefix(at, "|") && !strings.HasPrefix(at, "*") {
						t.Errorf("%q: value %q at %d, where %.10q is", in, c.text, c.off, at)
					}
				}
				check(c)
			}
		}
		check(root)
	}
}

// TestYAMLErrors checks the messages and places of what yaml.v3 refuses: at the line of
// the problem (yaml.v3's parser names the line before it), at the alias or character a
// message names without a line.
func TestYAMLErrors(t *testing.T) {
	for _, c := range []struct{ in, msg, at string }{
		{"a: 1\nb:\n  c: 1\n d: 2\n", "invalid YAML: did not find expected key", " d: 2"},
		{"x: 1\ny: 2\n- a\n", "invalid YAML: did not find expected key", "- a"},
		{"x: 1\nerrors: [1, 2\nb: 3\n", "invalid YAML: did not find expected ',' or ']'", "errors: ["},
		{"x: 1\ny: @z\n", "invalid YAML: found character that cannot start any token; a value that begins with \"@\" must be quoted, as in \"@z\"", "y: @z"},
		{"x: 1\nerrors:\n  - code: E1\n    message: a: b\n", "invalid YAML: mapping values are not allowed in this context", "    message: a: b"},
		{"코드: E1\n메시지: *none\n", "invalid YAML: unknown anchor 'none' referenced", "*none"},
		{"코드: E1\n메시지: *없음\n", "invalid YAML: did not find expected alphabetic or numeric character; a value that begins with \"*\" must be quoted, as in \"*없음\"", "메시지"},
		{"a: x\x1by\n", "invalid YAML: control character U+001B is not allowed", "\x1by"},
		{"- a\n- [b\n", "invalid YAML: did not find expected ',' or ']'", "- [b"},
	} {
		_, err := readYAML([]byte(c.in))
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: %v, want a SyntaxError", c.in, err)
			continue
		}
		want := strings.LastIndex(c.in, c.at)
		if se.Msg != c.msg || se.Offset != want {
			t.Errorf("%q: %q at %d, want %q at %d", c.in, se.Msg, se.Offset, c.msg, want)
		}
	}
}

// TestYAMLDuplicateKeys: a key given twice in one mapping is read twice and warned of,
// not refused (a code given twice must not make the file unreadable, nor vanish).
func TestYAMLDuplicateKeys(t *testing.T) {
	in := "E1: a\nE2: b\nE1: c\nerrors:\n  - code: E3\n    code: E4\n"
	root, err := readYAML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	lines := lineStarts([]byte(in))
	warns := dupKeys(root, "YAML", "mapping", func(off int) catalog.Pos {
		l, _ := slices.BinarySearch(lines, off+1)
		return catalog.Pos{Line: l}
	})
	if got := strings.Join(root.keys, ","); got != "E1,E2,E1,errors" {
		t.Errorf("keys %s, want E1,E2,E1,errors", got)
	}
	want := []leniency{
		{strings.Index(in, "E1: c"), `YAML mapping key "E1" is given again (first on line 1): both are read`},
		{strings.Index(in, "code: E4"), `YAML mapping key "code" is given again (first on line 5): both are read`},
	}
	if fmt.Sprint(warns) != fmt.Sprint(want) {
		t.Errorf("warnings %v, want %v", warns, want)
	}
}
