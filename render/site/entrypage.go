package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"docgen/catalog"
)

// Entry pages are written in Go, and this file is their definition: there is no entry
// template.
//
// A site has a page per entry, so these pages are nearly all of a build's work. Executing
// a template for each cost about 6 times the CPU of the writer below (10,000 entry pages:
// 9.5 s against 1.6 s, 490 MB against 195 MB allocated; on 100,000 entries the template
// took 22 s of CPU), most of it reflection (text/template calls every escaper and field
// through reflect) and the garbage it makes. The page chrome is still layout.html's, the
// same on every entry page but for a few values: it is rendered once per kind of page from
// the template with markers in place of those values (entryFrame), and entryMain writes
// the entry's own part between them. The same writer makes the tables of entries of the
// service and status pages (template function entriesTable) and the status badges
// (statusBadge). testdata/pages.txtar holds the bytes of every page of the fixture.

// frame is the layout of a kind of page rendered once, split at its slots.
type frame struct {
	parts []string // len(slots)+1 pieces of fixed HTML between the slots
	slots []slot
}

// slot is a value of a page that varies from page to page, with how it is escaped; id is
// its index in the page kind's list of slots.
type slot struct {
	id   int
	kind slotKind
}

type slotKind int

const (
	slotText slotKind = iota // element text or a plain attribute value
	slotURL                  // a whole URL attribute value
	slotHTML                 // trusted HTML: the page's main part
)

// slotMarker makes the marker of slot i: letters and digits only, which every escaper of
// html/template leaves as they are.
func slotMarker(i int) string { return "zqdocgenslot" + strconv.Itoa(i) + "qz" }

var reSlot = regexp.MustCompile(`zqdocgenslot([0-9]+)qz`)

// frameKey names a frame: pages of the same depth with the same optional parts share one.
type frameKey struct {
	root        string
	desc, canon bool
	// langs names, for the pages of a service in several languages, the page's words'
	// language, its own, its alternates' and its service's languages: the alternates' and the switch's
	// hrefs are slots after entrySlots, the rest of them is the same on such pages.
	langs string
}

// langsKey returns frameKey.langs for p.
func langsKey(p *page) string {
	if len(p.Langs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(p.Lang + "|" + p.PageLang)
	for _, a := range p.Alternates {
		b.WriteString("|" + a.Lang)
	}
	b.WriteString("|")
	for _, l := range p.Langs {
		b.WriteString("|" + l.Lang)
	}
	return b.String()
}

// slotOf returns slot i of an entry page: one of entrySlots, or after them an href of
// an alternate or of the language switch.
func slotOf(i int) slot {
	if i < len(entrySlots) {
		return entrySlots[i]
	}
	return slot{i, slotURL}
}

type frameCache struct {
	mu     sync.Mutex
	frames map[frameKey]*frame
}

// entrySlots are the values an entry page's chrome takes from the entry, in slot order.
var entrySlots = []slot{
	{0, slotText}, // title
	{1, slotText}, // description
	{2, slotURL},  // canonical URL
	{3, slotURL},  // the service's breadcrumb: link
	{4, slotText}, // and text
	{5, slotText}, // the entry's breadcrumb
	{6, slotHTML}, // the page's main part
}

// entryFrame returns the chrome of entry pages like p, rendering it the first time.
func (b *builder) entryFrame(p *page) (*frame, error) {
	k := frameKey{root: p.Root, desc: p.Desc != "", canon: p.Canonical != "", langs: langsKey(p)}
	b.frames.mu.Lock()
	defer b.frames.mu.Unlock()
	if f := b.frames.frames[k]; f != nil {
		return f, nil
	}
	if len(p.Crumbs) != 3 {
		return nil, fmt.Errorf("entry page %s: want 3 breadcrumbs, have %d", p.URL, len(p.Crumbs))
	}
	m := make([]string, len(entrySlots))
	for i := range m {
		m[i] = slotMarker(i)
	}
	fp := *p
	fp.Title, fp.Desc, fp.Canonical = m[0], "", ""
	if k.desc {
		fp.Desc = m[1]
	}
	if k.canon {
		fp.Canonical = m[2]
	}
	fp.Crumbs = []link{p.Crumbs[0], {m[3], m[4]}, {"", m[5]}}
	fp.Main = template.HTML(m[6])
	n := len(entrySlots)
	fp.Alternates = slices.Clone(p.Alternates)
	for i := range fp.Alternates {
		fp.Alternates[i].Href = slotMarker(n + i)
	}
	n += len(p.Alternates)
	fp.Langs = slices.Clone(p.Langs)
	for i := range fp.Langs {
		if !fp.Langs[i].Current {
			fp.Langs[i].Href = slotMarker(n + i)
		}
	}
	var buf bytes.Buffer
	if err := b.t["frame"].ExecuteTemplate(&buf, "layout", &fp); err != nil {
		return nil, fmt.Errorf("render the entry page frame: %w", err)
	}
	f, err := splitFrame(buf.String(), frameSlots{k, len(p.Alternates) + len(p.Langs), len(p.Alternates) + len(p.Langs) - current(p.Langs)})
	if err != nil {
		return nil, err
	}
	if b.frames.frames == nil {
		b.frames.frames = map[frameKey]*frame{}
	}
	b.frames.frames[k] = f
	return f, nil
}

// frameSlots is a frame's key with the number of slots after entrySlots, and how many
// of those are in use (the current language of the switch has no link).
type frameSlots struct {
	frameKey
	slots, hrefs int
}

// current counts the current languages of a switch: 1, or 0 for none.
func current(ls []langLink) int {
	n := 0
	for _, l := range ls {
		if l.Current {
			n++
		}
	}
	return n
}

// splitFrame cuts rendered chrome at its markers; each slot in use must appear once.
func splitFrame(s string, k frameSlots) (*frame, error) {
	f := &frame{}
	seen := map[int]bool{}
	last := 0
	for _, loc := range reSlot.FindAllStringSubmatchIndex(s, -1) {
		i, _ := strconv.Atoi(s[loc[2]:loc[3]])
		// Text may be shown twice (the title and description again for Open Graph);
		// URLs and the main part once.
		if i >= len(entrySlots)+k.slots || seen[i] && slotOf(i).kind != slotText {
			return nil, fmt.Errorf("entry page frame: marker %d out of place", i)
		}
		seen[i] = true
		f.parts = append(f.parts, s[last:loc[0]])
		f.slots = append(f.slots, slotOf(i))
		last = loc[1]
	}
	f.parts = append(f.parts, s[last:])
	want := len(entrySlots) + k.hrefs
	if !k.desc {
		want--
	}
	if !k.canon {
		want--
	}
	if len(seen) != want {
		return nil, fmt.Errorf("entry page frame: %d of %d markers found", len(seen), want)
	}
	return f, nil
}

// writeEntryPage writes the page of d, an entry, with the chrome of p.
func (b *builder) writeEntryPage(buf *bytes.Buffer, p *page, d *entryData) error {
	f, err := b.entryFrame(p)
	if err != nil {
		return err
	}
	vals := []string{p.Title, p.Desc, p.Canonical, p.Crumbs[1].Href, p.Crumbs[1].Text, p.Crumbs[2].Text, ""}
	for _, a := range p.Alternates {
		vals = append(vals, a.Href)
	}
	for _, l := range p.Langs {
		vals = append(vals, l.Href)
	}
	w := htmlWriter{buf}
	for i, s := range f.slots {
		w.raw(f.parts[i])
		switch s.kind {
		case slotText:
			w.text(vals[s.id])
		case slotURL:
			w.url(vals[s.id])
		case slotHTML:
			b.entryMain(w, p, d)
		}
	}
	w.raw(f.parts[len(f.parts)-1])
	return nil
}

// entryMain writes the main part of an entry page.
func (b *builder) entryMain(w htmlWriter, p *page, d *entryData) {
	W := p.W
	lang := func() { w.raw(` lang="`); w.text(d.Lang); w.raw(`"`) }
	w.raw("\n<article class=\"entry\">\n<header class=\"entry-head\">\n<h1><code>")
	w.isolated(d.Code)
	w.raw("</code></h1>\n<p class=\"badges\">")
	w.status(d.Status)
	if d.JSONRPC {
		w.raw(` <span class="badge proto">JSON-RPC</span>`)
	}
	w.raw(` <a class="svc" href="`)
	w.url(d.Service.Href)
	w.raw(`">`)
	w.text(d.Service.Text)
	w.raw(`</a> <button type="button" class="copy" data-copy-text="`)
	w.text(d.Code)
	w.raw(`" hidden>`)
	w.text(W["copyCode"])
	w.raw("</button></p>\n")
	if d.Message != "" {
		w.raw(`<p class="message"`)
		lang()
		w.raw(">")
		w.isolated(d.Message)
		w.raw("</p>")
	}
	if d.Fallback != "" {
		w.raw("\n<p class=\"fallback\" role=\"note\">")
		w.text(d.Fallback)
		w.raw("</p>")
	}
	w.raw("\n</header>\n\n<dl class=\"facts\">\n<dt>")
	w.text(W["status"])
	w.raw("</dt><dd>")
	if d.JSONRPC {
		w.text(W["jsonrpcNote"])
	} else {
		w.text(d.Status.Text)
	}
	w.raw("</dd>\n<dt>")
	w.text(W["protocol"])
	w.raw("</dt><dd>")
	w.text(d.Protocol)
	w.raw("</dd>\n")
	if d.Group != "" {
		w.raw("<dt>")
		w.text(W["group"])
		w.raw("</dt><dd")
		lang()
		w.raw(">")
		w.isolated(d.Group)
		w.raw("</dd>")
	}
	w.raw("\n<dt>")
	w.text(W["source"])
	w.raw("</dt><dd><code>")
	w.text(d.Source)
	w.raw("</code></dd>\n<dt>")
	w.text(W["permalink"])
	w.raw(`</dt><dd><a class="permalink" href="`)
	w.url(d.PermalinkHref)
	w.raw(`">`)
	w.text(d.PermalinkShown)
	w.raw(`</a> <button type="button" class="copy" data-copy="`)
	w.text(d.Permalink)
	w.raw(`" hidden>`)
	w.text(W["copyLink"])
	w.raw("</button></dd>\n</dl>\n\n")
	for _, sec := range []struct {
		id, word string
		body     template.HTML
	}{{"desc-h", "description", d.Description}, {"res-h", "resolution", d.Resolution}} {
		if sec.body != "" {
			w.raw(`<section aria-labelledby="` + sec.id + `"><h2 id="` + sec.id + `">`)
			w.text(W[sec.word])
			w.raw(`</h2><div class="md"`)
			lang()
			w.raw(">")
			w.raw(string(sec.body))
			w.raw("</div></section>")
		}
		w.raw("\n")
	}
	if len(d.Fields) > 0 {
		w.raw(`<section aria-labelledby="fields-h"><h2 id="fields-h">`)
		w.text(W["otherFields"])
		w.raw(`</h2><dl class="facts"`)
		lang()
		w.raw(">")
		w.fields(d.Fields)
		w.raw("</dl></section>")
	}
	w.raw("\n\n")
	if len(d.Variants) > 0 {
		w.raw(`<section aria-labelledby="var-h"><h2 id="var-h">`)
		w.text(W["variants"])
		w.raw("</h2>\n")
		for _, v := range d.Variants {
			w.raw(`<div class="variant"`)
			lang()
			w.raw(">\n")
			if v.Message != "" {
				w.raw(`<p class="message">`)
				w.isolated(v.Message)
				w.raw("</p>")
			}
			w.raw("\n")
			if v.Description != "" {
				w.raw(`<div class="md">` + string(v.Description) + "</div>")
			}
			w.raw("\n")
			if v.Resolution != "" {
				w.raw(`<div class="md"><strong lang="`)
				w.text(p.Lang)
				w.raw(`">`)
				w.text(W["resolution"])
				w.raw(":</strong> " + string(v.Resolution) + "</div>")
			}
			w.raw("\n")
			if len(v.Fields) > 0 {
				w.raw(`<dl class="facts">`)
				w.fields(v.Fields)
				w.raw("</dl>")
			}
			w.raw("\n<p class=\"muted source\" lang=\"")
			w.text(p.Lang)
			w.raw(`">`)
			w.text(W["source"])
			w.raw(": <code>")
			w.text(v.Source)
			w.raw("</code></p>\n</div>\n")
		}
		w.raw("</section>")
	}
	w.raw("\n\n")
	if d.Example != "" {
		w.raw(`<section aria-labelledby="ex-h"><h2 id="ex-h">`)
		w.text(W["example"])
		w.raw(`</h2>`)
		if d.ExampleNote != "" {
			w.raw(`<p class="muted">`)
			w.text(d.ExampleNote)
			w.raw(`</p>`)
		}
		w.raw(`<p><button type="button" class="copy" data-copy-el="ex-body" hidden>`)
		w.text(W["copyExample"])
		w.raw(`</button></p><pre class="code" tabindex="0"><code id="ex-body">`)
		w.text(d.Example)
		w.raw("</code></pre></section>")
	}
	w.raw("\n\n")
	if len(d.SameCode) > 0 || len(d.SameStatus) > 0 {
		w.raw(`<section aria-labelledby="rel-h"><h2 id="rel-h">`)
		w.text(W["related"])
		w.raw("</h2>\n")
		if len(d.SameCode) > 0 {
			w.raw("<h3>")
			w.text(W["sameCode"])
			w.raw("</h3>\n")
			w.entries(W, d.SameCode, d.PageLang, true, true, false)
		}
		w.raw("\n")
		if len(d.SameStatus) > 0 {
			w.raw("<h3>")
			w.text(W["sameStatus"])
			w.raw("</h3>\n")
			w.entries(W, d.SameStatus, d.PageLang, false, false, false)
		}
		w.raw("\n</section>")
	}
	w.raw("\n</article>\n")
}

// htmlWriter writes HTML escaped exactly as html/template escapes it in the same places, so
// that what Go writes and what the templates write around it escape alike
// (TestHTMLWriterEscapesLikeTemplates).
type htmlWriter struct{ b *bytes.Buffer }

func (w htmlWriter) raw(s string) { w.b.WriteString(s) }

// text writes s as element text or a quoted attribute value: html/template's htmlEscaper
// (and attrEscaper and rcdataEscaper, the same for plain strings).
func (w htmlWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		w.b.WriteString(s[last:i])
		w.b.WriteString(r)
		last = i + 1
	}
	w.b.WriteString(s[last:])
}

// isolated writes s as element text, inside <bdi> when it holds a bidirectional control
// character: its overrides then end with it and cannot reorder the text around it. Code,
// message and group go through it; the template function "isolated" is the same.
func (w htmlWriter) isolated(s string) {
	if catalog.BidiControl(s) < 0 {
		w.text(s)
		return
	}
	w.raw("<bdi>")
	w.text(s)
	w.raw("</bdi>")
}

// url writes s as a whole URL attribute value, as html/template does: a URL with a scheme
// other than http, https or mailto becomes "#ZgotmplZ", bytes outside URLs are
// percent-encoded, and the result is escaped as an attribute value.
func (w htmlWriter) url(s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		w.b.WriteString("#ZgotmplZ")
		return
	}
	var sb strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			// A valid escape stays (like html/template, not at the very end of s).
			continue
		}
		sb.WriteString(s[last:i])
		fmt.Fprintf(&sb, "%%%02x", c)
		last = i + 1
	}
	if last == 0 {
		w.text(s)
		return
	}
	sb.WriteString(s[last:])
	w.text(sb.String())
}

// status writes a status badge: a link to the status's page, or a span without one.
func (w htmlWriter) status(si statusInfo) {
	if si.Href != "" {
		w.raw(`<a class="badge `)
		w.text(si.Class)
		w.raw(`" href="`)
		w.url(si.Href)
		w.raw(`">`)
		w.text(si.Text)
		w.raw("</a>")
		return
	}
	w.raw(`<span class="badge `)
	w.text(si.Class)
	w.raw(`">`)
	w.text(si.Text)
	w.raw("</span>")
}

func (w htmlWriter) fields(fs []field) {
	for _, f := range fs {
		w.raw("<dt>")
		w.text(f.Name)
		w.raw("</dt><dd>" + string(f.Value) + "</dd>")
	}
}

// entries writes a table of entries: code, status when showStatus, title (with its
// summary when summary), service when service.
func (w htmlWriter) entries(W map[string]string, rs []entryRef, lang string, service, showStatus, summary bool) {
	th := func(word string) { w.raw(`<th scope="col">`); w.text(W[word]); w.raw("</th>") }
	w.raw("<table class=\"entries\">\n<thead><tr>")
	th("code")
	if showStatus {
		th("status")
	}
	th("message")
	if service {
		th("service")
	}
	w.raw("</tr></thead>\n<tbody>\n")
	for _, r := range rs {
		w.raw(`<tr><td><a class="code" href="`)
		w.url(r.Href)
		w.raw(`">`)
		w.isolated(r.Code)
		w.raw("</a>")
		if r.Protocol == "json-rpc" {
			w.raw(` <span class="badge proto">JSON-RPC</span>`)
		}
		w.raw("</td>")
		if showStatus {
			w.raw(`<td class="st">`)
			if r.Status != 0 {
				w.text(r.Status.String())
			} else {
				w.raw(`<span class="muted">–</span>`)
			}
			w.raw("</td>")
		}
		w.raw("<td")
		if l := cmp.Or(r.Lang, lang); l != "" {
			w.raw(` lang="`)
			w.text(l)
			w.raw(`"`)
		}
		w.raw(">")
		w.isolated(r.Title)
		if r.Lang != "" {
			// Not in the list's language: the badge names the language it is in.
			w.raw(` <span class="badge" lang="`)
			w.text(r.Lang)
			w.raw(`">`)
			w.text(langName(r.Lang))
			w.raw(`</span>`)
		}
		if summary && r.Summary != "" {
			w.raw(`<span class="summary">`)
			w.isolated(r.Summary)
			w.raw("</span>")
		}
		w.raw("</td>")
		if service {
			w.raw("<td>")
			w.text(r.Service)
			w.raw("</td>")
		}
		w.raw("</tr>\n")
	}
	w.raw("</tbody>\n</table>")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
