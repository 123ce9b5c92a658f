package openapi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"docgen/render/jsontree"
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

// decodeJSON reads one JSON value (jsontree, the one order-keeping decoder), keeping the
// order of object keys. Integers become int64 (float64 when they do not fit), other
// numbers float64.
func decodeJSON(data []byte) (any, error) {
	n, err := jsontree.Decode(data)
	if err != nil {
		return nil, err
	}
	return fromTree(n), nil
}

// fromTree turns a decoded JSON value into the document's values.
func fromTree(n *jsontree.Node) any {
	switch n.Kind {
	case jsontree.Object:
		m := newMap()
		for i, k := range n.Keys {
			m.set(k, fromTree(n.Values[i]))
		}
		return m
	case jsontree.Array:
		a := make([]any, len(n.Items))
		for i, v := range n.Items {
			a[i] = fromTree(v)
		}
		return a
	case jsontree.Number:
		if i, err := strconv.ParseInt(n.Text, 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(n.Text, 64)
		return f
	case jsontree.Literal:
		if n.Text == "null" {
			return nil
		}
		return n.Text == "true"
	}
	return n.Text
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
	w := newJSONWriter(&b, unit)
	if err := w.value(v, 0); err != nil {
		return nil, err
	}
	w.w.WriteByte('\n')
	if err := w.w.Flush(); err != nil {
		return nil, err
	}
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

// jsonWriter writes the tree as indented JSON, byte for byte what encoding/json would write
// with SetEscapeHTML(false) and MarshalIndent's layout, without a value or a buffer per
// string: the 78 MB document of 100,000 codes took a json.Encoder per string before.
type jsonWriter struct {
	w       *bufio.Writer
	unit    string
	scratch []byte // reused by every string
}

func newJSONWriter(w io.Writer, unit string) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), unit: unit}
}

// indent writes depth units of indentation.
func (j *jsonWriter) indent(depth int) {
	for range depth {
		j.w.WriteString(j.unit)
	}
}

// value writes v, whose first line is indented by depth units already.
func (j *jsonWriter) value(v any, depth int) error {
	w := j.w
	switch v := v.(type) {
	case nil, bool, int64, float64:
		b, err := appendScalar(w.AvailableBuffer(), v, appendJSONFloat)
		if err != nil {
			return err
		}
		w.Write(b)
	case string:
		j.string(v)
	case []any:
		if len(v) == 0 {
			w.WriteString("[]")
			return nil
		}
		w.WriteString("[\n")
		for i, x := range v {
			j.indent(depth + 1)
			if err := j.value(x, depth+1); err != nil {
				return err
			}
			if i < len(v)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		j.indent(depth)
		w.WriteByte(']')
	case *omap:
		if v.len() == 0 {
			w.WriteString("{}")
			return nil
		}
		w.WriteString("{\n")
		for i, k := range v.keys {
			if err := j.member(k, v.vals[k], depth+1); err != nil {
				return err
			}
			if i < len(v.keys)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		j.indent(depth)
		w.WriteByte('}')
	default:
		return fmt.Errorf("value of type %T has no JSON form", v)
	}
	return nil
}

// member writes `"k": v` indented by depth units, without a comma or a line end.
func (j *jsonWriter) member(k string, v any, depth int) error {
	j.indent(depth)
	j.string(k)
	j.w.WriteString(": ")
	return j.value(v, depth)
}

func (j *jsonWriter) string(s string) {
	j.scratch = appendJSONString(j.scratch[:0], s)
	j.w.Write(j.scratch)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string exactly as encoding/json writes it without
// HTML escaping: \" \\ \b \f \n \r \t, other control characters as \u00XX, U+2028 and
// U+2029 escaped, each byte of invalid UTF-8 as \ufffd, everything else as it is.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64: the shortest decimal that
// reads back as f, in exponent form below 1e-6 and from 1e21 on, with a two-digit negative
// exponent shortened (1e-07 is 1e-7).
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// marshalYAML writes v as block-style YAML indented by two spaces (see yamlEmitter).
func marshalYAML(v any) ([]byte, error) { return marshalYAMLIndent(v, 2) }

// marshalYAMLIndent writes v as block-style YAML indented by unit spaces.
func marshalYAMLIndent(v any, unit int) ([]byte, error) {
	var b bytes.Buffer
	e := newYAMLEmitter(&b, unit)
	if err := e.document(v); err != nil {
		return nil, err
	}
	if err := e.w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decodeYAML reads YAML into the tree's values.
func decodeYAML(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return fromYAML(v), nil
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

// appendEscape appends the escape of the ASCII byte c in a JSON string (and in a YAML
// double-quoted one, which reads JSON's escapes): \" \\ \b \f \n \r \t, else \u00XX.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendScalar appends null, a boolean or a number as the JSON writer and the YAML emitter
// both write them, a float by appendFloat (the YAML emitter's differs); any other value, a
// NaN or an infinity is an error.
func appendScalar(dst []byte, v any, appendFloat func([]byte, float64) []byte) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case bool:
		return strconv.AppendBool(dst, v), nil
	case int64:
		return strconv.AppendInt(dst, v, 10), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return dst, fmt.Errorf("number %v has no JSON form", v)
		}
		return appendFloat(dst, v), nil
	}
	return dst, fmt.Errorf("value of type %T has no JSON or YAML form", v)
}
