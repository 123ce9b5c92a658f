package yamlguard

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// laughs returns a billion-laughs document: levels of lists of ten aliases each.
func laughs(levels int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		wantErr   bool
		line      int
	}{
		{"no aliases", "a: 1\nb: [1, 2, 3]\n", false, 0},
		{"shared anchors", "base: &b {type: object, properties: {a: {type: string}}}\nx: *b\ny: *b\nz:\n  <<: *b\n", false, 0},
		{"unknown alias", "a: *nothing\n", false, 0},
		{"four levels", laughs(4), false, 0}, // 10^4 nodes: fine
		{"nine levels", laughs(9), true, 7},  // 10^9: refused where the count goes over
		{"in a second document", "a: 1\n---\n" + laughs(9), true, 9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := parser.ParseBytes([]byte(tc.doc), 0)
			if err != nil {
				t.Fatal(err)
			}
			err = Check(f, MaxAliasNodes)
			var e *Error
			if !errors.As(err, &e) {
				if tc.wantErr {
					t.Fatalf("Check = %v, want an *Error", err)
				}
				var v any
				if err := yaml.Unmarshal([]byte(tc.doc), &v); err != nil && !strings.Contains(tc.doc, "nothing") {
					t.Errorf("a document Check lets through does not decode: %v", err)
				}
				return
			}
			if !tc.wantErr {
				t.Fatalf("Check = %v, want nil", err)
			}
			if e.Line != tc.line || e.Col == 0 {
				t.Errorf("error at %d:%d, want line %d", e.Line, e.Col, tc.line)
			}
		})
	}
}

// BenchmarkCheck measures the check on a document of many shared anchors: one pass, each
// anchor counted once.
func BenchmarkCheck(b *testing.B) {
	var doc strings.Builder
	for i := range 10_000 {
		fmt.Fprintf(&doc, "s%d: &s%d {type: object, properties: {a: {type: string}, b: {type: integer}}}\nr%d: *s%d\n", i, i, i, i)
	}
	f, err := parser.ParseBytes([]byte(doc.String()), 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Check(f, MaxAliasNodes); err != nil {
			b.Fatal(err)
		}
	}
}
