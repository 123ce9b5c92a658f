package parse

import (
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file is a small walk over a document tree (package doc) for the readers of data
// files, code, reStructuredText, AsciiDoc and MDX, until the one tree walker every
// front-end shares takes its place. It only dispatches: headings give the context of what
// follows them (group, status), and each block goes to the interpreter's function for it:
// tables to classify and addTable, definition lists to addDefList, records to addRecords,
// enums to addEnum; prose goes to the body of the heading above it.

// formatWalker walks one document tree.
type formatWalker struct {
	src     *Source
	d       *doc.Document
	out     *Doc
	stack   []*open
	summary []string
	title   int // index of the title heading, -1 if none
}

// readTree interprets a document tree into a Doc.
func readTree(src *Source, d *doc.Document) *Doc {
	w := &formatWalker{src: src, d: d, out: &Doc{}, title: treeTitle(d)}
	out := w.out
	out.ID = strings.TrimSpace(d.Meta["id"])
	out.Title = strings.TrimSpace(d.Meta["title"])
	if out.Title == "" && w.title >= 0 {
		out.Title = d.Blocks[w.title].(*doc.Heading).Text
	}
	if desc := strings.TrimSpace(d.Meta["description"]); desc != "" {
		w.summary = append(w.summary, desc)
	}
	w.walk()
	w.closeTo(0)
	out.Summary = strings.Join(w.summary, "\n\n")
	return out
}

// treeTitle returns the index of the document's title heading: the first heading, when no
// later heading is at its level or above and it is neither a status nor a code.
func treeTitle(d *doc.Document) int {
	first := -1
	for i, b := range d.Blocks {
		h, ok := b.(*doc.Heading)
		if !ok {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		if h.Level <= d.Blocks[first].(*doc.Heading).Level {
			return -1
		}
	}
	if first < 0 {
		return -1
	}
	t := d.Blocks[first].(*doc.Heading).Text
	if _, _, ok := statusHeading(t); ok || (codeLike(headingCode(t)) && !sectionWord(headingCode(t))) {
		return -1
	}
	return first
}

func (w *formatWalker) walk() {
	var errAncestors, taken map[string]bool
	catalogShape := isDocgenCatalog(w.d)
	services := 0
	var pending *doc.Table // a table right before an enum: its docstring's, maybe
	flush := func() {
		if pending != nil {
			w.table(pending)
			pending = nil
		}
	}
	for i, b := range w.d.Blocks {
		if i%256 == 0 && w.src.cancelled() {
			return
		}
		if _, ok := b.(*doc.Enum); !ok {
			flush()
		}
		switch b := b.(type) {
		case *doc.Heading:
			w.heading(i, b)
		case *doc.Table:
			if i+1 < len(w.d.Blocks) {
				if _, ok := w.d.Blocks[i+1].(*doc.Enum); ok {
					pending = b
					continue
				}
			}
			w.table(b)
		case *doc.Enum:
			taken, used := w.out.addEnum(w.src, b, pending, w.context())
			if !used {
				flush()
			}
			pending = nil
			if !taken && strings.TrimSpace(b.Comment) != "" {
				w.text(b.Comment)
			}
		case *doc.DefList:
			if !w.out.addDefList(b, w.context()) {
				w.text(defListText(b))
			}
		case *doc.List:
			items := make([]listItemText, len(b.Items))
			for k, it := range b.Items {
				items[k] = listItemText{Text: it.Text, Pos: it.Pos}
			}
			if top := w.top(); (top == nil || top.kind != hCode) && w.out.addCodeList(items, w.context()) {
				continue
			}
			w.text(listText(b))
		case *doc.Para:
			w.text(b.Text)
		case *doc.Code:
			w.text("```" + b.Lang + "\n" + strings.TrimRight(b.Text, "\n") + "\n```")
		case *doc.Records:
			if catalogShape {
				if b.Path == "services" {
					services = len(b.Items)
					if services == 1 {
						w.serviceMeta(b.Items[0])
					}
				}
				if m := reEntriesPath.FindStringSubmatch(b.Path); m != nil {
					group := ""
					if services > 1 {
						group = w.serviceTitle(m[1])
					}
					w.out.addCatalogEntries(b, group)
				}
				continue
			}
			if errAncestors == nil {
				errAncestors, taken = ancestors(recordsErrorPaths(w.src, w.d.Blocks)), map[string]bool{}
			}
			if within(b.Path, taken) {
				continue // values of records already read as errors
			}
			if errAncestors[b.Path] {
				w.out.note(b.Pos, "%d records under %q: they hold error records, they are not errors", len(b.Items), b.Path)
				continue
			}
			ctx := w.context()
			if ctx.Group == "" && b.Path != "" && strings.Contains(b.Path, ".") {
				ctx.Group = b.Path
			}
			if w.out.addRecords(w.src, b, ctx) {
				taken[b.Path] = true
			}
		}
	}
	flush()
}

// within reports whether path p lies inside one of the paths of set: whether one of its
// ancestors is in set.
func within(p string, set map[string]bool) bool {
	if p != "" && set[""] {
		return true
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '.' && set[p[:i]] {
			return true
		}
	}
	return false
}

// ancestors returns every proper ancestor of the paths of set ("" for the top).
func ancestors(set map[string]bool) map[string]bool {
	out := map[string]bool{}
	for q := range set {
		if q != "" {
			out[""] = true
		}
		for i := 0; i < len(q); i++ {
			if q[i] == '.' {
				out[q[:i]] = true
			}
		}
	}
	return out
}

// serviceMeta takes the title and summary of the one service of a catalog.json.
func (w *formatWalker) serviceMeta(r doc.Record) {
	for _, f := range r.Fields {
		switch f.Name {
		case "title":
			w.out.Title = f.Value
		case "summary":
			w.summary = append(w.summary, f.Value)
		case "id":
			w.out.ID = f.Value
		}
	}
}

// serviceTitle returns the title of service i of a catalog.json.
func (w *formatWalker) serviceTitle(i string) string {
	for _, b := range w.d.Blocks {
		if r, ok := b.(*doc.Records); ok && r.Path == "services" {
			for k, it := range r.Items {
				if itoa(k) != i {
					continue
				}
				for _, f := range it.Fields {
					if f.Name == "title" {
						return f.Value
					}
				}
			}
		}
	}
	return ""
}

// table interprets one table.
func (w *formatWalker) table(b *doc.Table) {
	t := treeTable(w.src, b)
	w.out.noteTable(t, b.Pos)
	if isErrorTable(t) {
		ctx := w.context()
		if b.Caption != "" {
			ctx.Group = b.Caption
		}
		w.out.addLabelledTable(t, ctx)
		return
	}
	if b.Text != "" {
		w.text(b.Text)
	} else {
		w.text(tableMarkdown(b))
	}
}

// treeTable makes a tree's table into the interpreter's.
func treeTable(src *Source, b *doc.Table) table {
	t := table{src: src, memo: &tableMemo{}}
	for _, c := range b.Header {
		t.Header = append(t.Header, cell{Text: c.Text, Pos: c.Pos})
	}
	for _, r := range b.Rows {
		row := tableRow{Pos: r.Pos}
		for _, c := range r.Cells {
			row.Cells = append(row.Cells, cell{Text: c.Text, Pos: c.Pos})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// tableMarkdown writes a table as a Markdown pipe table.
func tableMarkdown(b *doc.Table) string {
	var sb strings.Builder
	row := func(cs []doc.Cell) {
		sb.WriteString("|")
		for _, c := range cs {
			sb.WriteString(" " + strings.ReplaceAll(strings.ReplaceAll(c.Text, "|", `\|`), "\n", " ") + " |")
		}
		sb.WriteString("\n")
	}
	n := len(b.Header)
	for _, r := range b.Rows {
		n = max(n, len(r.Cells))
	}
	h := append([]doc.Cell(nil), b.Header...)
	for len(h) < n {
		h = append(h, doc.Cell{})
	}
	row(h)
	sb.WriteString("|" + strings.Repeat(" --- |", n) + "\n")
	for _, r := range b.Rows {
		row(r.Cells)
	}
	return strings.TrimRight(sb.String(), "\n")
}

func defListText(l *doc.DefList) string {
	var parts []string
	for _, it := range l.Items {
		var defs []string
		for _, d := range it.Defs {
			defs = append(defs, d.Text)
		}
		parts = append(parts, "**"+it.Term.Text+"**: "+strings.Join(defs, "\n\n"))
	}
	return strings.Join(parts, "\n\n")
}

func listText(l *doc.List) string {
	var parts []string
	for i, it := range l.Items {
		bullet := "- "
		if l.Ordered {
			bullet = itoa(i+1) + ". "
		}
		parts = append(parts, bullet+it.Text)
	}
	return strings.Join(parts, "\n")
}

func (w *formatWalker) top() *open {
	if len(w.stack) == 0 {
		return nil
	}
	return w.stack[len(w.stack)-1]
}

// heading opens a heading: the title, a status group, a code (an entry whose text is
// what follows), or a section whose text names the group of the tables under it.
func (w *formatWalker) heading(i int, h *doc.Heading) {
	level := h.Level
	if level <= 0 {
		level = 1
	}
	w.closeTo(level)
	o := &open{level: level, text: h.Text, pos: h.Pos}
	code := headingCode(h.Text)
	switch st, _, isStatus := statusHeading(h.Text); {
	case i == w.title:
		o.kind = hTitle
	case isStatus:
		o.kind, o.status = hGroup, st
	case isToken(code) && codeLike(code) && !sectionWord(code):
		o.kind = hCode
		w.out.note(h.Pos, "heading: code %q", code)
		w.out.Rows++
		e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: w.groupName(), Source: h.Pos}
		_, e.Message = splitCodeHeading(h.Text)
		resolveStatus(e, 0, w.context().Status, &w.out.Diags)
		w.out.Entries = append(w.out.Entries, e)
		o.entry = e
	default:
		o.kind = hSection
	}
	w.stack = append(w.stack, o)
}

// context returns what the open headings say about what follows them.
func (w *formatWalker) context() tableContext {
	var ctx tableContext
	for i := len(w.stack) - 1; i >= 0; i-- {
		o := w.stack[i]
		if ctx.Status == 0 && o.status != 0 {
			ctx.Status = o.status
		}
		if strings.Contains(strings.ToUpper(o.text), "JSON-RPC") {
			ctx.RPC = true
		}
	}
	ctx.Group = w.groupName()
	return ctx
}

func (w *formatWalker) groupName() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].kind {
		case hGroup, hSection:
			return w.stack[i].text
		case hTitle:
			return ""
		}
	}
	return ""
}

func (w *formatWalker) text(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	if o := w.top(); o != nil && o.kind != hTitle {
		o.body = append(o.body, s)
		return
	}
	w.summary = append(w.summary, s)
}

func (w *formatWalker) closeTo(level int) {
	for len(w.stack) > 0 && w.top().level >= level {
		o := w.top()
		w.stack = w.stack[:len(w.stack)-1]
		w.out.closeHeading(o)
	}
}
