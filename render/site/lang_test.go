package site

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"docgen/catalog"
	"docgen/internal/corpus"
	"docgen/render"
)

// translatedCatalog is an invented wallet service in Korean and English: English lacks
// WLT-3, and WLT-9 is documented in English only.
func translatedCatalog(base string) *catalog.Catalog {
	pos := func(f string, l int) catalog.Pos { return catalog.Pos{File: f, Line: l, Col: 1} }
	ko := &catalog.Service{ID: "wallet", Title: "지갑 오류", Summary: "지갑 API의 오류입니다.", Lang: "ko", Source: "ko/wallet.md", Entries: []*catalog.Entry{
		{ID: "wlt-1", Code: "WLT-1", Status: 400, Message: "금액이 잘못되었습니다", Description: "금액 형식을 확인하세요.", Source: pos("ko/wallet.md", 5)},
		{ID: "wlt-2", Code: "WLT-2", Status: 400, Message: "메모가 너무 깁니다", Source: pos("ko/wallet.md", 6)},
		{ID: "wlt-3", Code: "WLT-3", Status: 403, Message: "본인 인증이 필요합니다", Source: pos("ko/wallet.md", 7)},
	}}
	en := &catalog.Service{ID: "wallet", Title: "Wallet errors", Summary: "Errors of the wallet API.", Lang: "en", Source: "en/wallet.md",
		Groups:   []catalog.Group{{Name: "Bad requests", Status: 400, Description: "Requests the wallet cannot read."}},
		Sections: []catalog.Section{{Title: "Limits", Body: "A transfer is at most 1,000,000 won."}}, Entries: []*catalog.Entry{
			{ID: "wlt-1", Code: "WLT-1", Status: 400, Message: "The amount is invalid", Description: "Check the amount's format.", Source: pos("en/wallet.md", 5)},
			{ID: "wlt-2", Code: "WLT-2", Status: 400, Message: "The memo is too long", Source: pos("en/wallet.md", 6)},
			{ID: "wlt-9", Code: "WLT-9", Status: 409, Message: "Already paid", Source: pos("en/wallet.md", 7)},
		}}
	s, _ := catalog.Translate(ko, []*catalog.Service{en})
	one := &catalog.Service{ID: "other", Title: "기타", Lang: "ko", Source: "other.md", Entries: []*catalog.Entry{
		{ID: "x-1", Code: "X-1", Status: 400, Message: "기타 오류", Source: pos("other.md", 3)},
	}}
	return &catalog.Catalog{Title: "오류 카탈로그", Lang: "ko", BaseURL: base, Services: []*catalog.Service{s, one}}
}

var reAlt = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)

// TestTranslatedPages: the default language keeps the permanent URLs, English lives
// under en/, every page of the service links its twin (hreflang and the switch), site
// words follow the page's language, and a missing translation falls back, marked.
func TestTranslatedPages(t *testing.T) {
	c := translatedCatalog("https://errors.example.test/")
	files := renderMap(t, c, Options{})
	files[render.CatalogURL] = []byte("{}")
	for _, name := range []string{"wallet/index.html", "wallet/wlt-1/index.html", "wallet/wlt-3/index.html", "wallet/wlt-9/index.html",
		"en/wallet/index.html", "en/wallet/wlt-1/index.html", "en/wallet/wlt-3/index.html", "en/wallet/wlt-9/index.html", "other/x-1/index.html"} {
		if files[name] == nil {
			t.Fatalf("no %s", name)
		}
	}
	if files["en/other/index.html"] != nil || files["en/index.html"] != nil {
		t.Errorf("English pages of a service in Korean only, or an English overview")
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			checkPage(t, name, data, files)
		}
	}
	ko, en := string(files["wallet/wlt-1/index.html"]), string(files["en/wallet/wlt-1/index.html"])
	wantAlts := [][2]string{{"ko", "https://errors.example.test/wallet/wlt-1/"}, {"en", "https://errors.example.test/en/wallet/wlt-1/"}, {"x-default", "https://errors.example.test/wallet/wlt-1/"}}
	for name, page := range map[string]string{"ko": ko, "en": en} {
		var alts [][2]string
		for _, m := range reAlt.FindAllStringSubmatch(page, -1) {
			alts = append(alts, [2]string{m[1], m[2]})
		}
		if len(alts) != len(wantAlts) || alts[0] != wantAlts[0] || alts[1] != wantAlts[1] || alts[2] != wantAlts[2] {
			t.Errorf("%s page alternates %v, want %v", name, alts, wantAlts)
		}
	}
	for _, want := range []string{`<html lang="ko"`, `<p class="message" lang="ko">금액이 잘못되었습니다</p>`, `<a href="../../en/wallet/wlt-1/index.html" hreflang="en" lang="en">English</a>`, `<span aria-current="page" lang="ko">한국어</span>`, `>설명</h2>`} {
		if !strings.Contains(ko, want) {
			t.Errorf("Korean page lacks %s", want)
		}
	}
	for _, want := range []string{`<html lang="en"`, `<p class="message" lang="en">The amount is invalid</p>`, `<a href="../../../wallet/wlt-1/index.html" hreflang="ko" lang="ko">한국어</a>`,
		`>Description</h2>`, `<a class="svc" href="../../../en/wallet/index.html">Wallet errors</a>`, `<link rel="canonical" href="https://errors.example.test/en/wallet/wlt-1/">`} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
	missing := string(files["en/wallet/wlt-3/index.html"])
	if !strings.Contains(missing, `<p class="fallback" role="note">Not documented in this language: shown in 한국어.</p>`) || !strings.Contains(missing, `<p class="message" lang="ko">본인 인증이 필요합니다</p>`) {
		t.Errorf("the English page of WLT-3 does not fall back to Korean, marked:\n%s", missing)
	}
	onlyEn := string(files["wallet/wlt-9/index.html"])
	if !strings.Contains(onlyEn, `<p class="fallback" role="note">`) || !strings.Contains(onlyEn, `lang="en">Already paid</p>`) {
		t.Errorf("the Korean page of WLT-9 does not show its English text, marked")
	}
	if strings.Contains(string(files["wallet/wlt-1/index.html"]), `class="fallback"`) {
		t.Errorf("a translated page is marked as a fallback")
	}
	svc := string(files["en/wallet/index.html"])
	for _, want := range []string{"<h1>Wallet errors</h1>", "Requests the wallet cannot read.", "A transfer is at most 1,000,000 won.", `<td lang="ko">본인 인증이 필요합니다 <span class="badge" lang="ko">한국어</span></td>`, "The amount is invalid", `href="../../en/wallet/wlt-1/index.html"`} {
		if !strings.Contains(svc, want) {
			t.Errorf("English service page lacks %s", want)
		}
	}
	if ko := string(files["wallet/index.html"]); strings.Contains(ko, "Requests the wallet cannot read.") || strings.Contains(ko, "1,000,000") {
		t.Errorf("the Korean service page shows the English notes")
	}
	// A page of a service in one language has neither alternates nor a switch.
	if other := string(files["other/x-1/index.html"]); strings.Contains(other, "hreflang") || strings.Contains(other, `class="langs"`) {
		t.Errorf("a page in one language has language links")
	}

	var us struct {
		URLs []struct {
			Loc  string `xml:"loc"`
			Alts []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &us); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, u := range us.URLs {
		switch u.Loc {
		case "https://errors.example.test/en/wallet/wlt-1/", "https://errors.example.test/wallet/wlt-1/":
			found++
			if len(u.Alts) != 3 || u.Alts[1].Hreflang != "en" || u.Alts[1].Href != "https://errors.example.test/en/wallet/wlt-1/" {
				t.Errorf("sitemap alternates of %s: %+v", u.Loc, u.Alts)
			}
		case "https://errors.example.test/en/wallet/wlt-3/", "https://errors.example.test/wallet/wlt-3/":
			// English does not document WLT-3: no English alternate.
			found++
			if len(u.Alts) != 2 || u.Alts[0].Hreflang != "ko" || u.Alts[1].Hreflang != "x-default" {
				t.Errorf("sitemap alternates of %s: %+v", u.Loc, u.Alts)
			}
		case "https://errors.example.test/other/x-1/":
			found++
			if len(u.Alts) != 0 {
				t.Errorf("sitemap alternates of a page in one language: %+v", u.Alts)
			}
		}
	}
	if found != 5 {
		t.Errorf("sitemap lists %d of the 5 pages looked for:\n%s", found, files["sitemap.xml"])
	}
}

// TestTranslatedPagesWithoutBaseURL: alternates are relative links then.
func TestTranslatedPagesWithoutBaseURL(t *testing.T) {
	files := renderMap(t, translatedCatalog(""), Options{})
	en := string(files["en/wallet/wlt-1/index.html"])
	if !strings.Contains(en, `<link rel="alternate" hreflang="ko" href="../../../wallet/wlt-1/index.html">`) {
		t.Errorf("relative alternates missing")
	}
}

// BenchmarkRenderTranslated renders the synthetic catalog of BenchmarkRender with every
// service given an English twin of itself: twice the pages, and the pages of a service in
// several languages are rendered whole from the layout template (their chrome differs from
// page to page), not from a cached frame. Compare with BenchmarkRender.
func BenchmarkRenderTranslated(b *testing.B) {
	c := corpus.Generate(5000)
	for i, s := range c.Services {
		en := *s
		en.Lang, en.Source = "en", "en/"+s.Source
		if s.Lang == "en" {
			en.Lang = "ko"
		}
		c.Services[i], _ = catalog.Translate(s, []*catalog.Service{&en})
	}
	for b.Loop() {
		if err := Render(c, Options{}, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTranslatedEntryPagesMatchTheLayout: the entry pages of a service in several
// languages, written from frames with slots for their alternates and switch, are the
// bytes of the layout template executed whole for each.
func TestTranslatedEntryPagesMatchTheLayout(t *testing.T) {
	for _, base := range []string{"", "https://errors.example.test/x/"} {
		c := translatedCatalog(base)
		b, err := newBuilder(c, Options{}, func(string, []byte) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if err := b.prepare(render.SearchURL("0123456789/")); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range c.Services {
			for _, lang := range s.Langs() {
				for i, e := range s.Entries {
					p, d := b.entryPageIn(s, i, e, lang)
					var got bytes.Buffer
					if err := b.writeEntryPage(&got, p, d); err != nil {
						t.Fatal(err)
					}
					var main, want bytes.Buffer
					lb := b.pageLang(s, lang)
					lb.entryMain(htmlWriter{&main}, p, d)
					fp := *p
					fp.Main = template.HTML(main.String())
					if err := b.t["frame"].ExecuteTemplate(&want, "layout", &fp); err != nil {
						t.Fatal(err)
					}
					if got.String() != want.String() {
						t.Errorf("%s: the frame's page differs from the template's:\n%s\nwant\n%s", p.URL, got.String(), want.String())
					}
					n++
				}
			}
		}
		if n != 9 {
			t.Errorf("%d pages compared, want 9", n)
		}
	}
}

// TestTranslatedFallbacks: what a language lacks falls back to the text another has,
// marked and with that text's language: the service's summary, sections and group notes,
// the titles of related lists, the entries of status pages; and a language that does
// not document an entry has no hreflang alternate of it (its page and switch link stay).
func TestTranslatedFallbacks(t *testing.T) {
	c := translatedCatalog("https://errors.example.test/")
	s := c.Services[0]
	s.Groups = []catalog.Group{{Name: "권한", Status: 403, Description: "권한이 없는 요청입니다."}}
	s.Sections = []catalog.Section{{Title: "한도", Body: "한 번에 100만 원까지 보낼 수 있습니다."}}
	s.Translations[0].Summary, s.Translations[0].Sections = "", nil
	s.Entries = append(s.Entries, &catalog.Entry{ID: "wlt-4", Code: "WLT-4", Status: 400, Message: "수취인이 없습니다",
		Source: catalog.Pos{File: "ko/wallet.md", Line: 8, Col: 1}})
	files := renderMap(t, c, Options{})
	files[render.CatalogURL] = []byte("{}")
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			checkPage(t, name, data, files)
		}
	}
	note := `<p class="fallback" role="note">Not documented in this language: shown in 한국어.</p>`
	svc := string(files["en/wallet/index.html"])
	for _, want := range []string{
		note + "\n" + `<div class="md" lang="ko"><p>지갑 API의 오류입니다.</p>`,
		note + `<div class="md note" lang="ko"><p>권한이 없는 요청입니다.</p>`,
		`<div class="md note" lang="en"><p>Requests the wallet cannot read.</p>`,
		`<h3 lang="ko">한도</h3>` + "\n" + note + "\n" + `<div class="md" lang="ko"><p>한 번에 100만 원까지`,
	} {
		if !strings.Contains(svc, want) {
			t.Errorf("English service page lacks %s:\n%s", want, svc)
		}
	}
	ko := string(files["wallet/index.html"])
	if strings.Contains(ko, `class="fallback"`) || !strings.Contains(ko, `<div class="md" lang="ko"><p>지갑 API의 오류입니다.</p>`) || !strings.Contains(ko, `<div class="md note" lang="ko"><p>권한이 없는 요청입니다.</p>`) {
		t.Errorf("the Korean service page is marked as a fallback, or lacks its own text:\n%s", ko)
	}
	// en/wallet/wlt-4/ shows Korean text; its related list is in English.
	rel := string(files["en/wallet/wlt-4/index.html"])
	if !strings.Contains(rel, `<p class="message" lang="ko">수취인이 없습니다</p>`) {
		t.Errorf("en/wallet/wlt-4/ does not show its Korean text")
	}
	if i := strings.Index(rel, `id="rel-h"`); i < 0 || !strings.Contains(rel[i:], `<td lang="en">The amount is invalid</td>`) || strings.Contains(rel[i:], `<td lang="ko">The`) {
		t.Errorf("related list of en/wallet/wlt-4/ not in English:\n%s", rel)
	}
	// WLT-9 is documented in English only: the status page says so.
	st := string(files["-/status/409/index.html"])
	if !strings.Contains(st, `<td lang="en">Already paid <span class="badge" lang="en">English</span></td>`) {
		t.Errorf("status page of 409 lists WLT-9 without its language:\n%s", st)
	}
	// hreflang: WLT-3 has no English alternate, on either page; the switch links both.
	for _, name := range []string{"wallet/wlt-3/index.html", "en/wallet/wlt-3/index.html"} {
		page := string(files[name])
		var langs []string
		for _, m := range reAlt.FindAllStringSubmatch(page, -1) {
			langs = append(langs, m[1])
		}
		if strings.Join(langs, " ") != "ko x-default" {
			t.Errorf("%s: alternates %v, want ko x-default", name, langs)
		}
		if !strings.Contains(page, `hreflang="en" lang="en">English</a>`) && !strings.Contains(page, `<span aria-current="page" lang="en">English</span>`) {
			t.Errorf("%s: the switch lost English", name)
		}
	}
	for _, name := range []string{"wallet/wlt-9/index.html", "en/wallet/wlt-9/index.html"} {
		var langs []string
		for _, m := range reAlt.FindAllStringSubmatch(string(files[name]), -1) {
			langs = append(langs, m[1])
		}
		if strings.Join(langs, " ") != "en x-default" {
			t.Errorf("%s: alternates %v, want en x-default", name, langs)
		}
	}
}

// TestTranslatedSameCode: on a page in English, the same code under another status of
// the same service is listed with its English page and title.
func TestTranslatedSameCode(t *testing.T) {
	pos := func(f string, l int) catalog.Pos { return catalog.Pos{File: f, Line: l, Col: 1} }
	ko := &catalog.Service{ID: "card", Title: "카드 오류", Lang: "ko", Source: "ko/card.md", Entries: []*catalog.Entry{
		{ID: "crd-5-400", Code: "CRD-5", Status: 400, Message: "카드 번호가 잘못되었습니다", Source: pos("ko/card.md", 5)},
		{ID: "crd-5-409", Code: "CRD-5", Status: 409, Message: "이미 등록된 카드입니다", Source: pos("ko/card.md", 6)},
	}}
	en := &catalog.Service{ID: "card", Title: "Card errors", Lang: "en", Source: "en/card.md", Entries: []*catalog.Entry{
		{ID: "crd-5-400", Code: "CRD-5", Status: 400, Message: "The card number is invalid", Source: pos("en/card.md", 5)},
		{ID: "crd-5-409", Code: "CRD-5", Status: 409, Message: "The card is already registered", Source: pos("en/card.md", 6)},
	}}
	s, _ := catalog.Translate(ko, []*catalog.Service{en})
	files := renderMap(t, &catalog.Catalog{Title: "오류", Lang: "ko", Services: []*catalog.Service{s}}, Options{})
	page := string(files["en/card/crd-5-400/index.html"])
	i := strings.Index(page, `id="rel-h"`)
	if i < 0 {
		t.Fatalf("no related list:\n%s", page)
	}
	for _, want := range []string{`href="../../../en/card/crd-5-409/index.html"`, `<td lang="en">The card is already registered</td><td>Card errors</td>`} {
		if !strings.Contains(page[i:], want) {
			t.Errorf("related list lacks %s:\n%s", want, page[i:])
		}
	}
	if ko := string(files["card/crd-5-400/index.html"]); !strings.Contains(ko, `<td lang="ko">이미 등록된 카드입니다</td><td>카드 오류</td>`) {
		t.Errorf("Korean page's related list:\n%s", ko)
	}
}
