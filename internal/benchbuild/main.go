// Command benchbuild measures whole docgen builds as a user runs them: the real docgen
// binary, built once with go build, run as a subprocess on a synthetic corpus
// (internal/corpus, the same bytes every time) of 1k, 10k or 100k errors in one source per
// 100 errors. It reports the median wall time, peak RSS (the child's Maxrss from wait4) and
// CPU time of several runs, the files and bytes written, and the floor: a trivial Go program
// (this binary's floor mode) that writes the same files, of the same sizes and at the same
// relative paths, filled with zeros, into the same folder; runs of the two alternate, each
// into a fresh folder (see scratch). Then the ratio docgen/floor, and how time grows per 10×
// the errors. It is a benchmark, not a test: it judges nothing and fails only when a build
// fails.
//
// Usage:
//
//	go run ./internal/benchbuild                         # 1k and 10k, 3 runs each (make bench)
//	go run ./internal/benchbuild -sizes 1k,10k,100k -runs 5 -benchfmt new.txt
//	benchstat old.txt new.txt                            # compare two -benchfmt files
//
//	go run ./internal/benchbuild compare -sizes 1k,10k   # docgen vs Hugo + Pagefind (make bench-compare)
//
// The compare subcommand (compare.go) builds the same corpus as a Hugo site with one page
// per error (internal/hugoexport) and indexes it with Pagefind, alternating runs with docgen
// build, and measures in headless Chromium the bytes a first search query loads from each
// site. scripts/bench-compare.sh installs Hugo and Pagefind and calls it.
//
// The floor subcommand is what the benchmark runs as the floor; it is not meant to be run
// by hand:
//
//	benchbuild floor -manifest FILE -out DIR [-workers N]
//
// Output is Markdown tables, to paste into a note as they are, each with the command line,
// the Go version, the CPU count and the commit it measured. Shared machines are noisy: quote
// medians and ratios from one run of the benchmark, never a lone absolute time.
package main

import (
	"fmt"
	"os"
)

// main dispatches to the subcommand: build (the default), compare or floor.
func main() {
	args := os.Args[1:]
	var err error
	switch {
	case len(args) > 0 && args[0] == "floor":
		err = runFloor(args[1:])
	case len(args) > 0 && args[0] == "compare":
		err = runCompare(args[1:], os.Stdout, os.Stderr)
	case len(args) > 0 && args[0] == "build":
		err = runBuild(args[1:], os.Stdout, os.Stderr)
	default:
		err = runBuild(args, os.Stdout, os.Stderr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbuild:", err)
		os.Exit(1)
	}
}
