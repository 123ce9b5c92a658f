package build

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// yamlPos is a place in the config file; line 0 when it is not known.
type yamlPos struct{ line, col int }

// locator finds the places of keys and values in the parsed config, for errors that
// point at what is wrong.
type locator struct {
	body    ast.Node            // the first document's, nil when the file did not parse
	anchors map[string]ast.Node // anchored nodes by name, to follow aliases
}

// newLocator returns the locator of f, nil when the config did not parse.
func newLocator(f *ast.File) *locator {
	at := &locator{anchors: map[string]ast.Node{}}
	if f == nil || len(f.Docs) == 0 || f.Docs[0] == nil {
		return at
	}
	at.body = f.Docs[0].Body
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		ast.Walk(anchorCollector(at.anchors), d.Body)
	}
	return at
}

type anchorCollector map[string]ast.Node

func (a anchorCollector) Visit(n ast.Node) ast.Visitor {
	if an, ok := n.(*ast.AnchorNode); ok && an.Name != nil {
		a[an.Name.String()] = an.Value
	}
	return a
}

// value returns the place of the value at path (mapping keys as strings, sequence indexes
// as ints): where the value is written, or, where path leads to nothing written (a key
// left out), the place of the deepest node on the way that is.
func (at *locator) value(path ...any) yamlPos {
	_, v := at.find(path)
	return nodePos(v)
}

// key returns the place of the key that ends path (see value); that of the value when the
// last step is an index.
func (at *locator) key(path ...any) yamlPos {
	k, v := at.find(path)
	if k != nil {
		return nodePos(k)
	}
	return nodePos(v)
}

// find follows path from the top of the document and returns the last key it found (nil
// when the last step taken was not a key, or path was not followed to its end) and the
// deepest node reached.
func (at *locator) find(path []any) (key, node ast.Node) {
	if at == nil || at.body == nil {
		return nil, nil
	}
	node = at.body
	for _, step := range path {
		n := at.resolve(node)
		var k, next ast.Node
		switch step := step.(type) {
		case string:
			k, next = at.lookup(n, step, 0)
		case int:
			if seq, ok := n.(*ast.SequenceNode); ok && step >= 0 && step < len(seq.Values) {
				next = seq.Values[step]
			}
		}
		if next == nil {
			return nil, node
		}
		key, node = k, next
	}
	return key, node
}

// resolve returns the node n stands for: the anchored node for an alias, the value of an
// anchor or tag.
func (at *locator) resolve(n ast.Node) ast.Node {
	for range 64 { // aliases of aliases, but never round in a circle
		switch x := n.(type) {
		case *ast.AnchorNode:
			n = x.Value
		case *ast.TagNode:
			n = x.Value
		case *ast.AliasNode:
			a, ok := at.anchors[fmt.Sprint(x.Value)]
			if !ok {
				return n
			}
			n = a
		default:
			return n
		}
	}
	return n
}

// lookup returns the key and value of name in the mapping n, looking into merge keys
// (<<: *defaults) when n has no such key of its own; nils when there is none.
func (at *locator) lookup(n ast.Node, name string, depth int) (key, value ast.Node) {
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	var merges []ast.Node
	for _, p := range pairs {
		if p.Key == nil {
			continue
		}
		if _, ok := p.Key.(*ast.MergeKeyNode); ok {
			merges = append(merges, p.Value)
			continue
		}
		if keyText(p.Key) == name {
			return p.Key, p.Value
		}
	}
	if depth > 8 {
		return nil, nil
	}
	for _, m := range merges {
		m = at.resolve(m)
		targets := []ast.Node{m}
		if seq, ok := m.(*ast.SequenceNode); ok {
			targets = seq.Values
		}
		for _, t := range targets {
			if k, v := at.lookup(at.resolve(t), name, depth+1); v != nil {
				return k, v
			}
		}
	}
	return nil, nil
}

// keyText is a mapping key as the decoder reads it: the text of a scalar, unquoted.
func keyText(k ast.MapKeyNode) string {
	if s, ok := k.(ast.ScalarNode); ok {
		return fmt.Sprint(s.GetValue())
	}
	return k.String()
}

// nodePos is where n starts: the first key of a block mapping, the token of anything else.
func nodePos(n ast.Node) yamlPos {
	switch m := n.(type) {
	case nil:
		return yamlPos{}
	case *ast.MappingNode:
		if !m.IsFlowStyle && len(m.Values) > 0 && m.Values[0].Key != nil {
			return nodePos(m.Values[0].Key)
		}
	case *ast.MappingValueNode:
		if m.Key != nil {
			return nodePos(m.Key)
		}
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		return yamlPos{t.Position.Line, t.Position.Column}
	}
	return yamlPos{}
}
