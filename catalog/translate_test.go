package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// twoLanguages returns the same invented service in Korean and English: the English side
// lacks PAY_LIMIT, has REFUND_LATE only, and documents CARD_LOCKED under another status.
func twoLanguages() (ko, en *Service) {
	ko = &Service{ID: "pay", Title: "결제 오류", Summary: "결제 API의 오류입니다.", Lang: "ko", Source: "ko/pay.md", Entries: []*Entry{
		{ID: "card-expired", Code: "CARD_EXPIRED", Status: 400, Group: "카드", Message: "카드가 만료되었습니다", Description: "유효기간이 지났습니다.", Source: Pos{File: "ko/pay.md", Line: 5, Col: 1}},
		{ID: "pay-limit", Code: "PAY_LIMIT", Status: 403, Message: "한도를 넘었습니다", Source: Pos{File: "ko/pay.md", Line: 6, Col: 1}},
		{ID: "card-locked", Code: "CARD_LOCKED", Status: 403, Message: "카드가 잠겼습니다", Source: Pos{File: "ko/pay.md", Line: 7, Col: 1}},
	}}
	en = &Service{ID: "pay", Title: "Payment errors", Summary: "Errors of the payment API.", Lang: "en", Source: "en/pay.md",
		Groups:   []Group{{Name: "Card", Status: 400, Description: "Errors of the card.", Source: Pos{File: "en/pay.md", Line: 3, Col: 1}}},
		Sections: []Section{{Title: "Limits", Body: "| limit | value |", Source: Pos{File: "en/pay.md", Line: 20, Col: 1}}}, Entries: []*Entry{
			withMore(&Entry{ID: "card-expired", Code: "CARD_EXPIRED", Status: 400, Group: "Card", Message: "The card has expired", Resolution: "Use another card.", Source: Pos{File: "en/pay.md", Line: 5, Col: 1}},
				nil, []Variant{{Message: "Card expired", Source: Pos{File: "en/pay.md", Line: 9, Col: 1}}}),
			{ID: "refund-late", Code: "REFUND_LATE", Status: 409, Message: "Too late for a refund", Source: Pos{File: "en/pay.md", Line: 6, Col: 1}},
			{ID: "card-locked", Code: "CARD_LOCKED", Status: 423, Message: "The card is locked", Source: Pos{File: "en/pay.md", Line: 7, Col: 1}},
		}}
	return ko, en
}

func TestTranslate(t *testing.T) {
	ko, en := twoLanguages()
	koBefore := fmt.Sprintf("%+v", *ko.Entries[0])
	s, d := Translate(ko, []*Service{en})
	if got := fmt.Sprintf("%+v", *ko.Entries[0]); got != koBefore {
		t.Errorf("Translate modified its input:\n%s\nwas\n%s", got, koBefore)
	}
	var ids []string
	for _, e := range s.Entries {
		ids = append(ids, e.ID+"/"+e.Lang())
	}
	if diff := cmp.Diff([]string{"card-expired/", "pay-limit/", "card-locked/", "refund-late/en", "card-locked-en/en"}, ids); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]ServiceText{{Lang: "en", Title: "Payment errors", Summary: "Errors of the payment API.", Source: "en/pay.md", Groups: en.Groups, Sections: en.Sections}}, s.Translations); diff != "" {
		t.Errorf("service translations (-want +got):\n%s", diff)
	}
	tr, ok := s.Entries[0].Text(s, "en")
	if !ok || tr.Message != "The card has expired" || tr.Group != "Card" || len(tr.Variants) != 1 || tr.Source.File != "en/pay.md" {
		t.Errorf("CARD_EXPIRED in en = %+v, %v", tr, ok)
	}
	if tr, ok := s.Entries[1].Text(s, "en"); ok || tr.Message != "한도를 넘었습니다" {
		t.Errorf("PAY_LIMIT in en = %+v, %v; want the Korean fallback", tr, ok)
	}
	if tr, ok := s.Entries[3].Text(s, "ko"); ok || tr.Lang != "en" {
		t.Errorf("REFUND_LATE in ko = %+v, %v; want the English fallback", tr, ok)
	}
	var got []string
	d.Sort()
	for _, x := range d {
		got = append(got, fmt.Sprintf("%s %s %s", x.Pos, x.Severity, x.Rule))
	}
	want := []string{
		"en/pay.md:6:1 warning missing-translation",
		"en/pay.md:7:1 error translation-status",
		"ko/pay.md:6:1 warning missing-translation",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, d)
	}
	if n := s.Coverage("en"); n != 3 {
		t.Errorf("en coverage = %d, want 3 (CARD_EXPIRED, REFUND_LATE, CARD_LOCKED 423)", n)
	}
	if n := s.Coverage("ko"); n != 3 {
		t.Errorf("ko coverage = %d, want 3", n)
	}
}

func translatedCatalog() *Catalog {
	ko, en := twoLanguages()
	s, _ := Translate(ko, []*Service{en})
	c := sampleCatalog()
	c.Services = append(c.Services, s)
	return c
}

func TestTranslationsJSON(t *testing.T) {
	c := translatedCatalog()
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, c, func(s *Service, e *Entry) string { return s.ID + "/" + e.ID + "/" }); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sch := compileSchema(t)
	if err := sch.Validate(inst); err != nil {
		t.Errorf("catalog with translations does not match its schema: %v", err)
	}
	var raw struct {
		Services []struct {
			Translations map[string]map[string]any `json:"translations"`
			Entries      []map[string]any          `json:"entries"`
		} `json:"services"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Services[0].Translations != nil || raw.Services[0].Entries[0]["translations"] != nil || raw.Services[0].Entries[0]["lang"] != nil {
		t.Errorf("a service in one language has translation fields")
	}
	pay := raw.Services[1]
	if pay.Translations["en"]["title"] != "Payment errors" {
		t.Errorf("service translations = %v", pay.Translations)
	}
	if m := pay.Entries[0]["translations"].(map[string]any)["en"].(map[string]any)["message"]; m != "The card has expired" {
		t.Errorf("entry translation message = %v", m)
	}
	if pay.Entries[0]["message"] != "카드가 만료되었습니다" || pay.Entries[3]["lang"] != "en" {
		t.Errorf("default-language fields or lang of an English-only entry wrong: %v, %v", pay.Entries[0]["message"], pay.Entries[3]["lang"])
	}
	if g := pay.Translations["en"]["groups"].([]any)[0].(map[string]any); g["description"] != "Errors of the card." {
		t.Errorf("English groups %v", g)
	}
	bad := strings.Replace(buf.String(), `"description": "Errors of the card."`, `"description": 5`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err := sch.Validate(inst); err == nil {
		t.Errorf("schema accepted a translation's group with a number for description")
	}
	bad = strings.Replace(buf.String(), `"en": {`, `"not a tag": {`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err := sch.Validate(inst); err == nil {
		t.Errorf("schema accepted a translation keyed %q", "not a tag")
	}
}

// TestDiffTranslations: a changed English message of a Korean service is a change with
// its language, never breaking; so is an English text that appears or goes.
func TestDiffTranslations(t *testing.T) {
	ko, en := twoLanguages()
	old, _ := Translate(ko, []*Service{en})
	ko2, en2 := twoLanguages()
	en2.Entries[0].Message = "The card is past its expiry date"
	en2.Entries = append(en2.Entries, &Entry{ID: "pay-limit", Code: "PAY_LIMIT", Status: 403, Message: "Over the limit", Source: Pos{File: "en/pay.md", Line: 8, Col: 1}})
	ko2.Entries[2].Description = "잠긴 카드입니다."
	nw, _ := Translate(ko2, []*Service{en2})
	changes := Diff(&Catalog{Services: []*Service{old}}, &Catalog{Services: []*Service{nw}})
	var got []string
	for _, c := range changes {
		got = append(got, fmt.Sprintf("%s %s %s breaking=%v %s", c.Kind, c.Lang, c.Code, c.Breaking(), c.Pos()))
	}
	want := []string{
		"message-changed en CARD_EXPIRED breaking=false en/pay.md:5:1",
		"description-changed  CARD_LOCKED breaking=false ko/pay.md:7:1",
		"translation-added en PAY_LIMIT breaking=false en/pay.md:8:1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	// Back again: the English text of PAY_LIMIT goes.
	var back []string
	for _, c := range Diff(&Catalog{Services: []*Service{nw}}, &Catalog{Services: []*Service{old}}) {
		if c.Kind == TranslationRemoved || c.Kind == TranslationAdded {
			back = append(back, fmt.Sprintf("%s %s %s breaking=%v old=%q", c.Kind, c.Lang, c.Code, c.Breaking(), c.OldText.Message))
		}
	}
	if want := []string{`translation-removed en PAY_LIMIT breaking=false old="Over the limit"`}; !slices.Equal(back, want) {
		t.Errorf("changes back %q, want %q", back, want)
	}
	if changes[0].OldText.Message != "The card has expired" || changes[0].NewText.Message != "The card is past its expiry date" {
		t.Errorf("texts %+v %+v", changes[0].OldText, changes[0].NewText)
	}
}

// TestDiffComparesLikeLanguages: texts are compared language by language, never one
// language's with another's: a code only English documented that Korean now documents too
// is a Korean text added (not its message "changed" from English to Korean), and a
// service whose default language flips with the same texts has no change.
func TestDiffComparesLikeLanguages(t *testing.T) {
	ko, en := twoLanguages()
	old, _ := Translate(ko, []*Service{en}) // REFUND_LATE: English only
	ko2, en2 := twoLanguages()
	ko2.Entries = append(ko2.Entries, &Entry{ID: "refund-late", Code: "REFUND_LATE", Status: 409, Message: "환불 기한이 지났습니다", Source: Pos{File: "ko/pay.md", Line: 8, Col: 1}})
	nw, _ := Translate(ko2, []*Service{en2})
	var got []string
	for _, c := range Diff(&Catalog{Services: []*Service{old}}, &Catalog{Services: []*Service{nw}}) {
		got = append(got, fmt.Sprintf("%s %s %s", c.Kind, c.Lang, c.Code))
	}
	if want := []string{"translation-added ko REFUND_LATE"}; !slices.Equal(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
	ko3, en3 := twoLanguages()
	flipped, _ := Translate(en3, []*Service{ko3}) // English the default now
	got = nil
	for _, c := range Diff(&Catalog{Services: []*Service{old}}, &Catalog{Services: []*Service{flipped}}) {
		got = append(got, fmt.Sprintf("%s %s %s", c.Kind, c.Lang, c.Code))
	}
	// CARD_LOCKED is 403 in Korean and 423 in English: with English the default its entry
	// is the 423 one (a status change, and the Korean 403 text an entry of its own).
	for _, g := range got {
		if strings.HasPrefix(g, "message-changed") || strings.HasPrefix(g, "description-changed") {
			t.Errorf("the default language flipped with the same texts: %q", got)
			break
		}
	}
}

// TestCheckBidiInTranslations: a bidirectional control in a translation's message is
// reported at the translation's line, as one in the entry's own text is.
func TestCheckBidiInTranslations(t *testing.T) {
	ko, en := twoLanguages()
	en.Entries[0].Message = "The card has \u202eexpired"
	s, _ := Translate(ko, []*Service{en})
	var got []string
	for _, d := range Check(&Catalog{Services: []*Service{s}}) {
		if d.Rule == RuleBidiControl {
			got = append(got, d.String())
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "en/pay.md:5:1: warning: the en message of \"CARD_EXPIRED\"") {
		t.Errorf("bidi diagnostics %q", got)
	}
}
