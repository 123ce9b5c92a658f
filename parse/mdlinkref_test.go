package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRefLines are lines that begin, continue, end or break link reference definitions:
// titles on the next line, labels over two lines, titles over several, text after a
// title, angle-bracket destinations, indents, footnote-like labels.
var linkRefLines = []string{
	"[a]: /u", "[b]: /v \"title\"", "[c]:", "/dest", "\"title on its own\"", "'t2' and more",
	"[d]: <x y> 'z'", "(paren title)", "plain text", "[e", "f]: /g", "   [g]: /h", "    [i]: /j",
	"[^1]: a note", "[h]: /i 'multi", "line title'", "[]: /x", "[k]: /l \"t\" junk", "[m]: /n (",
	"still open", ")", "[a]: /again", "[n]: /o\\\"p", "[o]:/p", "[p]: /q \"x\" [r]: /s",
	"[q]: /r\t'tab'", "\\[s]: /t", "[t\\]]: /u", "[u]: /v \"unterminated",
}

// dumpMD renders the blocks goldmark made of text (their kinds and lines, the link
// reference definitions' fields) and the references its context holds.
func dumpMD(p parser.Parser, text string) string {
	ctx := parser.NewContext()
	root := p.Parse(gmtext.NewReader([]byte(text)), parser.WithContext(ctx))
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s blank=%v", n.Kind(), n.HasBlankPreviousLines())
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			fmt.Fprintf(&b, " [%d,%d,%d]", s.Start, s.Stop, s.Padding)
		}
		if r, ok := n.(*ast.LinkReferenceDefinition); ok {
			fmt.Fprintf(&b, " %q %q %q", r.Label, r.Destination, r.Title)
		}
		b.WriteString("\n")
		return ast.WalkContinue, nil
	})
	var refs []string // the context keeps them in a map
	for _, r := range ctx.References() {
		refs = append(refs, fmt.Sprintf("ref %q %q %q\n", r.Label(), r.Destination(), r.Title()))
	}
	slices.Sort(refs)
	return b.String() + strings.Join(refs, "")
}

// refLines keeps the lines of a dumpMD that name definitions.
func refLines(dump string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(dump, "\n") {
		if strings.HasPrefix(l, "ref ") || strings.HasPrefix(l, "LinkReferenceDefinition ") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// compareLinkRefs parses text with goldmark's link reference transformer and with
// linkRefTransformer sending every paragraph through its windows.
func compareLinkRefs(t *testing.T, text string) {
	t.Helper()
	theirs := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	ours := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefTransformer{}, 100)))
	gap := false
	defer func(w int) { linkRefWhole, linkRefGapHook = w, nil }(linkRefWhole)
	linkRefWhole, linkRefGapHook = 0, func() { gap = true }
	want := dumpMD(theirs, text)
	got := dumpMD(ours, text)
	if gap {
		// goldmark keeps the wrong lines of such a paragraph: only the definitions are
		// compared.
		want, got = refLines(want), refLines(got)
	}
	if got != want {
		t.Fatalf("text:\n%s\ngoldmark:\n%s\nlinkRefTransformer:\n%s", text, want, got)
	}
}

// TestLinkRefTransformer compares linkRefTransformer with goldmark's transformer on
// paragraphs of definitions longer than a window, made of lines of every shape.
func TestLinkRefTransformer(t *testing.T) {
	for _, text := range []string{
		"[a]: /u\n\"title\" [b]: /v\n", // goldmark reads on from inside a title's line
		"[a]: /u\n\"t\" junk\n[b]: /v\n",
		"> [a]: /u\n> [b]: /v\n> text\n",
		"- [a]: /u\n  [b]:\n  /v\n",
	} {
		compareLinkRefs(t, text)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		prefix := []string{"", "> ", "  "}[r.IntN(3)]
		if prefix == "  " {
			b.WriteString("- item\n\n")
		}
		for range 1 + r.IntN(3*linkRefWindow) {
			line := linkRefLines[r.IntN(len(linkRefLines))]
			if r.IntN(4) == 0 {
				line = fmt.Sprintf("[l%d]: /x%d", r.IntN(40), r.IntN(9)) // a run of good ones
			}
			b.WriteString(prefix + line + "\n")
		}
		compareLinkRefs(t, b.String())
	}
}

// FuzzLinkRef compares linkRefTransformer with goldmark's transformer on any text.
func FuzzLinkRef(f *testing.F) {
	f.Add("[a]: /u\n\"t\"\n[b]:\n/v 'w'\ntext\n")
	f.Add("> [a]: /u\n> [b\n> c]: /d\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<12 {
			return
		}
		compareLinkRefs(t, text)
	})
}
