package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/parse/doc"
)

// htmlPartsPages are pages of every kind htmlParts must cut right or not cut at all.
var htmlPartsPages = map[string]string{
	"tables": "<!DOCTYPE html><html lang=ko><head><title>오류 코드</title><meta charset=utf-8></head><body>\n" +
		"<h2>400 Bad Request</h2>\n<table><tr><th>Code</th><th>Message</th></tr><tr><td>E1</td><td>First</td></tr></table>\n" +
		"<p>Between <b>tables</b>.</p><h2>404</h2><table><caption>Not found</caption><tr><th>Code</th><th>Message</th></tr>" +
		"<tr><td rowspan=2>E2</td><td>Second</td></tr><tr><td>again</td></tr></table>\n</body></html>",
	"inline at body level": "<html><body>text right in body <a href=x>link</a> <div><h3>E_ONE</h3>One.</div> more text" +
		"<h3>E_TWO</h3>Two <code>x</code><br>broken<p>para</p>tail</body></html>\n",
	"no html tag, quirks": "<head><title>t</title></head><body><p>before<table><tr><th>Code</th></tr><tr><td>E1</td></tr></table></p>" +
		"<p>after</p><dl><dt>E2 (400)</dt><dd>Two.</dd></dl></body>",
	"standards mode":    "<!DOCTYPE html><body><p>before<table><tr><th>Code</th></tr><tr><td>E1</td></tr></table></p><h3>E3</h3><p>x</p></body>",
	"end tags left out": "<html><body><h3>E1</h3><p>one<p>two<ul><li>a<li>b</ul><h3>E2</h3><p>three</body></html>",
	"misnested":         "<html><body><h3>E1</h3><p><b>bold<i>both</b>italic</i></p><h3>E2</h3><p>x</p><h3>E3</h3></body></html>",
	"svg and template":  "<html><body><h3>E1</h3><p>x</p><svg><path/><text>E9</text></svg><h3>E2</h3><template><p>t</p></template><p>y</p></body></html>",
	"after body":        "<html><body><h3>E1</h3><p>x</p></body></html><h3>E2</h3><p>late</p>",
	"raw text": "<html><head><script>var a = '<body>';</script><style>p{}</style></head><body><h3>E1</h3>" +
		"<script>document.write('<table>')</script><textarea><h3>not</h3></textarea><noscript><p>n</p></noscript><h3>E2</h3><pre>\ncode\n</pre></body></html>",
	"comments and void": "<!-- a --><html><!-- b --><body><!-- c --><h3>E1</h3><hr><img src=x><p>x<br/>y</p><div/><h3>E2</h3>z</body></html>",
	"stray end tags":    "<html><body><h3>E1</h3></p><p>x</p></br><h3>E2</h3><p>y</p></body></html>",
	"select and form":   "<html><body><form><select><option>a<div>b</div></select></form><h3>E1</h3><p>x</p></body></html>",
	"formatting across": "<html><body><a href=1><h3>E1</h3></a><p>x</p><a>one<a>two</a></a><h3>E2</h3></body></html>",
	"text before body":  "<html>stray<body><h3>E1</h3><p>x</p><h3>E2</h3></body></html>",
	"two bodies":        "<html><body><h3>E1</h3><p>x</p><body class=b><h3>E2</h3><p>y</p></body></html>",
	"nested deep":       "<html><body>" + strings.Repeat("<div>", 40) + "<h3>E1</h3>" + strings.Repeat("</div>", 40) + "<h3>E2</h3><p>x</p></body></html>",
	"table rows": "<!DOCTYPE html><html><body><h2>400</h2><table class=t><thead><tr><th>Code</th><th>Message</th></tr></thead>\n<tbody id=b>\n" +
		"<tr><td>E1</td><td>One</td></tr>\n<tr><td>E2</td><td>Two <b>bold</b></td></tr><tr><td colspan=2>Auth</td></tr><tr><td>E3</td><td>Three</td></tr>" +
		"<tr><td>E4</td><td>Four</td></tr></tbody>\n</table><p>after</p></body></html>",
	"table rows, no tbody": "<html><body><table><tr><th>Code</th><th>Status</th></tr><tr><td>E1</td><td>400</td></tr><tr><td>E2</td><td>404</td></tr><tr><td>E3</td><td>409</td></tr></table>tail</body></html>",
	"table two header rows": "<html><body><table><tr><th colspan=2>Errors</th></tr><tr><th>Code</th><th>Message</th></tr><tr><th>코드</th><th>설명</th></tr>" +
		"<tr><td>E1</td><td>a</td></tr><tr><td>E2</td><td>b</td></tr><tr><td>E3</td><td>c</td></tr></table></body></html>",
	"table rowspan": "<html><body><table><tr><th>Code</th><th>Status</th><th>Message</th></tr><tr><td>E1</td><td rowspan=\" 3\">400</td><td>a</td></tr>" +
		"<tr><td>E2</td><td>b</td></tr><tr><td>E3</td><td>c</td></tr><tr><td>E4</td><td rowspan=2 rowspan=9>401</td><td>d</td></tr><tr><td>E5</td><td>e</td></tr>" +
		"<tr><td>E6</td><td rowspan=0>402</td><td>f</td></tr><tr><td>E7</td><td>403</td><td>g</td></tr></table></body></html>",
	"table caption last": "<html><body><table><tr><th>Code</th></tr><tr><td>E1</td></tr><tr><td>E2</td></tr><tr><td>E3</td></tr><caption>Late</caption></table><p>x</p></body></html>",
	"table thead late":   "<html><body><table><tbody><tr><td>Code</td></tr><tr><td>E1</td></tr><tr><td>E2</td></tr></tbody><thead><tr><th>Code</th></tr></thead><tr><td>E3</td></tr></table></body></html>",
	"table foster text":  "<html><body><table><tr><th>Code</th></tr><tr><td>E1</td></tr><tr><td>E2</td></tr>stray<tr><td>E3</td></tr><div>moved</div><tr><td>E4</td></tr></table></body></html>",
	"table nested":       "<html><body><table><tr><th>Code</th><th>Detail</th></tr><tr><td>E1</td><td><table><tr><td>in</td></tr><tr><td>side</td></tr></table></td></tr><tr><td>E2</td><td>x</td></tr><tr><td>E3</td><td>y</td></tr></table></body></html>",
	"table cell no row":  "<html><body><table><tr><th>Code</th></tr><tr><td>E1</td></tr><td>E2</td><tr><td>E3</td></tr></table></body></html>",
	"table tfoot middle": "<html><body><table><thead><tr><th>Code</th></tr></thead><tbody><tr><td>E1</td></tr><tr><td>E2</td></tr></tbody><tfoot><tr><td>F</td></tr></tfoot><tbody><tr><td>E3</td></tr><tr><td>E4</td></tr></tbody></table></body></html>",
	"table not closed":   "<html><body><table><tr><th>Code</th></tr><tr><td>E1</td></tr><tr><td>E2</td></tr><tr><td>E3</td></tr>",
	"table cell in cell": "<html><body><table><tr><th>Code</th><th>Status</th></tr><tr><td>E1</td><td>x<td rowspan=3>400</td></td></tr>" +
		"<tr><td>E2</td></tr><tr><td>E3</td></tr><tr><td>E4</td></tr></table></body></html>",
	"table row in cell": "<html><body><table><tbody><tr><th>Code</th><th>Status</th></tr><tr><td>E1</td><td>a</td></tr>" +
		"<tr><td>E2</td><td><tr><td rowspan=3>X</td><td>b</td></tr></td></tr>" +
		"<tr><td>E3</td></tr><tr><td>E4</td></tr><tr><td>E5</td></tr></tbody></table></body></html>",
	"table row in row": "<html><body><table><tbody><tr><th>Code</th><th>Status</th></tr><tr><td>E1</td><td>a</td></tr>" +
		"<tr><td>E2</td><td>b</td><tr><td rowspan=3>X</td><td>c</td></tr></tr>" +
		"<tr><td>E3</td></tr><tr><td>E4</td></tr><tr><td>E5</td></tr></tbody></table></body></html>",
	"table cell in caption":  "<html><body><table><caption>C<td rowspan=3>Y</td></caption><tr><td>E1</td></tr><tr><td>E2</td></tr><tr><td>E3</td></tr></table></body></html>",
	"table cell in colgroup": "<html><body><table><colgroup><td rowspan=3>Y</td></colgroup><tr><td>E1</td></tr><tr><td>E2</td></tr><tr><td>E3</td></tr></table></body></html>",
	"table ragged rowspan": "<html><body><table><tr><th>Code</th><th>Status</th><th>Msg</th></tr><tr><td>E1</td><td>a</td><td rowspan=2>m</td></tr>" +
		"<tr><td>E2</td></tr><tr><td>E3</td><td>c</td></tr><tr><td>E4</td><td>d</td></tr></table></body></html>",
	"table empty row in rowspan": "<html><body><table><tr><th>Code</th><th>Status</th></tr><tr><td>E1</td><td rowspan=3>400</td></tr>" +
		"<tr><td>E2</td></tr><tr></tr><tr><td>E3</td></tr><tr><td>E4</td></tr></table></body></html>",
	"table select in cell": "<html><body><table><tbody><tr><th>Code</th><th>S</th></tr><tr><td>E1</td><td>a</td></tr><tr><td><select><tr><td rowspan=3>X</td></tr></select></td></tr>" +
		"<tr><td>E3</td></tr><tr><td>E4</td></tr><tr><td>E5</td></tr></tbody></table></body></html>",
	"table tbody in cell": "<html><body><table><tr><th>Code</th><th>S</th></tr><tr><td>E1</td><td>a</td></tr><tr><td>E2</td><td><tbody><tr><td rowspan=3>X</td></tr></tbody></td></tr>" +
		"<tr><td>E3</td></tr><tr><td>E4</td></tr><tr><td>E5</td></tr></table></body></html>",
	"menuitem":          "<html><body><p>a</p>before <menuitem>inside<h3>E</h3>z</body></html>",
	"menuitem headings": "<html><body><h3>E0</h3><menuitem><h3>E1</h3>text<h3>E2</h3></body></html>",
	"entities":          "<html><body><h3>E&amp;1</h3><p>&lt;b&gt; &nbsp;x</p><h3>E2</h3><p>y&#x41;</p></body></html>",
	"details": "<html><body><h2>Errors</h2><details><summary><code>E1</code></summary><p>One.</p></details>" +
		"<details open><summary>E2 - Two</summary><p>x</p><details><summary>Example</summary><pre>{}</pre></details></details>" +
		"<details><summary>Group</summary><details><summary>E3 (404)</summary>y</details></details><p>after</p>" +
		"<details><summary>words</summary>z</details><h3>E4</h3><details><summary>E5</summary></details></body></html>",
}

// htmlTreeBoth reads text as a page whole and in parts of at least size bytes, and says
// how many parts it was cut into.
func htmlTreeBoth(t *testing.T, text string, size int) (whole, parts *doc.Document, n int) {
	t.Helper()
	src := NewSource("p.html", []byte(text))
	whole, _, err := htmlTreeWhole(src)
	if err != nil {
		return nil, nil, 0
	}
	parts, _ = htmlTreeParts(src, size)
	if parts == nil {
		return whole, whole, 1
	}
	return whole, parts, len(htmlParts(src.Text, size).cuts) + 1
}

// TestHTMLParts: a page read in parts gives the blocks (text, positions, tables) of the page
// read whole, whatever it holds; the kinds of page htmlParts cannot follow are not cut
// after what it cannot follow.
func TestHTMLParts(t *testing.T) {
	cut := 0
	for name, page := range htmlPartsPages {
		t.Run(name, func(t *testing.T) {
			whole, parts, n := htmlTreeBoth(t, page, 1)
			if diff := cmp.Diff(whole, parts); diff != "" {
				t.Errorf("in %d parts (-whole +parts):\n%s", n, diff)
			}
			if n > 1 {
				cut++
			}
		})
	}
	if cut < len(htmlPartsPages)/2 {
		t.Errorf("only %d of %d pages were cut at all", cut, len(htmlPartsPages))
	}
	// Where cutting must stop.
	for _, c := range []struct {
		page  string
		after string // no cut at or after this
	}{
		{htmlPartsPages["end tags left out"], "<p>two"},
		{htmlPartsPages["misnested"], "<b>"},
		{htmlPartsPages["svg and template"], "<svg>"},
		{htmlPartsPages["stray end tags"], "</p>"},
		{htmlPartsPages["two bodies"], "<body class"},
	} {
		limit := strings.Index(c.page, c.after)
		for _, cut := range htmlParts([]byte(c.page), 1).cuts {
			if cut.at > limit {
				t.Errorf("%q: cut at %d, after %q (%d)", c.page, cut.at, c.after, limit)
			}
		}
	}
	// Between rows: in the tables that keep to the rules, and only there.
	for name, want := range map[string]bool{"table rows": true, "table rows, no tbody": true, "table two header rows": true,
		"table rowspan": true, "table tfoot middle": true, "table caption last": false, "table thead late": false,
		"table foster text": false, "table cell no row": false, "table not closed": false} {
		got := false
		for _, c := range htmlParts([]byte(htmlPartsPages[name]), 1).cuts {
			got = got || c.table[1] > 0
		}
		if got != want {
			t.Errorf("%s: cut between rows %v, want %v", name, got, want)
		}
	}
	// No cut where a rowspan above reaches (rowspan=0 is 1, as readHTMLTable reads it), nor
	// before the first row with a data cell.
	rs := htmlPartsPages["table rowspan"]
	for _, c := range htmlParts([]byte(rs), 1).cuts {
		if c.table[1] == 0 {
			continue
		}
		row := rs[c.at:min(len(rs), c.at+15)]
		for _, bad := range []string{"<tr><td>E1", "<tr><td>E2", "<tr><td>E3", "<tr><td>E5"} {
			if strings.HasPrefix(row, bad) {
				t.Errorf("table rowspan: cut before %q", bad)
			}
		}
	}
	if p := htmlParts([]byte(htmlPartsPages["text before body"]), 1); len(p.cuts) != 0 {
		t.Errorf("text before <body>: cut at %v, want no cut", p.cuts)
	}
}

// TestHTMLPartsRead: a page of many tables, and one of one long table, read in parts give
// the entries, diagnostics and positions they give read whole.
func TestHTMLPartsRead(t *testing.T) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<body>\n<table>\n<caption>All errors</caption>\n<thead><tr><th>Code</th><th>Status</th><th>Message</th></tr></thead>\n<tbody>\n")
	for i := range 300 {
		switch {
		case i%50 == 0:
			fmt.Fprintf(&b, "<tr><th colspan=3>Group %d</th></tr>\n", i/50)
		case i%7 == 0:
			fmt.Fprintf(&b, "<tr><td>E%d</td><td rowspan=2>40%d</td><td>Spanned %d</td></tr>\n", i, i%10, i)
			continue
		}
		fmt.Fprintf(&b, "<tr><td><code>E%d</code></td><td>%d</td><td>Message <i>%d</i></td></tr>\n", i, 400+i%30, i)
	}
	b.WriteString("</tbody>\n</table>\n<p>After.</p>\n</body>\n</html>\n")
	checkHTMLPartsRead(t, []byte(b.String()), 290)
	b.Reset()
	b.WriteString("<!DOCTYPE html>\n<html>\n<head><title>Errors</title></head>\n<body>\n<h1>Errors</h1>\n")
	for i := range 60 {
		fmt.Fprintf(&b, "<h2>%d Group</h2>\n<table>\n<tr><th>Code</th><th>Message</th></tr>\n", 400+i%5)
		for j := range 5 {
			fmt.Fprintf(&b, "<tr><td>E%d_%d</td><td>Message %d of <code>%d</code></td></tr>\n", i, j, j, i)
		}
		b.WriteString("</table>\n<p>Notes.</p>\n")
	}
	b.WriteString("</body>\n</html>\n")
	checkHTMLPartsRead(t, []byte(b.String()), 300)
}

func checkHTMLPartsRead(t *testing.T, page []byte, entries int) {
	t.Helper()
	old := htmlPartSize
	defer func() { htmlPartSize = old }()
	htmlPartSize = len(page) * 2
	whole := Read(NewSource("p.html", page), Meta{})
	htmlPartSize = 200
	if n := len(htmlParts(page, htmlPartSize).cuts); n < 20 {
		t.Fatalf("%d cuts in a page of %d bytes, want many", n, len(page))
	}
	parts := Read(NewSource("p.html", page), Meta{})
	if len(whole.Service.Entries) < entries {
		t.Fatalf("whole: %d entries, want %d or more", len(whole.Service.Entries), entries)
	}
	if diff := cmp.Diff(whole.Service, parts.Service); diff != "" {
		t.Errorf("service (-whole +parts):\n%s", diff)
	}
	if diff := cmp.Diff(whole.Diags, parts.Diags); diff != "" {
		t.Errorf("diagnostics (-whole +parts):\n%s", diff)
	}
}

// TestHTMLPartsNotes: --verbose says how a large page was parsed, and where and why the
// cutting stopped.
func TestHTMLPartsNotes(t *testing.T) {
	old := htmlPartSize
	defer func() { htmlPartSize = old }()
	htmlPartSize = 40
	rows := strings.Repeat("<h3>E_ONE</h3>\n<p>First error.</p>\n", 6)
	for _, c := range []struct{ page, want string }{
		{"<html><body>\n" + rows + "</body></html>\n", "p.html:1:1: HTML: the page (238 bytes) was parsed in 4 parts, cut between elements directly in <body> or between the rows of a table there"},
		{"<html><body>\n" + rows + "<p>open <b>bold</p>\n" + rows + "</body></html>\n",
			"p.html:14:16: HTML: the page is not cut after here, so from its last cut on it is parsed in one piece: </p> while <b> is open: an end tag left out or out of order"},
		{"<html>stray text<body>\n" + rows + "</body></html>\n", "p.html:1:7: HTML: the page is parsed whole, not in parts (more memory): text before <body>"},
		{"<html><body>\n<table>\n<tr><th>Code</th><th>Message</th></tr>\n" + strings.Repeat("<tr><td>E_ONE</td><td>First error.</td></tr>\n", 6) +
			"<div>moved</div>\n</table>\n</body></html>\n",
			"p.html:2:1: HTML: the page is parsed whole, not in parts (more memory): the table here cannot be cut between its rows: <div> directly in it, which the parser moves before it"},
	} {
		res := Read(NewSource("p.html", []byte(c.page)), Meta{Notes: true})
		var notes []string
		for _, n := range res.Notes {
			notes = append(notes, n.Pos.String()+": "+n.Text)
		}
		if !strings.Contains(strings.Join(notes, "\n"), c.want) {
			t.Errorf("notes of %q:\n%s\nwant one with %q", c.page, strings.Join(notes, "\n"), c.want)
		}
		if len(res.Service.Entries) != 1 || len(res.Service.Entries[0].Variants()) < 5 {
			t.Errorf("%q: entries %d, want E_ONE with its variants", c.page, len(res.Service.Entries))
		}
	}
}

// FuzzHTMLParts: for any page, reading it in parts gives what reading it whole gives.
func FuzzHTMLParts(f *testing.F) {
	for _, p := range htmlPartsPages {
		f.Add(p, 1)
	}
	f.Fuzz(func(t *testing.T, page string, size int) {
		size = 1 + abs(size)%64
		whole, parts, n := htmlTreeBoth(t, page, size)
		if diff := cmp.Diff(whole, parts); diff != "" {
			t.Errorf("in %d parts of %d bytes (-whole +parts):\n%s", n, size, diff)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestHTMLRowspanRagged: a rowspan covers the rows it says and no more, also when a row
// it covers is short and never reaches its column (it used to be carried down to the
// next row that did). What the short row itself shows is left open: the grid fills a
// row's spanned cells only up to its first gap.
func TestHTMLRowspanRagged(t *testing.T) {
	page := "<table><tr><th>Code</th><th>Status</th><th>Message</th></tr>" +
		"<tr><td>E1</td><td>400</td><td rowspan=2>Shared</td></tr><tr><td>E2</td></tr>" +
		"<tr><td>E3</td><td>404</td><td>Own</td></tr><tr><td>E4</td><td>409</td></tr></table>"
	res := Read(NewSource("p.html", []byte(page)), Meta{})
	got := map[string]string{}
	for _, e := range res.Service.Entries {
		if e.Code != "E2" {
			got[e.Code] = e.Message
		}
	}
	if diff := cmp.Diff(map[string]string{"E1": "Shared", "E3": "Own", "E4": ""}, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

// BenchmarkHTMLPartsHostile finds the cuts of pages built to make it slow: thousands of
// elements open in a table's cell (each tag used to look down the whole stack for a
// nested table: 21 s for this page of 1.5 MB), or at body level, and a table of 200,000
// rows. Time is linear in the page's size.
func BenchmarkHTMLPartsHostile(b *testing.B) {
	for name, page := range map[string]string{
		"deep-in-cell": "<html><body><table><tr><td>" + strings.Repeat("<div>", 300_000) + "</body></html>",
		"deep-in-body": "<html><body>" + strings.Repeat("<div>", 300_000) + "</body></html>",
		"long-table":   "<html><body><table><tr><td>x</td></tr>" + strings.Repeat("<tr><td>E</td></tr>", 200_000) + "</table></body></html>",
		"nested-tables": "<html><body><table><tr><td>x</td></tr><tr><td>" +
			strings.Repeat("<table><tr><td>", 50_000) + "</body></html>",
	} {
		text := []byte(page)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				htmlParts(text, 1<<20)
			}
		})
	}
}
