package parse

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
	"docgen/parse/doc"
)

// scrapedReader reads text copied out of HTML pages: no Markdown markers, headings as bare
// lines ("Error Code Specification", "BAD_REQUEST (400)", "400 Bad Request"), tables whose
// cells end with " |" or are glued by tabs (scraped_table.go), code samples whose first
// or last brace may be glued to the text beside them ("}에러 응답 예시"), and sentences
// broken wherever the page had inline code ("… code" / "와 message" / "는 …").
//
// Reading goes in three steps over a scanner's blocks: find the tables, code blocks,
// status headings and list items line by line; join the remaining lines into paragraphs
// and tell headings from prose; then walk the blocks as the Markdown reader walks its
// headings, turning error tables into entries (with addTable), other tables into sections,
// and the code samples that document the error body into the response format.
type scrapedReader struct{}

func init() { Register(scrapedReader{}) }

func (scrapedReader) Name() string { return "scraped" }

// Detect claims text with tables that have a code column and were copied out of HTML:
// rows that do not begin with "|", headers written one cell per line, or cells glued by
// tabs. Markdown pipe tables, whose rows begin with "|", are the Markdown reader's; HTML is
// the HTML reader's.
func (scrapedReader) Detect(src *Source) Detection {
	d := detectScraped(src)
	if d.Score == 0 {
		// The scan is kept for a Read that will most likely not come (another reader, or
		// none: the notes of "no reader recognised" take src.scraped, which stays), and
		// it is several times the source. An override naming this reader scans again.
		src.scan = nil
	}
	return d
}

// detectScraped is the scraped reader's Detect; it keeps its scan of the whole source, or
// its reading of it, on src for Read.
func detectScraped(src *Source) Detection {
	if looksLikeHTML(src) {
		return Detection{Score: 0, Why: "the source is HTML"}
	}
	if ext := formatExt(src.Path); ext != "" {
		// Text copied from a page is saved as .txt or .md; a file named as data, code or
		// another markup is that format's reader's, and scanning it line by line for
		// tables (a large JSON catalog, say) would cost more than reading it.
		return Detection{Score: 0, Why: fmt.Sprintf("a %s file is not text copied from a web page", ext)}
	}
	sc := scanUpTo(src, detectRows)
	if !sc.partial && !sc.light {
		src.scan = sc // Read takes it: the scan covered the whole source
	}
	var errTables, bare, piped, cellTables, tabTables, rows int
	for _, b := range sc.blocks {
		if b.kind != sbTable || !isErrorTable(b.tbl.table) {
			continue
		}
		errTables++
		bare += b.tbl.bareRows
		piped += b.tbl.pipeRows
		rows += len(b.tbl.Rows)
		switch b.tbl.shape {
		case shapeCells, shapeGlued, shapeSpaces, shapeLines:
			cellTables++
		case shapeTabs:
			tabTables++
		}
	}
	if errTables == 0 {
		// No error table: codes may still stand as headings with text under them, or
		// statuses as headings with their meaning.
		if hasMarkdownHeadings(sc) {
			return Detection{Score: 0, Why: "no table with a code column in text copied from HTML, and Markdown headings are the markdown reader's"}
		}
		doc := (scrapedReader{}).Read(src)
		src.scraped = doc // Read takes it: reading the source again would cost as much
		if len(doc.Entries) > 0 {
			return Detection{Score: 30, Why: fmt.Sprintf("text copied from HTML: %d codes or statuses as headings with text under them, no error table", len(doc.Entries))}
		}
		return Detection{Score: 0, Why: "no table with a code column and no code heading with text under it, in text copied from HTML"}
	}
	var why []string
	if cellTables > 0 {
		why = append(why, fmt.Sprintf("%d tables written one cell per line, glued or separated by spaces", cellTables))
	}
	if tabTables > 0 {
		why = append(why, fmt.Sprintf("%d tables with cells glued by tabs", tabTables))
	}
	if bare > 0 {
		why = append(why, fmt.Sprintf("%d of %d rows do not begin with \"|\"", bare, bare+piped))
	}
	if cellTables == 0 && tabTables == 0 && bare <= piped {
		// Rows that begin with "|" are Markdown's when goldmark sees a table there; when it
		// does not (no separator, or one with fewer cells than the header), this reader
		// still reads them, below any reader that recognised the source.
		return Detection{Score: 20, Why: fmt.Sprintf("%d of %d table rows begin with \"|\": a Markdown pipe table, left to the markdown reader if it reads one", piped, bare+piped)}
	}
	score := 70
	if hasMarkdownHeadings(sc) {
		score = 40 // Markdown with a copied table: the Markdown reader knows its headings
		why = append(why, "but the source has Markdown headings")
	}
	what := fmt.Sprintf("%d error tables with %d rows", errTables, rows)
	if rows >= detectRows {
		what = fmt.Sprintf("the first %d error tables, with %d rows", errTables, rows)
	}
	return Detection{Score: score, Why: fmt.Sprintf("text copied from HTML: %s; %s", what, strings.Join(why, ", "))}
}

// formatExt returns the ending of a file named as data, code or a markup other than
// Markdown (".json", ".h.in", ".rst"), or "".
func formatExt(p string) string {
	name := strings.ToLower(p)
	if strings.HasSuffix(name, ".h.in") {
		return ".h.in"
	}
	switch ext := path.Ext(name); ext {
	case ".json", ".yaml", ".yml", ".toml", ".csv", ".proto", ".py", ".h", ".hpp", ".rst", ".adoc", ".asciidoc", ".mdx",
		".java", ".kt", ".kts", ".ts", ".mts", ".cts", ".go":
		return ext
	}
	return ""
}

// hasMarkdownHeadings reports whether a scanned source has ATX headings ("## Errors"),
// which scan makes sbHeading blocks (paragraphs makes the others later).
func hasMarkdownHeadings(sc *scanner) bool {
	for _, b := range sc.blocks {
		if b.kind == sbHeading {
			return true
		}
	}
	return false
}

// Read reads the source's blocks into a Doc.
func (scrapedReader) Read(src *Source) *Doc {
	if doc := src.scraped; doc != nil {
		src.scraped = nil
		return doc
	}
	sc := src.scan
	src.scan = nil
	if sc == nil {
		sc = scan(src)
	}
	out := interpret(src, scrapedTree(paragraphs(sc.blocks)))
	for _, w := range sc.warnings {
		out.Diags.Add(w.Pos, catalog.Warning, RuleLineLeftOut, "%s", w.Msg)
	}
	return out
}

// scrapedTree is the scraped-text front-end's last step: its blocks as a document tree.
// Headings have no level: a line of copied text says nothing of it.
func scrapedTree(blocks []sblock) *doc.Document {
	d := &doc.Document{Blocks: make([]doc.Block, 0, len(blocks))}
	for i, b := range blocks {
		switch b.kind {
		case sbStatus:
			_, _, lined := statusLine(b.text)
			_, name, bare := statusHeading(b.text) // "HTTP 401", "401": a status and no name
			if (lined || bare && name == "") && len(d.Blocks) > 0 {
				if h, ok := d.Blocks[len(d.Blocks)-1].(*doc.Heading); ok && codeHeading(h.Text) {
					// "Status: 423" or "HTTP 423" under a line written like a code is
					// the code's status line, as under a Markdown heading, not a status
					// of its own.
					d.Blocks = append(d.Blocks, &doc.Para{Pos: b.pos, Text: b.text})
					continue
				}
			}
			d.Blocks = append(d.Blocks, &doc.Heading{Pos: b.pos, Text: b.text})
		case sbHeading:
			d.Blocks = append(d.Blocks, &doc.Heading{Pos: b.pos, Text: b.text})
		case sbCaption:
			// A caption names the code sample below it; it is kept with the sample.
		case sbCode:
			c := &doc.Code{Pos: b.pos, Text: b.text}
			if i > 0 && blocks[i-1].kind == sbCaption {
				c.Caption = blocks[i-1].text
			}
			d.Blocks = append(d.Blocks, c)
		case sbTable:
			t := &doc.Table{Pos: b.pos, Header: b.tbl.Header, Judged: b.tbl.memo, Copied: true}
			t.Rows = b.tbl.Rows
			d.Blocks = append(d.Blocks, t)
		case sbList:
			l := &doc.List{Pos: b.pos}
			for k, it := range b.items {
				l.Items = append(l.Items, doc.Item{Pos: b.itemPos[k], Text: it})
			}
			d.Blocks = append(d.Blocks, l)
		case sbPara, sbText:
			d.Blocks = append(d.Blocks, &doc.Para{Pos: b.pos, Text: b.text})
		case sbEnum:
			e := &doc.Enum{Pos: b.pos, Run: true}
			for k, t := range b.items {
				m := reAssignment.FindStringSubmatch(t)
				e.Members = append(e.Members, doc.Member{Pos: b.itemPos[k], Name: m[1], Value: m[2], Comment: strings.TrimSpace(m[3])})
			}
			d.Blocks = append(d.Blocks, e)
		}
	}
	return d
}

// sblockKind is what a block of scraped text is.
type sblockKind int

const (
	sbBlank   sblockKind = iota // a blank line: ends a paragraph
	sbText                      // a line of text (joined into sbPara by paragraphs)
	sbPara                      // a paragraph of prose
	sbHeading                   // a line that reads as a heading
	sbCaption                   // a heading-like line just above a code block ("ErrorResponse")
	sbStatus                    // a status heading ("BAD_REQUEST (400)", "400 Bad Request")
	sbList                      // list items
	sbTable                     // a table
	sbCode                      // a code sample
	sbEnum                      // lines of constants ("ERR_BUSY = 202  # the device is busy"), in items
)

// sblock is one block of a scraped source.
type sblock struct {
	kind sblockKind
	line int         // first line, from 1
	pos  catalog.Pos // where its text starts
	text string      // text, heading or status heading as written; a code sample verbatim
	// sblockList holds a list's items (nil for other kinds): a source of a million lines
	// has a million blocks, which then cost what every block needs only.
	*sblockList
	status catalog.Status
	tbl    *scrapedTable
	// mark is the kind of mark a list item begins with (listItem); indent is how far a
	// line of text, a status or a list item is indented, in columns.
	mark   string
	indent int
}

// sblockList is what only a list block has: its items.
type sblockList struct {
	items []string // list items, without their bullets
	// itemPos[k] is where items[k] starts.
	itemPos []catalog.Pos
}

// scanner splits a scraped source into blocks, line by line.
type scanner struct {
	src *Source
	ix  *posIndex
	n   int // lines
	// Line carryLine starts at byte offset carryOff instead of its beginning: the rest of
	// a line after a code block that ended on it ("}에러 응답 예시").
	carryLine, carryOff int
	// rowLimit, when not 0, is how many rows of a pipe table are read: detection needs no
	// more, and reading a large table whole only to count it costs its memory.
	rowLimit int
	// partial is set when the scan stopped before the end of the source (rowLimit, or a
	// cancelled read): its blocks are not the whole source's.
	partial bool
	// light is set when a detection scan (rowLimit not 0) has met a Markdown heading:
	// from there it keeps only the tables and that heading, which is all detection asks
	// of the blocks, and the scan is not kept for Read (see Detect).
	light  bool
	blocks []sblock
	class  []byte // lineClass's answers, by line
	// classFW is lineClass's answers for tables of full-width pipes, made when one is met.
	classFW []byte
	hdr     []byte          // headerLineClass's answers, by line
	roles   map[string]role // headerRole of the texts findLinesTable has seen
	// warnings are the lines a table was read without (a page's footer between its
	// rows), or that ended a table with rows of it below them (scraped_fixed.go).
	warnings []doc.Warning
}

// maxCodeLines is how many lines a code sample may span. A longer run without its closing
// brace is not a code sample, and the lines it covered start none (see scan), which keeps
// scanning linear.
const maxCodeLines = 2000

// detectRows is how many rows of error tables detection reads before it decides: enough
// to tell text copied from HTML from Markdown, and it keeps detecting a large source cheap.
const detectRows = 1000

// scan splits src into blocks.
func scan(src *Source) *scanner { return scanUpTo(src, 0) }

// scanUpTo splits src into blocks, stopping after the table that brings the rows of
// error tables to limit (0 for no limit); a pipe table is read up to limit rows.
func scanUpTo(src *Source, limit int) *scanner {
	sc := &scanner{src: src, ix: newPosIndex(src), n: src.LineCount(), rowLimit: limit}
	noCode := 0 // lines up to this one start no code sample: a failed search covered them
	rows := 0
	for i := 1; i <= sc.n; i++ {
		if i%1024 == 0 && src.cancelled() {
			sc.partial = true
			break // the read is abandoned: what follows is not used
		}
		t, raw, off := sc.line(i)
		if t == "" || t == "|" {
			// A lone "|" outside a table is what is left of an empty cell or an opening
			// pipe: nothing to read.
			sc.add(sblock{kind: sbBlank, line: i})
			continue
		}
		pos := sc.ix.pos(off + leadingSpace(raw))
		if n := sc.assignments(i); n > 0 {
			b := sblock{kind: sbEnum, line: i, pos: pos, sblockList: &sblockList{}}
			for k := i; k < i+n; k++ {
				t, raw, off := sc.line(k)
				b.items = append(b.items, t)
				b.itemPos = append(b.itemPos, sc.ix.pos(off+leadingSpace(raw)))
			}
			sc.add(b)
			i += n - 1
			continue
		}
		if st, ok := sc.findTable(i); ok {
			st.table.src, st.table.memo = src, &tableMemo{}
			sc.add(sblock{kind: sbTable, line: i, pos: pos, tbl: st})
			i = st.end
			if isErrorTable(st.table) {
				if rows += len(st.Rows); limit > 0 && rows >= limit {
					sc.partial = sc.partial || len(bytes.TrimSpace(src.Text[src.lineEnd(i):])) > 0
					break
				}
			}
			continue
		}
		if isRule(t) {
			// A rule of dashes or equals signs ("----------", "=====  =====") outside a
			// table parts what is around it, as a blank line does: it is no heading.
			sc.add(sblock{kind: sbBlank, line: i})
			continue
		}
		if i > noCode && codeOpens(t) {
			start := off + leadingSpace(raw)
			end, last, ok := sc.codeEnd(i, start)
			if ok {
				sc.add(sblock{kind: sbCode, line: i, pos: pos, text: src.str(start, end)})
				if rest := strings.TrimSpace(string(src.Text[end:src.lineEnd(last)])); rest != "" {
					sc.carryLine, sc.carryOff = last, end
					if sc.class != nil {
						sc.class[last] = classUnknown // the line now starts after the code
					}
					if sc.classFW != nil {
						sc.classFW[last] = classUnknown
					}
					i = last - 1
				} else {
					i = last
				}
				continue
			}
			noCode = last
		}
		if sts, _, ok := statusesHeading(stripHashes(t)); ok {
			sc.add(sblock{kind: sbStatus, line: i, pos: pos, text: stripHashes(t), status: sts[0], indent: indentOf(raw)})
			continue
		}
		if item, mark, ok := listItem(t); ok {
			sc.add(sblock{kind: sbList, line: i, pos: pos, text: t, sblockList: &sblockList{items: []string{item}, itemPos: []catalog.Pos{pos}}, mark: mark, indent: indentOf(raw)})
			continue
		}
		if h := stripHashes(t); h != t && h != "" {
			// A Markdown heading ("## Errors") is a heading whatever its words.
			sc.add(sblock{kind: sbHeading, line: i, pos: pos, text: h})
			if limit > 0 && !sc.light {
				sc.light = true
				var keep []sblock
				for _, b := range sc.blocks {
					if b.kind == sbTable || b.kind == sbHeading {
						keep = append(keep, b)
					}
				}
				sc.blocks = keep
			}
			continue
		}
		sc.add(sblock{kind: sbText, line: i, pos: pos, text: t, indent: indentOf(raw)})
	}
	return sc
}

// reAssignment matches a line that gives a constant its number and says what it is in a
// comment, as a header file or a language's constants do ("ERR_BUSY = 202  # the device
// is busy", "E_GONE := 410 // gone"): its name, its value and the comment's text.
var reAssignment = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*(-?(?:0[xX][0-9A-Fa-f]+|\d+))\s*[,;]?\s*(?:(?:#|//|--|;)\s*(.*))?$`)

// assignments returns how many lines from line i are such lines of constants, one after
// another, when they are two or more; else 0. Read as a table of fixed-width columns they
// would lose a row to each name longer than the first, and the "=" would be the message.
func (sc *scanner) assignments(i int) int {
	n := 0
	for k := i; k <= sc.n; k++ {
		t, _, _ := sc.line(k)
		if !strings.Contains(t, "=") || !reAssignment.MatchString(t) {
			break
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// add appends b to the scan's blocks; a light scan keeps tables only, and a run of blank
// lines is one block (one for each cost 1 GB for 2 MB of blank lines).
func (sc *scanner) add(b sblock) {
	if b.kind == sbBlank && len(sc.blocks) > 0 && sc.blocks[len(sc.blocks)-1].kind == sbBlank {
		return // a blank line only parts what is around it: a run of them is one block
	}
	if !sc.light || b.kind == sbTable {
		sc.blocks = append(sc.blocks, b)
	}
}

// line returns line i trimmed, the line's bytes (from the carry offset on the carried
// line) and the byte offset at which those bytes start. Past the end it returns "".
func (sc *scanner) line(i int) (string, []byte, int) {
	if i < 1 || i > sc.n {
		return "", nil, len(sc.src.Text)
	}
	off := sc.src.LineStart(i)
	raw := sc.src.Line(i)
	if i == sc.carryLine && sc.carryOff > off {
		raw = raw[sc.carryOff-off:]
		off = sc.carryOff
	}
	return string(bytes.TrimSpace(raw)), raw, off
}

// row returns line i as line does, or, when fw is set, as a table of full-width pipes
// reads it: through pipeView, whose offsets are the line's.
func (sc *scanner) row(i int, fw bool) (string, []byte, int) {
	t, raw, off := sc.line(i)
	if !fw || !fullWidthRow(raw) {
		return t, raw, off
	}
	raw = pipeView(raw)
	return string(bytes.TrimSpace(raw)), raw, off
}

// indentOf returns how far a line is indented, in columns: a tab is four, an ideographic
// space two.
func indentOf(raw []byte) int {
	n := 0
	for _, r := range string(raw) {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 4
		case '\u3000':
			n += 2
		default:
			return n
		}
	}
	return n
}

// leadingSpace returns the number of bytes of space and tabs that raw starts with.
func leadingSpace(raw []byte) int {
	return len(raw) - len(bytes.TrimLeft(raw, " \t"))
}

// codeOpens reports whether a line may open a code sample: it begins with "{" (a JSON or
// typed body), is "[" or begins "[{" (a JSON array), or ends with "{" ("interface X {",
// "async function f() {").
func codeOpens(t string) bool {
	return strings.HasPrefix(t, "{") || t == "[" || strings.HasPrefix(t, "[{") || strings.HasSuffix(t, "{")
}

// codeEnd finds the end of the code sample that opens at byte start of line i: the
// offset just past the brace that closes it (with a "[]" or ";" glued after it), and the
// line it is on. Braces inside strings and // comments do not count. A sample closes on a
// later line, or on its own line when that line is a whole JSON or typed body. ok is false
// when no brace closes it within maxCodeLines, or a table row or separator comes first;
// last is then the line the search stopped at.
func (sc *scanner) codeEnd(i, start int) (end, last int, ok bool) {
	depth := 0
	var quote byte
	first, _, _ := sc.line(i)
	oneLineBody := strings.HasPrefix(first, `{"`) && len(first) > 20
	for k := i; k <= sc.n && k < i+maxCodeLines; k++ {
		t, raw, off := sc.line(k)
		if k > i && (isSeparator(t) || (trailingPipe(t) && strings.HasSuffix(t, " |"))) {
			return 0, k, false
		}
		if k > i && t == "" && oneLineBody {
			// A body written on one line whose end was cut off ({"error":{"name":"X",…):
			// it ends with its line, not at a brace further down.
			_, raw0, off0 := sc.line(i)
			return off0 + len(bytes.TrimRight(raw0, " \t")), i, true
		}
		p := 0
		if k == i {
			p = start - off
		}
		for ; p < len(raw); p++ {
			c := raw[p]
			if quote != 0 {
				switch c {
				case '\\':
					p++
				case quote:
					quote = 0
				}
				continue
			}
			switch c {
			case '"', '\'', '`':
				quote = c
			case '/':
				if p+1 < len(raw) && raw[p+1] == '/' {
					p = len(raw)
				}
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth < 0 {
					return 0, k, false
				}
				if depth > 0 {
					continue
				}
				if k == i {
					// Closed on its first line: a code sample only if the line is a whole
					// body; "{id} 경로 파라미터" is prose.
					if strings.TrimSpace(string(raw[p+1:])) == "" && looksLikeBody(t) {
						return off + p + 1, k, true
					}
					if strings.HasSuffix(t, "{") {
						continue // "function f(options = {}) {": the block opens later on
					}
					return 0, k, false
				}
				e := p + 1
				for {
					rest := bytes.TrimLeft(raw[e:], " \t")
					skip := len(raw[e:]) - len(rest)
					switch {
					case bytes.HasPrefix(rest, []byte("[]")):
						e += skip + 2
						continue
					case bytes.HasPrefix(rest, []byte(";")):
						e += skip + 1
						continue
					}
					break
				}
				return off + e, k, true
			}
		}
		if quote == '"' || quote == '\'' {
			quote = 0 // such strings end with their line
		}
		if k == i && depth <= 0 {
			return 0, k, false
		}
	}
	return 0, min(sc.n, i+maxCodeLines-1), false
}

// stripHashes removes the #s of a Markdown ATX heading ("## 400 Bad Request").
func stripHashes(t string) string {
	s := strings.TrimLeft(t, "#")
	if len(t)-len(s) > 6 || len(s) == len(t) || (s != "" && s[0] != ' ' && s[0] != '\t') {
		return t
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "#"))
}

// paragraphs joins the text lines of blocks into paragraphs and list items into lists,
// and tells headings and captions from prose. A line goes on with the one above it when
// the one above does not end a sentence and either is prose itself or the line begins
// with a particle or punctuation: that is a sentence the page broke at inline code.
//
// The blocks it makes are written over those it has read (there are as many or fewer: a
// million lines of a source are a million blocks, and a second slice of them as much
// memory again); blocks is not to be read after.
func paragraphs(blocks []sblock) []sblock {
	out := blocks[:0]
	inPlace := true
	levels := map[string]int{} // the list marks, in the order the document first uses them
	codeScan := 0              // blocks before this one start no list of codes (codeLines)
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		switch b.kind {
		case sbText:
			if n := recordLines(blocks[i:]); n >= 2 {
				// "에러 코드: E1001", "HTTP 상태: 400", "설명: …": the labelled lines of one
				// error are one paragraph, not headings.
				texts := make([]string, n)
				for k := range texts {
					texts[k] = blocks[i+k].text
				}
				b.kind, b.text = sbPara, strings.Join(texts, "\n")
				i += n - 1
				break
			}
			if i >= codeScan {
				n, list := codeLines(blocks[i:])
				if n >= 2 {
					// "E1001 - 잘못된 요청입니다." line after line, with what is said of
					// each code under it ("  Fix: …", "▶ 조치 : …"): a list of codes.
					b = list
					i += n - 1
					break
				}
				// The lines after this one up to where the search stopped are no such
				// list either: a run of codes is looked at once.
				codeScan = i - n
			}
			var text strings.Builder
			text.WriteString(b.text)
			prev, lines := b.text, 1
			for i+1 < len(blocks) && blocks[i+1].kind == sbText && continues(prev, blocks[i+1].text) {
				i++
				next := blocks[i].text
				if !gluesOn(next) {
					text.WriteString("\n")
				}
				text.WriteString(next)
				prev = next
				lines++
			}
			b.kind, b.text = sbPara, text.String()
			if lines == 1 && headingLike(b.text) && !strings.Contains(b.text, "\t") { // cells glued by tabs are a row, not a heading
				b.kind = sbHeading
				if i+1 < len(blocks) && blocks[i+1].kind == sbCode {
					b.kind = sbCaption
				}
			}
		case sbList:
			// A list, with the lines under its items; a bulleted title is a heading.
			made, next := readList(blocks, i, levels)
			if inPlace && len(out)+len(made) > next {
				// More blocks than it read (a bulleted title and its list, from two
				// lines): they would overwrite blocks not read yet.
				out, inPlace = append(make([]sblock, 0, len(out)+len(made)+len(blocks)-next), out...), false
			}
			out = append(out, made...)
			i = next - 1
			continue
		case sbBlank:
			continue
		}
		out = append(out, b)
	}
	return out
}

// recordLines returns how many text blocks from the first are the labelled lines of one
// error: a code after its label, then labelled lines up to the next code's (see
// paraRecord), a status line among them ("Status: 400", which scan made a status
// heading); 0 when the first is no code after its label.
func recordLines(blocks []sblock) int {
	if _, ok := recordCode(blocks[0].text); !ok {
		return 0
	}
	n := 1
	for n < len(blocks) && n < maxRecordLines && (blocks[n].kind == sbText || blocks[n].kind == sbStatus) {
		if _, ok := recordCode(blocks[n].text); ok {
			break
		}
		if _, ok := readLabel(blocks[n].text); !ok {
			break
		}
		n++
	}
	return n
}

// codeLines returns how many blocks from the first are lines of text that list codes one
// per line, "E1001 - 잘못된 요청입니다." (see paraCodeLines), with what is said of each
// code under its line, and the list they make: an item per code, its line first, then the
// lines under it, which are indented deeper, bulleted ("▶ 조치 : …", written as an item
// of a Markdown list nested in the code's) or labelled ("Fix: …"). A blank line between
// them does not end them. A code's line that reads as a heading ("E1001 - Invalid token
// (401)") is one, a code and its title, when a paragraph follows it or when no code of
// the run has lines under it or is written as a sentence: it stands as it did. When there
// is no such list at the first block, it returns minus the number of blocks it looked at.
func codeLines(blocks []sblock) (int, sblock) {
	b0 := blocks[0]
	first, ok := codeLineText(b0.text)
	if !ok || codeHeadingLine(blocks, 0) {
		return -1, sblock{}
	}
	list := sblock{kind: sbList, line: b0.line, pos: b0.pos, sblockList: &sblockList{items: []string{first}, itemPos: []catalog.Pos{b0.pos}}}
	var text strings.Builder // the last code's item
	text.WriteString(first)
	n, details, sentences := 1, false, !headingLike(b0.text)
	for ; n < len(blocks); n++ {
		b := blocks[n]
		if b.kind == sbBlank && n+1 < len(blocks) && blocks[n+1].kind == sbText {
			// A blank line between codes, or between a code and the lines under it
			// indented deeper, does not end the list; one before anything else does.
			if _, code := codeLineText(blocks[n+1].text); code || blocks[n+1].indent > b0.indent {
				continue
			}
		}
		line := ""
		switch b.kind {
		case sbText, sbStatus:
			if l, code := codeLineText(b.text); code && b.indent <= b0.indent && b.kind == sbText {
				if codeHeadingLine(blocks, n) {
					break
				}
				list.items[len(list.items)-1] = text.String()
				list.items = append(list.items, l)
				list.itemPos = append(list.itemPos, b.pos)
				text.Reset()
				text.WriteString(l)
				sentences = sentences || !headingLike(b.text)
				continue
			}
			if b.indent > b0.indent || detailLabel(b.text) {
				line = b.text
			}
		case sbList:
			if _, code := codeLineText(b.items[0]); b.indent > b0.indent || !code || detailLabel(b.items[0]) {
				line = "- " + b.items[0]
			}
		}
		if line == "" {
			break
		}
		details = true
		text.WriteString("\n")
		text.WriteString(line)
	}
	if !details && (!sentences || len(list.items) < 2) {
		return -n, sblock{}
	}
	list.items[len(list.items)-1] = text.String()
	return n, list
}

// codeHeadingLine reports whether the code's line blocks[i] reads as a heading over a
// paragraph of its own: the line right under it is text that is neither a code's line nor
// one that says more of it (see codeLines).
func codeHeadingLine(blocks []sblock, i int) bool {
	if !headingLike(blocks[i].text) || i+1 >= len(blocks) {
		return false
	}
	n := blocks[i+1]
	if n.kind != sbText || n.indent > blocks[i].indent || detailLabel(n.text) {
		return false
	}
	_, code := codeLineText(n.text)
	return !code
}

// continues reports whether line next goes on with the sentence of line prev.
func continues(prev, next string) bool {
	if endsSentence(prev) {
		return false
	}
	return startsWithParticle(next) || isProse(prev) || endsMidSentence(prev)
}

// endsSentence reports whether a line ends with the punctuation that ends a sentence or
// introduces what follows.
func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".。!?！？:：;", r)
}

// isProse reports whether a line is a sentence rather than a title: it is long, or has
// punctuation between its words.
func isProse(t string) bool {
	if runeLen(t) > 60 {
		return true
	}
	for _, p := range []string{". ", ", ", "? ", "! ", "。", "、", "; "} {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// particles are the Korean particles and endings a sentence goes on with after inline
// code ("code" / "와 message" / "는 …"), and English words that do not begin a title. "이"
// is left out: it is also the word "this" that begins many sentences.
var particles = map[string]bool{
	"와": true, "과": true, "는": true, "은": true, "가": true, "을": true, "를": true,
	"의": true, "에": true, "에서": true, "에게": true, "로": true, "으로": true, "도": true, "만": true,
	"나": true, "이나": true, "라는": true, "이라는": true, "란": true, "이란": true, "및": true,
	"등": true, "등의": true, "처럼": true, "보다": true, "까지": true, "부터": true, "로는": true,
	"으로는": true, "에는": true, "와의": true, "과의": true, "이며": true, "이고": true, "이다": true,
	"입니다": true,
	"and": true, "or": true, "is": true, "are": true, "of": true, "to": true, "with": true,
}

// startsWithParticle reports whether a line begins with a particle or with punctuation
// that cannot begin a sentence: it goes on with the sentence above (see gluesOn for how
// it is joined to it).
func startsWithParticle(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune(",.):;!?%", r) {
		return true
	}
	if reHangulEnum.MatchString(t) {
		return false // "가. 공통 오류": the first of a section's letters, not the particle 가
	}
	return particles[firstWord(t)]
}

// reHangulEnum matches a line that begins with a Hangul letter that numbers sections or
// items, as Korean documents count: "가.", "나)", "다 ." (가 나 다 라 마 바 사 아 자 차 카 타
// 파 하).
var reHangulEnum = regexp.MustCompile(`^[가나다라마바사아자차카타파하]\s*[.)]\s`)

// endsMidSentence reports whether a line stops where no sentence or title stops: after a
// word that needs what follows (English "and", "of", "the"; Korean
// "및", a particle such as "와" or "를" written on its word). A line wrapped by a PDF
// viewer stops so; the next line goes on with it.
func endsMidSentence(t string) bool {
	t = strings.TrimRight(t, " \t")
	last := t
	if i := strings.LastIndexAny(t, " \t"); i >= 0 {
		last = t[i+1:]
	}
	if midWords[strings.ToLower(last)] {
		return true
	}
	for _, p := range midEndings {
		if strings.HasSuffix(last, p) && utf8.RuneCountInString(last) > utf8.RuneCountInString(p) {
			return true
		}
	}
	// A particle on a word of Latin letters ("resultCode로", "API와") is always one: no
	// Korean noun ends a Latin word.
	if m := reLatinParticle.FindStringSubmatch(last); m != nil && particles[m[1]] && m[1] != "이다" {
		return true
	}
	return false
}

// reLatinParticle matches a word of Latin letters or digits with Hangul written on its end.
var reLatinParticle = regexp.MustCompile(`[A-Za-z0-9][)\]]?([가-힣]{1,2})$`)

// midWords are the words a sentence does not end with; midEndings the Korean particles
// and endings that join a word to what follows.
var (
	midWords = map[string]bool{
		// Not "on", "by", "to": a footer's "Last updated on" lost its date.
		"and": true, "or": true, "the": true, "a": true, "an": true, "of": true, "with": true,
		"that": true, "which": true, "its": true, "their": true,
		"및": true, "또는": true, "그리고": true,
	}
	midEndings = []string{"와", "과", "를", "을", "의", "에서", "으로", "하고", "하며", "하여", "되어"}
)

// gluesOn reports whether a line that goes on with the one above is written right after
// it, with no break between them: it begins with punctuation that closes what comes
// before, or with a Korean particle, which is part of the word before it whatever its
// script ("code" / "와 message" is "code와 message"). An English word that goes on with a
// sentence ("with", "and"), or a Korean one written apart ("및"), is a word of its own.
func gluesOn(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune(",.):;!?%", r) {
		return true
	}
	return unicode.Is(unicode.Hangul, r) && startsWithParticle(t) && !spacedWords[firstWord(t)]
}

// spacedWords are the words of particles that Korean writes apart from the word before
// them ("code 및 message", "A, B 등").
var spacedWords = map[string]bool{"및": true, "등": true, "등의": true}

// firstWord returns t up to its first space or punctuation.
func firstWord(t string) string {
	end := strings.IndexFunc(t, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if end < 0 {
		return t
	}
	return t[:end]
}

// headingLike reports whether a one-line paragraph reads as a heading: short, not a
// sentence, and not the beginning of one.
func headingLike(t string) bool {
	if loc := reHangulEnum.FindStringIndex(t); loc != nil {
		t = t[loc[1]:] // "가. 공통 오류": the letter's full stop is no sentence's
	}
	return t != "" && runeLen(t) <= 60 && !isProse(t) && !endsSentence(t) && !startsWithParticle(t) && !endsMidSentence(t)
}

// codeHeading reports whether a heading line is an error code: one token written like a
// code ("INVALID_TOKEN", "TokenExpired", "E1001"), not a header word and not a version.
func codeHeading(t string) bool {
	c := cleanCode(t)
	if !isToken(c) || !codeLike(c) || reVersion.MatchString(c) || !isASCII(c) || sectionWord(c) {
		return false // a heading glued from words of two scripts is no code
	}
	if strings.ContainsAny(c, "_0123456789") {
		return true // NO_ITEMS is a code, though "items" is a header word
	}
	// "MessageTask" and "ErrorScope" are codes though their parts are header words;
	// "ErrorCode" or "Description" as a whole are labels.
	_, label := headerWordsByFold[foldHeader(c)]
	return !label
}

// reVersion matches a version number, which is written like a code but is none: "v1.0".
var reVersion = regexp.MustCompile(`^[vV]?\d+(?:\.\d+)+$`)

// isTOC reports whether list items are a table of contents: every item is a status
// heading that the document goes on to use.
func isTOC(items []string) bool {
	for _, it := range items {
		if _, _, ok := statusHeading(it); !ok {
			return false
		}
	}
	return len(items) > 0
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func restLines(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[i:]
	}
	return ""
}
