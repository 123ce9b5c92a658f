package code

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads TypeScript's error factories: functions that return a new error object,
// kept in an object's properties or declared on their own,
//
//	export const Errors = {
//	  bookingNotFound: (id: string) => new ApiError('BK_NOT_FOUND', 404, `No booking ${id}`),
//	};
//
//	export function seatTaken(seat: string): ApiError {
//	  return new ApiError('BK_SEAT_TAKEN', 409, `Seat ${seat} is taken`);
//	}
//
// each a record keyed by the property's or function's name, whose fields are the
// arguments of the constructor it calls: named by the parameters of that class's
// constructor where the file declares the class, by the names of an object's properties
// where it passes one (new ApiError({ code: 'BK_NOT_FOUND', … })), else by what each
// value is written as (argName). Which records list errors is the interpreter's
// judgement, as for a const object's.

// reTSFactory finds a function that returns a new error ("=> new ApiError(", "return new
// HttpException("): what Detect asks of a TypeScript file with no enum, const object or
// error class.
var reTSFactory = regexp.MustCompile(`(?:=>|\breturn)\s*\(?\s*new\s+[\w.]*(?:Error|Exception)\s*\(`)

// ctorParams returns the parameters' names of the constructors of the classes the file
// declares, by the classes' names. Each class body is stepped over once: linear.
func ctorParams(toks []ctok) map[string][]string {
	out := map[string][]string{}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != 'i' || toks[i].text != "class" || toks[i+1].kind != 'i' {
			continue
		}
		name := toks[i+1].text
		k := i + 2
		for end := min(len(toks), k+maxDeclToks); k < end && toks[k].text != "{" && toks[k].text != ";"; k++ {
		}
		if k >= len(toks) || toks[k].text != "{" {
			continue
		}
		close := matchBrace(toks, k)
		depth := 0
		for j := k + 1; j < close; j++ {
			switch toks[j].text {
			case "{", "(", "[":
				depth++
			case "}", ")", "]":
				depth--
			}
			if depth == 0 && toks[j].kind == 'i' && toks[j].text == "constructor" && j+1 < close && toks[j+1].text == "(" {
				if segs, _, ok := argList(toks[:close], j+1, true); ok {
					if _, seen := out[name]; !seen {
						out[name] = paramNames(segs)
					}
				}
				break
			}
		}
		i = close
	}
	return out
}

// factoryArgs reads a function's tokens, from its parameters or "function" keyword on,
// when it returns a new object ("(id) => new ApiError(…)", "function (…) { return new
// ApiError(…) }"): the constructor's arguments, each named ("code", "=", its tokens), and
// the class's name; ok is false when v is no such function.
func factoryArgs(v []ctok, ctors map[string][]string) (args [][]ctok, class string, ok bool) {
	if len(v) == 0 {
		return nil, "", false
	}
	k := 0
	for k < len(v) && v[k].kind == 'i' && (v[k].text == "async" || v[k].text == "function") {
		k++
	}
	if k < len(v) && v[k].kind == 'i' && k+1 < len(v) && v[k+1].text == "(" {
		k++ // a method's or function's name
	}
	switch {
	case k < len(v) && v[k].text == "(":
		k = matchParen(v, k) + 1
	case k < len(v) && v[k].kind == 'i': // x => …
		k++
	default:
		return nil, "", false
	}
	// Its return type, up to "=>" or the body's "{".
	for depth := 0; k < len(v); k++ {
		t := v[k].text
		if depth == 0 && (t == "{" || (t == "=" && k+1 < len(v) && v[k+1].text == ">")) {
			break
		}
		switch t {
		case "<", "(", "[":
			depth++
		case ">", ")", "]":
			depth--
		}
	}
	if k >= len(v) {
		return nil, "", false
	}
	if v[k].text == "=" { // an arrow: its body an expression or a block
		k += 2
		for k < len(v) && v[k].text == "(" {
			k++ // => (new ApiError(…))
		}
	}
	if k < len(v) && v[k].text == "{" {
		k = returnAt(v, k)
		if k < 0 {
			return nil, "", false
		}
	}
	if k+2 >= len(v) || v[k].text != "new" || v[k+1].kind != 'i' {
		return nil, "", false
	}
	k++
	for k+2 < len(v) && v[k+1].text == "." && v[k+2].kind == 'i' { // errors.ApiError
		k += 2
	}
	class = v[k].text
	k++
	if k >= len(v) || v[k].text != "(" {
		return nil, "", false
	}
	segs, _, closed := argList(v, k, false)
	if !closed {
		return nil, "", false
	}
	if len(segs) == 1 && len(segs[0]) > 0 && segs[0][0].text == "{" { // new ApiError({ code: …, … })
		props, _, ok := argList(segs[0], 0, false)
		if !ok {
			return nil, "", false
		}
		return props, class, true
	}
	params := ctors[class]
	if len(params) < len(segs) {
		params = nil
	}
	used := map[string]bool{}
	for j, a := range segs {
		if len(a) == 0 {
			continue
		}
		name := ""
		if params != nil {
			name = params[j]
		} else {
			name = argName(a, used)
		}
		if name == "" {
			name = "argument " + strconv.Itoa(j+1)
		}
		used[name] = true
		named := append([]ctok{{kind: 'i', text: name, off: a[0].off, line: a[0].line, end: a[0].line}, {kind: 'p', text: "="}}, a...)
		args = append(args, named)
	}
	return args, class, len(args) > 0
}

// returnAt returns the index of the "new" of the first "return new …" right in the block
// whose "{" is v[k] (not in a nested block or function), or -1.
func returnAt(v []ctok, k int) int {
	depth := 0
	for j := k; j < len(v); j++ {
		switch v[j].text {
		case "{", "(", "[":
			depth++
		case "}", ")", "]":
			if depth--; depth == 0 {
				return -1
			}
		}
		if depth == 1 && v[j].kind == 'i' && v[j].text == "return" && j+1 < len(v) && v[j+1].text == "new" {
			return j + 1
		}
	}
	return -1
}

// argName names an argument of a constructor the file does not declare by what it is
// written as, each name once (used): a number that is an HTTP status, or a constant of
// a status enum (HttpStatus.NOT_FOUND), "status"; a string of one word, or a constant of
// an enum of codes (ErrorCode.NOT_FOUND), "code"; a string or template of several words,
// "message"; "" for anything else.
func argName(a []ctok, used map[string]bool) string {
	name := ""
	switch {
	case len(a) == 1 && a[0].kind == 'n':
		if n, err := strconv.Atoi(a[0].text); err == nil && catalog.Status(n).IsValid() {
			name = "status"
		}
	case len(a) == 1 && a[0].kind == 's':
		s := strings.TrimSpace(unquoteC(a[0].text))
		switch {
		case s == "":
		case strings.IndexFunc(s, unicode.IsSpace) < 0 && !strings.Contains(s, "${"):
			name = "code"
		default:
			name = "message"
		}
	case len(a) == 3 && a[0].kind == 'i' && a[1].text == "." && a[2].kind == 'i':
		switch enum := strings.ToLower(a[0].text); {
		case strings.Contains(enum, "status"):
			name = "status"
		case strings.Contains(enum, "code"), strings.Contains(enum, "error"):
			name = "code"
		}
	}
	if used[name] {
		return ""
	}
	return name
}

// readTSFactory reads a function declared at the top level at token i ("function", or the
// "const" of "const name = (…) => new …"), when it is an error factory: the record of it
// (a constant named by the function, its arguments the constructor's), the class it makes,
// and the index of its last token (i when it is no factory: its tokens are read as any).
func readTSFactory(toks []ctok, i int, ctors map[string][]string) (jvmConst, string, int) {
	k := i + 1
	if k >= len(toks) || toks[k].kind != 'i' {
		return jvmConst{}, "", i
	}
	nameTok := k
	k++
	var end int
	if toks[i].text == "const" {
		if k+1 >= len(toks) || toks[k].text != "=" {
			return jvmConst{}, "", i
		}
		k++
		var v []ctok
		v, end = statementValue(toks, k, min(len(toks), k+maxDeclToks)) // a factory is short: bounded, so that a file of unclosed ones is linear
		end--
		args, class, ok := factoryArgs(v, ctors)
		if !ok {
			return jvmConst{}, "", i
		}
		return factoryConst(toks, i, nameTok, args), class, end
	}
	if k >= len(toks) || toks[k].text != "(" {
		return jvmConst{}, "", i
	}
	b := matchParen(toks[:min(len(toks), k+maxDeclToks)], k) + 1
	for lim := min(len(toks), b+maxDeclToks); b < lim && toks[b].text != "{" && toks[b].text != ";"; b++ {
	}
	if b >= len(toks) || toks[b].text != "{" {
		return jvmConst{}, "", i
	}
	end = matchBrace(toks, b)
	var v []ctok
	for _, t := range toks[k : end+1] {
		if t.kind != 'c' {
			v = append(v, t)
		}
	}
	args, class, ok := factoryArgs(append([]ctok{{kind: 'i', text: "function"}}, v...), ctors)
	if !ok {
		return jvmConst{}, "", i
	}
	return factoryConst(toks, i, nameTok, args), class, end
}

// factoryConst makes the constant of a factory declared at token i, named at nameTok.
func factoryConst(toks []ctok, i, nameTok int, args [][]ctok) jvmConst {
	first := i
	for first > 0 && toks[first-1].kind == 'i' && (toks[first-1].text == "export" || toks[first-1].text == "default" || toks[first-1].text == "async") {
		first--
	}
	c := jvmConst{tok: nameTok, args: args, hasArgs: true}
	c.above = commentsAbove(toks, first, false)
	return c
}

// factories turns the constants among cs (and their kids) whose values are error
// factories into records' constants, their arguments the constructor's, and leaves out
// the methods (notFound(id) { … }) that are none.
func factories(cs []jvmConst, ctors map[string][]string) []jvmConst {
	out := cs[:0]
	for _, c := range cs {
		if len(c.kids) > 0 {
			c.kids = factories(c.kids, ctors)
			out = append(out, c)
			continue
		}
		if !c.hasArgs && len(c.value) > 0 {
			if args, _, ok := factoryArgs(c.value, ctors); ok {
				c.args, c.hasArgs, c.value, c.method = args, true, nil, false
			}
		}
		if !c.method {
			out = append(out, c)
		}
	}
	return out
}

// factoryRecords makes the records of the top-level factories fs, named by the class the
// first of them makes.
func factoryRecords(toks []ctok, fs []jvmConst, class string, at func(int) catalog.Pos) []doc.Block {
	if len(fs) == 0 {
		return nil
	}
	return buildEnum(toks, fs[0].tok, class, fs, nil, at)
}
