package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"html/template"

	"docgen/catalog"
	"docgen/internal/corpus"
	"docgen/parse"
	"docgen/render"
)

// readCatalog reads the sources matching pattern (relative to the repository root) the way
// docgen build does, without a config.
func readCatalog(t *testing.T, pattern string) *catalog.Catalog {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", pattern))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sources match %s: %v", pattern, err)
	}
	c := &catalog.Catalog{Title: "Error catalog"}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
		res := parse.Read(parse.NewSource(filepath.ToSlash(rel), raw), parse.Meta{})
		c.Services = append(c.Services, res.Service)
	}
	c.Lang = c.Services[0].Lang
	return c
}

// TestEntryPagesMatchTemplate checks that every entry page writeEntryPage writes is the
// page entry.html renders from the same data, byte for byte: the default content, the
// hostile sources, the fixture (variants, fields, JSON-RPC, no status), a generated
// catalog, with and without a base URL, in Korean and English.
func TestEntryPagesMatchTemplate(t *testing.T) {
	cats := map[string]func() *catalog.Catalog{
		"content":   func() *catalog.Catalog { return readCatalog(t, "content/*.[mth][dxt]*") },
		"hostile":   func() *catalog.Catalog { return readCatalog(t, "testdata/hostile/*.md") },
		"fixture":   corpus.Fixture,
		"generated": func() *catalog.Catalog { return corpus.Generate(1500) },
	}
	for name, mk := range cats {
		for _, variant := range []string{"plain", "base-url", "english"} {
			c := mk()
			switch variant {
			case "base-url":
				c.BaseURL = "https://errors.example.com/docs/"
			case "english":
				c.Lang = "en"
			}
			t.Run(name+"/"+variant, func(t *testing.T) {
				files := map[string][]byte{}
				b, err := newBuilder(c, Options{}, func(rel string, data []byte) error {
					files[rel] = data
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if err := b.build(Options{}); err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, s := range c.Services {
					for i, e := range s.Entries {
						p, _ := b.entryPage(s, i, e)
						want, err := b.execute("entry.html", p)
						if err != nil {
							t.Fatal(err)
						}
						rel := render.FilePath(render.EntryURL(s, e))
						if got := files[rel]; !bytes.Equal(got, want) {
							t.Fatalf("%s differs from the template's page:\n%s", rel, firstDiff(string(got), string(want)))
						}
						n++
					}
				}
				if n == 0 {
					t.Fatal("no entry pages")
				}
			})
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return "written:  ..." + got[from:min(len(got), i+200)] + "\ntemplate: ..." + want[from:min(len(want), i+200)]
}

// TestHTMLWriterEscapesLikeTemplates compares the hand-written escapers with html/template
// on hostile strings, in text, attribute and URL attribute positions.
func TestHTMLWriterEscapesLikeTemplates(t *testing.T) {
	tests := []string{
		"", "plain", `<script>alert("x")</script>`, "a&b'c\"d+e<f>g", "\x00nul", "invalid \xff\xfe utf-8",
		"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x",
		"http://example.com/a b?c=d&e=f#g", "HTTPS://x", "mailto:a@b", "../../a b/인덱스.html",
		"%2e%2e%2f", "100%", "%41", "a%4", "a%zz%41b", "a:b/c", "/a:b", "?x=1:2", "#frag:x", "\u2028\u2029", "tab\tnew\nline",
		"{}|\\^`", "\x7f\x01", "한국어 설명", "'single' \"double\"",
	}
	for _, s := range tests {
		var got bytes.Buffer
		w := htmlWriter{&got}
		w.raw(`<p title="`)
		w.text(s)
		w.raw(`">`)
		w.text(s)
		w.raw(`<a href="`)
		w.url(s)
		w.raw(`"></a></p>`)
		want := execString(t, `<p title="{{.}}">{{.}}<a href="{{.}}"></a></p>`, s)
		if got.String() != want {
			t.Errorf("%q:\nwritten  %s\ntemplate %s", s, got.String(), want)
		}
	}
}

func execString(t *testing.T, text string, data any) string {
	t.Helper()
	tm, err := templateNew(text)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tm.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func templateNew(text string) (*template.Template, error) { return template.New("t").Parse(text) }

// FuzzEntryPage checks writeEntryPage against entry.html on entries made of fuzzed text.
func FuzzEntryPage(f *testing.F) {
	f.Add("TOKEN_EXPIRED", "토큰이 만료", "See [docs](https://x.test) <b>now</b>", "svc", 401)
	f.Add(`"><script>x</script>`, "javascript:alert(1)", "\x00\xff", "a b", 0)
	f.Add("gnp\u202E.exe", "admin\u2067 \u2066user", "\u200Fdesc", "group\u202D", 403)
	f.Fuzz(func(t *testing.T, code, msg, desc, title string, status int) {
		e := &catalog.Entry{Code: code, Message: msg, Description: desc, Resolution: msg,
			Status: catalog.Status(status % 1000), Group: title,
			Fields:   []catalog.Field{{Name: msg, Value: desc}},
			Variants: []catalog.Variant{{Message: desc, Description: msg, Source: catalog.Pos{File: title, Line: 1}}},
			Source:   catalog.Pos{File: title, Line: 2}}
		e2 := &catalog.Entry{Code: code + "2", Message: desc, Status: e.Status, Protocol: catalog.JSONRPC}
		s := &catalog.Service{ID: "svc", Title: title, Lang: "ko", Entries: []*catalog.Entry{e, e2}}
		catalog.AssignIDs(s)
		c := &catalog.Catalog{Title: title, BaseURL: "https://x.test/" + code, Services: []*catalog.Service{s}}
		files := map[string][]byte{}
		b, err := newBuilder(c, Options{}, func(rel string, data []byte) error { files[rel] = data; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if err := b.build(Options{}); err != nil {
			return // the site refuses some catalogs (e.g. an entry without an ID); not this test's concern
		}
		for i, e := range s.Entries {
			p, _ := b.entryPage(s, i, e)
			want, err := b.execute("entry.html", p)
			if err != nil {
				t.Fatal(err)
			}
			if got := files[render.FilePath(render.EntryURL(s, e))]; !bytes.Equal(got, want) {
				t.Fatalf("page differs from the template's:\n%s", firstDiff(string(got), string(want)))
			}
		}
	})
}

// TestEntriesTableMatchesTemplate compares the entriesTable function of the service and
// status pages with layout.html's "entries" template.
func TestEntriesTableMatchesTemplate(t *testing.T) {
	ts, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	rows := []entryRef{
		{Href: "../a b/<x>/index.html", Code: `<script>"'&+`, Title: "제목 & <b>", Status: 404, Protocol: "http"},
		{Href: "javascript:alert(1)", Code: "X", Title: "", Status: 0, Protocol: "json-rpc"},
		{Href: "a/", Code: "E\u202E1", Title: "admin\u2067 <user>", Status: 400, Protocol: "http", Summary: "what <it> means & more"},
	}
	for _, lang := range []string{"", "ko", `"><x`} {
		for _, rs := range [][]entryRef{rows, rows[:1], nil} {
			for _, summary := range []bool{false, true} {
				var want bytes.Buffer
				if err := ts["entry.html"].ExecuteTemplate(&want, "entries", map[string]any{"W": words["ko"], "Entries": rs, "Lang": lang, "Summary": summary}); err != nil {
					t.Fatal(err)
				}
				got := funcs["entriesTable"].(func(map[string]string, []entryRef, string, bool) template.HTML)(words["ko"], rs, lang, summary)
				if string(got) != want.String() {
					t.Errorf("lang %q, %d rows, summary %v:\nfunc     %s\ntemplate %s", lang, len(rs), summary, got, want.String())
				}
			}
		}
	}
}

// TestBidiControlsIsolated: a code, message or group holding a bidirectional control is
// shown inside <bdi> on the entry page and in the service's table, so that an override
// (U+202E) cannot reorder the text around it; text without one is written as before.
func TestBidiControlsIsolated(t *testing.T) {
	e := &catalog.Entry{Code: "gnp\u202E.exe", Message: "admin\u2067 <b>", Group: "g\u202Dx", Status: 400,
		Description: "d", Variants: []catalog.Variant{{Message: "v\u202E1", Description: "v"}}}
	plain := &catalog.Entry{Code: "PLAIN", Message: "plain", Status: 400}
	s := &catalog.Service{ID: "svc", Title: "Svc", Lang: "en", Entries: []*catalog.Entry{e, plain}}
	catalog.AssignIDs(s)
	c := &catalog.Catalog{Title: "T", Services: []*catalog.Service{s}}
	files := map[string][]byte{}
	b, err := newBuilder(c, Options{}, func(rel string, data []byte) error { files[rel] = data; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := b.build(Options{}); err != nil {
		t.Fatal(err)
	}
	page := string(files[render.FilePath(render.EntryURL(s, e))])
	for _, want := range []string{
		"<h1><code><bdi>gnp\u202E.exe</bdi></code></h1>",
		`<p class="message" lang="en"><bdi>admin` + "\u2067" + ` &lt;b&gt;</bdi></p>`,
		"<bdi>g\u202Dx</bdi></dd>",
		`<p class="message"><bdi>v` + "\u202E" + `1</bdi></p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("entry page lacks %q", want)
		}
	}
	svc := string(files[render.FilePath(render.ServiceURL(s))])
	if !strings.Contains(svc, "<bdi>gnp\u202E.exe</bdi></a>") {
		t.Errorf("service page does not isolate the code")
	}
	pg := string(files[render.FilePath(render.EntryURL(s, plain))])
	if !strings.Contains(pg, "<h1><code>PLAIN</code></h1>") || !strings.Contains(pg, `<p class="message" lang="en">plain</p>`) {
		t.Errorf("text without bidi controls is not written as before")
	}
}
