package code

import (
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file reads the other way Python code lists its errors than an Enum: a hierarchy of
// exception classes, each setting class attributes,
//
//	class ShopError(Exception):
//	    code = "SH-0000"                       the base: its subclasses' defaults
//	    status = 500
//
//	# --- Carts ---
//	class CartEmpty(ShopError):
//	    """The cart has no item."""
//	    code = "SH-1001"
//	    status = HTTPStatus.CONFLICT
//	    message = "The cart is empty."
//
// read as a Kotlin sealed class's subclasses are: a record per class, keyed by its name,
// its fields named by the attributes (its docstring the "comment"), the comment lines
// above the classes grouping them as a Java enum's constants. A class that others in the
// file derive from is their base, no record of its own. Which records list errors is the
// interpreter's judgement.

// pyClass is a top-level class that sets class attributes.
type pyClass struct {
	name  string
	bases []string
	off   int
	attrs []doc.Field
	above
}

// readPyClass reads the top-level class whose line is ls[i] (its name and bases given)
// up to line k, where its body ends: its attributes and docstring, and the label the
// comment lines above it give (back to the statement before them).
func readPyClass(text []byte, ls []pyLine, i, k, body int, name, bases string, at func(int) catalog.Pos) pyClass {
	c := pyClass{name: name, off: ls[i].off}
	for _, b := range strings.Split(bases, ",") {
		b = strings.TrimSpace(b)
		if b != "" && !strings.Contains(b, "=") { // metaclass=…
			c.bases = append(c.bases, b[strings.LastIndexByte(b, '.')+1:])
		}
	}
	// The comment lines above, each paragraph of them: the last that reads as a label.
	c.blank = true // classes stand apart
	for x := i - 1; x >= 0 && (ls[x].blank() || strings.HasPrefix(ls[x].text, "#")); x-- {
		if ls[x].blank() || c.label != "" {
			continue
		}
		if t, banner, ok := labelText(ctok{text: cleanComment(ls[x].text)}, 8); ok && (banner || x+1 < i && ls[x+1].blank()) {
			c.label, c.banner = t, banner
		}
	}
	j := i + 1
	for j < k && ls[j].blank() {
		j++
	}
	if q, ok := docQuoteAt(ls, j, k); ok {
		var lines []string
		first := strings.TrimLeft(strings.TrimSpace(ls[j].text), "rRuUbB")[3:]
		for x := j; x < k; x++ {
			l := strings.TrimSpace(ls[x].text)
			if x == j {
				l = first
			}
			if idx := strings.Index(l, q); idx >= 0 {
				lines = append(lines, l[:idx])
				j = x + 1
				break
			}
			lines = append(lines, l)
		}
		if d := strings.TrimSpace(strings.Join(lines, "\n")); d != "" {
			c.attrs = append(c.attrs, doc.Field{Pos: at(ls[i].off), Name: "comment", Value: d})
		}
	}
	var attrs []doc.Field
	for x := j; x < k; x++ {
		l := ls[x]
		if l.blank() || l.indent() != body {
			continue
		}
		t := strings.TrimSpace(l.text)
		mm := rePyMember.FindStringSubmatchIndex(t)
		if mm == nil || strings.HasPrefix(t[mm[2]:mm[3]], "_") {
			continue
		}
		value, _ := pySplitComment(t[mm[4]:mm[5]])
		off := l.off + l.indent() + mm[4]
		if value == "None" {
			value = "" // no value, as the data reader gives a JSON null
		} else if strings.HasPrefix(value, `"`) || strings.HasPrefix(value, "'") {
			// Up to the next line of the body, so that a string left open is read once.
			end := len(text)
			for y := x + 1; y < k; y++ {
				if !ls[y].blank() && ls[y].indent() <= body {
					end = ls[y].off
					break
				}
			}
			if y := k; end == len(text) && y < len(ls) {
				end = ls[y].off
			}
			p := &pyScanner{text: text[:end], i: off}
			if v := p.primary(0); v.kind == 's' {
				value = v.text
			}
		}
		attrs = append(attrs, doc.Field{Pos: at(off), Name: t[mm[2]:mm[3]], Value: value})
	}
	if len(attrs) == 0 {
		c.attrs = nil
		return c
	}
	c.attrs = append(attrs, c.attrs...) // the docstring's comment after the attributes
	return c
}

// pyClassRecords makes the records of the exception classes among cs: those that set
// attributes, derive from a class of the file or from an exception ("…Error",
// "…Exception"), and are no other class's base.
func pyClassRecords(cs []pyClass, at func(int) catalog.Pos) []doc.Block {
	declared, based := map[string]bool{}, map[string]bool{}
	for _, c := range cs {
		declared[c.name] = true
		for _, b := range c.bases {
			based[b] = true
		}
	}
	var recs []pyClass
	root := ""
	for _, c := range cs {
		if len(c.attrs) == 0 || based[c.name] {
			continue
		}
		for _, b := range c.bases {
			if declared[b] || strings.HasSuffix(b, "Error") || strings.HasSuffix(b, "Exception") {
				recs = append(recs, c)
				if root == "" {
					root = b
				}
				break
			}
		}
	}
	if len(recs) == 0 {
		return nil
	}
	abs := make([]above, len(recs))
	names := make([]string, len(recs))
	for j, c := range recs {
		abs[j], names[j] = c.above, c.name
	}
	groups := settleLabels(abs, names)
	var out []doc.Block
	r := &doc.Records{Pos: at(recs[0].off), Path: root, Keyed: true, KeyName: "name"}
	for j, c := range recs {
		if groups[j] != r.Group || abs[j].label != "" {
			if len(r.Items) > 0 {
				out = append(out, r)
			}
			r = &doc.Records{Pos: at(c.off), Path: root, Keyed: true, KeyName: "name", Group: groups[j]}
		}
		r.Items = append(r.Items, doc.Record{Pos: at(c.off), Key: c.name, Fields: c.attrs})
	}
	return append(out, r)
}
