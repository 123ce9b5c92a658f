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
	// WLT-2 has no English text: its English page shows the Korean one.
	want, _ = json.Marshal(map[string][]string{"en": {"en/wallet/wlt-2/", "지갑이 정지되었습니다", ""}})
	if !strings.Contains(recs, string(want)) {
		t.Errorf("records lack the English page of WLT-2 %s:\n%s", want, recs)
	}
}
