package parse

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// cell is one table cell: the document tree's (its text trimmed, `\|` unescaped, and
// where it starts), so that a table goes from a front-end to the interpreter uncopied.
type cell = doc.Cell

// table is a table as any reader found it: a header row and body rows of cells.
type table struct {
	Header []cell
	Rows   []tableRow
	// Roles, when not nil, gives each header column its role instead of columnRoles of the
	// header texts: a reader that inferred a role from the cells (a column of HTTP statuses
	// under a header such as "HTTP") sets it. It has one role per header cell.
	Roles []role
	// src, when set, is the source the table was read from: its docgen.yaml columns
	// override gives roles by header text.
	src *Source
	// memo, when set, keeps what classify decided, for every copy of the table: readers
	// ask it of one table several times (detection, the walk, addTable, notes).
	memo *tableMemo
	// copied: a row may leave out a cell that spans rows (doc.Table.Copied).
	copied bool
}

// tableMemo is classify's answer for one table.
type tableMemo struct {
	done  bool
	roles []role
	kind  tableKind
	why   string
}

// roles returns the role of each of t's columns: t.Roles, or the roles of its header texts.
func (t table) roles() []role {
	roles, _, _ := classify(t)
	return roles
}

// tableRow is one body row and where it starts.
type tableRow = doc.Row

// splitRow splits one pipe-table row the way GFM does: surrounding space and an outer
// leading and trailing pipe are dropped, cells are split at every pipe not escaped by a
// backslash, and `\|` becomes `|`. lineOff is the byte offset of line in src. Unlike
// goldmark's table parser, which pads short rows and silently drops cells past the
// header's count, it returns every cell, so that a ragged row can be reported.
func splitRow(src *Source, line []byte, lineOff int) []cell {
	return splitCells(src, line, lineOff, src.posIx().pos)
}

// splitCells splits a row as splitRow describes, placing each cell with pos (a byte offset
// in the source to its position).
func splitCells(src *Source, line []byte, lineOff int, pos func(int) catalog.Pos) []cell {
	// A cell's text is a view of the source (Source.str) when line is the source's own
	// bytes, as it is from both callers: a table's cells are most of what its entries
	// keep, and copying them cost a third of a large table's read.
	view := len(line) > 0 && lineOff >= 0 && lineOff+len(line) <= len(src.Text) && &src.Text[lineOff] == &line[0]
	start, end := 0, len(line)
	for start < end && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	for end > start && (line[end-1] == ' ' || line[end-1] == '\t') {
		end--
	}
	if start < end && line[start] == '|' {
		start++
	}
	if end > start && line[end-1] == '|' && (end-2 < start || line[end-2] != '\\') {
		end--
	}
	var cells []cell
	cellStart := start
	for i := start; i <= end; i++ {
		if i < end && (line[i] != '|' || (i > start && line[i-1] == '\\')) {
			continue
		}
		raw := line[cellStart:i]
		lead := 0
		for lead < len(raw) && (raw[lead] == ' ' || raw[lead] == '\t') {
			lead++
		}
		var text string
		if view {
			l := bytes.TrimLeftFunc(raw, unicode.IsSpace)
			at := lineOff + cellStart + len(raw) - len(l)
			text = src.str(at, at+len(bytes.TrimRightFunc(l, unicode.IsSpace)))
		} else {
			text = strings.TrimSpace(string(raw))
		}
		text = strings.ReplaceAll(text, `\|`, "|") // s itself when it holds none
		cells = append(cells, cell{Text: text, Pos: pos(lineOff + cellStart + lead)})
		cellStart = i + 1
	}
	return cells
}

// tableContext is what the headings above a table say about its rows.
type tableContext struct {
	Status catalog.Status // from the nearest status heading or "status NNN" line; 0 if none
	Group  string         // the heading the table stands under, as written; "" under the title
	// RPC is set when the heading says the table lists JSON-RPC codes.
	RPC bool
	// Overridable is set when Status is what a data file gives its records unless they
	// say otherwise (a status beside them, the file's defaults), not a heading: a record's
	// own status is then meant, no conflict with it.
	Overridable bool
}

// isErrorTable reports whether t lists error codes (see classify): it has a code column
// and is not a status glossary or a parameter table.
func isErrorTable(t table) bool {
	_, kind, _ := classify(t)
	return kind == tableErrors
}

// isGlossary reports whether t is a status glossary: a code column of HTTP statuses only.
func isGlossary(t table) bool {
	_, kind, _ := classify(t)
	return kind == tableGlossary
}

// successRow reports whether a row of a status glossary, its code the status st, is a
// success: st is 2xx and none of its other cells says something went wrong (saysError),
// unless it begins with st's reason phrase ("OK -- the reading was stored.", "201 |
// Resource created."). A 1xx row, or a 2xx row whose text says a failure ("202 |
// Insufficient credit"), is an error of the document's own.
func successRow(st catalog.Status, row tableRow, codeCol int) bool {
	if st < 200 || st >= 300 {
		return false
	}
	reason := strings.ToLower(st.Reason())
	for i, c := range row.Cells {
		text := strings.ToLower(strings.TrimSpace(c.Text))
		if i == codeCol || text == "" {
			continue
		}
		if reason != "" && strings.HasPrefix(text, reason) {
			if r, _ := utf8.DecodeRuneInString(text[len(reason):]); !unicode.IsLetter(r) {
				continue
			}
		}
		if saysError(text) {
			return false
		}
	}
	return true
}

// dateShapes says which code cells written as dates are codes all the same: those of
// the shape of the column's other codes ("2001.1.1" among "1001.1.1" and "3001.1.1"), or
// all of them when no code of the column is other than a date and its header names the
// codes ("Reject code" over "2001.10.1").
type dateShapes struct {
	all    bool
	shapes map[string]bool
}

func (d dateShapes) has(s string) bool {
	return d.all || d.shapes[codeShape(strings.TrimSpace(s))]
}

// datesAsCodes returns the dateShapes of t's code column codeCol.
func datesAsCodes(t table, codeCol int) dateShapes {
	var d dateShapes
	if codeCol < 0 {
		return d
	}
	others := false
	for _, row := range t.Rows {
		if codeCol >= len(row.Cells) {
			continue
		}
		c := strings.TrimSpace(row.Cells[codeCol].Text)
		if c == "" || dayDate(c) {
			continue
		}
		others = true
		if d.shapes == nil {
			d.shapes = map[string]bool{}
		}
		if len(d.shapes) < 64 {
			d.shapes[codeShape(c)] = true
		}
	}
	d.all = !others && codeCol < len(t.Header) && headerRole(t.Header[codeCol].Text) == roleCode
	return d
}

// codeShape is s with every run of digits written "9" and of letters "A", its marks and
// spaces kept: "1001.1.1" and "2001.1.1" are "9.9.9", "2025. 4. 18." is "9. 9. 9.".
func codeShape(s string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range s {
		k := r
		switch {
		case unicode.IsDigit(r):
			k = '9'
		case unicode.IsLetter(r):
			k = 'A'
		}
		if (k == '9' || k == 'A') && k == last {
			continue
		}
		b.WriteRune(k)
		last = k
	}
	return b.String()
}

func cellTexts(cells []cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.Text
	}
	return out
}

// addTable turns the rows of an error table into entries of doc. Every row becomes an
// entry, or an error diagnostic when it has no code; a row whose cell count differs from
// the header's is an entry and an error diagnostic. Cells of columns with no known role
// are kept as fields; cells past the header's count as fields named "column N".
func (doc *Doc) addTable(t table, ctx tableContext) {
	roles := t.roles()
	protocol := catalog.HTTP
	if ctx.RPC || allJSONRPCCodes(t, roles) {
		protocol = catalog.JSONRPC
	}
	// With no status column, a message or description cell may begin with the row's
	// status ("429 Too Many Requests: at most 20 calls"), the text after it.
	textCol := roleUnknown
	if !hasRole(roles, roleStatus) && !hasRole(roles, roleStatusName) && protocol == catalog.HTTP {
		textCol = roleMessage
		if !hasRole(roles, roleMessage) {
			textCol = roleDescription
		}
	}
	fill := statusFillsDown(t, roles)
	if fill >= 0 {
		doc.note(t.Rows[0].Pos, "status column: an empty cell takes the status above it (cells merged down the column)")
	}
	byName := uriNames(t.Rows, roles)
	var above catalog.Status // the status of the row above, for fill
	var last catalog.Status  // the status column's status in the row above, for spanned
	// A category column ("구분", "Category") written once per run of rows, its other
	// cells empty, was merged down the column: each row takes the category above it.
	category := make([]string, len(t.Header))
	codeCol := slices.Index(roles, roleCode)
	_, kind, _ := classify(t)
	glossary := kind == tableGlossary
	var ranges []tableRow   // rows that are no errors, kept as text
	leads := false          // the code column writes codes before their text (leadCodeColumn)
	var prev *catalog.Entry // the entry of the row above, for a code cell merged down
	// A parent code column beside the sub-codes (roleParentCode): each sub-code keeps its
	// parent, written on its row or once above its run of rows (merged down the column).
	parentCol := slices.Index(roles, roleParentCode)
	parentAbove := ""
	if codeCol >= 0 {
		for _, row := range t.Rows {
			if codeCol < len(row.Cells) && leadsCode(row.Cells[codeCol].Text) {
				leads = true
				break
			}
		}
	}
	var dated *dateShapes // made when a code cell is first written as a date
	datedCodes := func() *dateShapes {
		if dated == nil {
			d := datesAsCodes(t, codeCol)
			dated = &d
		}
		return dated
	}
	for _, row := range t.Rows {
		empty := true
		for _, c := range row.Cells {
			if c.Text != "" {
				empty = false
				break
			}
		}
		if empty {
			continue // a blank line of a table, not a row
		}
		if codeCol >= 0 && codeCol < len(row.Cells) && codeRange(cleanCode(row.Cells[codeCol].Text)) {
			// "1011–1099 | — | Reserved.": a range of codes reserved or allocated, no
			// error; as a group label row is, it is no row of entries, and its text stays.
			doc.note(row.Pos, "table row %q: a range of codes, not an error: kept as text", row.Cells[codeCol].Text)
			ranges = append(ranges, row)
			continue
		}
		if codeCol >= 0 && codeCol < len(row.Cells) && dayDate(strings.TrimSpace(row.Cells[codeCol].Text)) && !datedCodes().has(row.Cells[codeCol].Text) {
			// "2025. 4. 18. | Changed": a date in the code column (a changelog's row among
			// the errors) says when, never which error: no row of entries, its text stays.
			doc.note(row.Pos, "table row %q: a date, not an error code: kept as text", row.Cells[codeCol].Text)
			ranges = append(ranges, row)
			continue
		}
		if glossary && codeCol >= 0 && codeCol < len(row.Cells) {
			if st, ok := statusCell(cleanCode(row.Cells[codeCol].Text)); ok && st.IsValid() && successRow(st, row, codeCol) {
				// "200 | OK" in a status glossary read as the error codes: a success, no error.
				doc.note(row.Pos, "table row %q: a success status, not an error: kept as text", row.Cells[codeCol].Text)
				ranges = append(ranges, row)
				continue
			}
		}
		doc.Rows++
		// Empty cells past the header's last are what a closing "|  |" leaves: no data.
		for len(row.Cells) > len(t.Header) && row.Cells[len(row.Cells)-1].Text == "" {
			row.Cells = row.Cells[:len(row.Cells)-1]
		}
		spanned := -1 // the column of the cell a row above spans, which this row leaves out
		if t.copied && len(row.Cells) == len(t.Header)-1 {
			if spanned = spannedStatus(row, roles, last); spanned >= 0 {
				cells := make([]cell, 0, len(t.Header))
				cells = append(cells, row.Cells[:spanned]...)
				cells = append(cells, cell{Pos: row.Cells[spanned].Pos})
				row.Cells = append(cells, row.Cells[spanned:]...)
				doc.note(row.Pos, "table row one cell short: the status cell of the row above spans it (a rowspan of the page it was copied from), the row's cells are the other columns'")
			}
		}
		if len(row.Cells) != len(t.Header) {
			doc.Diags.Add(row.Pos, catalog.Error, catalog.RuleRaggedRow,
				"table row has %d cells, header has %d", len(row.Cells), len(t.Header))
		}
		// A row struck through ("~~E104~~ | ~~410~~ | ~~Archived.~~") is read without its
		// marks, and says that its code is no longer in use (markStruck).
		cells, struck := unstrikeRow(row.Cells, roles)
		row.Cells = cells
		e := &catalog.Entry{Protocol: protocol, Group: ctx.Group, Source: row.Pos}
		var column catalog.Status
		var named catalog.Status          // the status written beside the code, in its cell
		cellMsg := ""                     // the message written in the code's cell, after the code
		var more []string                 // the other codes of a cell that lists several
		var moreStatuses []catalog.Status // the other statuses of a status cell that lists several
		var fields []catalog.Field        // the cells of columns with no role
		parentAt := 0                     // where the parent code goes among fields
		for i, c := range row.Cells {
			r := roleUnknown
			name := ""
			if i < len(roles) {
				r = roles[i]
			}
			if r != roleCode {
				if _, mark := cutNoteMark(c.Text); mark != "" {
					doc.marks = append(doc.marks, entryMark{pos: e.Source, mark: mark}) // "404¹"
				}
			}
			if i < len(t.Header) && t.Header[i].Text != "" {
				name = t.Header[i].Text
			} else {
				name = "column " + itoa(i+1)
			}
			switch r {
			case roleCode:
				var mark string
				if e.Code, mark = cleanCodeMark(c.Text); mark != "" {
					doc.marks = append(doc.marks, entryMark{pos: e.Source, mark: mark}) // "E101¹"
				}
				if code, rest, ok := leadCode(c.Text); ok {
					e.Code, cellMsg = code, rest // "`E_TIMEOUT`: The upstream timed out"
				} else if pname, ok := problemTypeName(e.Code); ok && byName {
					// A problem type's URI: the problem is known by its last segment, the
					// URI as written is kept.
					fields = append(fields, catalog.Field{Name: name, Value: e.Code})
					e.Code = pname
				} else if codes := cellCodes(c.Text); codes != nil {
					e.Code, more = codes[0], codes[1:] // "E1001, E1002": two codes, one text
				} else if code, rest, ok := codeFirstLine(c.Text); ok {
					e.Code, cellMsg = code, rest // "`AUTH_002`<br>*deprecated*": a code and a note
				} else if !isToken(e.Code) {
					// "E_TIMEOUT: The upstream timed out": a code and its message in one cell.
					if code, msg := splitCodeHeading(e.Code); msg != "" && isToken(code) && codeLike(code) {
						e.Code, cellMsg = code, msg
					}
				}
				if strings.HasPrefix(c.Text, "[") && strings.Contains(c.Text, "](#") {
					doc.linked = append(doc.linked, linkedRow{e: e, cell: c.Text})
				}
			case roleStatusName:
				if code, st, ok := codeStatus(c.Text); ok {
					e.Code, named = code, st // "400 / E_BAD_AMOUNT", "E_BAD_AMOUNT (400)"
				} else if st, name, ok := statusPrefix(c.Text); ok {
					e.Code, named = name, st // "403 Card blocked"
				} else if st, _, ok := statusHeading(c.Text); ok {
					e.Code, named = c.Text, st
				} else {
					e.Code = cleanCode(c.Text) // a code written without its status
				}
			case roleStatus:
				if sts := cellStatuses(c.Text); len(sts) > 1 {
					// "400 / 422": an entry under each; the row's is the first.
					column, moreStatuses = sts[0], sts[1:]
					break
				}
				st, ok := statusCell(c.Text)
				if !ok {
					st, _, ok = statusConstant(c.Text) // "HttpStatus.NOT_FOUND", "Not Found"
				}
				switch {
				case !ok:
					doc.Diags.Add(c.Pos, catalog.Error, catalog.RuleBadStatusCell,
						"status cell %q holds no HTTP status (expected a number such as 400, or a status name such as Not Found)", c.Text)
				case st != 0 && !st.IsValid():
					doc.Diags.Add(c.Pos, catalog.Error, catalog.RuleInvalidStatus,
						"status %d in cell %q is not an HTTP status (expected 100-599)", int(st), c.Text)
					st = 0
				}
				column = st
				if i == fill {
					if strings.TrimSpace(c.Text) == "" {
						column = above
					}
					above = column
				}
				if i == spanned {
					column = last
				}
				last = column
			case roleMessage:
				if c.Text == "" && e.Message != "" {
					break // records in two shapes give a role two columns (coalesceTexts)
				}
				e.Message = c.Text
				if emptyMeaning(c.Text) {
					e.Message = ""
				} else if strings.Contains(c.Text, "<") {
					e.Message = reBreak.ReplaceAllString(c.Text, " ") // plain text: "Expired<br>(non-standard)"
				}
			case roleDescription:
				if c.Text != "" {
					e.Description = cellText(c.Text)
				}
			case roleResolution:
				if c.Text != "" {
					e.Resolution = cellText(c.Text)
				}
			case roleParentCode: // below, once the row's code is known, in this place
				parentAt = len(fields)
			default:
				text := c.Text
				if i < len(category) && categoryHeader(t.Header[i].Text) {
					if text == "" {
						text = category[i]
					}
					category[i] = text
				}
				if !emptyMeaning(text) {
					fields = append(fields, catalog.Field{Name: name, Value: text})
				}
			}
		}
		parent := ""
		if parentCol >= 0 {
			if parentCol < len(row.Cells) {
				parent = cleanCode(row.Cells[parentCol].Text)
			}
			switch {
			case parent != "":
				parentAbove = parent
			case e.Code != "":
				parent = parentAbove
			}
			if e.Code == "" {
				// No sub-code: the row documents the parent code itself, in the parent's
				// text columns too ("msg" beside "sub_msg").
				e.Code = parent
				fields = parentTexts(e, fields)
			} else if parent != "" {
				fields = slices.Insert(fields, parentAt, catalog.Field{Name: t.Header[parentCol].Text, Value: parent})
			}
		}
		if struck {
			fields = markStruck(fields)
		}
		e.SetFields(fields)
		if cellMsg != "" {
			if e.Message == "" {
				e.Message = cellMsg
			} else {
				e.Description = joinParas(cellMsg, e.Description)
			}
		}
		if leads && column > 0 && column < 400 && codeCol < len(row.Cells) && !leadsCode(row.Cells[codeCol].Text) {
			// "200 | OK | The order": a success among the responses of an operation
			// whose error rows write their codes first (leadCodeColumn), no error.
			doc.Rows--
			doc.note(row.Pos, "table row of status %d: a success, not an error: kept as text", int(column))
			ranges = append(ranges, row)
			continue
		}
		if above := continued(t, e, row, codeCol, roles, prev); above != nil {
			// An empty code cell under a code, in a row that says more of an error: the
			// code above, merged down its column as a status cell can be. The row is a
			// variant of it, or its entry under another status.
			e.Code = above.Code
			if column == 0 && hasRole(roles, roleStatus) {
				column = above.Status
			}
			doc.note(row.Pos, "table row with an empty code cell: the code above, %s (a cell merged down the column)", e.Code)
		}
		if !hasWordRune(e.Code) {
			prev = nil
			doc.Dropped++
			got := fmt.Sprintf("got %q", e.Code)
			if strings.TrimSpace(e.Code) == "" {
				got = "the cell is empty"
			}
			doc.Diags.Add(row.Pos, catalog.Error, catalog.RuleEmptyCode,
				"table row has no error code in its %q column: %s", codeHeader(t.Header, roles), got)
			continue
		}
		switch {
		case named == 0:
		case column == 0:
			column = named
		case named != column:
			doc.Diags.Add(row.Pos, catalog.Warning, catalog.RuleStatusConflict,
				"status column says %d but the code's cell says %d for %q; using the column", int(column), int(named), e.Code)
		}
		if protocol == catalog.JSONRPC {
			column = 0
		}
		if textCol == roleMessage {
			if st, rest, ok := textStatusPrefix(e.Message); ok {
				column, e.Message = st, rest
			}
		} else if textCol == roleDescription {
			if st, rest, ok := textStatusPrefix(e.Description); ok {
				column, e.Description = st, rest
			}
		}
		heading := ctx.Status
		if ctx.Overridable && column != 0 {
			heading = 0 // a record's own status over its holder's: meant so
		}
		resolveStatus(e, column, heading, &doc.Diags)
		if e.From == catalog.FromNone && protocol == catalog.HTTP && parent != "" && parent != e.Code {
			// A sub-code that says no status has its parent's ("40102 | TOKEN.EXPIRED").
			if st := statusFromCode(parent); st != 0 {
				e.Status, e.From = st, catalog.FromPrefix
			}
		}
		doc.Entries = append(doc.Entries, e)
		prev = nil
		if len(row.Cells) == len(t.Header) {
			prev = e // a ragged row's cells are not where the header puts them
		}
		linked := len(doc.linked) > 0 && doc.linked[len(doc.linked)-1].e == e
		first := len(doc.Entries) - 1
		for _, code := range more {
			// Each code the cell lists is an entry with the row's text; each counts as
			// a row read, so that rows = entries + dropped + merged holds.
			doc.Rows++
			o := *e
			o.Code = code
			o.SetFields(slices.Clone(e.Fields()))
			doc.Entries = append(doc.Entries, &o)
			if linked { // "[E1001](#e1001), [E1002](#e1002)": each links to its section
				doc.linked = append(doc.linked, linkedRow{e: &o, cell: doc.linked[len(doc.linked)-1].cell})
			}
		}
		if len(moreStatuses) > 0 {
			row := doc.Entries[first:] // the row's entries, one per code
			for _, st := range moreStatuses {
				for _, x := range row {
					doc.Rows++ // as for the codes above
					o := *x
					o.Status, o.From = st, catalog.FromColumn
					o.SetFields(slices.Clone(x.Fields()))
					doc.Entries = append(doc.Entries, &o)
				}
			}
		}
	}
	if ranges != nil {
		doc.kept = append(doc.kept, gfmTable(table{Header: t.Header, Rows: ranges}))
	}
}

// uriNames reports whether the URIs of a table's code column (problem types) name their
// entries by their last segment (problemTypeName): no two of them share one, as
// ".../v1/expired" and ".../v2/expired" would; those are then their whole URIs.
func uriNames(rows []tableRow, roles []role) bool {
	col := slices.Index(roles, roleCode)
	if col < 0 {
		return false
	}
	var seen map[string]string // name → URI
	for _, r := range rows {
		if col >= len(r.Cells) {
			continue
		}
		uri := cleanCode(r.Cells[col].Text)
		name, ok := problemTypeName(uri)
		if !ok {
			continue
		}
		if seen == nil {
			seen = map[string]string{}
		}
		if u, dup := seen[name]; dup && u != uri {
			return false
		}
		seen[name] = uri
	}
	return true
}

// cellStatuses returns the statuses a status cell lists, when it lists two or more:
// separated by slashes, commas, "or" or line breaks ("400 / 422", "401 Unauthorized or
// 403 Forbidden", "400<br>409"), each part a status alone or with its name. It returns
// nil otherwise ("404 (400 before v2)" is one status and a remark).
func cellStatuses(text string) []catalog.Status {
	if !strings.ContainsAny(text, ",/;\n<、，或") && !strings.Contains(text, " or ") && !strings.Contains(text, "또는") && !strings.Contains(text, "または") {
		return nil
	}
	parts := reStatusListSep.Split(strings.TrimSpace(text), -1)
	if len(parts) < 2 || len(parts) > 10 {
		return nil
	}
	var out []catalog.Status
	for _, p := range parts {
		st, name, ok := statusHeading(cleanCode(p))
		if !ok || !st.IsValid() || name != "" && !isReason(st, name) {
			return nil
		}
		if !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// reStatusListSep matches what separates the statuses of a cell that lists several.
var reStatusListSep = regexp.MustCompile(`\s*(?:[/,;、，]|<br\s*/?>|\n|\bor\b|또는|または|或)\s*`)

// categoryHeaders are the headers of a column that sorts the rows into categories, which
// a table merging its cells down writes once per run of rows.
var categoryHeaders = map[string]bool{
	"구분": true, "분류": true, "유형": true, "종류": true, "카테고리": true, "category": true,
	"kind": true, "group": true, "種類": true, "分類": true, "区分": true, "类型": true,
	"分类": true, "類型": true, "类别": true, "類別": true,
}

// categoryHeader reports whether a header names a category column.
func categoryHeader(h string) bool { return categoryHeaders[foldHeader(h)] }

// reBreak matches an HTML line break written in a cell.
var reBreak = regexp.MustCompile(`(?i)\s*<br\s*/?>\s*`)

// cellText returns the text of a cell of Markdown, a description or a resolution: empty
// when the cell only says it is (emptyMeaning), and each "<br>" outside code spans a line
// break, as the HTML reader writes a cell's <br> (raw HTML is no text of the catalog's
// Markdown: a page leaves it out). A code span is as CommonMark reads it: a run of
// backticks opens it and the next run of as many closes it (a span opened by two
// backticks may hold one); a run that nothing closes is text.
func cellText(text string) string {
	if emptyMeaning(text) {
		return ""
	}
	if !strings.Contains(text, "<") {
		return text
	}
	var b strings.Builder
	from := 0 // the start of the text not yet written, outside code spans
	for _, sp := range codeSpans(text) {
		b.WriteString(reBreak.ReplaceAllString(text[from:sp[0]], "\n"))
		b.WriteString(text[sp[0]:sp[1]])
		from = sp[1]
	}
	b.WriteString(reBreak.ReplaceAllString(text[from:], "\n"))
	return strings.TrimSpace(b.String())
}

// codeSpans returns where text's code spans are, backticks included, in order, in one
// pass over its runs of backticks: each run that is no span's closer opens a span when a
// later run has its length, and the first such run closes it.
func codeSpans(text string) [][2]int {
	type run struct{ at, n int }
	var runs []run
	byLen := map[int][]int{} // the runs of each length, by their index in runs
	for i := 0; i < len(text); {
		if text[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] == '`' {
			j++
		}
		byLen[j-i] = append(byLen[j-i], len(runs))
		runs = append(runs, run{i, j - i})
		i = j
	}
	var spans [][2]int
	next := map[int]int{} // for each length, the first of its runs not yet passed
	end := 0              // the end of the last span
	for k, r := range runs {
		if r.at < end {
			continue // inside a span
		}
		same := byLen[r.n]
		p := next[r.n]
		for p < len(same) && same[p] <= k {
			p++
		}
		if p == len(same) {
			next[r.n] = p
			continue // nothing closes it: backticks as text
		}
		c := runs[same[p]]
		next[r.n] = p + 1
		end = c.at + c.n
		spans = append(spans, [2]int{r.at, end})
	}
	return spans
}

// emptyMeaning reports whether a cell's text says only that the cell is empty: nothing, a
// dash ("-", "–", "—"), "N/A", or a non-breaking space, written as characters or as
// entity references ("&nbsp;", "&ndash;", "&mdash;"), which a Markdown cell keeps as it
// is written. A status cell of one gives no status; a text cell, no text.
func emptyMeaning(text string) bool {
	t := strings.TrimSpace(text) // U+00A0 is space
	if len(t) > 24 {
		return false
	}
	if strings.Contains(t, "&") {
		t = strings.TrimSpace(html.UnescapeString(t))
	}
	switch t {
	case "", "-", "--", "‐", "–", "—", "―", "−", "－":
		return true
	}
	return strings.EqualFold(t, "n/a")
}

// cellCodes returns the codes a code cell lists, when it lists two or more: separated by
// commas, slashes, line breaks or "<br>" ("E1001, E1002", "`E1003`<br>`E1004`"). Each part
// must be plainly a code (spacedCode): "Not found, gone" is no list of codes. It returns
// nil otherwise.
func cellCodes(text string) []string {
	if !strings.ContainsAny(text, ",/\n<、，") {
		return nil
	}
	parts := reCodeListSep.Split(text, -1)
	if len(parts) < 2 || len(parts) > 20 {
		return nil
	}
	codes := make([]string, 0, len(parts))
	for _, p := range parts {
		c := cleanCode(p)
		// A short code ("E1, E2") is plainly one beside others of its shape, and a word
		// written as code ("`SkuNotAvailable`, `SkuNotSupported`") one the writer marked.
		if !spacedCode(c) && !(isToken(c) && codeLike(c) && (codeSpan1(p) || strings.ContainsAny(c, "0123456789") && skeleton(c) == skeleton(cleanCode(parts[0])))) {
			return nil
		}
		codes = append(codes, c)
	}
	return codes
}

// codeSpan1 reports whether s is one code span ("`SkuNotAvailable`"), maybe bold or linked
// around it.
func codeSpan1(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "*_")
	if m := reLinkText.FindStringSubmatch(s); m != nil && strings.HasPrefix(s, "[") {
		s = strings.TrimSpace(m[1])
	}
	return len(s) > 2 && s[0] == '`' && s[len(s)-1] == '`' && !strings.Contains(s[1:len(s)-1], "`")
}

// skeleton returns a code with each run of digits written as one "9": "E12" and "E3" have
// the same shape, "E1" and "1E" do not.
func skeleton(c string) string {
	var b strings.Builder
	digit := false
	for _, r := range c {
		if r >= '0' && r <= '9' {
			if !digit {
				b.WriteByte('9')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

// codeFirstLine splits a code cell whose first line is a code and whose next lines are
// text ("`AUTH_002`<br>*deprecated*", "E1001\n(since v2)"): the code, and the text, which
// goes with the row's message as the text of a "E1: message" cell does.
func codeFirstLine(text string) (code, rest string, ok bool) {
	if !strings.ContainsAny(text, "\n<") {
		return "", "", false
	}
	parts := reCellBreak.Split(strings.TrimSpace(text), 2)
	if len(parts) < 2 {
		return "", "", false
	}
	code = cleanCode(parts[0])
	if !isToken(code) || !codeLike(code) {
		return "", "", false
	}
	return code, strings.TrimSpace(parts[1]), true
}

// reCellBreak matches a line break in a cell: a newline or "<br>".
var reCellBreak = regexp.MustCompile(`\s*(?:<br\s*/?>|\n)\s*`)

// reCodeListSep matches what separates the codes of a cell that lists several.
var reCodeListSep = regexp.MustCompile(`\s*(?:,|、|，|\s/\s|<br\s*/?>|\n)\s*`)

// statusFillsDown returns the status column whose empty cells stand for the status above
// them, or -1: the column of a table whose status cells were merged down the column (an
// HTML rowspan, or a table copied from one: "400 | A", " | B", "401 | C"). That is so when
// the first row has a status, each of two statuses or more is written once, and empty
// cells are more than half as many as the statuses: a column that repeats its statuses ("400", "400") writes
// every one, and a few empty cells among unique statuses are codes that have none.
func statusFillsDown(t table, roles []role) int {
	col := -1
	for i, r := range roles {
		if r == roleStatus {
			col = i
		}
	}
	if col < 0 || len(t.Rows) < 2 {
		return -1
	}
	cellAt := func(r tableRow) string {
		if col < len(r.Cells) {
			return strings.TrimSpace(r.Cells[col].Text)
		}
		return ""
	}
	if cellAt(t.Rows[0]) == "" {
		return -1
	}
	// A category column merged down (categoryHeader) says the sheet merges its cells:
	// then a status left empty inside a category's run of rows, never on its first row,
	// is merged too, though statuses repeat from one category to another. Two equal
	// statuses one above the other would have been one merged cell.
	cat := -1
	for i, r := range roles {
		if r == roleUnknown && i < len(t.Header) && categoryHeader(t.Header[i].Text) {
			cat = i
			break
		}
	}
	inRuns := cat >= 0 && cat < len(t.Rows[0].Cells) && strings.TrimSpace(t.Rows[0].Cells[cat].Text) != ""
	seen := map[string]bool{}
	empties, repeated, prev := 0, false, ""
	for _, r := range t.Rows {
		if blankRow(r) {
			continue // a spacer row says nothing of the column
		}
		runStart := cat >= 0 && cat < len(r.Cells) && strings.TrimSpace(r.Cells[cat].Text) != ""
		if runStart {
			prev = "" // merged cells end with the category's run
		}
		switch v := cellAt(r); {
		case v == "":
			empties++
			inRuns = inRuns && !runStart
		case v == prev:
			inRuns, repeated = false, true
		case seen[v]:
			repeated = true
		default:
			seen[v] = true
		}
		if v := cellAt(r); v != "" {
			prev = v
		}
	}
	if inRuns && empties > 0 && len(seen) >= 2 {
		return col
	}
	if repeated || len(seen) < 2 || empties*2 <= len(seen) {
		return -1 // one status and an empty cell say too little to tell
	}
	return col
}

// spannedStatus returns the column of the status cell that a row one cell short leaves out
// because the row above spans it, in a table copied from a rendered page (a rowspan
// written once: "E1 | 412 | A", "E2 | B"), or -1. It is so only when that is plain: the
// table has one status column, not the first, and the row above had a status (last);
// the row's cells before it hold a code where the code column is, and the cell that
// would stand in the status column holds no status (a row that gives its status and
// leaves out a later cell keeps it).
func spannedStatus(row tableRow, roles []role, last catalog.Status) int {
	if last == 0 {
		return -1
	}
	col, code := -1, -1
	for i, r := range roles {
		switch {
		case r == roleStatus && col >= 0:
			return -1 // two status columns: which one is spanned is no longer plain
		case r == roleStatus:
			col = i
		case r == roleCode && code < 0:
			code = i
		}
	}
	if col <= 0 || code < 0 || code >= col || col >= len(row.Cells) {
		return -1 // a status in the last column: the row may as well lack its last cell
	}
	if c := cleanCode(row.Cells[code].Text); !isToken(c) || !codeShaped(c) {
		return -1
	}
	if _, ok := statusCell(row.Cells[col].Text); ok {
		return -1
	}
	if _, _, ok := statusConstant(row.Cells[col].Text); ok {
		return -1
	}
	return col
}

// blankRow reports whether every cell of r is empty.
func blankRow(r tableRow) bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

func codeHeader(header []cell, roles []role) string {
	for i, r := range roles {
		if r == roleCode || r == roleStatusName {
			if i < len(header) && header[i].Text != "" {
				return header[i].Text
			}
			return "column " + itoa(i+1) // a header with no text, or shorter than the rows
		}
	}
	return ""
}

// allJSONRPCCodes reports whether every code of a table with no status column is a
// JSON-RPC error code: an integer in the reserved range -32768 to -32000.
func allJSONRPCCodes(t table, roles []role) bool {
	if hasRole(roles, roleStatus) || len(t.Rows) == 0 {
		return false
	}
	ci := -1
	for i, r := range roles {
		if r == roleCode {
			ci = i
		}
	}
	if ci < 0 {
		return false // the code comes from a status-and-name column
	}
	for _, row := range t.Rows {
		if ci >= len(row.Cells) {
			return false
		}
		if !isJSONRPCCode(cleanCode(row.Cells[ci].Text)) {
			return false
		}
	}
	return true
}

func isJSONRPCCode(code string) bool {
	if len(code) != 6 || code[0] != '-' {
		return false
	}
	n := 0
	for _, c := range code[1:] {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 32000 && n <= 32768
}

// reLinkText matches a Markdown link that is a whole cell, its text in group 1.
var reLinkText = regexp.MustCompile(`^\[([^\[\]]+)\]\([^()\s]*(?:\s+"[^"]*")?\)$`)

// cleanCode strips what a code is often written with and is no part of it: the Markdown
// it is wrapped in (backticks, bold, italics, strike-through, quotes, a link), a
// pictograph before it and a footnote marker after it (codemarks.go).
func cleanCode(s string) string {
	code, _ := cleanCodeMark(s)
	return code
}

// cleanCodeMark is cleanCode that also returns the footnote marker it took off the
// code's end (markID), or "".
func cleanCodeMark(s string) (code, mark string) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "\\") && !strings.Contains(s, "`") {
		// "PAYOUT\_NOT\_FOUND": Markdown's escapes, which converters write before every
		// "_" and "*"; no code holds a backslash before punctuation (in a code span the
		// backslash is literal).
		s = unescapeMarkdown(s)
	}
	// Each round takes off one layer ("**`E1`**" has two) and costs the cell's length:
	// the rounds are bounded so that a hostile cell of many layers costs linear time.
	for round := 0; ; round++ {
		if round == maxCodeLayers {
			return s, mark
		}
		t := trimDecoration(s)
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, ")") {
			if m := reLinkText.FindStringSubmatch(t); m != nil {
				t = strings.TrimSpace(m[1]) // "[E_AUTH](#e_auth)": the link's text
			}
		}
		for _, w := range []string{"`", "**", "__", "~~", "*", "\"", "'"} {
			if len(t) > 2*len(w) && strings.HasPrefix(t, w) && strings.HasSuffix(t, w) {
				t = strings.TrimSpace(t[len(w) : len(t)-len(w)])
			}
		}
		// "E1001:", "`E1002`:", "E1003：": the colon of a label, not the code's.
		for _, colon := range []string{":", "："} {
			if c, ok := strings.CutSuffix(t, colon); ok && c != "" && !strings.HasSuffix(c, ":") {
				t = strings.TrimSpace(c)
			}
		}
		if rest, m := cutNoteMark(t); m != "" {
			t, mark = rest, m
		}
		if t == s {
			return s, mark
		}
		s = t
	}
}

// maxCodeLayers is how many layers of markup cleanCode takes off a code: a link, bold,
// code, quotes, a label's colon, a footnote mark. A real code has a few.
const maxCodeLayers = 16

// fullWidthPipe is "｜" (U+FF5C), which Chinese and Japanese input methods type for "|",
// and with which tables copied from CJK pages separate their cells.
var fullWidthPipe = []byte("\uFF5C")

// fullWidthRow reports whether line separates its cells with full-width pipes: it holds
// one, and no "|" stands between two cells (an outer "|" may: "| 코드 ｜ 설명 |", typed
// half in one input mode). A line whose cells are split by "|" keeps its "｜" as text.
func fullWidthRow(line []byte) bool {
	if !bytes.Contains(line, fullWidthPipe) {
		return false
	}
	t := bytes.TrimSpace(line)
	t = bytes.TrimPrefix(t, []byte{'|'})
	if n := len(t); n > 0 && t[n-1] == '|' && (n < 2 || t[n-2] != '\\') {
		t = t[:n-1]
	}
	return bytes.IndexByte(t, '|') < 0
}

// pipeView returns line as a table of full-width pipes is split: every "｜" written as
// "|" and two spaces. The view has as many bytes as the line, so an offset into it is the
// same offset into the source, and a cell's position, counted in the source's runes,
// stays right; the two spaces stand at the start of the next cell, whose text is trimmed.
// The table readers ask for it of a table whose header is a fullWidthRow, so that every
// check of theirs for "|" holds for "｜" too; any other line is returned as it is.
func pipeView(line []byte) []byte {
	if !fullWidthRow(line) {
		return line
	}
	out := bytes.Clone(line)
	for i := 0; ; {
		k := bytes.Index(out[i:], fullWidthPipe)
		if k < 0 {
			return out
		}
		copy(out[i+k:], "|  ")
		i += k + len(fullWidthPipe)
	}
}

// leadsCode reports whether a cell begins with its code in a code span (leadCode).
func leadsCode(text string) bool {
	_, _, ok := leadCode(text)
	return ok
}

// continued returns the entry whose code a row continues, or nil: the row's code cell is
// empty and so are the cells before it, the row above gave an entry, and the row has a message, description or
// resolution of its own ("| | | `to` is missing | Send a station id |" under a row of
// ST-100): the code cell of the row above was merged down, as status cells can be.
//
// Ragged rows are no continuation: a row of too many or too few cells says its cells are
// not where the header puts them. Nor is a code cell that held a component the front-end
// blanked (MDX): it was not empty as written.
func continued(t table, e *catalog.Entry, row tableRow, codeCol int, roles []role, prev *catalog.Entry) *catalog.Entry {
	if prev == nil || e.Code != "" || codeCol < 0 || len(row.Cells) != len(t.Header) || strings.TrimSpace(row.Cells[codeCol].Text) != "" {
		return nil
	}
	// Merged down, the cells before the code's are empty too; a row that gives its status
	// first ("| 401 | | Authentication failed |") is an error with no code.
	for _, c := range row.Cells[:codeCol] {
		if strings.TrimSpace(c.Text) != "" {
			return nil
		}
	}
	if o := t.src; o != nil && o.orig != nil && row.Pos.Line > 0 && row.Pos.Line <= o.orig.LineCount() &&
		!bytes.Equal(bytes.TrimSpace(o.orig.Line(row.Pos.Line)), bytes.TrimSpace(o.Line(row.Pos.Line))) {
		return nil
	}
	for i, c := range row.Cells {
		if i < len(roles) && (roles[i] == roleMessage || roles[i] == roleDescription || roles[i] == roleResolution) && !emptyMeaning(c.Text) {
			return prev
		}
	}
	return nil
}

// parentTexts gives the entry of a row that documents a parent code (one with no
// sub-code, see subCodeColumn) the text of its parent's text columns, which the sub-codes'
// took the roles of and left as fields ("msg" beside "sub_msg"): each fills the role its
// header names when the row leaves it empty. It returns the fields left.
func parentTexts(e *catalog.Entry, fields []catalog.Field) []catalog.Field {
	out := fields[:0]
	for _, f := range fields {
		var to *string
		switch headerRole(f.Name) {
		case roleMessage:
			to = &e.Message
		case roleDescription:
			to = &e.Description
		case roleResolution:
			to = &e.Resolution
		}
		if to == nil || *to != "" {
			out = append(out, f)
			continue
		}
		if to == &e.Message {
			*to = reBreak.ReplaceAllString(f.Value, " ") // plain text, as a message cell's
		} else {
			*to = cellText(f.Value)
		}
	}
	return out
}
