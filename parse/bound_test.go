package parse

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLongGroupCut: a heading far too long to be a title is cut for the group of every
// entry under it, once, with a warning; the entries are all read.
func TestLongGroupCut(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Errors\n\n## " + strings.Repeat("Grupo ", 2000) + "\n\n")
	for i := range 50 {
		fmt.Fprintf(&b, "- A%d (400): x\n", i)
	}
	res := Read(NewSource("long.md", []byte(b.String())), Meta{})
	if len(res.Service.Entries) != 50 {
		t.Fatalf("%d entries, want 50", len(res.Service.Entries))
	}
	g := res.Service.Entries[0].Group
	if n := utf8.RuneCountInString(g); n > maxGroupRunes+1 || !strings.HasSuffix(g, "Grupo…") {
		t.Errorf("group of %d characters %.40q…, want at most %d ending in \"Grupo…\"", n, g, maxGroupRunes+1)
	}
	for _, e := range res.Service.Entries {
		if e.Group != g {
			t.Fatalf("%s: group %.40q…, want the first entry's", e.Code, e.Group)
		}
	}
	warned := 0
	for _, d := range res.Diags {
		if d.Rule == RuleLongHeading {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d %s warnings, want 1: %v", warned, RuleLongHeading, res.Diags)
	}
	short := strings.Repeat("Grupo ", maxGroupRunes/6) + strings.Repeat("z", maxGroupRunes%6)
	res = Read(NewSource("short.md", []byte("# Errors\n\n## "+short+"\n\n- A1 (400): x\n- A2 (400): y\n- A3 (400): z\n")), Meta{})
	if len(res.Service.Entries) != 3 || res.Service.Entries[0].Group != short {
		t.Errorf("a heading of %d characters is cut: %+v", utf8.RuneCountInString(short), res.Service.Entries)
	}
}

// TestRepeatedTextBound: a long note that every row marks would be written once per row;
// past the bound the rows keep their codes and an error says why.
func TestRepeatedTextBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Errors\n\n| Code | Message |\n|---|---|\n")
	const rows = 60
	for i := range rows {
		fmt.Fprintf(&b, "| E%d | Bad[^1] |\n", i)
	}
	b.WriteString("\n[^1]: " + strings.Repeat("a long note ", 25000) + "\n")
	text := b.String()
	res := Read(NewSource("notes.md", []byte(text)), Meta{})
	if len(res.Service.Entries) != rows {
		t.Fatalf("%d entries, want %d", len(res.Service.Entries), rows)
	}
	total := 0
	for _, e := range res.Service.Entries {
		total += entryTextLen(e)
	}
	if bound := textFloor + textPerByte*len(text); total > bound {
		t.Errorf("entries hold %d bytes, bound %d", total, bound)
	}
	var errs int
	for _, d := range res.Diags {
		if d.Rule == RuleRepeatedText {
			errs++
		}
	}
	if errs != 1 {
		t.Errorf("%d %s errors, want 1", errs, RuleRepeatedText)
	}
	if !strings.Contains(res.Service.Entries[0].Description, "a long note") {
		t.Errorf("the first entry lost its note")
	}
}

// TestRecordsFieldsLeftOut: records that name more fields than the layout holds keep
// their codes and the first fields, and a warning says what was left out.
func TestRecordsFieldsLeftOut(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"errors":[`)
	for i := range 40 {
		fmt.Fprintf(&b, `{"code":"E%d","message":"Failed %d.","extra%d":"v"},`, i, i, i)
	}
	for i := range 100000 {
		fmt.Fprintf(&b, `{"code":"X%d","message":"m"},`, i)
	}
	b.WriteString(`{"code":"Z","message":"last"}]}`)
	res := Read(NewSource("errors.json", []byte(b.String())), Meta{})
	if n := len(res.Service.Entries); n != 100041 {
		t.Fatalf("%d entries, want 100041", n)
	}
	if e := res.Service.Entries[0]; e.Message != "Failed 0." || len(e.Fields()) != 1 || e.Fields()[0].Name != "extra0" {
		t.Errorf("first entry %+v fields %+v", e, e.Fields())
	}
	var warned []string
	for _, d := range res.Diags {
		if d.Rule == RuleFieldsLeftOut {
			warned = append(warned, d.Message)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], `"extra`) {
		t.Errorf("warnings %q, want one naming the first field left out", warned)
	}
}
