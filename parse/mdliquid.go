package parse

import (
	"bytes"
	"regexp"
	"strings"
)

// GitBook (and Jekyll) write their blocks as Liquid tags, each on a line of its own:
//
//	{% tabs %}
//	{% tab title="Billing" %}
//	| Code | Status | Message |
//	…
//	{% endtab %}
//	{% endtabs %}
//
// or '{% hint style="info" %}' … '{% endhint %}'. A tag is the platform's markup, never
// the document's text: written right under a table's last row, CommonMark would make it
// one more row, and a line between paragraphs would join them. The text goldmark parses
// has every such line blanked (limitNesting's way: the length is kept, so every offset is
// still the source's), which ends the block above it; and a tab's title is its tables'
// heading, as a tab's label is in MDX (tabSections).

// reLiquidLine matches a line that is one Liquid tag: its name is group 1, what follows
// the name group 2.
var reLiquidLine = regexp.MustCompile(`^[ \t]*\{%-?[ \t]*([A-Za-z]+)([^%\n]*)%\}[ \t]*$`)

// reLiquidTitle matches the title a tab's tag gives it: title="Billing".
var reLiquidTitle = regexp.MustCompile(`\btitle[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)')`)

// liquidLines returns text with its Liquid tag lines blanked (a copy when there is one;
// src is never written), and the tabs they open and close, outermost only.
func liquidLines(text []byte) ([]byte, []mdxTab) {
	if !bytes.Contains(text, []byte("{%")) {
		return text, nil
	}
	out := append([]byte(nil), text...)
	var tabs []mdxTab
	depth := 0
	for start := 0; start < len(out); {
		end := bytes.IndexByte(out[start:], '\n')
		if end < 0 {
			end = len(out)
		} else {
			end += start
		}
		line := out[start:end]
		if liquidLine(line) {
			if m := reLiquidLine.FindSubmatch(line); m != nil {
				switch strings.ToLower(string(m[1])) {
				case "tab":
					if depth == 0 {
						label := ""
						if tm := reLiquidTitle.FindSubmatch(m[2]); tm != nil {
							label = strings.TrimSpace(string(tm[1]) + string(tm[2]))
						}
						tabs = append(tabs, mdxTab{name: "tab", label: label, open: start, close: len(out)})
					}
					depth++
				case "endtab":
					if depth > 0 {
						if depth--; depth == 0 {
							tabs[len(tabs)-1].close = start
						}
					}
				}
				for i := range line {
					if line[i] != '\r' {
						line[i] = ' '
					}
				}
			}
		}
		start = end + 1
	}
	return out, tabs
}

// liquidLine reports whether line is one Liquid tag, which liquidLines blanked.
func liquidLine(line []byte) bool {
	t := bytes.TrimSpace(line)
	return bytes.HasPrefix(t, []byte("{%")) && bytes.HasSuffix(t, []byte("%}")) && reLiquidLine.Match(line)
}
