package parse

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// This file is the part of the interpreter that decides what a table is, the same way for
// every front-end: which column holds what (from the header's words and from the cells),
// and whether the table lists errors at all or is a parameter table, a status glossary or
// something else, with the reason.

// tableKind is what a table is to the interpreter.
type tableKind int

const (
	tableErrors     tableKind = iota // an error list: its rows become entries
	tableNoCode                      // no column holds codes
	tableParameters                  // a parameter, field or reference table
	tableGlossary                    // HTTP statuses and their meaning, no application codes
)

func (k tableKind) String() string {
	return [...]string{"error list", "no code column", "not an error list", "status glossary"}[k]
}

// classifySample is how many rows classify looks at: enough to judge a column's cells,
// and it keeps classifying a huge table cheap.
const classifySample = 200

// classify decides what t is and gives each of its columns a role. The header's words
// come first (columnRoles); the cells then correct and complete them:
//   - a "status" column whose cells are not HTTP statuses ("Status code" over -7, -8)
//     is the code column when the table has none;
//   - with no code column, the first column whose cells are all one token each and
//     nearly all different is the code column ("ID" over 0, 2, 3; a column with no header);
//   - a column with no role whose cells are all HTTP statuses is the status column (a
//     cell may list several: "200 / 500"), when there are two or more of them or they
//     are written as statuses ("404 Not Found", "4xx"): one number, 500 under "Limit",
//     is no evidence;
//   - with no code column, a column headed "type" or "problem type" whose cells are
//     problem types (URIs or their last segments, RFC 9457) beside a title or status
//     column is the code column;
//   - with no code column, a status column whose cells name an error after the status
//     ("403 Card blocked") gives both: the status and, as the code, the name;
//   - a table whose header is empty gets every role from its cells.
//
// A table whose codes are all HTTP statuses named by their standard reason, each once, is
// a status glossary; one with a parameter or field column and no code column a parameter
// table; one with a setting or limit column ("Limit", "설정", "制限", "配置") and no code
// column, or a column of default values beside a code column guessed from its cells, a
// settings or limits table.
func classify(t table) ([]role, tableKind, string) {
	if m := t.memo; m != nil {
		if !m.done {
			m.roles, m.kind, m.why = classifyTable(t)
			m.done = true
		}
		return m.roles, m.kind, m.why
	}
	return classifyTable(t)
}

// classifyTable is classify without the memo.
func classifyTable(t table) ([]role, tableKind, string) {
	if t.Roles != nil {
		if hasRole(t.Roles, roleCode) || hasRole(t.Roles, roleStatusName) {
			return t.Roles, tableErrors, "roles given"
		}
		return t.Roles, tableNoCode, "roles given, no code column"
	}
	texts := cellTexts(t.Header)
	emptyHeader := true
	for _, h := range texts {
		if strings.TrimSpace(h) != "" {
			emptyHeader = false
		}
	}
	n := len(t.Header)
	if emptyHeader {
		// With no header words, the columns are those of the rows; with a header, cells
		// past it are extra cells of ragged rows, kept as fields.
		for _, r := range t.Rows {
			n = max(n, len(r.Cells))
		}
	}
	if n == 0 {
		return nil, tableNoCode, "the table has no columns"
	}
	for len(texts) < n {
		texts = append(texts, "")
	}
	roles := columnRoles(texts)
	for i, r := range roles {
		// "항목명(영문)" over serviceKey: a parameter's name, whatever word for a name
		// gave it the code's role, unless the header says code plainly.
		if r == roleCode && notErrorHeader(texts[i]) && !plainCodeHeader(texts[i]) {
			roles[i] = roleUnknown
		}
	}
	cols := make([]colStats, n)
	rows := t.Rows
	if len(rows) > classifySample {
		rows = rows[:classifySample]
	}
	for i := range cols {
		cols[i] = columnStats(rows, i)
	}
	if !emptyHeader {
		subCodeColumn(roles, texts, rows)
	}
	dateColumns(roles, cols, texts)
	// A status column whose cells are not statuses: numbers ("Status code" over -7, -8),
	// or codes under a header that names a code ("응답코드", "响应码" over A0001).
	for i, r := range roles {
		if r != roleStatus || cols[i].nonEmpty == 0 || cols[i].statuses+cols[i].statusNames > 0 {
			continue
		}
		numbers := cols[i].numbers == cols[i].nonEmpty
		if !numbers && !(codeSuffixHeader(texts[i]) && cols[i].codeShaped == cols[i].nonEmpty && !statusConstants(rows, i)) {
			continue
		}
		roles[i] = roleUnknown
		if !hasRole(roles, roleCode) && cols[i].tokens == cols[i].nonEmpty && cols[i].unique() {
			roles[i] = roleCode
		}
	}
	codeByCells(roles, texts, cols)
	if !hasRole(roles, roleStatus) {
		for i, r := range roles {
			if (r == roleUnknown || emptyHeader) && cols[i].nonEmpty > 0 && cols[i].statuses == cols[i].nonEmpty && !cols[i].unique() {
				roles[i] = roleStatus
				break
			}
		}
	}
	// A code column is guessed from its cells, never under a header that names a
	// parameter, option or field column ("Default" over 30 and 3); where such a header is
	// in the table, the cells must be plainly codes ("timeout" and "retries" under
	// "Option" are no codes, INVALID_NAME under "Name" is). A column that numbers the rows
	// (1, 2, 3 … under "#") is the code only when no other column can be.
	if !hasRole(roles, roleCode) && !emptyHeader {
		leadCodeColumn(roles, rows)
	}
	// A column headed by a setting or a limit ("Limit", "設定") names settings, whatever
	// its cells look like ("maxDepth", "MAX_ALIASES"); with such a column and no message
	// or status column to say the rows are errors, no other column is guessed a code
	// either ("Setting | Value" over 10 and 30).
	settings := false
	if i := slices.IndexFunc(texts, settingsHeader); i >= 0 && !emptyHeader {
		// The names are under it ("Limit | Default" over maxDepth), not values beside
		// codes ("Name | Limit" over RATE_LIMIT_DAY, "10000 per day").
		settings = cols[i].nonEmpty > 0 && cols[i].tokens == cols[i].nonEmpty && !errorNames(rows, i)
	}
	history := ""
	if !hasRole(roles, roleCode) && !(settings && !hasRole(roles, roleStatus) && !hasRole(roles, roleMessage)) {
		params := !emptyHeader && (settings || anyHeader(texts, notErrorHeader))
		numbered := -1
		for i, r := range roles {
			if !emptyHeader && (r != roleUnknown || texts[i] == "" || notErrorHeader(texts[i]) || settingsHeader(texts[i])) {
				continue
			}
			c := cols[i]
			if params && !plainCodes(rows, i) {
				continue
			}
			if historyColumn(texts[i], rows, i) {
				history = texts[i]
				continue
			}
			if c.nonEmpty > 0 && c.tokens == c.nonEmpty && c.unique() && c.statuses < c.nonEmpty && c.codeShaped == c.nonEmpty {
				if numbered < 0 && rowNumbers(rows, i) {
					numbered = i
					continue
				}
				roles[i], numbered = roleCode, -1
				break
			}
		}
		if numbered >= 0 {
			roles[numbered] = roleCode
		}
	}
	// A column of RFC 9457 problem types ("type" over URIs or their last segments) beside
	// a title or status column: a problem's type is its code (problemtypes.go).
	if !hasRole(roles, roleCode) && !emptyHeader && (hasRole(roles, roleMessage) || hasRole(roles, roleStatus)) && !anyHeader(texts, notErrorHeader) {
		for i, r := range roles {
			if r == roleUnknown && problemTypeHeader(texts[i]) && problemTypeColumn(rows, i, texts[i]) {
				roles[i] = roleCode
				break
			}
		}
	}
	if !hasRole(roles, roleStatus) {
		for i, r := range roles {
			if (r == roleUnknown || emptyHeader) && cols[i].statusCells() {
				roles[i] = roleStatus
				break
			}
		}
	}
	// A code column whose cells give each code its status ("400 / E_BAD_AMOUNT",
	// "E_BAD_AMOUNT (400)") gives both, as a status column whose cells name the error does.
	for i, r := range roles {
		if r == roleCode && cols[i].statusCodes() && !valueHeader(texts[i]) {
			roles[i] = roleStatusName
			break
		}
	}
	if !hasRole(roles, roleCode) && !hasRole(roles, roleStatusName) {
		for i, r := range roles {
			if r == roleStatus && cols[i].statusNames > 0 && cols[i].statusNames+cols[i].statuses == cols[i].nonEmpty && !cols[i].allReasons {
				roles[i] = roleStatusName
				break
			}
		}
	}
	if emptyHeader {
		// The text columns, in order: a message, then a description, then a resolution.
		next := []role{roleMessage, roleDescription, roleResolution}
		if textColumns(roles, cols) == 1 {
			next = []role{roleDescription}
		}
		for i, r := range roles {
			if r == roleUnknown && cols[i].nonEmpty > 0 && cols[i].dates < cols[i].nonEmpty && len(next) > 0 {
				roles[i], next = next[0], next[1:]
			}
		}
	}
	if !emptyHeader && hasRole(roles, roleCode) && !hasRole(roles, roleDescription) {
		// No header names the description, but one column under a header no vocabulary
		// knows holds sentences ("When it happens", "Background"), beside a message or
		// not: it says what the error is, its description. A second column of a role
		// ("Message (JA)" beside "Message") is no description, nor is a "Deprecated"
		// column: it says whether the code is still in use, the field a struck code gets.
		prose := -1
		for i, r := range roles {
			if r == roleUnknown && cols[i].nonEmpty > 0 && cols[i].prose*2 >= cols[i].nonEmpty && headerRole(texts[i]) == roleUnknown &&
				!strings.EqualFold(strings.TrimSpace(texts[i]), struckField) {
				if prose >= 0 {
					prose = -1 // two such columns: which is which is not for guessing
					break
				}
				prose = i
			}
		}
		if prose >= 0 {
			roles[prose] = roleDescription
		}
	}
	dateColumns(roles, cols, texts) // a headerless table's text columns are taken in order
	// The columns docgen.yaml names take the roles it gives them, whatever the rest says.
	overridden := false
	for i, h := range texts {
		if r, ok := t.src.columnOverride(h); ok {
			overridden = true
			for j := range roles {
				if roles[j] == r && r != roleUnknown {
					roles[j] = roleUnknown
				}
			}
			roles[i] = r
		}
	}
	// A column of data types ("string", "Integer") or of whether each row is required
	// ("필수"/"옵션", "Required" over Yes/No) is a parameter or field table's: its first
	// column is a name written like a code ("serviceKey"), not a code, unless its header
	// says code plainly or another column gives statuses (no parameter has one).
	if ci := slices.Index(roles, roleCode); ci >= 0 && !emptyHeader && !overridden && !plainCodeHeader(texts[ci]) && !hasRole(roles, roleStatus) {
		if why := paramColumn(texts, rows); why != "" {
			return roles, tableParameters, "a parameter or field table (" + why + ")"
		}
		// A column of default values ("Name | Type | Default" over maxDepth, 10): the
		// rows are settings, their names written like codes.
		if i := slices.IndexFunc(texts, defaultHeader); i >= 0 && !hasRole(roles, roleMessage) && headerRole(texts[ci]) != roleCode && !errorNames(rows, ci) {
			return roles, tableParameters, fmt.Sprintf("a settings or limits table (column %q gives each row its default value)", texts[i])
		}
	}
	// A column under a numbering header ("번호", "No.", "#") that numbers the rows (1, 2,
	// 3 …) is an error list's code column when the table says what each number means or
	// gives its status, in a message or a status column, or in a description of sentences
	// beside no other column; with none, it numbers the rows of a list of something else (operations, fields,
	// documents). Under any other header ("Error", "ID", "Value") the numbers are codes.
	if ci := slices.Index(roles, roleCode); ci >= 0 && !emptyHeader && !overridden && !hasRole(roles, roleStatus) && !hasRole(roles, roleMessage) && !(describedRows(roles, rows) && onlyTexts(roles, ci)) {
		if numberingHeader(texts[ci]) && rowNumbers(rows, ci) {
			roles[ci] = roleUnknown
			return roles, tableNoCode, fmt.Sprintf("column %q numbers the rows, and no message or status column says they are errors", texts[ci])
		}
	}
	if !hasRole(roles, roleCode) && !hasRole(roles, roleStatusName) {
		if settings {
			h := texts[slices.IndexFunc(texts, settingsHeader)]
			return roles, tableParameters, fmt.Sprintf("a settings or limits table (column %q) with no code column", h)
		}
		for _, h := range texts {
			if notErrorHeader(h) {
				return roles, tableParameters, fmt.Sprintf("a parameter or field table (column %q) with no code column", h)
			}
		}
		if history != "" {
			return roles, tableNoCode, fmt.Sprintf("a changelog: column %q holds dates or versions, not codes", history)
		}
		return roles, tableNoCode, "no column holds error codes (headers " + quoteList(texts) + ")"
	}
	if !hasTextRole(roles) && !hasProse(roles, cols) {
		return roles, tableParameters, "a reference list: a code column but no message, description or status column (headers " + quoteList(texts) + ")"
	}
	// A column naming each code's institution ("은행명", "Bank") makes a list of the
	// institutions' codes, unless the code header names an error ("오류코드") or a
	// description of sentences says what each code means: then it says where an error
	// applies.
	if ci := slices.Index(roles, roleCode); !hasRole(roles, roleStatus) && !hasRole(roles, roleMessage) && (ci < 0 || !errorHeader(texts[ci])) && !describedRows(roles, rows) {
		for i, h := range texts {
			if roles[i] == roleUnknown && institutionHeader(h) {
				return roles, tableParameters, fmt.Sprintf("a reference list: column %q names the institution each code stands for, and no message or status column says the codes are errors", h)
			}
		}
	}
	statusCol := -1
	for i, r := range roles {
		if r == roleStatus {
			statusCol = i
		}
	}
	for i, r := range roles {
		if r == roleCode && cols[i].nonEmpty > 0 && cols[i].statuses == cols[i].nonEmpty && cols[i].unique() {
			// Every code is an HTTP status, and no other column gives statuses of their
			// own (a "Status" column of reason phrases names the same thing).
			if statusCol < 0 || cols[statusCol].statuses == 0 {
				return roles, tableGlossary, "every code is an HTTP status: a status glossary"
			}
		}
	}
	return roles, tableErrors, ""
}

// institutionWords are the words of a header that names the institution a code stands
// for ("은행명", "Bank name", "金融機関名"): a table of such codes, with notes beside them,
// is a reference list, not errors.
var institutionWords = []string{
	"bank", "institution", "cardcompany",
	"은행", "카드사", "기관명", "금융기관",
	"銀行", "金融機関", "カード会社", "银行", "金融机构", "金融機構",
}

// institutionHeader reports whether a header names the institution a code stands for: an
// institution word, with at most a short word after it ("명", "name", "名称").
func institutionHeader(h string) bool {
	f := foldHeader(h)
	for _, w := range institutionWords {
		if f == w || strings.HasPrefix(f, w) && len(f) <= len(w)+6 {
			return true
		}
	}
	return false
}

// dateColumns takes its role from a code or text column whose cells are all dates or
// timestamps ("변경일", "created_at", "作成日時", "Last updated" over "2024-03-01
// 10:00:00"): when a row was written or changed says neither which error it is nor what it
// means, whatever the header. Such a column stays a field of each entry.
func dateColumns(roles []role, cols []colStats, headers []string) {
	for i, r := range roles {
		switch r {
		case roleCode, roleMessage, roleDescription, roleResolution:
			if i < len(cols) && cols[i].nonEmpty > 0 && cols[i].dates == cols[i].nonEmpty {
				if r == roleCode && i < len(headers) && headerRole(headers[i]) == roleCode {
					continue // "Reject code" over 2001.10.1: codes written as dates are, the header says
				}
				roles[i] = roleUnknown
			}
		}
	}
}

// historyColumn reports whether column i (headed h) is a changelog's or a version
// history's: its cells, all of them, are dates ("2024-02-01"), or versions ("2.3",
// "v1.4.0") under a header that names a version or a date ("Version", "버전",
// "バージョン", "版本"). A date or a release is when, not what: no code. It is asked of a
// column the cells alone would make the code column; tables and data records ask it
// alike.
func historyColumn(h string, rows []tableRow, i int) bool {
	n, dates := 0, 0
	for _, r := range rows {
		if i >= len(r.Cells) {
			continue
		}
		c := strings.TrimSpace(r.Cells[i].Text)
		switch {
		case c == "":
			continue
		case isDate(c):
			dates++
		case !reVersion.MatchString(c) && !reShortVersion.MatchString(c):
			return false
		}
		n++
	}
	return n > 0 && (dates == n || historyHeader(h))
}

// historyHeader reports whether a header names a version or a date.
func historyHeader(h string) bool {
	f := foldHeader(h)
	for _, w := range historyHeaders {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// historyHeaders are the folded words of the headers of a changelog's first column.
var historyHeaders = []string{
	"version", "release", "date", "revision",
	"버전", "버젼", "날짜", "일자", "개정",
	"バージョン", "版数", "日付", "改訂", "更新日",
	"版本", "日期", "修订", "修訂",
}

// reLinksOnly matches a cell that holds Markdown links and nothing else.
var reLinksOnly = regexp.MustCompile(`^(?:\[[^\]]*\]\([^)\s]*\)[\s,;]*(?:<br\s*/?>\s*)*)+$`)

// statusConstants reports whether a cell of column i is a status's name written as a
// constant ("NOT_FOUND", "BadRequest"): a status column, not codes.
func statusConstants(rows []tableRow, i int) bool {
	for _, r := range rows {
		if i < len(r.Cells) {
			if _, _, ok := statusConstant(cleanCode(r.Cells[i].Text)); ok {
				return true
			}
		}
	}
	return false
}

// plainCodes reports whether every cell of column i that is not empty is plainly a code:
// an underscore, a digit or an inner capital (codeLike).
func plainCodes(rows []tableRow, i int) bool {
	n := 0
	for _, r := range rows {
		if i >= len(r.Cells) {
			continue
		}
		if c := cleanCode(r.Cells[i].Text); c != "" {
			if !codeLike(c) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// rowNumbers reports whether column i numbers the rows (1, 2, 3 … or 0, 1, 2 …, under
// "#" or "No."): it holds no codes, whatever its cells look like.
func rowNumbers(rows []tableRow, i int) bool {
	if len(rows) < 2 {
		return false
	}
	first := 0
	for k, r := range rows {
		if i >= len(r.Cells) {
			return false
		}
		n, err := strconv.Atoi(strings.TrimRight(strings.TrimSpace(r.Cells[i].Text), "."))
		if k == 0 {
			first = n
		}
		if err != nil || first > 1 || n != first+k {
			return false
		}
	}
	return true
}

// numberingHeaders are the folded headers of a column that numbers a table's rows.
var numberingHeaders = map[string]bool{
	"no": true, "nr": true, "num": true, "number": true, "sno": true, "slno": true,
	"번호": true, "순번": true, "연번": true, "番号": true, "項番": true, "序号": true, "序號": true,
}

// numberingHeader reports whether a header is the plain word for a row's number ("No.",
// "#", "번호", "순번"), naming nothing else.
func numberingHeader(h string) bool {
	return strings.TrimSpace(h) == "#" || numberingHeaders[foldHeader(h)]
}

// onlyTexts reports whether every column but column ci says what the rows mean
// (description or resolution): "No. | Description" numbers errors, while "No. | Endpoint
// | Description" numbers endpoints.
func onlyTexts(roles []role, ci int) bool {
	for i, r := range roles {
		if i != ci && r != roleDescription && r != roleResolution {
			return false
		}
	}
	return true
}

// describedRows reports whether a description column holds sentences, most of its cells
// a few words ending as a sentence does ("The account is closed."): it says what each row
// means, as an error list's does; notes ("weekdays only") and names do not.
func describedRows(roles []role, rows []tableRow) bool {
	for i, r := range roles {
		if r != roleDescription {
			continue
		}
		n, s := 0, 0
		for _, row := range rows {
			if i >= len(row.Cells) {
				continue
			}
			text := strings.TrimSpace(row.Cells[i].Text)
			if text == "" {
				continue
			}
			n++
			last, _ := utf8.DecodeLastRuneInString(text)
			if (hasWords(text, 3) || !isASCII(text) && utf8.RuneCountInString(text) >= 8) && strings.ContainsRune(".!?。！？", last) {
				s++
			}
		}
		if n > 0 && s*2 >= n {
			return true
		}
	}
	return false
}

// errorHeader reports whether a header names an error ("Error code", "오류코드", "エラー
// コード", "错误码"): its codes are errors, whatever the other columns name.
func errorHeader(h string) bool {
	f := foldHeader(h)
	for _, w := range []string{"error", "오류", "에러", "エラー", "错误", "錯誤"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// anyHeader reports whether one of the headers is such that f says so.
func anyHeader(texts []string, f func(string) bool) bool {
	for _, h := range texts {
		if f(h) {
			return true
		}
	}
	return false
}

// valueHeader reports whether a code column's header says the numbers beside its codes
// are values, not statuses ("Error (errno)", "Name / enum value", "코드 (번호)"), and
// names no status ("Status / Code", "Code (HTTP status)").
func valueHeader(h string) bool {
	h = strings.ToLower(h)
	for _, w := range []string{"status", "http", "상태", "ステータス", "状态", "狀態"} {
		if strings.Contains(h, w) {
			return false
		}
	}
	for _, w := range strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "errno", "enum", "value", "values", "number", "numbers", "num", "no":
			return true
		}
	}
	for _, w := range []string{"값", "번호", "値", "番号", "值", "编号", "編號", "枚举", "列挙"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// textColumns counts the columns without a role that hold text.
func textColumns(roles []role, cols []colStats) int {
	n := 0
	for i, r := range roles {
		if r == roleUnknown && cols[i].nonEmpty > 0 && cols[i].dates < cols[i].nonEmpty {
			n++
		}
	}
	return n
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// hasTextRole reports whether roles hold a column that says what an error means or which
// status it has.
func hasTextRole(roles []role) bool {
	for _, r := range roles {
		switch r {
		case roleMessage, roleDescription, roleResolution, roleStatus, roleStatusName:
			return true
		}
	}
	return false
}

// hasProse reports whether a column without a role holds sentences: most of its cells are
// several words long.
func hasProse(roles []role, cols []colStats) bool {
	for i, r := range roles {
		if r == roleUnknown && cols[i].nonEmpty > 0 && cols[i].prose*2 >= cols[i].nonEmpty {
			return true
		}
	}
	return false
}

// colStats is what classify knows of one column's cells.
type colStats struct {
	nonEmpty    int
	tokens      int // cells that are one token (no spaces)
	codeShaped  int // tokens that look like codes: digits, SNAKE, Camel, dotted
	statuses    int // cells that are an HTTP status and nothing else, or a class (4xx)
	statusNames int // cells that are a status followed by a name ("403 Card blocked")
	numbers     int // cells that are an integer, with a sign or not
	prose       int // cells of three words or more, or of ten runes or more in a script without spaces
	dates       int // cells that are a date or a date and time (dayDate), and nothing else counted
	distinct    int
	allReasons  bool // every status name is the status's standard reason phrase
	// paired counts the cells that hold a code and its status (codeStatus: "400 /
	// E_BAD_AMOUNT"); pairedReasons those whose code is the status's reason phrase ("404
	// NOT_FOUND"), pairedDistinct the different codes among them.
	paired, pairedReasons, pairedDistinct int
	// pairedSteps counts the paired cells whose status is one more than the paired cell's
	// before them: "(420)", "(421)", "(422)" number the codes.
	pairedSteps int
}

// statusCells reports whether the column's cells alone make it a status column: every one
// is an HTTP status, and either there are two or more, or one is written as a status
// and not as a bare number ("404 Not Found", "4xx", "HttpStatus.NOT_FOUND"). A table of
// one row whose number happens to lie in 100-599 ("| Basic | 500 |" under "Plan",
// "Limit") says nothing of statuses.
func (c colStats) statusCells() bool {
	return c.nonEmpty > 0 && c.statuses == c.nonEmpty && (c.nonEmpty >= 2 || c.numbers < c.nonEmpty)
}

// statusCodes reports whether the column's cells give each code its status beside it
// ("400 / E_BAD_AMOUNT", "E_BAD_AMOUNT (400)"), read for the column as a whole: one cell
// does at least, each other cell is one token (a code written without a status), the
// codes differ ("ERR 404" and "ERR 500" are two codes, not one code twice), and they are
// not all the reasons of their statuses ("404 NOT_FOUND" and "409 CONFLICT" alone are a
// status glossary), and the numbers look like statuses as a whole: a cell whose number is
// none (codeStatus: "SYNC_LOCKED (204)") is neither a pair nor a lone code, and four or
// more numbers each one more than the last ("(420)", "(421)", "(422)", "(423)") are
// values that number the codes, where statuses repeat or leave gaps.
func (c colStats) statusCodes() bool {
	return c.paired > c.pairedReasons && c.paired+c.tokens == c.nonEmpty && c.pairedDistinct*10 >= c.paired*9 &&
		(c.paired < 4 || c.pairedSteps < c.paired-1)
}

// unique reports whether nearly all the column's cells differ.
func (c colStats) unique() bool { return c.nonEmpty > 0 && c.distinct*10 >= c.nonEmpty*9 }

// hasWords reports whether text holds at least n words separated by white space (as
// strings.Fields counts them, without making them).
func hasWords(text string, n int) bool {
	words, in := 0, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if words++; words >= n {
				return true
			}
			in = true
		}
	}
	return false
}

func columnStats(rows []tableRow, col int) colStats {
	var c colStats
	seen := make(map[string]bool, len(rows))
	var pairedSeen map[string]bool
	var lastPaired catalog.Status
	c.allReasons = true
	for _, r := range rows {
		if col >= len(r.Cells) {
			continue
		}
		text := strings.TrimSpace(r.Cells[col].Text)
		if text == "" {
			continue
		}
		c.nonEmpty++
		if !seen[text] {
			seen[text] = true
			c.distinct++
		}
		if dayDate(text) {
			c.dates++ // "2025. 4. 18.", "2024-03-01 10:00:00": when, no token, prose or status
			continue
		}
		if (hasWords(text, 3) || (!isASCII(text) && utf8.RuneCountInString(text) >= 10)) && !reLinksOnly.MatchString(text) {
			c.prose++ // links alone ("[Resolve names](names.md)") point to a text, and are none
		}
		if pc, st, ok := codeStatus(text); ok {
			c.paired++
			if isReason(st, pc) {
				c.pairedReasons++
			}
			if pairedSeen == nil {
				pairedSeen = map[string]bool{}
			}
			if !pairedSeen[pc] {
				pairedSeen[pc] = true
				c.pairedDistinct++
			}
			if c.paired > 1 && st == lastPaired+1 {
				c.pairedSteps++
			}
			lastPaired = st
		}
		code := cleanCode(text)
		if isInteger(halfWidthDigits(code)) {
			c.numbers++ // "４０１" is a number, as a status is read
		}
		if isToken(code) {
			c.tokens++
			if codeShaped(code) {
				c.codeShaped++
			}
		}
		// A status written as code ("`400`", "**404**") is a status.
		text = code
		if strings.IndexByte(text, '.') > 0 && !strings.ContainsAny(text, " \t") {
			if _, qualified, ok := statusConstant(text); ok && qualified {
				c.statuses++ // "HttpStatus.NOT_FOUND": a status constant of code
				continue
			}
		}
		if !mayHoldStatus(text) {
			continue
		}
		if isStatusClass(text) {
			c.statuses++
			continue
		}
		if len(cellStatuses(text)) > 1 {
			c.statuses++ // "200 / 500": the statuses of one row, each an entry (addTable)
			continue
		}
		if st, name, ok := statusHeading(text); ok && st.IsValid() {
			if name == "" || isReason(st, name) || reStatusParen.MatchString(text) {
				c.statuses++
				continue
			}
		}
		if st, name, ok := statusPrefix(text); ok {
			c.statusNames++
			if !isReason(st, name) {
				c.allReasons = false
			}
		}
	}
	return c
}

// reStatusClass matches a class of statuses: "4xx", "5**", "4XX".
var reStatusClass = regexp.MustCompile(`^[1-5](?:xx|XX|\*\*)(?:\s*\([A-Za-z' _-]*\))?$`)

func isStatusClass(s string) bool { return reStatusClass.MatchString(halfWidthDigits(s)) }

// reStatusPrefix matches a status written before a name in one cell: "403 Card blocked",
// "404 Not found".
var reStatusPrefix = regexp.MustCompile(`^([1-5]\d\d)\s+(\S.*)$`)

// statusPrefix splits a cell that begins with an HTTP status followed by a name.
func statusPrefix(text string) (st catalog.Status, name string, ok bool) {
	text = strings.TrimSpace(text)
	folded := halfWidthDigits(text)
	m := reStatusPrefix.FindStringSubmatch(folded)
	if m == nil {
		return 0, "", false
	}
	n := int(m[1][0]-'0')*100 + int(m[1][1]-'0')*10 + int(m[1][2]-'0')
	return catalog.Status(n), asWritten(text, folded, strings.TrimSpace(m[2])), true
}

// isReason reports whether name is st's standard reason phrase, ignoring case and spaces.
func isReason(st catalog.Status, name string) bool {
	r := st.Reason()
	if r == "" {
		return false
	}
	f := foldHeader(name)
	return foldHeader(r) == f || slices.Contains(otherReasons[st], f)
}

// otherReasons are the reason phrases, folded, that other editions of the HTTP standard
// give a status than the one Reason gives ("Payload Too Large" of RFC 7231, "Content Too
// Large" of RFC 9110 for 413 Request Entity Too Large).
var otherReasons = map[catalog.Status][]string{
	413: {"payloadtoolarge", "contenttoolarge"},
	414: {"uritoolong"},
	416: {"rangenotsatisfiable"},
	422: {"unprocessablecontent"},
}

// codeShaped reports whether a token looks like an error code: digits (with a sign),
// SCREAMING_SNAKE, camelCase or PascalCase, dotted or dashed names with a digit or an
// upper-case letter inside.
func codeShaped(s string) bool {
	if s == "" {
		return false
	}
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 {
		return digits > 0
	}
	if codeLike(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && letters > 1 && r < utf8.RuneSelf && isASCII(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isInteger reports whether s is an integer with an optional sign.
func isInteger(s string) bool {
	return isDigits(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+"))
}

// listItem is one item of a bulleted or numbered list, its lines joined.
type listItemText struct {
	Text string
	Pos  catalog.Pos // where the item's text starts, after its bullet
}

// reListBullet matches the bullet of a list item: "- ", "* ", "+ ", "1. ", "1) ".
var reListBullet = regexp.MustCompile(`^ {0,3}(?:[-*+•]|\d{1,9}[.)])\s+`)

// mdListItems returns the items of a list written on lines start..end of src: a line
// that begins with a bullet starts an item, other lines go on with it.
func mdListItems(src *Source, start, end int) []listItemText {
	var items []listItemText
	var text strings.Builder // the last item's text: an item may go on for many lines
	done := func() {
		if len(items) > 0 {
			items[len(items)-1].Text = text.String()
		}
		text.Reset()
	}
	top := -1      // the indent of the list's own bullets
	sub := -1      // the indent of the bullets of the list nested in the last item
	blank := false // a blank line stands before this one
	for l := start; l <= end; l++ {
		line := string(src.Line(l))
		if strings.TrimSpace(line) == "" || liquidLine(src.Line(l)) {
			blank = true // a GitBook tag between items is no text of theirs (mdliquid.go)
			continue
		}
		after := blank
		blank = false
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if m := reListBullet.FindStringIndex(line); m != nil && (top < 0 || indent < top+2) {
			done()
			top, sub = indent, -1
			items = append(items, listItemText{Pos: src.Pos(src.LineStart(l) + m[1])})
			text.WriteString(strings.TrimSpace(line[m[1]:]))
			continue
		}
		if len(items) == 0 {
			continue
		}
		if nested := reListBullet.MatchString(strings.TrimLeft(line, " ")); indent >= top+2 && (nested || after) {
			// An item of a list nested in the last one ("  - Fix: …") stays a line of its
			// own, and a paragraph of the item's own after a blank line (a loose item, a
			// Notion toggle: "    **Message:** …") a paragraph, as a <li>'s <p> does.
			text.WriteByte('\n')
			if !nested {
				text.WriteByte('\n')
			} else if sub < 0 || indent < sub {
				sub = indent
			} else if indent >= sub+2 {
				// A list nested deeper ("    - Fix: …" under a code's item under a
				// category's) keeps its depth, as an HTML item's Markdown does: whose
				// item it belongs to stays known.
				text.WriteString(strings.Repeat(" ", min(indent-sub, 16)))
			}
		} else if strings.HasPrefix(strings.TrimSpace(line), "|") && indent >= top+2 {
			text.WriteByte('\n') // a row of a table in the item: a line of its own
		} else {
			text.WriteByte(' ')
		}
		text.WriteString(strings.TrimSpace(line))
	}
	done()
	return items
}

// splitListCode splits a list item that documents a code: the code first ("10000
// 貸出上限を超えました", "`E100`: Bad input", "**E100** - Bad input", "❌ **E100** (400) — Bad
// input": a pictograph before it only decorates it), then its text.
func splitListCode(text string) (code, rest string, ok bool) {
	text = trimDecoration(text)
	if code, rest, ok = splitCodeFirst(text); ok {
		return code, rest, ok
	}
	if after := withoutCodeLabel(text); after != text {
		// "错误码 20001：余额不足", "Error code E1002: …": a label naming the code before
		// it, as lines of a paragraph write it (codeLineText).
		return splitCodeFirst(after)
	}
	if code, rest, ok := bracketCode(text); ok {
		// "[E1001] Bad input", "【CD001】カード番号が正しくありません": the code in brackets,
		// as a heading writes it.
		if line, _, more := strings.Cut(text, "\n"); more {
			if _, m, _ := bracketCode(line); m == "" {
				rest = text[len(line):] // the code alone on its line: its text is nested
			}
		}
		return code, rest, strings.TrimSpace(rest) != ""
	}
	return "", "", false
}

// splitCodeFirst is splitListCode of text that begins with its code.
func splitCodeFirst(text string) (code, rest string, ok bool) {
	i := strings.IndexAny(text, " \t\n\u3000") // an ideographic space parts words too ("INV-0001　在庫…")
	if k := strings.Index(text, "："); k > 0 && (i < 0 || k < i) {
		i = k // "20001：余额不足": a full-width colon takes no space after it
	}
	if k := statusParenAfterCode(text); k > 0 && (i < 0 || k < i) {
		i = k // "-1001（400）：…": a status in full-width parentheses right after the code
	}
	if i <= 0 {
		return "", "", false
	}
	first := strings.TrimRight(text[:i], ":：.-")
	code = cleanCode(first)
	if strings.HasPrefix(first, "[") || !isToken(code) || !codeShaped(code) || !(isInteger(code) || codeLike(code)) {
		return "", "", false
	}
	if text[i] == '\n' {
		// A code alone on its item, its text in a nested list: "\n- Cause: …" stays the
		// nested list's (addCodeList cuts at the line break).
		return code, text[i:], strings.TrimSpace(text[i:]) != ""
	}
	rest = strings.TrimSpace(text[i:])
	rest = strings.TrimSpace(strings.TrimLeft(rest, "-–—:：－―"))
	if after, ok := strings.CutPrefix(rest, "ー"); ok && (after == "" || after[0] == ' ' || after[0] == '\t') {
		// "DV-2004 ー Command …": the katakana length mark, standing alone, typed for a
		// dash (no word begins with it).
		rest = strings.TrimSpace(after)
	}
	return code, rest, rest != ""
}

// addCodeList turns a list whose every item is a code and its text into entries, as if it
// were a two-column table, and reports whether it did. A list that is not (a table of
// contents, a list of steps) is left to the caller.
func (doc *Doc) addCodeList(items []listItemText, ctx tableContext) bool {
	if !codeListOK(items) {
		return false
	}
	doc.note(items[0].Pos, "list of %d items: each a code and its text", len(items))
	var ranges []string
	for _, it := range items {
		if rangeItem(it.Text) {
			doc.note(it.Pos, "list item %q: a range of codes, not an error: kept as text", it.Text)
			ranges = append(ranges, "- "+it.Text)
			continue
		}
		code, rest, _ := splitListCode(it.Text)
		doc.Rows++
		rest, nested, _ := strings.Cut(rest, "\n")
		own, rest := listItemStatus(rest)
		if own == 0 {
			own, rest = trailingStatus(rest) // "E1001: Invalid parameter (400)"
		}
		e := &catalog.Entry{Code: code, Protocol: catalog.HTTP, Group: ctx.Group, Source: it.Pos}
		struck := doc.codeDecor(e, it.Text)
		if t, ok := unstruck(rest); ok && struck {
			rest = t // "- ~~E_OLD~~ — ~~Gone.~~": the message of a code struck through
		}
		if messageText(rest) {
			e.Message = rest // as a heading's text after its code is
		} else {
			e.Description = rest
		}
		if nested != "" {
			// The items of a list under the code's item: labelled ones ("Cause: …",
			// "Fix: …", "Status: 404") go to their fields, the rest to the description.
			et := readEntryText(strings.Split(nested, "\n\n")) // a loose item's paragraphs
			e.Description = joinParas(e.Description, et.Description)
			e.Resolution = et.Resolution
			e.SetFields(et.Fields)
			if e.Message == "" {
				e.Message = et.Message
			}
			if own == 0 {
				own = et.Status
			}
		}
		resolveStatus(e, own, ctx.Status, &doc.Diags)
		doc.Entries = append(doc.Entries, e)
	}
	if ranges != nil {
		doc.kept = append(doc.kept, strings.Join(ranges, "\n"))
	}
	return true
}

// The lengths in runes up to which the text after a code on its line is its message (see
// messageText).
const (
	shortMessageRunes = 80  // text of one or two sentences
	longMessageRunes  = 200 // text of one sentence
)

// messageText reports whether the text written after a code on the code's own line (a
// list item, a line of a paragraph of codes) is the message the API returns, as the text
// after the code in a heading or in a table's code cell is: one sentence ("Invalid
// token", "The bucket does not exist."), or two short ones ("Token expired. Log in
// again.", "残高が不足しています。再度お試しください。"). Longer text, more sentences, text
// that holds a table, or that names the status the error comes with ("Returned with HTTP
// 409.": no API says that in its message) explains the error: it is the description.
func messageText(t string) bool {
	if t == "" || strings.Contains(t, "\n") || strings.Contains(t, " | ") {
		return false
	}
	n := utf8.RuneCountInString(t)
	if n > longMessageRunes {
		return false // counted first: sentences looks at every rune
	}
	if _, ok := oneTextStatus(t); ok {
		return false
	}
	switch sentences(t) {
	case 1:
		return true
	case 2:
		return n <= shortMessageRunes
	}
	return false
}

// sentences counts the sentences of t, up to 3: a sentence ends at ". ", "! ", "? ", "。",
// "！" or "？" with more text after it.
func sentences(t string) int {
	n := 1
	for i, r := range t {
		more := false
		switch r {
		case '.', '!', '?':
			rest := t[i+1:]
			more = len(rest) > 1 && rest[0] == ' ' && strings.TrimSpace(rest) != ""
			if r == '.' && i >= 2 && t[i-2] == '.' && isASCIILetter(t[i-1]) {
				more = false // "e.g.", "i.e.", "U.S.": an abbreviation's dot ends no sentence
			}
		case '。', '！', '？':
			more = strings.TrimSpace(t[i+utf8.RuneLen(r):]) != ""
		}
		if more {
			if n++; n == 3 {
				break
			}
		}
	}
	return n
}

// codeListOK reports whether every item of a list is a code and its text, the codes
// nearly all different. A list of one item is one when its code is plainly a code
// (spacedCode) or written as code ("- `E_GONE` — …"): a status heading may document a
// single code, as its neighbours document several.
func codeListOK(items []listItemText) bool {
	if len(items) == 1 {
		code, _, ok := splitListCode(items[0].Text)
		return ok && (spacedCode(code) || strings.HasPrefix(trimDecoration(items[0].Text), "`"))
	}
	if len(items) < 2 {
		return false
	}
	seen := map[string]bool{}
	codes := 0
	for _, it := range items {
		if rangeItem(it.Text) {
			continue // "1011–1099: Reserved.": no code, and no list of prose either
		}
		code, _, ok := splitListCode(it.Text)
		if !ok {
			return false
		}
		seen[code] = true
		codes++
	}
	return codes >= 2 && len(seen)*10 >= codes*9
}

// codeLine is a code's line of a paragraph that lists codes (paraCodeLines), with the
// lines under it that say more of the code, and how many lines below the paragraph's
// first line it stands.
type codeLine struct {
	text string
	at   int
}

// paraCodeLines returns the codes' lines of a paragraph that lists codes one per line,
// with no bullets ("E1001 - Invalid parameter", "错误码 20001：余额不足", "Error code E1002:
// …"): each line without a label naming the code before it, or nil. Every line is a code,
// a separator (":", "：", "-", "–", "—") and its text, so that sentences that begin with a
// code ("E1001 means …") are no list; or it says more of the code above it, as a nested
// list does under a code's item: it is indented deeper than the codes' lines, begins with
// a bullet ("▶ 조치 : …"), or is labelled with what it says ("Fix: …", "원인: …"). Such a
// line is kept under its code's line, on a line of its own. The paragraph has two lines
// or more.
func paraCodeLines(text string) []codeLine {
	text = strings.TrimRight(strings.TrimLeft(text, "\n"), " \t\n")
	if !strings.Contains(text, "\n") {
		return nil
	}
	var lines []codeLine // made once the first line is one: most paragraphs are prose
	base := 0            // the indentation of the codes' lines
	mark := ""           // the bullet the first code's line begins with ("・INV-0001　…"), if any
	for at, rest := 0, text; rest != ""; at++ {
		var raw, l string
		raw, rest, _ = strings.Cut(rest, "\n")
		l = lineBreakless(strings.TrimSpace(raw))
		if len(lines) > 0 && codeDetail(raw, l, base) && !sameMarkCode(raw, l, mark, base) {
			lines[len(lines)-1].text += "\n" + l
			continue
		}
		l, ok := codeLineText(l)
		if !ok {
			return nil
		}
		if len(lines) == 0 {
			base = indentOf([]byte(raw))
			_, mark, _ = listItem(lineBreakless(strings.TrimSpace(raw)))
		}
		lines = append(lines, codeLine{text: l, at: at})
	}
	return lines
}

// sameMarkCode reports whether a line (raw as written, l trimmed) is the next code's line
// of codes written after a bullet, mark, at the indentation base: it begins with that
// bullet, is no deeper, and reads as a code's line. It says no more of the code above.
func sameMarkCode(raw, l, mark string, base int) bool {
	if mark == "" || indentOf([]byte(raw)) > base {
		return false
	}
	if _, m, ok := listItem(l); !ok || m != mark {
		return false
	}
	_, ok := codeLineText(l)
	return ok
}

// codeLineText reads a line as a code, a separator and its text, without a label that
// names the code before it ("错误码 20001：余额不足" is "20001：余额不足").
func codeLineText(l string) (string, bool) {
	if _, msg, ok := bracketCode(l); ok && msg != "" {
		return l, true // "【CD001】カード番号が…", "[E1001] Bad input": the brackets part them
	}
	if !strings.ContainsAny(l, ":：-–—\u3000") {
		return "", false // every separator is one of these
	}
	if _, _, ok := splitListCode(l); !ok || !codeLineSep(l) {
		l = withoutCodeLabel(l)
		if _, _, ok := splitListCode(l); !ok || !codeLineSep(l) {
			return "", false
		}
	}
	return l, true
}

// codeDetail reports whether a line under a code's line (raw as written, l trimmed) says
// more of the code: it is indented deeper than the codes' lines (base), begins with a
// bullet, or is labelled with what it says (detailLabel).
func codeDetail(raw, l string, base int) bool {
	if l == "" {
		return false
	}
	if indentOf([]byte(raw)) > base || detailLabel(l) {
		return true
	}
	_, _, ok := listItem(l)
	return ok
}

// codeLineSep reports whether the code that begins line is followed by a separator: glued
// to it ("E1001:", "20001：余额不足", an ideographic space) or after spaces ("E1001 - …").
func codeLineSep(line string) bool {
	i := strings.IndexAny(line, " \t")
	if k := strings.Index(line, "："); k > 0 && (i < 0 || k < i) {
		return true
	}
	if k := strings.Index(line, "\u3000"); k > 0 && (i < 0 || k < i) {
		return true // "INV-0001　在庫…": an ideographic space right after the code parts it
	}
	if statusParenAfterCode(line) > 0 {
		return true // "E1001（400）：…": its status, glued to it, then the separator
	}
	if i <= 0 {
		return false
	}
	if strings.ContainsAny(line[i-1:i], ":-") {
		return true
	}
	rest := strings.TrimLeft(line[i:], " \t")
	if m := reItemStatus.FindStringIndex(halfWidthDigits(rest)); m != nil && strings.TrimSpace(rest[writtenOffset(rest, m[1]):]) != "" {
		return true // "E1001 (400): …", "E1001 (HTTP 400) …": its status, then its text
	}
	for _, sep := range []string{"-", "–", "—", ":", "："} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// withoutCodeLabel returns line without the label of up to three words that names the
// code before it ("错误码 20001：…", "Error code E1002: …"), or line.
func withoutCodeLabel(line string) string {
	at := 0
	for n := 0; n < 3; n++ {
		i := strings.IndexAny(line[at:], " \t")
		if i < 0 {
			return line
		}
		at += i
		// The word after the label must be plainly a code (looked at first: it is cheap,
		// and most lines fail there).
		after := strings.TrimLeft(line[at:], " \t")
		tok := after
		if k := strings.IndexAny(tok, " \t：(（"); k >= 0 {
			tok = tok[:k]
		}
		if spacedCode(cleanCode(strings.TrimRight(tok, ":.-"))) {
			if r, strong := headerWordRole(line[:at]); r == roleCode && strong {
				return after
			}
		}
		at++
	}
	return line
}

// noteTable records what classify made of t, for docgen parse --verbose.
func (doc *Doc) noteTable(t table, pos catalog.Pos) {
	if doc.quiet {
		return
	}
	roles, kind, why := classify(t)
	var cols []string
	for i, r := range roles {
		h := ""
		if i < len(t.Header) {
			h = t.Header[i].Text
		}
		if h == "" {
			h = "column " + itoa(i+1)
		}
		cols = append(cols, fmt.Sprintf("%q=%s", h, r))
	}
	text := fmt.Sprintf("table of %d rows: %s", len(t.Rows), kind)
	if why != "" && kind != tableErrors {
		text += " (" + why + ")"
	}
	if len(cols) > 12 {
		cols = append(cols[:12], fmt.Sprintf("… %d more", len(cols)-12))
	}
	doc.Notes = append(doc.Notes, Note{Pos: pos, Text: text + "; columns " + strings.Join(cols, ", ")})
}

// note records a line of what a reader made of a block.
func (doc *Doc) note(pos catalog.Pos, format string, args ...any) {
	if doc.quiet {
		return
	}
	doc.Notes = append(doc.Notes, Note{Pos: pos, Text: fmt.Sprintf(format, args...)})
}

// mayHoldStatus reports whether a cell can be a status, a class of statuses or a status
// and a name, cheaply, before the regular expressions that decide it: it begins with a
// digit, with "HTTP" or "Status", or ends with a closing parenthesis.
func mayHoldStatus(text string) bool {
	if text == "" {
		return false
	}
	if c := text[0]; c >= '0' && c <= '9' || wideDigitAt(text, 0) {
		return true
	}
	if strings.HasSuffix(text, ")") || strings.HasSuffix(text, "）") {
		return true
	}
	return len(text) >= 4 && (strings.EqualFold(text[:4], "http") || (len(text) >= 6 && strings.EqualFold(text[:6], "status")))
}

// joinParas joins the paragraphs that are not empty with a blank line.
func joinParas(paras ...string) string {
	var kept []string
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// leadCodeColumn finds, in a table with a status column and no code column, the column
// whose cells write the error of each error row first ("`TOKEN_EXPIRED`: The token has
// expired.", a "Responses" table that OpenAPI generators write per operation: Status,
// Meaning, Description, Schema): every row of an error status (4xx, 5xx) has such a cell
// in it, the other rows (200, "The order") none. That column is the code column, its
// cells give each code and its message; a column of the statuses' reason phrases
// ("[Not Found](…)") beside it only names the status again, and is kept as a field.
func leadCodeColumn(roles []role, rows []tableRow) {
	sc := slices.Index(roles, roleStatus)
	if sc < 0 {
		return
	}
	for i, r := range roles {
		if i == sc || r == roleCode || r == roleStatusName {
			continue
		}
		leads := 0
		ok := true
		for _, row := range rows {
			if i >= len(row.Cells) || sc >= len(row.Cells) {
				continue
			}
			st, _ := statusCell(row.Cells[sc].Text)
			_, _, lead := leadCode(row.Cells[i].Text)
			if lead {
				leads++
			}
			if lead != (st >= 400) {
				ok = false
				break
			}
		}
		if !ok || leads == 0 {
			continue
		}
		roles[i] = roleCode
		for j, r := range roles {
			if (r == roleDescription || r == roleMessage) && reasonColumn(rows, j) {
				roles[j] = roleUnknown
			}
		}
		return
	}
}

// leadCode splits a cell that begins with a code span holding a code and goes on after a
// colon or a dash with its text: "`ORDER_NOT_FOUND`: No order has this id.".
func leadCode(text string) (code, rest string, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "`") {
		return "", "", false
	}
	end := strings.IndexByte(text[1:], '`')
	if end < 0 {
		return "", "", false
	}
	code = strings.TrimSpace(text[1 : 1+end])
	if !isToken(code) || !codeLike(code) {
		return "", "", false
	}
	rest = strings.TrimSpace(text[2+end:])
	for _, sep := range []string{":", "：", " - ", "-", "–", "—"} {
		if after, found := strings.CutPrefix(rest, sep); found {
			rest = strings.TrimSpace(after)
			return code, rest, rest != ""
		}
	}
	return "", "", false
}

// reasonColumn reports whether every cell of column i that is not empty is a status's
// reason phrase, written plain or as a link ("[Not Found](https://…)").
func reasonColumn(rows []tableRow, i int) bool {
	n := 0
	for _, row := range rows {
		if i >= len(row.Cells) {
			continue
		}
		text := strings.TrimSpace(row.Cells[i].Text)
		if m := reLinkText.FindStringSubmatch(text); m != nil {
			text = m[1]
		}
		if text == "" {
			continue
		}
		if _, _, ok := statusConstant(text); !ok {
			return false
		}
		n++
	}
	return n > 0
}

// codeByCells gives the code role to the column whose cells are codes when two headers
// name a code ("Reason | Code"): the first took it, but its cells are sentences while the
// other's are code-shaped tokens, each once. The cells decide; the sentences are the
// message, or the description when a column has the message already.
func codeByCells(roles []role, texts []string, cols []colStats) {
	ci := slices.Index(roles, roleCode)
	if ci < 0 || cols[ci].nonEmpty == 0 || cols[ci].tokens > 0 {
		return
	}
	for i, r := range roles {
		c := cols[i]
		if r != roleUnknown || headerRole(texts[i]) != roleCode || c.nonEmpty == 0 || c.tokens != c.nonEmpty || c.codeShaped != c.nonEmpty || !c.unique() {
			continue
		}
		roles[i], roles[ci] = roleCode, roleUnknown
		for _, text := range []role{roleMessage, roleDescription} {
			if !hasRole(roles, text) {
				roles[ci] = text
				break
			}
		}
		return
	}
}

// errorNames reports whether one of the names in column i says error, as a setting's
// does not: ERR_TIMEOUT, PARAM_MISSING, RATE_LIMIT_EXCEEDED, CardDeclined.
func errorNames(rows []tableRow, i int) bool {
	for _, r := range rows {
		if i < len(r.Cells) {
			if c := cleanCode(r.Cells[i].Text); hasErrorAdjective(c) || hasStrictErrorWord(c) {
				return true
			}
		}
	}
	return false
}

// subCodeColumn gives the code role to a sub-code column beside a code column ("错误码 |
// 子错误码", "code | sub_code", "Error code | Sub-code", "오류코드 | 상세코드", "エラーコード |
// 詳細コード", or "err_code" beside "code" or "result_code"): the sub-codes are what a client
// tells apart, each an error of its own, and the code beside them their parent
// (roleParentCode). The sub-code column's cells must be one token each, or empty where a
// row documents the parent code itself. Where the sub-codes and the parent code each have
// a text column of one role ("错误描述" and "子错误描述", "msg" and "sub_msg"), the
// sub-code's takes the role and the parent's is kept as a field.
//
// A second column of codes under any other header (an HTTP status, a type or category, a
// number beside a name) is no sub-code column.
func subCodeColumn(roles []role, texts []string, rows []tableRow) {
	if !slices.ContainsFunc(texts, mayMarkSub) {
		return // most tables: no header folded for nothing
	}
	sub, parent := -1, -1
	for i, h := range texts {
		if headerRole(h) != roleCode {
			continue
		}
		if subCodeHeader(h) {
			if sub < 0 {
				sub = i
			}
		} else if parent < 0 && plainCodeHeader(h) {
			parent = i
		}
	}
	alias := false // "err_code" beside "code": a sub-code, or another name of the code
	if sub < 0 && parent >= 0 && errCodeParents[foldHeader(texts[parent])] {
		for i, h := range texts {
			if i != parent && foldHeader(h) == "errcode" {
				sub, alias = i, true
				break
			}
		}
	}
	if sub < 0 || parent < 0 {
		return
	}
	if c := columnStats(rows, sub); c.nonEmpty == 0 || c.tokens != c.nonEmpty || c.statuses == c.nonEmpty {
		return
	}
	if alias && !parentRepeats(rows, parent) {
		// "code | err_code" over 40001 | INVALID_PARAM, one to one: two names of each
		// error, the first column's the code.
		return
	}
	roles[sub], roles[parent] = roleCode, roleParentCode
	for _, r := range []role{roleMessage, roleDescription, roleResolution} {
		subText, other := -1, -1
		for i, h := range texts {
			if i == sub || i == parent || headerRole(h) != r {
				continue
			}
			if _, ok := subMarked(h); ok {
				if subText < 0 {
					subText = i
				}
			} else if other < 0 {
				other = i
			}
		}
		if subText >= 0 && other >= 0 {
			roles[subText] = r
			if roles[other] == r {
				roles[other] = roleUnknown
			}
		}
	}
}

// parentRepeats reports whether a parent code column stands over several rows once at
// least: a code written again on a later row, or left empty below it (merged down).
func parentRepeats(rows []tableRow, col int) bool {
	seen := make(map[string]bool, len(rows))
	for k, r := range rows {
		c := ""
		if col < len(r.Cells) {
			c = strings.TrimSpace(r.Cells[col].Text)
		}
		if k > 0 && (c == "" || seen[c]) {
			return true
		}
		seen[c] = true
	}
	return false
}

// mayMarkSub reports cheaply whether header h may name a sub-code column: it holds a sub
// mark (subMarks) or "err", in any case.
func mayMarkSub(h string) bool {
	for i := 0; i < len(h); i++ {
		switch h[i] | 0x20 {
		case 's', 'd', 'e':
			rest := h[i:]
			if len(rest) >= 3 && (strings.EqualFold(rest[:3], "sub") || strings.EqualFold(rest[:3], "err")) ||
				len(rest) >= 6 && strings.EqualFold(rest[:6], "detail") {
				return true
			}
		}
	}
	for _, m := range subMarks {
		if m[0] >= utf8.RuneSelf && strings.Contains(h, m) {
			return true
		}
	}
	return false
}

// errCodeParents are the folded headers of a code column beside which "err_code" holds the
// sub-codes: the gateway's code and the business result's.
var errCodeParents = setOf("code", "returncode", "resultcode", "retcode", "rescode")

// subMarks are the words that put "sub" before a header: "sub_code", "Sub-code
// description", "Detail code", "子错误码", "상세코드", "세부 코드", "詳細コード", "サブコード",
// "明细错误码".
var subMarks = []string{"sub", "detail", "子", "상세", "세부", "詳細", "サブ", "明细", "明細"}

// subMarked returns what follows a sub mark at the start of a header, folded ("sub_msg" →
// "msg"). A Latin mark is a word of its own or glued to a vocabulary word ("submsg"), not
// the start of another word ("Subscription", "Details").
func subMarked(h string) (string, bool) {
	f := foldHeader(h)
	for _, m := range subMarks {
		rest, found := strings.CutPrefix(f, m)
		if !found || rest == "" {
			continue
		}
		if m[0] < utf8.RuneSelf {
			toks := headerTokens(h)
			if len(toks) == 0 {
				continue
			}
			if w, ok := strings.CutPrefix(toks[0], m); !ok {
				continue
			} else if _, known := headerWordsByFold[w]; w != "" && !known {
				continue
			}
		}
		return rest, true
	}
	return "", false
}

// subCodeHeader reports whether a header names a sub-code column: a sub mark before a
// word for code, in the header or in one of its parts ("Sub-code (sub_code)").
func subCodeHeader(h string) bool {
	if rest, ok := subMarked(h); ok && plainCodeHeader(rest) {
		return true
	}
	for _, p := range strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '(' || r == ')' || r == '（' || r == '）' }) {
		if rest, ok := subMarked(p); ok && plainCodeHeader(rest) {
			return true
		}
	}
	return false
}
