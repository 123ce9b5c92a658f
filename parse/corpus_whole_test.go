package parse

import (
	"testing"

	"docgen/internal/corpus"
)

// TestGeneratedCorpusReadsWhole reads every source of the 100k benchmark corpus (1,000
// sources of every shape, style and language that make bench generates) and checks that
// each row is one entry, with no diagnostic: the benchmark counts rows, it does not fail
// on a misread, and a reader change once read 12 of them wrong unnoticed.
func TestGeneratedCorpusReadsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 100,000 rows")
	}
	files, err := corpus.Plan(1000, 100000)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		res := Read(NewSource(f.Name, f.Content()), Meta{})
		if res.Reader == "" || len(res.Service.Entries) != f.Errors || res.Rows != f.Errors || len(res.Diags) > 0 {
			t.Errorf("%s (%s): %s read %d rows into %d entries, want %d; %d diagnostics, first: %v",
				f.Name, f.Shape, res.Reader, res.Rows, len(res.Service.Entries), f.Errors, len(res.Diags), firstDiag(res))
		}
	}
}

func firstDiag(res *Result) any {
	if len(res.Diags) == 0 {
		return nil
	}
	return res.Diags[0]
}
