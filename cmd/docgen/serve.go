package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"

	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
	"docgen/render/site"
)

// ServeOptions are docgen serve's flags and arguments.
type ServeOptions struct {
	IO *IOStreams
	sourceOptions
	configSet   bool
	Addr        string // host:port to listen on
	AllowRemote bool   // listen on an address other than the loopback interface
	Quiet       bool

	// Debounce is how long serve waits after a change to a watched file for the next one
	// before it rebuilds: editors save in several steps (rename, write, chmod).
	Debounce time.Duration
	// started, when set, is called once the site is rendered and the server listens
	// (tests use it to learn the address and to wait for background renders).
	started func(*server)
	// published, when set, sees every version of the site as it is swapped in (tests).
	published func(*siteState)
}

// defaultDebounce is ServeOptions.Debounce when it is zero.
const defaultDebounce = 30 * time.Millisecond

// The paths serve adds to the site. They are never part of built output.
const (
	eventsPath = "/_docgen/events"        // server-sent events: "reload" after each rebuild, "problems" for the overlay
	scriptPath = "/_docgen/livereload.js" // the client that reloads the page on an event
)

// reloadTag is what serve inserts before </head> of every HTML page it serves. The pages'
// CSP allows only same-origin scripts and connections, which this is.
const reloadTag = `<script src="` + scriptPath + `" defer></script>`

// liveReloadJS listens to the events and reloads the page on each rebuild, and when a new
// docgen serve has started behind the same address.
const liveReloadJS = `// docgen serve: reload the page when the site is rebuilt (only while serving).
(function () {
  "use strict";
  if (!window.EventSource) return;
  var server = null;
  var events = new EventSource("` + eventsPath + `");
  events.addEventListener("hello", function (e) {
    if (server !== null && server !== e.data) location.reload();
    server = e.data;
  });
  events.addEventListener("reload", function () { location.reload(); });
  // The errors that keep a source from being served, over the page until it is fixed.
  // Styled through the CSSOM: the pages' CSP allows no style attribute.
  events.addEventListener("problems", function (e) {
    var old = document.getElementById("docgen-problems");
    if (old) old.parentNode.removeChild(old);
    var list = JSON.parse(e.data);
    if (!list.length) return;
    var box = document.createElement("div");
    box.id = "docgen-problems";
    box.setAttribute("role", "alert");
    var st = box.style;
    st.position = "fixed"; st.left = "0"; st.right = "0"; st.bottom = "0"; st.zIndex = "2147483647";
    st.maxHeight = "50vh"; st.overflow = "auto"; st.margin = "0"; st.padding = "1em 1.5em";
    st.background = "#1e1e1e"; st.color = "#ffb4b4"; st.borderTop = "4px solid #e5484d";
    st.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    var h = document.createElement("strong");
    h.textContent = "docgen serve: the page shows the last version without these errors";
    box.appendChild(h);
    list.forEach(function (p) {
      var line = document.createElement("div");
      var at = p.file ? p.file + (p.line ? ":" + p.line + (p.col ? ":" + p.col : "") : "") + ": " : "";
      line.textContent = at + p.message;
      box.appendChild(line);
    });
    document.body.appendChild(box);
  });
})();
`

func newServeCmd(ios *IOStreams, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "serve [SOURCE...]",
		Short: "Preview the site locally, with live reload as the sources change",
		Long: `Serve reads the sources as docgen build does (the config's, or the files and
folders named), renders the site, catalog.json and openapi.yaml/.json into memory
and serves them over HTTP until Ctrl-C. It writes no files: not --out, not public/.

Live reload: serve watches every source and the config file. When a source changes
it reads and parses only that source again (a config change reads them all),
re-renders the pages that show it (its service and entry pages, the overview and
the status pages) and sends a server-sent event (` + eventsPath + `) on which every open
page reloads; the search index, the other pages, catalog.json and the OpenAPI files
follow in the background. Served HTML pages load ` + scriptPath + ` for this;
built output never contains it. Folders named on the command line are watched for
new and removed source files too.

A source that now has errors keeps its last good version on the site: its
diagnostics are printed on stderr and the server keeps running.

Serve listens on the loopback interface only: --addr must name 127.0.0.1, ::1 or
localhost unless --allow-remote is given. --addr 127.0.0.1:0 picks a free port; the
URL is printed on stderr.

Ctrl-C stops the server, and serve then exits 0. Before it serves, it exits as build
would on sources it cannot read (1), on a bad flag, config or address (2) or when the
site cannot be rendered (3).

` + exitCodeHelp,
		Example: `  docgen serve                           # content/docgen.yaml on http://127.0.0.1:8080/
  docgen serve docs/errors/ --addr 127.0.0.1:0   # a free port, printed on stderr
  docgen serve --addr 0.0.0.0:8080 --allow-remote  # reachable from other hosts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.configSet = cmd.Flags().Changed("config")
			if err := checkAddr(opts.Addr, opts.AllowRemote); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.sourceOptions, true)
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "the address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().BoolVar(&opts.AllowRemote, "allow-remote", false, "allow an --addr other than the loopback interface")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only diagnostics and the URL")
	return cmd
}

// checkAddr refuses an address that is not host:port, and one whose host is not the
// loopback interface unless allowRemote: a preview is not meant for the network.
func checkAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError("--addr %q: expected host:port, such as 127.0.0.1:8080", addr)
	}
	if allowRemote {
		return nil
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	shown := host
	if host == "" {
		shown = "every interface"
	}
	return usageError("--addr %s: serve listens on the loopback interface only (127.0.0.1, ::1, localhost), not on %s; pass --allow-remote to serve other hosts",
		addr, shown)
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	if opts.Debounce <= 0 {
		opts.Debounce = defaultDebounce
	}
	start := time.Now()
	// Listen first: a port in use is said at once, not after the first render.
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return usageError("listen on %s: %v; choose another --addr (127.0.0.1:0 picks a free port)", opts.Addr, err)
	}
	defer ln.Close()
	s := newServer(ctx, opts)
	defer s.stop()
	if err := s.load(ctx); err != nil {
		return err
	}
	if err := s.watch(); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	s.url = "http://" + ln.Addr().String() + "/"
	s.boundHost, _, _ = net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute,
		ErrorLog: log.New(s.errw, "docgen: http: ", 0)}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if !opts.Quiet {
		s.printf("docgen: %s, %s (%s) rendered in %.2fs\n", plural(len(s.cat.Services), "service"),
			entries(s.cat.EntryCount()), countSummary(s.startDiags), time.Since(start).Seconds())
	}
	s.printf("docgen: serving %s with live reload; Ctrl-C stops\n", s.url)
	if opts.started != nil {
		opts.started(s)
	}
	err = s.loop(ctx, served)
	// Stop: end the event streams (they never go idle by themselves), then the server.
	s.hub.close()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	srv.Shutdown(shutCtx)
	if err != nil {
		return err
	}
	if !opts.Quiet {
		s.printf("docgen: stopped serving %s\n", s.url)
	}
	return nil
}

// server is a running docgen serve: the site in memory, the watcher, and the state of every
// source. The fields below mu belong to the goroutine running loop, except as noted.
type server struct {
	opts      *ServeOptions
	errw      io.Writer // the command's stderr, one write at a time
	url       string    // base URL once listening: "http://127.0.0.1:8080/"
	boundHost string    // the host of the address listened on: "127.0.0.1"
	instance  string    // tells the client when a new serve has started behind the same URL
	site      atomic.Pointer[siteState]
	hub       *hub
	ctx       context.Context // the command's; background renders stop with it

	// mu guards swapping site and bg, so that a background render superseded by a newer
	// change never replaces the newer pages.
	mu sync.Mutex
	bg *background // the full render running in the background, nil when none
	wg sync.WaitGroup

	cfg        *Config
	sources    []*source // in catalog order
	byPath     map[string]*source
	byAbs      map[string]*source // by absolute path, as fsnotify names files
	cat        *catalog.Catalog
	startDiags catalog.Diagnostics // what the first load found
	configAbs  string              // the config file's absolute path; "" without one
	watcher    *fsnotify.Watcher
	watched    map[string]bool // folders being watched
	awaited    map[string]bool // folders to watch that are gone; their parents are watched
	// errs are the errors of each source as last read, which the open pages show as an
	// overlay until the source is fixed; problems is what was last sent of them (JSON).
	errs     map[string][]catalog.Diagnostic
	problems atomic.Pointer[string]
}

// siteState is one version of the site in memory. It is never changed once published:
// a rebuild makes a new one.
type siteState struct {
	files    map[string][]byte // slash-separated path → content, as docgen build writes them
	indexDir string            // the site-relative folder of the search index the pages use
	gen      int               // the rebuild it came from; events carry it
}

// source is one source of the catalog and the version of it that is served.
type source struct {
	in  input
	abs string
	res *parse.Result // the version served: the last read without errors, else the latest
	// good reports whether res had no errors; a source with errors is replaced only by a
	// version without (or by any version while it has no good one).
	good bool
	sum  [sha256.Size]byte // of the bytes res was read from
}

// background is a full render of the site running behind the pages already swapped in.
type background struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func newServer(ctx context.Context, opts *ServeOptions) *server {
	var id [8]byte
	rand.Read(id[:])
	return &server{opts: opts, errw: &lockedWriter{w: opts.IO.Err}, instance: hex.EncodeToString(id[:]),
		hub: newHub(), ctx: ctx, byPath: map[string]*source{}, byAbs: map[string]*source{}, watched: map[string]bool{}, awaited: map[string]bool{}, errs: map[string][]catalog.Diagnostic{}}
}

// printf writes to stderr; the loop and background renders both print.
func (s *server) printf(format string, args ...any) { fmt.Fprintf(s.errw, format, args...) }

// printDiags writes diagnostics one per line, as the other commands do.
func (s *server) printDiags(diags catalog.Diagnostics) {
	for _, d := range diags {
		s.printf("%s\n", d)
	}
}

// stop cancels a background render and waits for it, and closes the watcher.
func (s *server) stop() {
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

// waitIdle waits until no background render is running (for tests and benchmarks).
func (s *server) waitIdle() {
	s.mu.Lock()
	bg := s.bg
	s.mu.Unlock()
	if bg != nil {
		<-bg.done
	}
}

// load reads every source and renders the whole site: the first version served.
func (s *server) load(ctx context.Context) error {
	ins, cfg, err := resolveInputs(s.opts.sourceOptions, s.opts.configSet)
	if err != nil {
		return err
	}
	s.cfg = cfg
	if cfg != nil {
		if s.configAbs, err = filepath.Abs(cfg.path); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
	}
	diags, notes, _, err := s.update(ctx, ins, func(*source) bool { return true })
	if err != nil {
		return err
	}
	s.publishProblems(nil)
	c, cdiags := s.assemble()
	diags = append(diags, cdiags...)
	diags.Sort()
	s.printDiags(diags)
	for _, n := range notes {
		s.printf("docgen: %s\n", n)
	}
	s.startDiags = diags
	s.cat = c
	files, dir, err := renderAll(ctx, c, s.cfg)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &exitError{code: ExitInternal, err: err}
	}
	s.store(&siteState{files: files, indexDir: dir})
	return nil
}

// update makes ins the sources of the catalog, reading again those for which reread says
// so and those not read before. It returns the diagnostics of the sources read, notes on
// the sources whose new version is not served (to print after the diagnostics), and the
// service IDs whose pages changed (before and after). Only an interrupt is an error: a
// source that cannot be read keeps the version served, if any.
func (s *server) update(ctx context.Context, ins []input, reread func(*source) bool) (diags catalog.Diagnostics, notes, changed []string, err error) {
	next := make([]*source, len(ins))
	var todo []int
	for i, in := range ins {
		old := s.byPath[in.path]
		if old != nil && sameInput(old.in, in) && !reread(old) {
			next[i] = old
			continue
		}
		abs, err := filepath.Abs(filepath.FromSlash(in.path))
		if err != nil {
			return nil, nil, nil, &exitError{code: ExitInternal, err: err}
		}
		next[i] = &source{in: in, abs: abs}
		if old != nil && sameInput(old.in, in) {
			// The same source with the same metadata: what is served stays until a
			// better version is read.
			*next[i] = *old
		}
		todo = append(todo, i)
	}
	outs := readInputs(ctx, ins, todo, int64(s.opts.MaxSourceSize))
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	for k, i := range todo {
		src, o := next[i], outs[k]
		old := s.byPath[src.in.path]
		switch {
		case o.err != nil:
			// A source missing between an editor's rename and write, or unreadable.
			s.errs[src.in.path] = []catalog.Diagnostic{{Pos: catalog.Pos{File: src.in.path}, Severity: catalog.Error, Message: errors.Unwrap(o.err).Error()}}
			if src.res != nil {
				notes = append(notes, fmt.Sprintf("%v; serving its last version", errors.Unwrap(o.err)))
			} else {
				notes = append(notes, errors.Unwrap(o.err).Error())
			}
			continue
		case o.problem != nil:
			s.errs[src.in.path] = []catalog.Diagnostic{*o.problem}
			diags = append(diags, *o.problem)
			if src.res != nil {
				notes = append(notes, src.in.path+": serving its last version")
			}
			continue
		case src.res != nil && o.sum == src.sum:
			// The same bytes as served (a touch, a chmod, or an edit undone): nothing to
			// render, but errors of a version in between are gone.
			if src.good {
				delete(s.errs, src.in.path)
			}
			continue
		}
		d := sourceDiags(o.res)
		diags = append(diags, d...)
		if d.HasErrors() {
			s.errs[src.in.path] = slices.DeleteFunc(slices.Clone(d), func(x catalog.Diagnostic) bool { return x.Severity != catalog.Error })
		} else {
			delete(s.errs, src.in.path)
		}
		if d.HasErrors() && src.res != nil && src.good {
			notes = append(notes, fmt.Sprintf("%s has %s; serving its last good version", src.in.path, plural(d.Count(catalog.Error), "error")))
			continue
		}
		if old != nil && old.res != nil {
			changed = append(changed, old.res.Service.ID)
		}
		src.res, src.good, src.sum = o.res, !d.HasErrors(), o.sum
		changed = append(changed, src.res.Service.ID)
	}
	// Sources no longer listed take their pages with them.
	kept := map[string]bool{}
	for _, in := range ins {
		kept[in.path] = true
	}
	for _, src := range s.sources {
		if !kept[src.in.path] && src.res != nil {
			changed = append(changed, src.res.Service.ID)
		}
	}
	for path := range s.errs {
		if !kept[path] {
			delete(s.errs, path)
		}
	}
	s.sources = next
	s.byPath, s.byAbs = map[string]*source{}, map[string]*source{}
	for _, src := range next {
		s.byPath[src.in.path], s.byAbs[src.abs] = src, src
	}
	slices.Sort(changed)
	return diags, notes, slices.Compact(changed), nil
}

// sourceDiags returns what is wrong with one source's service: the reader's diagnostics,
// the catalog's checks of that service, and a reserved service ID.
func sourceDiags(res *parse.Result) catalog.Diagnostics {
	d := slices.Clone(res.Diags)
	d = append(d, catalog.Check(&catalog.Catalog{Services: []*catalog.Service{res.Service}})...)
	if err := render.CheckServiceID(res.Service.ID); err != nil {
		d.Add(catalog.Pos{File: res.Service.Source, Line: 1, Col: 1}, catalog.Error, "reserved-id",
			"%v; set another id for this source in docgen.yaml", err)
	}
	d.Sort()
	return d
}

// readOutcome is what reading and parsing one source gave.
type readOutcome struct {
	res     *parse.Result
	sum     [sha256.Size]byte
	problem *catalog.Diagnostic // a refusal (too large, a link outside the root)
	err     error               // the source could not be read
}

// readInputs reads and parses ins[i] for each i of todo, on every core.
func readInputs(ctx context.Context, ins []input, todo []int, maxSize int64) []readOutcome {
	outs := make([]readOutcome, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(todo) || ctx.Err() != nil {
					return
				}
				in := ins[todo[k]]
				raw, problem, err := readSource(in, maxSize)
				outs[k] = readOutcome{problem: problem, err: err}
				if err == nil && problem == nil {
					outs[k].sum = sha256.Sum256(raw)
					outs[k].res = parse.Read(parse.NewSource(in.path, raw), in.meta)
				}
			}
		}()
	}
	wg.Wait()
	return outs
}

// assemble makes the catalog of the versions served, as loadCatalog would: the config's
// title and language, or those of the only (first) service. A service whose ID is reserved
// or taken by an earlier source is left out, with a diagnostic for the latter.
func (s *server) assemble() (*catalog.Catalog, catalog.Diagnostics) {
	c := &catalog.Catalog{}
	if s.cfg != nil {
		c.Title, c.Lang, c.BaseURL = s.cfg.Title, s.cfg.Lang, s.cfg.BaseURL
	}
	var diags catalog.Diagnostics
	ids := map[string]string{}
	for _, src := range s.sources {
		if src.res == nil {
			continue
		}
		sv := src.res.Service
		if render.CheckServiceID(sv.ID) != nil {
			continue
		}
		if prev, dup := ids[sv.ID]; dup {
			diags.Add(catalog.Pos{File: sv.Source, Line: 1, Col: 1}, catalog.Error, catalog.RuleDuplicateService,
				"service id %q is already used by %s; serving only that one", sv.ID, prev)
			continue
		}
		ids[sv.ID] = sv.Source
		c.Services = append(c.Services, sv)
	}
	if c.Title == "" {
		c.Title = "Error catalog"
		if len(c.Services) == 1 {
			c.Title = c.Services[0].Title
		}
	}
	if c.Lang == "" && len(c.Services) > 0 {
		c.Lang = c.Services[0].Lang
	}
	return c, diags
}

// memSite collects rendered files in memory. WriteFile may be called from several
// goroutines at once; once ctx is done it fails, which stops the renderer.
type memSite struct {
	ctx      context.Context
	mu       sync.Mutex
	files    map[string][]byte
	indexDir string
}

func newMemSite(ctx context.Context) *memSite {
	return &memSite{ctx: ctx, files: map[string][]byte{}}
}

// WriteFile keeps data as the file rel of the site.
func (m *memSite) WriteFile(rel string, data []byte) error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	if rel == "" || !fs.ValidPath(rel) {
		return fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = bytes.Clone(data) // the renderer may reuse data (see render.Writer)
	if dir, ok := searchDir(rel); ok {
		m.indexDir = dir
	}
	return nil
}

// searchDir returns the folder of the search index that the site file rel belongs to.
func searchDir(rel string) (string, bool) {
	rest, ok := strings.CutPrefix(rel, render.SearchURL(""))
	if !ok {
		return "", false
	}
	dir, _, ok := strings.Cut(rest, "/")
	return render.SearchURL(dir + "/"), ok
}

// renderAll renders everything docgen build writes (the JSON catalog, the OpenAPI files
// and the site; see outputs) into memory.
func renderAll(ctx context.Context, c *catalog.Catalog, cfg *Config) (map[string][]byte, string, error) {
	m := newMemSite(ctx)
	for _, w := range outputs(cfg) {
		if err := w.write(m, c); err != nil {
			if ctx.Err() != nil {
				return nil, "", ctx.Err()
			}
			return nil, "", fmt.Errorf("%s: %w", w.name, err)
		}
	}
	return m.files, m.indexDir, ctx.Err()
}

// watch starts watching the folders of the sources and of the config file.
func (s *server) watch() error {
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
func (s *server) watchFolders() {
	want := map[string]bool{}
	for _, src := range s.sources {
		want[filepath.Dir(src.abs)] = true
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
func (s *server) comesBack(p string) bool {
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
func (s *server) namedFolders() []string {
	if s.cfg != nil {
		return nil
	}
	var out []string
	for _, p := range s.opts.Sources {
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
func (s *server) relevant(abs string) bool {
	if abs == s.configAbs || s.byAbs[abs] != nil {
		return true
	}
	base := filepath.Base(abs)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	if ext != "" && !sourceExts[ext] {
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
func (s *server) loop(ctx context.Context, served <-chan error) error {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return &exitError{code: ExitInternal, err: fmt.Errorf("serve: %w", err)}
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
				for _, src := range s.sources {
					pending[src.abs] = true
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
				for _, src := range s.sources {
					pending[src.abs] = true
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

// rebuild brings the site up to date after the files in changed (absolute paths) changed.
func (s *server) rebuild(ctx context.Context, changed map[string]bool) error {
	start := time.Now()
	full := s.configAbs != "" && changed[s.configAbs]
	ins := make([]input, len(s.sources))
	for i, src := range s.sources {
		ins[i] = src.in
	}
	if full || s.cfg == nil {
		// The list of sources may have changed: the config, or files added to or removed
		// from a folder named on the command line.
		newIns, cfg, err := resolveInputs(s.opts.sourceOptions, s.opts.configSet)
		if err != nil {
			return fmt.Errorf("%w; serving the previous version", err)
		}
		ins, s.cfg = newIns, cfg
	}
	diags, notes, svcs, err := s.update(ctx, ins, func(src *source) bool { return full || changed[src.abs] })
	if err != nil {
		return err
	}
	s.publishProblems(nil)
	s.watchFolders()
	c, cdiags := s.assemble()
	diags = append(diags, cdiags...)
	diags.Sort()
	s.printDiags(diags)
	for _, n := range notes {
		s.printf("docgen: %s\n", n)
	}
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
	if full || cur.indexDir == "" {
		// The config changes every page (title, language, base URL): render it all now.
		files, dir, err := renderAll(ctx, c, s.cfg)
		if err != nil {
			return fmt.Errorf("render: %w; serving the previous version", err)
		}
		s.publish(&siteState{files: files, indexDir: dir, gen: cur.gen + 1})
		if !s.opts.Quiet {
			s.printf("docgen: reloaded everything: %s, %s in %dms\n", plural(len(c.Services), "service"),
				entries(c.EntryCount()), time.Since(start).Milliseconds())
		}
		return nil
	}
	// First the pages that show the change, linking to the search index already served;
	// then, in the background, the whole site with a new index.
	part := newMemSite(ctx)
	if err := site.RenderPartial(c, site.Options{ConcurrentWrite: true}, site.Partial{Services: svcs, IndexDir: cur.indexDir}, part.WriteFile); err != nil {
		return fmt.Errorf("render: %w; serving the previous version", err)
	}
	s.mu.Lock()
	// cur is still the version served: the background render, cancelled above with s.mu
	// held, can no longer swap in its own.
	files := maps.Clone(cur.files)
	for rel := range files {
		for _, id := range svcs {
			// An ID that cannot name a folder is never served as a service (assemble
			// leaves it out).
			if render.CheckServiceID(id) == nil && strings.HasPrefix(rel, render.ServiceURL(&catalog.Service{ID: id})) {
				delete(files, rel)
				break
			}
		}
	}
	maps.Copy(files, part.files)
	next := &siteState{files: files, indexDir: cur.indexDir, gen: cur.gen + 1}
	s.store(next)
	bg := s.startBackground(c, s.cfg, next.gen)
	s.mu.Unlock()
	s.hub.broadcast(next.gen)
	close(bg)
	if !s.opts.Quiet {
		s.printf("docgen: reloaded %s (%s) in %dms\n", strings.Join(changedPaths(changed), ", "),
			plural(len(svcs), "service"), time.Since(start).Milliseconds())
	}
	return nil
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

// store makes st the version of the site served. The first version is stored before
// anything is served; later ones with s.mu held.
func (s *server) store(st *siteState) {
	s.site.Store(st)
	if s.opts.published != nil {
		s.opts.published(st)
	}
}

// publish swaps in a site rendered whole and tells the pages to reload.
func (s *server) publish(st *siteState) {
	s.mu.Lock()
	s.store(st)
	s.mu.Unlock()
	s.hub.broadcast(st.gen)
}

// startBackground registers a full render of c and returns a channel to close to let it
// start (after the event is sent: the pages that show the change come first). s.mu must be
// held. When the render finishes and no newer change has superseded it, its site replaces
// the one served, keeping the search index the pages served until then link to, so that a
// page open in a browser still searches.
func (s *server) startBackground(c *catalog.Catalog, cfg *Config, gen int) chan struct{} {
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
		files, dir, err := renderAll(ctx, c, cfg)
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
		cur := s.site.Load()
		if cur.indexDir != dir {
			for rel, data := range cur.files {
				if strings.HasPrefix(rel, cur.indexDir) {
					files[rel] = data
				}
			}
		}
		s.store(&siteState{files: files, indexDir: dir, gen: gen})
		if !s.opts.Quiet {
			s.printf("docgen: rest of the site (search index, other pages, catalog.json, openapi) in %.2fs\n", time.Since(start).Seconds())
		}
	}()
	return begin
}

// localHost reports whether the Host header hostport names this machine's loopback
// interface (localhost, 127.0.0.1, [::1]) or the address the server is bound to.
func (s *server) localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || host == s.boundHost {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeHTTP serves the site from memory, the live-reload script and the event stream.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.opts.AllowRemote && !s.localHost(r.Host) {
		// A DNS-rebinding page reaches a loopback server under its own name: answer
		// only to the names of this machine.
		http.Error(w, "misdirected request: this preview answers only for localhost, 127.0.0.1 and [::1]", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		s.send(w, r, http.StatusOK, "livereload.js", []byte(liveReloadJS))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.site.Load()
	rel, ok := strings.CutPrefix(r.URL.Path, "/")
	// Only clean paths name a file of the site: no "..", ".", empty or hidden parts.
	if !ok || (rel != "" && !fs.ValidPath(strings.TrimSuffix(rel, "/"))) || strings.HasPrefix(rel, "_docgen/") {
		s.notFound(w, r, st)
		return
	}
	key := render.FilePath(rel)
	data, ok := st.files[key]
	if !ok && rel != "" && !strings.HasSuffix(rel, "/") {
		if _, dir := st.files[rel+"/index.html"]; dir {
			to := "/" + rel + "/"
			if r.URL.RawQuery != "" {
				to += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
	}
	if !ok {
		s.notFound(w, r, st)
		return
	}
	s.send(w, r, http.StatusOK, key, data)
}

// notFound answers 404 with the site's 404 page.
func (s *server) notFound(w http.ResponseWriter, r *http.Request, st *siteState) {
	page, ok := st.files[render.NotFoundURL]
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.send(w, r, http.StatusNotFound, render.NotFoundURL, page)
}

// contentTypes are the media types of the site's files, by extension.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml; charset=utf-8",
	".yaml": "application/yaml; charset=utf-8",
}

// send writes one file of the site; an HTML page gets the live-reload script.
func (s *server) send(w http.ResponseWriter, r *http.Request, code int, name string, data []byte) {
	ext := path.Ext(name)
	ct := contentTypes[ext]
	if ct == "" {
		if ct = mime.TypeByExtension(ext); ct == "" {
			ct = "application/octet-stream"
		}
	}
	if ext == ".html" {
		data = injectReload(data)
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-store") // a preview: always the latest version
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// injectReload returns page with the live-reload script before </head> (at the end when
// it has none). The page itself, as built, is left untouched.
func injectReload(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(reloadTag)+1)
	out = append(out, page[:i]...)
	out = append(out, reloadTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams server-sent events to one page: "hello" with the server's instance on
// connecting, then "reload" with the rebuild's number after each rebuild.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok || r.Method != http.MethodGet {
		http.Error(w, "expected a GET that can stream", http.StatusBadRequest)
		return
	}
	sub, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if _, err := fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s\n\n", s.instance); err != nil {
		return
	}
	if p := s.problems.Load(); p != nil && *p != "[]" {
		// A page opened (or reloaded) while a source is broken shows it at once.
		if _, err := fmt.Fprintf(w, "event: problems\ndata: %s\n\n", *p); err != nil {
			return
		}
	}
	fl.Flush()
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case gen := <-sub.reload:
			_, err = fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
		case p := <-sub.problems:
			_, err = fmt.Fprintf(w, "event: problems\ndata: %s\n\n", p)
		case <-ping.C:
			_, err = io.WriteString(w, ": ping\n\n") // keeps proxies and idle timers away
		}
		if err != nil {
			return
		}
		fl.Flush()
	}
}

// problem is one error shown in the overlay of the open pages.
type problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// publishProblems sends the open pages the errors that keep sources from being served (and
// err, when the rebuild itself failed): they show them as an overlay, like Hugo's and
// Vite's, and clear it when the list is empty. Only a change is sent.
func (s *server) publishProblems(err error) {
	list := []problem{}
	for _, path := range slices.Sorted(maps.Keys(s.errs)) {
		for _, d := range s.errs[path] {
			list = append(list, problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Message})
		}
	}
	if err != nil {
		list = append(list, problem{Message: err.Error()})
	}
	data, _ := json.Marshal(list)
	str := string(data)
	if old := s.problems.Swap(&str); old != nil && *old == str || old == nil && str == "[]" {
		return
	}
	s.hub.broadcastProblems(str)
}

// hub hands each rebuild, and each change of the errors shown, to every page listening
// for events.
type hub struct {
	mu   sync.Mutex
	subs map[*subscriber]bool
	done chan struct{} // closed when serve stops
	once sync.Once
}

// subscriber is one open page's event stream.
type subscriber struct {
	reload   chan int    // rebuild numbers
	problems chan string // the errors to show, as JSON
}

func newHub() *hub { return &hub{subs: map[*subscriber]bool{}, done: make(chan struct{})} }

// subscribe returns a new subscriber and the function that ends the subscription.
func (h *hub) subscribe() (*subscriber, func()) {
	sub := &subscriber{reload: make(chan int, 1), problems: make(chan string, 1)}
	h.mu.Lock()
	h.subs[sub] = true
	h.mu.Unlock()
	return sub, func() {
		h.mu.Lock()
		delete(h.subs, sub)
		h.mu.Unlock()
	}
}

// broadcast sends gen to every subscriber without waiting: one that has an event pending
// gets the newer number instead.
func (h *hub) broadcast(gen int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for sub := range h.subs {
		select {
		case <-sub.reload:
		default:
		}
		sub.reload <- gen
	}
}

// broadcastProblems sends the errors to show to every subscriber, the newest replacing
// one not yet sent.
func (h *hub) broadcastProblems(data string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for sub := range h.subs {
		select {
		case <-sub.problems:
		default:
		}
		sub.problems <- data
	}
}

// close ends every event stream.
func (h *hub) close() { h.once.Do(func() { close(h.done) }) }

// lockedWriter serializes writes: the rebuild loop and background renders both print.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
