package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"docgen/render"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// buildBinary compiles docgen once for the tests that need a real process to kill.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "docgen-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "docgen")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// bigSource writes a Markdown table of n error rows: large enough that a build spends a
// while between creating its temporary folder and renaming it into place.
func bigSource(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Big\n\n| Code | Status | Message | Description |\n|---|---|---|---|\n")
	for i := range n {
		fmt.Fprintf(&b, "| E%07d | %d | Message %d | A description of error %d that is long enough to matter. |\n", i, 400+i%100, i, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// signalled is how a build that startAndSignal ran ended.
type signalled struct {
	err    error  // from Wait
	stderr string // what the build printed
	sent   bool   // whether the signal landed while the build was writing
}

// startAndSignal starts a build of src into dir/public and sends sig as soon as the build's
// temporary folder exists.
func startAndSignal(t *testing.T, bin, dir, src string, sig os.Signal) signalled {
	t.Helper()
	cmd := exec.Command(bin, "build", src, "--out", "public")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case err := <-done:
			return signalled{err, stderr.String(), false}
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("build did not finish in 60s")
		default:
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*")); len(m) > 0 {
			cmd.Process.Signal(sig)
			err := <-done
			return signalled{err, stderr.String(), true}
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// prepare makes a folder with a previous output and a big source.
func prepare(t *testing.T, rows int) (dir string, before []byte) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "public"), 0o755)
	before = []byte(`{"previous": "output"}`)
	os.WriteFile(filepath.Join(dir, "public", "catalog.json"), before, 0o644)
	os.WriteFile(filepath.Join(dir, "public", render.StampFile), nil, 0o644) // docgen's, so replaceable
	bigSource(t, filepath.Join(dir, "big.md"), rows)
	return dir, before
}

func assertPrevious(t *testing.T, dir string, before []byte) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, "public", "catalog.json"))
	if err != nil || !bytes.Equal(got, before) {
		t.Errorf("previous output changed: %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "public")); len(entries) != 2 {
		t.Errorf("previous output holds %d files, want 2 (catalog.json and the stamp)", len(entries))
	}
}

// TestKilledBuildLeavesPreviousOutput kills a real build with SIGKILL half-way: the
// previous output stays exactly as it was, and the next build removes the temporary
// folder the killed one left behind.
func TestKilledBuildLeavesPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a real process")
	}
	bin := buildBinary(t)
	for _, rows := range []int{50_000, 200_000} {
		dir, before := prepare(t, rows)
		if !startAndSignal(t, bin, dir, "big.md", syscall.SIGKILL).sent {
			continue // finished before the kill landed: try a bigger build
		}
		assertPrevious(t, dir, before)
		if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*")); len(m) == 0 {
			t.Fatalf("a killed build left no temporary folder: was it killed while writing?")
		}
		// The next build cleans up after the killed one.
		os.WriteFile(filepath.Join(dir, "small.md"), []byte("| Code | Status |\n|---|---|\n| SMALL | 400 |\n"), 0o644)
		cmd := exec.Command(bin, "build", "small.md", "--out", "public", "-q")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build after kill: %v\n%s", err, out)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(m) != 0 {
			t.Errorf("left behind after the next build: %v", m)
		}
		return
	}
	t.Fatal("every build finished before SIGKILL could land while it was writing")
}

// TestInterruptedBuildExits130 sends SIGINT (Ctrl-C) to a real build while it writes: it
// exits 130, says so, writes nothing and removes its temporary folder.
func TestInterruptedBuildExits130(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and interrupts a real process")
	}
	bin := buildBinary(t)
	for _, rows := range []int{50_000, 200_000} {
		dir, before := prepare(t, rows)
		r := startAndSignal(t, bin, dir, "big.md", os.Interrupt)
		if !r.sent {
			continue
		}
		err, stderr := r.err, r.stderr
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != ExitInterrupted {
			t.Fatalf("exit = %v, want %d; stderr:\n%s", err, ExitInterrupted, stderr)
		}
		if !strings.Contains(stderr, "docgen: interrupted; nothing written") {
			t.Errorf("stderr = %q", stderr)
		}
		assertPrevious(t, dir, before)
		if m, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(m) != 0 {
			t.Errorf("an interrupted build left %v behind", m)
		}
		return
	}
	t.Fatal("every build finished before SIGINT could land while it was writing")
}

// TestReproducibleAcrossMachines builds the default content with the real binary in two
// different directories, with one core and with two, and the same SOURCE_DATE_EPOCH: every
// output byte must be the same.
func TestReproducibleAcrossMachines(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the real binary twice")
	}
	bin := buildBinary(t)
	var trees []map[string][]byte
	for _, procs := range []string{"1", "2"} {
		dir := filepath.Join(t.TempDir(), "work-"+procs)
		if err := copyDir(contentDir, filepath.Join(dir, "content")); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "build", "--quiet")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs, "SOURCE_DATE_EPOCH=1700000000")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build with GOMAXPROCS=%s: %v\n%s", procs, err, out)
		}
		trees = append(trees, readTree(t, filepath.Join(dir, "public")))
	}
	if len(trees[0]) < 100 {
		t.Fatalf("the build wrote only %d files", len(trees[0]))
	}
	for name, data := range trees[0] {
		if !bytes.Equal(data, trees[1][name]) {
			t.Errorf("%s differs between GOMAXPROCS=1 in one folder and GOMAXPROCS=2 in another", name)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("the builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
}
