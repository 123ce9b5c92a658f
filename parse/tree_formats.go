package parse

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// This file is the part of the tree walk (tree.go) for the blocks of catalogs kept as
// data or code: records of a data file and enums. What they become is decided by
// interpret_data.go; here is only where they stand in the walk.

// recordsState is what the walk keeps while it reads a data file's records.
type recordsState struct {
	catalogShape bool            // the file is docgen's own catalog.json
	services     int             // its services, in a catalog.json
	errAncestors map[string]bool // paths that hold records that list errors
	errPaths     map[string]bool // paths of records that list errors (recordsErrorPaths)
	taken        map[string]bool // paths of records read as errors
	// langs maps the paths of error records that hold one language of several to their
	// language and the path without it ("ko.errors": "ko", "errors").
	langs map[string][2]string
	// texts is the catalog.json decoded by catalog.DecodeJSON when it holds translations:
	// the languages of its entries and services, which the records do not carry typed.
	texts *catalog.Catalog
	// locale is the language the file says it is written in first (defaultLocale: en at
	// its top), "" when it says none: of the languages it gives, the service's.
	locale string
	// sections counts the keys at the top of the file that hold records listing errors
	// and name a section of them (sectionKey): with two or more, each is its records'
	// group, as a heading is.
	sections int
	// groups names the group of the records at each path that lists errors
	// (recordsGroups); gave holds the paths whose records gave entries.
	groups map[string]string
	gave   map[string]bool
}

// beforeEnum reports whether block i is a table right before an enum: the table of the
// enum's docstring, which the enum reads with its members.
func (w *treeWalker) beforeEnum(i int) bool {
	if i+1 >= len(w.blocks) {
		return false
	}
	_, ok := w.blocks[i+1].(*doc.Enum)
	return ok
}

// enum reads an enum, with the table right before it when there is one.
func (w *treeWalker) enum(i int, b *doc.Enum) {
	var prev *doc.Table
	if i > 0 {
		prev, _ = w.blocks[i-1].(*doc.Table)
	}
	n := len(w.doc.Entries)
	taken, used := w.doc.addEnum(w.src, b, prev, w.context())
	w.added(n)
	if taken {
		w.errors = true
	}
	if prev != nil && !used {
		w.table(prev)
	}
	if !taken && strings.TrimSpace(b.Comment) != "" {
		w.text(b.Comment)
	}
}

// records reads one collection of records: docgen's own catalog.json by its fields; any
// other file's records as errors when their fields say so, unless they lie inside records
// already read or hold records that list errors (a list of services, each with its
// errors).
func (w *treeWalker) records(b *doc.Records) {
	st := w.recState
	if st == nil {
		st = &recordsState{catalogShape: isDocgenCatalog(w.meta)}
		if st.catalogShape && bytes.Contains(w.src.Text, []byte(`"translations"`)) {
			st.texts, _ = catalog.DecodeJSON(bytes.NewReader(w.src.Text)) // nil: read as one language
			if st.texts != nil && len(st.texts.Services) > 0 {
				// The services' default language, when they share one, is the source's:
				// their translations are in the others.
				w.doc.Lang = st.texts.Services[0].Lang
				for _, sv := range st.texts.Services {
					if sv.Lang != w.doc.Lang {
						w.doc.Lang = ""
					}
				}
			}
		}
		if !st.catalogShape {
			paths := recordsErrorPaths(w.src, w.blocks)
			st.errAncestors, st.taken, st.langs = ancestors(paths), map[string]bool{}, languageParts(paths)
			st.errPaths = paths
			st.sections = sectionPaths(paths, st.langs)
			st.groups, st.gave = recordsGroups(w.blocks, paths), map[string]bool{}
			st.locale = recordsLocale(&doc.Records{}, w.meta)
			if st.locale != "" && w.doc.Lang == "" && (len(st.langs) == 0 || langAmong(st.locale, st.langs)) {
				w.doc.Lang = st.locale // the file says which language it is written in
			}
		}
		w.recState = st
	}
	n := len(w.doc.Entries)
	defer func() { w.added(n) }()
	if st.catalogShape {
		if b.Path == "services" {
			st.services = len(b.Items)
			if st.services == 1 {
				w.serviceMeta(b.Items[0])
				if st.texts != nil && len(st.texts.Services) == 1 {
					w.doc.Translations = st.texts.Services[0].Translations
				}
			}
		}
		if m := reEntriesPath.FindStringSubmatch(b.Path); m != nil {
			group := ""
			if st.services > 1 {
				group = w.serviceTitle(m[1])
			}
			var texts []*catalog.Entry // the decoded entries, for their languages
			if n, err := strconv.Atoi(m[1]); err == nil && st.texts != nil && n < len(st.texts.Services) {
				texts = st.texts.Services[n].Entries
			}
			w.doc.addCatalogEntries(b, group, texts)
			w.errors = true
		}
		return
	}
	if within(b.Path, st.taken) || loneWord(b) {
		return // values of records already read as errors, or one word's value
	}
	if x, n := withoutExamples(b); n > 0 {
		w.doc.note(b.Pos, "%d records %s: an example of the error body, not errors", n, recordsWhere(b))
		if x == nil || len(x.Items) == 0 {
			return
		}
		b = x
	}
	container := st.errAncestors[b.Path]
	if container && !ownErrors(w.src, b) {
		w.doc.note(b.Pos, "%d records under %q: they hold error records, they are not errors", len(b.Items), b.Path)
		return
	}
	if container {
		// Errors of their own beside groups of errors ({"notes": {…}, "INTERNAL": {code:
		// …}}): the groups hold error records and are none themselves.
		if x, n := withoutHolders(b, st); n > 0 {
			w.doc.note(b.Pos, "%d records under %q: they hold error records, they are not errors", n, b.Path)
			if len(x.Items) == 0 {
				return
			}
			b = x
		}
	}
	ctx := w.context()
	path := b.Path
	lang, inLang := st.langs[b.Path]
	if inLang {
		path = lang[1] // its group is the same in every language
	}
	if ctx.Group == "" && (strings.Contains(path, ".") || (st.sections > 1 && sectionKey(path))) {
		// Records nested in the file, or under one of several sections ([auth.expired]
		// beside [billing.declined]), are in the group their path names, as a table is
		// under its heading; a key that only names the list ({"errors": […]}) is none.
		// The group is the name the section gives itself, or its key (recordsGroups);
		// records nested in an error (its causes) keep their whole path.
		ctx.Group = path
		if g := st.groups[b.Path]; g != "" && !inLang && !within(b.Path, st.gave) {
			ctx.Group = g
		}
	}
	if b.Group != "" {
		ctx.Group = b.Group
	}
	if ctx.Status == 0 {
		ctx.Status, ctx.Overridable = recordsStatus(b)
	}
	if !inLang {
		if parts := languageRecords(b, cmp.Or(recordsLocale(b, nil), st.locale)); parts != nil {
			w.languageRecords(b, parts, ctx, container)
			return
		}
	}
	taken := w.doc.addRecords(w.src, b, ctx)
	if taken {
		st.gave[b.Path] = true
	}
	if !taken && b.Declared {
		var names []string
		seen := map[string]bool{}
		for _, it := range b.Items {
			for _, f := range it.Fields {
				if !seen[f.Name] && len(names) < 12 {
					seen[f.Name] = true
					names = append(names, f.Name)
				}
			}
		}
		w.doc.Diags.Add(b.Pos, catalog.Warning, catalog.RuleNoCodes,
			"error examples (%d) with fields %s: no field holds their code, so they were not read; name the code field in docgen.yaml (columns: {FIELD: code})",
			len(b.Items), quoteList(names))
	}
	if taken && !container { // a container's own errors leave the lists inside it to be read
		st.taken[b.Path] = true
		w.errors = true
		if inLang {
			if w.doc.langOf == nil {
				w.doc.langOf = map[*catalog.Entry]string{}
			}
			for _, e := range w.doc.Entries[n:] {
				w.doc.langOf[e] = lang[0]
			}
			if st.locale != "" && sameLang(lang[0], st.locale) {
				w.localeFirst(n)
			}
		}
	}
}

// groupNameKeys are the folded keys of a scalar beside a section's records that names the
// section: {title: Authentication, errors: […]}.
var groupNameKeys = map[string]bool{"title": true, "name": true, "label": true, "displayname": true}

// recordsGroupName returns the name a section of records nested in a file gives its
// group: a title, name or label beside the records ("Authentication" of
// categories.auth.errors with title: Authentication), else the key nearest the records
// that names a section (sectionKey): "auth" of categories.auth.errors, "BadRequest" of
// groups.BadRequest.errors, "400" of errors.400; "" when no key does.
func recordsGroupName(r *doc.Records) string {
	for _, f := range r.Beside {
		v := strings.TrimSpace(f.Value)
		if groupNameKeys[foldHeader(f.Name)] && hasWordRune(v) && !strings.ContainsAny(v, "\n{[") && utf8.RuneCountInString(v) <= 80 && !isNumeric(v) {
			return v
		}
	}
	keys := r.Keys
	if keys == nil {
		keys = strings.Split(r.Path, ".")
	}
	for i := len(keys) - 1; i >= 0; i-- {
		if sectionKey(keys[i]) && !localeKey(keys[i]) {
			return keys[i]
		}
	}
	return ""
}

// localeKey reports whether a key of a records' path names the language they are in, as
// a locale file's top key does (en: errors: messages: …): a language, not a section. A
// key that is as often a word of its own ("id", "no", "it") is none.
func localeKey(k string) bool {
	return isLanguageKey(k) && !ambiguousLangKeys[strings.ToLower(k)]
}

// isNumeric reports whether v is a number as a data file writes one (400, 1.5, -2).
func isNumeric(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

// recordsGroups names the group of the records at each path of paths (records that list
// errors) nested in the file (recordsGroupName). A path keeps its whole self where its
// name would be another's (v1.auth.errors and v2.auth.errors, two "auth"), so that two
// namespaces never become one; a path at the top names its group as it is.
func recordsGroups(blocks []doc.Block, paths map[string]bool) map[string]string {
	names := map[string]string{}
	first := map[string]string{} // a name → the first path that has it
	clash := map[string]bool{}
	for _, b := range blocks {
		r, ok := b.(*doc.Records)
		if !ok || !paths[r.Path] {
			continue
		}
		if _, done := names[r.Path]; done {
			continue
		}
		n := r.Path
		if strings.Contains(r.Path, ".") {
			n = recordsGroupName(r)
		}
		names[r.Path] = n
		if p, ok := first[n]; ok && p != r.Path {
			clash[n] = true
		} else if !ok {
			first[n] = r.Path
		}
	}
	for p, n := range names {
		if n == "" || clash[n] {
			names[p] = p
			if top, rest, ok := strings.Cut(p, "."); ok && localeKey(top) {
				names[p] = rest // en.errors.messages: the language is no part of the group
			}
		}
	}
	return names
}

// sectionPaths counts the paths of records that list errors (recordsErrorPaths) that are
// keys at the top of the file naming a section (sectionKey); the paths of one list in
// several languages (languageParts) count as the path without the language.
func sectionPaths(paths map[string]bool, langs map[string][2]string) int {
	seen := map[string]bool{}
	for p := range paths {
		if l, ok := langs[p]; ok {
			p = l[1]
		}
		if !strings.Contains(p, ".") && sectionKey(p) {
			seen[p] = true
		}
	}
	return len(seen)
}

// listWords are the words of a key that only names a list of errors ("errors",
// "ERROR_MESSAGES", "more_errors", "responses"), not a section of them.
var listWords = map[string]bool{
	"error": true, "errors": true, "err": true, "errs": true, "code": true, "codes": true,
	"message": true, "messages": true, "msg": true, "msgs": true, "response": true,
	"responses": true, "result": true, "results": true, "status": true, "statuses": true,
	"list": true, "items": true, "data": true, "all": true, "more": true,
}

// sectionKey reports whether a key names a section of errors ("auth", "400",
// "billing_errors"), not only the list ("errors", "ERROR_MESSAGES") or nothing ("").
func sectionKey(k string) bool {
	for _, w := range nameWords(k) {
		if !listWords[w] {
			return true
		}
	}
	return false
}

// languageRecords reads records that give their text in several languages, one part per
// language (languageRecords in records_lang.go): each part's entries are in its
// language, and Read makes those of the first part the service's and the others their
// translations.
func (w *treeWalker) languageRecords(b *doc.Records, parts []langPart, ctx tableContext, container bool) {
	var langs []string
	taken := false
	said := map[catalog.Diagnostic]bool{}
	for i, p := range parts {
		n, d := len(w.doc.Entries), len(w.doc.Diags)
		if !w.doc.addRecords(w.src, p.recs, ctx) {
			continue
		}
		// The same records again in another language: what was said of them in one is
		// not said again (a status that conflicts, a code's prefix).
		kept := w.doc.Diags[:d]
		for _, x := range w.doc.Diags[d:] {
			if !said[x] {
				said[x] = true
				kept = append(kept, x)
			}
		}
		w.doc.Diags = kept
		taken = true
		langs = append(langs, p.lang)
		if w.doc.langOf == nil {
			w.doc.langOf = map[*catalog.Entry]string{}
		}
		for _, e := range w.doc.Entries[n:] {
			if i == 0 && p.neutral[e.Source] {
				continue // no text in any language: in each alike
			}
			w.doc.langOf[e] = p.lang
		}
	}
	if !taken {
		return
	}
	w.doc.note(b.Pos, "%d records %s give their text in %d languages (%s): those in %s are the service's, the others their translations",
		len(b.Items), recordsWhere(b), len(langs), strings.Join(langs, ", "), langs[0])
	if w.doc.Lang == "" || !slices.ContainsFunc(langs, func(l string) bool { return sameLang(l, w.doc.Lang) }) {
		w.doc.Lang = strings.ReplaceAll(langs[0], "_", "-") // the language of the service's records
	}
	if !container {
		w.recState.taken[b.Path] = true
		w.errors = true
	}
}

// localeFirst moves the entries from n on, those of the language the file says it is
// written in first, before the entries of its other languages: Read takes the first
// language it meets as the service's (byLanguage).
func (w *treeWalker) localeFirst(n int) {
	es := w.doc.Entries
	k := slices.IndexFunc(es[:n], func(e *catalog.Entry) bool { return w.doc.langOf[e] != "" })
	if k < 0 {
		return
	}
	moved := append(slices.Clone(es[n:]), es[k:n]...)
	copy(es[k:], moved)
}

// langAmong reports whether lang is one of the languages of parts (languageParts).
func langAmong(lang string, parts map[string][2]string) bool {
	for _, p := range parts {
		if sameLang(p[0], lang) {
			return true
		}
	}
	return false
}

// languageParts finds, among the paths of error records, those that differ only in one
// key that names a language, two languages or more ({"ko": {"E1": …}, "en": {"E1": …}},
// messages.ko.errors beside messages.en.errors): one catalog written in several
// languages. It maps each to its language and its path without that key. A key alone
// that looks like a language ("id", "no") is none.
func languageParts(paths map[string]bool) map[string][2]string {
	type part struct{ path, lang, rest string }
	byRest := map[string][]part{} // the path with the language key left out, and where
	for p := range paths {
		segs := strings.Split(p, ".")
		for i, seg := range segs {
			if !isLanguageKey(seg) {
				continue
			}
			rest := strings.Join(append(append([]string{}, segs[:i]...), segs[i+1:]...), ".")
			where := rest + "\x00" + strconv.Itoa(i)
			byRest[where] = append(byRest[where], part{p, seg, rest})
		}
	}
	out := map[string][2]string{}
	for _, ps := range byRest {
		langs := map[string]bool{}
		for _, p := range ps {
			langs[strings.ToLower(p.lang)] = true
		}
		if len(langs) < 2 {
			continue
		}
		for _, p := range ps {
			out[p.path] = [2]string{p.lang, p.rest}
		}
	}
	return out
}

// isLanguageKey reports whether a key names a language the way message files do: a
// language of the list below, alone or with a region or script ("ko", "en-US", "zh_CN",
// "zh-Hant").
func isLanguageKey(k string) bool {
	// Every field name of every record is asked: the two letters of a language are
	// looked at before anything is built.
	if len(k) < 2 || (len(k) > 2 && k[2] != '-' && k[2] != '_') {
		return false
	}
	var b [2]byte
	for i := range 2 {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if !languageKeys[string(b[:])] {
		return false
	}
	return len(k) == 2 || catalog.IsLangTag(strings.ReplaceAll(k[3:], "_", "-"))
}

// languageKeys are the languages whose keys a message file is likely to use.
var languageKeys = map[string]bool{
	"ko": true, "en": true, "ja": true, "zh": true, "de": true, "fr": true, "es": true, "pt": true,
	"it": true, "ru": true, "vi": true, "th": true, "id": true, "ms": true, "tr": true, "pl": true,
	"nl": true, "ar": true, "hi": true, "uk": true, "cs": true, "sv": true, "da": true, "fi": true,
	"no": true, "nb": true, "he": true, "el": true, "hu": true, "ro": true,
}

// recordsStatus returns the status a file gives all of b's records, as a status heading
// gives the rows of a table, or 0: a status field of the object that holds them
// ({"status": 404, "errors": [...]}), else the nearest key of their path that is an
// error status ({"404": {"E200": "No such user"}}, errors.400), else the status of the
// file's defaults ({"defaults": {"status": 500}}). A record's own status field comes
// first (resolveStatus). overridable is set when the status is a field's, a default that
// a record means to override where it gives its own; a key is a heading.
func recordsStatus(b *doc.Records) (st catalog.Status, overridable bool) {
	if st := statusField(b.Beside); st != 0 {
		return st, true
	}
	// The nearest object key that is an error status (4xx, 5xx): an array index (the
	// 100th service) or an application's numeric code below 400 is none.
	for i := len(b.Keys) - 1; i >= 0; i-- {
		if st, _, ok := statusHeading(b.Keys[i]); ok && st >= 400 && st.IsValid() {
			return st, false
		}
	}
	st = statusField(b.Defaults)
	return st, st != 0
}

// statusField returns the status a field among fs whose name says status holds, or 0.
func statusField(fs []doc.Field) catalog.Status {
	for _, f := range fs {
		if r, _ := fieldNameRole(f.Name); r != roleStatus {
			continue
		}
		if st, _, ok := statusHeading(f.Value); ok {
			return st
		}
	}
	return 0
}

// withoutHolders returns b without the records whose values only hold records that list
// errors (groups of errors), and how many it left out (b itself when none).
func withoutHolders(b *doc.Records, st *recordsState) (*doc.Records, int) {
	holds := func(it doc.Record) bool {
		if it.Key == "" {
			return false
		}
		p := it.Key
		if b.Path != "" {
			p = b.Path + "." + it.Key
		}
		if !st.errPaths[p] && !st.errAncestors[p] {
			return false
		}
		// An error that holds a list of its own (its causes) says something itself: a
		// field that is not the list nor inside a record of it.
		for _, f := range it.Fields {
			if !strings.Contains(f.Name, ".") && !st.errPaths[p+"."+f.Name] && !st.errAncestors[p+"."+f.Name] {
				return false
			}
		}
		return true
	}
	n := 0
	for _, it := range b.Items {
		if holds(it) {
			n++
		}
	}
	if n == 0 {
		return b, 0
	}
	x := *b
	x.Items = make([]doc.Record, 0, len(b.Items)-n)
	for _, it := range b.Items {
		if !holds(it) {
			x.Items = append(x.Items, it)
		}
	}
	return &x, n
}

// ownErrors reports whether records that hold lists of errors are errors themselves: their
// code is their key ({"100": {"message": …, "causes": [...]}}) or a field named as a code,
// and they have a message or description of their own (a status alone makes a group). A list of services, whose "name" is code-shaped only
// by chance, is not.
func ownErrors(src *Source, b *doc.Records) bool {
	t, _ := recordsTable(src, b, nil)
	if kind, _ := recordsKind(src, b, t); kind != tableErrors {
		return false
	}
	if !hasRole(t.memo.roles, roleMessage) && !hasRole(t.memo.roles, roleDescription) {
		return false // a group with a status and its list ({BadRequest: {status: 400, errors: …}})
	}
	for i, r := range t.memo.roles {
		if r != roleCode {
			continue
		}
		if b.Keyed && i == 0 {
			return true
		}
		r, strong := fieldNameRole(t.Header[i].Text)
		return r == roleCode && strong
	}
	return false
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

// serviceMeta takes the title, summary and id of the one service of a catalog.json.
func (w *treeWalker) serviceMeta(r doc.Record) {
	for _, f := range r.Fields {
		switch f.Name {
		case "title":
			w.doc.Title = f.Value
		case "summary":
			w.summary = append(w.summary, f.Value)
		case "id":
			w.doc.ID = f.Value
		}
	}
}

// serviceTitle returns the title of service i of a catalog.json.
func (w *treeWalker) serviceTitle(i string) string {
	for _, b := range w.blocks {
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
