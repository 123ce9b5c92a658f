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
	stamp(t, target)

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
	stamp(t, target)
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
	for _, n := range []string{".public.tmp-123", ".public.old-456/prev", ".other.tmp-1", ".public.tmp-mine"} {
		os.MkdirAll(filepath.Join(dir, n, "x"), 0o755)
	}
	stamp(t, filepath.Join(dir, ".public.tmp-123"))
	stamp(t, filepath.Join(dir, ".public.old-456/prev"))
	os.Mkdir(filepath.Join(dir, ".public.tmp-empty"), 0o755)
	os.Mkdir(target, 0o755) // so that the old folder is stale, not a previous output to put back
	o, err := NewOutput(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	// A folder that only looks like docgen's (no stamp) is somebody else's: it stays.
	assertOnly(t, dir, ".other.tmp-1", ".public.tmp-mine", "public")
}

// stamp marks dir as a folder docgen wrote.
func stamp(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, StampFile), []byte(stampText), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNewOutputRefusesFoldersItDidNotWrite: an existing folder that is not empty and has no
// stamp, one that holds a protected path, the working directory or a folder above it, and
// a link are refused with an error naming the path, and nothing is touched.
func TestNewOutputRefusesFoldersItDidNotWrite(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("work/content", 0o755)
	os.WriteFile("work/content/errors.md", []byte("# errors"), 0o644)
	os.MkdirAll("mine", 0o755)
	os.WriteFile("mine/notes.txt", []byte("mine"), 0o644)
	os.Symlink("mine", "link")
	keep := []Protected{{"work/content/errors.md", "source"}}
	for _, tc := range []struct{ target, want string }{
		{"mine", "output mine already holds files that docgen did not write (it has no .docgen-output)"},
		{"work/content", "output work/content holds source work/content/errors.md"},
		{"work", "output work holds source work/content/errors.md"},
		{"link", "output link is a symbolic link"},
		{"..", "output .. holds the working directory (" + dir},
		{dir, "output " + dir + " is the working directory"},
	} {
		before := listTree(t, dir)
		_, err := NewOutput(context.Background(), tc.target, keep...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewOutput(%q) = %v, want an error containing %q", tc.target, err, tc.want)
		}
		if after := listTree(t, dir); after != before {
			t.Errorf("NewOutput(%q) changed the folder:\n%s\nwas\n%s", tc.target, after, before)
		}
	}
	// The output of a docgen from before the stamp is refused too, with advice for it.
	os.MkdirAll("old", 0o755)
	for _, n := range []string{"catalog.json", "catalog.schema.json", "404.html"} {
		os.WriteFile(filepath.Join("old", n), []byte("{}"), 0o644)
	}
	if _, err := NewOutput(context.Background(), "old"); err == nil || !strings.Contains(err.Error(), "a docgen from before the stamp: remove it yourself once") {
		t.Errorf("an old output: %v", err)
	}
	// Inside the working directory, an empty folder, or a stamped one, is fine.
	os.Mkdir("empty", 0o755)
	for _, target := range []string{"empty", "work/content/public", "fresh"} {
		o, err := NewOutput(context.Background(), target, keep...)
		if err != nil {
			t.Fatalf("NewOutput(%q): %v", target, err)
		}
		if err := o.Commit(); err != nil {
			t.Fatal(err)
		}
		if !IsOutput(target) {
			t.Errorf("%s has no stamp after Commit", target)
		}
		if _, err := NewOutput(context.Background(), target, keep...); err != nil {
			t.Errorf("a second build into %s: %v", target, err)
		}
	}
}

// listTree lists every path under dir, for comparing before and after.
func listTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		b.WriteString(p + "\n")
		return nil
	})
	return b.String()
}

// TestCommitWithoutExchange takes the path of systems that cannot swap two folders, and
// stops a commit between its two renames: the next NewOutput puts the previous output back.
func TestCommitWithoutExchange(t *testing.T) {
	swap = func(a, b string) error { return errors.ErrUnsupported }
	t.Cleanup(func() { swap = exchange })
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	build := func(content string) *Output {
		o, err := NewOutput(context.Background(), target)
		if err != nil {
			t.Fatal(err)
		}
		if err := o.WriteFile("index.html", []byte(content)); err != nil {
			t.Fatal(err)
		}
		return o
	}
	if err := build("one").Commit(); err != nil {
		t.Fatal(err)
	}
	if err := build("two").Commit(); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(target, "index.html"), "two")
	assertOnly(t, dir, "public")

	// A build killed after moving the previous output aside, before moving its own in.
	o := build("three")
	if _, err := o.moveAside(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("target still there after moveAside: %v", err)
	}
	// The next build puts "two" back first, and a failed build leaves it there.
	o = build("four")
	assertFile(t, filepath.Join(target, "index.html"), "two")
	o.Abort()
	assertFile(t, filepath.Join(target, "index.html"), "two")
	assertOnly(t, dir, "public")
}

// TestCommitExchanges: on Linux the previous output and the new one swap places in one
// step; a kill right after leaves the previous output under the temporary name, which the
// next build removes.
func TestCommitExchanges(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	for _, content := range []string{"one", "two"} {
		o, err := NewOutput(context.Background(), target)
		if err != nil {
			t.Fatal(err)
		}
		o.WriteFile("index.html", []byte(content))
		if content == "two" {
			if err := exchange(o.tmp, o.target); err != nil {
				t.Skipf("no atomic exchange here: %v", err)
			}
			assertFile(t, filepath.Join(target, "index.html"), "two")
			assertFile(t, filepath.Join(o.tmp, "index.html"), "one")
			o.done = true // killed here
			break
		}
		if err := o.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	o, err := NewOutput(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	assertOnly(t, dir, "public")
	assertFile(t, filepath.Join(target, "index.html"), "two")
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	if data, err := os.ReadFile(path); err != nil || string(data) != want {
		t.Errorf("%s = %q, %v; want %q", path, data, err, want)
	}
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
