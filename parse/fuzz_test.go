package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"docgen/catalog"
)

// addSeeds seeds a fuzz target with the default sources and the inputs of the reader cases.
func addSeeds(f *testing.F) {
	f.Helper()
	for _, in := range readerInputs(f) {
		f.Add(in.data)
	}
}

// readerInput is a document the reader tests read: a default source or a case's input.
type readerInput struct {
	name string
	data []byte
}

// readerInputs returns the default sources and the inputs of the reader cases, in a fixed
// order.
func readerInputs(t testing.TB) []readerInput {
	t.Helper()
	var out []readerInput
	seeds, _ := filepath.Glob("../content/*")
	for _, p := range seeds {
		if strings.HasSuffix(p, ".yaml") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			out = append(out, readerInput{p, data})
		}
	}
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, p := range cases {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "input") {
				out = append(out, readerInput{p + "/" + file.Name, file.Data})
			}
		}
	}
	return out
}

// checkDoc asserts the properties every reader keeps on any input: rows accounted for,
// every position inside the input.
func checkDoc(t *testing.T, src *Source, doc *Doc) {
	t.Helper()
	if doc.Rows != len(doc.Entries)+doc.Dropped+doc.Merged {
		t.Fatalf("rows: saw %d, made %d entries, dropped %d and merged %d", doc.Rows, len(doc.Entries), doc.Dropped, doc.Merged)
	}
	if doc.Dropped > 0 && !doc.Diags.HasErrors() {
		t.Fatalf("%d rows dropped without an error", doc.Dropped)
	}
	runes := map[int]int{} // rune count per line, counted once: lines can be long
	check := func(what string, p catalog.Pos) {
		if p.File != src.Path || p.Line < 1 || p.Line > max(src.LineCount(), 1) || p.Col < 1 {
			t.Fatalf("%s at %v lies outside the input (%d lines)", what, p, src.LineCount())
		}
		n, ok := runes[p.Line]
		if !ok {
			n = utf8.RuneCount(src.Line(p.Line))
			runes[p.Line] = n
		}
		if p.Col > n+1 {
			t.Fatalf("%s at %v lies outside the input (%d lines)", what, p, src.LineCount())
		}
	}
	for _, e := range doc.Entries {
		check("entry "+e.Code, e.Source)
		if !hasWordRune(e.Code) {
			t.Fatalf("entry with code %q, which has no letter or digit", e.Code)
		}
	}
	for _, d := range doc.Diags {
		check("diagnostic", d.Pos)
	}
	for _, g := range doc.Groups {
		check("group", g.Source)
	}
	for _, s := range doc.Sections {
		check("section", s.Source)
	}
}

// fuzzReader runs one reader on any input, whether or not detection would give it the
// input.
func fuzzReader(f *testing.F, r Reader) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("%s reader hangs on %q", r.Name(), data))
			}
		}()
		defer close(done)
		src := NewSource("fuzz.md", data)
		r.Detect(src)
		checkDoc(t, src, r.Read(src))
	})
}

func FuzzMarkdown(f *testing.F) { fuzzReader(f, markdownReader{}) }

// FuzzRead runs detection and the whole read of a source, and checks that the assembled
// service accounts for every row and that reading is deterministic.
func FuzzRead(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Read(NewSource("fuzz.md", data), Meta{})
		if got := res.Service.RowCount() + res.Dropped + res.Merged; got != res.Rows {
			t.Fatalf("rows: reader saw %d, catalog holds %d + %d dropped + %d merged", res.Rows, res.Service.RowCount(), res.Dropped, res.Merged)
		}
		ids := map[string]bool{}
		for _, e := range res.Service.Entries {
			if ids[e.ID] {
				t.Fatalf("entry ID %q twice", e.ID)
			}
			ids[e.ID] = true
		}
		if again := Dump(Read(NewSource("fuzz.md", data), Meta{})); again != Dump(res) {
			t.Fatalf("two reads of the same input differ")
		}
	})
}

// FuzzDetect asks every reader about any input: no panic, scores never negative, a reason
// always given, and the same answer twice.
func FuzzDetect(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r1, c1 := Detect(NewSource("fuzz.txt", data))
		r2, c2 := Detect(NewSource("fuzz.txt", data))
		if (r1 == nil) != (r2 == nil) || (r1 != nil && r1.Name() != r2.Name()) {
			t.Fatalf("detection chose differently on the same input")
		}
		for i, c := range c1 {
			if c.Detection.Score < 0 || c.Detection.Why == "" {
				t.Fatalf("%s: score %d, reason %q", c.Reader, c.Detection.Score, c.Detection.Why)
			}
			if c != c2[i] {
				t.Fatalf("%s answered %v, then %v", c.Reader, c.Detection, c2[i].Detection)
			}
		}
	})
}
