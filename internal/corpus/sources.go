package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Shape is one of the ways of writing an error list that docgen's readers understand. The
// source files of a synthetic corpus take the shapes in turn.
type Shape int

// The shapes, in the order source files take them.
const (
	// MarkdownHeadings is Docusaurus Markdown: front matter, a "## BadRequest" group
	// heading with a "status 400" paragraph, then a "### Code" heading per code with its
	// description and sometimes a "#### 해결 방법" / "#### Resolution" part.
	MarkdownHeadings Shape = iota
	// MarkdownTable is one GFM pipe table with Korean headers (오류 코드, 오류 메시지, 설명),
	// padded cells and 9-digit numeric codes whose first three digits are the status.
	MarkdownTable
	// MarkdownStatusTables is pipe tables under status headings written "400 Bad Request",
	// "CONFLICT (409)" or "FORBIDDEN(403)", with a resolution column, after a status
	// glossary table that is not an error list.
	MarkdownStatusTables
	// ScrapedTable is text copied from a web page: a response-format JSON example, a
	// "code | HTTP Status Code | Description |" table whose rows end in " |" (a description
	// sometimes broken across two lines), and in some files a JSON-RPC table.
	ScrapedTable
	// ScrapedCells is text copied from a web page whose tables put each cell on its own
	// line, under "NAME (NNN)" or "NAME(NNN)" headings, after a bulleted table of contents.
	ScrapedCells
	// ScrapedStatusTables is text copied from a web page: a status glossary, then tables
	// under "400 Bad Request" lines or under a name line and a "status 400" line, with a
	// resolution column.
	ScrapedStatusTables
	// HTMLTable is an HTML page with one <table> whose columns name their roles (a status
	// column in some files, a table per <h2> status heading in the others).
	HTMLTable
	// HTMLHeadings is an HTML page with an <h2> per status and an <h3> per code followed by
	// its description and sometimes a resolution part.
	HTMLHeadings
	// HTMLDefinitions is an HTML page with a <dl> of codes under each <h2> status heading.
	HTMLDefinitions
	numShapes
)

// shapeNames are the shapes' names, by Shape.
var shapeNames = [...]string{"markdown-headings", "markdown-table", "markdown-status-tables",
	"scraped-table", "scraped-cells", "scraped-status-tables", "html-table", "html-headings", "html-definitions"}

// String returns the shape's name, such as "markdown-table".
func (s Shape) String() string {
	if s < 0 || s >= numShapes {
		return "Shape(" + strconv.Itoa(int(s)) + ")"
	}
	return shapeNames[s]
}

// Shapes returns every shape in the order source files take them.
func Shapes() []Shape {
	s := make([]Shape, numShapes)
	for i := range s {
		s[i] = Shape(i)
	}
	return s
}

// ext is the file extension of the shape's sources.
func (s Shape) ext() string {
	switch {
	case s <= MarkdownStatusTables:
		return ".md"
	case s <= ScrapedStatusTables:
		return ".txt"
	default:
		return ".html"
	}
}

// SourceFile is one source file of a synthetic corpus: where it goes, how it is written and
// how many errors it documents. Its content depends only on these fields, so the same
// arguments to Plan always give the same bytes.
type SourceFile struct {
	Name   string // file name, unique in the corpus, e.g. "storage-0001.md"
	Index  int    // position in the corpus, from 0
	Shape  Shape
	Style  Style  // how its codes are written
	Lang   string // "ko" or "en": the language of its titles and descriptions
	Errors int    // rows it documents, each one entry (no code repeats within a file)
	// JSONRPC is how many of the Errors are JSON-RPC codes with no HTTP status.
	JSONRPC int
}

// Plan returns the files a corpus of errors errors in sources source files is made of,
// without their content: errors/sources each, the remainder spread over the first files.
// Shapes rotate with the file index; code styles and languages rotate more slowly, so that
// every shape meets every style and both languages.
func Plan(sources, errors int) ([]SourceFile, error) {
	if sources < 1 {
		return nil, fmt.Errorf("corpus: %d sources: need at least one", sources)
	}
	if errors < sources {
		return nil, fmt.Errorf("corpus: %d errors in %d sources: need at least one error per source", errors, sources)
	}
	width := max(4, len(strconv.Itoa(sources-1)))
	files := make([]SourceFile, sources)
	for i := range files {
		n := errors / sources
		if i < errors%sources {
			n++
		}
		shape := Shape(i % int(numShapes))
		round := i / int(numShapes)
		style := Style((round + int(shape)) % int(numStyles))
		if shape == MarkdownTable {
			style = Numeric // its status comes from the code prefix alone
		}
		lang := "ko"
		if (round+i)%3 == 2 {
			lang = "en"
		}
		rpc := 0
		if shape == ScrapedTable && round%2 == 0 && n >= 20 {
			rpc = n / 10
		}
		name := strings.ToLower(serviceNames[i%len(serviceNames)])
		files[i] = SourceFile{
			Name:    fmt.Sprintf("%s-%0*d%s", name, width, i, shape.ext()),
			Index:   i,
			Shape:   shape,
			Style:   style,
			Lang:    lang,
			Errors:  n,
			JSONRPC: rpc,
		}
	}
	return files, nil
}

// WriteSources writes a synthetic corpus of errors errors in sources files into dir (created
// if missing), in every shape docgen reads, and returns the files it wrote. The same
// arguments always write the same bytes. Files are written by as many goroutines as
// GOMAXPROCS; each file's content depends only on its own plan.
func WriteSources(dir string, sources, errors int) ([]SourceFile, error) {
	files, err := Plan(sources, errors)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var (
		wg    sync.WaitGroup
		next  = make(chan int)
		errMu sync.Mutex
		errs  []error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f := files[i]
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content(), 0o644); err != nil {
					errMu.Lock()
					errs = append(errs, err)
					errMu.Unlock()
				}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	return files, nil
}

// joinErrors is errors.Join, which WriteSources cannot call: its errors parameter shadows
// the package.
func joinErrors(errs []error) error { return errors.Join(errs...) }

// row is one error a source documents.
type row struct {
	code       string
	status     int // 0 for JSON-RPC codes
	message    string
	desc       string
	resolution string
	rpc        bool
}

// Content returns the file's bytes.
func (f SourceFile) Content() []byte {
	g := &gen{f: f, title: f.title(), rows: f.rows()}
	var b bytes.Buffer
	b.Grow(f.Errors * 200)
	g.b = &b
	switch f.Shape {
	case MarkdownHeadings:
		g.markdownHeadings()
	case MarkdownTable:
		g.markdownTable()
	case MarkdownStatusTables:
		g.markdownStatusTables()
	case ScrapedTable:
		g.scrapedTable()
	case ScrapedCells:
		g.scrapedCells()
	case ScrapedStatusTables:
		g.scrapedStatusTables()
	case HTMLTable:
		g.htmlTable()
	case HTMLHeadings:
		g.htmlHeadings()
	case HTMLDefinitions:
		g.htmlDefinitions()
	}
	return b.Bytes()
}

// title is the file's document title, in its language.
func (f SourceFile) title() string {
	name := serviceNames[f.Index%len(serviceNames)]
	if f.Lang == "en" {
		return fmt.Sprintf("%s API %d errors", name, f.Index)
	}
	return fmt.Sprintf("%s API %d 오류 코드", name, f.Index)
}

// summary is the sentence under the file's title, in its language.
func (f SourceFile) summary() string {
	name := serviceNames[f.Index%len(serviceNames)]
	if f.Lang == "en" {
		return fmt.Sprintf("The error codes the %s API returns, with what each one means.", name)
	}
	return fmt.Sprintf("%s API가 반환하는 오류 코드와 그 의미입니다.", name)
}

// rows makes the file's errors: unique codes in the file's style, weighted statuses, an
// English message, a description in the file's language and, for every fourth, a
// resolution; the JSON-RPC ones last. They depend only on the file's index and size.
func (f SourceFile) rows() []row {
	r := rand.New(rand.NewPCG(0x736f7572636573, uint64(f.Index)<<32|uint64(f.Errors)))
	rows := make([]row, 0, f.Errors)
	seen := make(map[string]bool, f.Errors)
	area := 100 + f.Index%800
	seq := map[int]int{}
	for j := 0; j < f.Errors-f.JSONRPC; j++ {
		st := int(pickStatus(r))
		var code string
		if f.Style == Numeric {
			seq[st]++
			code = fmt.Sprintf("%d%03d%03d", st, area+seq[st]/1000, seq[st]%1000)
		} else {
			code = wordCode(r, f.Style)
			for k := 2; seen[strings.ToLower(code)] || avoid[fold(code)]; k++ {
				code = fmt.Sprintf("%s%d", strings.TrimRight(code, "0123456789"), k)
			}
		}
		seen[strings.ToLower(code)] = true
		e := row{code: code, status: st, message: message(r), desc: f.description(r)}
		if j%4 == 1 {
			e.resolution = f.resolution(r)
		}
		rows = append(rows, e)
	}
	for j := range f.JSONRPC {
		rows = append(rows, row{code: fmt.Sprintf("-32%03d", j), rpc: true, message: message(r), desc: f.description(r)})
	}
	return rows
}

// avoid holds codes, folded, that a reader could take for something else: a status name
// ("NotFound"), or a column header (the English names of parse/columns.go: a code cell
// "ErrorType" on its own line in text copied from a web page starts a new table there and
// shifts every row after it). The generator numbers such a code instead ("ErrorType2").
var avoid = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range statuses {
		m[fold(http.StatusText(int(s.status)))] = true
	}
	for _, h := range strings.Fields(`code errorcode errcode errortype reason errorname errorkey
		status httpstatus httpstatuscode httpstatuscodes statuscode httpcode
		message errormessage msg title description meaning details detail cause
		resolution solution howtofix fix action remedy suggestedaction`) {
		m[h] = true
	}
	return m
}()

// fold folds a code as parse folds headers: lower case, letters and digits only.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// description makes an entry's description in the file's language: Korean sentences with
// particles (corpus.go's description) or English ones.
func (f SourceFile) description(r *rand.Rand) string {
	if f.Lang == "ko" {
		return description(r)
	}
	var sents []string
	for k := 1 + r.IntN(2); k > 0; k-- {
		a, b := enNouns[skewed(r, len(enNouns))], enNouns[skewed(r, len(enNouns))]
		switch r.IntN(5) {
		case 0:
			sents = append(sents, fmt.Sprintf("The %s of the %s is not valid.", a, b))
		case 1:
			sents = append(sents, fmt.Sprintf("The requested %s %s does not exist.", a, b))
		case 2:
			sents = append(sents, fmt.Sprintf("The %s has exceeded its %s limit.", a, b))
		case 3:
			sents = append(sents, fmt.Sprintf("The service could not %s the %s.", verbs[r.IntN(len(verbs))], b))
		default:
			sents = append(sents, fmt.Sprintf("Returned when the %s is %s.", a, adjectives[r.IntN(len(adjectives))]))
		}
	}
	return strings.Join(sents, " ")
}

// resolution makes an entry's resolution in the file's language.
func (f SourceFile) resolution(r *rand.Rand) string {
	if f.Lang == "ko" {
		return resolution(r)
	}
	return fmt.Sprintf("Check the %s and send the request again.", enNouns[skewed(r, len(enNouns))])
}

// enNouns are the code words that read as nouns in an English sentence.
var enNouns = func() []string {
	not := map[string]bool{"invalid": true, "not": true, "found": true, "denied": true, "expired": true,
		"exceeded": true, "already": true, "exists": true, "missing": true, "required": true,
		"unsupported": true, "unauthorized": true, "forbidden": true, "internal": true, "refresh": true}
	var ws []string
	for _, w := range codeWords {
		if !not[w] {
			ws = append(ws, w)
		}
	}
	return ws
}()

// gen writes one file.
type gen struct {
	f     SourceFile
	b     *bytes.Buffer
	title string
	rows  []row
}

// p writes formatted text to the file.
func (g *gen) p(format string, args ...any) { fmt.Fprintf(g.b, format, args...) }

// groups returns the HTTP rows grouped by status, statuses ascending, rows in file order;
// and the JSON-RPC rows.
func (g *gen) groups() (byStatus [][]row, rpc []row) {
	idx := map[int]int{}
	var sts []int
	for _, e := range g.rows {
		if e.rpc {
			rpc = append(rpc, e)
			continue
		}
		if _, ok := idx[e.status]; !ok {
			idx[e.status] = len(sts)
			sts = append(sts, e.status)
			byStatus = append(byStatus, nil)
		}
		byStatus[idx[e.status]] = append(byStatus[idx[e.status]], e)
	}
	slices.SortStableFunc(byStatus, func(a, b []row) int { return a[0].status - b[0].status })
	return byStatus, rpc
}

// statusHeading writes a status as a heading, in the spelling k picks: "400 Bad Request",
// "BAD_REQUEST (400)", "BAD_REQUEST(400)" or "Bad Request (400)".
func statusHeading(st, k int) string {
	t := http.StatusText(st)
	upper := strings.ToUpper(strings.ReplaceAll(t, " ", "_"))
	switch k % 4 {
	case 0:
		return fmt.Sprintf("%d %s", st, t)
	case 1:
		return fmt.Sprintf("%s (%d)", upper, st)
	case 2:
		return fmt.Sprintf("%s(%d)", upper, st)
	default:
		return fmt.Sprintf("%s (%d)", t, st)
	}
}

// statusCellText writes a status in a table cell: "400", "400 Bad Request" or
// "Bad Request (400)".
func statusCellText(st, k int) string {
	switch k % 3 {
	case 0:
		return strconv.Itoa(st)
	case 1:
		return fmt.Sprintf("%d %s", st, http.StatusText(st))
	default:
		return fmt.Sprintf("%s (%d)", http.StatusText(st), st)
	}
}

// pascalStatus is a status's reason phrase as one word: "BadRequest".
func pascalStatus(st int) string { return strings.ReplaceAll(http.StatusText(st), " ", "") }

// koStatus is a short Korean meaning of a status, for glossaries.
func koStatus(st int) string {
	switch {
	case st == 401:
		return "인증 필요"
	case st == 403:
		return "접근 권한 없음"
	case st == 404:
		return "리소스 없음"
	case st == 429:
		return "요청 한도 초과"
	case st >= 500:
		return "서버 오류"
	default:
		return "잘못된 요청"
	}
}

// en reports whether the file is written in English.
func (g *gen) en() bool { return g.f.Lang == "en" }

// pick returns a or b depending on the file's language.
func (g *gen) pick(en, ko string) string {
	if g.en() {
		return en
	}
	return ko
}

// --- Markdown ---

// markdownHeadings writes the MarkdownHeadings shape.
func (g *gen) markdownHeadings() {
	g.p("---\ntitle: %s\nsidebar_label: %s\n---\n\n%s\n\n", g.title, g.title, g.f.summary())
	groups, _ := g.groups()
	for gi, grp := range groups {
		st := grp[0].status
		g.p("## %s\n\n", pascalStatus(st))
		if gi%3 == 1 {
			g.p("status %d, %s\n\n", st, g.pick("returned when "+strings.ToLower(http.StatusText(st))+" applies.", koStatus(st)+"인 경우입니다."))
		} else {
			g.p("status %d\n\n", st)
		}
		for _, e := range grp {
			g.p("### %s\n\n%s\n\n", e.code, e.desc)
			if e.resolution != "" {
				g.p("#### %s\n\n%s\n\n", g.pick("Resolution", "해결 방법"), e.resolution)
			}
		}
	}
}

// markdownTable writes the MarkdownTable shape.
func (g *gen) markdownTable() {
	g.p("## Application Service > %s > %s\n\n", serviceNames[g.f.Index%len(serviceNames)], g.pick("API error codes", "API 오류 코드"))
	if g.en() {
		g.p("|Error code |Error message |Description |\n| --- | --- | --- |\n")
	} else {
		g.p("|오류 코드 |오류 메시지 |설명 |\n| --- | --- | --- |\n")
	}
	for _, e := range g.rows {
		g.p("|%-9s|%-48s|%-40s|\n", e.code, e.message, e.desc)
	}
}

// markdownStatusTables writes the MarkdownStatusTables shape.
func (g *gen) markdownStatusTables() {
	g.p("# %s\n\n%s\n\n", g.title, g.f.summary())
	groups, rpc := g.groups()
	g.p("## %s\n\n| Status | %s |\n|---|---|\n", g.pick("HTTP status codes", "HTTP 상태 코드"), g.pick("Meaning", "의미"))
	for _, grp := range groups {
		st := grp[0].status
		g.p("| %d | %s |\n", st, g.pick(http.StatusText(st), koStatus(st)))
	}
	g.p("\n")
	for gi, grp := range groups {
		g.p("## %s\n\n", statusHeading(grp[0].status, gi+g.f.Index))
		if g.en() {
			g.p("| Code | Message | Description | Resolution |\n|---|---|---|---|\n")
		} else {
			g.p("| 에러 코드 | 메시지 | 설명 | 해결 방법 |\n|---|---|---|---|\n")
		}
		for _, e := range grp {
			g.p("| %s | %s | %s | %s |\n", e.code, e.message, e.desc, e.resolution)
		}
		g.p("\n")
	}
	g.rpcMarkdown(rpc)
}

// rpcMarkdown writes a Markdown table of JSON-RPC codes, if there are any.
func (g *gen) rpcMarkdown(rpc []row) {
	if len(rpc) == 0 {
		return
	}
	g.p("## JSON-RPC errors\n\n| Code | Message | Description |\n|---|---|---|\n")
	for _, e := range rpc {
		g.p("| %s | %s | %s |\n", e.code, strings.ToLower(strings.TrimSuffix(e.message, ".")), e.desc)
	}
	g.p("\n")
}

// --- text copied from web pages ---

const responseExample = "{\n\"code\":\"${ERROR_CODE}\",\n\"message\":\"${ERROR_DESCRIPTION}\"\n}\n"

// scrapedTable writes the ScrapedTable shape.
func (g *gen) scrapedTable() {
	g.p("%s\n%s\n", g.title, g.f.summary())
	g.p("Error Response Format\n%s\n%s", g.pick("When a request fails, the body has this shape.", "오류가 발생한 경우 응답은 아래와 같은 형식으로 반환됩니다."), responseExample)
	g.p("Error Code Specification\ncode | HTTP Status Code | Description |\n---|---|---|\n")
	var rpc []row
	for j, e := range g.rows {
		if e.rpc {
			rpc = append(rpc, e)
			continue
		}
		desc := e.desc
		if j%9 == 4 {
			// A description broken where the page had inline code or a line break.
			if k := strings.Index(desc, " "); k > 0 {
				desc = desc[:k] + "\n" + desc[k+1:]
			}
		}
		g.p("%s | %s | %s |\n", e.code, statusCellText(e.status, j), desc)
	}
	if len(rpc) > 0 {
		g.p("JSON-RPC Error Code Specification\nCode | Message | Description |\n---|---|---|\n")
		for _, e := range rpc {
			g.p("%s | %s | %s |\n", e.code, strings.ToLower(strings.TrimSuffix(e.message, ".")), e.desc)
		}
	}
}

// scrapedCells writes the ScrapedCells shape.
func (g *gen) scrapedCells() {
	g.p("%s\n", g.f.summary())
	g.p("%s\n{\n\"error\": {\n\"code\": 400,\n\"message\": \"Invalid string value.\"\n}\n}\n", g.pick("A JSON response looks like this:", "아래의 JSON 응답 샘플은 오류가 전달되는 방식을 보여줍니다."))
	groups, _ := g.groups()
	heads := make([]string, len(groups))
	for gi, grp := range groups {
		st := grp[0].status
		name := strings.ToUpper(strings.ReplaceAll(http.StatusText(st), " ", "_"))
		if (gi+g.f.Index)%2 == 0 {
			heads[gi] = fmt.Sprintf("%s (%d)", name, st)
		} else {
			heads[gi] = fmt.Sprintf("%s(%d)", name, st)
		}
	}
	g.p("%s\n", g.pick("Errors", "오류"))
	for _, h := range heads {
		g.p("- %s\n", h)
	}
	for gi, grp := range groups {
		g.p("%s\n%s |\n%s |\n", heads[gi], g.pick("Error code", "오류 코드"), g.pick("Description", "설명"))
		for _, e := range grp {
			g.p("%s |\n%s |\n", e.code, e.desc)
		}
	}
}

// scrapedStatusTables writes the ScrapedStatusTables shape.
func (g *gen) scrapedStatusTables() {
	g.p("%s\n%s\n", g.pick("Error codes", "에러 코드"), g.f.summary())
	groups, _ := g.groups()
	g.p("%s\n| %s | %s |\n|---|---|\n", g.pick("HTTP status codes", "HTTP 상태 코드"), g.pick("Status code", "상태 코드"), g.pick("Description", "설명"))
	for _, grp := range groups {
		st := grp[0].status
		g.p("| %d | %s |\n", st, g.pick(http.StatusText(st), koStatus(st)))
	}
	g.p("%s\n", g.pick("Error code list", "에러 코드 목록"))
	for gi, grp := range groups {
		st := grp[0].status
		if (gi+g.f.Index)%3 == 2 {
			// A name line and a "status NNN" line, as Docusaurus pages copy out.
			g.p("%s\nstatus %d, %s\n", pascalStatus(st), st, g.pick("returned when the request fails.", koStatus(st)+"인 경우입니다."))
		} else {
			g.p("%d %s\n", st, http.StatusText(st))
		}
		if g.en() {
			g.p("| Error code | Description | Resolution |\n|---|---|---|\n")
		} else {
			g.p("| 에러 코드 | 설명 | 해결 방법 |\n|---|---|---|\n")
		}
		for _, e := range grp {
			res := e.resolution
			if res == "" {
				res = g.pick("Contact support.", "고객 센터로 문의하세요.")
			}
			g.p("%s | %s | %s |\n", e.code, e.desc, res)
		}
	}
	g.p("%s\n", g.pick("Rate limit headers", "Rate Limit 관련 헤더"))
	g.p("| %s | %s |\n|---|---|\n", g.pick("Header", "헤더"), g.pick("Description", "설명"))
	g.p("X-RateLimit-Limit | %s |\nX-RateLimit-Remaining | %s |\n", g.pick("Requests per minute", "분당 최대 요청 수"), g.pick("Requests left", "남은 요청 수"))
}

// --- HTML ---

// htmlStart writes the start of an HTML page: head, a navigation list, the title and summary.
func (g *gen) htmlStart() {
	g.p("<!DOCTYPE html>\n<html lang=\"%s\">\n<head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n", g.f.Lang, html.EscapeString(g.title))
	g.p("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/docs/\">Docs</a></li></ul></nav>\n")
	g.p("<h1>%s</h1>\n<p>%s</p>\n", html.EscapeString(g.title), html.EscapeString(g.f.summary()))
}

// htmlEnd closes the HTML page.
func (g *gen) htmlEnd() { g.p("</body>\n</html>\n") }

// htmlTable writes the HTMLTable shape: one table with a status column in even rounds of
// shapes, a table under each status heading in odd ones.
func (g *gen) htmlTable() {
	g.htmlStart()
	head := func(withStatus bool) {
		g.p("<table>\n<thead><tr><th>%s</th>", g.pick("Error code", "오류 코드"))
		if withStatus {
			g.p("<th>%s</th>", g.pick("HTTP status", "HTTP 상태"))
		}
		g.p("<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", g.pick("Message", "메시지"), g.pick("Description", "설명"), g.pick("Resolution", "해결 방법"))
	}
	cells := func(e row) {
		g.p("<td>%s</td><td>%s</td><td>%s</td></tr>\n", html.EscapeString(e.message), html.EscapeString(e.desc), html.EscapeString(e.resolution))
	}
	if (g.f.Index/int(numShapes))%2 == 0 {
		head(true)
		for j, e := range g.rows {
			g.p("<tr><td><code>%s</code></td><td>%s</td>", e.code, statusCellText(e.status, j))
			cells(e)
		}
		g.p("</tbody>\n</table>\n")
	} else {
		groups, _ := g.groups()
		for gi, grp := range groups {
			g.p("<h2>%s</h2>\n", statusHeading(grp[0].status, gi))
			head(false)
			for _, e := range grp {
				g.p("<tr><td>%s</td>", e.code)
				cells(e)
			}
			g.p("</tbody>\n</table>\n")
		}
	}
	g.htmlEnd()
}

// htmlHeadings writes the HTMLHeadings shape.
func (g *gen) htmlHeadings() {
	g.htmlStart()
	groups, _ := g.groups()
	for gi, grp := range groups {
		g.p("<h2>%s</h2>\n", statusHeading(grp[0].status, gi+g.f.Index))
		for _, e := range grp {
			g.p("<h3>%s</h3>\n<p>%s</p>\n", e.code, html.EscapeString(e.desc))
			if e.resolution != "" {
				g.p("<h4>%s</h4>\n<p>%s</p>\n", g.pick("Resolution", "해결 방법"), html.EscapeString(e.resolution))
			}
		}
	}
	g.htmlEnd()
}

// htmlDefinitions writes the HTMLDefinitions shape.
func (g *gen) htmlDefinitions() {
	g.htmlStart()
	groups, _ := g.groups()
	for gi, grp := range groups {
		g.p("<h2>%s</h2>\n<dl>\n", statusHeading(grp[0].status, gi+g.f.Index))
		for _, e := range grp {
			g.p("<dt>%s</dt><dd>%s</dd>\n", e.code, html.EscapeString(e.desc))
		}
		g.p("</dl>\n")
	}
	g.htmlEnd()
}

// ParseSize reads a corpus size: "1k", "10k", "100k", "1M" or a plain number of errors.
func ParseSize(s string) (int, error) {
	t := strings.TrimSpace(s)
	mult := 1
	switch {
	case strings.HasSuffix(t, "k") || strings.HasSuffix(t, "K"):
		mult, t = 1000, t[:len(t)-1]
	case strings.HasSuffix(t, "m") || strings.HasSuffix(t, "M"):
		mult, t = 1000000, t[:len(t)-1]
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number such as 1000, 10k or 1M", s)
	}
	return n * mult, nil
}

// FormatSize writes a number of errors as ParseSize reads it: 1000 as "1k", 1000000 as "1M".
func FormatSize(n int) string {
	switch {
	case n >= 1000000 && n%1000000 == 0:
		return strconv.Itoa(n/1000000) + "M"
	case n >= 1000 && n%1000 == 0:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

// DefaultSources is the number of source files a corpus of n errors has unless told
// otherwise: one per 100 errors (100,000 errors in 1,000 sources), at least one.
func DefaultSources(n int) int { return max(1, n/100) }
