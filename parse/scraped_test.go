package parse

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
)

// checkReaderDoc asserts what must hold for whatever one reader makes of any input: every
// row an entry or dropped with an error, every position inside the input, and the entries
// merge and get IDs.
func checkReaderDoc(t *testing.T, src *Source, doc *Doc) {
	t.Helper()
	if doc.Rows != len(doc.Entries)+doc.Dropped+doc.Merged {
		t.Errorf("rows: saw %d, %d entries, %d dropped and %d merged", doc.Rows, len(doc.Entries), doc.Dropped, doc.Merged)
	}
	if doc.Dropped > 0 && !doc.Diags.HasErrors() {
		t.Errorf("%d rows dropped without an error", doc.Dropped)
	}
	runes := map[int]int{} // rune length by line: long lines are measured once
	inside := func(what string, p catalog.Pos) {
		if p.Line >= 1 && p.Line <= src.LineCount() {
			if _, ok := runes[p.Line]; !ok {
				runes[p.Line] = utf8.RuneCount(src.Line(p.Line))
			}
		}
		if p.File != src.Path || p.Line < 1 || p.Line > max(src.LineCount(), 1) || p.Col < 1 ||
			p.Col > runes[p.Line]+1 {
			t.Errorf("%s at %s lies outside the input (%d lines)", what, p, src.LineCount())
		}
	}
	for _, e := range doc.Entries {
		inside("entry "+e.Code, e.Source)
	}
	for _, d := range doc.Diags {
		inside("diagnostic "+d.Message, d.Pos)
	}
	for _, g := range doc.Groups {
		inside("group "+g.Name, g.Source)
	}
	for _, s := range doc.Sections {
		inside("section "+s.Title, s.Source)
	}
	if doc.ResponseFormat != nil {
		inside("response format", doc.ResponseFormat.Source)
	}
	svc := &catalog.Service{ID: "x", Entries: catalog.Merge(doc.Entries)}
	catalog.AssignIDs(svc)
	if svc.RowCount()+doc.Dropped+doc.Merged != doc.Rows {
		t.Errorf("after merging, %d rows, %d dropped and %d merged; the reader saw %d", svc.RowCount(), doc.Dropped, doc.Merged, doc.Rows)
	}
}

// TestPosIndex checks that posIndex gives Source.Pos's positions, and that its split gives
// splitRow's cells.
func TestPosIndex(t *testing.T) {
	texts := []string{
		"", "a", "한글 | 코드 |\n" + strings.Repeat("가", 70) + " | x |\n\n| a \\| b | c |",
		strings.Repeat("x", 64), strings.Repeat("é", 32) + "\n" + strings.Repeat("ab", 40),
	}
	for _, text := range texts {
		src := NewSource("f.txt", []byte(text))
		ix := newPosIndex(src)
		for off := 0; off <= len(src.Text); off++ {
			if off < len(src.Text) && src.Text[off]&0xC0 == 0x80 {
				continue // not a rune boundary
			}
			if got, want := ix.pos(off), src.Pos(off); got != want {
				t.Errorf("%q: offset %d: %v, want %v", text, off, got, want)
			}
		}
		for n := 1; n <= src.LineCount(); n++ {
			line, off := src.Line(n), src.LineStart(n)
			if diff := cmp.Diff(splitRow(src, line, off), ix.split(line, off)); diff != "" {
				t.Errorf("line %q: split differs from splitRow (-splitRow +split):\n%s", line, diff)
			}
		}
	}
}

// TestScrapedDetect checks which reader claims the seeds and a few shapes.
func TestScrapedDetect(t *testing.T) {
	for _, c := range []struct {
		path, text string
		score      int
	}{
		{"content/public-api.md", "", 0},
		{"content/api-gateway.md", "", 20}, // below the markdown reader's 60
		{"content/web3-api.txt", "", 70},
		{"content/google-api.txt", "", 70},
		{"content/platform-api.txt", "", 70},
		{"a.txt", "code | message |\n---|---|\nE1 | one |\n", 70},
		{"a.txt", "| code | message |\n|---|---|\n| E1 | one |\n", 20},
		{"a.txt", "| code | message |\n|---|\n| E1 | one |\n", 20}, // no GFM table: only this reader reads it
		{"a.txt", "code\tmessage\nE1\tone\n", 70},
		{"a.md", "# Errors\n\ncode | message |\n---|---|\nE1 | one |\n", 40},
		{"a.html", "<table><tr><td>code |</td></tr></table>", 0},
		{"a.txt", "just prose | with a pipe |\n", 0},
	} {
		text := []byte(c.text)
		if c.text == "" {
			var err error
			if text, err = os.ReadFile("../" + c.path); err != nil {
				t.Fatal(err)
			}
		}
		d := scrapedReader{}.Detect(NewSource(c.path, text))
		if d.Score != c.score {
			t.Errorf("%s %q: score %d (%s), want %d", c.path, c.text, d.Score, d.Why, c.score)
		}
		if d.Why == "" {
			t.Errorf("%s: no reason given", c.path)
		}
	}
}

// scrapedHostileInputs are inputs built to defeat a scraped-text reader.
func scrapedHostileInputs() map[string]string {
	const n = 50000
	return map[string]string{
		"unclosed braces":      strings.Repeat("{\n", n),
		"opening lines":        strings.Repeat("function f() {\n", n),
		"one long pipe line":   "code | message |\n---|---|\n" + strings.Repeat("E | ", n) + "\n",
		"header cells forever": strings.Repeat("code |\n", n),
		"open cells":           "code | description |\n---|---|\n" + strings.Repeat("E | text without end\n", n),
		"cells with no code":   "오류 코드 |\n설명 |\n" + strings.Repeat(" |\n", n),
		"blank rows":           "code | message |\n---|---|\n" + strings.Repeat("\n\nE | x |\n", n/2),
		"separators":           strings.Repeat("---|---|\n", n),
		"status headings":      strings.Repeat("BAD_REQUEST (400)\n", n),
		"tabs":                 "code\tmessage\n" + strings.Repeat("E\tx\t\t\t\n", n),
		"json":                 "{\n" + strings.Repeat(`"a": {`, n) + strings.Repeat("}", n) + "\n}\n",
		"particles":            strings.Repeat("와 code\n", n),
		"nul and junk":         strings.Repeat("\x00|\t{[\"'`\\|\n", n),
	}
}

// TestScrapedHostile reads each hostile input: no panic, every row accounted for, every
// position inside the input. What each costs is BenchmarkScrapedHostile's to measure.
func TestScrapedHostile(t *testing.T) {
	for name, text := range scrapedHostileInputs() {
		t.Run(name, func(t *testing.T) {
			src := NewSource("hostile.txt", []byte(text))
			r := scrapedReader{}
			r.Detect(src)
			checkReaderDoc(t, src, r.Read(src))
		})
	}
}

// BenchmarkScrapedHostile reads each hostile input whole (time linear in its size).
func BenchmarkScrapedHostile(b *testing.B) {
	for name, text := range scrapedHostileInputs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				src := NewSource("hostile.txt", []byte(text))
				scrapedReader{}.Detect(src)
				scrapedReader{}.Read(src)
			}
		})
	}
}

// TestScrapedTruncatedRow: a table written one cell per line whose last row loses its
// description at the end of the input is still an entry, with no error.
func TestScrapedTruncatedRow(t *testing.T) {
	for _, tail := range []string{"notReady |", "notReady |\n", "notReady |\n\n", "notReady |\nTOO_MANY (429)\n"} {
		src := NewSource("t.txt", []byte("SERVICE_UNAVAILABLE (503)\n오류 코드 |\n설명 |\nbackendError |\n오류입니다. |\n"+tail))
		doc := scrapedReader{}.Read(src)
		checkReaderDoc(t, src, doc)
		if doc.Diags.HasErrors() || len(doc.Entries) != 2 || doc.Entries[1].Code != "notReady" ||
			doc.Entries[1].Status != 503 || doc.Entries[1].Source.Line != 6 {
			t.Errorf("%q: %d entries, diagnostics %v", tail, len(doc.Entries), doc.Diags)
		}
	}
}

// scrapedInput builds about size bytes of scraped text in the seeds' shapes: status
// headings over tables written one cell per line, and tables of one row per line with a
// separator, codes all different.
func scrapedInput(size int) []byte {
	var b bytes.Buffer
	b.WriteString("대용량 API 오류 코드\n이 문서는 벤치마크를 위한 오류 목록입니다. 오류마다 code\n와 message\n가 있습니다.\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "BAD_REQUEST (400)\n오류 코드 |\n설명 |\n")
		for j := 0; j < 40; j++ {
			fmt.Fprintf(&b, "invalidValue%dx%d |\n요청 %d의 값이 잘못되었습니다. 자세한 내용은 http://example.com/docs 를 보세요. |\n", i, j, j)
		}
		fmt.Fprintf(&b, "Error Code Specification %d\ncode | HTTP Status Code | Description |\n---|---|---|\n", i)
		for j := 0; j < 40; j++ {
			fmt.Fprintf(&b, "NOT_FOUND_%d_%d | 404 Not Found | 리소스를 찾을 수 없는 경우 반환되는 에러. Example 1. 정의되지 않은 API Path |\n", i, j)
		}
	}
	return b.Bytes()
}

// BenchmarkScraped10MB reads about 10 MB of scraped text: "read" with the scraped reader
// alone, "detect+read" through Read with every reader's detection.
func BenchmarkScraped10MB(b *testing.B) {
	raw := scrapedInput(10 << 20)
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			doc := scrapedReader{}.Read(NewSource("big.txt", raw))
			if doc.Rows == 0 || doc.Diags.HasErrors() {
				b.Fatalf("rows %d, diagnostics %v", doc.Rows, doc.Diags[:min(3, len(doc.Diags))])
			}
		}
	})
	b.Run("detect+read", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			res := Read(NewSource("big.txt", raw), Meta{})
			if res.Reader != "scraped" {
				b.Fatalf("read by %q", res.Reader)
			}
		}
	})
}

// FuzzScrapedReader reads anything with the scraped reader: no panic, every row
// accounted for, every position inside the input.
func FuzzScrapedReader(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := NewSource("fuzz.txt", data)
		r := scrapedReader{}
		r.Detect(src)
		checkReaderDoc(t, src, r.Read(src))
	})
}

// TestHeaderRole checks headers written in two languages or with a language tag.
func TestHeaderRole(t *testing.T) {
	for h, want := range map[string]role{
		"Message / 메시지": roleMessage, "설명 (Description)": roleDescription, "Message (EN)": roleMessage,
		"메시지(한국어)": roleMessage, "Code / 설명": roleUnknown, "(EN)": roleUnknown, "Since (v2)": roleUnknown,
		"에러 코드": roleCode, "HTTP 상태": roleStatus,
	} {
		if got := headerRole(h); got != want {
			t.Errorf("%q: %s, want %s", h, got, want)
		}
	}
}

// TestPipeView checks which lines are split at full-width pipes, and that a cell split
// through the view starts at its column in the source.
func TestPipeView(t *testing.T) {
	for line, want := range map[string]bool{
		"｜E1｜400｜":          true,
		"E1 ｜ 400 ｜":        true,
		"| E1 ｜ 400 |":      true, // outer pipes typed in the other input mode
		"| E1 | 格式错误｜请检查 |": false,
		"E1 | a｜b":          false,
		"no pipes":          false,
	} {
		if got := fullWidthRow([]byte(line)); got != want {
			t.Errorf("fullWidthRow(%q) = %v, want %v", line, got, want)
		}
	}
	src := NewSource("x.txt", []byte("错误码｜说明\n｜E1001｜参数错误｜\n"))
	line := src.Line(2)
	view := pipeView(line)
	if len(view) != len(line) {
		t.Fatalf("pipeView changed the line's length: %d bytes, was %d", len(view), len(line))
	}
	var got []string
	for _, c := range splitRow(src, view, src.LineStart(2)) {
		got = append(got, fmt.Sprintf("%s@%d", c.Text, c.Pos.Col))
	}
	if want := []string{"E1001@2", "参数错误@8"}; !cmp.Equal(got, want) {
		t.Errorf("cells %v, want %v", got, want)
	}
}
