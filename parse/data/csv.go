package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// A spreadsheet saved as CSV is one table: its first record the header, each other record
// a row. It is read with encoding/csv (quoted fields holding commas and line breaks,
// ragged records allowed, a stray quote taken as text), which gives each field's line
// and column; the table goes to the interpreter like a table of any other format, which
// decides whether it lists errors and what each column holds.

// csvComma returns the separator of a CSV text: the one Excel's "sep=;" first line names,
// else a semicolon when the first line holds more semicolons than commas (spreadsheets
// saved where the comma is the decimal point), else a comma. skip is the length of a
// "sep=" line to leave out.
func csvComma(text []byte) (comma rune, skip int) {
	first := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		first = text[:i+1]
	}
	if t := bytes.TrimRight(first, "\r\n"); len(t) == 5 && bytes.HasPrefix(bytes.ToLower(t), []byte("sep=")) {
		return rune(t[4]), len(first)
	}
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		return ';', 0
	}
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		return '\t', 0
	}
	return ',', 0
}

// readCSV reads a CSV text into a document of one table. It reads strictly, as the
// format is written: a stray quote (say "hi" there, "open) would make a lenient reader
// take the rest of the file into one field. A record the strict reader rejects is read
// again line by line, each line alone and leniently (its quotes as text), with a warning.
func readCSV(text []byte, at func(int) catalog.Pos) (*doc.Document, error) {
	comma, skip := csvComma(text)
	r := csv.NewReader(bytes.NewReader(text[skip:]))
	r.Comma = comma
	r.FieldsPerRecord = -1 // a ragged row is the interpreter's to report
	lines := lineStarts(text)
	skipLines := bytes.Count(text[:skip], []byte("\n"))
	lineOff := func(line int) int { // line of text[skip:], from 1
		line += skipLines
		if line < 1 || line > len(lines) {
			return len(text)
		}
		return lines[line-1]
	}
	d := &doc.Document{}
	t := &doc.Table{Pos: at(skip)}
	// tail holds the rows from a blank row on while each has at most one cell written:
	// a row of more cells below them puts them back in the table (a blank row between
	// groups, a group's title row), and at the end of the sheet they are its notes, as a
	// spreadsheet writes them under the table ("Notes:", then a sentence a row).
	var tail []doc.Row
	// notes are the rows read as notes without a blank row above them (noteRow).
	var notes []doc.Row
	add := func(rec []string, off func(i int) int) {
		cells := make([]doc.Cell, len(rec))
		for i, f := range rec {
			cells[i] = doc.Cell{Pos: at(off(i)), Text: strings.TrimSpace(f)}
		}
		if len(cells) == 0 {
			return
		}
		if t.Header == nil && len(cells) > 1 && nonEmpty(cells) <= 1 {
			// A title above the table, or a blank row, as a spreadsheet saves them
			// ("Billing API error codes,,"): the header is below.
			if t.Caption == "" {
				t.Caption = strings.TrimSpace(cellsText(cells))
			}
			return
		}
		if t.Header == nil {
			t.Header = cells
			t.Pos = cells[0].Pos
			return
		}
		row := doc.Row{Pos: cells[0].Pos, Cells: cells}
		switch n := nonEmpty(cells); {
		case n == 0 && len(cells) > 1 || len(tail) > 0 && n <= 1:
			tail = append(tail, row)
		case len(t.Rows) > 0 && noteRow(cells):
			notes = append(notes, row)
		default:
			t.Rows = append(append(t.Rows, tail...), row)
			tail = tail[:0]
		}
	}
	// A line read alone is read by one lenient reader for all such lines, fed line by line
	// (a reader of its own for each cost a 4 KB buffer a line: 1 GB for 2 MB of lines under
	// a quote left open).
	var lr *csv.Reader
	var feed lineFeed
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			for line := max(pe.StartLine, 1); line <= pe.Line; line++ {
				start := lineOff(line)
				end := min(lineOff(line+1), len(text))
				if lr == nil {
					lr = csv.NewReader(&feed)
					lr.Comma, lr.FieldsPerRecord, lr.LazyQuotes = comma, -1, true
				}
				feed.b = text[start:end]
				lrec, lerr := lr.Read()
				if lerr != nil && !errors.Is(lerr, io.EOF) || len(feed.b) > 0 {
					lr = nil // what it holds of the line is not read: the next line gets a reader of its own
				}
				if lerr != nil || len(lrec) == 0 || len(lrec) == 1 && strings.TrimSpace(lrec[0]) == "" {
					continue
				}
				add(lrec, func(i int) int {
					_, col := lr.FieldPos(i)
					return min(start+col-1, len(text))
				})
			}
			first := max(pe.StartLine, 1)
			what := "the line was read alone"
			if pe.Line > first {
				what = "lines " + strconv.Itoa(first+skipLines) + " to " + strconv.Itoa(pe.Line+skipLines) + " were read one by one"
			}
			d.Warnings = append(d.Warnings, doc.Warning{Pos: at(lineOff(first)),
				Msg: "a quote does not open or close a quoted field as CSV writes them (" + pe.Err.Error() + "): " + what + ", quotes as text"})
			continue
		}
		if err != nil {
			return nil, &SyntaxError{Offset: len(text), Msg: err.Error()}
		}
		add(rec, func(i int) int {
			line, col := r.FieldPos(i)
			return min(lineOff(line)+col-1, len(text))
		})
	}
	if t.Header != nil {
		d.Blocks = append(d.Blocks, t)
		for _, r := range append(notes, tail...) { // every note comes before the tail
			if text := cellsText(r.Cells); text != "" {
				d.Blocks = append(d.Blocks, &doc.Para{Pos: r.Pos, Text: text})
			}
		}
	}
	return d, nil
}

// lineFeed gives a reader the line it holds, then io.EOF until it holds the next.
type lineFeed struct{ b []byte }

func (f *lineFeed) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	return n, nil
}

// noteRow reports whether a row below a table's rows is one of its notes, a blank row
// above it or not: its first cell is its only one, a sentence of some length after a
// note mark ("*1 Retried once.", "※ …", "注：…"). A note is not a row of the table
// whatever follows it.
func noteRow(cells []doc.Cell) bool {
	if nonEmpty(cells) != 1 || cells[0].Text == "" {
		return false
	}
	s := cells[0].Text
	switch {
	case strings.HasPrefix(s, "*"):
		s = strings.TrimLeft(s[1:], "*0123456789")
	case strings.HasPrefix(s, "※"), strings.HasPrefix(s, "注"):
		_, n := utf8.DecodeRuneInString(s)
		s = strings.TrimLeft(s[n:], "0123456789")
	default:
		return false
	}
	s = strings.TrimLeft(s, ":：.)） \t")
	return utf8.RuneCountInString(s) >= 16
}

func nonEmpty(cells []doc.Cell) int {
	n := 0
	for _, c := range cells {
		if c.Text != "" {
			n++
		}
	}
	return n
}

func cellsText(cells []doc.Cell) string {
	for _, c := range cells {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}
