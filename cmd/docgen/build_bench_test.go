package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"docgen/internal/corpus"
)

var benchErrors = flag.String("corpus", "10k", "errors in BenchmarkBuild's corpus: 1k, 10k, 100k, 1M or a number")

// BenchmarkBuild runs docgen build in-process over a synthetic corpus of -corpus errors
// in one source per 100 errors (internal/corpus), each iteration into a fresh folder. It is
// the profile target of the whole build:
//
//	go test -run '^$' -bench '^BenchmarkBuild$' -benchtime 1x -corpus=100k \
//	  -cpuprofile cpu.out -memprofile mem.out ./cmd/docgen
func BenchmarkBuild(b *testing.B) {
	n, err := corpus.ParseSize(*benchErrors)
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(b.TempDir(), "src")
	if _, err := corpus.WriteSources(src, max(1, n/100), n); err != nil {
		b.Fatal(err)
	}
	outs := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		var errb strings.Builder
		ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, Err: &errb}
		opts := &BuildOptions{IO: ios, Out: filepath.Join(outs, fmt.Sprintf("out%d", i)), Quiet: true}
		opts.Sources = []string{src}
		if err := runBuild(context.Background(), opts); err != nil {
			b.Fatalf("%v\n%s", err, errb.String())
		}
	}
	b.ReportMetric(float64(n), "errors")
}
