package code

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the errors a Go package declares, with go/parser (the standard
// library's, which keeps comments and positions and reads a file that does not type-check):
//
//   - a const or var block of literal values ("ErrCodeExpired ErrorCode = \"EXPIRED\"",
//     "CodeNotFound = 40401"): an enum, named by the type the values share, each member
//     with its doc or line comment;
//   - vars made with errors.New or fmt.Errorf ("ErrNotFound = errors.New(\"not found\")"):
//     records of their name, their text (the message) and their comment;
//   - what the file's functions map those vars or consts to, in a switch or a chain of ifs
//     ("case errors.Is(err, ErrNotFound): return http.StatusNotFound"), or a map
//     literal keyed by them: a field of each var, named by the function
//     (golang_switch.go); a const block some of whose constants are so mapped
//     ("case InvalidAddress: return http.StatusBadRequest" on an iota Code) is records,
//     as the vars are, so that the fields stay theirs;
//   - vars (or the elements of a slice or map) that are composite literals with keyed
//     fields ("&APIError{Code: \"E1\", Status: http.StatusNotFound, Message: …}"), or calls
//     of a function the file declares (its parameters name the arguments): records whose
//     fields are named by the keys or parameters, so that the interpreter gives them roles
//     as for a data file.
//
// What is no literal (an expression, a call of another package) is kept as written.

// readGo reads the error declarations of Go source.
func readGo(name string, text []byte, at func(int) catalog.Pos) (*doc.Document, []Problem) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, text, parser.ParseComments|parser.SkipObjectResolution)
	var probs []Problem
	if err != nil {
		off := len(text)
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			off = min(max(list[0].Pos.Offset, 0), len(text))
		}
		probs = append(probs, Problem{Offset: off, Msg: err.Error()})
		if f == nil {
			return &doc.Document{}, probs
		}
	}
	g := &goReader{fset: fset, text: text, at: at, params: map[string][]string{},
		structs: map[string][]string{}, sentinels: map[string]bool{}, consumed: map[token.Pos]bool{}}
	g.declared(f)
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Type.Params != nil {
			var names []string
			for _, p := range fn.Type.Params.List {
				for _, n := range p.Names {
					names = append(names, n.Name)
				}
				if len(p.Names) == 0 {
					names = append(names, "")
				}
			}
			g.params[fn.Name.Name] = names
		}
	}
	g.mapped = g.mappedFields(g.mappings(f))
	d := &doc.Document{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || (gd.Tok != token.CONST && gd.Tok != token.VAR) {
			continue
		}
		d.Blocks = append(d.Blocks, g.block(gd)...)
	}
	return d, probs
}

// goReader holds what reading one Go file needs.
type goReader struct {
	fset   *token.FileSet
	text   []byte
	at     func(int) catalog.Pos
	params map[string][]string // the parameter names of the file's functions
	// mapped are the fields that the file's functions and map literals give its
	// sentinel errors, by the errors' names: what they map each to (golang_switch.go).
	mapped map[string][]doc.Field
	// structs are the field names of the struct types the file declares, in order, by
	// the types' names: what names the values of a literal written without keys.
	structs map[string][]string
	// sentinels are the names of the file's vars made with errors.New or fmt.Errorf.
	sentinels map[string]bool
	// consumed are the elements of slices that a table of sentinels gave their fields to
	// (golang_switch.go): no records of their own.
	consumed map[token.Pos]bool
}

// declared reads what the file declares that the rest needs before it: its struct types'
// fields and its sentinel errors' names.
func (g *goReader) declared(f *ast.File) {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if st, ok := s.Type.(*ast.StructType); ok {
					g.structs[s.Name.Name] = structFieldNames(st)
				}
			case *ast.ValueSpec:
				if gd.Tok != token.VAR {
					continue
				}
				for i, n := range s.Names {
					if i < len(s.Values) {
						if _, msg, ok := g.plainValue(s.Values[i]); ok && msg != "" {
							g.sentinels[n.Name] = true
						}
					}
				}
			}
		}
	}
}

// structFieldNames returns the names of a struct type's fields in order, an embedded
// field named by its type; nil for a struct with none.
func structFieldNames(st *ast.StructType) []string {
	if st.Fields == nil {
		return nil
	}
	var out []string
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			t := f.Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			out = append(out, typeName(t))
			continue
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// fieldNamesOf returns the field names of the struct type t ("struct{ Code string; … }",
// the name of one the file declares, a pointer to either), or nil.
func (g *goReader) fieldNamesOf(t ast.Expr) []string {
	switch v := t.(type) {
	case *ast.StarExpr:
		return g.fieldNamesOf(v.X)
	case *ast.StructType:
		return structFieldNames(v)
	case *ast.Ident:
		return g.structs[v.Name]
	}
	return nil
}

func (g *goReader) off(p token.Pos) int {
	if !p.IsValid() {
		return 0
	}
	return min(g.fset.Position(p).Offset, len(g.text))
}

// src returns the source text of a node.
func (g *goReader) src(n ast.Node) string {
	a, b := g.off(n.Pos()), g.off(n.End())
	if a >= b {
		return ""
	}
	return string(g.text[a:b])
}

// block reads one const or var declaration: its literal values as an enum, its records
// (composite literals, calls of the file's functions) as one collection.
func (g *goReader) block(gd *ast.GenDecl) []doc.Block {
	e := &doc.Enum{Pos: g.at(g.off(gd.Pos())), Comment: commentText(gd.Doc)}
	r := &doc.Records{Pos: g.at(g.off(gd.Pos())), Keyed: true, KeyName: "name"}
	sentinels := &doc.Records{Pos: r.Pos, Keyed: true, KeyName: "name"} // errors.New: a shape of their own
	typ := ""
	for _, spec := range gd.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		if t := typeName(vs.Type); t != "" && typ == "" {
			typ = t
		}
		comment := memberComment(commentText(vs.Doc), commentText(vs.Comment))
		for i, name := range vs.Names {
			if name.Name == "_" {
				continue
			}
			var val ast.Expr
			if i < len(vs.Values) {
				val = vs.Values[i]
			}
			pos := g.at(g.off(name.Pos()))
			if fields := g.recordFields(val, nil); fields != nil {
				if comment != "" {
					fields = append(fields, doc.Field{Pos: pos, Name: "comment", Value: comment})
				}
				r.Items = append(r.Items, doc.Record{Pos: pos, Key: name.Name, Fields: fields})
				continue
			}
			for _, el := range elements(val) { // a slice or map of records
				if g.consumed[el.value.Pos()] {
					continue // a row of a table of sentinels: theirs (golang_switch.go)
				}
				if fields := g.recordFields(el.value, el.typ); fields != nil {
					key := el.key
					if key == "" {
						key = name.Name + "[" + strconv.Itoa(len(r.Items)) + "]"
					}
					r.Items = append(r.Items, doc.Record{Pos: g.at(g.off(el.value.Pos())), Key: key, Fields: fields})
				}
			}
			v, msg, ok := g.plainValue(val)
			switch {
			case ok && msg != "": // errors.New("…"): a record whose text is its message
				fields := []doc.Field{{Pos: g.at(g.off(val.Pos())), Name: "message", Value: msg}}
				if comment != "" {
					fields = append(fields, doc.Field{Pos: pos, Name: "comment", Value: comment})
				}
				fields = append(fields, g.mapped[name.Name]...)
				sentinels.Items = append(sentinels.Items, doc.Record{Pos: pos, Key: name.Name, Fields: fields})
			case ok:
				e.Members = append(e.Members, doc.Member{Pos: pos, Name: name.Name, Value: v, Comment: comment})
			}
		}
	}
	e.Name = typ
	if consts := g.mappedConsts(e); consts != nil {
		// Constants that the file's functions or maps give a status, a code or a message
		// (a switch on an iota Code, a map[Code]string): records as sentinels are, so
		// that what is mapped to them stays theirs.
		e.Members = nil
		out := []doc.Block{consts}
		for _, rs := range []*doc.Records{r, sentinels} {
			if len(rs.Items) > 0 {
				rs.Path = typ
				out = append(out, rs)
			}
		}
		return out
	}
	var out []doc.Block
	if len(e.Members) > 0 {
		out = append(out, e)
	}
	for _, rs := range []*doc.Records{r, sentinels} {
		if len(rs.Items) > 0 {
			rs.Path = typ
			out = append(out, rs)
		}
	}
	return out
}

// mappedConsts returns the members of e as records when the file's functions or map
// literals map any of them to a value (golang_switch.go), or nil: each record keyed by
// the constant's name, with its value as written ("iota + 1", a quoted string), its
// comment and the fields of the mappings. A member no mapping names is a record too: it
// stands in the same list.
func (g *goReader) mappedConsts(e *doc.Enum) *doc.Records {
	n := 0
	for _, m := range e.Members {
		if len(g.mapped[m.Name]) > 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	r := &doc.Records{Pos: e.Pos, Keyed: true, KeyName: "name", Path: e.Name, Group: e.Name}
	for _, m := range e.Members {
		var fields []doc.Field
		if m.Value != "" {
			fields = append(fields, doc.Field{Pos: m.Pos, Name: "value", Value: m.Value})
		}
		if m.Comment != "" {
			fields = append(fields, doc.Field{Pos: m.Pos, Name: "comment", Value: m.Comment})
		}
		fields = append(fields, g.mapped[m.Name]...)
		r.Items = append(r.Items, doc.Record{Pos: m.Pos, Key: m.Name, Fields: fields})
	}
	return r
}

// element is one element of a slice or map literal, with its key when a map's, and the
// type of the slice's or map's elements.
type element struct {
	key   string
	value ast.Expr
	typ   ast.Expr
}

// elements returns the elements of a slice or map composite literal ([]*Error{…},
// map[string]Error{"E1": {…}}), or nil.
func elements(x ast.Expr) []element {
	cl, ok := unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var typ ast.Expr
	switch t := cl.Type.(type) {
	case *ast.ArrayType:
		typ = t.Elt
	case *ast.MapType:
		typ = t.Value
	default:
		return nil
	}
	var out []element
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			key := ""
			if lit, ok := kv.Key.(*ast.BasicLit); ok {
				key = literal(lit)
			} else if id, ok := kv.Key.(*ast.Ident); ok {
				key = id.Name
			}
			out = append(out, element{key, kv.Value, typ})
			continue
		}
		out = append(out, element{"", el, typ})
	}
	return out
}

// recordFields returns the fields of a composite literal of a struct (&E{Code: "E1", …},
// or an element of a slice written {Code: …} with its type left out, elemType the
// slice's), or of a call of a function of the file (its parameters name the arguments);
// nil when x is neither.
func (g *goReader) recordFields(x, elemType ast.Expr) []doc.Field {
	x = unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = unparen(u.X)
	}
	switch v := x.(type) {
	case *ast.CompositeLit:
		if _, isArray := v.Type.(*ast.ArrayType); isArray {
			return nil
		}
		if _, isMap := v.Type.(*ast.MapType); isMap {
			return nil
		}
		names, vals := g.structValues(v, elemType)
		if names == nil {
			return nil
		}
		var fields []doc.Field
		for i, x := range vals {
			fields = append(fields, doc.Field{Pos: g.at(g.off(x.Pos())), Name: lowerFirst(names[i]), Value: g.valueText(x)})
		}
		return fields
	case *ast.CallExpr:
		id, ok := v.Fun.(*ast.Ident)
		if !ok {
			return nil
		}
		names, ok := g.params[id.Name]
		if !ok || len(names) != len(v.Args) || v.Ellipsis.IsValid() {
			return nil
		}
		var fields []doc.Field
		for i, a := range v.Args {
			n := names[i]
			if n == "" || n == "_" {
				n = "argument " + strconv.Itoa(i+1)
			}
			fields = append(fields, doc.Field{Pos: g.at(g.off(a.Pos())), Name: n, Value: g.valueText(a)})
		}
		return fields
	}
	return nil
}

// structValues returns the fields of a struct literal, their names and their values:
// keyed ({Code: "E1", Status: 404}) named by their keys, positional ({"E1", 404}) by the
// fields of the literal's type (or elemType, the type of the slice it is an element of
// when it leaves its own out) where the file declares it or it is written out
// (struct{ Code string; Status int }), in order. nil when the names are not to be had:
// positional values of another package's type, or not one value per field.
func (g *goReader) structValues(cl *ast.CompositeLit, elemType ast.Expr) ([]string, []ast.Expr) {
	if len(cl.Elts) == 0 {
		return nil, nil
	}
	if _, keyed := cl.Elts[0].(*ast.KeyValueExpr); !keyed {
		t := cl.Type
		if t == nil {
			t = elemType
		}
		names := g.fieldNamesOf(t)
		if len(names) != len(cl.Elts) {
			return nil, nil
		}
		for _, el := range cl.Elts {
			if _, keyed := el.(*ast.KeyValueExpr); keyed {
				return nil, nil
			}
		}
		return names, cl.Elts
	}
	names := make([]string, 0, len(cl.Elts))
	vals := make([]ast.Expr, 0, len(cl.Elts))
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil, nil
		}
		names, vals = append(names, id.Name), append(vals, kv.Value)
	}
	return names, vals
}

// plainValue returns a literal value as written (a string quoted, as enums of other
// languages give it), a constant of iota as its expression, or for errors.New /
// fmt.Errorf its text as msg.
func (g *goReader) plainValue(x ast.Expr) (value, msg string, ok bool) {
	switch v := unparen(x).(type) {
	case nil:
		return "", "", true // a const of iota's run: its value follows the one above
	case *ast.BasicLit:
		return v.Value, "", true // as written: a string keeps its quotes (its text is the code)
	case *ast.Ident:
		return v.Name, "", true // iota, or another constant
	case *ast.BinaryExpr, *ast.UnaryExpr:
		return g.src(v), "", true
	case *ast.CallExpr:
		if len(v.Args) == 0 {
			return "", "", false
		}
		sel, ok := v.Fun.(*ast.SelectorExpr)
		if !ok {
			return "", "", false
		}
		pkg, _ := sel.X.(*ast.Ident)
		if pkg == nil || !(pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Errorf") {
			return "", "", false
		}
		if lit, ok := v.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if sel.Sel.Name == "Errorf" {
				return "", unwrapVerb(literal(lit)), true
			}
			return "", literal(lit), true
		}
	}
	return "", "", false
}

// unwrapVerb returns the text of fmt.Errorf's format without the error it wraps at its
// end: "account not found: %w" is "account not found", the wrapped error's own text
// being no part of this one's message. Only a verb that formats an error (%w, %v, %s)
// at the very end goes, with the ": " or " - " before it; one inside the text stays.
func unwrapVerb(s string) string {
	for _, verb := range []string{"%w", "%v", "%s"} {
		rest, ok := strings.CutSuffix(s, verb)
		if !ok {
			continue
		}
		for _, sep := range []string{": ", ":", " - ", " – ", " — "} {
			if t, ok := strings.CutSuffix(rest, sep); ok && strings.TrimSpace(t) != "" {
				return strings.TrimSpace(t)
			}
		}
	}
	return s
}

// valueText is an argument's or field's value: a literal's text, else the expression
// as written.
func (g *goReader) valueText(x ast.Expr) string {
	if lit, ok := unparen(x).(*ast.BasicLit); ok {
		return literal(lit)
	}
	return g.src(x)
}

// literal returns a basic literal's value: a string or character unquoted (Go's own
// escapes, which strconv reads; Java's and TypeScript's are unquoteC's), a number as
// written.
func literal(lit *ast.BasicLit) string {
	if lit.Kind == token.STRING || lit.Kind == token.CHAR {
		if u, err := strconv.Unquote(lit.Value); err == nil {
			return u
		}
		return strings.Trim(lit.Value, "\"'`") // a literal the parser complained of
	}
	return lit.Value
}

func unparen(x ast.Expr) ast.Expr {
	for {
		p, ok := x.(*ast.ParenExpr)
		if !ok {
			return x
		}
		x = p.X
	}
}

// lowerFirst writes an exported Go name the way a parameter or a JSON field names the
// same thing ("Message" message, "HTTPStatus" httpStatus, "ID" id), so that a struct's
// fields and a constructor's parameters make the same columns.
func lowerFirst(s string) string {
	n := 0
	for n < len(s) && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	switch {
	case n == len(s):
		return strings.ToLower(s)
	case n > 1:
		n-- // the last capital starts the next word
	}
	return strings.ToLower(s[:n]) + s[n:]
}

// typeName returns the name of a declared type ("ErrorCode", "pkg.Code"), or "".
func typeName(x ast.Expr) string {
	switch v := x.(type) {
	case *ast.Ident:
		return v.Name
	case *ast.SelectorExpr:
		return v.Sel.Name
	}
	return ""
}

// commentText returns a comment group's text, markers stripped.
func commentText(c *ast.CommentGroup) string {
	if c == nil {
		return ""
	}
	return strings.TrimSpace(c.Text())
}
