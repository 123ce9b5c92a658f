package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

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
	if t := bytes.TrimSpace(first); len(t) == 5 && bytes.HasPrefix(bytes.ToLower(t), []byte("sep=")) {
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

// readCSV reads a CSV text into a document of one table.
func readCSV(text []byte, at func(int) catalog.Pos) (*doc.Document, error) {
	comma, skip := csvComma(text)
	r := csv.NewReader(bytes.NewReader(text[skip:]))
	r.Comma = comma
	r.FieldsPerRecord = -1 // a ragged row is the interpreter's to report
	r.LazyQuotes = true
	lines := lineStarts(text)
	skipLines := bytes.Count(text[:skip], []byte("\n"))
	// off returns the byte offset of field i of the record just read.
	off := func(i int) int {
		line, col := r.FieldPos(i)
		line += skipLines
		if line < 1 || line > len(lines) {
			return len(text)
		}
		return min(lines[line-1]+col-1, len(text))
	}
	t := &doc.Table{Pos: at(skip)}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			o := len(text)
			if errors.As(err, &pe) && pe.Line >= 1 && pe.Line+skipLines <= len(lines) {
				o = lines[pe.Line+skipLines-1]
			}
			return nil, &SyntaxError{Offset: o, Msg: err.Error()}
		}
		cells := make([]doc.Cell, len(rec))
		for i, f := range rec {
			cells[i] = doc.Cell{Pos: at(off(i)), Text: strings.TrimSpace(f)}
		}
		if t.Header == nil {
			t.Header = cells
			t.Pos = cells[0].Pos
			continue
		}
		t.Rows = append(t.Rows, doc.Row{Pos: cells[0].Pos, Cells: cells})
	}
	d := &doc.Document{}
	if t.Header != nil {
		d.Blocks = append(d.Blocks, t)
	}
	return d, nil
}
