package data

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// readYAML reads a YAML file into a value tree: its one document, or an array of its
// documents. Aliases are not
// expanded (a value "*name" stays that text), so a file of aliases to aliases costs no
// more than its size.
func readYAML(text []byte) (*node, error) {
	// With comments parsed: without, go-yaml (v1.x) drops every document after one that
	// holds only a comment. Comments themselves are no values (commentOnly).
	f, err := parser.ParseBytes(text, parser.ParseComments)
	if err != nil {
		return nil, yamlError(err, text)
	}
	lines := lineStarts(text)
	var docs []*node
	for _, d := range f.Docs {
		if d == nil || d.Body == nil || commentOnly(d.Body) {
			continue
		}
		docs = append(docs, yamlValue(d.Body, text, lines, 0))
	}
	switch len(docs) {
	case 0:
		return nil, nil
	case 1:
		return docs[0], nil
	}
	// A stream of documents ("---" between them), one error or one list each: read as
	// an array of them, so that none after the first is lost.
	return &node{kind: kArray, off: docs[0].off, kids: docs}, nil
}

func yamlError(err error, text []byte) error {
	msg := err.Error()
	off := len(text)
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			off = offsetOf(text, lineStarts(text), tk.Position)
		}
		msg = ye.GetMessage()
	}
	return &SyntaxError{Offset: off, Msg: "invalid YAML: " + strings.TrimSpace(msg)}
}

// lineStarts returns the offset at which each line starts.
func lineStarts(text []byte) []int {
	ls := []int{0}
	for i, b := range text {
		if b == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// offsetOf turns a token's line and column (in runes) into a byte offset.
func offsetOf(text []byte, lines []int, p *token.Position) int {
	if p == nil || p.Line < 1 || p.Line > len(lines) {
		return 0
	}
	off := lines[p.Line-1]
	for c := 1; c < p.Column && off < len(text) && text[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}

func tokenOffset(n ast.Node, text []byte, lines []int) int {
	if n == nil {
		return 0
	}
	tk := n.GetToken()
	if tk == nil {
		return 0
	}
	return offsetOf(text, lines, tk.Position)
}

// commentOnly reports whether n is a comment standing alone, not a value.
func commentOnly(n ast.Node) bool {
	_, ok := n.(*ast.CommentGroupNode)
	return ok
}

// yamlValue turns a YAML node into a value.
func yamlValue(n ast.Node, text []byte, lines []int, depth int) *node {
	off := tokenOffset(n, text, lines)
	if depth > 200 {
		return &node{kind: kString, off: off, text: "…"}
	}
	switch v := n.(type) {
	case *ast.MappingNode:
		out := &node{kind: kObject, off: off}
		for _, mv := range v.Values {
			addYAMLMember(out, mv, text, lines, depth)
		}
		return out
	case *ast.MappingValueNode:
		out := &node{kind: kObject, off: off}
		addYAMLMember(out, v, text, lines, depth)
		return out
	case *ast.SequenceNode:
		out := &node{kind: kArray, off: off}
		for _, e := range v.Values {
			if !commentOnly(e) {
				out.kids = append(out.kids, yamlValue(e, text, lines, depth+1))
			}
		}
		return out
	case *ast.TagNode:
		return yamlValue(v.Value, text, lines, depth+1)
	case *ast.AnchorNode:
		return yamlValue(v.Value, text, lines, depth+1)
	case *ast.NullNode:
		return &node{kind: kNull, off: off}
	case *ast.StringNode:
		return &node{kind: kString, off: off, text: v.Value}
	case *ast.LiteralNode:
		s := ""
		if v.Value != nil {
			s = v.Value.Value
		}
		return &node{kind: kString, off: off, text: s}
	case nil:
		return &node{kind: kNull, off: off}
	}
	if tk := n.GetToken(); tk != nil {
		return &node{kind: kScalar, off: off, text: tk.Value}
	}
	return &node{kind: kScalar, off: off, text: n.String()}
}

func addYAMLMember(out *node, mv *ast.MappingValueNode, text []byte, lines []int, depth int) {
	if mv == nil {
		return
	}
	key := ""
	if mv.Key != nil {
		if tk := mv.Key.GetToken(); tk != nil {
			key = tk.Value
		} else {
			key = mv.Key.String()
		}
	}
	out.keys = append(out.keys, key)
	out.keyOffs = append(out.keyOffs, tokenOffset(mv.Key, text, lines))
	if mv.Value == nil {
		out.kids = append(out.kids, &node{kind: kNull, off: tokenOffset(mv.Key, text, lines)})
		return
	}
	out.kids = append(out.kids, yamlValue(mv.Value, text, lines, depth+1))
}
