package parse

import (
	"errors"
	"fmt"

	"docgen/catalog"
	"docgen/parse/data"
	"docgen/parse/doc"
)

// This file registers the readers of error catalogs kept in other formats than Markdown
// and HTML: data files (JSON, YAML, TOML), code (protobuf, C, tab-separated code lists,
// Python) and reStructuredText. Each front-end is a package of its own (parse/data,
// parse/code, parse/rst) that builds a document tree; the interpreter reads the tree.

// RuleSyntax is the rule of a source its format's parser rejects: what it could read is
// kept, the rest is lost.
const RuleSyntax = "invalid-syntax"

func init() {
	Register(dataReader{})
}

// dataReader reads JSON, YAML and TOML files of error objects.
type dataReader struct{}

func (dataReader) Name() string { return "data" }

func (dataReader) Detect(src *Source) Detection {
	score, f, why := data.Detect(src.Path, src.Text)
	if score > 0 {
		why = f.String() + ": " + why
	}
	return Detection{Score: score, Why: why}
}

func (dataReader) Read(src *Source) *Doc {
	_, f, _ := data.Detect(src.Path, src.Text)
	if f == data.None {
		f = data.JSON
	}
	d, err := data.Read(src.Text, f, src.posIx().pos)
	if err != nil {
		out := &Doc{}
		var se *data.SyntaxError
		pos := src.LinePos(1)
		if errors.As(err, &se) {
			pos = src.Pos(se.Offset)
		}
		out.Diags.Add(pos, catalog.Error, RuleSyntax, "%s (expected a valid %s file; nothing of it was read)", err.Error(), f)
		return out
	}
	return readTree(src, d)
}

// treeSummary describes a document tree's blocks, for notes.
func treeSummary(d *doc.Document) string {
	n := map[string]int{}
	for _, b := range d.Blocks {
		n[fmt.Sprintf("%T", b)]++
	}
	return fmt.Sprint(n)
}
