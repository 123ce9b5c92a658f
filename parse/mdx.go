package parse

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// mdxReader reads MDX (Docusaurus and other React sites): Markdown with import and export
// lines and JSX components. Those are not text: the reader blanks them out, byte for byte
// so that every position stays where it was, and reads the rest as Markdown, so the
// tables and headings between and inside components are read as in any Markdown file.
type mdxReader struct{}

func init() { Register(mdxReader{}) }

func (mdxReader) Name() string { return "mdx" }

var (
	reMDXImport = regexp.MustCompile(`(?m)^(?:import|export)\s`)
	// reJSXTag matches a JSX component's tag: a capitalised name ("<Tabs>", "</TabItem>",
	// "<Anchor id=\"x\" />") or a fragment ("<>", "</>").
	reJSXTag = regexp.MustCompile(`</?(?:[A-Z][\w.]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?)?/?>`)
	// reJSXCode matches a component's attribute that gives an error code: code="X",
	// errorCode='X', code={"X"}.
	reJSXCode = regexp.MustCompile(`\s(?:code|errorCode|error_code|error-code)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|` + "`([^`]*)`" + `)\s*\})`)
	// reJSXExpr matches a line that is only a JSX expression or comment: "{/* … */}".
	reJSXExpr = regexp.MustCompile(`^\s*\{[^\n]*\}\s*$`)
)

func (mdxReader) Detect(src *Source) Detection {
	if strings.EqualFold(path.Ext(src.Path), ".mdx") {
		return Detection{Score: 90, Why: "an .mdx file: Markdown with JSX, read as Markdown without its imports and components"}
	}
	if bytes.Contains(src.Text, []byte("import")) && reMDXImport.Match(src.Text) && reJSXTag.Match(src.Text) && mayBeMarkdown(src.Text) {
		d := markdownReader{}.Detect(src)
		if d.Score > 0 {
			return Detection{Score: d.Score + 1, Why: "Markdown with import lines and JSX components (MDX): " + d.Why}
		}
	}
	return Detection{Why: "no .mdx name, and no Markdown with import lines and JSX components"}
}

func (mdxReader) Read(src *Source) *Doc {
	text, tabs := stripMDX(src.Text)
	plain := NewSource(src.Path, text)
	plain.over, plain.ctx, plain.orig = src.over, src.ctx, src
	md := plain.markdown()
	plain.md = nil // the tree holds all that is read from here on
	md.tree.Blocks = tabSections(plain, md.tree.Blocks, tabs)
	d := interpret(plain, md.tree)
	d.Diags = append(d.Diags, md.diags...)
	decodeEntities(d) // as Read does for the Markdown reader: these fields are source text
	for i, dg := range d.Diags {
		// A row whose code cell was a component that gives no code: say so, since the
		// cell looked full.
		if dg.Rule == catalog.RuleEmptyCode && dg.Pos.Line > 0 && dg.Pos.Line <= src.LineCount() && reJSXTag.Match(src.Line(dg.Pos.Line)) {
			d.Diags[i].Message += " (JSX components are not text; one that shows a code can give it in a code=\"…\" attribute)"
		}
	}
	return d
}

// jsxCode returns the error code an opening or self-closing component tag gives in a code
// attribute (<ErrorBadge code="KITE_NOT_FOUND" />, a component that shows the code), or
// "": a component stands for what it renders, and what such a one renders is its code.
// A code="…" attribute alone says no error: <Snippet code="curl" /> shows a program. So
// the component's name or the attribute's must say error (ErrorBadge, errorCode), or the
// value must be code-shaped and the tag stand where a code does (alone, as a heading or
// a table's cell: standsAsCode).
func jsxCode(tag string, standsAsCode bool) string {
	if strings.HasPrefix(tag, "</") {
		return ""
	}
	m := reJSXCode.FindStringSubmatchIndex(tag)
	if m == nil {
		return ""
	}
	for k := 2; k+1 < len(m); k += 2 {
		if m[k] < 0 {
			continue
		}
		v := strings.TrimSpace(tag[m[k]:m[k+1]])
		if v == "" {
			continue
		}
		if !isToken(v) || len(v)+2 > len(tag) {
			return ""
		}
		attr := tag[m[0] : m[0]+strings.IndexByte(tag[m[0]:], '=')]
		if hasStrictErrorWord(jsxName(tag)) || hasStrictErrorWord(attr) ||
			(standsAsCode && codeShaped(v)) {
			return v
		}
		return ""
	}
	return ""
}

// jsxName returns the name of the component a tag opens ("ErrorBadge" of
// "<ErrorBadge code=… />").
func jsxName(tag string) string {
	name := strings.TrimLeft(tag, "</")
	if i := strings.IndexFunc(name, func(r rune) bool { return r == ' ' || r == '\t' || r == '/' || r == '>' || r == '\n' }); i >= 0 {
		name = name[:i]
	}
	return name
}

// jsxStandsAsCode reports whether the tag at line[from:to] stands where a code does: it
// is all that is written of a heading (after its #s) or of a table's cell.
func jsxStandsAsCode(line string, from, to int) bool {
	before := strings.TrimSpace(line[:from])
	after := strings.TrimSpace(line[to:])
	heading := before != "" && strings.Trim(before, "#") == "" && after == ""
	cell := strings.HasSuffix(before, "|") && (after == "" || strings.HasPrefix(after, "|"))
	return heading || cell
}

// stripMDX blanks out what MDX adds to Markdown, outside fenced code: import and export
// statements (up to the blank line that ends them), lines that are only a JSX expression
// or comment, and JSX component tags; a tag that gives an error code in an attribute
// (jsxCode) leaves the code, as code text, where it began. Each blanked byte becomes a
// space, newlines stay, so every position stays where it was.
func stripMDX(text []byte) ([]byte, []mdxTab) {
	out := append([]byte(nil), text...)
	var tabs, open []mdxTab // the tabs read, and those open
	blank := func(from, to int) {
		for i := from; i < to; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	fence := ""
	inImport := false
	for off := 0; off < len(text); {
		end := bytes.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := string(text[off:end])
		trim := strings.TrimSpace(line)
		switch {
		case fence != "":
			if strings.HasPrefix(trim, fence) {
				fence = ""
			}
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			fence = trim[:3]
		case inImport:
			if trim == "" {
				inImport = false
			} else {
				blank(off, end)
			}
		case reMDXImport.MatchString(line):
			blank(off, end)
			inImport = !strings.HasSuffix(trim, ";") && !strings.Contains(trim, " from ") && !strings.HasPrefix(trim, "export default")
		case reJSXExpr.MatchString(line):
			blank(off, end)
		default:
			for _, m := range reJSXTag.FindAllStringIndex(line, -1) {
				tag := line[m[0]:m[1]]
				switch name, label, closing := jsxTab(tag); {
				case name == "":
				case closing:
					for k := len(open) - 1; k >= 0; k-- {
						if open[k].name == name {
							t := open[k]
							t.close = off + m[0]
							tabs, open = append(tabs, t), open[:k]
							break
						}
					}
				case !strings.HasSuffix(tag, "/>"):
					open = append(open, mdxTab{name: name, label: label, open: off + m[0]})
				}
				blank(off+m[0], off+m[1])
				if code := jsxCode(line[m[0]:m[1]], jsxStandsAsCode(line, m[0], m[1])); code != "" {
					// <ErrorBadge code="KITE_NOT_FOUND" />: the code it shows, as code
					// text where the tag began (it is longer than its attribute's value).
					copy(out[off+m[0]:], "`"+code+"`")
				}
			}
		}
		off = end + 1
	}
	slices.SortFunc(tabs, func(a, b mdxTab) int { return a.open - b.open })
	return out, tabs
}

// mdxTab is a tab of a tabs component (<TabItem value="billing" label="Billing">…
// </TabItem>, <Tab title="Billing">…</Tab>): its label and the offsets of its opening and
// closing tags.
type mdxTab struct {
	name, label string
	open, close int
}

// reJSXLabel matches the attribute that labels a tab: label="Billing", title='Billing'.
var reJSXLabel = regexp.MustCompile(`\s(?:label|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*"([^"]*)"\s*\})`)

// jsxTab returns the name of a tab's tag (<TabItem …>, </Tab>), the label an opening one
// gives, and whether it closes the tab; name is "" for any other tag.
func jsxTab(tag string) (name, label string, closing bool) {
	closing = strings.HasPrefix(tag, "</")
	name = strings.TrimLeft(tag, "</")
	if i := strings.IndexAny(name, " \t/>"); i >= 0 {
		name = name[:i]
	}
	if name != "Tab" && name != "TabItem" {
		return "", "", false
	}
	if m := reJSXLabel.FindStringSubmatch(tag); m != nil {
		label = strings.TrimSpace(m[1] + m[2] + m[3])
	}
	return name, label, closing
}

// tabSections makes each tab that holds tables, and no heading, a section under its
// label: a heading one level below the one it stands under, closed where the tab ends
// (doc.End), so that its tables' errors are in the tab's group ("Billing") and what
// follows the tabs is not. A tab of code samples ("JavaScript", "cURL") or with no label
// is left as it is, and so is a tab inside another. Blocks and tabs are both in source
// order: one pass.
func tabSections(src *Source, blocks []doc.Block, tabs []mdxTab) []doc.Block {
	if len(tabs) == 0 {
		return blocks
	}
	out := make([]doc.Block, 0, len(blocks)+2*len(tabs))
	level, t := 0, 0
	for i := 0; i < len(blocks); {
		off := src.LineStart(blocks[i].At().Line)
		for t < len(tabs) && tabs[t].close < off {
			t++ // tabs before the block, or inside one taken whole
		}
		if t == len(tabs) || tabs[t].open > off {
			if h, ok := blocks[i].(*doc.Heading); ok && h.Level > 0 {
				level = h.Level
			}
			out = append(out, blocks[i])
			i++
			continue
		}
		tab := tabs[t]
		j, tables, headings := i, 0, 0
		for ; j < len(blocks) && src.LineStart(blocks[j].At().Line) < tab.close; j++ {
			switch b := blocks[j].(type) {
			case *doc.Table:
				tables++
			case *doc.Heading:
				headings++
				if b.Level > 0 {
					level = b.Level
				}
			}
		}
		if tables > 0 && headings == 0 && hasWordRune(tab.label) && !tabLabel(tab.label) {
			lv := min(max(level+1, 2), 6)
			out = append(out, &doc.Heading{Pos: src.Pos(tab.open), Level: lv, Text: tab.label})
			out = append(out, blocks[i:j]...)
			out = append(out, &doc.End{Pos: src.Pos(tab.close), Level: lv})
		} else {
			out = append(out, blocks[i:j]...)
		}
		i = j
		t++
	}
	return out
}
