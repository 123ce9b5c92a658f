package data

import (
	"errors"

	"github.com/pelletier/go-toml/v2/unstable"
)

// readTOML reads a TOML document into a value tree with go-toml's unstable parser, which
// gives each expression in file order with its byte range (the decoding API of TOML
// libraries gives neither order nor positions). Tables ([a."b:c"]) and arrays of tables
// ([[a]]) nest as the TOML specification says; a quoted key is one key, whatever it holds.
func readTOML(text []byte) (*node, error) {
	var p unstable.Parser
	p.Reset(text)
	root := &node{kind: kObject}
	cur := root
	r := &tomlReader{text: text, index: map[*node]map[string]int{}}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			keys, offs := tomlKey(e.Key(), text)
			if len(keys) == 0 {
				continue
			}
			t := root
			for i, k := range keys[:len(keys)-1] {
				t = r.child(t, k, offs[i])
			}
			last, off := keys[len(keys)-1], offs[len(offs)-1]
			if e.Kind == unstable.Table {
				cur = r.child(t, last, off)
				continue
			}
			arr := r.member(t, last)
			if arr == nil || arr.kind != kArray {
				arr = &node{kind: kArray, off: off}
				r.add(t, last, off, arr)
			}
			cur = &node{kind: kObject, off: off}
			arr.kids = append(arr.kids, cur)
		case unstable.KeyValue:
			r.addKeyValue(cur, e)
		}
	}
	if err := p.Error(); err != nil {
		off := len(text)
		var pe *unstable.ParserError
		if errors.As(err, &pe) && pe.Highlight != nil {
			if o := cap(text) - cap(pe.Highlight); o >= 0 && o <= len(text) {
				off = o
			}
		}
		return nil, &SyntaxError{Offset: off, Msg: "invalid TOML: " + err.Error()}
	}
	return root, nil
}

// tomlReader builds the value tree; index holds the members of each object that has
// more than a few, by key, so that looking up the table a line names costs the same
// whatever the number of tables (a scan of the keys made 2 MB of [E1] tables take 4.5 s).
type tomlReader struct {
	text  []byte
	index map[*node]map[string]int
}

// member returns t's value of key k (the first, when k is there twice), or nil.
func (r *tomlReader) member(t *node, k string) *node {
	ix := r.index[t]
	if ix == nil {
		if len(t.keys) <= 16 {
			return t.member(k)
		}
		ix = make(map[string]int, len(t.keys))
		for i := len(t.keys) - 1; i >= 0; i-- {
			ix[t.keys[i]] = i
		}
		r.index[t] = ix
	}
	if i, ok := ix[k]; ok {
		return t.kids[i]
	}
	return nil
}

// add appends member k to t.
func (r *tomlReader) add(t *node, k string, off int, v *node) {
	if ix := r.index[t]; ix != nil {
		if _, ok := ix[k]; !ok {
			ix[k] = len(t.keys)
		}
	}
	t.keys, t.keyOffs, t.kids = append(t.keys, k), append(t.keyOffs, off), append(t.kids, v)
}

// child returns t's member k, an object, made when missing; an array of tables gives its
// last table.
func (r *tomlReader) child(t *node, k string, off int) *node {
	if c := r.member(t, k); c != nil {
		if c.kind == kArray && len(c.kids) > 0 && c.kids[len(c.kids)-1].kind == kObject {
			return c.kids[len(c.kids)-1]
		}
		if c.kind == kObject {
			return c
		}
	}
	c := &node{kind: kObject, off: off}
	r.add(t, k, off, c)
	return c
}

// tomlKey returns a key's parts and their offsets.
func tomlKey(it unstable.Iterator, text []byte) ([]string, []int) {
	var keys []string
	var offs []int
	for it.Next() {
		k := it.Node()
		keys = append(keys, string(k.Data))
		offs = append(offs, min(int(k.Raw.Offset), len(text)))
	}
	return keys, offs
}

func (r *tomlReader) addKeyValue(cur *node, e *unstable.Node) {
	keys, offs := tomlKey(e.Key(), r.text)
	if len(keys) == 0 {
		return
	}
	t := cur
	for i, k := range keys[:len(keys)-1] {
		t = r.child(t, k, offs[i])
	}
	v := r.value(e.Value(), offs[len(offs)-1], 0)
	r.add(t, keys[len(keys)-1], offs[len(offs)-1], v)
}

// value turns a value node into a value; off is where to place values the parser
// gives no range.
func (r *tomlReader) value(v *unstable.Node, off int, depth int) *node {
	text := r.text
	if v.Raw.Length > 0 {
		off = min(int(v.Raw.Offset), len(text))
	}
	if depth > 200 {
		return &node{kind: kString, off: off, text: "…"}
	}
	switch v.Kind {
	case unstable.String:
		return &node{kind: kString, off: off, text: string(v.Data)}
	case unstable.Array:
		n := &node{kind: kArray, off: off}
		it := v.Children()
		for it.Next() {
			n.kids = append(n.kids, r.value(it.Node(), off, depth+1))
		}
		return n
	case unstable.InlineTable:
		n := &node{kind: kObject, off: off}
		it := v.Children()
		for it.Next() {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				r.addKeyValue(n, kv)
			}
		}
		return n
	}
	return &node{kind: kScalar, off: off, text: string(v.Data)}
}
