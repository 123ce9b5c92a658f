package parse

import (
	"regexp"
	"strings"
)

// This file reads the tables of RFC 9457 (formerly RFC 7807) problem types:
//
//	| type                                            | title            | status |
//	| https://api.example.com/problems/out-of-credit  | Out of credit    | 403    |
//	| about:blank                                     | (reason phrase)  | any    |
//
// The problem's "type" identifies it, as a code does elsewhere: clients branch on it. A
// type is a URI, or, where the document leaves the common prefix out, its last segment
// ("out-of-credit"). The entry's code is that last segment, the name a reader knows the
// problem by and the one the site's URL, search and headings can use; the URI as written is
// kept as a field under the column's header (problemTypeName).

// problemTypeHeaders are the folded headers of a column of problem types.
var problemTypeHeaders = map[string]bool{
	"type": true, "problemtype": true, "typeuri": true, "problemtypeuri": true, "typeurl": true,
	"problemtypeurl": true, "problem": true, "problemuri": true,
}

// problemTypeHeader reports whether a header names a column of problem types: "type",
// "Problem type", "Type URI".
func problemTypeHeader(h string) bool { return problemTypeHeaders[foldHeader(h)] }

// reProblemSlug matches a problem type written as its last segment: lower-case words
// joined by hyphens ("out-of-credit", "unauthenticated").
var reProblemSlug = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)

// reProblemURI matches a problem type written as a URI: absolute with a scheme
// ("https://…/problems/out-of-credit", "about:blank", "urn:problem:acme:expired",
// "tag:acme.com,2024:quota") or a path ("/problems/out-of-credit"), with no spaces.
var reProblemURI = regexp.MustCompile(`^(?:(?i:https?)://[^\s/]+(?:/\S*)?|(?i:about|urn|tag):\S+|/[^\s/]\S*)$`)

// problemTypeCell reports whether a cell's text is a problem type: a URI, or a slug.
func problemTypeCell(text string) (uri, ok bool) {
	c := cleanCode(text)
	if reProblemURI.MatchString(c) {
		return true, true
	}
	return false, reProblemSlug.MatchString(c)
}

// problemTypeColumn reports whether column i, under a problem-type header h, holds
// problem types: every cell that is not empty is a URI or a slug, each once, and at least
// one of them a URI, or, under a header that says "problem", a slug of several words. A
// column of slugs under a bare "Type" is as likely a list of webhook events or of a
// field table's types ("invoice-paid", "string"): what says problem is the header or a
// URI, never the slugs' shape.
func problemTypeColumn(rows []tableRow, i int, h string) bool {
	problem := strings.Contains(foldHeader(h), "problem")
	n, strong := 0, false
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		if i >= len(r.Cells) || strings.TrimSpace(r.Cells[i].Text) == "" {
			continue
		}
		c := cleanCode(r.Cells[i].Text)
		uri, ok := problemTypeCell(c)
		if !ok || seen[c] {
			return false
		}
		seen[c] = true
		n++
		strong = strong || uri || (problem && strings.Contains(c, "-"))
	}
	return n > 0 && strong
}

// problemTypeName returns the name of a problem type written as a URI of the web or a
// path: its fragment, or else its last path segment ("out-of-credit" of
// "https://api.example.com/problems/out-of-credit"). ok is false for a URI with no such
// name ("about:blank", "urn:…", a host alone), which is its own name, and for any other
// text.
func problemTypeName(uri string) (string, bool) {
	rest := uri
	switch {
	case strings.HasPrefix(rest, "/"):
	case len(rest) > 8 && strings.EqualFold(rest[:8], "https://"):
		rest = rest[8:]
	case len(rest) > 7 && strings.EqualFold(rest[:7], "http://"):
		rest = rest[7:]
	default:
		return "", false
	}
	if strings.ContainsAny(rest, " \t\n") {
		return "", false
	}
	if !strings.HasPrefix(uri, "/") {
		slash := strings.IndexByte(rest, '/')
		if slash < 0 {
			return "", false
		}
		rest = rest[slash:]
	}
	rest, frag, _ := strings.Cut(rest, "#")
	rest, _, _ = strings.Cut(rest, "?")
	if frag != "" && isToken(frag) {
		return frag, true
	}
	rest = strings.TrimRight(rest, "/")
	name := rest[strings.LastIndexByte(rest, '/')+1:]
	if name == "" || !hasWordRune(name) {
		return "", false
	}
	return name, true
}
