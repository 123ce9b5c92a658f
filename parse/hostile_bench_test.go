package parse

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// hostileSources are inputs built to make a reader slow: each must read in time linear
// in its size. TestHostileSources checks what they give; BenchmarkHostile measures what
// they cost (make bench), since a fuzzer does not find slowness and a timed assertion in
// a test would fail on a loaded machine for no fault of the code.
func hostileSources() map[string]string {
	cols := make([]string, 100000)
	for i := range cols {
		cols[i] = "c"
	}
	cols[0] = "code"
	var defs, notes strings.Builder
	defs.WriteString("# Errors\n\n## E1\n\nBad.\n\n")
	notes.WriteString("# Errors\n\n## E1\n\nBad.\n\n")
	for i := range 80000 {
		fmt.Fprintf(&defs, "[l%d]: https://example.com/%d\n", i, i)
		fmt.Fprintf(&notes, "[^%d]: note %d\n", i, i)
	}
	var fmKeys strings.Builder
	fmKeys.WriteString("---\ntitle: Errors\n")
	for i := range 50000 {
		fmt.Fprintf(&fmKeys, "k%d: v\n", i)
	}
	fmKeys.WriteString("---\n# Errors\n\n## E1\n\nBad.\n")
	var nested strings.Builder
	nested.WriteString("# Errors\n\n")
	for i := 0; i < 3000; i++ {
		nested.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	var wide strings.Builder
	wide.WriteString("Code    Message" + strings.Repeat("  xx", 3000) + "\n------  -------" + strings.Repeat("  --", 3000) + "\n")
	for i := range 3000 {
		fmt.Fprintf(&wide, "E%05d  Bad\n", i)
	}
	return map[string]string{
		"pipe-line-200KB": "| code | message |\n|---|---|\n" + strings.Repeat("| E |", 40000) + "\n",
		// A million empty headings: a block each, in every front-end that scans it, so
		// what a block costs is what the read costs (1.45 GB at first).
		"hash-lines-2MB": strings.Repeat("#\n", 1000000),
		// A note after a table that goes on for 100,000 lines: joined line by line it
		// cost the square of its length.
		"note-lines-1MB": "| Code | Message |\n|---|---|\n| E1¹ | Bad. |\n| E2 | Worse. |\n\n¹ A note\n" +
			strings.Repeat("that goes on\n", 80000),
		// A row of 50,000 cells, each with a mark (x※1 … x※50000), and their notes.
		"marks-row": "| Code | Message |\n|---|---|\n| E1 | " +
			func() string {
				var b strings.Builder
				for i := range 50000 {
					fmt.Fprintf(&b, "x※%d | ", i)
				}
				b.WriteString("\n\n")
				for i := range 50000 {
					fmt.Fprintf(&b, "※%d note %d\n", i, i)
				}
				return b.String()
			}(),
		// A code in 100,000 layers of bold and code spans: cleanCode takes a layer a
		// round, each round the cell's length.
		"code-layers-500KB": "| Code | Message |\n|---|---|\n| " + strings.Repeat("**`", 100000) + "E_X" +
			strings.Repeat("`**", 100000) + " | m |\n| E_Y | n |\n",
		"columns-100000": "| " + strings.Join(cols, " | ") + " |\n|" + strings.Repeat("---|", len(cols)) + "\n| E1 | x |\n",
		// The same with full-width pipes, in Markdown and in copied text: a line is read
		// twice at most (as full-width pipes, then as written).
		"fullwidth-line-200KB":    "｜code｜message｜\n｜---｜---｜\n" + strings.Repeat("｜ E ｜", 14000) + "\n",
		"fullwidth-columns-30000": "code ｜ " + strings.Repeat("c ｜ ", 30000) + "\n" + strings.Repeat("E1 ｜ x ｜ ", 15000) + "\n",
		"list-50000-deep":         "# Errors\n\n" + strings.Repeat("- ", 50000) + "x\n",
		"quote-50000-deep":        "# Errors\n\n" + strings.Repeat("> ", 50000) + "x\n",
		"ordered-50000-deep":      "# Errors\n\n" + strings.Repeat("1. ", 50000) + "x\n",
		"list-3000-by-indent":     nested.String(),
		"glued-headers-50000":     strings.Repeat("코드상태설명\n", 50000),
		"header-lines-50000":      strings.Repeat("code\nmessage\n", 50000),
		"spaced-headers-50000":    strings.Repeat("Code Status Description\nE1 x y\n", 25000),
		// Labelled lines of one error after another with no blank line, and a code label
		// over 100,000 labelled lines: a record is at most maxRecordLines lines.
		"records-50000":        strings.Repeat("Code: E1\nStatus: 400\n", 50000),
		"record-100000-labels": "# Errors\n\nCode: E1\n" + strings.Repeat("Status: 400\n", 100000),
		// Headings and code cells of section numbers and labels over and over: each was
		// read again after taking one off (exponential in the labels: 20 took minutes).
		"heading-number-labels":   "# Errors\n\n## " + strings.Repeat("1. Error: ", 20) + "\n\ntext\n",
		"heading-numbers-30000":   "# Errors\n\n## " + strings.Repeat("1. ", 30000) + "E1\n\ntext\n",
		"heading-labels-30000":    "# Errors\n\n## " + strings.Repeat("Error: ", 30000) + "E1\n\ntext\n",
		"code-cell-number-labels": "| Code | Message |\n|---|---|\n| " + strings.Repeat("1. Error: ", 20) + "x y | b |\n",
		// A row of a fixed-width table with a 2 MB last cell of single spaces: each part
		// looked for the next run of spaces to the end of the line.
		"spaced-row-2MB": "Error code    HTTP status    Message\nE1    400    " + strings.Repeat("x ", 1<<20) + "\n",
		// Fixed-width tables (scraped_fixed.go): 2 MB of rows under a rule per column; one
		// row whose cell wraps over 2 MB of lines (joined once, not line by line); a
		// page break between every two rows (each looked over a bounded number of lines
		// ahead); tables each cut short by a line with rows below it (each reported after
		// a bounded look-ahead); and headers over rules with no row under them.
		"fixed-width-ruled-2MB":       "Code    HTTP  Message\n------  ----  ------------\n" + strings.Repeat("E1      400   Bad request.\n", 2<<20/27),
		"fixed-width-wrapped-2MB":     "Code    HTTP  Message\nE1      400   Bad\n" + strings.Repeat("              more words\n", 2<<20/25),
		"fixed-width-page-breaks-2MB": "Code    HTTP  Message\n------  ----  ------------\n" + strings.Repeat("E1      400   Bad request.\n\nPage 7\n\nCode    HTTP  Message\n------  ----  ------------\n", 2<<20/100),
		"fixed-width-cut-2MB":         strings.Repeat("Code    HTTP  Message\nE1      400   Bad request.\n   x\n", 2<<20/54) + strings.Repeat("E1      400   Bad request.\n", 19),
		"fixed-width-no-rows-2MB":     strings.Repeat("Code    HTTP  Message\n------  ----  ------------\n", 2<<20/50),
		// A header of 3,000 columns over a rule of as many runs, and 3,000 rows under it:
		// each row was cut into a cell per column (1.2 s and 330 MB for 52 KB).
		"fixed-width-3000-columns": wide.String(),
		// One list item that goes on for 100,000 lines, lazily or as a nested list: its
		// text was built by appending each line to all before it (100 s for 1.7 MB).
		"list-item-100000-lines":  "# Errors\n\n- E1001 first\n" + strings.Repeat("  more text here\n", 100000),
		"list-item-100000-nested": "# Errors\n\n- E1001 first\n" + strings.Repeat("  - more text here\n", 100000),
		// Headings where no part may be cut (markdown.go): each failed cut is a parse
		// of its own, and the tries must not add up to more than a few parses.
		"pre-of-headings-2MB":   "# T\n\n## A\n\n<pre>\n" + strings.Repeat("text line\n\n# c\n", 2<<20/16) + "</pre>\n",
		"fence-of-headings-2MB": "# T\n\n## A\n\n~~~\n" + strings.Repeat("text line\n\n# c\n", 2<<20/16) + "~~~\n",
		// A paragraph of 80,000 link definitions, and one of lines that look like
		// footnotes: goldmark's link definition transformer (mdlinkref.go) and its inline
		// link parser read each from a reader over all the paragraph's lines (10 s; 5 s).
		"link-definitions-80000": defs.String(),
		"footnote-lines-80000":   notes.String(),
		// Front matter of one key over and over, of many keys, and never closed: yaml.v3
		// compares every key of a mapping with every other and builds a message for each
		// duplicate pair (12 s and 3.9 GB for 40 KB); frontmatter.go.
		"front-matter-dup-keys-20000": "---\n" + strings.Repeat("a: b\n", 20000) + "---\n# Errors\n",
		"front-matter-keys-50000":     fmKeys.String(),
		"front-matter-open-20000":     "---\n" + strings.Repeat("a: b\n", 20000),
		// An HTML table in Markdown whose cell spans 100 rows and 100 columns (see
		// span-bigcell.html in hostileFormatSources).
		"span-bigcell-html": "# Errors\n\n" + spanTable(100<<10),
		// Lists of copied text (scraped_list.go, codeLines): 2 MB of codes' lines that read
		// as headings, each looked at once and not again from every line of the run;
		// items with lines under them, blank lines between; items each indented deeper
		// than the last (open items are at most maxListDepth); titles and items of two
		// marks over and over.
		"code-heading-lines-2MB": "Errors\n\n" + strings.Repeat("E1001 - Bad request\n", 2<<20/20),
		"bullet-details-2MB":     "Errors\n\n" + strings.Repeat("○ E1 : Bad request.\n\n  ▶ 조치 : Retry.\n\n", 2<<20/44),
		"bullet-staircase-2MB":   "Errors\n\n" + bulletStaircase(2<<20),
		"bullet-titles-2MB":      "Errors\n\n" + strings.Repeat("■ Title\n\n○ E1 : Bad.\n", 2<<20/24),
		// 2 MB of blank lines: one scan block for the run, not one for each.
		"blank-lines-2MB": "# Errors\n" + strings.Repeat("\n", 2<<20) + "E1\n",
		"late-cuts-2MB":   "# T\n\n<pre>\n" + strings.Repeat("plain text line\n", 2<<20/16*19/20) + strings.Repeat("\n# c\n", 2<<20/5/20) + "</pre>\n",
		// Text many entries share, held once but written once an entry (bound.go): a 1 MB
		// heading over 12,000 codes (11 GB of JSON, a site of tens of GB), a 100 KB note
		// 12,000 rows mark.
		// Today's shapes: codes under the category items of a nested list, GitBook tags
		// around tables, codes in lenticular brackets, wrapped cells of a tab table.
		"nested-code-lists-2MB": "# Errors\n\n" + strings.Repeat("- Billing\n  - `E1` (400) — Bad.\n    - Fix: retry.\n", 2<<20/48),
		"nested-code-lists-deep": "# Errors\n\n- Billing\n" + func() string {
			var b strings.Builder
			for i := 1; i < 2000; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- `E1` (400) — Bad.\n")
			}
			return b.String()
		}(),
		"liquid-tabs-2MB":   strings.Repeat("{% tab title=\"A\" %}\n| Code | Message |\n|---|---|\n| E1 | Bad. |\n{% endtab %}\n", 2<<20/70),
		"liquid-open-2MB":   "# Errors\n\n" + strings.Repeat("{% tab title=\"", 2<<20/14),
		"bracket-codes-2MB": "Errors\n\n" + strings.Repeat("【E1】Bad request（HTTP 400）\n原因：x\n", 2<<20/40),
		"tab-wrapped-2MB":   "Code\tHTTP\tMessage\nE1\t400\tBad\n" + strings.Repeat("more words of the message\n", 2<<20/26),
		"long-group-1MB": "# Errors\n\n## " + strings.Repeat("Group ", 160000) + "\n\n" +
			strings.Repeat("- A1 (400): x\n- A2 (400): y\n", 6000),
		"long-note-many-marks": "# Errors\n\n| Code | Message |\n|---|---|\n" + strings.Repeat("| E1 | Bad[^1] |\n| E2 | Worse[^1] |\n", 6000) +
			"\n[^1]: " + strings.Repeat("word ", 20000) + "\n",
	}
}

// TestHostileSources reads every hostile source: no panic, every row accounted for, every
// position inside the input.
func TestHostileSources(t *testing.T) {
	for name, text := range hostileSources() {
		t.Run(name, func(t *testing.T) {
			src := NewSource("hostile.md", []byte(text))
			res := Read(src, Meta{})
			checkInvariants(t, src, res)
		})
	}
}

// BenchmarkHostile reads each hostile source whole.
func BenchmarkHostile(b *testing.B) {
	for name, text := range hostileSources() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Read(NewSource("hostile.md", []byte(text)), Meta{})
			}
		})
	}
}

// TestLimitNesting checks that the rewrite keeps every byte offset and escapes only the
// markers past the limit.
func TestLimitNesting(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"- a\n  - b\n", "- a\n  - b\n"},
		{strings.Repeat("- ", maxMDNesting) + "x\n", strings.Repeat("- ", maxMDNesting) + "x\n"},
		{strings.Repeat("- ", maxMDNesting+2) + "x\n", strings.Repeat("- ", maxMDNesting) + "\\-- x\n"},
		{strings.Repeat("> ", maxMDNesting+1) + "x\n", strings.Repeat("> ", maxMDNesting) + "\\>x\n"},
		{strings.Repeat("1. ", maxMDNesting+1) + "x\n", strings.Repeat("1. ", maxMDNesting) + "1\\.x\n"},
		{strings.Repeat(" ", maxIndent+2) + "- deep\n", strings.Repeat(" ", maxIndent+2) + "\\-deep\n"},
		{"| a | b |\n", "| a | b |\n"},
	} {
		got := limitNesting([]byte(c.in))
		if string(got) != c.want {
			t.Errorf("limitNesting(%.40q…) = %.60q…, want %.60q…", c.in, got[max(0, len(got)-60):], c.want[max(0, len(c.want)-60):])
		}
		if len(got) != len(c.in) {
			t.Errorf("length changed: %d → %d", len(c.in), len(got))
		}
	}
	if in := []byte("# x\n- a\n"); !bytes.Equal(limitNesting(in), in) || &limitNesting(in)[0] != &in[0] {
		t.Error("a document within the limit is copied or changed")
	}
}

// bulletStaircase returns about n bytes of list items each indented one space deeper than
// the one above it, over and over.
func bulletStaircase(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat(" ", i%200) + "- E1 : x\n")
	}
	return b.String()
}
