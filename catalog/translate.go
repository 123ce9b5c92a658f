package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var reLangTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// IsLangTag reports whether tag is shaped like a BCP 47 language tag ("ko", "zh-Hant",
// "pt-BR"): letters, digits and inner hyphens only, so that it can name a folder.
func IsLangTag(tag string) bool { return reLangTag.MatchString(tag) }

// transKey matches an entry across the languages of a service: its protocol, code and
// status.
type transKey struct {
	protocol Protocol
	code     string
	status   Status
}

// Translate returns the service base with others, the same service documented in other
// languages (each with its Lang set, none base's), merged in by code and status: an
// entry of another language whose protocol, code and status match an entry of base
// becomes that entry's translation (the n-th occurrence of a code and status with the
// n-th); one that matches none is added as an entry of its own whose Lang says its
// language. Base's entries keep their IDs; an added entry keeps its own where it is
// free. base and others are not modified (a preview keeps them between builds).
//
// The diagnostics say what does not match: a code documented under other statuses in
// another language (RuleTranslationStatus, an error) and an entry missing in a language
// (RuleMissingTranslation, a warning).
func Translate(base *Service, others []*Service) (*Service, Diagnostics) {
	var d Diagnostics
	out := *base
	out.Translations = slices.Clone(base.Translations)
	out.Entries = make([]*Entry, len(base.Entries))
	ids := make(map[string]bool, len(base.Entries))
	for i, e := range base.Entries {
		ne := *e
		ne.SetTranslations(slices.Clone(e.Translations()))
		out.Entries[i] = &ne
		ids[e.ID] = true
	}
	sources := map[string]string{base.Lang: base.Source}
	conflict := map[string]bool{} // codes with a translation-status error
	for _, o := range others {
		if !IsLangTag(o.Lang) || !IsLangTag(base.Lang) {
			d.Add(Pos{File: o.Source, Line: 1, Col: 1}, Error, RuleDuplicateService,
				"service id %q: languages %q and %q: expected a language tag such as ko, en or zh-CN for each source of one id", base.ID, base.Lang, o.Lang)
			continue
		}
		if _, dup := sources[o.Lang]; dup {
			d.Add(Pos{File: o.Source, Line: 1, Col: 1}, Error, RuleDuplicateService,
				"service id %q is already documented in language %q by %s: expected one source per language", base.ID, o.Lang, sources[o.Lang])
			continue
		}
		sources[o.Lang] = o.Source
		out.Translations = append(out.Translations, ServiceText{Lang: o.Lang, Title: o.Title, Summary: o.Summary, Source: o.Source,
			Groups: o.Groups, Sections: o.Sections})
		if out.ResponseFormat == nil && o.ResponseFormat != nil {
			out.ResponseFormat = o.ResponseFormat
		}
		byKey := map[transKey][]*Entry{}
		statuses := map[string][]Status{} // code → the statuses the service documents it under
		for _, e := range out.Entries {
			k := transKey{e.Protocol, e.Code, e.Status}
			byKey[k] = append(byKey[k], e)
			if !slices.Contains(statuses[e.Code], e.Status) {
				statuses[e.Code] = append(statuses[e.Code], e.Status)
			}
		}
		for _, oe := range o.Entries {
			k := transKey{oe.Protocol, oe.Code, oe.Status}
			text := EntryText{Lang: o.Lang, Group: oe.Group, Message: oe.Message, Description: oe.Description,
				Resolution: oe.Resolution, Fields: oe.Fields(), Variants: oe.Variants(), Source: oe.Source}
			if es := byKey[k]; len(es) > 0 {
				byKey[k] = es[1:]
				// es[0] is a copy made above, whose translations are its own.
				es[0].SetTranslations(append(es[0].Translations(), text))
				continue
			}
			if sts := statuses[oe.Code]; len(sts) > 0 && !slices.Contains(sts, oe.Status) {
				d.Add(oe.Source, Error, RuleTranslationStatus,
					"code %q is %s in %s but %s in %s: expected the same status in every language",
					oe.Code, statusWords(oe.Status), o.Lang, statusList(sts), out.Lang)
				conflict[oe.Code] = true // the error says it all: no missing-translation
			}
			ne := &Entry{Code: oe.Code, Status: oe.Status, From: oe.From, Protocol: oe.Protocol, Group: oe.Group,
				Message: oe.Message, Description: oe.Description, Resolution: oe.Resolution, Source: oe.Source}
			ne.SetFields(oe.Fields())
			ne.SetVariants(oe.Variants())
			ne.SetLang(o.Lang)
			ne.ID = freeID(ids, oe.ID, o.Lang)
			ids[ne.ID] = true
			out.Entries = append(out.Entries, ne)
		}
	}
	langs := out.Langs()
	for _, e := range out.Entries {
		if conflict[e.Code] {
			continue
		}
		for _, l := range langs {
			if _, ok := e.Text(&out, l); !ok {
				d.Add(e.Source, Warning, RuleMissingTranslation, "code %q has no %s translation: %s does not document it",
					e.Code, l, sources[l])
			}
		}
	}
	return &out, d
}

// freeID returns id when no entry has it yet, else id with the language appended (and a
// number, if need be).
func freeID(ids map[string]bool, id, lang string) string {
	if id == "" {
		id = "entry"
	}
	if !ids[id] {
		return id
	}
	base := id + "-" + Slug(lang)
	id = base
	for n := 2; ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

func statusWords(st Status) string {
	if st == 0 {
		return "without status"
	}
	return "status " + strconv.Itoa(int(st))
}

func statusList(sts []Status) string {
	var parts []string
	for _, st := range sts {
		parts = append(parts, statusWords(st))
	}
	return strings.Join(parts, " and ")
}

// Coverage returns how many of s's entries have text in lang (their own or a
// translation).
func (s *Service) Coverage(lang string) int {
	n := 0
	for _, e := range s.Entries {
		if _, ok := e.Text(s, lang); ok {
			n++
		}
	}
	return n
}
