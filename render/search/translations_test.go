package search

import (
	"encoding/json"
	"strings"
	"testing"

	"docgen/catalog"
)

// TestTranslationsFound: an entry of a service in Korean and English is found by a query
// in either language, and its record carries its English page and title.
func TestTranslationsFound(t *testing.T) {
	ko := &catalog.Service{ID: "wallet", Title: "지갑 오류", Lang: "ko", Entries: []*catalog.Entry{
		{ID: "wlt-1", Code: "WLT-1", Status: 400, Message: "금액 형식이 잘못되었습니다"},
		{ID: "wlt-2", Code: "WLT-2", Status: 403, Message: "지갑이 정지되었습니다"},
	}}
	en := &catalog.Service{ID: "wallet", Title: "Wallet errors", Lang: "en", Entries: []*catalog.Entry{
		{ID: "wlt-1", Code: "WLT-1", Status: 400, Message: "Amount has an invalid format"},
		{ID: "wlt-9", Code: "WLT-9", Status: 409, Message: "Already paid in full"},
	}}
	s, _ := catalog.Translate(ko, []*catalog.Service{en})
	c := &catalog.Catalog{Services: []*catalog.Service{s}}
	idx, err := Build(c, Options{
		URL:     func(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" },
		LangURL: func(l string, s *catalog.Service, e *catalog.Entry) string { return l + "/" + s.ID + "/" + e.ID + "/" },
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(idx.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"금액 형식", "invalid amount format", "amount"} {
		res, _, _, err := r.Search(q, Filter{}, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) == 0 || res[0].Code != "WLT-1" {
			t.Errorf("%q: %+v, want WLT-1 first", q, res)
		}
	}
	var recs string
	for _, f := range idx.Files {
		if strings.HasPrefix(f.Name, "d/") {
			recs += string(f.Data)
		}
	}
	want, _ := json.Marshal(map[string][]string{"en": {"en/wallet/wlt-1/", "Amount has an invalid format", ""}})
	if !strings.Contains(recs, string(want)) {
		t.Errorf("records lack the English page of WLT-1 %s:\n%s", want, recs)
	}
	// WLT-2 has no English text: its English page shows the Korean one, and says so.
	want, _ = json.Marshal(map[string][]string{"en": {"en/wallet/wlt-2/", "지갑이 정지되었습니다", "", "ko"}})
	if !strings.Contains(recs, string(want)) {
		t.Errorf("records lack the English page of WLT-2 %s:\n%s", want, recs)
	}
	// WLT-9 is in English only: its record says its own text is English.
	want, _ = json.Marshal([]any{"wlt-9", "WLT-9", 409, 0, "wallet/wlt-9/", "Already paid in full", "",
		map[string][]string{"en": {"en/wallet/wlt-9/", "Already paid in full", ""}}, "en"})
	if !strings.Contains(recs, string(want)) {
		t.Errorf("records lack WLT-9 with its language %s:\n%s", want, recs)
	}
	for _, f := range idx.Files {
		if f.Name == "s.js" && !strings.Contains(string(f.Data), `["wallet","지갑 오류",{"en":"Wallet errors"}]`) {
			t.Errorf("s.js lacks the English title of the service: %s", f.Data)
		}
	}

	// The reader shows results in its Lang, with the language of the text they have.
	for _, tc := range []struct{ lang, q, title, in string }{
		{"", "지갑 정지", "지갑이 정지되었습니다", ""},
		{"ko", "paid", "Already paid in full", "en"},
		{"en", "invalid amount", "Amount has an invalid format", "en"},
		{"en", "지갑 정지", "지갑이 정지되었습니다", "ko"},
		{"en", "paid", "Already paid in full", "en"},
	} {
		r, err := Open(idx.Files)
		if err != nil {
			t.Fatal(err)
		}
		r.Lang = tc.lang
		res, _, _, err := r.Search(tc.q, Filter{}, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) == 0 || res[0].Title != tc.title || res[0].Lang != tc.in {
			t.Errorf("in %q, %q: %+v, want %q in %q first", tc.lang, tc.q, res, tc.title, tc.in)
		}
	}
}
