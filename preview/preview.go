// Package preview is docgen serve's engine: the site rendered into memory by package
// build, served over HTTP with live reload, kept up to date as the sources change.
//
// It watches every source and the config file. A change re-reads only the changed sources
// (build.Session), renders first the pages that show the change (the changed services'
// pages, the overview and the status pages), tells every open page to reload (server-sent
// events), then renders the whole site in the background. A source that now has errors
// keeps its last good version; its errors are shown over the open pages until it is fixed.
// It writes no files. Flags and exit codes are cmd/docgen's.
package preview

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"docgen/build"
	"docgen/catalog"
	"docgen/render"
)

// Options say what a preview serves and how.
type Options struct {
	Build       build.Options // the sources, as docgen build reads them
	AllowRemote bool          // answer requests for any host name, not only this machine's
	Quiet       bool          // print only diagnostics and problems
	// Debounce is how long to wait after a change to a watched file for the next one
	// before rebuilding: editors save in several steps (rename, write, chmod).
	// 0 is DefaultDebounce.
	Debounce time.Duration
	// Err gets diagnostics and progress, one write at a time.
	Err io.Writer
	// Published, when set, sees every version of the site as it is swapped in (tests).
	Published func(*Site)
}

// DefaultDebounce is Options.Debounce when it is zero.
const DefaultDebounce = 30 * time.Millisecond

// Server is a running preview: the site in memory, the watcher, and the incremental build.
// The fields below mu belong to the goroutine running Run, except as noted.
type Server struct {
	opts      Options
	errw      io.Writer // opts.Err, one write at a time
	url       string    // base URL once listening: "http://127.0.0.1:8080/"
	boundHost string    // the host of the address listened on: "127.0.0.1"
	instance  string    // tells the client when a new serve has started behind the same URL
	site      atomic.Pointer[Site]
	hub       *hub
	ctx       context.Context // background renders stop with it
	http      *http.Server
	served    chan error // the HTTP server's end

	// mu guards swapping site and bg, so that a background render superseded by a newer
	// change never replaces the newer pages.
	mu sync.Mutex
	bg *background // the full render running in the background, nil when none
	wg sync.WaitGroup

	sess       *build.Session
	cat        *catalog.Catalog
	startDiags catalog.Diagnostics // what the first load found
	configAbs  string              // the config file's absolute path; "" without one
	watcher    *fsnotify.Watcher
	watched    map[string]bool // folders being watched
	awaited    map[string]bool // folders to watch that are gone; their parents are watched
	// problems is what was last sent to the open pages of the sources' errors (JSON).
	problems atomic.Pointer[string]
}

// Site is one version of the site in memory. It is never changed once published: a
// rebuild makes a new one.
type Site struct {
	Files    map[string][]byte // slash-separated path → content, as docgen build writes them
	IndexDir string            // the site-relative folder of the search index the pages use
	Gen      int               // the rebuild it came from; events carry it
}

// background is a full render of the site running behind the pages already swapped in.
type background struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// New returns a preview of what opts names; ctx ends its background renders. Nothing is
// read until Load.
func New(ctx context.Context, opts Options) *Server {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	var id [8]byte
	rand.Read(id[:])
	return &Server{opts: opts, errw: &lockedWriter{w: opts.Err}, instance: hex.EncodeToString(id[:]),
		hub: newHub(), ctx: ctx, sess: build.NewSession(opts.Build), watched: map[string]bool{}, awaited: map[string]bool{}}
}

// URL returns the base URL the site is served at, once Start has run.
func (s *Server) URL() string { return s.url }

// Instance names this server to the pages: a page that sees another reloads.
func (s *Server) Instance() string { return s.instance }

// Site returns the version of the site served now.
func (s *Server) Site() *Site { return s.site.Load() }

// Catalog returns the catalog last rendered. Only the goroutine running Run may call it
// while Run runs.
func (s *Server) Catalog() *catalog.Catalog { return s.cat }

// Diagnostics returns what the first load found.
func (s *Server) Diagnostics() catalog.Diagnostics { return s.startDiags }

// printf writes to stderr; the loop and background renders both print.
func (s *Server) printf(format string, args ...any) { fmt.Fprintf(s.errw, format, args...) }

// Printf writes to Options.Err one write at a time, as the preview itself does: once it
// serves, its HTTP server, its loop and its background renders print there too.
func (s *Server) Printf(format string, args ...any) { s.printf(format, args...) }

// catalog makes the session's catalog after the update ch and prints what was found: the
// diagnostics of the sources read and of the catalog, one per line and sorted as the other
// commands print them, then the notes on sources whose new version is not served.
func (s *Server) catalog(ch build.Change) (*catalog.Catalog, catalog.Diagnostics) {
	c, cdiags := s.sess.Catalog()
	diags := append(ch.Diags, cdiags...)
	diags.Sort()
	for _, d := range diags {
		s.printf("%s\n", d)
	}
	for _, n := range ch.Notes {
		s.printf("docgen: %s\n", n)
	}
	return c, diags
}

// Stop cancels a background render and waits for it, and closes the watcher.
func (s *Server) Stop() {
	s.mu.Lock()
	if s.bg != nil {
		s.bg.cancel()
		s.bg = nil
	}
	s.mu.Unlock()
	s.wg.Wait()
	if s.watcher != nil {
		s.watcher.Close()
	}
}

// WaitIdle waits until no background render is running (for tests and benchmarks).
func (s *Server) WaitIdle() {
	s.mu.Lock()
	bg := s.bg
	s.mu.Unlock()
	if bg != nil {
		<-bg.done
	}
}

// Load reads every source and renders the whole site: the first version served. Its
// errors are build's (a *build.Error or ctx's).
func (s *Server) Load(ctx context.Context) error {
	ins, err := s.sess.Resolve()
	if err != nil {
		return err
	}
	if cfg := s.sess.Config(); cfg != nil {
		if s.configAbs, err = filepath.Abs(cfg.Path()); err != nil {
			return &build.Error{Kind: build.Internal, Err: err}
		}
	}
	ch, err := s.sess.Update(ctx, ins, func(string) bool { return true })
	if err != nil {
		return err
	}
	s.publishProblems(nil)
	c, diags := s.catalog(ch)
	s.startDiags = diags
	s.cat = c
	m, err := build.RenderAll(ctx, c, s.sess.Config())
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &build.Error{Kind: build.Internal, Err: err}
	}
	s.store(&Site{Files: m.Files, IndexDir: m.IndexDir})
	return nil
}

// Start serves the site on ln until Run ends.
func (s *Server) Start(ln net.Listener) {
	s.url = "http://" + ln.Addr().String() + "/"
	s.boundHost, _, _ = net.SplitHostPort(ln.Addr().String())
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute,
		ErrorLog: log.New(s.errw, "docgen: http: ", 0)}
	s.served = make(chan error, 1)
	go func() { s.served <- s.http.Serve(ln) }()
}

// Run rebuilds on every change until ctx is done (Ctrl-C) or the HTTP server fails, then
// ends the event streams and stops the HTTP server.
func (s *Server) Run(ctx context.Context) error {
	err := s.loop(ctx, s.served)
	// Stop: end the event streams (they never go idle by themselves), then the server.
	s.hub.close()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	s.http.Shutdown(shutCtx)
	return err
}

// rebuild brings the site up to date after the files in changed (absolute paths) changed.
func (s *Server) rebuild(ctx context.Context, changed map[string]bool) error {
	start := time.Now()
	full := s.configAbs != "" && changed[s.configAbs]
	ins := s.sess.Inputs()
	if full || s.sess.Config() == nil {
		// The list of sources may have changed: the config, or files added to or removed
		// from a folder named on the command line.
		newIns, err := s.sess.Resolve()
		if err != nil {
			return fmt.Errorf("%w; serving the previous version", err)
		}
		ins = newIns
	}
	ch, err := s.sess.Update(ctx, ins, func(abs string) bool { return full || changed[abs] })
	if err != nil {
		return err
	}
	s.publishProblems(nil)
	s.watchFolders()
	c, _ := s.catalog(ch)
	svcs := ch.Services
	if len(svcs) == 0 && !full {
		return nil
	}
	s.cat = c
	// A background render of the previous change is superseded by this one.
	s.mu.Lock()
	if s.bg != nil {
		s.bg.cancel()
		s.bg = nil
	}
	cur := s.site.Load()
	s.mu.Unlock()
	if full || cur.IndexDir == "" {
		// The config changes every page (title, language, base URL): render it all now.
		m, err := build.RenderAll(ctx, c, s.sess.Config())
		if err != nil {
			return fmt.Errorf("render: %w; serving the previous version", err)
		}
		s.publish(&Site{Files: m.Files, IndexDir: m.IndexDir, Gen: cur.Gen + 1})
		if !s.opts.Quiet {
			s.printf("docgen: reloaded everything: %s, %s in %dms\n", plural(len(c.Services), "service"),
				plural(c.EntryCount(), "entry"), time.Since(start).Milliseconds())
		}
		return nil
	}
	// First the pages that show the change, linking to the search index already served;
	// then, in the background, the whole site with a new index.
	part, err := build.RenderChanged(ctx, c, svcs, cur.IndexDir)
	if err != nil {
		return fmt.Errorf("render: %w; serving the previous version", err)
	}
	s.mu.Lock()
	// cur is still the version served: the background render, cancelled above with s.mu
	// held, can no longer swap in its own.
	files := maps.Clone(cur.Files)
	langs := map[string]bool{} // the catalog's languages other than a service's default
	for _, sv := range c.Services {
		for _, l := range sv.Langs()[1:] {
			langs[l] = true
		}
	}
	for rel := range files {
		// A service's pages in another language live under <lang>/<service>/.
		inLang := rel
		if l, rest, ok := strings.Cut(rel, "/"); ok && langs[l] {
			inLang = rest
		}
		for _, id := range svcs {
			// An ID that cannot name a folder is never served as a service (the session's
			// catalog leaves it out).
			if u := render.ServiceURL(&catalog.Service{ID: id}); render.CheckServiceID(id) == nil && (strings.HasPrefix(rel, u) || strings.HasPrefix(inLang, u)) {
				delete(files, rel)
				break
			}
		}
	}
	maps.Copy(files, part.Files)
	next := &Site{Files: files, IndexDir: cur.IndexDir, Gen: cur.Gen + 1}
	s.store(next)
	bg := s.startBackground(c, s.sess.Config(), next.Gen)
	s.mu.Unlock()
	s.hub.broadcast(next.Gen)
	close(bg)
	if !s.opts.Quiet {
		s.printf("docgen: reloaded %s (%s) in %dms\n", strings.Join(changedPaths(changed), ", "),
			plural(len(svcs), "service"), time.Since(start).Milliseconds())
	}
	return nil
}

// store makes st the version of the site served. The first version is stored before
// anything is served; later ones with s.mu held.
func (s *Server) store(st *Site) {
	s.site.Store(st)
	if s.opts.Published != nil {
		s.opts.Published(st)
	}
}

// publish swaps in a site rendered whole and tells the pages to reload.
func (s *Server) publish(st *Site) {
	s.mu.Lock()
	s.store(st)
	s.mu.Unlock()
	s.hub.broadcast(st.Gen)
}

// startBackground registers a full render of c and returns a channel to close to let it
// start (after the event is sent: the pages that show the change come first). s.mu must be
// held. When the render finishes and no newer change has superseded it, its site replaces
// the one served, keeping the search index the pages served until then link to, so that a
// page open in a browser still searches.
func (s *Server) startBackground(c *catalog.Catalog, cfg *build.Config, gen int) chan struct{} {
	ctx, cancel := context.WithCancel(s.ctx)
	bg := &background{cancel: cancel, done: make(chan struct{})}
	s.bg = bg
	begin := make(chan struct{})
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(bg.done)
		defer cancel()
		<-begin
		start := time.Now()
		m, err := build.RenderAll(ctx, c, cfg)
		s.mu.Lock()
		defer s.mu.Unlock()
		if ctx.Err() != nil {
			return // superseded, or serve is stopping
		}
		s.bg = nil
		if err != nil {
			s.printf("docgen: rendering the whole site: %v; serving the pages that show the change\n", err)
			return
		}
		files := m.Files
		cur := s.site.Load()
		if cur.IndexDir != m.IndexDir {
			for rel, data := range cur.Files {
				if strings.HasPrefix(rel, cur.IndexDir) {
					files[rel] = data
				}
			}
		}
		s.store(&Site{Files: files, IndexDir: m.IndexDir, Gen: gen})
		if !s.opts.Quiet {
			s.printf("docgen: rest of the site (search index, other pages, catalog.json, openapi) in %.2fs\n", time.Since(start).Seconds())
		}
	}()
	return begin
}

// plural says "1 service" or "n services"; "entry" becomes "entries".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if word == "entry" {
		return fmt.Sprintf("%d entries", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
