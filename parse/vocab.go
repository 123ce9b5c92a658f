package parse

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the header vocabulary of the interpreter: the words, in Korean, English,
// Japanese and Chinese, by which a table header, a data-file key or a labelled line names
// what its column holds. A new header word goes into headerWords; nothing else needs to
// change.
//
// A header is matched by words, not as a whole: "HTTP Status Code", "Error code (string)",
// "エラー内容", "错误代码" and "descripton" (a typo) each name a role. Latin words are
// matched whole, and a word of five letters or more also at one typo (one letter added,
// dropped, changed or two swapped); words of other scripts are matched inside the header,
// since Korean, Japanese and Chinese headers glue their words ("오류코드", "错误代码").

// headerWord is one word of the vocabulary.
type headerWord struct {
	word string // folded: lower case, letters and digits only
	role role
	// weak words name a role only when nothing stronger does: "error" alone is a code
	// column ("Error" over INVALID_SECRET), but "error message" is a message.
	weak bool
}

// headerWords is the vocabulary. Order does not matter.
var headerWords = func() []headerWord {
	var ws []headerWord
	add := func(r role, weak bool, words ...string) {
		for _, w := range words {
			ws = append(ws, headerWord{word: foldHeader(w), role: r, weak: weak})
		}
	}
	add(roleCode, false,
		"code", "codes", "errcode", "errorcode", "errorcodes", "reason", "errorname", "errorkey", "errortype",
		"identifier", "errno", "slug", "constant",
		"코드", "오류코드", "에러코드", "오류타입", "에러타입", "오류명", "에러명", "응답코드", "결과코드",
		"コード", "エラーコード", "エラー番号", "エラーid", "結果コード",
		"码", "代码", "错误码", "错误代码", "返回码", "错误编码", "编码", "错误标识",
		// Traditional Chinese (Taiwan, Hong Kong)
		"碼", "代碼", "錯誤碼", "錯誤代碼", "回傳碼", "返回碼", "錯誤編碼", "編碼", "錯誤標識")
	add(roleCode, true, "error", "err", "id", "errorid", "num", "number", "오류", "에러", "번호",
		"エラー", "番号", "错误", "编号", "名称", "錯誤", "編號", "名稱")
	add(roleStatus, false,
		"status", "statuscode", "httpstatus", "httpcode", "http", "httpstatuscode",
		"상태", "상태코드", "상태값", "응답상태",
		"ステータス", "ステータスコード", "状態", "状態コード",
		"状态", "状态码", "http状态码", "响应码", "狀態", "狀態碼", "http狀態碼", "響應碼")
	add(roleMessage, false,
		"message", "messages", "msg", "errormessage", "errormsg", "errmsg", "title", "summary", "text",
		"메시지", "메세지", "오류메시지", "에러메시지", "문구", "처리결과",
		"メッセージ", "エラーメッセージ", "文言", "結果メッセージ", "画面表示メッセージ", "メッセージ内容", "表示文言",
		"메시지내용", "화면메시지", "消息内容",
		"消息", "信息", "错误信息", "提示", "提示信息", "错误消息", "返回信息",
		"訊息", "錯誤訊息", "資訊", "錯誤資訊", "提示訊息", "錯誤消息")
	// "안내" (notice) is the message a user is shown ("고객 안내 메시지"), unless a
	// stronger word says what the notice is of ("조치 안내": a resolution).
	add(roleMessage, true, "안내")
	add(roleDescription, false,
		"description", "descriptions", "desc", "meaning", "example", "examples", "sample", "details", "detail", "explanation", "remark",
		"remarks", "note", "notes", "cause", "causes", "when", "comment", "comments",
		"trigger", "triggers", "situation", "scenario", "condition", "conditions",
		"설명", "의미", "뜻", "내용", "상세", "상세설명", "원인", "발생원인", "비고", "참고", "참고사항", "예시", "상황", "발생상황", "발생조건",
		"意味", "説明", "内容", "詳細", "原因", "概要", "備考", "理由", "状況", "発生条件",
		"描述", "说明", "含义", "备注", "错误描述", "描述信息", "原因说明", "场景", "触发条件", "发生场景",
		"說明", "含義", "備註", "錯誤描述", "原因說明")
	add(roleResolution, false,
		"resolution", "solution", "solutions", "fix", "howtofix", "action", "actions", "remedy", "remediation",
		"hint", "hints",
		"suggestedaction", "handling", "handlingmeasure", "measure", "workaround", "recommendation",
		"해결", "해결방법", "해결방안", "조치", "조치방법", "조치사항", "대응", "대응방법", "처리방법",
		"対策", "対処", "対処法", "対応", "対処方法", "解決策", "解決方法",
		"解决", "解决方案", "解决办法", "解决方法", "处理", "处理方法", "处理建议", "建议", "措施",
		"解決", "解決方案", "解決辦法", "處理", "處理方法", "處理方式", "處理建議", "建議")
	// Phrases: headers that say it in a few plain words. Each is also matched written as
	// separate words ("What to do"), see headerPhrases.
	for _, p := range headerPhraseList {
		add(p.role, false, p.words)
	}
	return ws
}()

// headerPhraseList are the vocabulary's phrases of several English words, which a header
// writes apart ("What happened", "How to fix"): their words alone name nothing, or
// something else ("fix" alone would already do; "what", "to", "do" would not).
var headerPhraseList = []struct {
	words string
	role  role
}{
	{"what happened", roleDescription}, {"what it means", roleDescription}, {"why", roleDescription},
	{"when it happens", roleDescription}, {"when it occurs", roleDescription}, {"when returned", roleDescription},
	{"why it happens", roleDescription}, {"possible cause", roleDescription}, {"possible causes", roleDescription},
	{"what to do", roleResolution}, {"how to fix", roleResolution}, {"how to resolve", roleResolution},
	{"how to solve", roleResolution}, {"how to handle", roleResolution}, {"how to recover", roleResolution},
	{"what you can do", roleResolution}, {"next step", roleResolution}, {"next steps", roleResolution},
	{"troubleshooting", roleResolution}, {"mitigation", roleResolution}, {"user action", roleResolution},
	{"recovery", roleResolution},
}

// headerPhrases are the folded phrases of headerPhraseList, by their number of words.
var headerPhrases = func() map[string]int {
	m := map[string]int{}
	for _, p := range headerPhraseList {
		m[foldHeader(p.words)] = len(strings.Fields(p.words))
	}
	return m
}()

// headerWordsByFold finds a vocabulary word by its folded spelling.
var headerWordsByFold = func() map[string]headerWord {
	m := make(map[string]headerWord, len(headerWords))
	for _, w := range headerWords {
		m[w.word] = w
	}
	return m
}()

// notErrorHeaders are the words of headers that make a table a parameter, field or
// reference table rather than an error list, when it has no code column.
var notErrorHeaders = []string{
	"parameter", "param", "field", "fieldname", "property", "attribute", "argument", "header",
	"option", "default", "flag", "variable",
	"파라미터", "매개변수", "필드", "필드명", "속성", "항목", "헤더", "카드사", "은행", "옵션", "기본값", "변수",
	"항목구분", "항목크기", "샘플데이터", "요청변수", "출력변수", // the public-data portals' request and response tables
	"パラメータ", "パラメーター", "フィールド", "引数", "項目", "ヘッダ", "オプション", "デフォルト", "既定値", "変数",
	"参数", "字段", "属性", "请求头", "參數", "欄位", "屬性", "請求頭", "选项", "默认值", "变量", "預設值", "變數",
}

// settingsHeaders are the words of headers that name a setting or a limit and its value
// ("Limit", "Setting", "제한", "設定", "配置"): a table of them lists what can be set or
// how far a request may go, not errors, when no column is named a code.
var settingsHeaders = []string{
	"limit", "limits", "ratelimit", "quota", "quotas", "setting", "settings", "config", "configuration",
	"제한", "제한값", "제한항목", "한도", "설정", "설정값", "설정항목", "설정명",
	"制限", "制限値", "制限項目", "上限", "設定", "設定値", "設定項目", "設定名",
	"限制", "限制项", "限额", "配置", "配置项", "设置", "设置项", "限額", "設置", "限制項", "配置項",
}

// defaultHeaders are the folded headers of a column that gives each row its default value
// ("Default", "기본값", "デフォルト", "默认值"): the rows are settings, not errors. A header
// that says what the default is of ("Default message") is not one.
var defaultHeaders = setOf("default", "defaults", "defaultvalue", "기본값", "디폴트", "디폴트값",
	"デフォルト", "デフォルト値", "既定値", "初期値", "默认值", "默认", "缺省值", "預設值", "預設")

// settingsHeader reports whether a header names a setting or limit column.
func settingsHeader(h string) bool {
	return headerIn(h, settingsHeaders)
}

// defaultHeader reports whether a header names a column of default values.
func defaultHeader(h string) bool { return defaultHeaders[foldHeader(h)] }

// headerWordRole returns the role one header names by its words, and whether that came
// from a strong word. It returns roleUnknown when no vocabulary word is in the header.
//
// The rules: a status word or "HTTP" makes a status column ("HTTP Status Code", "HTTP
// code", "状态码"); otherwise the last strong word decides, as compounds in all four
// languages put their head last ("Error code" → code, "エラーメッセージ" → message); weak
// words ("error", "ID") decide only alone.
func headerWordRole(h string) (role, bool) {
	r, strong, _ := headerWordMatch(h)
	return r, strong
}

// headerWordMatch is headerWordRole, also returning how many of the header's words are
// not the vocabulary's (function words among them).
func headerWordMatch(h string) (role, bool, int) {
	words := headerTokens(h)
	if len(words) == 0 {
		return roleUnknown, false, 0
	}
	last, lastWeak := roleUnknown, roleUnknown
	status := false
	matched, function := 0, 0
	for i := 0; i < len(words); {
		w, n := words[i], 1
		if functionWords[w] {
			// "HTTP status of the response" says no more than "Response HTTP status".
			function++
			i++
			continue
		}
		for k := min(4, len(words)-i); k >= 2; k-- { // a phrase written as separate words
			if joined := strings.Join(words[i:i+k], ""); headerPhrases[joined] == k {
				w, n = joined, k
				break
			}
		}
		i += n
		hw, ok := matchWord(w)
		if !ok {
			continue
		}
		matched += n
		if hw.role == roleStatus {
			status = true
		}
		if hw.weak {
			lastWeak = hw.role
		} else {
			last = hw.role
		}
	}
	// A header is a few words, most of them the vocabulary's: a cell of text that holds
	// one ("DOOR_STATE_LOST", "扉の状態が不明") names nothing.
	// Function words count among the other words, for a label must be the vocabulary's
	// words but one ("See the status codes: 400 and 401." is a sentence).
	other := len(words) - matched
	if content := len(words) - function; matched*2 < content || content > 6 {
		if r, ok := headFirst(words); ok && content <= 6 {
			return r, true, other
		}
		return roleUnknown, false, other
	}
	switch {
	case status:
		return roleStatus, true, other
	case last != roleUnknown:
		return last, true, other
	}
	return lastWeak, false, other
}

// functionWords are English words that join a header's words and name nothing: they do
// not count among the header's words ("Status of the request" is "Request status").
var functionWords = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "for": true, "in": true, "on": true,
	"per": true, "by": true, "to": true, "with": true, "from": true,
}

// headerTokens splits a header into the words to look up: runs of Latin letters and
// digits ("HTTP", "StatusCode" as "status" and "code"), and, for other scripts, every known
// word found inside a run ("오류코드" gives "오류코드"; "原因・対処" gives "原因", "対処").
func headerTokens(h string) []string {
	var out []string
	runes := []rune(h)
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			j := i
			for j < len(runes) && runes[j] < utf8.RuneSelf && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j])) {
				j++
			}
			out = append(out, camelWords(string(runes[i:j]))...)
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(runes) && runes[j] >= utf8.RuneSelf && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j])) {
				j++
			}
			out = append(out, cjkWords(strings.ToLower(string(runes[i:j])))...)
			i = j
		default:
			i++
		}
	}
	return out
}

// camelWords splits a Latin word at case changes ("StatusCode" → "status", "code"; "HTTPCode"
// → "http", "code"), lower-cased, and keeps the whole word first so that a compound that is
// itself a vocabulary word ("errorcode") matches as one.
func camelWords(w string) []string {
	parts := splitCamel(w)
	lw := strings.ToLower(w)
	if len(parts) <= 1 {
		return []string{lw}
	}
	if _, ok := headerWordsByFold[lw]; ok {
		return []string{lw}
	}
	for i := range parts {
		parts[i] = strings.ToLower(parts[i])
	}
	return parts
}

// splitCamel splits at lower→upper and at the last upper of an upper run followed by
// lower ("HTTPStatus" → "HTTP", "Status").
func splitCamel(w string) []string {
	var parts []string
	start := 0
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		lowerToUpper := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		acronymEnd := i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1])
		if lowerToUpper || acronymEnd {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}

// cjkWords returns the vocabulary words inside a run of Korean, Japanese or Chinese text,
// longest first at each position, left to right; a run that is itself a word gives that
// word alone.
func cjkWords(run string) []string {
	if _, ok := headerWordsByFold[run]; ok {
		return []string{run}
	}
	var out []string
	rs := []rune(run)
	gap := 0 // runes between the words found, each two of which count as a word
	for i := 0; i < len(rs); {
		found := 0
		for j := min(len(rs), i+8); j > i; j-- {
			if _, ok := headerWordsByFold[string(rs[i:j])]; ok {
				found = j - i
				out = append(out, string(rs[i:j]))
				break
			}
		}
		if found == 0 {
			i++
			gap++
			if gap == 2 {
				out = append(out, "")
				gap = 0
			}
		} else {
			i += found
			gap = 0
		}
	}
	return out
}

// matchWord looks a folded word up in the vocabulary: exactly, or for Latin words of five
// letters or more at one typo from a vocabulary word of five letters or more.
func matchWord(w string) (headerWord, bool) {
	if hw, ok := headerWordsByFold[w]; ok {
		return hw, true
	}
	if len(w) < 5 || w[0] >= utf8.RuneSelf {
		return headerWord{}, false
	}
	for _, hw := range headerWords {
		if len(hw.word) >= 5 && hw.word[0] < utf8.RuneSelf && oneEdit(w, hw.word) {
			return hw, true
		}
	}
	return headerWord{}, false
}

// oneEdit reports whether ASCII words a and b differ by one insertion, deletion,
// substitution or swap of neighbours.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

// notErrorHeader reports whether a header names a parameter, field or reference column.
func notErrorHeader(h string) bool {
	if headerIn(h, notErrorHeaders) {
		return true
	}
	// "항목명(영문)", "Field (name)": the words before a parenthesis name the column.
	if i := strings.IndexAny(h, "(（"); i > 0 {
		return headerIn(h[:i], notErrorHeaders)
	}
	return false
}

// headerIn reports whether a header is one of words, or one of them with a short word
// after it ("Parameter name", "Setting key").
func headerIn(h string, words []string) bool {
	f := foldHeader(h)
	for _, w := range words {
		if f == w || (strings.HasPrefix(f, w) && len(f) <= len(w)+4) {
			return true
		}
	}
	return false
}

// codeSuffixHeader reports whether a header ends in a word for code ("Status code",
// "응답코드", "响应码", "応答コード"): a status header that says so may head a column of
// codes that are no statuses.
func codeSuffixHeader(h string) bool {
	f := foldHeader(h)
	for _, w := range []string{"code", "codes", "코드", "码", "碼", "コード"} {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// plainCodeHeader reports whether a header names a code column in so many words ("Error
// code", "에러코드"), not by a weak word ("ID", "名称") or by no word at all.
func plainCodeHeader(h string) bool {
	if roleNames[foldHeader(h)] == roleCode {
		return true
	}
	r, strong := headerWordRole(h)
	return r == roleCode && strong
}

// paramColumn says which column of a table makes it a parameter or field table: one of
// data types ("string", "Integer", "문자열", "字符串"), or one that says whether each row is
// required ("필수"/"옵션", "必須"/"任意", or "Required" over Yes/No); "" when none does.
// An error list has neither.
func paramColumn(headers []string, rows []tableRow) string {
	for i := range headers {
		types, required, yesNo, n := 0, 0, 0, 0
		for _, r := range rows {
			if i >= len(r.Cells) {
				continue
			}
			v := foldHeader(reTypeSize.ReplaceAllString(cleanCode(r.Cells[i].Text), ""))
			if v == "" {
				continue
			}
			n++
			switch {
			case dataTypeNames[v]:
				types++
			case requiredValues[v]:
				required++
			case yesNoValues[v]:
				yesNo++
			}
		}
		if n < 2 && n < len(rows) || n == 0 {
			continue
		}
		switch {
		case types == n:
			return fmt.Sprintf("column %q holds data types", headers[i])
		case required == n, required > 0 && required+yesNo == n && requiredHeader(headers[i]),
			yesNo == n && requiredHeader(headers[i]):
			return fmt.Sprintf("column %q says whether each is required", headers[i])
		}
	}
	return ""
}

// reTypeSize matches what follows a data type's name in a parameter table: a size or a
// list mark ("string(100)", "varchar[20]", "String[]", "int (4)"), or its type parameters
// ("Dictionary<string, object>", "List<int>").
var reTypeSize = regexp.MustCompile(`\s*[(\[（<].*$`)

// requiredHeader reports whether a header asks whether a parameter is required: it is
// the question alone ("Required", "필수 여부", "是否必填"), not a column of an error
// ("Re-login required").
func requiredHeader(h string) bool {
	return requiredHeaders[foldHeader(h)]
}

// requiredHeaders are the folded headers of required columns.
var requiredHeaders = setOf("required", "isrequired", "mandatory", "optional", "requirement",
	"requiredoptional", "req", "필수", "필수여부", "필수값", "필수유무", "必須", "必須項目", "必須任意",
	"必须", "必需", "必选", "必填", "是否必须", "是否必选", "是否必填", "是否必需", "必要")

// dataTypeNames are the folded names of data types in parameter and field tables.
var dataTypeNames = setOf(
	"string", "str", "text", "varchar", "char", "integer", "int", "int8", "int16", "int32", "int64",
	"uint", "uint32", "uint64", "long", "short", "number", "numeric", "float", "double", "decimal",
	"boolean", "bool", "object", "array", "list", "map", "dictionary", "dict", "hashmap", "set", "tuple",
	"date", "datetime", "timestamp", "time",
	"uuid", "json", "file", "binary", "byte", "bytes", "enum", "stringarray", "objectarray",
	"문자", "문자열", "숫자", "정수", "실수", "날짜", "불리언", "배열", "객체",
	"文字列", "数値", "整数", "真偽値", "日付", "配列", "オブジェクト", "文字",
	"字符串", "整型", "整数型", "数字", "布尔", "布尔值", "数组", "对象", "日期", "长整型", "浮点", "浮点型",
	"字串", "布林", "布林值", "陣列", "物件")

// requiredValues are cells that say whether a parameter is required, whatever the header.
var requiredValues = setOf(
	"required", "optional", "mandatory", "필수", "옵션", "선택", "필수아님", "必須", "任意", "必須ではない",
	"必须", "必选", "可选", "必填", "选填", "非必须", "非必填", "必需", "選填", "非必須")

// yesNoValues are cells that answer yes or no: a required column's, under a header that
// asks it.
var yesNoValues = setOf("yes", "no", "y", "n", "true", "false", "o", "x", "예", "아니오", "아니요",
	"是", "否", "はい", "いいえ")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// headFirst returns the role of an English header whose head comes first, the words after
// it a phrase that says which one ("Message shown to the user", "Message returned by the
// API"): its first word is a strong vocabulary word, the next a participle or a function
// word, and no other word is the vocabulary's.
func headFirst(words []string) (role, bool) {
	if len(words) < 2 {
		return roleUnknown, false
	}
	hw, ok := matchWord(words[0])
	if !ok || hw.weak || !isLatinWord(words[0]) {
		return roleUnknown, false
	}
	next := words[1]
	if !functionWords[next] && !participles[next] && !(strings.HasSuffix(next, "ed") && len(next) > 4) {
		return roleUnknown, false
	}
	for _, w := range words[1:] {
		if _, ok := matchWord(w); ok {
			return roleUnknown, false
		}
	}
	return hw.role, true
}

// participles are irregular English past participles that follow a header's head
// ("Message shown to the user"); regular ones end in "ed".
var participles = setOf("shown", "given", "seen", "sent", "written", "thrown", "known", "taken", "made", "done")

// isLatinWord reports whether w is written in Latin letters and digits only.
func isLatinWord(w string) bool {
	for _, r := range w {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
