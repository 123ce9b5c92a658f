// Package yamlguard bounds what YAML aliases expand to before a document is decoded.
//
// goccy/go-yaml decodes an alias by decoding its anchor again, so a few hundred bytes of
// nested aliases ("billion laughs") become billions of values and exhaust memory. Check
// counts the nodes a document stands for once every alias is expanded, in one pass over
// the parsed tree (each anchor is counted once), and refuses a document whose aliases add
// more than MaxAliasNodes. It leaves parsing and decoding to the caller.
package yamlguard

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// MaxAliasNodes is how many nodes aliases may add to a document, expanded: far more than a
// hand-written config or OpenAPI document shares through anchors, far less than a
// decoder can hold in memory.
const MaxAliasNodes = 1_000_000

// Error is a document whose aliases expand past the bound, placed at the alias where the
// count went over.
type Error struct {
	Line, Col int
	Limit     int
}

func (e *Error) Error() string {
	return fmt.Sprintf("aliases expand to more than %d nodes (a \"billion laughs\" document?); refusing to decode it", e.Limit)
}

// Check returns an *Error when the aliases of the documents of f expand to more than
// limit nodes beyond those written.
func Check(f *ast.File, limit int) error {
	c := &counter{anchors: map[string]int{}, limit: limit}
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			c.count(d.Body)
		}
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

type counter struct {
	anchors map[string]int // expanded size of each anchor seen so far
	added   int            // nodes added by aliases so far
	limit   int
	err     error
}

// count returns the expanded size of n.
func (c *counter) count(n ast.Node) int {
	total := 0
	ast.Walk(visitor(func(n ast.Node) bool {
		if c.err != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AnchorNode:
			size := 1
			if n.Value != nil {
				size += c.count(n.Value)
			}
			c.anchors[name(n.Name)] = size
			total += size
			return false
		case *ast.AliasNode:
			size, ok := c.anchors[name(n.Value)]
			if !ok {
				size = 1
			}
			total += size
			c.added += size
			if c.added > c.limit {
				e := &Error{Limit: c.limit}
				if tk := n.GetToken(); tk != nil && tk.Position != nil {
					e.Line, e.Col = tk.Position.Line, tk.Position.Column
				}
				c.err = e
			}
			return false
		}
		total++
		return true
	}), n)
	return total
}

func name(n ast.Node) string {
	if n == nil {
		return ""
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return n.String()
}

type visitor func(ast.Node) bool

func (f visitor) Visit(n ast.Node) ast.Visitor {
	if f(n) {
		return f
	}
	return nil
}
