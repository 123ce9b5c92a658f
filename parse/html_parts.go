package parse

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"docgen/parse/doc"
)

// A large page is parsed in parts, so that its tree is never whole in memory: the tree
// x/net/html builds holds about ten bytes for every byte of a page (a node, its attributes
// and a copy of its text per element), and a page of 50 MB of tables needed half a
// gigabyte for a catalog a tenth of that. The HTML5 parser has no streaming mode, so
// htmlParts finds the places where a page may be cut: between two elements directly in
// <body>, at a point where everything opened since <body> has been closed by its own end
// tag in order. At such a point the parser holds nothing but html and body open, no
// formatting element to reopen and no table or template mode, which is the state
// it starts a body in: each part, behind the page's doctype (for the same quirks mode)
// and its html and body tags, gives the same tree below body as the whole page did.
// Anything this cannot follow (an end tag left out, a misnested one, svg or math,
// template, a second body) ends the cutting: the rest of the page is one part. A page
// with no cut is parsed whole, as before.

// htmlPartSize is how many bytes of a page a part holds at least (the last one may hold
// less): a part's tree then stays near ten times this.
var htmlPartSize = 1 << 20

// htmlSegment says that the bytes of an annotator's text from offset at on come from the
// source's offset from.
type htmlSegment struct{ at, from int }

// htmlPage is what htmlParts found: the spans of the doctype, html and body tags (end 0
// when absent), where the page may be cut, and, when the cutting stopped before the
// page's end (or never started), where and why.
type htmlPage struct {
	doctype, htmlTag, bodyTag [2]int
	cuts                      []int
	stop                      int
	why                       string
}

// voidTags are the elements the parser never leaves open in a body.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true, atom.Image: true,
	atom.Basefont: true, atom.Bgsound: true, atom.Frame: true,
	// Not menuitem: x/net/html opens it as any element, which its end tag closes.
}

// headTags are the elements htmlParts lets stand before <body>: anything else there makes
// the parser open the body itself, in a state it does not follow.
var headTags = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Style: true,
	atom.Script: true, atom.Base: true, atom.Noscript: true,
}

// tagName is an element's name: its atom, or for a name without one, the name.
type tagName struct {
	a atom.Atom
	s string
}

func (n tagName) String() string {
	if n.a != 0 {
		return n.a.String()
	}
	return n.s
}

// htmlParts finds where text may be cut (see above), at least size bytes apart.
func htmlParts(text []byte, size int) htmlPage {
	var p htmlPage
	z := html.NewTokenizer(bytes.NewReader(text))
	off, last := 0, 0
	inBody := false
	var head, open []tagName // the elements open before <body>, and since it
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !inBody {
				return htmlPage{why: "the page has no <body> tag"}
			}
			return p
		}
		start := off
		off += len(z.Raw())
		var name tagName
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
			n, _ := z.TagName()
			if name.a = atom.Lookup(n); name.a == 0 {
				name.s = string(n) // a name HTML does not know: rare
			}
		}
		a := name.a
		// none is the page that cannot be cut at all, and why.
		none := func(why string, args ...any) htmlPage {
			return htmlPage{stop: start, why: fmt.Sprintf(why, args...)}
		}
		if !inBody {
			switch tt {
			case html.CommentToken:
			case html.DoctypeToken:
				if p.doctype[1] != 0 || p.htmlTag[1] != 0 || len(head) > 0 {
					return none("a doctype after the page's start")
				}
				p.doctype = [2]int{start, off}
			case html.TextToken:
				if len(head) == 0 && len(bytes.TrimLeft(z.Raw(), " \t\n\f\r")) > 0 {
					return none("text before <body>") // it opens the body where it stands
				}
			case html.StartTagToken, html.SelfClosingTagToken:
				switch {
				case a == atom.Html && p.htmlTag[1] == 0 && len(head) == 0:
					p.htmlTag = [2]int{start, off}
				case a == atom.Body && len(head) == 0:
					p.bodyTag = [2]int{start, off}
					inBody, last = true, off
				case headTags[a] && !voidTags[a]:
					head = append(head, name)
				case headTags[a]:
				default:
					return none("<%s> before <body>", name)
				}
			case html.EndTagToken:
				if len(head) == 0 || head[len(head)-1] != name {
					return none("</%s> before <body>", name)
				}
				head = head[:len(head)-1]
			}
			continue
		}
		// stop ends the cutting here.
		stop := func(why string, args ...any) htmlPage {
			p.stop, p.why = start, fmt.Sprintf(why, args...)
			return p
		}
		switch tt {
		case html.TextToken, html.CommentToken:
		case html.StartTagToken, html.SelfClosingTagToken:
			if len(open) == 0 && start-last >= size {
				p.cuts = append(p.cuts, start)
				last = start
			}
			switch {
			case a == atom.Svg || a == atom.Math || a == atom.Template || a == atom.Frameset ||
				a == atom.Plaintext || a == atom.Body || a == atom.Html || a == atom.Head:
				return stop("<%s>, which the cutting does not follow", name)
			case voidTags[a]:
			default:
				open = append(open, name) // <div/> opens a div: HTML ignores the slash
			}
		case html.EndTagToken:
			switch {
			case len(open) == 0 && (a == atom.Body || a == atom.Html):
				return p // the page's end
			case len(open) == 0:
				return stop("</%s> with no <%s> open", name, name)
			case open[len(open)-1] != name:
				return stop("</%s> while <%s> is open: an end tag left out or out of order", name, open[len(open)-1])
			}
			open = open[:len(open)-1]
		default:
			return stop("a doctype in the body")
		}
	}
}

// htmlTreeParts is htmlTree for a page that htmlParts cuts: the tree of each part is
// read into blocks and let go before the next is parsed. It returns nil when the page
// is too small to cut, has no cut, or a part cannot be parsed (htmlTree then reads the
// page whole), and what htmlParts found.
func htmlTreeParts(src *Source, size int) (*doc.Document, htmlPage) {
	if len(src.Text) < 2*size {
		return nil, htmlPage{}
	}
	p := htmlParts(src.Text, size)
	if len(p.cuts) == 0 {
		if p.why == "" {
			p.why = "no element directly in <body> starts a part: one element (a table, a list) holds most of the page"
		}
		return nil, p
	}
	w := &htmlWalker{src: src, ix: newPosIndex(src)}
	var meta map[string]string
	bounds := append(append([]int{0}, p.cuts...), len(src.Text))
	for k := 0; k+1 < len(bounds); k++ {
		var text []byte
		var segs []htmlSegment
		if k > 0 {
			// The page's doctype, html and body tags, then the part.
			for _, span := range [][2]int{p.doctype, p.htmlTag, p.bodyTag} {
				if span[1] > 0 {
					segs = append(segs, htmlSegment{at: len(text), from: span[0]})
					text = append(text, src.Text[span[0]:span[1]]...)
				}
			}
			segs = append(segs, htmlSegment{at: len(text), from: bounds[k]})
			text = append(text, src.Text[bounds[k]:bounds[k+1]]...)
		} else {
			text = src.Text[:bounds[1]]
		}
		an := newAnnotator(text, false)
		an.segs = segs
		gq, err := goquery.NewDocumentFromReader(an)
		if err != nil {
			return nil, htmlPage{}
		}
		if src.cancelled() {
			return &doc.Document{}, p // stopped: the caller reports it
		}
		body := gq.Find("body")
		if body.Length() != 1 {
			return nil, htmlPage{}
		}
		if k == 0 {
			if t := strings.TrimSpace(gq.Find("head > title").First().Text()); t != "" {
				meta = map[string]string{"pagetitle": collapseSpace(t)}
			}
		}
		for _, n := range body.Nodes {
			w.collect(n)
		}
		w.blocky = nil // its keys are this part's nodes: the next part asks of none of them
		// Inline content at the end of a part waits in w.inline for the next part's, and
		// keeps its tree alive that long (a page of nothing but inline content keeps every
		// part's: read right, only not in less memory).
	}
	w.flush()
	return &doc.Document{Blocks: w.blocks, Meta: meta}, p
}
