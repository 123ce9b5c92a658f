package parse

import (
	"strings"

	"docgen/catalog"
)

// headingKind is what a Markdown heading is in an error document.
type headingKind int

const (
	hTitle   headingKind = iota // the document's title
	hGroup                      // a group of codes, usually with a status: "## BadRequest" + "status 400"
	hCode                       // one error code: "### DnsResolveFailed"
	hPart                       // a part of a code's documentation: "#### 해결 방법"
	hSection                    // anything else: kept as a section
)

// open is a heading whose body is being collected.
type open struct {
	level  int
	kind   headingKind
	text   string
	status catalog.Status // for groups (and codes with their own status line)
	pos    catalog.Pos
	entry  *catalog.Entry // for hCode and hPart
	role   role           // for hPart: where its body goes
	body   []string       // Markdown chunks
}

// mdWalker turns the blocks of a Markdown document into a Doc.
type mdWalker struct {
	src     *Source
	d       *mdDoc
	doc     *Doc
	stack   []*open
	title   int // index of the title heading block, -1 if none
	summary []string
}

func (w *mdWalker) walk() {
	w.title = w.titleHeading()
	if id, ok := w.d.fm["id"].(string); ok {
		w.doc.ID = strings.TrimSpace(id)
	}
	if t, ok := w.d.fm["title"].(string); ok && strings.TrimSpace(t) != "" {
		w.doc.Title = strings.TrimSpace(t)
	} else if w.title >= 0 {
		w.doc.Title = w.d.blocks[w.title].htext
	}
	if desc, ok := w.d.fm["description"].(string); ok {
		w.summary = append(w.summary, strings.TrimSpace(desc))
	}
	skip := -1 // a status-line paragraph already read as its heading's status
	for i, b := range w.d.blocks {
		if i%256 == 0 && w.src.cancelled() {
			break // the read is abandoned: what follows is not used
		}
		switch {
		case i == skip:
			continue
		case b.heading != nil:
			w.heading(i)
			if i+1 < len(w.d.blocks) && w.d.blocks[i+1].statusLn && w.top() != nil && w.top().status != 0 {
				skip = i + 1
				if r := w.d.blocks[i+1].remark; r != "" {
					w.top().body = append(w.top().body, r+w.tail(i+1))
				} else if t := w.tail(i + 1); t != "" {
					w.top().body = append(w.top().body, strings.TrimLeft(t, "\n"))
				}
			}
		case b.table != nil:
			t := w.d.blocks[i].readTable(w.src)
			w.doc.noteTable(t, w.src.LinePos(b.start))
			if isErrorTable(t) {
				w.doc.addTable(t, w.context())
				continue
			}
			w.text(w.src.span(b.start, b.end))
		default:
			if isList(b.node) && (w.top() == nil || w.top().kind != hCode) {
				if items := mdListItems(w.src, b.start, b.end); w.doc.addCodeList(items, w.context()) {
					continue
				}
			}
			w.text(w.src.span(b.start, b.end))
		}
	}
	w.closeTo(0)
	w.doc.Summary = strings.Join(w.summary, "\n\n")
}

// tail returns the lines of a status-line paragraph after its first line, so that a
// remark spanning lines is kept whole.
func (w *mdWalker) tail(i int) string {
	b := w.d.blocks[i]
	if b.end <= b.start {
		return ""
	}
	return "\n" + w.src.span(b.start+1, b.end)
}

// titleHeading returns the index of the title heading: the first heading, when no later
// heading is at its level or above, and it is neither a status nor a code.
func (w *mdWalker) titleHeading() int {
	first := -1
	for i, b := range w.d.blocks {
		if b.heading == nil {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		if b.heading.Level <= w.d.blocks[first].heading.Level {
			return -1
		}
	}
	if first < 0 {
		return -1
	}
	t := w.d.blocks[first].htext
	if _, _, ok := statusHeading(t); ok || (codeLike(headingCode(t)) && !sectionWord(headingCode(t))) {
		return -1
	}
	if first+1 < len(w.d.blocks) && w.d.blocks[first+1].statusLn {
		return -1
	}
	return first
}

func (w *mdWalker) top() *open {
	if len(w.stack) == 0 {
		return nil
	}
	return w.stack[len(w.stack)-1]
}

// heading opens the heading of block i, closing those at its level or deeper.
func (w *mdWalker) heading(i int) {
	b := w.d.blocks[i]
	level := b.heading.Level
	w.closeTo(level)
	o := &open{level: level, text: b.htext, pos: w.src.LinePos(b.start)}
	parent := w.top()
	hasChildren := w.hasChildren(i)
	code := headingCode(b.htext)
	st, _, isStatus := statusHeading(b.htext)
	lineStatus := i+1 < len(w.d.blocks) && w.d.blocks[i+1].statusLn
	switch {
	case i == w.title:
		o.kind = hTitle
	case isStatus:
		o.kind, o.status = hGroup, st
	case parent != nil && (parent.kind == hCode || parent.kind == hPart) && roleNames[foldHeader(b.htext)] != roleUnknown:
		o.kind, o.entry, o.role = hPart, parent.entry, roleNames[foldHeader(b.htext)]
	case lineStatus && (hasChildren || w.hasErrorTable(i)):
		o.kind, o.status = hGroup, w.d.blocks[i+1].statusVal
	case lineStatus && isToken(code):
		// A heading with its own status and no codes under it is an entry itself, such as
		// "## NotImplemented" + "status 501, …" among groups of codes.
		o.kind, o.status = hCode, w.d.blocks[i+1].statusVal
		o.entry = w.newEntry(code, b.htext, o.pos, o.status)
	case hasChildren && w.childrenAreCodes(i):
		o.kind = hGroup
	case isToken(code) && !sectionWord(code) && (codeLike(code) || (parent != nil && parent.kind == hGroup && isASCII(code))):
		// Under a group, a heading of one word is a code when it is written in ASCII:
		// "在庫を確認した結果の異常" is a heading of prose with no spaces.
		o.kind = hCode
		o.entry = w.newEntry(code, w.groupName(), o.pos, 0)
		_, o.entry.Message = splitCodeHeading(b.htext)
	case lineStatus:
		o.kind, o.status = hGroup, w.d.blocks[i+1].statusVal
	default:
		o.kind = hSection
	}
	w.stack = append(w.stack, o)
}

// newEntry starts the entry of a code heading; its text is filled when the heading closes.
func (w *mdWalker) newEntry(code, group string, pos catalog.Pos, own catalog.Status) *catalog.Entry {
	w.doc.note(pos, "heading: code %q", code)
	w.doc.Rows++
	e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: group, Source: pos}
	heading := own
	if heading == 0 {
		heading = w.context().Status
	}
	resolveStatus(e, 0, heading, &w.doc.Diags)
	w.doc.Entries = append(w.doc.Entries, e)
	return e
}

// hasChildren reports whether the heading of block i has deeper headings under it.
func (w *mdWalker) hasChildren(i int) bool {
	level := w.d.blocks[i].heading.Level
	for _, b := range w.d.blocks[i+1:] {
		if b.heading != nil {
			return b.heading.Level > level
		}
	}
	return false
}

// childrenAreCodes reports whether the first heading under block i's heading is a code.
func (w *mdWalker) childrenAreCodes(i int) bool {
	for _, b := range w.d.blocks[i+1:] {
		if b.heading != nil {
			return codeLike(headingCode(b.htext)) && roleNames[foldHeader(b.htext)] == roleUnknown
		}
	}
	return false
}

// hasErrorTable reports whether the body of block i's heading holds an error table.
func (w *mdWalker) hasErrorTable(i int) bool {
	for k := i + 1; k < len(w.d.blocks); k++ {
		b := &w.d.blocks[k]
		if b.heading != nil {
			return false
		}
		if b.table != nil && isErrorTable(b.readTable(w.src)) {
			return true
		}
	}
	return false
}

// context returns what the open headings say about the rows below them.
func (w *mdWalker) context() tableContext {
	var ctx tableContext
	for i := len(w.stack) - 1; i >= 0; i-- {
		o := w.stack[i]
		if ctx.Status == 0 && o.status != 0 {
			ctx.Status = o.status
		}
		if strings.Contains(strings.ToUpper(o.text), "JSON-RPC") {
			ctx.RPC = true
		}
	}
	ctx.Group = w.groupName()
	return ctx
}

// groupName returns the text of the innermost open group or section heading.
func (w *mdWalker) groupName() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].kind {
		case hGroup, hSection:
			return w.stack[i].text
		case hTitle:
			return ""
		}
	}
	return ""
}

// text adds a block of Markdown to the innermost open heading, or to the summary.
func (w *mdWalker) text(s string) {
	if o := w.top(); o != nil && o.kind != hTitle {
		o.body = append(o.body, s)
		return
	}
	w.summary = append(w.summary, s)
}

// closeTo closes the open headings at level or deeper (all of them for level 0).
func (w *mdWalker) closeTo(level int) {
	for len(w.stack) > 0 && w.top().level >= level {
		o := w.top()
		w.stack = w.stack[:len(w.stack)-1]
		w.close(o)
	}
}

// close stores what a heading collected.
func (w *mdWalker) close(o *open) {
	if body := w.doc.closeHeading(o); o.kind == hSection && body != "" {
		w.responseFormat(o, body)
	}
}

// closeHeading stores what a closed heading collected, whichever reader walked it: a code's
// text as its description, a part of a code's documentation (a "Resolution" subheading) in
// its field, a group with a status or text of its own, a section with text. It returns the
// heading's body.
func (doc *Doc) closeHeading(o *open) string {
	body := trimBlankLines(strings.Join(o.body, "\n\n"))
	switch o.kind {
	case hCode:
		// Labelled lines and paragraphs ("Resolution: …", "**Status:** 404", "HTTP 422")
		// go to their fields; the rest is the description.
		et := readEntryText(o.body)
		o.entry.Description = appendMarkdown(o.entry.Description, trimBlankLines(et.Description))
		o.entry.Resolution = appendMarkdown(o.entry.Resolution, et.Resolution)
		if o.entry.Message == "" {
			o.entry.Message = et.Message
		}
		if et.Status != 0 && o.entry.From != catalog.FromColumn && et.Status != o.entry.Status {
			if o.entry.Status != 0 && o.entry.From == catalog.FromHeading {
				doc.Diags.Add(o.entry.Source, catalog.Warning, catalog.RuleStatusConflict,
					"a line under %q says status %d but the heading above says %d; using the line", o.entry.Code, int(et.Status), int(o.entry.Status))
			}
			o.entry.Status, o.entry.From = et.Status, catalog.FromHeading
		}
	case hPart:
		switch o.role {
		case roleResolution:
			o.entry.Resolution = appendMarkdown(o.entry.Resolution, body)
		case roleMessage:
			o.entry.Message = appendMarkdown(o.entry.Message, body)
		case roleDescription:
			o.entry.Description = appendMarkdown(o.entry.Description, body)
		default:
			if body != "" {
				o.entry.Fields = append(o.entry.Fields, catalog.Field{Name: o.text, Value: body})
			}
		}
	case hGroup:
		if body != "" || o.status != 0 {
			doc.Groups = append(doc.Groups, catalog.Group{Name: o.text, Status: o.status, Description: body, Source: o.pos})
		}
	case hSection:
		if body != "" {
			doc.Sections = append(doc.Sections, catalog.Section{Title: o.text, Body: body, Source: o.pos})
		}
	}
	return body
}

// appendMarkdown joins two Markdown texts with a blank line.
func appendMarkdown(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// headingCode returns the code a heading names: its text without the Markdown a code is
// wrapped in ("### `INVALID_TOKEN`").
func headingCode(text string) string {
	code, _ := splitCodeHeading(text)
	return code
}

// splitCodeHeading reads a heading that names a code: the code alone ("ERR\_CACHE\_X", its
// Markdown escapes undone), or the code and a message after a dash or colon ("LOAN001 -
// 인증이 필요합니다", "E100: Bad input"). A heading of other words is returned whole.
func splitCodeHeading(text string) (code, message string) {
	t := unescapeMarkdown(text)
	if c := cleanCode(t); isToken(c) {
		return c, ""
	}
	for _, sep := range []string{" - ", " – ", " — ", ": ", "：", " | "} {
		i := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		if c := cleanCode(t[:i]); isToken(c) && codeLike(c) {
			return c, strings.TrimSpace(t[i+len(sep):])
		}
	}
	return cleanCode(t), ""
}

// unescapeMarkdown undoes backslash escapes of ASCII punctuation ("ERR\_X" is "ERR_X").
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// responseFormat takes the fenced code blocks of a section about the error response
// format as the service's documented error body: the JSON example verbatim and a JSON
// Schema derived from it or from a typed description beside it (respformat.go). A section
// whose first block documents no body (an XML sample) still gives its example, without a
// schema.
func (w *mdWalker) responseFormat(o *open, body string) {
	if w.doc.ResponseFormat != nil || !isResponseFormatTitle(o.text) {
		return
	}
	blocks := fencedCode(body)
	if len(blocks) == 0 {
		return
	}
	samples := make([]codeSample, len(blocks))
	for i, b := range blocks {
		samples[i] = codeSample{Text: b, Pos: o.pos}
	}
	if rf := responseFormatFrom(samples); rf != nil {
		w.doc.ResponseFormat = rf
		return
	}
	w.doc.ResponseFormat = &catalog.ResponseFormat{Example: blocks[0], Source: o.pos}
}

// isResponseFormatTitle reports whether a heading announces the error response format.
func isResponseFormatTitle(t string) bool {
	f := foldHeader(t)
	for _, k := range []string{"responseformat", "errorresponse", "errorformat", "errorbody", "응답형식", "응답포맷", "에러응답", "오류응답", "응답본문"} {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}
