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
