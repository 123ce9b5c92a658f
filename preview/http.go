package preview

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"docgen/render"
)

// The paths serve adds to the site. They are never part of built output.
const (
	EventsPath = "/_docgen/events"        // server-sent events: "reload" after each rebuild, "problems" for the overlay
	ScriptPath = "/_docgen/livereload.js" // the client that reloads the page on an event
)

// ReloadTag is what serve inserts before </head> of every HTML page it serves. The pages'
// CSP allows only same-origin scripts and connections, which this is.
const ReloadTag = `<script src="` + ScriptPath + `" defer></script>`

// liveReloadJS listens to the events and reloads the page on each rebuild, and when a new
// docgen serve has started behind the same address.
const liveReloadJS = `// docgen serve: reload the page when the site is rebuilt (only while serving).
(function () {
  "use strict";
  if (!window.EventSource) return;
  var server = null;
  var events = new EventSource("` + EventsPath + `");
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

// localHost reports whether the Host header hostport names this machine's loopback
// interface (localhost, 127.0.0.1, [::1]) or the address the server is bound to.
func (s *Server) localHost(hostport string) bool {
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
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.opts.AllowRemote && !s.localHost(r.Host) {
		// A DNS-rebinding page reaches a loopback server under its own name: answer
		// only to the names of this machine.
		http.Error(w, "misdirected request: this preview answers only for localhost, 127.0.0.1 and [::1]", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.events(w, r)
		return
	case ScriptPath:
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
	data, ok := st.Files[key]
	if !ok && rel != "" && !strings.HasSuffix(rel, "/") {
		if _, dir := st.Files[rel+"/index.html"]; dir {
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
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *Site) {
	page, ok := st.Files[render.NotFoundURL]
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
func (s *Server) send(w http.ResponseWriter, r *http.Request, code int, name string, data []byte) {
	ext := path.Ext(name)
	ct := contentTypes[ext]
	if ct == "" {
		if ct = mime.TypeByExtension(ext); ct == "" {
			ct = "application/octet-stream"
		}
	}
	if ext == ".html" {
		data = InjectReload(data)
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

// InjectReload returns page with the live-reload script before </head> (at the end when
// it has none). The page itself, as built, is left untouched.
func InjectReload(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(ReloadTag)+1)
	out = append(out, page[:i]...)
	out = append(out, ReloadTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams server-sent events to one page: "hello" with the server's instance on
// connecting, then "reload" with the rebuild's number after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
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

// Problem is one error shown in the overlay of the open pages.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// publishProblems sends the open pages the errors that keep sources from being served (and
// err, when the rebuild itself failed): they show them as an overlay, like Hugo's and
// Vite's, and clear it when the list is empty. Only a change is sent.
func (s *Server) publishProblems(err error) {
	list := []Problem{}
	errs := s.sess.Errors()
	for _, path := range slices.Sorted(maps.Keys(errs)) {
		for _, d := range errs[path] {
			list = append(list, Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Message})
		}
	}
	if err != nil {
		list = append(list, Problem{Message: err.Error()})
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
