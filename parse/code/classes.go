package code

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the way TypeScript and Java code most often lists its errors when it
// has no enum: a hierarchy of error classes, each setting its code, status and message,
//
//	export abstract class ShopError extends HttpError {    the base: no record
//	  abstract readonly code: string;
//	}
//
//	/** The cart has no item. */
//	export class CartEmptyError extends ShopError {
//	  readonly code = 'CART_EMPTY';
//	  readonly status = 409;
//	  constructor() { super('The cart is empty'); }
//	}
//
//	public class CartEmptyException extends ShopException {
//	  public CartEmptyException() { super("CART_EMPTY", 409, "The cart is empty"); }
//	  @Override public int getStatus() { return 409; }
//	}
//
// read as a Python exception class is (python_class.go): a record per class, keyed by its
// name, its fields its fields' initial values (`code = '…'`, Java's `String code = "…"`),
// what its constructor sets (`this.status = 409`), what a getter returns (`get status()
// { return 409 }`, `getStatus()`), and what it passes its base's constructor: one string
// is the message ("message"), more are positional ("argument 1", …) as a Java enum's
// constants' are. The doc comment above the class is its comment. A class that another
// in the file extends is their base, no record. Which records list errors is the
// interpreter's judgement. Only top-level classes are read, each once: reading is linear.

// reErrClass matches a class that extends an error or exception class, or one of the
// file's own ("class CartEmpty extends ShopError"): what Detect asks of a TypeScript or
// Java file besides an enum.
var reErrClass = regexp.MustCompile(`\bclass\s+\w+(?:\s*<[^>{]*>)?\s+extends\s+[\w.]*(?:Error|Exception)\b`)

// errClass is a top-level class that extends another: its name's token, its base, and
// what it sets, as a constant's named arguments ("code", "=", its value's tokens).
type errClass struct {
	c    jvmConst
	name string
	base string
	set  map[string]bool // the names set, the first setting of each kept
	// params are its constructor's parameters' names; superArgs what that constructor
	// passes its base's when it passes more than a message: named by the base's params
	// when the file declares the base (classRecords).
	params    []string
	superArgs [][]ctok
}

// setsMore reports whether the class sets anything besides its message (a code, a status,
// a field of its own).
func (cl *errClass) setsMore() bool {
	for name := range cl.set {
		if name != "message" {
			return true
		}
	}
	return false
}

// add sets name to value, unless it is set already or value is no literal.
func (cl *errClass) add(name string, value []ctok) {
	if name == "" || len(value) == 0 || cl.set[name] || !literalValue(value) {
		return
	}
	if name == "name" && len(value) == 1 && unquoteC(value[0].text) == cl.name {
		return // this.name = 'CartEmptyError': the class's own name
	}
	if len(value) > 1 && value[0].kind == 'i' && strings.Contains(strings.ToLower(name), "code") && !strings.Contains(strings.ToLower(name), "status") {
		return // code = ErrorCode.CARD_DECLINED: a code an enum declares, which it reads
	}
	cl.set[name] = true
	arg := append([]ctok{{kind: 'i', text: name, off: value[0].off, line: value[0].line, end: value[0].line}, {kind: 'p', text: "="}}, value...)
	cl.c.args = append(cl.c.args, arg)
	cl.c.hasArgs = true
}

// classModifiers are the words before a class member's name that say nothing of it.
var classModifiers = map[string]bool{
	"public": true, "private": true, "protected": true, "readonly": true, "static": true,
	"override": true, "declare": true, "abstract": true, "final": true, "transient": true,
	"volatile": true, "synchronized": true, "async": true,
}

// readErrClass reads the class whose "class" keyword is token i when it extends another:
// the class and the index of its closing brace (i when it is no such class).
func readErrClass(toks []ctok, i int) (errClass, int, bool) {
	k := i + 1
	if k >= len(toks) || toks[k].kind != 'i' {
		return errClass{}, i, false
	}
	cl := errClass{c: jvmConst{tok: k}, name: toks[k].text, set: map[string]bool{}}
	k++
	end := min(len(toks), k+maxDeclToks)
	if k < end && toks[k].text == "<" { // its type parameters
		for depth := 0; k < end; k++ {
			if toks[k].text == "<" {
				depth++
			} else if toks[k].text == ">" {
				if depth--; depth == 0 {
					k++
					break
				}
			}
		}
	}
	if k+1 >= end || toks[k].text != "extends" || toks[k+1].kind != 'i' {
		return errClass{}, i, false
	}
	k++
	for k+2 < end && toks[k+1].text == "." && toks[k+2].kind == 'i' { // errors.HttpError
		k += 2
	}
	cl.base = toks[k].text
	for k < end && toks[k].text != "{" && toks[k].text != ";" {
		k++ // its base's type arguments, what it implements
	}
	if k >= end || toks[k].text != "{" {
		return errClass{}, i, false
	}
	first := i
	for first > 0 && toks[first-1].kind == 'i' && (toks[first-1].text == "export" || toks[first-1].text == "default" || classModifiers[toks[first-1].text]) {
		first--
	}
	for first > 0 && toks[first-1].kind == 'p' && toks[first-1].text == ")" && annotationBefore(toks, first-1) >= 0 {
		first = annotationBefore(toks, first-1) // @JsonTypeName("…") over a Java class
	}
	cl.c.above = commentsAbove(toks, first, false)
	close := matchBrace(toks, k)
	// The members right in the body: one statement at a time.
	for m := k + 1; m < close; {
		s := m
		for s < close && (toks[s].kind == 'c' || toks[s].text == ";") {
			s++
		}
		if s >= close {
			break
		}
		for s < close && toks[s].text == "@" { // an annotation: @Override, @JsonProperty("x")
			s += 2
			if s < close && toks[s].text == "(" {
				s = matchParen(toks, s) + 1
			}
		}
		for s < close && toks[s].kind == 'i' && classModifiers[toks[s].text] {
			s++
		}
		getter := false
		if s+1 < close && toks[s].text == "get" && toks[s+1].kind == 'i' {
			getter, s = true, s+1 // TypeScript's get status() { … }
		}
		// Up to "=", "(" or the statement's end: the member's name is the word before
		// its ":" type (TypeScript) or the last word (Java's "int status").
		name, colon := "", false
		x := s
		for ; x < close; x++ {
			t := toks[x]
			if t.text == "=" || t.text == "(" || t.text == ";" || t.text == "{" || t.text == "}" {
				break
			}
			if t.text == ":" {
				colon = true
			}
			if t.kind == 'i' && !colon {
				name = t.text
			}
			if t.text == "<" { // a generic type: Map<String, Object>
				depth := 0
				for ; x < close; x++ {
					if toks[x].text == "<" {
						depth++
					} else if toks[x].text == ">" {
						if depth--; depth == 0 {
							break
						}
					}
				}
			}
		}
		if x >= close {
			break
		}
		switch toks[x].text {
		case "=": // a field with its initial value
			v, next := statementValue(toks, x+1, close)
			cl.add(strings.TrimRight(name, "?!"), v)
			m = next
		case "(": // a method: the constructor, a getter, or another
			p := matchParen(toks, x)
			b := p + 1
			for b < close && toks[b].text != "{" && toks[b].text != ";" {
				b++ // its return type, what it throws
			}
			if b >= close || toks[b].text == ";" {
				m = b + 1
				continue
			}
			e := matchBrace(toks, b)
			switch {
			case name == "constructor" || name == cl.name:
				if segs, _, ok := argList(toks[:p+1], x, true); ok && cl.params == nil {
					cl.params = paramNames(segs)
				}
				cl.constructorSets(toks, b, e)
			case getter:
				if v := returned(toks, b, e); v != nil {
					cl.add(name, v)
				}
			case len(name) > 3 && strings.HasPrefix(name, "get") && p == x+1:
				if r, n := utf8.DecodeRuneInString(name[3:]); unicode.IsUpper(r) {
					if v := returned(toks, b, e); v != nil {
						cl.add(string(unicode.ToLower(r))+name[3+n:], v) // getStatus() → status
					}
				}
			}
			m = e + 1
		default:
			m = x + 1
			if toks[x].text == "{" {
				m = matchBrace(toks, x) + 1 // a static block, an inner class's body
			}
		}
	}
	return cl, close, true
}

// annotationBefore returns the index of the "@" of the annotation whose argument list ends
// at toks[k] (")"), or -1.
func annotationBefore(toks []ctok, k int) int {
	depth := 0
	for j := k; j >= 0 && j > k-maxDeclToks; j-- {
		switch toks[j].text {
		case ")":
			depth++
		case "(":
			if depth--; depth == 0 {
				if j >= 2 && toks[j-1].kind == 'i' && toks[j-2].text == "@" {
					return j - 2
				}
				return -1
			}
		}
	}
	return -1
}

// matchBrace returns the index of the "}" that closes the "{" at toks[k], or the last
// token when none does.
func matchBrace(toks []ctok, k int) int {
	return matchPair(toks, k, "{", "}")
}

// matchParen returns the index of the ")" that closes the "(" at toks[k], or the last
// token when none does.
func matchParen(toks []ctok, k int) int {
	return matchPair(toks, k, "(", ")")
}

func matchPair(toks []ctok, k int, open, shut string) int {
	depth := 0
	for ; k < len(toks); k++ {
		switch toks[k].text {
		case open:
			depth++
		case shut:
			if depth--; depth == 0 {
				return k
			}
		}
	}
	return len(toks) - 1
}

// statementValue returns the tokens of the value that starts at toks[k], up to the ";"
// that ends its statement outside brackets, or the end of its line when none does (as
// TypeScript lets a statement end), comments left out; and the index after it.
func statementValue(toks []ctok, k, end int) ([]ctok, int) {
	var v []ctok
	depth := 0
	for ; k < end; k++ {
		t := toks[k]
		if depth == 0 && (t.text == ";" || t.text == "," || (len(v) > 0 && t.line > v[len(v)-1].end && t.kind != 'p' && v[len(v)-1].kind != 'p')) {
			break
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
		if depth < 0 {
			break
		}
		if t.kind != 'c' {
			v = append(v, t)
		}
	}
	return v, k
}

// literalValue reports whether a value's tokens are a literal: a string or template, a
// number (signed or not), a constant (CONFLICT_STATUS) or a name with its qualifiers
// (HttpStatus.CONFLICT, Status.NOT_FOUND) — what a code, a status or a message is written
// as, not an expression to compute, nor a variable ("this.code = code", a constructor's
// parameter: the class wraps any error).
func literalValue(v []ctok) bool {
	switch {
	case len(v) == 1:
		return v[0].kind == 's' || v[0].kind == 'n' || (v[0].kind == 'i' && constantName(v[0].text))
	case len(v) == 2:
		return v[0].text == "-" && v[1].kind == 'n'
	}
	for j, t := range v { // a.b.c
		if (j%2 == 0) != (t.kind == 'i') || (j%2 == 1 && t.text != ".") {
			return false
		}
	}
	return len(v)%2 == 1
}

// constantName reports whether an identifier is written as a constant is: capitals,
// digits and underscores, a capital first ("HTTP_CONFLICT", "E404").
func constantName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	return strings.ToUpper(s) == s
}

// constructorSets reads a constructor's body (its "{" at toks[b], its "}" at e): what it
// passes its base's constructor (super(…)) and what it sets (this.status = 409).
func (cl *errClass) constructorSets(toks []ctok, b, e int) {
	for k := b + 1; k < e; k++ {
		t := toks[k]
		switch {
		case t.kind == 'i' && t.text == "super" && k+1 < e && toks[k+1].text == "(":
			args, end, ok := argList(toks[:e], k+1, false)
			if !ok {
				return
			}
			if len(args) == 1 && len(args[0]) == 1 && args[0][0].kind == 's' {
				cl.add("message", args[0])
			} else if len(args) > 1 && cl.superArgs == nil {
				cl.superArgs = args
				cl.c.hasArgs = true
			}
			k = end
		case t.kind == 'i' && t.text == "this" && k+3 < e && toks[k+1].text == "." && toks[k+2].kind == 'i' && toks[k+3].text == "=":
			v, next := statementValue(toks, k+4, e)
			cl.add(toks[k+2].text, v)
			k = next - 1
		}
	}
}

// returned returns the value a method's body (its "{" at toks[b], its "}" at e) returns
// when it is one statement, "return VALUE;", else nil.
func returned(toks []ctok, b, e int) []ctok {
	k := b + 1
	for k < e && toks[k].kind == 'c' {
		k++
	}
	if k >= e || toks[k].text != "return" {
		return nil
	}
	v, next := statementValue(toks, k+1, e)
	for next < e && (toks[next].text == ";" || toks[next].kind == 'c') {
		next++
	}
	if next != e {
		return nil
	}
	return v
}

// classRecords makes the records of the error classes among cs: those that set something,
// extend a class of the file or an error or exception ("…Error", "…Exception"), and are
// no other class's base. They are named by the base the first of them extends.
func classRecords(toks []ctok, cs []errClass, at func(int) catalog.Pos) []doc.Block {
	declared, based := map[string]*errClass{}, map[string]bool{}
	for j := range cs {
		declared[cs[j].name] = &cs[j]
		based[cs[j].base] = true
	}
	var consts []jvmConst
	root := ""
	for _, c := range cs {
		if !c.c.hasArgs || based[c.name] || (c.superArgs == nil && !c.setsMore()) {
			continue // nothing set, a base, or a message alone: an exception, no code of an API
		}
		if c.superArgs != nil {
			// super("LEVEL_FULL", 409, "…"): named by the base's constructor's
			// parameters (code, status, message) when the file declares it.
			var params []string
			if b := declared[c.base]; b != nil && len(b.params) == len(c.superArgs) {
				params = b.params
			}
			for j, a := range c.superArgs {
				name := "argument " + strconv.Itoa(j+1)
				if params != nil && params[j] != "" {
					name = params[j]
				}
				c.add(name, a)
			}
		}
		if declared[c.base] != nil || strings.HasSuffix(c.base, "Error") || strings.HasSuffix(c.base, "Exception") {
			consts = append(consts, c.c)
			if root == "" {
				root = c.base
			}
		}
	}
	if len(consts) == 0 {
		return nil
	}
	return buildEnum(toks, consts[0].tok, root, consts, nil, at)
}
