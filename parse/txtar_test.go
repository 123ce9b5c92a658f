package parse

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"docgen/catalog"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// TestReaders runs the reader cases in testdata/*.txtar. Each case holds one input file
// (named input.md, input.txt, input.html, …), the expected dump of what the readers made of
// it ("want") and the expected diagnostics ("diagnostics"). go test ./parse/ -update
// rewrites both from the current output.
func TestReaders(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no reader cases in testdata/")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input *txtar.File
			for i := range ar.Files {
				if strings.HasPrefix(ar.Files[i].Name, "input") {
					input = &ar.Files[i]
					break
				}
			}
			if input == nil {
				t.Fatalf("%s: no input file (a section named input.md, input.txt, …)", file)
			}
			src := NewSource(input.Name, input.Data)
			res := Read(src, Meta{})
			checkInvariants(t, src, res)
			diags := append(res.Diags, catalog.Check(&catalog.Catalog{Services: []*catalog.Service{res.Service}})...)
			diags.Sort()
			got := map[string]string{"want": Dump(res), "diagnostics": dumpDiags(diags)}
			if *update {
				for _, name := range []string{"want", "diagnostics"} {
					setSection(ar, name, got[name])
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"want", "diagnostics"} {
				want, ok := section(ar, name)
				if !ok {
					t.Errorf("%s: no %q section (run go test ./parse/ -update to write it)", file, name)
					continue
				}
				if diff := cmp.Diff(want, got[name]); diff != "" {
					t.Errorf("%s: %s mismatch (-want +got):\n%s", file, name, diff)
				}
			}
		})
	}
}

func section(ar *txtar.Archive, name string) (string, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// checkInvariants asserts what must hold for every source: every row accounted for, and
// every position inside the input.
func checkInvariants(t *testing.T, src *Source, res *Result) {
	t.Helper()
	rows := res.Service.RowCount()
	if rows+res.Dropped+res.Merged != res.Rows {
		t.Errorf("rows: reader saw %d, catalog holds %d, %d were dropped and %d merged", res.Rows, rows, res.Dropped, res.Merged)
	}
	if res.Dropped > 0 && !res.Diags.HasErrors() {
		t.Errorf("%d rows dropped without an error diagnostic", res.Dropped)
	}
	runes := map[int]int{} // rune count per line, counted once: lines can be long
	lineRunes := func(n int) int {
		if c, ok := runes[n]; ok {
			return c
		}
		runes[n] = utf8.RuneCount(src.Line(n))
		return runes[n]
	}
	inside := func(what string, p catalog.Pos) {
		if !p.IsValid() {
			t.Errorf("%s has no position", what)
			return
		}
		if p.File != src.Path || p.Line > max(src.LineCount(), 1) || p.Col < 1 || p.Col > lineRunes(p.Line)+1 {
			t.Errorf("%s at %s lies outside the input (%d lines)", what, p, src.LineCount())
		}
	}
	for _, e := range res.Service.Entries {
		inside("entry "+e.Code, e.Source)
		for _, v := range e.Variants() {
			inside("variant of "+e.Code, v.Source)
		}
	}
	for _, d := range res.Diags {
		inside("diagnostic "+d.Message, d.Pos)
	}
}

// Dump renders what the readers made of a source as stable, diffable text: one line per
// fact, strings quoted.
func Dump(res *Result) string {
	var b strings.Builder
	s := res.Service
	fmt.Fprintf(&b, "reader %s rows=%d dropped=%d", orNone(res.Reader), res.Rows, res.Dropped)
	if res.Merged > 0 {
		fmt.Fprintf(&b, " merged=%d", res.Merged)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "service id=%s title=%q lang=%s\n", s.ID, s.Title, s.Lang)
	if s.Summary != "" {
		fmt.Fprintf(&b, "  summary: %q\n", s.Summary)
	}
	if rf := s.ResponseFormat; rf != nil {
		fmt.Fprintf(&b, "responseFormat %d\n  example: %q\n", rf.Source.Line, rf.Example)
		if rf.Schema != nil {
			js, _ := json.Marshal(rf.Schema)
			fmt.Fprintf(&b, "  schema: %s\n", js)
		}
	}
	for _, g := range s.Groups {
		fmt.Fprintf(&b, "group %d %d %q\n", g.Source.Line, int(g.Status), g.Name)
		dumpText(&b, "description", g.Description)
	}
	for _, sec := range s.Sections {
		fmt.Fprintf(&b, "section %d %q\n", sec.Source.Line, sec.Title)
		dumpText(&b, "body", sec.Body)
	}
	for _, e := range s.Entries {
		fmt.Fprintf(&b, "entry %d %d %s %q id=%s from=%q", e.Source.Line, int(e.Status), e.Protocol, e.Code, e.ID, e.From)
		if e.Group != "" {
			fmt.Fprintf(&b, " group=%q", e.Group)
		}
		if e.Lang() != "" {
			fmt.Fprintf(&b, " lang=%s", e.Lang())
		}
		b.WriteByte('\n')
		dumpText(&b, "message", e.Message)
		dumpText(&b, "description", e.Description)
		dumpText(&b, "resolution", e.Resolution)
		for _, f := range e.Fields() {
			fmt.Fprintf(&b, "  field %q: %q\n", f.Name, f.Value)
		}
		for _, v := range e.Variants() {
			fmt.Fprintf(&b, "  variant %d\n", v.Source.Line)
			dumpText(&b, "  message", v.Message)
			dumpText(&b, "  description", v.Description)
			dumpText(&b, "  resolution", v.Resolution)
			for _, f := range v.Fields {
				fmt.Fprintf(&b, "    field %q: %q\n", f.Name, f.Value)
			}
		}
		for _, t := range e.Translations() {
			fmt.Fprintf(&b, "  translation %s %d\n", t.Lang, t.Source.Line)
			dumpText(&b, "  message", t.Message)
			dumpText(&b, "  description", t.Description)
			dumpText(&b, "  resolution", t.Resolution)
		}
	}
	return b.String()
}

func dumpText(b *strings.Builder, name, s string) {
	if s != "" {
		fmt.Fprintf(b, "  %s: %q\n", name, s)
	}
}

func dumpDiags(l catalog.Diagnostics) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s [%s]\n", d, d.Rule)
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
