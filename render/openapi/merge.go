package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"docgen/catalog"
	"docgen/internal/yamlguard"
)

// Merging works on the text of the target, guided by its YAML syntax tree: the tree says
// where the components mapping and its entries are, and the new entries are spliced into
// the text at the end of those mappings. Every byte outside the inserted text (and outside
// entries replaced with --force) stays as it was: keys, order, comments, anchors, quoting
// and line endings. JSON is YAML's flow style, so JSON targets are handled alike and stay
// JSON.

// MergeOptions say how Merge treats its target.
type MergeOptions struct {
	// Force replaces components that exist in the target with other content.
	Force bool
	// Version is the OpenAPI version the caller asked for; empty means the target's. A
	// version other than the target's is an error.
	Version Version
}

// MergeResult is a merged document and what the merge did.
type MergeResult struct {
	Data    []byte
	Format  Format  // the target's format, kept
	Version Version // the target's version, which the components were written for
	// The components added, replaced and found already present with the same content, as
	// "schemas/<name>" or "responses/<name>".
	Added, Replaced, Unchanged []string
	// Removed are the components an earlier merge wrote (marked x-generated-by: docgen)
	// that the catalog no longer has.
	Removed []string
}

// Error is a problem with a merge target, at a place in it (Line 0 when there is none).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats the problem as "file:line:col: message".
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// VersionError says that the components were asked for in another OpenAPI version than
// the target's.
type VersionError struct {
	File       string
	Have, Want Version
}

// Error says which versions differ.
func (e *VersionError) Error() string {
	return fmt.Sprintf("%s is OpenAPI %s; components for OpenAPI %s do not fit it (without a version, Merge writes %s ones)", e.File, string(e.Have), string(e.Want), string(e.Have))
}

// ConflictError lists the components that exist in the target with other content, which
// Merge replaces only with Force.
type ConflictError struct {
	Conflicts []*Error
}

// Error lists the conflicts, one per line.
func (e *ConflictError) Error() string {
	msgs := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		msgs[i] = c.Error()
	}
	return strings.Join(msgs, "\n")
}

// reYAMLErr is the position at the start of a formatted YAML error: "[3:5] message".
var reYAMLErr = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*(.*)`)

// Merge adds the error components of c to the OpenAPI document target (YAML or JSON; file
// names it in errors) and returns the merged document. The components are written for the
// target's OpenAPI version. A component that exists with the same content is left alone,
// so merging twice gives what merging once gave; one that exists with other content is a
// ConflictError unless opts.Force (it may have been edited by hand). docgen's components
// (marked x-generated-by: docgen) that the catalog no longer has are removed, unless
// something still refers to them (a ConflictError at the reference). A target that does not parse, is not an OpenAPI 3.0 or
// 3.1 document, or cannot take the components is an *Error naming its line.
func Merge(target []byte, file string, c *catalog.Catalog, opts MergeOptions) (*MergeResult, error) {
	var bom []byte
	src := target
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		bom, src = []byte("\ufeff"), src[3:]
	}
	m := &merger{file: file, src: src, lines: lineStarts(src)}
	root, version, err := m.parse()
	if err != nil {
		return nil, err
	}
	if opts.Version != "" && opts.Version != version {
		return nil, &VersionError{File: file, Have: version, Want: opts.Version}
	}
	m.crlf = bytes.Count(src, []byte("\r\n")) > bytes.Count(src, []byte("\n"))/2
	m.unit = m.indentUnit(root)

	ours := buildComponents(c, version)
	before, err := decodeYAML(src)
	if err != nil {
		return nil, &Error{File: file, Msg: "does not decode: " + err.Error()}
	}
	beforeMap, _ := before.(*omap)
	if beforeMap == nil {
		beforeMap = newMap()
	}
	have := beforeMap.obj("components")

	res := &MergeResult{Format: YAML, Version: version}
	if json.Valid(src) {
		res.Format = JSON // and stays JSON: what is added to a flow mapping is JSON
	}
	sections := []struct {
		name  string
		items *omap
	}{{"schemas", ours.schemas}, {"responses", ours.responses}}

	// Decide what happens to every component before touching anything.
	type plan struct {
		add     *omap
		replace []string
		remove  []string
	}
	plans := map[string]*plan{}
	var conflicts []*Error
	var stale []staleComp
	compKV := findKey(root, "components")
	for _, sec := range sections {
		p := &plan{add: newMap()}
		plans[sec.name] = p
		var existing *omap
		if have != nil {
			existing = have.obj(sec.name)
		}
		var secMap *ast.MappingNode
		if compKV != nil {
			if cm, ok := unwrap(compKV.Value).(*ast.MappingNode); ok {
				if kv := findKey(cm, sec.name); kv != nil {
					secMap, _ = unwrap(kv.Value).(*ast.MappingNode)
				}
			}
		}
		for _, name := range sec.items.keys {
			v := sec.items.vals[name]
			exists := false
			if existing != nil {
				var x any
				x, exists = existing.get(name)
				if exists && equal(x, v) {
					res.Unchanged = append(res.Unchanged, sec.name+"/"+name)
					continue
				}
			}
			if !exists {
				p.add.set(name, v)
				res.Added = append(res.Added, sec.name+"/"+name)
				continue
			}
			line, col := 0, 0
			if secMap != nil {
				if kv := findKey(secMap, name); kv != nil {
					line, col = kv.Key.GetToken().Position.Line, kv.Key.GetToken().Position.Column
				}
			}
			if !opts.Force {
				conflicts = append(conflicts, &Error{File: file, Line: line, Col: col,
					Msg: fmt.Sprintf("components.%s.%s exists with other content; docgen leaves it alone (--force replaces it)", sec.name, name)})
				continue
			}
			p.replace = append(p.replace, name)
			res.Replaced = append(res.Replaced, sec.name+"/"+name)
		}
		// docgen's own components that the catalog no longer has go, unless something
		// still refers to them.
		if existing != nil && secMap != nil {
			for _, name := range existing.keys {
				if sec.items.has(name) || !owned(existing.vals[name]) {
					continue
				}
				if kv := findKey(secMap, name); kv != nil {
					p.remove = append(p.remove, name)
					stale = append(stale, staleComp{sec.name, name, kv})
				}
			}
		}
	}
	for _, st := range stale {
		if tk := m.refOutside("#/components/"+st.section+"/"+st.name, stale); tk != nil {
			conflicts = append(conflicts, m.errAt(tk, fmt.Sprintf("refers to components.%s.%s, which docgen wrote for what the catalog no longer has; "+
				"remove the reference (or the x-generated-by: docgen mark, to keep it as your own), then merge again", st.section, st.name)))
			continue
		}
		res.Removed = append(res.Removed, st.section+"/"+st.name)
	}
	if len(conflicts) > 0 {
		return nil, &ConflictError{Conflicts: conflicts}
	}

	// Then edit the text.
	var err2 error
	switch {
	case compKV == nil:
		comp := newMap()
		for _, sec := range sections {
			if plans[sec.name].add.len() > 0 {
				comp.set(sec.name, plans[sec.name].add)
			}
		}
		if comp.len() > 0 {
			err2 = m.addEntries(root, newMap().set("components", comp))
		}
	default:
		cv, isMap := unwrap(compKV.Value).(*ast.MappingNode)
		if !isMap || (len(cv.Values) == 0 && !root.IsFlowStyle) {
			comp := newMap()
			for _, sec := range sections {
				if plans[sec.name].add.len() > 0 {
					comp.set(sec.name, plans[sec.name].add)
				}
			}
			if comp.len() > 0 {
				err2 = m.addTo(root, compKV, "components", comp)
			}
			break
		}
		newSecs := newMap()
		for _, sec := range sections {
			p := plans[sec.name]
			kv := findKey(cv, sec.name)
			if kv == nil {
				if p.add.len() > 0 {
					newSecs.set(sec.name, p.add)
				}
				continue
			}
			if err := m.updateSection(cv, kv, "components."+sec.name, p.add, p.replace, p.remove, sec.items); err != nil {
				return nil, err
			}
		}
		if newSecs.len() > 0 {
			err2 = m.addEntries(cv, newSecs)
		}
	}
	if err2 != nil {
		return nil, err2
	}
	out := m.apply()

	// Read the result back: it must parse, hold every component as built, and be the
	// target everywhere else.
	after, err := decodeYAML(out)
	if err != nil {
		return nil, fmt.Errorf("merge %s: the merged document does not parse (%v); nothing written", file, err)
	}
	afterMap, _ := after.(*omap)
	if afterMap == nil || !sameExceptComponents(beforeMap, afterMap) {
		return nil, fmt.Errorf("merge %s: the merged document changed more than its components; nothing written", file)
	}
	for _, sec := range sections {
		got := afterMap.obj("components").obj(sec.name)
		for _, name := range sec.items.keys {
			if x, _ := got.get(name); got == nil || !equal(x, sec.items.vals[name]) {
				return nil, fmt.Errorf("merge %s: components.%s.%s does not read back as written; nothing written", file, sec.name, name)
			}
		}
		if old := beforeMap.obj("components").obj(sec.name); old != nil {
			for _, name := range old.keys {
				if sec.items.has(name) {
					continue
				}
				if slices.Contains(plans[sec.name].remove, name) {
					if got.has(name) {
						return nil, fmt.Errorf("merge %s: components.%s.%s was not removed; nothing written", file, sec.name, name)
					}
					continue
				}
				if x, _ := got.get(name); !equal(x, old.vals[name]) {
					return nil, fmt.Errorf("merge %s: components.%s.%s changed; nothing written", file, sec.name, name)
				}
			}
		}
	}
	res.Data = slices.Concat(bom, out)
	return res, nil
}

// sameExceptComponents reports whether two documents agree outside components.schemas and
// components.responses.
func sameExceptComponents(a, b *omap) bool {
	strip := func(m *omap) *omap {
		m = clone(m).(*omap)
		if c := m.obj("components"); c != nil {
			c.del("schemas")
			c.del("responses")
			if c.len() == 0 {
				m.del("components")
			}
		} else if v, ok := m.get("components"); ok && v == nil {
			m.del("components") // components: null takes the components
		}
		return m
	}
	return equal(strip(a), strip(b))
}

// merger holds a target's text and the edits to make to it.
type merger struct {
	file  string
	src   []byte
	lines []int // byte offset of the start of each line
	crlf  bool
	unit  int // the indentation step of the document
	edits []edit
	nodes []ast.Node // every node of the document, for the anchor check
}

type edit struct {
	start, end int // byte range replaced
	text       string
	seq        int // the order edits were made in
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// parse reads the target and checks it is an OpenAPI 3.0 or 3.1 document.
func (m *merger) parse() (*ast.MappingNode, Version, error) {
	// The parser is given LF line endings: the lines and columns are those of the
	// target either way.
	f, err := parser.ParseBytes(bytes.ReplaceAll(m.src, []byte("\r\n"), []byte("\n")), parser.ParseComments)
	if err != nil {
		e := &Error{File: m.file, Msg: "does not parse as YAML or JSON: " + strings.TrimSpace(err.Error())}
		first, _, _ := strings.Cut(yaml.FormatError(err, false, false), "\n")
		if mm := reYAMLErr.FindStringSubmatch(first); mm != nil {
			e.Line, _ = strconv.Atoi(mm[1])
			e.Col, _ = strconv.Atoi(mm[2])
			e.Msg = "does not parse as YAML or JSON: " + mm[3]
		}
		return nil, "", e
	}
	if err := yamlguard.Check(f, yamlguard.MaxAliasNodes); err != nil {
		ge := err.(*yamlguard.Error)
		return nil, "", &Error{File: m.file, Line: ge.Line, Col: ge.Col, Msg: err.Error()}
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if _, directive := d.Body.(*ast.DirectiveNode); directive {
			continue // %YAML 1.2 or %TAG before the document: not a document itself
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, "", &Error{File: m.file, Line: 1, Col: 1, Msg: "is empty: expected an OpenAPI document"}
	}
	if len(docs) > 1 {
		return nil, "", m.errAt(docs[1].Body.GetToken(), "holds more than one YAML document: expected one OpenAPI document")
	}
	ast.Walk(visitor(func(n ast.Node) bool { m.nodes = append(m.nodes, n); return true }), docs[0].Body)
	root, ok := unwrap(docs[0].Body).(*ast.MappingNode)
	if !ok {
		return nil, "", m.errAt(docs[0].Body.GetToken(), "is not an OpenAPI document: expected a mapping with an \"openapi\" field at the top")
	}
	kv := findKey(root, "openapi")
	if kv == nil {
		if sw := findKey(root, "swagger"); sw != nil {
			return nil, "", m.errAt(sw.Key.GetToken(), fmt.Sprintf("is a Swagger %s (OpenAPI 2.0) document: docgen merges into OpenAPI 3.0, 3.1 and 3.2 documents; convert it to OpenAPI 3 first", scalarText(sw.Value)))
		}
		return nil, "", m.errAt(root.GetToken(), "is not an OpenAPI document: no \"openapi\" field at the top level")
	}
	v, err := ParseVersion(scalarText(kv.Value))
	if err != nil {
		return nil, "", m.errAt(kv.Value.GetToken(), fmt.Sprintf("openapi %q: docgen merges into OpenAPI 3.0, 3.1 and 3.2 documents", scalarText(kv.Value)))
	}
	return root, v, nil
}

type visitor func(ast.Node) bool

// Visit calls f, and goes on into n's children when f returns true.
func (f visitor) Visit(n ast.Node) ast.Visitor {
	if f(n) {
		return f
	}
	return nil
}

func (m *merger) errAt(tk *token.Token, msg string) *Error {
	e := &Error{File: m.file, Msg: msg}
	if tk != nil && tk.Position != nil {
		e.Line, e.Col = tk.Position.Line, tk.Position.Column
	}
	return e
}

// unwrap returns the node an anchor or a tag stands on.
func unwrap(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.AnchorNode:
			n = t.Value
		case *ast.TagNode:
			n = t.Value
		default:
			return n
		}
	}
}

func scalarText(n ast.Node) string {
	if n == nil {
		return ""
	}
	if tk := unwrap(n).GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// findKey returns the entry of mapping m whose key is k.
func findKey(m *ast.MappingNode, k string) *ast.MappingValueNode {
	for _, kv := range m.Values {
		if kv.Key != nil && !kv.Key.IsMergeKey() && scalarText(kv.Key) == k {
			return kv
		}
	}
	return nil
}

// isEmptyValue reports whether n is null (written or left out) or an empty flow mapping.
func isEmptyValue(n ast.Node) bool {
	switch t := unwrap(n).(type) {
	case nil, *ast.NullNode:
		return true
	case *ast.MappingNode:
		return t.IsFlowStyle && len(t.Values) == 0
	}
	return false
}

// offset returns the byte offset of a token (whose column counts runes).
func (m *merger) offset(tk *token.Token) int {
	return m.offsetAt(tk.Position.Line, tk.Position.Column)
}

func (m *merger) offsetAt(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(m.lines) {
		return len(m.src)
	}
	off := m.lines[line-1]
	for i := 1; i < col && off < len(m.src) && m.src[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(m.src[off:])
		off += size
	}
	return off
}

// line returns the text of line n (1-based) without its line ending.
func (m *merger) line(n int) string {
	start := m.lines[n-1]
	end := len(m.src)
	if n < len(m.lines) {
		end = m.lines[n] - 1
	}
	return strings.TrimSuffix(string(m.src[start:end]), "\r")
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// lastLine returns the last line of an entry of a block mapping whose keys are indented by
// n: its key's line, the lines of its value's tokens, and the lines after them that are
// indented deeper (or are a block sequence at the key's own indentation), comments among
// them. Blank lines after the entry are not its own.
func (m *merger) lastLine(kv *ast.MappingValueNode, n int) int {
	last := kv.Key.GetToken().Position.Line
	if kv.Value != nil {
		ast.Walk(visitor(func(x ast.Node) bool {
			switch t := x.(type) {
			case *ast.CommentGroupNode, *ast.CommentNode:
				return false
			case *ast.MappingNode:
				if t.End != nil {
					last = max(last, t.End.Position.Line)
				}
			case *ast.SequenceNode:
				if t.End != nil {
					last = max(last, t.End.Position.Line)
				}
			}
			if tk := x.GetToken(); tk != nil && tk.Position != nil {
				last = max(last, tk.Position.Line)
			}
			return true
		}), kv.Value)
	}
	for i := last + 1; i <= len(m.lines); i++ {
		l := m.line(i)
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		ind := indentOf(l)
		if ind > n || (ind == n && (t == "-" || strings.HasPrefix(t, "- "))) {
			last = i
			continue
		}
		break
	}
	return last
}

// endOfLine returns the offset just past line n's line ending, and whether line n has one.
func (m *merger) endOfLine(n int) (int, bool) {
	if n < len(m.lines) {
		return m.lines[n], true
	}
	return len(m.src), len(m.src) > 0 && m.src[len(m.src)-1] == '\n'
}

// blockText writes entries as block YAML indented by indent spaces, one line each.
func (m *merger) blockText(entries *omap, indent int) (string, error) {
	data, err := marshalYAMLIndent(entries, m.unit)
	if err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for l := range strings.SplitSeq(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			b.WriteString(pad)
			b.WriteString(l)
		}
		b.WriteString(m.nl())
	}
	return b.String(), nil
}

func (m *merger) nl() string {
	if m.crlf {
		return "\r\n"
	}
	return "\n"
}

// flowText writes entries as JSON members: on lines of their own indented by indent
// when multiline, else on one line.
func (m *merger) flowText(entries *omap, indent string, multiline bool) (string, error) {
	var parts []string
	for _, k := range entries.keys {
		key, _ := compactJSON(k)
		if !multiline {
			val, err := compactJSON(entries.vals[k])
			if err != nil {
				return "", err
			}
			parts = append(parts, string(key)+": "+string(val))
			continue
		}
		val, err := marshalJSONIndent(entries.vals[k], strings.Repeat(" ", m.unit))
		if err != nil {
			return "", err
		}
		s := strings.TrimSuffix(string(val), "\n")
		s = strings.ReplaceAll(s, "\n", m.nl()+indent)
		parts = append(parts, indent+string(key)+": "+s)
	}
	if multiline {
		return strings.Join(parts, ","+m.nl()), nil
	}
	return strings.Join(parts, ", "), nil
}

// addEntries appends entries at the end of mapping mp.
func (m *merger) addEntries(mp *ast.MappingNode, entries *omap) error {
	if mp.IsFlowStyle {
		return m.addFlow(mp, entries)
	}
	if len(mp.Values) == 0 {
		return m.errAt(mp.GetToken(), "cannot add to an empty block mapping here")
	}
	first := mp.Values[0].Key.GetToken().Position
	n := first.Column - 1
	last := mp.Values[len(mp.Values)-1]
	end, hasNL := m.endOfLine(m.lastLine(last, n))
	text, err := m.blockText(entries, n)
	if err != nil {
		return err
	}
	if !hasNL {
		text = m.nl() + text
	}
	m.edits = append(m.edits, edit{end, end, text, 0})
	return nil
}

// addFlow appends entries inside a flow mapping ({...}, as in JSON), after its last member.
func (m *merger) addFlow(mp *ast.MappingNode, entries *omap) error {
	if mp.End == nil {
		return m.errAt(mp.GetToken(), "cannot find the end of this mapping")
	}
	closeOff := m.offset(mp.End)
	openLine := mp.GetToken().Position.Line
	if mp.Start != nil {
		openLine = mp.Start.Position.Line
	}
	multiline := mp.End.Position.Line != openLine
	closeIndent := strings.Repeat(" ", indentOf(m.line(mp.End.Position.Line)))
	if len(mp.Values) == 0 {
		if !multiline {
			multiline = len(m.lines) > 2 // a pretty-printed document gets its members on lines
		}
		indent := closeIndent + strings.Repeat(" ", m.unit)
		if mp.Start != nil {
			indent = strings.Repeat(" ", indentOf(m.line(mp.Start.Position.Line))+m.unit)
			closeIndent = strings.Repeat(" ", indentOf(m.line(mp.Start.Position.Line)))
		}
		text, err := m.flowText(entries, indent, multiline)
		if err != nil {
			return err
		}
		start := closeOff
		if mp.Start != nil {
			start = m.offset(mp.Start) + 1
		}
		if multiline {
			text = m.nl() + text + m.nl() + closeIndent
		}
		m.edits = append(m.edits, edit{start, closeOff, text, 0})
		return nil
	}
	// After the last non-space character before the closing brace.
	at := closeOff
	for at > 0 && strings.ContainsRune(" \t\r\n", rune(m.src[at-1])) {
		at--
	}
	indent := closeIndent + strings.Repeat(" ", m.unit)
	if lastKey := mp.Values[len(mp.Values)-1].Key.GetToken().Position; multiline {
		l := m.line(lastKey.Line)
		if indentOf(l) == lastKey.Column-1 {
			indent = l[:indentOf(l)]
		}
	}
	text, err := m.flowText(entries, indent, multiline)
	if err != nil {
		return err
	}
	if multiline {
		text = "," + m.nl() + text
	} else {
		text = ", " + text
	}
	m.edits = append(m.edits, edit{at, at, text, 0})
	return nil
}

// fillEmpty gives entry kv of mapping parent, whose value is null or {}, the entries.
func (m *merger) fillEmpty(parent *ast.MappingNode, kv *ast.MappingValueNode, entries *omap) error {
	if parent.IsFlowStyle {
		if mp, ok := unwrap(kv.Value).(*ast.MappingNode); ok {
			return m.addFlow(mp, entries)
		}
		// a null member of a flow mapping: replace the null with an object
		tk := unwrap(kv.Value).GetToken()
		if tk == nil || tk.Position.Line != kv.Key.GetToken().Position.Line {
			return m.errAt(kv.Key.GetToken(), "cannot add to this member")
		}
		start := m.offset(tk)
		l := m.line(kv.Key.GetToken().Position.Line)
		indent := l[:indentOf(l)] + strings.Repeat(" ", m.unit)
		text, err := m.flowText(entries, indent, true)
		if err != nil {
			return err
		}
		m.edits = append(m.edits, edit{start, start + len(tk.Value), "{" + m.nl() + text + m.nl() + l[:indentOf(l)] + "}", 0})
		return nil
	}
	keyPos := kv.Key.GetToken().Position
	n := keyPos.Column - 1
	if l := m.line(keyPos.Line); indentOf(l) != n {
		return m.errAt(kv.Key.GetToken(), "cannot add to this entry: write its key on a line of its own")
	}
	// Remove a written null or {} on the key's line.
	switch v := unwrap(kv.Value).(type) {
	case *ast.MappingNode:
		if v.Start != nil && v.End != nil && v.Start.Position.Line == keyPos.Line && v.End.Position.Line == keyPos.Line {
			start := m.offset(v.Start)
			m.edits = append(m.edits, edit{trimSpaceBefore(m.src, start), m.offset(v.End) + 1, "", 0})
		} else {
			return m.errAt(kv.Key.GetToken(), "cannot add to this entry: its {} spans lines")
		}
	case *ast.NullNode:
		if tk := v.GetToken(); tk != nil && tk.Position.Line == keyPos.Line {
			start := m.offset(tk)
			rest := string(m.src[start:])
			for _, word := range []string{"null", "Null", "NULL", "~"} {
				if strings.HasPrefix(rest, word) {
					m.edits = append(m.edits, edit{trimSpaceBefore(m.src, start), start + len(word), "", 0})
					break
				}
			}
		}
	}
	end, hasNL := m.endOfLine(m.lastLine(kv, n))
	text, err := m.blockText(entries, n+m.unit)
	if err != nil {
		return err
	}
	if !hasNL {
		text = m.nl() + text
	}
	m.edits = append(m.edits, edit{end, end, text, 0})
	return nil
}

// trimSpaceBefore moves offset back over the spaces before it on its line.
func trimSpaceBefore(src []byte, off int) int {
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t') {
		off--
	}
	return off
}

// addTo adds entries to the mapping that is the value of entry kv of parent (named path),
// whether it has entries, is empty ({}) or is null.
func (m *merger) addTo(parent *ast.MappingNode, kv *ast.MappingValueNode, path string, entries *omap) error {
	mp, ok := unwrap(kv.Value).(*ast.MappingNode)
	switch {
	case ok && (len(mp.Values) > 0 || parent.IsFlowStyle):
		return m.addEntries(mp, entries)
	case isEmptyValue(kv.Value):
		return m.fillEmpty(parent, kv, entries)
	}
	return m.errAt(kv.Value.GetToken(), path+" is not a mapping")
}

// updateSection adds entries to the mapping under kv (components.schemas or
// .responses, named path) and replaces the entries named in replace with their new values.
func (m *merger) updateSection(parent *ast.MappingNode, kv *ast.MappingValueNode, path string, add *omap, replace, remove []string, values *omap) error {
	sec, ok := unwrap(kv.Value).(*ast.MappingNode)
	if !ok || len(sec.Values) == 0 {
		if add.len() == 0 {
			if !isEmptyValue(kv.Value) {
				return m.errAt(kv.Value.GetToken(), path+" is not a mapping")
			}
			return nil
		}
		return m.addTo(parent, kv, path, add)
	}
	for _, name := range replace {
		ekv := findKey(sec, name)
		if ekv == nil {
			return m.errAt(sec.GetToken(), fmt.Sprintf("cannot find %s.%s", path, name))
		}
		if err := m.checkAnchors(ekv, path+"."+name); err != nil {
			return err
		}
		if err := m.replaceEntry(sec, ekv, name, values.vals[name]); err != nil {
			return err
		}
	}
	gone := map[*ast.MappingValueNode]bool{}
	for _, name := range remove {
		ekv := findKey(sec, name)
		if ekv == nil {
			return m.errAt(sec.GetToken(), fmt.Sprintf("cannot find %s.%s", path, name))
		}
		if err := m.checkAnchors(ekv, path+"."+name); err != nil {
			return err
		}
		gone[ekv] = true
	}
	if err := m.removeEntries(sec, gone); err != nil {
		return err
	}
	if add.len() > 0 {
		return m.addEntries(sec, add)
	}
	return nil
}

// staleComp is a component of docgen's in the target that the catalog no longer has.
type staleComp struct {
	section, name string
	kv            *ast.MappingValueNode
}

// refOutside returns the token of a $ref to ref that is not inside one of the stale
// components (which go together), or nil.
func (m *merger) refOutside(ref string, stale []staleComp) *token.Token {
	inside := map[ast.Node]bool{}
	for _, st := range stale {
		ast.Walk(visitor(func(n ast.Node) bool { inside[n] = true; return true }), st.kv)
	}
	for _, n := range m.nodes {
		kv, ok := n.(*ast.MappingValueNode)
		if !ok || inside[n] || scalarText(kv.Key) != "$ref" || scalarText(kv.Value) != ref {
			continue
		}
		return kv.Key.GetToken()
	}
	return nil
}

// removeEntries removes the entries of mapping sec that gone holds. In a flow mapping each
// run of neighbouring entries goes at once, with one separator: the comma after it, or
// the one before it when the run ends the mapping.
func (m *merger) removeEntries(sec *ast.MappingNode, gone map[*ast.MappingValueNode]bool) error {
	if !sec.IsFlowStyle {
		for _, kv := range sec.Values {
			if !gone[kv] {
				continue
			}
			keyPos := kv.Key.GetToken().Position
			n := keyPos.Column - 1
			if l := m.line(keyPos.Line); indentOf(l) != n {
				return m.errAt(kv.Key.GetToken(), "cannot remove this entry: write its key on a line of its own")
			}
			end, _ := m.endOfLine(m.lastLine(kv, n))
			m.edits = append(m.edits, edit{m.lines[keyPos.Line-1], end, "", 0})
		}
		return nil
	}
	for i := 0; i < len(sec.Values); i++ {
		if !gone[sec.Values[i]] {
			continue
		}
		j := i
		for j+1 < len(sec.Values) && gone[sec.Values[j+1]] {
			j++
		}
		start, _, _, err := m.flowEntry(sec.Values[i])
		if err != nil {
			return err
		}
		_, end, sep, err := m.flowEntry(sec.Values[j])
		if err != nil {
			return err
		}
		if sep.Type == token.CollectEntryType {
			// Up to the next entry: the comma and the space after it go too.
			end = m.offset(sep) + 1
			for end < len(m.src) && strings.ContainsRune(" \t\r\n", rune(m.src[end])) {
				end++
			}
		} else if p := trimSpaceBeforeAll(m.src, start); p > 0 && m.src[p-1] == ',' {
			start = p - 1 // the run ends the mapping: the comma before it goes instead
		}
		m.edits = append(m.edits, edit{start, end, "", 0})
		i = j
	}
	return nil
}

// flowEntry returns where the entry kv of a flow mapping starts (its key) and where its
// value ends, and the "," or "}" token that follows it.
func (m *merger) flowEntry(kv *ast.MappingValueNode) (start, end int, sep *token.Token, err error) {
	start = m.offset(kv.Key.GetToken())
	var lastTk *token.Token
	ast.Walk(visitor(func(x ast.Node) bool {
		switch t := x.(type) {
		case *ast.CommentGroupNode, *ast.CommentNode:
			return false
		case *ast.MappingNode:
			lastTk = later(lastTk, t.End)
		case *ast.SequenceNode:
			lastTk = later(lastTk, t.End)
		}
		lastTk = later(lastTk, x.GetToken())
		return true
	}), kv.Value)
	for tk := lastTk.Next; tk != nil; tk = tk.Next {
		if tk.Type == token.CollectEntryType || tk.Type == token.MappingEndType {
			return start, trimSpaceBeforeAll(m.src, m.offset(tk)), tk, nil
		}
	}
	return 0, 0, nil, m.errAt(kv.Key.GetToken(), "cannot find the end of this entry")
}

// checkAnchors refuses to replace an entry that defines an anchor used elsewhere: the
// aliases would be left dangling.
func (m *merger) checkAnchors(kv *ast.MappingValueNode, path string) error {
	inside := map[ast.Node]bool{}
	anchors := map[string]bool{}
	ast.Walk(visitor(func(n ast.Node) bool {
		inside[n] = true
		if a, ok := n.(*ast.AnchorNode); ok {
			anchors[scalarText(a.Name)] = true
		}
		return true
	}), kv)
	for _, n := range m.nodes {
		a, ok := n.(*ast.AliasNode)
		if !ok || inside[n] {
			continue
		}
		if name := scalarText(a.Value); anchors[name] {
			return m.errAt(a.GetToken(), fmt.Sprintf("*%s refers to the anchor &%s in %s, which --force would replace; move the anchor out of it first", name, name, path))
		}
	}
	return nil
}

// replaceEntry replaces the entry kv of mapping sec with name: value.
func (m *merger) replaceEntry(sec *ast.MappingNode, kv *ast.MappingValueNode, name string, value any) error {
	if sec.IsFlowStyle {
		start := m.offset(kv.Value.GetToken())
		// The value ends before the "," or "}" that follows its last token.
		_, end, _, err := m.flowEntry(kv)
		if err != nil {
			return err
		}
		if end < start {
			return m.errAt(kv.Key.GetToken(), "cannot find the end of this entry")
		}
		keyLine := m.line(kv.Key.GetToken().Position.Line)
		indent := keyLine[:indentOf(keyLine)]
		multiline := sec.End != nil && sec.End.Position.Line != sec.GetToken().Position.Line
		var val []byte
		if multiline {
			val, err = marshalJSONIndent(value, strings.Repeat(" ", m.unit))
			val = bytes.TrimSuffix(val, []byte("\n"))
			val = bytes.ReplaceAll(val, []byte("\n"), []byte(m.nl()+indent))
		} else {
			val, err = compactJSON(value)
		}
		if err != nil {
			return err
		}
		m.edits = append(m.edits, edit{start, end, string(val), 0})
		return nil
	}
	keyPos := kv.Key.GetToken().Position
	n := keyPos.Column - 1
	if l := m.line(keyPos.Line); indentOf(l) != n {
		return m.errAt(kv.Key.GetToken(), "cannot replace this entry: write its key on a line of its own")
	}
	start := m.lines[keyPos.Line-1]
	end, hasNL := m.endOfLine(m.lastLine(kv, n))
	text, err := m.blockText(newMap().set(name, value), n)
	if err != nil {
		return err
	}
	if !hasNL {
		text = strings.TrimSuffix(text, m.nl())
	}
	m.edits = append(m.edits, edit{start, end, text, 0})
	return nil
}

func later(a, b *token.Token) *token.Token {
	if b == nil || b.Position == nil {
		return a
	}
	if a == nil || b.Position.Line > a.Position.Line ||
		(b.Position.Line == a.Position.Line && b.Position.Column > a.Position.Column) {
		return b
	}
	return a
}

// trimSpaceBeforeAll moves offset back over white space, line breaks included.
func trimSpaceBeforeAll(src []byte, off int) int {
	for off > 0 && strings.ContainsRune(" \t\r\n", rune(src[off-1])) {
		off--
	}
	return off
}

// apply makes the edits, last first so that earlier offsets hold. Of two insertions at the
// same place, the one made first comes first in the text: entries added to an inner
// mapping are made before a section added after it.
func (m *merger) apply() []byte {
	edits := slices.Clone(m.edits)
	for i := range edits {
		edits[i].seq = i
	}
	slices.SortFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return b.seq - a.seq
	})
	out := slices.Clone(m.src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}

// indentUnit returns the indentation step of the document (2 when it shows none).
func (m *merger) indentUnit(root *ast.MappingNode) int {
	unit := 0
	ast.Walk(visitor(func(n ast.Node) bool {
		if unit > 0 {
			return false
		}
		if mp, ok := n.(*ast.MappingNode); ok && mp.IsFlowStyle && mp.Start != nil && len(mp.Values) > 0 {
			// {"a": ...} with members on lines of their own: their indentation against
			// the line of the brace
			key := mp.Values[0].Key.GetToken().Position
			if key.Line != mp.Start.Position.Line {
				if d := key.Column - 1 - indentOf(m.line(mp.Start.Position.Line)); d > 0 && d <= 8 {
					unit = d
				}
			}
			return true
		}
		kv, ok := n.(*ast.MappingValueNode)
		if !ok {
			return true
		}
		child, ok := unwrap(kv.Value).(*ast.MappingNode)
		if !ok || child.IsFlowStyle || len(child.Values) == 0 {
			return true
		}
		d := child.Values[0].Key.GetToken().Position.Column - kv.Key.GetToken().Position.Column
		if d > 0 && d <= 8 {
			unit = d
		}
		return true
	}), root)
	if unit == 0 {
		return 2
	}
	return unit
}
