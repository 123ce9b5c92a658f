package data

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// readYAML reads a YAML file into a value tree: its one document, or an array of its
// documents. It parses with yaml.v3 (go.yaml.in/yaml/v3) into yaml.Node trees, in time
// linear in the text, and decodes nothing into Go values: aliases are not expanded (a
// value "*name" of a mapping or sequence stays that text), so a file of aliases to aliases
// costs no more than its size; only a merge key ("<<: *defaults") brings in the plain
// values of the mapping it names (yamlReader.merge). A key given twice in one mapping is
// kept twice, both read (Read warns of it, dupKeys): YAML does not allow it, and a code
// given twice should neither vanish nor make the whole file unreadable.
func readYAML(text []byte) (*node, error) {
	if at := flowTooDeep(text); at >= 0 {
		return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("YAML flow collections (\"[…]\", \"{…}\") nested more than %d deep are not read", maxFlowDepth)}
	}
	y := &yamlReader{text: text, cols: runeColumns{text: text, lines: yamlLineStarts(text)}, anchors: map[*yaml.Node]*node{}}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []*node
	for {
		var d yaml.Node
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return nil, y.error(err)
		}
		if len(d.Content) == 0 || emptyDocument(d.Content[0]) {
			continue
		}
		docs = append(docs, y.value(d.Content[0], 0))
	}
	switch len(docs) {
	case 0:
		return nil, nil
	case 1:
		return docs[0], nil
	}
	// A stream of documents ("---" between them), one error or one list each: read as
	// an array of them, so that none after the first is lost.
	return &node{kind: kArray, off: docs[0].off, kids: docs}, nil
}

// emptyDocument reports whether n is the body of a document with nothing in it, or only
// comments: yaml.v3 gives it as an empty plain null, which no text spelled.
func emptyDocument(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && n.Tag == "!!null" && n.Anchor == ""
}

// maxFlowDepth bounds how deep flow collections may nest. yaml.v3 reads them in linear
// time up to 10,000 levels and refuses more with no place in its message ("exceeded max
// depth of 10000"); deeper than this bound the reader refuses them itself, where the bound
// is passed (go-yaml, which read YAML here before, built a path string for each level:
// 80 KB of "[" took 2.2 s and 2.8 GB).
const maxFlowDepth = 1000

// flowTooDeep returns the offset of the first "[" or "{" that opens a flow collection
// nested more than maxFlowDepth deep, or -1, in one pass: outside a flow collection a
// bracket opens one where a value starts (at a line's start, after ":", "-", "?"); inside
// one, every bracket does. Quoted scalars and comments are skipped.
func flowTooDeep(text []byte) int {
	depth := 0
	prev := byte('\n') // the last byte that is not a blank; '\n' at a line's start
	for i := 0; i < len(text); i++ {
		c := text[i]
		valueStart := prev == '\n' || prev == ':' || prev == '-' || prev == '?' || prev == ',' || prev == '[' || prev == '{'
		switch {
		case c == '\n':
			prev = c
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n'):
			for i < len(text) && text[i] != '\n' {
				i++
			}
			i--
			continue
		case (c == '"' || c == '\'') && valueStart:
			i = quotedEnd(text, i, false)
		case c == '[' || c == '{':
			if depth > 0 || valueStart {
				if depth++; depth > maxFlowDepth {
					return i
				}
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
		prev = c
	}
	return -1
}

// error turns a yaml.v3 error into a SyntaxError. Its messages give a line at most
// ("yaml: line 3: did not find expected key"), and some none ("yaml: control characters
// are not allowed", "yaml: unknown anchor 'x' referenced"): the error is put at the start
// of the line it names, at the character or alias it names, or at the end.
//
// yaml.v3 names a line from its marks, which count from 0, adding one for its scanner's
// errors only: for its parser's (yamlParserProblems) the number it names is the line
// before the one it means (that of the collection being parsed, or of the token found),
// and it names none when that is the first line. The one is added here.
func (y *yamlReader) error(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	off := len(y.text)
	line := 0
	if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		line, _ = strconv.Atoi(m[1])
	}
	if yamlParserProblems[msg] {
		line++
	}
	switch m := reYAMLAnchor.FindStringSubmatch(msg); {
	case line >= 1:
		off = y.cols.lines[min(line, len(y.cols.lines))-1]
	case m != nil:
		if at := findAlias(y.text, m[1]); at >= 0 {
			off = at
		}
	case strings.HasPrefix(msg, "control characters are not allowed"):
		if at := notPrintable(y.text); at >= 0 {
			r, _ := utf8.DecodeRune(y.text[at:])
			off, msg = at, fmt.Sprintf("control character %U is not allowed", r)
		}
	}
	msg = "invalid YAML: " + strings.TrimSpace(msg)
	if line >= 1 {
		msg += quoteHint(y.text[off:])
	}
	return &SyntaxError{Offset: off, Msg: msg}
}

// quoteHint says how to mend the commonest invalid YAML of error catalogs: a plain value
// that begins with a character YAML keeps for itself ("message: %s is not valid", "note:
// *deprecated*", "hint: `retry`"), which the file's author meant as text. line is the
// text from the start of the line the error names; "" when its value begins otherwise.
func quoteHint(line []byte) string {
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	v := bytes.TrimSpace(line)
	v = bytes.TrimSpace(bytes.TrimPrefix(v, []byte("- ")))
	if i := bytes.Index(v, []byte(": ")); i >= 0 {
		v = bytes.TrimSpace(v[i+2:])
	}
	if len(v) < 2 || !strings.ContainsRune("%@`*&!", rune(v[0])) {
		return ""
	}
	return fmt.Sprintf("; a value that begins with %q must be quoted, as in \"%s\"", v[:1], strings.ReplaceAll(string(v), `"`, `\"`))
}

var (
	reYAMLLine   = regexp.MustCompile(`^line (\d+): (.*)$`)
	reYAMLAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

// yamlParserProblems are the messages of yaml.v3's parser (not its scanner) errors.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"did not find expected '-' indicator": true, "did not find expected <document start>": true,
	"did not find expected <stream-start>": true, "did not find expected key": true,
	"did not find expected node content": true, "found duplicate %TAG directive": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found undefined tag handle": true,
}

// findAlias returns the offset of the first alias of name ("*name" after a blank, a line's
// start or a flow indicator, and before a blank, a flow indicator or the end), or -1.
func findAlias(text []byte, name string) int {
	alias := "*" + name
	for from := 0; ; {
		i := bytes.Index(text[from:], []byte(alias))
		if i < 0 {
			return -1
		}
		at, end := from+i, from+i+len(alias)
		before := at == 0 || strings.IndexByte(" \t\n[{,:-?", text[at-1]) >= 0
		after := end == len(text) || strings.IndexByte(" \t\n]},", text[end]) >= 0
		if before && after {
			return at
		}
		from = at + 1
	}
}

// notPrintable returns the offset of the first character YAML does not allow in a file
// (a control character other than tab and line breaks, U+FFFE, U+FFFF), or -1.
func notPrintable(text []byte) int {
	for i, r := range string(text) {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7E || r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000:
		default:
			return i
		}
	}
	return -1
}

// lineStarts returns the offset at which each line starts.
func lineStarts(text []byte) []int {
	ls := []int{0}
	for i, b := range text {
		if b == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// yamlLineStarts returns the offset at which each line starts as yaml.v3 counts lines:
// after "\n", "\r\n", "\r", and also after U+0085, U+2028 and U+2029, which it takes for
// line breaks too (YAML 1.1).
func yamlLineStarts(text []byte) []int {
	ls := []int{0}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0x85:
			i++
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			i += 2
		default:
			continue
		}
		ls = append(ls, i+1)
	}
	return ls
}

// runeColumns turns nodes' lines and columns (yaml.v3 counts columns in characters:
// runes) into byte offsets, in time bounded by a constant a node: a line longer than
// colStep bytes gets, the first time a node on it is looked up, the offset of every
// colStep-th rune, so that a lookup walks fewer than colStep runes (walking from the
// line's start each time made a one-line flow sequence of n values cost n²: 450 KB took
// 22 s).
type runeColumns struct {
	text  []byte
	lines []int
	marks map[int][]int // a long line's offsets of runes 1, 1+colStep, 1+2·colStep, …
}

const colStep = 64

// offset returns the byte offset of the line-th line's col-th rune (both from 1).
func (rc *runeColumns) offset(line, col int) int {
	if line < 1 || line > len(rc.lines) {
		return 0
	}
	text := rc.text
	off, c := rc.lines[line-1], 1
	end := len(text)
	if line < len(rc.lines) {
		end = rc.lines[line]
	}
	if end-off > colStep {
		marks, ok := rc.marks[line]
		if !ok {
			for o, n := off, 0; o < end; n++ {
				if n%colStep == 0 {
					marks = append(marks, o)
				}
				_, size := utf8.DecodeRune(text[o:end])
				o += size
			}
			if rc.marks == nil {
				rc.marks = map[int][]int{}
			}
			rc.marks[line] = marks
		}
		if i := min((col-1)/colStep, len(marks)-1); i > 0 {
			off, c = marks[i], 1+i*colStep
		}
	}
	for ; c < col && off < end && text[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}

// yamlReader turns yaml.v3's nodes into values.
type yamlReader struct {
	text    []byte
	cols    runeColumns
	anchors map[*yaml.Node]*node // the values of the anchored nodes met so far ("&defaults")
	merged  int                  // members brought in by merge keys, at most maxMerged
}

// maxMerged bounds the members merge keys bring in, in all: each merge copies the plain
// values of a mapping, and a file of many merges of a large mapping would otherwise cost
// their product.
const maxMerged = 1 << 17

// at returns the offset where n's value starts: past its anchor and tag ("&a !!str x"
// starts at x), as the positions of values have always been given.
func (y *yamlReader) at(n *yaml.Node) int {
	off := y.cols.offset(n.Line, n.Column)
	if n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 {
		return off
	}
	text := y.text
	for off < len(text) && (text[off] == '&' || text[off] == '!' || text[off] == '#') {
		if text[off] == '#' { // a comment after the properties ("&a # c"): the value is below
			for off < len(text) && text[off] != '\n' {
				off++
			}
		}
		for off < len(text) && !isYAMLBlank(text[off]) {
			off++
		}
		for off < len(text) && isYAMLBlank(text[off]) {
			off++
		}
	}
	return off
}

func isYAMLBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// value turns a YAML node into a value.
func (y *yamlReader) value(n *yaml.Node, depth int) *node {
	off := y.at(n)
	if depth > 200 {
		return &node{kind: kString, off: off, text: "…"}
	}
	var out *node
	switch n.Kind {
	case yaml.MappingNode:
		out = &node{kind: kObject, off: off}
		if n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 {
			out.off = y.colon(n.Content[0])
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			y.member(out, n.Content[i], n.Content[i+1], depth)
		}
		y.merge(out)
	case yaml.SequenceNode:
		out = &node{kind: kArray, off: off}
		for _, e := range n.Content {
			out.kids = append(out.kids, y.value(e, depth+1))
		}
	case yaml.AliasNode:
		// A plain value it names is that value; a mapping or sequence stays the alias's
		// text, so that aliases of aliases cost no more than their size.
		if a := y.anchors[n.Alias]; a != nil && (a.kind == kString || a.kind == kScalar || a.kind == kNull) {
			return &node{kind: a.kind, off: off, text: a.text}
		}
		return &node{kind: kString, off: off, text: "*" + n.Value}
	case yaml.ScalarNode:
		out = &node{kind: scalarKind(n), off: off, text: n.Value}
		if out.kind == kNull {
			out.text = ""
		}
	default: // a document inside a document: not made by the parser
		out = &node{kind: kNull, off: off}
	}
	if n.Anchor != "" {
		y.anchors[n] = out
	}
	return out
}

// scalarKind is the kind of a scalar's value: what yaml.v3 resolves it to (YAML 1.2's
// core schema: "yes" and "on" are strings), with a date a string as it always was here.
func scalarKind(n *yaml.Node) kind {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return kString
	}
	switch n.ShortTag() {
	case "!!null":
		return kNull
	case "!!bool", "!!int", "!!float":
		return kScalar
	}
	return kString
}

// colon returns the offset of the ":" after a block mapping's first key, where the
// mapping's position has always been given (go-yaml's, with which docgen read YAML first;
// an entry's column comes from it): the first ":" after the key's text, on its line, that
// is followed by a blank or the end. The key's own offset when there is none (an explicit
// key, "? k" with ":" on a line of its own) or the key is no scalar. Each key's text is
// walked once, so this is linear in the text.
func (y *yamlReader) colon(key *yaml.Node) int {
	start := y.at(key)
	if key.Kind != yaml.ScalarNode && key.Kind != yaml.AliasNode {
		return start
	}
	text := y.text
	for i := start; i < len(text) && text[i] != '\n'; i++ {
		switch c := text[i]; {
		case c == ':':
			if i+1 == len(text) || isYAMLBlank(text[i+1]) {
				return i
			}
		case i == start && (c == '"' || c == '\''): // a quoted key: past its closing quote
			if i = quotedEnd(text, i, true); i >= len(text) || text[i] == '\n' {
				return start // not closed on its line
			}
		}
	}
	return start
}

// quotedEnd returns the offset of the quote that closes the quoted scalar whose opening
// quote is text[i] ("…" with \ escapes, '…' with ” for a quote), or len(text) when none
// does; oneLine stops it at the end of the line, whose offset it then returns.
func quotedEnd(text []byte, i int, oneLine bool) int {
	c := text[i]
	for i++; i < len(text); i++ {
		switch {
		case oneLine && text[i] == '\n':
			return i
		case c == '"' && text[i] == '\\':
			i++
		case text[i] == c:
			if c == '"' || i+1 >= len(text) || text[i+1] != '\'' {
				return i
			}
			i++ // '' is a quote in the scalar
		}
	}
	return len(text)
}

// merge brings into out the plain values (strings, numbers, booleans, null) of the
// mappings its merge keys name ("<<: *defaults", "<<: [*a, *b]") that out does not give
// itself: a status shared by a group of errors is often written so. The merge keys
// themselves are left out. Nested mappings are not brought in: they would share a
// subtree between every merge.
func (y *yamlReader) merge(out *node) {
	var from []*node
	merges := false
	for i, k := range out.keys {
		if k != "<<" {
			continue
		}
		merges = true
		switch c := out.kids[i]; c.kind {
		case kObject:
			from = append(from, c)
		case kArray:
			for _, e := range c.kids {
				if e.kind == kObject {
					from = append(from, e)
				}
			}
		}
	}
	if !merges {
		return
	}
	// The merge keys go whatever they name: a merge key kept would hold the anchored
	// value itself (member), shared by every mapping that merges it, and a tree of
	// shared values is walked once for every path to them (exponential in the depth).
	keep := 0
	for i, k := range out.keys { // drop the merge keys
		if k != "<<" {
			out.keys[keep], out.keyOffs[keep], out.kids[keep] = k, out.keyOffs[i], out.kids[i]
			keep++
		}
	}
	out.keys, out.keyOffs, out.kids = out.keys[:keep], out.keyOffs[:keep], out.kids[:keep]
	if len(from) == 0 {
		return
	}
	has := make(map[string]bool, len(out.keys))
	for _, k := range out.keys {
		has[k] = true
	}
	for _, m := range from {
		for i, k := range m.keys {
			if y.merged >= maxMerged {
				return
			}
			c := m.kids[i]
			y.merged++ // every member looked at: skipped ones cost as much
			if (c.kind != kString && c.kind != kScalar && c.kind != kNull) || has[k] {
				continue
			}
			has[k] = true
			out.keys = append(out.keys, k)
			out.keyOffs = append(out.keyOffs, m.keyOffs[i])
			out.kids = append(out.kids, c)
		}
	}
}

// member adds one key and its value to out. The value of a merge key's alias is the
// anchored value (merge brings its members in).
func (y *yamlReader) member(out *node, k, v *yaml.Node, depth int) {
	key := k.Value
	if k.Kind != yaml.ScalarNode { // "? [a, b]": the key as text
		key = valueText(y.value(k, depth+1))
	}
	out.keys = append(out.keys, key)
	out.keyOffs = append(out.keyOffs, y.at(k))
	if key == "<<" {
		if a := y.alias(v); a != nil {
			out.kids = append(out.kids, a)
			return
		}
	}
	out.kids = append(out.kids, y.value(v, depth+1))
}

// alias returns the anchored value an alias ("*defaults") names, or a sequence of them;
// nil when n is neither or names no anchor met.
func (y *yamlReader) alias(n *yaml.Node) *node {
	switch n.Kind {
	case yaml.AliasNode:
		return y.anchors[n.Alias]
	case yaml.SequenceNode:
		out := &node{kind: kArray, off: y.at(n)}
		for _, e := range n.Content {
			if e.Kind == yaml.AliasNode {
				if m := y.anchors[e.Alias]; m != nil {
					out.kids = append(out.kids, m)
				}
			}
		}
		return out
	}
	return nil
}
