package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"docgen/internal/corpus"
)

// buildResult is what the whole-build benchmark measured at one size.
type buildResult struct {
	errors, sources int
	docgen, floor   stats
	out             *tree  // docgen's output
	summary         string // docgen's own summary line, from its first run
	mismatch        string // set when a run wrote another number of files or bytes
	genTime         time.Duration
}

// runBuild is the whole-build benchmark (make bench).
func runBuild(args []string, stdout, stderr io.Writer) error {
	var bf benchFlags
	fs := bf.newFlagSet("benchbuild", "the floor", stderr)
	benchfmt := fs.String("benchfmt", "", "also write every run in Go benchmark format to this file, for benchstat")
	floorWorkers := fs.Int("floor-workers", 0, "goroutines the floor writes with (default GOMAXPROCS)")
	if err := bf.parse(fs, args); err != nil {
		return err
	}
	bf.warmup = max(1, bf.warmup)
	sizes := bf.sizes
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	work, cleanup, err := workDir(bf.dir, bf.keep, "docgen-benchbuild-")
	if err != nil {
		return err
	}
	defer cleanup()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bin := bf.docgen
	if bin == "" {
		fmt.Fprintln(stderr, "benchbuild: go build ./cmd/docgen")
		if bin, err = goBuild(root, "./cmd/docgen", work); err != nil {
			return err
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	floorArgs := func(manifest, out string) []string {
		a := []string{"floor", "-manifest", manifest, "-out", out}
		if *floorWorkers > 0 {
			a = append(a, "-workers", strconv.Itoa(*floorWorkers))
		}
		return a
	}

	var results []*buildResult
	for _, n := range sizes {
		name := corpus.FormatSize(n)
		res := &buildResult{errors: n, sources: max(1, n/bf.per)}
		src := "src-" + name
		manifest := filepath.Join(work, "manifest-"+name+".txt")
		t0 := time.Now()
		if _, err := corpus.WriteSources(filepath.Join(work, src), res.sources, n); err != nil {
			return err
		}
		res.genTime = time.Since(t0)
		fmt.Fprintf(stderr, "benchbuild: %s: corpus of %d sources written in %.2fs\n", name, res.sources, res.genTime.Seconds())
		outs := newScratch(work, "out-"+name)
		// docgen and floor run once, each into a fresh folder, and return the folder.
		docgen := func() (run, string, error) {
			out, err := outs.next()
			if err != nil {
				return run{}, "", err
			}
			r, err := measure(work, bin, "build", src, "--out", filepath.Base(out))
			return r, out, err
		}
		floor := func() (run, string, error) {
			out, err := outs.next()
			if err != nil {
				return run{}, "", err
			}
			r, err := measure(work, self, floorArgs(manifest, filepath.Base(out))...)
			return r, out, err
		}
		for w := range bf.warmup {
			r, out, err := docgen()
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "benchbuild: %s: warm-up docgen %.2fs\n", name, r.wall.Seconds())
			if w == 0 {
				res.summary = lastLine(r.stderr, "docgen:")
				if res.out, err = walkTree(out); err != nil {
					return err
				}
				outs.need = res.out.bytes
				if err := writeManifest(manifest, res.out); err != nil {
					return err
				}
			}
		}
		for i := range bf.runs {
			steps := []string{"docgen", "floor"}
			if i%2 == 1 {
				steps = []string{"floor", "docgen"}
			}
			for _, step := range steps {
				do, st := docgen, &res.docgen
				if step == "floor" {
					do, st = floor, &res.floor
				}
				r, out, err := do()
				if err != nil {
					return err
				}
				st.add(r.sample)
				fmt.Fprintf(stderr, "benchbuild: %s: run %d/%d %-6s %6.2fs %7s MiB\n", name, i+1, bf.runs, step, r.wall.Seconds(), mib(r.maxRSS))
				t, err := walkTree(out)
				if err != nil {
					return err
				}
				if len(t.files) != len(res.out.files) || t.bytes != res.out.bytes || len(t.dirs) != len(res.out.dirs) {
					res.mismatch += fmt.Sprintf("; %s run %d wrote %d files, %d folders, %d bytes (first docgen run: %d, %d, %d)",
						step, i+1, len(t.files), len(t.dirs), t.bytes, len(res.out.files), len(res.out.dirs), res.out.bytes)
				}
			}
		}
		if !bf.keep {
			outs.clean()
			os.RemoveAll(filepath.Join(work, src))
		}
		results = append(results, res)
	}
	printBuild(stdout, results, bf.runs, bf.warmup, fs, root)
	if *benchfmt != "" {
		if err := writeBenchfmt(*benchfmt, results); err != nil {
			return err
		}
	}
	return nil
}

// workDir returns the folder to work in and a function that removes it unless keep (or
// unless it was named and existed before).
func workDir(dir string, keep bool, prefix string) (string, func(), error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", nil, err
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return "", nil, err
		}
		return abs, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	if keep {
		return tmp, func() { fmt.Fprintln(os.Stderr, "benchbuild: kept", tmp) }, nil
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

// commandLine reconstructs how the benchmark was run, for the report.
func commandLine(fs *flag.FlagSet, sub string) string {
	parts := []string{"go run ./internal/benchbuild"}
	if sub != "" {
		parts = append(parts, sub)
	}
	fs.Visit(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && f.Value.String() == "true" {
			parts = append(parts, "-"+f.Name)
			return
		}
		parts = append(parts, "-"+f.Name+" "+f.Value.String())
	})
	return strings.Join(parts, " ")
}

// printBuild writes the whole-build report: the table per size, the scaling between
// consecutive sizes and every run's wall time.
func printBuild(w io.Writer, results []*buildResult, runs, warmup int, fs *flag.FlagSet, root string) {
	fmt.Fprintf(w, "\n## docgen build: whole process, median of %d runs (after %d warm-up)\n\n", runs, warmup)
	fmt.Fprintf(w, "command: `%s`  \n", commandLine(fs, ""))
	fmt.Fprintf(w, "machine: %s  \n", environment(root))
	fmt.Fprintf(w, "floor: a Go program writing the same files (same relative paths and sizes, zeros) into the same folder, GOMAXPROCS goroutines; runs alternate with docgen's; every run writes into a fresh folder (removed after the size's last run)\n\n")
	fmt.Fprintln(w, "| errors | sources | docgen s | floor s | docgen/floor | docgen peak RSS MiB | floor peak RSS MiB | docgen CPU s | cores busy | files | folders | MB written |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		dw, fw := r.docgen.wall(), r.floor.wall()
		busy := "–"
		if dw > 0 {
			busy = fmt.Sprintf("%.2f", r.docgen.cpu().Seconds()/dw.Seconds())
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s |\n",
			corpus.FormatSize(r.errors), r.sources, secs(dw), secs(fw), ratio(dw, fw),
			mib(r.docgen.rss()), mib(r.floor.rss()), secs(r.docgen.cpu()), busy,
			len(r.out.files), len(r.out.dirs), mb(r.out.bytes))
	}
	if len(results) > 1 {
		fmt.Fprintln(w, "\nScaling (median wall time; \"per 10×\" scales the ratio to exactly 10× the errors):")
		fmt.Fprintln(w, "\n| from → to | errors × | docgen time × | docgen per 10× | floor time × | docgen peak RSS × | files × |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
		for i := 1; i < len(results); i++ {
			a, b := results[i-1], results[i]
			x := float64(b.docgen.wall()) / float64(a.docgen.wall())
			fmt.Fprintf(w, "| %s → %s | %.0f | %.2f | %.2f | %s | %s | %.2f |\n",
				corpus.FormatSize(a.errors), corpus.FormatSize(b.errors), float64(b.errors)/float64(a.errors),
				x, per10x(x, a.errors, b.errors), ratio(b.floor.wall(), a.floor.wall()),
				ratio(b.docgen.rss(), a.docgen.rss()), float64(len(b.out.files))/float64(len(a.out.files)))
		}
	}
	fmt.Fprintln(w, "\nEvery run (wall s, in order):")
	fmt.Fprintln(w)
	for _, r := range results {
		fmt.Fprintf(w, "- %s: docgen %s; floor %s\n", corpus.FormatSize(r.errors), r.docgen.walls(), r.floor.walls())
		if r.summary != "" {
			fmt.Fprintf(w, "  - docgen said: `%s`\n", r.summary)
		}
		if r.mismatch != "" {
			fmt.Fprintf(w, "  - NOTE: outputs differ between runs%s\n", r.mismatch)
		}
	}
}

// writeBenchfmt writes every run in the Go benchmark format, one line per run, so that
// benchstat can compare two runs of the benchmark.
func writeBenchfmt(path string, results []*buildResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "goos: linux\npkg: docgen/internal/benchbuild\n")
	for _, r := range results {
		for _, tool := range []struct {
			name string
			st   *stats
		}{{"docgen", &r.docgen}, {"floor", &r.floor}} {
			for _, s := range tool.st.samples {
				fmt.Fprintf(&b, "BenchmarkBuild/errors=%s/%s 1 %d ns/op %d peak-RSS-B %d cpu-ns/op %d files %d B-written\n",
					corpus.FormatSize(r.errors), tool.name, s.wall.Nanoseconds(), s.maxRSS, s.cpu.Nanoseconds(), len(r.out.files), r.out.bytes)
			}
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
