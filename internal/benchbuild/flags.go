package main

import (
	"flag"
	"io"

	"docgen/internal/corpus"
)

// benchFlags are the flags the build benchmark and compare share: what to build, how
// often, and where.
type benchFlags struct {
	sizesText         string
	sizes             []int // parsed from sizesText
	runs, warmup, per int
	docgen            string
	dir               string
	keep              bool
}

// newFlagSet returns the flag set of a subcommand with the shared flags bound to b; each
// side says in other what its measured runs are of.
func (b *benchFlags) newFlagSet(name, other string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&b.sizesText, "sizes", "1k,10k", "corpus sizes in errors, comma-separated: 1k, 10k, 100k, 1M or numbers")
	fs.IntVar(&b.runs, "runs", 3, "measured runs of docgen and of "+other+" at each size (alternating; the median is reported)")
	fs.IntVar(&b.warmup, "warmup", 1, "unmeasured runs of each side before the measured ones (build takes at least 1: it gives the floor its tree)")
	fs.IntVar(&b.per, "per", 100, "errors per source file")
	fs.StringVar(&b.docgen, "docgen", "", "the docgen binary to measure (default: go build ./cmd/docgen once)")
	fs.StringVar(&b.dir, "dir", "", "work folder for corpora and outputs (default: a temporary folder)")
	fs.BoolVar(&b.keep, "keep", false, "keep the work folder")
	return fs
}

// parse parses args into fs and b.
func (b *benchFlags) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	sizes, err := parseSizes(b.sizesText, corpus.ParseSize)
	if err != nil {
		return err
	}
	b.sizes, b.runs = sizes, max(1, b.runs)
	return nil
}
