package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
)

// entryFacts is what a catalog.json keeps of an entry and reading it back must give again.
type entryFacts struct {
	ID, Code, Group, Message, Description, Resolution string
	Status                                            catalog.Status
	Protocol                                          catalog.Protocol
	Fields                                            []catalog.Field
	Variants                                          []catalog.Variant
}

func facts(s *catalog.Service) []entryFacts {
	var out []entryFacts
	for _, e := range s.Entries {
		f := entryFacts{ID: e.ID, Code: e.Code, Group: e.Group, Message: e.Message, Description: e.Description,
			Resolution: e.Resolution, Status: e.Status, Protocol: e.Protocol, Fields: e.Fields()}
		for _, v := range e.Variants() {
			v.Source = catalog.Pos{}
			f.Variants = append(f.Variants, v)
		}
		out = append(out, f)
	}
	return out
}

// TestCatalogRoundTrip reads each default source, writes it as docgen's catalog.json and
// reads that back with the data reader: the same entries, statuses, groups, texts, fields
// and variants, and the same IDs.
func TestCatalogRoundTrip(t *testing.T) {
	seeds, _ := filepath.Glob("../content/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seeds in ../content")
	}
	for _, p := range seeds {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res := Read(NewSource(p, raw), Meta{})
		var buf bytes.Buffer
		c := &catalog.Catalog{Title: "Round trip", Services: []*catalog.Service{res.Service}}
		if err := catalog.EncodeJSON(&buf, c, func(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" }); err != nil {
			t.Fatal(err)
		}
		back := Read(NewSource("catalog.json", buf.Bytes()), Meta{})
		if back.Reader != "data" {
			t.Fatalf("%s: catalog.json read by %q, want data", p, back.Reader)
		}
		if back.Rows != res.Service.RowCount() || back.Dropped != 0 {
			t.Errorf("%s: read back %d rows (%d dropped), wrote %d", p, back.Rows, back.Dropped, res.Service.RowCount())
		}
		if back.Service.Title != res.Service.Title {
			t.Errorf("%s: title %q read back as %q", p, res.Service.Title, back.Service.Title)
		}
		if diff := cmp.Diff(facts(res.Service), facts(back.Service)); diff != "" {
			t.Errorf("%s: entries differ when read back (-wrote +read):\n%s", p, diff)
		}
	}
}

// TestCatalogRoundTripServices reads back a catalog.json of several services: the entries
// of each keep their own, and those with no group take the service's title as their group,
// so that one code in two services stays two entries.
func TestCatalogRoundTripServices(t *testing.T) {
	a := Read(NewSource("a.md", []byte("| Code | Message |\n|---|---|\n| E1 | One |\n| E2 | Two |\n")), Meta{Title: "Alpha"})
	b := Read(NewSource("b.md", []byte("| Code | Message |\n|---|---|\n| E1 | Uno |\n")), Meta{Title: "Beta"})
	var buf bytes.Buffer
	if err := catalog.EncodeJSON(&buf, &catalog.Catalog{Services: []*catalog.Service{a.Service, b.Service}}, nil); err != nil {
		t.Fatal(err)
	}
	back := Read(NewSource("catalog.json", buf.Bytes()), Meta{})
	var got []string
	for _, e := range back.Service.Entries {
		got = append(got, e.Code+" "+e.Group+" "+e.Message)
	}
	want := []string{"E1 Alpha One", "E2 Alpha Two", "E1 Beta Uno"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if strings.Contains(dumpDiags(back.Diags), "error") {
		t.Errorf("diagnostics: %s", dumpDiags(back.Diags))
	}
}

// TestCatalogRoundTripTranslations reads back a catalog.json of a service in two languages:
// the default language, the service's text in the other and each entry's translation (and
// the language of an entry only the other language documents) come back.
func TestCatalogRoundTripTranslations(t *testing.T) {
	ko := Read(NewSource("ko/pay.md", []byte("# 결제 오류\n\n| 코드 | 상태 | 메시지 |\n|---|---|---|\n| PAY_1 | 400 | 금액이 없습니다 |\n| PAY_2 | 402 | 잔액이 부족합니다 |\n")), Meta{ID: "pay", Lang: "ko"})
	en := Read(NewSource("en/pay.md", []byte("# Payment errors\n\n| Code | Status | Message |\n|---|---|---|\n| PAY_1 | 400 | No amount |\n| PAY_3 | 409 | Already paid |\n")), Meta{ID: "pay", Lang: "en"})
	svc, _ := catalog.Translate(ko.Service, []*catalog.Service{en.Service})
	var buf bytes.Buffer
	if err := catalog.EncodeJSON(&buf, &catalog.Catalog{Services: []*catalog.Service{svc}}, nil); err != nil {
		t.Fatal(err)
	}
	back := Read(NewSource("catalog.json", buf.Bytes()), Meta{})
	s := back.Service
	if s.Lang != "ko" || len(s.Translations) != 1 || s.Translations[0].Lang != "en" || s.Translations[0].Title != "Payment errors" {
		t.Fatalf("service lang %q, translations %+v", s.Lang, s.Translations)
	}
	var got []string
	for _, e := range s.Entries {
		tr, ok := e.Text(s, "en")
		got = append(got, fmt.Sprintf("%s %s %q en:%v %q", e.Code, e.TextLang(s), e.Message, ok, tr.Message))
	}
	want := []string{
		`PAY_1 ko "금액이 없습니다" en:true "No amount"`,
		`PAY_2 ko "잔액이 부족합니다" en:false "잔액이 부족합니다"`,
		`PAY_3 en "Already paid" en:true "Already paid"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if d := catalog.Diff(&catalog.Catalog{Services: []*catalog.Service{svc}}, &catalog.Catalog{Services: []*catalog.Service{s}}); len(d) != 0 {
		t.Errorf("read back, the catalog differs: %+v", d)
	}
}
