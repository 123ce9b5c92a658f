package parse

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"docgen/parse/doc"
)

// mdPartsCases are documents whose headings stand where a part may not be cut: inside
// fenced code, raw HTML, front matter, under a list or a quote, or with no blank line
// before them.
var mdPartsCases = []string{
	"# Title\n\n## A\n\ntext\n\n## B\n\nmore\n",
	"# T\n\n```sh\n# not a heading\n\n# nor this\n```\n\n## E100\n\nBad.\n",
	"# T\n\n````\n```\n\n# inside\n````\n\n## E1\n\nx\n",
	"# T\n\n~~~\n# in tilde fence\n\n# still\n~~~~\n\n## E2\n",
	"# T\n\n```\nnever closed\n\n# inside to the end\n\n## E3\n",
	"# T\n\n``` a`b\n\n# after a line that is no fence\n\n```\n\n# fenced\n```\n",
	"# T\n\n<pre>\n\n# in pre\n\n</pre>\n\n## E4\n",
	"# T\n\n<!-- comment\n\n# in comment\n\n-->\n\n## E5\n",
	"# T\n\n<!DOCTYPE x\n\n# in declaration\n\n>\n\n# out\n",
	"# T\n\n<?php\n\n# in instruction\n\n?>\n\n# out\n",
	"# T\n\n<![CDATA[\n\n# in cdata\n\n]]>\n\n# out\n",
	"# T\n\n<script>\n\n# in script\n</script>\n\n# out\n",
	"# T\n\n<div>\n# right after a div line\n\n# after a blank\n</div>\n",
	"---\ntitle: T\n\n# a comment in front matter\nid: x\n---\n\n# T\n\n## E6\n",
	"+++\ntitle = \"T\"\n\n# toml comment\n+++\n\n## E7\n",
	"---\nnever closed\n\n# heading?\n",
	"# T\n\n- item\n\n  ```\n  # in an item's fence\n\n# top\n\n  ```\n\n# after\n",
	"# T\n\n> quote\n>\n> ```\n\n# top level\n\n```\n# fenced\n```\n",
	"# T\n\n    indented code\n\n# heading after indented code\n\n    # indented\n",
	"# T\n\n| Code | Message |\n|---|---|\n| E1 | one |\n\n## E2\n\n| Code | Message |\n|---|---|\n| E3 | three |\n",
	"# T\n\ntext\n# no blank before\n\n#\n\n# #\n\n####### seven\n\n## ok ##\n",
	"# T\n\n## E8\n\nStatus: 404\n\n## Auth\n\nstatus 401\n\n### E9\n\nx\n",
	"- a\n- b\n\n# h\n\n1. x\n2. y\n",
}

// mdPartsInputs returns the cases above, the default sources and the inputs of the reader
// cases.
func mdPartsInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	for i, c := range mdPartsCases {
		in["case"+string(rune('a'+i))] = []byte(c)
	}
	for _, r := range readerInputs(t) {
		in[r.name] = r.data
	}
	return in
}

// sameMarkdownParts fails when reading data in parts of chunk bytes gives another tree or
// other counts than reading it whole.
func sameMarkdownParts(t *testing.T, name string, data []byte, chunk int) *mdDoc {
	t.Helper()
	whole := readMarkdown(NewSource("doc.md", data), len(data)+1)
	parts := readMarkdown(NewSource("doc.md", data), chunk)
	n := parts.parts
	whole.parts, parts.parts = 0, 0
	defer func() { parts.parts = n }()
	if !reflect.DeepEqual(whole, parts) {
		t.Fatalf("%s: read in parts of %d bytes, the document differs from the whole read:\nwhole %+v\nparts %+v\n%s",
			name, chunk, whole, parts, dumpBlocks(whole, parts))
	}
	return parts
}

// dumpBlocks says where two trees first differ.
func dumpBlocks(a, b *mdDoc) string {
	for i := 0; i < min(len(a.tree.Blocks), len(b.tree.Blocks)); i++ {
		if !reflect.DeepEqual(a.tree.Blocks[i], b.tree.Blocks[i]) {
			return fmt.Sprintf("block %d:\n%#v\n%#v", i, a.tree.Blocks[i], b.tree.Blocks[i])
		}
	}
	return fmt.Sprintf("%d blocks whole, %d in parts", len(a.tree.Blocks), len(b.tree.Blocks))
}

// TestMarkdownParts: a Markdown source read in parts gives the tree and the detection counts
// of the whole read, wherever the parts are cut.
func TestMarkdownParts(t *testing.T) {
	cut := 0
	for name, data := range mdPartsInputs(t) {
		for _, chunk := range []int{1, 5, 40, 300} {
			if d := sameMarkdownParts(t, name, data, chunk); d.parts > 1 {
				cut++
			}
		}
	}
	if cut < 100 {
		t.Errorf("only %d reads were cut into parts: the test proves little", cut)
	}
	// A part may begin inside a fenced block: the fences are tracked from the part's
	// start, not from there, so that the closing fence is not taken for an opening one.
	fences := "# T\n\n```\nx\n```\n\n## A\n\n```\ny\n```\n\n## B\n\n```\nz\n```\n\n## C\n"
	if d := sameMarkdownParts(t, "fences", []byte(fences), 7); d.parts != 4 {
		t.Errorf("sections with fenced blocks were read in %d parts, want 4", d.parts)
	}
	// Text is the source's, never limitNesting's rewrite of what goldmark parses.
	deep := "# T\n\n## E1\n\n```\n" + strings.Repeat("- ", 40) + "x\n```\n"
	d := sameMarkdownParts(t, "deep", []byte(deep), 1)
	if c, ok := d.tree.Blocks[len(d.tree.Blocks)-1].(*doc.Code); !ok || strings.Contains(c.Text, "\\") {
		t.Errorf("a code block of deep list markers: got %#v, want its text as written", d.tree.Blocks[len(d.tree.Blocks)-1])
	}
	// Where every heading is inside a fence, nothing is cut.
	if d := sameMarkdownParts(t, "fence", []byte("# T\n\n## A\n\n```\n\n# a\n\n# b\n```\n"), 1); d.parts != 2 {
		t.Errorf("a fenced block of headings was read in %d parts, want 2 (up to ## A, then the rest)", d.parts)
	}
}

// FuzzMarkdownParts: on any input, the parts give the whole read's tree.
func FuzzMarkdownParts(f *testing.F) {
	for _, c := range mdPartsCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, chunk := range []int{1, 7, 1 + len(data)/3} {
			sameMarkdownParts(t, "fuzz", data, chunk)
		}
	})
}
