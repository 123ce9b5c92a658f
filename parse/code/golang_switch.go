package code

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"docgen/parse/doc"
)

// This file reads what a Go file's functions say of its sentinel errors: a function that
// maps each error to a value with a switch or a chain of ifs,
//
//	func StatusOf(err error) int {
//		switch {
//		case errors.Is(err, ErrNotFound):
//			return http.StatusNotFound
//		…
//
//	func Code(err error) string {
//		switch err {
//		case ErrNotFound, ErrGone:
//			return "NOT_FOUND"
//		…
//
// or a map literal keyed by the errors (map[error]int{ErrNotFound: http.StatusNotFound}).
// Each such function or map gives the errors it names a field, named by it as a
// parameter would be ("statusOf", "code"), whose value is what it returns for them:
// only a literal (a number, a string) as written, or a constant of net/http
// (http.StatusNotFound, under whatever name the file imports the package); what is
// computed is no fact of the error. Which field holds a status or a
// code is the interpreter's to judge, by the field's name, as for any record.

// goMapping is what one function or map says of the errors it names.
type goMapping struct {
	name   string               // the field's name: the function's or map's, or its result's
	values map[string]ast.Expr  // error name → the value returned for it, the first case's
	pos    map[string]token.Pos // where the value is written
}

// mappings reads the mappings of errors to values in f's functions and map literals.
func (g *goReader) mappings(f *ast.File) []*goMapping {
	httpPkg := ""
	for _, im := range f.Imports {
		if p, err := strconv.Unquote(im.Path.Value); err == nil && p == "net/http" {
			httpPkg = "http"
			if im.Name != nil {
				httpPkg = im.Name.Name
			}
		}
	}
	var out []*goMapping
	add := func(m *goMapping) {
		if m != nil && len(m.values) > 0 && !otherCodes(m.name) {
			out = append(out, m)
		}
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Body == nil || d.Type.Results == nil {
				continue
			}
			results := d.Type.Results.List
			n := 0
			for _, r := range results {
				n += max(len(r.Names), 1)
			}
			if n > 4 {
				continue
			}
			// A field per result: named by the function when it has one, else by the
			// result's own name (func Classify(err error) (status int, code string)).
			names := make([]string, 0, n)
			for _, r := range results {
				if len(r.Names) == 0 {
					names = append(names, "")
				}
				for _, id := range r.Names {
					names = append(names, id.Name)
				}
			}
			if n == 1 && names[0] == "" {
				names[0] = d.Name.Name
			}
			ms := make([]*goMapping, n)
			for i, nm := range names {
				if nm != "" && nm != "_" {
					ms[i] = &goMapping{name: lowerFirst(nm), values: map[string]ast.Expr{}, pos: map[string]token.Pos{}}
				}
			}
			ast.Inspect(d.Body, func(x ast.Node) bool {
				switch s := x.(type) {
				case *ast.FuncLit:
					return false // a closure's returns are its own
				case *ast.SwitchStmt:
					tagged := s.Tag != nil
					for _, st := range s.Body.List {
						cc, ok := st.(*ast.CaseClause)
						if !ok {
							continue
						}
						var errs []string
						for _, e := range cc.List {
							errs = appendErrNames(errs, e, tagged)
						}
						setReturn(ms, errs, cc.Body, httpPkg)
					}
				case *ast.IfStmt:
					setReturn(ms, appendErrNames(nil, s.Cond, false), s.Body.List, httpPkg)
				}
				return true
			})
			if d.Recv != nil && d.Name.Name == "String" && n == 1 && ms[0] != nil && wordless(ms[0]) {
				// The String method of a type of codes (func (c Code) String() string)
				// gives each constant its text: the code as it is written out, where it
				// is a word ("INVALID_ADDRESS"), not a sentence.
				ms[0].name = "code"
			}
			for _, m := range ms {
				add(m)
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						add(mapLiteral(name.Name, vs.Values[i], httpPkg))
						for _, m := range g.tableOfSentinels(vs.Values[i], httpPkg) {
							add(m)
						}
					}
				}
			}
		}
	}
	return out
}

// wordless reports whether every value of m is a string literal of one word.
func wordless(m *goMapping) bool {
	for _, x := range m.values {
		lit, ok := unparen(x).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return false
		}
		if s := literal(lit); s == "" || strings.ContainsAny(s, " \t\n") {
			return false
		}
	}
	return true
}

// otherCodes reports whether a mapping's name says it gives codes of another kind than an
// API's errors: a process's exit code, a gRPC or other RPC code, a signal ("exitCode",
// "grpcCode", "toGRPCStatus"). Its values would pass for the errors' codes or statuses.
func otherCodes(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"exit", "grpc", "rpc", "signal", "errno", "syscall"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// mapLiteral reads a map literal keyed by errors (map[error]int{ErrNotFound: 404}).
func mapLiteral(name string, x ast.Expr, httpPkg string) *goMapping {
	cl, ok := unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if _, ok := cl.Type.(*ast.MapType); !ok {
		return nil
	}
	m := &goMapping{name: lowerFirst(name), values: map[string]ast.Expr{}, pos: map[string]token.Pos{}}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			m.set(id.Name, kv.Value, httpPkg)
		}
	}
	return m
}

// tableOfSentinels reads a slice of struct literals each of which names one of the
// file's sentinel errors,
//
//	var errorTable = []struct{ Err error; Code string; Status int }{
//		{ErrNotFound, "NOT_FOUND", http.StatusNotFound},
//
// keyed or not: a mapping per other field of the struct, named by the field, as a map
// keyed by the errors would give ("code": "NOT_FOUND", "status": http.StatusNotFound).
// The rows it reads are the sentinels', no records of their own (goReader.consumed); a
// row that names no sentinel, or two, stays a record.
func (g *goReader) tableOfSentinels(x ast.Expr, httpPkg string) []*goMapping {
	cl, ok := unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	at, ok := cl.Type.(*ast.ArrayType)
	if !ok {
		return nil
	}
	var out []*goMapping
	byName := map[string]*goMapping{}
	for _, el := range cl.Elts {
		row, ok := unparen(el).(*ast.CompositeLit)
		if u, isAddr := unparen(el).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
			row, ok = unparen(u.X).(*ast.CompositeLit)
		}
		if !ok {
			continue
		}
		names, vals := g.structValues(row, at.Elt)
		sentinel := -1
		for i, v := range vals {
			if id, isIdent := unparen(v).(*ast.Ident); isIdent && g.sentinels[id.Name] {
				if sentinel >= 0 {
					sentinel = -2 // two: which one the row is of, it does not say
					break
				}
				sentinel = i
			}
		}
		if sentinel < 0 {
			continue
		}
		err := unparen(vals[sentinel]).(*ast.Ident).Name
		for i, v := range vals {
			if i == sentinel {
				continue
			}
			n := lowerFirst(names[i])
			m := byName[n]
			if m == nil {
				m = &goMapping{name: n, values: map[string]ast.Expr{}, pos: map[string]token.Pos{}}
				byName[n] = m
				out = append(out, m)
			}
			m.set(err, v, httpPkg)
		}
		g.consumed[el.Pos()] = true
	}
	return out
}

// appendErrNames adds the names of the errors a case or condition tests for: err ==
// ErrX, errors.Is(err, ErrX), either joined with ||; in a switch on the error (tagged),
// the names it lists.
func appendErrNames(out []string, e ast.Expr, tagged bool) []string {
	switch v := unparen(e).(type) {
	case *ast.Ident:
		if tagged && v.Name != "nil" {
			out = append(out, v.Name)
		}
	case *ast.BinaryExpr:
		switch v.Op {
		case token.LOR:
			out = appendErrNames(out, v.X, tagged)
			out = appendErrNames(out, v.Y, tagged)
		case token.EQL:
			for _, side := range []ast.Expr{v.X, v.Y} {
				if id, ok := unparen(side).(*ast.Ident); ok && id.Name != "nil" {
					out = append(out, id.Name)
				}
			}
		}
	case *ast.CallExpr:
		// errors.Is(err, ErrX), and the same of another errors package.
		if sel, ok := v.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Is" && len(v.Args) == 2 {
			if id, ok := unparen(v.Args[1]).(*ast.Ident); ok {
				out = append(out, id.Name)
			}
		}
	}
	return out
}

// setReturn gives the errors errs the values of the first return statement of body (at its
// top level), each result to its mapping.
func setReturn(ms []*goMapping, errs []string, body []ast.Stmt, httpPkg string) {
	if len(errs) == 0 {
		return
	}
	for _, st := range body {
		r, ok := st.(*ast.ReturnStmt)
		if !ok {
			continue
		}
		if len(r.Results) != len(ms) {
			return
		}
		for i, m := range ms {
			if m == nil {
				continue
			}
			for _, e := range errs {
				m.set(e, r.Results[i], httpPkg)
			}
		}
		return
	}
}

// set records the value x for error e, unless an earlier case gave it one: only a
// literal or a constant of net/http (httpPkg, its name in the file) is kept.
func (m *goMapping) set(e string, x ast.Expr, httpPkg string) {
	if _, done := m.values[e]; done {
		return
	}
	switch v := unparen(x).(type) {
	case *ast.BasicLit:
		if v.Kind != token.INT && v.Kind != token.STRING {
			return
		}
	case *ast.SelectorExpr:
		pkg, ok := v.X.(*ast.Ident)
		if !ok || httpPkg == "" || pkg.Name != httpPkg {
			return
		}
	default:
		return
	}
	m.values[e] = x
	m.pos[e] = x.Pos()
}

// mappedFields returns, for each error name, the fields the mappings ms give it, in the
// order of the mappings.
func (g *goReader) mappedFields(ms []*goMapping) map[string][]doc.Field {
	out := map[string][]doc.Field{}
	for _, m := range ms {
		for name, x := range m.values {
			v := g.valueText(x)
			if sel, ok := unparen(x).(*ast.SelectorExpr); ok {
				v = "http." + sel.Sel.Name // net/http's constant, whatever the file imports it as
			}
			out[name] = append(out[name], doc.Field{Pos: g.at(g.off(m.pos[name])), Name: m.name, Value: v})
		}
	}
	return out
}
