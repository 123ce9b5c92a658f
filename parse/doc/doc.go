// Package doc is the document tree that every front-end of package parse builds and its one
// interpreter reads, as pandoc's readers all build Text.Pandoc.Definition.
//
// A tree holds structure only: headings, tables, lists, definition lists, code samples,
// paragraphs, and, for catalogs kept as data or code, records and enum members. Nothing in
// it says what an error is; deciding that (which table lists codes, which heading is a
// code, where a status comes from) is the interpreter's work, the same for every format.
//
// Blocks are flat and in source order, as in pandoc: a Heading is a block with a level,
// and what stands under it is the blocks that follow up to the next heading of its level or
// above. Every block and cell carries the position where its text starts in the source.
// Text is Markdown (the catalog's text format): a front-end writes inline code, emphasis
// and links as Markdown, and escapes what would read as Markdown by accident.
package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// Document is one source's tree.
type Document struct {
	// Meta is what the document says of itself outside its body: front matter or a
	// file's attributes ("id", "title", "description"); nil when it says nothing.
	Meta   map[string]string
	Blocks []Block
	// Warnings are what the front-end read in a way the format does not allow, and how
	// (a stray quote in a CSV field taken as text): the reader reports them.
	Warnings []Warning
}

// Warning is one thing a front-end read leniently.
type Warning struct {
	Pos catalog.Pos
	Msg string
}

// Block is one block of a document: *Heading, *Para, *Code, *List, *DefList, *Table,
// *Records or *Enum.
type Block interface {
	// At returns where the block starts in the source.
	At() catalog.Pos
}

// Heading is a section title.
type Heading struct {
	Pos catalog.Pos
	// Level is 1 for a document title or top section, 2 below it, and so on. 0 means the
	// format gives no level (a line of copied text that reads as a heading): such a
	// heading ends the one before it, whatever its level.
	Level int
	Text  string // plain text, inline markup removed
}

// End closes the section of the heading at Level: what follows stands under the heading
// above it, as after the end of a <details> element whose summary was the heading. Other
// sections end at the next heading at their level or above, which needs no block.
type End struct {
	Pos   catalog.Pos
	Level int
}

// Para is a paragraph or any other run of prose, as Markdown. A front-end that cannot
// tell a block's structure (a quote, raw markup) gives it as a Para of its text.
type Para struct {
	Pos  catalog.Pos
	Text string
}

// Code is a code sample or a preformatted block, verbatim.
type Code struct {
	Pos catalog.Pos
	// Lang is the sample's language as the document names it ("json"); may be empty.
	Lang string
	// Caption is a short line that names the sample right above it ("Error response"),
	// when the format sets it apart from prose; may be empty.
	Caption string
	Text    string
	// Markdown is the block as the source wrote it, when the source is Markdown; the
	// interpreter writes a fence around Text otherwise.
	Markdown string
}

// List is a bulleted or numbered list.
type List struct {
	Pos     catalog.Pos
	Ordered bool
	Items   []Item
	// Text is the whole list as Markdown (as written, when the source is Markdown), kept
	// as text where the list documents no codes.
	Text string
}

// Item is one list item: its text as Markdown, without the bullet.
type Item struct {
	Pos  catalog.Pos
	Text string
}

// DefList is a definition list: terms and what the document says of each (HTML's <dl>,
// reStructuredText definition and field lists, AsciiDoc's "term::" lists).
type DefList struct {
	Pos   catalog.Pos
	Items []Def
}

// Def is one term and its definitions.
type Def struct {
	Term Cell
	// Defs are the term's definitions as Markdown, in order; one per <dd>.
	Defs []Cell
}

// Table is a table: a header row and body rows of cells.
type Table struct {
	Pos catalog.Pos
	// Caption is the table's own title (HTML <caption>, reStructuredText's table title,
	// AsciiDoc's ".Title"); may be empty.
	Caption string
	// Header is the header row; empty when the table has none. A format with several
	// header rows gives them joined per column ("Error" over "Code" is "Error Code").
	Header []Cell
	Rows   []Row
	// Copied is set when the table is text copied from a rendered page, which writes a
	// cell that spans rows (an HTML rowspan) in its first row only: a row under it is a
	// cell short, the spanned one. Markdown and HTML tables leave no cell out.
	Copied bool
	// Text is the table written as Markdown, kept as text where the table lists no
	// errors; a front-end may leave it empty for the interpreter to write.
	Text string
	// Judged is the interpreter's: what it decided of the table's columns, kept so that
	// a table looked at twice (by detection and by the read) is judged once. A front-end
	// leaves it nil unless it hands on what the interpreter judged for it before.
	Judged any
}

// Row is one body row of a table.
type Row struct {
	Pos   catalog.Pos
	Cells []Cell
}

// Cell is one table cell, term or definition: its text as Markdown, trimmed.
type Cell struct {
	Pos  catalog.Pos
	Text string
	// Plain is the text without inline markup, when the format's markup is not Markdown
	// and the two differ: a code, status or message is read from it.
	Plain string
}

// Records are objects of a data file (JSON, YAML, TOML) that may each be an error: an
// array of objects, or a map of objects keyed by what may be their code.
type Records struct {
	Pos catalog.Pos
	// Path is where the records stand in the file, as keys joined by "." ("errors",
	// "api.errors"); empty for the file's top level.
	Path  string
	Items []Record
	// Keyed is set when the records are a map's values: each Record's Key is its key.
	Keyed bool
	// KeyName is what the keys are, where the format says ("name" for the constants of
	// an enum); "" for a map's keys.
	KeyName string
	// Declared is set when the format itself says the records are errors (the example
	// bodies of an OpenAPI description's error responses): records that give no code
	// are then a warning, not a block left aside.
	Declared bool
	// Group is the heading the records stand under when the file gives one (the comment
	// that labels a run of enum constants); "" when it gives none.
	Group string
	// Keys are the object keys on the path to the records, outermost first; array
	// indices are none (Path has them). Nil when the format gives no path.
	Keys []string
	// Beside are the scalar members of the object that holds the records, in file order
	// ({"status": 404, "errors": [...]}): what it may say of all of them.
	Beside []Field
	// Defaults are the scalar members of an object at the file's top level that says
	// what every record takes when it says nothing ({"defaults": {"status": 500}}); nil
	// when the file has none.
	Defaults []Field
	// Mapped are the names of the fields that keyed records were given from maps beside
	// them keyed by the same keys ({"errors": {"E1": {…}}, "statuses": {"E1": 404}}): each
	// record holds, under the map's name, the map's value for its key. Such a map is no
	// records of its own.
	Mapped []string
}

// Record is one object: its map key (for keyed records) and its fields in file order.
type Record struct {
	Pos    catalog.Pos
	Key    string
	Fields []Field
}

// Field is one field of a record. Value is its text: a string as written, a number or
// boolean as the file spells it, an object or array as compact JSON.
type Field struct {
	Pos   catalog.Pos
	Name  string
	Value string
}

// Enum is a list of named constants in code: a protobuf or C enum, a run of #defines, a
// Python Enum class.
type Enum struct {
	Pos catalog.Pos
	// Name is the enum's name ("ErrorCode"); empty for a run of #defines.
	Name string
	// Comment is the comment or docstring of the enum as a whole.
	Comment string
	// Run is set when the members are not one declared type but constants that merely
	// stand one after another (a run of #defines): each is judged on its own, so that a
	// version number or a limit among error codes is no error.
	Run     bool
	Members []Member
}

// Member is one constant: its name, its value as written, and its comment.
type Member struct {
	Pos     catalog.Pos
	Name    string
	Value   string
	Comment string
	// Group is the label of the members this one stands among: a comment line that heads
	// them ("/* --- device errors --- */", "// Workouts"), up to the next such line; ""
	// when none does.
	Group string
}

// At returns where the heading starts.
func (b *Heading) At() catalog.Pos { return b.Pos }

// At returns where the paragraph starts.
func (b *Para) At() catalog.Pos { return b.Pos }

// At returns where the block starts.
func (b *End) At() catalog.Pos { return b.Pos }

// At returns where the code sample starts.
func (b *Code) At() catalog.Pos { return b.Pos }

// At returns where the list starts.
func (b *List) At() catalog.Pos { return b.Pos }

// At returns where the definition list starts.
func (b *DefList) At() catalog.Pos { return b.Pos }

// At returns where the table starts.
func (b *Table) At() catalog.Pos { return b.Pos }

// At returns where the records start.
func (b *Records) At() catalog.Pos { return b.Pos }

// At returns where the enum starts.
func (b *Enum) At() catalog.Pos { return b.Pos }

// SpanLabel returns the text of a cell that spans every column of a table's row as such
// a row is written in the tree: strong ("**404 Not Found**"), the way a group label over
// the rows below it is written (the interpreter reads a row of strong cells as one).
// Text already strong is returned as it is.
func SpanLabel(text string) string {
	if text == "" || (len(text) > 4 && strings.HasPrefix(text, "**") && strings.HasSuffix(text, "**")) {
		return text
	}
	return "**" + text + "**"
}

// WrapSeparator returns what goes between two lines of one paragraph that the source
// broke where it wrapped, when they are joined as a browser joins them (CSS Text 3,
// segment breaks): nothing when the character before the break and the one after are
// both Chinese or Japanese (Han, kana, ideographic and full-width punctuation: "未対応" /
// "です" is "未対応です"), a space otherwise ("Cron expression" / "could not be
// parsed."). Korean writes spaces between its words, so Hangul gets the space.
func WrapSeparator(a, b string) string {
	before, _ := utf8.DecodeLastRuneInString(a)
	after, _ := utf8.DecodeRuneInString(b)
	if noSpaceScript(before) && noSpaceScript(after) {
		return ""
	}
	return " "
}

// noSpaceScript reports whether r is written without spaces between words: a Han
// ideograph, kana, ideographic punctuation or a full-width or half-width form (East Asian
// wide and narrow forms that are not Hangul).
func noSpaceScript(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x2E80 && r <= 0x30FF, // CJK radicals, ideographic punctuation, hiragana, katakana
		r >= 0x31C0 && r <= 0x31FF, // CJK strokes, katakana extensions
		r >= 0x3400 && r <= 0x4DBF, // Han extension A
		r >= 0x4E00 && r <= 0x9FFF, // Han
		r >= 0xF900 && r <= 0xFAFF, // Han compatibility
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF9F: // full-width forms, half-width katakana
		return true
	}
	return unicode.Is(unicode.Han, r)
}
