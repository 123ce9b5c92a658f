package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"docgen/catalog"
	"docgen/render"
)

// pwnedTrap runs first in every document: any payload of the hostile sources that executes
// sets window.__pwned, and the setter records it even if the payload later deletes it.
const pwnedTrap = `window.__pwnedLog = [];
Object.defineProperty(window, '__pwned', {configurable: false,
  get: function () { return window.__pwnedLog.length ? window.__pwnedLog[0] : undefined; },
  set: function (v) { window.__pwnedLog.push(String(v)); }});`

// TestHostileSite builds a site from testdata/hostile and opens every page kind of it,
// with search results showing hostile text: no payload runs, no CSP rule breaks, no other
// host is asked for anything.
func TestHostileSite(t *testing.T) {
	browser := NewBrowser(t)
	root := moduleRoot(t)
	out := filepath.Join(t.TempDir(), "site")
	sources, _ := filepath.Glob(filepath.Join(root, "testdata", "hostile", "*.md"))
	var args []string
	for _, s := range sources {
		if filepath.Base(s) != "README.md" {
			args = append(args, s)
		}
	}
	if len(args) < 3 {
		t.Fatalf("hostile sources: %v", args)
	}
	cmd := exec.Command(goTool(), append([]string{"run", "./cmd/docgen", "build", "--quiet", "--out", out}, args...)...)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docgen build: %v\n%s", err, b)
	}
	var cat catalogJSON
	data, err := os.ReadFile(filepath.Join(out, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cat); err != nil {
		t.Fatal(err)
	}
	pages := []string{"index.html", "404.html"}
	for _, s := range cat.Services {
		pages = append(pages, s.ID+"/index.html")
		for _, e := range s.Entries {
			pages = append(pages, strings.TrimSuffix(e.URL, "/")+"/index.html")
			if e.Status != 0 {
				pages = append(pages, render.FilePath(render.StatusURL(catalog.Status(e.Status))))
			}
		}
	}
	srv := serve(t, out)
	host := strings.TrimPrefix(srv.URL, "http://")
	// The tab visits every page twice (server and file://): its guard against a hung
	// browser grows with them, so that a loaded machine does not fail the test.
	ctx, w := tabWithin(t, browser, 60*time.Second+time.Duration(len(pages))*20*time.Second)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: pwnedTrap}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range pages {
		if seen[p] {
			continue
		}
		seen[p] = true
		urls := []string{srv.URL + "/" + p, fileURL(out, p)}
		if p == "404.html" {
			urls = urls[:1] // a server's page: its links start at the root
		}
		for _, u := range urls {
			w.Reset()
			navigate(t, ctx, u)
			// Hover and focus everything, so that event-handler payloads would fire.
			eval[bool](t, ctx, `(() => { for (const el of document.querySelectorAll('*')) {
				for (const ev of ['mouseover', 'mouseenter', 'focus', 'click', 'load', 'error']) {
					if (ev === 'click' && (el.tagName === 'A' || el.tagName === 'BUTTON')) continue;
					el.dispatchEvent(new Event(ev)); } } return true; })()`)
			if log := eval[[]string](t, ctx, `window.__pwnedLog`); len(log) > 0 {
				t.Errorf("%s: a payload ran: __pwned set to %v", u, log)
			}
			checkClean(t, ctx, w, host)
		}
	}
	// Search results render hostile messages and descriptions as snippets.
	navigate(t, ctx, srv.URL+"/index.html?q=pwned")
	for _, q := range []string{"pwned", "script", "SCRIPT_TAG", "img onerror", "javascript"} {
		w.Reset()
		eval[bool](t, ctx, `(() => { const q = document.getElementById('q'); q.value = `+jsString(q)+`;
			q.dispatchEvent(new Event('input')); return true; })()`)
		time.Sleep(300 * time.Millisecond)
		n := eval[int](t, ctx, `docgen.search(`+jsString(q)+`).then(r => r.length)`)
		if q == "SCRIPT_TAG" && n == 0 {
			t.Errorf("search for %q found nothing", q)
		}
		if log := eval[[]string](t, ctx, `window.__pwnedLog`); len(log) > 0 {
			t.Errorf("search %q: a payload ran: __pwned set to %v", q, log)
		}
		checkClean(t, ctx, w, host)
	}
	// A code with a right-to-left override is isolated in the results, as on its page.
	eval[bool](t, ctx, `(() => { const q = document.getElementById('q'); q.value = 'GNP';
		q.dispatchEvent(new Event('input')); return true; })()`)
	if err := poll(ctx, `[...document.querySelectorAll('#q-results .r-code')].some(c => c.textContent.includes('\u202e'))`, 10*time.Second); err != nil {
		t.Fatalf("search for GNP: %v", err)
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll('#q-results .r-code')].filter(c => c.textContent.includes('\u202e')).every(c => c.parentElement.tagName === 'BDI')`) {
		t.Error("a code with a bidi override is not isolated in the search results")
	}
	if eval[bool](t, ctx, `[...document.querySelectorAll('#q-results .r-code')].filter(c => !/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c.textContent)).some(c => c.parentElement.tagName === 'BDI')`) {
		t.Error("a code without bidi controls is wrapped in <bdi>")
	}
	navigate(t, ctx, srv.URL+"/bidi/gnp-exe-txt/index.html")
	if got := eval[string](t, ctx, `document.querySelector('h1 code').innerHTML`); !strings.HasPrefix(got, "<bdi>") {
		t.Errorf("entry page h1: %q, want the code in <bdi>", got)
	}
}

func jsString(s string) string {
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(s)
	return strings.TrimSpace(b.String())
}
