package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docgen/catalog"
	"docgen/render"
)

func diffCatalog(entries ...*catalog.Entry) *catalog.Catalog {
	return &catalog.Catalog{Title: "T", Services: []*catalog.Service{
		{ID: "api", Title: "API", Lang: "en", Source: "docs/api.md", Entries: entries},
	}}
}

func codeEntry(code string, status int, msg, desc string, line int) *catalog.Entry {
	return &catalog.Entry{ID: catalog.Slug(code), Code: code, Status: catalog.Status(status), Message: msg,
		Description: desc, Source: catalog.Pos{File: "docs/api.md", Line: line}}
}

func writeCatalog(t *testing.T, name string, c *catalog.Catalog) {
	t.Helper()
	var b bytes.Buffer
	if err := catalog.EncodeJSON(&b, c, render.EntryURL); err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, b.String())
}

// diffFixture writes old.json and new.json, which differ in every way a code can.
func diffFixture(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	writeCatalog(t, "old.json", diffCatalog(
		codeEntry("GONE", 400, "Gone soon", "", 3),
		codeEntry("MOVED", 400, "Moved", "", 4),
		codeEntry("RENAMED", 404, "Old words", "", 5),
		codeEntry("EXPLAINED", 409, "Same", "Before.", 6),
		codeEntry("KEPT", 500, "Kept", "Kept.", 7),
	))
	writeCatalog(t, "new.json", diffCatalog(
		codeEntry("MOVED", 422, "Moved", "", 3),
		codeEntry("RENAMED", 404, "New words", "", 4),
		codeEntry("EXPLAINED", 409, "Same", "After.", 5),
		codeEntry("KEPT", 500, "Kept", "Kept.", 6),
		codeEntry("FRESH", 429, "Fresh", "", 7),
	))
}

func TestDiffText(t *testing.T) {
	diffFixture(t)
	code, out, stderr := docgen(t, "diff", "old.json", "new.json")
	wantExit(t, code, stderr, ExitSources, "docgen: 5 changes from old.json to new.json, 2 breaking")
	want := `api: removed GONE (400 Bad Request) [breaking]
api: status of MOVED changed: 400 Bad Request -> 422 Unprocessable Entity [breaking]
api: message of RENAMED (404 Not Found) changed: "Old words" -> "New words"
api: description of EXPLAINED (409 Conflict) changed: "Before." -> "After."
api: added FRESH (429 Too Many Requests)
`
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	for _, tc := range []struct {
		failOn string
		want   int
	}{{"none", 0}, {"any", ExitSources}, {"breaking", ExitSources}} {
		code, out2, stderr := docgen(t, "diff", "old.json", "new.json", "--fail-on", tc.failOn)
		wantExit(t, code, stderr, tc.want)
		if out2 != out {
			t.Errorf("--fail-on %s changed the output", tc.failOn)
		}
	}
	// Only non-breaking changes: breaking passes, any fails.
	writeCatalog(t, "new.json", diffCatalog(
		codeEntry("GONE", 400, "Gone soon", "", 3),
		codeEntry("MOVED", 400, "Moved", "", 4),
		codeEntry("RENAMED", 404, "New words", "", 5),
		codeEntry("EXPLAINED", 409, "Same", "Before.", 6),
		codeEntry("KEPT", 500, "Kept", "Kept.", 7),
		codeEntry("FRESH", 429, "Fresh", "", 8),
	))
	code, _, stderr = docgen(t, "diff", "old.json", "new.json")
	wantExit(t, code, stderr, 0, "2 changes from old.json to new.json, 0 breaking")
	code, _, stderr = docgen(t, "diff", "old.json", "new.json", "--fail-on", "any")
	wantExit(t, code, stderr, ExitSources)
	// No change at all.
	code, out, stderr = docgen(t, "diff", "old.json", "old.json", "--fail-on", "any")
	wantExit(t, code, stderr, 0, "docgen: no changes from old.json to old.json")
	if out != "" {
		t.Errorf("stdout %q", out)
	}
}

func TestDiffJSON(t *testing.T) {
	diffFixture(t)
	code, out, stderr := docgen(t, "diff", "old.json", "new.json", "--format", "json")
	wantExit(t, code, stderr, ExitSources)
	var got struct {
		Total, Breaking int
		Changes         []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 5 || got.Breaking != 2 || len(got.Changes) != 5 {
		t.Fatalf("total %d, breaking %d, %d changes", got.Total, got.Breaking, len(got.Changes))
	}
	kinds := []string{}
	for _, c := range got.Changes {
		kinds = append(kinds, c["kind"].(string))
	}
	if strings.Join(kinds, " ") != "removed status-changed message-changed description-changed added" {
		t.Errorf("kinds %v", kinds)
	}
	moved := got.Changes[1]
	if moved["oldStatus"] != float64(400) || moved["newStatus"] != float64(422) || moved["breaking"] != true || moved["code"] != "MOVED" {
		t.Errorf("status change: %v", moved)
	}
	if m := got.Changes[2]; m["oldMessage"] != "Old words" || m["newMessage"] != "New words" {
		t.Errorf("message change: %v", m)
	}
	if src := got.Changes[0]["source"].(map[string]any); src["path"] != "docs/api.md" || src["line"] != float64(3) {
		t.Errorf("a removed code is placed where it was: %v", src)
	}
}

func TestDiffGitHub(t *testing.T) {
	diffFixture(t)
	code, out, stderr := docgen(t, "diff", "old.json", "new.json", "--format", "github")
	wantExit(t, code, stderr, ExitSources)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		"::error file=docs/api.md,line=3,title=docgen diff%3A removed::api: removed GONE (400 Bad Request) [breaking]",
		"::error file=docs/api.md,line=3,title=docgen diff%3A status-changed::api: status of MOVED changed: 400 Bad Request -> 422 Unprocessable Entity [breaking]",
		"::notice file=docs/api.md,line=4,title=docgen diff%3A message-changed::",
	}
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n%s\nwant:\n%s", i+1, lines[i], w)
		}
	}
	// With --fail-on any every change is an error; with none, breaking ones are warnings.
	_, out, _ = docgen(t, "diff", "old.json", "new.json", "--format", "github", "--fail-on", "any")
	if strings.Count(out, "::error ") != 5 {
		t.Errorf("--fail-on any:\n%s", out)
	}
	_, out, _ = docgen(t, "diff", "old.json", "new.json", "--format", "github", "--fail-on", "none")
	if strings.Count(out, "::warning ") != 2 || strings.Count(out, "::error ") != 0 {
		t.Errorf("--fail-on none:\n%s", out)
	}
}

func TestDiffVersions(t *testing.T) {
	diffFixture(t)
	v2 := strings.Replace(readFile(t, "new.json"), `"version": 1,`, `"version": 2,`, 1)
	writeFile(t, "v2.json", v2)
	code, out, stderr := docgen(t, "diff", "old.json", "v2.json")
	wantExit(t, code, stderr, ExitUsage, "cannot compare catalogs of different versions: old.json is version 1, v2.json is version 2")
	if out != "" {
		t.Errorf("stdout %q", out)
	}
	code, _, stderr = docgen(t, "diff", "v2.json", "v2.json")
	wantExit(t, code, stderr, ExitUsage, "v2.json is a catalog of version 2; this docgen reads version 1")
}

func TestDiffUsage(t *testing.T) {
	diffFixture(t)
	writeFile(t, "other.json", `{"openapi": "3.1.0"}`)
	writeFile(t, "broken.json", `{"version": 1, "services": [`)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "old.json"}, ExitUsage, "diff takes two catalogs, OLD and NEW; got 1 argument(s)"},
		{[]string{"diff", "old.json", "nope.json"}, ExitUsage, "nope.json does not exist"},
		{[]string{"diff", "old.json", "new.json", "--format", "xml"}, ExitUsage, `--format "xml": expected text, json or github`},
		{[]string{"diff", "old.json", "new.json", "--fail-on", "some"}, ExitUsage, `--fail-on "some": expected breaking, any or none`},
		{[]string{"diff", "old.json", "other.json"}, ExitSources, `other.json: not a catalog.json: it has no "version"`},
		{[]string{"diff", "old.json", "broken.json"}, ExitSources, "broken.json: not a catalog.json"},
	} {
		code, out, stderr := docgen(t, tc.args...)
		wantExit(t, code, stderr, tc.code, tc.want)
		if out != "" {
			t.Errorf("%v: stdout %q", tc.args, out)
		}
	}
}

// TestDiffFolders compares folders of sources (with their docgen.yaml), and a folder
// with a catalog.json.
func TestDiffFolders(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, d := range []string{"old", "new"} {
		if err := copyDir(contentDir, filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	md := readFile(t, "new/api-gateway.md")
	md = strings.Replace(md, "Invalid Swagger file.", "Invalid OpenAPI file.", 1)
	var kept []string
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|400102002|") {
			kept = append(kept, l)
		}
	}
	writeFile(t, "new/api-gateway.md", strings.Join(kept, "\n"))

	code, out, stderr := docgen(t, "diff", "old", "new")
	wantExit(t, code, stderr, ExitSources, "2 changes from old to new, 1 breaking")
	want := "api-gateway: removed 400102002 (400 Bad Request) [breaking]\n" +
		"api-gateway: message of 400102001 (400 Bad Request) changed: \"Invalid Swagger file.\" -> \"Invalid OpenAPI file.\"\n"
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	code, out, stderr = docgen(t, "diff", "old", "old")
	wantExit(t, code, stderr, 0, "no changes")
	if out != "" {
		t.Errorf("stdout %q", out)
	}
	// A catalog.json against a folder.
	code, _, stderr = docgen(t, "export", "json", "--config", "old/docgen.yaml", "-q", "-o", "old.json")
	wantExit(t, code, stderr, 0)
	code, out2, stderr := docgen(t, "diff", "old.json", "new")
	wantExit(t, code, stderr, ExitSources)
	if out2 != want {
		t.Errorf("catalog.json against a folder:\n%s", out2)
	}
	// A folder whose sources have errors is not compared.
	writeFile(t, "bad/errors.md", "| code | message |\n|---|---|\n| E1 | x | y |\n")
	code, out, stderr = docgen(t, "diff", "old", "bad")
	wantExit(t, code, stderr, ExitSources, "bad/errors.md:3:1: error:", "bad: the sources have 1 error, 0 warnings; nothing compared")
	if out != "" {
		t.Errorf("stdout %q", out)
	}
	if _, err := os.Stat("bad/catalog.json"); err == nil {
		t.Error("diff wrote into a folder")
	}
}
