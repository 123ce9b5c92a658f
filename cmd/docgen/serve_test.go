package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"docgen/build"
	"docgen/preview"
	"docgen/render"
)

// waitFor is how long a test waits for something serve does in the background: generous,
// since a loaded machine can be slow; nothing is timed.
const waitFor = 10 * time.Second

// syncBuffer is a bytes.Buffer that serve can write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// waitStderr waits until stderr matches re.
func waitStderr(t testing.TB, errb *syncBuffer, re string) {
	t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(waitFor); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if rx.MatchString(errb.String()) {
			return
		}
	}
	t.Fatalf("stderr never matched %q:\n%s", re, errb)
}

// startServe runs docgen serve in-process, through its cobra command, on 127.0.0.1:0 with
// args, and returns the running server and its stderr. The server stops when the test ends.
// Every version of the site it swaps in must have the search index its pages link to.
func startServe(t testing.TB, args ...string) (*preview.Server, *syncBuffer) {
	t.Helper()
	published := func(st *preview.Site) {
		if _, ok := st.Files[st.IndexDir+"m.js"]; !ok || st.Files["index.html"] == nil {
			t.Errorf("version %d of the site has no overview or no search index in %q", st.Gen, st.IndexDir)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	errb := &syncBuffer{}
	ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, Err: errb}
	ready := make(chan *preview.Server, 1)
	cmd := newServeCmd(ios, func(ctx context.Context, o *ServeOptions) error {
		o.started = func(s *preview.Server) { ready <- s }
		o.published = published
		return runServe(ctx, o)
	})
	cmd.SetArgs(append([]string{"--addr", "127.0.0.1:0"}, args...))
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var s *preview.Server
	select {
	case s = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve exited before serving: %v\n%s", err, errb)
	case <-time.After(time.Minute):
		cancel()
		t.Fatalf("serve did not start:\n%s", errb)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve stopped with %v", err)
			}
		case <-time.After(waitFor):
			t.Errorf("serve did not stop")
		}
	})
	return s, errb
}

// get fetches a path of the site and returns its status and body.
func get(t testing.TB, s *preview.Server, p string) (int, string) {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(s.URL(), "/") + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// rawStatus sends a request line exactly as given (no client cleans its path) and returns
// the status code.
func rawStatus(t testing.TB, s *preview.Server, method, target string) int {
	t.Helper()
	addr := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// sseEvent is one server-sent event.
type sseEvent struct{ name, data string }

// subscribe opens the event stream of s and waits for its hello, after which every rebuild
// is sent to it.
func subscribe(t testing.TB, s *preview.Server) <-chan sseEvent {
	t.Helper()
	resp, err := http.Get(s.URL() + strings.TrimPrefix(preview.EventsPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	events := make(chan sseEvent, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	if ev := nextEvent(t, events); ev.name != "hello" || ev.data != s.Instance() {
		t.Fatalf("first event %+v, want hello %s", ev, s.Instance())
	}
	return events
}

// nextEvent waits for the next event.
func nextEvent(t testing.TB, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(waitFor):
		t.Fatal("no event")
	}
	return sseEvent{}
}

// table is a source with a Markdown pipe table of rows (code, status, message,
// description).
func table(title string, rows ...[4]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n| Code | Status | Message | Description |\n| --- | --- | --- | --- |\n", title)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r[0], r[1], r[2], r[3])
	}
	return b.String()
}

// writeSource writes a test file, failing the test (or benchmark) on error.
func writeSource(t testing.TB, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// twoSources writes auth.md and billing.md into a new folder and returns it.
func twoSources(t testing.TB) string {
	dir := t.TempDir()
	writeSource(t, filepath.Join(dir, "auth.md"), table("Auth API",
		[4]string{"TOKEN_EXPIRED", "401", "Token expired.", "The access token has expired."},
		[4]string{"FORBIDDEN_SCOPE", "403", "Missing scope.", "The token lacks a scope."}))
	writeSource(t, filepath.Join(dir, "billing.md"), table("Billing API",
		[4]string{"CARD_DECLINED", "402", "Card declined.", "The card was declined."},
		[4]string{"TOKEN_EXPIRED", "401", "Token expired.", "Billing needs a fresh token."}))
	return dir
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">`)

func TestServeReloadsAChangedSource(t *testing.T) {
	dir := twoSources(t)
	before, _ := os.ReadDir(dir)
	s, errb := startServe(t, dir)

	code, home := get(t, s, "/")
	if code != http.StatusOK || !strings.Contains(home, "Auth API") || !strings.Contains(home, "Billing API") {
		t.Fatalf("GET /: %d\n%s", code, home)
	}
	page := "/auth/" + "token-expired" + "/"
	if code, body := get(t, s, page); code != http.StatusOK || !strings.Contains(body, "The access token has expired.") {
		t.Fatalf("GET %s: %d\n%s", page, code, body)
	}
	// The served page is the built page with the script tag inserted, and nothing else.
	built := string(s.Site().Files["index.html"])
	if strings.Contains(built, "livereload") {
		t.Error("the built page has the live-reload script")
	}
	if want := strings.Replace(built, "</head>", preview.ReloadTag+"\n</head>", 1); home != want {
		t.Error("the served overview differs from the built one by more than the live-reload script")
	}
	if m := cspMeta.FindString(home); m == "" || m != cspMeta.FindString(built) || !strings.Contains(m, "script-src &#39;self&#39;") {
		t.Errorf("the CSP meta of the served page is %q", m)
	}
	resp, err := http.Get(s.URL() + strings.TrimPrefix(preview.ScriptPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") || !strings.Contains(string(js), "EventSource") {
		t.Errorf("%s: %s\n%s", preview.ScriptPath, ct, js)
	}

	events := subscribe(t, s)
	// The index the pages link to before the change: the background render must replace it
	// (read now, since on a small catalog that render may finish before the event is read).
	oldIndex := s.Site().IndexDir
	writeSource(t, filepath.Join(dir, "auth.md"), table("Auth API",
		[4]string{"TOKEN_EXPIRED", "401", "Token expired.", "The token is too old: sign in again."},
		[4]string{"FORBIDDEN_SCOPE", "403", "Missing scope.", "The token lacks a scope."},
		[4]string{"RATE_LIMITED", "429", "Slow down.", "Too many requests."}))
	if ev := nextEvent(t, events); ev.name != "reload" {
		t.Fatalf("event %+v, want reload", ev)
	}
	if code, body := get(t, s, page); code != http.StatusOK || !strings.Contains(body, "The token is too old: sign in again.") {
		t.Fatalf("after the change, GET %s: %d\n%s", page, code, body)
	}
	if code, _ := get(t, s, "/auth/rate-limited/"); code != http.StatusOK {
		t.Errorf("the new entry's page: %d", code)
	}
	if _, body := get(t, s, "/-/status/429/"); !strings.Contains(body, "RATE_LIMITED") {
		t.Error("the new status page does not list the new entry")
	}
	waitStderr(t, errb, `reloaded .*auth\.md \(1 service\)`)

	// Once the background render is done, the site is what build writes, plus the search
	// index that the pages shown before link to.
	s.WaitIdle()
	st := s.Site()
	if st.IndexDir == oldIndex {
		t.Error("the background render made no new search index")
	}
	want := buildMap(t, dir)
	got := maps.Clone(st.Files)
	for rel := range got {
		if strings.HasPrefix(rel, oldIndex) {
			delete(got, rel)
		}
	}
	if !maps.EqualFunc(got, want, bytes.Equal) {
		var diff []string
		for rel := range maps.Keys(got) {
			if !bytes.Equal(got[rel], want[rel]) {
				diff = append(diff, rel)
			}
		}
		for rel := range want {
			if _, ok := got[rel]; !ok {
				diff = append(diff, rel+" (missing)")
			}
		}
		slices.Sort(diff)
		t.Errorf("after the background render the site differs from a build in %d files: %v", len(diff), diff[:min(len(diff), 10)])
	}
	if _, body := get(t, s, "/catalog.json"); !strings.Contains(body, "RATE_LIMITED") {
		t.Error("catalog.json does not have the new entry")
	}
	if code, _ := get(t, s, "/"+oldIndex+"m.js"); code != http.StatusOK {
		t.Errorf("the previous search index is gone (%d): pages open in a browser cannot search", code)
	}
	after, _ := os.ReadDir(dir)
	if len(after) != len(before) {
		t.Errorf("serve wrote into the sources' folder: %v", after)
	}
}

// buildMap renders what docgen build would write for the sources named, into memory.
func buildMap(t testing.TB, sources ...string) map[string][]byte {
	t.Helper()
	l, err := build.Load(context.Background(), build.Options{Config: build.DefaultConfig, Sources: sources, MaxSourceSize: build.DefaultMaxSourceSize})
	if err != nil {
		t.Fatal(err)
	}
	m, err := build.RenderAll(context.Background(), l.Catalog, l.Config)
	if err != nil {
		t.Fatal(err)
	}
	return m.Files
}

func TestServeKeepsTheLastGoodVersion(t *testing.T) {
	dir := twoSources(t)
	s, errb := startServe(t, dir)
	events := subscribe(t, s)
	page := "/billing/card-declined/"

	// A ragged row is an error: the page keeps the last good text, stderr says why.
	writeSource(t, filepath.Join(dir, "billing.md"), table("Billing API",
		[4]string{"CARD_DECLINED", "402", "Card declined.", "BROKEN EDIT"})+"| ONLY_TWO | 400 |\n")
	waitStderr(t, errb, `billing\.md:\d+:\d+: error: .*\[ragged-row\]|billing\.md:\d+:\d+: error: table row has`)
	waitStderr(t, errb, `billing\.md has 1 error; serving its last good version`)
	if _, body := get(t, s, page); !strings.Contains(body, "The card was declined.") || strings.Contains(body, "BROKEN EDIT") {
		t.Errorf("with an error in the source, the page changed:\n%s", body)
	}

	// Fixed, it is served again.
	writeSource(t, filepath.Join(dir, "billing.md"), table("Billing API",
		[4]string{"CARD_DECLINED", "402", "Card declined.", "Fixed text."}))
	for ev := nextEvent(t, events); ev.name != "reload"; ev = nextEvent(t, events) {
	}
	if _, body := get(t, s, page); !strings.Contains(body, "Fixed text.") {
		t.Errorf("after the fix, the page is\n%s", body)
	}
	t.Logf("stderr:\n%s", errb)
}

func TestServeAddsAndRemovesSources(t *testing.T) {
	dir := twoSources(t)
	s, _ := startServe(t, dir)
	events := subscribe(t, s)

	// An editor's atomic save: a hidden temporary file renamed over nothing (a new file).
	tmp := filepath.Join(dir, ".orders.md.swp")
	writeSource(t, tmp, table("Orders API", [4]string{"ORDER_GONE", "410", "Gone.", "The order was deleted."}))
	if err := os.Rename(tmp, filepath.Join(dir, "orders.md")); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, events)
	if code, body := get(t, s, "/orders/order-gone/"); code != http.StatusOK || !strings.Contains(body, "The order was deleted.") {
		t.Fatalf("the new source's entry: %d", code)
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, "Orders API") {
		t.Error("the overview does not list the new service")
	}

	if err := os.Remove(filepath.Join(dir, "auth.md")); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, events)
	if code, _ := get(t, s, "/auth/token-expired/"); code != http.StatusNotFound {
		t.Errorf("a removed source's entry: %d, want 404", code)
	}
}

func TestServeConfig(t *testing.T) {
	dir := twoSources(t)
	cfg := filepath.Join(dir, "docgen.yaml")
	writeSource(t, cfg, "title: First title\nsources:\n  - path: auth.md\n  - path: billing.md\n")
	s, errb := startServe(t, "--config", cfg)
	events := subscribe(t, s)
	if _, body := get(t, s, "/"); !strings.Contains(body, "First title") {
		t.Fatal("the overview does not have the config's title")
	}
	writeSource(t, cfg, "title: Second title\nsources:\n  - path: auth.md\n")
	nextEvent(t, events)
	if _, body := get(t, s, "/"); !strings.Contains(body, "Second title") || strings.Contains(body, "Billing API") {
		t.Errorf("after the config changed, the overview is\n%s", body)
	}
	if code, _ := get(t, s, "/billing/"); code != http.StatusNotFound {
		t.Errorf("a source the config no longer lists: %d, want 404", code)
	}
	waitStderr(t, errb, `reloaded everything: 1 service`)

	// A broken config keeps the site as it was.
	writeSource(t, cfg, "title: [unclosed\n")
	waitStderr(t, errb, `docgen\.yaml:\d+:\d+: error: .*serving the previous version`)
	if _, body := get(t, s, "/"); !strings.Contains(body, "Second title") {
		t.Error("a broken config changed the site")
	}
	t.Logf("stderr:\n%s", errb)
}

// TestServeSiteNamedSource serves a source named like one of the site's old folders
// (search.md): it is a service like any other, and editing it keeps the search index.
func TestServeSiteNamedSource(t *testing.T) {
	dir := twoSources(t)
	writeSource(t, filepath.Join(dir, "search.md"), table("Search API", [4]string{"NO_HITS", "404", "No hits.", "Nothing found."}))
	s, _ := startServe(t, dir)
	events := subscribe(t, s)
	writeSource(t, filepath.Join(dir, "search.md"), table("Search API", [4]string{"NO_HITS", "404", "No hits.", "Still nothing."}))
	nextEvent(t, events)
	st := s.Site()
	if code, _ := get(t, s, "/"+st.IndexDir+"m.js"); code != http.StatusOK {
		t.Errorf("after editing search.md, the search index is gone (%d)", code)
	}
	if _, body := get(t, s, "/search/no-hits/"); !strings.Contains(body, "Still nothing.") {
		t.Error("the entry page of search.md does not show the edit")
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, "Search API") {
		t.Error("the service of search.md is not on the overview")
	}
}

func TestServeNotFound(t *testing.T) {
	dir := twoSources(t)
	s, _ := startServe(t, dir)
	for _, target := range []string{
		"/nope/", "/auth/nope/", "/auth.md", "/" + filepath.ToSlash(strings.TrimPrefix(dir, "/")) + "/auth.md",
		"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../auth.md", "//etc/passwd",
		"/_docgen/", "/_docgen/other.js", "/auth//", "/./index.html",
	} {
		if code := rawStatus(t, s, "GET", target); code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", target, code)
		}
	}
	code, body := get(t, s, "/nope/")
	if want := string(preview.InjectReload(s.Site().Files[render.NotFoundURL])); code != http.StatusNotFound || body != want {
		t.Errorf("the 404 page: %d\n%s", code, body)
	}
	if code := rawStatus(t, s, "POST", "/"); code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d, want 405", code)
	}
	if code := rawStatus(t, s, "GET", "/auth"); code != http.StatusFound {
		t.Errorf("GET /auth: %d, want a redirect to /auth/", code)
	}
	if code := rawStatus(t, s, "HEAD", "/"); code != http.StatusOK {
		t.Errorf("HEAD /: %d", code)
	}
}

func TestServeRefusesOtherHosts(t *testing.T) {
	run := func(args ...string) (called bool, err error) {
		ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
		cmd := newServeCmd(ios, func(context.Context, *ServeOptions) error { called = true; return nil })
		cmd.SetArgs(args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		return called, cmd.Execute()
	}
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:8080", "example.com:80"} {
		called, err := run("--addr", addr)
		var ee *exitError
		if called || !errors.As(err, &ee) || ee.code != ExitUsage || !strings.Contains(err.Error(), "--allow-remote") {
			t.Errorf("--addr %s: ran %v, error %v; want exit 2 naming --allow-remote", addr, called, err)
		}
		if called, err := run("--addr", addr, "--allow-remote"); !called || err != nil {
			t.Errorf("--addr %s --allow-remote: ran %v, error %v", addr, called, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0", "127.0.0.1:8080"} {
		if called, err := run("--addr", addr); !called || err != nil {
			t.Errorf("--addr %s: ran %v, error %v", addr, called, err)
		}
	}
	if _, err := run("--addr", "8080"); err == nil || !strings.Contains(err.Error(), "host:port") {
		t.Errorf("--addr 8080: %v", err)
	}
}

// BenchmarkServeReload10k measures the time from writing one source of a 10,000-entry
// catalog (100 sources × 100 rows) to the reload event reaching a subscriber: the time
// after which a browser shows the new page. The server's debounce is part of it. Between
// iterations the benchmark waits, untimed, for the background render of the whole site.
func BenchmarkServeReload10k(b *testing.B) {
	const nsrc, rows = 100, 100
	dir := b.TempDir()
	for i := range nsrc {
		writeSource(b, filepath.Join(dir, fmt.Sprintf("svc%03d.md", i)), benchSource(i, rows, 0))
	}
	s, _ := startServe(b, dir, "--quiet")
	if n := s.Catalog().EntryCount(); n != nsrc*rows {
		b.Fatalf("%d entries, want %d", n, nsrc*rows)
	}
	events := subscribe(b, s)
	rev := 0
	for b.Loop() {
		b.StopTimer()
		s.WaitIdle()
		rev++
		i := rev * 37 % nsrc
		data := benchSource(i, rows, rev)
		b.StartTimer()
		writeSource(b, filepath.Join(dir, fmt.Sprintf("svc%03d.md", i)), data)
		for ev := nextEvent(b, events); ev.name != "reload"; ev = nextEvent(b, events) {
		}
	}
	b.StopTimer()
	s.WaitIdle()
	b.ReportMetric(nsrc*rows, "entries")
}

// benchSource is source i of the benchmark's catalog: a pipe table of rows errors mixing
// SNAKE_CASE, camelCase and 9-digit codes, English and Korean text; rev changes its first
// row's description.
func benchSource(i, rows, rev int) string {
	statuses := []string{"400", "401", "403", "404", "409", "429", "500", "503"}
	words := []string{"token", "quota", "order", "invoice", "session", "region", "bucket", "schema"}
	var b strings.Builder
	fmt.Fprintf(&b, "# Service %03d API\n\n| Code | Status | Message | Description |\n| --- | --- | --- | --- |\n", i)
	for j := range rows {
		st := statuses[(i+j)%len(statuses)]
		w := words[(i*7+j)%len(words)]
		var code string
		switch j % 3 {
		case 0:
			code = fmt.Sprintf("%s%03d%03d", st, i, j)
		case 1:
			code = fmt.Sprintf("%s_%s_%d", strings.ToUpper(w), "INVALID", j)
		default:
			code = fmt.Sprintf("%sNotFound%d", w, j)
		}
		desc := fmt.Sprintf("The %s of request %d was rejected. %s 요청이 거부되었습니다.", w, j, w)
		if j == 0 {
			desc += fmt.Sprintf(" Revision %d.", rev)
		}
		fmt.Fprintf(&b, "| %s | %s | The %s is not valid. | %s |\n", code, st, w, desc)
	}
	return b.String()
}

// TestServeAnswersOnlyLocalHosts: while loopback-only, the preview answers only for the
// names of this machine, so a DNS-rebinding page (Host: evil.example) cannot read it.
func TestServeAnswersOnlyLocalHosts(t *testing.T) {
	dir := twoSources(t)
	s, _ := startServe(t, dir)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(s.URL(), "/"), "http://"))
	for host, want := range map[string]int{
		"evil.example":           http.StatusMisdirectedRequest,
		"evil.example:" + port:   http.StatusMisdirectedRequest,
		"localhost.evil.example": http.StatusMisdirectedRequest,
		"localhost:" + port:      http.StatusOK,
		"LOCALHOST":              http.StatusOK,
		"127.0.0.1:" + port:      http.StatusOK,
		"[::1]:" + port:          http.StatusOK,
	} {
		for _, path := range []string{"/", preview.EventsPath, "/catalog.json"} {
			req, _ := http.NewRequest(http.MethodHead, s.URL()+strings.TrimPrefix(path, "/"), nil)
			req.Host = host
			ctx, cancel := context.WithCancel(context.Background())
			resp, err := http.DefaultClient.Do(req.WithContext(ctx))
			if err != nil {
				cancel()
				t.Fatal(err)
			}
			resp.Body.Close()
			cancel()
			if path == preview.EventsPath && want == http.StatusOK {
				continue // an event stream: HEAD says nothing of interest
			}
			if resp.StatusCode != want {
				t.Errorf("Host %q, %s: %d, want %d", host, path, resp.StatusCode, want)
			}
		}
	}
}

// TestServeWatchesAFolderThatComesBack removes the sources' folder and makes it again, as a
// git checkout does: serve says the folder is gone, and when it is back, edits reload
// the page again.
func TestServeWatchesAFolderThatComesBack(t *testing.T) {
	for _, mode := range []string{"folder", "config"} {
		t.Run(mode, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "docs")
			os.Mkdir(dir, 0o755)
			write := func(msg string) {
				writeSource(t, filepath.Join(dir, "auth.md"), table("Auth API", [4]string{"TOKEN_EXPIRED", "401", msg, "The access token has expired."}))
			}
			write("First words.")
			args := []string{dir}
			if mode == "config" {
				writeSource(t, filepath.Join(dir, "docgen.yaml"), "title: T\nsources:\n  - path: auth.md\n")
				args = []string{"--config", filepath.Join(dir, "docgen.yaml")}
			}
			s, errb := startServe(t, args...)
			events := subscribe(t, s)
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			waitStderr(t, errb, `docs is gone; serving the previous version until it comes back`)
			os.Mkdir(dir, 0o755)
			if mode == "config" {
				writeSource(t, filepath.Join(dir, "docgen.yaml"), "title: T\nsources:\n  - path: auth.md\n")
			}
			write("Second words.")
			// The folder's return is seen as the folder (it is back), as the config's change
			// when the config inside it is seen first (everything reloads), or, when the
			// watcher sees the new folder and its file as changes, as their reload.
			waitStderr(t, errb, `docs is back; reloading|gone; serving the previous version until it comes back\n(?s:.*)reloaded (everything|\S*docs\b)`)
			// Later edits reload too: the folder is watched again.
			waitBody(t, s, errb, "/auth/token-expired/", "Second words.")
			drain(events)
			write("Third words.")
			waitBody(t, s, errb, "/auth/token-expired/", "Third words.")
		})
	}
}

// waitBody waits until the page at path holds want (failing after waitFor, a safety net).
func waitBody(t *testing.T, s *preview.Server, errb *syncBuffer, path, want string) {
	t.Helper()
	for deadline := time.Now().Add(waitFor); ; time.Sleep(20 * time.Millisecond) {
		if _, body := get(t, s, path); strings.Contains(body, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q:\n%s", path, want, errb)
		}
	}
}

// drain takes the events that are waiting.
func drain(events <-chan sseEvent) {
	for {
		select {
		case <-events:
		default:
			return
		}
	}
}

// TestServeShowsErrorsOverThePage breaks a source: the open pages get its errors (file,
// line, message) to show as an overlay, a page opened meanwhile gets them at once, and
// fixing the source clears them.
func TestServeShowsErrorsOverThePage(t *testing.T) {
	dir := twoSources(t)
	s, _ := startServe(t, dir)
	events := subscribe(t, s)
	auth := filepath.Join(dir, "auth.md")
	good, _ := os.ReadFile(auth)
	writeSource(t, auth, string(good)+"| BROKEN | 400 | only three cells |\n")
	var ev sseEvent
	for ev = nextEvent(t, events); ev.name != "problems"; ev = nextEvent(t, events) {
	}
	var list []preview.Problem
	if err := json.Unmarshal([]byte(ev.data), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !strings.HasSuffix(list[0].File, "auth.md") || list[0].Line != 7 || !strings.Contains(list[0].Message, "table row has 3 cells, header has 4") {
		t.Errorf("problems %s", ev.data)
	}
	late := subscribe(t, s)
	if ev := nextEvent(t, late); ev.name != "problems" || !strings.Contains(ev.data, "table row has 3 cells") {
		t.Errorf("a page opened while the source is broken got %+v", ev)
	}
	writeSource(t, auth, string(good))
	for ev = nextEvent(t, events); ev.name != "problems"; ev = nextEvent(t, events) {
	}
	if ev.data != "[]" {
		t.Errorf("after the fix: problems %s, want []", ev.data)
	}
	// The client script shows and clears them.
	if _, js := get(t, s, preview.ScriptPath); !strings.Contains(js, `addEventListener("problems"`) {
		t.Error("the live-reload script does not handle problems")
	}
}
