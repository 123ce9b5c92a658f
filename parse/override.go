package parse

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/parse/asciidoc"
	"docgen/parse/doc"
	"docgen/parse/rst"
)

// Override is what a source's entry in docgen.yaml says that no heuristic can know. Every
// field is optional; the zero Override changes nothing.
type Override struct {
	// Reader names the reader to use ("markdown", "scraped", "html", "mdx", "rst",
	// "asciidoc", "data", "code") instead of the one detection chooses.
	Reader string
	// Sections, when set, limits the entries to those under a heading, or in a table
	// whose caption, contains one of these texts (case and spacing ignored).
	Sections []string
	// Columns gives table columns their role by header text: "Err" → "code". The roles
	// are code, status, message, description, resolution and ignore (kept as a field).
	Columns map[string]string
	// CodePattern is a regular expression (RE2) that every code must match; a row whose
	// code does not is reported, not read.
	CodePattern string
	// Status is "none" (the source gives no HTTP status: none is read from headings,
	// columns or code prefixes) or a status ("400") that every entry has.
	Status string
}

// overrideRoles are the roles a Columns override may name.
var overrideRoles = map[string]role{
	"code": roleCode, "status": roleStatus, "message": roleMessage, "description": roleDescription,
	"resolution": roleResolution, "ignore": roleUnknown,
}

// Check reports the first value of o that cannot be used, in words for the config file.
func (o Override) Check() error {
	if o.Reader != "" {
		found := false
		var names []string
		for _, r := range registry {
			names = append(names, r.Name())
			found = found || r.Name() == o.Reader
		}
		if !found {
			return fmt.Errorf("reader %q is not one of %s", o.Reader, strings.Join(names, ", "))
		}
	}
	folded := map[string]string{}
	for _, h := range slices.Sorted(maps.Keys(o.Columns)) {
		if r := o.Columns[h]; overrideRoles[r] == roleUnknown && r != "ignore" {
			return fmt.Errorf("columns: %q: role %q is not one of code, status, message, description, resolution, ignore", h, r)
		}
		if prev, ok := folded[foldHeader(h)]; ok {
			return fmt.Errorf("columns: %q and %q name the same header (case, spaces and punctuation aside): keep one", prev, h)
		}
		folded[foldHeader(h)] = h
	}
	if o.CodePattern != "" {
		if _, err := regexp.Compile(o.CodePattern); err != nil {
			return fmt.Errorf("codePattern %q: %v", o.CodePattern, err)
		}
	}
	if o.Status != "" && o.Status != "none" {
		n, err := strconv.Atoi(o.Status)
		if err != nil || !catalog.Status(n).IsValid() {
			return fmt.Errorf("status %q: expected none or an HTTP status (100-599)", o.Status)
		}
	}
	return nil
}

// IsZero reports whether o changes nothing.
func (o Override) IsZero() bool {
	return o.Reader == "" && len(o.Sections) == 0 && len(o.Columns) == 0 && o.CodePattern == "" && o.Status == ""
}

// columnOverride returns the role an override gives a header, and whether it gives one.
func (src *Source) columnOverride(header string) (role, bool) {
	if src == nil || src.over == nil || len(src.over.Columns) == 0 {
		return roleUnknown, false
	}
	if src.overCols == nil {
		// Folded once, in the keys' order: Check refuses two keys that fold alike, and
		// were it given them, the first would win every time.
		src.overCols = map[string]string{}
		for _, h := range slices.Sorted(maps.Keys(src.over.Columns)) {
			if _, ok := src.overCols[foldHeader(h)]; !ok {
				src.overCols[foldHeader(h)] = h
			}
		}
	}
	h, ok := src.overCols[foldHeader(header)]
	if !ok {
		return roleUnknown, false
	}
	if src.usedColumns == nil {
		src.usedColumns = map[string]bool{}
	}
	src.usedColumns[h] = true
	return overrideRoles[src.over.Columns[h]], true
}

// applyOverride applies what the override says after a reader read the source: the
// sections to keep, the code pattern and the status. Every entry it does not keep is
// reported: one diagnostic for the entries outside the sections, one per code that does
// not match the pattern.
func applyOverride(path string, o *Override, doc *Doc) {
	if o == nil {
		return
	}
	if len(o.Sections) > 0 {
		spans := mergeSpans(doc.spans)
		keep := doc.Entries[:0]
		left := 0
		var first catalog.Pos
		var groups []string // the groups of the entries left out, the first few
		used := map[string]bool{}
		for _, sec := range doc.usedSections {
			used[sec] = true
		}
		for _, e := range doc.Entries {
			in := inSpans(spans, e.Source.Line)
			for _, sec := range o.Sections {
				if inSections(e.Group, []string{sec}) {
					in, used[sec] = true, true
				}
			}
			if in {
				keep = append(keep, e)
				continue
			}
			if left == 0 {
				first = e.Source
			}
			if g := strings.TrimSpace(e.Group); g != "" && len(groups) < 5 && !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
			left++
		}
		doc.Entries = keep
		for _, sec := range o.Sections {
			if used[sec] {
				continue
			}
			saw := "it has no heading"
			if len(doc.headings) > 0 {
				saw = "its headings are " + quoteList(doc.headings)
			}
			doc.Diags.Add(catalog.Pos{File: path, Line: 1, Col: 1}, catalog.Error, catalog.RuleUnusedOverride,
				"sections: %q matches no heading and no table caption of this source (%s)", sec, saw)
		}
		if left > 0 {
			doc.Dropped += left
			what := fmt.Sprintf("%d entries", left)
			if left == 1 {
				what = "1 entry"
			}
			under := "under no heading"
			if len(groups) > 0 {
				under = "under " + quoteList(groups)
			}
			doc.Diags.Add(first, catalog.Warning, catalog.RuleOutsideSections,
				"%s left out: outside the sections docgen.yaml names (%s), %s; the first is here", what, quoteList(o.Sections), under)
		}
	}
	if o.CodePattern != "" {
		re := regexp.MustCompile(o.CodePattern) // Check compiled it
		keep := doc.Entries[:0]
		for _, e := range doc.Entries {
			if re.MatchString(e.Code) {
				keep = append(keep, e)
				continue
			}
			doc.Dropped++
			doc.Diags.Add(e.Source, catalog.Error, catalog.RuleCodePattern,
				"code %q does not match the codePattern %q that docgen.yaml sets for this source", e.Code, o.CodePattern)
		}
		doc.Entries = keep
	}
	switch o.Status {
	case "":
	case "none":
		for _, e := range doc.Entries {
			e.Status, e.From = 0, catalog.FromNone
		}
		// A status read from the text no longer applies, nor do the warnings about it.
		keep := doc.Diags[:0]
		for _, d := range doc.Diags {
			if d.Rule != catalog.RuleStatusConflict && d.Rule != catalog.RulePrefixMismatch {
				keep = append(keep, d)
			}
		}
		doc.Diags = keep
	default:
		n, _ := strconv.Atoi(o.Status)
		st := catalog.Status(n)
		other := 0
		var first *catalog.Entry
		for _, e := range doc.Entries {
			if e.Status != 0 && e.Status != st {
				if other == 0 {
					first = e
				}
				other++
			}
			e.Status, e.From = st, catalog.FromHeading
		}
		if other > 0 {
			// What the source said is replaced, as docgen.yaml asks; not without a word.
			doc.Diags.Add(first.Source, catalog.Warning, catalog.RuleStatusConflict,
				"docgen.yaml sets status %d for every entry of this source, replacing another status the source gives %d of them (here %q)", n, other, first.Code)
		}
	}
}

// unusedColumns reports the columns of an override that named no column or field of the
// source: a misspelt header changes nothing, and the user would not know.
func unusedColumns(src *Source, diags *catalog.Diagnostics) {
	if src.over == nil {
		return
	}
	for _, h := range slices.Sorted(maps.Keys(src.over.Columns)) {
		if !src.usedColumns[h] {
			diags.Add(catalog.Pos{File: src.Path, Line: 1, Col: 1}, catalog.Error, catalog.RuleUnusedOverride,
				"columns: %q names no table column or record field of this source (docgen parse %s --verbose lists each table's columns)", h, src.Path)
		}
	}
}

// mergeSpans sorts line spans and merges those that overlap (a section inside another).
func mergeSpans(spans [][2]int) [][2]int {
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var out [][2]int
	for _, s := range spans {
		if k := len(out) - 1; k >= 0 && s[0] <= out[k][1] {
			out[k][1] = max(out[k][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// inSpans reports whether line falls in one of the sorted, disjoint spans.
func inSpans(spans [][2]int, line int) bool {
	i, _ := slices.BinarySearchFunc(spans, line, func(s [2]int, l int) int { return cmp.Compare(s[0], l) })
	// spans[i-1] is the last span that starts at or before line (spans[i] when it starts
	// on line itself).
	if i < len(spans) && spans[i][0] == line {
		return true
	}
	return i > 0 && line <= spans[i-1][1]
}

// inSections reports whether a group heading contains one of the section texts.
func inSections(group string, sections []string) bool {
	g := foldHeader(group)
	for _, s := range sections {
		if f := foldHeader(s); f != "" && strings.Contains(g, f) {
			return true
		}
	}
	return false
}

// seen describes what a source holds that a reader could have read, for the message of a
// source in which nothing was recognised: its tables with their headers and its headings.
func seen(src *Source) string {
	if looksLikeHTML(src) {
		return seenHTML(src)
	}
	// reStructuredText and AsciiDoc: their tree's tables and titles, not lines of text
	// (an adornment line under a title is no heading).
	if score, _ := rst.Detect(src.Path, src.Text); score > 0 {
		return seenTree(rst.Read(src.Text, src.posIx().pos))
	}
	if score, _ := asciidoc.Detect(src.Path, src.Text); score > 0 {
		return seenTree(asciidoc.Read(src.Text, src.posIx().pos))
	}
	sc := scanUpTo(src, 0)
	quoted := notProse(src)
	var tables, headings []string
	for _, b := range paragraphs(sc.blocks) {
		switch b.kind {
		case sbTable:
			if len(tables) < 3 {
				tables = append(tables, fmt.Sprintf("line %d (%s)", b.line, quoteList(cellTexts(b.tbl.Header))))
			}
		case sbHeading, sbStatus:
			if len(headings) < 5 && !quoted(b.line) && !strings.HasPrefix(b.text, "```") && !strings.HasPrefix(b.text, "~~~") {
				headings = append(headings, fmt.Sprintf("%q", stripHashes(b.text)))
			}
		}
	}
	return seenParts(tables, headings)
}

// seenHTML is seen for an HTML page: its tables and headings as its tree has them, not
// as lines of text (which are its tags).
func seenHTML(src *Source) string {
	d, _, _, err := htmlTree(src)
	if err != nil {
		return "a page that cannot be parsed as HTML"
	}
	return seenTree(d)
}

// seenTree is seen for a format whose front-end gives its tree: its tables and headings.
func seenTree(d *doc.Document) string {
	var tables, headings []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Table:
			if len(tables) < 3 {
				cells, what := b.Header, ""
				if len(cells) == 0 && len(b.Rows) > 0 {
					cells, what = b.Rows[0].Cells, "no header, first row " // AsciiDoc's |=== with no header row
				}
				hdr := make([]string, len(cells))
				for i, c := range cells {
					hdr[i] = plainOf(c)
				}
				tables = append(tables, fmt.Sprintf("line %d (%s%s)", b.Pos.Line, what, quoteList(hdr)))
			}
		case *doc.Heading:
			if len(headings) < 5 {
				headings = append(headings, fmt.Sprintf("%q", b.Text))
			}
		}
	}
	return seenParts(tables, headings)
}

// seenParts says what seen found: tables, then headings.
func seenParts(tables, headings []string) string {
	var parts []string
	if len(tables) > 0 {
		parts = append(parts, "tables at "+strings.Join(tables, "; "))
	} else if len(headings) > 0 {
		parts = append(parts, "no table") // codes named only in prose, as a changelog does
	}
	if len(headings) > 0 {
		parts = append(parts, "headings "+strings.Join(headings, ", "))
	}
	if len(parts) == 0 {
		return "no table and no heading"
	}
	return strings.Join(parts, "; ")
}

// notProse returns whether a line of src is front matter or inside a fenced code block:
// what no heading is, for the message of a source in which nothing was recognised.
func notProse(src *Source) func(line int) bool {
	last := 0 // the front matter's last line
	if end := frontMatterEnd(src.Text); end > 0 {
		last = src.Pos(max(0, end-1)).Line
	}
	var fenced [][2]int // the lines of fenced blocks, fences included
	open, fence := 0, ""
	for i := 1; i <= src.LineCount(); i++ {
		t := strings.TrimSpace(string(src.Line(i)))
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			open, fence = i, t[:3]
		case fence != "" && strings.HasPrefix(t, fence):
			fenced = append(fenced, [2]int{open, i})
			fence = ""
		}
	}
	return func(line int) bool {
		if line <= last {
			return true
		}
		k := sort.Search(len(fenced), func(k int) bool { return fenced[k][1] >= line })
		return k < len(fenced) && fenced[k][0] <= line
	}
}
