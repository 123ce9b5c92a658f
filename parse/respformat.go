package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"

	"docgen/catalog"
)

// This file derives the JSON Schema of a documented error body, for every reader.
//
// A source documents its error body in one of two ways: a JSON example, often with
// placeholders ("${ERROR_CODE}") and // comments, or a typed description in the style of
// TypeScript ("status: number // HTTP 상태 코드", "errors?: { … }[]"). JSON examples are
// decoded with encoding/json once their comments and placeholders are blanked out. Typed
// descriptions are read by a small hand-written parser: no Go library reads TypeScript-like
// type literals, and the subset documents use (members, optional marks, arrays, unions,
// nested objects, comments) is small enough that a library would be more code to adapt
// than this.

// schemaDialect is the JSON Schema dialect of every derived schema.
const schemaDialect = "https://json-schema.org/draft/2020-12/schema"

// codeSample is a block of code a reader found in a source: its text verbatim, where it
// starts, and the caption written just above it ("ErrorResponse"), if any.
type codeSample struct {
	Text    string
	Pos     catalog.Pos
	Caption string
}

// bodyKind is what a code sample says about an error body.
type bodyKind int

const (
	bodyNone  bodyKind = iota // not a description of a body (a code sample, prose)
	bodyJSON                  // a JSON example
	bodyTyped                 // a typed description
)

// deriveSchema reads text as a JSON example or, failing that, as a typed description, and
// returns the JSON Schema (2020-12) it implies and which of the two it was. It returns nil
// and bodyNone for text that is neither, or that describes no object with members or
// array with elements ("{}" in a sentence is no error body).
func deriveSchema(text string) (map[string]any, bodyKind) {
	if n, ok := jsonShape(text); ok && (len(n.props) > 0 || n.items != nil) {
		return n.root(), bodyJSON
	}
	if n, ok := typedShape(text); ok {
		return n.root(), bodyTyped
	}
	return nil, bodyNone
}

// responseFormatFrom assembles a service's response format from the code samples that
// document its error body, in source order. The example is the first JSON example,
// verbatim (the first typed description when there is no JSON example); the schema is
// derived from the first typed description, which says more (optional fields, comments),
// else from the example. The position is that of the first sample that describes a body.
// It returns nil when no sample describes a body.
func responseFormatFrom(samples []codeSample) *catalog.ResponseFormat {
	var rf *catalog.ResponseFormat
	var example, typed *codeSample
	var exampleSchema, typedSchema map[string]any
	for i := range samples {
		s := &samples[i]
		schema, kind := deriveSchema(s.Text)
		switch {
		case kind == bodyJSON && example == nil:
			example, exampleSchema = s, schema
		case kind == bodyTyped && typed == nil:
			typed, typedSchema = s, schema
		default:
			continue
		}
		if rf == nil {
			rf = &catalog.ResponseFormat{Source: s.Pos}
		}
	}
	if rf == nil {
		return nil
	}
	switch {
	case example != nil:
		rf.Example = example.Text
	default:
		rf.Example = typed.Text
	}
	schema, caption := exampleSchema, ""
	if example != nil {
		caption = example.Caption
	}
	if typed != nil {
		schema, caption = typedSchema, typed.Caption
	}
	if caption != "" && isToken(caption) && codeLike(caption) {
		schema["title"] = caption
	}
	rf.Schema = schema
	return rf
}

// looksLikeBody reports whether text describes an error body (a JSON example or a typed
// description of an object or array).
func looksLikeBody(text string) bool {
	_, kind := deriveSchema(text)
	return kind != bodyNone
}

// shape is the inferred or declared schema of one value, before it becomes a map.
type shape struct {
	types map[string]bool // JSON Schema type names; empty means any value
	desc  string
	title string
	enum  []any
	// Objects: properties in first-seen order, how many objects were merged into this
	// shape, in how many of them each property was present, and which properties a typed
	// description marks optional. A property is required when it is in every object
	// merged and not optional.
	props    []string
	prop     map[string]*shape
	seen     map[string]int
	objects  int
	optional map[string]bool
	items    *shape // arrays: the shape of the elements; nil when unknown
}

func newShape(types ...string) *shape {
	s := &shape{types: map[string]bool{}}
	for _, t := range types {
		s.types[t] = true
	}
	return s
}

// addProp adds or merges a property of an object shape.
func (s *shape) addProp(name string, v *shape) {
	if s.prop == nil {
		s.prop, s.seen, s.optional = map[string]*shape{}, map[string]int{}, map[string]bool{}
	}
	if old, ok := s.prop[name]; ok {
		s.prop[name] = mergeShapes(old, v)
	} else {
		s.props = append(s.props, name)
		s.prop[name] = v
	}
	s.seen[name]++
}

// mergeShapes returns the shape of values that have shape a or shape b: the JSON array
// [{"value": null}, {"value": 10}] has items whose "value" is integer or null. It merges b
// into a, changing a (callers merge into shapes they own and drop b), so that merging the
// elements of a long array one by one costs time linear in their size.
func mergeShapes(a, b *shape) *shape {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if len(a.types) == 0 || len(b.types) == 0 {
		a.types = map[string]bool{} // one side accepts anything
	} else {
		for t := range b.types {
			a.types[t] = true
		}
		if a.types["integer"] && a.types["number"] {
			delete(a.types, "integer")
		}
	}
	a.desc = cmpOr(a.desc, b.desc)
	a.title = cmpOr(a.title, b.title)
	if a.enum != nil && b.enum != nil {
		a.enum = append(a.enum, b.enum...)
	} else {
		a.enum = nil
	}
	a.objects += b.objects
	for _, p := range b.props {
		a.addProp(p, b.prop[p])
		a.seen[p] += b.seen[p] - 1
		if b.optional[p] {
			a.optional[p] = true
		}
	}
	a.items = mergeShapes(a.items, b.items)
	return a
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// schema turns the shape into a JSON Schema object.
func (s *shape) schema() map[string]any {
	m := map[string]any{}
	switch types := sortedKeys(s.types); len(types) {
	case 0:
	case 1:
		m["type"] = types[0]
	default:
		list := make([]any, len(types))
		for i, t := range types {
			list[i] = t
		}
		m["type"] = list
	}
	if s.desc != "" {
		m["description"] = s.desc
	}
	if s.title != "" {
		m["title"] = s.title
	}
	if s.enum != nil {
		m["enum"] = s.enum
	}
	if len(s.props) > 0 {
		props := map[string]any{}
		var required []any
		for _, p := range s.props {
			props[p] = s.prop[p].schema()
			if s.seen[p] == s.objects && !s.optional[p] {
				required = append(required, p)
			}
		}
		m["properties"] = props
		if len(required) > 0 {
			m["required"] = required
		}
	}
	if s.items != nil {
		m["items"] = s.items.schema()
	}
	return m
}

// root returns the schema of a whole body, with its dialect.
func (s *shape) root() map[string]any {
	m := s.schema()
	m["$schema"] = schemaDialect
	return m
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ---- JSON examples ----

// jsonShape reads text as a JSON example: a JSON value, where // and /* */ comments,
// placeholders outside strings (${STATUS}, {{status}}) and trailing commas are allowed. A
// comment on the line of a key describes that key. ok is false when text is no such value.
func jsonShape(text string) (*shape, bool) {
	clean, comments, placeholders := blankJSONExtras(text)
	if strings.TrimSpace(clean) == "" {
		return nil, false
	}
	lines := lineStarts(clean)
	dec := json.NewDecoder(strings.NewReader(clean))
	dec.UseNumber()
	r := &jsonReader{dec: dec, lines: lines, comments: comments, placeholders: placeholders}
	s, err := r.value(0)
	if err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false // more than one value
	}
	return s, true
}

// maxJSONDepth bounds the nesting a JSON example may have, so that hostile input cannot
// exhaust the stack.
const maxJSONDepth = 200

// jsonReader walks a JSON example token by token.
type jsonReader struct {
	dec      *json.Decoder
	lines    []int          // byte offsets of line starts in the cleaned text
	comments map[int]string // line (from 0) → the comment on it
	// placeholders holds the offsets at which blankJSONExtras wrote null for a placeholder.
	placeholders map[int]bool
}

var errJSONShape = errors.New("not a JSON example")

func (r *jsonReader) value(depth int) (*shape, error) {
	if depth > maxJSONDepth {
		return nil, errJSONShape
	}
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			s := newShape("object")
			s.objects = 1
			for r.dec.More() {
				kt, err := r.dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, errJSONShape
				}
				line := r.line(int(r.dec.InputOffset()))
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if c := r.comments[line]; c != "" && v.desc == "" {
					v.desc = c
				}
				if _, dup := s.prop[key]; dup {
					s.seen[key]-- // a repeated key is still one key of one object
				}
				s.addProp(key, v)
			}
			if _, err := r.dec.Token(); err != nil { // '}'
				return nil, err
			}
			return s, nil
		case '[':
			s := newShape("array")
			for r.dec.More() {
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				s.items = mergeShapes(s.items, v)
			}
			if _, err := r.dec.Token(); err != nil { // ']'
				return nil, err
			}
			return s, nil
		}
		return nil, errJSONShape
	case string:
		return newShape("string"), nil
	case json.Number:
		if strings.ContainsAny(string(t), ".eE") {
			return newShape("number"), nil
		}
		return newShape("integer"), nil
	case bool:
		return newShape("boolean"), nil
	case nil:
		if r.placeholder() {
			return newShape(), nil
		}
		return newShape("null"), nil
	}
	return nil, errJSONShape
}

// placeholder reports whether the null just read stands for a placeholder that
// blankJSONExtras replaced: its value is unknown, so its shape is any value.
func (r *jsonReader) placeholder() bool {
	return r.placeholders[int(r.dec.InputOffset())-len("null")]
}

// line returns the line (from 0) of byte offset off of the cleaned text.
func (r *jsonReader) line(off int) int {
	return sort.Search(len(r.lines), func(i int) bool { return r.lines[i] > off }) - 1
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// blankJSONExtras returns text with what JSON does not allow blanked out by spaces, so that
// every offset stays where it was: // and /* */ comments outside strings, placeholders
// outside strings (${NAME}, {{name}}, <NAME>), which become null, and commas before a
// closing bracket. It also returns the comments by line (from 0) and the offsets of the
// placeholders.
func blankJSONExtras(text string) (string, map[int]string, map[int]bool) {
	b := []byte(text)
	comments := map[int]string{}
	placeholders := map[int]bool{}
	line := 0
	inString := false
	lastComma := -1              // offset of a comma outside strings not yet followed by a value
	noCloser := map[string]int{} // closer → offset before which its line has none left
	lineEnd := -1                // the end of the line of the last placeholder looked at
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' {
			line++
		}
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			case '\n':
				inString = false // an unterminated string; decoding will fail
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
			lastComma = -1
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			j := i
			for j < len(b) && b[j] != '\n' {
				j++
			}
			comments[line] = strings.TrimSpace(strings.TrimLeft(string(b[i:j]), "/"))
			blank(b[i:j])
			i = j - 1
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			j := bytes.Index(b[i+2:], []byte("*/"))
			end := len(b)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			comment := strings.TrimSpace(strings.Trim(string(b[i:end]), "/*"))
			if comment != "" && !strings.Contains(comment, "\n") {
				comments[line] = comment
			}
			for k := i; k < end; k++ {
				if b[k] == '\n' {
					line++
				} else {
					b[k] = ' '
				}
			}
			i = end - 1
		case c == '$' && i+1 < len(b) && b[i+1] == '{', c == '{' && i+1 < len(b) && b[i+1] == '{', c == '<':
			closer := "}"
			switch c {
			case '{':
				closer = "}}"
			case '<':
				closer = ">"
			}
			// The closer must be on the same line. A search that found none rules out the
			// rest of the line for that closer, which keeps long lines linear.
			if i < noCloser[closer] {
				continue
			}
			if i >= lineEnd {
				lineEnd = len(b)
				if nl := bytes.IndexByte(b[i:], '\n'); nl >= 0 {
					lineEnd = i + nl
				}
			}
			j := bytes.Index(b[i+1:lineEnd], []byte(closer))
			if j < 0 {
				noCloser[closer] = lineEnd
				continue // not a placeholder: leave it for the decoder to reject
			}
			end := i + 1 + j + len(closer)
			if end-i < len("null") {
				continue
			}
			blank(b[i:end])
			copy(b[i:], "null")
			placeholders[i] = true
			i = end - 1
			lastComma = -1
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				b[lastComma] = ' '
			}
			lastComma = -1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastComma = -1
		}
	}
	return string(b), comments, placeholders
}

func blank(b []byte) {
	for i := range b {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// ---- typed descriptions ----

// typedShape reads text as a typed description of an object:
//
//	ErrorResponse {            (or "interface ErrorResponse {", "type ErrorResponse = {")
//	  status: number // HTTP 상태 코드
//	  errors?: {               // 상세 오류
//	    field: string
//	  }[]
//	}
//
// Members are "name: type" or "name?: type" (optional), separated by line breaks, commas or
// semicolons; types are string, number, integer, boolean, null, any, unknown, object,
// Date, string or number literals, T[], Array<T>, Record<K, V>, unions (A | B) and nested
// object types. A // or /* */ comment on a member's line, or on the lines just above it,
// describes it. ok is false unless the whole text is one such object with a member.
func typedShape(text string) (*shape, bool) {
	toks, comments, codeLines := lexTyped(text)
	if toks == nil {
		return nil, false
	}
	p := &typedParser{toks: toks, comments: comments, codeLines: codeLines, claimed: map[int]bool{}}
	title, ok := p.prefix()
	if !ok || !p.is("{") {
		return nil, false
	}
	s, ok := p.object(0)
	if !ok || len(s.props) == 0 {
		return nil, false
	}
	for p.is("[") && p.peekIs(1, "]") {
		p.pos += 2
		arr := newShape("array")
		arr.items = s
		s = arr
	}
	p.accept(";")
	if p.pos != len(p.toks) {
		return nil, false
	}
	s.title = title
	return s, true
}

// typedToken is one token of a typed description.
type typedToken struct {
	kind byte // 'i' identifier, 's' string, 'n' number, or the punctuation itself
	text string
	line int
}

// lexTyped splits a typed description into tokens. It returns the comments by line and
// the lines that hold tokens; nil tokens for text with characters no type description
// has.
func lexTyped(text string) ([]typedToken, map[int]string, map[int]bool) {
	var toks []typedToken
	comments := map[int]string{}
	codeLines := map[int]bool{}
	line := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case strings.HasPrefix(text[i:], "//"):
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				j = len(text) - i
			}
			comments[line] = strings.TrimSpace(strings.TrimLeft(text[i:i+j], "/"))
			i += j
		case strings.HasPrefix(text[i:], "/*"):
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return nil, nil, nil
			}
			body := text[i+2 : i+2+j]
			var parts []string
			for _, l := range strings.Split(body, "\n") {
				if l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "*")); l != "" {
					parts = append(parts, l)
				}
			}
			line += strings.Count(body, "\n")
			comments[line] = strings.Join(parts, " ")
			i += 2 + j + 2
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(text) && text[j] != c && text[j] != '\n' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) || text[j] != c {
				return nil, nil, nil
			}
			toks = append(toks, typedToken{'s', text[i+1 : j], line})
			codeLines[line] = true
			i = j + 1
		case c == '-' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == '.') {
				j++
			}
			toks = append(toks, typedToken{'n', text[i:j], line})
			codeLines[line] = true
			i = j
		case strings.IndexByte("{}[]()<>:?,;|=", c) >= 0:
			toks = append(toks, typedToken{c, string(c), line})
			codeLines[line] = true
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if !(unicode.IsLetter(r) || r == '_' || r == '$') {
				return nil, nil, nil
			}
			j := i + size
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '$' || r == '.') {
					break
				}
				j += size
			}
			toks = append(toks, typedToken{'i', text[i:j], line})
			codeLines[line] = true
			i = j
		}
	}
	if len(toks) == 0 {
		return nil, nil, nil
	}
	return toks, comments, codeLines
}

// typedParser parses the tokens of a typed description by recursive descent.
type typedParser struct {
	toks      []typedToken
	pos       int
	comments  map[int]string
	codeLines map[int]bool
	claimed   map[int]bool // lines whose comment a member has taken
}

// maxTypedDepth bounds the nesting of a typed description.
const maxTypedDepth = 100

func (p *typedParser) is(s string) bool { return p.peekIs(0, s) }

func (p *typedParser) peekIs(k int, s string) bool {
	i := p.pos + k
	return i < len(p.toks) && p.toks[i].kind != 'i' && p.toks[i].kind != 's' && p.toks[i].kind != 'n' && p.toks[i].text == s
}

func (p *typedParser) accept(s string) bool {
	if p.is(s) {
		p.pos++
		return true
	}
	return false
}

// prefix skips what may stand before the object and returns the type's name: "export
// interface Name", "type Name =", "Name". ok is false for anything else, such as the words
// of a function declaration.
func (p *typedParser) prefix() (name string, ok bool) {
	for p.pos < len(p.toks) && p.toks[p.pos].kind == 'i' {
		switch w := p.toks[p.pos].text; w {
		case "export", "declare", "interface", "type":
		default:
			if name != "" {
				return "", false // two names: not a type description
			}
			name = w
		}
		p.pos++
	}
	if p.accept("=") && name == "" {
		return "", false
	}
	return name, true
}

// object parses "{ member* }" at p.pos.
func (p *typedParser) object(depth int) (*shape, bool) {
	if depth > maxTypedDepth || !p.accept("{") {
		return nil, false
	}
	s := newShape("object")
	s.objects = 1
	s.prop, s.seen, s.optional = map[string]*shape{}, map[string]int{}, map[string]bool{}
	for !p.accept("}") {
		if p.pos >= len(p.toks) {
			return nil, false
		}
		t := p.toks[p.pos]
		if t.kind != 'i' && t.kind != 's' {
			return nil, false
		}
		p.pos++
		desc := p.describe(t.line)
		optional := p.accept("?")
		if !p.accept(":") {
			return nil, false
		}
		v, undef, ok := p.union(depth + 1)
		if !ok {
			return nil, false
		}
		v.desc = cmpOr(desc, v.desc)
		if _, dup := s.prop[t.text]; dup {
			return nil, false
		}
		s.addProp(t.text, v)
		if optional || undef {
			s.optional[t.text] = true
		}
		if !p.accept(",") {
			p.accept(";")
		}
	}
	return s, true
}

// describe returns the comment describing a member named on line: the comment on that
// line, unless a member named earlier on the line took it ("items: { id: integer }[] //
// 목록" describes items, not id), else the comment lines just above it.
func (p *typedParser) describe(line int) string {
	if p.claimed[line] {
		return ""
	}
	p.claimed[line] = true
	if c := p.comments[line]; c != "" {
		return c
	}
	var above []string
	for l := line - 1; l >= 0 && !p.codeLines[l]; l-- {
		c, ok := p.comments[l]
		if !ok {
			break
		}
		above = append(above, c) // bottom up, turned round below: a long comment stays linear
	}
	slices.Reverse(above)
	return strings.Join(above, " ")
}

// union parses "A | B | …"; undef reports whether undefined was one of them (an optional
// member).
func (p *typedParser) union(depth int) (s *shape, undef, ok bool) {
	if depth > maxTypedDepth {
		return nil, false, false
	}
	p.accept("|")
	var members []*shape
	for {
		t, u, ok := p.postfix(depth)
		if !ok {
			return nil, false, false
		}
		if u {
			undef = true
		} else {
			members = append(members, t)
		}
		if !p.accept("|") {
			break
		}
	}
	switch {
	case len(members) == 0:
		s = newShape()
	case len(members) == 1:
		s = members[0]
	default:
		s = mergeAll(members)
	}
	return s, undef, true
}

// mergeAll merges the members of a union, which it owns. A union of literals ('a' | 'b' |
// …) is one enum.
func mergeAll(members []*shape) *shape {
	var enum []any
	for _, m := range members {
		if m.enum == nil {
			enum = nil
			break
		}
		enum = append(enum, m.enum...)
	}
	var s *shape
	for _, m := range members {
		m.enum = nil
		s = mergeShapes(s, m)
	}
	s.enum = enum
	return s
}

// postfix parses a primary type followed by any number of "[]".
func (p *typedParser) postfix(depth int) (*shape, bool, bool) {
	s, undef, ok := p.primary(depth)
	if !ok {
		return nil, false, false
	}
	for p.is("[") && p.peekIs(1, "]") {
		p.pos += 2
		arr := newShape("array")
		arr.items = s
		s = arr
	}
	return s, undef, true
}

// primitiveTypes maps the type names of typed descriptions to JSON Schema types; "" means
// any value.
var primitiveTypes = map[string]string{
	"string": "string", "number": "number", "float": "number", "double": "number",
	"integer": "integer", "int": "integer", "long": "integer", "int32": "integer", "int64": "integer",
	"boolean": "boolean", "bool": "boolean", "null": "null", "object": "object", "Object": "object",
	"any": "", "unknown": "", "String": "string", "Number": "number", "Boolean": "boolean",
}

func (p *typedParser) primary(depth int) (*shape, bool, bool) {
	if p.pos >= len(p.toks) {
		return nil, false, false
	}
	t := p.toks[p.pos]
	switch {
	case t.kind == '{':
		s, ok := p.object(depth + 1)
		return s, false, ok
	case t.kind == '(':
		p.pos++
		s, undef, ok := p.union(depth + 1)
		if !ok || !p.accept(")") {
			return nil, false, false
		}
		return s, undef, true
	case t.kind == 's':
		p.pos++
		s := newShape("string")
		s.enum = []any{t.text}
		return s, false, true
	case t.kind == 'n':
		p.pos++
		var n json.Number = json.Number(t.text)
		if _, err := n.Float64(); err != nil {
			return nil, false, false
		}
		s := newShape("number")
		if !strings.Contains(t.text, ".") {
			s = newShape("integer")
		}
		s.enum = []any{n}
		return s, false, true
	case t.kind == 'i':
		p.pos++
		var args []*shape
		if p.accept("<") {
			for {
				a, _, ok := p.union(depth + 1)
				if !ok {
					return nil, false, false
				}
				args = append(args, a)
				if !p.accept(",") {
					break
				}
			}
			if !p.accept(">") {
				return nil, false, false
			}
		}
		switch name := t.text; {
		case name == "undefined" || name == "void":
			return nil, true, true
		case name == "true" || name == "false":
			s := newShape("boolean")
			s.enum = []any{name == "true"}
			return s, false, true
		case name == "Array" && len(args) == 1:
			s := newShape("array")
			s.items = args[0]
			return s, false, true
		case name == "Record" || name == "Map":
			return newShape("object"), false, true
		case name == "Date":
			return newShape("string"), false, true
		}
		if typ, ok := primitiveTypes[t.text]; ok {
			if typ == "" {
				return newShape(), false, true
			}
			return newShape(typ), false, true
		}
		s := newShape() // a named type the description does not define
		s.title = t.text
		return s, false, true
	}
	return nil, false, false
}

// fencedCode returns the contents of the fenced code blocks of a Markdown text, in order,
// without their final line break. goldmark finds them, so that fences inside other
// blocks and unclosed fences are read as CommonMark reads them.
func fencedCode(markdown string) []string {
	text := []byte(markdown)
	root := md.Parser().Parse(gmtext.NewReader(text))
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		for i := 0; i < fb.Lines().Len(); i++ {
			seg := fb.Lines().At(i)
			b.Write(seg.Value(text))
		}
		out = append(out, strings.TrimRight(b.String(), "\n"))
		return ast.WalkSkipChildren, nil
	})
	return out
}
