// Package browsertest drives Debian's headless Chromium through chromedp for docgen's
// browser tests, the screenshots (make screenshots) and the search benchmark
// (internal/benchsearch): finding the browser, starting it with the flags that keep it off the
// network, watching a page for Content-Security-Policy violations, script errors and
// requests to other hosts, and running axe-core in a page.
//
// Its tests build the default site and a fixture site and check them in the browser.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChromiumPath returns the browser to drive: $DOCGEN_CHROMIUM, else /usr/bin/chromium, else
// the first of chromium, chromium-browser, google-chrome on $PATH; "" when there is none.
func ChromiumPath() string {
	if p := os.Getenv("DOCGEN_CHROMIUM"); p != "" {
		return p
	}
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// InCI reports whether the tests run in CI (CI=true), where a missing browser or axe-core is
// a failure, not a reason to skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// Require returns the browser's path, or skips t when there is none (fails it in CI).
func Require(t testing.TB) string {
	t.Helper()
	p := ChromiumPath()
	if p == "" {
		msg := "no Chromium: install Debian's chromium (apt-get install -y chromium fonts-nanum) or set DOCGEN_CHROMIUM"
		if InCI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// Flags are the command-line switches the browser gets besides chromedp's defaults
// (headless, no first run, no background networking, no sync, no sandbox as root): no GPU,
// no component updates, no QUIC, and a host resolver that resolves nothing but the local
// machine, so that no page and no part of the browser reaches another host.
var Flags = []chromedp.ExecAllocatorOption{
	chromedp.DisableGPU,
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"),
	chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions"),
	chromedp.Flag("hide-scrollbars", true),
	chromedp.Flag("mute-audio", true),
	chromedp.WindowSize(1280, 900),
}

// Start starts a browser with a fresh profile in userDataDir and returns a context for its
// first tab; cancel closes the browser.
func Start(parent context.Context, execPath, userDataDir string, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(execPath), chromedp.UserDataDir(userDataDir))
	opts = append(opts, Flags...)
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	return ctx, func() {
		cancelCtx()
		cancelAlloc()
	}
}

// NewBrowser starts a browser for test t with a fresh profile in a temporary folder, and
// closes it when the test ends.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	exe := Require(t)
	dir, err := os.MkdirTemp("", "docgen-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := Start(context.Background(), exe, dir)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		os.RemoveAll(dir)
		t.Fatalf("start %s: %v", exe, err)
	}
	t.Cleanup(func() {
		cancel()
		os.RemoveAll(dir) // Chromium's helpers may still write for a moment; best effort
	})
	return ctx
}

// cspWatch is the script every document of a watched tab runs first: it records
// Content-Security-Policy violations where the test can read them.
const cspWatch = `window.__docgenCSP = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__docgenCSP.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`

// Watch records what a tab does that a page of the site must not do.
type Watch struct {
	mu       sync.Mutex
	requests []string // every URL requested
	problems []string // exceptions, console errors, refused loads
	bytes    map[network.RequestID]float64
	reqURL   map[network.RequestID]string
}

// NewWatch starts watching the tab of ctx: requests, script exceptions, console errors and,
// in every document loaded from now on, CSP violations.
func NewWatch(ctx context.Context) (*Watch, error) {
	w := &Watch{bytes: map[network.RequestID]float64{}, reqURL: map[network.RequestID]string{}}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch}); err != nil {
		return nil, fmt.Errorf("add CSP watch: %w", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.requests = append(w.requests, ev.Request.URL)
			w.reqURL[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			w.bytes[ev.RequestID] += ev.EncodedDataLength
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text = d.Exception.Description
			}
			w.problems = append(w.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				w.problems = append(w.problems, "console.error: "+strings.Join(parts, " "))
			}
		case *log.EventEntryAdded:
			if e := ev.Entry; e.Level == log.EntryLevelError || strings.Contains(e.Text, "Content Security Policy") {
				w.problems = append(w.problems, fmt.Sprintf("browser log (%s): %s %s", e.Source, e.Text, e.URL))
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return w, nil
}

// Requests returns the URLs requested so far.
func (w *Watch) Requests() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.requests...)
}

// Problems returns the exceptions, console errors and browser errors seen so far.
func (w *Watch) Problems() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.problems...)
}

// Bytes returns the bytes received for requests whose URL contains substr, and how many
// such requests finished.
func (w *Watch) Bytes(substr string) (total float64, n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for id, b := range w.bytes {
		if strings.Contains(w.reqURL[id], substr) {
			total += b
			n++
		}
	}
	return total, n
}

// Reset forgets what was recorded.
func (w *Watch) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.requests, w.problems = nil, nil
	w.bytes = map[network.RequestID]float64{}
	w.reqURL = map[network.RequestID]string{}
}

// Foreign returns the requested URLs that leave the site: any host but the test server's
// (allowedHost), any scheme but http(s) on it, file, data and about.
func (w *Watch) Foreign(allowedHost string) []string {
	var out []string
	for _, r := range w.Requests() {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "file", "data", "about", "blob":
			continue
		case "http", "https", "ws", "wss":
			if u.Host == allowedHost {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// CSPViolations returns the violations the current document recorded.
func CSPViolations(ctx context.Context) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__docgenCSP || ["CSP watch missing: the page was not loaded in a watched tab"]`))
}

// AxePath returns where axe-core's axe.min.js is (installed by make test under .ci/node/axe),
// or "" when it is not there. root is the module's root folder.
func AxePath(root string) string {
	p := filepath.Join(root, ".ci", "node", "axe", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// AxeFinding is one rule axe-core found broken, with the elements that break it.
type AxeFinding struct {
	ID     string `json:"id"`     // the rule, e.g. "color-contrast"
	Impact string `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help   string `json:"help"`   // what the rule wants
	// Nodes are the elements that break the rule.
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// String formats a finding for a test failure.
func (f AxeFinding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", f.ID, f.Impact, f.Help)
	for i, n := range f.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n    … %d more", len(f.Nodes)-5)
			break
		}
		t, _ := json.Marshal(n.Target)
		fmt.Fprintf(&b, "\n    %s: %s", t, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// Axe runs axe-core (its source given) in the current page and returns its violations.
// The script is evaluated through the DevTools protocol, which the page's CSP does not
// govern, so the page needs no exception for it.
func Axe(ctx context.Context, source string) ([]AxeFinding, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
		return nil, fmt.Errorf("load axe-core: %w", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	var out []AxeFinding
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("axe-core result: %w", err)
	}
	return out, nil
}

// EmulateColorScheme makes the tab of ctx prefer the colour scheme "dark" or "light".
func EmulateColorScheme(ctx context.Context, scheme string) error {
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}
