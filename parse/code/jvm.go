package code

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the enums of Java, Kotlin and TypeScript, with the C lexer (lexC): their
// comments, strings and punctuation are C's. No Go library parses these languages keeping
// comments and positions of a fragment that need not compile, and what an error enum
// needs of them is small: the enum's constants, their arguments or values, their doc
// comments, and the names of the constructor's parameters.
//
// A constant with arguments, the usual Java or Kotlin error enum
//
//	INVALID_INPUT(HttpStatus.BAD_REQUEST, "C001", "Invalid input value"),
//
// is a record keyed by the constant's name, its fields named by the constructor's
// parameters (or by the final fields declared in the enum when a generated constructor
// takes them, in their order), so that the interpreter gives them roles by their names as
// for a data file. An enum of plain constants, or TypeScript's NAME = "VALUE" members, is
// a doc.Enum as in C.

// readEnums reads every enum of Java, Kotlin or TypeScript source, and the constants that
// Java interfaces and classes and Kotlin objects declare (constants). One pass: a
// stack of the open braces says which type's body a declaration stands in.
func readEnums(text []byte, at func(int) catalog.Pos) *doc.Document {
	toks := lexC(text)
	d := &doc.Document{}
	c := &constants{toks: toks, at: at}
	var sealed []sealedClass
	subs := map[string][]jvmConst{} // by the sealed class they extend, in file order
	var classes []errClass
	ctors := ctorParams(toks)
	var made []jvmConst // the top-level error factories (factories.go)
	madeOf := ""        // the class the first of them makes
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 'i' && t.text == "enum" {
			bs, last := readJVMEnum(toks, i, at)
			d.Blocks = append(d.Blocks, bs...)
			i = max(i, last) // what it read, or what it looked through to fail, is not read again
			continue
		}
		if t.kind == 'i' && t.text == "const" && c.topLevel() { // TypeScript's const object (typescript.go)
			if bs, last := readTSObject(toks, i, at, ctors); last > i {
				d.Blocks = append(d.Blocks, bs...)
				i = last
				continue
			}
		}
		if t.kind == 'i' && (t.text == "function" || t.text == "const") && c.topLevel() {
			if f, class, last := readTSFactory(toks, i, ctors); last > i {
				made = append(made, f)
				if madeOf == "" {
					madeOf = class
				}
				i = last // its brackets are balanced: nothing to step through
				continue
			}
		}
		if t.kind == 'i' && t.text == "sealed" {
			if s, ok := readSealed(toks, i); ok {
				sealed = append(sealed, s)
			}
		}
		if t.kind == 'i' && (t.text == "object" || t.text == "class") {
			if super, sub, ok := subclass(toks, i); ok {
				subs[super] = append(subs[super], sub)
			}
		}
		if t.kind == 'i' && t.text == "class" && c.topLevel() {
			if cl, _, ok := readErrClass(toks, i); ok {
				// An error class (classes.go); its body's tokens are still stepped
				// through below, for the constants a Java class declares.
				classes = append(classes, cl)
			}
		}
		c.step(i)
	}
	for _, s := range sealed {
		if consts := subs[s.name]; len(consts) > 0 {
			d.Blocks = append(d.Blocks, buildEnum(toks, s.tok, s.name, consts, s.params, at)...)
			delete(subs, s.name) // a name declared sealed twice is read once
		}
	}
	d.Blocks = append(d.Blocks, classRecords(toks, classes, at)...)
	d.Blocks = append(d.Blocks, factoryRecords(toks, made, madeOf, at)...)
	for _, l := range c.all {
		if len(l.e.Members) > 0 {
			settle(l.e.Members, l.above)
			d.Blocks = append(d.Blocks, l.e)
		}
	}
	return d
}

// sealedClass is a Kotlin sealed class (or interface) whose subclasses, each an object
// or class constructed with arguments, are its errors:
//
//	sealed class ParcelError(val code: String, val status: HttpStatus, val message: String) {
//	    /** The tracking number has no parcel. */
//	    object ParcelNotFound : ParcelError("PRC-404-01", HttpStatus.NOT_FOUND, "Parcel not found")
//
// read as an enum whose constants take arguments: a record per subclass, keyed by its
// name, its fields named by the sealed class's constructor parameters.
type sealedClass struct {
	tok    int // the "sealed" keyword
	name   string
	params []string
}

// readSealed reads the declaration whose "sealed" keyword is token i.
func readSealed(toks []ctok, i int) (sealedClass, bool) {
	k := i + 1
	if k >= len(toks) || (toks[k].text != "class" && toks[k].text != "interface") {
		return sealedClass{}, false
	}
	k++
	if k >= len(toks) || toks[k].kind != 'i' {
		return sealedClass{}, false
	}
	s := sealedClass{tok: i, name: toks[k].text}
	if k+1 < len(toks) && toks[k+1].text == "(" {
		if segs, _, ok := argList(toks[:min(len(toks), k+1+maxDeclToks)], k+1, true); ok {
			s.params = paramNames(segs)
		}
	}
	return s, true
}

// maxDeclToks bounds the tokens of a sealed class's or subclass's argument list: each
// "class" and "object" keyword of a file is asked, and a list left open must not make each
// of them read far past it.
const maxDeclToks = 256

// subclass reads "object NAME : Super(args)" or "class NAME(…) : Super(args)" at token
// i (with "data" before it or not): the supertype's name and the subclass as a constant
// of it, its comment the doc comment above the declaration. Only the declaration's own
// tokens are looked at, up to its body or the end of its line.
func subclass(toks []ctok, i int) (string, jvmConst, bool) {
	k := i + 1
	if k >= len(toks) || toks[k].kind != 'i' {
		return "", jvmConst{}, false
	}
	first := i
	if first > 0 && toks[first-1].kind == 'i' && toks[first-1].text == "data" {
		first--
	}
	c := jvmConst{tok: k}
	c.above = commentsAbove(toks, first, false)
	k++
	if k < len(toks) && toks[k].text == "(" { // the subclass's own constructor: skipped
		depth := 0
		for end := min(len(toks), k+maxDeclToks); k < end; k++ {
			if t := toks[k].text; t == "(" {
				depth++
			} else if t == ")" {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if depth != 0 || k >= len(toks) {
			return "", jvmConst{}, false
		}
		k++
	}
	bounded := toks[:min(len(toks), k+3+maxDeclToks)]
	if k+2 >= len(toks) || toks[k].text != ":" || toks[k+1].kind != 'i' || toks[k+2].text != "(" {
		return "", jvmConst{}, false
	}
	super := toks[k+1].text
	args, end, ok := argList(bounded, k+2, false)
	if !ok {
		return "", jvmConst{}, false
	}
	c.args, c.hasArgs = args, true
	c.comment = memberComment(c.comment, trailingComment(toks, end+1, toks[c.tok].line))
	return super, c, true
}

// constants collects the constants declared right in the bodies of Java interfaces and
// classes and Kotlin objects, with a literal value ("String NOT_FOUND = \"E404\";",
// "public static final int TIMEOUT = 1001;", "const val EXPIRED = \"E401\""): an enum
// per type, named by it, which the interpreter judges as any enum.
type constants struct {
	toks    []ctok
	at      func(int) catalog.Pos
	all     []*constList // in the order the types open
	stack   []frame      // the open braces
	pending *frame       // a type whose body has not opened yet
}

// constList is the constants of one type, and what the comments above each say of it.
type constList struct {
	e     *doc.Enum
	above []above
}

// frame is one open brace: the body of a type (l set), of a TypeScript namespace or
// module (ns), or any other block.
type frame struct {
	l     *constList
	iface bool
	ns    bool
	stmt  int // the first token of the statement being read in this block
}

// topLevel reports whether what is read now stands at the top level of the file or of a
// namespace, not in a function or a type: where a TypeScript file declares its codes
// (a function's own const object is a local of its code).
func (c *constants) topLevel() bool {
	for _, f := range c.stack {
		if !f.ns {
			return false
		}
	}
	return true
}

func (c *constants) step(k int) {
	toks := c.toks
	t := toks[k]
	switch {
	case t.kind == 'i' && (t.text == "interface" || t.text == "class" || t.text == "object") && k+1 < len(toks) && toks[k+1].kind == 'i':
		e := &doc.Enum{Pos: c.at(t.off), Name: toks[k+1].text, Comment: leadingComment(toks, k)}
		c.pending = &frame{l: &constList{e: e}, iface: t.text == "interface"}
	case t.kind == 'i' && (t.text == "namespace" || t.text == "module") && k+1 < len(toks) && (toks[k+1].kind == 'i' || toks[k+1].kind == 's'):
		c.pending = &frame{ns: true}
	case t.text == "{":
		f := frame{stmt: k + 1}
		if c.pending != nil {
			f.l, f.iface, f.ns = c.pending.l, c.pending.iface, c.pending.ns
			if f.l != nil {
				c.all = append(c.all, f.l)
			}
			c.pending = nil
		}
		c.stack = append(c.stack, f)
	case t.text == "}":
		if n := len(c.stack); n > 0 {
			c.stack = c.stack[:n-1]
		}
		if n := len(c.stack); n > 0 {
			c.stack[n-1].stmt = k + 1
		}
	case t.text == ";":
		c.pending = nil // a declaration with no body ("class A;", "object X : Y()")
		if n := len(c.stack); n > 0 {
			c.stack[n-1].stmt = k + 1
		}
	case t.text == "=":
		if n := len(c.stack); n > 0 && c.stack[n-1].l != nil {
			c.constant(c.stack[n-1], k)
		}
	}
}

// constant reads NAME = literal at toks[k] ("=") in the body of f's type, when the
// declaration makes it a constant.
func (c *constants) constant(f frame, k int) {
	toks := c.toks
	if k == 0 || toks[k-1].kind != 'i' || k+1 >= len(toks) {
		return
	}
	// The declaration: the tokens of its line since the statement began, at most a few.
	first := k - 1
	for first > f.stmt && first > k-maxDecl && toks[first-1].line == toks[k].line && toks[first-1].kind != 'c' {
		first--
	}
	mods := map[string]bool{}
	for j := first; j < k; j++ {
		if toks[j].kind == 'i' {
			mods[toks[j].text] = true
		}
	}
	if !(f.iface || mods["static"] && mods["final"] || mods["const"] && mods["val"]) {
		return
	}
	v := toks[k+1]
	if v.kind != 's' && v.kind != 'n' {
		return
	}
	if j := k + 2; j < len(toks) && toks[j].text != ";" && toks[j].line == v.line && toks[j].kind != 'c' {
		return // an expression, not a literal
	}
	name := toks[k-1]
	ab := commentsAbove(toks, first, false)
	if j := k + 2; j < len(toks) {
		if toks[j].text == ";" {
			j++
		}
		if j < len(toks) && toks[j].kind == 'c' && toks[j].line == name.line {
			ab.comment, ab.short = memberComment(ab.comment, cleanComment(toks[j].text)), false
		}
	}
	f.l.e.Members = append(f.l.e.Members, doc.Member{Pos: c.at(name.off), Name: name.text, Value: v.text})
	f.l.above = append(f.l.above, ab)
}

// jvmConst is one enum constant as written.
type jvmConst struct {
	tok     int      // index of its name
	above            // its comment, and the label of the run of constants it begins ("// Common")
	args    [][]ctok // the arguments of NAME(…), each its tokens
	hasArgs bool
	value   []ctok // TypeScript's NAME = value
	// kids are the properties of a TypeScript object's value when they are all objects
	// themselves (a group of records: typescript.go).
	kids []jvmConst
	// method is set for a TypeScript object's method, read only if it is an error
	// factory (factories.go).
	method bool
}

// name returns the constant's name: its identifier, or the text of a TypeScript object's
// quoted key ("not-found": …).
func (c jvmConst) name(toks []ctok) string {
	if t := toks[c.tok]; t.kind == 's' {
		return unquoteC(t.text)
	}
	return toks[c.tok].text
}

// readJVMEnum reads the enum whose keyword is token i, and returns it and the index of its
// last token; nil when what follows is no enum body.
func readJVMEnum(toks []ctok, i int, at func(int) catalog.Pos) ([]doc.Block, int) {
	k := i + 1
	if k < len(toks) && toks[k].text == "class" { // Kotlin's enum class
		k++
	}
	if k >= len(toks) || toks[k].kind != 'i' {
		return nil, i
	}
	name := toks[k].text
	k++
	var params []string
	if k < len(toks) && toks[k].text == "(" { // Kotlin's primary constructor
		segs, end, ok := argList(toks, k, true)
		if !ok {
			return nil, end
		}
		params, k = paramNames(segs), end
	}
	for k < len(toks) && toks[k].text != "{" && toks[k].text != ";" && toks[k].text != "}" {
		if toks[k].kind == 'i' && toks[k].text == "enum" {
			return nil, k - 1 // no body before the next enum: read on from there
		}
		k++ // implements …, : supertype(…)
	}
	if k >= len(toks) || toks[k].text != "{" {
		return nil, max(k-1, i)
	}
	k++
	var consts []jvmConst
	ended := false // the constants end at a ";" (Java, Kotlin) or the closing brace
	for k < len(toks) && !ended {
		t := toks[k]
		switch {
		case t.kind == 'c' || t.text == ",":
			k++
			continue
		case t.text == "}":
			return buildEnum(toks, i, name, consts, params, at), k
		case t.text == ";":
			ended = true
			k++
			continue
		case t.text == "@": // an annotation (@Deprecated, @com.x.JsonProperty("x")), with its arguments
			k++
			for k < len(toks) && (toks[k].kind == 'i' || toks[k].text == ".") {
				k++
			}
			if k < len(toks) && toks[k].text == "(" {
				_, k, _ = argList(toks, k, false)
				k++
			}
			continue
		case t.kind != 'i':
			k++
			continue
		}
		c := jvmConst{tok: k}
		c.above = commentsAbove(toks, k, false)
		k++
		if k < len(toks) && toks[k].text == "(" {
			var ok bool
			c.args, k, ok = argList(toks, k, false)
			c.hasArgs = true
			if !ok { // the arguments never close: the enum ends here
				consts = append(consts, c)
				return buildEnum(toks, i, name, consts, params, at), k
			}
			k++
		}
		if k < len(toks) && toks[k].text == "=" {
			k, c.value = valueEnd(toks, k+1)
		}
		if k < len(toks) && toks[k].text == "{" { // a constant's own class body
			k = skipBlock(toks, k)
		}
		c.comment = memberComment(c.comment, trailingComment(toks, k, toks[c.tok].line))
		consts = append(consts, c)
	}
	// After the constants: the constructor's parameters, or the final fields it takes.
	var fields []string
	for depth := 0; k < len(toks); k++ {
		x := toks[k]
		switch x.text {
		case "{":
			depth++
		case "}":
			if depth == 0 {
				if len(params) == 0 {
					params = fields
				}
				return buildEnum(toks, i, name, consts, params, at), k
			}
			depth--
		}
		if depth != 0 || x.kind != 'i' {
			continue
		}
		switch {
		case x.text == name && k+1 < len(toks) && toks[k+1].text == "(" && len(params) == 0:
			segs, end, _ := argList(toks, k+1, true)
			params, k = paramNames(segs), end-1 // the loop's k++ steps onto the ")"
		case x.text == "final" || x.text == "val":
			if f := declaredName(toks, k+1); f != "" && !static(toks, k) {
				fields = append(fields, f)
			}
		}
	}
	return buildEnum(toks, i, name, consts, params, at), len(toks) - 1
}

// valueEnd reads the value that starts at toks[k], up to the "," or "}" that ends it
// outside brackets, and returns the index of that token and the value's tokens,
// comments left out.
func valueEnd(toks []ctok, k int) (int, []ctok) {
	var v []ctok
	for depth := 0; k < len(toks); k++ {
		x := toks[k]
		if depth == 0 && (x.text == "," || x.text == "}") {
			break
		}
		switch x.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
		if x.kind != 'c' {
			v = append(v, x)
		}
	}
	return k, v
}

// argList reads the parenthesised list that starts at toks[k] ("("), and returns its
// comma-separated parts (their tokens, comments left out) and the index of its ")". A
// trailing comma ends no part (Kotlin's style). With angles, commas inside <…> (a
// parameter's generic type, Map<String, Object>) split nothing. It stops, and ok is false,
// at an "enum" keyword before the list closes: an unclosed list ends there, so that a file
// of them is read once, not once per list.
func argList(toks []ctok, k int, angles bool) (segs [][]ctok, end int, ok bool) {
	var cur []ctok
	depth, angle := 0, 0
	for ; k < len(toks); k++ {
		x := toks[k]
		if x.kind == 'i' && x.text == "enum" {
			return segs, k - 1, false
		}
		switch x.text {
		case "(", "[", "{":
			depth++
			if depth == 1 {
				continue
			}
		case ")", "]", "}":
			depth--
			if depth == 0 {
				if len(cur) > 0 {
					segs = append(segs, cur)
				}
				return segs, k, true
			}
		case "<":
			if angles {
				angle++
			}
		case ">":
			if angles && angle > 0 {
				angle--
			}
		case ",":
			if depth == 1 && angle == 0 {
				segs = append(segs, cur)
				cur = nil
				continue
			}
		}
		if x.kind != 'c' {
			cur = append(cur, x)
		}
	}
	return append(segs, cur), len(toks) - 1, false
}

// paramNames names the parameters of a constructor: the identifier before ":" (Kotlin's
// "val status: Int") or the last identifier (Java's "HttpStatus status").
func paramNames(segs [][]ctok) []string {
	var out []string
	for _, s := range segs {
		name := ""
		for j, x := range s {
			if x.text == ":" && j > 0 && s[j-1].kind == 'i' {
				name = s[j-1].text
				break
			}
			if x.text == ":" && j > 1 && s[j-1].text == "?" && s[j-2].kind == 'i' {
				name = s[j-2].text // TypeScript's optional "message?: string"
				break
			}
			if x.text == "=" { // a default value
				break
			}
			if x.kind == 'i' {
				name = x.text
			}
		}
		out = append(out, name)
	}
	return out
}

// declaredName returns the name declared by the tokens from k: "Type name;", "name: Type"
// or "name = …", or "" when they declare no field.
func declaredName(toks []ctok, k int) string {
	last := ""
	for end := min(k+maxDecl, len(toks)); k < end; k++ { // a declaration is short: bounded, so a line of "final" is linear
		x := toks[k]
		switch {
		case x.text == ":" || x.text == ";" || x.text == "=":
			return last
		case x.text == "(" || x.text == "{" || x.text == "}":
			return ""
		case x.kind == 'i':
			last = x.text
		case x.text == "<" || x.text == ">" || x.text == "." || x.text == "?" || x.text == "[" || x.text == "]":
		default:
			return ""
		}
	}
	return ""
}

// maxDecl is how many tokens a field declaration is looked for in, either side of its
// "final" or "val".
const maxDecl = 16

// static reports whether the declaration whose "final" or "val" is token k is static (a
// constant of the enum, not a field of each constant): "static" on the same line before it.
func static(toks []ctok, k int) bool {
	for j := k - 1; j >= max(0, k-maxDecl) && toks[j].line == toks[k].line; j-- {
		if toks[j].text == "static" || toks[j].text == "const" {
			return true
		}
	}
	return false
}

// skipBlock returns the index of the "}" that closes the block opened at toks[k].
func skipBlock(toks []ctok, k int) int {
	depth := 0
	for ; k < len(toks); k++ {
		switch toks[k].text {
		case "{":
			depth++
		case "}":
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return k
}

// trailingComment returns a comment on the given line right after token k-1 ("A(1), //
// text"), past one comma, or the semicolon that ends an enum's constants ("C; // text").
func trailingComment(toks []ctok, k, line int) string {
	if k < len(toks) && (toks[k].text == "," || toks[k].text == ";") {
		k++
	}
	if k < len(toks) && toks[k].kind == 'c' && toks[k].line == line {
		return cleanComment(toks[k].text)
	}
	return ""
}

// buildEnum makes the blocks of an enum: records when its constants take arguments (one
// collection per labelled run of constants, the label its group), else an enum of named
// values.
func buildEnum(toks []ctok, i int, name string, consts []jvmConst, params []string, at func(int) catalog.Pos) []doc.Block {
	args := false
	for _, c := range consts {
		args = args || c.hasArgs
	}
	abs := make([]above, len(consts))
	names := make([]string, len(consts))
	for j, c := range consts {
		abs[j], names[j] = c.above, c.name(toks)
	}
	groups := settleLabels(abs, names)
	for j := range consts {
		consts[j].above = abs[j]
	}
	if !args {
		e := &doc.Enum{Pos: at(toks[i].off), Name: name, Comment: leadingComment(toks, i)}
		for j, c := range consts {
			var v []string
			for _, x := range c.value {
				v = append(v, x.text)
			}
			e.Members = append(e.Members, doc.Member{Pos: at(toks[c.tok].off), Name: c.name(toks), Value: joinTokens(v), Comment: c.comment, Group: groups[j]})
		}
		return []doc.Block{e}
	}
	var out []doc.Block
	r := &doc.Records{Pos: at(toks[i].off), Path: name, Keyed: true, KeyName: "name"}
	for j, c := range consts {
		if groups[j] != r.Group || c.label != "" {
			if len(r.Items) > 0 {
				out = append(out, r)
			}
			r = &doc.Records{Pos: at(toks[c.tok].off), Path: name, Keyed: true, KeyName: "name", Group: groups[j]}
		}
		rec := doc.Record{Pos: at(toks[c.tok].off), Key: c.name(toks)}
		for j, a := range c.args {
			if len(a) == 0 {
				continue
			}
			fname := "argument " + strconv.Itoa(j+1)
			if len(c.args) <= len(params) && params[j] != "" {
				fname = params[j] // fewer arguments: the rest take their default values
			}
			if len(a) > 2 && (a[0].kind == 'i' || a[0].kind == 's') && (a[1].text == "=" || a[1].text == ":") {
				// Kotlin's named argument (message = "Gone"), a TypeScript object's
				// property (message: "Gone")
				fname, a = a[0].text, a[2:]
				if fname[0] == '"' || fname[0] == '\'' {
					fname = unquoteC(fname)
				}
			}
			rec.Fields = append(rec.Fields, doc.Field{Pos: at(a[0].off), Name: fname, Value: argText(a)})
		}
		if c.comment != "" {
			rec.Fields = append(rec.Fields, doc.Field{Pos: rec.Pos, Name: "comment", Value: c.comment})
		}
		r.Items = append(r.Items, rec)
	}
	if len(r.Items) > 0 {
		out = append(out, r)
	}
	return out
}

// argText is an argument as its value: a string literal's text (string literals joined
// with + concatenated), nothing for null (or TypeScript's undefined), as the data reader
// gives a JSON null, else the expression as written.
func argText(a []ctok) string {
	if len(a) == 1 && a[0].kind == 'i' && (a[0].text == "null" || a[0].text == "undefined") {
		return ""
	}
	var b strings.Builder
	strs := true
	for _, x := range a {
		switch {
		case x.kind == 's':
			b.WriteString(unquoteC(x.text))
		case x.text == "+":
		default:
			strs = false
		}
	}
	if strs {
		return b.String()
	}
	var v []string
	for _, x := range a {
		v = append(v, x.text)
	}
	return joinTokens(v)
}

// unquoteC returns the text of a Java, Kotlin or TypeScript string literal, its escapes
// read: \n, \t, \b, \r, \f, \v, \0, \s (Java's space), \", \', \\, \$ (Kotlin's
// dollar), \uXXXX (a surrogate pair of them one character), \u{X…} and \xHH
// (TypeScript's), and Java's octal \7 to \377. Any other escaped character stands for
// itself, as in TypeScript; a literal left open (the lexer ends one at the end of its
// line) keeps what it holds.
func unquoteC(s string) string {
	if len(s) == 0 {
		return s
	}
	q := s[0]
	s = s[1:]
	if len(s) > 0 && s[len(s)-1] == q {
		s = s[:len(s)-1]
	}
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case 's':
			b.WriteByte(' ')
		case '\n': // a line continued (TypeScript)
		case 'u', 'x':
			digits, skip := 4, 0
			if c == 'x' {
				digits = 2
			} else if i+1 < len(s) && s[i+1] == '{' {
				end := strings.IndexByte(s[i+1:], '}')
				if end < 0 {
					b.WriteByte(c)
					continue
				}
				digits, skip = end-1, 1
			}
			hex := s[min(i+1+skip, len(s)):min(i+1+skip+digits, len(s))]
			r, err := strconv.ParseUint(hex, 16, 32)
			if err != nil || len(hex) != digits || digits == 0 {
				b.WriteByte(c) // not an escape: the letter as written, as TypeScript reads it
				continue
			}
			i += skip + digits + skip
			// A character beyond the Basic Multilingual Plane is written in Java, Kotlin
			// and TypeScript as two \uXXXX escapes, a UTF-16 surrogate pair: joined
			// into one rune. A lone surrogate is no character (U+FFFD).
			if utf16.IsSurrogate(rune(r)) && skip == 0 && i+6 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
				if lo, err := strconv.ParseUint(s[i+3:i+7], 16, 32); err == nil {
					if j := utf16.DecodeRune(rune(r), rune(lo)); j != utf8.RuneError {
						r = uint64(j)
						i += 6
					}
				}
			}
			b.WriteRune(rune(r))
		default:
			if c >= '0' && c <= '7' { // octal: up to three digits, at most \377
				n, j := 0, i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' && n*8+int(s[j]-'0') <= 0377 {
					n = n*8 + int(s[j]-'0')
					j++
				}
				b.WriteRune(rune(n))
				i = j - 1
				continue
			}
			b.WriteByte(c) // \" \' \\ \$ and any other: the character itself
		}
	}
	return b.String()
}
