package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// Status headings come in many spellings: "400 Bad Request", "429 Too Many Requests",
// "400 - INVALID_ARGUMENT", "BAD_REQUEST (400)", "FORBIDDEN(403)", "Conflict (409)", "400". The name part must be
// words, so that "404 errors in detail" is not read as a status heading.
var (
	reStatusFirst = regexp.MustCompile(`^(?:HTTP\s+)?([1-5]\d\d)(?:\s*[-:–—·•|]?\s*([A-Za-z][A-Za-z_' -]*))?$`)
	reStatusLast  = regexp.MustCompile(`^(\pL[\pL_' -]*?)\s*[(（]\s*([1-5]\d\d)\s*[)）]$`)
	// "200 (OK)", "404 (NOT FOUND)": the reason in parentheses after the status.
	reStatusParen = regexp.MustCompile(`^([1-5]\d\d)\s*\(\s*([A-Za-z][A-Za-z' _-]*?)\s*\)$`)
	// "HTTP Status Code 400", "Status 404": a status heading that names itself.
	reStatusNamed = regexp.MustCompile(`^(?i:http\s+)?(?i:status)(?i:\s+code)?\s*[:：]?\s*([1-5]\d\d)$`)
	// A "status NNN" line under a heading, with an optional remark after it:
	// "status 400", "status 500, 서버에러로 …", "HTTP status: 404", "상태 코드: 409".
	reStatusLine = regexp.MustCompile(`^(?i:(?:http\s+)?status(?:\s+code)?|상태\s*코드)\s*[:=]?\s*([1-5]\d\d)\b`)
	// A status inside a table cell: the first three-digit number standing alone.
	reStatusInCell = regexp.MustCompile(`(?:^|[^0-9-])(\d{3})(?:$|[^0-9])`)
)

// Full-width digits ("４０１": Japanese and Chinese input methods type numbers so, beside
// a full-width colon, "HTTPステータス：４０１") are digits to every reader of a status: each
// reads its text with them written as ASCII digits (halfWidthDigits), rune for rune, and
// what it leaves after the status is taken from the text as written (writtenOffset), so
// that a message keeps its own digits ("１円以上"). A code stays as written: it is the
// document's name for the error, kept exactly (catalog.Entry.Code), and only the status a
// numeric code starts with is read from its digits' values (statusFromCode).

// halfWidthDigits returns s with each full-width digit (U+FF10-FF19) written as its ASCII
// digit; s itself when it has none.
func halfWidthDigits(s string) string {
	first := -1
	for i := 0; first < 0; {
		k := strings.Index(s[i:], wideFormLead)
		if k < 0 {
			return s
		}
		if wideDigitAt(s, i+k) {
			first = i + k
		}
		i += k + len(wideFormLead)
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:first]...)
	for i := first; i < len(s); i++ {
		if wideDigitAt(s, i) {
			b = append(b, '0'+s[i+2]-0x90)
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// wideFormLead is the first two bytes of a full-width digit in UTF-8 (and of the other
// full-width forms U+FF00-FF3F).
const wideFormLead = "\xEF\xBC"

// wideDigitAt reports whether a full-width digit begins at s[i].
func wideDigitAt(s string, i int) bool {
	return i+2 < len(s) && s[i] == 0xEF && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99
}

// writtenOffset returns the offset in s of what begins at offset k of halfWidthDigits(s):
// a full-width digit is three bytes in s and one after it.
func writtenOffset(s string, k int) int {
	i := 0
	for j := 0; j < k && i < len(s); j++ {
		if wideDigitAt(s, i) {
			i += 3
		} else {
			i++
		}
	}
	return i
}

// asWritten returns the end of s, as written, that rest stands for: rest is an end of
// folded, halfWidthDigits(s), less the white space after it.
func asWritten(s, folded, rest string) string {
	if len(folded) == len(s) {
		return rest // no full-width digit: folded is s
	}
	end := len(strings.TrimRightFunc(folded, unicode.IsSpace))
	return strings.TrimRightFunc(s[writtenOffset(s, end-len(rest)):], unicode.IsSpace)
}

// statusHeading reads a heading's text as a status heading. It returns the status and the
// name written beside it ("Bad Request", "BAD_REQUEST"; "" for a bare number).
func statusHeading(text string) (catalog.Status, string, bool) {
	text = strings.TrimSpace(text)
	if !hasStatusDigits(text) {
		return 0, "", false // every spelling holds three digits, 1-5 first: skip the expressions
	}
	text = halfWidthDigits(text)
	if len(text) == 3 {
		// Three digits, 1-5 first (hasStatusDigits): a status column's usual cell, which
		// reStatusFirst matches with no name.
		return catalog.Status(int(text[0]-'0')*100 + int(text[1]-'0')*10 + int(text[2]-'0')), "", true
	}
	if m := reStatusFirst.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return catalog.Status(n), strings.TrimSpace(m[2]), true
	}
	if m := reStatusLast.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[2])
		return catalog.Status(n), strings.TrimSpace(m[1]), true
	}
	if m := reStatusParen.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return catalog.Status(n), strings.TrimSpace(m[2]), true
	}
	if m := reStatusNamed.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return catalog.Status(n), "", true
	}
	return 0, "", false
}

// statusLine reads a "status NNN" line, returning the status and what follows it on the
// line, as written (afterStatus reads it).
func statusLine(text string) (catalog.Status, string, bool) {
	text = strings.TrimSpace(text)
	folded := halfWidthDigits(text)
	m := reStatusLine.FindStringSubmatchIndex(folded)
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(folded[m[2]:m[3]])
	return catalog.Status(n), asWritten(text, folded, strings.TrimSpace(folded[m[1]:])), true
}

// statusCell reads the status in a status column's cell: "400", "400 Bad Request",
// "Conflict (409)", "HTTP 404". ok is false for text that holds no three-digit number; an
// empty cell gives 0 and ok. A number outside 100-599 is returned as it is, for the caller
// to report.
func statusCell(text string) (catalog.Status, bool) {
	if emptyMeaning(text) {
		return 0, true
	}
	text = halfWidthDigits(strings.TrimSpace(text))
	m := reStatusInCell.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	return catalog.Status(n), true
}

// minPrefixDigits is the shortest numeric code whose first three digits are read as an
// HTTP status. Shorter numeric codes (WeChat's 40001, JSON-RPC's -32601) are their own
// numbering, not a status with a suffix.
const minPrefixDigits = 6

// statusFromCode returns the HTTP status a numeric code starts with ("400102001" gives
// 400), or 0 when the code is not such a number or its prefix is no registered status.
func statusFromCode(code string) catalog.Status {
	code = halfWidthDigits(code) // "４００１０２００１" is 400102001 to a reader of its status
	if len(code) < minPrefixDigits {
		return 0
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0
		}
	}
	n, _ := strconv.Atoi(code[:3])
	if s := catalog.Status(n); s.IsValid() && s.Known() {
		return s
	}
	return 0
}

// resolveStatus applies the precedence of a status column over a heading over a code
// prefix, sets e.Status and e.From, and reports disagreements. column and heading are 0
// when absent.
func resolveStatus(e *catalog.Entry, column, heading catalog.Status, diags *catalog.Diagnostics) {
	prefix := catalog.Status(0)
	if e.Protocol == catalog.HTTP {
		prefix = statusFromCode(e.Code)
	}
	switch {
	case column != 0:
		e.Status, e.From = column, catalog.FromColumn
		if heading != 0 && heading != column {
			diags.Add(e.Source, catalog.Warning, catalog.RuleStatusConflict,
				"status column says %d but the heading above says %d for %q; using the column", int(column), int(heading), e.Code)
		}
	case heading != 0:
		e.Status, e.From = heading, catalog.FromHeading
	case prefix != 0:
		e.Status, e.From = prefix, catalog.FromPrefix
	default:
		e.Status, e.From = 0, catalog.FromNone
	}
	if prefix != 0 && e.From != catalog.FromPrefix && prefix != e.Status {
		diags.Add(e.Source, catalog.Warning, catalog.RulePrefixMismatch,
			"code %q starts with %d but is documented under status %d (from the %s)", e.Code, int(prefix), int(e.Status), e.From)
	}
}

// reMultiStatus matches a heading that lists several statuses: "502, 503 Unavailable",
// "500/504 Server Errors".
var reMultiStatus = regexp.MustCompile(`^([1-5]\d\d(?:\s*[,/、]\s*[1-5]\d\d)+)\s*[-:–—·|]?\s*([A-Za-z][A-Za-z_' -]*)?$`)

// statusesHeading reads a heading that names one status or several. It returns them in
// the order written and the name beside them.
func statusesHeading(text string) ([]catalog.Status, string, bool) {
	if st, name, ok := statusHeading(text); ok {
		return []catalog.Status{st}, name, true
	}
	if !hasStatusDigits(text) {
		return nil, "", false
	}
	m := reMultiStatus.FindStringSubmatch(halfWidthDigits(strings.TrimSpace(text)))
	if m == nil {
		return nil, "", false
	}
	var out []catalog.Status
	for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == '/' || r == '、' || r == ' ' }) {
		n, _ := strconv.Atoi(f)
		out = append(out, catalog.Status(n))
	}
	return out, strings.TrimSpace(m[2]), true
}

// hasStatusDigits reports whether s holds three digits in a row, the first 1 to 5, ASCII
// or full-width: what every spelling of a status needs, tested before the regular
// expressions (which read s with its digits folded, halfWidthDigits).
func hasStatusDigits(s string) bool {
	run := 0
	var before [2]byte // the values of the two digits before this one
	for i := 0; i < len(s); i++ {
		var d byte
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			d = c - '0'
		case wideDigitAt(s, i):
			d = s[i+2] - 0x90
			i += 2
		default:
			run = 0
			continue
		}
		run++
		if run >= 3 && before[0] >= 1 && before[0] <= 5 {
			return true
		}
		before[0], before[1] = before[1], d
	}
	return false
}

// reTextStatus matches a status written in parentheses inside an entry's text: "(HTTP
// 401)", "(HTTP status 404 Not Found)", "(status: 429)", "（HTTP 401）", "(상태 403)".
var reTextStatus = regexp.MustCompile(`[(（]\s*(?i:http(?:\s*status)?(?:\s*code)?|status(?:\s*code)?|상태(?:\s*코드)?|ステータス(?:コード)?|状态码|状态|狀態碼)\s*[:：]?\s*([1-5]\d\d)\b[^()（）]{0,40}[)）]`)

// A status the text names as the entry's own, not in passing ("unlike HTTP 404", "retries
// HTTP 503 responses", "returns 200 even when"): after a label and a colon ("HTTP status:
// 401", or "Status: 401" where a line or sentence starts), after a verb that says the API
// answers with it ("Returned with **HTTP 402**", "responds with status code 429"), at the
// start of a line or sentence and not glued to a word ("HTTP 401. Log in again.", "The
// token was revoked. HTTP 401.", "… is full. HTTP status 409.", "Status 409 is
// returned."; not "HTTP 404가 아니라"), or said to be returned ("; HTTP status 409 is
// returned"), or with the particle or verb of Korean, Japanese and Chinese ("상태 코드
// 403으로", "상태 코드 401을 반환", "상태 코드는 404입니다", "… 상태 코드 404." at a
// sentence's end, "ステータスコード 403 を返", "返回 403"), also after "HTTP" ("HTTP 402로
// 반환됩니다", "HTTP 429 で返されます", "HTTPレスポンスは 507 Insufficient Storage です",
// "以 HTTP 429 响应"; not "HTTP 500 ではなく"). Except after a label, only 4xx and 5xx: a
// sentence that names 200 or 301 tells how something else behaves. After "HTTP" in those
// languages, an object particle counts only with a verb of answering after it ("HTTP
// 402를 반환", "HTTP 403 を返す"; not "HTTP 404를 참고하세요"), and a status compared or
// set apart ("HTTP 404 と 410 の違い", "与 HTTP 404 错误不同") is none; a sentence that
// denies the verb gives none either (deniedAround).
var reInlineStatuses = []*regexp.Regexp{
	regexp.MustCompile(`(?i:\bhttp(?:\s+status)?(?:\s+code)?|\bstatus(?:\s+code)?)\s+(?:\*\*|__|` + "`" + `)?([45]\d\d)\b(?:\*\*|__|` + "`" + `)?\s+(?i:is|will\s+be|gets|comes)\s+(?i:returned|sent|back)`),
	regexp.MustCompile(`(?i:\bhttp\s+status(?:\s+code)?|\bhttp\s+code|\bstatus\s+code|상태\s*코드|ステータス\s*コード|状态码|狀態碼)\s*[:：]\s*(?:\*\*|__|` + "`" + `)?\s*([1-5]\d\d)\b`),
	regexp.MustCompile(`(?i:\b(?:returns?|returned|responds?|responded|fails?|failed|answers?|answered|rejected|comes\s+back))\s+(?:with\s+)?(?:an?\s+|the\s+)?(?:\*\*|__|` + "`" + `)?(?i:http(?:\s+status)?(?:\s+code)?|status(?:\s+code)?)\s*(?:\*\*|__|` + "`" + `)?\s*([45]\d\d)\b`),
	regexp.MustCompile(`(?m)(?:^|[.!?。]\s+)(?:\*\*|__)?(?:HTTP(?:\s+(?i:status)(?:\s+(?i:code))?)?|Status(?:\s+code)?)\s+([45]\d\d)(?:$|[^\pL\pN])`),
	regexp.MustCompile(`(?m)(?:^|[.!?。]\s*)(?:\*\*|__)?(?i:status|상태|ステータス|状态|狀態)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__|` + "`" + `)?\s*([1-5]\d\d)\b`),
	regexp.MustCompile(`(?i:\bhttp)(?:\s*(?i:status(?:\s+code)?)|\s*(?:상태|응답|ステータス|レスポンス|応答|状态码|狀態碼|状态|狀態)(?:\s*코드|\s*コード)?\s*(?:는|은|가|は|が|为|是|為)?)?\s*(?:\*\*|__|` + "`" + `)?([45]\d\d)(?:\*\*|__|` + "`" + `)?(?:\s+[A-Z][A-Za-z' -]*?)??\s*(?:으로|로|입니다|이며|이고|で[^はも]|です|响应|響應|返回|(?:을|를)\s*(?:반환|응답|돌려|보내|보냅|내려)|(?:を|が)\s*(?:返|送|応答|発生))`),
	regexp.MustCompile(`(?m)상태\s*코드(?:는|가)?\s*(?:\*\*|` + "`" + `)?\s*([45]\d\d)\s*(?:\*\*|` + "`" + `)?\s*(?:으로|로|을|를|입니다|이며|이고|[).,。]|$)|ステータス\s*コード\s*(?:\*\*|` + "`" + `)?\s*([45]\d\d)\s*(?:\*\*|` + "`" + `)?\s*(?:を返|が返)|(?:返回|状态码为|状态码是)\s*(?:HTTP\s*)?([45]\d\d)\b`),
}

// textStatuses gives an entry that has no status the one its message or description
// writes in parentheses ("認証に失敗しました。(HTTP 401)") or names in a sentence
// ("Returned with HTTP 402"), when that field names one status only. The text is kept
// as written, but for a status in parentheses at the end of the message ("Card number is
// invalid (HTTP 400)", "カード番号が正しくありません（400）"): the status is no words of
// the message the API returns, and leaves it.
func textStatuses(entries []*catalog.Entry) {
	for _, e := range entries {
		if e.Status != 0 || e.Protocol != catalog.HTTP {
			continue
		}
		for k, text := range []string{e.Message, e.Description} {
			if st, ok := oneTextStatus(text); ok {
				e.Status, e.From = st, catalog.FromHeading
				if k == 0 {
					if own, rest := trailingStatus(text); own == st && strings.TrimSpace(rest) != "" {
						e.Message = strings.TrimSpace(rest)
					}
				}
				break
			}
		}
	}
}

// oneTextStatus returns the status text writes in parentheses or names in a sentence,
// when it gives one, and only one.
func oneTextStatus(text string) (catalog.Status, bool) {
	if !hasStatusDigits(text) {
		return 0, false
	}
	text = halfWidthDigits(text)
	var found catalog.Status
	for k, re := range append([]*regexp.Regexp{reTextStatus}, reInlineStatuses...) {
		for _, loc := range re.FindAllStringSubmatchIndex(text, 4) {
			if k >= cjkInline && deniedAround(text, loc[0], loc[1]) {
				continue // "HTTP 402를 반환하지 않고", "不会返回 HTTP 404"
			}
			m := make([]string, len(loc)/2)
			for g := range m {
				if loc[2*g] >= 0 {
					m[g] = text[loc[2*g]:loc[2*g+1]]
				}
			}
			n, _ := strconv.Atoi(firstGroup(m))
			st := catalog.Status(n)
			if !st.IsValid() || (found != 0 && found != st) {
				return 0, false
			}
			found = st
		}
	}
	return found, found != 0
}

// cjkInline is the index, in oneTextStatus's list (reTextStatus, then reInlineStatuses),
// of the first expression that reads a status in a Korean, Japanese or Chinese sentence;
// those after it do too.
const cjkInline = 6

// deniedAround reports whether the sentence around a status read in Korean, Japanese or
// Chinese denies it: a negation attached to the verb, not any negation nearby. Korean and
// Japanese deny after the verb, in the clause the status stands in ("반환하지 않고",
// "HTTP 404가 아니라", "返しません", "返さない", "返されず"); Chinese denies before it, right
// before the verb or the status, with only an auxiliary or a preposition between ("不返回
// HTTP 404", "不会以 HTTP 429 响应", "并非", "没有返回"). A reason phrase after the status
// ("返回 HTTP 404 未找到", "HTTP 401 未授权") and a word before the verb ("令牌无效时返回",
// "参数非法返回") deny nothing.
func deniedAround(text string, from, to int) bool {
	after := text[to:]
	if i := strings.IndexAny(after, ".!?。！？,，、;；"); i >= 0 {
		after = after[:i]
	}
	after = firstRunes(after, 10)
	for _, neg := range []string{"않", "아니", "아닌"} {
		if strings.Contains(after, neg) {
			return true
		}
	}
	if ending := kanaEnding(after); ending != "" {
		for _, neg := range []string{"ない", "ません", "なく", "ず"} {
			if strings.Contains(ending, neg) {
				return true
			}
		}
	}
	before := strings.TrimRight(text[:from], " \t")
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeLastRuneInString(before)
		if size == 0 || !strings.ContainsRune(zhAuxiliaries, r) {
			break
		}
		before = strings.TrimRight(before[:len(before)-size], " \t")
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("不没沒未非勿别別", r)
}

// zhAuxiliaries are the Chinese auxiliaries and prepositions that may stand between a
// negation and the verb or status it denies: "不会以", "没有", "不能再", "从不用".
const zhAuxiliaries = "以会會能再将將可应應该該用有曾都也就"

// kanaEnding returns the run of hiragana that s starts with, after spaces: the ending of
// the Japanese verb a status expression stops inside ("を返" + "しません").
func kanaEnding(s string) string {
	s = strings.TrimLeft(s, " ")
	for i, r := range s {
		if !unicode.Is(unicode.Hiragana, r) {
			return s[:i]
		}
	}
	return s
}

// firstRunes returns the first n runes of s; lastRunes the last n.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

// firstGroup returns the first group of a match that matched text.
func firstGroup(m []string) string {
	for _, g := range m[1:] {
		if g != "" {
			return g
		}
	}
	return ""
}

// reItemStatus matches a status right after a list item's code: "(504): the endpoint
// …", "(HTTP 429) Too many …", "– 404 – not found".
var reItemStatus = regexp.MustCompile(`^[(（]\s*(?:HTTP\s*)?([1-5]\d\d)\s*[)）]\s*[-–—:：]?\s*`)

// listItemStatus takes the status written in parentheses at the start of a list item's
// text, after its code, and returns it with the rest; 0 and the text when there is none.
func listItemStatus(text string) (catalog.Status, string) {
	folded := halfWidthDigits(text)
	m := reItemStatus.FindStringSubmatch(folded)
	if m == nil {
		return 0, text
	}
	n, _ := strconv.Atoi(m[1])
	if st := catalog.Status(n); st.IsValid() {
		return st, asWritten(text, folded, strings.TrimSpace(folded[len(m[0]):]))
	}
	return 0, text
}

// reTrailingStatus matches a status in parentheses at the end of a line: "… (400)".
var reTrailingStatus = regexp.MustCompile(`\s*[(（]\s*(?:HTTP\s*)?([1-5]\d\d)\s*[)）]\s*$`)

// trailingStatus takes the status written in parentheses at the end of a line and returns
// it with the rest; 0 and the line when there is none.
func trailingStatus(line string) (catalog.Status, string) {
	folded := halfWidthDigits(line)
	m := reTrailingStatus.FindStringSubmatchIndex(folded)
	if m == nil {
		return 0, line
	}
	n, _ := strconv.Atoi(folded[m[2]:m[3]])
	if st := catalog.Status(n); st.IsValid() {
		return st, line[:writtenOffset(line, m[0])]
	}
	return 0, line
}

// statusNamed maps a folded reason phrase (foldHeader: "notfound") to its status, with
// the names frameworks give some statuses beside the RFC's (Spring's PAYLOAD_TOO_LARGE).
var statusNamed = func() map[string]catalog.Status {
	m := map[string]catalog.Status{}
	for s := catalog.Status(100); s < 600; s++ {
		if r := s.Reason(); r != "" {
			m[foldHeader(r)] = s
		}
	}
	for name, s := range map[string]catalog.Status{
		"payloadtoolarge": 413, "requestentitytoolarge": 413, "contenttoolarge": 413,
		"requesturitoolong": 414, "uritoolong": 414, "unprocessablecontent": 422,
		"unprocessableentity": 422, "movedtemporarily": 302, "iamateapot": 418,
	} {
		m[name] = s
	}
	return m
}()

// statusQualifiers are the names under which code keeps its HTTP status constants:
// Spring's HttpStatus, Go's net/http, Python's HTTPStatus, .NET's HttpStatusCode,
// Node's http-status-codes (StatusCodes), Java's HttpServletResponse and others.
var statusQualifiers = map[string]bool{
	"httpstatus": true, "http": true, "status": true, "statuscodes": true, "statuscode": true,
	"httpstatuscode": true, "httpstatuscodes": true, "httpservletresponse": true,
	"httpurlconnection": true, "httpcodes": true, "httpresponsestatus": true, "response": true,
}

// statusConstant reads a status written as the constant that names it in code, or as its
// reason phrase alone: "HttpStatus.BAD_REQUEST" (Spring), "http.StatusNotFound" (Go),
// "HTTPStatus.NOT_FOUND" (Python), "HttpServletResponse.SC_NOT_FOUND" (servlets),
// "StatusCodes.TOO_MANY_REQUESTS", "Not Found".
// qualified reports a constant with a qualifier ("X.NAME"): only those say they are a
// status wherever they stand; a bare "NOT_FOUND" may as well be an error code.
func statusConstant(text string) (st catalog.Status, qualified, ok bool) {
	text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "`"))
	if text == "" || len(text) > 64 {
		return 0, false, false
	}
	name := text
	if i := strings.LastIndexByte(text, '.'); i >= 0 {
		name, qualified = text[i+1:], true
		q := text[:i]
		if j := strings.LastIndexByte(q, '.'); j >= 0 {
			q = q[j+1:] // org.springframework.http.HttpStatus: its last part
		}
		if !statusQualifiers[strings.ToLower(q)] {
			return 0, false, false // Errors.NotFound: a constant of something else
		}
	}
	f := foldHeader(name)
	if s, found := statusNamed[f]; found {
		return s, qualified, true
	}
	if len(f) >= 7 && strings.HasPrefix(f, "http") && hasStatusDigits(f[4:7]) {
		// Django REST framework's status.HTTP_404_NOT_FOUND
		n, _ := strconv.Atoi(f[4:7])
		return catalog.Status(n), qualified, true
	}
	for _, p := range []string{"status", "sc"} {
		if g, cut := strings.CutPrefix(f, p); cut {
			// Go's http.StatusNotFound, the servlet API's HttpServletResponse.SC_NOT_FOUND
			if s, found := statusNamed[g]; found {
				return s, qualified, true
			}
		}
	}
	return 0, false, false
}

// reCellStatus matches a status at the start of a message or description cell: "429 Too
// Many Requests: at most …", "HTTP 403 — No token", "409: …", in bold or as code too
// ("**HTTP 400** — …", "`409`: …"). The number and what follows.
var reCellStatus = regexp.MustCompile("^(\\*\\*|__|`)?(HTTP\\s+)?([1-5]\\d\\d)\\b(\\*\\*|__|`)?\\s*(.*)$")

// textStatusPrefix reads the status a message or description cell begins with, in a table
// with no status column, and returns it with the text after it. It is a status when the
// standard reason phrase follows the number ("429 Too Many Requests: at most 20 calls",
// "404 Not Found"), or when a 4xx or 5xx is set apart from the text by a colon or a dash
// ("409 — The order is closed", "HTTP 413: the file is too big") or, after "HTTP" or in
// bold or as code, begins a phrase of its own with a letter that is not lower case ("HTTP
// 403 No token", "HTTP 401 인증 실패", "HTTP 404 未找到", "`409` The order is closed"). A number that begins a sentence ("500
// requests per minute at most", "100 items", "HTTP 200 is still returned; …", "HTTP 404
// is returned when …", "HTTP 301 redirects are not followed") is none, and the text is
// left whole. Where the reason phrase is the whole cell, it stays as the text.
func textStatusPrefix(text string) (catalog.Status, string, bool) {
	if text == "" || !hasStatusDigits(text[:min(len(text), 16)]) {
		return 0, text, false
	}
	folded := halfWidthDigits(text)
	if st, rest, ok := foldedStatusPrefix(folded); ok {
		return st, asWritten(text, folded, rest), true
	}
	return 0, text, false
}

// foldedStatusPrefix is textStatusPrefix for text whose digits are ASCII.
func foldedStatusPrefix(text string) (catalog.Status, string, bool) {
	m := reCellStatus.FindStringSubmatch(text)
	if m == nil {
		return 0, text, false
	}
	n, _ := strconv.Atoi(m[3])
	st, rest := catalog.Status(n), strings.TrimSpace(m[5])
	if !st.IsValid() || rest == "" {
		return 0, text, false
	}
	if after, ok := afterReason(st, rest); ok {
		if after == "" {
			return st, rest, true // "404 Not Found": the reason is the text
		}
		return st, after, true
	}
	if st < 400 {
		return 0, text, false // "HTTP 200 is still returned": how something else goes
	}
	if after := strings.TrimLeft(rest, ":：-–—|"); after != rest {
		after = strings.TrimSpace(after)
		if after != "" && !unicode.IsDigit(rune(after[0])) {
			return st, after, true
		}
		return 0, text, false
	}
	marked := m[1] != "" && m[1] == m[4] // "**409**", "`409`": the marks set the number apart
	if r, _ := utf8.DecodeRuneInString(rest); (m[2] != "" || marked) && unicode.IsLetter(r) && !unicode.IsLower(r) {
		// "HTTP 403 No token", "HTTP 401 인증 실패": the status, then the message; Hangul,
		// Han and kana have no case, so a letter that is not lower case begins a phrase.
		return st, rest, true
	}
	return 0, text, false
}

// afterReason reports whether text begins with st's reason phrase (or another name of
// st: "Unprocessable Entity"), ending there or at a separator, and returns the text after
// the separator.
func afterReason(st catalog.Status, text string) (string, bool) {
	rest, ok := cutReason(st, text)
	if !ok {
		return "", false
	}
	return strings.TrimSpace(strings.TrimLeft(rest, statusSeparators+".,;")), true
}

// cutReason reports whether text begins with st's reason phrase (or another name of st),
// ending there or at a separator or a punctuation mark, and returns what follows it: ""
// or that mark and the text after it. The marks that close a bold or code span the
// reason stands in ("**400 Bad Request** — …") are taken off.
func cutReason(st catalog.Status, text string) (string, bool) {
	end := 0
	for words := 0; words < 5 && end < len(text); words++ {
		// the next word: letters, an apostrophe or a hyphen ("I'm", "Pre-condition")
		k := end
		for k < len(text) && text[k] == ' ' {
			k++
		}
		w := k
		for w < len(text) && (isASCIILetter(text[w]) || text[w] == '\'' || text[w] == '-') {
			w++
		}
		if w == k {
			break
		}
		end = w
		if s, ok := statusNamed[foldHeader(text[:end])]; ok && s == st {
			rest := strings.TrimSpace(strings.TrimLeft(text[end:], spanMarks))
			if rest == "" || strings.TrimLeft(rest, statusSeparators+".,;") != rest {
				return rest, true
			}
			return "", false // "404 Not Found errors": words go on after the reason
		}
	}
	return "", false
}

// statusSeparators are the marks that set the text after a status apart from it, as a
// title sets off what it introduces: "409 — The order is closed", "HTTP 413: too big".
const statusSeparators = ":：-–—|"

// spanMarks are the marks that open or close a bold or code span around a status
// ("**400**", "`409`").
const spanMarks = "*_`"

// afterStatus reads what follows a status number on its line (its marks, its reason
// phrase, a separator, text) and returns the text, and whether it is the message the
// status introduces: text set apart by a dash, a colon or a bar ("410 — The order was
// deleted.", "429 Too Many Requests: slow down"). Text after a comma or a full stop, or
// with nothing between, is a remark on the status ("status 501, not built yet"); after
// the reason alone there is none.
func afterStatus(st catalog.Status, rest string) (string, bool) {
	rest = strings.TrimSpace(strings.TrimLeft(rest, spanMarks))
	if r, ok := cutReason(st, rest); ok {
		rest = r
	}
	if rest == "" {
		return "", false
	}
	if after := strings.TrimLeft(rest, statusSeparators); after != rest {
		after = strings.TrimSpace(after)
		// "402 — Payment Required", "429 – Too Many Requests: slow down": a reason
		// phrase after the separator says no more than the status.
		if r, ok := cutReason(st, after); ok {
			after = strings.TrimSpace(strings.TrimLeft(r, statusSeparators+".,;"))
			if after == "" {
				return "", false
			}
		}
		return after, true
	}
	if after := strings.TrimLeft(rest, ".,;"); after != rest {
		return strings.TrimSpace(after), false
	}
	return rest, false
}

// A cell or term that holds a code and its status, in either order: "400 / E_BAD_AMOUNT",
// "400 E_BAD_AMOUNT", "HTTP 400 · E_BAD_AMOUNT", "E_BAD_AMOUNT (400)", "E_BAD_AMOUNT /
// 400", "`wh_timeout` 504" (a badge beside the code). The status may be in bold or code;
// what separates the two is a slash, a bar or a dot, a colon or comma and a space, a dash
// between spaces, or a space alone.
var (
	reStatusThenCode  = regexp.MustCompile("^(?:\\*\\*|__|`)?(?:HTTP\\s*)?([1-5]\\d\\d)(?:\\*\\*|__|`)?(\\s*[/|·•]\\s*|\\s*[:,：]\\s+|\\s+[-–—]\\s+|\\s+)(\\S+)$")
	reCodeThenStatus  = regexp.MustCompile("^(\\S+?)(\\s*[/|·•]\\s*|\\s*[:,：]\\s+|\\s+[-–—]\\s+|\\s+)(?:\\*\\*|__|`)?(?:HTTP\\s*)?([1-5]\\d\\d)(?:\\*\\*|__|`)?$")
	reCodeParenStatus = regexp.MustCompile("^(\\S+?)\\s*[(（\\[]\\s*(?:HTTP\\s*)?([1-5]\\d\\d)\\s*[)）\\]]$")
)

// codeStatus reads a cell or term that holds one code and the HTTP status beside it, in
// either order (reStatusThenCode, reCodeThenStatus, reCodeParenStatus): a client or server
// error's, 4xx or 5xx, as no other status is an error's. The code must look
// like one (codeShaped): a word is no code ("timeout 504"), and neither is a number that is
// a status itself ("400 / 422" lists two statuses) or one set apart by a space alone ("200
// 000" is a number written in groups). Whether a column's or a list's cells are read so is
// for the column as a whole to say (colStats.statusCodes): a cell alone proves little.
func codeStatus(text string) (code string, st catalog.Status, ok bool) {
	t := cleanCode(text)
	if !hasStatusDigits(t) || strings.Contains(t, "\n") {
		return "", 0, false
	}
	t = apartCodeSpan(t)
	var num, sep string
	switch m := reCodeParenStatus.FindStringSubmatch(t); {
	case m != nil:
		code, num, sep = m[1], m[2], "()"
	default:
		if m := reStatusThenCode.FindStringSubmatch(t); m != nil {
			num, sep, code = m[1], m[2], m[3]
		} else if m := reCodeThenStatus.FindStringSubmatch(t); m != nil {
			code, sep, num = m[1], m[2], m[3]
		} else {
			return "", 0, false
		}
	}
	code = cleanCode(code)
	if !isToken(code) || !codeShaped(code) || strings.EqualFold(code, "HTTP") {
		return "", 0, false
	}
	if isInteger(code) {
		if n := len(strings.TrimLeft(code, "+-")); n <= 3 || strings.TrimSpace(sep) == "" {
			return "", 0, false
		}
	}
	n, _ := strconv.Atoi(num)
	if n < 400 || n > 599 {
		// A 1xx, 2xx or 3xx answers no error: a number so beside a code is its value (an
		// errno, an enum's: "ETIMEDOUT (110)", "SYNC_LOCKED (204)"), not its status.
		return "", 0, false
	}
	return code, catalog.Status(n), true
}

// apartCodeSpan returns t with a space after a code span that begins it, or before one
// that ends it, where the text beside the span touches it: a code and a badge beside it,
// styled apart on the page, come out of HTML glued ("`wh_timeout`504").
func apartCodeSpan(t string) string {
	if strings.HasPrefix(t, "`") {
		if j := strings.IndexByte(t[1:], '`') + 1; j > 0 && j+1 < len(t) && t[j+1] != '`' && t[j+1] != ' ' {
			return t[:j+1] + " " + t[j+1:]
		}
	} else if strings.HasSuffix(t, "`") {
		if i := strings.LastIndexByte(t[:len(t)-1], '`'); i > 0 && t[i-1] != '`' && t[i-1] != ' ' {
			return t[:i] + " " + t[i:]
		}
	}
	return t
}
