package preview

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"docgen/build"
	"docgen/render"
)

// Watch starts watching the folders of the sources and of the config file.
func (s *Server) Watch() error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch the sources: %w", err)
	}
	s.watcher = w
	s.watchFolders()
	return nil
}

// watchFolders adds the folders to watch that are not watched yet: the folder of each
// source and of the config file, and every folder under the folders named on the command
// line (fsnotify does not watch a tree, only a folder's own entries).
func (s *Server) watchFolders() {
	want := map[string]bool{}
	for _, abs := range s.sess.Files() {
		want[filepath.Dir(abs)] = true
	}
	if s.configAbs != "" {
		want[filepath.Dir(s.configAbs)] = true
	}
	for _, root := range s.namedFolders() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if p != root && (strings.HasPrefix(d.Name(), ".") || render.IsOutput(p)) {
				return filepath.SkipDir // hidden, or a build's output: never sources
			}
			want[p] = true
			return nil
		})
	}
	for dir := range want {
		if _, err := os.Stat(dir); err != nil {
			// Gone (a git checkout removes and recreates folders): watch the nearest
			// folder above it that is there, to see it come back.
			delete(want, dir)
			for up := filepath.Dir(dir); up != filepath.Dir(up); up = filepath.Dir(up) {
				if _, err := os.Stat(up); err == nil {
					want[up] = true
					s.awaited[dir] = true
					break
				}
			}
		}
	}
	for dir := range want {
		if s.watched[dir] {
			continue
		}
		if err := s.watcher.Add(dir); err != nil {
			s.printf("docgen: watch %s: %v; changes there will not reload\n", dir, err)
			continue
		}
		s.watched[dir] = true
	}
}

// comesBack reports whether p, just created, is a folder that was awaited or a folder on
// the way to one; it forgets those that are now there.
func (s *Server) comesBack(p string) bool {
	back := false
	for dir := range s.awaited {
		if dir == p || within(p, dir) {
			back = true
			if _, err := os.Stat(dir); err == nil {
				delete(s.awaited, dir)
			}
		}
	}
	if back {
		s.printf("docgen: %s is back; reloading\n", p)
	}
	return back
}

// namedFolders returns the absolute paths of the folders named on the command line when
// they, not the config, list the sources.
func (s *Server) namedFolders() []string {
	if s.sess.Config() != nil {
		return nil
	}
	var out []string
	for _, p := range s.opts.Build.Sources {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			if abs, err := filepath.Abs(p); err == nil {
				out = append(out, abs)
			}
		}
	}
	return out
}

// relevant reports whether a change to the file at abs may change the site: a source, the
// config, or a file or folder under a folder named on the command line (which may add or
// remove a source). Editors' swap and backup files elsewhere are ignored.
func (s *Server) relevant(abs string) bool {
	if abs == s.configAbs || s.sess.HasFile(abs) {
		return true
	}
	base := filepath.Base(abs)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	if ext != "" && !build.SourceExts[ext] && !build.IsSourceFile(base) {
		return false
	}
	for _, root := range s.namedFolders() {
		if within(root, abs) {
			return true
		}
	}
	return false
}

// loop waits for changes and rebuilds, until ctx is done (Ctrl-C) or the HTTP server fails.
func (s *Server) loop(ctx context.Context, served <-chan error) error {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return &build.Error{Kind: build.Internal, Err: fmt.Errorf("serve: %w", err)}
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return nil
			}
			p := filepath.Clean(ev.Name)
			if s.watched[p] && ev.Has(fsnotify.Remove|fsnotify.Rename) {
				// A watched folder went away, and its watch with it.
				delete(s.watched, p)
				s.watcher.Remove(p)
				s.printf("docgen: %s is gone; serving the previous version until it comes back\n", p)
				s.watchFolders()
			}
			if ev.Has(fsnotify.Create) && s.comesBack(p) {
				// A folder of the sources is back: watch it again and read everything, as
				// files may have arrived before the watch.
				s.watchFolders()
				if s.configAbs != "" {
					pending[s.configAbs] = true
				}
				for _, abs := range s.sess.Files() {
					pending[abs] = true
				}
				timer.Reset(s.opts.Debounce)
			}
			if s.relevant(p) {
				pending[p] = true
				timer.Reset(s.opts.Debounce)
			}
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return nil
			}
			s.printf("docgen: watching the sources: %v\n", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: read everything again.
				if s.configAbs != "" {
					pending[s.configAbs] = true
				}
				for _, abs := range s.sess.Files() {
					pending[abs] = true
				}
				timer.Reset(s.opts.Debounce)
			}
		case <-timer.C:
			batch := pending
			pending = map[string]bool{}
			if err := s.rebuild(ctx, batch); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				s.printf("docgen: %v\n", err)
				s.publishProblems(err)
			}
		}
	}
}

// changedPaths lists the changed files, relative to the working directory where possible.
func changedPaths(changed map[string]bool) []string {
	wd, _ := os.Getwd()
	var out []string
	for p := range changed {
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		out = append(out, filepath.ToSlash(p))
	}
	slices.Sort(out)
	return out
}

// within reports whether path lies inside dir (both cleaned, absolute or both relative).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
