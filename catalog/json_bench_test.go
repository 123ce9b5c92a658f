package catalog_test

// An external test package: internal/corpus imports catalog, so package catalog's own
// tests cannot import it.

import (
	"fmt"
	"io"
	"testing"

	"docgen/catalog"
	"docgen/internal/corpus"
)

// BenchmarkEncodeJSON encodes synthetic catalogs, as catalog.json is written, into
// io.Discard; its bytes/s is of the encoded JSON.
func BenchmarkEncodeJSON(b *testing.B) {
	url := func(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" }
	for _, n := range []int{20000} {
		c := corpus.Generate(n)
		var cw countWriter
		if err := catalog.EncodeJSON(&cw, c, url); err != nil {
			b.Fatal(err)
		}
		if cw.n < int64(n)*100 {
			b.Fatalf("%d entries encoded in %d bytes", n, cw.n)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(cw.n)
			b.ReportAllocs()
			for b.Loop() {
				if err := catalog.EncodeJSON(io.Discard, c, url); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkMergeAssignIDs folds repeats and gives IDs to one service of 200,000 entries,
// as the end of a large read does; B/op is what the two build on top of the entries (the
// highest live heap of a read of a large file was theirs).
func BenchmarkMergeAssignIDs(b *testing.B) {
	const n = 200_000
	base := make([]catalog.Entry, n)
	for i := range base {
		// Every tenth code documented twice, every hundredth under a second status.
		k := i - i%10/9
		st := catalog.Status(400 + i%100/99)
		base[i] = catalog.Entry{Code: fmt.Sprintf("E%07d", k), Status: st, Group: "G" + fmt.Sprint(i%7)}
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		es := make([]*catalog.Entry, n)
		for i := range base {
			e := base[i]
			es[i] = &e
		}
		b.StartTimer()
		s := &catalog.Service{Entries: catalog.Merge(es)}
		catalog.AssignIDs(s)
	}
}
