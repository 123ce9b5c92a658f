package catalog

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
)

// Version is the version of the JSON catalog's shape. Fields may be added within a
// version; none is ever renamed or removed.
const Version = 1

// SchemaFile is the file name the JSON Schema is published under, beside catalog.json.
const SchemaFile = "catalog.schema.json"

// JSONSchema is the JSON Schema (2020-12) of the JSON catalog.
//
//go:embed catalog.schema.json
var JSONSchema []byte

// URLFunc returns the site-relative URL of an entry's page, e.g. "api-gateway/400102001/".
// The URL scheme belongs to the renderer, so encoders take it as a function.
type URLFunc func(s *Service, e *Entry) string

// The JSON shapes. Field order here is the order in the output; it is a contract.
type (
	jsonCatalog struct {
		Schema   string        `json:"$schema"`
		Version  int           `json:"version"`
		Title    string        `json:"title"`
		BaseURL  string        `json:"baseURL,omitempty"`
		Lang     string        `json:"lang,omitempty"`
		Services []jsonService `json:"services"`
	}
	jsonService struct {
		ID             string              `json:"id"`
		Title          string              `json:"title"`
		Summary        string              `json:"summary,omitempty"`
		Lang           string              `json:"lang"`
		Source         string              `json:"source"`
		ResponseFormat *jsonResponseFormat `json:"responseFormat,omitempty"`
		Groups         []jsonGroup         `json:"groups,omitempty"`
		Sections       []jsonSection       `json:"sections,omitempty"`
		// Translations hold the service's title and summary in its other languages. It
		// comes before the entries, which writeServiceJSON streams last.
		Translations langMap[jsonServiceText] `json:"translations,omitempty"`
		Entries      []jsonEntry              `json:"entries"`
	}
	jsonServiceText struct {
		Title    string        `json:"title"`
		Summary  string        `json:"summary,omitempty"`
		Source   string        `json:"source"`
		Groups   []jsonGroup   `json:"groups,omitempty"`
		Sections []jsonSection `json:"sections,omitempty"`
	}
	jsonEntryText struct {
		Group       string        `json:"group"`
		Message     string        `json:"message"`
		Description string        `json:"description"`
		Resolution  string        `json:"resolution"`
		Fields      []jsonField   `json:"fields,omitempty"`
		Source      *jsonPos      `json:"source,omitempty"`
		Variants    []jsonVariant `json:"variants,omitempty"`
	}
	jsonResponseFormat struct {
		Example string         `json:"example"`
		Schema  map[string]any `json:"schema,omitempty"`
		Source  *jsonPos       `json:"source,omitempty"`
	}
	jsonGroup struct {
		Name        string   `json:"name"`
		Status      int      `json:"status,omitempty"`
		Description string   `json:"description"`
		Source      *jsonPos `json:"source,omitempty"`
	}
	jsonSection struct {
		Title  string   `json:"title"`
		Body   string   `json:"body"`
		Source *jsonPos `json:"source,omitempty"`
	}
	jsonEntry struct {
		ID          string        `json:"id"`
		Code        string        `json:"code"`
		Status      int           `json:"status,omitempty"`
		Protocol    string        `json:"protocol"`
		Group       string        `json:"group"`
		Message     string        `json:"message"`
		Description string        `json:"description"`
		Resolution  string        `json:"resolution"`
		Fields      []jsonField   `json:"fields,omitempty"`
		URL         string        `json:"url,omitempty"`
		Source      *jsonPos      `json:"source,omitempty"`
		Variants    []jsonVariant `json:"variants"`
		// Lang is set only on an entry that the service's default language does not
		// document: the language its text is in.
		Lang         string                 `json:"lang,omitempty"`
		Translations langMap[jsonEntryText] `json:"translations,omitempty"`
	}
	jsonVariant struct {
		Message     string      `json:"message,omitempty"`
		Description string      `json:"description,omitempty"`
		Resolution  string      `json:"resolution,omitempty"`
		Fields      []jsonField `json:"fields,omitempty"`
		Source      *jsonPos    `json:"source,omitempty"`
	}
	jsonField struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	jsonPos struct {
		Path   string `json:"path"`
		Line   int    `json:"line"`
		Column int    `json:"column,omitempty"`
	}
)

// EncodeJSON writes c as the JSON catalog, indented, with "$schema" pointing at SchemaFile.
// url gives each entry's "url"; with a nil url the field is left out.
//
// It writes service by service, so that only one service's JSON is in memory at a time (the
// catalog of 100,000 entries is 57 MB); the bytes are those of encoding the whole catalog
// at once with json.Encoder and SetIndent("", "  ").
func EncodeJSON(w io.Writer, c *Catalog, url URLFunc) error {
	head, err := json.MarshalIndent(jsonCatalog{
		Schema: SchemaFile, Version: Version, Title: c.Title, BaseURL: c.BaseURL, Lang: c.Lang,
		Services: []jsonService{},
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("encode catalog: %w", err)
	}
	const empty = "[]\n}"
	if len(c.Services) == 0 || !bytes.HasSuffix(head, []byte(empty)) {
		_, err := w.Write(append(head, '\n'))
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:len(head)-len(empty)])
	bw.WriteString("[\n")
	for i, s := range c.Services {
		bw.WriteString("    ")
		if err := writeServiceJSON(bw, s, url, "    "); err != nil {
			return err
		}
		if i < len(c.Services)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
}

// writeServiceJSON writes s as json.MarshalIndent(toJSONService(s, url, true), prefix, "  ")
// would, an entry at a time: a large service is never held whole in memory as JSON.
func writeServiceJSON(bw *bufio.Writer, s *Service, url URLFunc, prefix string) error {
	head, err := json.MarshalIndent(toJSONService(s, nil, false), prefix, "  ")
	if err != nil {
		return fmt.Errorf("encode catalog: service %s: %w", s.ID, err)
	}
	empty := "[]\n" + prefix + "}"
	if len(s.Entries) == 0 || !bytes.HasSuffix(head, []byte(empty)) {
		_, err := bw.Write(head)
		return err
	}
	bw.Write(head[:len(head)-len(empty)])
	bw.WriteString("[\n")
	inner := prefix + "    "
	for i, e := range s.Entries {
		data, err := json.MarshalIndent(toJSONEntry(s, e, url), inner, "  ")
		if err != nil {
			return fmt.Errorf("encode catalog: service %s: entry %s: %w", s.ID, e.ID, err)
		}
		bw.WriteString(inner)
		bw.Write(data)
		if i < len(s.Entries)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString(prefix + "  ]\n" + prefix + "}")
	return nil
}

func EncodeServiceJSON(w io.Writer, s *Service, url URLFunc) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeServiceJSON(bw, s, url, ""); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func toJSONPos(p Pos) *jsonPos {
	if !p.IsValid() {
		return nil
	}
	return &jsonPos{Path: p.File, Line: p.Line, Column: p.Col}
}

func toJSONFields(fs []Field) []jsonField {
	var out []jsonField
	for _, f := range fs {
		out = append(out, jsonField(f))
	}
	return out
}

// toJSONService returns s in catalog.json's shape, with its entries when entries is set
// (writeServiceJSON writes them one at a time).
func toJSONService(s *Service, url URLFunc, entries bool) jsonService {
	js := jsonService{
		ID: s.ID, Title: s.Title, Summary: s.Summary, Lang: s.Lang, Source: s.Source,
		Entries: []jsonEntry{},
	}
	if rf := s.ResponseFormat; rf != nil {
		js.ResponseFormat = &jsonResponseFormat{Example: rf.Example, Schema: rf.Schema, Source: toJSONPos(rf.Source)}
	}
	js.Groups, js.Sections = toJSONGroups(s.Groups), toJSONSections(s.Sections)
	for _, t := range s.Translations {
		js.Translations = append(js.Translations, langValue[jsonServiceText]{t.Lang, jsonServiceText{Title: t.Title, Summary: t.Summary, Source: t.Source,
			Groups: toJSONGroups(t.Groups), Sections: toJSONSections(t.Sections)}})
	}
	if entries {
		js.Entries = make([]jsonEntry, 0, len(s.Entries))
		for _, e := range s.Entries {
			js.Entries = append(js.Entries, toJSONEntry(s, e, url))
		}
	}
	return js
}

// toJSONEntry returns e in catalog.json's shape, with its URL when url is not nil.
func toJSONEntry(s *Service, e *Entry, url URLFunc) jsonEntry {
	je := jsonEntry{
		ID: e.ID, Code: e.Code, Status: int(e.Status), Protocol: e.Protocol.String(), Group: e.Group,
		Message: e.Message, Description: e.Description, Resolution: e.Resolution,
		Fields: toJSONFields(e.Fields()), Source: toJSONPos(e.Source),
		Variants: make([]jsonVariant, 0, len(e.Variants())),
	}
	if url != nil {
		je.URL = url(s, e)
	}
	je.Variants = toJSONVariants(e.Variants(), je.Variants)
	je.Lang = e.Lang()
	for _, t := range e.Translations() {
		je.Translations = append(je.Translations, langValue[jsonEntryText]{t.Lang, jsonEntryText{
			Group: t.Group, Message: t.Message, Description: t.Description, Resolution: t.Resolution,
			Fields: toJSONFields(t.Fields), Source: toJSONPos(t.Source), Variants: toJSONVariants(t.Variants, nil),
		}})
	}
	return je
}

func toJSONGroups(gs []Group) []jsonGroup {
	var out []jsonGroup
	for _, g := range gs {
		out = append(out, jsonGroup{Name: g.Name, Status: int(g.Status), Description: g.Description, Source: toJSONPos(g.Source)})
	}
	return out
}

func toJSONSections(ss []Section) []jsonSection {
	var out []jsonSection
	for _, sec := range ss {
		out = append(out, jsonSection{Title: sec.Title, Body: sec.Body, Source: toJSONPos(sec.Source)})
	}
	return out
}

func fromJSONGroups(gs []jsonGroup) []Group {
	var out []Group
	for _, g := range gs {
		out = append(out, Group{Name: g.Name, Status: Status(g.Status), Description: g.Description, Source: fromJSONPos(g.Source)})
	}
	return out
}

func fromJSONSections(ss []jsonSection) []Section {
	var out []Section
	for _, sec := range ss {
		out = append(out, Section{Title: sec.Title, Body: sec.Body, Source: fromJSONPos(sec.Source)})
	}
	return out
}

func toJSONVariants(vs []Variant, out []jsonVariant) []jsonVariant {
	for _, v := range vs {
		out = append(out, jsonVariant{
			Message: v.Message, Description: v.Description, Resolution: v.Resolution,
			Fields: toJSONFields(v.Fields), Source: toJSONPos(v.Source),
		})
	}
	return out
}

func fromJSONVariants(vs []jsonVariant) []Variant {
	var out []Variant
	for _, v := range vs {
		out = append(out, Variant{
			Message: v.Message, Description: v.Description, Resolution: v.Resolution,
			Fields: fromJSONFields(v.Fields), Source: fromJSONPos(v.Source),
		})
	}
	return out
}

// langValue is one language's value of a langMap.
type langValue[T any] struct {
	Lang  string
	Value T
}

// langMap is a JSON object keyed by language tag whose keys keep their order (the
// service's language order), when written and when read.
type langMap[T any] []langValue[T]

// MarshalJSON writes the object in the order of m.
func (m langMap[T]) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, lv := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(lv.Lang)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(lv.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object keeping the order of its keys; null is no translation.
func (m *langMap[T]) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*m = nil
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("translations: expected an object keyed by language")
	}
	*m = nil
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v T
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("translations: %q: %w", t, err)
		}
		*m = append(*m, langValue[T]{t.(string), v})
	}
	return nil
}

// DecodeJSON reads a JSON catalog written by EncodeJSON. It rejects a catalog of another
// version; entry URLs are not kept (they follow from the IDs).
func DecodeJSON(r io.Reader) (*Catalog, error) {
	var jc jsonCatalog
	dec := json.NewDecoder(r)
	if err := dec.Decode(&jc); err != nil {
		return nil, fmt.Errorf("decode catalog: %w", err)
	}
	if jc.Version != Version {
		return nil, fmt.Errorf("decode catalog: version %d, want %d", jc.Version, Version)
	}
	c := &Catalog{Title: jc.Title, BaseURL: jc.BaseURL, Lang: jc.Lang}
	for _, js := range jc.Services {
		s := &Service{ID: js.ID, Title: js.Title, Summary: js.Summary, Lang: js.Lang, Source: js.Source}
		if rf := js.ResponseFormat; rf != nil {
			s.ResponseFormat = &ResponseFormat{Example: rf.Example, Schema: rf.Schema, Source: fromJSONPos(rf.Source)}
		}
		s.Groups, s.Sections = fromJSONGroups(js.Groups), fromJSONSections(js.Sections)
		for _, t := range js.Translations {
			s.Translations = append(s.Translations, ServiceText{Lang: t.Lang, Title: t.Value.Title, Summary: t.Value.Summary, Source: t.Value.Source,
				Groups: fromJSONGroups(t.Value.Groups), Sections: fromJSONSections(t.Value.Sections)})
		}
		for _, je := range js.Entries {
			p, ok := ParseProtocol(je.Protocol)
			if !ok {
				return nil, fmt.Errorf("decode catalog: service %q entry %q: unknown protocol %q", js.ID, je.ID, je.Protocol)
			}
			e := &Entry{
				ID: je.ID, Code: je.Code, Status: Status(je.Status), Protocol: p, Group: je.Group,
				Message: je.Message, Description: je.Description, Resolution: je.Resolution,
				Source: fromJSONPos(je.Source),
			}
			e.SetFields(fromJSONFields(je.Fields))
			e.SetVariants(fromJSONVariants(je.Variants))
			e.SetLang(je.Lang)
			var ts []EntryText
			for _, t := range je.Translations {
				v := t.Value
				ts = append(ts, EntryText{Lang: t.Lang, Group: v.Group, Message: v.Message,
					Description: v.Description, Resolution: v.Resolution, Fields: fromJSONFields(v.Fields),
					Variants: fromJSONVariants(v.Variants), Source: fromJSONPos(v.Source)})
			}
			e.SetTranslations(ts)
			s.Entries = append(s.Entries, e)
		}
		c.Services = append(c.Services, s)
	}
	return c, nil
}

func fromJSONPos(p *jsonPos) Pos {
	if p == nil {
		return Pos{}
	}
	return Pos{File: p.Path, Line: p.Line, Col: p.Column}
}

func fromJSONFields(fs []jsonField) []Field {
	var out []Field
	for _, f := range fs {
		out = append(out, Field(f))
	}
	return out
}
