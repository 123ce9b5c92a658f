// Command gencorpus writes a synthetic corpus of error documentation source files, the same
// bytes for the same arguments, in every shape docgen reads (Markdown headings, Markdown
// tables, tables under status headings, text copied from web pages, HTML), for benchmarks
// and scale tests. The corpus itself is made by internal/corpus (WriteSources).
//
// Usage:
//
//	go run ./internal/gencorpus -size 10k -out /tmp/corpus-10k          # 10,000 errors in 100 sources
//	go run ./internal/gencorpus -sources 1000 -errors 100000 -out DIR
//	go run ./internal/gencorpus -size 1M -out DIR -clean                # 1,000,000 errors, 10,000 sources
//
// -size takes 1k, 10k, 100k or 1M (or any number); unless -sources is given, a corpus has
// one source per 100 errors, as the scale issue's 100,000 errors in 1,000 sources. The
// output folder must be empty or missing; -clean removes it first.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"docgen/internal/corpus"
)

// main runs the command and exits 2 on a usage or I/O error.
func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
}

// run parses the flags, writes the corpus and prints what it wrote per shape.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.String("size", "", "number of errors: 1k, 10k, 100k, 1M or a number (same as -errors)")
	nErrors := fs.Int("errors", 0, "number of errors (rows) in the corpus")
	sources := fs.Int("sources", 0, "number of source files (default: one per 100 errors)")
	out := fs.String("out", "", "the folder to write into (must be empty or missing)")
	clean := fs.Bool("clean", false, "remove the output folder first")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *size != "" {
		n, err := corpus.ParseSize(*size)
		if err != nil {
			return err
		}
		if *nErrors != 0 && *nErrors != n {
			return errors.New("-size and -errors disagree: give one")
		}
		*nErrors = n
	}
	if *nErrors <= 0 {
		return errors.New("give -size or -errors")
	}
	if *out == "" {
		return errors.New("give -out DIR")
	}
	if *sources == 0 {
		*sources = corpus.DefaultSources(*nErrors)
	}
	if *clean {
		if err := os.RemoveAll(*out); err != nil {
			return err
		}
	} else if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is not empty: pass -clean to replace it", *out)
	}
	t0 := time.Now()
	files, err := corpus.WriteSources(*out, *sources, *nErrors)
	if err != nil {
		return err
	}
	if *quiet {
		return nil
	}
	var bytes int64
	perShape := map[corpus.Shape][2]int{}
	for _, f := range files {
		if fi, err := os.Stat(*out + "/" + f.Name); err == nil {
			bytes += fi.Size()
		}
		c := perShape[f.Shape]
		perShape[f.Shape] = [2]int{c[0] + 1, c[1] + f.Errors}
	}
	fmt.Fprintf(stdout, "gencorpus: %d errors in %d sources (%.1f MB) written to %s in %.2fs\n",
		*nErrors, len(files), float64(bytes)/1e6, *out, time.Since(t0).Seconds())
	for _, s := range corpus.Shapes() {
		if c := perShape[s]; c[0] > 0 {
			fmt.Fprintf(stdout, "  %-22s %6d files %9d errors\n", s, c[0], c[1])
		}
	}
	return nil
}
