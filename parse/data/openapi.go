package data

import (
	"sort"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// An OpenAPI (or Swagger) description documents its errors in its responses: under each
// operation's error statuses, or in components.responses that operations refer to, an
// example body (or several) holds the code and message; the response's description says
// when it happens; a schema may list every code in an enum. Read as plain data its
// structure hides that (a response is keyed by its status, an example nests in content),
// so such a file is read by its own rules here: every example body of an error response
// becomes a record, with the response's status and description as fields of its own
// where the body has none, and the operations that answer with it; the codes a schema
// enum lists and no example shows become records of their own, with their
// x-enum-descriptions when it has them. All go into one collection, "responses", so that
// a code answered by several operations is one error.

// isOpenAPI reports whether root is an OpenAPI or Swagger description.
func isOpenAPI(root *node) bool {
	if root == nil || root.kind != kObject {
		return false
	}
	for _, k := range []string{"openapi", "swagger"} {
		if v := root.member(k); v != nil && (v.kind == kString || v.kind == kScalar) {
			return true
		}
	}
	return false
}

// errorStatus reports whether a response key names an error: a 4xx or 5xx status, its
// class ("4XX"), or "default".
func errorStatus(k string) bool {
	k = strings.ToUpper(strings.TrimSpace(k))
	if k == "DEFAULT" {
		return true
	}
	return len(k) == 3 && (k[0] == '4' || k[0] == '5') && (isDigits(k[1:]) || k[1:] == "XX")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// openAPIReader collects the records of an OpenAPI description.
type openAPIReader struct {
	root *node
	at   func(int) catalog.Pos
	recs *doc.Records
	// seen maps the example bodies already read, under their status, to their record
	// in recs.Items: one referred to from several operations is read once, with every
	// operation named.
	seen     map[seenKey]int
	seenBody map[*node]bool // the bodies read under any status
	// codes are the values of the examples' code fields, to tell which enum codes no
	// example shows.
	codes map[string]bool
	// ops are the operations that answer with each record's error (by index in
	// recs.Items), joined into its "operations" field at the end: appending to the
	// field each time would be quadratic in a description with thousands of them.
	ops map[int][]string
	// index holds the keys of large objects, made on first lookup (get): a description
	// of 20,000 responses looked each reference up key by key, quadratic in its size.
	index map[*node]map[string]int
	refs  map[string]*node // each reference resolved once
}

// get returns the member k of object n, by an index for a large object.
func (r *openAPIReader) get(n *node, k string) *node {
	if n == nil || n.kind != kObject {
		return nil
	}
	if len(n.keys) <= 16 {
		return n.member(k)
	}
	ix, ok := r.index[n]
	if !ok {
		ix = make(map[string]int, len(n.keys))
		for i := len(n.keys) - 1; i >= 0; i-- { // the first of duplicate keys, as member
			ix[n.keys[i]] = i
		}
		r.index[n] = ix
	}
	if i, ok := ix[k]; ok {
		return n.kids[i]
	}
	return nil
}

// readOpenAPI reads an OpenAPI description into one collection of records.
func readOpenAPI(root *node, at func(int) catalog.Pos) *doc.Document {
	d := &doc.Document{Meta: map[string]string{}}
	if info := root.member("info"); info != nil {
		for _, k := range []string{"title", "description"} {
			if v := info.member(k); v != nil && v.kind == kString {
				d.Meta[k] = v.text
			}
		}
	}
	r := &openAPIReader{root: root, at: at, recs: &doc.Records{Pos: at(root.off), Path: "responses"},
		seen: map[seenKey]int{}, seenBody: map[*node]bool{}, codes: map[string]bool{}, ops: map[int][]string{},
		index: map[*node]map[string]int{}, refs: map[string]*node{}}
	if paths := root.member("paths"); paths != nil && paths.kind == kObject {
		for i, p := range paths.keys {
			ops := r.resolve(paths.kids[i], 0)
			if ops == nil || ops.kind != kObject {
				continue
			}
			for j, m := range ops.keys {
				op := ops.kids[j]
				if op.kind != kObject {
					continue
				}
				resps := op.member("responses")
				if resps == nil || resps.kind != kObject {
					continue
				}
				for k, st := range resps.keys {
					if errorStatus(st) {
						r.response(r.resolve(resps.kids[k], 0), st, strings.ToUpper(m)+" "+p)
					}
				}
			}
		}
	}
	// Responses of the components that no operation refers to: their status is what
	// their examples say, if anything.
	if comps := root.member("components"); comps != nil {
		if resps := comps.member("responses"); resps != nil && resps.kind == kObject {
			for _, c := range resps.kids {
				r.response(c, "", "")
			}
		}
	}
	examples := len(r.recs.Items)
	for k := range examples {
		if ops := r.ops[k]; len(ops) > 0 {
			rec := &r.recs.Items[k]
			rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "operations", Value: strings.Join(ops, ", ")})
		}
	}
	r.enumCodes()
	d.Blocks = r.byShape(examples)
	return d
}

// byShape splits the records into collections of one shape each (the same field names):
// a description that answers errors in several bodies (one per service, say) names the
// code in a different field of each. A collection is keyed by the examples' names when
// each of its records has one: some descriptions name each example by its code.
//
// The records of enum codes (r.recs.Items[examples:]) join the first collection with a
// code field: they are more of its errors, that no example shows.
func (r *openAPIReader) byShape(examples int) []doc.Block {
	var out []doc.Block
	index := map[string]*doc.Records{}
	var withCode *doc.Records
	for k, rec := range r.recs.Items {
		if k >= examples && withCode != nil {
			withCode.Items = append(withCode.Items, rec)
			withCode.Keyed = false
			continue
		}
		var names []string
		for _, f := range rec.Fields {
			names = append(names, f.Name)
		}
		sort.Strings(names)
		shape := strings.Join(names, "\x00")
		c := index[shape]
		if c == nil {
			c = &doc.Records{Pos: rec.Pos, Path: r.recs.Path, Keyed: true, Declared: true}
			index[shape] = c
			out = append(out, c)
		}
		c.Keyed = c.Keyed && rec.Key != ""
		c.Items = append(c.Items, rec)
		if withCode == nil && hasField(rec, "code") {
			withCode = c
		}
	}
	for _, b := range out {
		if c := b.(*doc.Records); !c.Keyed {
			for i := range c.Items {
				c.Items[i].Key = ""
			}
		}
	}
	return out
}

// resolve follows a local $ref ("#/components/responses/NotFound") to what it names,
// at most eight references deep; n itself when it is no reference, nil when the
// reference leads nowhere.
func (r *openAPIReader) resolve(n *node, depth int) *node {
	if n == nil || n.kind != kObject {
		return n
	}
	ref := n.member("$ref")
	if ref == nil || ref.kind != kString {
		return n
	}
	if depth >= 8 || !strings.HasPrefix(ref.text, "#/") {
		return nil
	}
	if v, ok := r.refs[ref.text]; ok {
		return v
	}
	r.refs[ref.text] = nil // a ring resolves to nothing
	cur := r.root
	for _, seg := range strings.Split(ref.text[2:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if cur == nil || cur.kind != kObject {
			return nil
		}
		cur = r.get(cur, seg)
	}
	v := r.resolve(cur, depth+1)
	r.refs[ref.text] = v
	return v
}

// response reads the examples of one error response; status is its key ("" for a
// component), op the operation that answers with it ("" for a component).
func (r *openAPIReader) response(resp *node, status, op string) {
	if resp == nil || resp.kind != kObject {
		return
	}
	desc := ""
	if v := resp.member("description"); v != nil && v.kind == kString {
		desc = v.text
	}
	content := resp.member("content")
	var bodies []*node // example bodies, the example objects that hold them (or nil), their names
	var holders []*node
	var names []string
	if content != nil && content.kind == kObject {
		for _, media := range content.kids {
			if media.kind != kObject {
				continue
			}
			if ex := r.resolve(media.member("example"), 0); ex != nil && ex.kind == kObject {
				bodies, holders, names = append(bodies, ex), append(holders, nil), append(names, "")
			}
			if exs := media.member("examples"); exs != nil && exs.kind == kObject {
				for j, e := range exs.kids {
					e = r.resolve(e, 0)
					if e == nil || e.kind != kObject {
						continue
					}
					if v := r.resolve(e.member("value"), 0); v != nil && v.kind == kObject {
						bodies, holders, names = append(bodies, v), append(holders, e), append(names, exs.keys[j])
					}
				}
			}
		}
	}
	if ex := r.resolve(resp.member("examples"), 0); ex != nil && ex.kind == kObject { // Swagger 2
		for _, v := range ex.kids {
			if v.kind == kObject {
				bodies, holders, names = append(bodies, v), append(holders, nil), append(names, "")
			}
		}
	}
	if !(len(status) == 3 && isDigits(status)) {
		status = "" // "default", "4XX": no one status
	}
	for i, b := range bodies {
		for _, item := range errorItems(b) {
			r.body(item, holders[i], names[i], status, op, desc)
		}
	}
}

// errorItems returns the errors an example body holds: the objects of an array member
// ({"errors": [{"code": …}, {"code": …}]}, as JSON:API and validation errors write them)
// when it has one, else the body itself.
func errorItems(b *node) []*node {
	for _, c := range b.kids {
		if c.kind != kArray || len(c.kids) == 0 {
			continue
		}
		all := true
		for _, e := range c.kids {
			all = all && e.kind == kObject
		}
		if all {
			return c.kids
		}
	}
	return []*node{b}
}

// seenKey is an example body under one status: a body shared by responses of two
// statuses (400 and 422) is an error under each, unless it says its status itself.
type seenKey struct {
	body   *node
	status string
}

// body adds the record of one error of an example body: holder is the example object
// that holds it (or nil), name the example's name.
func (r *openAPIReader) body(b, holder *node, name, status, op, desc string) {
	own := b.member("status") != nil
	if status == "" && op == "" && r.seenBody[b] {
		return // a component's example, read already under the statuses that refer to it
	}
	r.seenBody[b] = true
	key := seenKey{b, status}
	if own {
		key.status = ""
	}
	if k, ok := r.seen[key]; ok {
		if op != "" {
			r.ops[k] = append(r.ops[k], op)
		}
		return
	}
	rec := record(b, name, b.off, r.at)
	for _, f := range rec.Fields {
		if strings.EqualFold(f.Name, "code") || strings.HasSuffix(strings.ToLower(f.Name), ".code") {
			r.codes[f.Value] = true
		}
	}
	if status != "" && !own {
		rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "status", Value: status})
	}
	text := desc
	if holder != nil {
		if v := holder.member("description"); v != nil && v.kind == kString && v.text != "" {
			text = v.text // the example's own description says more than the response's
		}
	}
	if text != "" && !hasField(rec, "description") && !hasField(rec, "detail") && !hasField(rec, "details") {
		rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "description", Value: text})
	}
	if op != "" {
		r.ops[len(r.recs.Items)] = []string{op}
	}
	r.seen[key] = len(r.recs.Items)
	r.recs.Items = append(r.recs.Items, rec)
}

func hasField(rec doc.Record, name string) bool {
	for _, f := range rec.Fields {
		if strings.EqualFold(f.Name, name) {
			return true
		}
	}
	return false
}

// enumCodes adds a record for each code that a schema's enum of codes lists and no
// example shows: a schema of errors whose name ends in "Code" (ErrorCode), or the "code"
// property of a schema of errors (Error, ProblemDetails), with its x-enum-descriptions
// (or x-enumDescriptions) when given.
func (r *openAPIReader) enumCodes() {
	comps := r.root.member("components")
	if comps == nil {
		comps = r.root // Swagger 2 keeps its schemas at the top, as definitions
	}
	var schemas *node
	for _, k := range []string{"schemas", "definitions"} {
		if s := comps.member(k); s != nil && s.kind == kObject {
			schemas = s
		}
	}
	if schemas == nil {
		return
	}
	var enums []*node
	for i, name := range schemas.keys {
		s := schemas.kids[i]
		lower := strings.ToLower(name)
		if !strings.Contains(lower, "error") && !strings.Contains(lower, "problem") {
			continue // CurrencyCode, CountryCode: codes, but of other things
		}
		if strings.HasSuffix(lower, "code") || strings.HasSuffix(lower, "codes") {
			enums = append(enums, s)
		}
		if props := s.member("properties"); props != nil && props.kind == kObject {
			if c := r.resolve(props.member("code"), 0); c != nil {
				enums = append(enums, c)
			}
		}
	}
	done := map[*node]bool{}
	for _, s := range enums {
		if s == nil || s.kind != kObject || done[s] {
			continue
		}
		done[s] = true
		list := s.member("enum")
		if list == nil || list.kind != kArray {
			continue
		}
		var descs *node
		for _, k := range []string{"x-enum-descriptions", "x-enumDescriptions"} {
			if d := s.member(k); d != nil && (d.kind == kArray || d.kind == kObject) {
				descs = d
			}
		}
		for i, v := range list.kids {
			if (v.kind != kString && v.kind != kScalar) || r.codes[v.text] {
				continue
			}
			r.codes[v.text] = true
			rec := doc.Record{Pos: r.at(v.off), Fields: []doc.Field{{Pos: r.at(v.off), Name: "code", Value: v.text}}}
			if t := r.enumDescription(descs, i, v.text); t != "" {
				rec.Fields = append(rec.Fields, doc.Field{Pos: r.at(v.off), Name: "description", Value: t})
			}
			r.recs.Items = append(r.recs.Items, rec)
		}
	}
}

// enumDescription returns the description x-enum-descriptions gives the i-th code: the
// i-th string of an array, or the value of a map keyed by code.
func (r *openAPIReader) enumDescription(descs *node, i int, code string) string {
	switch {
	case descs == nil:
		return ""
	case descs.kind == kArray && i < len(descs.kids):
		return valueText(descs.kids[i])
	case descs.kind == kObject:
		if v := r.get(descs, code); v != nil {
			return valueText(v)
		}
	}
	return ""
}
