package parse

import (
	"html"
	"regexp"
	"strings"
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
// entities are literal inside one. Read calls it on the Markdown reader's Doc, before
// entries are merged, so variants are decoded too.
func decodeEntities(doc *Doc) {
	doc.Title = decodeText(doc.Title)
	for _, e := range doc.Entries {
		e.Group = decodeText(e.Group)
		e.Message = decodeText(e.Message)
	}
}

func decodeText(s string) string {
	if !strings.Contains(s, "&") || strings.Contains(s, "`") {
		return s
	}
	return reEntity.ReplaceAllStringFunc(s, html.UnescapeString)
}
