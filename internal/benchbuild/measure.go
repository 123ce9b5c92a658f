package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// sample is what one run of a subprocess cost.
type sample struct {
	wall   time.Duration
	cpu    time.Duration // user + system time of the child and the children it waited for
	maxRSS int64         // peak resident set, bytes (the largest of the child and its waited children)
}

// run is a finished subprocess: its cost and the tail of what it printed.
type run struct {
	sample
	stderr string
}

// measure runs name with args in dir and returns its wall time, CPU time and peak RSS. It
// fails when the command exits non-zero, quoting the end of its output.
func measure(dir, name string, args ...string) (run, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	r := run{stderr: errb.String()}
	r.wall = wall
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.maxRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
		}
	}
	if err != nil {
		return r, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(out.String()+errb.String(), 2000))
	}
	return r, nil
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// scratch hands out a fresh output folder to every run and removes them all at the end,
// so that no timed run follows the deletion of the previous run's files: on this kind of
// machine (ext4 mounted with discard, a virtual disk), writing 100,000 files right after
// deleting 100,000 others took 2-4 times as long as writing them into a fresh folder. When
// the disk runs short, it removes the oldest folders first.
type scratch struct {
	base string   // path prefix of the folders: base-1, base-2, …
	need int64    // bytes a run writes, once known: keep twice that free
	used []string // folders handed out and not yet removed, oldest first
	n    int      // folders handed out so far
}

// newScratch returns a scratch for folders named name-N inside dir.
func newScratch(dir, name string) *scratch { return &scratch{base: filepath.Join(dir, name)} }

// next returns a folder that does not exist yet, for one run to write.
func (s *scratch) next() (string, error) {
	for len(s.used) > 0 && freeBytes(filepath.Dir(s.base)) < 2*s.need+1<<30 {
		if err := os.RemoveAll(s.used[0]); err != nil {
			return "", err
		}
		s.used = s.used[1:]
	}
	s.n++
	p := fmt.Sprintf("%s-%d", s.base, s.n)
	if err := os.RemoveAll(p); err != nil { // left by an earlier benchmark in the same -dir
		return "", err
	}
	s.used = append(s.used, p)
	syncFS()
	return p, nil
}

// clean removes every folder handed out and flushes the file system.
func (s *scratch) clean() {
	for _, p := range s.used {
		os.RemoveAll(p)
	}
	s.used = nil
	syncFS()
}

// freeBytes returns the space free to an unprivileged user on dir's file system, or a
// very large number when it cannot tell.
func freeBytes(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return math.MaxInt64
	}
	return int64(st.Bavail) * st.Bsize
}

// syncFS writes every dirty page of every file system back to disk.
func syncFS() { syscall.Sync() }

// median returns the median of xs (the mean of the middle two for an even count).
func median[T int64 | time.Duration | float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// stats collects the samples of several runs and gives their medians.
type stats struct {
	samples []sample
}

// add records one run.
func (s *stats) add(x sample) { s.samples = append(s.samples, x) }

// pick returns f of every run.
func (s *stats) pick(f func(sample) int64) []int64 {
	xs := make([]int64, len(s.samples))
	for i, x := range s.samples {
		xs[i] = f(x)
	}
	return xs
}

// wall is the median wall time.
func (s *stats) wall() time.Duration {
	return time.Duration(median(s.pick(func(x sample) int64 { return int64(x.wall) })))
}

// cpu is the median CPU time.
func (s *stats) cpu() time.Duration {
	return time.Duration(median(s.pick(func(x sample) int64 { return int64(x.cpu) })))
}

// rss is the median peak RSS in bytes.
func (s *stats) rss() int64 { return median(s.pick(func(x sample) int64 { return x.maxRSS })) }

// walls lists every run's wall time in seconds, in run order.
func (s *stats) walls() string {
	var b []string
	for _, x := range s.samples {
		b = append(b, fmt.Sprintf("%.2f", x.wall.Seconds()))
	}
	return strings.Join(b, " ")
}

// treeFile is one file of an output tree.
type treeFile struct {
	rel  string // slash-separated, relative to the tree's root
	size int64
}

// tree is what a build wrote: its folders and files.
type tree struct {
	dirs  []string // slash-separated, relative, parents before children, root excluded
	files []treeFile
	bytes int64
}

// walkTree lists the folders and files under root, in lexical order.
func walkTree(root string) (*tree, error) {
	t := &tree{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			t.dirs = append(t.dirs, rel)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		t.files = append(t.files, treeFile{rel: rel, size: info.Size()})
		t.bytes += info.Size()
		return nil
	})
	return t, err
}

// sizeUnder sums the files of t whose path starts with prefix.
func (t *tree) sizeUnder(prefix string) (files int, bytes int64) {
	for _, f := range t.files {
		if strings.HasPrefix(f.rel, prefix) {
			files++
			bytes += f.size
		}
	}
	return files, bytes
}

// moduleRoot returns the folder of the main module's go.mod, where go build must run.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside the docgen module: run from the repository")
	}
	return filepath.Dir(mod), nil
}

// goBuild builds pkg (e.g. "./cmd/docgen") of the module at root into dir and returns the
// binary's path.
func goBuild(root, pkg, dir string) (string, error) {
	bin := filepath.Join(dir, filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", pkg, err, out)
	}
	return bin, nil
}

// environment describes the machine and the code measured, for the report's header.
func environment(root string) string {
	commit := "unknown commit"
	if out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output(); err == nil {
		commit = "commit " + strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
			commit += " + uncommitted changes"
		}
	}
	return fmt.Sprintf("%s %s/%s, %d CPUs (GOMAXPROCS %d), %s, %s", runtime.Version(), runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.GOMAXPROCS(0), commit, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
}

// per10x scales the ratio r of two measurements taken at sizes n1 < n2 to exactly 10× the
// size, assuming a power law between them: r^(1/log10(n2/n1)).
func per10x(r float64, n1, n2 int) float64 {
	return math.Pow(r, 1/math.Log10(float64(n2)/float64(n1)))
}

// mib formats bytes as MiB.
func mib(b int64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }

// mb formats bytes as MB.
func mb(b int64) string { return fmt.Sprintf("%.1f", float64(b)/1e6) }

// kb formats bytes as KB.
func kb(b int64) string { return fmt.Sprintf("%.1f", float64(b)/1e3) }

// secs formats a duration in seconds.
func secs(d time.Duration) string { return fmt.Sprintf("%.2f", d.Seconds()) }

// ratio formats a/b.
func ratio[T int64 | time.Duration](a, b T) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// parseSizes reads a comma-separated list of corpus sizes ("1k,10k").
func parseSizes(s string, parse func(string) (int, error)) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := parse(f)
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return nil, errors.New("no sizes")
	}
	slices.SortFunc(sizes, cmp.Compare)
	return slices.Compact(sizes), nil
}

// lastLine returns the last non-empty line of s that starts with prefix.
func lastLine(s, prefix string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], prefix) {
			return strings.TrimSpace(lines[i])
		}
	}
	return ""
}
