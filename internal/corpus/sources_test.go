package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"docgen/catalog"
	"docgen/parse"
)

// wantReader is the reader each shape must be read by.
var wantReader = map[Shape]string{
	MarkdownHeadings: "markdown", MarkdownTable: "markdown", MarkdownStatusTables: "markdown",
	ScrapedTable: "scraped", ScrapedCells: "scraped", ScrapedStatusTables: "scraped",
	HTMLTable: "html", HTMLHeadings: "html", HTMLDefinitions: "html",
}

// TestSourcesParse writes a small corpus, two rounds of every shape with an uneven number
// of errors per file, and reads every file back through parse.Read: each must be read by
// its shape's reader, every generated row must be exactly one entry with the code, status
// and protocol the generator meant, and nothing may be dropped or reported.
func TestSourcesParse(t *testing.T) {
	const sources, errors = 2 * int(numShapes), 2*int(numShapes)*47 + 5
	checkCorpus(t, sources, errors)
}

// TestSourcesParseLarge is TestSourcesParse on a corpus of $DOCGEN_CORPUS_SIZE errors (1k,
// 100k, 1M; one source per 100 errors), skipped when it is not set:
//
//	DOCGEN_CORPUS_SIZE=1M go test -run Large ./internal/corpus
//
// Rare codes only show at scale (a code such as ErrorKey reads as a column header).
func TestSourcesParseLarge(t *testing.T) {
	size := os.Getenv("DOCGEN_CORPUS_SIZE")
	if size == "" {
		t.Skip("set DOCGEN_CORPUS_SIZE (e.g. 1M) to read a large corpus back")
	}
	n, err := ParseSize(size)
	if err != nil {
		t.Fatal(err)
	}
	checkCorpus(t, DefaultSources(n), n)
}

// checkCorpus writes a corpus and reads every file back, as TestSourcesParse says.
func checkCorpus(t *testing.T, sources, errors int) {
	t.Helper()
	dir := t.TempDir()
	files, err := WriteSources(dir, sources, errors)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != sources {
		t.Fatalf("wrote %d files, want %d", len(files), sources)
	}
	total, rpc, rows, entries := 0, 0, 0, 0
	for _, f := range files {
		total += f.Errors
		rpc += f.JSONRPC
		raw, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		res := parse.Read(parse.NewSource(f.Name, raw), parse.Meta{})
		rows += res.Rows
		entries += len(res.Service.Entries)
		if res.Reader != wantReader[f.Shape] {
			t.Errorf("%s (%s): read by %q, want %q", f.Name, f.Shape, res.Reader, wantReader[f.Shape])
		}
		if res.Rows != f.Errors || res.Dropped != 0 || len(res.Service.Entries) != f.Errors {
			t.Errorf("%s (%s): rows=%d dropped=%d entries=%d, want %d rows, none dropped, %d entries",
				f.Name, f.Shape, res.Rows, res.Dropped, len(res.Service.Entries), f.Errors, f.Errors)
		}
		for _, d := range res.Diags {
			t.Errorf("%s (%s): unexpected diagnostic: %s", f.Name, f.Shape, d)
		}
		want := map[string]row{}
		for _, r := range f.rows() {
			want[r.code] = r
		}
		for _, e := range res.Service.Entries {
			r, ok := want[e.Code]
			if !ok {
				t.Errorf("%s:%d: entry %q was not generated", f.Name, e.Source.Line, e.Code)
				continue
			}
			delete(want, e.Code)
			wantProto := catalog.HTTP
			if r.rpc {
				wantProto = catalog.JSONRPC
			}
			if int(e.Status) != r.status || e.Protocol != wantProto {
				t.Errorf("%s:%d: %q has status %d %s, want %d %s", f.Name, e.Source.Line, e.Code, e.Status, e.Protocol, r.status, wantProto)
			}
			if e.Description == "" || len(e.Variants()) != 0 {
				t.Errorf("%s:%d: %q has description %q and %d variants, want a description and none", f.Name, e.Source.Line, e.Code, e.Description, len(e.Variants()))
			}
		}
		for code := range want {
			t.Errorf("%s (%s): generated code %q is no entry", f.Name, f.Shape, code)
		}
	}
	if total != errors || rows != errors || entries != errors {
		t.Errorf("corpus of %d errors: files say %d, parse saw %d rows and made %d entries", errors, total, rows, entries)
	}
	if rpc == 0 {
		t.Error("no JSON-RPC codes in the corpus")
	}
}

// TestSourcesDeterministic checks that the same arguments write the same bytes, into a
// different folder and with a different number of goroutines.
func TestSourcesDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	fa, err := WriteSources(a, 11, 1234)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := WriteSources(b, 11, 1234)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fa) != fmt.Sprint(fb) {
		t.Fatalf("plans differ:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, err := os.ReadFile(filepath.Join(a, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f.Name)
		}
		if !bytes.Equal(x, f.Content()) {
			t.Errorf("%s differs from its Content", f.Name)
		}
	}
}

// TestPlanCoverage checks that a corpus of four rounds of shapes meets every shape with
// every code style (the Markdown table always has numeric codes) and with both languages.
func TestPlanCoverage(t *testing.T) {
	files, err := Plan(4*int(numShapes)*int(numStyles), 100000)
	if err != nil {
		t.Fatal(err)
	}
	styles := map[Shape]map[Style]bool{}
	langs := map[Shape]map[string]bool{}
	names := map[string]bool{}
	for _, f := range files {
		if styles[f.Shape] == nil {
			styles[f.Shape], langs[f.Shape] = map[Style]bool{}, map[string]bool{}
		}
		styles[f.Shape][f.Style] = true
		langs[f.Shape][f.Lang] = true
		if id := parse.ServiceID(f.Name); names[id] {
			t.Errorf("service ID %q twice", id)
		} else {
			names[id] = true
		}
	}
	for _, s := range Shapes() {
		want := int(numStyles)
		if s == MarkdownTable {
			want = 1
		}
		if len(styles[s]) != want || len(langs[s]) != 2 {
			t.Errorf("%s: %d code styles and %d languages, want %d and 2", s, len(styles[s]), len(langs[s]), want)
		}
	}
}

// TestPlanErrors checks the arguments Plan refuses.
func TestPlanErrors(t *testing.T) {
	for _, c := range [][2]int{{0, 10}, {10, 9}, {-1, 5}} {
		if _, err := Plan(c[0], c[1]); err == nil {
			t.Errorf("Plan(%d, %d) gave no error", c[0], c[1])
		}
	}
}

// TestParseSize checks the size spellings the commands accept.
func TestParseSize(t *testing.T) {
	for in, want := range map[string]int{"1k": 1000, "10K": 10000, "100k": 100000, "1M": 1000000, "2500": 2500} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
		if in != "10K" && FormatSize(got) != in {
			t.Errorf("FormatSize(%d) = %q, want %q", got, FormatSize(got), in)
		}
	}
	for _, in := range []string{"", "k", "-1k", "ten"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) gave no error", in)
		}
	}
}
