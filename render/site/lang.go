package site

import (
	"fmt"
	"strings"

	"docgen/catalog"
	"docgen/render"
	"docgen/render/search"
)

// A service written in several languages has its pages in each: the default language's
// at the service's permanent URLs, the others' under the language's folder
// (render.LangURL). Every such page carries hreflang alternates and a language switch;
// its site words are in the page's language; an entry a language does not document shows
// the text it has, marked as such.

// langNames are languages as a language switch names them: in themselves.
var langNames = map[string]string{
	"ko": "한국어", "en": "English", "ja": "日本語", "zh": "中文", "zh-CN": "简体中文", "zh-Hans": "简体中文",
	"zh-TW": "繁體中文", "zh-HK": "繁體中文", "zh-Hant": "繁體中文", "de": "Deutsch", "fr": "Français",
	"es": "Español", "pt": "Português", "pt-BR": "Português (Brasil)", "it": "Italiano", "ru": "Русский",
	"vi": "Tiếng Việt", "th": "ไทย", "id": "Bahasa Indonesia",
}

// langName returns a language's name in itself, or its tag when docgen knows no name.
func langName(tag string) string {
	if n, ok := langNames[tag]; ok {
		return n
	}
	base, _, _ := strings.Cut(tag, "-")
	if n, ok := langNames[base]; ok {
		return n
	}
	return tag
}

// alternate is a <link rel="alternate" hreflang> of a page in several languages.
type alternate struct {
	Lang, Href string
}

// langLink is a language of the language switch.
type langLink struct {
	Lang, Name, Href string
	Current          bool
}

// inLang returns a copy of b whose pages have the site's words in lang (English where
// the site has no words in lang). The copy shares everything else with b.
func (b *builder) inLang(lang string) *builder {
	lb := *b
	lb.lang = siteLang(lang)
	lb.w = words[lb.lang]
	return &lb
}

// pageLang returns the builder for the pages of s in lang: b itself for the default
// language (the site's words as configured), else a builder in lang's words.
func (b *builder) pageLang(s *catalog.Service, lang string) *builder {
	if lang == s.Lang {
		return b
	}
	return b.inLang(lang)
}

// setLanguages gives p, the page in lang of s whose default-language URL is u, its
// hreflang alternates (absolute under the base URL, else relative) with x-default the
// default language's, and its language switch. e is the page's entry (nil for the
// service's page): a language that does not document it has no alternate (its page
// shows another language's text, marked), though the switch still links its page.
func (b *builder) setLanguages(p *page, s *catalog.Service, e *catalog.Entry, lang, u string) {
	href := func(l string) string {
		if abs := render.AbsURL(b.c.BaseURL, render.LangURL(l, s.Lang, u)); abs != "" {
			return abs
		}
		return render.Link(p.URL, render.LangURL(l, s.Lang, u))
	}
	for _, l := range s.Langs() {
		if documents(s, e, l) {
			p.Alternates = append(p.Alternates, alternate{l, href(l)})
		}
		p.Langs = append(p.Langs, langLink{Lang: l, Name: langName(l), Href: render.Link(p.URL, render.LangURL(l, s.Lang, u)), Current: l == lang})
	}
	p.Alternates = append(p.Alternates, alternate{"x-default", href(s.Lang)})
	p.PageLang = lang
}

// documents says whether lang, a language of s, documents e (every language documents
// the service's own page: e nil).
func documents(s *catalog.Service, e *catalog.Entry, lang string) bool {
	if e == nil {
		return true
	}
	_, ok := e.Text(s, lang)
	return ok
}

// localized returns e with its text in lang (see catalog.Entry.Text), and whether it has
// text of its own in lang.
func localized(s *catalog.Service, e *catalog.Entry, lang string) (*catalog.Entry, string, bool) {
	t, ok := e.Text(s, lang)
	le := *e
	le.Group, le.Message, le.Description, le.Resolution = t.Group, t.Message, t.Description, t.Resolution
	le.Source = t.Source
	le.SetFields(t.Fields)
	le.SetVariants(t.Variants)
	return &le, t.Lang, ok
}

// serviceText returns the title and summary of s in lang, and the language the summary
// is in: a translation without a summary (or title) of its own falls back to the default
// language's.
func serviceText(s *catalog.Service, lang string) (title, summary, in string) {
	if t := s.Translation(lang); t != nil {
		title, summary, in = t.Title, t.Summary, lang
		if strings.TrimSpace(title) == "" {
			title = s.Title
		}
		if strings.TrimSpace(summary) == "" && strings.TrimSpace(s.Summary) != "" {
			summary, in = s.Summary, s.Lang
		}
		return title, summary, in
	}
	return s.Title, s.Summary, s.Lang
}

// langRef returns e, an entry of s, as lists on pages in lang show it: its page in lang,
// its title in the text it has there. It is made for each list (not kept in b.refs: jobs
// only read the builder).
func (b *builder) langRef(s *catalog.Service, e *catalog.Entry, lang string) entryRef {
	r := b.ref(s, e)
	if lang == s.Lang && e.Lang() == "" {
		return r
	}
	le, in, _ := localized(s, e, lang)
	title, _, _ := serviceText(s, lang)
	if in != lang {
		r.Lang = in
	}
	r.Href = render.LangURL(lang, s.Lang, render.EntryURL(s, e))
	r.Title, r.Service, r.Variants = search.Title(le), title, len(le.Variants())
	return r
}

// untranslated says that the page in lang shows text in another language, in the words
// of the page.
func (b *builder) untranslated(in string) string {
	return fmt.Sprintf(b.w["untranslated"], langName(in))
}
