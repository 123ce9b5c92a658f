package site

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"docgen/catalog"
	"docgen/internal/corpus"
	"docgen/render"
	assets "docgen/site"
)

func TestTemplatesParse(t *testing.T) {
	tm, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Pages {
		if tm[name] == nil || tm[name].Lookup("main") == nil || tm[name].Lookup("layout") == nil {
			t.Errorf("%s: no main or layout template", name)
		}
	}
	// Every file in site/templates is a page, the layout or an asset the site writes.
	used := map[string]bool{"layout.html": true, "style.css": true, "docgen.js": true, "favicon.svg": true}
	for _, p := range Pages {
		used[p] = true
	}
	entries, err := fs.ReadDir(assets.Templates, "templates")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !used[e.Name()] {
			t.Errorf("site/templates/%s is not used", e.Name())
		}
		delete(used, e.Name())
	}
	for name := range used {
		t.Errorf("site/templates/%s is missing", name)
	}
}

func TestWordsComplete(t *testing.T) {
	en := words["en"]
	for lang, w := range words {
		for k := range en {
			if w[k] == "" {
				t.Errorf("%s has no word for %q", lang, k)
			}
		}
		for k := range w {
			if _, ok := en[k]; !ok {
				t.Errorf("%s has %q, English has not", lang, k)
			}
		}
	}
	for tag, want := range map[string]string{"ko": "ko", "ko-KR": "ko", "EN": "en", "": "en", "ja": "en"} {
		if got := siteLang(tag); got != want {
			t.Errorf("siteLang(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestRenderFixture renders the fixture catalog and checks every page: the files a site
// must have, the CSP, no inline script or style, relative links that lead to files, lang.
func TestRenderFixture(t *testing.T) {
	c := corpus.Fixture()
	files := renderMap(t, c, Options{})
	files[render.CatalogURL] = []byte("{}") // written by render.WriteJSON, linked from every page
	want := []string{"index.html", "404.html", "-/status/409/index.html", "-/status/501/index.html", "empty-api/index.html"}
	for _, s := range c.Services {
		want = append(want, render.FilePath(render.ServiceURL(s)))
		for _, e := range s.Entries {
			want = append(want, render.FilePath(render.EntryURL(s, e)))
		}
	}
	for _, w := range want {
		if files[w] == nil {
			t.Errorf("no %s", w)
		}
	}
	if files["-/status/0/index.html"] != nil {
		t.Error("a page for status 0")
	}
	reAsset := regexp.MustCompile(`^-/assets/(style|docgen|favicon)\.[0-9a-f]{10}\.(css|js|svg)$`)
	nAssets := 0
	for name := range files {
		if strings.HasPrefix(name, "-/assets/") {
			nAssets++
			if !reAsset.MatchString(name) {
				t.Errorf("asset %s has no content hash in its name", name)
			}
		}
	}
	if nAssets != 3 {
		t.Errorf("%d assets", nAssets)
	}
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		checkPage(t, name, data, files)
	}
	if pages < len(want) {
		t.Errorf("%d pages, want at least %d", pages, len(want))
	}
}

// checkPage checks one page of a rendered site.
func checkPage(t *testing.T, name string, data []byte, files map[string][]byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var csp, lang string
	var scripts, links int
	var walk func(n *xhtml.Node, inSource bool)
	walk = func(n *xhtml.Node, inSource bool) {
		if n.Type == xhtml.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
			switch n.Data {
			case "html":
				lang = attr["lang"]
			case "meta":
				if attr["http-equiv"] == "Content-Security-Policy" {
					csp = attr["content"]
				}
			case "style":
				t.Errorf("%s: a <style> element", name)
			case "script":
				scripts++
				if attr["src"] == "" || n.FirstChild != nil {
					t.Errorf("%s: an inline script", name)
				}
			case "img", "iframe", "object", "embed":
				t.Errorf("%s: a <%s>", name, n.Data)
			}
			// Links in source text (class "md") may point anywhere the source's authors
			// meant; only the site's own links must lead to its files.
			inSource = inSource || slices.Contains(strings.Fields(attr["class"]), "md")
			for _, k := range []string{"href", "src"} {
				v, ok := attr[k]
				if !ok {
					continue
				}
				links++
				if !inSource {
					checkLink(t, name, v, files)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSource)
		}
	}
	walk(doc, false)
	if csp != CSP || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("%s: CSP %q", name, csp)
	}
	if lang != "ko" && !(strings.HasPrefix(name, "en/") && lang == "en") {
		t.Errorf("%s: lang %q", name, lang)
	}
	if scripts != 1 || links < 5 {
		t.Errorf("%s: %d scripts, %d links", name, scripts, links)
	}
}

// checkLink checks that a link of page name is relative and, when it points into the site,
// leads to a file of it.
func checkLink(t *testing.T, name, href string, files map[string][]byte) {
	t.Helper()
	switch {
	case strings.HasPrefix(href, "#"):
		return
	case strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "mailto:"):
		return // a link in source text; links are no requests
	case name == render.NotFoundURL && strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//"):
		// 404.html is shown at any depth: its links start at the server's root.
		if target, _, _ := strings.Cut(href[1:], "#"); files[target] == nil {
			t.Errorf("%s: link %q leads to %s, which the site does not have", name, href, target)
		}
		return
	case strings.HasPrefix(href, "/") || strings.Contains(href, ":"):
		t.Errorf("%s: link %q is not relative", name, href)
		return
	}
	target, _, _ := strings.Cut(href, "#")
	p := path.Join(path.Dir(name), target)
	if strings.HasSuffix(target, "/") {
		t.Errorf("%s: link %q ends in a folder, which file:// shows as a listing", name, href)
	}
	if files[p] == nil {
		t.Errorf("%s: link %q leads to %s, which the site does not have", name, href, p)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	a := renderMap(t, corpus.Generate(1200), Options{})
	b := renderMap(t, corpus.Generate(1200), Options{})
	if !maps.EqualFunc(a, b, bytes.Equal) {
		for k := range a {
			if !bytes.Equal(a[k], b[k]) {
				t.Errorf("%s differs between two builds", k)
			}
		}
		t.Fatal("two builds differ")
	}
	f1 := renderMap(t, corpus.Fixture(), Options{})
	f2 := renderMap(t, corpus.Fixture(), Options{})
	if !maps.EqualFunc(f1, f2, bytes.Equal) {
		t.Fatal("two builds of the fixture differ")
	}
}

func TestSitemap(t *testing.T) {
	c := corpus.Fixture()
	// Without a base URL there is no sitemap (its URLs must be absolute), and 404.html
	// links from the server's root, so that it works at any depth.
	files := renderMap(t, c, Options{})
	if files["sitemap.xml"] != nil {
		t.Error("a site without a base URL has a sitemap.xml")
	}
	nf := string(files["404.html"])
	for _, want := range []string{`href="/-/assets/style.`, `src="/-/assets/docgen.`, `href="/index.html"`} {
		if !strings.Contains(nf, want) {
			t.Errorf("404.html without a base URL lacks %s", want)
		}
	}
	var us urlset
	c.BaseURL = "https://errors.example.com/docs/"
	files = renderMap(t, c, Options{})
	if err := xml.Unmarshal(files["sitemap.xml"], &us); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range us.URLs {
		locs = append(locs, u.Loc)
		if !strings.HasPrefix(u.Loc, "https://errors.example.com/docs/") {
			t.Errorf("sitemap URL %q is not under the base URL", u.Loc)
		}
	}
	for _, w := range []string{"https://errors.example.com/docs/", "https://errors.example.com/docs/api-gateway/409100000/", "https://errors.example.com/docs/-/status/409/"} {
		if !slices.Contains(locs, w) {
			t.Errorf("sitemap lacks %s", w)
		}
	}
	if slices.Contains(locs, "https://errors.example.com/docs/404.html") {
		t.Error("sitemap lists 404.html")
	}
	// With a base URL, 404.html links absolutely, as a server shows it at any depth, and
	// entry pages name their canonical URL.
	nf = string(files["404.html"])
	if !strings.Contains(nf, `href="https://errors.example.com/docs/-/assets/style.`) {
		t.Errorf("404.html does not link its stylesheet absolutely")
	}
	entry := string(files["api-gateway/409100000/index.html"])
	if !strings.Contains(entry, `<link rel="canonical" href="https://errors.example.com/docs/api-gateway/409100000/">`) ||
		!strings.Contains(entry, `data-copy="https://errors.example.com/docs/api-gateway/409100000/"`) {
		t.Error("entry page lacks its absolute URL")
	}
}

// TestPageContent checks what the issue asks each page to show.
func TestPageContent(t *testing.T) {
	files := renderMap(t, corpus.Fixture(), Options{})
	page := func(p string) string { return string(files[p]) }
	contains := func(p string, want ...string) {
		t.Helper()
		s := page(p)
		for _, w := range want {
			if !strings.Contains(s, w) {
				t.Errorf("%s lacks %q", p, w)
			}
		}
	}
	// The overview: services with counts, the chart, the search box, catalog.json.
	contains("index.html", `<svg class="chart chart-wide"`, `role="img"`, `<rect x="250"`, `>API Gateway 오류 코드</a>`,
		`<td class="num">7</td>`, `<td class="num">0</td>`, `id="q"`, `type="search"`, `href="catalog.json"`, `<main id="main"`)
	// An entry: code, status with reason, message, description, resolution, variants,
	// example, source, copy button, related entries.
	contains("api-gateway/409100000/index.html", `<h1><code>409100000</code></h1>`, `409 Conflict`,
		`Could not complete the request due to a duplicate request.`, `content/api-gateway.md:13`,
		`class="copy"`, `href="../../api-gateway/409102000/index.html"`, `href="../../-/status/409/index.html"`)
	contains("google-api/access-not-configured/index.html", `프로젝트가 이 API에 액세스하도록 구성되지 않았습니다.`,
		`차단된 프로젝트에서 요청했습니다.`, `content/google-api.txt:160`)
	contains("google-api/required-400/index.html", `href="../../google-api/required-401/index.html"`) // same code, other status
	contains("google-api/key-invalid/index.html", `&#34;reason&#34;: &#34;keyInvalid&#34;`, `&#34;code&#34;: 400`)
	contains("web3-api/invalid-parameter/index.html", `&#34;code&#34;: &#34;INVALID_PARAMETER&#34;`,
		`&#34;message&#34;: &#34;요청한 파라미터가 정의된 형식과 다르거나 유효하지 않은 경우 반환되는 에러.&#34;`)
	contains("web3-api/32601/index.html", `JSON-RPC`, `&#34;code&#34;: -32601`, `subscription not found`)
	contains("platform-api/rate-limit-exceeded/index.html", `<dt>비고</dt>`, `분당 60회`, `<code>Retry-After</code>`)
	// Hostile text stays text.
	xss := page("platform-api/xss/index.html")
	if strings.Contains(xss, "<script>alert") || strings.Contains(xss, "javascript:") || strings.Contains(xss, "evil.example/x.png\"") && strings.Contains(xss, "<img") {
		t.Errorf("hostile source text got through:\n%s", xss)
	}
	contains("platform-api/xss/index.html", `&lt;script&gt;alert(&#34;msg&#34;)&lt;/script&gt;`, `href="https://example.com/fix"`)
	// A service: summary, response format with schema, groups by status, class filter.
	contains("web3-api/index.html", `<details><summary>JSON 스키마</summary>`, `id="status-400"`, `data-class="4xx"`,
		`id="status-none"`, `class="class-filter"`, `&#34;${ERROR_CODE}&#34;`)
	contains("public-api/index.html", `요청이 잘못된 경우입니다.`) // a group's own text
	contains("platform-api/index.html", `Rate limit headers`, `<code>X-RateLimit-Limit</code>`)
	// A service's list shows each entry's description under its message, cut short; a
	// status page's list does not (it can hold every entry of the catalog).
	contains("api-gateway/index.html", `<span class="summary">`, `<a class="anchor" href="#status-409" aria-label="이 부분으로 가는 링크">#</a>`)
	// Entry pages: copy buttons for the code and the example, kept in place while hidden;
	// Open Graph tags on every page.
	contains("api-gateway/409100000/index.html", `class="copy" data-copy-text="409100000" hidden>`, `<meta property="og:title" content="409100000 · `)
	if strings.Contains(string(files["-/status/409/index.html"]), `class="summary"`) {
		t.Error("a status page lists descriptions")
	}
	contains("empty-api/index.html", `이 서비스에는 문서화된 오류 코드가 없습니다.`)
	// A status page across services.
	contains("-/status/409/index.html", `<h1>409 Conflict</h1>`, `>API Gateway 오류 코드</a>`, `>Google API 표준 오류 코드</a>`)
	contains("404.html", `페이지를 찾을 수 없습니다`, `href="/index.html"`)
}

func TestEnglishSite(t *testing.T) {
	c := corpus.Fixture()
	c.Lang = "en"
	files := renderMap(t, c, Options{})
	s := string(files["api-gateway/409100000/index.html"])
	for _, w := range []string{`<html lang="en"`, `>Copy link<`, `>Description<`, `<p class="message" lang="ko">`} {
		if !strings.Contains(s, w) {
			t.Errorf("English entry page lacks %q", w)
		}
	}
}

func TestHomeOnly(t *testing.T) {
	files := renderMap(t, corpus.Fixture(), Options{HomeOnly: true})
	for name := range files {
		if strings.HasSuffix(name, ".html") && name != "index.html" {
			t.Errorf("HomeOnly wrote %s", name)
		}
	}
	if files["index.html"] == nil {
		t.Error("HomeOnly wrote no index.html")
	}
}

func TestEmptyCatalog(t *testing.T) {
	files := renderMap(t, &catalog.Catalog{}, Options{})
	if files["index.html"] == nil || files["404.html"] == nil {
		t.Error("an empty catalog gives no overview or 404 page")
	}
}

func BenchmarkRender(b *testing.B) {
	c := corpus.Generate(5000)
	for b.Loop() {
		if err := Render(c, Options{}, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
