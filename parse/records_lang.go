package parse

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"docgen/catalog"
	"docgen/parse/data"
	"docgen/parse/doc"
)

// This file reads the records of message files that give each error's text in several
// languages inside the record itself ({E_TAKEN: {status: 409, ko: "…", en: "…"}}, or
// {message: {ko: "…", en: "…"}}, which the data front-end gives as fields "message.ko"
// and "message.en"). Each language's text makes the records of that language, read as
// any records are; Read then makes the entries of the file's language the service's and
// the others their translations (byLanguage), as for a file keyed by language at the top
// ({"ko": {…}, "en": {…}}, languageParts). The file's language is the one it names
// beside its records (defaultLocale: en), else the first one its records give.

// langPart is the records of one language of records that give their text in several.
type langPart struct {
	lang string
	recs *doc.Records
	// neutral are the positions of the records that give no text in any language: they
	// are in the first part only, and in every language alike.
	neutral map[catalog.Pos]bool
}

// ambiguousLangKeys are language keys that are as often field names of their own ("id",
// "no", "it"): such a field is a language only where its values are text, not
// identifiers or numbers.
var ambiguousLangKeys = map[string]bool{"id": true, "no": true, "it": true}

// fieldLanguage splits a field name that names a language in one of its parts ("ko",
// "message.en", "zh_CN.description") into that language and the name without it ("" when
// the language is the whole name). ok is false for a name with no language part, or more
// than one.
func fieldLanguage(name string) (lang, rest string, ok bool) {
	if name == "" {
		return "", "", false
	}
	// Walked without splitting: every field of every record is asked, and most names
	// have no language part.
	start, end := -1, -1 // the language segment's bounds
	for from := 0; from <= len(name); {
		to := strings.IndexByte(name[from:], '.')
		if to < 0 {
			to = len(name)
		} else {
			to += from
		}
		if isLanguageKey(name[from:to]) {
			if start >= 0 {
				return "", "", false
			}
			start, end = from, to
		}
		from = to + 1
	}
	if start < 0 {
		return "", "", false
	}
	lang = name[start:end]
	switch {
	case start == 0 && end == len(name):
		rest = ""
	case start == 0:
		rest = name[end+1:]
	case end == len(name):
		rest = name[:start-1]
	default:
		rest = name[:start] + name[end+1:]
	}
	return lang, rest, true
}

// textValue reports whether a field's value is text that a language could hold: not
// empty, not a number, not a nested object or array.
func textValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || isInteger(v) || v == "true" || v == "false" {
		return false
	}
	return !(v[0] == '{' || v[0] == '[')
}

// languageRecords splits records whose fields give text in two languages or more into
// one collection per language: the fields of other languages left out, the field of its
// language named without the language ("message.ko" is "message"; "ko" alone is the
// message). The first part is def's when the records have text in def, else that of the
// first language they give. It returns nil when the records are not so written.
func languageRecords(b *doc.Records, def string) []langPart {
	if len(b.Items) == 0 {
		return nil
	}
	var langs []string             // in the order the records first give them, lower case
	spelled := map[string]string{} // a language as the file first writes it
	idLike := map[string]bool{}    // ambiguous keys seen with an identifier's value
	named := map[string]bool{}     // the names of fields in no language
	for _, it := range b.Items {
		for _, f := range it.Fields {
			l, rest, ok := fieldLanguage(f.Name)
			if !ok {
				named[f.Name] = true
				continue
			}
			low := strings.ToLower(l)
			if !textValue(f.Value) {
				if f.Value != "" && ambiguousLangKeys[low] {
					idLike[low] = true
				}
				continue
			}
			if ambiguousLangKeys[low] && rest == "" && isToken(strings.TrimSpace(f.Value)) && !strings.ContainsFunc(f.Value, isHanOrHangul) {
				idLike[low] = true // "id": "E1001", "no": "12a": a field of its own
			}
			if _, seen := spelled[low]; !seen {
				spelled[low] = l
				langs = append(langs, low)
			}
		}
	}
	langs = slices.DeleteFunc(langs, func(l string) bool { return idLike[l] })
	if len(langs) < 2 {
		return nil
	}
	if d := strings.ToLower(strings.ReplaceAll(def, "-", "_")); d != "" {
		for i, l := range langs {
			if strings.ReplaceAll(l, "-", "_") == d {
				langs = append(append([]string{l}, langs[:i]...), langs[i+1:]...)
				break
			}
		}
	}
	in := make(map[string]bool, len(langs))
	for _, l := range langs {
		in[l] = true
	}
	// The name of a language's text given alone ("ko": "…"): the message, unless the
	// records have a message field of their own.
	bare := "message"
	if named["message"] {
		bare = "description"
	}
	parts := make([]langPart, len(langs))
	for i, l := range langs {
		r := *b
		r.Items = nil
		parts[i] = langPart{lang: spelled[l], recs: &r}
	}
	parts[0].neutral = map[catalog.Pos]bool{}
	for _, it := range b.Items {
		var common []doc.Field
		byLang := map[string][]doc.Field{}
		for _, f := range it.Fields {
			l, rest, ok := fieldLanguage(f.Name)
			low := strings.ToLower(l)
			if !ok || !in[low] {
				common = append(common, f)
				continue
			}
			f.Name = cmp.Or(rest, bare)
			byLang[low] = append(byLang[low], f)
		}
		if len(byLang) == 0 {
			parts[0].recs.Items = append(parts[0].recs.Items, it)
			parts[0].neutral[it.Pos] = true
			continue
		}
		for i, l := range langs {
			fs, ok := byLang[l]
			if !ok {
				continue
			}
			x := it
			x.Fields = append(slices.Clip(common), fs...)
			parts[i].recs.Items = append(parts[i].recs.Items, x)
		}
	}
	return slices.DeleteFunc(parts, func(p langPart) bool { return len(p.recs.Items) == 0 })
}

// isHanOrHangul reports whether r is written in a script whose sentences have no spaces
// between words, or few: a value in it is text even when it is one token.
func isHanOrHangul(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// defaultLocaleKey reports whether a key names the language a message file is written in
// first, the one its other languages translate: defaultLocale, default_locale,
// defaultLanguage, sourceLocale.
func defaultLocaleKey(k string) bool {
	switch strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(k)) {
	case "defaultlocale", "defaultlanguage", "defaultlang", "sourcelocale", "sourcelanguage":
		return true
	}
	return false
}

// recordsLocale returns the language a data file says it is written in, beside records b
// (defaultLocale: en) or at its top (the front-end's meta), as a language tag; "" when
// it says none.
func recordsLocale(b *doc.Records, meta map[string]string) string {
	v := ""
	for _, f := range b.Beside {
		if defaultLocaleKey(f.Name) {
			v = f.Value
			break
		}
	}
	if v == "" {
		v = meta[data.MetaDefaultLocale]
	}
	v = strings.ReplaceAll(strings.TrimSpace(v), "_", "-")
	if !catalog.IsLangTag(v) {
		return ""
	}
	return v
}

// sameLang reports whether two language tags name the same language, written with "-"
// or "_" and in any case.
func sameLang(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "-")) }
	return norm(a) == norm(b)
}

// recordsWhere says where records stand in their file, for a note.
func recordsWhere(b *doc.Records) string {
	if b.Path == "" {
		return "at the top"
	}
	return fmt.Sprintf("under %q", b.Path)
}
