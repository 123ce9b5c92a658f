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
//
// Backslash escapes ("Amount must be \> 0", "2\. Payout errors", which converters such as
// Google Docs' write before all punctuation Markdown might read) are undone in the same
// fields, outside code spans, and a group whose whole heading is bold ("# **2\. Payout
// errors**") loses the asterisks: the page shows neither.
func decodeEntities(doc *Doc) {
	doc.Title = decodeText(doc.Title)
	for _, e := range doc.Entries {
		e.Group = unbold(decodeText(e.Group))
		e.Message = decodeText(e.Message)
	}
}

func decodeText(s string) string {
	s = unescapeOutsideCode(s)
	if !strings.Contains(s, "&") || strings.Contains(s, "`") {
		return s
	}
	return reEntity.ReplaceAllStringFunc(s, html.UnescapeString)
}

// unescapeOutsideCode undoes Markdown's backslash escapes in s, but not in its code spans,
// where a backslash is literal.
func unescapeOutsideCode(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	parts := strings.Split(s, "`")
	for i := 0; i < len(parts); i += 2 { // the odd parts are in code spans
		parts[i] = unescapeMarkdown(parts[i])
	}
	return strings.Join(parts, "`")
}

// unbold takes off the bold that wraps a whole text ("**2. Payout errors**").
func unbold(s string) string {
	for _, w := range []string{"**", "__"} {
		if t, ok := strings.CutPrefix(s, w); ok && len(t) > len(w) && strings.HasSuffix(t, w) && !strings.Contains(t[:len(t)-len(w)], w) {
			return strings.TrimSpace(t[:len(t)-len(w)])
		}
	}
	return s
}
