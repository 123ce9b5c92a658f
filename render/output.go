package render

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// Output is an output directory being built. Files go into a temporary directory beside
// the target (same parent, so the final rename stays on one file system); Commit swaps it
// into place, Abort removes it. Until Commit, the target is untouched.
type Output struct {
	ctx    context.Context // when it is done, writes fail and the build aborts
	target string          // the output directory the user asked for
	tmp    string          // where files are written until Commit
	done   bool

	files, bytes atomic.Int64 // written so far, for the build's summary
	dirs         sync.Map     // folders under tmp known to exist
}

// The prefixes of the directories an Output leaves beside its target while it works.
// A build that was killed can leave them behind; the next build removes them.
func tmpPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }
func oldPrefix(target string) string { return "." + filepath.Base(target) + ".old-" }

// NewOutput starts building target. It first removes what earlier, interrupted builds left
// beside target. Once ctx is done (an interrupt), every write fails with ctx's error.
func NewOutput(ctx context.Context, target string) (*Output, error) {
	target = filepath.Clean(target)
	if target == "." || target == "/" || target == "" {
		return nil, fmt.Errorf("output directory %q: refusing to replace the current or root directory", target)
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	if fi, err := os.Stat(target); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a directory", target)
	}
	CleanStale(target)
	tmp, err := os.MkdirTemp(parent, tmpPrefix(target))
	if err != nil {
		return nil, fmt.Errorf("create temporary output directory: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("create temporary output directory: %w", err)
	}
	return &Output{ctx: ctx, target: target, tmp: tmp}, nil
}

// CleanStale removes temporary directories that interrupted builds of target left behind.
func CleanStale(target string) {
	parent := filepath.Dir(filepath.Clean(target))
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, tmpPrefix(target)) || strings.HasPrefix(n, oldPrefix(target))) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// Target returns the directory the output will be committed to.
func (o *Output) Target() string { return o.target }

// path returns where the slash-separated relative name rel lives in the temporary
// directory, refusing any name that would leave it.
func (o *Output) path(rel string) (string, error) {
	if rel == "" || !fs.ValidPath(rel) {
		return "", fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	return filepath.Join(o.tmp, filepath.FromSlash(rel)), nil
}

// WriteFile writes data to the relative path rel ("api-gateway/index.html"), creating
// directories as needed.
func (o *Output) WriteFile(rel string, data []byte) error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
	p, err := o.path(rel)
	if err != nil {
		return err
	}
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	o.files.Add(1)
	o.bytes.Add(int64(len(data)))
	return nil
}

// Create opens the file rel for streaming, creating directories as needed; what is written
// is buffered. The file counts as written when Close succeeds.
func (o *Output) Create(rel string) (io.WriteCloser, error) {
	if err := o.ctx.Err(); err != nil {
		return nil, err
	}
	p, err := o.path(rel)
	if err != nil {
		return nil, err
	}
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return nil, fmt.Errorf("write %s: %w", rel, err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", rel, err)
	}
	return &outFile{o: o, rel: rel, f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

type outFile struct {
	o   *Output
	rel string
	f   *os.File
	w   *bufio.Writer
	n   int64
	err error
}

func (f *outFile) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if err := f.o.ctx.Err(); err != nil {
		f.err = err
		return 0, err
	}
	n, err := f.w.Write(p)
	f.n += int64(n)
	if err != nil {
		f.err = fmt.Errorf("write %s: %w", f.rel, err)
	}
	return n, f.err
}

func (f *outFile) Close() error {
	err := f.err
	if err == nil {
		if err = f.w.Flush(); err != nil {
			err = fmt.Errorf("write %s: %w", f.rel, err)
		}
	}
	if cerr := f.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", f.rel, cerr)
	}
	if err != nil {
		return err
	}
	f.o.files.Add(1)
	f.o.bytes.Add(f.n)
	return nil
}

// mkdir makes the folder dir under the temporary directory and its parents, remembering
// which exist: a site is mostly a new folder per page, and os.MkdirAll would stat every
// level first, two more system calls per page than creating the one folder.
func (o *Output) mkdir(dir string) error {
	root := filepath.Clean(o.tmp)
	if dir == root {
		return nil
	}
	if _, ok := o.dirs.Load(dir); ok {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent == dir || !strings.HasPrefix(dir, root) {
		return fmt.Errorf("%s is outside the output", dir)
	}
	if err := o.mkdir(parent); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.dirs.Store(dir, true)
	return nil
}

// Written returns how many files and bytes have been written. WriteFile may be called from
// several goroutines at once.
func (o *Output) Written() (files, bytes int64) { return o.files.Load(), o.bytes.Load() }

// Commit puts the built directory in place of the target: the old target is moved aside,
// the new one renamed in, and the old one removed.
func (o *Output) Commit() error {
	if o.done {
		return errors.New("output already committed or aborted")
	}
	if err := o.ctx.Err(); err != nil {
		o.Abort()
		return err
	}
	o.done = true
	var old string
	if _, err := os.Lstat(o.target); err == nil {
		d, err := os.MkdirTemp(filepath.Dir(o.target), oldPrefix(o.target))
		if err != nil {
			os.RemoveAll(o.tmp)
			return fmt.Errorf("replace %s: %w", o.target, err)
		}
		old = filepath.Join(d, "prev")
		if err := os.Rename(o.target, old); err != nil {
			os.RemoveAll(o.tmp)
			os.RemoveAll(d)
			return fmt.Errorf("replace %s: %w", o.target, err)
		}
		defer os.RemoveAll(d)
	}
	if err := os.Rename(o.tmp, o.target); err != nil {
		if old != "" {
			os.Rename(old, o.target) // put the previous output back
		}
		os.RemoveAll(o.tmp)
		return fmt.Errorf("replace %s: %w", o.target, err)
	}
	return nil
}

// Abort removes the temporary directory, leaving the target as it was.
func (o *Output) Abort() {
	if o.done {
		return
	}
	o.done = true
	os.RemoveAll(o.tmp)
}
