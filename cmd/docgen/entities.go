package main

import (
	"html"
	"regexp"
	"strings"

	"docgen/parse"
)

// reEntity is a CommonMark entity or numeric character reference: named, decimal or hex,
// always with its semicolon.
var reEntity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// decodeEntities turns the entity references in the plain-text fields (title, group,
// message) of what the Markdown reader made into the characters they stand for, as
// Markdown means them: a message written `&lt;script&gt;` is the text <script>, which
// the page escapes once, not "&lt;script&gt;" escaped a second time. Descriptions and
// resolutions are Markdown and are decoded when rendered; codes stay exactly as written
// (their IDs are made from them). A field with a code span (a backtick) is left as it is:
// entities are literal inside one.
//
// It belongs in the Markdown reader, which keeps these fields as their source text; until
// the reader decodes them itself (the readers issue), the commands do it after reading.
// The reader then decoding too would decode "&amp;lt;" twice: remove this then.
func decodeEntities(res *parse.Result, meta parse.Meta) {
	if res == nil || res.Service == nil || res.Reader != "markdown" {
		return
	}
	s := res.Service
	if meta.Title == "" { // a title from docgen.yaml is not Markdown
		s.Title = decodeText(s.Title)
	}
	for _, e := range s.Entries {
		e.Group = decodeText(e.Group)
		e.Message = decodeText(e.Message)
		for i := range e.Variants {
			e.Variants[i].Message = decodeText(e.Variants[i].Message)
		}
	}
}

func decodeText(s string) string {
	if !strings.Contains(s, "&") || strings.Contains(s, "`") {
		return s
	}
	return reEntity.ReplaceAllStringFunc(s, html.UnescapeString)
}
