package parse

import (
	"bytes"
	"path"
	"regexp"
	"strings"
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
	plain := NewSource(src.Path, stripMDX(src.Text))
	plain.over, plain.ctx = src.over, src.ctx
	d := markdownReader{}.Read(plain)
	decodeEntities(d) // as Read does for the Markdown reader: these fields are source text
	return d
}

// stripMDX blanks out what MDX adds to Markdown, outside fenced code: import and export
// statements (up to the blank line that ends them), lines that are only a JSX expression
// or comment, and JSX component tags. Each blanked byte becomes a space, newlines stay.
func stripMDX(text []byte) []byte {
	out := append([]byte(nil), text...)
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
				blank(off+m[0], off+m[1])
			}
		}
		off = end + 1
	}
	return out
}
