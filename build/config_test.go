package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadConfigText writes text as a docgen.yaml in a new folder and loads it; it returns the
// error with the folder taken out of its text.
func loadConfigText(t *testing.T, text string) (*Config, string) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "docgen.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(p)
	if err != nil {
		return c, strings.ReplaceAll(err.Error(), p, "docgen.yaml")
	}
	return c, ""
}

// TestConfigErrorPlaces: every error of a source's keys points at the line and column of
// the value (or the key) that is wrong, not at the source's first key.
func TestConfigErrorPlaces(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"status", "title: t\nsources:\n  - path: errors.txt\n    status: 4O4\n",
			`docgen.yaml:4:13: error: source "errors.txt": status "4O4": expected none or an HTTP status (100-599)`},
		{"reader", "sources:\n  - path: errors.txt\n    id: errors\n    reader: markdwn\n",
			`docgen.yaml:4:13: error: source "errors.txt": reader "markdwn" is not one of `},
		{"column role", "sources:\n  - path: errors.txt\n    columns:\n      Err: code\n      \"Info Text\": kode\n",
			`docgen.yaml:5:20: error: source "errors.txt": columns: "Info Text": role "kode" is not one of code, status, message, description, resolution, ignore`},
		{"code pattern", "sources:\n  - path: errors.txt\n\n    codePattern: '^E(\\d+$'\n",
			`docgen.yaml:4:18: error: source "errors.txt": codePattern "^E(\\d+$": error parsing regexp: missing closing )`},
		{"flow style", "sources:\n  - {path: a.txt, id: a}\n  - {path: b.txt, status: 99}\n",
			`docgen.yaml:3:27: error: source "b.txt": status "99": expected none or an HTTP status (100-599)`},
		{"alias", "sources:\n  - path: a.txt\n    id: a\n    columns: &cols\n      Err: kode\n  - path: b.txt\n    columns: *cols\n",
			`docgen.yaml:5:12: error: source "a.txt": columns: "Err": role "kode"`},
		{"merge key", "sources:\n  - path: a.txt\n  - <<: {codePattern: \"(\", status: 404}\n    path: b.txt\n",
			`docgen.yaml:3:23: error: source "b.txt": codePattern "(": error parsing regexp`},
		{"rules of every source", "title: t\nrules:\n  no-description: error\n  no-such-rule: ignore\nsources:\n  - path: a.txt\n",
			`docgen.yaml:4:3: error: rules: "no-such-rule" is not a rule docgen knows`},
		{"rules of a source", "sources:\n  - path: a.txt\n    rules:\n      code-statuses: ignored\n",
			`docgen.yaml:4:22: error: source "a.txt": rules: code-statuses: "ignored": expected error, warning or ignore`},
		{"no path", "sources:\n  - path: a.txt\n  - id: b\n    title: B\n",
			`docgen.yaml:3:5: error: source 2 has no path`},
	} {
		_, got := loadConfigText(t, tc.yaml)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s…", tc.name, got, tc.want)
		}
	}
}

// TestConfigIDAndLang: an id of docgen.yaml is a URL-safe folder name as written (never
// made into a slug), and a lang a BCP 47 tag that BCP 47 knows; each error names the
// place, the value and what is expected.
func TestConfigIDAndLang(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"id with a space", "sources:\n  - path: a.md\n    id: \"My Service\"\n",
			`docgen.yaml:3:9: error: source "a.md": id "My Service": expected a URL-safe id of lower-case letters a-z, digits and '-', not starting with '-' (such as "my-service")`},
		{"upper case id", "sources:\n  - {path: a.md, id: Orders}\n",
			`docgen.yaml:2:22: error: source "a.md": id "Orders": expected a URL-safe id of lower-case letters a-z, digits and '-', not starting with '-' (such as "orders")`},
		{"id of the site's files", "sources:\n  - path: a.md\n    id: \"-\"\n",
			`docgen.yaml:3:9: error: source "a.md": id "-": expected a URL-safe id`},
		{"id with a dot", "sources:\n  - path: a.md\n    id: catalog.json\n",
			`docgen.yaml:3:9: error: source "a.md": id "catalog.json": expected a URL-safe id of lower-case letters a-z, digits and '-', not starting with '-' (such as "catalog-json")`},
		{"lang of a source", "sources:\n  - path: a.md\n    lang: korean\n",
			`docgen.yaml:3:11: error: source "a.md": lang "korean": expected a BCP 47 language tag such as ko, en or zh-CN`},
		{"unknown language", "sources:\n  - path: a.md\n    lang: xx\n",
			`docgen.yaml:3:11: error: source "a.md": lang "xx": expected a BCP 47 language tag`},
		{"underscore", "sources:\n  - path: a.md\n    lang: ko_KR\n",
			`docgen.yaml:3:11: error: source "a.md": lang "ko_KR": expected a BCP 47 language tag`},
		{"lang of the site", "title: t\nlang: english\nsources:\n  - path: a.md\n",
			`docgen.yaml:2:7: error: lang "english": expected a BCP 47 language tag such as ko, en or zh-CN`},
		{"one id, a lang missing", "sources:\n  - {path: a.md, id: x, lang: ko}\n  - {path: b.md, id: x, lang: en}\n  - {path: c.md, id: y}\n  - {path: d.md, id: x}\n",
			`docgen.yaml:5:22: error: source "d.md": id "x" is used twice`},
	} {
		_, got := loadConfigText(t, tc.yaml)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s…", tc.name, got, tc.want)
		}
	}
	for _, ok := range []string{
		"sources:\n  - {path: a.md, id: api-gateway, lang: ko}\n",
		"sources:\n  - {path: a.md, id: v2, lang: zh-CN}\n  - {path: b.md, id: v2, lang: zh-Hant}\n",
		"lang: en\nsources:\n  - {path: a.md, id: 404-errors, lang: pt-BR}\n",
		"sources:\n  - {path: a.md}\n",
	} {
		if _, err := loadConfigText(t, ok); err != "" {
			t.Errorf("%q: %s", ok, err)
		}
	}
}
