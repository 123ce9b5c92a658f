package site

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// hostile are Markdown sources that try to get script, style, frames or requests to other
// hosts into a page.
var hostile = []string{
	strings.Repeat(">", 600) + " x",
	strings.Repeat("- ", 600) + "x",
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	"<img src=x onerror=alert(1)>",
	`<a href="javascript:alert(1)">x</a>`,
	`<iframe src="https://evil.example"></iframe>`,
	`<style>body{display:none}</style>`,
	`<div style="background:url(https://evil.example/x)">x</div>`,
	`<svg onload=alert(1)>`,
	`[x](javascript:alert(1))`,
	`[x](JaVaScRiPt:alert(1))`,
	"[x](java\tscript:alert(1))",
	`[x](java&#x09;script:alert(1))`,
	`[x](&#106;avascript:alert(1))`,
	`[x](javascript&colon;alert(1))`,
	`[x]( javascript:alert(1))`,
	`[x](<javascript:alert(1)>)`,
	`[x](vbscript:msgbox(1))`,
	`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`[x](file:///etc/passwd)`,
	`[x](//evil.example/x)`,
	`[x](\\evil.example/x)`,
	`[x](/\evil.example/x)`,
	`[x]: javascript:alert(1)` + "\n\n[x]",
	`<javascript:alert(1)>`,
	`![x](https://evil.example/x.png)`,
	`![x](javascript:alert(1))`,
	`![x](x.png)`,
	"```html\n<script>alert(1)</script>\n```",
	"`<script>`",
	`[x](https://example.com "title\" onmouseover=\"alert(1)")`,
	`<a href="https://example.com" onclick="alert(1)">x</a>`,
	"| a | b |\n|:--|--:|\n| 1 | 2 |",
	`&lt;script&gt;alert(1)&lt;/script&gt;`,
	"<!-- comment --><p onclick=alert(1)>x</p>",
	`www.evil.example/<script>`,
	`[x](https://example.com/"><script>alert(1)</script>)`,
}

// allowedAttrs are the attributes Markdown's HTML may carry, by element; "*" for any element.
var allowedAttrs = map[string]bool{"a.href": true, "a.title": true, "a.rel": true, "code.class": true,
	"input.checked": true, "input.disabled": true, "input.type": true, "ol.start": true}

// allowedTags are the elements Markdown's HTML may have.
var allowedTags = map[string]bool{"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"hr": true, "br": true, "del": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true,
	"td": true, "input": true, "html": true, "head": true, "body": true}

// checkHTML parses out as a browser would and reports every element, attribute and link
// target that Markdown must not produce.
func checkHTML(t *testing.T, src, out string) {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			if !allowedTags[n.Data] {
				t.Errorf("%q gave the element <%s>:\n%s", src, n.Data, out)
			}
			for _, a := range n.Attr {
				if !allowedAttrs[n.Data+"."+a.Key] {
					t.Errorf("%q gave <%s %s=%q>:\n%s", src, n.Data, a.Key, a.Val, out)
				}
				if a.Key == "href" && !SafeURL(a.Val) {
					t.Errorf("%q gave href=%q:\n%s", src, a.Val, out)
				}
				if n.Data == "input" && a.Key == "type" && a.Val != "checkbox" {
					t.Errorf("%q gave an input of type %q", src, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// TestMarkdownHostile feeds Markdown that tries to break out of the page and checks, by
// parsing the result as a browser does, that no element, attribute or link that could run
// script, load something or restyle the page comes out.
func TestMarkdownHostile(t *testing.T) {
	for _, src := range hostile {
		checkHTML(t, src, string(Markdown(src)))
	}
}

// TestMarkdownDeepNesting: Markdown nests quotes, lists, emphasis and links without end; the
// HTML stays within maxNesting levels (an HTML parser gives up at 512) and keeps every word.
func TestMarkdownDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat(">", 700) + " deepest",
		strings.Repeat("- ", 700) + "deepest",
		strings.Repeat("1. ", 400) + "deepest",
		strings.Repeat("*", 1500) + "deepest" + strings.Repeat("*", 1500),
		strings.Repeat("[", 600) + "deepest" + strings.Repeat("](a)", 600),
		strings.Repeat("~~", 600) + "deepest" + strings.Repeat("~~", 600),
		strings.Repeat("> - ", 300) + "*a **b** c* deepest",
	} {
		out := string(Markdown(src))
		checkHTML(t, src[:12], out)
		doc, err := xhtml.Parse(strings.NewReader(out))
		if err != nil {
			t.Fatalf("%.12q…: %v", src, err)
		}
		deepest := 0
		var walk func(n *xhtml.Node, d int)
		walk = func(n *xhtml.Node, d int) {
			if n.Type == xhtml.ElementNode {
				d++
				deepest = max(deepest, d)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, d)
			}
		}
		walk(doc, 0)
		if deepest > maxNesting+3 { // + html, body and the innermost inline element
			t.Errorf("%.12q…: elements nest %d deep", src, deepest)
		}
		if !strings.Contains(out, "deepest") {
			t.Errorf("%.12q…: the innermost text is gone:\n%.300s", src, out)
		}
	}
	// Nesting within the limit is left alone.
	if got, want := string(Markdown("> > quoted")), "<blockquote>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n</blockquote>\n"; got != want {
		t.Errorf("two quotes: %q, want %q", got, want)
	}
}

func TestMarkdownKeepsWhatIsSafe(t *testing.T) {
	tests := []struct{ src, want string }{
		{"**bold** and `code`", "<p><strong>bold</strong> and <code>code</code></p>\n"},
		{"[docs](https://example.com/a?b=1&c=2)", `<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener">docs</a></p>` + "\n"},
		{"[rel](../other/)", `<p><a href="../other/">rel</a></p>` + "\n"},
		{"[mail](mailto:a@example.com)", `<p><a href="mailto:a@example.com" rel="nofollow noopener">mail</a></p>` + "\n"},
		{"[x](javascript:alert(1))", "<p>x</p>\n"},
		{"[x](//evil.example/)", "<p>x</p>\n"},
		{"![logo](https://example.com/l.png)", `<p><a href="https://example.com/l.png" rel="nofollow noopener">logo</a></p>` + "\n"},
		{"![logo](l.png)", "<p>logo</p>\n"},
		{"# Title", "<h3>Title</h3>\n"},
		{"#### Deep", "<h6>Deep</h6>\n"},
		{"<b>x</b>", "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"},
		{"| a | b |\n|:--|--:|\n| 1 | 2 |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"},
		{"see https://example.com/x", `<p>see <a href="https://example.com/x" rel="nofollow noopener">https://example.com/x</a></p>` + "\n"},
		{"", ""},
		{"오류가 발생합니다.", "<p>오류가 발생합니다.</p>\n"},
	}
	for _, tt := range tests {
		if got := string(Markdown(tt.src)); got != tt.want {
			t.Errorf("Markdown(%q)\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://x": true, "HTTP://x": true, "mailto:a@b": true, "../a": true, "a/b": true, "#frag": true,
		"?q=1": true, "a:b/c": false, "javascript:x": false, " javascript:x": false, "java\nscript:x": false,
		"//x": false, `\\x`: false, `/\x`: false, "data:x": false, "file:///x": false, "tel:1": false,
		"a/b:c": true, "": true,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	for _, s := range plainLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out := string(Markdown(src))
		checkHTML(t, src, out)
		if again := string(Markdown(src)); again != out {
			t.Fatalf("rendering %q twice gave different HTML", src)
		}
		if plainParagraph(src) {
			if want := string(convert(src)); out != want {
				t.Fatalf("plain line %q: written %q, goldmark %q", src, out, want)
			}
		}
	})
}

// plainLines are lines Markdown writes without goldmark, and near misses.
var plainLines = []string{
	"토큰이 만료되었습니다.", `The "token" expired; sign in again.`, "a  b", "x.", "1 2 3", "3. item",
	"a - b", "a+b=c", "50% off", "e.g. this", "한국어\u3000공백", "trailing ", " leading", "tab\tin",
	"see www.example.com", "user@example.com", "http://x.test", "a\u00a0b", "ends with \\", "'single'",
	"--", "==", "a = b", "a > b", "a $ b ^ c ; d / e ? f , g", "é\u0301",
}

func TestPlainLinesMatchGoldmark(t *testing.T) {
	n := 0
	for _, s := range plainLines {
		if !plainParagraph(s) {
			continue
		}
		n++
		if got, want := string(Markdown(s)), string(convert(s)); got != want {
			t.Errorf("%q: written %q, goldmark %q", s, got, want)
		}
	}
	if n < 10 {
		t.Errorf("only %d of the plain lines take the plain path", n)
	}
}
