package parse

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/catalog"
)

// This file is the part of the interpreter that reads the text under a code heading, the
// same way for every front-end: labelled lines and paragraphs ("Solution: …", "**HTTP
// Status**: 401", "상태: 404", "HTTP 422") go to their field, an error body's "message" to
// the message, and the rest is the description.

// reLabel matches a label at the start of a line: "Solution:", "**Status:**", "**HTTP
// Status**:", "해결 방법：". The label is at most five words.
var reLabel = regexp.MustCompile(`^\s*(?:[-*]\s+)?(?:\*\*|__)?([^:：*_\n]{1,40}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*`)

// reHTTPLine matches a line that is only a status: "HTTP 422", "HTTP/1.1 404 Not Found".
var reHTTPLine = regexp.MustCompile(`^\s*HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b[ A-Za-z'-]*$`)

// reHTTPSentence matches a line that begins with a sentence of only a status ("HTTP 401.",
// "**HTTP 404 Not Found.**"), and the text after it.
var reHTTPSentence = regexp.MustCompile(`^\s*(?:\*\*|__)?HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b[ A-Za-z'-]*\.(?:\*\*|__)?\s+(\S.*)$`)

// reInlineLabel matches a label that begins a sentence inside a line ("… expired. **Fix:**
// refresh the token.", "… 만료되었습니다. 해결 방법: 다시 로그인하세요."): group 1 is the
// label, and the line is read as two, cut before it (splitInlineLabels).
var reInlineLabel = regexp.MustCompile(`(?:[.!?]\s+|[。！？]\s*)((?:\*\*|__)?[^*_:：\n.!?。！？]{1,40}?(?:\*\*|__)?\s*[:：])`)

// splitInlineLabels cuts a line before each label that begins a sentence inside it: one in
// bold that readLabel takes, or any that says what to do (a resolution: "Fix:", "Solution:",
// "対処："). A plain label of another field is left in its sentence ("… failed. Note: …").
func splitInlineLabels(line string) []string {
	if !strings.ContainsAny(line, ":：") {
		return []string{line}
	}
	var out []string
	counted, ticks := 0, 0 // the backticks in line[:counted]: an odd count is an open code span
	for from := 0; ; {
		m := reInlineLabel.FindStringSubmatchIndex(line[from:])
		if m == nil {
			break
		}
		at := from + m[2]
		ticks += strings.Count(line[counted:at], "`")
		counted = at
		if ticks%2 == 1 {
			from += m[1] // inside a code span ("Set `client.Fix: true`"): no label
			continue
		}
		// The label and the start of its value decide; a bounded piece of the line keeps a
		// line of many colons linear.
		l, ok := readLabel(line[at:min(len(line), at+200)])
		bold := strings.HasPrefix(line[at:], "**") || strings.HasPrefix(line[at:], "__")
		if !ok || !(bold || l.role == roleResolution) {
			from += m[1]
			continue
		}
		out = append(out, strings.TrimSpace(line[:at]))
		line, from = line[at:], m[3]-m[2] // on past this label
		counted, ticks = 0, 0
	}
	return append(out, line)
}

// reAdmonition matches the line that opens an admonition of a documentation platform:
// MkDocs' '!!! tip "How to fix"' (and '??? …', folded), Docusaurus' ":::tip Resolution",
// GitBook's '{% hint style="info" %}'; group 2 or 4 is its title. reAdmonitionEnd matches
// the line that closes one (":::", "{% endhint %}").
var (
	reAdmonition    = regexp.MustCompile(`^\s*(?:(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"\n]*)")?|:::[ \t]*([A-Za-z][\w-]*)(?:[ \t]*\[?([^\]\n]*)\]?)?|\{%[ \t]*hint\b[^%\n]*%\})[ \t]*$`)
	reAdmonitionEnd = regexp.MustCompile(`^\s*(?::::|\{%[ \t]*endhint[ \t]*%\})[ \t]*$`)
)

// reContentTab matches the title line of an MkDocs content tab ('=== "Go"').
var reContentTab = regexp.MustCompile(`^\s*===\+?[ \t]+"([^"\n]+)"[ \t]*$`)

// admonition reads a line that opens or closes an admonition: the field its text goes to
// (a title that names one, "Resolution", "How to fix"; else the description). Its marks
// are the platform's, not the document's words: they leave the text.
func admonition(line string) (role, bool) {
	if !strings.ContainsAny(line, "!?:{") {
		return roleUnknown, false
	}
	if reAdmonitionEnd.MatchString(line) {
		return roleDescription, true
	}
	m := reAdmonition.FindStringSubmatch(line)
	if m == nil {
		return roleUnknown, false
	}
	title := strings.TrimSpace(m[2] + m[4])
	if r, strong, other := headerWordMatch(title); title != "" && r == roleResolution && strong && other <= 1 {
		return roleResolution, true
	}
	return roleDescription, true
}

// bracketLabel writes a label in lenticular brackets, as Japanese and Chinese pages write
// them ("【エラーコード】PT-A001", "【原因】…"), with a colon ("エラーコード：PT-A001"),
// the one form the label readers know; any other line as it is.
func bracketLabel(line string) string {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "【") {
		return line
	}
	end := strings.Index(t, "】")
	if end < 0 || end > 3+60 {
		return line
	}
	return t[len("【"):end] + "：" + strings.TrimLeft(t[end+len("】"):], " \t")
}

// label is a labelled line read by readLabel.
type label struct {
	role   role
	status catalog.Status // for roleStatus
	value  string         // the text after the label (for roleStatus, what follows the status)
	// message is set for roleStatus when value is the message the status introduces,
	// set apart from it by a dash or a colon ("Status: 410 — The order was deleted.").
	message bool
}

// readLabel reads the first line of a paragraph as a labelled line.
func readLabel(line string) (label, bool) {
	line = bracketLabel(line)
	colon := strings.IndexByte(line, ':') >= 0 || strings.Contains(line, "：")
	if !colon && !strings.Contains(line, "HTTP") {
		return label{}, false // every label has a colon; a status line says HTTP
	}
	folded := halfWidthDigits(line)
	if m := reHTTPLine.FindStringSubmatch(folded); m != nil {
		n, _ := strconv.Atoi(m[1])
		return label{role: roleStatus, status: catalog.Status(n)}, true
	}
	if m := reHTTPSentence.FindStringSubmatch(folded); m != nil {
		// "HTTP 401. The access token expired.": the status, then the text.
		n, _ := strconv.Atoi(m[1])
		return label{role: roleStatus, status: catalog.Status(n), value: asWritten(line, folded, strings.TrimSpace(m[2]))}, true
	}
	m := reLabel.FindStringSubmatchIndex(line)
	if m == nil {
		return label{}, false
	}
	name := strings.TrimSpace(line[m[2]:m[3]])
	if len(strings.Fields(name)) > 5 {
		return label{}, false
	}
	// A label is the vocabulary's words but one at most ("Possible cause:"); a sentence
	// that reaches a colon ("See the status codes: 400 and 401.") is none.
	r, strong, other := headerWordMatch(name)
	if r == roleUnknown || !strong || other > 1 {
		return label{}, false
	}
	value := strings.TrimSpace(line[m[1]:])
	switch r {
	case roleStatus:
		st, rest, ok := leadingStatus(value)
		if !ok {
			return label{}, false
		}
		// "401 Unauthorized": the reason says nothing more; "410 — The order was
		// deleted.": the message.
		text, message := afterStatus(st, rest)
		return label{role: roleStatus, status: st, value: text, message: message}, true
	case roleCode:
		return label{}, false // "Code: …" under a code heading says nothing new
	}
	return label{role: r, value: value}, true
}

// reLeadingStatus matches a status at the start of a value: "404", "401 Unauthorized",
// "410 — Gone".
var reLeadingStatus = regexp.MustCompile(`^([1-5]\d\d)\b\s*(.*)$`)

func leadingStatus(v string) (catalog.Status, string, bool) {
	v = strings.Trim(v, "`* ")
	folded := halfWidthDigits(v)
	m := reLeadingStatus.FindStringSubmatch(folded)
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	return catalog.Status(n), asWritten(v, folded, strings.TrimSpace(m[2])), true
}

// entryText is what the text under a code heading says of its entry.
type entryText struct {
	Message, Description, Resolution string
	Status                           catalog.Status // from a labelled line; 0 if none
	// Fields are the lines of a label the vocabulary does not know ("Returned by: `POST
	// /bookings`") among labelled lines, in order: as a table keeps a column of an unknown
	// header, and a code heading a part of an unknown title.
	Fields []catalog.Field
}

// fieldLabel reads a line of a label of its own that no role names ("Returned by: `POST
// /bookings`", "- **Retry-After:** 30"): a label of one to three words, letters only (no
// "Step 1:", no sentence that reaches a colon), and a value on the line that is not the
// rest of a URL ("https://…").
func fieldLabel(line string) (catalog.Field, bool) {
	m := reLabel.FindStringSubmatchIndex(line)
	if m == nil {
		return catalog.Field{}, false
	}
	name, value := strings.TrimSpace(line[m[2]:m[3]]), strings.TrimSpace(line[m[1]:])
	if value == "" || strings.HasPrefix(value, "//") || len(strings.Fields(name)) > 3 {
		return catalog.Field{}, false
	}
	for i, r := range name {
		if !unicode.IsLetter(r) && (i == 0 || !(r == ' ' || r == '-' || r == '\'' || r == '’' || unicode.IsMark(r))) {
			return catalog.Field{}, false
		}
	}
	return catalog.Field{Name: name, Value: value}, true
}

// continuesValue reports whether a line that reads as a label of its own (fieldLabel, its
// label name) goes on with the value above it instead: hard-wrapped prose that reaches a
// colon ("… while you" / "were editing it: reload it."). prev is the last line of that
// value ("" when there is none: after a status, or a field). The "label" is then a clause,
// which no label is ("다시 시도하세요:", "お試しください："), or the value above ends
// mid-sentence and the line begins in lower case where the paragraph's labels do not
// (lowerLabels: "status: 409" / "retry after: 30" is a record written in lower case).
func continuesValue(prev, name string, lowerLabels bool) bool {
	if clauseEnd(name) {
		return true
	}
	if prev == "" || lowerLabels || sentenceEnd(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLower(r) {
		return false // "Returned by:", and scripts without case: a label may follow any text
	}
	// One hyphenated word is a name ("retry-after: 30", a header), not a wrapped line.
	return strings.ContainsRune(name, ' ') || !strings.ContainsRune(name, '-')
}

// sentenceEnd reports whether a line ends a sentence: with its mark (".", "。", "!", "?",
// before any closing quote, bracket or emphasis), or, as Korean and Japanese text often
// does without one, with a verb's final ending (clauseEnd: "…했습니다", "…ください").
func sentenceEnd(line string) bool {
	t := strings.TrimRight(line, " \t*_`'\"”’)]）」』")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?。！？…", r) || clauseEnd(t)
}

// jaClauseEnds are the endings of a Japanese verb or copula that end a clause: polite
// forms and requests ("確認してください", "できません", "です").
var jaClauseEnds = []string{"ます", "ました", "ません", "ましょう", "ください", "下さい", "です", "でした", "でしょう"}

// clauseEnd reports whether text ends in a verb's final ending, Korean ("…하세요",
// "…합니다", "…없다", "…했어요", "…하죠") or Japanese (jaClauseEnds): it ends a clause,
// where a label is a noun phrase ("반환 위치", "개요", "필요", "返却元").
func clauseEnd(text string) bool {
	t := strings.TrimSpace(text)
	for _, end := range jaClauseEnds {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	last, n := utf8.DecodeLastRuneInString(t)
	before, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
	const ga, hih = 0xAC00, 0xD7A3 // Hangul syllables
	if before < ga || before > hih {
		return false // a one-syllable word ("다", "요") is no ending
	}
	switch last {
	case '다', '죠':
		return true // "합니다", "없다", "하죠"; a noun so ending is no label ("바다")
	case '요':
		// The polite ending follows a syllable without a final consonant on a verb's
		// vowel: "하세요", "해요", "있어요", "돼요", "하지요". "필요", "중요", "주요" are nouns;
		// "개요" (overview) is one too, whose vowel is the ending's.
		s := before - ga
		jong, jung := s%28, s/28%21
		if before == '군' {
			return true // "…하군요"
		}
		switch jung {
		case 0, 1, 4, 5, 6, 7, 9, 10, 11, 14, 20: // ㅏ ㅐ ㅓ ㅔ ㅕ ㅖ ㅘ ㅙ ㅚ ㅝ ㅣ
			return jong == 0 && !strings.HasSuffix(t, "개요")
		}
	}
	return false
}

// readEntryText splits the paragraphs under a code heading (Markdown chunks, in order) into
// an entry's fields. A labelled paragraph goes to its field with the paragraphs after it
// that are not labelled themselves, until the next label; a line of a label no role names
// (fieldLabel: "Returned by: `POST /bookings`") after a label that gave its value on its
// line (or a status) in the same paragraph ends that field too, and is a field of the
// entry of its own (the paragraph is a record: "HTTP status: 409", "Message: …",
// "Returned by: …"), unless it reads on from the value above (continuesValue: hard-wrapped
// prose that reaches a colon, "… while you" / "were editing it: …"); a status line sets
// the status,
// and the text it sets apart after the status is the message ("Status: 410 — The order was
// deleted."); so does a first line that begins with the status (statusLead); an error
// body (a JSON object with a "message") gives the message and stays in the description as
// an example. A message labelled as such wins over one a status line introduced.
func readEntryText(chunks []string) entryText {
	var et entryText
	var desc, res []string
	cur := roleDescription
	// fromStatus: cur is the message a status line introduced; byStatus: et.Message is
	// that message.
	fromStatus, byStatus := false, false
	var keep []string
	// labelledItems is set once a list item was a label ("- Status: 429"): a lone item
	// left between labels is then text, not a list of one ("- Too many requests.").
	labelledItems := false
	// record is set while the paragraph reads as labelled lines, each its field's value
	// on its line ("Message: …", "HTTP status: 409"): a line of a label of its own is
	// then a field (fieldLabel). A label alone on its line ("Resolution:") opens a block
	// of text, in which "Step 1: …" is text; a paragraph of its own ("TIP: …") is text.
	record := false
	// lowerLabels is set once a label of the paragraph began in lower case ("status:
	// 409"): a line that begins so is then no wrapped text (continuesValue).
	lowerLabels := false
	flush := func() {
		if len(keep) == 1 && labelledItems {
			keep[0] = withoutItemMark(keep[0])
		}
		text := strings.Join(keep, "\n")
		keep = nil
		if cur == roleMessage && byStatus && !fromStatus && strings.TrimSpace(text) != "" {
			// "Message: …" after a status line's text: the labelled one is the message.
			desc = append([]string{et.Message}, desc...)
			et.Message, byStatus = "", false
		}
		had := et.Message != ""
		desc, res = place(cur, text, desc, res, &et)
		if fromStatus && !had && et.Message != "" {
			byStatus = true
		}
	}
	take := func(l label) {
		if len(keep) > 0 {
			flush()
		}
		fromStatus = false
		if l.role == roleStatus {
			if et.Status == 0 {
				et.Status = l.status
			}
			cur = roleDescription
			if l.message {
				cur, fromStatus = roleMessage, true
			}
		} else {
			cur = l.role
		}
		if l.value != "" {
			keep = append(keep, l.value)
		}
		record = l.value != "" || l.role == roleStatus
	}
	handle := func(line string) {
		if strings.Contains(line, "===") {
			if m := reContentTab.FindStringSubmatch(line); m != nil {
				line = "**" + m[1] + "**" // an MkDocs content tab's title: '=== "Go"'
			}
		}
		if r, ok := admonition(line); ok {
			if len(keep) > 0 {
				flush()
			}
			cur, fromStatus, record = r, false, false
			return
		}
		l, ok := readLabel(line)
		if !ok {
			if record {
				if f, ok := fieldLabel(line); ok && !continuesValue(lastOf(keep), f.Name, lowerLabels) {
					if len(keep) > 0 {
						flush()
					}
					et.Fields = append(et.Fields, f)
					cur, fromStatus = roleDescription, false
					return
				}
			}
			keep = append(keep, line)
			return
		}
		labelledItems = labelledItems || withoutItemMark(line) != line
		lowerLabels = lowerLabels || beginsLower(line)
		take(l)
	}
	first := true // no text yet: a "404 Not Found" line here is the code's status
	for _, c := range chunks {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		labelledItems, record, lowerLabels = false, false, false
		var lead *label // the first line's status, when a message follows it
		if first {
			first = false
			line, rest, _ := strings.Cut(c, "\n")
			if l, ok := statusLead(line); ok {
				c = strings.TrimSpace(rest)
				if l.value != "" {
					lead = &l
				} else {
					et.Status = l.status
				}
				if c == "" && lead == nil {
					continue
				}
			}
		}
		if lead == nil {
			if msg, ok := bodyMessage(c); ok {
				if et.Message == "" {
					et.Message = msg
				}
				if et.Status == 0 {
					et.Status = exampleStatus(c)
				}
				desc = append(desc, "```json\n"+c+"\n```")
				continue
			}
			if inner, ok := unfence(c); ok {
				if msg, ok := bodyMessage(responseBody(inner)); ok && et.Message == "" {
					et.Message = msg
				}
				if et.Status == 0 {
					et.Status = exampleStatus(inner)
				}
				desc = append(desc, c) // a code block is never split at labels
				continue
			}
		} else {
			take(*lead)
		}
		for _, line := range strings.Split(c, "\n") {
			if c == "" {
				break // the lead line was the whole paragraph
			}
			if !strings.ContainsAny(line, ":：") {
				handle(line) // no label inside it: most lines
				continue
			}
			for _, part := range splitInlineLabels(line) {
				handle(part)
			}
		}
		if len(keep) > 0 {
			flush()
		}
		if cur == roleMessage {
			cur, fromStatus = roleDescription, false // a message is one paragraph
		}
	}
	et.Description = strings.Join(desc, "\n\n")
	et.Resolution = strings.Join(res, "\n\n")
	return et
}

// lastOf returns the last of lines, "" if there is none.
func lastOf(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

// beginsLower reports whether a line's first letter, after a list item's mark and
// emphasis, is a lower-case one ("status: 409", "- **message:** …").
func beginsLower(line string) bool {
	for _, r := range line {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if !strings.ContainsRune(" \t-*+_`", r) {
			return false
		}
	}
	return false
}

// statusLead reads the first line of the text under a code when it begins with the code's
// status: alone with its reason ("404 Not Found", in bold too); set apart from the
// message after it as a message cell's prefix is (textStatusPrefix: "**HTTP 400** — The
// request is bad.", "`409`: The order is closed.", "429 Too Many Requests: slow down");
// or as a "status NNN" line ("Status: 410 — The order was deleted.", "status 501, not
// built yet"). The label it gives is a status label's: its value the message, or a
// remark (afterStatus).
func statusLead(line string) (label, bool) {
	if st, ok := reasonLine(line); ok {
		return label{role: roleStatus, status: st}, true
	}
	line = strings.TrimSpace(line)
	if st, msg, ok := textStatusPrefix(line); ok && !isReason(st, msg) {
		return label{role: roleStatus, status: st, value: msg, message: messageText(msg)}, true
	}
	if st, after, ok := statusLine(line); ok {
		text, message := afterStatus(st, after)
		// Text of several sentences after the status explains the error, as it does
		// after a code in a list item (messageText): the description.
		return label{role: roleStatus, status: st, value: text, message: message && messageText(text)}, true
	}
	return label{}, false
}

// withoutItemMark returns a line without the bullet that makes it a list item ("- ", "* ",
// "+ "); the line as it is when it is none.
func withoutItemMark(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return strings.TrimLeft(t[2:], " ")
	}
	return line
}

// reasonLine reads a line that is only a status and its standard reason ("404 Not Found",
// in bold too): right under a code, it says the code's status and nothing more.
func reasonLine(line string) (catalog.Status, bool) {
	t := halfWidthDigits(strings.Trim(line, " *_"))
	if t == "" || t[0] < '1' || t[0] > '5' {
		return 0, false
	}
	if st, rest, ok := leadingStatus(t); ok && rest != "" && isReason(st, strings.Trim(rest, " *_`.")) {
		return st, true
	}
	return 0, false
}

// unfence returns the text of a chunk that is one fenced code block ("```json" … "```").
func unfence(c string) (string, bool) {
	if !strings.HasPrefix(c, "```") && !strings.HasPrefix(c, "~~~") {
		return "", false
	}
	fence := c[:3]
	nl := strings.IndexByte(c, '\n')
	if nl < 0 || !strings.HasSuffix(c, fence) || len(c) < nl+1+len(fence) {
		return "", false
	}
	inner := c[nl+1 : len(c)-len(fence)]
	if strings.Contains(inner, "\n"+fence) && strings.Index(inner, "\n"+fence) < len(inner)-len(fence)-1 {
		return "", false // more than one block
	}
	return strings.TrimSpace(inner), true
}

// place adds text to the field of role r.
func place(r role, text string, desc, res []string, et *entryText) ([]string, []string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return desc, res
	}
	switch r {
	case roleResolution:
		res = append(res, text)
	case roleMessage:
		if et.Message == "" {
			et.Message = unwrapCodeSpan(text) // a message is plain text: "`Card expired`"
		} else {
			desc = append(desc, text)
		}
	default:
		desc = append(desc, text)
	}
	return desc, res
}

// unwrapCodeSpan returns the text of s when s is one code span ("`Card expired`"); s
// otherwise.
func unwrapCodeSpan(s string) string {
	if len(s) > 2 && s[0] == '`' && s[len(s)-1] == '`' && !strings.Contains(s[1:len(s)-1], "`") {
		return s[1 : len(s)-1]
	}
	return s
}

// bodyMessage returns the "message" of an error body written as a JSON object: at the top
// or under one key ({"error": {"name": …, "message": …}}).
func bodyMessage(text string) (string, bool) {
	if !strings.HasPrefix(text, "{") {
		return "", false
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		// A body cut off or written loosely: its "message" string, up to its quote or
		// the end of the line.
		if m := reMessageField.FindStringSubmatch(text); m != nil {
			return strings.TrimSpace(m[1]), true
		}
		return "", false
	}
	for depth := 0; depth < 2; depth++ {
		if m, ok := v["message"].(string); ok {
			return m, true
		}
		var inner map[string]any
		for _, x := range v {
			if o, ok := x.(map[string]any); ok && inner == nil {
				inner = o
			}
		}
		if inner == nil || len(v) != 1 {
			break
		}
		v = inner
	}
	return "", false
}

// exampleStatus returns the HTTP status an example of the error response under a code
// shows: its status line ("HTTP/1.1 409 Conflict" on the first line of the example), or a
// status member of its JSON body ({"status": 410, …}, at the top or under one key). 0 when
// it shows none.
func exampleStatus(text string) catalog.Status {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	if m := reHTTPLine.FindStringSubmatch(strings.TrimSpace(first)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return catalog.Status(n)
	}
	var v map[string]any
	if json.Unmarshal([]byte(responseBody(text)), &v) != nil {
		return 0
	}
	for depth := 0; depth < 2 && v != nil; depth++ {
		for _, k := range []string{"status", "statusCode", "status_code", "httpStatus", "http_status", "httpStatusCode"} {
			if n, ok := v[k].(float64); ok && n == float64(int(n)) && catalog.Status(int(n)).IsValid() {
				return catalog.Status(int(n))
			}
		}
		var inner map[string]any
		for _, x := range v {
			if o, ok := x.(map[string]any); ok && len(v) == 1 {
				inner = o
			}
		}
		v = inner
	}
	return 0
}

// responseBody returns the body of an example response written with its status line and
// headers ("HTTP/1.1 409 Conflict", "Content-Type: …", a blank line, then the body); any
// other text whole.
func responseBody(text string) string {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "HTTP/") {
		return text
	}
	if _, body, ok := strings.Cut(text, "\n\n"); ok {
		return strings.TrimSpace(body)
	}
	return ""
}

// reMessageField finds a "message" string in text that is not valid JSON.
var reMessageField = regexp.MustCompile(`"message"\s*:\s*"([^"\n]*)`)

// maxRecordLines bounds the lines of a labelled record: more is prose, not one error.
const maxRecordLines = 40

// paraRecord reads a paragraph that documents one error as labelled lines, the code's
// first ("Code: E1001" then "Status: 400", "Message: …"; "**에러 코드:** E1001<br>"): the
// code, and the lines after it for readEntryText. At least one of those is a labelled line
// itself, so that a sentence that begins "Code: E1 …" is none.
func paraRecord(text string) (code string, rest []string, ok bool) {
	first, more, found := strings.Cut(text, "\n")
	if !found {
		return "", nil, false
	}
	if code, ok = recordCode(first); !ok {
		return "", nil, false
	}
	labelled := false
	for n := 0; more != ""; n++ {
		if n == maxRecordLines {
			return "", nil, false
		}
		var line string
		line, more, _ = strings.Cut(more, "\n")
		line = lineBreakless(line)
		if _, ok := readLabel(line); ok {
			labelled = true
		}
		rest = append(rest, line)
	}
	return code, rest, labelled
}

// lineBreakless returns a line without the hard break at its end: "<br>", a backslash or
// two spaces.
func lineBreakless(line string) string {
	line = strings.TrimRight(line, " \t")
	for _, br := range []string{"<br>", "<br/>", "<br />", `\`} {
		if s, ok := strings.CutSuffix(line, br); ok {
			return strings.TrimRight(s, " \t")
		}
	}
	return line
}

// recordCode reads the first line of a labelled record: a label that names the code
// ("Code", "에러 코드", "エラーコード", "错误码") and a code after it.
func recordCode(line string) (string, bool) {
	line = bracketLabel(line)
	if !strings.ContainsAny(line, ":：") {
		return "", false
	}
	m := reLabel.FindStringSubmatchIndex(line)
	if m == nil {
		return "", false
	}
	if r, strong := headerWordRole(strings.TrimSpace(line[m[2]:m[3]])); r != roleCode || !strong {
		return "", false
	}
	code := cleanCode(lineBreakless(line[m[1]:]))
	if !isToken(code) || !(spacedCode(code) || codeLike(code)) {
		return "", false
	}
	return code, true
}
