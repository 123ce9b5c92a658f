package parse

import (
	"testing"

	"docgen/internal/corpus"
)

// benchRowsPerSource is the number of errors each source of BenchmarkReaders documents.
const benchRowsPerSource = 1000

// BenchmarkReaders reads one synthetic source of every shape internal/corpus writes, each
// documenting the same number of errors and all in Korean (normalizing Hangul costs far
// more than ASCII: a mix of languages would not compare), so that ns/row compares the
// readers:
//
//   - <shape>/read is Read(NewSource(...)): normalization, every reader's detection, the
//     chosen reader's read, merging and IDs, as a build reads a source;
//   - <shape>/detect is NewSource and Detect alone. NewSource is in the loop because a
//     Source caches its Markdown parse: detection on a used Source would cost nothing.
//
// A read that recognises nothing, reports an error or sees a different number of rows
// fails the benchmark, so that it cannot measure a reader giving up early.
func BenchmarkReaders(b *testing.B) {
	for _, f := range koreanSources(b, benchRowsPerSource) {
		shape := f.Shape
		raw := f.Content()
		// The reader a full read chooses; detect must choose the same one.
		reader := checkBenchRead(b, f, Read(NewSource(f.Name, raw), Meta{}))
		b.Run(shape.String()+"/read", func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			var res *Result
			for b.Loop() {
				res = Read(NewSource(f.Name, raw), Meta{})
			}
			checkBenchRead(b, f, res)
			reportRows(b, res.Rows)
		})
		b.Run(shape.String()+"/detect", func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			var r Reader
			for b.Loop() {
				r, _ = Detect(NewSource(f.Name, raw))
			}
			if r == nil || r.Name() != reader {
				b.Fatalf("%s (%s): detected %v, want the %s reader", f.Name, f.Shape, r, reader)
			}
			reportRows(b, f.Errors)
		})
	}
}

// koreanSources returns a synthetic Korean source of every shape internal/corpus writes,
// each documenting rows errors, in shape order.
func koreanSources(b *testing.B, rows int) []corpus.SourceFile {
	shapes := corpus.Shapes()
	// Languages rotate more slowly than shapes: two rounds of shapes hold a Korean source
	// of each.
	files, err := corpus.Plan(2*len(shapes), 2*len(shapes)*rows)
	if err != nil {
		b.Fatal(err)
	}
	byShape := map[corpus.Shape]corpus.SourceFile{}
	for _, f := range files {
		if _, ok := byShape[f.Shape]; !ok && f.Lang == "ko" {
			byShape[f.Shape] = f
		}
	}
	out := make([]corpus.SourceFile, 0, len(shapes))
	for _, shape := range shapes {
		f, ok := byShape[shape]
		if !ok {
			b.Fatalf("corpus plan has no Korean %s source", shape)
		}
		out = append(out, f)
	}
	return out
}

// checkBenchRead fails the benchmark unless res is f read in full: a reader chose it, every
// generated row is a row, something became an entry and no error was reported. It returns
// the reader's name.
func checkBenchRead(b *testing.B, f corpus.SourceFile, res *Result) string {
	b.Helper()
	switch {
	case res == nil:
		b.Fatalf("%s (%s): no result", f.Name, f.Shape)
	case res.Reader == "":
		b.Fatalf("%s (%s): no reader recognised it: %v", f.Name, f.Shape, res.Diags)
	case res.Diags.HasErrors():
		b.Fatalf("%s (%s): read by %s with errors: %v", f.Name, f.Shape, res.Reader, res.Diags[:min(3, len(res.Diags))])
	case len(res.Service.Entries) == 0 || res.Rows != f.Errors:
		b.Fatalf("%s (%s): read by %s into %d rows and %d entries, want %d rows",
			f.Name, f.Shape, res.Reader, res.Rows, len(res.Service.Entries), f.Errors)
	}
	return res.Reader
}

// reportRows reports the rows of a source and the time per row.
func reportRows(b *testing.B, rows int) {
	b.ReportMetric(float64(rows), "rows")
	if b.N > 0 && rows > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
	}
}
