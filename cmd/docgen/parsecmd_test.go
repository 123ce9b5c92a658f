package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseReadsAsBuild: docgen parse FILE makes of a source that ./docgen.yaml lists
// what docgen export json (the build's catalog) makes of it, with the config's
// overrides, metadata and rules, and gives the same diagnostics as docgen check.
func TestParseReadsAsBuild(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "docgen.yaml", `title: T
rules:
  no-description: ignore
sources:
  - path: docs/plain.txt
    id: plain-errors
    title: Plain errors
    lang: en
    reader: scraped
    columns: {Err: code, Info: message, Fix: resolution}
    sections: [Errors]
    codePattern: '^E\d+$'
    status: 409
  - path: docs/other.md
`)
	writeFile(t, "docs/plain.txt", "Errors\n\nErr | Info | Fix |\n---|---|---|\nE1 | first | retry |\nE2 | second | |\nE1 | again | wait |\n\n"+
		"Other\n\nErr | Info | Fix |\n---|---|---|\nE3 | elsewhere | |\n")
	writeFile(t, "docs/other.md", "| Code | Status | Message | Description |\n|---|---|---|---|\n| X1 | 400 | x | y |\n")

	code, parsed, perr := docgen(t, "parse", "docs/plain.txt", "--json")
	if code != 0 {
		t.Fatalf("parse exited %d:\n%s", code, perr)
	}
	code, exported, eerr := docgen(t, "export", "json")
	if code != 0 {
		t.Fatalf("export exited %d:\n%s", code, eerr)
	}
	var svc map[string]any
	if err := json.Unmarshal([]byte(parsed), &svc); err != nil {
		t.Fatal(err)
	}
	var cat struct{ Services []map[string]any }
	if err := json.Unmarshal([]byte(exported), &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Services) != 2 {
		t.Fatalf("export gave %d services, want 2", len(cat.Services))
	}
	if diff := cmp.Diff(cat.Services[0], svc); diff != "" {
		t.Errorf("parse --json differs from the build's service (-build +parse):\n%s", diff)
	}
	if svc["id"] != "plain-errors" || len(svc["entries"].([]any)) != 2 {
		t.Errorf("parse did not read with the config: %s", parsed)
	}

	_, checked, _ := docgen(t, "check")
	var want, got []string
	for _, line := range strings.Split(checked, "\n") {
		if line, _, ok := strings.Cut(line, " ["); ok && strings.HasPrefix(line, "docs/plain.txt:") {
			want = append(want, line)
		}
	}
	for _, line := range strings.Split(perr, "\n") {
		if strings.HasPrefix(line, "docs/plain.txt:") && !strings.HasPrefix(line, "docs/plain.txt: ") { // not the summary
			got = append(got, line)
		}
	}
	if len(want) == 0 {
		t.Fatalf("check gave no diagnostic of docs/plain.txt:\n%s", checked)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parse's diagnostics differ from check's (-check +parse):\n%s", diff)
	}
}
