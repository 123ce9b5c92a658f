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
// and a copy of its text per element; BenchmarkReadersMemory measured 10 to 13 bytes live
// per byte at the peak, for a catalog of 2 to 3 kept). The HTML5 parser has no streaming
// mode, so htmlParts finds the places where a page may be cut:
//
//   - between two elements directly in <body>, where everything opened since <body> has
//     been closed by its own end tag, in order. The parser then holds nothing but html
//     and body open, no formatting element to reopen and no table or template mode: the
//     state it starts a body in. A part parsed behind the page's doctype (for the same
//     quirks mode) and its html and body tags gives the tree below body the whole page
//     gave.
//   - between two rows of a table directly in body (one long table is the commonest
//     large page), behind the table's start tag and its tbody's too, when the table keeps
//     to the rules of tableScan. The rows of such a part are more rows of the table the
//     part before began (htmlTreeParts).
//
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
	cuts                      []htmlCut
	stop                      int
	why                       string
	// table is why the first table whose rows could not be cut was not, and where it
	// starts: said when nothing else was cut.
	table   string
	tableAt int
}

// htmlCut is a place where a page may be cut: between two elements directly in body, or
// between two rows of a table directly in body. For the latter, table and tbody are the
// spans of the table's start tag and of the explicit tbody the row is in (end 0 when the
// rows stand in the table itself): the part begins behind them, and its rows are more
// rows of the table the part before began.
type htmlCut struct {
	at           int
	table, tbody [2]int
}

// tableScan is what htmlParts follows of a table directly in body, to cut between its
// rows. A cut there must give the rows, header and grid the whole table gives: it comes
// after a row with a data cell (the header, which readHTMLTable finds in the first rows,
// is then before it), outside thead and tfoot, where no rowspan of a row above reaches
// (readHTMLTable spreads rowspans down the grid), and the table must hold nothing the
// parser would move out of it (foster parenting) nor a caption, thead or colgroup after
// its first cut. Whether it does is known at its end: until then its cuts are only
// candidates, dropped if it breaks a rule.
type tableScan struct {
	tag, tbody [2]int
	rows       int  // the rows begun in it
	cover      int  // the last row a rowspan of a row begun reaches
	dataRow    bool // a row with a <td> has been begun
	first      int  // the index in cuts of its first cut
	bad        bool
	why        string // what made it bad: the first thing
	// nested counts the tables open inside it: a tag in one of them is not its own. A
	// count, not a look down the stack at every tag, which a page of thousands of open
	// elements in a cell made quadratic.
	nested int
}

// tableModeTags are the elements whose content the parser reads in table mode: text or an
// element other than tableChild directly in them is moved before the table.
var tableModeTags = map[atom.Atom]bool{atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true}

var tableChild = map[atom.Atom]bool{
	atom.Caption: true, atom.Colgroup: true, atom.Col: true, atom.Thead: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Script: true, atom.Style: true,
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
	var tbl *tableScan       // the table directly in body that is open
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !inBody {
				return htmlPage{why: "the page has no <body> tag"}
			}
			if tbl != nil {
				p.cuts = p.cuts[:tbl.first] // a table the page does not end
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
			if tbl != nil { // the table's cuts were only candidates
				p.cuts = p.cuts[:tbl.first]
			}
			p.stop, p.why = start, fmt.Sprintf(why, args...)
			return p
		}
		if tbl != nil {
			last = tbl.scan(&p, z, tt, a, open, start, last, size)
		}
		switch tt {
		case html.TextToken, html.CommentToken:
		case html.StartTagToken, html.SelfClosingTagToken:
			if len(open) == 0 && start-last >= size {
				p.cuts = append(p.cuts, htmlCut{at: start})
				last = start
			}
			if len(open) == 0 && a == atom.Table {
				tbl = &tableScan{tag: [2]int{start, off}, cover: -1, first: len(p.cuts)}
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
			switch {
			case tbl != nil && len(open) == 0: // the table's end
				if tbl.bad {
					if p.table == "" {
						p.table, p.tableAt = tbl.why, tbl.tag[0]
					}
					p.cuts = p.cuts[:tbl.first]
					last = p.bodyTag[1]
					if n := len(p.cuts); n > 0 {
						last = p.cuts[n-1].at
					}
				}
				tbl = nil
			case tbl != nil && len(open) == 1 && a == atom.Tbody:
				tbl.tbody = [2]int{}
			}
		default:
			return stop("a doctype in the body")
		}
	}
}

// scan follows one token inside a table directly in body (open is the stack before the
// token; open[0] is the table), and adds a cut before a row where one may go. It returns
// where the last cut is.
func (t *tableScan) scan(p *htmlPage, z *html.Tokenizer, tt html.TokenType, a atom.Atom, open []tagName, start, last, size int) int {
	top := open[len(open)-1].a
	switch {
	case (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && a == atom.Table:
		defer func() { t.nested++ }() // the tags after it are the nested table's
	case tt == html.EndTagToken && a == atom.Table && top == atom.Table && t.nested > 0:
		t.nested--
	}
	switch tt {
	case html.TextToken:
		if tableModeTags[top] && len(bytes.Trim(z.Raw(), " \t\n\f\r")) > 0 {
			t.fail("text directly in it, which the parser moves before it")
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		if tableModeTags[top] && !tableChild[a] {
			t.fail("<%s> directly in it, which the parser moves before it", a)
		}
		if t.nested == 0 { // the tag is the table's own
			var placed bool
			switch a {
			case atom.Tr:
				placed = top == atom.Table || top == atom.Tbody || top == atom.Thead || top == atom.Tfoot
			case atom.Td, atom.Th:
				placed = top == atom.Tr
			case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
				placed = top == atom.Table
			case atom.Col:
				placed = top == atom.Table || top == atom.Colgroup
			default:
				placed = true
			}
			if !placed {
				t.fail("<%s> in <%s>, where the parser closes or opens elements of its own", a, top)
			}
		}
		cut := len(p.cuts) > t.first
		switch {
		case cut && (a == atom.Caption || a == atom.Thead || a == atom.Colgroup || a == atom.Col):
			t.fail("<%s> after its first rows: it would change its caption or header", a)
		case a == atom.Tbody && len(open) == 1:
			t.tbody = [2]int{start, start + len(z.Raw())}
		case a == atom.Tr && (len(open) == 1 || len(open) == 2 && (top == atom.Tbody || top == atom.Thead || top == atom.Tfoot)):
			if !t.bad && t.dataRow && t.cover < t.rows && (len(open) == 1 || top == atom.Tbody) && start-last >= size {
				c := htmlCut{at: start, table: t.tag}
				if len(open) == 2 {
					c.tbody = t.tbody
				}
				p.cuts = append(p.cuts, c)
				last = start
			}
			t.rows++
		case (a == atom.Td || a == atom.Th) && top == atom.Tr && len(open) <= 3:
			if a == atom.Td {
				t.dataRow = true
			}
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "rowspan" {
					t.cover = max(t.cover, t.rows-1+spanValue(string(v))-1)
					break // the parser keeps the first of an attribute written twice
				}
			}
		case (a == atom.Td || a == atom.Th) && top != atom.Tr && tableModeTags[top]:
			t.fail("a cell with no row, for which the parser makes one")
		}
	}
	return last
}

// fail marks the table as one not to cut, for the reason given (the first is kept).
func (t *tableScan) fail(why string, args ...any) {
	if !t.bad {
		t.bad, t.why = true, fmt.Sprintf(why, args...)
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
		switch {
		case p.why != "":
		case p.table != "":
			p.stop, p.why = p.tableAt, "the table here cannot be cut between its rows: "+p.table
		default:
			p.why = "no element directly in <body> starts a part: one element (a table, a list) holds most of the page"
		}
		return nil, p
	}
	w := &htmlWalker{src: src, ix: newPosIndex(src)}
	var meta map[string]string
	for k := 0; k <= len(p.cuts); k++ {
		from, to := 0, len(src.Text)
		var in htmlCut // the cut the part begins at
		if k > 0 {
			in = p.cuts[k-1]
			from = in.at
		}
		if k < len(p.cuts) {
			to = p.cuts[k].at
		}
		var text []byte
		var segs []htmlSegment
		if k > 0 {
			// The page's doctype, html and body tags (and the table's and tbody's, for a
			// part that begins between rows), then the part.
			for _, span := range [][2]int{p.doctype, p.htmlTag, p.bodyTag, in.table, in.tbody} {
				if span[1] > 0 {
					segs = append(segs, htmlSegment{at: len(text), from: span[0]})
					text = append(text, src.Text[span[0]:span[1]]...)
				}
			}
			segs = append(segs, htmlSegment{at: len(text), from: from})
			text = append(text, src.Text[from:to]...)
		} else {
			text = src.Text[:to]
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
		first := body.Nodes[0].FirstChild
		if in.table[1] > 0 {
			// More rows of the table the part before ended in: the body's first child.
			t, ok := w.lastTable()
			if first == nil || first.DataAtom != atom.Table || !ok {
				return nil, htmlPage{}
			}
			w.addRows(t, w.readHTMLTable(first, false))
			first = first.NextSibling
		}
		w.collectFrom(first)
		w.blocky = nil // its keys are this part's nodes: the next part asks of none of them
		// Inline content at the end of a part waits in w.inline for the next part's, and
		// keeps its tree alive that long (a page of nothing but inline content keeps every
		// part's: read right, only not in less memory).
	}
	w.flush()
	return &doc.Document{Blocks: w.blocks, Meta: meta}, p
}
