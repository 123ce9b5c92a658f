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
				t = child(t, k, offs[i])
			}
			last, off := keys[len(keys)-1], offs[len(offs)-1]
			if e.Kind == unstable.Table {
				cur = child(t, last, off)
				continue
			}
			arr := t.member(last)
			if arr == nil || arr.kind != kArray {
				arr = &node{kind: kArray, off: off}
				t.keys, t.keyOffs, t.kids = append(t.keys, last), append(t.keyOffs, off), append(t.kids, arr)
			}
			cur = &node{kind: kObject, off: off}
			arr.kids = append(arr.kids, cur)
		case unstable.KeyValue:
			addTOMLKeyValue(cur, e, text)
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

// child returns t's member k, an object, made when missing; an array of tables gives its
// last table.
func child(t *node, k string, off int) *node {
	if c := t.member(k); c != nil {
		if c.kind == kArray && len(c.kids) > 0 && c.kids[len(c.kids)-1].kind == kObject {
			return c.kids[len(c.kids)-1]
		}
		if c.kind == kObject {
			return c
		}
	}
	c := &node{kind: kObject, off: off}
	t.keys, t.keyOffs, t.kids = append(t.keys, k), append(t.keyOffs, off), append(t.kids, c)
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

func addTOMLKeyValue(cur *node, e *unstable.Node, text []byte) {
	keys, offs := tomlKey(e.Key(), text)
	if len(keys) == 0 {
		return
	}
	t := cur
	for i, k := range keys[:len(keys)-1] {
		t = child(t, k, offs[i])
	}
	v := tomlValue(e.Value(), offs[len(offs)-1], text, 0)
	t.keys, t.keyOffs, t.kids = append(t.keys, keys[len(keys)-1]), append(t.keyOffs, offs[len(offs)-1]), append(t.kids, v)
}

// tomlValue turns a value node into a value; off is where to place values the parser
// gives no range.
func tomlValue(v *unstable.Node, off int, text []byte, depth int) *node {
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
			n.kids = append(n.kids, tomlValue(it.Node(), off, text, depth+1))
		}
		return n
	case unstable.InlineTable:
		n := &node{kind: kObject, off: off}
		it := v.Children()
		for it.Next() {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				addTOMLKeyValue(n, kv, text)
			}
		}
		return n
	}
	return &node{kind: kScalar, off: off, text: string(v.Data)}
}
