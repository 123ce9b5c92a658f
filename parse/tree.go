package parse

import (
	"html"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// interpret is the one interpreter: it turns the document tree a front-end built into a
// Doc, the same way whatever the source's format. It keeps a stack of open headings; each
// heading is the document's title, a group of codes (a status heading, or a heading with a
// "status NNN" line), a code, a part of a code's documentation ("Resolution"), or a
// section. Tables, definition lists and lists of codes become entries in the namespace of
// the heading they stand under; code samples that document the error body become the
// service's response format; the rest is the text of the heading it stands under.
func interpret(src *Source, d *doc.Document) *Doc {
	w := &treeWalker{src: src, doc: &Doc{quiet: !src.notes}, blocks: d.Blocks, meta: d.Meta}
	w.walk()
	if len(w.doc.Entries) == 0 && w.doc.Dropped == 0 && w.glossaries > 0 {
		// The document lists no codes but HTTP statuses under a code header ("Error
		// Code | Meaning", 400, 401 …): its statuses are its error codes.
		w = &treeWalker{src: src, doc: &Doc{quiet: !src.notes}, blocks: d.Blocks, meta: d.Meta, statusCodes: true}
		w.walk()
	}
	textStatuses(w.doc.Entries)
	categoryTables(w.doc)
	mergeLinkedRows(w.doc, src)
	mergeExamples(w.doc)
	return w.doc
}

// tableSpan is the entries one error table gave, for categoryTables.
type tableSpan struct {
	from, to   int    // its entries, doc.Entries[from:to]
	codeHeader string // the header of its code column
	title      string // the heading it stands under
	text       string // the table as Markdown
	pos        catalog.Pos
}

// categoryTables takes back the entries of a table that lists the categories of the
// document's errors rather than errors: every code of it is the value of a column of
// another error table headed as its own code column is ("Type" over api_error, card_error
// beside a table of codes whose "Type" column says card_error). Its rows were no errors;
// the table is kept as the text of a section, under its heading.
func categoryTables(d *Doc) {
	if len(d.tables) == 0 {
		return
	}
	owner := make([]int, len(d.Entries)) // the table each entry came from, +1 (0 for none)
	for k, ts := range d.tables {
		for i := ts.from; i < ts.to && i < len(d.Entries); i++ {
			owner[i] = k + 1
		}
	}
	// The values of the columns that hold no role, by their folded header: which table
	// gave each first, and whether another did too. One pass over the fields.
	type given struct {
		first int
		more  bool
	}
	values := map[string]map[string]*given{}
	for i, e := range d.Entries {
		for _, f := range e.Fields() {
			h := foldHeader(f.Name)
			if values[h] == nil {
				values[h] = map[string]*given{}
			}
			v := cleanCode(f.Value)
			if g := values[h][v]; g == nil {
				values[h][v] = &given{first: owner[i]}
			} else if g.first != owner[i] {
				g.more = true
			}
		}
	}
	gone := map[*catalog.Entry]bool{}
	for k, ts := range d.tables {
		vs := values[foldHeader(ts.codeHeader)]
		if vs == nil {
			continue
		}
		all := true
		for i := ts.from; i < ts.to && all; i++ {
			g := vs[d.Entries[i].Code]
			all = g != nil && (g.first != k+1 || g.more) // named by another table's rows
		}
		if !all {
			continue
		}
		for _, e := range d.Entries[ts.from:ts.to] {
			gone[e] = true
		}
		d.Rows -= ts.to - ts.from
		d.Sections = append(d.Sections, catalog.Section{Title: ts.title, Body: ts.text, Source: ts.pos})
		d.note(ts.pos, "table of %d rows: the categories of the errors (column %q of another table names them), kept as text", ts.to-ts.from, ts.codeHeader)
	}
	if len(gone) > 0 {
		d.Entries = slices.DeleteFunc(d.Entries, func(e *catalog.Entry) bool { return gone[e] })
	}
}

// linkedRow is a table row whose code cell links into the document: its entry and the
// cell's text, which holds the link.
type linkedRow struct {
	e    *catalog.Entry
	cell string
}

// mergeLinkedRows folds the rows of an index table into the sections they link to: a table
// whose codes are links into the document ("| [E_AUTH](#e_auth) | Bad key |") lists codes
// that a heading each documents below, and the two are one error. A row goes into the one
// other entry of its code when that entry is a heading the row's link names (its anchor is
// the heading's text or its code, as slugs write them) and nothing they say differs (a
// field one of them leaves empty takes the other's; fields of unknown columns are added);
// otherwise both stay. A link to an anchor no heading of the code has, or to the code's
// row in another table, is no index: that row is an error of its own table.
func mergeLinkedRows(d *Doc, src *Source) {
	if len(d.linked) == 0 {
		return
	}
	linked := make(map[*catalog.Entry]bool, len(d.linked))
	for _, l := range d.linked {
		linked[l.e] = true
	}
	byCode := map[string][]*catalog.Entry{}
	for _, e := range d.Entries {
		if !linked[e] {
			byCode[e.Code] = append(byCode[e.Code], e)
		}
	}
	gone := map[*catalog.Entry]bool{}
	for _, l := range d.linked {
		row := l.e
		targets := byCode[row.Code]
		if len(targets) != 1 || !mergeable(row, targets[0]) || !linksToHeading(src, linkAnchor(l.cell, row.Code), targets[0]) {
			continue
		}
		t := targets[0]
		// Where both say something, the section's text stays and the row's joins its
		// description: an index row's note ("*since v2.3*") is the same error's text.
		var more []string
		t.Message, more = mergeText(t.Message, row.Message, more)
		t.Description, more = mergeText(t.Description, row.Description, more)
		t.Resolution, more = mergeText(t.Resolution, row.Resolution, more)
		for _, m := range more {
			t.Description = appendMarkdown(t.Description, m)
		}
		if t.Status == 0 && row.Status != 0 {
			t.Status, t.From = row.Status, row.From
		}
		t.SetFields(append(t.Fields(), row.Fields()...))
		gone[row] = true
		d.note(row.Source, "row of %s: merged into the section its code links to (line %d)", row.Code, t.Source.Line)
	}
	if len(gone) > 0 {
		d.Entries = slices.DeleteFunc(d.Entries, func(e *catalog.Entry) bool { return gone[e] })
		d.Merged += len(gone)
	}
}

// reLink matches a Markdown link into the document: its text and the anchor.
var reLink = regexp.MustCompile(`\[([^\]]*)\]\(#([^)\s"']*)`)

// linkAnchor returns the anchor of the link in cell whose text is code ("[`E1`](#e1)"),
// or of its first link.
func linkAnchor(cell, code string) string {
	anchor := ""
	for _, m := range reLink.FindAllStringSubmatch(cell, -1) {
		if cleanCode(m[1]) == code {
			return m[2]
		}
		if anchor == "" {
			anchor = m[2]
		}
	}
	return anchor
}

// linksToHeading reports whether anchor names the heading entry e was read from: e's
// source line is a Markdown heading (ATX, or setext text over its underline) whose text
// or code, folded as slugs fold them, is the anchor's, or whose explicit id ("{#e1001}")
// it is. An anchor written percent-encoded ("#e1001-%ED%86%A0%ED%81%B0", as editors link
// to a heading of Korean words) is read decoded. An entry of a table row, a list item or
// a paragraph has no heading of its own.
func linksToHeading(src *Source, anchor string, e *catalog.Entry) bool {
	if dec, err := url.PathUnescape(anchor); err == nil {
		anchor = dec
	}
	a := foldHeader(anchor)
	if a == "" || src == nil {
		return false
	}
	text, ok := headingLine(src, e.Source.Line)
	if !ok {
		text, ok = htmlHeadingLine(src, e.Source.Line, anchor)
		if !ok {
			return false
		}
	}
	if i := strings.LastIndex(text, "{#"); i >= 0 && strings.HasSuffix(text, "}") {
		if foldHeader(text[i+2:len(text)-1]) == a {
			return true
		}
		text = strings.TrimSpace(text[:i])
	}
	return foldHeader(text) == a || (foldHeader(e.Code) == a && strings.Contains(text, e.Code))
}

// headingLine returns the text of line n when it is a Markdown heading: "## Text ##", or
// a line of text over a line of "=" or "-".
func headingLine(src *Source, n int) (string, bool) {
	line := strings.TrimSpace(string(src.Line(n)))
	if strings.HasPrefix(line, "#") {
		t := strings.TrimLeft(line, "#")
		if len(line)-len(t) > 6 || (t != "" && t[0] != ' ' && t[0] != '\t') {
			return "", false
		}
		return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "#")), true
	}
	under := strings.TrimSpace(string(src.Line(n + 1)))
	if line != "" && under != "" && (strings.Trim(under, "=") == "" || strings.Trim(under, "-") == "") {
		return line, true
	}
	return "", false
}

// reHTMLHeading matches an HTML heading or term that starts a line, its attributes in
// group 1 and its text (tags and all) in group 2.
var reHTMLHeading = regexp.MustCompile(`(?i)^\s*<(?:h[1-6]|dt)\b([^>]*)>(.*)`)

// htmlHeadingLine returns the text of line n when it starts an HTML heading (or a term of
// a definition list): its words, tags left out; or "{#anchor}" when the element's id is
// anchor ("<h4 id="card-declined">CARD_DECLINED</h4>").
func htmlHeadingLine(src *Source, n int, anchor string) (string, bool) {
	m := reHTMLHeading.FindStringSubmatch(string(src.Line(n)))
	if m == nil {
		return "", false
	}
	for _, q := range []string{`"`, `'`} {
		if strings.Contains(m[1], "id="+q+anchor+q) {
			return "{#" + anchor + "}", true
		}
	}
	return collapseSpace(html.UnescapeString(reTag.ReplaceAllString(m[2], " "))), true
}

// mergeable reports whether an index row and the section its code links to are one error:
// of one protocol, and the status empty in one of them or the same in both. Their texts
// are joined (mergeText).
func mergeable(a, b *catalog.Entry) bool {
	return a.Protocol == b.Protocol && (a.Status == 0 || b.Status == 0 || a.Status == b.Status)
}

// mergeText returns the field of a section given its index row's: the section's, or the
// row's where the section says nothing; a row's text that differs is added to more.
func mergeText(section, row string, more []string) (string, []string) {
	switch {
	case section == "":
		return row, more
	case row == "" || strings.Contains(section, row): // the same, or said in it (a summary)
		return section, more
	}
	return section, append(more, row)
}

// treeWalker is interpret's state.
type treeWalker struct {
	src    *Source
	doc    *Doc
	blocks []doc.Block
	meta   map[string]string
	// notesIx indexes by code the entries listNotes may add to: those made since
	// entry first under group, up to entry n; it grows as entries are made, and is made
	// anew only when the heading or group changes.
	// split remembers what splitCodeHeading made of the last few headings asked: the
	// walk asks it of a heading and of the one after up to six times, close together.
	// (A map of every heading would cost a source of a million of them 80 MB.)
	split     [4]splitMemo
	splitNext int
	notesIx   struct {
		first, n int
		group    string
		byCode   map[string]*catalog.Entry
	}

	title   int // index of the title heading, -1 if none
	stack   []*open
	summary []string
	samples []codeSample
	errors  bool // an error table, list or code heading has been read
	// nextHeading[i] is the index of the first heading after block i (len(blocks) if
	// none); errBlocks[i] counts the blocks of codes (tables, lists, definition lists)
	// among blocks[:i].
	nextHeading []int32
	errBlocks   []int32
	tables      map[*doc.Table]table // each table as the interpreter reads it, made once
	// records is what reading the records of a data file keeps (tree_formats.go).
	recState *recordsState
	// level[i] is the level heading i is read at: its own, or for a heading with no level
	// (copied text), 2 for a code and 1 for anything else, so that codes stand under the
	// heading above them.
	level []int8
	// years holds the headings that begin with a year, not a code (yearHeadings).
	years map[int]bool
	// families holds, by heading level, the shapes (codeFamily) of the codes that head
	// sections at that level: "-1 Unknown error" beside "-1001 User canceled" is a code
	// and its message though "-1" alone is too short to be plainly one (shortCodeHeading).
	families map[int]map[string]bool
	// release is set when blocks the walk has passed may be let go (releaseBlocks).
	release bool
	// statusGroups is set when a heading with a status ("## 404 Not Found", or a
	// "status 404" line under it) has headings under it: the document groups its codes
	// by status.
	statusGroups bool
	// glossaries counts the status glossaries met: tables whose code column holds HTTP
	// statuses only. statusCodes, set when the document lists no other codes, reads them
	// as error lists whose codes are the statuses.
	glossaries  int
	statusCodes bool
	// codeParas counts the paragraphs that begin with a code in bold or as code and go
	// on with its text ("**E001** 잘못된 요청입니다."): two or more are a list of codes.
	// Labelled records ("Code: E1001" over "Status: 400", paraRecord) count too, and are
	// entries even alone.
	codeParas int
}

// reParaCode matches a paragraph that begins with a code in bold or as code, then its text.
var reParaCode = regexp.MustCompile("^(?:\\*\\*|__|`)([^*`\\s]+?)(?:\\*\\*|__|`)\\s*[:：.–—-]?\\s+(\\S[^\\n]*)")

// paraCode reads a paragraph that begins with a code written in bold or as code and goes
// on with its text; the code must be plainly a code (spacedCode) or CamelCase ("**Note**"
// or "**NOTE**" is no code).
func paraCode(text string) (code, rest string, ok bool) {
	m := reParaCode.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	code = m[1]
	camel := codeLike(code) && strings.ToUpper(code) != code && strings.ToLower(code) != code
	if !spacedCode(code) && !camel {
		return "", "", false
	}
	return code, strings.TrimSpace(text[len(m[0])-len(m[2]):]), true
}

// codePara reads a paragraph that begins with a code, in a document with two of them or
// more, as an entry: the code, its text, and a status in parentheses after the code or at
// the end of its first line.
func (w *treeWalker) codePara(b *doc.Para) bool {
	o := w.top()
	if o != nil && (o.kind == hCode || o.kind == hPart || o.history) {
		return false
	}
	if code, lines, ok := paraRecord(b.Text); ok {
		w.record(code, lines, b.Pos, "paragraph")
		return true
	}
	if lines := paraCodeLines(b.Text); lines != nil && codeListOK(lineItems(w.src, b.Pos, lines)) {
		if o != nil && settingsList(o.settings, lineItems(w.src, b.Pos, lines)) {
			w.doc.note(b.Pos, "lines of names under a heading of settings (%q): settings, kept as text", o.text)
			return false
		}
		n := len(w.doc.Entries)
		if w.doc.addCodeList(lineItems(w.src, b.Pos, lines), w.context()) {
			w.added(n)
			w.errors = true
			return true
		}
	}
	if w.codeParas < 2 {
		return false
	}
	code, rest, ok := paraCode(b.Text)
	if !ok {
		return false
	}
	own, rest := listItemStatus(rest)
	if own == 0 {
		first, more, _ := strings.Cut(rest, "\n")
		own, first = trailingStatus(first)
		rest = strings.TrimSpace(first + "\n" + more)
	}
	w.doc.Rows++
	e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: w.groupName(), Source: b.Pos, Description: rest}
	resolveStatus(e, own, w.context().Status, &w.doc.Diags)
	w.doc.Entries = append(w.doc.Entries, e)
	w.doc.note(b.Pos, "paragraph: code %q and its text", code)
	w.added(len(w.doc.Entries) - 1)
	w.errors = true
	return true
}

// lineItems places the codes' lines of a paragraph that starts at pos (paraCodeLines) as
// the items of a list: each on its source line when that line holds it (Markdown), else
// at pos.
func lineItems(src *Source, pos catalog.Pos, lines []codeLine) []listItemText {
	items := make([]listItemText, len(lines))
	for k, l := range lines {
		p := pos
		if n := pos.Line + l.at; src != nil && l.at > 0 && strings.Contains(string(src.Line(n)), firstLine(l.text)) {
			p = catalog.Pos{File: pos.File, Line: n, Col: 1}
		}
		items[k] = listItemText{Text: l.text, Pos: p}
	}
	return items
}

// record adds the entry of a labelled record ("Code: E1001" over "Status: 400" and
// "Message: …", see paraRecord): one error, its fields labelled, even alone in its
// document. what names the block it was written as.
func (w *treeWalker) record(code string, lines []string, pos catalog.Pos, what string) {
	et := readEntryText([]string{strings.Join(lines, "\n")})
	w.doc.Rows++
	e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: w.groupName(), Source: pos,
		Message: et.Message, Description: et.Description, Resolution: et.Resolution}
	e.SetFields(et.Fields)
	resolveStatus(e, et.Status, w.context().Status, &w.doc.Diags)
	w.doc.Entries = append(w.doc.Entries, e)
	w.doc.note(pos, "%s: code %q and its labelled lines", what, code)
	w.added(len(w.doc.Entries) - 1)
	w.errors = true
}

// listRecord returns the text of a list whose items are the labelled lines of one
// error ("- Code: E1003", "- Status: 404"), as paraRecord reads it, or "".
func listRecord(b *doc.List) string {
	if len(b.Items) < 2 || len(b.Items) > maxRecordLines {
		return ""
	}
	texts := make([]string, len(b.Items))
	for i, it := range b.Items {
		if strings.Contains(it.Text, "\n") {
			return "" // an item of several lines is no labelled line
		}
		texts[i] = it.Text
	}
	text := strings.Join(texts, "\n")
	if _, _, ok := paraRecord(text); !ok {
		return ""
	}
	return text
}

// defRecord is one error a definition list writes as labelled terms: the labelled lines
// paraRecord reads, and where its code term is.
type defRecord struct {
	text string
	pos  catalog.Pos
}

// defListRecords returns the errors of a definition list whose terms are labels and whose
// definitions their values ("<dt>Error code</dt><dd>E1001</dd><dt>Status</dt><dd>401</dd>"),
// as a list of labelled items ("- Code: E1001", "- Status: 401") is one (listRecord): each
// term that names the code begins an error, and each error is read as the labelled lines
// "term: definition" (paraRecord), so that the vocabulary of labels is the one labelled
// paragraphs have. nil when the list is no such thing: its first term names no code, or
// an error's terms are no labelled lines but its code's.
func defListRecords(b *doc.DefList) []defRecord {
	if len(b.Items) < 2 {
		return nil
	}
	var recs []defRecord
	var lines []string
	end := func() bool {
		if len(lines) == 0 {
			return true
		}
		text := strings.Join(lines, "\n")
		lines = lines[:0]
		if _, _, ok := paraRecord(text); !ok {
			return false
		}
		recs[len(recs)-1].text = text
		return true
	}
	for _, it := range b.Items {
		term := strings.TrimRight(strings.TrimSpace(plainOf(it.Term)), ":：")
		if term == "" || strings.ContainsAny(term, "\n:：") {
			return nil
		}
		var defs []string
		for _, d := range it.Defs {
			if t := strings.TrimSpace(d.Text); t != "" {
				defs = append(defs, t)
			}
		}
		line := term + ": " + strings.Join(defs, "\n")
		if _, ok := recordCode(line); ok {
			if !end() {
				return nil
			}
			recs = append(recs, defRecord{pos: it.Term.Pos})
		} else if len(recs) == 0 {
			return nil // the first term names no code
		}
		lines = append(lines, line)
		if len(lines) > maxRecordLines {
			return nil
		}
	}
	if !end() {
		return nil
	}
	return recs
}

// errorTable reports whether the walk reads t's rows as entries.
func (w *treeWalker) errorTable(t table) bool {
	if isErrorTable(t) {
		return true
	}
	return w.statusCodes && isGlossary(t)
}

func (w *treeWalker) walk() {
	// The three indexes below hold one small number per block: a read of 3,000,000
	// blocks keeps them all through the walk. A source is at most MaxSourceSize bytes,
	// so a block index fits in an int32.
	n := len(w.blocks)
	w.nextHeading = make([]int32, n+1)
	w.nextHeading[n] = int32(n)
	for i := n - 1; i >= 0; i-- {
		w.nextHeading[i] = w.nextHeading[i+1]
		if i+1 < n {
			if _, ok := w.blocks[i+1].(*doc.Heading); ok {
				w.nextHeading[i] = int32(i + 1)
			}
		}
	}
	w.level = make([]int8, n)
	records := false
	for i, b := range w.blocks {
		if _, ok := b.(*doc.Records); ok {
			records = true
		}
		if h, ok := b.(*doc.Heading); ok {
			w.level[i] = int8(min(h.Level, math.MaxInt8)) // no format nests headings that deep
			if h.Level == 0 {
				// A line of copied text written like a code sits under the lines of words
				// (titles, groups), whether or not a status line follows it: a status line
				// made it a group of the codes after it, which lost the code.
				w.level[i] = 1
				if codeHeading(h.Text) {
					w.level[i] = 2
				}
			}
		}
	}
	for i, b := range w.blocks {
		h, ok := b.(*doc.Heading)
		if !ok || w.statusGroups {
			continue
		}
		_, _, named := statusHeading(h.Text)
		_, lined := w.statusLineAfter(i)
		if k := w.nextHeading[i]; (named || lined) && int(k) < n && w.level[k] > w.level[i] {
			w.statusGroups = true
		}
	}
	for i, b := range w.blocks {
		if p, ok := b.(*doc.Para); ok {
			_, _, code := paraCode(p.Text)
			if !code {
				_, _, code = paraRecord(p.Text)
			}
			if code && !w.codeStatusPara(i) { // asked last: it reads the heading above
				w.codeParas++
			}
		}
	}
	w.errBlocks = make([]int32, n+1)
	for i, b := range w.blocks {
		w.errBlocks[i+1] = w.errBlocks[i]
		if w.listsCodes(b) && !w.codeStatusPara(i) {
			w.errBlocks[i+1]++
		}
	}
	w.years = w.yearHeadings()
	w.title = w.titleHeading()
	if o := w.src.over; o != nil && len(o.Sections) > 0 {
		w.sectionSpans(o.Sections)
	}
	w.doc.ID = strings.TrimSpace(w.meta["id"])
	switch {
	case strings.TrimSpace(w.meta["title"]) != "":
		w.doc.Title = strings.TrimSpace(w.meta["title"])
	case w.title >= 0:
		w.doc.Title = w.blocks[w.title].(*doc.Heading).Text
	default:
		w.doc.Title = strings.TrimSpace(w.meta["pagetitle"])
	}
	if desc := strings.TrimSpace(w.meta["description"]); desc != "" {
		w.summary = append(w.summary, desc)
	}
	// Records look at every block of the file (recordsErrorPaths, serviceTitle); any other
	// block is looked at only from itself, the one before it and those after it.
	w.release = !records
	fn := findFootnotes(w.blocks)
	skip := -1 // a "status NNN" paragraph read as its heading's status
	freed := 0 // blocks[:freed] are let go
	for i, b := range w.blocks {
		if i%256 == 0 {
			if w.src.cancelled() {
				break // the read is abandoned: what follows is not used
			}
			freed = w.releaseBlocks(freed, i-1)
		}
		if len(w.doc.kept) > 0 {
			w.keptText()
		}
		if i == skip {
			continue
		}
		switch b := b.(type) {
		case *doc.Heading:
			if w.heading(i) {
				skip = i + 1
			}
		case *doc.End:
			w.closeTo(b.Level)
		case *doc.Table:
			if w.beforeEnum(i) {
				continue // its enum reads it (tree_formats.go)
			}
			w.table(b)
		case *doc.Records:
			w.records(b)
		case *doc.Enum:
			w.enum(i, b)
		case *doc.DefList:
			w.defList(b)
		case *doc.List:
			if w.listNotes(i, true) {
				continue
			}
			w.list(b)
		case *doc.Code:
			w.code(b)
		case *doc.Para:
			if stay, ok := fn.skipped(i); ok {
				// Footnotes of errors: their text goes to the errors (footnotes.go).
				if stay != "" {
					w.text(stay)
				}
				continue
			}
			if w.codePara(b) {
				continue
			}
			if i+1 < len(w.blocks) && noteLabel(b) != roleUnknown && w.listNotes(i+1, false) {
				continue // the label of the notes that follow ("What to do:")
			}
			if o := w.top(); o != nil {
				o.prose++
			}
			w.text(b.Text)
		}
	}
	if len(w.doc.kept) > 0 {
		w.keptText()
	}
	w.closeTo(0)
	if fn != nil {
		left, over := fn.apply(w.doc.Entries, w.doc.marks, textBound(w.src))
		w.summary = append(w.summary, left...)
		if over.Line > 0 {
			w.doc.Diags.Add(over, catalog.Error, RuleRepeatedText,
				"the notes these rows mark would repeat more than %d MB of text across the entries (at most %d times a source's size, or %d MB): the entries from here on are read without their notes",
				textBound(w.src)>>20, textPerByte, textFloor>>20)
		}
	}
	w.doc.Summary = strings.Join(w.summary, "\n\n")
	if w.doc.ResponseFormat == nil {
		w.doc.ResponseFormat = responseFormatFrom(w.samples)
	}
}

// keptText writes what of the blocks just read is no entry's (Doc.kept) in the text where
// they stand: not lost.
func (w *treeWalker) keptText() {
	for _, t := range w.doc.kept {
		w.text(t)
	}
	w.doc.kept = nil
}

// sectionSpans finds the headings whose text holds one of the sections docgen.yaml names
// and records the lines each one's section spans, to its next heading at its level or
// above (its subsections included), for applyOverride: an entry under "### Billing" is in
// the section "## Errors" above it. Each heading is looked at from the headings above it
// only, at most one per level: linear in the headings for any fixed depth.
func (w *treeWalker) sectionSpans(sections []string) {
	n := len(w.blocks)
	for i, b := range w.blocks {
		h, ok := b.(*doc.Heading)
		if !ok {
			continue
		}
		if len(w.doc.headings) < 8 {
			w.doc.headings = append(w.doc.headings, h.Text)
		}
		matched := false
		for _, sec := range sections {
			if inSections(h.Text, []string{sec}) {
				w.doc.usedSections = append(w.doc.usedSections, sec)
				matched = true
			}
		}
		if !matched {
			continue
		}
		end := math.MaxInt
		for k := int(w.nextHeading[i]); k < n; k = int(w.nextHeading[k]) {
			if w.level[k] <= w.level[i] {
				end = w.blocks[k].At().Line - 1
				break
			}
		}
		w.doc.spans = append(w.doc.spans, [2]int{h.Pos.Line, end})
	}
}

// releaseBlocks lets go of blocks[from:to], which the walk has passed, and returns
// where the blocks still held start. A large document's blocks then go as its entries
// come, instead of the two being held at once: for a file of code headings the blocks
// weigh about as much as the entries. Nothing is let go while the walk may be walked
// again (no entry and no dropped row yet: interpret reads a document of statuses
// only a second time) or when the document holds records.
func (w *treeWalker) releaseBlocks(from, to int) int {
	if !w.release || to <= from || (len(w.doc.Entries) == 0 && w.doc.Dropped == 0) {
		return from
	}
	clear(w.blocks[from:to])
	return to
}

// added counts the entries made since there were n, in every open heading.
func (w *treeWalker) added(n int) {
	for _, o := range w.stack {
		o.entries += len(w.doc.Entries) - n
	}
}

// listsCodes reports whether a block lists error codes: an error table, a definition
// list of codes, or a list whose items are codes and their text.
func (w *treeWalker) listsCodes(b doc.Block) bool {
	switch b := b.(type) {
	case *doc.Table:
		t := w.tableOf(b)
		return len(t.Header) > 0 && w.errorTable(t)
	case *doc.DefList:
		return defListHasCodes(b)
	case *doc.List:
		return codeListOK(listItems(b)) || nestedCodeGroups(listItems(b)) != nil
	case *doc.Code:
		return codeBlockLines(b.Lang, b.Text) != nil
	case *doc.Para:
		// A labelled record ("Code: E1001" over "Status: 409") is not counted: under a
		// heading of its own code it is that code's text.
		if lines := paraCodeLines(b.Text); lines != nil && codeListOK(lineItems(nil, b.Pos, lines)) {
			return true
		}
		_, _, ok := paraCode(b.Text)
		return ok && w.codeParas >= 2
	}
	return false
}

// titleHeading returns the index of the title heading, or -1. A heading with a level is
// the title when it is the first, no later heading is at its level or above, it is
// neither a status nor a code, and no "status NNN" line follows it. A line of copied text
// (no level) is the title when it is the first block, is not written like a code, and
// what follows is neither its table nor its "status NNN" line.
func (w *treeWalker) titleHeading() int {
	first := -1
	for i, b := range w.blocks {
		if _, ok := b.(*doc.Heading); ok {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	h := w.blocks[first].(*doc.Heading)
	if _, ok := w.statusLineAfter(first); ok {
		return -1
	}
	if _, _, ok := statusesHeading(h.Text); ok {
		return -1
	}
	if h.Level == 0 {
		if code, msg := w.splitHeading(h); msg != "" && spacedHeadingCode(code, msg) && !w.years[first] {
			return -1 // "E1001 - Invalid token (401)": a code and its text, as the lines after it
		}
		if first != 0 || len(w.blocks) < 2 || codeLike(h.Text) {
			return -1
		}
		if _, ok := w.blocks[1].(*doc.Table); ok {
			return -1
		}
		return first
	}
	for _, b := range w.blocks[first+1:] {
		if o, ok := b.(*doc.Heading); ok && o.Level <= h.Level {
			return -1
		}
	}
	if code, _ := w.splitHeading(h); codeLike(code) && !sectionWord(code) && !w.years[first] {
		return -1
	}
	return first
}

// yearHeadings returns the headings that begin with a year and go on with words ("2024
// Platform highlights", a copied page's "2025 Acme Ltd"), told from headings of codes in
// the same range ("2001 잔액 부족", "2003 Card declined") in one pass over the headings. A
// number from 1900 to 2099 that begins a heading is a code unless the words after it say
// it is a year (a heading of period words alone, "2024 changes", "2024年", never reads as a
// code at all: periodPhrase): a word no error message begins with after a year
// (yearWords: "highlights", "roadmap", "Ltd") makes a year anywhere; a word a message may
// also hold ("changes", "review", "release") makes a year only when no heading at its
// level (w.level) is a code. A heading made a year beside code headings, where it could
// have been one, is warned of.
func (w *treeWalker) yearHeadings() map[int]bool {
	type heading struct {
		i     int
		words yearEvidence
	}
	var (
		byLevel = map[int8][]heading{} // the headings that begin with a year-like number
		codes   = map[int8]bool{}      // a level with a heading of a code, not a year
	)
	for i, b := range w.blocks {
		h, ok := b.(*doc.Heading)
		if !ok {
			continue
		}
		code, msg := w.splitHeading(h)
		switch {
		case yearLike(code) && msg != "":
			ev := yearWordsIn(msg)
			byLevel[w.level[i]] = append(byLevel[w.level[i]], heading{i, ev})
			if ev == noYearWord {
				codes[w.level[i]] = true
			}
		case code != "" && codeLike(code) && !sectionWord(code):
			codes[w.level[i]] = true
			if f := codeFamily(code); f != "" && h.Level > 0 && !reVersion.MatchString(code) {
				if w.families == nil {
					w.families = map[int]map[string]bool{}
				}
				if w.families[h.Level] == nil {
					w.families[h.Level] = map[string]bool{}
				}
				w.families[h.Level][f] = true
			}
		}
	}
	// What was split before the families were known is split anew.
	w.split, w.splitNext = [4]splitMemo{}, 0
	var years map[int]bool
	for _, level := range slices.Sorted(maps.Keys(byLevel)) {
		for _, h := range byLevel[level] {
			if h.words == noYearWord || (h.words == weakYearWord && codes[level]) {
				continue
			}
			if years == nil {
				years = map[int]bool{}
			}
			years[h.i] = true
			hd := w.blocks[h.i].(*doc.Heading)
			if codes[level] && h.words != footerWord {
				w.doc.Diags.Add(hd.Pos, catalog.Warning, RuleYearHeading,
					"heading %q: read as a year, not a code, by the words after its number, though codes head sections at its level", hd.Text)
				continue
			}
			w.doc.note(hd.Pos, "heading %q: a year, not a code (words of a year after the number, and no code heading at its level)", hd.Text)
		}
	}
	return years
}

// RuleYearHeading is the rule of a heading that begins with a number from 1900 to 2099,
// read as a year beside headings of codes (yearHeadings).
const RuleYearHeading = "year-heading"

// yearEvidence is what the words after a year-like number say of it (yearWordsIn).
type yearEvidence int8

const (
	noYearWord   yearEvidence = iota // "Card declined": a code's message
	weakYearWord                     // "Platform changes": a year, unless codes stand beside
	yearWord                         // "Platform highlights": a year
	footerWord                       // "Acme Ltd": a year, in a copied page's footer
)

// yearWords are the words (folded) that, after a number from 1900 to 2099 in a heading,
// make it a year, and how surely: words no error message holds ("highlights", "roadmap"),
// a copied page's footer ("2025 Acme Ltd"), or words a message may also hold ("changes",
// "review").
var yearWords = map[string]yearEvidence{
	"highlights": yearWord, "roadmap": yearWord, "recap": yearWord, "retrospective": yearWord,
	"annual": yearWord, "yearly": yearWord, "inreview": yearWord, "releasenotes": yearWord,
	"changelog": yearWord, "milestones": yearWord, "anniversary": yearWord, "outlook": yearWord,
	"inc": footerWord, "ltd": footerWord, "llc": footerWord, "gmbh": footerWord,
	"corp": footerWord, "allrightsreserved": footerWord,
	"changes": weakYearWord, "review": weakYearWord, "release": weakYearWord,
	"releases": weakYearWord, "updates": weakYearWord, "news": weakYearWord,
	"edition": weakYearWord, "summary": weakYearWord, "report": weakYearWord,
	"history": weakYearWord, "overview": weakYearWord, "plans": weakYearWord,
	"conference": weakYearWord,
}

// yearWordsIn returns what the words of msg say of the number before them: the
// strongest evidence of a year among its words, alone or two by two.
func yearWordsIn(msg string) yearEvidence {
	words := strings.Fields(msg)
	ev := noYearWord
	for k := range words {
		f := foldHeader(words[k])
		ev = max(ev, yearWords[f])
		if k+1 < len(words) {
			ev = max(ev, yearWords[f+foldHeader(words[k+1])])
		}
	}
	return ev
}

// statusLineAfter returns the paragraph after block i when its first line is a "status
// NNN" line.
func (w *treeWalker) statusLineAfter(i int) (*doc.Para, bool) {
	if i+1 >= len(w.blocks) {
		return nil, false
	}
	p, ok := w.blocks[i+1].(*doc.Para)
	if !ok {
		return nil, false
	}
	_, _, ok = statusLine(firstLine(p.Text))
	return p, ok
}

// codeStatusPara reports whether block i is a paragraph right under a heading written like
// a code that begins with that code's status ("## E_BAD" over "**400** — The request is
// bad."; statusLead): the code's status and message, not a paragraph of a code of its own
// ("**400**"), which would make the heading a group of codes and lose it.
func (w *treeWalker) codeStatusPara(i int) bool {
	if i == 0 {
		return false
	}
	p, ok := w.blocks[i].(*doc.Para)
	if !ok {
		return false
	}
	h, ok := w.blocks[i-1].(*doc.Heading)
	if !ok {
		return false
	}
	if code, _ := w.splitHeading(h); !isToken(code) || !codeLike(code) {
		return false
	}
	_, ok = statusLead(firstLine(p.Text))
	return ok
}

// ownErrors reports whether the blocks under heading i, up to the next heading, list codes.
func (w *treeWalker) ownErrors(i int) bool {
	return w.errBlocks[w.nextHeading[i]] > w.errBlocks[i+1]
}

// splitMemo is what splitCodeHeading made of heading h.
type splitMemo struct {
	h             *doc.Heading
	code, message string
}

// splitHeading is splitCodeHeading of h's text, remembered for the next few asks.
func (w *treeWalker) splitHeading(h *doc.Heading) (code, message string) {
	for _, m := range w.split {
		if m.h == h {
			return m.code, m.message
		}
	}
	code, message = splitCodeHeading(h.Text)
	if message == "" && !isToken(code) && w.families != nil {
		if c, msg, ok := shortCodeHeading(h.Text, w.families[h.Level]); ok {
			code, message = c, msg
		}
	}
	w.split[w.splitNext] = splitMemo{h, code, message}
	w.splitNext = (w.splitNext + 1) % len(w.split)
	return code, message
}

// shortCodeHeading reads a heading whose first word is a code too short to be plainly one
// ("-1 Unknown error", "E1 Not initialized"; spacedCode asks two digits) when codes of its
// shape (codeFamily: "-1001", "E1001") head sections at its level (a code plainly one, as
// "E2000" of "E2000 - E2099", was read by splitCodeHeading already). A number with no sign
// is left alone: "1 Overview" beside "1001 Bad input" is a numbered section.
func shortCodeHeading(text string, families map[string]bool) (code, message string, ok bool) {
	first, rest, found := strings.Cut(strings.TrimSpace(unescapeMarkdown(text)), " ")
	rest = strings.TrimSpace(rest)
	if !found || rest == "" || len(families) == 0 {
		return "", "", false
	}
	c := cleanCode(first)
	if !isToken(c) || !codeLike(c) || spacedCode(c) || isDigits(c) || reVersion.MatchString(c) || !families[codeFamily(c)] {
		return "", "", false
	}
	return c, rest, true
}

// codeFamily is the shape of a code with digits: its digit runs written "#" ("-1001" and
// "-1" are "-#", "E1001" and "E1" are "E#"), or "" for a code with no digit.
func codeFamily(code string) string {
	if !strings.ContainsAny(code, "0123456789") {
		return ""
	}
	var b strings.Builder
	digit := false
	for _, r := range code {
		d := r >= '0' && r <= '9'
		if d && !digit {
			b.WriteByte('#')
		} else if !d {
			b.WriteRune(r)
		}
		digit = d
	}
	return b.String()
}

// headingCode is headingCode of h's text, made once a heading.
func (w *treeWalker) headingCode(h *doc.Heading) string {
	code, _ := w.splitHeading(h)
	return code
}

func (w *treeWalker) top() *open {
	if len(w.stack) == 0 {
		return nil
	}
	return w.stack[len(w.stack)-1]
}

// heading opens heading i, closing those at its level or deeper. It reports whether the
// next block, a "status NNN" paragraph, was read as the heading's status.
func (w *treeWalker) heading(i int) bool {
	h := w.blocks[i].(*doc.Heading)
	level := int(w.level[i])
	sts, name, isStatus := headingStatuses(h.Text)
	if t := w.top(); h.Level == 0 && t != nil && t.deferred && !isStatus && !codeHeading(h.Text) {
		// Under a code in copied text, a short line is its text when it comes first
		// ("LOCKER_FULL" then "The locker has no free box") or is labelled ("Solution:
		// Pick another locker").
		if _, labelled := readLabel(h.Text); labelled || (len(t.body) == 0 && t.blocks == 0) {
			t.prose++
			w.text(h.Text)
			return false
		}
	}
	if t := w.top(); h.Level == 0 && t != nil && t.deferred && isStatus && len(sts) == 1 && t.status == 0 &&
		t.prose == 0 && len(t.body) == 0 && t.blocks == 0 && !w.codeFollows(i) {
		// "E1001" then "HTTP 400 Bad Request" on the next line, then its text: the code's
		// status, copied as a line of its own. (Followed by codes, the line is a status
		// group and the line above it its title.)
		t.status = sts[0]
		t.prose++
		if name != "" && !isReason(sts[0], name) {
			w.text(name)
		}
		w.doc.note(h.Pos, "line %q: the status of the code above it", h.Text)
		return false
	}
	// A part of a code's documentation written at the code heading's own level ("LOAN001
	// - …" then "Resolution", both h4) still belongs to that code.
	var sibling *catalog.Entry
	if t := w.top(); t != nil && t.level == level && (t.kind == hCode || t.kind == hPart) && t.entry != nil && headerRole(h.Text) != roleUnknown && !codeLike(w.headingCode(h)) {
		sibling = t.entry
	}
	w.closeTo(level)
	o := &open{level: level, text: h.Text, pos: h.Pos, first: len(w.doc.Entries)}
	parent := w.top()
	if sibling != nil {
		o.kind, o.entry, o.role = hPart, sibling, headerRole(h.Text)
		w.stack = append(w.stack, o)
		return false
	}
	o.history = historyTitle(h.Text) || releaseHeading(h.Text) || (parent != nil && parent.history)
	if i != w.title { // a document's title names all of it, not a section of settings
		o.settings = settingsTitle(h.Text)
		if o.settings == 0 && parent != nil && parent.settings != 0 && !errorsTitle(h.Text) {
			o.settings = parent.settings // "Environment" under "Configuration", not "Error codes"
		}
	}
	if i == w.title {
		o.kind = hTitle
		w.stack = append(w.stack, o)
		return false
	}
	code, message := w.splitHeading(h)
	if w.years[i] || (o.history && (reVersion.MatchString(code) || yearLike(code))) {
		// "v3.6 — 2024-05-01" under "Changelog": a release, not a code (a date is none
		// anywhere, codeLike); "2024 API changes" with no code of that shape beside it: a
		// year (yearHeadings).
		o.kind = hSection
		w.stack = append(w.stack, o)
		return false
	}
	if w.operationHeading(i) {
		// "## getOrder" over "`GET /orders/{id}`" and its parameters and responses: an
		// operation of an API reference, whose name is no code; the errors of its
		// responses stand under it.
		o.kind, o.operation = hSection, true
		w.doc.note(h.Pos, "heading %q: an operation (a method and a path under it), not a code", h.Text)
		w.stack = append(w.stack, o)
		return false
	}
	st := catalog.Status(0)
	if isStatus {
		st = sts[0]
	}
	lineStatus := catalog.Status(0)
	var rest, para string
	if p, ok := w.statusLineAfter(i); ok {
		var after string
		lineStatus, after, _ = statusLine(firstLine(p.Text))
		remark, _ := afterStatus(lineStatus, after)
		rest, para = strings.TrimSpace(remark+restLines(p.Text)), p.Text
	}
	// A deeper heading right under this one that is not a part of a code's documentation
	// ("해결 방법", "Resolution") makes this heading a group.
	childHeading, childCode := false, false
	if k := w.nextHeading[i]; int(k) < len(w.blocks) && int(w.level[k]) > level {
		c := w.blocks[k].(*doc.Heading)
		cc := w.headingCode(c)
		childCode = codeLike(cc) && !sectionWord(cc) && !w.years[int(k)]
		childHeading = childCode || headerRole(c.Text) == roleUnknown
	}
	switch {
	case isStatus && (len(sts) == 1 || h.Level > 0) && nameIsCode(name, st) && !w.ownErrors(i) && !childHeading:
		// "INVALID_TOKEN (401)" over prose: a code with its own status; "502 / 503 —
		// UPSTREAM_DOWN", a code under each status (moreStatuses, when it closes).
		o.kind, o.status = hCode, st
		if len(sts) > 1 {
			o.statuses = sts
		}
		if h.Level == 0 {
			o.deferred, o.code = true, name
			break
		}
		o.entry = w.newEntry(name, o.pos, st)
	case isStatus:
		o.kind, o.status, o.statuses = hGroup, st, sts
	case parent != nil && (parent.kind == hCode || parent.kind == hPart) && parent.entry != nil && headerRole(h.Text) != roleUnknown && !codeLike(w.headingCode(h)):
		o.kind, o.entry, o.role = hPart, parent.entry, headerRole(h.Text)
	case lineStatus != 0 && (childHeading || w.ownErrors(i)):
		o.kind, o.status = hGroup, lineStatus
	case childCode:
		o.kind = hGroup
	case h.Level == 0 && lineStatus == 0 && message != "" && spacedHeadingCode(code, message) && !w.ownErrors(i):
		// A line of copied text that gives a code and its message, and maybe its status
		// ("E1001 - Invalid token (401)"): an entry of its own; lines of text under it
		// are its description.
		st := catalog.Status(0)
		if s, name, ok := statusHeading(message); ok && name != "" && s.IsValid() {
			st, message = s, name
		} else if s, rest := listItemStatus(message); s != 0 {
			st, message = s, rest // "E1001 (400): Invalid parameter"
		}
		o.kind, o.status = hCode, st
		o.entry = w.newEntry(code, o.pos, st)
		o.entry.Message = message
	case h.Level == 0 && lineStatus == 0 && codeHeading(h.Text) && !w.ownErrors(i) && !w.parameterHeading(i):
		// A line of copied text written like a code is a code when text stands under it;
		// the entry is made when the heading closes.
		o.kind, o.deferred, o.code = hCode, true, cleanCode(h.Text)
	case (h.Level > 0 || lineStatus != 0) && isToken(code) && !sectionWord(code) && !w.ownErrors(i) && (lineStatus != 0 || codeLike(code) || (parent != nil && parent.kind == hGroup && isASCII(code))) && !w.parameterHeading(i):
		// Under a group, a heading of one word is a code when it is written in ASCII:
		// "在庫を確認した結果の異常" is a heading of prose with no spaces.
		own := lineStatus
		if s, name, ok := statusHeading(message); ok && own == 0 && s.IsValid() && (name == "" || isReason(s, name)) {
			// "INVALID_TOKEN · 401", "QUOTA_EXCEEDED — 429 Too Many Requests": what
			// follows the code is its status, not a message.
			own, message = s, ""
		} else if s, rest := listItemStatus(message); s != 0 && own == 0 {
			own, message = s, rest // "E1001 (400): Invalid parameter", as a list item writes it
		}
		o.kind, o.status = hCode, lineStatus
		o.entry = w.newEntry(code, o.pos, own)
		o.entry.Message = message
		if lineStatus != 0 && (parent == nil || parent.kind == hTitle) && w.statusGroups {
			// A code with its own "status NNN" line among status groups of codes is a
			// group of its own ("## NotImplemented" + "status 501" beside "## 400 …").
			o.entry.Group = h.Text
		}
	case lineStatus != 0:
		o.kind, o.status = hGroup, lineStatus
	default:
		o.kind = hSection
	}
	if o.kind == hCode && o.entry != nil {
		w.doc.codeDecor(o.entry, h.Text)
	}
	used := lineStatus != 0 && o.status == lineStatus
	switch {
	case used && o.kind == hCode && o.entry != nil:
		// A code's text reads its status line as its first line (statusLead): the
		// status, and the message or the remark after it.
		o.body = append(o.body, para)
	case used && rest != "":
		o.body = append(o.body, rest)
	}
	w.stack = append(w.stack, o)
	return used
}

// reOperationLine matches a line that is an HTTP method and a path, as an API reference
// writes an operation under its name: "GET /orders/{id}", "`POST` `/v1/orders`",
// "**DELETE** https://api.example.com/v1/items/{id}".
var reOperationLine = regexp.MustCompile(`^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?://|/)\S*$`)

// operationLine reports whether line, its Markdown marks left out, is an HTTP method and a
// path, nothing else.
func operationLine(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) > 512 || len(line) < 5 {
		return false
	}
	if t := strings.TrimLeft(line, "`*> "); t == "" || strings.IndexByte("GPDHO", t[0]) < 0 {
		return false // most lines: no method first
	}
	line = strings.Map(func(r rune) rune {
		if r == '`' || r == '*' || r == '>' {
			return -1
		}
		return r
	}, line)
	return reOperationLine.MatchString(strings.TrimSpace(line))
}

// operationHeading reports whether heading i names an operation of an API reference, not
// a code ("## getOrder"): the heading is no status and not written in capitals as most
// codes are, the first block under it is a line of an HTTP method and a path, and the
// headings of an operation's parts ("Parameters", "Responses") stand deeper under it. A
// code's heading over the endpoint that returns it ("## ORDER_NOT_FOUND" over "GET
// /orders/{id}" and "### Example") is a code.
func (w *treeWalker) operationHeading(i int) bool {
	k := int(w.nextHeading[i])
	if i+1 >= k || k >= len(w.blocks) || w.level[k] <= w.level[i] {
		return false
	}
	var first string
	switch b := w.blocks[i+1].(type) {
	case *doc.Para:
		first = firstLine(b.Text)
	case *doc.Code:
		first = firstLine(b.Text)
	default:
		return false
	}
	h := w.blocks[i].(*doc.Heading)
	if !operationLine(first) || strings.ToUpper(h.Text) == h.Text {
		return false
	}
	if _, _, ok := headingStatuses(h.Text); ok {
		return false
	}
	// Its parts: the headings right under it, the first few.
	for n := 0; k < len(w.blocks) && w.level[k] > w.level[i] && n < 16; n++ {
		if t := w.blocks[k].(*doc.Heading).Text; responsesTitle(t) || operationPartTitle(t) {
			return true
		}
		k = int(w.nextHeading[k])
	}
	return false
}

// operationPartWords are the folded titles of the parts of an operation's reference
// besides its responses (responsesWords).
var operationPartWords = map[string]bool{
	"parameters": true, "pathparameters": true, "queryparameters": true, "headerparameters": true,
	"headers": true, "request": true, "requestbody": true, "body": true, "requestparameters": true,
	"요청": true, "요청파라미터": true, "파라미터": true, "요청본문": true, "リクエスト": true, "パラメータ": true,
	"リクエストパラメータ": true, "请求": true, "请求参数": true, "参数": true, "請求參數": true,
}

// operationPartTitle reports whether a heading titles a part of an operation's reference
// other than its responses: its parameters, headers or request body.
func operationPartTitle(t string) bool { return operationPartWords[foldHeader(t)] }

// responsesWords are the folded titles of the part of an operation's reference that
// lists what it answers (operationHeading).
var responsesWords = map[string]bool{
	"responses": true, "response": true, "errors": true, "errorresponses": true, "errorcodes": true,
	"responsecodes": true, "statuscodes": true, "응답": true, "응답코드": true, "오류": true, "오류코드": true,
	"에러코드": true, "レスポンス": true, "エラー": true, "エラーコード": true, "响应": true, "错误码": true,
	"回應": true, "錯誤碼": true,
}

// responsesTitle reports whether a heading titles the responses or errors of an operation.
func responsesTitle(t string) bool { return responsesWords[foldHeader(t)] }

// parameterHeading reports whether the text under heading i, up to the next heading,
// describes a parameter or a field, not an error: a "Type:" line and a "Required:" line
// ("X-Amz-Date" + "Type: string" + "Required: No"), as a parameter table has a type and
// a required column, and no status line. The blocks are read once, for a heading written
// like a code.
func (w *treeWalker) parameterHeading(i int) bool {
	typed, required := false, false
	for k := i + 1; k < int(w.nextHeading[i]); k++ {
		var text string
		switch b := w.blocks[k].(type) {
		case *doc.Para:
			text = b.Text
		case *doc.List:
			text = b.Text
		default:
			continue
		}
		for line := range strings.Lines(text) {
			line = strings.TrimSpace(line)
			if !strings.ContainsAny(line, ":：") && !strings.Contains(line, "HTTP") {
				continue // no label, no status line: prose
			}
			if l, ok := readLabel(line); ok && l.role == roleStatus {
				return false // "HTTP Status Code: 400": an error's
			}
			f, ok := fieldLabel(line)
			if !ok {
				continue
			}
			switch name := foldHeader(f.Name); {
			case typeHeaders[name]:
				typed = true
			case requiredHeader(f.Name):
				required = true
			}
		}
	}
	if typed && required {
		h := w.blocks[i].(*doc.Heading)
		w.doc.note(h.Pos, "heading %q: a parameter, not an error (type and required lines under it)", h.Text)
	}
	return typed && required
}

// inRanges reports whether i falls in one of the ranges [from, to), which are apart and
// in order.
func inRanges(rs [][2]int, i int) bool {
	k := sort.Search(len(rs), func(k int) bool { return rs[k][1] > i })
	return k < len(rs) && rs[k][0] <= i
}

// headingStatuses is statusesHeading for a heading that may write the code after its
// statuses in Markdown ("404 — `ORDER_NOT_FOUND`", "409 **LOCKED**"): the code's marks are
// dropped when what remains is a status heading whose name is a code.
func headingStatuses(text string) ([]catalog.Status, string, bool) {
	sts, name, ok := statusesHeading(text)
	if ok || !strings.ContainsAny(text, "`*_") || !hasStatusDigits(text) {
		return sts, name, ok
	}
	plain := strings.NewReplacer("`", "", "**", "", "__", "").Replace(text)
	if sts, name, ok := statusesHeading(plain); ok && codeLike(name) {
		return sts, name, true
	}
	return sts, name, ok
}

// tabLabels are the words a code sample's tab or fold is labelled with (a language, a
// platform, a tool), which are written like codes ("JavaScript", "PHP", "cURL") and are
// none.
var tabLabels = map[string]bool{
	"javascript": true, "typescript": true, "python": true, "java": true, "kotlin": true,
	"swift": true, "objectivec": true, "go": true, "golang": true, "ruby": true, "php": true,
	"csharp": true, "c#": true, "dotnet": true, ".net": true, "rust": true, "scala": true,
	"dart": true, "curl": true, "shell": true, "bash": true, "powershell": true, "node": true,
	"nodejs": true, "node.js": true, "ios": true, "android": true, "macos": true,
	"windows": true, "linux": true, "graphql": true, "json": true, "xml": true, "yaml": true,
	"http": true, "rest": true, "grpc": true, "sdk": true, "cli": true, "wget": true,
}

// tabLabel reports whether a heading or summary is the label of a code sample's tab.
func tabLabel(text string) bool {
	return tabLabels[strings.ToLower(strings.Trim(text, " `*_"))]
}

// codeFollows reports whether the block after block i is a heading written like a code.
func (w *treeWalker) codeFollows(i int) bool {
	if i+1 >= len(w.blocks) {
		return false
	}
	h, ok := w.blocks[i+1].(*doc.Heading)
	return ok && codeHeading(h.Text)
}

// newEntry starts the entry of a code heading; its text is filled when the heading
// closes.
func (w *treeWalker) newEntry(code string, pos catalog.Pos, own catalog.Status) *catalog.Entry {
	w.doc.note(pos, "heading: code %q", code)
	w.doc.Rows++
	w.errors = true
	e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: w.groupName(), Source: pos}
	ctx := w.context()
	if ctx.RPC || isJSONRPCCode(code) {
		e.Protocol = catalog.JSONRPC
	}
	heading := own
	if heading == 0 {
		heading = ctx.Status
	}
	if e.Protocol == catalog.JSONRPC {
		heading = 0
	}
	resolveStatus(e, 0, heading, &w.doc.Diags)
	w.doc.Entries = append(w.doc.Entries, e)
	for _, o := range w.stack {
		o.entries++
	}
	if w.underExamples() {
		w.doc.examples = append(w.doc.examples, e)
	}
	return e
}

// underExamples reports whether an open heading titles examples (examplesTitle), asked
// once a heading.
func (w *treeWalker) underExamples() bool {
	for _, o := range w.stack {
		if o.examples == 0 {
			o.examples = 1
			if o.kind != hCode && o.kind != hTitle && examplesTitle(o.text) {
				o.examples = 2
			}
		}
		if o.examples == 2 {
			return true
		}
	}
	return false
}

// examplesEnds are the folded endings of headings of examples: "Examples", "Error
// response examples", "응답 예시", "エラー例", "错误示例".
var examplesEnds = []string{"examples", "example", "samples", "sample", "예시", "예제", "サンプル", "例", "示例", "样例", "範例", "範例"}

// examplesTitle reports whether a heading titles examples.
func examplesTitle(t string) bool {
	if len(t) > 80 {
		return false
	}
	f := foldHeader(t)
	for _, w := range examplesEnds {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// mergeExamples folds the entries of code headings under a heading of examples into the
// entries of their codes elsewhere in the document: "## Examples" over "### ORDER_LOCKED"
// and a sample body shows an error listed above, and is that error's sample, not a second
// error. A status heading there ("### 404 Not Found") over a sample whose body names one
// code listed elsewhere is that code's sample. The sample joins the error's description;
// a status it gives fills one the error lacks. An example of a code listed nowhere else
// stays an entry.
func mergeExamples(d *Doc) {
	if len(d.examples) == 0 {
		return
	}
	ex := make(map[*catalog.Entry]bool, len(d.examples))
	for _, e := range d.examples {
		ex[e] = true
	}
	byCode := map[string][]*catalog.Entry{}
	for _, e := range d.Entries {
		if !ex[e] {
			byCode[e.Code] = append(byCode[e.Code], e)
		}
	}
	if len(byCode) == 0 {
		return
	}
	gone := map[*catalog.Entry]bool{}
	for _, e := range d.examples {
		targets := byCode[e.Code]
		if len(targets) == 0 && e.Status != 0 && e.Code == strconv.Itoa(int(e.Status)) {
			targets = namedCodes(e.Description, byCode)
		}
		if len(targets) != 1 || (e.Status != 0 && targets[0].Status != 0 && e.Status != targets[0].Status && e.Code == targets[0].Code) {
			continue
		}
		t := targets[0]
		if e.Description != "" && !strings.Contains(t.Description, e.Description) {
			t.Description = appendMarkdown(t.Description, e.Description)
		}
		if t.Status == 0 && e.Status != 0 {
			t.Status, t.From = e.Status, e.From
		}
		gone[e] = true
		d.note(e.Source, "heading %q under examples: a sample of %s (line %d), merged into it", e.Code, t.Code, t.Source.Line)
	}
	if len(gone) > 0 {
		d.Entries = slices.DeleteFunc(d.Entries, func(e *catalog.Entry) bool { return gone[e] })
		d.Merged += len(gone)
	}
}

// namedCodes returns the entries of byCode whose codes a sample names as quoted strings
// ("code": "ORDER_NOT_FOUND"), each once, in the sample's order; the first 64 strings are
// looked at.
func namedCodes(sample string, byCode map[string][]*catalog.Entry) []*catalog.Entry {
	var out []*catalog.Entry
	seen := map[string]bool{}
	for n := 0; n < 64; n++ {
		i := strings.IndexByte(sample, '"')
		if i < 0 {
			break
		}
		j := strings.IndexByte(sample[i+1:], '"')
		if j < 0 {
			break
		}
		s := sample[i+1 : i+1+j]
		sample = sample[i+j+2:]
		if ts := byCode[s]; len(ts) == 1 && !seen[s] {
			seen[s] = true
			out = append(out, ts[0])
		}
	}
	return out
}

// context returns what the open headings say about the rows below them.
func (w *treeWalker) context() tableContext {
	var ctx tableContext
	for i := len(w.stack) - 1; i >= 0; i-- {
		o := w.stack[i]
		if ctx.Status == 0 && o.status != 0 && o.kind == hGroup {
			ctx.Status = o.status
		}
		if o.rpc == 0 { // asked once a heading: its text may be long, and asked a list
			o.rpc = 1
			if strings.Contains(strings.ToUpper(o.text), "JSON-RPC") {
				o.rpc = 2
			}
		}
		if o.rpc == 2 {
			ctx.RPC = true
		}
	}
	ctx.Group = w.groupName()
	return ctx
}

// groupName returns the text of the innermost open group or section heading, "" under the
// title.
func (w *treeWalker) groupName() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].kind {
		case hGroup, hSection:
			if i > 0 && w.stack[i-1].operation && responsesTitle(w.stack[i].text) {
				return w.stack[i-1].text // "getOrder", not its "Responses"
			}
			return w.stack[i].text
		case hTitle:
			return ""
		}
	}
	return ""
}

// text adds Markdown to the innermost open heading, or to the summary.
func (w *treeWalker) text(s string) {
	if s == "" {
		return
	}
	if o := w.top(); o != nil && o.kind != hTitle {
		o.body = append(o.body, s)
		return
	}
	w.summary = append(w.summary, s)
}

// keyValueTable reads a table of two columns that names an entry's fields row by row
// ("HTTP status | 400", "Message | …"): under a code heading, its rows are labelled lines
// of that code; elsewhere, a table whose pairs include the code ("Code | E1001" as its
// header or a row) is one entry. Rows whose label names no field are kept as fields of
// the entry under their label. It reports whether it read t.
func (w *treeWalker) keyValueTable(t table, pos catalog.Pos) bool {
	kv, ok := keyValueLines(t)
	if !ok {
		return false
	}
	if o := w.top(); o != nil && o.kind == hCode && kv.code == "" {
		if o.entry == nil {
			return false // a code of copied text, made when it closes: the table stays text
		}
		if len(kv.lines) > 0 {
			o.body = append(o.body, strings.Join(kv.lines, "\n"))
		}
		o.entry.SetFields(append(o.entry.Fields(), kv.fields...))
		o.prose++
		w.doc.note(pos, "table of %d fields: the fields of the code above", len(kv.lines)+len(kv.fields))
		return true
	}
	if kv.code == "" {
		return false
	}
	et := readEntryText([]string{strings.Join(kv.lines, "\n")})
	st := ""
	if et.Status != 0 {
		st = strconv.Itoa(int(et.Status))
	}
	one := table{Header: []cell{{Text: "Code", Pos: pos}, {Text: "Status", Pos: pos}, {Text: "Message", Pos: pos},
		{Text: "Description", Pos: pos}, {Text: "Resolution", Pos: pos}},
		Rows: []tableRow{{Pos: pos, Cells: []cell{{Text: kv.code, Pos: pos}, {Text: st, Pos: pos},
			{Text: et.Message, Pos: pos}, {Text: et.Description, Pos: pos}, {Text: et.Resolution, Pos: pos}}}}}
	w.doc.note(pos, "table of %d fields: the entry %s", len(kv.lines)+len(kv.fields)+1, kv.code)
	n := len(w.doc.Entries)
	w.doc.addTable(one, w.context())
	for _, e := range w.doc.Entries[n:] {
		e.SetFields(slices.Concat(e.Fields(), kv.fields, et.Fields))
	}
	w.added(n)
	w.errors = true
	return true
}

// oneRowTable reads a table of one row right under a code's heading, whose header names
// the fields of an error and no code ("| Status | Message |" over "| 404 | No such
// employee. |"), as that code's labelled lines ("Status: 404", "Message: …"): a field
// whose header no vocabulary knows is a field of the entry.
func (w *treeWalker) oneRowTable(t table, pos catalog.Pos) bool {
	o := w.top()
	if o == nil || o.kind != hCode || o.entry == nil || len(t.Rows) != 1 || len(t.Header) < 2 || len(t.Header) > 8 {
		return false
	}
	roles, _, _ := classify(t)
	if hasRole(roles, roleCode) || hasRole(roles, roleStatusName) || !hasTextRole(roles) && !hasRole(roles, roleStatus) {
		return false
	}
	var lines []string
	var fields []catalog.Field
	row := t.Rows[0]
	for i, h := range t.Header {
		if i >= len(row.Cells) {
			break
		}
		v := strings.TrimSpace(row.Cells[i].Text)
		if v == "" || emptyMeaning(v) {
			continue
		}
		switch r := roles[i]; {
		case r == roleStatus || r == roleMessage || r == roleDescription || r == roleResolution:
			lines = append(lines, strings.TrimSpace(h.Text)+": "+strings.ReplaceAll(v, "\n", " "))
		default:
			fields = append(fields, catalog.Field{Name: strings.TrimSpace(h.Text), Value: v})
		}
	}
	if len(lines) == 0 {
		return false
	}
	o.body = append(o.body, strings.Join(lines, "\n"))
	o.entry.SetFields(append(o.entry.Fields(), fields...))
	o.prose++
	w.doc.note(pos, "table of one row: the fields of the code above")
	return true
}

// keyValueCode reports whether t is a table of fields of one entry that names its code.
func keyValueCode(t table) bool {
	kv, ok := keyValueLines(t)
	return ok && kv.code != ""
}

// keyValue is what a table of an entry's fields gives: labelled lines of the fields
// readEntryText knows ("HTTP status: 400"), other pairs as fields, and the code.
type keyValue struct {
	lines  []string
	fields []catalog.Field
	code   string
}

// kvValueHeaders are the words of a header over the values of a table of fields.
var kvValueHeaders = map[string]bool{"value": true, "values": true, "값": true, "내용": true, "値": true,
	"内容": true, "值": true, "details": true, "detail": true}

// typeNames are the words of a column of data types: a table of them documents fields.
var typeNames = map[string]bool{"string": true, "integer": true, "int": true, "number": true, "boolean": true,
	"bool": true, "object": true, "array": true, "float": true, "double": true, "long": true, "null": true,
	"문자열": true, "숫자": true, "文字列": true, "数値": true, "字符串": true, "整数": true}

// keyValueLines reads a table of two columns whose first column names an entry's fields,
// and whose header is either such a pair itself ("Code | E1001") or names the columns as
// names and values ("Property | Value", "항목 | 값", or no text). Two pairs or more must
// name known fields, and two thirds of them; a table whose values are data types
// ("Field | Type" over "code | string") documents a response's fields, and is not read.
func keyValueLines(t table) (keyValue, bool) {
	var kv keyValue
	if len(t.Header) != 2 || len(t.Rows) == 0 {
		return kv, false
	}
	pairs := t.Rows
	h0, h1 := strings.TrimSpace(plainOf(t.Header[0])), strings.TrimSpace(plainOf(t.Header[1]))
	switch r, strong := headerWordRole(h0); {
	case r != roleUnknown && strong && h1 != "" && headerRole(h1) == roleUnknown && !isHeaderWord(foldHeader(h1)) && !kvValueHeaders[foldHeader(h1)]:
		pairs = append([]tableRow{{Pos: t.Header[0].Pos, Cells: t.Header}}, pairs...)
	case h1 != "" && !kvValueHeaders[foldHeader(h1)]:
		return kv, false
	}
	labelled, types := 0, 0
	for _, p := range pairs {
		if len(p.Cells) != 2 {
			return kv, false
		}
		label, value := strings.TrimSpace(plainOf(p.Cells[0])), strings.TrimSpace(p.Cells[1].Text)
		if typeNames[strings.ToLower(strings.Trim(value, "`*"))] {
			types++
		}
		r, strong := headerWordRole(label)
		if r == roleUnknown || !strong || strings.ContainsAny(label, ":：") {
			if label != "" || value != "" {
				kv.fields = append(kv.fields, catalog.Field{Name: label, Value: value})
			}
			continue
		}
		labelled++
		if r == roleCode {
			if c := cleanCode(value); isToken(c) && codeLike(c) && kv.code == "" {
				kv.code = c
				continue
			}
		}
		kv.lines = append(kv.lines, label+": "+value)
	}
	if labelled < 2 || labelled*3 < len(pairs)*2 || types*2 >= len(pairs) {
		return kv, false
	}
	return kv, true
}

// closeTo closes the open headings at level or deeper (all of them for level 0).
func (w *treeWalker) closeTo(level int) {
	for len(w.stack) > 0 && w.top().level >= level {
		o := w.top()
		w.stack = w.stack[:len(w.stack)-1]
		w.close(o)
	}
}

// close stores what a heading collected.
func (w *treeWalker) close(o *open) {
	if o.deferred {
		if o.prose == 0 {
			// Nothing under it but code samples, or nothing at all: a caption or a
			// title, not a code.
			o.kind = hSection
		} else {
			o.entry = w.newEntry(o.code, o.pos, o.status)
			w.doc.codeDecor(o.entry, o.text)
			w.doc.note(o.pos, "heading %q: a code, with the text under it", o.text)
		}
	}
	if o.kind == hGroup && len(o.statuses) > 0 && o.entries == 0 && o.tables == 0 {
		if body := trimBlankLines(strings.Join(o.body, "\n\n")); body != "" {
			w.statusEntries(o, body)
			return
		}
	}
	if body := w.doc.closeHeading(o); o.kind == hSection {
		w.responseFormat(o, body)
	}
	if (o.kind == hGroup || o.kind == hCode) && len(o.statuses) > 1 && len(w.doc.Entries) > o.first {
		w.moreStatuses(o)
	}
	if o.status != 0 {
		// A heading with a status of its own under one of several: its entries' status is
		// its own, not the first of the outer heading's. Only the outermost such heading
		// under it is recorded, so that the ranges are apart and in order.
		for k := len(w.stack) - 1; k >= 0; k-- {
			if a := w.stack[k]; len(a.statuses) > 1 {
				a.nested = append(a.nested, [2]int{o.first, len(w.doc.Entries)})
				break
			} else if a.status != 0 {
				break
			}
		}
	}
}

// moreStatuses gives the codes under a heading that lists several statuses ("502, 503
// Upstream") an entry under each: the codes read under it have the first as their
// status, and a code whose status is the heading's has each of the others as well, as a
// status cell that lists several gives ("400 / 422"). The copies follow the group's
// entries, a status after another; each counts as a row read, so that rows = entries +
// dropped + merged holds.
func (w *treeWalker) moreStatuses(o *open) {
	under := w.doc.Entries[o.first:]
	n := len(w.doc.Entries)
	for _, st := range o.statuses[1:] {
		for k, e := range under {
			if e.Status != o.status || e.From != catalog.FromHeading || inRanges(o.nested, o.first+k) {
				continue // a status of its own, or of a heading under this one
			}
			w.doc.Rows++
			c := *e
			c.Status = st
			c.SetFields(slices.Clone(e.Fields()))
			w.doc.Entries = append(w.doc.Entries, &c)
		}
	}
	if added := len(w.doc.Entries) - n; added > 0 {
		w.doc.note(o.pos, "heading %q: %d codes under it, each also under status %v", o.text, added/(len(o.statuses)-1), o.statuses[1:])
		w.added(n)
	}
}

// statusEntries makes entries of a status heading that has text but no codes under it
// ("404 Not Found" + a paragraph): one per status it lists, the status as the code.
func (w *treeWalker) statusEntries(o *open, body string) {
	_, name, _ := statusesHeading(o.text)
	et := readEntryText(strings.Split(body, "\n\n"))
	w.doc.note(o.pos, "heading %q: a status with text and no codes under it, an entry of its own", o.text)
	n := len(w.doc.Entries)
	for _, st := range o.statuses {
		w.doc.Rows++
		e := &catalog.Entry{Code: strconv.Itoa(int(st)), Protocol: catalog.HTTP, Source: o.pos,
			Message: name, Description: et.Description, Resolution: et.Resolution}
		e.SetFields(slices.Clone(et.Fields))
		if e.Message == "" {
			e.Message = et.Message
		}
		resolveStatus(e, 0, st, &w.doc.Diags)
		w.doc.Entries = append(w.doc.Entries, e)
		if w.underExamples() {
			w.doc.examples = append(w.doc.examples, e)
		}
	}
	w.added(n)
}

// responseFormat takes the first code block of a closed section about the error response
// format as the service's error body when no sample documents one (an XML sample gives an
// example, without a schema). Samples (JSON, typed descriptions) are read at the end.
func (w *treeWalker) responseFormat(o *open, body string) {
	if w.doc.ResponseFormat != nil || !isResponseFormatTitle(o.text) || len(w.samples) > 0 {
		return // samples of the body are read when the document ends
	}
	if blocks := fencedCode(body); len(blocks) > 0 {
		w.doc.ResponseFormat = &catalog.ResponseFormat{Example: blocks[0], Source: o.pos}
	}
}

// underResponseFormat reports whether an open heading announces the response format.
func (w *treeWalker) underResponseFormat() bool {
	for _, o := range w.stack {
		if isResponseFormatTitle(o.text) {
			return true
		}
	}
	return false
}

// code keeps a code sample as a sample of the error body when it documents one (before
// the first error, or under a heading about the response format: it becomes the
// service's response format), else in the text: client code is documentation too.
func (w *treeWalker) code(b *doc.Code) {
	if w.codeBlockList(b) {
		return
	}
	if o := w.top(); o != nil {
		o.blocks++
		if _, ok := bodyMessage(b.Text); ok {
			o.prose++ // an error body with its message
		}
	}
	underCode := false
	for _, o := range w.stack {
		underCode = underCode || o.kind == hCode || o.kind == hPart
	}
	if looksLikeBody(b.Text) && ((!w.errors && !underCode) || w.underResponseFormat()) {
		caption := b.Caption
		if o := w.top(); caption == "" && o != nil && o.kind == hSection {
			caption = o.text
		}
		w.samples = append(w.samples, codeSample{Text: b.Text, Pos: b.Pos, Caption: caption})
		return
	}
	if b.Markdown != "" {
		w.text(b.Markdown)
		return
	}
	if b.Text == "" {
		return
	}
	fence := "```"
	for strings.Contains(b.Text, fence) {
		fence += "`"
	}
	lang := b.Lang
	if _, ok := bodyMessage(b.Text); ok && lang == "" {
		lang = "json"
	}
	w.text(fence + lang + "\n" + b.Text + "\n" + fence)
}

// codeBlockList reads a code block of plain text under a section heading whose lines each
// give a code and its text ("20001: 用户不存在") as the same lines outside a fence are read:
// a list of codes. Samples in a language (JSON, shell, YAML) stay samples.
func (w *treeWalker) codeBlockList(b *doc.Code) bool {
	o := w.top()
	if o == nil || o.kind == hCode || o.kind == hPart || o.history {
		return false
	}
	lines := codeBlockLines(b.Lang, b.Text)
	if lines == nil {
		return false
	}
	pos := b.Pos
	if w.src != nil && !strings.Contains(string(w.src.Line(pos.Line)), firstLine(lines[0].text)) {
		pos = catalog.Pos{File: pos.File, Line: pos.Line + 1, Col: 1} // the line after the fence
	}
	items := lineItems(w.src, pos, lines)
	if settingsList(o.settings, items) {
		return false
	}
	n := len(w.doc.Entries)
	if !w.doc.addCodeList(items, w.context()) {
		return false
	}
	w.doc.note(b.Pos, "code block of %d lines: each a code and its text", len(lines))
	w.added(n)
	w.errors = true
	return true
}

// codeBlockLines returns the codes' lines of a code block of plain text (no language, or
// "text") whose lines each give a code and its text, else nil.
func codeBlockLines(lang, text string) []codeLine {
	switch strings.ToLower(lang) {
	case "", "text", "txt", "plain", "plaintext":
	default:
		return nil
	}
	lines := paraCodeLines(text)
	if lines == nil || !codeListOK(lineItems(nil, catalog.Pos{}, lines)) {
		return nil
	}
	// In a fence, only numbered codes ("20001: …", "E1001 - …"): names before a colon
	// are what samples hold too (settings "DATABASE_URL: …", log lines "WARN: …").
	for _, l := range lines {
		head, _, _ := strings.Cut(l.text, "\n")
		if i := strings.IndexAny(head, ":：\t"); i >= 0 {
			head = head[:i]
		}
		if i := strings.Index(head, " - "); i >= 0 {
			head = head[:i]
		}
		if !strings.ContainsAny(head, "0123456789０１２３４５６７８９") {
			return nil
		}
	}
	return lines
}

// tableOf returns b as the interpreter reads it, made once: cells of code, status and
// message columns in plain text, the others as Markdown. Only the cells that have a plain
// text of their own (HTML's) are copied. A table given with no header whose first row
// names a code column ("Code | HTTP status | Message") has that row as its header, as an
// HTML table of <td> cells has.
func (w *treeWalker) tableOf(b *doc.Table) table {
	if t, ok := w.tables[b]; ok {
		return t
	}
	header, body := b.Header, b.Rows
	if len(header) == 0 && len(body) >= 2 {
		texts := make([]string, len(body[0].Cells))
		for i, c := range body[0].Cells {
			texts[i] = plainOf(c)
		}
		if hasRole(columnRoles(texts), roleCode) {
			header, body = body[0].Cells, body[1:]
		}
	}
	t := table{src: w.src, memo: &tableMemo{}, Header: header, Rows: body, copied: b.Copied}
	if m, ok := b.Judged.(*tableMemo); ok && m != nil {
		t.memo = m // judged before, on these very cells
	}
	if hasPlain(header) {
		t.Header = make([]cell, len(header))
		for i, c := range header {
			t.Header[i] = cell{Text: plainOf(c), Pos: c.Pos}
		}
	}
	var roles []role
	for i, r := range body {
		if !hasPlain(r.Cells) {
			continue
		}
		if roles == nil {
			roles = columnRoles(cellTexts(t.Header))
			t.Rows = append([]tableRow(nil), body...)
			t.memo = &tableMemo{} // other cells than were judged
		}
		cells := make([]cell, len(r.Cells))
		for j, c := range r.Cells {
			cells[j] = cell{Text: c.Text, Pos: c.Pos}
			if j < len(roles) && (roles[j] == roleCode || roles[j] == roleStatus || roles[j] == roleMessage) &&
				!(roles[j] == roleCode && strings.HasPrefix(c.Text, "[") && strings.Contains(c.Text, "](#")) &&
				!(roles[j] == roleCode && cellCodes(c.Text) != nil) {
				// A code that links into the page stays a link: the row of an index
				// table, merged into the section it links to (mergeLinkedRows). Codes
				// written as code spans ("<code>A</code><br><code>B</code>") stay
				// spans: so they are read as codes, not a code and its message.
				cells[j].Text = plainOf(c)
			}
		}
		t.Rows[i].Cells = cells
	}
	if h, ok := secondHeaderRow(t); ok {
		t.Header, t.Rows, t.memo = h, t.Rows[1:], &tableMemo{}
		w.doc.note(body[0].Pos, "table row: the header's second row (%s)", strings.Join(cellTexts(h), " | "))
	}
	if w.tables == nil {
		w.tables = map[*doc.Table]table{}
	}
	w.tables[b] = t
	return t
}

// secondHeaderRow returns t's header joined with its first row, column by column, when
// that row is the header's second. Markdown has one header row, so a header of two is
// written with the second as the first row, under a header whose merged cells a copy
// leaves empty or writes twice ("| 구분 | 오류 | | 설명 |" over "| | 코드 | 상태 | |",
// "| 错误码 | 错误描述 | 错误描述 |" over "| | 中文 | English |"). It is so when, in that
// row, a cell under a merged column says what part of it the column is (a short text,
// no code) and every other cell with text is a header word, and the joined header gives
// no fewer columns a role.
func secondHeaderRow(t table) ([]cell, bool) {
	if len(t.Rows) < 2 || len(t.Roles) > 0 || len(t.Rows[0].Cells) != len(t.Header) {
		return nil, false
	}
	merged := func(i int) bool {
		h := t.Header
		return strings.TrimSpace(h[i].Text) == "" || (i > 0 && h[i].Text == h[i-1].Text) || (i+1 < len(h) && h[i].Text == h[i+1].Text)
	}
	parts := 0
	for i, c := range t.Rows[0].Cells {
		x := strings.TrimSpace(c.Text)
		switch {
		case x == "":
		case merged(i):
			if runeLen(x) > 20 || len(strings.Fields(x)) > 3 || codeLike(cleanCode(x)) {
				return nil, false
			}
			parts++
		case headerRole(x) == roleUnknown:
			return nil, false
		}
	}
	if parts == 0 {
		return nil, false
	}
	h := make([]cell, len(t.Header))
	for i, c := range t.Header {
		h[i] = c
		if x := t.Rows[0].Cells[i]; x.Text != "" {
			h[i].Text = strings.TrimSpace(c.Text + " " + x.Text)
			if c.Text == "" {
				h[i].Pos = x.Pos
			}
		}
	}
	if knownRoles(columnRoles(cellTexts(h))) < knownRoles(columnRoles(cellTexts(t.Header))) {
		return nil, false
	}
	return h, true
}

// knownRoles counts the roles that are known.
func knownRoles(roles []role) int {
	n := 0
	for _, r := range roles {
		if r != roleUnknown {
			n++
		}
	}
	return n
}

// hasPlain reports whether a cell of a row has a plain text of its own.
func hasPlain(cells []doc.Cell) bool {
	for _, c := range cells {
		if c.Plain != "" {
			return true
		}
	}
	return false
}

// plainOf returns a cell's plain text.
func plainOf(c doc.Cell) string {
	if c.Plain != "" {
		return c.Plain
	}
	return c.Text
}

// table reads an error table into entries; any other table is kept in the text.
func (w *treeWalker) table(b *doc.Table) {
	t := w.tableOf(b)
	if o := w.top(); o != nil {
		o.blocks++
	}
	for _, o := range w.stack {
		o.tables++
	}
	if len(t.Header) > 0 {
		w.doc.noteTable(t, b.Pos)
		if isGlossary(t) {
			w.glossaries++
		}
	}
	if w.keyValueTable(t, b.Pos) || w.oneRowTable(t, b.Pos) {
		return
	}
	history := false
	if o := w.top(); o != nil && o.history && len(t.Header) > 0 && w.errorTable(t) {
		// A table in a changelog names codes as it tells what changed (a migration
		// table, "Old code | New class | Status"): no codes documented.
		w.doc.note(b.Pos, "table under a changelog's heading (%q): changes, kept as text", o.text)
		history = true
	}
	if history || len(t.Header) == 0 || !w.errorTable(t) {
		switch {
		case b.Text != "":
			w.text(b.Text)
		case len(t.Header) > 0:
			w.text(gfmTable(t))
		case len(t.Rows) > 0:
			t.Header, t.Rows = t.Rows[0].Cells, t.Rows[1:]
			w.text(gfmTable(t))
		}
		return
	}
	ctx := w.context()
	if b.Caption != "" {
		ctx.Group = b.Caption
		if st, _, ok := statusHeading(b.Caption); ok {
			ctx.Status = st
		}
		if strings.Contains(strings.ToUpper(b.Caption), "JSON-RPC") {
			ctx.RPC = true
		}
	}
	n := len(w.doc.Entries)
	w.doc.addLabelledTable(t, ctx)
	if roles := t.roles(); len(w.doc.Entries)-n >= 2 {
		for i, r := range roles {
			// Only a code column whose header does not say so ("Type", given its role by
			// its cells) may list categories (categoryTables): the others cost nothing.
			if r == roleCode && i < len(t.Header) && headerRole(t.Header[i].Text) != roleCode {
				w.doc.tables = append(w.doc.tables, tableSpan{from: n, to: len(w.doc.Entries),
					codeHeader: t.Header[i].Text, title: ctx.Group, text: gfmTable(t), pos: b.Pos})
				break
			}
		}
	}
	if !isErrorTable(t) { // a status glossary read as the document's codes
		for _, e := range w.doc.Entries[n:] {
			if st, ok := statusCell(e.Code); ok && st.IsValid() && e.Status == 0 {
				e.Status, e.From = st, catalog.FromColumn
			}
		}
	}
	w.added(n)
	w.errors = true
}

// list reads a list whose every item is a code and its text into entries; any other list
// (under a code heading, every list) is kept in the text.
func (w *treeWalker) list(b *doc.List) {
	o := w.top()
	if o != nil {
		o.blocks++
	}
	texts := make([]string, len(b.Items))
	for i, it := range b.Items {
		texts[i] = it.Text
	}
	if isTOC(texts) {
		return // a table of contents: the headings it lists follow
	}
	if o != nil && o.history {
		w.text(listText(b)) // changes named in a changelog, no codes documented
		return
	}
	if o != nil && o.settings != 0 && settingsList(o.settings, listItems(b)) {
		w.doc.note(b.Pos, "list of names under a heading of settings (%q): settings, kept as text", o.text)
		w.text(listText(b))
		return
	}
	if text := listRecord(b); text != "" && (o == nil || (o.kind != hCode && o.kind != hPart)) {
		code, lines, _ := paraRecord(text)
		w.record(code, lines, b.Pos, "list")
		return
	}
	if o == nil || o.kind != hCode {
		n := len(w.doc.Entries)
		if w.doc.addCodeList(listItems(b), w.context()) {
			w.added(n)
			w.errors = true
			return
		}
		if w.codeGroups(b) {
			return // "- Authentication" over "  - `AUTH_MISSING` (401) — …"
		}
		w.nestedCodesLeftOut(b)
	}
	if o != nil {
		o.prose++ // a list of text under a code of copied text is its text, as a paragraph is
	}
	w.text(listText(b))
}

// listNotes reports whether the list at block i says more of codes the document has
// already given entries, and when apply is set adds what it says to them. Such a list
// ("What to do:" over "- BIL-1: ask for a new card") names every code of a list of codes
// (codeListOK) that already has an entry under the same heading, one entry or several
// with the same group, and gives no status; and either a label paragraph right before it
// names the field its text is ("What to do:", "원인:": that field), or the entries all
// have a status (the list's none would make the code documented twice). Its text goes
// to the field the label names, else to the description. Otherwise the list is read
// as any list is.
func (w *treeWalker) listNotes(i int, apply bool) bool {
	b, ok := w.blocks[i].(*doc.List)
	if !ok || len(b.Items) == 0 || len(w.doc.Entries) == 0 {
		return false
	}
	o := w.top()
	if o != nil && (o.kind == hCode || o.kind == hPart || o.history) {
		return false
	}
	items := listItems(b)
	if !codeListOK(items) || (o != nil && o.settings != 0 && settingsList(o.settings, items)) {
		return false
	}
	label := roleUnknown
	if i > 0 {
		if p, ok := w.blocks[i-1].(*doc.Para); ok {
			label = noteLabel(p)
		}
	}
	first := 0
	if o != nil {
		first = o.first
	}
	group := w.context().Group
	ix := &w.notesIx
	if ix.byCode == nil || ix.first != first || ix.group != group || ix.n > len(w.doc.Entries) {
		ix.first, ix.n, ix.group, ix.byCode = first, first, group, map[string]*catalog.Entry{}
	}
	for _, e := range w.doc.Entries[ix.n:] {
		if _, ok := ix.byCode[e.Code]; !ok && e.Group == group {
			ix.byCode[e.Code] = e
		}
	}
	ix.n = len(w.doc.Entries)
	byCode := ix.byCode
	targets := make([]*catalog.Entry, len(items))
	texts := make([]string, len(items))
	for k, it := range items {
		code, rest, _ := splitListCode(it.Text)
		e := byCode[code]
		if e == nil {
			return false
		}
		if st, _ := listItemStatus(rest); st != 0 {
			return false
		}
		if st, _ := trailingStatus(rest); st != 0 {
			return false
		}
		if label == roleUnknown && e.Status == 0 {
			return false
		}
		targets[k], texts[k] = e, strings.TrimSpace(rest)
	}
	if !apply {
		return true
	}
	for k, e := range targets {
		w.doc.Rows++
		w.doc.Merged++
		if label == roleResolution {
			e.Resolution = joinParas(e.Resolution, texts[k])
		} else {
			e.Description = joinParas(e.Description, texts[k])
		}
	}
	w.doc.note(items[0].Pos, "list of %d items: each says more of a code documented above", len(items))
	return true
}

// noteLabel returns the field a paragraph that labels the list below it names ("What to
// do:" the resolution, "Causes:" the description), or roleUnknown.
func noteLabel(p *doc.Para) role {
	t := strings.TrimSpace(p.Text)
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") || strings.Contains(t, "\n") {
		return roleUnknown
	}
	if r := headerRole(strings.TrimRight(t, ":：")); r == roleDescription || r == roleResolution {
		return r
	}
	return roleUnknown
}

// listText returns a list as Markdown: its source text, or its items with bullets.
func listText(b *doc.List) string {
	if b.Text != "" {
		return b.Text
	}
	var lines []string
	for k, it := range b.Items {
		bullet := "- "
		if b.Ordered {
			bullet = strconv.Itoa(k+1) + ". "
		}
		// The lines of an item after its first (a list nested in it, its next paragraph)
		// are indented under its text, so that they stay in it.
		text := strings.ReplaceAll(it.Text, "\n", "\n"+strings.Repeat(" ", len(bullet)))
		lines = append(lines, bullet+text)
	}
	return strings.Join(lines, "\n")
}

// settingsKind is how plainly a heading names a section of settings.
type settingsKind uint8

const (
	settingsNone   settingsKind = iota
	settingsWeak                // "Parameters", "Options", "Flags": also what error groups are named
	settingsStrong              // "Configuration", "Environment variables", "설정", "環境変数"
)

// settingsTitle says whether a heading names a section of settings: configuration,
// environment variables (strong), or options, flags, parameters (weak: an error list
// groups its codes under such names too), and names no errors or codes ("Configuration
// errors") nor what is wrong with them ("Invalid parameters", "잘못된 파라미터"). The
// names its lists begin with (`TQ_DATA_DIR` – where the files live) may be settings,
// written like codes: settingsList decides from the items.
func settingsTitle(t string) settingsKind {
	f := foldHeader(t)
	if f == "" || len(f) > 80 {
		return settingsNone
	}
	kind := settingsNone
	if slices.ContainsFunc(settingsStrongWords, func(k string) bool { return strings.HasSuffix(f, k) }) {
		kind = settingsStrong
	} else if slices.ContainsFunc(settingsWeakWords, func(k string) bool { return strings.HasSuffix(f, k) }) {
		kind = settingsWeak
	}
	if kind != settingsNone && errorsTitle(t) { // asked last: it splits the words
		return settingsNone
	}
	return kind
}

// errorsTitle reports whether a heading names errors or codes, or what is wrong.
func errorsTitle(t string) bool {
	if hasErrorAdjective(t) {
		return true
	}
	f := foldHeader(t)
	for _, k := range settingsNotWords {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}

// settingsList reports whether the items of a list (or lines) under a heading of
// settings of kind k are settings, not codes: none gives a status or has a name that
// says error (PARAM_MISSING, CFG_INVALID, E_FAILED); and under a weak heading, one of
// them says what its default is ("(default 8025)", "기본값", "デフォルト", "默认").
func settingsList(k settingsKind, items []listItemText) bool {
	if k == settingsNone {
		return false
	}
	defaults := false
	for _, it := range items {
		code, rest, ok := splitListCode(it.Text)
		if !ok {
			continue
		}
		if hasErrorAdjective(code) || hasStrictErrorWord(code) {
			return false
		}
		if st, _ := listItemStatus(rest); st != 0 {
			return false
		}
		if st, _ := trailingStatus(rest); st != 0 {
			return false
		}
		if !defaults {
			f := strings.ToLower(rest)
			defaults = slices.ContainsFunc(defaultWords, func(w string) bool { return strings.Contains(f, w) })
		}
	}
	return k == settingsStrong || defaults
}

// defaultWords are the words with which a setting's text gives its default.
var defaultWords = []string{"default", "기본값", "기본 값", "デフォルト", "既定", "默认", "預設", "缺省"}

// settingsStrongWords end the folded headings that plainly name a section of settings.
var settingsStrongWords = []string{
	"configuration", "configurations", "config", "settings", "environmentvariables", "envvars",
	"설정", "환경변수", "설정값", "환경설정",
	"設定", "環境変数", "設定項目",
	"配置", "配置项", "环境变量", "環境變數", "設定值",
}

// settingsWeakWords end the folded headings that name options, flags or parameters.
var settingsWeakWords = []string{
	"options", "variables", "parameters", "parameter", "params", "flags", "arguments",
	"옵션", "파라미터", "매개변수", "요청변수", "변수",
	"オプション", "パラメータ", "パラメーター", "引数",
	"选项", "参数", "變數", "選項", "參數",
}

// settingsNotWords are the folded words that make a heading more than a name of settings:
// it names errors or codes ("Configuration errors", "参数错误") or what is wrong with the
// settings ("잘못된 파라미터", "无效参数"; English adjectives are hasErrorAdjective's).
var settingsNotWords = []string{
	"error", "err", "fail", "exception", "code", "fault",
	"오류", "에러", "코드", "실패", "エラー", "コード", "失敗", "错误", "錯誤", "码", "碼", "失败",
	"잘못", "유효하지", "누락", "不正", "無効", "不足", "无效", "無效", "非法", "缺少", "缺失",
}

// releaseHeading reports whether a heading names a release by its date alone, maybe with
// its version: "2024-01-15", "[4.0.0] - 2024-01-15", "v3.6 (2024-05-01)". A date with
// words ("2023-05-01 — Maintenance window") names something else.
func releaseHeading(t string) bool {
	if len(t) > 60 || !strings.ContainsAny(t, "-/.") {
		return false
	}
	dated := false
	for _, word := range strings.Fields(t) {
		word = strings.Trim(word, "[]()`*_,")
		switch {
		case word == "" || word == "-" || word == "–" || word == "—" || word == "|":
		case isDate(word):
			dated = true
		case reVersion.MatchString(word) || reShortVersion.MatchString(word):
		default:
			return false
		}
	}
	return dated
}

// historyTitle reports whether a heading is a changelog's: "Changelog", "Release notes",
// "Version history", "What's new", "변경 이력", "更新履歴", "更新日志", maybe after the name of
// what changed and with a version or a date ("API changelog", "Release notes — v2.1
// (2024-03-02)", "What's new in 3.0"). The changelog's name must end the heading (or
// begin it, for "What's new in …"): a heading that only mentions one among other words
// ("Changelog Service API — error codes", "Release notes errors") names something else.
func historyTitle(t string) bool {
	if c := cleanCode(t); isToken(c) && strings.ContainsAny(c, "_0123456789") {
		return false // CHANGELOG_LOCKED is a code
	}
	// Every heading is asked: most name no changelog, and their words are not split.
	f0 := foldHeader(t)
	if !slices.ContainsFunc(historyStems, func(k string) bool { return strings.Contains(f0, k) }) {
		return false
	}
	var words []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()[]（）,，:：—–", r)
	}) {
		if reVersion.MatchString(w) || isDate(w) || yearLike(w) || reShortVersion.MatchString(w) || w == "-" {
			continue // "v2.1", "2024-03-02", "2024", "v3": when, not what
		}
		words = append(words, w)
	}
	f := foldHeader(strings.Join(words, " "))
	for _, k := range historyTitles {
		if strings.HasSuffix(f, k) || (k == "whatsnew" && strings.HasPrefix(f, k)) {
			return true
		}
	}
	for j := 1; j <= min(3, len(words)); j++ {
		if slices.Contains(historyTitles, foldHeader(strings.Join(words[:j], " "))) {
			end := strings.Index(t, words[j-1]) + len(words[j-1])
			return historyQualifier(t[end:])
		}
	}
	return false
}

// historyTitle's rest: what may follow a changelog's name that begins a heading and
// still leave it the changelog's, a phrase that says whose or since when ("for this
// page", "of the Payments API", "in v2", "— 2024", "(Payments API)"), unless it names
// errors ("Changelog for error codes" lists codes).
func historyQualifier(rest string) bool {
	rest = strings.TrimSpace(rest)
	f := foldHeader(rest)
	for _, noun := range []string{"error", "오류", "에러", "エラー", "错误", "錯誤"} {
		if strings.Contains(f, noun) {
			return false
		}
	}
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "-") ||
		strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ":") ||
		strings.HasPrefix(rest, "：") {
		return true
	}
	first, _, _ := strings.Cut(rest, " ")
	switch strings.ToLower(first) {
	case "for", "of", "in", "on", "since", "from", "to", "through", "until":
		return true
	}
	return false
}

// reShortVersion matches a version of one number: "v3", "V12".
var reShortVersion = regexp.MustCompile(`^[vV]\d+$`)

// historyTitles are the folded words of changelog headings.
var historyTitles = []string{
	"changelog", "releasenotes", "versionhistory", "revisionhistory", "whatsnew", "changehistory",
	"변경이력", "변경내역", "변경사항", "릴리스노트", "릴리즈노트", "업데이트내역",
	"更新履歴", "変更履歴", "改訂履歴", "リリースノート",
	"更新日志", "变更日志", "版本历史", "发布说明", "更新記錄", "變更日誌", "版本歷史",
}

// historyStems are the beginnings of historyTitles (five letters, within the first word
// of each, or two Korean, Japanese or Chinese characters): a heading whose folded text
// holds none names no changelog, whatever dates or versions stand between its words
// ("Release 2024 notes", "What's v2 new").
var historyStems = func() []string {
	var stems []string
	for _, k := range historyTitles {
		n := 5
		if k[0] >= utf8.RuneSelf {
			n = len(string([]rune(k)[:2]))
		}
		if stem := k[:min(n, len(k))]; !slices.Contains(stems, stem) {
			stems = append(stems, stem)
		}
	}
	return stems
}()

// listItems returns a list's items as the code-list reader takes them.
func listItems(b *doc.List) []listItemText {
	items := make([]listItemText, len(b.Items))
	for i, it := range b.Items {
		items[i] = listItemText{Text: it.Text, Pos: it.Pos}
	}
	return items
}

// dtCode splits a term into its code and the status written beside it: "INVALID_TOKEN
// (401)" gives INVALID_TOKEN and "401"; "INVALID_TOKEN" gives itself and "". paired says
// the list's terms give their codes' statuses beside them (pairedTerms): "wh_timeout 504"
// (a badge after the code), "504 wh_timeout" and "HTTP 504 · wh_timeout" give wh_timeout
// and "504".
func dtCode(term doc.Cell, paired bool) (code, status string) {
	text := plainOf(term)
	if paired {
		if code, st, ok := termStatus(term); ok {
			return code, strconv.Itoa(int(st))
		}
	}
	if st, name, ok := statusHeading(text); ok && name != "" && isToken(name) {
		return name, strconv.Itoa(int(st))
	}
	return cleanCode(text), ""
}

// pairedTerms reports whether a definition list's terms give their codes' statuses
// beside them ("wh_timeout 504", "E_LIMIT (429)"), judged as a table's code column is
// (colStats.statusCodes): the terms are a column of codes.
func pairedTerms(b *doc.DefList) bool {
	rows := make([]tableRow, 0, min(len(b.Items), classifySample))
	for _, it := range b.Items[:min(len(b.Items), classifySample)] {
		text := plainOf(it.Term)
		if _, _, ok := codeStatus(text); !ok && it.Term.Text != text {
			if _, _, ok := codeStatus(it.Term.Text); ok {
				text = it.Term.Text // "`wh_timeout`504": the code span sets the badge apart
			}
		}
		rows = append(rows, tableRow{Cells: []cell{{Text: text}}})
	}
	return columnStats(rows, 0).statusCodes()
}

// termStatus reads a term as a code and the status beside it (codeStatus): from its plain
// text, or from its Markdown, where a code span sets the code apart from a badge that the
// plain text glues to it ("wh_timeout504" is "`wh_timeout`504").
func termStatus(term doc.Cell) (string, catalog.Status, bool) {
	text := plainOf(term)
	if code, st, ok := codeStatus(text); ok || term.Text == text {
		return code, st, ok
	}
	return codeStatus(term.Text)
}

// defListHasCodes reports whether a definition list lists error codes: most of its terms
// are written like codes, or carry a status beside one token.
func defListHasCodes(b *doc.DefList) bool {
	if len(b.Items) == 0 {
		return false
	}
	paired := pairedTerms(b)
	// Whether a definition gives a status (givesStatus: a dozen expressions) is asked only
	// where the answer counts: for a term that is no code by its form, and for the
	// definitions that say no error in words when the terms are in lower case.
	codes, lower, errorish := 0, 0, 0
	var unsaid []int // the items no definition of which says an error in words
	for i, it := range b.Items {
		code, st := dtCode(it.Term, paired)
		said := false
		for _, d := range it.Defs {
			if saysError(d.Text) {
				said = true
				break
			}
		}
		switch {
		case codeLike(code) || isJSONRPCCode(code) || (st != "" && isToken(code)):
			codes++
		case isToken(code) && defGivesStatus(it):
			codes++ // a definition gives the term an HTTP status ("HTTP 429. …")
			said = true
		}
		if said {
			errorish++
		} else {
			unsaid = append(unsaid, i)
		}
		if st == "" && code == strings.ToLower(code) && !isInteger(code) {
			lower++
		}
	}
	if codes*2 <= len(b.Items) {
		return false
	}
	// Terms in lower case ("invalid_request", "get_body") name errors as often as
	// functions and options: such a list lists errors when its definitions say so.
	if lower*2 <= len(b.Items) {
		return true
	}
	for _, i := range unsaid {
		if errorish*2 >= len(b.Items) {
			break
		}
		if defGivesStatus(b.Items[i]) {
			errorish++
		}
	}
	return errorish*2 >= len(b.Items)
}

// defGivesStatus reports whether a definition of it gives an HTTP status (givesStatus).
func defGivesStatus(it doc.Def) bool {
	for _, d := range it.Defs {
		if givesStatus(d.Text) {
			return true
		}
	}
	return false
}

// givesStatus reports whether a text gives an HTTP status as its own: on a labelled first
// line ("HTTP 429. More than …", "Status: 404") or in a sentence (oneTextStatus).
func givesStatus(text string) bool {
	if l, ok := readLabel(firstLine(text)); ok && l.role == roleStatus {
		return true
	}
	_, ok := oneTextStatus(text)
	return ok
}

// errorSayings are words by which a text says something went wrong, in the four languages.
var errorSayings = []string{
	"error", "invalid", "fail", "not ", "n't", "denied", "missing", "expired", "exceed",
	"unauthori", "forbidden", "unavailable", "too many", "unable", "unknown", "wrong", "refused",
	"insufficient", "blocked", "unreachable",
	"오류", "에러", "실패", "없", "않", "만료", "초과", "거부", "잘못",
	"エラー", "失敗", "できません", "ません", "無効", "不正", "超過",
	"错误", "失败", "无效", "錯誤", "失敗", "無效", "不存在", "超过",
}

// saysError reports whether a text says something went wrong.
func saysError(text string) bool {
	t := strings.ToLower(text)
	for _, w := range errorSayings {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// defList reads a definition list of codes as a table of code, status and description, and
// one whose terms are labels ("Error code", "Status") as the records they write; any other
// list is kept in the text as "term: definition" lines.
func (w *treeWalker) defList(b *doc.DefList) {
	if o := w.top(); o == nil || (o.kind != hCode && o.kind != hPart) {
		if recs := defListRecords(b); recs != nil {
			for _, r := range recs {
				code, lines, _ := paraRecord(r.text)
				w.record(code, lines, r.pos, "definition list")
			}
			return
		}
	}
	if !defListHasCodes(b) {
		var lines []string
		for _, it := range b.Items {
			var defs []string
			for _, d := range it.Defs {
				defs = append(defs, d.Text)
			}
			// A term may end in its own colon ("HTTP status:", as Sphinx writes a field
			// list's): the line gets one.
			term := strings.TrimRight(strings.TrimSpace(it.Term.Text), ":：")
			lines = append(lines, "- "+term+": "+strings.Join(defs, " "))
		}
		if len(lines) > 0 {
			w.doc.note(b.Pos, "definition list of %d terms: kept as text, its terms are not codes", len(b.Items))
			w.text(strings.Join(lines, "\n"))
		}
		return
	}
	// The definitions are read as the text under a code heading is: labelled lines
	// ("対処：…", "Resolution: …", "Status: 404") go to their fields.
	pos := b.Pos
	t := table{Header: []cell{{Text: "Code", Pos: pos}, {Text: "Status", Pos: pos}, {Text: "Message", Pos: pos},
		{Text: "Description", Pos: pos}, {Text: "Resolution", Pos: pos}}}
	paired := pairedTerms(b)
	var fields map[catalog.Pos][]catalog.Field // a term's fields (entryText.Fields), by where it is
	for _, it := range b.Items {
		code, st := dtCode(it.Term, paired)
		var defs []string
		for _, d := range it.Defs {
			if d.Text != "" {
				defs = append(defs, d.Text)
			}
		}
		et := readEntryText(defs)
		if st == "" && et.Status != 0 {
			st = strconv.Itoa(int(et.Status))
		}
		p := it.Term.Pos
		if len(et.Fields) > 0 && fields[p] == nil {
			if fields == nil {
				fields = map[catalog.Pos][]catalog.Field{}
			}
			fields[p] = et.Fields
		}
		t.Rows = append(t.Rows, tableRow{Pos: p, Cells: []cell{{Text: code, Pos: p}, {Text: st, Pos: p},
			{Text: et.Message, Pos: p}, {Text: et.Description, Pos: p}, {Text: et.Resolution, Pos: p}}})
	}
	n := len(w.doc.Entries)
	w.doc.note(pos, "definition list of %d terms: codes and their text", len(b.Items))
	w.doc.addTable(t, w.context())
	for _, e := range w.doc.Entries[n:] {
		if fs := fields[e.Source]; fs != nil {
			e.SetFields(slices.Concat(e.Fields(), fs))
		}
	}
	w.added(n)
	w.errors = true
}

// reasonName reports whether the name beside a status is the status's reason phrase in
// some spelling ("BAD_REQUEST", "Bad Request", "NotFound"), which makes the heading a
// group of codes rather than a code.
// nameIsCode reports whether the name beside a status in a heading is a code: one token
// that is not the status's reason phrase, or is written as an identifier ("NOT_FOUND"
// beside 404 is a code; "Not Found" and "FORBIDDEN" are its reason).
func nameIsCode(name string, st catalog.Status) bool {
	return name != "" && isToken(name) && (strings.Contains(name, "_") || !reasonName(name, st))
}

func reasonName(name string, st catalog.Status) bool {
	reason := foldHeader(st.Reason())
	return reason != "" && foldHeader(name) == reason
}
