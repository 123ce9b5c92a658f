package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckFile returns an Error of kind Usage when the file name is a source or the config
// of l: docgen overwrites only what it writes. flag names the option that named it.
func (l *Loaded) CheckFile(name, flag string) error {
	fi, err := os.Stat(name)
	if err != nil {
		return nil
	}
	for _, k := range l.Protected() {
		if ki, err := os.Stat(k.Path); err == nil && os.SameFile(fi, ki) {
			return usageError("%s %s is %s %s; refusing to overwrite it: name another file", flag, name, k.What, k.Path)
		}
	}
	return nil
}

// WriteFile writes data to the file name: beside it first, then renamed into place, so
// that the file is never left half written and a file it replaces (a --merge target) is
// replaced only by a complete one. The file keeps the mode of the one it replaces.
func WriteFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("write %s: it is a directory", name)
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
