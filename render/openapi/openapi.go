// Package openapi renders the catalog as OpenAPI error components: per service a schema
// of its error body, an enum of its error codes (with x-enumDescriptions and
// x-enum-varnames), a schema of its JSON-RPC errors, and one reusable response per HTTP
// status with one named example per code. It writes OpenAPI 3.1 (or 3.0) as YAML or JSON,
// byte for byte the same for the same catalog, and merges the components into an existing
// OpenAPI document without disturbing what is there (Merge).
//
// It reads only the catalog model: the error body's schema and example come from the
// readers (package parse), the URLs of entry pages from package render, and the settings
// (info, servers) and files from the command line (cmd/docgen). It writes no paths: which
// operation returns which response is for the API's own document to say.
package openapi

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/render"
)

// Version is the OpenAPI version of a document: V31, V32 or V30.
type Version string

// The versions docgen writes.
const (
	V31 Version = "3.1" // OpenAPI 3.1.0: schemas are JSON Schema 2020-12
	V32 Version = "3.2" // OpenAPI 3.2.0: schemas as in 3.1
	V30 Version = "3.0" // OpenAPI 3.0.3: nullable, one example per schema, no type lists
)

// ParseVersion returns the version named s: "3.1" or "3.0" (a patch number is allowed).
func ParseVersion(s string) (Version, error) {
	switch {
	case s == "3.1" || strings.HasPrefix(s, "3.1."):
		return V31, nil
	case s == "3.2" || strings.HasPrefix(s, "3.2."):
		return V32, nil
	case s == "3.0" || strings.HasPrefix(s, "3.0."):
		return V30, nil
	}
	return "", fmt.Errorf("OpenAPI version %q: expected 3.1, 3.2 or 3.0", s)
}

// String returns the version as the document's "openapi" field has it.
func (v Version) String() string {
	switch v {
	case V30:
		return "3.0.3"
	case V32:
		return "3.2.0"
	}
	return "3.1.0"
}

// Format is a serialization of the document: YAML or JSON.
type Format string

// The formats docgen writes.
const (
	YAML Format = "yaml"
	JSON Format = "json"
)

// ParseFormat returns the format named s: "yaml" (or "yml") or "json".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "yaml", "yml":
		return YAML, nil
	case "json":
		return JSON, nil
	}
	return "", fmt.Errorf("format %q: expected yaml or json", s)
}

// Settings are the document's own metadata, as docgen.yaml's "openapi" section gives them:
//
//	openapi:
//	  info:
//	    title: Example API errors
//	    version: "2024-06-01"
//	    description: Errors of the Example APIs.
//	    license: {name: Apache 2.0, identifier: Apache-2.0}
//	  servers:
//	    - url: https://api.example.com
//	      description: production
type Settings struct {
	Info    Info     `yaml:"info" json:"info"`
	Servers []Server `yaml:"servers" json:"servers"`
}

// Info is the document's info object. An empty Title is the catalog's title; an empty
// Version is "1.0.0".
type Info struct {
	Title       string   `yaml:"title" json:"title"`
	Version     string   `yaml:"version" json:"version"`
	Description string   `yaml:"description" json:"description"`
	License     *License `yaml:"license" json:"license"`
}

// License is the license of the API. Identifier (an SPDX expression) is OpenAPI 3.1 only
// and left out of 3.0 documents.
type License struct {
	Name       string `yaml:"name" json:"name"`
	URL        string `yaml:"url" json:"url"`
	Identifier string `yaml:"identifier" json:"identifier"`
}

// Server is one server the API is served from. Without any, the document lists "/", which
// is what OpenAPI assumes when servers are left out.
type Server struct {
	URL         string `yaml:"url" json:"url"`
	Description string `yaml:"description" json:"description"`
}

// Options say what document Build makes.
type Options struct {
	Version  Version // V31 when empty
	Settings Settings
}

// Document is an OpenAPI document built from a catalog.
type Document struct {
	version   Version
	root      *omap
	schemas   *omap // components.schemas
	responses *omap // components.responses
}

// Version returns the document's OpenAPI version.
func (d *Document) Version() Version { return d.version }

// Marshal writes the document as YAML or JSON.
func (d *Document) Marshal(f Format) ([]byte, error) {
	if f == JSON {
		return marshalJSON(d.root)
	}
	return marshalYAML(d.root)
}

// Components returns the names of the schemas and the responses the document defines, in
// document order.
func (d *Document) Components() (schemas, responses []string) {
	return slices.Clone(d.schemas.keys), slices.Clone(d.responses.keys)
}

// Build makes the OpenAPI document of c: info and servers from the settings, empty paths,
// and the error components of every service.
func Build(c *catalog.Catalog, opts Options) (*Document, error) {
	root, v, err := header(c, opts)
	if err != nil {
		return nil, err
	}
	d := buildComponents(c, v)
	comp := newMap()
	if d.schemas.len() > 0 {
		comp.set("schemas", d.schemas)
	}
	if d.responses.len() > 0 {
		comp.set("responses", d.responses)
	}
	root.set("components", comp)
	d.root = root
	return d, nil
}

// header makes the document's members before components: openapi, info, externalDocs,
// servers and paths.
func header(c *catalog.Catalog, opts Options) (*omap, Version, error) {
	v := opts.Version
	if v == "" {
		v = V31
	}
	if v != V31 && v != V32 && v != V30 {
		return nil, "", fmt.Errorf("OpenAPI version %q: expected 3.1, 3.2 or 3.0", v)
	}
	root := newMap()
	root.set("openapi", v.String())
	root.set("info", infoObject(c, opts.Settings.Info, v))
	if c.BaseURL != "" {
		root.set("externalDocs", newMap().set("description", "The error catalog").set("url", c.BaseURL))
	}
	servers := []any{}
	for _, s := range opts.Settings.Servers {
		if strings.TrimSpace(s.URL) == "" {
			return nil, "", fmt.Errorf("openapi.servers: a server has no url")
		}
		so := newMap().set("url", s.URL)
		if s.Description != "" {
			so.set("description", s.Description)
		}
		servers = append(servers, so)
	}
	if len(servers) == 0 {
		servers = append(servers, newMap().set("url", "/"))
	}
	root.set("servers", servers)
	root.set("paths", newMap())
	return root, v, nil
}

func infoObject(c *catalog.Catalog, in Info, v Version) *omap {
	title := cmpOr(in.Title, c.Title, "Error catalog")
	desc := in.Description
	if desc == "" {
		desc = fmt.Sprintf("The errors of %s, generated by docgen from its error catalog: "+
			"per service a schema of the error body, an enum of the error codes, and one "+
			"response per HTTP status with an example per code. Use a response from an "+
			"operation with `$ref: '#/components/responses/<service>.<status>'`.",
			plural(len(c.Services), "service"))
	}
	info := newMap().set("title", title).set("version", cmpOr(in.Version, "1.0.0")).set("description", desc)
	if l := in.License; l != nil && l.Name != "" {
		lo := newMap().set("name", l.Name)
		if l.Identifier != "" && v != V30 {
			lo.set("identifier", l.Identifier)
		} else if l.URL != "" {
			lo.set("url", l.URL)
		}
		info.set("license", lo)
	}
	return info
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// buildComponents makes the schemas and responses of every service of c.
func buildComponents(c *catalog.Catalog, v Version) *Document {
	d := &Document{version: v, schemas: newMap(), responses: newMap()}
	pre := prefixes(c)
	for _, s := range c.Services {
		addService(d, c, s, pre[s.ID])
	}
	finishSchemas(d)
	return d
}

// OwnerKey and OwnerValue mark every component docgen writes (x-generated-by: docgen), so
// that a merge knows which components of a document are docgen's: those the catalog no
// longer has are removed, the others are never touched without --force.
const (
	OwnerKey   = "x-generated-by"
	OwnerValue = "docgen"
)

// finishSchemas makes the schemas of d what the document says (OpenAPI 3.0's form for a
// 3.0 document) and marks every component as docgen's. Each component is finished on its
// own, so that the components of one service at a time come out as those of the whole
// catalog do.
func finishSchemas(d *Document) {
	for _, k := range d.schemas.keys {
		if d.version == V30 {
			anyValue30(d.schemas.vals[k].(*omap))
			d.schemas.vals[k] = to30(d.schemas.vals[k].(*omap))
		}
		d.schemas.vals[k].(*omap).set(OwnerKey, OwnerValue)
	}
	for _, k := range d.responses.keys {
		d.responses.vals[k].(*omap).set(OwnerKey, OwnerValue)
	}
}

// owned reports whether a component of a document is docgen's.
func owned(v any) bool {
	m, ok := v.(*omap)
	if !ok {
		return false
	}
	x, _ := m.get(OwnerKey)
	return x == OwnerValue
}

func schemaRef(name string) *omap { return newMap().set("$ref", "#/components/schemas/"+name) }

// addService adds the components of one service.
func addService(d *Document, c *catalog.Catalog, s *catalog.Service, prefix string) {
	addSchemas(d, s, prefix).addResponses(d, c, s, prefix)
}

// httpPart is what the responses of a service are made from: its entries with an HTTP
// protocol and the model of its error body. It is nil for a service without any.
type httpPart struct {
	entries []*catalog.Entry
	body    *body
	errName string // the name of the body's schema
}

// addResponses adds the responses of the service the part belongs to.
func (p *httpPart) addResponses(d *Document, c *catalog.Catalog, s *catalog.Service, prefix string) {
	if p != nil {
		addResponses(d, c, s, prefix, p.entries, p.body, p.errName)
	}
}

// addSchemas adds the schemas of one service, and returns what its responses are made of.
func addSchemas(d *Document, s *catalog.Service, prefix string) *httpPart {
	var part *httpPart
	var httpEntries, rpcEntries []*catalog.Entry
	for _, e := range s.Entries {
		if e.Protocol == catalog.JSONRPC {
			rpcEntries = append(rpcEntries, e)
		} else {
			httpEntries = append(httpEntries, e)
		}
	}
	title := cmpOr(s.Title, s.ID)
	if len(httpEntries) > 0 {
		errName, codeName := prefix+".Error", prefix+".ErrorCode"
		b := modelBody(s, httpEntries, codeName)
		d.schemas.set(errName, b.schema)
		for _, def := range b.defs {
			d.schemas.set(def.name, def.schema)
		}
		d.schemas.set(codeName, codeEnum(title, "error codes", httpEntries, b.codeInt))
		part = &httpPart{entries: httpEntries, body: b, errName: errName}
	}
	if len(rpcEntries) > 0 {
		codeName := prefix + ".JsonRpcErrorCode"
		asInt := true
		for _, e := range rpcEntries {
			if _, ok := intCode(e.Code); !ok {
				asInt = false
			}
		}
		// One example per code: 3.0 keeps only the first (one example per schema there).
		var examples []any
		for _, e := range rpcEntries {
			examples = append(examples, newMap().set("code", codeValue(e.Code, asInt)).set("message", message(e)))
		}
		obj := newMap().
			set("title", title+" JSON-RPC error").
			set("description", "The `error` member of a JSON-RPC 2.0 response of "+title+".").
			set("type", "object").
			set("properties", newMap().
				set("code", schemaRef(codeName)).
				set("message", newMap().set("description", "A short description of the error.").set("type", "string")).
				set("data", newMap().set("description", "More about the error, as the server defines it."))).
			set("required", []any{"code", "message"}).
			set("examples", examples)
		d.schemas.set(prefix+".JsonRpcError", obj)
		d.schemas.set(codeName, codeEnum(title, "JSON-RPC error codes", rpcEntries, asInt))
	}
	return part
}

// codeEnum makes the enum schema of a list of entries' codes. A code under several
// statuses is one value whose description names each status.
func codeEnum(title, what string, entries []*catalog.Entry, asInt bool) *omap {
	var order []string
	byCode := map[string][]*catalog.Entry{}
	for _, e := range entries {
		if _, ok := byCode[e.Code]; !ok {
			order = append(order, e.Code)
		}
		byCode[e.Code] = append(byCode[e.Code], e)
	}
	enum := make([]any, 0, len(order))
	names := make([]any, 0, len(order))
	descs := newMap()
	usedNames := map[string]bool{}
	for _, code := range order {
		enum = append(enum, codeValue(code, asInt))
		n := varName(code)
		for i := 2; usedNames[n]; i++ {
			n = varName(code) + "_" + strconv.Itoa(i)
		}
		usedNames[n] = true
		names = append(names, n)
		var parts []string
		es := byCode[code]
		for _, e := range es {
			text := enumText(e)
			if len(es) > 1 && e.Status != 0 {
				text = strconv.Itoa(int(e.Status)) + ": " + text
			}
			if text != "" {
				parts = append(parts, text)
			}
		}
		descs.set(code, strings.Join(parts, "\n\n"))
	}
	typ := "string"
	if asInt {
		typ = "integer"
	}
	return newMap().
		set("title", title+" "+what).
		set("description", "The "+what+" of "+title+", as its documentation lists them.").
		set("type", typ).
		set("enum", enum).
		set("x-enumDescriptions", descs).
		set("x-enum-varnames", names)
}

// enumText describes an entry for x-enumDescriptions: its message and its description.
func enumText(e *catalog.Entry) string {
	msg := strings.TrimSpace(e.Message)
	desc := strings.TrimSpace(e.Description)
	switch {
	case msg == "":
		return desc
	case desc == "" || desc == msg:
		return msg
	}
	return msg + " — " + desc
}

// modelBody models a service's error body: the documented schema, or one derived from the
// documented example, or else the RFC 9457 problem details shape.
func modelBody(s *catalog.Service, entries []*catalog.Entry, codeName string) *body {
	title := cmpOr(s.Title, s.ID)
	codes := map[string]bool{}
	allInt := true
	for _, e := range entries {
		codes[e.Code] = true
		if _, ok := intCode(e.Code); !ok {
			allInt = false
		}
	}
	b := &body{media: "application/json"}
	var example any
	haveExample := false
	if rf := s.ResponseFormat; rf != nil {
		if rf.Schema != nil {
			b.schema = normalizeSchema(rf.Schema)
		}
		if v, err := decodeJSON([]byte(jsonText(rf.Example))); err == nil {
			example, haveExample = v, true
		}
	}
	desc := ""
	switch {
	case b.schema != nil && haveExample && !valid(b.schema, example, nil):
		// The documented schema rejects the documented example: trust the example.
		b.schema = inferSchema(example)
		desc = "The error body of " + title + ", derived from the example its documentation gives " +
			"(its documented schema does not fit that example)."
	case b.schema != nil:
		desc = "The error body of " + title + ", as its documentation describes it."
	case haveExample:
		b.schema = inferSchema(example)
		desc = "The error body of " + title + ", derived from the example its documentation gives."
	default:
		return problemBody(title, codeName)
	}
	b.defs = hoistDefs(b.schema, strings.TrimSuffix(codeName, "Code"))
	refs := localRefs(b.defs)
	if haveExample && valid(b.schema, example, refs) {
		b.base = example
	} else {
		b.base = instance(b.schema, refs)
	}
	b.findSlots(codes, allInt)
	if !allInt {
		b.codeInt = false
	}

	// Where the code goes, the schema says "one of the codes"; where the status and the
	// message go, the schema must take every status and message filled in.
	if b.code != nil {
		if sub, replace, ok := schemaAt(b.schema, b.code); ok {
			ref := schemaRef(codeName)
			if dsc := sub.str("description"); dsc != "" {
				ref.set("description", dsc)
			}
			replace(ref)
		}
	}
	loosen := func(path []any, typ string, values []any) {
		sub, replace, ok := schemaAt(b.schema, path)
		if !ok {
			return
		}
		for _, v := range values {
			if !valid(sub, v, refs) {
				n := newMap()
				if dsc := sub.str("description"); dsc != "" {
					n.set("description", dsc)
				}
				replace(n.set("type", typ))
				return
			}
		}
	}
	if b.status != nil {
		var vs []any
		for _, e := range entries {
			if e.Status != 0 {
				vs = append(vs, int64(e.Status))
			}
		}
		loosen(b.status, "integer", vs)
	}
	for _, p := range b.messages {
		var vs []any
		for _, e := range entries {
			vs = append(vs, message(e))
		}
		loosen(p, "string", vs)
	}

	// Every example must satisfy the schema. If the documented schema still rejects one
	// (it disagrees with its own example), describe the body by the example instead.
	// Every example's code is one of the entries' codes by construction, so the code schema
	// stands in here by its type alone: checking each example against the full enum would
	// cost the square of the number of codes (minutes at 100,000).
	codeType := "string"
	if b.codeInt {
		codeType = "integer"
	}
	codeSchema := newMap().set("type", codeType)
	local := localRefs(b.defs)
	refs = func(r string) *omap {
		if r == "#/components/schemas/"+codeName {
			return codeSchema
		}
		return local(r)
	}
	for _, e := range entries {
		if e.Status != 0 && !valid(b.schema, b.example(e, ""), refs) {
			b.schema, b.defs = inferSchema(b.base), nil
			desc = "The error body of " + title + ", derived from the example its documentation gives " +
				"(its documented schema does not fit that example)."
			if b.code != nil {
				if _, replace, ok := schemaAt(b.schema, b.code); ok {
					replace(schemaRef(codeName))
				}
			}
			break
		}
	}
	if b.schema.str("description") == "" {
		b.schema.set("description", desc)
	}
	if !b.schema.has("title") {
		b.schema.set("title", title+" error")
	}
	orderKeys("", b.schema.keys)
	return b
}

// localRefs resolves references to hoisted $defs.
func localRefs(defs []namedSchema) resolver {
	return func(r string) *omap {
		for _, d := range defs {
			if r == "#/components/schemas/"+d.name {
				return d.schema
			}
		}
		return nil
	}
}

// jsonText returns the JSON value in a documented example: the text itself, or the part
// from its first "{" to its last "}" when words surround it.
func jsonText(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") {
		return s
	}
	i, j := strings.Index(s, "{"), strings.LastIndex(s, "}")
	if i >= 0 && j > i {
		return s[i : j+1]
	}
	return s
}

// problemBody is the RFC 9457 problem details shape, for a service that documents no error
// body, with the code as an extension member.
func problemBody(title, codeName string) *body {
	s := newMap().
		set("title", title+" error").
		set("description", "RFC 9457 problem details. "+title+" does not document its error "+
			"response body: this shape is assumed, not documented. `type` is the URL of the "+
			"error's page in the error catalog and `code` the error code.").
		set("type", "object").
		set("properties", newMap().
			set("type", newMap().set("description", "A URI reference that identifies the problem type: the page of the error in the catalog.").set("type", "string").set("format", "uri-reference")).
			set("title", newMap().set("description", "A short, human-readable summary of the problem type.").set("type", "string")).
			set("status", newMap().set("description", "The HTTP status code.").set("type", "integer").set("minimum", int64(100)).set("maximum", int64(599))).
			set("detail", newMap().set("description", "A human-readable explanation specific to this occurrence of the problem.").set("type", "string")).
			set("instance", newMap().set("description", "A URI reference that identifies this occurrence of the problem.").set("type", "string").set("format", "uri-reference")).
			set("code", schemaRef(codeName)))
	base := newMap().set("type", "").set("title", "").set("status", int64(0)).set("code", "")
	// The code is a string, as written: nothing documents it as a number.
	return &body{schema: s, media: "application/problem+json", problem: true, base: base}
}

// addResponses adds one response per HTTP status of a service's entries.
func addResponses(d *Document, c *catalog.Catalog, s *catalog.Service, prefix string, entries []*catalog.Entry, b *body, errName string) {
	byStatus := map[catalog.Status][]*catalog.Entry{}
	var statuses []catalog.Status
	for _, e := range entries {
		if e.Status == 0 {
			continue // no HTTP status: no response
		}
		if _, ok := byStatus[e.Status]; !ok {
			statuses = append(statuses, e.Status)
		}
		byStatus[e.Status] = append(byStatus[e.Status], e)
	}
	slices.Sort(statuses)
	title := cmpOr(s.Title, s.ID)
	for _, st := range statuses {
		es := byStatus[st]
		var desc strings.Builder
		if r := st.Reason(); r != "" {
			fmt.Fprintf(&desc, "%s (%d) from %s. ", r, int(st), title)
		} else {
			fmt.Fprintf(&desc, "Status %d from %s. ", int(st), title)
		}
		if len(es) == 1 {
			desc.WriteString("The error code is:\n")
		} else {
			desc.WriteString("The error code is one of:\n")
		}
		examples := newMap()
		for _, e := range es {
			fmt.Fprintf(&desc, "- %s: %s\n", mdCode(e.Code), message(e))
			name := exampleName(e)
			for i := 2; examples.has(name); i++ {
				name = e.ID + "-" + strconv.Itoa(i)
			}
			ex := newMap().set("summary", plainText(e.Code+": "+message(e), 120))
			if dsc := exampleDescription(e); dsc != "" {
				ex.set("description", dsc)
			}
			ex.set("value", b.example(e, entryURL(c, s, e)))
			if tr := translatedExamples(b, e, entryURL(c, s, e)); tr != nil {
				ex.set("x-translations", tr)
			}
			examples.set(name, ex)
		}
		resp := newMap().
			set("description", strings.TrimSuffix(desc.String(), "\n")).
			set("content", newMap().set(b.media, newMap().
				set("schema", schemaRef(errName)).
				set("examples", examples)))
		d.responses.set(prefix+"."+strconv.Itoa(int(st)), resp)
	}
}

// translatedExamples returns the example of e in each of its translations, keyed by
// language ({"en": {"summary", "description", "value"}}), or nil for an entry in one
// language. The example itself stays in the default language: validators and code
// generators read only it, and pass over an x- extension.
func translatedExamples(b *body, e *catalog.Entry, typeURL string) *omap {
	if len(e.Translations()) == 0 {
		return nil
	}
	out := newMap()
	for _, tr := range e.Translations() {
		te := *e
		te.Group, te.Message, te.Description, te.Resolution = tr.Group, tr.Message, tr.Description, tr.Resolution
		ex := newMap().set("summary", plainText(te.Code+": "+message(&te), 120))
		if dsc := exampleDescription(&te); dsc != "" {
			ex.set("description", dsc)
		}
		out.set(tr.Lang, ex.set("value", b.example(&te, typeURL)))
	}
	return out
}

// exampleDescription is the description of an entry's example: its description (unless it
// only repeats the message) and its resolution, in Markdown as OpenAPI descriptions are.
func exampleDescription(e *catalog.Entry) string {
	dsc := strings.TrimSpace(e.Description)
	if dsc == strings.TrimSpace(e.Message) {
		dsc = ""
	}
	if res := strings.TrimSpace(e.Resolution); res != "" {
		if dsc != "" {
			dsc += "\n\n"
		}
		dsc += "**Resolution:** " + res
	}
	return dsc
}

// entryURL is the URL of an entry's page: absolute when the catalog has a base URL. Each
// segment is escaped: an ID written by hand in docgen.yaml may hold spaces or non-ASCII
// letters, and the problem type must be a valid URI reference.
func entryURL(c *catalog.Catalog, s *catalog.Service, e *catalog.Entry) string {
	parts := strings.Split(render.EntryURL(s, e), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	u := strings.Join(parts, "/")
	if c.BaseURL != "" {
		return strings.TrimSuffix(c.BaseURL, "/") + "/" + u
	}
	return u
}

// mdCode writes a code as Markdown inline code, whatever backticks it holds.
func mdCode(code string) string {
	fence := "`"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") {
		return fence + " " + code + " " + fence
	}
	return fence + code + fence
}
