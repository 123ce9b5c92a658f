package code

import (
	"regexp"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads TypeScript's other way of listing codes than an enum: a const object
// literal, frozen or "as const", whose properties are the codes
//
//	export const ErrorCode = {
//	  /** The trail is closed for the season. */
//	  TRAIL_CLOSED: "TRAIL_CLOSED",
//	} as const;
//
// read as an enum (each property a member: its key the name, its value as written), or,
// when the properties' values are objects,
//
//	export const Errors = {
//	  NOT_FOUND: { code: "E404", status: 404, message: "Not found" },
//	};
//
// as records keyed by the property, their fields named by the inner object's keys, as
// the constants of a Java enum are named by its constructor's parameters. Which objects
// list errors is the interpreter's judgement, as for any enum.

// reTSConstObject finds a const object literal at the start of a line: what Detect asks
// of a TypeScript file besides an enum.
var reTSConstObject = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?const[ \t]+[A-Za-z_$][\w$]*[ \t]*(?::[^=\n]*)?=[ \t]*(?:Object\.freeze\([ \t]*)?\{`)

// readTSObject reads the const object literal declared at token i ("const"): its blocks,
// and the index of the last token it read (i when what follows is no object literal).
func readTSObject(toks []ctok, i int, at func(int) catalog.Pos) ([]doc.Block, int) {
	k := i + 1
	if k >= len(toks) || toks[k].kind != 'i' || toks[k].text == "val" || toks[k].text == "enum" {
		return nil, i // Kotlin's const val, TypeScript's const enum
	}
	name := toks[k].text
	k++
	if k < len(toks) && toks[k].text == ":" { // a type: up to the "=" outside brackets
		depth := 0
		for end := min(len(toks), k+maxDeclToks); k < end; k++ {
			switch toks[k].text {
			case "<", "(", "[", "{":
				depth++
			case ">", ")", "]", "}":
				depth--
			}
			if depth <= 0 && toks[k].text == "=" {
				break
			}
		}
	}
	if k >= len(toks) || toks[k].text != "=" {
		return nil, i
	}
	k++
	if k+3 < len(toks) && toks[k].text == "Object" && toks[k+1].text == "." && toks[k+2].text == "freeze" && toks[k+3].text == "(" {
		k += 4
	}
	if k >= len(toks) || toks[k].text != "{" {
		return nil, i
	}
	first := i
	if first > 0 && toks[first-1].text == "export" {
		first--
	}
	consts, end := objectProps(toks, k)
	if len(consts) == 0 {
		return nil, end
	}
	return buildEnum(toks, first, name, consts, nil, at), end
}

// objectProps reads the properties of the object literal whose "{" is toks[k], and
// returns them and the index of its "}": each "KEY: value" a constant named by its key,
// with the value's tokens, or, when the value is itself an object literal, with its
// properties as named arguments. Other members (methods, spreads, computed keys, a key
// alone) are stepped over.
func objectProps(toks []ctok, k int) ([]jvmConst, int) {
	var out []jvmConst
	prev := -1 // the index of the last property read, for the comments above the next
	k++
	for k < len(toks) {
		t := toks[k]
		switch {
		case t.text == "}":
			return out, k
		case t.kind == 'c' || t.text == ",":
			k++
			continue
		}
		if (t.kind == 'i' || t.kind == 's' || t.kind == 'n') && k+1 < len(toks) && toks[k+1].text == ":" {
			c := jvmConst{tok: k}
			c.above = commentsAbove(toks, k, prev < 0)
			v := k + 2
			if v < len(toks) && toks[v].text == "{" {
				args, end, ok := argList(toks, v, false)
				if !ok {
					return out, end
				}
				c.args, c.hasArgs, k = args, true, end+1
			} else {
				k, c.value = valueEnd(toks, v)
			}
			c.comment = memberComment(c.comment, trailingComment(toks, k, toks[k-1].line))
			out = append(out, c)
			prev = c.tok
			continue
		}
		k, _ = valueEnd(toks, k) // anything else: up to the comma or the closing brace
	}
	return out, len(toks) - 1
}
