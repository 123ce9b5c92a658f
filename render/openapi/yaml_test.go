package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"docgen/catalog"
)

// trickyStrings are strings a YAML writer can get wrong: indicators, special words,
// numbers and timestamps, white space where it matters, line breaks, controls and text
// that is not ASCII or not UTF-8 at all.
var trickyStrings = []string{
	"", " ", "  ", "a", "plain text", "Plain, with a comma; and (parens)", "a  b",
	" leading", "trailing ", " both ", "\ttab", "tab\t", "a\tb",
	"key: value", "key:value", "key:", ":", "::", "a :b", "http://x.example/a?b=c#d",
	"a #comment", "a#b", "#", "# c", "-", "- item", "-x", "--", "---", "...", "--- x",
	"?", "? x", "?x", "*alias", "&anchor", "!tag", "!!str", "|", "|-", "| x", ">", "> x",
	"%YAML", "@at", "`code`", "a `b` c", "'single'", "\"double\"", "it's", `say "hi"`,
	"[a]", "{a}", "a[b]", "a{b}", "a,b", "a, b", ",", "\\", `a\nb`, "a\\", "=", "<<", "<", ">x",
	"true", "false", "True", "FALSE", "yes", "No", "YES", "on", "Off", "ON", "y", "Y", "n", "N",
	"null", "Null", "NULL", "~", "nil", "none", "NaN", ".nan", ".inf", "-.inf", "+.Inf", ".NaN",
	"0", "1", "-1", "+1", "012", "0o17", "0x1F", "0b101", "1_000", "1e3", "1E3", "1.5", ".5",
	"5.", "1.0e+21", "1e+21", "-0", "190:20:30", "1:20", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
	"2001-12-14 21:59:43.10 -5", "12:30", "1.0.0", "3.1.0", "v1", "$ref", "$", "/", "_", "a_b",
	"x-enum-varnames", "application/problem+json", "#/components/schemas/a.Error",
	"line\nbreak", "trailing newline\n", "two newlines\n\n", "\n", "\n\n", "\nleading newline",
	"\n  indented after newline", "  indented\nfirst", "a\n  b\n    c", "a\n\nb", "a \nb",
	"a\n \nb", "a\n\t\nb", "a\r\nb", "a\rb", "crlf\r\n", "a\n#b", "a\n- b", "a\n---\nb",
	"a\n...\nb", "|\n|", "end with space \n", "multi\nline\n\n\n", " \n", "a\n ",
	"nul\x00", "\x00", "bell\a", "\x1b[0m", "del\x7f", "\u0085nel", "nel\u0085x",
	"\u00a0nbsp", "nbsp\u00a0", "\ufeffbom", "bom\ufeff", "ls\u2028ps\u2029", "\u2028",
	"zwsp\u200b", "\ufffd", "\ufffe", "\uffff", "private\ue000", "\U000F0000", "\U0001D173",
	"\xff", "bad\xfe\xffutf8", "\xc3", "ok\xc3(", "emoji 😀 🇰🇷", "😀", "한국어 텍스트",
	"오류: 잘못된 요청", "한글\n두 줄", "日本語", "العربية", "é", "e\u0301", "\u0301",
	"— dash", "a — b", "…", "«quoted»", "ＡＢＣ", "full：width",
	strings.Repeat("long ", 300), strings.Repeat("k", 1100), strings.Repeat("\x01", 200),
	strings.Repeat("한", 1100),
}

// validUTF8 replaces each byte of invalid UTF-8 with U+FFFD, as the writers do.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\ufffd")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// normalized returns v with its strings (keys included) as they read back.
func normalized(v any) any {
	switch v := v.(type) {
	case *omap:
		m := newMap()
		for _, k := range v.keys {
			m.set(validUTF8(k), normalized(v.vals[k]))
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalized(x)
		}
		return out
	case string:
		return validUTF8(v)
	}
	return v
}

// checkYAMLRoundTrip writes v as YAML and checks that it reads back as v.
func checkYAMLRoundTrip(t testing.TB, v any, unit int) {
	t.Helper()
	data, err := marshalYAMLIndent(v, unit)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(data) {
		t.Fatalf("the YAML is not UTF-8:\n%s", data)
	}
	if bytes.Contains(data, []byte(" \n")) || bytes.Contains(data, []byte("\t")) || bytes.Contains(data, []byte("\r")) {
		t.Fatalf("the YAML has a line that ends in a space, a tab or a CR:\n%s", data)
	}
	back, err := decodeYAML(data)
	if err != nil {
		t.Fatalf("the YAML does not read back: %v\n%s", err, data)
	}
	if want := normalized(v); !equal(back, want) {
		got, _ := compactJSON(back)
		exp, _ := compactJSON(want)
		t.Fatalf("the YAML reads back differently:\n%s\ngot  %s\nwant %s", data, got, exp)
	}
}

// TestYAMLTrickyStrings: every tricky string reads back, as a value and as a key, in an
// object, in an array and at several depths.
func TestYAMLTrickyStrings(t *testing.T) {
	for _, s := range trickyStrings {
		v := newMap().
			set(s, s).
			set("list", []any{s, newMap().set(s, []any{s}), []any{s, s}}).
			set("nested", newMap().set("deeper", newMap().set(s, s).set("after", s)))
		for _, unit := range []int{2, 4} {
			checkYAMLRoundTrip(t, v, unit)
		}
		checkYAMLRoundTrip(t, []any{s, []any{s}}, 2)
		checkYAMLRoundTrip(t, s, 2)
	}
	all := newMap()
	for i, s := range trickyStrings {
		all.set(strconv.Itoa(i)+s, s)
	}
	checkYAMLRoundTrip(t, all, 2)
}

// TestYAMLStyle pins what the emitter writes for a few values.
func TestYAMLStyle(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{newMap(), "{}\n"},
		{[]any{}, "[]\n"},
		{newMap().set("a", newMap()).set("b", []any{}), "a: {}\nb: []\n"},
		{newMap().set("a", []any{"x", newMap().set("k", "v").set("l", []any{int64(1)}), []any{"y", "z"}, newMap(), []any{}}),
			"a:\n  - x\n  - k: v\n    l:\n      - 1\n  - - \"y\"\n    - z\n  - {}\n  - []\n"},
		{newMap().set("a", "plain words, fine").set("b", "yes").set("c", "1.0.0").set("d", "a: b"),
			"a: plain words, fine\nb: \"yes\"\nc: \"1.0.0\"\nd: \"a: b\"\n"},
		{newMap().set("a", "x\ny").set("b", "x\n").set("c", "x\n\n").set("d", " x\ny"),
			"a: |-\n  x\n  y\nb: |\n  x\nc: \"x\\n\\n\"\nd: \" x\\ny\"\n"},
		{newMap().set("a", "x\n\ny").set("b", "x \ny").set("c", "x\ty\nz"),
			"a: |-\n  x\n\n  y\nb: \"x \\ny\"\nc: \"x\\ty\\nz\"\n"},
		{newMap().set("n", nil).set("t", true).set("i", int64(-3)).set("f", 1.5).set("e", 1e21).set("g", 1e-7),
			"\"n\": null\nt: true\ni: -3\nf: 1.5\ne: 1.0e+21\ng: 1.0e-7\n"},
		{newMap().set("s", "\x00\u007f\u0085\u2028\ufeff\U000F0000\xff😀"),
			"s: \"\\u0000\\u007f\\u0085\\u2028\\ufeff\\U000f0000\\ufffd😀\"\n"},
		{newMap().set(strings.Repeat("k", 1001), int64(1)), "? \"" + strings.Repeat("k", 1001) + "\"\n: 1\n"},
	} {
		got, err := marshalYAML(tc.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("got\n%s\nwant\n%s", got, tc.want)
		}
		checkYAMLRoundTrip(t, tc.v, 2)
	}
	if _, err := marshalYAML(newMap().set("x", math.NaN())); err == nil {
		t.Error("NaN should be an error")
	}
}

// randomTree makes a tree of tricky strings, numbers and the other scalars.
func randomTree(r *rand.Rand, depth int) any {
	n := 5
	if depth > 0 {
		n = 7
	}
	switch r.IntN(n) {
	case 0:
		return trickyStrings[r.IntN(len(trickyStrings))]
	case 1:
		return randomString(r)
	case 2:
		switch r.IntN(5) {
		case 0:
			return nil
		case 1:
			return r.IntN(2) == 0
		case 2:
			return int64(r.Uint64())
		case 3:
			return math.Float64frombits(r.Uint64())
		}
		return []float64{0, 1.5, -2.25e-9, 1e21, 123456789.125, 5e-324, math.MaxFloat64}[r.IntN(7)]
	case 3, 4:
		if depth == 0 {
			return trickyStrings[r.IntN(len(trickyStrings))]
		}
		fallthrough
	case 5:
		m := newMap()
		seen := map[string]bool{}
		for range r.IntN(5) {
			k := trickyStrings[r.IntN(len(trickyStrings))]
			if r.IntN(2) == 0 {
				k = randomString(r)
			}
			if seen[validUTF8(k)] {
				continue
			}
			seen[validUTF8(k)] = true
			m.set(k, randomTree(r, depth-1))
		}
		return m
	}
	a := []any{}
	for range r.IntN(5) {
		a = append(a, randomTree(r, depth-1))
	}
	return a
}

// randomString strings together pieces that matter to YAML.
func randomString(r *rand.Rand) string {
	pieces := []string{"a", "Z", "0", "9", " ", "  ", "\n", "\n\n", ":", ": ", "#", " #", "-", "- ",
		"'", "\"", "\\", "\t", "\r", "\x00", "\x7f", "\xff", "é", "한", "😀", "\u2028", "\ufeff",
		"\u00a0", "|", ">", "[", "{", ",", "&", "*", "!", "%", "@", "`", "?", "~", "yes", "null", ".5"}
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestYAMLRandomTrees: random trees of tricky values read back as they were.
func TestYAMLRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		v := newMap().set("root", randomTree(r, 4))
		checkYAMLRoundTrip(t, v, 2)
	}
}

// FuzzYAMLEmit writes fuzzed strings, as keys and values at several places of a tree, and
// reads the YAML back.
func FuzzYAMLEmit(f *testing.F) {
	for _, s := range []string{"", "plain", "yes", " a\nb", "a\n\n", "a: b # c", "\xff\x00\u2028", "한글 😀", "0x1F", "- |"} {
		f.Add(s, "key")
	}
	f.Add("value", "")
	f.Add("multi\nline\n", " key: ")
	f.Fuzz(func(t *testing.T, s, k string) {
		if validUTF8(k) == "list" || validUTF8(k) == "map" {
			return // would collide with the tree's own keys
		}
		v := newMap().
			set(k, s).
			set("list", []any{s, newMap().set(k, s).set("map", []any{s}), []any{s}}).
			set("map", newMap().set(s, k))
		checkYAMLRoundTrip(t, v, 2)
	})
}

// TestJSONStrings: strings are written exactly as encoding/json writes them without HTML
// escaping.
func TestJSONStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cases := append([]string{"<a href=\"x\">&amp;</a>", "\b\f\v\x1f\x7f", "\u2028\u2029"}, trickyStrings...)
	for range 2000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		cases = append(cases, string(b), randomString(r))
	}
	for _, s := range cases {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := appendJSONString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("%q: got %s, want %s", s, got, want.Bytes())
		}
	}
}

// TestJSONFloats: floats are written exactly as encoding/json writes them.
func TestJSONFloats(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e20, 1e21, -1e21, 1e-6, 1e-7, 9.999999e-7,
		123456789.125, 5e-324, math.MaxFloat64, -math.SmallestNonzeroFloat64, 1.5e300, 2.5e-300}
	for range 5000 {
		f := math.Float64frombits(r.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		fs = append(fs, f, float64(r.IntN(1e6))/float64(1+r.IntN(1000)))
	}
	for _, f := range fs {
		want, _ := json.Marshal(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

// referenceJSON is the JSON writer as it was, on encoding/json: marshalJSON must write the
// same bytes.
func referenceJSON(b *bytes.Buffer, v any, indent, unit string) error {
	str := func(s string) {
		var sb bytes.Buffer
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		b.Write(bytes.TrimSuffix(sb.Bytes(), []byte("\n")))
	}
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("number %v has no JSON form", v)
		}
		data, _ := json.Marshal(v)
		b.Write(data)
	case string:
		str(v)
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[\n")
		for i, x := range v {
			b.WriteString(indent + unit)
			if err := referenceJSON(b, x, indent+unit, unit); err != nil {
				return err
			}
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case *omap:
		if v.len() == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		for i, k := range v.keys {
			b.WriteString(indent + unit)
			str(k)
			b.WriteString(": ")
			if err := referenceJSON(b, v.vals[k], indent+unit, unit); err != nil {
				return err
			}
			if i < len(v.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	default:
		return fmt.Errorf("value of type %T has no JSON form", v)
	}
	return nil
}

// TestJSONMatchesReference: the documents and random trees are written byte for byte as
// before.
func TestJSONMatchesReference(t *testing.T) {
	var trees []any
	for _, c := range []*catalog.Catalog{defaultCatalog(t), richCatalog()} {
		for _, v := range versions {
			d, err := Build(c, Options{Version: v})
			if err != nil {
				t.Fatal(err)
			}
			trees = append(trees, d.root)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		trees = append(trees, randomTree(r, 4))
	}
	for _, v := range trees {
		for _, unit := range []string{"  ", "    ", "\t"} {
			var want bytes.Buffer
			if err := referenceJSON(&want, v, "", unit); err != nil {
				t.Fatal(err)
			}
			want.WriteByte('\n')
			got, err := marshalJSONIndent(v, unit)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("marshalJSONIndent differs from encoding/json:\ngot  %s\nwant %s", got, want.Bytes())
			}
		}
	}
}
