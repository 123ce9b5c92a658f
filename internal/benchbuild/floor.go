package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// The floor is the least a build of the same output could cost: a Go program that creates
// the same folders and writes the same number of files of the same sizes at the same paths,
// filled with zeros, computing nothing. It runs as a subprocess, like docgen, so that both
// pay for starting a process; it writes with GOMAXPROCS goroutines, as fast as this machine
// creates files.

// writeManifest writes t as the floor's manifest: "d REL" per folder (parents first), then
// "f SIZE REL" per file.
func writeManifest(path string, t *tree) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, d := range t.dirs {
		fmt.Fprintf(w, "d %s\n", d)
	}
	for _, file := range t.files {
		fmt.Fprintf(w, "f %d %s\n", file.size, file.rel)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readManifest reads a manifest written by writeManifest.
func readManifest(path string) (*tree, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &tree{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "d "):
			t.dirs = append(t.dirs, line[2:])
		case strings.HasPrefix(line, "f "):
			size, rel, ok := strings.Cut(line[2:], " ")
			sz, err := strconv.ParseInt(size, 10, 64)
			if !ok || err != nil || sz < 0 {
				return nil, fmt.Errorf("%s:%d: bad file line %q", path, n, line)
			}
			t.files = append(t.files, treeFile{rel: rel, size: sz})
			t.bytes += sz
		default:
			return nil, fmt.Errorf("%s:%d: bad line %q", path, n, line)
		}
	}
	return t, sc.Err()
}

// runFloor is the floor subcommand: it recreates the tree of a manifest under -out.
func runFloor(args []string) error {
	fs := flag.NewFlagSet("benchbuild floor", flag.ContinueOnError)
	manifest := fs.String("manifest", "", "the manifest of the tree to write")
	out := fs.String("out", "", "the folder to write it into (created)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines writing files")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *manifest == "" || *out == "" {
		return errors.New("floor: give -manifest FILE and -out DIR")
	}
	t, err := readManifest(*manifest)
	if err != nil {
		return err
	}
	return writeTree(*out, t, max(1, *workers))
}

// writeTree creates t's folders under root, then writes its files, zero-filled, with
// workers goroutines.
func writeTree(root string, t *tree, workers int) error {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	// Folders of the same depth are independent: create each level with the workers.
	levels := map[int][]string{}
	depth := 0
	for _, d := range t.dirs {
		n := strings.Count(d, "/")
		levels[n] = append(levels[n], d)
		depth = max(depth, n)
	}
	for n := 0; n <= depth; n++ {
		if err := parallel(levels[n], workers, func(d string) error {
			if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil && !os.IsExist(err) {
				return err
			}
			return nil
		}); err != nil {
			return err
		}
	}
	var largest int64
	for _, f := range t.files {
		largest = max(largest, f.size)
	}
	zeros := make([]byte, largest)
	return parallel(t.files, workers, func(f treeFile) error {
		return os.WriteFile(filepath.Join(root, filepath.FromSlash(f.rel)), zeros[:f.size], 0o644)
	})
}

// parallel calls do for every item with workers goroutines and returns the first error;
// after an error the remaining items are skipped.
func parallel[T any](items []T, workers int, do func(T) error) error {
	next := make(chan T, 256)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for x := range next {
				if err := do(x); err != nil {
					errs <- err
					for range next {
					}
					return
				}
			}
		})
	}
	for _, x := range items {
		next <- x
	}
	close(next)
	wg.Wait()
	close(errs)
	return <-errs
}
