package jsontree

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestDecodeKeepsWhatWasWritten(t *testing.T) {
	n, err := Decode([]byte(` {"z": 1.50, "a": [true, null, "<&>"], "z": {}, "n": -0e3, "k": "토큰"} `))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"z", "a", "z", "n", "k"}; !reflect.DeepEqual(n.Keys, want) {
		t.Errorf("keys %v, want %v (document order, duplicates kept)", n.Keys, want)
	}
	if n.Values[0].Kind != Number || n.Values[0].Text != "1.50" || n.Values[3].Text != "-0e3" {
		t.Errorf("numbers %q %q, want them as written", n.Values[0].Text, n.Values[3].Text)
	}
	want := "{\n  \"z\": 1.50,\n  \"a\": [\n    true,\n    null,\n    \"<&>\"\n  ],\n  \"z\": {},\n  \"n\": -0e3,\n  \"k\": \"토큰\"\n}"
	if got := n.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, in := range []string{``, `{`, `{"a":}`, `[1,]`, `{} {}`, `{"a":1}x`, `nul`, `"\xff"`, `{"a" 1}`, `]`} {
		if n, err := Decode([]byte(in)); err == nil {
			t.Errorf("Decode(%q) = %v, want an error", in, n)
		}
	}
}

// FuzzDecode: Decode never panics, takes every document encoding/json takes (in valid
// UTF-8), and reads its own output back as the same tree.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"code": 400102001, "message": "x", "details": [{"a": 1e5}]}`, `[]`, `"\u00e9\ud83d\ude00"`, `{"a":{"a":{"a":[]}}}`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Decode(data)
		if !utf8.Valid(data) || !json.Valid(data) {
			return
		}
		if err != nil {
			t.Fatalf("Decode(%q): %v; encoding/json takes it", data, err)
		}
		again, err := Decode([]byte(n.String()))
		if err != nil {
			t.Fatalf("Decode of its own output %q: %v", n.String(), err)
		}
		if !reflect.DeepEqual(n, again) {
			t.Fatalf("round trip of %q changed the tree", data)
		}
	})
}
