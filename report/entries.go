package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
)

// EntryTable lists a service's entries as an aligned table (docgen parse): a column is as
// wide as its widest cell and two spaces, the last column as long as its text. It writes
// as it goes: the widths come from a first pass over the entries, so a service of
// 1,000,000 entries is never held as text (text/tabwriter keeps every cell until Flush).
func EntryTable(w io.Writer, s *catalog.Service) {
	head := [4]string{"LINE", "STATUS", "CODE", "ID"}
	var width [4]int
	for i, c := range head {
		width[i] = utf8.RuneCountInString(c)
	}
	for _, e := range s.Entries {
		for i, c := range entryCells(e) {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	row := func(cells [4]string, text string) {
		for i, c := range cells {
			bw.WriteString(c)
			bw.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
		}
		bw.WriteString(text)
		bw.WriteByte('\n')
	}
	row(head, "TEXT")
	for _, e := range s.Entries {
		text := e.Message
		if text == "" {
			text = e.Description
		}
		if len(e.Variants()) > 0 {
			text = "(+" + strconv.Itoa(len(e.Variants())) + " variants) " + text
		}
		row(entryCells(e), clip(text, 60))
	}
	bw.Flush()
}

// entryCells returns the aligned cells of e's row in EntryTable: line, status, code, ID.
func entryCells(e *catalog.Entry) [4]string {
	st := "-"
	if e.Status != 0 {
		st = strconv.Itoa(int(e.Status))
	}
	if e.Protocol == catalog.JSONRPC {
		st = "rpc"
	}
	return [4]string{strconv.Itoa(e.Source.Line), st, cell(e.Code), cell(e.ID)}
}

// maxCell is the most runes of a code or ID written in EntryTable: the longest codes
// documents give (INVALID_SUBSCRIPTION_STATE_FOR_REQUESTED_OPERATION) are some fifty;
// a longer one is clipped with "…" as the text is, so that one runaway code (a note read
// as a row) does not pad every row of the table to its width.
const maxCell = 60

// cell makes s one cell of one line: runs of white space (a tab, a line break) become one
// space, and past maxCell runes it is clipped.
func cell(s string) string {
	if len(s) <= maxCell && strings.IndexFunc(s, func(r rune) bool { return r < ' ' }) < 0 {
		return s
	}
	return clip(s, maxCell)
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
