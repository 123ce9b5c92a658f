package parse

import (
	"errors"

	"docgen/catalog"
	"docgen/parse/asciidoc"
	"docgen/parse/code"
	"docgen/parse/data"
	"docgen/parse/rst"
)

// This file registers the readers of error catalogs kept in other formats than Markdown
// and HTML: data files (JSON, YAML, TOML, CSV, OpenAPI), code (protobuf, C, tab-separated
// code lists, Python, Java, Kotlin, TypeScript), reStructuredText and AsciiDoc. Each
// front-end is a package of its own (parse/data, parse/code, parse/rst, parse/asciidoc)
// that builds a document tree; the interpreter reads the tree.

// RuleSyntax is the rule of a source its format's parser rejects: what it could read is
// kept, the rest is lost.
const RuleSyntax = "invalid-syntax"

func init() {
	Register(dataReader{})
	Register(codeReader{})
	Register(rstReader{})
	Register(asciidocReader{})
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
		f = data.Guess(src.Text) // docgen.yaml named this reader
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
	out := interpret(src, d)
	for _, w := range d.Warnings {
		out.Diags.Add(w.Pos, catalog.Warning, RuleSyntax, "%s", w.Msg)
	}
	return out
}

// codeReader reads error enums and constants in code.
type codeReader struct{}

func (codeReader) Name() string { return "code" }

func (codeReader) Detect(src *Source) Detection {
	score, lang, why := code.Detect(src.Path, src.Text)
	if score > 0 {
		why = lang.String() + ": " + why
	}
	return Detection{Score: score, Why: why}
}

func (codeReader) Read(src *Source) *Doc {
	_, lang, _ := code.Detect(src.Path, src.Text)
	if lang == code.None {
		lang = code.Guess(src.Text) // docgen.yaml named this reader
	}
	d, probs := code.Read(src.Path, src.Text, lang, src.posIx().pos)
	out := interpret(src, d)
	for _, p := range probs {
		out.Diags.Add(src.Pos(p.Offset), catalog.Error, RuleSyntax, "%s (expected valid %s; what follows it may be lost)", p.Msg, lang)
	}
	return out
}

// rstReader reads reStructuredText.
type rstReader struct{}

func (rstReader) Name() string { return "rst" }

func (rstReader) Detect(src *Source) Detection {
	score, why := rst.Detect(src.Path, src.Text)
	// The score is the format's alone (a name, directives): a source read as
	// reStructuredText in which nothing is recognised is an error, as an HTML page is.
	return Detection{Score: score, Why: why, FormatOnly: score > 0}
}

func (rstReader) Read(src *Source) *Doc {
	return interpret(src, rst.Read(src.Text, src.posIx().pos))
}

// asciidocReader reads AsciiDoc.
type asciidocReader struct{}

func (asciidocReader) Name() string { return "asciidoc" }

func (asciidocReader) Detect(src *Source) Detection {
	score, why := asciidoc.Detect(src.Path, src.Text)
	return Detection{Score: score, Why: why, FormatOnly: score > 0} // as rstReader's
}

func (asciidocReader) Read(src *Source) *Doc {
	d := asciidoc.Read(src.Text, src.posIx().pos)
	out := interpret(src, d)
	for _, w := range d.Warnings {
		out.Diags.Add(w.Pos, catalog.Warning, RuleSyntax, "%s", w.Msg)
	}
	return out
}
