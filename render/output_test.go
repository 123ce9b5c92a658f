package render

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputCommitReplacesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	if err := os.MkdirAll(filepath.Join(target, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(target, "old", "stale.html"), []byte("old"), 0o644)

	o, err := NewOutput(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.WriteFile("svc/code/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	// Until Commit, the target is untouched.
	if _, err := os.Stat(filepath.Join(target, "svc")); !os.IsNotExist(err) {
		t.Errorf("new file visible before Commit: %v", err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "svc/code/index.html")); string(data) != "new" {
		t.Errorf("committed file = %q", data)
	}
	if _, err := os.Stat(filepath.Join(target, "old")); !os.IsNotExist(err) {
		t.Errorf("the previous output survived the commit")
	}
	assertOnly(t, dir, "public")
}

func TestOutputAbortLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	os.MkdirAll(target, 0o755)
	os.WriteFile(filepath.Join(target, "keep.txt"), []byte("keep"), 0o644)
	o, err := NewOutput(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	o.WriteFile("x.txt", []byte("x"))
	o.Abort()
	if data, _ := os.ReadFile(filepath.Join(target, "keep.txt")); string(data) != "keep" {
		t.Errorf("abort changed the target")
	}
	assertOnly(t, dir, "public")
}

func TestOutputRefusesEscapingPaths(t *testing.T) {
	dir := t.TempDir()
	o, err := NewOutput(context.Background(), filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	for _, rel := range []string{"../evil", "/etc/passwd", "a/../../b", "", "a//b", "./a"} {
		if err := o.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "evil")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside the output")
	}
}

func TestNewOutputCleansStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	for _, n := range []string{".public.tmp-123", ".public.old-456", ".other.tmp-1"} {
		os.MkdirAll(filepath.Join(dir, n, "x"), 0o755)
	}
	o, err := NewOutput(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	assertOnly(t, dir, ".other.tmp-1")
}

func TestNewOutputRefusesCurrentDirectory(t *testing.T) {
	for _, target := range []string{".", "", "/"} {
		if _, err := NewOutput(context.Background(), target); err == nil {
			t.Errorf("NewOutput(context.Background(), %q) succeeded", target)
		}
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o644)
	if _, err := NewOutput(context.Background(), f); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("NewOutput(context.Background(), file) = %v, want an error", err)
	}
}

// assertOnly asserts that dir holds exactly the named entries.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func TestOutputStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	o, err := NewOutput(ctx, filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.WriteFile("a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := o.WriteFile("b.txt", []byte("b")); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteFile after cancel = %v, want context.Canceled", err)
	}
	if err := o.Commit(); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after cancel = %v, want context.Canceled", err)
	}
	assertOnly(t, dir)
}

func TestOutputCreateStreams(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o, err := NewOutput(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Create("../x"); err == nil {
		t.Error("Create accepted a path leaving the output")
	}
	f, err := Create(o, "a/b/big.json")
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("0123456789", 100_000)
	for range 3 {
		if _, err := f.Write([]byte(big)); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := o.Written(); n != 0 {
		t.Errorf("a file counts as written before Close: %d", n)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if n, b := o.Written(); n != 1 || b != int64(3*len(big)) {
		t.Errorf("Written() = %d files, %d bytes; want 1, %d", n, b, 3*len(big))
	}
	// Cancelling stops a stream at its next write.
	g, err := o.Create("c.txt")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := g.Write([]byte("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("write after cancel: %v", err)
	}
	if err := g.Close(); err == nil {
		t.Error("Close after a failed write succeeded")
	}
	o.Abort()
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("aborted output exists: %v", err)
	}
}

// memWriter is a Writer without Create.
type memWriter map[string][]byte

func (m memWriter) WriteFile(rel string, data []byte) error { m[rel] = data; return nil }

func TestCreateBuffersForPlainWriters(t *testing.T) {
	m := memWriter{}
	f, err := Create(m, "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("a: 1\n"))
	if _, ok := m["x.yaml"]; ok {
		t.Error("file handed over before Close")
	}
	if err := f.Close(); err != nil || string(m["x.yaml"]) != "a: 1\n" {
		t.Errorf("after Close: %q, %v", m["x.yaml"], err)
	}
}

func TestOutputRelativeTarget(t *testing.T) {
	t.Chdir(t.TempDir())
	o, err := NewOutput(context.Background(), "public")
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"index.html", "a/b/c/index.html", "a/b/d/index.html", "a/index.html"} {
		if err := o.WriteFile(rel, []byte(rel)); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join("public", "a", "b", "d", "index.html")); err != nil || string(data) != "a/b/d/index.html" {
		t.Errorf("read back: %q, %v", data, err)
	}
}
