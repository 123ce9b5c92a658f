package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docgen/catalog"
)

// loadTranslations loads the invented Korean and English pair in testdata/translations.
func loadTranslations(t *testing.T, opts Options) *Loaded {
	t.Helper()
	t.Chdir(moduleRoot)
	l, err := Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestTranslationsFromConfig(t *testing.T) {
	l := loadTranslations(t, Options{Config: "testdata/translations/docgen.yaml", ConfigSet: true})
	if len(l.Catalog.Services) != 1 {
		t.Fatalf("%d services, want one service in two languages", len(l.Catalog.Services))
	}
	s := l.Catalog.Services[0]
	if s.ID != "wallet" || s.Lang != "ko" || len(s.Translations) != 1 || s.Translations[0].Lang != "en" || s.Translations[0].Title != "Wallet API error codes" {
		t.Errorf("service %s lang %s translations %+v", s.ID, s.Lang, s.Translations)
	}
	if len(s.Entries) != 30 || s.Coverage("en") != 29 || s.Coverage("ko") != 30 {
		t.Errorf("%d entries, en %d, ko %d; want 30, 29, 30", len(s.Entries), s.Coverage("en"), s.Coverage("ko"))
	}
	if n := l.Catalog.RowCount(); n != 59 {
		t.Errorf("%d rows, want 59 (30 Korean, 29 English)", n)
	}
	for _, e := range s.Entries {
		tr, ok := e.Text(s, "en")
		switch {
		case e.Code == "WLT-1204" && ok:
			t.Errorf("WLT-1204 has an English text: %+v", tr)
		case e.Code != "WLT-1204" && (!ok || tr.Message == e.Message || tr.Source.File != "testdata/translations/en/wallet.md"):
			t.Errorf("%s in en = %+v, %v", e.Code, tr, ok)
		}
	}
	var got []string
	for _, d := range l.Diags {
		got = append(got, d.String()+" ["+d.Rule+"]")
	}
	want := `testdata/translations/ko/wallet.md:24:1: warning: code "WLT-1204" has no en translation: testdata/translations/en/wallet.md does not document it [missing-translation]`
	if len(got) != 1 || got[0] != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// writeFiles writes files (slash-separated name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	koPair = "# 주문 오류\n\n| 코드 | 상태 | 메시지 |\n| --- | --- | --- |\n| ORD-1 | 400 | 주문이 비었습니다 |\n| ORD-2 | 404 | 주문이 없습니다 |\n| ORD-3 | 409 | 이미 결제되었습니다 |\n"
	enPair = "# Order errors\n\n| Code | Status | Message |\n| --- | --- | --- |\n| ORD-1 | 400 | The order is empty |\n| ORD-2 | 410 | The order is gone |\n| ORD-4 | 409 | Already shipped |\n"
)

// TestTranslationsFromFolders: ko/ and en/ folders with the same file names make one
// service each, without a config naming them; a code under another status is an error.
func TestTranslationsFromFolders(t *testing.T) {
	dir := t.TempDir()
	// More English files than Korean ones elsewhere do not make English the default.
	writeFiles(t, dir, map[string]string{"docs/ko/orders.md": koPair, "docs/en/orders.md": enPair, "docs/ko/only.md": "# 기타\n\n| 코드 | 메시지 |\n| --- | --- |\n| X-1 | 하나 |\n",
		"docs/en/a.md": "# A\n\n| Code | Message |\n| --- | --- |\n| A-1 | One |\n", "docs/en/b.md": "# B\n\n| Code | Message |\n| --- | --- |\n| B-1 | One |\n"})
	t.Chdir(dir)
	l, err := Load(context.Background(), Options{Sources: []string{"docs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Catalog.Services) != 4 {
		t.Fatalf("%d services, want orders (two languages), only, a and b", len(l.Catalog.Services))
	}
	var s *catalog.Service
	for _, x := range l.Catalog.Services {
		if x.ID == "orders" {
			s = x
		}
	}
	if s == nil {
		t.Fatalf("no service orders")
	}
	if s.ID != "orders" || strings.Join(s.Langs(), " ") != "ko en" {
		t.Errorf("service %s in %v; want orders in ko (not English) and en", s.ID, s.Langs())
	}
	var codes []string
	for _, e := range s.Entries {
		codes = append(codes, e.ID+":"+e.Lang())
	}
	if got := strings.Join(codes, " "); got != "ord-1: ord-2: ord-3: ord-2-en:en ord-4:en" {
		t.Errorf("entries %s", got)
	}
	rules := map[string]int{}
	for _, d := range l.Diags {
		rules[d.Rule]++
	}
	if rules[catalog.RuleTranslationStatus] != 1 || rules[catalog.RuleMissingTranslation] != 2 {
		t.Errorf("diagnostics %v:\n%v", rules, l.Diags)
	}
}

// TestTranslationsBesideAConfiguredSource: a source listed in docgen.yaml under a ko/
// folder takes the same file under en/ as its English version.
func TestTranslationsBesideAConfiguredSource(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ko/orders.md": koPair, "en/orders.md": strings.Replace(enPair, "410", "404", 1),
		"docgen.yaml": "title: T\nsources:\n  - path: ko/orders.md\n    id: orders\n",
	})
	t.Chdir(dir)
	l, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Catalog.Services) != 1 || strings.Join(l.Catalog.Services[0].Langs(), " ") != "ko en" {
		t.Fatalf("services %v", l.Catalog.Services)
	}
	if l.Diags.HasErrors() {
		t.Errorf("errors: %v", l.Diags)
	}
}

func TestConfigSameIDNeedsLanguages(t *testing.T) {
	for name, yaml := range map[string]string{
		"no lang":   "sources:\n  - {path: a.md, id: x}\n  - {path: b.md, id: x, lang: en}\n",
		"same lang": "sources:\n  - {path: a.md, id: x, lang: en}\n  - {path: b.md, id: x, lang: EN}\n",
	} {
		p := filepath.Join(t.TempDir(), "docgen.yaml")
		writeFiles(t, filepath.Dir(p), map[string]string{"docgen.yaml": yaml})
		// The error names the line of the second source's id.
		if _, err := LoadConfig(p); err == nil || !strings.Contains(err.Error(), "is used twice") || !strings.Contains(err.Error(), "docgen.yaml:3:") {
			t.Errorf("%s: %v", name, err)
		}
	}
	p := filepath.Join(t.TempDir(), "docgen.yaml")
	writeFiles(t, filepath.Dir(p), map[string]string{"docgen.yaml": "sources:\n  - {path: a.md, id: x, lang: ko}\n  - {path: b.md, id: x, lang: en}\n"})
	if _, err := LoadConfig(p); err != nil {
		t.Errorf("two languages of one id: %v", err)
	}
}

// TestSessionTranslations: docgen serve's incremental build makes one service of the
// languages too, and an edit of the English source changes the English text only, without
// changing the sources' own services kept for the next change.
func TestSessionTranslations(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ko/orders.md": koPair, "en/orders.md": strings.Replace(enPair, "410", "404", 1)})
	t.Chdir(dir)
	s := NewSession(Options{Sources: []string{"."}})
	ins, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	all := func(string) bool { return true }
	if _, err := s.Update(context.Background(), ins, all); err != nil {
		t.Fatal(err)
	}
	c, diags := s.Catalog()
	if len(c.Services) != 1 || len(diags) != 0 {
		t.Fatalf("services %d, diagnostics %v", len(c.Services), diags)
	}
	msg := func(c *catalog.Catalog) string {
		tr, _ := c.Services[0].Entries[0].Text(c.Services[0], "en")
		return tr.Message
	}
	if got := msg(c); got != "The order is empty" {
		t.Errorf("English message %q", got)
	}
	writeFiles(t, dir, map[string]string{"en/orders.md": strings.Replace(strings.Replace(enPair, "410", "404", 1), "The order is empty", "No items", 1)})
	ch, err := s.Update(context.Background(), ins, func(abs string) bool { return strings.HasSuffix(filepath.ToSlash(abs), "en/orders.md") })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ch.Services, " ") != "orders" {
		t.Errorf("changed services %v", ch.Services)
	}
	c2, _ := s.Catalog()
	if got := msg(c2); got != "No items" {
		t.Errorf("English message after the edit %q", got)
	}
	if got := c2.Services[0].Entries[0].Message; got != "주문이 비었습니다" {
		t.Errorf("Korean message after the edit %q", got)
	}
	if got := msg(c); got != "The order is empty" {
		t.Errorf("the earlier catalog changed: %q", got)
	}
}

// TestLanguageFolderID: a service whose id is the folder of another service's English
// pages is an error in a build and left out of a preview.
func TestLanguageFolderID(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ko/orders.md": koPair, "en/orders.md": strings.Replace(enPair, "410", "404", 1), "en.md": koPair,
		"docgen.yaml": "sources:\n  - {path: ko/orders.md, id: orders, lang: ko}\n  - {path: en/orders.md, id: orders, lang: en}\n  - {path: en.md}\n",
	})
	t.Chdir(dir)
	l, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range l.Diags {
		found = found || d.Rule == "reserved-id" && d.Pos.File == "en.md" && d.Severity == catalog.Error
	}
	if !found {
		t.Errorf("no reserved-id error for en.md: %v", l.Diags)
	}
	s := NewSession(Options{})
	ins, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(context.Background(), ins, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	c, diags := s.Catalog()
	if len(c.Services) != 1 || c.Services[0].ID != "orders" || len(diags) != 1 {
		t.Errorf("preview: %d services, diagnostics %v", len(c.Services), diags)
	}
}

// TestSiblingTakesNoSectionsOrColumns: the unlisted English twin of a listed Korean source
// is not filtered by the Korean section names or column words of its override (which
// left out every English entry), but keeps the code pattern, which codes share.
func TestSiblingTakesNoSectionsOrColumns(t *testing.T) {
	dir := t.TempDir()
	ko := "# 주문 오류\n\n## 오류 목록\n\n| 오류값 | 상태 | 메시지 |\n| --- | --- | --- |\n| ORD-1 | 400 | 주문이 비었습니다 |\n| ORD-2 | 404 | 주문이 없습니다 |\n"
	en := "# Order errors\n\n## Error list\n\n| Code | Status | Message |\n| --- | --- | --- |\n| ORD-1 | 400 | The order is empty |\n| ORD-2 | 404 | The order is gone |\n"
	writeFiles(t, dir, map[string]string{
		"ko/orders.md": ko, "en/orders.md": en,
		"docgen.yaml": "title: T\nsources:\n  - path: ko/orders.md\n    id: orders\n    lang: ko\n    sections: [\"오류 목록\"]\n    columns: {\"오류값\": code}\n    codePattern: \"^ORD-[0-9]+$\"\n",
	})
	t.Chdir(dir)
	l, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := l.Catalog.Services[0]
	if len(l.Catalog.Services) != 1 || s.Coverage("en") != 2 || s.Coverage("ko") != 2 {
		t.Fatalf("services %d, ko %d, en %d; want one with both codes in both languages: %v", len(l.Catalog.Services), s.Coverage("ko"), s.Coverage("en"), l.Diags)
	}
	if len(l.Diags) > 0 {
		t.Errorf("diagnostics: %v", l.Diags)
	}
}
