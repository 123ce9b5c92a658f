// Package catalog is docgen's normalized error catalog: the plain data that every reader
// fills and every renderer reads.
//
// It holds the model (Catalog, Service, Entry, Variant, Status, ResponseFormat, Pos,
// Diagnostic), the rules that give entries stable URL-safe IDs and fold repeated codes into
// variants, validation (Check), and the JSON encoding of the catalog with its JSON Schema.
// It does no parsing of source documents and no rendering: those belong to packages parse
// and render, and this package imports neither (only the standard library).
package catalog

// Catalog is the whole normalized catalog: every service, in a stable order.
type Catalog struct {
	Title   string
	BaseURL string // absolute URL the site is published at; may be empty
	Lang    string // BCP 47 language of the site's own words, e.g. "ko" or "en"
	// Services are in the order the configuration lists them (or, without configuration,
	// sorted by Source path); Service IDs are unique.
	Services []*Service
}

// Service is the error catalog of one API, read from one source document.
type Service struct {
	ID      string // URL-safe slug, unique in the catalog, stable across builds
	Title   string
	Summary string // Markdown
	Lang    string // BCP 47, e.g. "ko"; detected from the text when not configured
	Source  string // path of the source document, slash-separated, as given

	// ResponseFormat is the documented error body; nil when the source documents none.
	ResponseFormat *ResponseFormat
	// Groups are the headings entries stood under that carry text of their own (for
	// example a status heading with a paragraph that applies to all its codes).
	Groups []Group
	// Sections are further parts of the source worth keeping that are not errors:
	// status glossaries, rate-limit header tables, notes.
	Sections []Section
	// Entries are in source order (the order of their first occurrence); IDs are unique
	// within the service.
	Entries []*Entry

	// Translations are the service's own text in its other languages, in the order the
	// configuration lists them (Lang is the default, first); empty for a service written
	// in one language. Each language's entries' text is in Entry.Translations.
	Translations []ServiceText
}

// ServiceText is a service's own text in one language other than its default: title,
// summary, the headings with text and the sections its source in that language has, and
// that source document.
type ServiceText struct {
	Lang     string // BCP 47; never the service's Lang, never twice in one service
	Title    string
	Summary  string // Markdown
	Source   string // path of that language's source document
	Groups   []Group
	Sections []Section
}

// Langs returns the service's languages: its default first, then its translations'.
func (s *Service) Langs() []string {
	out := make([]string, 0, 1+len(s.Translations))
	out = append(out, s.Lang)
	for _, t := range s.Translations {
		out = append(out, t.Lang)
	}
	return out
}

// Translation returns the service's text in lang, or nil when it has none in that language.
func (s *Service) Translation(lang string) *ServiceText {
	for i := range s.Translations {
		if s.Translations[i].Lang == lang {
			return &s.Translations[i]
		}
	}
	return nil
}

// Protocol says which kind of error code an entry is.
type Protocol int

// The protocols an entry can belong to.
const (
	HTTP    Protocol = iota // an HTTP API error; Status is an HTTP status or 0
	JSONRPC                 // a JSON-RPC error code; Status is always 0
)

// String returns the protocol's name as it appears in the JSON catalog.
func (p Protocol) String() string {
	switch p {
	case HTTP:
		return "http"
	case JSONRPC:
		return "json-rpc"
	}
	return "unknown"
}

// ParseProtocol returns the protocol named s ("http" or "json-rpc").
func ParseProtocol(s string) (Protocol, bool) {
	switch s {
	case "http":
		return HTTP, true
	case "json-rpc":
		return JSONRPC, true
	}
	return HTTP, false
}

// Entry is one error code as documented under one status.
//
// The same code under two statuses is two entries; the same code documented again under the
// same status (and protocol) is one entry whose later occurrences are Variants.
type Entry struct {
	ID       string     // slug unique within the service; see AssignIDs
	Code     string     // exactly as written in the source: "400102001", "INVALID_TOKEN", "-32601"
	Status   Status     // HTTP status; 0 when the source gives none
	From     StatusFrom // where Status was read from
	Protocol Protocol
	Group    string // the heading the entry stood under, as written; may be empty

	Message     string // the short message the API returns; plain text
	Description string // Markdown
	Resolution  string // Markdown
	Source      Pos    // the heading or table row the entry was read from

	// More holds what most entries lack: nil when the entry has none of it. A large read
	// holds millions of entries, and these four took 88 of an entry's 240 bytes while
	// almost always empty; behind one pointer an entry is 160. Read them through the
	// methods Fields, Variants, Lang and Translations, set them through SetFields,
	// SetVariants, SetLang and SetTranslations: an Entry copied by value shares its More,
	// so the setters never write into one but replace it (copy on write), and so must
	// any other code that changes it.
	More *EntryMore
}

// EntryMore is the rarely set part of an Entry.
type EntryMore struct {
	// Fields are what the source says of the entry under a name of its own that no role
	// has: cells of columns with no known role, in column order, and labelled lines or
	// parts of its text whose label is none of the others' ("Returned by: …").
	Fields []Field
	// Variants are later occurrences of the same code under the same status.
	Variants []Variant
	// Lang is "" when the entry's text is in the service's Lang (always, for a service in
	// one language); otherwise the entry is documented only in other languages, and Lang
	// is the first of them (the service's language order), in which its text is.
	Lang string
	// Translations are the entry's text in the service's other languages that document
	// it, in the service's language order; a language missing here has no translation
	// of the entry (its pages fall back to the entry's own text).
	Translations []EntryText
}

// Fields are what the source says of e under names no role has (EntryMore.Fields).
func (e *Entry) Fields() []Field {
	if e.More == nil {
		return nil
	}
	return e.More.Fields
}

// Variants are the later occurrences of e's code under the same status, in source order.
func (e *Entry) Variants() []Variant {
	if e.More == nil {
		return nil
	}
	return e.More.Variants
}

// Lang is "" when e's text is in its service's Lang; otherwise e is documented only in
// other languages, and Lang is the first of them, in which e's own text is.
func (e *Entry) Lang() string {
	if e.More == nil {
		return ""
	}
	return e.More.Lang
}

// Translations are e's text in its service's other languages that document it, in the
// service's language order.
func (e *Entry) Translations() []EntryText {
	if e.More == nil {
		return nil
	}
	return e.More.Translations
}

// set changes e's More through change, on a copy: never the one e holds, which a copy
// of e may share. An EntryMore left empty is dropped. empty says the value set is empty,
// which changes nothing on an entry without a More.
func (e *Entry) set(empty bool, change func(m *EntryMore)) {
	if empty && e.More == nil {
		return
	}
	m := new(EntryMore)
	if e.More != nil {
		*m = *e.More
	}
	change(m)
	if len(m.Fields) == 0 && len(m.Variants) == 0 && m.Lang == "" && len(m.Translations) == 0 {
		m = nil
	}
	e.More = m
}

// SetFields sets e's Fields.
func (e *Entry) SetFields(fs []Field) { e.set(len(fs) == 0, func(m *EntryMore) { m.Fields = fs }) }

// SetVariants sets e's Variants.
func (e *Entry) SetVariants(vs []Variant) {
	e.set(len(vs) == 0, func(m *EntryMore) { m.Variants = vs })
}

// SetLang sets e's Lang.
func (e *Entry) SetLang(lang string) { e.set(lang == "", func(m *EntryMore) { m.Lang = lang }) }

// SetTranslations sets e's Translations.
func (e *Entry) SetTranslations(ts []EntryText) {
	e.set(len(ts) == 0, func(m *EntryMore) { m.Translations = ts })
}

// EntryText is an entry's text in one language other than the one of its own fields.
type EntryText struct {
	Lang        string // BCP 47
	Group       string
	Message     string
	Description string // Markdown
	Resolution  string // Markdown
	Fields      []Field
	Variants    []Variant
	Source      Pos // where that language's source documents the entry
}

// TextLang returns the language of e's own fields in service s.
func (e *Entry) TextLang(s *Service) string {
	if e.Lang() != "" {
		return e.Lang()
	}
	return s.Lang
}

// Text returns e's text in lang: its own fields when they are in lang, else its
// translation; ok is false when e has no text in lang (the text returned is then its
// own fields, the fallback).
func (e *Entry) Text(s *Service, lang string) (t EntryText, ok bool) {
	own := EntryText{Lang: e.TextLang(s), Group: e.Group, Message: e.Message, Description: e.Description,
		Resolution: e.Resolution, Fields: e.Fields(), Variants: e.Variants(), Source: e.Source}
	if own.Lang == lang {
		return own, true
	}
	for _, tr := range e.Translations() {
		if tr.Lang == lang {
			return tr, true
		}
	}
	return own, false
}

// Variant is another documentation of an entry's code under the same status.
type Variant struct {
	Message     string
	Description string
	Resolution  string
	Fields      []Field
	Source      Pos
}

// Field is the cell of a column whose header has no known role, or a labelled line or
// part of an entry's text whose label has none.
type Field struct {
	Name  string // the column header or label, as written
	Value string // Markdown
}

// Group is a heading that entries stood under, kept when it has text of its own.
type Group struct {
	Name        string // as written, e.g. "InternalServerError"
	Status      Status
	Description string // Markdown
	Source      Pos
}

// Section is a part of a source kept as it is: a titled block of Markdown.
type Section struct {
	Title  string
	Body   string // Markdown
	Source Pos
}

// ResponseFormat is a service's documented error response body.
type ResponseFormat struct {
	Example string // the example body verbatim, as the source gives it
	// Schema is a JSON Schema (2020-12) derived from the example or from a typed
	// description; nil when none could be derived. Its maps encode with sorted keys.
	Schema map[string]any
	Source Pos
}

// Pos is a place in a source document. Line and Col count from 1; Col counts runes, so that
// a position in Korean text can be found in any editor. The zero Pos means "no place".
type Pos struct {
	File string
	Line int
	Col  int
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += itoa(p.Line)
		if p.Col > 0 {
			s += ":" + itoa(p.Col)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// RowCount returns how many source rows (table rows or code headings) the service's
// entries account for: each entry and each of its variants, in every language.
func (s *Service) RowCount() int {
	n := 0
	for _, e := range s.Entries {
		n += 1 + len(e.Variants())
		for _, t := range e.Translations() {
			n += 1 + len(t.Variants)
		}
	}
	return n
}

// Service returns the service with the given id, or nil.
func (c *Catalog) Service(id string) *Service {
	for _, s := range c.Services {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// RowCount returns the rows of every service.
func (c *Catalog) RowCount() int {
	n := 0
	for _, s := range c.Services {
		n += s.RowCount()
	}
	return n
}

// EntryCount returns the number of entries of every service.
func (c *Catalog) EntryCount() int {
	n := 0
	for _, s := range c.Services {
		n += len(s.Entries)
	}
	return n
}
