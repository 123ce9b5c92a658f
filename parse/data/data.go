// Package data is the front-end of package parse for error catalogs kept as data: JSON,
// YAML and TOML files. It finds the collections of objects in a file, an array of objects
// or a map of objects keyed by what may be their code, at the top or under keys, and gives
// each as a doc.Records with its fields in file order and their positions. It knows
// nothing of errors: which field holds a code or a status, and which collection lists
// errors at all, is the interpreter's work.
//
// Each format is read with a parser made for it that keeps key order and positions:
// go-json-experiment's jsontext (tokens with their input offsets), yaml.v3's node trees
// (go.yaml.in/yaml/v3: nodes with line and column), and go-toml's unstable parser
// (expressions with byte ranges). Each builds the same small value tree, from which one
// function collects the records, so the three formats are interpreted alike.
package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// Format is a data format this package reads.
type Format int

const (
	None Format = iota
	JSON
	YAML
	TOML
	CSV
)

func (f Format) String() string { return [...]string{"none", "JSON", "YAML", "TOML", "CSV"}[f] }

// SyntaxError is a file that its format's parser rejects: where and why.
type SyntaxError struct {
	Offset int // byte offset in the text
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// leniency is something a parser read that its format does not allow, at a byte offset:
// it becomes one of the document's Warnings.
type leniency struct {
	off int
	msg string
}

// kind is what a value of the tree is.
type kind byte

const (
	kObject kind = iota
	kArray
	kString
	kScalar // a number, boolean or date, as the file spells it
	kNull
)

// node is one value of a data file.
type node struct {
	kind kind
	off  int // byte offset where the value starts
	text string
	// keys and keyOffs name an object's members; kids are its member values or an array's
	// elements.
	keys    []string
	keyOffs []int
	kids    []*node
}

// member returns the value of an object's key, or nil.
func (n *node) member(k string) *node {
	for i, key := range n.keys {
		if key == k {
			return n.kids[i]
		}
	}
	return nil
}

// maxRecordDepth is how deep in the tree collections of records are looked for; below it
// a value is only text. It bounds the work on deeply nested input: each level writes its
// objects' nested values as JSON once.
const maxRecordDepth = 8

// maxFieldValue is the longest text kept for one field.
const maxFieldValue = 64 << 10

// Detect says whether text is a data file this package reads, from its name and its
// content: a score (0 when not), the format and the reason.
func Detect(name string, text []byte) (int, Format, string) {
	ext := strings.ToLower(path.Ext(name))
	t := bytes.TrimSpace(text)
	switch ext {
	case ".json", ".jsonc":
		if len(t) > 0 && t[0] == '/' { // a leading comment (JSONC)
			plain, _ := blankJSONC(t)
			t = bytes.TrimSpace(plain)
		}
		if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			return 80, JSON, "a .json file holding a JSON object or array"
		}
		return 0, None, "a .json file that does not begin with { or ["
	case ".yaml", ".yml":
		return 70, YAML, "a " + ext + " file"
	case ".toml":
		return 75, TOML, "a .toml file"
	case ".csv":
		return 75, CSV, "a .csv file (a spreadsheet's table)"
	}
	// By content alone, only when nothing else would read it: a JSON document, or TOML
	// tables.
	if len(t) > 1 && (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		return 40, JSON, "the whole text is a JSON value"
	}
	if bytes.Count(text, []byte("\n[")) < 2 {
		return 0, None, "no .json, .yaml, .yml, .toml or .csv name, and not a JSON document or TOML tables"
	}
	if n := len(reTOMLTable.FindAllIndex(text, 3)); n >= 3 {
		return 30, TOML, "TOML table headers ([name] lines) with key = value lines"
	}
	return 0, None, "no .json, .yaml, .yml, .toml or .csv name, and not a JSON document or TOML tables"
}

// reTOMLTable matches a TOML table header line followed by a key = value line.
var reTOMLTable = regexp.MustCompile(`(?m)^\[\[?["'A-Za-z0-9_.:-]+["']?\]\]?[ \t]*\n[ \t]*["'A-Za-z0-9_-]+[ \t]*=`)

// maxDupWarnings is how many keys given twice are warned of one by one.
const maxDupWarnings = 20

// dupKeys warns of each key given twice in one object of the tree (JSON allows it, YAML
// does not; both are read, so that a code given twice neither vanishes nor makes the file
// unreadable), in file order, one by one up to maxDupWarnings. format and object name
// them ("YAML", "mapping"). Merge keys ("<<") are YAML's, not keys.
func dupKeys(root *node, format, object string, at func(int) catalog.Pos) []leniency {
	type dup struct {
		key        string
		off, first int
	}
	var dups []dup
	stack := []*node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		stack = append(stack, n.kids...)
		if n.kind != kObject || len(n.keys) < 2 {
			continue
		}
		if len(n.keys) <= 8 { // pairs: no set for the small objects most are
			for i := 1; i < len(n.keys); i++ {
				for j := 0; j < i; j++ {
					if n.keys[i] == n.keys[j] && n.keys[i] != "<<" {
						dups = append(dups, dup{n.keys[i], n.keyOffs[i], n.keyOffs[j]})
						break
					}
				}
			}
			continue
		}
		first := make(map[string]int, len(n.keys))
		for i, k := range n.keys {
			if j, ok := first[k]; ok && k != "<<" {
				dups = append(dups, dup{k, n.keyOffs[i], n.keyOffs[j]})
			} else if !ok {
				first[k] = i
			}
		}
	}
	slices.SortFunc(dups, func(a, b dup) int { return a.off - b.off })
	var out []leniency
	for _, d := range dups {
		if len(out) == maxDupWarnings {
			out = append(out, leniency{d.off, fmt.Sprintf("%d more %s %s keys are given twice in one %s", len(dups)-maxDupWarnings, format, object, object)})
			break
		}
		out = append(out, leniency{d.off, fmt.Sprintf("%s %s key %q is given again (first on line %d): both are read", format, object, d.key, at(d.first).Line)})
	}
	return out
}

// MetaDefaultLocale is the key of a document's meta that gives the language a data file
// says it is written in first, the one its other languages translate ("defaultLocale:
// en", "default_language", "sourceLocale" at its top).
const MetaDefaultLocale = "defaultlocale"

// Read parses text in format f and returns its records, in file order. A file its parser
// rejects gives the error; at places a byte offset.
func Read(text []byte, f Format, at func(offset int) catalog.Pos) (*doc.Document, error) {
	var root *node
	var err error
	var lenient []leniency // what a parser read that its format does not allow
	switch f {
	case JSON:
		root, err = readJSON(text)
		lenient = dupKeys(root, "JSON", "object", at)
	case YAML:
		root, err = readYAML(text)
		lenient = dupKeys(root, "YAML", "mapping", at)
	case TOML:
		root, err = readTOML(text)
	case CSV:
		return readCSV(text, at)
	default:
		return nil, fmt.Errorf("no data format given")
	}
	if err != nil {
		return nil, err
	}
	warn := func(d *doc.Document) *doc.Document {
		for _, l := range lenient {
			d.Warnings = append(d.Warnings, doc.Warning{Pos: at(l.off), Msg: l.msg})
		}
		return d
	}
	if isOpenAPI(root) {
		return warn(readOpenAPI(root, at)), nil
	}
	d := warn(&doc.Document{})
	if root == nil {
		return d, nil
	}
	if root.kind == kObject {
		for i, k := range root.keys {
			if c := root.kids[i]; c.kind == kString || c.kind == kScalar {
				name := strings.ToLower(k)
				switch name {
				case "title", "id", "description", "name", "$schema":
				default:
					switch unseparated.Replace(name) {
					case "defaultlocale", "defaultlanguage", "defaultlang", "sourcelocale", "sourcelanguage":
						name = MetaDefaultLocale
					default:
						continue
					}
				}
				if d.Meta == nil {
					d.Meta = map[string]string{}
				}
				if _, dup := d.Meta[name]; !dup || name != MetaDefaultLocale {
					d.Meta[name] = c.text
				}
			}
		}
	}
	var keys []string
	collect(d, root, "", 0, nil, &keys, at)
	if defs := defaults(root, at); defs != nil {
		for _, b := range d.Blocks {
			if r, ok := b.(*doc.Records); ok {
				r.Defaults = defs
			}
		}
	}
	return d, nil
}

// defaults returns the scalar members of the object under the root's "defaults" (or
// "default") key, what the file says every record takes that says nothing itself
// ({"defaults": {"status": 500}, "errors": […]}); nil when it has none.
func defaults(root *node, at func(int) catalog.Pos) []doc.Field {
	if root == nil || root.kind != kObject {
		return nil
	}
	for i, k := range root.keys {
		switch unseparated.Replace(strings.ToLower(k)) {
		case "defaults", "default":
		default:
			continue
		}
		c := root.kids[i]
		if c.kind != kObject {
			continue
		}
		var out []doc.Field
		for j, v := range c.kids {
			if (v.kind == kString || v.kind == kScalar) && len(out) < maxBeside {
				out = append(out, doc.Field{Pos: at(c.keyOffs[j]), Name: c.keys[j], Value: valueText(v)})
			}
		}
		return out
	}
	return nil
}

// unseparated drops the "_" and "-" of a key ("default_locale" → "defaultlocale"). It is
// made once: a Replacer builds its tables on first use, and built for each top-level key
// it took half of Read's time on a flat mapping of 40,000 codes.
var unseparated = strings.NewReplacer("_", "", "-", "")

// collect adds the collections of records under n to d, parents before their children.
// beside are the scalar members of the object that holds n; keys is the stack of object
// keys on the way to n (array indices are none).
func collect(d *doc.Document, n *node, p string, depth int, beside []doc.Field, keys *[]string, at func(int) catalog.Pos) {
	if depth > maxRecordDepth {
		return
	}
	join := func(k string) string {
		if p == "" {
			return k
		}
		return p + "." + k
	}
	switch n.kind {
	case kArray:
		objects, nulls := 0, 0
		for _, c := range n.kids {
			switch c.kind {
			case kObject:
				objects++
			case kNull:
				nulls++ // an empty item ("- " in YAML) is no record, and no reason to drop the rest
			}
		}
		if objects > 0 && objects+nulls == len(n.kids) {
			r := &doc.Records{Pos: at(n.off), Path: p, Beside: beside, Keys: slices.Clone(*keys)}
			for _, c := range n.kids {
				if c.kind == kObject {
					r.Items = append(r.Items, record(c, "", c.off, at))
				}
			}
			d.Blocks = append(d.Blocks, r)
		}
		for i, c := range n.kids {
			collect(d, c, join(itoa(i)), depth+1, nil, keys, at)
		}
	case kObject:
		objects, strs := 0, 0
		for _, c := range n.kids {
			switch c.kind {
			case kObject:
				objects++
			case kString:
				strs++
			}
		}
		switch {
		case objects > 0 && objects == len(n.kids) && (objects >= 2 || depth > 0):
			r := &doc.Records{Pos: at(n.off), Path: p, Keyed: true, Beside: beside, Keys: slices.Clone(*keys)}
			for i, c := range n.kids {
				r.Items = append(r.Items, record(c, n.keys[i], n.keyOffs[i], at))
			}
			d.Blocks = append(d.Blocks, r)
		case strs > 0 && strs == len(n.kids) && (strs >= 2 || depth > 0):
			// A map of strings ("E1001": "Invalid token"): each a record of one field
			// with no name, its value. Below the top one is enough: a group of one
			// error ({"404": {"E200": "No such user"}}) is as much a list as its
			// neighbours.
			r := &doc.Records{Pos: at(n.off), Path: p, Keyed: true, Beside: beside, Keys: slices.Clone(*keys)}
			for i, c := range n.kids {
				r.Items = append(r.Items, doc.Record{Pos: at(n.keyOffs[i]), Key: n.keys[i],
					Fields: []doc.Field{{Pos: at(c.off), Value: valueText(c)}}})
			}
			d.Blocks = append(d.Blocks, r)
		case tuples(n) && (len(n.kids) >= 2 || depth > 0):
			// A map of lists of plain values ("E1001": [404, "Not found."]): each a
			// record whose fields have no names but their places ("item 1", "item 2"),
			// as a Python dict's tuples; what they hold is read from their values where
			// the collection says it lists errors (positionalRoles).
			r := &doc.Records{Pos: at(n.off), Path: p, Keyed: true, Beside: beside, Keys: slices.Clone(*keys)}
			for i, c := range n.kids {
				rec := doc.Record{Pos: at(n.keyOffs[i]), Key: n.keys[i]}
				for j, v := range c.kids {
					rec.Fields = append(rec.Fields, doc.Field{Pos: at(v.off), Name: "item " + itoa(j+1), Value: valueText(v)})
				}
				r.Items = append(r.Items, rec)
			}
			d.Blocks = append(d.Blocks, r)
		}
		var scalars []doc.Field // only when some member may hold records, and not too many
		if objects+arrays(n) > 0 {
			for i, c := range n.kids {
				if (c.kind == kString || c.kind == kScalar) && len(scalars) < maxBeside {
					scalars = append(scalars, doc.Field{Pos: at(n.keyOffs[i]), Name: n.keys[i], Value: valueText(c)})
				}
			}
		}
		into := besideMaps(n)
		for i, c := range n.kids {
			if _, ok := into[i]; ok {
				continue // a map of the values of records beside it: their fields
			}
			*keys = append(*keys, n.keys[i])
			first := len(d.Blocks)
			collect(d, c, join(n.keys[i]), depth+1, scalars, keys, at)
			*keys = (*keys)[:len(*keys)-1]
			if len(into) > 0 && first < len(d.Blocks) {
				if r, ok := d.Blocks[first].(*doc.Records); ok && r.Path == join(n.keys[i]) {
					mapFields(r, n, i, into, at)
				}
			}
		}
	}
}

// maxBesideMaps is how many members of one object are looked at as maps of their
// neighbours' values (besideMaps): it bounds the pairs compared.
const maxBesideMaps = 8

// maxBesideFields is how many fields of an array of records are looked at as what a map
// beside them is keyed by (besideMaps), in the order first met.
const maxBesideFields = 32

// besideJoin is where a map of plain values beside records goes: the member of the same
// object that holds the records, and, for an array of them, the field whose values are
// the map's keys ("" for a map of records, whose keys are the map's).
type besideJoin struct {
	to int
	by string
}

// errorsKey reports whether a key names a list of errors ("errors", "error_codes",
// "billingErrors"): a map of strings under it is the error list itself, not a map beside
// another list.
func errorsKey(k string) bool {
	f := strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(k))
	return strings.HasSuffix(f, "errors") || strings.HasSuffix(f, "errorcodes") || f == "error" || f == "errs" || f == "codes"
}

// besideMaps finds the members of the object n that are maps of plain values keyed by the
// keys of records beside them ({"errors": {"E1": {…}, "E2": {…}}, "statuses": {"E1":
// 404, "E2": 409}}), or by the values of one field of an array of records ({"errors":
// [{"id": "E1", …}], "statuses": {"E1": 404}}): the values of the records' keys, a
// column of a table written apart. Each such map goes to the first records whose keys, or
// a field's values, hold all of its keys, at least two of them or as many as there are
// records.
func besideMaps(n *node) map[int]besideJoin {
	var objs, vals []int
	for i, c := range n.kids {
		if len(c.kids) == 0 {
			continue
		}
		switch {
		case c.kind == kObject && allKinds(c, kObject) && len(objs) < maxBesideMaps:
			objs = append(objs, i)
		case c.kind == kArray && allKinds(c, kObject, kNull) && len(objs) < maxBesideMaps:
			objs = append(objs, i)
		case c.kind == kObject && allKinds(c, kString, kScalar) && len(vals) < maxBesideMaps && !errorsKey(n.keys[i]):
			vals = append(vals, i)
		}
	}
	if len(objs) == 0 || len(vals) == 0 {
		return nil
	}
	var into map[int]besideJoin
	for _, o := range objs {
		// The keys the records are known by: a map's keys, or each field's values.
		byField := map[string]map[string]bool{}
		var names []string // the fields in the order first met, for a stable choice
		recs := len(n.kids[o].kids)
		if c := n.kids[o]; c.kind == kObject {
			byField[""] = make(map[string]bool, len(c.keys))
			names = append(names, "")
			for _, k := range c.keys {
				byField[""][k] = true
			}
		} else {
			for _, it := range c.kids {
				for j, k := range it.keys {
					if v := it.kids[j]; v.kind == kString || v.kind == kScalar {
						if byField[k] == nil {
							if len(names) == maxBesideFields {
								continue
							}
							byField[k] = map[string]bool{}
							names = append(names, k)
						}
						byField[k][valueText(v)] = true
					}
				}
			}
		}
		for _, v := range vals {
			m := n.kids[v]
			if _, taken := into[v]; taken || len(m.keys) < min(2, recs) {
				continue
			}
			for _, f := range names {
				all := true
				for _, k := range m.keys {
					if !byField[f][k] {
						all = false
						break
					}
				}
				if all {
					if into == nil {
						into = map[int]besideJoin{}
					}
					into[v] = besideJoin{to: o, by: f}
					break
				}
			}
		}
	}
	return into
}

// allKinds reports whether every member of n is of one of the kinds ks.
func allKinds(n *node, ks ...kind) bool {
	for _, c := range n.kids {
		if !slices.Contains(ks, c.kind) {
			return false
		}
	}
	return true
}

// mapFields gives the records r, made of the member o of n, the fields of the maps of
// values that go to it (besideMaps): each record the value its key (or its field's
// value) has in the map, named by the map's key.
func mapFields(r *doc.Records, n *node, o int, into map[int]besideJoin, at func(int) catalog.Pos) {
	for _, v := range slices.Sorted(maps.Keys(into)) { // at most maxBesideMaps
		j := into[v]
		if j.to != o || (j.by == "") != r.Keyed {
			continue
		}
		m := n.kids[v]
		vals := make(map[string]*node, len(m.keys))
		for i, k := range m.keys {
			if _, dup := vals[k]; !dup {
				vals[k] = m.kids[i]
			}
		}
		name := n.keys[v]
		r.Mapped = append(r.Mapped, name)
		for i := range r.Items {
			it := &r.Items[i]
			key, ok := it.Key, r.Keyed
			if !r.Keyed {
				for _, f := range it.Fields {
					if f.Name == j.by {
						key, ok = f.Value, true
						break
					}
				}
			}
			if c, found := vals[key]; ok && found {
				it.Fields = append(it.Fields, doc.Field{Pos: at(c.off), Name: name, Value: valueText(c)})
			}
		}
	}
}

// maxBeside is how many scalar members of an object its collections of records are given
// (doc.Records.Beside): what such an object says of its records stands near them.
const maxBeside = 32

// tuples reports whether every member of the object n is an array of two to
// maxFlatMembers plain values (strings, numbers, booleans, nulls), not all null.
func tuples(n *node) bool {
	if len(n.kids) == 0 {
		return false
	}
	for _, c := range n.kids {
		if c.kind != kArray || len(c.kids) < 2 || len(c.kids) > maxFlatMembers {
			return false
		}
		values := 0
		for _, v := range c.kids {
			switch v.kind {
			case kString, kScalar:
				values++
			case kNull:
			default:
				return false
			}
		}
		if values == 0 {
			return false
		}
	}
	return true
}

// arrays counts n's members that are arrays.
func arrays(n *node) int {
	k := 0
	for _, c := range n.kids {
		if c.kind == kArray {
			k++
		}
	}
	return k
}

// record makes one object into a record.
func record(n *node, key string, off int, at func(int) catalog.Pos) doc.Record {
	r := doc.Record{Pos: at(off), Key: key}
	for i, k := range n.keys {
		c := n.kids[i]
		if flatObject(c) {
			// An object of a few plain values ({"status": 400, "error": {"code": …,
			// "message": …}}, the body an error is answered with) gives its values as
			// fields of their own, named by the path ("error.code"), so that their names
			// can say what they hold; a value of its own that is an object or an
			// array stays one field ("error.details").
			for j, sk := range c.keys {
				r.Fields = append(r.Fields, doc.Field{Pos: at(c.keyOffs[j]), Name: k + "." + sk, Value: valueText(c.kids[j])})
			}
			continue
		}
		if perLanguage(c) {
			// An object of such objects, one per language ({"i18n": {"en":
			// {"title": …}, "ko": {…}}}): their values too, named by the path
			// ("i18n.en.title"), so that a language's part can be told.
			for j, sk := range c.keys {
				g := c.kids[j]
				for m, gk := range g.keys {
					r.Fields = append(r.Fields, doc.Field{Pos: at(g.keyOffs[m]), Name: k + "." + sk + "." + gk, Value: valueText(g.kids[m])})
				}
			}
			continue
		}
		r.Fields = append(r.Fields, doc.Field{Pos: at(n.keyOffs[i]), Name: k, Value: valueText(c)})
	}
	return r
}

// maxFlatMembers is the most members an object nested in a record may have for its values
// to become fields of the record (flatObject).
const maxFlatMembers = 16

// flatObject reports whether n is an object of at most maxFlatMembers members of which
// at least one is a string, number, boolean or null: a record's "details" that says what
// it says in plain values, beside an example object or a list of links (which become
// fields of their own, as JSON). An object of objects only is one field.
func flatObject(n *node) bool {
	if n.kind != kObject || len(n.kids) == 0 || len(n.kids) > maxFlatMembers {
		return false
	}
	for _, c := range n.kids {
		if c.kind != kObject && c.kind != kArray {
			return true
		}
	}
	return false
}

// perLanguage reports whether n is an object of a record's text per language: two to
// maxFlatMembers members keyed by language tags ("en", "ko", "zh-CN"), each a flat object
// (flatObject) whose members are none of them objects or arrays. Other objects of objects
// ({"example": {"request": {…}}}) stay one field.
func perLanguage(n *node) bool {
	if n.kind != kObject || len(n.kids) < 2 || len(n.kids) > maxFlatMembers {
		return false
	}
	for i, c := range n.kids {
		if !reLangKey.MatchString(n.keys[i]) || !flatObject(c) {
			return false
		}
		for _, g := range c.kids {
			if g.kind == kObject || g.kind == kArray {
				return false
			}
		}
	}
	return true
}

// reLangKey matches a key that names a language: two letters, then a region or script
// ("en", "zh-CN", "pt_BR", "zh-Hant").
var reLangKey = regexp.MustCompile(`^[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})*$`)

// valueText is a field's text: a string as written (a trailing newline of a multi-line
// string dropped), a scalar as spelled, null as "", an object or array as compact JSON.
func valueText(n *node) string {
	switch n.kind {
	case kString:
		return strings.TrimRight(n.text, "\n")
	case kScalar:
		return n.text
	case kNull:
		return ""
	}
	var b strings.Builder
	writeJSON(&b, n, 0)
	s := b.String()
	if len(s) > maxFieldValue {
		s = s[:maxFieldValue] + "…"
	}
	return s
}

// writeJSON writes n as compact JSON, up to maxFieldValue bytes.
func writeJSON(b *strings.Builder, n *node, depth int) {
	if b.Len() > maxFieldValue || depth > 64 {
		b.WriteString("…")
		return
	}
	switch n.kind {
	case kString:
		q, _ := json.Marshal(n.text)
		b.Write(q)
	case kScalar:
		if json.Valid([]byte(n.text)) {
			b.WriteString(n.text)
		} else {
			q, _ := json.Marshal(n.text)
			b.Write(q)
		}
	case kNull:
		b.WriteString("null")
	case kArray:
		b.WriteByte('[')
		for i, c := range n.kids {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, c, depth+1)
		}
		b.WriteByte(']')
	case kObject:
		b.WriteByte('{')
		for i, c := range n.kids {
			if i > 0 {
				b.WriteByte(',')
			}
			q, _ := json.Marshal(n.keys[i])
			b.Write(q)
			b.WriteByte(':')
			writeJSON(b, c, depth+1)
		}
		b.WriteByte('}')
	}
}

func itoa(i int) string { return fmt.Sprint(i) }

// Guess names the format of text by its content alone, for a source that docgen.yaml
// gives this reader whatever its name: JSON when it begins with { or [, TOML when it has
// table headers, else YAML.
func Guess(text []byte) Format {
	t := bytes.TrimSpace(text)
	switch {
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		return JSON
	case reTOMLTable.Match(text):
		return TOML
	}
	return YAML
}
