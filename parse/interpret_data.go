package parse

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file is the part of the interpreter that reads error catalogs kept as data or code:
// records of a data file (doc.Records) and enum members (doc.Enum). A record's fields get
// their roles from the same vocabulary as table headers (vocab.go) and from their values,
// as a table's columns do; the records then become a table for addTable, so that statuses,
// diagnostics and fields work as for every other format.

// recordSample is how many records the roles of fields are judged from.
const recordSample = 200

// fieldRoles gives each field name its role, from its words and from the values under it:
//   - each role goes to the field that names it best: a strong word over a weak one
//     ("code" over "id"), and a name that says whose it is over a bare one ("errorSummary"
//     over "title");
//   - a status field whose values hold no status, or a code field whose values are
//     sentences ("error" over "KMS error"), loses its role; such a code field holds the
//     message when no other field does;
//   - with no code field, the key of keyed records is the code, or else the first field
//     whose values are all code-shaped tokens, nearly all different;
//   - a field from a map beside the records (mapped, see doc.Records.Mapped) is a status
//     when its name says so and every value is one, and a text its name names that the
//     records' own fields leave out; never their code;
//   - docgen.yaml's columns override says what it says.
func fieldRoles(src *Source, names []string, rows []tableRow, keyed bool, mapped []string) ([]role, string) {
	roles := make([]role, len(names))
	type cand struct {
		col   int
		score int
	}
	best := map[role]cand{}
	var texts []roleCol // the columns a text role (message, description, resolution) may fill
	weakCode := map[int]bool{}
	for i, n := range names {
		if keyed && i == 0 {
			continue // the key column
		}
		if slices.Contains(mapped, n) {
			continue // mappedRoles
		}
		// A field of a nested object ("error.code", "example.message", see data's
		// record) has the role of its own name; it comes after the record's own fields
		// unless the object is the error ("error.code").
		own, outer := n, ""
		if j := strings.LastIndexByte(n, '.'); j > 0 && j < len(n)-1 {
			outer, own = n[:j], n[j+1:]
		}
		r, strong := fieldNameRole(own)
		if r == roleUnknown {
			continue
		}
		score := 1
		if strong {
			score = 2
		}
		bonusFrom := n
		if outer != "" {
			bonusFrom = outer
			score--
		}
		for _, w := range headerTokens(bonusFrom) {
			if w == "error" || w == "err" {
				score += 2 // "errorSummary", "error.message": the error's own
				if outer == "" {
					score-- // one more than a bare name, for a name of its own
				}
				break
			}
		}
		if r == roleCode && !strong {
			weakCode[i] = true
		}
		if c, ok := best[r]; !ok || score > c.score {
			best[r] = cand{i, score}
		}
		if r == roleMessage || r == roleDescription || r == roleResolution {
			texts = append(texts, roleCol{i, r})
		}
	}
	for r, c := range best {
		roles[c.col] = r
	}
	coalesceTexts(roles, texts, rows)
	sample := rows
	if len(sample) > recordSample {
		sample = sample[:recordSample]
	}
	for i, r := range roles {
		if (r == roleMessage || r == roleDescription || r == roleResolution) && jsonColumn(sample, i) {
			roles[i] = roleUnknown // "causes": [{…}]: nested records (read as their own list), not text
			continue
		}
		c := columnStats(sample, i)
		switch r {
		case roleStatus:
			if c.nonEmpty > 0 && (c.statuses+c.statusNames)*2 < c.nonEmpty {
				roles[i] = roleUnknown
			}
		case roleCode:
			if c.nonEmpty > 0 && c.tokens*10 < c.nonEmpty*9 {
				roles[i] = roleUnknown
				if weakCode[i] && !hasRole(roles, roleMessage) {
					roles[i] = roleMessage
				}
			}
		}
	}
	if !keyed {
		subCodeColumn(roles, names, sample) // "code" beside "sub_code", as in a table
	}
	cols := make([]colStats, len(roles))
	for i, r := range roles {
		if r != roleUnknown {
			cols[i] = columnStats(sample, i)
		}
	}
	dateColumns(roles, cols, names)
	why := mappedRoles(names, sample, roles, mapped)
	// A map of strings: the value, a field with no name, is the message when the keys
	// are codes. A map's keys are unique but where the file gives one twice (a warning
	// of its reader): that is no sign they are not codes.
	if keyed && len(names) == 2 && names[1] == "" {
		c := columnStats(sample, 0)
		if c.nonEmpty == len(sample) && c.tokens == c.nonEmpty && c.codeShaped == c.nonEmpty {
			roles[0], roles[1] = roleCode, roleMessage
			return roles, "a map of strings keyed by code-shaped keys"
		}
		return roles, ""
	}
	if !hasRole(roles, roleCode) {
		switch {
		case keyed:
			// The keys are the codes when they are written like codes ("PAY_DECLINED",
			// "NS:ErrGone", "E1001"), not words ("title", "properties").
			if c := columnStats(sample, 0); c.codeShaped*10 >= c.nonEmpty*9 {
				roles[0] = roleCode
				why = strings.TrimPrefix(why+"; the keys are the codes", "; ")
			}
		default:
			for i, r := range roles {
				c := columnStats(sample, i)
				if r == roleUnknown && !notErrorHeader(names[i]) && !historyColumn(names[i], sample, i) && c.nonEmpty == len(sample) && c.tokens == c.nonEmpty && c.codeShaped == c.nonEmpty && c.unique() && c.statuses < c.nonEmpty {
					roles[i] = roleCode
					why = fmt.Sprintf("field %q holds a code-shaped value in every record", names[i])
					break
				}
			}
		}
	}
	// RFC 9457 problems ({type: "https://…/problems/out-of-credit", title, status}) with
	// no code of their own: the type is their code, as in a table of problem types.
	if !hasRole(roles, roleCode) && (hasRole(roles, roleMessage) || hasRole(roles, roleStatus)) {
		for i, r := range roles {
			if r == roleUnknown && !(keyed && i == 0) && problemTypeHeader(names[i]) && problemTypeColumn(sample, i, names[i]) {
				roles[i] = roleCode
				why = fmt.Sprintf("field %q holds problem types", names[i])
				break
			}
		}
	}
	for i, n := range names {
		if r, ok := src.columnOverride(n); ok {
			for j := range roles {
				if roles[j] == r {
					roles[j] = roleUnknown
				}
			}
			roles[i] = r
		}
	}
	return roles, why
}

// mappedRoles gives roles to the fields of records that came from maps beside them keyed
// by the same keys (doc.Records.Mapped): a map named for statuses ("statuses",
// "httpStatus", "status_codes") whose every value is one gives the records' status where
// their own fields give none; one named for a text (message, description, resolution)
// gives that text where no field of their own does. Another map ("limits": {"E1": 5}), or
// one of numbers that are no statuses, stays a field. It says what it did, or "".
func mappedRoles(names []string, rows []tableRow, roles []role, mapped []string) string {
	var why []string
	for i, n := range names {
		if !slices.Contains(mapped, n) || roles[i] != roleUnknown {
			continue
		}
		r, _ := fieldNameRole(n)
		if r == roleUnknown {
			r = pluralNameRole(n) // "statuses", "httpStatuses": a map names what each value is
		}
		switch r {
		case roleStatus:
			c := columnStats(rows, i)
			if hasRole(roles, roleStatus) || c.nonEmpty == 0 || c.statuses < c.nonEmpty {
				continue
			}
		case roleMessage, roleDescription, roleResolution:
			if hasRole(roles, r) || jsonColumn(rows, i) {
				continue
			}
		default:
			continue
		}
		roles[i] = r
		why = append(why, fmt.Sprintf("the %s from the map %q beside them", r, n))
	}
	return strings.Join(why, "; ")
}

// pluralNameRole returns the role of the singular of an English plural field name
// ("statuses", "status_codes", "messages"), or roleUnknown. Only a map's name is read so:
// a table's "Statuses" column lists states, not HTTP statuses.
func pluralNameRole(n string) role {
	for _, cut := range []string{"es", "s"} {
		if len(n) > len(cut)+2 && strings.HasSuffix(strings.ToLower(n), cut) {
			if r, _ := fieldNameRole(n[:len(n)-len(cut)]); r != roleUnknown {
				return r
			}
		}
	}
	return roleUnknown
}

// coalesceTexts gives a text role to the further columns named for it whose records the
// role's column leaves empty: records of one list written in two shapes ("cause" in
// some, "details.cause" in others) keep their text in either. A column that shares a
// record with the role's columns stays a field. cands are the columns and the role their
// name gives, in column order.
func coalesceTexts(roles []role, cands []roleCol, rows []tableRow) {
	if len(cands) < 2 {
		return
	}
	filled := func(col int) []int {
		var at []int
		for i, r := range rows {
			if col < len(r.Cells) && strings.TrimSpace(r.Cells[col].Text) != "" {
				at = append(at, i)
			}
		}
		return at
	}
	taken := map[role]map[int]bool{} // the records a role's columns fill
	for _, c := range cands {
		r := c.role
		if roles[c.col] != r {
			continue
		}
		if taken[r] == nil {
			taken[r] = map[int]bool{}
		}
		for _, i := range filled(c.col) {
			taken[r][i] = true
		}
	}
	for _, c := range cands {
		r := c.role
		if roles[c.col] != roleUnknown || taken[r] == nil {
			continue
		}
		at := filled(c.col)
		apart := len(at) > 0
		for _, i := range at {
			if taken[r][i] {
				apart = false
				break
			}
		}
		if !apart {
			continue
		}
		roles[c.col] = r
		for _, i := range at {
			taken[r][i] = true
		}
	}
}

// roleCol is a column and a role.
type roleCol struct {
	col  int
	role role
}

// jsonColumn reports whether every non-empty value of column i is an object or an array
// (a data file's nested value, written as JSON): such a column holds no text.
func jsonColumn(rows []tableRow, i int) bool {
	n := 0
	for _, r := range rows {
		if i >= len(r.Cells) || r.Cells[i].Text == "" {
			continue
		}
		v := r.Cells[i].Text
		if (v[0] != '[' && v[0] != '{') || !json.Valid([]byte(v)) {
			return false
		}
		n++
	}
	return n > 0
}

// fieldNameRole returns the role a field's name gives it: an exact name of roleNames
// (strong), else its words (headerWordRole, strong or weak).
func fieldNameRole(name string) (role, bool) {
	if r := roleNames[foldHeader(name)]; r != roleUnknown {
		return r, true
	}
	return headerWordRole(name)
}

// maxFields is how many distinct field names records are laid out with: more (a file
// whose every object has fields of its own) would make the table quadratic in the
// input; the fields past it are left out, with a warning (fieldsLeftOut).
const maxFields = 256

// The cells of the layout are at most recordCells, or recordCellsPerField for each field
// the records have when that is more: 256 records of a field of their own each, then
// 160,000 records of a code alone, laid out 256 columns wide held 3 GB for 2.9 MB. Past it
// the columns are the first names the bound allows (at least minFields).
const (
	recordCells         = 1 << 20
	recordCellsPerField = 8
	minFields           = 16
)

// RuleFieldsLeftOut is the rule of records whose fields past the layout's columns are left
// out (a warning).
const RuleFieldsLeftOut = "fields-left-out"

// leftOut counts the fields of records that recordsTable left out of its layout.
type leftOut struct {
	fields int
	first  catalog.Pos // the first of them
	name   string
}

// recordsTable lays records out as a table: a column per field name in the order they
// first appear (keyed records get a first column, "key" or the name the front-end gives
// their keys), a row per record.
func recordsTable(src *Source, r *doc.Records, skip map[string]bool) (table, leftOut) {
	fields := 0
	for _, it := range r.Items {
		fields += len(it.Fields)
	}
	most := maxFields
	if len(r.Items) > 0 {
		most = min(maxFields, max(minFields, max(recordCells, recordCellsPerField*fields)/len(r.Items)))
	}
	var names []string
	index := map[string]int{}
	if r.Keyed {
		names = append(names, cmp.Or(r.KeyName, "key"))
		index["\x00key"] = 0
	}
	var out leftOut
	for _, it := range r.Items {
		for _, f := range it.Fields {
			if skip[f.Name] {
				continue
			}
			if _, ok := index[f.Name]; ok {
				continue
			}
			if len(names) < most {
				index[f.Name] = len(names)
				names = append(names, f.Name)
				continue
			}
			if out.fields == 0 {
				out.first, out.name = f.Pos, f.Name
			}
			out.fields++
		}
	}
	t := table{src: src, memo: &tableMemo{}}
	for _, n := range names {
		t.Header = append(t.Header, cell{Text: n, Pos: r.Pos})
	}
	for _, it := range r.Items {
		row := tableRow{Pos: it.Pos, Cells: make([]cell, len(names))}
		for i := range row.Cells {
			row.Cells[i].Pos = it.Pos
		}
		if r.Keyed {
			row.Cells[0] = cell{Text: it.Key, Pos: it.Pos}
		}
		for _, f := range it.Fields {
			if i, ok := index[f.Name]; ok && row.Cells[i].Text == "" {
				row.Cells[i] = cell{Text: strings.TrimSpace(f.Value), Pos: f.Pos}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, out
}

// recordsKind judges records laid out as t: an error list when a field holds the code and
// another says what the error is or which status it has.
func recordsKind(src *Source, r *doc.Records, t table) (tableKind, string) {
	names := cellTexts(t.Header)
	roles, why := fieldRoles(src, names, t.Rows, r.Keyed, r.Mapped)
	if pwhy := positionalRoles(r, names, t.Rows, roles); pwhy != "" {
		why = strings.TrimPrefix(why+"; "+pwhy, "; ")
	}
	t.Roles = roles
	t.memo.roles, t.memo.kind, t.memo.done = roles, tableErrors, true
	if !hasRole(roles, roleCode) {
		return tableNoCode, "no field holds error codes (fields " + quoteList(names) + ")"
	}
	if !hasTextRole(roles) {
		return tableParameters, "a code field but no message, description or status field (fields " + quoteList(names) + ")"
	}
	return tableErrors, why
}

// noteRecords records what addRecords made of r, laid out as t, for docgen parse --verbose.
func (d *Doc) noteRecords(r *doc.Records, t table, kind tableKind, why string) {
	where := "at the top"
	if r.Path != "" {
		where = fmt.Sprintf("under %q", r.Path)
	}
	var cols []string
	for i, h := range t.Header {
		cols = append(cols, fmt.Sprintf("%q=%s", h.Text, t.memo.roles[i]))
	}
	if len(cols) > 12 {
		cols = append(cols[:12], fmt.Sprintf("… %d more", len(cols)-12))
	}
	text := fmt.Sprintf("%d records %s: %s", len(r.Items), where, kind)
	if why != "" {
		text += " (" + why + ")"
	}
	d.note(r.Pos, "%s; fields %s", text, strings.Join(cols, ", "))
}

// addRecords turns records that list errors into entries, and reports whether it did.
func (d *Doc) addRecords(src *Source, r *doc.Records, ctx tableContext) bool {
	r = d.noErrorRecords(r)
	if len(r.Items) == 0 {
		return false
	}
	t, out := recordsTable(src, r, nil)
	kind, why := recordsKind(src, r, t)
	if !d.quiet {
		d.noteRecords(r, t, kind, why)
	}
	if kind != tableErrors {
		return false
	}
	if out.fields > 0 {
		d.Diags.Add(out.first, catalog.Warning, RuleFieldsLeftOut,
			"these records name more fields than docgen lays out (%d here, for %d records): %d fields of names past those, from %q on, are left out of the entries",
			len(t.Header), len(r.Items), out.fields, out.name)
	}
	t.Roles = t.memo.roles
	if r.Keyed {
		keyCodes(t)
	}
	zeroStatuses(t)
	d.addTable(t, ctx)
	return true
}

// zeroStatuses reads a status field of 0 as no status: a data file or code gives a
// number to every record, and 0, the zero value, to those that have no HTTP status
// (http_status = 0 for an error reported only in a delivery receipt), as another gives
// null. Its cell is written as one that says it is empty, so that it is neither an
// invalid status nor an empty cell that takes the status above it.
func zeroStatuses(t table) {
	c := slices.Index(t.Roles, roleStatus)
	if c < 0 {
		return
	}
	for _, row := range t.Rows {
		if c < len(row.Cells) && strings.TrimSpace(row.Cells[c].Text) == "0" {
			row.Cells[c].Text = "-"
		}
	}
}

// keyCodes gives keyed records whose code field is empty their key as the code: a Go
// sentinel error that the function mapping errors to codes leaves out is still an error,
// named by its variable, as one with no such function is.
func keyCodes(t table) {
	c := slices.Index(t.Roles, roleCode)
	if c <= 0 {
		return // no code field, or the key is the code
	}
	for _, row := range t.Rows {
		if c < len(row.Cells) && strings.TrimSpace(row.Cells[c].Text) == "" && isToken(row.Cells[0].Text) {
			row.Cells[c], row.Cells[0] = row.Cells[0], cell{Pos: row.Cells[0].Pos}
		}
	}
}

// recordsHolds reports whether the records under path p (or nested deeper) are an error
// list: then the records that hold them are containers, not errors.
func recordsErrorPaths(src *Source, blocks []doc.Block) map[string]bool {
	out := map[string]bool{}
	for _, b := range blocks {
		r, ok := b.(*doc.Records)
		if ok {
			r, _ = withoutExamples(r)
		}
		if r == nil || len(r.Items) == 0 || loneWord(r) {
			continue
		}
		if parts := languageRecords(r, ""); parts != nil {
			r = parts[0].recs // text in several languages: judged on one of them
		}
		// The roles are judged on a sample, as addRecords judges them.
		sample := *r
		sample.Items = r.Items[:min(len(r.Items), recordSample)]
		t, _ := recordsTable(src, &sample, nil)
		if kind, _ := recordsKind(src, &sample, t); kind == tableErrors {
			out[r.Path] = true
		}
	}
	return out
}

// loneWord reports whether r is an object of one string that lists no error: keyed by a
// word ({"error": "…"} in each table of a TOML file), so common in data files that
// judging each as a table cost as much as reading the file.
//
// A one-member map keyed by a code is a list only where the file says it holds errors: a
// key on its path names errors or an error status ({"404": {"E200": "…"}},
// NotFound.errors), or a status stands beside it. Elsewhere it is a setting
// (env: {BILLING_API_KEY: "…"}).
func loneWord(r *doc.Records) bool {
	if !r.Keyed || len(r.Items) != 1 || len(r.Items[0].Fields) != 1 || r.Items[0].Fields[0].Name != "" {
		return false
	}
	k := cleanCode(r.Items[0].Key)
	if !(isToken(k) && codeShaped(k)) {
		return true
	}
	for _, key := range strings.Split(r.Path, ".") {
		if hasErrorWord(key) {
			return false
		}
		if st, _, ok := statusHeading(key); ok && st >= 400 && st.IsValid() {
			return false
		}
	}
	for _, f := range r.Beside {
		if st, _, ok := statusHeading(f.Value); ok && st.IsValid() {
			return false
		}
	}
	return true
}

// isDocgenCatalog reports whether a data file is docgen's own catalog.json, by its meta.
func isDocgenCatalog(meta map[string]string) bool {
	return strings.HasSuffix(meta["$schema"], catalog.SchemaFile)
}

// reEntriesPath matches where docgen's catalog.json keeps a service's entries.
var reEntriesPath = regexp.MustCompile(`^services\.(\d+)\.entries$`)

// addCatalogEntries reads the entries of docgen's own catalog.json: its fields are
// docgen's, so each goes where docgen wrote it from (code, status, protocol, group,
// message, description, resolution, fields, variants); "id", "url" and "source" are made
// anew from the entries. Read back, a catalog gives the same entries.
//
// texts, when the catalog holds translations, are its entries as catalog.DecodeJSON reads
// them, in the same order: an entry takes its language and translations from them.
func (d *Doc) addCatalogEntries(r *doc.Records, group string, texts []*catalog.Entry) {
	for k, it := range r.Items {
		d.Rows++
		e := &catalog.Entry{Protocol: catalog.HTTP, Source: it.Pos, Group: group}
		var variants string
		column := catalog.Status(0)
		for _, f := range it.Fields {
			switch f.Name {
			case "code":
				e.Code = f.Value
			case "status":
				n, err := strconv.Atoi(f.Value)
				if err != nil || !catalog.Status(n).IsValid() {
					d.Diags.Add(f.Pos, catalog.Error, catalog.RuleInvalidStatus, "status %q is not an HTTP status (expected 100-599)", f.Value)
					continue
				}
				column = catalog.Status(n)
			case "protocol":
				if p, ok := catalog.ParseProtocol(f.Value); ok {
					e.Protocol = p
				}
			case "group":
				if f.Value != "" {
					e.Group = f.Value // else the service's title, in a catalog of several
				}
			case "message":
				e.Message = f.Value
			case "description":
				e.Description = f.Value
			case "resolution":
				e.Resolution = f.Value
			case "fields":
				e.SetFields(catalogFields(f.Value))
			case "variants":
				variants = f.Value
			}
		}
		if !hasWordRune(e.Code) {
			d.Dropped++
			d.Diags.Add(it.Pos, catalog.Error, catalog.RuleEmptyCode, "catalog entry has no code: got %q", e.Code)
			continue
		}
		e.Status, e.From = column, catalog.FromColumn
		if column == 0 {
			e.From = catalog.FromNone
		}
		if k < len(texts) && texts[k].Code == e.Code {
			e.SetLang(texts[k].Lang())
			for _, t := range texts[k].Translations() {
				t.Source = it.Pos // where this file documents it, as for the entry itself
				e.SetTranslations(append(e.Translations(), t))
			}
		}
		d.Entries = append(d.Entries, e)
		var vs []struct {
			Message, Description, Resolution string
			Fields                           []catalog.Field
		}
		if json.Unmarshal([]byte(variants), &vs) == nil {
			for _, v := range vs {
				d.Rows++
				x := *e
				x.Message, x.Description, x.Resolution = v.Message, v.Description, v.Resolution
				x.SetFields(v.Fields)
				x.SetVariants(nil)
				d.Entries = append(d.Entries, &x)
			}
		}
	}
}

// catalogFields decodes the "fields" of a catalog.json entry.
func catalogFields(s string) []catalog.Field {
	var fs []catalog.Field
	if json.Unmarshal([]byte(s), &fs) != nil {
		return nil
	}
	return fs
}

// errorWords are the words of an enum's name that say it lists errors ("ErrorReason",
// "Code", "ResultCode"); "status" alone does not (an order's status).
var errorWords = map[string]bool{
	"error": true, "errors": true, "err": true, "errno": true, "errcode": true, "errc": true,
	"failure": true, "fault": true, "exception": true, "reason": true,
	"code": true, "codes": true, "rc": true,
}

// nameWords splits an identifier into lower-case words at underscores, dots and case
// changes ("ErrorReason" → "error", "reason"; "GPG_ERR_EOF" → "gpg", "err", "eof").
func nameWords(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == '.' || r == ':' || r == '-' || r == ' ' }) {
		for _, w := range splitCamel(part) {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

func hasErrorWord(s string) bool {
	for _, w := range nameWords(s) {
		if errorWords[w] {
			return true
		}
	}
	return false
}

// reErrnoName matches a name written as errno's are: "EPERM", "ENOENT", "E2BIG".
var reErrnoName = regexp.MustCompile(`^E[A-Z0-9]{2,}$`)

// strictErrorWords are the words of member names and comments that say they are errors:
// narrower than errorWords, since "code", "status" or "result" in a comment or a member's
// name says nothing of errors ("Generate code …", STATUS_ACTIVE).
var strictErrorWords = map[string]bool{
	"error": true, "errors": true, "err": true, "errno": true, "errc": true,
	"fail": true, "failed": true, "failure": true, "fault": true, "exception": true,
}

func hasStrictErrorWord(s string) bool {
	for _, w := range nameWords(s) {
		if strictErrorWords[w] {
			return true
		}
	}
	return false
}

// reNotErrors matches a comment that names errors to say what it documents is none:
// "These are not errors.", "not an error code".
var reNotErrors = regexp.MustCompile(`(?i)\b(?:not|no|never|aren't|isn't)\s+(?:an?\s+)?(?:errors?|failures?|error\s+codes?)\b`)

// enumIsErrors says whether an enum lists errors: its name says so ("ErrorReason",
// "ERRORS"), or most of its members' names do ("GPG_ERR_EOF", "ERROR_NOT_FOUND"; of a
// run of #defines, most of those that are no other kind of constant, notKind), or its
// own comment does.
func enumIsErrors(e *doc.Enum) (bool, string) {
	if hasErrorWord(e.Name) {
		return true, fmt.Sprintf("its name %q says it lists errors", e.Name)
	}
	n, of := 0, 0
	for _, m := range e.Members {
		switch {
		case hasStrictErrorWord(m.Name) || reErrnoName.MatchString(m.Name):
			n++
		case e.Run && notKind(m.Name, m.Value) != "":
			continue // a version or a limit among a run's errors (runNotErrors) does not vote
		}
		of++
	}
	if of > 0 && n*2 >= of {
		return true, fmt.Sprintf("%d of %d member names are error names", n, of)
	}
	if first, _, _ := strings.Cut(strings.TrimSpace(e.Comment), "\n"); hasStrictErrorWord(first) {
		if reNotErrors.MatchString(first) {
			return false, "its comment says it lists no errors"
		}
		return true, "its comment says it lists errors"
	}
	return false, "neither its name, its members' names nor its comment name errors"
}

// reCommentStatus finds an HTTP status that a comment states: "HTTP 404", "HTTP status:
// 404", "HTTP Mapping: 409 Conflict", "Status: 404", "status code 429".
var reCommentStatus = regexp.MustCompile(`(?i)(?:\bHTTP(?:\s+(?:status|code|mapping|response))*|\bstatus(?:\s+code)?)\s*[:=]?\s*([1-5]\d\d)\b`)

// commentStatus returns the HTTP status a comment states, or 0.
func commentStatus(c string) catalog.Status {
	m := reCommentStatus.FindStringSubmatch(c)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	if st := catalog.Status(n); st.IsValid() {
		return st
	}
	return 0
}

// addEnum turns the members of an enum that lists errors into entries: the member's name
// is the code (its value is kept as a field, or is the code when there is no name), its
// comment the description, and an HTTP status only where the comment states one. With
// the table of the enum's own docstring (prev, when the front-end found one), rows and
// members are joined on the member's value: the row gives status and text, the member
// its name. It reports whether the enum was taken and whether prev was used.
func (d *Doc) addEnum(src *Source, e *doc.Enum, prev *doc.Table, ctx tableContext) (taken, used bool) {
	ok, why := enumIsErrors(e)
	name := e.Name
	if name == "" {
		name = "of constants"
	}
	if !ok || len(e.Members) == 0 {
		d.note(e.Pos, "enum %s with %d members: not an error list (%s)", name, len(e.Members), why)
		return false, false
	}
	var notErrors []string // of a run of constants: why each member that is no error is none
	if e.Run {
		notErrors = runNotErrors(e)
	}
	left := 0
	for _, why := range notErrors {
		if why != "" {
			left++
		}
	}
	if left > 0 {
		they := fmt.Sprintf("%d of them are not errors", left)
		if left == 1 {
			they = "1 of them is not an error"
		}
		d.note(e.Pos, "enum %s with %d members: error list (%s), but %s", name, len(e.Members), why, they)
	} else {
		d.note(e.Pos, "enum %s with %d members: error list (%s)", name, len(e.Members), why)
	}
	if ctx.Group == "" {
		ctx.Group = e.Name
	}
	joined := map[int]bool{}
	if prev != nil {
		joined = d.joinEnumTable(src, e, prev, ctx)
	}
	for i, m := range e.Members {
		if joined[i] {
			continue
		}
		if unsetMember(i, m) {
			// Like a table's group label row, a member that is no error is no row: what
			// was made of it is a note (docgen parse --verbose), not a diagnostic.
			d.note(m.Pos, "enum member %s: the enum's zero value that says no value was set, not an error", m.Name)
			continue
		}
		if notErrors != nil && notErrors[i] != "" {
			d.note(m.Pos, "constant %s: left out, not an error (%s)", m.Name, notErrors[i])
			continue
		}
		if why := noErrorMember(m.Comment); why != "" {
			d.note(m.Pos, "enum member %s: left out, not an error (%s)", m.Name, why)
			continue
		}
		d.Rows++
		code := m.Name
		var fields []catalog.Field
		message := ""
		switch s, quoted := stringLiteral(m.Value); {
		case code == "":
			code = s
		case quoted && s != "" && isToken(s):
			// A member whose value is a string ("TOKEN_EXPIRED", in a Go, TypeScript or
			// Python string enum) is that string where the program answers with it.
			code = s
			fields = append(fields, catalog.Field{Name: "name", Value: m.Name})
		case quoted && strings.Contains(strings.TrimSpace(s), " "):
			// A string of words ("Not found.", in a TypeScript const object or a Go
			// const) is the member's message.
			message = s
		case m.Value != "":
			fields = append(fields, catalog.Field{Name: "value", Value: m.Value})
		}
		if !hasWordRune(code) {
			d.Dropped++
			d.Diags.Add(m.Pos, catalog.Error, catalog.RuleEmptyCode, "enum member has no name or value: got %q", code)
			continue
		}
		en := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: cmp.Or(m.Group, ctx.Group), Source: m.Pos}
		en.SetFields(fields)
		et := readEntryText([]string{m.Comment})
		en.Message, en.Description, en.Resolution = cmp.Or(et.Message, message), et.Description, et.Resolution
		if len(et.Fields) > 0 {
			en.SetFields(slices.Concat(fields, et.Fields))
		}
		st := et.Status
		if st == 0 {
			st = commentStatus(m.Comment)
		}
		resolveStatus(en, st, ctx.Status, &d.Diags)
		d.Entries = append(d.Entries, en)
	}
	return true, len(joined) > 0
}

// unsetMember reports whether member i of an enum is the value that says no value was
// set: named "…_UNSPECIFIED" (or "…Unspecified") and zero, written so or left implicit in
// the first member. Protocol Buffers' style asks every enum to begin with one, because
// proto3 reads a field that was never set as 0; it is no error an API returns. A zero
// "…_UNKNOWN" is not one: an error enum's UNKNOWN is the error "unknown error".
func unsetMember(i int, m doc.Member) bool {
	const word = "unspecified"
	if v := strings.TrimSpace(m.Value); v != "0" && (v != "" || i != 0) {
		return false
	}
	name := strings.TrimRight(m.Name, "_.:- ") // as nameWords ends it
	if len(name) < len(word) || !strings.EqualFold(name[len(name)-len(word):], word) {
		return false // asked of every member: most are not zero, nor so named
	}
	words := nameWords(m.Name)
	return len(words) > 0 && words[len(words)-1] == word
}

// reNoErrorMember matches the first line of a member's comment or text that says the
// member itself is no error: as the line's subject ("not an error: the number of codes",
// "No error.", "OK is not an error.", "This is never an error"), or after a word or two
// and a comma ("success, not an error"), the phrase ending there
// or at a stop. Errors named anywhere else in it ("reported no error code", "rejected
// with no error message") are what the error is, not that it is none.
var reNoErrorMember = regexp.MustCompile(`(?i)^(?:[\w.]+\s+(?:is|are)\s+(?:not|never|no)\s+|(?:[\w.]+\s+)?(?:isn't|aren't)\s+|(?:[^,;:()]{1,40}[,;]\s+)?(?:not|no|never)\s+)(?:an?\s+)?(?:errors?|failures?|error\s+codes?)(?:\s*$|\s*[:.;,!)—–-])`)

// noErrorMember says why a member of a list of codes is no error, or "" when it may be
// one: the first line of its own comment or text says so ("not an error: the number of
// codes", "OK is not an error.", "No error."). A success value that says nothing of
// errors (SHOP_OK = 0, "Success") stays, as the list gives it.
func noErrorMember(texts ...string) string {
	for _, t := range texts {
		if first, _, _ := strings.Cut(strings.TrimSpace(t), "\n"); reNoErrorMember.MatchString(first) {
			return "its comment or text says so"
		}
	}
	return ""
}

// noErrorRecords leaves out of records a code front-end made of a list's members (keyed
// by their names) those whose "comment" or "message" says they are no error
// (noErrorMember).
func (d *Doc) noErrorRecords(r *doc.Records) *doc.Records {
	if r.KeyName != "name" {
		return r
	}
	var kept []doc.Record
	for i, it := range r.Items {
		var texts []string
		for _, f := range it.Fields {
			if f.Name == "comment" || f.Name == "message" {
				texts = append(texts, f.Value)
			}
		}
		why := noErrorMember(texts...)
		if why == "" {
			if kept != nil {
				kept = append(kept, it)
			}
			continue
		}
		if kept == nil {
			kept = append(make([]doc.Record, 0, len(r.Items)), r.Items[:i]...)
		}
		d.note(it.Pos, "record %s: left out, not an error (%s)", it.Key, why)
	}
	if kept == nil {
		return r
	}
	c := *r
	c.Items = kept
	return &c
}

// runNotErrors says, for each member of a run of constants that lists errors
// (doc.Enum.Run: #defines one after another), why it is no error, or "" when it is one.
// A run is not a list its author declared, only defines that stand together. A member
// that shows itself another kind of constant (notKind: a version, a limit, a size, a
// flag or mask, a default, a setting in a unit, an include guard), or whose comment
// says it is no error, is left out. Where the run's own comment says it lists errors,
// every other member is one (KILN_TOO_HOT under "Error codes returned by …"). Else a
// member whose name is no error name is one only on evidence of its own: a name that
// says what went wrong (ACME_BAD_VERSION) or begins as the error names do up to their
// error word (ACME_ERR_), a comment that names an error, a negative value (a C
// library's return codes), or a value in sequence with the errors' values (ACME_TIMEOUT
// 4 after ACME_ERR_IO 3, SCAN_OK 0 before SCAN_FEED_ERROR 1), not one that stands
// apart (ACME_PORT 9090) or repeats another member's (ACME_RETRIES 3 beside
// ACME_ERR_PERM 3). A member left out is no row of the list (as a table's label row is
// none): what was made of it is a note (docgen parse --verbose).
func runNotErrors(e *doc.Enum) []string {
	out := make([]string, len(e.Members))
	first, _, _ := strings.Cut(strings.TrimSpace(e.Comment), "\n")
	declared := hasErrorWord(e.Name) || (hasStrictErrorWord(first) && !reNotErrors.MatchString(first))
	prefix := runErrorPrefix(e)
	evident := make([]bool, len(e.Members)) // an error on its own name, comment or value
	for i, m := range e.Members {
		switch {
		case hasStrictErrorWord(m.Name) || reErrnoName.MatchString(m.Name):
			evident[i] = true
		case notKind(m.Name, m.Value) != "":
			out[i] = "its name says it is " + notKind(m.Name, m.Value)
		case reNotErrors.MatchString(m.Comment):
			out[i] = "its comment says so"
		case declared, hasErrorAdjective(m.Name), prefix != "" && strings.HasPrefix(m.Name, prefix),
			hasStrictErrorWord(m.Comment):
			evident[i] = true
		default:
			if v, ok := intValue(m.Value); ok && v < 0 {
				evident[i] = true
			}
		}
	}
	inSeq, repeated := runSequence(e, evident, out)
	for i, m := range e.Members {
		if evident[i] || out[i] != "" || inSeq[i] {
			continue
		}
		out[i] = "nothing says it is one: its name is no error name, its comment names no error, and its value"
		switch v, ok := intValue(m.Value); {
		case ok && repeated[v]:
			out[i] += " repeats another member's"
		case ok:
			out[i] += " does not follow on from the errors' values"
		default:
			out[i] += " is no number in sequence with the errors'"
		}
	}
	return out
}

// runErrorPrefix returns the start that the error names of a run share up to an
// underscore, when that start holds an error word ("ACME_ERR_" of ACME_ERR_NOMEM and
// ACME_ERR_IO; "LIB_E_" of LIB_E_AGAIN and LIB_E_BUSY): a library's namespace alone
// ("ACME_") is shared by its ports and limits too. "" when fewer than two error names.
func runErrorPrefix(e *doc.Enum) string {
	prefix, names := "", 0
	for _, m := range e.Members {
		if !hasStrictErrorWord(m.Name) && !reErrnoName.MatchString(m.Name) {
			continue
		}
		if names++; names == 1 {
			prefix = m.Name
			continue
		}
		n := 0
		for n < len(prefix) && n < len(m.Name) && prefix[n] == m.Name[n] {
			n++
		}
		prefix = prefix[:n]
	}
	prefix = prefix[:strings.LastIndexByte(prefix, '_')+1]
	if names < 2 {
		return ""
	}
	for _, w := range nameWords(prefix) {
		if strictErrorWords[w] || w == "e" {
			return prefix
		}
	}
	return ""
}

// runSequence says which members of a run, neither errors on their own evidence nor
// left out, have a value in sequence with the errors': their integer values and those
// of the errors make one unbroken series (each one more than the last, in value order)
// that holds an error's value. A value that another member of the run has too is in
// no sequence: an error list gives each error its own.
func runSequence(e *doc.Enum, evident []bool, out []string) (in []bool, repeated map[int64]bool) {
	type mv struct {
		v int64
		i int
	}
	var vs []mv
	seen := map[int64]int{}
	for i, m := range e.Members {
		if out[i] != "" {
			continue
		}
		if v, ok := intValue(m.Value); ok {
			vs = append(vs, mv{v, i})
			seen[v]++
		}
	}
	slices.SortFunc(vs, func(a, b mv) int { return cmp.Compare(a.v, b.v) })
	in, repeated = make([]bool, len(e.Members)), map[int64]bool{}
	for v, n := range seen {
		repeated[v] = n > 1
	}
	for start := 0; start < len(vs); {
		end, err := start+1, evident[vs[start].i]
		for end < len(vs) && vs[end].v-vs[end-1].v <= 1 {
			err = err || evident[vs[end].i]
			end++
		}
		if err {
			for _, x := range vs[start:end] {
				in[x.i] = seen[x.v] == 1
			}
		}
		start = end
	}
	return in, repeated
}

// intValue returns a constant's value written as an integer ("4", "-7", "(-0x10)").
func intValue(v string) (int64, bool) {
	v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "()"))
	v = strings.TrimRight(v, "uUlL")
	n, err := strconv.ParseInt(v, 0, 64)
	return n, err == nil
}

// errorAdjectives are words of a constant's name that say what went wrong: with one,
// ACME_BAD_VERSION and SIZE_INVALID are errors, not a version or a size.
var errorAdjectives = map[string]bool{
	"bad": true, "wrong": true, "invalid": true, "illegal": true, "unsupported": true,
	"mismatch": true, "mismatched": true, "unknown": true, "missing": true, "corrupt": true,
	"corrupted": true, "malformed": true, "unexpected": true, "exceeded": true,
	"overflow": true, "underflow": true, "denied": true, "refused": true, "too": true,
	"incompatible": true, "expired": true, "broken": true,
}

func hasErrorAdjective(name string) bool {
	for _, w := range nameWords(name) {
		if errorAdjectives[w] {
			return true
		}
	}
	return false
}

// Words of a constant's name that say what other kind of constant it is: anywhere in
// the name (MAX_COPIES, COPIES_MAX, DEFAULT_DPI), or as its last word only, where the
// word before an error's own could stand (VERSION_MISMATCH and SIZE_TOO_LARGE are
// errors; API_VERSION and BUF_SIZE are not). A flag is said by its name and its value
// together (FLAG_FAST 0x10, FAST_FLAG (1 << 4)): INVALID_FLAGS 7 is an error.
var (
	kindAnywhere = map[string]string{
		"max": "a limit", "min": "a limit", "maximum": "a limit", "minimum": "a limit",
		"default": "a default", "defaults": "a default",
	}
	kindLast = map[string]string{
		"version": "a version", "ver": "a version", "major": "a version", "minor": "a version",
		"patch": "a version", "revision": "a version", "level": "a version",
		"limit": "a limit", "limits": "a limit",
		"size": "a size", "len": "a size", "length": "a size", "count": "a size",
		"capacity": "a size", "bufsiz": "a size", "bufsize": "a size", "maxlen": "a size",
		"mask": "a flag", "bits": "a flag", "shift": "a flag",
		"ms": "a setting in a unit", "msec": "a setting in a unit", "sec": "a setting in a unit",
		"secs": "a setting in a unit", "seconds": "a setting in a unit", "millis": "a setting in a unit",
		"bytes": "a setting in a unit", "kb": "a setting in a unit", "mb": "a setting in a unit",
		"h": "an include guard", "hpp": "an include guard", "included": "an include guard",
	}
)

// notKind returns what other kind of constant than an error a constant's name (and
// value) say it is ("a limit"), or "".
func notKind(name, value string) string {
	words := nameWords(name)
	v := strings.TrimSpace(strings.Trim(strings.TrimSpace(value), "()"))
	bits := strings.HasPrefix(v, "0x") || strings.HasPrefix(v, "0X") || strings.Contains(v, "<<")
	for _, w := range words {
		if k := kindAnywhere[w]; k != "" {
			return k
		}
		if bits && (w == "flag" || w == "flags" || w == "bit") {
			return "a flag"
		}
	}
	if len(words) > 0 && !hasErrorAdjective(name) {
		return kindLast[words[len(words)-1]]
	}
	return ""
}

// stringLiteral returns the text of a value written as one string literal ("x", 'x' or
// `x`), with quoted true; else the value itself.
func stringLiteral(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'' || v[0] == '`') && v[len(v)-1] == v[0] {
		inner := v[1 : len(v)-1]
		if v[0] == '"' {
			if u, err := strconv.Unquote(v); err == nil {
				return u, true
			}
		}
		if !strings.ContainsRune(inner, rune(v[0])) {
			return inner, true
		}
	}
	return v, false
}

// joinEnumTable adds the rows of an enum's docstring table as entries named by the
// members whose values are the rows' codes, and returns the members it joined. A table
// that is no error list, or whose codes are not the members' values, joins nothing.
func (d *Doc) joinEnumTable(src *Source, e *doc.Enum, dt *doc.Table, ctx tableContext) map[int]bool {
	t := table{src: src, memo: &tableMemo{}, Header: dt.Header, Rows: dt.Rows}
	roles, kind, _ := classify(t)
	joined := map[int]bool{}
	if kind != tableErrors {
		return joined
	}
	codeCol := -1
	for i, r := range roles {
		if r == roleCode {
			codeCol = i
		}
	}
	if codeCol < 0 {
		return joined
	}
	byValue := map[string]int{}
	for i, m := range e.Members {
		if m.Name != "" {
			if _, dup := byValue[m.Value]; !dup {
				byValue[m.Value] = i
			}
		}
	}
	match := 0
	for _, r := range t.Rows {
		if codeCol < len(r.Cells) {
			if _, ok := byValue[cleanCode(r.Cells[codeCol].Text)]; ok {
				match++
			}
		}
	}
	if match == 0 || match*10 < len(t.Rows)*9 {
		return joined
	}
	// The member's name becomes the code; the row's code is kept as a field under its
	// header.
	nt := table{src: src, Header: append([]cell{{Text: "name", Pos: dt.Pos}}, t.Header...)}
	nt.Roles = append([]role{roleCode}, roles...)
	nt.Roles[codeCol+1] = roleUnknown
	for _, r := range t.Rows {
		name := cell{Pos: r.Pos}
		if codeCol < len(r.Cells) {
			v := cleanCode(r.Cells[codeCol].Text)
			if i, ok := byValue[v]; ok && !joined[i] {
				joined[i] = true
				name = cell{Text: e.Members[i].Name, Pos: r.Pos}
			} else {
				name.Text = v // a row no member names keeps its own code
			}
		}
		nt.Rows = append(nt.Rows, tableRow{Pos: r.Pos, Cells: append([]cell{name}, r.Cells...)})
	}
	d.note(dt.Pos, "table of %d rows joined with enum %s on the members' values", len(t.Rows), e.Name)
	d.addTable(nt, ctx)
	return joined
}
