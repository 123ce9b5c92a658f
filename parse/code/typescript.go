package code

import (
	"regexp"
	"slices"
	"strings"

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
func readTSObject(toks []ctok, i int, at func(int) catalog.Pos, ctors map[string][]string) ([]doc.Block, int) {
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
	consts, end := objectProps(toks, k, 0)
	if len(consts) == 0 {
		return nil, end
	}
	if consts = factories(consts, ctors); len(consts) == 0 { // bookingNotFound: (id) => new ApiError(…)
		return nil, end
	}
	return objectRecords(toks, first, []string{name}, consts, at), end
}

// maxObjectDepth bounds how deep objects of objects are read as groups of records
// (objectProps): each level reads its object's tokens once more.
const maxObjectDepth = 4

// objectRecords makes the blocks of an object's properties, in file order: its
// constants (buildEnum), and the records of each property whose value is a group of
// records, under its path, as the data reader makes those of a JSON file:
//
//	export const Errors = {
//	  billing: { CARD_DECLINED: { status: 402, message: "…" } },
//	  INTERNAL: { status: 500, message: "…" },
//	} as const;
//
// gives the record keyed CARD_DECLINED under Errors.billing, in the group billing, and
// the one keyed INTERNAL under Errors. A group is no record of its own: read as one, it
// would make the object a container of error lists, and the records beside it would not
// be read. Its key is its records' group, as a label comment above a run of constants
// is (one inside it wins, being nearer). Which records list errors is the interpreter's
// judgement, the same as for a data file.
func objectRecords(toks []ctok, first int, path []string, consts []jvmConst, at func(int) catalog.Pos) []doc.Block {
	var out []doc.Block
	for i := 0; i < len(consts); {
		if c := consts[i]; len(c.kids) > 0 { // a group
			p := append(slices.Clip(path), c.name(toks))
			for _, b := range objectRecords(toks, c.tok, p, c.kids, at) {
				if r, ok := b.(*doc.Records); ok && r.Group == "" {
					r.Group = c.name(toks)
				}
				out = append(out, b)
			}
			i++
			continue
		}
		j := i // a run of constants, up to the next group
		for j < len(consts) && len(consts[j].kids) == 0 {
			j++
		}
		if i > 0 {
			first = consts[i].tok
		}
		for _, b := range buildEnum(toks, first, strings.Join(path, "."), consts[i:j], nil, at) {
			if r, ok := b.(*doc.Records); ok && len(path) > 1 {
				r.Keys = slices.Clone(path)
			}
			out = append(out, b)
		}
		i = j
	}
	return out
}

// objectProps reads the properties of the object literal whose "{" is toks[k], and
// returns them and the index of its "}": each "KEY: value" a constant named by its key,
// with the value's tokens, or, when the value is itself an object literal, with its
// properties as named arguments. Other members (methods, spreads, computed keys, a key
// alone) are stepped over. An object value whose own properties are all objects (a
// group of records) is read for those too, as the constant's kids, down to
// maxObjectDepth.
func objectProps(toks []ctok, k, depth int) ([]jvmConst, int) {
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
				if depth < maxObjectDepth && allObjects(args) {
					c.kids, _ = objectProps(toks, v, depth+1)
				}
			} else {
				k, c.value = valueEnd(toks, v)
			}
			c.comment = memberComment(c.comment, trailingComment(toks, k, toks[k-1].line))
			out = append(out, c)
			prev = c.tok
			continue
		}
		if t.kind == 'i' && k+1 < len(toks) && toks[k+1].text == "(" {
			// A method (notFound(id) { return new ApiError(…) }): a constant only when
			// it is an error factory (factories).
			c := jvmConst{tok: k, method: true}
			c.above = commentsAbove(toks, k, prev < 0)
			k, c.value = valueEnd(toks, k)
			out = append(out, c)
			prev = c.tok
			continue
		}
		k, _ = valueEnd(toks, k) // anything else: up to the comma or the closing brace
	}
	return out, len(toks) - 1
}

// allObjects reports whether the properties of an object literal, as argList splits
// them, are all "KEY: {…}".
func allObjects(args [][]ctok) bool {
	for _, a := range args {
		if len(a) < 3 || (a[0].kind != 'i' && a[0].kind != 's' && a[0].kind != 'n') || a[1].text != ":" || a[2].text != "{" {
			return false
		}
	}
	return len(args) > 0
}
