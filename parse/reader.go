// Package parse reads error documentation, in whatever shape it was written, into docgen's
// catalog model.
//
// Reading is two stages, as in pandoc (readers → one document tree → writers):
//
//	.md .mdx .html .txt (text copied from web pages) .rst .adoc .json .yaml .toml .csv
//	.proto .h .py .java .kt .ts
//	      │  front-ends: recover structure only, with positions; nothing about errors
//	      │    markdown.go, mdtable.go, mdguard.go   goldmark's AST, a large source
//	      │                                          in parts cut at proved headings
//	      │    mdx.go                                MDX: Markdown without imports and JSX
//	      │    html.go, html_text.go                 goquery; a large page in parts
//	      │    html_parts.go                         cut between body-level elements
//	      │    html_details.go                       <details> whose <summary> is a code;
//	      │                                          Confluence expand macros read alike
//	      │    html_status.go                        a status on a button, badge or tab
//	      │                                          over a table: that table's heading
//	      │    mdliquid.go                           GitBook's {% … %} tag lines
//	      │    scraped*.go                           text copied from HTML: pipe rows, lone
//	      │                                          pipes, one cell per line, tabs, glued
//	      │                                          cells, cells separated by spaces
//	      │    scraped_fixed.go                      fixed-width tables (PDFs, man pages):
//	      │                                          rules, wrapped cells, page breaks
//	      │    rst/        reStructuredText: titles, grid/simple/list/csv tables, definition
//	      │                and field lists, ".. c:macro:: NAME" directives
//	      │    asciidoc/   AsciiDoc: sections, |=== tables, "term::" lists
//	      │    data/       JSON, YAML, TOML: records (arrays or maps of objects, with the
//	      │                scalars beside them); OpenAPI: its error responses' example
//	      │                bodies as records; CSV: one table
//	      │    code/       protobuf, C enums and #defines, tab-separated code lists, Python
//	      │                Enum classes, exception classes and dict literals, Java/Kotlin/
//	      │                TypeScript enums, TypeScript and Java error classes and
//	      │                TypeScript error factories (classes.go, factories.go), Go
//	      │                constants, sentinels, struct tables and the switches that map
//	      │                them to statuses or codes: enums (members with values and
//	      │                comments), or records when constants take arguments
//	      │    formats.go  their Readers
//	      ▼
//	 package doc: the document tree. Headings (with a level, or none for a line of copied
//	 text), tables (caption, header, rows of cells), lists, definition lists, code
//	 samples, paragraphs, records (data files), enum members (code)
//	      │  the interpreter, one for every front-end
//	      │    tree.go       the walk: a stack of open headings, each the title, a group
//	      │                  of codes, a code, a part of a code ("Resolution") or a
//	      │                  section; each table, list and code section a namespace
//	      │    tree_formats.go  where records (data files) and enums (code) stand in the walk
//	      │    nestedlists.go  codes in a nested list under the category items that group them
//	      │    vocab.go      header words in Korean, English, Japanese and Chinese
//	      │    interpret.go  classify: column roles from header words and cells; error
//	      │                  list, status glossary, reference or parameter table; lists
//	      │                  of codes
//	      │    problemtypes.go  RFC 9457 problem types ("type" over URIs) as codes
//	      │    labelled.go   "Solution: …", "**HTTP Status**: 401", "HTTP 422", "【対処】…",
//	      │                  error bodies and example responses, platform admonitions
//	      │    footnotes.go  footnotes an error's cell refers to, into its description
//	      │    codemarks.go  what decorates a code and is no part of it: a pictograph
//	      │                  before it, a footnote mark after it, a strike through it;
//	      │                  ranges of codes, which are no code
//	      │    status.go     statuses from columns, cell prefixes, headings, lines, codes
//	      │    table.go      rows into entries; every row an entry or a diagnostic
//	      │    tablegroups.go  strong rows of an error table as group labels
//	      │    interpret_data.go  records (field roles from the header words) and enums
//	      │                  (member name = code; a docstring table joined on the values)
//	      │    records_lang.go, records_positional.go  records with a text per language
//	      │                  (translations); tuple items given roles by their values
//	      │    override.go   what docgen.yaml says that no heuristic can know
//	      ▼
//	 entries: code, status, message, description, resolution, group, fields, position
//
// A Source holds one normalized document (UTF-16 and legacy CJK encodings decoded, BOM and
// CRLF removed, NFC) and its line index. Detection asks every registered Reader how well
// it recognises the source and why; the best one (or the one docgen.yaml names) builds
// the source's tree and hands it to interpret, which makes a Doc: entries with their
// source positions, groups, sections, the documented response format, diagnostics, and
// notes on what was made of each block (docgen parse --verbose). Merging repeated codes
// into variants and giving entries IDs is the catalog package's work; rendering is
// package render's, which this package never imports.
//
// Where things go:
//   - a header word ("エラー内容", "处理建议"): headerWords in vocab.go, under its role; a
//     word that names a column but no role (a column of types, of names) in
//     extraHeaderWords; a word of a parameter or reference column in notErrorHeaders,
//     of a setting or limit column in settingsHeaders;
//   - a shape of table copied from web pages: a finder in scraped_table.go, scraped_fixed.go or
//     scraped_bare.go that returns a scrapedTable; the interpreter does the rest;
//   - a new input format: a front-end (a file, or a folder of its own once it grows) that
//     builds a doc.Document, and a Reader registered in an init function whose Read is
//     interpret(src, tree). A front-end never decides what an error is: a rule about
//     headings, tables or lists goes into tree.go, where every format gets it.
package parse

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/code"
)

// Doc is what a reader makes of one source.
type Doc struct {
	// ID is the service id the document gives itself (front matter "id:"); may be empty.
	ID             string
	Title          string // from front matter or the document's title heading; may be empty
	Summary        string // Markdown before the first section
	ResponseFormat *catalog.ResponseFormat
	Groups         []catalog.Group
	Sections       []catalog.Section
	// Translations are the service's text in its other languages: only docgen's own
	// catalog.json read back gives them (a document is in one language).
	Translations []catalog.ServiceText
	// Lang is the language the document says it is written in (docgen's catalog.json
	// does); empty when it does not say, and docgen.yaml or detection decides.
	Lang string
	// Entries are flat, in source order: a code documented twice is two entries here, and
	// catalog.Merge folds them into one with a variant.
	Entries []*catalog.Entry
	// Rows counts the table rows and code headings the reader saw; Dropped counts those that
	// became no entry and have an error diagnostic instead; Merged, the rows of an index
	// table whose text went into the section their code links to (mergeLinkedRows).
	// Rows == len(Entries) + Dropped + Merged.
	Rows, Dropped, Merged int
	// linked are the entries of table rows whose code is a link into the document
	// ("[E_AUTH](#e_auth)"), with the anchor each links to: maybe an index of codes
	// documented again in sections of their own (mergeLinkedRows).
	linked []linkedRow
	// examples are the entries of code headings under a heading of examples ("##
	// Examples" over "### ORDER_LOCKED" and its sample body): maybe samples of errors
	// the document lists elsewhere (mergeExamples).
	examples []*catalog.Entry
	// marks are the footnote marks written after entries' codes ("E101¹", "E102※2"),
	// which cleanCode leaves out of the codes, or at the end of other cells of their rows
	// ("404¹"): footnotes.go joins the notes they mark.
	marks []entryMark
	// kept is Markdown of the blocks just read that is no entry's and stays text where
	// the block stands (the walker writes it there): the rows and items that give a range
	// of codes ("1011–1099 | Reserved."; codeRange).
	kept []string
	// langOf is the language of entries read from a part of a data file that holds one
	// language of several ({"ko": {…}, "en": {…}}); Read makes the others translations.
	langOf map[*catalog.Entry]string
	Diags  catalog.Diagnostics
	// Notes say what the reader made of each block it judged: a table taken as an error
	// list or left as text and why, the role of each column, a heading or list read as
	// codes. docgen parse --verbose prints them.
	Notes []Note
	// quiet: no Notes are kept (Meta.Notes was not asked for).
	quiet bool
	// spans are the lines of the sections docgen.yaml names, as the headings that match
	// them give (sectionSpans); usedSections the section texts some heading matched, and
	// headings the first headings of the document, for the message when one matched none.
	spans        [][2]int
	usedSections []string
	headings     []string
	// tables are the spans of entries each error table gave (categoryTables).
	tables []tableSpan
}

// Note is what a reader made of one block of a source.
type Note struct {
	Pos  catalog.Pos
	Text string
}

// Detection is a reader's answer to "is this source yours?".
type Detection struct {
	// Score is 0 when the reader cannot read the source; higher is more certain.
	Score int
	Why   string // a short reason, shown by docgen parse --verbose
	// FormatOnly is set when the reader claims the source for its format alone (an HTML
	// page: no other reader reads one) and recognised nothing in it that lists errors. A
	// read of it that gives no entry is an error, as a source no reader recognises is,
	// not the no-codes warning of a source a reader took for what it saw in it.
	FormatOnly bool
}

// Reader reads one shape of source.
type Reader interface {
	Name() string
	Detect(src *Source) Detection
	Read(src *Source) *Doc
}

// registry holds the readers in the order detection asks them; on equal scores the earlier
// one wins.
var registry []Reader

// Register adds a reader to the registry. Readers register themselves in init functions.
func Register(r Reader) { registry = append(registry, r) }

// Readers returns the registered readers in detection order.
func Readers() []Reader { return append([]Reader(nil), registry...) }

// Candidate is one reader's detection of a source.
type Candidate struct {
	Reader    string
	Detection Detection
}

// Result is a source read into a service, with what detection decided and why.
type Result struct {
	Service    *catalog.Service
	Reader     string      // the chosen reader's name, "" when none recognised the source
	Candidates []Candidate // every reader's answer, in registry order
	Rows       int         // rows the reader saw
	Dropped    int         // rows that became a diagnostic instead of an entry
	Merged     int         // rows merged into an entry of their code: an index table's, notes on codes above
	Diags      catalog.Diagnostics
	Notes      []Note // what the reader made of each block it judged, in source order
}

// Meta is what the configuration says of a source; empty fields are filled from the source
// itself (ID from the file name, title from front matter or the first heading, language
// detected from the text).
type Meta struct {
	ID, Title, Lang string
	// Override is what docgen.yaml says of the source that no heuristic can know.
	Override Override
	// Notes asks for Result.Notes, what the reader made of each block (docgen parse
	// --verbose). Without it a read keeps none: they cost as much memory as the
	// entries of a terse source.
	Notes bool
}

// Detect returns the best reader for src (nil when none recognises it) and every reader's
// answer.
func Detect(src *Source) (Reader, []Candidate) {
	var best Reader
	bestScore := 0
	cands := make([]Candidate, 0, len(registry))
	for _, r := range registry {
		d := r.Detect(src)
		cands = append(cands, Candidate{Reader: r.Name(), Detection: d})
		if d.Score > bestScore {
			best, bestScore = r, d.Score
		}
	}
	return best, cands
}

// ReadContext is Read that stops when ctx is done: it returns ctx's error at once, and the
// readers, which check the context between lines and blocks, stop soon after. A source
// is read whole or not at all: a cancelled read gives no result.
func ReadContext(ctx context.Context, src *Source, meta Meta) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src.ctx = ctx
	done := make(chan *Result, 1)
	go func() { done <- Read(src, meta) }()
	select {
	case res := <-done:
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return res, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// cancelled reports whether the read of src has been cancelled (see ReadContext). Readers
// ask it between lines and blocks.
func (src *Source) cancelled() bool {
	return src.ctx != nil && src.ctx.Err() != nil
}

// Read detects src's shape, reads it with the best reader and assembles the service:
// repeated codes merged into variants, IDs assigned. A source that no reader recognises
// gives an empty service and one error diagnostic.
func Read(src *Source, meta Meta) *Result {
	res := &Result{}
	res.Diags = append(res.Diags, src.Diags...)
	src.notes = meta.Notes
	if !meta.Override.IsZero() {
		o := meta.Override
		src.over = &o
	}
	r, cands := Detect(src)
	if name := meta.Override.Reader; name != "" {
		for _, x := range registry {
			if x.Name() == name {
				r = x
			}
		}
	}
	var det Detection // the chosen reader's
	for _, c := range cands {
		if r != nil && c.Reader == r.Name() {
			det = c.Detection
		}
	}
	res.Candidates = cands
	svc := &catalog.Service{ID: meta.ID, Title: meta.Title, Lang: meta.Lang, Source: src.Path}
	if svc.ID == "" {
		svc.ID = ServiceID(src.Path)
	}
	res.Service = svc
	if r == nil {
		expected, saw := textShapes, seen(src)
		if lang := code.NamedLang(src.Path); lang != code.None {
			// Source code by its name: what the code reader looks for in it, and why it
			// found none, not the headings a text reader would have read.
			expected = "error codes in " + code.Shapes(lang)
			for _, c := range cands {
				if c.Reader == (codeReader{}).Name() {
					saw = c.Detection.Why
				}
			}
		}
		res.Diags.Add(catalog.Pos{File: src.Path, Line: 1, Col: 1}, catalog.Error, catalog.RuleUnrecognised,
			"no reader recognised this source (%s): %s", describe(src), unrecognised(expected, saw))
		if svc.Title == "" {
			svc.Title = svc.ID
		}
		if svc.Lang == "" {
			svc.Lang = DetectLang(src.Text)
		}
		// What the reader closest to the source's shape made of its blocks says why
		// nothing was taken (docgen parse --verbose).
		// They are wanted whatever Meta says; the scraped reader's read during detection
		// kept none.
		src.notes, src.scraped, src.html = true, nil, nil
		var closest Reader = scrapedReader{}
		switch {
		case looksLikeHTML(src):
			closest = htmlReader{}
		case mayBeMarkdown(src.Text):
			closest = markdownReader{}
		}
		res.Notes = closest.Read(src).Notes
		return res
	}
	res.Reader = r.Name()
	src.release(r.Name())
	doc := r.Read(src)
	if r.Name() == "markdown" {
		decodeEntities(doc) // Markdown keeps these fields as source text
	}
	applyOverride(src.Path, src.over, doc)
	unusedColumns(src, &doc.Diags)
	boundText(src, doc)
	if len(doc.Entries) == 0 {
		noEntries(src, meta, r, det, doc)
	} else if src.over == nil && textReader(r.Name()) && !saysErrors(doc) {
		doc.Diags.Add(catalog.Pos{File: src.Path, Line: 1, Col: 1}, catalog.Warning, catalog.RuleNotErrors,
			"nothing in this source says its %d codes are errors: none has an HTTP status, and no title, heading or text names an error or a failure; "+
				"if it lists something else (service levels, country codes), leave it out of the sources", len(doc.Entries))
	}
	if meta.ID == "" && strings.TrimSpace(doc.ID) != "" {
		svc.ID = catalog.Slug(doc.ID) // front matter "id:", when docgen.yaml gives none
	}
	res.Rows, res.Dropped, res.Merged = doc.Rows, doc.Dropped, doc.Merged
	res.Diags = append(res.Diags, doc.Diags...)
	if meta.Notes {
		res.Notes = doc.Notes
	}
	sort.SliceStable(res.Notes, func(i, j int) bool { return res.Notes[i].Pos.Line < res.Notes[j].Pos.Line })
	if svc.Title == "" {
		svc.Title = doc.Title
	}
	if svc.Title == "" {
		svc.Title = svc.ID
	}
	if svc.Lang == "" {
		svc.Lang = doc.Lang
	}
	if svc.Lang == "" {
		svc.Lang = DetectLang(src.Text)
	}
	svc.Summary = doc.Summary
	svc.ResponseFormat = doc.ResponseFormat
	svc.Groups = doc.Groups
	svc.Sections = doc.Sections
	svc.Translations = doc.Translations
	for _, e := range doc.Entries { // a language only entries name (a catalog of several services)
		for _, t := range append([]catalog.EntryText{{Lang: e.Lang()}}, e.Translations()...) {
			if t.Lang != "" && t.Lang != svc.Lang && svc.Translation(t.Lang) == nil {
				svc.Translations = append(svc.Translations, catalog.ServiceText{Lang: t.Lang, Title: svc.Title})
			}
		}
	}
	if len(doc.langOf) > 0 {
		// One file in several languages: each language's errors are a service, the
		// others translations of the first (or of the one docgen.yaml names).
		out, diags, merged := byLanguage(svc, doc, meta.Lang)
		res.Service, svc = out, out
		res.Diags = append(res.Diags, diags...)
		res.Merged += merged
	} else {
		svc.Entries = catalog.Merge(doc.Entries)
		catalog.AssignIDs(svc)
	}
	return res
}

// textShapes is what a text reader looks for, for unrecognised.
const textShapes = "error codes as headings, list items or a table with a code column"

// unrecognised says, for the message of a source in which nothing was recognised, what
// was expected, what was seen, and which docgen.yaml keys can tell docgen more.
func unrecognised(expected, saw string) string {
	return "expected " + expected + "; saw " + saw + ". " +
		"Tell docgen in docgen.yaml what it cannot guess: reader, columns, sections, codePattern, status (see the README)"
}

// describe names a source for a message about its whole content.
func describe(src *Source) string {
	if len(bytes.TrimSpace(src.Text)) == 0 {
		return "empty"
	}
	return fmt.Sprintf("%d lines", src.LineCount())
}

// byLanguage makes svc of doc's entries when they are in several languages
// (Doc.langOf): the entries of one language, the one meta names or else the first, are
// the service's, and those of each other language its translations, matched by code and
// status as the sources of one service in several languages are (catalog.Translate). It
// returns the service, what Translate found amiss, and how many rows became
// translations.
func byLanguage(svc *catalog.Service, doc *Doc, want string) (*catalog.Service, catalog.Diagnostics, int) {
	var langs []string
	parts := map[string][]*catalog.Entry{}
	for _, e := range doc.Entries {
		l := strings.ReplaceAll(doc.langOf[e], "_", "-")
		if l == "" {
			l = cmp.Or(want, svc.Lang)
		}
		if _, ok := parts[l]; !ok {
			langs = append(langs, l)
		}
		parts[l] = append(parts[l], e)
	}
	base := langs[0]
	if want != "" && parts[want] != nil {
		base = want
	}
	main := *svc
	main.Lang = base
	main.Entries = catalog.Merge(parts[base])
	catalog.AssignIDs(&main)
	rows := main.RowCount()
	var others []*catalog.Service
	for _, l := range langs {
		if l == base {
			continue
		}
		o := &catalog.Service{ID: svc.ID, Title: svc.Title, Lang: l, Source: svc.Source, Entries: catalog.Merge(parts[l])}
		catalog.AssignIDs(o)
		rows += o.RowCount()
		others = append(others, o)
	}
	out, diags := catalog.Translate(&main, others)
	// An entry of no language part (beside the parts, in a part of its own) is in every
	// language alike: no translation of it is missing.
	neutral := map[catalog.Pos]bool{}
	for _, e := range doc.Entries {
		if doc.langOf[e] == "" {
			neutral[e.Source] = true
		}
	}
	diags = slices.DeleteFunc(diags, func(d catalog.Diagnostic) bool {
		return d.Rule == catalog.RuleMissingTranslation && neutral[d.Pos]
	})
	return out, diags, rows - out.RowCount()
}

// saysErrors reports whether what was read from a source says it documents errors: an
// entry has a status or a code written as an error's, or the title, a group, a section's
// title or an entry's text has a word of failure (saysError) in one of the four languages.
func saysErrors(doc *Doc) bool {
	if saysError(doc.Title) || saysError(doc.Summary) {
		return true
	}
	for _, g := range doc.Groups {
		if g.Status != 0 || saysError(g.Name) {
			return true
		}
	}
	for _, s := range doc.Sections {
		if saysError(s.Title) {
			return true
		}
	}
	for _, e := range doc.Entries {
		if e.Status != 0 || e.Protocol != catalog.HTTP || errorCode(e.Code) || saysError(e.Group) ||
			saysError(e.Message) || saysError(e.Description) || saysError(e.Resolution) {
			return true
		}
	}
	return false
}

// errorCode reports whether a code is written as error codes are and other codes
// (service levels "STD", package types "BOX") are not: with a digit or an underscore
// ("E1001", "TOKEN_EXPIRED"), or naming an error ("ErrNoLeader").
func errorCode(code string) bool {
	return strings.ContainsAny(code, "0123456789_") || strings.Contains(strings.ToLower(code), "err") || saysError(code)
}

// textReader reports whether a reader reads documents of text, where a table of any
// codes looks like one of error codes. The data and code readers take records and enums
// only when their names say errors.
func textReader(name string) bool {
	return name != "data" && name != "code"
}

// notesAlways is the size up to which a source that gives no entry is read again for
// what the reader saw in it.
const notesAlways = 256 << 10

// noEntries says why a source gave no entry: what the reader saw in it (its notes on the
// first blocks it judged) and which docgen.yaml keys can tell it what it cannot guess. A
// source that docgen.yaml already gives overrides for is an error: the user configured it
// and nothing came of it. Any other is a warning: a folder of sources holds JSON and
// Markdown that are no error catalogs. But a source the reader claimed for its format
// alone (Detection.FormatOnly: an HTML page) is an error, like one no reader recognised:
// nothing in it was recognised either.
func noEntries(src *Source, meta Meta, r Reader, det Detection, doc *Doc) {
	if src.over == nil && (doc.Dropped > 0 || doc.Diags.Count(catalog.Error) > 0) {
		return // each row lost has its error, and so has a source its parser rejects
	}
	if src.over == nil && det.FormatOnly {
		doc.Diags.Add(catalog.Pos{File: src.Path, Line: 1, Col: 1}, catalog.Error, catalog.RuleUnrecognised,
			"the %s reader recognised nothing in this source (%s): %s", r.Name(), describe(src), unrecognised(textShapes, seen(src)))
		return
	}
	notes := doc.Notes
	if !src.notes && doc.Dropped == 0 && len(src.Text) <= notesAlways {
		// Read a small source again for its notes, which a read keeps only when asked
		// (they cost an allocation or three a block): it gave nothing, and no block was
		// let go (a walk lets blocks go only once it has made an entry or dropped a row).
		src.notes, src.scraped = true, nil
		notes = r.Read(src).Notes
		src.notes = meta.Notes
	}
	var what string
	switch {
	case len(notes) > 0:
		var saw []string
		for _, n := range notes[:min(len(notes), 2)] {
			saw = append(saw, fmt.Sprintf("line %d: %s", n.Pos.Line, truncate(n.Text, 160)))
		}
		what = "; it saw " + strings.Join(saw, "; ")
		if more := len(notes) - len(saw); more > 0 {
			what += fmt.Sprintf("; and %d more (docgen parse %s --verbose lists them)", more, src.Path)
		}
	case len(src.Text) > notesAlways && !src.notes:
		what = fmt.Sprintf("; docgen parse %s --verbose says what it saw", src.Path)
	case src.over != nil && textReader(r.Name()):
		what = "; it saw " + seen(src) // the text's tables and headings
	}
	at := catalog.Pos{File: src.Path, Line: 1, Col: 1}
	if src.over != nil {
		doc.Diags.Add(at, catalog.Error, catalog.RuleEmptySource,
			"no entry is read from this source with what docgen.yaml says of it (the %s reader; %s)%s. "+
				"Check its reader, columns, sections, codePattern and status there (see the README), or run docgen parse %s --verbose",
			r.Name(), describe(src), what, src.Path)
		return
	}
	doc.Diags.Add(at, catalog.Warning, catalog.RuleNoCodes,
		"the %s reader found no error codes in this source (%s)%s. "+
			"Tell docgen in docgen.yaml what it cannot guess: reader, columns, sections, codePattern, status (see the README)",
		r.Name(), describe(src), what)
}

// truncate shortens s to at most n bytes, at a rune boundary, marking the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// ServiceID derives a service ID from a source path: the file name without its extension,
// as a slug ("content/API Gateway.md" gives "api-gateway").
func ServiceID(p string) string {
	base := path.Base(strings.ReplaceAll(p, "\\", "/"))
	if strings.HasSuffix(strings.ToLower(base), ".in") && len(base) > 3 {
		base = base[:len(base)-3] // a template ("errors.h.in") is named for what it makes
	}
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return catalog.Slug(base)
}
