package site

import (
	"bytes"
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is the one Markdown converter of the site. Raw HTML is left out (goldmark's default:
// without html.WithUnsafe an HTML block or inline tag becomes a comment saying so); GFM
// tables align nothing, because their alignment would be a style attribute, which the
// site's Content-Security-Policy forbids; links are checked by sanitizeLinks.
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.TaskList,
	),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkSanitizer{}, 0))),
)

// Markdown renders Markdown from a source document as HTML for a page. It is the only way
// source text becomes template.HTML, and source text is untrusted: raw HTML is dropped, a
// link keeps its target only when it is http, https, mailto or a relative path (a link to
// anything else, such as javascript: or a protocol-relative //host, becomes its text), an
// image becomes a link to it (or its text), so that a page never loads anything from
// another host, and headings move down two levels to sit under the page's own.
func Markdown(src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	if plainParagraph(src) {
		return template.HTML("<p>" + strings.ReplaceAll(src, `"`, "&quot;") + "</p>\n")
	}
	return convert(src)
}

// convert renders src with goldmark.
func convert(src string) template.HTML {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// goldmark fails only when the writer does; a bytes.Buffer does not. Fall back to
		// the text, escaped.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(buf.String())
}

// plainParagraph reports whether src is one line of text in which Markdown finds nothing to
// do: goldmark renders it as one paragraph of the text itself, with only '"' escaped. Most
// descriptions are such lines, and goldmark's parse costs ~7 µs and ~7 KB each (0.7 GB of
// garbage on 100,000 entries), so Markdown writes them directly. The rules are
// conservative (any character Markdown, Linkify or the table, task list and strikethrough
// extensions give a meaning to, any control or space character at either end, any
// non-ASCII space, a line that could start a block); FuzzMarkdown checks that the result
// is goldmark's.
func plainParagraph(src string) bool {
	if src == "" || !utf8.ValidString(src) || strings.Contains(src, "www.") {
		return false
	}
	switch src[0] {
	case '-', '+', '=', '>', ' ':
		return false
	}
	if c := src[0]; '0' <= c && c <= '9' {
		return false
	}
	if src[len(src)-1] == ' ' {
		return false
	}
	for _, r := range src {
		if r < ' ' || r == 0x7f || r == 0xfffd || r > 0x7f && unicode.IsSpace(r) {
			return false
		}
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '~', '|', '#', ':', '@', '(', ')', '{', '}':
			return false
		}
	}
	return true
}

// SafeURL reports whether a link target from a source may stay a link: an http, https or
// mailto URL, or a relative path (not a protocol-relative "//host/..."). Character references
// are decoded first, as the page would decode them; browsers ignore tabs and newlines inside
// URLs and treat "\" like "/", so this does too.
func SafeURL(u string) bool {
	var b strings.Builder
	for _, r := range html.UnescapeString(u) {
		if r <= ' ' || r == 0x7f {
			continue // control characters and spaces, which browsers strip
		}
		if r == '\\' {
			r = '/'
		}
		b.WriteRune(r)
	}
	s := strings.ToLower(b.String())
	if strings.HasPrefix(s, "//") {
		return false
	}
	// A scheme is letters, digits, "+", "-", "." up to the first ":", before any "/", "?"
	// or "#".
	for i, r := range s {
		switch {
		case r == ':':
			scheme := s[:i]
			return scheme == "http" || scheme == "https" || scheme == "mailto"
		case r == '/' || r == '?' || r == '#':
			return true
		case r >= 'a' && r <= 'z', i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return true // no scheme can contain this: a relative path
		}
	}
	return true
}

// safeDestination reports whether a link destination is safe both as parsed and as the
// renderer will write it, with backslash escapes and character references resolved: the
// fuzzer found that "[](\\:)" passes as the relative path "/:" but is written href=":".
func safeDestination(dest []byte) bool {
	resolved := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
	return SafeURL(string(dest)) && SafeURL(string(resolved))
}

// linkSanitizer rewrites the parsed document before it is rendered: see Markdown.
type linkSanitizer struct{}

// Transform implements parser.ASTTransformer.
func (linkSanitizer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var links, images, autos []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+2, 6)
		case *ast.Link:
			links = append(links, n)
		case *ast.Image:
			images = append(images, n)
		case *ast.AutoLink:
			autos = append(autos, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range links {
		l := n.(*ast.Link)
		if safeDestination(l.Destination) {
			if isExternal(string(l.Destination)) {
				l.SetAttributeString("rel", []byte("nofollow noopener"))
			}
			continue
		}
		unwrap(l)
	}
	for _, n := range images {
		img := n.(*ast.Image)
		dest := string(img.Destination)
		if !safeDestination(img.Destination) || !isExternal(dest) && dest != "" {
			// A relative image would point into the source's folder, which the site does
			// not have; keep its text.
			unwrap(img)
			continue
		}
		link := ast.NewLink()
		link.Destination = img.Destination
		link.Title = img.Title
		link.SetAttributeString("rel", []byte("nofollow noopener"))
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if !link.HasChildren() {
			link.AppendChild(link, ast.NewString(img.Destination))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
	for _, n := range autos {
		a := n.(*ast.AutoLink)
		u := string(a.URL(source))
		if a.AutoLinkType == ast.AutoLinkEmail || SafeURL(u) && isExternal(u) {
			a.SetAttributeString("rel", []byte("nofollow noopener"))
			continue
		}
		a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(a.Label(source)))
	}
	flattenDeep(doc)
}

// maxNesting is how deep Markdown's elements may nest inside one description. Quotes in
// quotes, lists in lists or emphasis in emphasis nest without end in Markdown (">>>>…" is
// one level per character), but an HTML parser stops nesting at 512 open elements
// (Chromium's and Go's alike) and a page that deep cannot be read anyway.
const maxNesting = 32

// flattenDeep replaces every node nested deeper than maxNesting by its children, deepest
// first, so that what lay below the limit stays as text (and its own leaves) inside the
// node at the limit: no text is lost, only its nesting.
func flattenDeep(doc *ast.Document) {
	var deep []ast.Node
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !n.HasChildren() {
			return ast.WalkContinue, nil
		}
		if entering {
			depth++
			return ast.WalkContinue, nil
		}
		if depth > maxNesting {
			deep = append(deep, n) // leaving: children come before their parent
		}
		depth--
		return ast.WalkContinue, nil
	})
	for _, n := range deep {
		unwrap(n)
	}
}

// isExternal reports whether u names its scheme (http, https or mailto once SafeURL passed).
func isExternal(u string) bool {
	s := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "https:") || strings.HasPrefix(s, "mailto:")
}

// unwrap replaces n by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}
