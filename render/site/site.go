// Package site renders the catalog as a static web site: an overview with a status chart,
// a page per service, per entry and per status, 404.html and sitemap.xml, the content-hashed
// stylesheet and search client, and the search index (built by package render/search).
//
// It turns the model into page data, runs the templates of package docgen/site over it and
// holds the one function through which source text becomes HTML (Markdown). Every link is
// relative and comes from the URL scheme of package render, so the site works from any
// folder of a web server and from disk (file://). Pages carry a strict
// Content-Security-Policy and load nothing from other hosts. It reads the catalog only,
// never source text, and leaves the JSON catalog and OpenAPI document to other renderers.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"docgen/catalog"
	"docgen/render"
	"docgen/render/jsontree"
	"docgen/render/search"
	assets "docgen/site"
)

// CSP is the Content-Security-Policy of every page. 'self' covers the site's own files over
// HTTP and, in Chromium, the files beside the page under file:// (the browser tests load
// every page kind from disk and see no violation), so the site needs nothing looser there;
// the search index loads as scripts because fetch does not work from disk. There is no
// inline script or style anywhere: the chart's SVG is styled by class from the stylesheet.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Options change what Render writes.
type Options struct {
	// HomeOnly writes only the overview page, the assets and the search index: enough to
	// search, for benchmarks on catalogs too large to want every page.
	HomeOnly bool
	// Search tunes the search index.
	Search search.Options
	// ConcurrentWrite says that write may be called from several goroutines at once, so
	// that entry pages are written as they are rendered on every core. Without it, calls
	// to write are serialized (pages are still rendered in parallel).
	ConcurrentWrite bool
	// WriteDone says that write is done with data when it returns (it writes it out or
	// copies it), so that the buffers of entry pages are reused: on 100,000 pages, fresh
	// buffers were 0.8 GB of garbage.
	WriteDone bool
}

// Write renders the site of c into o. It is one of docgen build's outputs.
func Write(o render.Writer, c *catalog.Catalog) error {
	return Render(c, Options{ConcurrentWrite: true, WriteDone: true}, o.WriteFile)
}

// WriteWith is Write with the search settings of docgen.yaml.
func WriteWith(o render.Writer, c *catalog.Catalog, s search.Settings) error {
	return Render(c, Options{ConcurrentWrite: true, WriteDone: true, Search: search.Options{Synonyms: s.Synonyms}}, o.WriteFile)
}

// Render renders the site of c, handing each file to write with its slash-separated path
// relative to the site's root.
func Render(c *catalog.Catalog, opts Options, write func(rel string, data []byte) error) error {
	b, err := newBuilder(c, opts, write)
	if err != nil {
		return err
	}
	return b.build(opts)
}

// newBuilder parses the templates and starts a build of c's site. Calls to write are
// serialized unless opts says write is safe for concurrent use.
func newBuilder(c *catalog.Catalog, opts Options, write func(rel string, data []byte) error) (*builder, error) {
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	if !opts.ConcurrentWrite {
		var mu sync.Mutex
		serial := write
		write = func(rel string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			return serial(rel, data)
		}
	}
	b := &builder{c: c, t: t, write: write, lang: siteLang(c.Lang), refs: map[*catalog.Entry]entryRef{}, frames: &frameCache{}, reuse: opts.WriteDone}
	b.w = words[b.lang]
	return b, nil
}

// builder holds what every page of one build shares.
type builder struct {
	c     *catalog.Catalog
	t     map[string]*template.Template
	write func(string, []byte) error
	lang  string
	w     map[string]string

	css, js  string // site-relative URLs of the hashed assets
	icon     string
	indexDir string // site-relative URL of the search index's folder
	classes  []statusClass
	sitemap  []string
	related  map[string][]entryRef // code key → entries with that code, for "same code elsewhere"
	// sitemapAlts are the hreflang alternates of the sitemap's URLs of pages in several
	// languages.
	sitemapAlts map[string][]alternate
	refs        map[*catalog.Entry]entryRef
	frames      *frameCache // shared by copies of the builder
	reuse       bool        // page buffers go back to pagePool once written
}

// pagePool holds the buffers of written entry pages.
var pagePool = sync.Pool{New: func() any { b := new(bytes.Buffer); b.Grow(16 << 10); return b }}

func (b *builder) build(opts Options) error {
	sopts := opts.Search
	sopts.URL = render.EntryURL
	sopts.LangURL = func(lang string, s *catalog.Service, e *catalog.Entry) string {
		return render.LangURL(lang, s.Lang, render.EntryURL(s, e))
	}
	idx, err := search.Build(b.c, sopts)
	if err != nil {
		return err
	}
	if err := b.prepare(render.SearchURL(idx.Dir + "/")); err != nil {
		return err
	}

	if opts.HomeOnly {
		for _, f := range idx.Files {
			if err := b.write(render.SearchURL(idx.Dir+"/"+f.Name), f.Data); err != nil {
				return err
			}
		}
		return b.home()
	}
	// b.refs now holds every entry, so making a page only reads the builder (see run): the
	// pages are made on every core, the largest (the status pages, which list every entry
	// of their status) first. The sitemap lists them in catalog order.
	b.sitemap = []string{render.HomeURL()}
	sts := statuses(b.c)
	var jobs []func(*builder) error
	for _, st := range sts {
		jobs = append(jobs, func(b *builder) error { return b.status(st) })
	}
	// The sitemap is listed below before any job runs, so it is written early, not after
	// every page.
	jobs = append(jobs, (*builder).home, (*builder).notFound)
	if b.c.BaseURL != "" {
		// The sitemap protocol wants absolute URLs: without a base URL there is none.
		jobs = append(jobs, (*builder).writeSitemap)
	}
	for _, f := range idx.Files {
		jobs = append(jobs, func(b *builder) error { return b.write(render.SearchURL(idx.Dir+"/"+f.Name), f.Data) })
	}
	for _, s := range b.c.Services {
		for _, lang := range s.Langs() {
			b.addSitemap(s, nil, lang, render.ServiceURL(s))
			jobs = append(jobs, func(b *builder) error { return b.serviceIn(s, lang) })
			for i, e := range s.Entries {
				b.addSitemap(s, e, lang, render.EntryURL(s, e))
				jobs = append(jobs, func(b *builder) error { return b.entryIn(s, i, e, lang) })
			}
		}
	}
	for _, st := range sts {
		b.sitemap = append(b.sitemap, render.StatusURL(st))
	}
	return b.run(jobs)
}

// prepare writes the hashed assets and computes what every page shares, given the folder
// of the search index the pages link to. After it, b.refs holds every entry, so making a
// page only reads the builder.
func (b *builder) prepare(indexDir string) error {
	for name, u := range map[string]*string{"style.css": &b.css, "docgen.js": &b.js, "favicon.svg": &b.icon} {
		var err error
		if *u, err = b.asset(name); err != nil {
			return err
		}
	}
	b.indexDir = indexDir
	b.classes = statusClasses(b.c)
	b.related = map[string][]entryRef{}
	for _, s := range b.c.Services {
		for _, e := range s.Entries {
			k := search.CodeKey(e.Code)
			b.related[k] = append(b.related[k], b.ref(s, e))
		}
	}
	return nil
}

// asset writes a file of site/templates under a name with its content hash and returns its
// site-relative URL.
func (b *builder) asset(name string) (string, error) {
	data, err := fs.ReadFile(assets.Templates, "templates/"+name)
	if err != nil {
		return "", fmt.Errorf("site asset %s: %w", name, err)
	}
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
	u := render.AssetURL(hashed)
	return u, b.write(u, data)
}

// link is a link with its text.
type link struct {
	Href, Text string
}

// page is what every page template gets; Main holds the page's own data.
type page struct {
	Lang      string
	W         map[string]string
	SiteTitle string
	Title     string
	Desc      string
	CSP       string
	URL       string // site-relative URL of this page
	Root      string // relative link to the site's root folder
	Home      string
	CSS, JS   string
	Icon      string
	IndexDir  string // site-relative, for the search client (which prefixes Root)
	Catalog   string
	Canonical string
	Crumbs    []link
	Classes   []statusClass
	// Alternates and Langs are set on the pages of a service in several languages: the
	// hreflang links of the page in each language and the language switch.
	Alternates []alternate
	Langs      []langLink
	// PageLang is the language of the page's text, set on the pages of a service in
	// several languages: the search client shows results in it.
	PageLang string
	Main     any
}

func (b *builder) page(u, title string) *page {
	p := &page{
		Lang: b.lang, W: b.w, SiteTitle: b.siteTitle(), Title: title, CSP: CSP, URL: u,
		Root: render.RootLink(u), Home: render.Link(u, render.HomeURL()),
		CSS: render.Link(u, b.css), JS: render.Link(u, b.js), Icon: render.Link(u, b.icon), IndexDir: b.indexDir,
		Catalog: render.Link(u, render.CatalogURL), Canonical: render.AbsURL(b.c.BaseURL, u),
		Classes: b.classes,
	}
	if title != p.SiteTitle {
		p.Title = title + " · " + p.SiteTitle
	}
	return p
}

func (b *builder) siteTitle() string {
	if b.c.Title != "" {
		return b.c.Title
	}
	return "docgen"
}

// render executes a page template and writes the page at site-relative URL u.
func (b *builder) render(name string, p *page) error {
	data, err := b.execute(name, p)
	if err != nil {
		return err
	}
	return b.write(render.FilePath(p.URL), data)
}

// execute runs template name over p. It is safe for concurrent use.
func (b *builder) execute(name string, p *page) ([]byte, error) {
	var buf bytes.Buffer
	if err := b.t[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, fmt.Errorf("render %s for %s: %w", name, p.URL, err)
	}
	return buf.Bytes(), nil
}

// entryRef is an entry as lists show it.
type entryRef struct {
	Href     string // site-relative until made relative to a page by (entryRef).from
	Code     string
	Title    string
	Status   catalog.Status
	Service  string // service title
	SvcID    string
	Protocol string
	Variants int
	Summary  string // the description under the title in a service's lists, cut short; set there only
	// Lang is the language of Title where it is not the list's (an entry a language of
	// its service does not document, in that language's lists); usually "".
	Lang string
	// textLang is the language of Title as b.ref makes it: the entry's text language.
	textLang string
	e        *catalog.Entry // the entry, as b.ref makes it
}

// summaryRunes is how long a description under an entry's title in a service's list gets.
const summaryRunes = 160

// ref returns e as lists show it, made once per entry: many pages list the same entry.
func (b *builder) ref(s *catalog.Service, e *catalog.Entry) entryRef {
	if r, ok := b.refs[e]; ok {
		return r
	}
	r := entryRef{Href: render.EntryURL(s, e), Code: e.Code, Title: search.Title(e), Status: e.Status,
		Service: s.Title, SvcID: s.ID, Protocol: e.Protocol.String(), Variants: len(e.Variants()), textLang: e.TextLang(s), e: e}
	b.refs[e] = r
	return r
}

// from returns r with its link relative to the page at u.
func (r entryRef) from(u string) entryRef {
	r.Href = render.Link(u, r.Href)
	return r
}

// statusClass is an option of the search's status filter.
type statusClass struct {
	Value, Label string
}

// statusClasses returns the status classes the catalog has, and "none" when some entry has
// no status.
func statusClasses(c *catalog.Catalog) []statusClass {
	seen := map[string]bool{}
	var out []statusClass
	none := false
	for _, s := range c.Services {
		for _, e := range s.Entries {
			cl := e.Status.Class()
			if cl == "" {
				none = true
				continue
			}
			if !seen[cl] {
				seen[cl] = true
				out = append(out, statusClass{Value: cl, Label: cl})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	if none {
		out = append(out, statusClass{Value: "none", Label: "-"})
	}
	return out
}

// statuses returns the valid statuses of the catalog's entries, ascending.
func statuses(c *catalog.Catalog) []catalog.Status {
	seen := map[catalog.Status]bool{}
	var out []catalog.Status
	for _, s := range c.Services {
		for _, e := range s.Entries {
			if e.Status.IsValid() && !seen[e.Status] {
				seen[e.Status] = true
				out = append(out, e.Status)
			}
		}
	}
	slices.Sort(out)
	return out
}

// statusInfo is a status as badges and tables show it.
type statusInfo struct {
	Code   int
	Reason string
	Text   string // "409 Conflict", "499", or the site's words for no status
	Class  string // CSS class: s2xx … s5xx, or snone
	Href   string // link to its page, "" for none
}

func (b *builder) statusInfo(from string, st catalog.Status) statusInfo {
	si := statusInfo{Code: int(st), Reason: st.Reason(), Class: "snone", Text: st.String()}
	if st == 0 {
		si.Text = b.w["noStatus"]
	}
	if cl := st.Class(); cl != "" {
		si.Class = "s" + cl
		si.Href = render.Link(from, render.StatusURL(st))
	}
	return si
}

// ---- overview ----

type homeData struct {
	Summary  string
	Services []homeService
	Chart    chart
	// NarrowChart is the chart for phones, with status codes only as labels.
	NarrowChart chart
	Statuses    []statusRow
	Empty       bool
}

type homeService struct {
	Link    link
	Entries int
	Source  string
	Lang    string
	// Classes are the service's statuses by class, one badge each ("400 401 404"): with
	// a linked badge per status the overview of 1,000 services weighed 1.5 MB.
	Classes []statusText
}

// statusText is a badge of several statuses.
type statusText struct {
	Class, Text string
}

type statusRow struct {
	Status statusInfo
	Count  int
}

func (b *builder) home() error {
	u := render.HomeURL()
	p := b.page(u, b.siteTitle())
	n, nsvc := b.c.EntryCount(), len(b.c.Services)
	d := homeData{Summary: fmt.Sprintf(b.w["entriesIn"], n, nsvc), Empty: n == 0}
	counts := map[catalog.Status]int{}
	for _, s := range b.c.Services {
		hs := homeService{Link: link{render.Link(u, render.ServiceURL(s)), s.Title}, Entries: len(s.Entries), Source: s.Source, Lang: s.Lang}
		seen := map[catalog.Status]bool{}
		var sts []statusInfo
		for _, e := range s.Entries {
			counts[e.Status]++
			if !seen[e.Status] {
				seen[e.Status] = true
				sts = append(sts, b.statusInfo(u, e.Status))
			}
		}
		sort.Slice(sts, func(i, j int) bool { return statusOrder(sts[i].Code) < statusOrder(sts[j].Code) })
		for _, si := range sts {
			text := strconv.Itoa(si.Code)
			if si.Code == 0 {
				text = si.Text
			}
			if n := len(hs.Classes); n > 0 && hs.Classes[n-1].Class == si.Class {
				hs.Classes[n-1].Text += " " + text
			} else {
				hs.Classes = append(hs.Classes, statusText{si.Class, text})
			}
		}
		d.Services = append(d.Services, hs)
	}
	var keys []catalog.Status
	for st := range counts {
		keys = append(keys, st)
	}
	sort.Slice(keys, func(i, j int) bool { return statusOrder(int(keys[i])) < statusOrder(int(keys[j])) })
	for _, st := range keys {
		d.Statuses = append(d.Statuses, statusRow{b.statusInfo(u, st), counts[st]})
	}
	d.Chart = newChart(d.Statuses, b.w["noStatus"], chartWidth, chartLabelW, false)
	d.NarrowChart = newChart(d.Statuses, b.w["noStatus"], chartNarrowWidth, chartNarrowLabelW, true)
	p.Desc = d.Summary
	p.Main = d
	return b.render("index.html", p)
}

// statusOrder sorts statuses ascending with "no status" last.
func statusOrder(st int) int {
	if st == 0 {
		return 1 << 20
	}
	return st
}

// ---- service ----

type serviceData struct {
	Title, ID, Lang, Source string
	Summary                 template.HTML
	SummaryLang             string // the summary's language: Lang, or the default's where the page's has none
	SummaryFallback         string // says the summary is not in the page's language
	Count                   int
	Example                 string
	Schema                  string
	Groups                  []statusGroup
	Sections                []section
	Jump                    []link
	Classes                 []statusClass // the status classes of this service's entries
}

type statusGroup struct {
	Anchor  string
	Status  statusInfo
	Class   string // status class for the filter: "4xx", or "none"
	Notes   []note
	Entries []entryRef
}

// note is the text of a status group's heading, in Lang; Fallback says it is not in the
// page's language.
type note struct {
	Lang, Fallback string
	Body           template.HTML
}

// section is a part of the service's source that is not an error, in Lang; Fallback says
// it is not in the page's language.
type section struct {
	Title, Lang, Fallback string
	Body                  template.HTML
}

// serviceIn writes the page of s in lang, one of its languages.
func (b *builder) serviceIn(s *catalog.Service, lang string) error {
	b = b.pageLang(s, lang)
	multi := len(s.Translations) > 0
	title, summary, sumLang := serviceText(s, lang)
	in := s.Lang
	if s.Translation(lang) != nil {
		in = lang
	}
	source := s.Source
	if t := s.Translation(lang); t != nil {
		source = t.Source
	}
	u := render.LangURL(lang, s.Lang, render.ServiceURL(s))
	p := b.page(u, title)
	p.Crumbs = []link{{p.Home, b.w["home"]}, {"", title}}
	if multi {
		b.setLanguages(p, s, nil, lang, render.ServiceURL(s))
	}
	d := serviceData{Title: title, ID: s.ID, Lang: in, Source: source, Summary: Markdown(summary), SummaryLang: sumLang, Count: len(s.Entries)}
	if sumLang != in {
		d.SummaryFallback = b.untranslated(sumLang)
	}
	if rf := s.ResponseFormat; rf != nil {
		d.Example = prettyJSON(rf.Example)
		if rf.Schema != nil {
			js, err := json.MarshalIndent(rf.Schema, "", "  ")
			if err != nil {
				return fmt.Errorf("service %s: schema: %w", s.ID, err)
			}
			d.Schema = string(js)
		}
	}
	groups := map[catalog.Status]*statusGroup{}
	var order []catalog.Status
	for _, es := range search.Order(&catalog.Catalog{Services: []*catalog.Service{s}}) {
		for _, e := range es {
			g := groups[e.Status]
			if g == nil {
				cl := e.Status.Class()
				if cl == "" {
					cl = "none"
				}
				g = &statusGroup{Anchor: "status-" + strconv.Itoa(int(e.Status)), Status: b.statusInfo(u, e.Status), Class: cl}
				if e.Status == 0 {
					g.Anchor = "status-none"
				}
				groups[e.Status] = g
				order = append(order, e.Status)
			}
			r := b.ref(s, e).from(u)
			// Only here: made for every entry of every list, it cost 15 MB more on 10,000.
			r.Summary = search.Summary(e, summaryRunes)
			if multi {
				le, _, _ := localized(s, e, lang)
				r = b.langRef(s, e, lang).from(u)
				r.Summary = search.Summary(le, summaryRunes)
			}
			g.Entries = append(g.Entries, r)
		}
	}
	// A language's own headings and sections, where its source has them; else the default
	// language's, marked as such.
	notes, sections, sectionsLang := s.Groups, s.Sections, in
	t := s.Translation(lang)
	if t != nil {
		notes, sections = t.Groups, t.Sections
		if len(sections) == 0 {
			sections, sectionsLang = s.Sections, s.Lang
		}
	}
	addNote := func(gr catalog.Group, l string) {
		if g := groups[gr.Status]; g != nil && strings.TrimSpace(gr.Description) != "" {
			n := note{Lang: l, Body: Markdown(gr.Description)}
			if l != in {
				n.Fallback = b.untranslated(l)
			}
			g.Notes = append(g.Notes, n)
		}
	}
	for _, gr := range notes {
		addNote(gr, in)
	}
	if t != nil {
		// A status whose heading has text in the default language and none in lang.
		for _, gr := range s.Groups {
			if g := groups[gr.Status]; g != nil && len(g.Notes) == 0 {
				addNote(gr, s.Lang)
			}
		}
	}
	d.Classes = statusClasses(&catalog.Catalog{Services: []*catalog.Service{s}})
	for _, st := range order {
		g := groups[st]
		d.Groups = append(d.Groups, *g)
		text := strconv.Itoa(int(st))
		if st == 0 {
			text = b.w["noStatus"]
		}
		d.Jump = append(d.Jump, link{"#" + g.Anchor, text})
	}
	for _, sec := range sections {
		ds := section{Title: sec.Title, Lang: sectionsLang, Body: Markdown(sec.Body)}
		if sectionsLang != in {
			ds.Fallback = b.untranslated(sectionsLang)
		}
		d.Sections = append(d.Sections, ds)
	}
	p.Desc = search.PlainText(summary)
	p.Main = d
	return b.render("service.html", p)
}

// prettyJSON indents a JSON example when it parses, keeping key order; other text stays.
func prettyJSON(s string) string {
	if n, err := jsontree.Decode([]byte(s)); err == nil {
		return n.String()
	}
	return strings.TrimSpace(s)
}

// ---- entry ----

type entryData struct {
	Code, Lang     string
	PageLang       string // the page's language: the related lists' (Lang is the entry's text's)
	Status         statusInfo
	Protocol       string
	JSONRPC        bool
	Group          string
	Message        string
	Title          string
	Description    template.HTML
	Resolution     template.HTML
	Fields         []field
	Variants       []variant
	Example        string
	ExampleNote    string // says the example is the service's, when its text is not this entry's
	Source         string
	Service        link
	Permalink      string // absolute when the site has a base URL, else site-relative
	PermalinkShown string
	PermalinkHref  string // the link to the page itself
	SameCode       []entryRef
	SameStatus     []entryRef
	Fallback       string // says the entry's text is not in the page's language, and in which it is
}

type field struct {
	Name  string
	Value template.HTML
}

type variant struct {
	Message     string
	Description template.HTML
	Resolution  template.HTML
	Fields      []field
	Source      string
}

func fields(fs []catalog.Field) []field {
	var out []field
	for _, f := range fs {
		out = append(out, field{f.Name, Markdown(f.Value)})
	}
	return out
}

// An entry page lists up to maxRelated entries of the same status found within maxScan
// entries of it, and up to maxSameCode entries with the same code elsewhere.
const (
	maxRelated  = 8
	maxScan     = 200
	maxSameCode = 20
)

// entryIn writes the page of e, the entry at index i of s.Entries, in lang, one of its
// service's languages. It runs on several goroutines at once: it must only read the
// builder.
func (b *builder) entryIn(s *catalog.Service, i int, e *catalog.Entry, lang string) error {
	p, d := b.entryPageIn(s, i, e, lang)
	buf := new(bytes.Buffer)
	if b.reuse {
		buf = pagePool.Get().(*bytes.Buffer)
		defer func() { buf.Reset(); pagePool.Put(buf) }()
	}
	if err := b.writeEntryPage(buf, p, d); err != nil {
		return err
	}
	return b.write(render.FilePath(p.URL), buf.Bytes())
}

// entryPageIn returns the page data of e, the entry at index i of s.Entries, in lang, one
// of the service's languages: what writeEntryPage writes. The page of a service in
// several languages shows the entry's text in lang, or the text it has, marked as such;
// it links to its twins in the other languages.
func (b *builder) entryPageIn(s *catalog.Service, i int, e *catalog.Entry, lang string) (*page, *entryData) {
	b = b.pageLang(s, lang)
	multi := len(s.Translations) > 0
	base := render.EntryURL(s, e)
	u := render.LangURL(lang, s.Lang, base)
	te, in, ok := e, s.Lang, true // the entry with its text in lang
	title, svcTitle := "", s.Title
	if multi {
		te, in, ok = localized(s, e, lang)
		svcTitle, _, _ = serviceText(s, lang)
		title = search.Title(te)
	} else {
		title = b.ref(s, e).Title
	}
	p := b.page(u, e.Code)
	svcLink := render.Link(u, render.LangURL(lang, s.Lang, render.ServiceURL(s)))
	p.Crumbs = []link{{p.Home, b.w["home"]}, {svcLink, svcTitle}, {"", e.Code}}
	if multi {
		b.setLanguages(p, s, e, lang, base)
	}
	d := entryData{
		Code: e.Code, Lang: in, PageLang: lang, Status: b.statusInfo(u, e.Status), Protocol: e.Protocol.String(),
		JSONRPC: e.Protocol == catalog.JSONRPC, Group: te.Group, Message: te.Message,
		Title:       title,
		Description: Markdown(te.Description), Resolution: Markdown(te.Resolution), Fields: fields(te.Fields()),
		Source: te.Source.String(), Service: link{svcLink, svcTitle},
		Permalink: render.AbsURL(b.c.BaseURL, u),
	}
	if !ok {
		d.Fallback = b.untranslated(in)
	}
	e = te
	var foreign bool
	if d.Example, foreign = exampleBody(s, e); foreign {
		d.ExampleNote = b.w["exampleGeneric"]
	}
	if e.Source.IsValid() {
		d.Source = fmt.Sprintf("%s:%d", e.Source.File, e.Source.Line)
	}
	d.PermalinkShown = d.Permalink
	d.PermalinkHref = render.Link(u, u)
	if d.Permalink == "" {
		d.Permalink = u
		d.PermalinkShown = u
	}
	for _, v := range e.Variants() {
		vs := v.Source.String()
		if v.Source.IsValid() {
			vs = fmt.Sprintf("%s:%d", v.Source.File, v.Source.Line)
		}
		d.Variants = append(d.Variants, variant{v.Message, Markdown(v.Description), Markdown(v.Resolution), fields(v.Fields), vs})
	}
	for _, r := range b.related[search.CodeKey(e.Code)] {
		if r.Href != base && len(d.SameCode) < maxSameCode {
			if multi && r.SvcID == s.ID && r.e != nil {
				r = b.langRef(s, r.e, lang) // a twin in this service: its page in lang
			} else if multi && r.Lang == "" && r.textLang != lang {
				r.Lang = r.textLang // its title is not in the page's language
			}
			d.SameCode = append(d.SameCode, r.from(u))
		}
	}
	// Entries of the same status in the same service, nearest in source order first.
	for dist := 1; dist <= maxScan && len(d.SameStatus) < maxRelated && (i-dist >= 0 || i+dist < len(s.Entries)); dist++ {
		for _, j := range []int{i - dist, i + dist} {
			if j >= 0 && j < len(s.Entries) && s.Entries[j].Status == e.Status && len(d.SameStatus) < maxRelated {
				if multi {
					d.SameStatus = append(d.SameStatus, b.langRef(s, s.Entries[j], lang).from(u))
				} else {
					d.SameStatus = append(d.SameStatus, b.ref(s, s.Entries[j]).from(u))
				}
			}
		}
	}
	p.Desc = d.Title
	p.Main = d
	return p, &d
}

// ---- status ----

type statusData struct {
	Status   statusInfo
	Summary  string
	Services []statusService
}

type statusService struct {
	Service link
	Entries []entryRef
}

func (b *builder) status(st catalog.Status) error {
	u := render.StatusURL(st)
	p := b.page(u, st.String())
	p.Crumbs = []link{{p.Home, b.w["home"]}, {"", st.String()}}
	d := statusData{Status: b.statusInfo(u, st)}
	n := 0
	for _, s := range b.c.Services {
		ss := statusService{Service: link{render.Link(u, render.ServiceURL(s)), s.Title}}
		for _, e := range s.Entries {
			if e.Status == st {
				r := b.ref(s, e).from(u)
				if e.Lang() != "" {
					r.Lang = e.TextLang(s) // documented only in another language than its service's
				}
				ss.Entries = append(ss.Entries, r)
			}
		}
		if len(ss.Entries) > 0 {
			n += len(ss.Entries)
			d.Services = append(d.Services, ss)
		}
	}
	d.Summary = fmt.Sprintf(b.w["entriesOfStatus"], n, len(d.Services))
	p.Desc = d.Summary
	p.Main = d
	return b.render("status.html", p)
}

// ---- 404 ----

// notFound writes 404.html. A web server shows it at any depth, where relative links would
// point nowhere, so its links are absolute: under the base URL, or from the server's root
// ("/-/assets/…") without one, which is where a site without a base URL is served.
func (b *builder) notFound() error {
	u := render.NotFoundURL
	p := b.page(u, b.w["notFound"])
	base := b.c.BaseURL
	if base == "" {
		base = "/"
	}
	p.Root = render.AbsURL(base, "")
	p.Home = render.AbsURL(base, render.FilePath(render.HomeURL()))
	p.CSS = render.AbsURL(base, b.css)
	p.JS = render.AbsURL(base, b.js)
	p.Icon = render.AbsURL(base, b.icon)
	p.Catalog = render.AbsURL(base, render.CatalogURL)
	p.Canonical = ""
	p.Main = struct{}{}
	return b.render("404.html", p)
}

// ---- sitemap ----

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the namespace of the hreflang alternates, when there are any.
	XHTML string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	XMLName xml.Name       `xml:"url"`
	Loc     string         `xml:"loc"`
	Alts    []sitemapXHTML `xml:"xhtml:link"`
}

// sitemapXHTML is a page's version in another language, as Google reads it in sitemaps.
type sitemapXHTML struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// addSitemap lists the page of s in lang whose default-language URL is u, with its
// alternates when s has several languages: those of the languages that document e, the
// page's entry (nil for the service's page; see setLanguages).
func (b *builder) addSitemap(s *catalog.Service, e *catalog.Entry, lang, u string) {
	lu := render.LangURL(lang, s.Lang, u)
	b.sitemap = append(b.sitemap, lu)
	if len(s.Translations) == 0 || b.c.BaseURL == "" {
		return
	}
	if b.sitemapAlts == nil {
		b.sitemapAlts = map[string][]alternate{}
	}
	for _, l := range s.Langs() {
		if !documents(s, e, l) {
			continue
		}
		b.sitemapAlts[lu] = append(b.sitemapAlts[lu], alternate{l, render.AbsURL(b.c.BaseURL, render.LangURL(l, s.Lang, u))})
	}
	b.sitemapAlts[lu] = append(b.sitemapAlts[lu], alternate{"x-default", render.AbsURL(b.c.BaseURL, u)})
}

// writeSitemap writes sitemap.xml: absolute URLs under the base URL. It is written only
// when the site has one: the sitemap protocol wants absolute URLs.
func (b *builder) writeSitemap() error {
	us := urlset{}
	for _, u := range b.sitemap {
		su := sitemapURL{Loc: render.AbsURL(b.c.BaseURL, u)}
		for _, a := range b.sitemapAlts[u] {
			su.Alts = append(su.Alts, sitemapXHTML{"alternate", a.Lang, a.Href})
		}
		if len(su.Alts) > 0 {
			us.XHTML = "http://www.w3.org/1999/xhtml"
		}
		us.URLs = append(us.URLs, su)
	}
	out, err := xml.MarshalIndent(us, "", "  ")
	if err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	return b.write(render.SitemapURL, append(append([]byte(xml.Header), out...), '\n'))
}

// ---- templates ----

var (
	tmplOnce sync.Once
	tmpls    map[string]*template.Template
	tmplErr  error
)

// Pages are the page templates of site/templates; each defines "main" for layout.html.
// Entry pages have none: they are written in Go (entrypage.go), in layout.html's chrome.
var Pages = []string{"index.html", "service.html", "status.html", "404.html"}

// parseTemplates parses the layout and every page template once.
func parseTemplates() (map[string]*template.Template, error) {
	tmplOnce.Do(func() {
		base, err := template.New("layout").Funcs(funcs).ParseFS(assets.Templates, "templates/layout.html")
		if err != nil {
			tmplErr = fmt.Errorf("site templates: %w", err)
			return
		}
		tmpls = map[string]*template.Template{}
		for _, name := range Pages {
			t, err := template.Must(base.Clone()).ParseFS(assets.Templates, "templates/"+name)
			if err != nil {
				tmplErr = fmt.Errorf("site templates: %w", err)
				return
			}
			tmpls[name] = t
		}
		// frame is the layout alone, its main part given whole: the chrome of the pages
		// written by hand (entrypage.go).
		f, err := template.Must(base.Clone()).Parse(`{{define "main"}}{{.Main}}{{end}}`)
		if err != nil {
			tmplErr = fmt.Errorf("site templates: %w", err)
			return
		}
		tmpls["frame"] = f
	})
	return tmpls, tmplErr
}

// funcs are the template functions.
var funcs = template.FuncMap{
	// isolated is htmlWriter.isolated: the text escaped, inside <bdi> when it holds a
	// bidirectional control character.
	"isolated": func(s string) template.HTML {
		var b bytes.Buffer
		htmlWriter{&b}.isolated(s)
		return template.HTML(b.String())
	},
	// entriesTable writes a table of entries (the lists of a service's or a status's
	// entries, without the status and service columns) with htmlWriter.entries, the one
	// definition of that table: the status pages of 100,000 entries list them all, and
	// ranging over them in a template cost seconds.
	"entriesTable": func(w map[string]string, rs []entryRef, lang string, summary bool) template.HTML {
		var b bytes.Buffer
		htmlWriter{&b}.entries(w, rs, lang, false, false, summary)
		return template.HTML(b.String())
	},
	// statusBadge writes a status badge with htmlWriter.status, its one definition (entry
	// pages and entry tables, written in Go, show it too).
	"statusBadge": func(si statusInfo) template.HTML {
		var b bytes.Buffer
		htmlWriter{&b}.status(si)
		return template.HTML(b.String())
	},
	// dict makes a map of its key, value arguments, to hand several values to a template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict: odd number of arguments")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
}
