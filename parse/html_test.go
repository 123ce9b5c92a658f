package parse

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"docgen/catalog"
)

// TestAnnotate checks that every element built from a tag carries the byte offset of its
// "<" in the source, through what the HTML5 parser does to the tree: implied elements
// (tbody) carry none, a stray element the parser moves out of a table (foster parenting)
// keeps its own, a page's own attribute of the same name is ignored, and inline elements
// (phrasing) carry none.
func TestAnnotate(t *testing.T) {
	text := "<!-- <td> in a comment -->\n<p>한글 <b>굵게 <i>둘</b> 셋</i></p>\n<table><div>stray</div><TR dgp=\"999\"><td>a</td></tr></table>\n<script>if (a<b) { x('<td>') }</script><textarea><td></textarea>"
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(annotate([]byte(text), false)))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, n := range doc.Find("*").Nodes {
		off, ok := ownOffset(n)
		switch {
		case n.Data == "html" || n.Data == "head" || n.Data == "body" || n.Data == "tbody" || phrasing[n.DataAtom]:
			if ok {
				t.Errorf("<%s> has offset %d", n.Data, off)
			}
			continue
		case !ok:
			t.Errorf("<%s> has no offset", n.Data)
			continue
		}
		if !strings.HasPrefix(strings.ToLower(text[off:]), "<"+n.Data) {
			t.Errorf("<%s> at offset %d, where the source has %q", n.Data, off, text[off:min(off+10, len(text))])
		}
		seen++
	}
	if seen != 7 { // p, table, div, tr, td, script, textarea
		t.Errorf("%d elements with offsets, want 7", seen)
	}
	if got := doc.Find("textarea").Text(); got != "<td>" {
		t.Errorf("textarea text %q: the raw text was annotated", got)
	}
}

// TestHTMLPositions checks line:col of entries against where their tags are written,
// columns in runes after Korean text, on a page written on one line and on many.
func TestHTMLPositions(t *testing.T) {
	page := "<h2>400 잘못된 요청 Bad Request</h2><table><tr><th>코드</th><th>설명</th></tr>" +
		"<tr><td>가나다</td><td>첫째</td></tr>\n  <tr><td>라마바</td><td>둘째</td></tr></table>" +
		"<h3>한글_코드</h3><p>설명</p>"
	src := NewSource("p.html", []byte("<html><body>"+page+"</body></html>"))
	doc := htmlReader{}.Read(src)
	checkReaderDoc(t, src, doc)
	want := func(needle string) catalog.Pos {
		i := bytes.Index(src.Text, []byte(needle))
		if i < 0 {
			t.Fatalf("no %q", needle)
		}
		line := bytes.Count(src.Text[:i], []byte("\n")) + 1
		start := bytes.LastIndexByte(src.Text[:i], '\n') + 1
		return catalog.Pos{File: "p.html", Line: line, Col: utf8.RuneCount(src.Text[start:i]) + 1}
	}
	if len(doc.Entries) != 3 {
		t.Fatalf("%d entries: %+v", len(doc.Entries), doc.Entries)
	}
	for i, needle := range []string{"<tr><td>가나다", "<tr><td>라마바", "<h3>한글_코드"} {
		if got, w := doc.Entries[i].Source, want(needle); got != w {
			t.Errorf("entry %q at %v, want %v", doc.Entries[i].Code, got, w)
		}
	}
	if got := doc.Entries[0].Source; got.Line != 1 || got.Col < 50 {
		t.Errorf("first row at %v: expected far along line 1", got)
	}
}

// TestHTMLDetect checks which reader claims HTML sources.
func TestHTMLDetect(t *testing.T) {
	for _, c := range []struct {
		path, text string
		reader     string
	}{
		{"a.html", "<table><tr><th>Code</th></tr><tr><td>E1</td></tr></table>", "html"},
		{"a.md", "<div>\n<h3>E_ONE</h3>\n<p>First.</p>\n</div>", "html"},
		{"a.md", "<p align=center>logo</p>\n\n## E_ONE\n\nFirst.\n\n<!-- end -->", "markdown"},
		{"a.txt", "<h2>404 Not Found</h2>\n<dl><dt>NO_USER</dt><dd>No user.</dd></dl>", "html"},
		{"a.htm", "no tags at all", "html"},
	} {
		res := Read(NewSource(c.path, []byte(c.text)), Meta{})
		if res.Reader != c.reader {
			t.Errorf("%s %q: read by %q, want %q (%+v)", c.path, c.text, res.Reader, c.reader, res.Candidates)
		}
	}
}

// htmlHostilePages are pages built to be slow or to crash: deep nesting, huge spans,
// minified pages with many rows on one line, unclosed tags.
func htmlHostilePages() map[string]string {
	var rows strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&rows, "<tr><td>E%d</td><td>설명 <a href=\"/e/%d\">링크</a></td></tr>", i, i)
	}
	return map[string]string{
		"deep divs":              strings.Repeat("<div>", 20000) + "<h3>DEEP_CODE</h3><p>x</p>" + strings.Repeat("</div>", 20000),
		"deep inline":            "<h3>E_X</h3><p>" + strings.Repeat("<span>", 20000) + "x" + strings.Repeat("</span>", 20000) + "</p>",
		"huge spans":             "<table><tr><th>Code</th><th>Status</th></tr><tr><td rowspan=99999999 colspan=99999>E</td></tr>" + strings.Repeat("<tr><td>F</td></tr>", 1000) + "</table>",
		"minified rows":          "<table><tr><th>Code</th><th>Description</th></tr>" + rows.String() + "</table>",
		"unclosed":               "<table><tr><th>Code<tr><td>E1<td>x<dl><dt>E2<dd><h3>E3",
		"junk":                   "<<<>>><!--<table><tr><td>E</td></tr></table><dt><dd></dd></dt>\x00<h2>400</h2><dl><dt></dt></dl>",
		"nested tables":          strings.Repeat("<table><tr><th>Code</th></tr><tr><td>", 2000) + "E" + strings.Repeat("</td></tr></table>", 2000),
		"deep details":           strings.Repeat("<details><summary>E_FOLD</summary><p>x</p>", 5000) + strings.Repeat("</details>", 5000),
		"summaries in summaries": strings.Repeat("<details><summary><code>E_S</code>", 5000) + "x" + strings.Repeat("</summary></details>", 5000),
		"deep list items": "<table><tr><th>Code</th><th>Fix</th></tr><tr><td>E</td><td>" + strings.Repeat("<ol><li><p>step</p><pre>"+strings.Repeat("line\n", 50)+"</pre>", 3000) +
			strings.Repeat("</li></ol>", 3000) + "</td></tr></table>" + strings.Repeat("<ul><li><p>a</p><p>b</p>", 3000) + strings.Repeat("</li></ul>", 3000),
	}
}

// TestHTMLHostile reads each hostile page: no panic, every row accounted for, every
// position inside the input. What each costs is BenchmarkHTMLHostile's to measure.
func TestHTMLHostile(t *testing.T) {
	for name, page := range htmlHostilePages() {
		t.Run(name, func(t *testing.T) {
			src := NewSource("hostile.html", []byte(page))
			r := htmlReader{}
			r.Detect(src)
			checkReaderDoc(t, src, r.Read(src))
		})
	}
}

// BenchmarkHTMLHostile reads each hostile page whole (time linear in its size).
func BenchmarkHTMLHostile(b *testing.B) {
	for name, page := range htmlHostilePages() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				src := NewSource("hostile.html", []byte(page))
				htmlReader{}.Detect(src)
				htmlReader{}.Read(src)
			}
		})
	}
}

// TestMarkdownText checks the text an element becomes: links and inline code kept as
// Markdown, markup characters of plain text escaped, everything else plain.
func TestMarkdownText(t *testing.T) {
	for _, c := range []struct{ in, md, plain string }{
		{`a <a href="https://x.io/a b">link <code>c</code></a> and <code>x` + "`" + `y</code>`, "a [link `c`](<https://x.io/a b>) and ``x`y``", "a link c and x`y"},
		{"<strong>bold</strong> *star* [br] snake_case _edge_ <x>", `bold \*star\* \[br\] snake_case \_edge\_`, "bold *star* [br] snake_case _edge_"},
		{"one<br>two<p>three</p><ul><li>a</li><li>b</li></ul>", "one\ntwo\n\nthree\n\n- a\n- b", "one\ntwo\n\nthree\n\na\nb"},
		{`<a href="javascript:alert(1)">x</a> <img alt="pic" src="p.png">`, "x pic", "x pic"},
		{"  spaced \n\t out  ", "spaced out", "spaced out"},
		// A list item's paragraphs: the first on the item's line, the next indented under it.
		{"<ul><li><p>Ask.</p></li><li><p>One</p><p>two.</p></li></ul>", "- Ask.\n- One\n\n  two.", "Ask.\n\nOne\n\ntwo."},
		{"<ol start=2><li><div><p>a</p></div></li><li>b<ol><li><p>c</p></li></ol></li></ol>", "2. a\n3. b\n   1. c", "a\n\nb\n\nc"},
		{"x<ul><li>a<br>b</li><li><pre>c\nd</pre></li></ul>y", "x\n- a\n  b\n- ```\n  c\n  d\n  ```\n\ny", "x\na\nb\n\nc\nd\n\ny"},
		{"<details><summary>More</summary>Hidden <b>text</b>.</details>", "More\n\nHidden text.", "More\n\nHidden text."},
	} {
		nodes, err := html.ParseFragment(strings.NewReader(c.in), nil)
		if err != nil {
			t.Fatal(err)
		}
		root := &html.Node{Type: html.ElementNode, Data: "div"}
		for _, n := range nodes {
			for n.FirstChild != nil { // <html><head></head><body>…</body></html>
				ch := n.FirstChild
				n.RemoveChild(ch)
				if ch.Data == "body" {
					for ch.FirstChild != nil {
						g := ch.FirstChild
						ch.RemoveChild(g)
						root.AppendChild(g)
					}
				}
			}
		}
		if got := markdownText(root); got != c.md {
			t.Errorf("%q: markdown %q, want %q", c.in, got, c.md)
		}
		if got := plainText(root); got != c.plain {
			t.Errorf("%q: plain %q, want %q", c.in, got, c.plain)
		}
	}
}

// FuzzHTMLReader reads anything with the HTML reader: no panic, every row accounted for,
// every position inside the input.
func FuzzHTMLReader(f *testing.F) {
	addSeeds(f)
	for _, p := range []string{"<table><tr><th>Code</th><th>Status</th></tr><tr><td rowspan=2>E</td><td>400</td></tr></table>",
		"<h2>404</h2><h3>E_X</h3><p>x</p><dl><dt>A (400)</dt><dd>b</dd></dl>"} {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := NewSource("fuzz.html", data)
		r := htmlReader{}
		r.Detect(src)
		checkReaderDoc(t, src, r.Read(src))
	})
}

// TestHTMLNestedTooDeep: a page nested deeper than the HTML parser's 512 open elements is
// read with its layout elements flattened, with a warning; its tables and text are kept.
// A page nested within the limit is read as it is, with no warning.
func TestHTMLNestedTooDeep(t *testing.T) {
	table := "<table><tr><th>Code</th><th>Message</th></tr><tr><td>DEEP_ONE</td><td>Deep inside.</td></tr></table>"
	wrap := func(open, close string, n int, inner string) string {
		return "<html><body>" + strings.Repeat(open, n) + inner + strings.Repeat(close, n) + "</body></html>"
	}
	for _, tt := range []struct {
		name, page string
		warn       bool
		want       []string // codes
	}{
		{"divs", wrap("<div>", "</div>", 700, table), true, []string{"DEEP_ONE"}},
		{"spans and sections", wrap("<section><span>", "</span></section>", 400, table), true, []string{"DEEP_ONE"}},
		{"lists", wrap("<ul><li>", "</li></ul>", 400, table), true, []string{"DEEP_ONE"}},
		{"within the limit", wrap("<div>", "</div>", 200, table), false, []string{"DEEP_ONE"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := Read(NewSource("deep.html", []byte(tt.page)), Meta{})
			var codes []string
			for _, e := range res.Service.Entries {
				codes = append(codes, e.Code)
			}
			if !slices.Equal(codes, tt.want) {
				t.Errorf("codes %v, want %v (diags %v)", codes, tt.want, res.Diags)
			}
			warned := false
			for _, d := range res.Diags {
				if d.Severity == catalog.Error {
					t.Errorf("error: %v", d)
				}
				warned = warned || strings.Contains(d.Message, "512 deep")
			}
			if warned != tt.warn {
				t.Errorf("warned %v, want %v: %v", warned, tt.warn, res.Diags)
			}
		})
	}
	// Tables are never flattened: nested beyond the parser, the page is an error that says why.
	res := Read(NewSource("tables.html", []byte(wrap("<table><tr><td>", "</td></tr></table>", 300, "x"))), Meta{})
	if !res.Diags.HasErrors() || !strings.Contains(fmt.Sprint(res.Diags), "512") {
		t.Errorf("tables nested 300 deep: %v", res.Diags)
	}
}

// TestAnnotateTableWhiteSpace: white space between a table's rows and cells is left out
// of what the parser reads (a text node each, of no use), white space in a cell is kept,
// and every tag keeps the offset it has in the source.
func TestAnnotateTableWhiteSpace(t *testing.T) {
	text := "<table>\n  <tr>\n    <td> a  b </td>\n    <td>\u00a0</td>\n  </tr>\n</table>\n<p> x </p>"
	got := string(annotate([]byte(text), false))
	for _, want := range []string{"<td dgp=\"19\"> a  b </td><td dgp=\"39\">\u00a0</td></tr>", "</table>\n<p dgp=\"68\"> x </p>"} {
		if !strings.Contains(got, want) {
			t.Errorf("annotated\n%q\nlacks %q", got, want)
		}
	}
	if strings.Contains(got, "<tr dgp=\"10\">\n") || strings.Contains(got, "<table dgp=\"0\">\n") {
		t.Errorf("white space between rows kept: %q", got)
	}
}

// TestHTMLWholeRowSpans reads a long table whose rows of one cell span "the whole row"
// with a colspan far wider than the table (colspan="100" over three columns): each costs
// the spans' budget (readHTMLTable) only the slots it adds within the table, so the last
// rows of a long table read as the first do. (A row of one plain cell is read as a row
// of its own today, not as a group label: labels are strong, tablegroups.go.)
func TestHTMLWholeRowSpans(t *testing.T) {
	const groups = 1500
	var b strings.Builder
	b.WriteString("<html><body><h1>Errors</h1><table><tr><th>Code</th><th>Status</th><th>Message</th></tr>\n")
	for i := range groups {
		fmt.Fprintf(&b, "<tr><td colspan=\"100\">Group %d</td></tr>\n<tr><td>E%d</td><td>400</td><td>Bad %d</td></tr>\n", i, i, i)
	}
	b.WriteString("</table></body></html>\n")
	res := Read(NewSource("groups.html", []byte(b.String())), Meta{})
	if len(res.Diags) != 0 {
		t.Fatalf("diagnostics: %v", res.Diags)
	}
	es := res.Service.Entries
	if len(es) != 2*groups {
		t.Fatalf("%d entries, want %d", len(es), 2*groups)
	}
	for i, e := range es {
		if want := fmt.Sprintf("Group %d", i/2); i%2 == 0 && e.Code != want {
			t.Fatalf("entry %d: code %q, want %q", i, e.Code, want)
		}
		if want := fmt.Sprintf("E%d", i/2); i%2 == 1 && (e.Code != want || e.Status != 400) {
			t.Fatalf("entry %d: code %q status %d, want %q 400", i, e.Code, e.Status, want)
		}
	}
}
