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
	// Fields are cells of columns with no known role, kept in column order.
	Fields []Field

	Variants []Variant // later occurrences of the same code under the same status
	Source   Pos       // the heading or table row the entry was read from
}

// Variant is another documentation of an entry's code under the same status.
type Variant struct {
	Message     string
	Description string
	Resolution  string
	Fields      []Field
	Source      Pos
}

// Field is the cell of a column whose header has no known role.
type Field struct {
	Name  string // the column header, as written
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
// entries account for: each entry and each of its variants.
func (s *Service) RowCount() int {
	n := 0
	for _, e := range s.Entries {
		n += 1 + len(e.Variants)
	}
	return n
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
