package parse

import (
	"strings"
	"testing"

	"docgen/catalog"
)

// TestOverride reads one source with each override: the reader, the columns, the
// sections, the code pattern and the status; every row left out is reported.
func TestOverride(t *testing.T) {
	text := "# Errors\n\n## Auth\n\n| Ref | HTTP | Info |\n|---|---|---|\n| A1 | 401 | no token |\n| 400100001 | | bad |\n\n## Other\n\n| Ref | HTTP | Info |\n|---|---|---|\n| B1 | 500 | broken |\n"
	read := func(o Override) *Result {
		t.Helper()
		if err := o.Check(); err != nil {
			t.Fatalf("Check(%+v) = %v", o, err)
		}
		return Read(NewSource("e.md", []byte(text)), Meta{Override: o})
	}
	codes := func(r *Result) string {
		var s []string
		for _, e := range r.Service.Entries {
			s = append(s, e.Code+":"+itoa(int(e.Status))+":"+e.Description)
		}
		return strings.Join(s, " ")
	}
	// Without overrides the codes are found from the cells, but "Info" names no role.
	if got, want := codes(read(Override{})), "A1:401: 400100001:400: B1:500:"; got != want {
		t.Errorf("without overrides: %q, want %q", got, want)
	}
	cols := map[string]string{"Ref": "code", "Info": "description"}
	if got, want := codes(read(Override{Columns: cols})), "A1:401:no token 400100001:400:bad B1:500:broken"; got != want {
		t.Errorf("columns: %q, want %q", got, want)
	}
	r := read(Override{Columns: cols, Sections: []string{"auth"}, Status: "none"})
	if got, want := codes(r), "A1:0:no token 400100001:0:bad"; got != want {
		t.Errorf("sections + status none: %q, want %q", got, want)
	}
	if len(r.Diags) != 1 || r.Diags[0].Rule != "outside-sections" || r.Diags[0].Pos.Line != 14 {
		t.Errorf("sections: diagnostics %v, want one outside-sections warning at line 14", r.Diags)
	}
	r = read(Override{Columns: cols, CodePattern: `^[A-Z]\d$`, Status: "418"})
	if got, want := codes(r), "A1:418:no token B1:418:broken"; got != want {
		t.Errorf("codePattern + status: %q, want %q", got, want)
	}
	if r.Dropped != 1 || !r.Diags.HasErrors() {
		t.Errorf("codePattern: dropped %d, diagnostics %v; want the code that does not match reported", r.Dropped, r.Diags)
	}
	if r := read(Override{Reader: "scraped", Columns: cols}); r.Reader != "scraped" {
		t.Errorf("reader: read by %q, want scraped", r.Reader)
	}
	for _, bad := range []Override{{Reader: "pdf"}, {Columns: map[string]string{"x": "kode"}}, {CodePattern: "("}, {Status: "999"}, {Status: "some"},
		{Columns: map[string]string{"Err": "code", "err ": "message"}}} {
		if bad.Check() == nil {
			t.Errorf("Check(%+v) = nil, want an error", bad)
		}
	}
}

// TestOverrideSectionsNested keeps the entries anywhere under a heading the sections name:
// in a table under a subheading, under a code heading two levels down, or under the title.
func TestOverrideSectionsNested(t *testing.T) {
	text := "# Users API\n\n## Errors\n\n### Authentication\n\n| Code | Status | Message |\n|---|---|---|\n| AUTH_1 | 401 | No token |\n\n" +
		"### Billing\n\n#### BILL_1\n\nStatus: 402\n\nCard declined.\n\n## Changelog\n\n### LEGACY_1\n\nStatus: 410\n\nGone.\n"
	read := func(sections ...string) *Result {
		return Read(NewSource("e.md", []byte(text)), Meta{Override: Override{Sections: sections}})
	}
	codes := func(r *Result) string {
		var s []string
		for _, e := range r.Service.Entries {
			s = append(s, e.Code)
		}
		return strings.Join(s, " ")
	}
	r := read("errors")
	if got, want := codes(r), "AUTH_1 BILL_1"; got != want {
		t.Errorf("sections [errors]: %q, want %q", got, want)
	}
	if len(r.Diags) != 1 || r.Diags[0].Rule != "outside-sections" || r.Diags[0].Pos.Line != 21 ||
		!strings.Contains(r.Diags[0].Message, `"Changelog"`) {
		t.Errorf("sections [errors]: diagnostics %v, want one outside-sections warning at line 21 naming the Changelog group", r.Diags)
	}
	if got, want := codes(read("Users API")), "AUTH_1 BILL_1 LEGACY_1"; got != want {
		t.Errorf("sections [the title]: %q, want %q", got, want)
	}
	if got, want := codes(read("billing", "changelog")), "BILL_1 LEGACY_1"; got != want {
		t.Errorf("sections [billing, changelog]: %q, want %q", got, want)
	}
	// A section that no heading holds changes nothing: an error naming the headings.
	r = read("errors", "Eror codes")
	if got, want := codes(r), "AUTH_1 BILL_1"; got != want {
		t.Errorf("sections [errors, a typo]: %q, want %q", got, want)
	}
	if !hasRule(r, "unused-override", `"Eror codes"`) || !hasRule(r, "unused-override", `"Authentication"`) {
		t.Errorf("sections [a typo]: diagnostics %v, want an unused-override error naming the section and the headings", r.Diags)
	}
	// Sections that leave nothing: the source is an error, not an empty service.
	r = read("Eror codes")
	if len(r.Service.Entries) != 0 || !hasRule(r, "empty-source", "") || r.Dropped != 3 {
		t.Errorf("sections [nothing]: %d entries, dropped %d, diagnostics %v; want none, 3 dropped and an empty-source error", len(r.Service.Entries), r.Dropped, r.Diags)
	}
}

// TestOverrideNothing reports what an override changes nothing with, or leaves nothing of.
func TestOverrideNothing(t *testing.T) {
	table := "# Errors\n\n| Err | HTTP | Text |\n|---|---|---|\n| E1 | 404 | Not here |\n| E2 | 400 | Bad |\n"
	read := func(text string, o Override) *Result {
		return Read(NewSource("e.md", []byte(text)), Meta{Override: o})
	}
	// A column the source has not: an error, the others still apply.
	r := read(table, Override{Columns: map[string]string{"Txt": "description", "Err": "code"}})
	if !hasRule(r, "unused-override", `"Txt"`) || hasRule(r, "unused-override", `"Err"`) {
		t.Errorf("columns [Txt, Err]: diagnostics %v, want one unused-override error for Txt", r.Diags)
	}
	// A fixed status that replaces what the rows say: kept, with a warning.
	r = read(table, Override{Status: "400"})
	if len(r.Service.Entries) != 2 || r.Service.Entries[0].Status != 400 || !hasRule(r, "status-conflict", `"E1"`) {
		t.Errorf("status 400: diagnostics %v, want a status-conflict warning naming E1", r.Diags)
	}
	// A reader docgen.yaml names that finds nothing: an error saying what it saw.
	r = read("Errors\n\nIdent\tInfo\nalpha\tThe thing broke.\n", Override{Reader: "markdown"})
	if !hasRule(r, "empty-source", "markdown reader") || r.Diags.Count(catalog.Error) == 0 {
		t.Errorf("reader markdown on copied text: diagnostics %v, want an empty-source error", r.Diags)
	}
	// Without docgen.yaml a source with no codes is a warning that says what was seen.
	r = Read(NewSource("e.csv", []byte("Ident,Info\nalpha,The thing broke.\n")), Meta{})
	if !hasRule(r, "no-codes", `"Ident", "Info"`) || r.Diags.HasErrors() {
		t.Errorf("no codes: diagnostics %v, want a no-codes warning naming the columns seen", r.Diags)
	}
}

// hasRule reports whether r has a diagnostic of rule whose message holds text.
func hasRule(r *Result, rule, text string) bool {
	for _, d := range r.Diags {
		if d.Rule == rule && strings.Contains(d.Message, text) {
			return true
		}
	}
	return false
}

// TestOverrideColumnsFindTable: in copied text, headers that docgen.yaml's columns name
// make a table, though no header word names them.
func TestOverrideColumnsFindTable(t *testing.T) {
	cols := map[string]string{"Err": "code", "Info": "description"}
	for name, text := range map[string]string{
		"tabs":        "Errors\n\nErr\tInfo\nE1001\tThe amount is missing.\nE1002\tThe card was declined.\n",
		"inner pipes": "Errors\n\nErr | Info\nE1001 | The amount is missing.\nE1002 | The card was declined.\n",
		"end pipes":   "Errors\n\nErr | Info |\nE1001 | The amount is missing. |\nE1002 | The card was declined. |\n",
		// A fixed-width table, its cells parted by runs of spaces, with a rule under its
		// header and without.
		"space runs": "Errors\n\nErr      Info\nE1001    The amount is missing.\nE1002    The card was declined.\n",
		"ruled":      "Errors\n\nErr      Info\n-------  ----------------------\nE1001    The amount is missing.\nE1002    The card was declined.\n",
	} {
		r := Read(NewSource("e.txt", []byte(text)), Meta{Override: Override{Reader: "scraped", Columns: cols}})
		if len(r.Service.Entries) != 2 || r.Service.Entries[1].Description != "The card was declined." || r.Diags.HasErrors() {
			t.Errorf("%s: %d entries, diagnostics %v; want E1001 and E1002 with their descriptions", name, len(r.Service.Entries), r.Diags)
		}
	}
}
