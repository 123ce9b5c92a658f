package code

import (
	"bytes"
	"errors"
	"strings"

	"github.com/bufbuild/protocompile/ast"
	"github.com/bufbuild/protocompile/parser"
	"github.com/bufbuild/protocompile/reporter"

	"docgen/catalog"
	"docgen/parse/doc"
)

// readProto reads the enums of a protobuf file, nested ones included, in file order: each
// value's name, number as written and comment (the leading one, then the trailing one).
func readProto(name string, text []byte, at func(int) catalog.Pos) (*doc.Document, []Problem) {
	var probs []Problem
	rep := reporter.NewReporter(func(err reporter.ErrorWithPos) error {
		if len(probs) < 20 {
			var msg = err.Unwrap().Error()
			probs = append(probs, Problem{Offset: err.GetPosition().Offset, Msg: "invalid protobuf: " + msg})
		}
		return nil // go on: the parser recovers and keeps what it can
	}, nil)
	f, err := parser.Parse(name, bytes.NewReader(text), reporter.NewHandler(rep))
	if f == nil {
		if err != nil && len(probs) == 0 {
			var ep reporter.ErrorWithPos
			off := 0
			if errors.As(err, &ep) {
				off = ep.GetPosition().Offset
			}
			probs = append(probs, Problem{Offset: off, Msg: "invalid protobuf: " + err.Error()})
		}
		return &doc.Document{}, probs
	}
	d := &doc.Document{}
	pos := func(n ast.Node) catalog.Pos {
		off := f.NodeInfo(n).Start().Offset
		return at(min(max(off, 0), len(text)))
	}
	joined := func(cs ast.Comments) string {
		var parts []string
		for i := 0; i < cs.Len(); i++ {
			parts = append(parts, cleanComment(cs.Index(i).RawText()))
		}
		return strings.TrimSpace(strings.Join(parts, "\n"))
	}
	comment := func(n ast.Node) string {
		info := f.NodeInfo(n)
		return memberComment(joined(info.LeadingComments()), joined(info.TrailingComments()))
	}
	_ = ast.Walk(f, &ast.SimpleVisitor{DoVisitEnumNode: func(n *ast.EnumNode) error {
		e := &doc.Enum{Pos: pos(n), Name: n.Name.Val, Comment: comment(n)}
		for _, el := range n.Decls {
			v, ok := el.(*ast.EnumValueNode)
			if !ok || v.Name == nil {
				continue
			}
			value := ""
			if v.Number != nil {
				value = f.NodeInfo(v.Number).RawText()
				if neg, ok := v.Number.(*ast.NegativeIntLiteralNode); ok && !strings.HasPrefix(value, "-") {
					if x, ok := neg.AsInt64(); ok {
						value = itoa64(x)
					}
				}
			}
			e.Members = append(e.Members, doc.Member{Pos: pos(v), Name: v.Name.Val, Value: value, Comment: comment(v)})
		}
		d.Blocks = append(d.Blocks, e)
		return nil
	}})
	return d, probs
}

func itoa64(x int64) string {
	neg := x < 0
	if neg {
		x = -x
	}
	var b []byte
	for {
		b = append([]byte{byte('0' + x%10)}, b...)
		x /= 10
		if x == 0 {
			break
		}
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}
