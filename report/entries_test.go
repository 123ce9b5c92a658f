package report

import (
	"strings"
	"testing"

	"docgen/catalog"
)

// TestEntryTable: columns as wide as their widest cell (in characters) and two spaces,
// the text last and clipped, JSON-RPC codes marked, a tab in a code kept in its cell.
func TestEntryTable(t *testing.T) {
	s := &catalog.Service{Entries: []*catalog.Entry{
		{Code: "E1", ID: "e1", Status: 404, Message: "Not here", Source: catalog.Pos{Line: 7}},
		{Code: "토큰만료", ID: "토큰만료", Description: "The token\nexpired " + strings.Repeat("x", 70), Source: catalog.Pos{Line: 12}},
		{Code: "-32601", ID: "32601", Protocol: catalog.JSONRPC, Message: "Method not found", Source: catalog.Pos{Line: 130}},
		{Code: "A\tB", ID: "a-b", Message: "tab", Source: catalog.Pos{Line: 140}},
	}}
	s.Entries[1].SetVariants([]catalog.Variant{{}})
	var b strings.Builder
	EntryTable(&b, s)
	want := "LINE  STATUS  CODE    ID     TEXT\n" +
		"7     404     E1      e1     Not here\n" +
		"12    -       토큰만료    토큰만료   (+1 variants) The token expired " + strings.Repeat("x", 27) + "…\n" +
		"130   rpc     -32601  32601  Method not found\n" +
		"140   -       A B     a-b    tab\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestEntryTableLongCode: a code or ID past maxCell runes is clipped with "…", so that
// the columns of every other row stay narrow.
func TestEntryTableLongCode(t *testing.T) {
	long := strings.Repeat("note ", 2000)
	s := &catalog.Service{Entries: []*catalog.Entry{
		{Code: "E1", ID: "e1", Message: "Bad", Source: catalog.Pos{Line: 2}},
		{Code: long, ID: strings.ReplaceAll(long, " ", "-"), Message: "x", Source: catalog.Pos{Line: 3}},
	}}
	var b strings.Builder
	EntryTable(&b, s)
	lines := strings.Split(b.String(), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "2     -       E1    ") || len(lines[1]) > 200 {
		t.Errorf("got\n%.500s", b.String())
	}
	if !strings.Contains(lines[2], "…") {
		t.Errorf("long code not clipped: %.200s", lines[2])
	}
}
