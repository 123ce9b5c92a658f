package site

import (
	"bytes"
	"strings"
	"testing"

	"html/template"

	"docgen/catalog"
	"docgen/render"
)

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

// FuzzEntryPage writes the pages of entries made of fuzzed text: every page is written, and
// no fuzzed text gets out of its escaping (the page keeps the layout's one script element).
func FuzzEntryPage(f *testing.F) {
	f.Add("TOKEN_EXPIRED", "토큰이 만료", "See [docs](https://x.test) <b>now</b>", "svc", 401)
	f.Add(`"><script>x</script>`, "javascript:alert(1)", "\x00\xff", "a b", 0)
	f.Add("gnp\u202E.exe", "admin\u2067 \u2066user", "\u200Fdesc", "group\u202D", 403)
	f.Fuzz(func(t *testing.T, code, msg, desc, title string, status int) {
		e := &catalog.Entry{Code: code, Message: msg, Description: desc, Resolution: msg,
			Status: catalog.Status(status % 1000), Group: title,
			Source: catalog.Pos{File: title, Line: 2}}
		e.SetFields([]catalog.Field{{Name: msg, Value: desc}})
		e.SetVariants([]catalog.Variant{{Message: desc, Description: msg, Source: catalog.Pos{File: title, Line: 1}}})
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
		for _, e := range s.Entries {
			page := string(files[render.FilePath(render.EntryURL(s, e))])
			if page == "" {
				t.Fatalf("no page for %q", e.Code)
			}
			if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
				t.Fatalf("the page of %q has %d script elements, want the layout's one", e.Code, n)
			}
		}
	})
}

// TestBidiControlsIsolated: a code, message or group holding a bidirectional control is
// shown inside <bdi> on the entry page and in the service's table, so that an override
// (U+202E) cannot reorder the text around it; text without one is written as before.
func TestBidiControlsIsolated(t *testing.T) {
	e := &catalog.Entry{Code: "gnp\u202E.exe", Message: "admin\u2067 <b>", Group: "g\u202Dx", Status: 400,
		Description: "d"}
	e.SetVariants([]catalog.Variant{{Message: "v\u202E1", Description: "v"}})
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
