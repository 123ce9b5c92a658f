package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// The document is built as a tree of plain values: nil, bool, string, int64, float64, []any
// and *omap, an object whose keys keep their order. Output order is insertion order, so
// the bytes written depend on nothing but the catalog.

// omap is a JSON object whose keys keep the order they were set in.
type omap struct {
	keys []string
	vals map[string]any
}

func newMap() *omap { return &omap{vals: map[string]any{}} }

// set adds k with v at the end, or replaces the value of an existing k in place.
func (m *omap) set(k string, v any) *omap {
	if _, ok := m.vals[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.vals[k] = v
	return m
}

// get, has, str and obj may be called on a nil *omap: it has no keys.
func (m *omap) get(k string) (any, bool) {
	if m == nil {
		return nil, false
	}
	v, ok := m.vals[k]
	return v, ok
}

func (m *omap) has(k string) bool { _, ok := m.get(k); return ok }

func (m *omap) del(k string) {
	if _, ok := m.vals[k]; !ok {
		return
	}
	delete(m.vals, k)
	m.keys = slices.DeleteFunc(m.keys, func(s string) bool { return s == k })
}

func (m *omap) len() int { return len(m.keys) }

// str returns the value of k if it is a string.
func (m *omap) str(k string) string {
	v, _ := m.get(k)
	s, _ := v.(string)
	return s
}

// obj returns the value of k if it is an object.
func (m *omap) obj(k string) *omap {
	v, _ := m.get(k)
	o, _ := v.(*omap)
	return o
}

// clone copies a value deeply.
func clone(v any) any {
	switch v := v.(type) {
	case *omap:
		c := &omap{keys: slices.Clone(v.keys), vals: make(map[string]any, len(v.vals))}
		for k, x := range v.vals {
			c.vals[k] = clone(x)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = clone(x)
		}
		return c
	}
	return v
}

// equal reports whether two values are the same JSON value: objects compare without regard
// to key order, numbers by value.
func equal(a, b any) bool {
	switch a := a.(type) {
	case *omap:
		b, ok := b.(*omap)
		if !ok || a.len() != b.len() {
			return false
		}
		for _, k := range a.keys {
			bv, ok := b.vals[k]
			if !ok || !equal(a.vals[k], bv) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case int64, float64:
		x, ok1 := number(a)
		y, ok2 := number(b)
		return ok1 && ok2 && x == y
	case nil:
		return b == nil
	case bool:
		bb, ok := b.(bool)
		return ok && a == bb
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	}
	return false
}

// number returns v as a float64 if it is a number.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// decodeJSON reads one JSON value, keeping the order of object keys. Integers become int64
// (float64 when they do not fit), other numbers float64.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := newMap()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				m.set(k, v)
			}
			_, err := dec.Token() // '}'
			return m, err
		case '[':
			a := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			_, err := dec.Token() // ']'
			return a, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case json.Number:
		return jsonNumber(t), nil
	}
	return tok, nil // string, bool or nil
}

func jsonNumber(n json.Number) any {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i
	}
	f, _ := strconv.ParseFloat(string(n), 64)
	return f
}

// fromGo turns a value built of Go maps, slices and numbers (as a catalog's schema may be)
// into the tree's values. Maps get their keys sorted by order, which is given each map's
// key in its parent ("" at the top).
func fromGo(v any, order func(parentKey string, keys []string)) any {
	// A JSON round trip gives one representation for every Go shape of the same value.
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	t, err := decodeJSON(data)
	if err != nil {
		return nil
	}
	if order != nil {
		sortTree(t, "", order)
	}
	return t
}

func sortTree(v any, parentKey string, order func(string, []string)) {
	switch v := v.(type) {
	case *omap:
		order(parentKey, v.keys)
		for _, k := range v.keys {
			sortTree(v.vals[k], k, order)
		}
	case []any:
		for _, x := range v {
			sortTree(x, parentKey, order)
		}
	}
}

// marshalJSON writes v as indented JSON (two spaces) with a final newline. HTML characters
// are not escaped: the document is data, not markup.
func marshalJSON(v any) ([]byte, error) { return marshalJSONIndent(v, "  ") }

// marshalJSONIndent writes v as JSON indented by unit per level, with a final newline.
func marshalJSONIndent(v any, unit string) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v, "", unit); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// compactJSON writes v as JSON on one line.
func compactJSON(v any) ([]byte, error) {
	data, err := marshalJSON(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any, indent, unit string) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("number %v has no JSON form", v)
		}
		data, _ := json.Marshal(v)
		b.Write(data)
	case string:
		writeJSONString(b, v)
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[\n")
		for i, x := range v {
			b.WriteString(indent + unit)
			if err := writeJSON(b, x, indent+unit, unit); err != nil {
				return err
			}
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case *omap:
		if v.len() == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		for i, k := range v.keys {
			b.WriteString(indent + unit)
			writeJSONString(b, k)
			b.WriteString(": ")
			if err := writeJSON(b, v.vals[k], indent+unit, unit); err != nil {
				return err
			}
			if i < len(v.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	default:
		return fmt.Errorf("value of type %T has no JSON form", v)
	}
	return nil
}

func writeJSONString(b *bytes.Buffer, s string) {
	var sb bytes.Buffer
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(sb.Bytes(), []byte("\n")))
}

// marshalYAML writes v as block-style YAML indented by two spaces, multi-line strings as
// literal blocks.
func marshalYAML(v any) ([]byte, error) { return marshalYAMLIndent(v, 2) }

// marshalYAMLIndent writes v as block-style YAML indented by unit spaces.
//
// The encoder indents the empty lines of literal blocks; without those spaces the lines
// mean the same, unless a line of some text is itself only spaces or tabs, so they are
// trimmed only when no string holds such a line. (This used to be checked by decoding the
// whole output again, which doubled the cost: 23 s for the 145 MB document of 100,000
// codes; the tests check that the output reads back as the document.)
func marshalYAMLIndent(v any, unit int) ([]byte, error) {
	data, err := yaml.MarshalWithOptions(toYAML(v),
		yaml.Indent(unit), yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("encode YAML: %w", err)
	}
	if hasBlankishLine(v) {
		return data, nil
	}
	return reBlankIndent.ReplaceAll(data, nil), nil
}

// hasBlankishLine reports whether a string anywhere in v has a line (of several) made only
// of spaces and tabs, which trimming the output's blank lines would change.
func hasBlankishLine(v any) bool {
	switch v := v.(type) {
	case *omap:
		for _, k := range v.keys {
			if hasBlankishLine(k) || hasBlankishLine(v.vals[k]) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if hasBlankishLine(x) {
				return true
			}
		}
	case string:
		if !strings.Contains(v, "\n") {
			return false
		}
		for _, line := range strings.Split(v, "\n") {
			if line != "" && strings.Trim(line, " \t") == "" {
				return true
			}
		}
	}
	return false
}

var reBlankIndent = regexp.MustCompile(`(?m)^[ \t]+$`)

// decodeYAML reads YAML into the tree's values.
func decodeYAML(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return fromYAML(v), nil
}

// toYAML turns the tree into what the YAML encoder keeps in order: MapSlice for objects.
func toYAML(v any) any {
	switch v := v.(type) {
	case *omap:
		ms := make(yaml.MapSlice, 0, v.len())
		for _, k := range v.keys {
			ms = append(ms, yaml.MapItem{Key: k, Value: toYAML(v.vals[k])})
		}
		return ms
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = toYAML(x)
		}
		return out
	}
	return v
}

// fromYAML turns a value decoded by the YAML library (maps, slices, Go numbers) into the
// tree's values, with object keys sorted (the order of a decoded map is lost anyway).
func fromYAML(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := newMap()
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			m.set(k, fromYAML(v[k]))
		}
		return m
	case map[any]any:
		m := newMap()
		keys := make([]string, 0, len(v))
		byKey := map[string]any{}
		for k, x := range v {
			ks := fmt.Sprint(k)
			keys = append(keys, ks)
			byKey[ks] = x
		}
		slices.Sort(keys)
		for _, k := range keys {
			m.set(k, fromYAML(byKey[k]))
		}
		return m
	case yaml.MapSlice:
		m := newMap()
		for _, it := range v {
			m.set(fmt.Sprint(it.Key), fromYAML(it.Value))
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = fromYAML(x)
		}
		return out
	case int:
		return int64(v)
	case int8:
		return int64(v)
	case int16:
		return int64(v)
	case int32:
		return int64(v)
	case int64:
		return v
	case uint:
		return uintValue(uint64(v))
	case uint8:
		return int64(v)
	case uint16:
		return int64(v)
	case uint32:
		return int64(v)
	case uint64:
		return uintValue(v)
	case float32:
		return float64(v)
	case float64, string, bool, nil:
		return v
	}
	return fmt.Sprint(v)
}

func uintValue(u uint64) any {
	if u <= math.MaxInt64 {
		return int64(u)
	}
	return float64(u)
}

// plainText collapses Markdown text to one line of words and cuts it at n runes.
func plainText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
