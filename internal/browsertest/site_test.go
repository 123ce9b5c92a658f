package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docgen/catalog"
	"docgen/internal/corpus"
	"docgen/render"
	"docgen/render/search"
	"docgen/render/site"
)

// moduleRoot is the folder of go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

var (
	sitesOnce   sync.Once
	sitesErr    error
	defaultSite string // the default content built by docgen build
	fixtureSite string // corpus.Fixture rendered by site.Render
	fixtureCat  *catalog.Catalog
	sitesTmp    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sitesTmp != "" {
		os.RemoveAll(sitesTmp)
	}
	os.Exit(code)
}

// sites builds the two sites once per test binary.
func sites(t testing.TB) {
	t.Helper()
	root := moduleRoot(t)
	sitesOnce.Do(func() {
		sitesTmp, sitesErr = os.MkdirTemp("", "docgen-browsertest-")
		if sitesErr != nil {
			return
		}
		defaultSite = filepath.Join(sitesTmp, "default")
		cmd := exec.Command(goTool(), "run", "./cmd/docgen", "build", "--quiet", "--out", defaultSite)
		cmd.Dir = root
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			sitesErr = fmt.Errorf("docgen build: %v\n%s", err, out.String())
			return
		}
		fixtureSite = filepath.Join(sitesTmp, "fixture")
		fixtureCat = corpus.Fixture()
		sitesErr = writeSite(fixtureSite, fixtureCat)
	})
	if sitesErr != nil {
		t.Fatal(sitesErr)
	}
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(os.Getenv("GOROOT"), "bin", "go")
}

// dirWriter returns a site.Render writer that puts each file under dir.
func dirWriter(dir string) func(rel string, data []byte) error {
	return func(rel string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
}

// writeSite renders c's site and JSON catalog into dir.
func writeSite(dir string, c *catalog.Catalog) error {
	write := dirWriter(dir)
	if err := site.Render(c, site.Options{}, write); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := catalog.EncodeJSON(&buf, c, render.EntryURL); err != nil {
		return err
	}
	return write(render.CatalogURL, buf.Bytes())
}

// serve serves dir over HTTP for the test.
func serve(t testing.TB, dir string) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	// Like GitHub Pages or Netlify: a missing path gets 404.html, at any depth.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))); err != nil {
			if data, err := os.ReadFile(filepath.Join(dir, render.NotFoundURL)); err == nil {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				w.Write(data)
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func fileURL(dir, rel string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))}).String()
}

// readCatalog reads the default site's catalog.json.
func readCatalog(t testing.TB) catalogJSON {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(defaultSite, render.CatalogURL))
	if err != nil {
		t.Fatal(err)
	}
	var c catalogJSON
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

type catalogJSON struct {
	Services []struct {
		ID      string `json:"id"`
		Entries []struct {
			ID       string            `json:"id"`
			Code     string            `json:"code"`
			Status   int               `json:"status"`
			Protocol string            `json:"protocol"`
			URL      string            `json:"url"`
			Variants []json.RawMessage `json:"variants"`
		} `json:"entries"`
	} `json:"services"`
}

// pageKinds returns one page of every kind of the default site, site-relative: the
// overview, a service, entries (a plain one, one with variants, a JSON-RPC one when the
// catalog has them), a status page and 404.html.
func pageKinds(t testing.TB) map[string]string {
	c := readCatalog(t)
	pages := map[string]string{"home": "index.html", "404": render.NotFoundURL}
	for _, s := range c.Services {
		if len(s.Entries) == 0 {
			continue
		}
		if _, ok := pages["service"]; !ok {
			pages["service"] = s.ID + "/index.html"
			pages["entry"] = render.FilePath(s.Entries[0].URL)
			if st := s.Entries[0].Status; st != 0 {
				pages["status"] = render.FilePath(render.StatusURL(catalog.Status(st)))
			}
		}
		for _, e := range s.Entries {
			if _, ok := pages["entry-variants"]; !ok && len(e.Variants) > 0 {
				pages["entry-variants"] = render.FilePath(e.URL)
			}
			if _, ok := pages["entry-jsonrpc"]; !ok && e.Protocol == "json-rpc" {
				pages["entry-jsonrpc"] = render.FilePath(e.URL)
			}
		}
	}
	return pages
}

// tab opens a new tab in the browser of ctx, watched.
func tab(t testing.TB, browser context.Context) (context.Context, *Watch) {
	t.Helper()
	return tabWithin(t, browser, 60*time.Second)
}

// tabWithin is tab with a deadline of its own: a guard against a hung browser, sized to
// what the test does in the tab, never a measure of speed.
func tabWithin(t testing.TB, browser context.Context, limit time.Duration) (context.Context, *Watch) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(cancelTimeout)
	w, err := NewWatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ctx, w
}

func navigate(t testing.TB, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("navigate to %s: %v", u, err)
	}
}

func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// checkClean fails t for CSP violations, script errors and requests off the site.
func checkClean(t testing.TB, ctx context.Context, w *Watch, host string) {
	t.Helper()
	v, err := CSPViolations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range v {
		t.Errorf("CSP violation: %s", x)
	}
	for _, p := range w.Problems() {
		t.Errorf("%s", p)
	}
	for _, r := range w.Foreign(host) {
		t.Errorf("request to another host: %s", r)
	}
}

// TestPages loads a page of every kind over HTTP and from disk and checks that it loads
// its stylesheet and script, breaks no CSP rule, throws nothing and asks no other host
// for anything.
func TestPages(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	host := strings.TrimPrefix(srv.URL, "http://")
	ctx, w := tab(t, browser)
	kinds := pageKinds(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range kinds {
			if !yield(k) {
				return
			}
		}
	})
	for _, scheme := range []string{"http", "file"} {
		for _, kind := range names {
			rel := kinds[kind]
			if kind == "404" && scheme == "file" {
				continue // a server shows 404.html, at any depth: its links start at the root
			}
			t.Run(scheme+"/"+kind, func(t *testing.T) {
				w.Reset()
				u := srv.URL + "/" + rel
				if kind == "404" {
					u = srv.URL + "/no/such/page/at/depth/" // the server answers with 404.html
				}
				if scheme == "file" {
					u = fileURL(defaultSite, rel)
				}
				navigate(t, ctx, u)
				if kind == "404" {
					w.Reset() // the page's own 404 status is logged; what it loads is checked below
				}
				// The stylesheet applied and the script ran.
				got := eval[string](t, ctx, `[document.documentElement.lang, getComputedStyle(document.body).fontFamily.length > 0 && getComputedStyle(document.querySelector('.site-header')).borderBottomStyle, typeof window.docgen].join(' ')`)
				if got != "ko solid object" {
					t.Errorf("lang, stylesheet, script = %q, want %q", got, "ko solid object")
				}
				// Search works on every page, from every depth.
				n := eval[int](t, ctx, `docgen.search('409').then(r => r.length)`)
				if n == 0 {
					t.Errorf("search from %s found nothing", rel)
				}
				checkClean(t, ctx, w, host)
			})
		}
	}
}

// TestLinks follows every link of a few pages from disk: each must reach a file.
func TestLinks(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	ctx, _ := tab(t, browser)
	for kind, rel := range pageKinds(t) {
		if kind == "404" {
			continue // links from the server's root; TestPages follows it at depth over HTTP
		}
		navigate(t, ctx, fileURL(defaultSite, rel))
		links := eval[[]string](t, ctx, `[...document.querySelectorAll('a[href], link[href], script[src]')].map(a => a.href || a.src).filter(h => h.startsWith('file:'))`)
		if len(links) < 3 {
			t.Errorf("%s: only %d links", kind, len(links))
		}
		for _, l := range links {
			u, _ := url.Parse(l)
			if _, err := os.Stat(u.Path); err != nil {
				t.Errorf("%s: link %s leads nowhere", kind, l)
			}
		}
	}
}

// TestAccessibility runs axe-core on a page of every kind, light and dark, and fails on any
// serious or critical finding.
func TestAccessibility(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	root := moduleRoot(t)
	axePath := AxePath(root)
	if axePath == "" {
		msg := "axe-core is not installed: npm install --prefix .ci/node/axe axe-core@4.14.1 (as make test does when npm is installed)"
		if InCI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, defaultSite)
	ctx, _ := tab(t, browser)
	for _, scheme := range []string{"light", "dark"} {
		if err := EmulateColorScheme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		for kind, rel := range pageKinds(t) {
			t.Run(scheme+"/"+kind, func(t *testing.T) {
				u := srv.URL + "/" + rel
				if kind == "home" {
					u += "?q=invalid" // with search results showing
				}
				navigate(t, ctx, u)
				if kind == "home" {
					waitResults(t, ctx)
				}
				findings, err := Axe(ctx, string(axe))
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range findings {
					if f.Impact == "serious" || f.Impact == "critical" {
						t.Errorf("%s", f)
					} else {
						t.Logf("minor: %s", f)
					}
				}
			})
		}
	}
}

func waitResults(t testing.TB, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#q-results a.result"))); err != nil {
		t.Fatalf("no results appeared: %v", err)
	}
	// Keys typed one by one may let a search start on the first letters (on a slow
	// machine, between two keys): wait for the results of what the box holds.
	if err := poll(ctx, `document.getElementById('q-results').getAttribute('data-for') === document.getElementById('q').value.trim()`, 20*time.Second); err != nil {
		t.Fatalf("the results are not those of the query in the box: %v", err)
	}
}

type jsResult struct {
	ID      string  `json:"id"`
	Code    string  `json:"code"`
	Status  int     `json:"status"`
	Service string  `json:"service"`
	Title   string  `json:"title"`
	URL     string  `json:"url"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
	Lang    string  `json:"lang"`
}

type jsSearch struct {
	Results []jsResult `json:"results"`
	Total   int        `json:"total"`
	Partial bool       `json:"partial"`
}

func jsSearchCall(t testing.TB, ctx context.Context, q string, f search.Filter, limit int) jsSearch {
	t.Helper()
	qj, _ := json.Marshal(q)
	opts, _ := json.Marshal(map[string]any{"service": f.Service, "status": f.Status, "limit": limit})
	return eval[jsSearch](t, ctx, fmt.Sprintf(`docgen.search(%s, %s).then(r => ({results: r, total: r.total, partial: r.partial}))`, qj, opts))
}

// parityQueries are queries whose results the client and search.Reader must agree on.
var parityQueries = []struct {
	q string
	f search.Filter
	n int // the limit, 20 when 0
}{
	{q: "배포가"}, {q: "스테이지를"}, {q: "invalidParameter"}, {q: "invalid parameter"},
	{q: "INVALID_PARAMETER"}, {q: "API_KEY"}, {q: "keyInvalid"}, {q: "4091"}, {q: "409"},
	{q: "Conflict"}, {q: "-32601"}, {q: "0"}, {q: "accessNot"}, {q: "accessNotConf"},
	{q: "param"}, {q: "요청"}, {q: "요청이 중복"}, {q: "스테이지 zzzz"}, {q: "zzzz"}, {q: "the"},
	{q: "invalid", f: search.Filter{Service: "web3-api"}}, {q: "invalid", f: search.Filter{Status: "4xx"}},
	{q: "error", f: search.Filter{Status: "none"}}, {q: "요청", f: search.Filter{Status: "409"}},
	{q: "키"}, {q: "API키가"}, {q: "Not Found"}, {q: "  409100000 "}, {q: "ｉｎｖａｌｉｄ"},
	// compounds, verb forms, initials, typos, stems, other languages
	{q: "결제취소"}, {q: "권한없음"}, {q: "리소스를찾을수없음"}, {q: "거절됐어요"}, {q: "ㅌㅋ"}, {q: "ㅂㅁㅂㅎ ㅌㄹ"},
	{q: "TOKEN_EXPIERD"}, {q: "Unauthroized"}, {q: "authentification failed"}, {q: "expiration"},
	{q: "인증 실패"}, {q: "認証失敗"}, {q: "リソースが見つかりません"}, {q: "rate limit"}, {q: "zzzznothing"}, {q: "409199999"}, {q: "-32609"},
	// compounds with a piece of one syllable; words next to each other, also when fewer
	// results are asked for than the documents looked at for it
	{q: "API키만료"}, {q: "키만료"}, {q: "스테이지삭제"}, {q: "스테이지 삭제", n: 3}, {q: "요청 중복", n: 1},
	{q: "rate limit exceeded", n: 2}, {q: "invalid param"}, {q: "ㅂㅍㄱ"}, {q: "ㅅㅌㅇㅈ ㅅㅈ"}, {q: "ㅅㅌㅇ"}, {q: "ㅅㅌㅇ ㅅㅈ"}, {q: "ㅂㅁㅂ"}, {q: "ㅎㅇㄱㅇ"},
	// a typo in a part too short to correct alone; endings made of a tense and an ending
	{q: "keyInvaild"}, {q: "keyInvld"}, {q: "badRequst"}, {q: "kyInvalid"}, {q: "삭제되었으므로"}, {q: "없었으니"},
	// a Korean word that is a phrase as a whole: no compound, and not the concepts of the
	// shorter phrases inside it (코드 in 레코드셋, 번호 in 비밀번호)
	{q: "레이트리밋 초과"}, {q: "레코드셋 찾을 수 없음"}, {q: "비밀번호가 틀림"}, {q: "엑세스토큰 만료"}, {q: "로그인 만료"}, {q: "接口不存在"},
	// loanwords by sound: a Hangul word that matches nothing finds the English words it
	// spells; a verb (ㅆ) is no loanword
	{q: "스테이지 컨피그"}, {q: "인밸리드 파라메터"}, {q: "리퀘스트 바디"}, {q: "스테이지를 디플로이"}, {q: "비밀번호가 틀렸어요"},
	// a word of Han or kana that a phrase covers whole (服务器 is no 服务)
	{q: "服务器内部错误"}, {q: "未授权"}, {q: "存在しないユーザー"},
}

// TestSearchParity runs the same queries through the client in the browser and through
// search.Reader in Go, on the fixture site with its default shards and on a synthetic
// catalog split into many small files, and wants the same results, scores and totals.
func TestSearchParity(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	type siteCase struct {
		name string
		dir  string
		c    *catalog.Catalog
		qs   []string
	}
	big := corpus.Generate(3000)
	bigDir := filepath.Join(sitesTmp, "synthetic")
	if err := os.MkdirAll(bigDir, 0o755); err != nil {
		t.Fatal(err)
	}
	smallShards := site.Options{HomeOnly: true, Search: search.Options{ShardBytes: 400, InlineMax: 24, DocsPerShard: 3}}
	err := site.Render(big, smallShards, dirWriter(bigDir))
	if err != nil {
		t.Fatal(err)
	}
	var bigQs []string
	for _, q := range corpus.Queries(big) {
		bigQs = append(bigQs, q.Query)
	}
	// A letter dropped from a part of four letters of some camelCase codes: too short to
	// correct alone, so the code's key is corrected as one word.
	short := 0
	for _, s := range big.Services {
		for _, e := range s.Entries {
			raw := search.Words(e.Code)
			if short == 6 || len(raw) != 1 || raw[0].Whole == "" || e.Code[0] < 'a' || e.Code[0] > 'z' {
				continue
			}
			for _, p := range raw[0].Parts {
				if len(p) == 4 {
					i := strings.Index(strings.ToLower(e.Code), p)
					bigQs = append(bigQs, e.Code[:i+2]+e.Code[i+3:])
					short++
					break
				}
			}
		}
	}
	bigQs = append(bigQs, "리소스를 생성할", "quota", "invalid request", "svc", "4001", "-32", "키서버", "토픽큐", "메시지요청", "배포요청", "ㅂㅍㅇ", "ㄹㅅㅅ ㅋㄹㅇ", "ㅋㄹㅇㅇ", "ㄹㅅ ㅋㄹㅇㅇ",
		// English words of the codes written in Hangul as they sound
		"릴리스 시크릿", "샤드 레플리카", "레플리카")
	for _, sc := range []siteCase{{"fixture", fixtureSite, fixtureCat, nil}, {"synthetic", bigDir, big, bigQs}} {
		t.Run(sc.name, func(t *testing.T) {
			srv := serve(t, sc.dir)
			ctx, w := tab(t, browser)
			navigate(t, ctx, srv.URL+"/index.html")
			idx, err := search.Build(sc.c, func() search.Options {
				if sc.name == "synthetic" {
					o := smallShards.Search
					o.URL = render.EntryURL
					return o
				}
				return search.Options{URL: render.EntryURL}
			}())
			if err != nil {
				t.Fatal(err)
			}
			reader, err := search.Open(idx.Files)
			if err != nil {
				t.Fatal(err)
			}
			qs := parityQueries
			if sc.qs != nil {
				qs = nil
				for _, q := range sc.qs {
					qs = append(qs, struct {
						q string
						f search.Filter
						n int
					}{q: q})
				}
			}
			for _, tc := range qs {
				n := tc.n
				if n == 0 {
					n = 20
				}
				want, total, partial, err := reader.Search(strings.TrimSpace(tc.q), tc.f, n)
				if err != nil {
					t.Fatal(err)
				}
				got := jsSearchCall(t, ctx, tc.q, tc.f, n)
				var wantJS []jsResult
				for _, r := range want {
					wantJS = append(wantJS, jsResult(r))
				}
				if !equalResults(got.Results, wantJS) || got.Total != total || got.Partial != partial {
					t.Errorf("%q %+v:\n js: %d total, partial %v: %s\n go: %d total, partial %v: %s",
						tc.q, tc.f, got.Total, got.Partial, summary(got.Results), total, partial, summary(wantJS))
				}
			}
			// The tokenizer: the words of some text, with offsets, in both languages.
			for _, text := range []string{"API 키가 잘못되었습니다 (keyInvalid).", "HTTPError oauth2 x509 INVALID_API_KEY 스테이지를 생성할 수 없습니다", "𝔘𝔫𝔦 code 🙂 배포가"} {
				tj, _ := json.Marshal(text)
				type word struct {
					Parts []string `json:"parts"`
					Whole string   `json:"whole"`
					Stem  string   `json:"stem"`
					Stems []string `json:"stems"`
				}
				got := eval[[]word](t, ctx, `docgen.words(`+string(tj)+`)`)
				var want []word
				for _, w := range search.Words(text) {
					want = append(want, word{w.Parts, w.Whole, w.Stem, w.Stems})
				}
				gj, _ := json.Marshal(got)
				wj, _ := json.Marshal(want)
				if !bytes.Equal(gj, wj) {
					t.Errorf("words(%q):\n js: %s\n go: %s", text, gj, wj)
				}
			}
			checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
		})
	}
}

// readVectors reads a file of test vectors that render/search checks the Go side against:
// lines of an input and the expected output split by sep, "#" lines left out. It fails
// the test when the file holds fewer than a thousand.
func readVectors(t *testing.T, name, sep string) (in, want []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "render", "search", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if a, b, ok := strings.Cut(line, sep); ok && !strings.HasPrefix(line, "#") {
			in = append(in, a)
			want = append(want, b)
		}
	}
	if len(in) < 1000 {
		t.Fatalf("only %d vectors in %s", len(in), name)
	}
	return in, want
}

// TestStemVectors checks the client's English stemmer against the vectors that the index's
// stemmer is checked against in render/search.
func TestStemVectors(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	words, want := readVectors(t, "stem_vectors.txt", " ")
	srv := serve(t, fixtureSite)
	ctx, _ := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	wj, _ := json.Marshal(words)
	got := eval[[]string](t, ctx, `(`+string(wj)+`).map(w => docgen.stem(w))`)
	if len(got) != len(want) {
		t.Fatalf("%d stems for %d words", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			if bad++; bad <= 20 {
				t.Errorf("stem(%q) = %q in the client, want %q", words[i], got[i], want[i])
			}
		}
	}
}

// TestSpecHash checks the client's hash of a term in the manifest's Spec list against
// search.SpecHash: words of every script the queries have, and code units beyond the BMP.
func TestSpecHash(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	terms := []string{"", "a", "expired", "4091", "배포", "ㅂㅍ", "만료됨", "認証", "トークン", "\U0001F600x", "é", "\uffff"}
	for _, q := range corpus.Queries(corpus.Generate(300)) {
		terms = append(terms, strings.Fields(strings.ToLower(q.Query))...)
	}
	srv := serve(t, fixtureSite)
	ctx, _ := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	tj, _ := json.Marshal(terms)
	got := eval[[]int](t, ctx, `(`+string(tj)+`).map(w => docgen.specHash(w))`)
	if len(got) != len(terms) {
		t.Fatalf("%d hashes for %d terms", len(got), len(terms))
	}
	for i, term := range terms {
		if want := search.SpecHash(term); got[i] != want {
			t.Errorf("specHash(%q) = %d in the client, want %d", term, got[i], want)
		}
	}
}

// TestSoundVectors checks the client's sound keys of loanwords against the vectors that
// the index's are checked against in render/search.
func TestSoundVectors(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	words, want := readVectors(t, "sound_vectors.txt", "\t")
	srv := serve(t, fixtureSite)
	ctx, _ := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	wj, _ := json.Marshal(words)
	got := eval[[]string](t, ctx, `(`+string(wj)+`).map(w => docgen.soundKey(w))`)
	if len(got) != len(want) {
		t.Fatalf("%d keys for %d words", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			if bad++; bad <= 20 {
				t.Errorf("soundKey(%q) = %q in the client, want %q", words[i], got[i], want[i])
			}
		}
	}
}

// TestSearchLoadsWhatReaderLoads checks that a first query in a fresh page loads the same
// index files in the client as in search.Reader, whose loading rules the size limits are
// checked on: the client fetches some of them ahead, side by side, but never others. The
// index is split into tiny files, so that a query's steps need different ones.
func TestSearchLoadsWhatReaderLoads(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	c := corpus.Generate(1000)
	dir := filepath.Join(sitesTmp, "files")
	opts := site.Options{HomeOnly: true, Search: search.Options{ShardBytes: 400, InlineMax: 24, DocsPerShard: 3}}
	err := site.Render(c, opts, dirWriter(dir))
	if err != nil {
		t.Fatal(err)
	}
	so := opts.Search
	so.URL = render.EntryURL
	idx, err := search.Build(c, so)
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, q := range corpus.Queries(c) {
		qs = append(qs, q.Query)
	}
	qs = append(qs, "invalid request", "token expired 만료", "리소스를 생성할 수 없습니다", "ユーザーが見つかりません", "quota exceded", "400", "deploying members", "토큰 만료",
		"토큰만료배포", "스테이지배포가", "required usage limit", "expired token", "ExpiredTokenLimit")
	srv := serve(t, dir)
	ctx, _ := tab(t, browser)
	for _, q := range qs {
		navigate(t, ctx, srv.URL+"/index.html")
		qj, _ := json.Marshal(q)
		got := eval[[]string](t, ctx, `docgen.search(`+string(qj)+`).then(() => performance.getEntriesByType('resource')
			.map(e => e.name).filter(n => n.includes('/search/')).map(n => n.replace(/.*\/search\/[0-9a-f]+\//, '')))`)
		r, err := search.Open(idx.Files)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := r.Search(q, search.Filter{}, 10); err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(r.Loaded)
		slices.Sort(want)
		got = slices.Compact(slices.Sorted(slices.Values(got)))
		if !slices.Equal(got, want) {
			t.Errorf("%q: the client loaded %v, search.Reader %v", q, got, want)
		}
	}
}

// TestSynonymVectors checks the client's synonym expansion against the vectors that
// search.Reader is checked against in render/search: every query there gets the same
// concepts in the browser, on a site of corpus.VocabularyCatalog (every concept present).
func TestSynonymVectors(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	qs, want := readVectors(t, "synonym_vectors.txt", "\t")
	dir := filepath.Join(sitesTmp, "vocabulary")
	err := site.Render(corpus.VocabularyCatalog(search.Synonyms), site.Options{HomeOnly: true}, dirWriter(dir))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, dir)
	ctx, _ := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	qj, _ := json.Marshal(qs)
	got := eval[[]string](t, ctx, `(async (qs) => {
		const out = [];
		for (const q of qs) {
			const r = await docgen.search(q);
			const cs = new Set();
			r.tokens.forEach(t => t.alts.forEach(a => { if (a.term[0] === '=') cs.add(a.term); }));
			out.push([...cs].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).join(' '));
		}
		return out;
	})(`+string(qj)+`)`)
	if len(got) != len(want) {
		t.Fatalf("%d answers for %d queries", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			if bad++; bad <= 20 {
				t.Errorf("%q: the client expands it with %q, search.Reader with %q", qs[i], got[i], want[i])
			}
		}
	}
}

// TestSearchDidYouMean types a code with a typo: the status line says what it was taken for,
// the corrected code comes first, and its words are marked in the result.
func TestSearchDidYouMean(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	ctx, w := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "TOKEN_EXPIERD")); err != nil {
		t.Fatal(err)
	}
	if err := poll(ctx, `document.getElementById('q-status').textContent.includes('token expired') && !!document.querySelector('#q-results a.result')`, 5*time.Second); err != nil {
		t.Errorf("no did-you-mean for TOKEN_EXPIERD: %v (status %q)", err, eval[string](t, ctx, `document.getElementById('q-status').textContent`))
	}
	got := eval[map[string]string](t, ctx, `(() => { const a = document.querySelector('#q-results a.result');
		return {status: document.getElementById('q-status').textContent, code: a.querySelector('.r-code').textContent,
		  marks: [...a.querySelectorAll('mark')].map(m => m.textContent).join(' ')}; })()`)
	if !strings.Contains(got["status"], "token expired") || got["code"] != "TOKEN_EXPIRED" || !strings.Contains(got["marks"], "EXPIRED") {
		t.Errorf("TOKEN_EXPIERD shows %v", got)
	}
	checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
}

func equalResults(a, b []jsResult) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func summary(rs []jsResult) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s:%s(%g)", r.Service, r.Code, r.Score))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// TestSearchFindsWhatPeopleType checks the examples on the default site, over HTTP
// and from disk.
func TestSearchFindsWhatPeopleType(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	has := map[string]bool{}
	for _, s := range readCatalog(t).Services {
		for _, e := range s.Entries {
			has[s.ID+":"+e.Code] = true
		}
	}
	tests := []struct {
		q     string
		first string   // best result, when the catalog has it
		want  []string // results that must be there, when the catalog has them
	}{
		{q: "배포가", want: []string{"api-gateway:500103000"}},
		{q: "스테이지를", want: []string{"api-gateway:400103006", "api-gateway:400102000"}},
		{q: "invalidParameter", first: "google-api:invalidParameter", want: []string{"web3-api:INVALID_PARAMETER"}},
		{q: "invalid parameter", want: []string{"google-api:invalidParameter", "web3-api:INVALID_PARAMETER"}},
		{q: "INVALID_PARAMETER", first: "web3-api:INVALID_PARAMETER", want: []string{"google-api:invalidParameter"}},
		{q: "API_KEY", want: []string{"platform-api:INVALID_API_KEY", "google-api:keyInvalid"}},
		{q: "4091", want: []string{"api-gateway:409100000", "api-gateway:409102000"}},
		{q: "Conflict", want: []string{"api-gateway:409100000", "web3-api:RESOURCE_ALREADY_EXISTS"}},
		{q: "409", want: []string{"api-gateway:409100000", "web3-api:RESOURCE_ALREADY_EXISTS"}},
		{q: "409100000", first: "api-gateway:409100000"},
		{q: "-32601", first: "web3-api:-32601"},
		{q: "DnsResolveFailed", first: "public-api:DnsResolveFailed"},
	}
	for _, scheme := range []string{"http", "file"} {
		t.Run(scheme, func(t *testing.T) {
			ctx, w := tab(t, browser)
			u := srv.URL + "/index.html"
			if scheme == "file" {
				u = fileURL(defaultSite, "index.html")
			}
			navigate(t, ctx, u)
			for _, tt := range tests {
				res := jsSearchCall(t, ctx, tt.q, search.Filter{}, 200)
				var got []string
				for _, r := range res.Results {
					got = append(got, r.Service+":"+r.Code)
				}
				if tt.first != "" && has[tt.first] && (len(got) == 0 || got[0] != tt.first) {
					t.Errorf("%q: first result %v, want %s", tt.q, head(got), tt.first)
				}
				for _, want := range tt.want {
					if has[want] && !slices.Contains(got, want) {
						t.Errorf("%q: %v lacks %s", tt.q, head(got), want)
					}
				}
				if len(got) == 0 {
					t.Errorf("%q found nothing", tt.q)
				}
				for _, r := range res.Results {
					if r.ID == "" || r.URL == "" || r.Title == "" && r.Snippet == "" || r.Score <= 0 {
						t.Errorf("%q: incomplete result %+v", tt.q, r)
						break
					}
				}
			}
			checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
		})
	}
}

func head(s []string) []string {
	if len(s) > 8 {
		return append(s[:8:8], "…")
	}
	return s
}

// TestSearchUI types into the search box and uses the keyboard: / focuses the box, arrows
// move through the results, Enter follows one, Escape clears; the query goes into ?q=; the
// filters narrow the results; a shared ?q= link searches on load.
func TestSearchUI(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	for _, scheme := range []string{"http", "file"} {
		t.Run(scheme, func(t *testing.T) {
			ctx, w := tab(t, browser)
			base := srv.URL + "/"
			if scheme == "file" {
				base = fileURL(defaultSite, "") + "/"
			}
			entry := pageKinds(t)["entry"]
			navigate(t, ctx, base+entry)

			// "/" focuses the search box from anywhere on the page.
			if err := chromedp.Do(ctx, pressKey("/", "Slash", 191)); err != nil {
				t.Fatal(err)
			}
			if id := eval[string](t, ctx, `document.activeElement.id`); id != "q" {
				t.Fatalf("after /, focus is on %q", id)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("Conflict")); err != nil {
				t.Fatal(err)
			}
			waitResults(t, ctx)
			status := eval[string](t, ctx, `document.getElementById('q-status').textContent`)
			if !strings.Contains(status, "결과") {
				t.Errorf("status line %q", status)
			}
			// Results show code, status, service and a highlighted snippet.
			first := eval[map[string]string](t, ctx, `(() => { const a = document.querySelector('#q-results a.result');
				return {code: a.querySelector('.r-code').textContent, badge: a.querySelector('.badge').textContent,
				  svc: a.querySelector('.r-svc').textContent, mark: (a.querySelector('mark') || {}).textContent || ''}; })()`)
			if first["code"] == "" || first["badge"] != "409" || first["svc"] == "" || !strings.EqualFold(first["mark"], "conflict") {
				t.Errorf("first result shows %v", first)
			}
			if q := eval[string](t, ctx, `new URLSearchParams(location.search).get('q') || ''`); q != "Conflict" && scheme == "http" {
				t.Errorf("?q= is %q", q)
			}

			// Arrows move through the results and back to the box.
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown)); err != nil {
				t.Fatal(err)
			}
			second := eval[string](t, ctx, `(() => { const r = [...document.querySelectorAll('#q-results a.result')]; return String(r.indexOf(document.activeElement)); })()`)
			if second != "1" {
				t.Errorf("after two ArrowDown, result %s has focus, want 1", second)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
				t.Fatal(err)
			}
			if id := eval[string](t, ctx, `document.activeElement.id`); id != "q" {
				t.Errorf("ArrowUp from the first result: focus on %q", id)
			}

			// Filters: a status class with no match empties the list; a service narrows it.
			svc := eval[string](t, ctx, `(() => { const o = [...document.querySelectorAll('#q-service option')].map(o => o.value).filter(Boolean); return o.includes('web3-api') ? 'web3-api' : o[0]; })()`)
			if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("q-service"), svc)); err != nil {
				t.Fatal(err)
			}
			eval[bool](t, ctx, `(() => { document.getElementById('q-service').dispatchEvent(new Event('change')); return true; })()`)
			if err := poll(ctx, fmt.Sprintf(`[...document.querySelectorAll('#q-results a.result')].length > 0 && [...document.querySelectorAll('#q-results a.result')].every(a => a.getAttribute('href').includes('%s/'))`, svc), 5*time.Second); err != nil {
				t.Errorf("service filter %s: %v", svc, err)
			}
			eval[bool](t, ctx, `(() => { const s = document.getElementById('q-class'); s.value = '2xx'; s.dispatchEvent(new Event('change')); return true; })()`)
			if err := poll(ctx, `document.querySelectorAll('#q-results a.result').length === 0 && document.getElementById('q-status').textContent !== ''`, 5*time.Second); err != nil {
				t.Errorf("status filter 2xx on Conflict: %v", err)
			}
			eval[bool](t, ctx, `(() => { for (const id of ['q-class', 'q-service']) { const s = document.getElementById(id); s.value = ''; s.dispatchEvent(new Event('change')); } return true; })()`)
			waitResults(t, ctx)

			// Escape clears the box and hides the results.
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("q")), chromedp.KeyEvent(kb.Escape)); err != nil {
				t.Fatal(err)
			}
			if v := eval[string](t, ctx, `document.getElementById('q').value + '|' + document.getElementById('q-panel').hidden`); v != "|true" {
				t.Errorf("after Escape: value|hidden = %q", v)
			}

			// Enter follows the result that has focus to its page.
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "409100000")); err != nil {
				t.Fatal(err)
			}
			waitResults(t, ctx)
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("q")), chromedp.KeyEvent(kb.ArrowDown)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil && scheme == "http" {
				t.Fatal(err)
			}
			waitLocation(t, ctx, "api-gateway/409100000/index.html")
			if h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`); h1 != "409100000" {
				t.Errorf("followed result shows %q", h1)
			}

			// A shared link searches on load; Enter in the box opens the best result.
			navigate(t, ctx, base+"index.html?q="+url.QueryEscape("스테이지를"))
			waitResults(t, ctx)
			if v := eval[string](t, ctx, `document.getElementById('q').value`); v != "스테이지를" {
				t.Errorf("?q= put %q in the box", v)
			}
			firstHref := eval[string](t, ctx, `document.querySelector('#q-results a.result').href`)
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("q")), chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			waitLocation(t, ctx, strings.TrimPrefix(strings.TrimPrefix(firstHref, srv.URL+"/"), fileURL(defaultSite, "")+"/"))
			checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
		})
	}
}

// poll waits until the JavaScript expression js is true in the page.
func poll(ctx context.Context, js string, timeout time.Duration) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(timeout)))
	return err
}

// waitLocation waits until the tab shows the page whose URL ends with suffix (a web
// server may show ".../index.html" as ".../"), while it navigates.
func waitLocation(t testing.TB, ctx context.Context, suffix string) {
	t.Helper()
	dir := strings.TrimSuffix(suffix, "index.html")
	js := fmt.Sprintf(`(location.href.endsWith(%q) || location.href.endsWith(%q)) && document.readyState === 'complete'`, suffix, dir)
	deadline := time.Now().Add(10 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		if err = poll(ctx, js, time.Second); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond) // the page may be between documents
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	t.Fatalf("location %s does not end with %s: %v", loc, suffix, err)
}

// pressKey sends one key press with no character event, as a page sees a key that it
// handles itself: chromedp's KeyEvent also sends the character, which an input field
// would take even when the page cancelled the key.
func pressKey(key, code string, keyCode int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// TestPageScripts checks the small things pages do with JavaScript: the status class filter
// of a service page and the copy-link button of an entry page.
func TestPageScripts(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, fixtureSite)
	ctx, w := tab(t, browser)
	navigate(t, ctx, srv.URL+"/api-gateway/index.html")
	visible := `[...document.querySelectorAll('.status-group')].filter(g => !g.hidden).map(g => g.dataset.class).join(',')`
	if v := eval[string](t, ctx, visible); !strings.Contains(v, "4xx") || !strings.Contains(v, "5xx") {
		t.Fatalf("groups before filtering: %s", v)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.class-filter button[data-class="5xx"]`))); err != nil {
		t.Fatal(err)
	}
	if v := eval[string](t, ctx, visible); v != "5xx" {
		t.Errorf("after choosing 5xx, groups shown: %s", v)
	}
	if v := eval[string](t, ctx, `document.querySelector('.class-filter button[data-class="5xx"]').getAttribute('aria-pressed')`); v != "true" {
		t.Errorf("aria-pressed = %s", v)
	}

	navigate(t, ctx, srv.URL+"/web3-api/32601/index.html")
	// Headless Chromium has no clipboard to read back; catch what the page writes.
	eval[bool](t, ctx, `(() => { navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); }; return true; })()`)
	for sel, want := range map[string]string{
		"button.copy[data-copy]":      srv.URL + "/web3-api/32601/", // the permalink
		"button.copy[data-copy-text]": "-32601",                     // the code
	} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatal(err)
		}
		if err := poll(ctx, `document.querySelector('`+sel+`').textContent === '복사했습니다'`, 5*time.Second); err != nil {
			t.Errorf("%s: %v", sel, err)
		}
		if clip := eval[string](t, ctx, `window.__copied || ''`); clip != want {
			t.Errorf("%s copied %q, want %q", sel, clip, want)
		}
	}
	checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
}

// TestWithoutJavaScript loads pages with scripts disabled: the content and the links are
// all there.
func TestWithoutJavaScript(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	ctx, _ := tab(t, browser)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	kinds := pageKinds(t)
	for _, kind := range []string{"home", "service", "entry"} {
		navigate(t, ctx, srv.URL+"/"+kinds[kind])
		n, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("main a[href]"), chromedp.AtLeast(0)))
		if err != nil {
			t.Fatal(err)
		}
		if len(n) < 2 {
			t.Errorf("%s: %d links in main without JavaScript", kind, len(n))
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
		if err != nil || text == "" {
			t.Errorf("%s: no heading without JavaScript: %v", kind, err)
		}
	}
	// The copy button, the class filter and the search results need JavaScript, so they
	// stay out of sight.
	visible := func(rel, sel string) bool {
		t.Helper()
		navigate(t, ctx, srv.URL+"/"+rel)
		n, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
		if err != nil || len(n) == 0 {
			t.Fatalf("%s: no %s: %v", rel, sel, err)
		}
		box, err := chromedp.Run(ctx, chromedp.Dimensions(chromedp.CSS(sel)))
		// A copy button keeps its place while hidden (no layout shift when it shows):
		// it has a box, but is not visible.
		shown := eval[bool](t, ctx, `getComputedStyle(document.querySelector('`+sel+`')).visibility !== 'hidden'`)
		return err == nil && box != nil && box.Width > 0 && shown
	}
	for _, c := range []struct{ page, sel string }{
		{kinds["entry"], "button.copy"}, {kinds["service"], ".class-filter"}, {kinds["home"], "#q-panel"},
	} {
		if visible(c.page, c.sel) {
			t.Errorf("%s: %s shows without JavaScript", c.page, c.sel)
		}
	}
}

// httpString serves one HTML page at every path.
type httpString string

func (h httpString) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(h))
}

// TestDefaultSiteIsDeterministic builds the default site a second time and wants every file
// byte for byte as the first build wrote it.
func TestDefaultSiteIsDeterministic(t *testing.T) {
	sites(t)
	again := filepath.Join(sitesTmp, "again")
	cmd := exec.Command(goTool(), "run", "./cmd/docgen", "build", "--quiet", "--out", again)
	cmd.Dir = moduleRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docgen build: %v\n%s", err, out)
	}
	files := func(dir string) map[string][]byte {
		m := map[string][]byte{}
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := files(defaultSite), files(again)
	if len(a) != len(b) {
		t.Errorf("first build wrote %d files, second %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(a) < 100 {
		t.Errorf("only %d files", len(a))
	}
}

// TestConcurrentSearches runs several searches at once through the client and wants each
// to give what it gives alone.
func TestConcurrentSearches(t *testing.T) {
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, fixtureSite)
	ctx, _ := tab(t, browser)
	navigate(t, ctx, srv.URL+"/index.html")
	got := eval[bool](t, ctx, `(async () => {
		const qs = ['배포가', 'invalid parameter', '409', 'API_KEY', 'Conflict', '-32601'];
		const alone = [];
		for (const q of qs) alone.push(JSON.stringify(await docgen.search(q)));
		const together = (await Promise.all(qs.map(q => docgen.search(q)))).map(r => JSON.stringify(r));
		return alone.every((a, i) => a === together[i]);
	})()`)
	if !got {
		t.Error("searches run together give other results than alone")
	}
}
