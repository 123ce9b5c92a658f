package openapi

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Schemas are *omap trees in the JSON Schema 2020-12 dialect of OpenAPI 3.1 while the
// document is built; toVersion rewrites them for OpenAPI 3.0 at the end.

// keywordOrder is the order schema keywords are written in; others follow, sorted.
var keywordOrder = []string{
	"$ref", "title", "summary", "description", "type", "format", "const", "enum",
	"x-enumDescriptions", "x-enum-varnames", "nullable", "properties", "required",
	"additionalProperties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "not",
	"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
	"minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
	"minProperties", "maxProperties", "default", "example", "examples",
}

// namedSchemas are the keywords whose value maps names to schemas.
var namedSchemas = map[string]bool{
	"properties": true, "patternProperties": true, "$defs": true, "definitions": true,
	"dependentSchemas": true,
}

// subSchema are the keywords whose value is one schema; subSchemas, a list of them.
var (
	subSchema = map[string]bool{
		"items": true, "additionalProperties": true, "not": true, "contains": true,
		"if": true, "then": true, "else": true, "propertyNames": true,
		"unevaluatedProperties": true, "unevaluatedItems": true, "contentSchema": true,
	}
	subSchemas = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
)

// orderKeys sorts the keys of one map of a schema tree in place, given the key its map
// stands under: schema keywords in keywordOrder, names of properties alphabetically.
func orderKeys(parentKey string, keys []string) {
	if namedSchemas[parentKey] || parentKey == "x-enumDescriptions" {
		slices.Sort(keys)
		return
	}
	rank := func(k string) int {
		if i := slices.Index(keywordOrder, k); i >= 0 {
			return i
		}
		return len(keywordOrder)
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
}

// normalizeSchema turns a catalog's schema (Go maps) into a schema tree in OpenAPI 3.1's
// dialect: keys in a fixed order, the keywords that would change how references resolve
// ($schema, $id) dropped, and OpenAPI 3.0 spellings (nullable, example, boolean
// exclusiveMinimum) rewritten as JSON Schema 2020-12 has them.
func normalizeSchema(s map[string]any) *omap {
	t, _ := fromGo(s, nil).(*omap)
	if t == nil {
		return nil
	}
	out := to31(t)
	sortTree(out, "", orderKeys)
	return out
}

// forEachSub calls f with every subschema of s and a function that replaces it.
func forEachSub(s *omap, f func(sub *omap, replace func(*omap))) {
	for _, k := range s.keys {
		v := s.vals[k]
		switch {
		case namedSchemas[k]:
			if m, ok := v.(*omap); ok {
				for _, name := range m.keys {
					if sub, ok := m.vals[name].(*omap); ok {
						f(sub, func(n *omap) { m.vals[name] = n })
					}
				}
			}
		case subSchema[k]:
			if sub, ok := v.(*omap); ok {
				f(sub, func(n *omap) { s.vals[k] = n })
			}
		case subSchemas[k]:
			if list, ok := v.([]any); ok {
				for i, x := range list {
					if sub, ok := x.(*omap); ok {
						f(sub, func(n *omap) { list[i] = n })
					}
				}
			}
		}
	}
}

// to31 rewrites OpenAPI 3.0 spellings in a schema as 3.1 has them.
func to31(s *omap) *omap {
	s = clone(s).(*omap)
	var walk func(s *omap)
	walk = func(s *omap) {
		s.del("$schema")
		s.del("$id")
		if n, _ := s.get("nullable"); n == true {
			switch t := s.vals["type"].(type) {
			case string:
				s.set("type", []any{t, "null"})
			case []any:
				if !slices.Contains(t, any("null")) {
					s.set("type", append(t, "null"))
				}
			}
		}
		s.del("nullable")
		if ex, ok := s.get("example"); ok {
			if !s.has("examples") {
				s.set("examples", []any{ex})
			}
			s.del("example")
		}
		for _, kw := range [][2]string{{"exclusiveMinimum", "minimum"}, {"exclusiveMaximum", "maximum"}} {
			if b, ok := s.vals[kw[0]].(bool); ok {
				if b && s.has(kw[1]) {
					s.set(kw[0], s.vals[kw[1]])
					s.del(kw[1])
				} else {
					s.del(kw[0])
				}
			}
		}
		forEachSub(s, func(sub *omap, _ func(*omap)) { walk(sub) })
	}
	walk(s)
	return s
}

// keywords30 are the keywords of an OpenAPI 3.0 Schema Object; others are dropped.
var keywords30 = map[string]bool{
	"$ref": true, "title": true, "multipleOf": true, "maximum": true, "exclusiveMaximum": true,
	"minimum": true, "exclusiveMinimum": true, "maxLength": true, "minLength": true,
	"pattern": true, "maxItems": true, "minItems": true, "uniqueItems": true,
	"maxProperties": true, "minProperties": true, "required": true, "enum": true, "type": true,
	"allOf": true, "oneOf": true, "anyOf": true, "not": true, "items": true, "properties": true,
	"additionalProperties": true, "description": true, "format": true, "default": true,
	"nullable": true, "discriminator": true, "readOnly": true, "writeOnly": true, "xml": true,
	"externalDocs": true, "example": true, "deprecated": true,
}

// to30 rewrites a 3.1 schema for OpenAPI 3.0: one type and nullable instead of type lists,
// enum instead of const, one example instead of examples, boolean exclusive bounds, and
// allOf around a $ref that has sibling keywords (3.0 ignores them).
func to30(s *omap) *omap {
	out := newMap()
	for _, k := range s.keys {
		v := s.vals[k]
		switch {
		case k == "type":
			types, _ := v.([]any)
			if t, ok := v.(string); ok {
				types = []any{t}
			}
			var nonNull []any
			for _, t := range types {
				if t == "null" {
					out.set("nullable", true)
				} else {
					nonNull = append(nonNull, t)
				}
			}
			switch len(nonNull) {
			case 0:
				out.del("nullable") // only null: 3.0 cannot say it; allow anything
			case 1:
				out.set("type", nonNull[0])
			default:
				// One branch per type; 3.0 wants nullable beside a type, so each branch
				// says it, and an array branch has its (any) items.
				nullable := out.has("nullable")
				out.del("nullable")
				var alts []any
				for _, t := range nonNull {
					alt := newMap().set("type", t)
					if t == "array" {
						alt.set("items", newMap())
					}
					if nullable {
						alt.set("nullable", true)
					}
					alts = append(alts, alt)
				}
				out.set("anyOf", alts)
			}
		case k == "const":
			if !s.has("enum") {
				out.set("enum", []any{v})
			}
		case k == "examples":
			if list, ok := v.([]any); ok && len(list) > 0 && !s.has("example") {
				out.set("example", list[0])
			}
		case k == "exclusiveMinimum" || k == "exclusiveMaximum":
			bound := map[string]string{"exclusiveMinimum": "minimum", "exclusiveMaximum": "maximum"}[k]
			if _, isNum := number(v); isNum {
				out.set(bound, v)
				out.set(k, true)
			} else {
				out.set(k, v)
			}
		case namedSchemas[k]:
			if k != "properties" {
				continue
			}
			m, _ := v.(*omap)
			if m == nil {
				continue
			}
			props := newMap()
			for _, name := range m.keys {
				if sub, ok := m.vals[name].(*omap); ok {
					props.set(name, to30(sub))
				}
			}
			out.set(k, props)
		case k == "items" || k == "additionalProperties" || k == "not":
			if sub, ok := v.(*omap); ok {
				out.set(k, to30(sub))
			} else if k == "additionalProperties" {
				out.set(k, v)
			}
		case k == "allOf" || k == "anyOf" || k == "oneOf":
			list, _ := v.([]any)
			var subs []any
			for _, x := range list {
				if sub, ok := x.(*omap); ok {
					subs = append(subs, to30(sub))
				}
			}
			if prev, ok := out.get(k); ok { // anyOf made from a type list
				wrap := []any{newMap().set(k, prev), newMap().set(k, subs)}
				out.del(k)
				out.set("allOf", wrap)
				continue
			}
			out.set(k, subs)
		case strings.HasPrefix(k, "x-") || keywords30[k]:
			out.set(k, v)
		}
	}
	if out.has("$ref") && out.len() > 1 {
		ref := out.vals["$ref"]
		out.del("$ref")
		var all []any
		if prev, ok := out.vals["allOf"].([]any); ok {
			all = prev
		}
		out.set("allOf", append([]any{newMap().set("$ref", ref)}, all...))
	}
	orderKeys("", out.keys)
	return out
}

// annotations are the keywords that describe a value without constraining it.
var annotations = map[string]bool{
	"title": true, "description": true, "default": true, "examples": true, "example": true,
	"deprecated": true, "readOnly": true, "writeOnly": true, "$comment": true,
}

// anyValue30 makes every schema in s that constrains nothing (only annotations) take
// null in OpenAPI 3.0, which needs nullable for it: {nullable: true}, still untyped.
//
// An "any JSON value" stays an untyped schema in both versions. Spelling it as a list of
// every type broke the tools the output is fed to: Spectral wants items beside type
// array, oapi-codegen stops on a list of types, and openapi-typescript makes the object
// branch Record<string, never>; every one of them reads an untyped schema as any value.
func anyValue30(s *omap) {
	pure := true
	for _, k := range s.keys {
		if !annotations[k] && !strings.HasPrefix(k, "x-") {
			pure = false
			break
		}
	}
	if pure {
		s.set("nullable", true)
		orderKeys("", s.keys)
	}
	forEachSub(s, func(sub *omap, _ func(*omap)) { anyValue30(sub) })
}

// hoistDefs moves a schema's $defs (or definitions) out into components named
// prefix+"."+name, rewriting the references to them; a $ref to "#/$defs/x" would otherwise
// resolve against the OpenAPI document's root and break.
func hoistDefs(s *omap, prefix string) (defs []namedSchema) {
	rename := map[string]string{}
	for _, kw := range []string{"$defs", "definitions"} {
		m := s.obj(kw)
		if m == nil {
			continue
		}
		for _, name := range m.keys {
			sub, ok := m.vals[name].(*omap)
			if !ok {
				continue
			}
			comp := prefix + "." + componentSafe(name)
			for taken := true; taken; {
				taken = false
				for _, d := range defs {
					if d.name == comp {
						comp += "_"
						taken = true
					}
				}
			}
			rename["#/"+kw+"/"+name] = "#/components/schemas/" + comp
			defs = append(defs, namedSchema{comp, sub})
		}
		s.del(kw)
	}
	if len(rename) == 0 {
		return nil
	}
	var fix func(v any)
	fix = func(v any) {
		switch v := v.(type) {
		case *omap:
			if r, ok := v.vals["$ref"].(string); ok {
				if n, ok := rename[r]; ok {
					v.vals["$ref"] = n
				}
			}
			for _, k := range v.keys {
				fix(v.vals[k])
			}
		case []any:
			for _, x := range v {
				fix(x)
			}
		}
	}
	fix(s)
	for _, d := range defs {
		fix(d.schema)
	}
	return defs
}

type namedSchema struct {
	name   string
	schema *omap
}

// resolver looks up the schema a "$ref" names; nil when it is unknown.
type resolver func(ref string) *omap

// valid reports whether v satisfies schema s (JSON Schema 2020-12) as far as the keywords
// an error body uses go: types, enum and const, properties, required and
// additionalProperties, items, allOf/anyOf/oneOf/not, lengths, bounds and patterns.
// Keywords it does not know pass.
func valid(s *omap, v any, refs resolver) bool {
	return validDepth(s, v, refs, 0)
}

func validDepth(s *omap, v any, refs resolver, depth int) bool {
	if s == nil {
		return true
	}
	if depth > 64 {
		return true // a reference cycle: give up rather than loop
	}
	if r := s.str("$ref"); r != "" && refs != nil {
		if t := refs(r); t != nil && !validDepth(t, v, refs, depth+1) {
			return false
		}
	}
	if n, _ := s.get("nullable"); n == true && v == nil {
		return true
	}
	if t, ok := s.get("type"); ok {
		types, _ := t.([]any)
		if ts, ok := t.(string); ok {
			types = []any{ts}
		}
		match := false
		for _, t := range types {
			if ts, _ := t.(string); hasType(v, ts) {
				match = true
			}
		}
		if !match {
			return false
		}
	}
	if e, ok := s.vals["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return equal(x, v) }) {
		return false
	}
	if c, ok := s.get("const"); ok && !equal(c, v) {
		return false
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		list, ok := s.vals[k].([]any)
		if !ok {
			continue
		}
		n := 0
		for _, x := range list {
			if sub, ok := x.(*omap); ok && validDepth(sub, v, refs, depth+1) {
				n++
			}
		}
		if (k == "allOf" && n != len(list)) || (k == "anyOf" && n == 0) || (k == "oneOf" && n != 1) {
			return false
		}
	}
	if sub := s.obj("not"); sub != nil && validDepth(sub, v, refs, depth+1) {
		return false
	}
	switch v := v.(type) {
	case *omap:
		props := s.obj("properties")
		if req, ok := s.vals["required"].([]any); ok {
			for _, r := range req {
				if rs, _ := r.(string); !v.has(rs) {
					return false
				}
			}
		}
		for _, k := range v.keys {
			if props != nil && props.has(k) {
				if sub := props.obj(k); sub != nil && !validDepth(sub, v.vals[k], refs, depth+1) {
					return false
				}
				continue
			}
			switch ap := s.vals["additionalProperties"].(type) {
			case bool:
				if !ap {
					return false
				}
			case *omap:
				if !validDepth(ap, v.vals[k], refs, depth+1) {
					return false
				}
			}
		}
	case []any:
		prefix, _ := s.vals["prefixItems"].([]any)
		for i, x := range v {
			if i < len(prefix) {
				if sub, ok := prefix[i].(*omap); ok && !validDepth(sub, x, refs, depth+1) {
					return false
				}
				continue
			}
			if sub := s.obj("items"); sub != nil && !validDepth(sub, x, refs, depth+1) {
				return false
			}
		}
		if n, ok := intKeyword(s, "minItems"); ok && len(v) < n {
			return false
		}
		if n, ok := intKeyword(s, "maxItems"); ok && len(v) > n {
			return false
		}
	case string:
		n := utf8.RuneCountInString(v)
		if m, ok := intKeyword(s, "minLength"); ok && n < m {
			return false
		}
		if m, ok := intKeyword(s, "maxLength"); ok && n > m {
			return false
		}
		if p := s.str("pattern"); p != "" {
			if re, err := regexp.Compile(p); err == nil && !re.MatchString(v) {
				return false
			}
		}
	case int64, float64:
		x, _ := number(v)
		if m, ok := number(s.vals["minimum"]); ok && x < m {
			return false
		}
		if m, ok := number(s.vals["maximum"]); ok && x > m {
			return false
		}
		if m, ok := number(s.vals["exclusiveMinimum"]); ok && x <= m {
			return false
		}
		if m, ok := number(s.vals["exclusiveMaximum"]); ok && x >= m {
			return false
		}
	}
	return true
}

func intKeyword(s *omap, k string) (int, bool) {
	f, ok := number(s.vals[k])
	return int(f), ok
}

// hasType reports whether v is of the JSON Schema type t.
func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(*omap)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := number(v)
		return ok
	case "integer":
		f, ok := number(v)
		return ok && f == math.Trunc(f)
	}
	return false
}

// jsonType returns the JSON Schema type of v.
func jsonType(v any) string {
	switch v := v.(type) {
	case *omap:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case int64:
		return "integer"
	case float64:
		if v == math.Trunc(v) {
			return "integer"
		}
		return "number"
	}
	return ""
}

// inferSchema derives a schema from an example value: its types and, for objects, its
// properties in the example's order. It requires nothing: one example cannot say which
// members are optional. A null member may hold anything.
func inferSchema(v any) *omap {
	s := newMap()
	switch v := v.(type) {
	case *omap:
		s.set("type", "object")
		props := newMap()
		for _, k := range v.keys {
			props.set(k, inferSchema(v.vals[k]))
		}
		s.set("properties", props)
	case []any:
		s.set("type", "array")
		if len(v) > 0 {
			s.set("items", inferSchema(v[0]))
		}
	case nil:
		// anything
	default:
		s.set("type", jsonType(v))
	}
	return s
}

// instance builds a value that satisfies schema s, for a source that documents the shape
// of its error body but gives no example of it.
func instance(s *omap, refs resolver) any {
	return instanceDepth(s, refs, 0)
}

func instanceDepth(s *omap, refs resolver, depth int) any {
	if s == nil || depth > 16 {
		return nil
	}
	if r := s.str("$ref"); r != "" && refs != nil {
		return instanceDepth(refs(r), refs, depth+1)
	}
	if c, ok := s.get("const"); ok {
		return clone(c)
	}
	if e, ok := s.vals["enum"].([]any); ok && len(e) > 0 {
		return clone(e[0])
	}
	for _, k := range []string{"examples", "default"} {
		x, ok := s.get(k)
		if list, isList := x.([]any); k == "examples" && isList {
			if len(list) == 0 {
				continue
			}
			x = list[0]
		}
		if ok && valid(s, x, refs) {
			return clone(x)
		}
	}
	if all, ok := s.vals["allOf"].([]any); ok && len(all) > 0 {
		var out any
		for _, x := range all {
			sub, _ := x.(*omap)
			part := instanceDepth(sub, refs, depth+1)
			if pm, ok := part.(*omap); ok {
				if om, ok := out.(*omap); ok {
					for _, k := range pm.keys {
						om.set(k, pm.vals[k])
					}
					continue
				}
			}
			if out == nil {
				out = part
			}
		}
		return out
	}
	for _, k := range []string{"oneOf", "anyOf"} {
		if list, ok := s.vals[k].([]any); ok && len(list) > 0 {
			sub, _ := list[0].(*omap)
			return instanceDepth(sub, refs, depth+1)
		}
	}
	t := ""
	switch tv := s.vals["type"].(type) {
	case string:
		t = tv
	case []any:
		for _, x := range tv {
			if xs, _ := x.(string); xs != "null" && t == "" {
				t = xs
			}
		}
	}
	if t == "" && s.has("properties") {
		t = "object"
	}
	switch t {
	case "object":
		o := newMap()
		if props := s.obj("properties"); props != nil {
			for _, k := range props.keys {
				sub, _ := props.vals[k].(*omap)
				o.set(k, instanceDepth(sub, refs, depth+1))
			}
		}
		return o
	case "array":
		a := []any{}
		n, _ := intKeyword(s, "minItems")
		for range n {
			a = append(a, instanceDepth(s.obj("items"), refs, depth+1))
		}
		return a
	case "string":
		str := map[string]string{
			"date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01", "time": "00:00:00Z",
			"uri": "https://example.com/", "uri-reference": "/", "email": "user@example.com",
			"uuid": "00000000-0000-0000-0000-000000000000",
		}[s.str("format")]
		if str == "" {
			str = "string"
		}
		if n, ok := intKeyword(s, "minLength"); ok && utf8.RuneCountInString(str) < n {
			str += strings.Repeat("x", n-utf8.RuneCountInString(str))
		}
		return str
	case "integer", "number":
		if m, ok := number(s.vals["minimum"]); ok {
			if t == "integer" {
				return int64(math.Ceil(m))
			}
			return m
		}
		if m, ok := number(s.vals["maximum"]); ok && m < 0 {
			if t == "integer" {
				return int64(math.Floor(m))
			}
			return m
		}
		if t == "integer" {
			return int64(0)
		}
		return float64(0)
	case "boolean":
		return false
	}
	return nil
}

// schemaAt returns the schema that describes the value at path (object keys and array
// indexes) inside a value described by s, with a function that replaces it. It follows
// properties, prefixItems and items; ok is false where the path cannot be followed that
// way (additionalProperties is shared by every member: not one member's to change).
func schemaAt(s *omap, path []any) (sub *omap, replace func(*omap), ok bool) {
	cur := s
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if props := cur.obj("properties"); props != nil && props.has(p) {
				next, _ := props.vals[p].(*omap)
				if next == nil {
					return nil, nil, false
				}
				replace = func(n *omap) { props.vals[p] = n }
				cur = next
				continue
			}
			return nil, nil, false
		case int:
			if prefix, ok := cur.vals["prefixItems"].([]any); ok && p < len(prefix) {
				next, _ := prefix[p].(*omap)
				if next == nil {
					return nil, nil, false
				}
				replace = func(n *omap) { prefix[p] = n }
				cur = next
				continue
			}
			items := cur.obj("items")
			if items == nil {
				return nil, nil, false
			}
			parent := cur
			replace = func(n *omap) { parent.vals["items"] = n }
			cur = items
		}
	}
	return cur, replace, replace != nil
}
