package openapi

import (
	"io"

	"docgen/catalog"
	"docgen/render"
)

// WriteFiles writes openapi.yaml and openapi.json (OpenAPI 3.1) of c into o, with info and
// servers from s: the OpenAPI output of docgen build. The bytes are those of Build and
// Marshal, but both files are written as streams, service by service: only one service's
// components are in memory at a time, never the whole document (145 MB of text for
// 100,000 codes).
func WriteFiles(o render.Writer, c *catalog.Catalog, s Settings) error {
	opts := Options{Settings: s}
	root, v, err := header(c, opts)
	if err != nil {
		return err
	}
	yf, err := render.Create(o, "openapi.yaml")
	if err != nil {
		return err
	}
	jf, err := render.Create(o, "openapi.json")
	if err != nil {
		yf.Close()
		return err
	}
	err = writeStreams(yf, jf, c, root, v)
	for _, f := range []io.Closer{yf, jf} {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// writeStreams writes the document of c, whose members before components are root, as
// YAML to yw and as JSON to jw: the schemas of each service in turn, then the responses of
// each service in turn. Only the model of each service's error body waits between the two
// (a schema and a base value per service, not per entry); each service's responses are
// built when they are written.
func writeStreams(yw, jw io.Writer, c *catalog.Catalog, root *omap, v Version) error {
	cs := &componentStream{y: newYAMLEmitter(yw, 2), j: newJSONWriter(jw, "  ")}
	if err := cs.begin(root); err != nil {
		return err
	}
	pre := prefixes(c)
	parts := make([]*httpPart, len(c.Services))
	for i, s := range c.Services {
		d := &Document{version: v, schemas: newMap(), responses: newMap()}
		parts[i] = addSchemas(d, s, pre[s.ID])
		finishSchemas(d)
		for _, k := range d.schemas.keys {
			if err := cs.entry("schemas", k, d.schemas.vals[k]); err != nil {
				return err
			}
		}
	}
	for i, s := range c.Services {
		d := &Document{version: v, schemas: newMap(), responses: newMap()}
		parts[i].addResponses(d, c, s, pre[s.ID])
		parts[i] = nil
		finishSchemas(d) // marks the responses (d has no schemas)
		for _, k := range d.responses.keys {
			if err := cs.entry("responses", k, d.responses.vals[k]); err != nil {
				return err
			}
		}
	}
	return cs.end()
}

// componentStream writes a document in both formats with its components given one at a
// time, laid out as the YAML emitter and the JSON writer lay out the whole document.
type componentStream struct {
	y       *yamlEmitter
	j       *jsonWriter
	open    bool   // components has a member
	section string // the member of components being written: schemas or responses
}

// begin writes the members of root, the document's members before components, and the
// key of components.
func (cs *componentStream) begin(root *omap) error {
	cs.j.w.WriteString("{\n")
	for _, k := range root.keys {
		if err := cs.y.entry(k, root.vals[k], 0, false); err != nil {
			return err
		}
		if err := cs.j.member(k, root.vals[k], 1); err != nil {
			return err
		}
		cs.j.w.WriteString(",\n")
	}
	cs.y.key("components", 0)
	cs.y.w.WriteByte(':')
	cs.j.indent(1)
	cs.j.string("components")
	cs.j.w.WriteString(": ")
	return nil
}

// entry writes component k of section (schemas, then responses) with value v.
func (cs *componentStream) entry(section, k string, v any) error {
	y, j := cs.y, cs.j
	if !cs.open {
		y.w.WriteByte('\n')
		j.w.WriteString("{\n")
		cs.open = true
	}
	if section != cs.section {
		if cs.section != "" {
			j.w.WriteByte('\n')
			j.indent(2)
			j.w.WriteString("},\n")
		}
		y.spaces(y.unit)
		y.key(section, y.unit)
		y.w.WriteString(":\n")
		j.indent(2)
		j.string(section)
		j.w.WriteString(": {\n")
		cs.section = section
	} else {
		j.w.WriteString(",\n")
	}
	if err := y.entry(k, v, 2*y.unit, false); err != nil {
		return err
	}
	return j.member(k, v, 3)
}

// end closes the document and flushes both writers.
func (cs *componentStream) end() error {
	y, j := cs.y, cs.j
	if cs.open {
		j.w.WriteByte('\n')
		j.indent(2)
		j.w.WriteString("}\n")
		j.indent(1)
		j.w.WriteByte('}')
	} else {
		y.w.WriteString(" {}\n")
		j.w.WriteString("{}")
	}
	j.w.WriteString("\n}\n")
	if err := y.w.Flush(); err != nil {
		return err
	}
	return j.w.Flush()
}
