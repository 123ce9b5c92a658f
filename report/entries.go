package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"docgen/catalog"
)

// EntryTable lists a service's entries as an aligned table (docgen parse).
func EntryTable(w io.Writer, s *catalog.Service) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "LINE\tSTATUS\tCODE\tID\tTEXT\n")
	for _, e := range s.Entries {
		st := "-"
		if e.Status != 0 {
			st = fmt.Sprint(int(e.Status))
		}
		if e.Protocol == catalog.JSONRPC {
			st = "rpc"
		}
		text := e.Message
		if text == "" {
			text = e.Description
		}
		if len(e.Variants) > 0 {
			text = fmt.Sprintf("(+%d variants) %s", len(e.Variants), text)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.Source.Line, st, e.Code, e.ID, clip(text, 60))
	}
	tw.Flush()
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
