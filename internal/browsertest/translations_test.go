package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docgen/render/search"
)

// readIndex returns the search index files of the site in dir: the folder of its m.js.
func readIndex(t *testing.T, dir string) []search.File {
	t.Helper()
	var root string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && root == "" && d.Name() == "m.js" {
			root = filepath.Dir(p)
		}
		return err
	})
	if root == "" {
		t.Fatalf("no search index under %s", dir)
	}
	var files []search.File
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, search.File{Name: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// buildTranslations builds testdata/translations (an invented wallet service in Korean
// and in English; English lacks WLT-1204) with the real command, and checks it first:
// check reports the missing code and each language's coverage.
func buildTranslations(t *testing.T) string {
	t.Helper()
	root := moduleRoot(t)
	out := filepath.Join(t.TempDir(), "public")
	run := func(args ...string) string {
		cmd := exec.Command(goTool(), append([]string{"run", "./cmd/docgen"}, args...)...)
		cmd.Dir = root
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Run(); err != nil {
			t.Fatalf("docgen %s: %v\n%s", strings.Join(args, " "), err, buf.String())
		}
		return buf.String()
	}
	got := run("check", "--config", "testdata/translations/docgen.yaml")
	for _, want := range []string{
		`testdata/translations/ko/wallet.md:24:1: warning: code "WLT-1204" has no en translation: testdata/translations/en/wallet.md does not document it [missing-translation]`,
		"docgen: translations: wallet: ko 30/30, en 29/30",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("docgen check lacks %q:\n%s", want, got)
		}
	}
	run("build", "--quiet", "--config", "testdata/translations/docgen.yaml", "--out", out)
	return out
}

// TestTranslations: a service in Korean and English, in Chromium. The language switch
// leads from each language's page of an entry to the other's and back; hreflang
// alternates name both and x-default; the code English lacks shows its Korean text on its
// English page, marked; a query in either language finds an entry, and results show the
// text of the page's language.
func TestTranslations(t *testing.T) {
	browser := NewBrowser(t)
	dir := buildTranslations(t)
	srv := serve(t, dir)
	host := strings.TrimPrefix(srv.URL, "http://")
	ctx, w := tab(t, browser)

	navigate(t, ctx, srv.URL+"/wallet/wlt-1001/index.html")
	alts := eval[[]string](t, ctx, `[...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang + ' ' + l.getAttribute('href'))`)
	want := []string{"ko https://errors.example.test/wallet/wlt-1001/", "en https://errors.example.test/en/wallet/wlt-1001/", "x-default https://errors.example.test/wallet/wlt-1001/"}
	if fmt.Sprint(alts) != fmt.Sprint(want) {
		t.Errorf("hreflang alternates %q, want %q", alts, want)
	}
	page := func() string {
		return eval[string](t, ctx, `[document.documentElement.lang, location.pathname.replace(/^.*?\/(en\/)?wallet\//, (m, en) => (en || '') + 'wallet/'), document.querySelector('.message').textContent, document.querySelector('h1').textContent].join(' | ')`)
	}
	if got := page(); got != "ko | wallet/wlt-1001/ | 요청 본문이 비어 있습니다 | WLT-1001" {
		t.Errorf("Korean page: %s", got)
	}

	// To English with the switch, and back.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="en"]`))); err != nil {
		t.Fatal(err)
	}
	waitPage(t, ctx, `location.pathname.includes('/en/wallet/wlt-1001/')`)
	if got := page(); got != "en | en/wallet/wlt-1001/ | Request body is empty | WLT-1001" {
		t.Errorf("English page: %s", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('nav.langs [aria-current]').textContent + ' ' + document.querySelector('.crumbs').textContent.includes('Overview')`); got != "English true" {
		t.Errorf("English page's switch and words: %s", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="ko"]`))); err != nil {
		t.Fatal(err)
	}
	// (The English page's address ends as the Korean one's does.)
	waitPage(t, ctx, `location.pathname.includes('/wallet/wlt-1001/') && !location.pathname.includes('/en/')`)
	if got := page(); got != "ko | wallet/wlt-1001/ | 요청 본문이 비어 있습니다 | WLT-1001" {
		t.Errorf("back on the Korean page: %s", got)
	}

	// The code English lacks falls back to Korean on its English page, marked.
	navigate(t, ctx, srv.URL+"/en/wallet/wlt-1204/index.html")
	if got := eval[string](t, ctx, `[document.querySelector('.fallback') && document.querySelector('.fallback').textContent, document.querySelector('.message').lang, document.querySelector('.message').textContent].join(' | ')`); got != "Not documented in this language: shown in 한국어. | ko | 본인 인증이 필요합니다" {
		t.Errorf("fallback: %s", got)
	}

	// Search in either language, from an English page and from a Korean one.
	type res struct{ Code, Title, URL string }
	find := func(q string) []res {
		qj, _ := json.Marshal(q)
		return eval[[]res](t, ctx, fmt.Sprintf(`docgen.search(%s).then(r => r.slice(0, 3).map(x => ({Code: x.code, Title: x.title, URL: x.url})))`, qj))
	}
	for _, c := range []struct {
		page, q string
		want    res
	}{
		{"/en/wallet/wlt-1001/index.html", "request body is empty", res{"WLT-1001", "Request body is empty", "en/wallet/wlt-1001/"}},
		{"/en/wallet/wlt-1001/index.html", "요청 본문", res{"WLT-1001", "Request body is empty", "en/wallet/wlt-1001/"}},
		{"/en/wallet/wlt-1001/index.html", "본인 인증", res{"WLT-1204", "본인 인증이 필요합니다", "en/wallet/wlt-1204/"}},
		{"/en/wallet/wlt-1001/index.html", "WLT-1204", res{"WLT-1204", "본인 인증이 필요합니다", "en/wallet/wlt-1204/"}},
		{"/wallet/wlt-1001/index.html", "request body is empty", res{"WLT-1001", "요청 본문이 비어 있습니다", "wallet/wlt-1001/"}},
		{"/wallet/wlt-1001/index.html", "wallet suspended", res{"WLT-1201", "지갑이 정지되었습니다", "wallet/wlt-1201/"}},
		{"/index.html", "daily transfer limit", res{"WLT-1203", "일일 송금 한도를 넘었습니다", "wallet/wlt-1203/"}},
	} {
		navigate(t, ctx, srv.URL+c.page)
		got := find(c.q)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("on %s, %q found %+v, want %+v first", c.page, c.q, got, c.want)
		}
	}
	// The search box's results link the page in the page's language.
	navigate(t, ctx, srv.URL+"/en/wallet/wlt-1001/index.html?q="+"잔액")
	waitResults(t, ctx)
	if got := eval[string](t, ctx, `document.querySelector('#q-results a.result').getAttribute('href') + ' ' + document.querySelector('#q-results a.result').textContent`); !strings.Contains(got, "en/wallet/wlt-1402/") || !strings.Contains(got, "Insufficient balance") {
		t.Errorf("first result on the English page: %s", got)
	}
	// A result in a language the page's does not document says which language its title
	// is in; the service is named in the page's language, in results and in the filter.
	navigate(t, ctx, srv.URL+"/en/wallet/wlt-1001/index.html?q="+"WLT-1204")
	waitResults(t, ctx)
	if got := eval[string](t, ctx, `(() => { const a = document.querySelector('#q-results a.result'); return [a.querySelector('.r-title').lang, a.querySelector('.r-title').textContent, a.querySelector('.r-svc').textContent].join(' | '); })()`); got != "ko | 본인 인증이 필요합니다 | Wallet API error codes" {
		t.Errorf("fallback result on the English page: %s", got)
	}
	if got := eval[string](t, ctx, `Array.from(document.querySelectorAll('#q-service option')).map(o => o.textContent).join(' | ')`); !strings.Contains(got, "Wallet API error codes") || strings.Contains(got, "지갑 API 오류 코드") {
		t.Errorf("service filter on the English page: %s", got)
	}
	navigate(t, ctx, srv.URL+"/en/wallet/wlt-1001/index.html?q="+"request+body+is+empty")
	waitResults(t, ctx)
	if got := eval[string](t, ctx, `document.querySelector('#q-results a.result .r-title').lang`); got != "en" {
		t.Errorf("translated result's title: lang %q, want en", got)
	}
	// The client and search.Reader (its Lang the page's) agree on these results.
	idx := readIndex(t, dir)
	for _, c := range []struct{ page, lang, q string }{
		{"/en/wallet/wlt-1001/index.html", "en", "본인 인증"}, {"/en/wallet/wlt-1001/index.html", "en", "request body"},
		{"/wallet/wlt-1001/index.html", "ko", "request body"}, {"/wallet/wlt-1001/index.html", "ko", "WLT-1204"},
	} {
		navigate(t, ctx, srv.URL+c.page)
		reader, err := search.Open(idx)
		if err != nil {
			t.Fatal(err)
		}
		reader.Lang = c.lang
		want, total, partial, err := reader.Search(c.q, search.Filter{}, 20)
		if err != nil {
			t.Fatal(err)
		}
		got := jsSearchCall(t, ctx, c.q, search.Filter{}, 20)
		var wantJS []jsResult
		for _, r := range want {
			wantJS = append(wantJS, jsResult(r))
		}
		if !equalResults(got.Results, wantJS) || got.Total != total || got.Partial != partial || len(wantJS) == 0 {
			t.Errorf("on %s, %q:\n js: %+v\n go: %+v", c.page, c.q, got.Results, wantJS)
		}
	}
	checkClean(t, ctx, w, host)
	if _, err := os.Stat(filepath.Join(dir, "sitemap.xml")); err != nil {
		t.Errorf("no sitemap: %v", err)
	}

	// The pages with a language switch and a fallback note pass axe-core, light and dark.
	axePath := AxePath(moduleRoot(t))
	if axePath == "" {
		if InCI() {
			t.Fatal("axe-core is not installed")
		}
		t.Log("axe-core is not installed: accessibility not checked")
		return
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		if err := EmulateColorScheme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		for _, rel := range []string{"en/wallet/wlt-1204/index.html", "en/wallet/index.html", "wallet/wlt-1001/index.html"} {
			navigate(t, ctx, srv.URL+"/"+rel)
			findings, err := Axe(ctx, string(axe))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if f.Impact == "serious" || f.Impact == "critical" {
					t.Errorf("%s %s: %s", scheme, rel, f)
				}
			}
		}
	}
}

// waitPage waits until the tab shows a loaded page for which the JavaScript condition is
// true, while it navigates: a poll that meets the page between two documents is tried
// again.
func waitPage(t testing.TB, ctx context.Context, cond string) {
	t.Helper()
	js := cond + ` && document.readyState === 'complete' && !!document.querySelector('.message')`
	deadline := time.Now().Add(30 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		if err = poll(ctx, js, time.Second); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	t.Fatalf("no page at %s with %s: %v", loc, cond, err)
}
