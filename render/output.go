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

// StampFile is the small file at the top of every folder docgen writes. docgen replaces only
// folders that hold it (or empty ones): a folder without it holds somebody else's files.
// Readers of sources skip folders that hold it, so an output inside a source folder is
// never read back as sources.
const StampFile = ".docgen-output"

const stampText = "docgen wrote this folder and replaces it whole on its next build.\n" +
	"Without this file docgen refuses to touch the folder.\n"

// IsOutput reports whether dir is a folder docgen wrote: it holds a StampFile.
func IsOutput(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, StampFile))
	return err == nil && fi.Mode().IsRegular()
}

// Protected is a path an output folder must not be or contain, with what it is ("source",
// "the config") for the error that names it.
type Protected struct {
	Path string
	What string
}

// NewOutput starts building target. It refuses a target that is, or holds, one of keep or
// the working directory, and an existing folder that is neither empty nor docgen's (see
// StampFile); the error names the path and nothing is touched. It then puts back a
// previous output that a build killed half-way through its commit left aside, and removes
// what earlier, interrupted builds left beside target. Once ctx is done (an interrupt),
// every write fails with ctx's error.
func NewOutput(ctx context.Context, target string, keep ...Protected) (*Output, error) {
	target = filepath.Clean(target)
	if target == "." || target == "/" || target == "" {
		return nil, &RefusedError{fmt.Errorf("output directory %q: refusing to replace the current or root directory", target)}
	}
	if err := checkTarget(target, keep); err != nil {
		return nil, &RefusedError{err}
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	recoverPrevious(target)
	CleanStale(target)
	tmp, err := os.MkdirTemp(parent, tmpPrefix(target))
	if err != nil {
		return nil, fmt.Errorf("create temporary output directory: %w", err)
	}
	if err = os.Chmod(tmp, 0o755); err == nil {
		err = os.WriteFile(filepath.Join(tmp, StampFile), []byte(stampText), 0o644)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("create temporary output directory: %w", err)
	}
	return &Output{ctx: ctx, target: target, tmp: tmp}, nil
}

// RefusedError is NewOutput's refusal of a target it must not replace: a usage error,
// where the others are I/O failures.
type RefusedError struct{ Err error }

func (e *RefusedError) Error() string { return e.Err.Error() }
func (e *RefusedError) Unwrap() error { return e.Err }

// checkTarget refuses an output folder that docgen must not replace.
func checkTarget(target string, keep []Protected) error {
	abs, err := realPath(target)
	if err != nil {
		return fmt.Errorf("output %s: %w", target, err)
	}
	if wd, err := os.Getwd(); err == nil {
		keep = append([]Protected{{wd, "the working directory"}}, keep...)
	}
	for _, k := range keep {
		p, err := realPath(k.Path)
		if err != nil {
			continue
		}
		if p == abs {
			return fmt.Errorf("output %s is %s; refusing to replace it: name another --out", target, describe(k))
		}
		if within(abs, p) {
			return fmt.Errorf("output %s holds %s; refusing to replace it: name another --out", target, describe(k))
		}
	}
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", target, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output %s is a symbolic link; name the folder it leads to as --out instead", target)
	case !fi.IsDir():
		return fmt.Errorf("output %s exists and is not a directory", target)
	case IsOutput(target):
		return nil
	}
	f, err := os.Open(target)
	if err != nil {
		return fmt.Errorf("output %s: %w", target, err)
	}
	names, _ := f.Readdirnames(1)
	f.Close()
	if len(names) > 0 {
		hint := "name a new or empty folder as --out, or move that folder away yourself"
		if looksLikeOldOutput(target) {
			hint = "it looks like the output of a docgen from before the stamp: remove it yourself once, and build again"
		}
		return fmt.Errorf("output %s already holds files that docgen did not write (it has no %s); refusing to replace it: %s", target, StampFile, hint)
	}
	return nil
}

// looksLikeOldOutput reports whether dir holds what every docgen build writes: the JSON
// catalog, its schema and 404.html. It only changes the advice: such a folder is still
// not replaced without a stamp, as somebody may have put files of their own beside them.
func looksLikeOldOutput(dir string) bool {
	for _, name := range []string{CatalogURL, "catalog.schema.json", NotFoundURL} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

func describe(k Protected) string {
	if k.What == "the working directory" {
		return k.What + " (" + k.Path + ")"
	}
	return k.What + " " + k.Path
}

// realPath returns p absolute, with the links of the part of it that exists resolved, so
// that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path lies strictly inside dir (both absolute and clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// recoverPrevious puts back the previous output of target when a build was stopped between
// moving it aside and moving the new one in (see Commit): the target is missing and a
// stamped folder waits in a .<target>.old-* folder beside it. The newest wins.
func recoverPrevious(target string) {
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	parent := filepath.Dir(target)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	var best string
	var bestTime int64
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), oldPrefix(target)) {
			continue
		}
		prev := filepath.Join(parent, e.Name(), "prev")
		fi, err := os.Stat(prev)
		if err != nil || !IsOutput(prev) {
			continue
		}
		if t := fi.ModTime().UnixNano(); best == "" || t > bestTime {
			best, bestTime = prev, t
		}
	}
	if best != "" {
		os.Rename(best, target)
	}
}

// CleanStale removes the temporary folders that interrupted builds of target left beside
// it: those that are docgen's (stamped, or holding a stamped "prev") or empty.
func CleanStale(target string) {
	parent := filepath.Dir(filepath.Clean(target))
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(n, tmpPrefix(target)) || strings.HasPrefix(n, oldPrefix(target))) {
			continue
		}
		p := filepath.Join(parent, n)
		if IsOutput(p) || IsOutput(filepath.Join(p, "prev")) || os.Remove(p) == nil {
			os.RemoveAll(p)
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

// Commit puts the built directory in place of the target. Where the system can swap two
// folders in one step (Linux's renameat2 RENAME_EXCHANGE), it does, and then removes the
// previous output from the temporary name; otherwise the previous output is moved aside
// into a .<target>.old-* folder, the new one moved in, and the old one removed. A build
// stopped between those two moves leaves the previous output aside, and the next
// NewOutput puts it back: at no point is the previous output lost before the new one is
// in place.
func (o *Output) Commit() error {
	if o.done {
		return errors.New("output already committed or aborted")
	}
	if err := o.ctx.Err(); err != nil {
		o.Abort()
		return err
	}
	o.done = true
	if _, err := os.Lstat(o.target); err != nil {
		if err := os.Rename(o.tmp, o.target); err != nil {
			os.RemoveAll(o.tmp)
			return fmt.Errorf("replace %s: %w", o.target, err)
		}
		return nil
	}
	if swap(o.tmp, o.target) == nil {
		os.RemoveAll(o.tmp) // now the previous output
		return nil
	}
	aside, err := o.moveAside()
	if err != nil {
		os.RemoveAll(o.tmp)
		return err
	}
	return o.moveIn(aside)
}

// swap is exchange; tests replace it to take the path of systems without one.
var swap = exchange

// moveAside moves the previous output into a new .<target>.old-* folder and returns that
// folder.
func (o *Output) moveAside() (string, error) {
	d, err := os.MkdirTemp(filepath.Dir(o.target), oldPrefix(o.target))
	if err != nil {
		return "", fmt.Errorf("replace %s: %w", o.target, err)
	}
	if err := os.Rename(o.target, filepath.Join(d, "prev")); err != nil {
		os.Remove(d)
		return "", fmt.Errorf("replace %s: %w", o.target, err)
	}
	return d, nil
}

// moveIn renames the new output into place and removes the previous one from aside, or
// puts the previous one back when the rename fails.
func (o *Output) moveIn(aside string) error {
	if err := os.Rename(o.tmp, o.target); err != nil {
		os.Rename(filepath.Join(aside, "prev"), o.target)
		os.RemoveAll(aside)
		os.RemoveAll(o.tmp)
		return fmt.Errorf("replace %s: %w", o.target, err)
	}
	os.RemoveAll(aside)
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
