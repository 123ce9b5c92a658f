package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// readYAML reads a YAML file into a value tree: its one document, or an array of its
// documents. Aliases are not expanded (a value "*name" stays that text), so a file of
// aliases to aliases costs no more than its size; only a merge key ("<<: *defaults")
// brings in the plain values of the mapping it names (yamlReader.merge).
func readYAML(text []byte) (*node, error) {
	if at := flowTooDeep(text); at >= 0 {
		return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("YAML flow collections (\"[…]\", \"{…}\") nested more than %d deep are not read", maxFlowDepth)}
	}
	// With comments parsed: without, go-yaml (v1.x) drops every document after one that
	// holds only a comment. Comments themselves are no values (commentOnly).
	f, err := parser.ParseBytes(text, parser.ParseComments)
	if err != nil {
		return nil, yamlError(err, text)
	}
	y := &yamlReader{cols: runeColumns{text: text, lines: lineStarts(text)}, anchors: map[string]*node{}}
	var docs []*node
	for _, d := range f.Docs {
		if d == nil || d.Body == nil || commentOnly(d.Body) {
			continue
		}
		docs = append(docs, y.value(d.Body, 0))
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

// maxFlowDepth bounds how deep flow collections may nest: go-yaml builds a path string
// for each level, so n levels cost n² (80 KB of "[" took 2.2 s and 2.8 GB).
const maxFlowDepth = 1000

// flowTooDeep returns the offset of the first "[" or "{" that opens a flow collection
// nested more than maxFlowDepth deep, or -1, in one pass: outside a flow collection a
// bracket opens one where a value starts (at a line's start, after ":", "-", "?"); inside
// one, every bracket does. Quoted scalars and comments are skipped.
func flowTooDeep(text []byte) int {
	depth := 0
	prev := byte('\n') // the last byte that is not a blank; '\n' at a line's start
	for i := 0; i < len(text); i++ {
		c := text[i]
		valueStart := prev == '\n' || prev == ':' || prev == '-' || prev == '?' || prev == ',' || prev == '[' || prev == '{'
		switch {
		case c == '\n':
			prev = c
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n'):
			for i < len(text) && text[i] != '\n' {
				i++
			}
			i--
			continue
		case (c == '"' || c == '\'') && valueStart:
			for i++; i < len(text); i++ {
				if c == '"' && text[i] == '\\' {
					i++
				} else if text[i] == c {
					if c == '"' || i+1 >= len(text) || text[i+1] != '\'' {
						break
					}
					i++ // '' is a quote in the scalar
				}
			}
		case c == '[' || c == '{':
			if depth > 0 || valueStart {
				if depth++; depth > maxFlowDepth {
					return i
				}
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
		prev = c
	}
	return -1
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
	return (&runeColumns{text: text, lines: lines}).offset(p)
}

// runeColumns turns tokens' lines and columns (in runes) into byte offsets, in time
// bounded by a constant a token: a line longer than colStep bytes gets, the first time a
// token on it is looked up, the offset of every colStep-th rune, so that a lookup walks
// fewer than colStep runes (walking from the line's start each time made a one-line flow
// sequence of n tokens cost n²: 450 KB took 22 s).
type runeColumns struct {
	text  []byte
	lines []int
	marks map[int][]int // a long line's offsets of runes 1, 1+colStep, 1+2·colStep, …
}

const colStep = 64

func (rc *runeColumns) offset(p *token.Position) int {
	if p == nil || p.Line < 1 || p.Line > len(rc.lines) {
		return 0
	}
	text := rc.text
	off, col := rc.lines[p.Line-1], 1
	end := len(text)
	if p.Line < len(rc.lines) {
		end = rc.lines[p.Line]
	}
	if end-off > colStep {
		marks, ok := rc.marks[p.Line]
		if !ok {
			for o, c := off, 0; o < end; c++ {
				if c%colStep == 0 {
					marks = append(marks, o)
				}
				_, size := utf8.DecodeRune(text[o:end])
				o += size
			}
			if rc.marks == nil {
				rc.marks = map[int][]int{}
			}
			rc.marks[p.Line] = marks
		}
		if i := min((p.Column-1)/colStep, len(marks)-1); i > 0 {
			off, col = marks[i], 1+i*colStep
		}
	}
	for ; col < p.Column && off < len(text) && text[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}

func tokenOffset(n ast.Node, rc *runeColumns) int {
	if n == nil {
		return 0
	}
	tk := n.GetToken()
	if tk == nil {
		return 0
	}
	return rc.offset(tk.Position)
}

// commentOnly reports whether n is a comment standing alone, not a value.
func commentOnly(n ast.Node) bool {
	_, ok := n.(*ast.CommentGroupNode)
	return ok
}

// yamlReader turns go-yaml's nodes into values.
type yamlReader struct {
	cols    runeColumns
	anchors map[string]*node // the values of the anchors met so far ("&defaults")
	merged  int              // members brought in by merge keys, at most maxMerged
}

// maxMerged bounds the members merge keys bring in, in all: each merge copies the plain
// values of a mapping, and a file of many merges of a large mapping would otherwise cost
// their product.
const maxMerged = 1 << 17

// value turns a YAML node into a value.
func (y *yamlReader) value(n ast.Node, depth int) *node {
	off := tokenOffset(n, &y.cols)
	if depth > 200 {
		return &node{kind: kString, off: off, text: "…"}
	}
	switch v := n.(type) {
	case *ast.MappingNode:
		out := &node{kind: kObject, off: off}
		for _, mv := range v.Values {
			y.member(out, mv, depth)
		}
		y.merge(out)
		return out
	case *ast.MappingValueNode:
		out := &node{kind: kObject, off: off}
		y.member(out, v, depth)
		y.merge(out)
		return out
	case *ast.SequenceNode:
		out := &node{kind: kArray, off: off}
		for _, e := range v.Values {
			if !commentOnly(e) {
				out.kids = append(out.kids, y.value(e, depth+1))
			}
		}
		return out
	case *ast.TagNode:
		return y.value(v.Value, depth+1)
	case *ast.AnchorNode:
		val := y.value(v.Value, depth+1)
		if v.Name != nil {
			y.anchors[v.Name.String()] = val
		}
		return val
	case *ast.AliasNode:
		// A plain value it names is that value; a mapping or sequence stays the alias's
		// text, so that aliases of aliases cost no more than their size.
		name := ""
		if v.Value != nil {
			name = v.Value.String()
		}
		if a := y.anchors[name]; a != nil && (a.kind == kString || a.kind == kScalar || a.kind == kNull) {
			return &node{kind: a.kind, off: off, text: a.text}
		}
		return &node{kind: kString, off: off, text: "*" + name}
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

// merge brings into out the plain values (strings, numbers, booleans, null) of the
// mappings its merge keys name ("<<: *defaults", "<<: [*a, *b]") that out does not give
// itself: a status shared by a group of errors is often written so. The merge keys
// themselves are left out. Nested mappings are not brought in: they would share a
// subtree between every merge.
func (y *yamlReader) merge(out *node) {
	var from []*node
	for i, k := range out.keys {
		if k != "<<" {
			continue
		}
		switch c := out.kids[i]; c.kind {
		case kObject:
			from = append(from, c)
		case kArray:
			for _, e := range c.kids {
				if e.kind == kObject {
					from = append(from, e)
				}
			}
		}
	}
	if len(from) == 0 {
		return
	}
	keep := 0
	for i, k := range out.keys { // drop the merge keys
		if k != "<<" {
			out.keys[keep], out.keyOffs[keep], out.kids[keep] = k, out.keyOffs[i], out.kids[i]
			keep++
		}
	}
	out.keys, out.keyOffs, out.kids = out.keys[:keep], out.keyOffs[:keep], out.kids[:keep]
	has := make(map[string]bool, len(out.keys))
	for _, k := range out.keys {
		has[k] = true
	}
	for _, m := range from {
		for i, k := range m.keys {
			if y.merged >= maxMerged {
				return
			}
			c := m.kids[i]
			if (c.kind != kString && c.kind != kScalar && c.kind != kNull) || has[k] {
				continue
			}
			has[k] = true
			y.merged++
			out.keys = append(out.keys, k)
			out.keyOffs = append(out.keyOffs, m.keyOffs[i])
			out.kids = append(out.kids, c)
		}
	}
}

// member adds one key and its value to out. The value of a merge key's alias is the
// anchored value (merge brings its members in).
func (y *yamlReader) member(out *node, mv *ast.MappingValueNode, depth int) {
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
	out.keyOffs = append(out.keyOffs, tokenOffset(mv.Key, &y.cols))
	if mv.Value == nil {
		out.kids = append(out.kids, &node{kind: kNull, off: tokenOffset(mv.Key, &y.cols)})
		return
	}
	if key == "<<" {
		if v := y.alias(mv.Value); v != nil {
			out.kids = append(out.kids, v)
			return
		}
	}
	out.kids = append(out.kids, y.value(mv.Value, depth+1))
}

// alias returns the anchored value an alias ("*defaults") names, or a sequence of them;
// nil when n is neither or names no anchor met.
func (y *yamlReader) alias(n ast.Node) *node {
	switch v := n.(type) {
	case *ast.AliasNode:
		if v.Value != nil {
			return y.anchors[v.Value.String()]
		}
	case *ast.SequenceNode:
		out := &node{kind: kArray, off: tokenOffset(n, &y.cols)}
		for _, e := range v.Values {
			if a, ok := e.(*ast.AliasNode); ok && a.Value != nil {
				if m := y.anchors[a.Value.String()]; m != nil {
					out.kids = append(out.kids, m)
				}
			}
		}
		return out
	}
	return nil
}
