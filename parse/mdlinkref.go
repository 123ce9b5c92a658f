package parse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRefTransformer takes the link reference definitions ("[label]: destination
// "title"") off the start of a paragraph, as goldmark's LinkReferenceParagraphTransformer
// does, in time linear in the paragraph's lines.
//
// goldmark's transformer is quadratic in them: it reads every definition from one reader
// over all the paragraph's lines, whose Value scans back from the last line for each label
// and title, and it drops each definition's lines by copying the lines after it. A
// paragraph of 20,000 definition lines took 1 s, one of 80,000 took 10.5 s (and 80,000
// footnote-looking "[^n]: …" lines, which are link definitions to CommonMark, 5.8 s).
// goldmark has no option for it, so this replaces it (md, mdBody): a paragraph of up to
// linkRefWhole lines, which is every paragraph of a real document, is still given to
// goldmark's own transformer; a longer one is read here a definition at a time, each from
// a reader over a window of linkRefWindow lines from where the last one ended, and its
// definitions are dropped from it at once.
//
// A definition read from a window is the one the whole paragraph gives when the read
// stayed off the window's last line (it never looked past it) or the window reaches the
// paragraph's end; otherwise it is read again from a window twice as large. What
// readLinkRef does is goldmark's parseLinkReferenceDefinition (parser/link_ref.go,
// goldmark v1.8.7, MIT licence) step for step, with the reference added by the caller once
// the read is trusted; TestLinkRefTransformer compares the two on paragraphs of every
// shape of definition.
type linkRefTransformer struct{}

// linkRefWhole is the longest paragraph given to goldmark's transformer whole; a variable
// so that tests can send every paragraph through the windows.
var linkRefWhole = 256

// linkRefWindow is the lines a definition is first read from.
const linkRefWindow = 16

// linkRefRead is one definition read from a window of a paragraph's lines.
type linkRefRead struct {
	ok                        bool
	label, destination, title []byte
	first                     text.Segment // the first line's segment from the "["
	start, end                int          // its lines, relative to the window
}

// Transform implements parser.ParagraphTransformer.
func (linkRefTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	n := lines.Len()
	if n <= linkRefWhole {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
		return
	}
	src := reader.Source()
	window := text.NewSegments()
	block := text.NewBlockReader(src, nil)
	var removes [][2]int // the lines each definition takes, in order
	// Each definition is read from where the read of the one before stopped, as goldmark
	// reads them: from the start of the next line, or after the spaces that began it, or
	// inside the last one's line, when a title on it was followed by more text.
	at, resume := 0, text.Segment{}
	for first := true; at < n; first = false {
		var r linkRefRead
		var line int
		var pos text.Segment
		for w := linkRefWindow; ; w *= 2 {
			hi := min(n, at+w)
			window.SetSliced(0, 0)
			window.AppendAll(lines.Sliced(at, hi))
			block.Reset(window)
			if !first {
				block.SetPosition(0, resume)
			}
			r = readLinkRef(block)
			line, pos = block.Position()
			if hi == n || line < hi-at-1 {
				break
			}
		}
		if !r.ok {
			break
		}
		ref := ast.NewLinkReferenceDefinition(r.label, r.destination, r.title)
		ref.Lines().Append(r.first)
		if at+r.start == 0 {
			ref.SetBlankPreviousLines(node.HasBlankPreviousLines())
		}
		pc.AddReference(parser.NewReference(r.label, r.destination, r.title))
		node.Parent().InsertBefore(node.Parent(), node, ref)
		for i := r.start + 1; i < r.end; i++ {
			ref.Lines().Append(lines.At(at + i))
		}
		last := ref.Lines().Len() - 1
		seg := ref.Lines().At(last)
		ref.Lines().Set(last, seg.TrimRightSpace(src))
		removes = append(removes, [2]int{at + r.start, at + max(r.end, r.start+1)})
		at, resume = at+line, pos
	}
	if len(removes) == 0 {
		return
	}
	// The lines no definition took stay the paragraph's. They are the lines after the
	// last definition but where a title that never closed ran past the lines its
	// definition took: goldmark's own transformer then drops wrong lines.
	rest := text.NewSegments()
	next := 0
	for _, rm := range removes {
		if rm[0] > next {
			if linkRefGapHook != nil {
				linkRefGapHook()
			}
			rest.AppendAll(lines.Sliced(next, min(rm[0], n)))
		}
		next = max(next, rm[1])
	}
	if next < n {
		rest.AppendAll(lines.Sliced(next, n))
	}
	if rest.Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	node.SetLines(rest)
}

// linkRefGapHook, when set (by tests), is called when a paragraph keeps lines between two
// definitions, where linkRefTransformer and goldmark's transformer differ.
var linkRefGapHook func()

// readLinkRef reads a link reference definition at block's position: goldmark's
// parseLinkReferenceDefinition without its side effect (the reference it adds to the
// context), which Transform adds once the read is trusted.
func readLinkRef(block text.Reader) linkRefRead {
	fail := linkRefRead{}
	block.SkipSpaces()
	line, _ := block.PeekLine()
	if line == nil {
		return fail
	}
	startLine, _ := block.Position()
	width, pos := util.IndentWidth(line, 0)
	if width > 3 {
		return fail
	}
	if width != 0 {
		pos++
	}
	if line[pos] != '[' {
		return fail
	}
	_, startPos := block.Position()
	block.Advance(pos + 1)
	segments, found := block.FindClosure('[', ']', linkFindClosure)
	if !found {
		return fail
	}
	label := closureText(block, segments)
	if util.IsBlank(label) {
		return fail
	}
	if block.Peek() != ':' {
		return fail
	}
	block.Advance(1)
	block.SkipSpaces()
	destination, ok := linkDestination(block)
	if !ok {
		return fail
	}
	line, _ = block.PeekLine()
	isNewLine := line == nil || util.IsBlank(line)

	endLine, _ := block.Position()
	_, spaces, _ := block.SkipSpaces()
	opener := block.Peek()
	if opener != '"' && opener != '\'' && opener != '(' {
		if !isNewLine {
			return fail
		}
		return linkRefRead{ok: true, label: label, destination: destination, first: startPos, start: startLine, end: endLine + 1}
	}
	if spaces == 0 {
		return fail
	}
	block.Advance(1)
	closer := opener
	if opener == '(' {
		closer = ')'
	}
	segments, found = block.FindClosure(opener, closer, linkFindClosure)
	if !found {
		if !isNewLine {
			return fail
		}
		block.AdvanceLine()
		return linkRefRead{ok: true, label: label, destination: destination, first: startPos, start: startLine, end: endLine + 1}
	}
	title := closureText(block, segments)
	line, _ = block.PeekLine()
	if line != nil && !util.IsBlank(line) {
		if !isNewLine {
			return fail
		}
		return linkRefRead{ok: true, label: label, destination: destination, title: title, first: startPos, start: startLine, end: endLine}
	}
	endLine, _ = block.Position()
	return linkRefRead{ok: true, label: label, destination: destination, title: title, first: startPos, start: startLine, end: endLine + 1}
}

// closureText is the text of what FindClosure found (a label or a title), its lines
// joined as goldmark joins them.
func closureText(block text.Reader, segments *text.Segments) []byte {
	if segments.Len() == 1 {
		return block.Value(segments.At(0))
	}
	var b []byte
	for i := range segments.Len() {
		b = append(b, block.Value(segments.At(i))...)
	}
	return b
}

// linkFindClosure are goldmark's options for finding a link's label and title.
var linkFindClosure = text.FindClosureOptions{Nesting: false, Newline: true, Advance: true}

// linkDestination is goldmark's parseLinkDestination (parser/link.go).
func linkDestination(block text.Reader) ([]byte, bool) {
	block.SkipSpaces()
	line, _ := block.PeekLine()
	if block.Peek() == '<' {
		i := 1
		for i < len(line) {
			c := line[i]
			if c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]) {
				i += 2
				continue
			} else if c == '>' {
				block.Advance(i + 1)
				return line[1:i], true
			}
			i++
		}
		return nil, false
	}
	opened := 0
	i := 0
	for i < len(line) {
		c := line[i]
		if c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]) {
			i += 2
			continue
		} else if c == '(' {
			opened++
		} else if c == ')' {
			opened--
			if opened < 0 {
				break
			}
		} else if util.IsSpace(c) {
			break
		}
		i++
	}
	block.Advance(i)
	return line[:i], len(line[:i]) != 0
}
