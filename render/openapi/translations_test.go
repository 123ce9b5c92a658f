package openapi

import (
	"encoding/json"
	"testing"

	"docgen/catalog"
)

// translatedCatalog is one service in Korean and English, with a documented response
// format, a code English lacks and one only English has.
func translatedCatalog() *catalog.Catalog {
	rf := &catalog.ResponseFormat{Example: `{"code": "E1", "message": "메시지"}`}
	ko := &catalog.Service{ID: "wallet", Title: "지갑 오류", Lang: "ko", Source: "ko/wallet.md", ResponseFormat: rf, Entries: []*catalog.Entry{
		entry("WLT-1", 400, "금액이 잘못되었습니다", "금액 형식을 확인하세요."),
		entry("WLT-2", 404, "지갑이 없습니다", ""),
	}}
	en := &catalog.Service{ID: "wallet", Title: "Wallet errors", Lang: "en", Source: "en/wallet.md", ResponseFormat: rf, Entries: []*catalog.Entry{
		entry("WLT-1", 400, "The amount is invalid", "Check the amount's format."),
		entry("WLT-3", 409, "Already paid", ""),
	}}
	s, _ := catalog.Translate(ko, []*catalog.Service{en})
	return &catalog.Catalog{Title: "지갑", Lang: "ko", BaseURL: "https://errors.example.test/", Services: []*catalog.Service{s}}
}

// TestTranslatedExamples: every version validates; an example is in the default
// language, its English text under x-translations.
func TestTranslatedExamples(t *testing.T) {
	c := translatedCatalog()
	for _, v := range versions {
		data := build(t, c, v, JSON)
		if _, err := validateDoc(data); err != nil {
			t.Fatalf("%s: invalid: %v", v, err)
		}
		if v != V30 {
			if err := validateExamples2020(data); err != nil {
				t.Errorf("%s: %v", v, err)
			}
		}
		var doc struct {
			Components struct {
				Responses map[string]struct {
					Content map[string]struct {
						Examples map[string]struct {
							Summary      string                    `json:"summary"`
							Value        map[string]any            `json:"value"`
							Translations map[string]map[string]any `json:"x-translations"`
						} `json:"examples"`
					} `json:"content"`
				} `json:"responses"`
			} `json:"components"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		ex := doc.Components.Responses["wallet.400"].Content["application/json"].Examples["WLT-1"]
		if ex.Value["message"] != "금액이 잘못되었습니다" || ex.Summary != "WLT-1: 금액이 잘못되었습니다" {
			t.Errorf("%s: example %+v: want the Korean text", v, ex)
		}
		en := ex.Translations["en"]
		if en["summary"] != "WLT-1: The amount is invalid" || en["value"].(map[string]any)["message"] != "The amount is invalid" {
			t.Errorf("%s: x-translations %+v", v, ex.Translations)
		}
		if ex := doc.Components.Responses["wallet.404"].Content["application/json"].Examples["WLT-2"]; ex.Translations != nil {
			t.Errorf("%s: an entry English lacks has x-translations: %+v", v, ex.Translations)
		}
	}
}
