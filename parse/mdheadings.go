package parse

import (
	"regexp"
	"slices"
	"strings"

	"docgen/catalog"
)

// headingKind is what a Markdown heading is in an error document.
type headingKind int

const (
	hTitle   headingKind = iota // the document's title
	hGroup                      // a group of codes, usually with a status: "## BadRequest" + "status 400"
	hCode                       // one error code: "### DnsResolveFailed"
	hPart                       // a part of a code's documentation: "#### 해결 방법"
	hSection                    // anything else: kept as a section
)

// open is a heading whose body is being collected.
type open struct {
	level  int
	kind   headingKind
	text   string
	status catalog.Status // for groups (and codes with their own status line)
	pos    catalog.Pos
	entry  *catalog.Entry // for hCode and hPart
	role   role           // for hPart: where its body goes
	body   []string       // Markdown chunks
	// deferred is set for a code heading of copied text (a line, no level): it is an entry
	// only when text stands under it, made when it closes.
	deferred bool
	code     string // a deferred code heading's code
	// prose counts the paragraphs, lists of text, labelled lines and error bodies under a
	// deferred code heading: client code alone makes no entry.
	prose int
	// statuses are all the statuses a status heading lists ("502, 503 Unavailable");
	// nested the entries (from, to) of status headings under it, whose statuses are
	// their own.
	statuses []catalog.Status
	nested   [][2]int
	// entries and tables count the entries and tables read while the heading was open;
	// first is the number of entries there were when it opened.
	entries, tables, first int
	// blocks counts the code samples, tables and lists right under the heading.
	blocks int
	// history is set for a changelog's heading and those under it (historyTitle): its
	// lists and paragraphs name codes in passing, its versions are no codes.
	history bool
	// settings is set for a section of configuration, options or parameters and those
	// under it that name no errors (settingsTitle): the names its lists begin with may be
	// settings, not codes (settingsList decides).
	settings settingsKind
	// rpc is 2 when the heading names JSON-RPC, 1 when not, 0 before context asks.
	rpc uint8
	// operation is set for the heading of an API reference's operation (operationHeading):
	// its part headings ("Responses") give the entries under them its name as group.
	operation bool
	// examples is 2 when the heading titles examples (examplesTitle), 1 when not, 0
	// before underExamples asks.
	examples uint8
}

// closeHeading stores what a closed heading collected, whichever reader walked it: a code's
// text as its description, a part of a code's documentation (a "Resolution" subheading) in
// its field, a group with a status or text of its own, a section with text. It returns the
// heading's body.
func (doc *Doc) closeHeading(o *open) string {
	body := trimBlankLines(strings.Join(o.body, "\n\n"))
	switch o.kind {
	case hCode:
		// Labelled lines and paragraphs ("Resolution: …", "**Status:** 404", "HTTP 422")
		// go to their fields; the rest is the description.
		et := readEntryText(o.body)
		o.entry.Description = appendMarkdown(o.entry.Description, trimBlankLines(et.Description))
		o.entry.Resolution = appendMarkdown(o.entry.Resolution, et.Resolution)
		if o.entry.Message == "" {
			o.entry.Message = et.Message
		}
		if len(et.Fields) > 0 {
			o.entry.SetFields(append(slices.Clip(o.entry.Fields()), et.Fields...))
		}
		if et.Status != 0 && o.entry.From != catalog.FromColumn && et.Status != o.entry.Status {
			if o.entry.Status != 0 && o.entry.From == catalog.FromHeading {
				doc.Diags.Add(o.entry.Source, catalog.Warning, catalog.RuleStatusConflict,
					"a line under %q says status %d but the heading above says %d; using the line", o.entry.Code, int(et.Status), int(o.entry.Status))
			}
			o.entry.Status, o.entry.From = et.Status, catalog.FromHeading
		}
	case hPart:
		switch o.role {
		case roleResolution:
			o.entry.Resolution = appendMarkdown(o.entry.Resolution, body)
		case roleMessage:
			o.entry.Message = appendMarkdown(o.entry.Message, body)
		case roleDescription:
			o.entry.Description = appendMarkdown(o.entry.Description, body)
		default:
			if body != "" {
				o.entry.SetFields(append(o.entry.Fields(), catalog.Field{Name: o.text, Value: body}))
			}
		}
	case hGroup:
		if body != "" || o.status != 0 {
			doc.Groups = append(doc.Groups, catalog.Group{Name: o.text, Status: o.status, Description: body, Source: o.pos})
		}
	case hSection:
		if body != "" {
			doc.Sections = append(doc.Sections, catalog.Section{Title: o.text, Body: body, Source: o.pos})
		}
	}
	return body
}

// appendMarkdown joins two Markdown texts with a blank line.
func appendMarkdown(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// headingCode returns the code a heading names: its text without the Markdown a code is
// wrapped in ("### `INVALID_TOKEN`").
func headingCode(text string) string {
	code, _ := splitCodeHeading(text)
	return code
}

// splitCodeHeading reads a heading that names a code: the code alone ("ERR\_CACHE\_X", its
// Markdown escapes undone), the code and a message after a dash or colon ("LOAN001 -
// 인증이 필요합니다", "E100: Bad input"), or after a space when the first word is plainly a
// code ("PAY-1001 잘못된 금액", "E_TIMEOUT Request timed out"; see spacedCode). A heading
// of other words is returned whole.
func splitCodeHeading(text string) (code, message string) {
	t := unescapeMarkdown(text)
	if c, msg, ok := codeAndText(t); ok {
		return c, msg
	}
	// "1. AUTH_FAILED", "2.3 E100: Bad input": a numbered section of one code; "Error:
	// TOKEN_EXPIRED", "Error code: E100 - Bad input", "エラー：E100", "Error code E100": a
	// label that names a code. One number and one label at most are taken off, in that
	// order: no heading is read more than five times (a heading of "1. Error: " repeated
	// must cost linear time).
	rest := t
	if m := reSectionNumber.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:]
		if c, msg, ok := codeAndText(rest); ok && codeLike(c) {
			return c, msg
		}
	}
	if label, after, ok := cutLabel(rest); ok && headerRole(label) == roleCode {
		if c, msg, ok := codeAndText(after); ok && codeLike(c) {
			return c, msg
		}
	}
	if after := withoutCodeLabel(rest); after != rest {
		// "Error code E1001", "错误码 20001：余额不足": the label written with no colon, then a
		// code that is plainly one.
		if c, msg, ok := codeAndText(after); ok && spacedCode(c) {
			return c, msg
		}
	}
	if m := reTrailingCode.FindStringSubmatch(t); m != nil {
		// "Token expired (`TOKEN_EXPIRED`)": the message, then its code in parentheses,
		// written as code, with an underscore ("Token refresh (RFC6749)", "Limits
		// (`X-RateLimit-Limit`)", "Retries (`429`)" are no codes).
		if c := cleanCode(m[2]); strings.HasPrefix(m[2], "`") && isToken(c) && codeLike(c) && strings.Contains(c, "_") {
			return c, strings.TrimSpace(m[1])
		}
	}
	return cleanCode(t), ""
}

// codeAndText reads a heading that is a code, alone or with a message after a dash or
// colon, or after a space when the first word is plainly a code. ok is false for a heading
// of other words, and for a range of codes ("E2000 - E2099").
func codeAndText(t string) (code, message string, ok bool) {
	if c := cleanCode(t); isToken(c) {
		return c, "", true
	}
	if c, msg, ok := bracketCode(t); ok {
		return c, msg, true
	}
	if i := statusParenAfterCode(t); i > 0 {
		// "40001（400）：参数错误", "`KS-401-01`（HTTP 401）：…": the status in parentheses
		// written right after the code, as CJK input methods type it, with no space
		// before it; listItemStatus takes it off the message.
		return cleanCode(t[:i]), strings.TrimSpace(t[i:]), true
	}
	for _, sep := range []string{" - ", " – ", " — ", ": ", "：", " | ", " · ", " • "} {
		i := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		if c := cleanCode(t[:i]); isToken(c) && codeLike(c) {
			msg := strings.TrimSpace(t[i+len(sep):])
			if m := cleanCode(msg); isToken(m) && codeLike(m) && sameShape(c, m) {
				return "", "", false // "E2000 - E2099": a range, not a code and its message
			}
			if yearLike(c) && periodPhrase(msg) {
				return "", "", false // "2024 — Release notes": a year
			}
			return c, msg, true
		}
	}
	if first, rest, ok := strings.Cut(t, " "); ok && strings.TrimSpace(rest) != "" {
		if c, rest := cleanCode(first), strings.TrimSpace(rest); spacedHeadingCode(c, rest) {
			return c, rest, true
		}
	}
	return "", "", false
}

// bracketCode reads a heading that begins with its code in square brackets ("[-1001] User
// canceled", "[E1001]: Bad input", "[LOGIN_CANCELED]"), or in the brackets Japanese and
// Chinese pages write for them: lenticular ("【CD001】カード番号が正しくありません"),
// full-width square ("［E1001］") or tortoise-shell ("〔E1001〕"). The code has a digit or
// an underscore: "[WARNING] …" and "[Beta] …" are tags, "【重要】" or "【原因】" a label,
// "[4.0.0] - 2024-01-15", "[v2]" and "[2024-01-15]" releases, "[1] Overview" and "[2024] …"
// a number; a link ("[E1](#e1)") is cleanCode's.
func bracketCode(t string) (code, message string, ok bool) {
	open, closing := 0, ""
	for _, b := range codeBrackets {
		if strings.HasPrefix(t, b[0]) {
			open, closing = len(b[0]), b[1]
			break
		}
	}
	if closing == "" {
		return "", "", false
	}
	j := strings.Index(t, closing)
	if j < 0 || (closing == "]" && j+1 < len(t) && strings.IndexByte("([", t[j+1]) >= 0) {
		return "", "", false
	}
	c := cleanCode(strings.TrimSpace(t[open:j]))
	if !isToken(c) || !codeLike(c) || !strings.ContainsAny(c, "_0123456789") ||
		reVersion.MatchString(c) || reShortVersion.MatchString(c) || (isDigits(c) && (len(c) < 3 || yearLike(c))) || isDate(c) {
		return "", "", false
	}
	msg := strings.TrimSpace(t[j+len(closing):])
	for _, sep := range []string{"-", "–", "—", ":", "：", "|", "·", "•"} {
		if m, ok := strings.CutPrefix(msg, sep); ok {
			msg = strings.TrimSpace(m)
			break
		}
	}
	return c, msg, true
}

// codeBrackets are the brackets a code may stand in at the start of its heading or line,
// each opening and its closing one (see bracketCode).
var codeBrackets = [][2]string{{"[", "]"}, {"【", "】"}, {"［", "］"}, {"〔", "〕"}}

// statusParenAfterCode returns the offset of a status in parentheses ("（400）",
// "(HTTP 401)") that follows a code in t with no space between and text after it, or -1.
// ("FORBIDDEN(403)" alone is a status heading; with a space before it the code is a
// word of its own and read so.)
func statusParenAfterCode(t string) int {
	i := strings.IndexAny(t, "(（")
	if i <= 0 || t[i-1] == ' ' {
		return -1
	}
	c := cleanCode(t[:i])
	if !isToken(c) || !codeLike(c) {
		return -1
	}
	folded := halfWidthDigits(t[i:])
	m := reItemStatus.FindStringIndex(folded)
	if m == nil || strings.TrimSpace(folded[m[1]:]) == "" {
		return -1
	}
	return i
}

// spacedHeadingCode reports whether c, the first word of a heading whose text goes on
// after a space, may be a code: plainly one (spacedCode), or a number from 1900 to 2099
// ("2001 잔액 부족", but also "2024 API changes") that what follows is not wholly about
// time (periodPhrase). Whether such a number is a code or a year is told by the headings
// around it (treeWalker.yearHeadings).
func spacedHeadingCode(c, rest string) bool {
	return spacedCode(c) || (yearLike(c) && !periodPhrase(rest))
}

// periodWords are the words (folded, one or two of them) that follow a year in a
// heading: a changelog's or a report's ("2024 changes", "2023 Q4", "2024 release notes",
// "2022 and earlier"). They make a year only when they are all the heading says after
// the number (periodPhrase): "2002 May not be empty" is a code's message.
var periodWords = map[string]bool{
	"changes": true, "changelog": true, "releases": true, "releasenotes": true,
	"updates": true, "roadmap": true, "archive": true, "edition": true, "history": true,
	"news": true, "andearlier": true, "andbefore": true, "andlater": true, "onwards": true,
	"q1": true, "q2": true, "q3": true, "q4": true, "h1": true, "h2": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
	"변경사항": true, "변경내역": true, "변경이력": true, "업데이트": true, "릴리스노트": true,
	"상반기": true, "하반기": true, "분기": true,
	"変更点": true, "変更履歴": true, "更新履歴": true, "リリースノート": true,
	"更新日志": true, "变更日志": true, "版本历史": true, "更新內容": true, "更新内容": true,
}

// periodPhrase reports whether text, what follows a year-like number in a heading, is
// wholly about time: every word is a period word (a month, a quarter, "changes",
// "release notes", alone or two by two) or a day's number, or it begins with the year's
// unit ("年", "년": "2024年の変更", "2024 년 변경 사항").
func periodPhrase(text string) bool {
	text = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(text), "-–—:：,("))
	if strings.HasPrefix(text, "年") || strings.HasPrefix(text, "년") {
		return true
	}
	words := strings.Fields(text)
	for k := 0; k < len(words); {
		switch f := foldHeader(words[k]); {
		case periodWords[f] || (f != "" && len(f) <= 2 && isDigits(f)):
			k++
		case k+1 < len(words) && periodWords[f+foldHeader(words[k+1])]:
			k += 2
		default:
			return false
		}
	}
	return len(words) > 0
}

// sameShape reports whether two codes are written alike: the same length and the same
// letters where neither has a digit ("E2000" and "E2099", "AUTH_001" and "AUTH_099").
func sameShape(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		da, db := a[i] >= '0' && a[i] <= '9', b[i] >= '0' && b[i] <= '9'
		if da != db || (!da && a[i] != b[i]) {
			return false
		}
	}
	return true
}

// reTrailingCode matches a heading that ends with a word in parentheses: its text before,
// the word.
var reTrailingCode = regexp.MustCompile(`^(.*\S)\s*[(（]\s*([^()（）\s]+)\s*[)）]$`)

// cutLabel cuts "Label: rest" as readLabel's expression reads a label ("**Error code**:
// E100"), when the label is a few words.
func cutLabel(t string) (label, rest string, ok bool) {
	m := reLabel.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	label, rest = strings.TrimSpace(t[m[2]:m[3]]), strings.TrimSpace(t[m[1]:])
	return label, rest, rest != "" && len(strings.Fields(label)) <= 3
}

// reSectionNumber matches the number of a numbered heading: "1. ", "2) ", "3.1 ", "3.1. ".
var reSectionNumber = regexp.MustCompile(`^(?:\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s+`)

// spacedCode reports whether c, the first word of a heading followed by other words with
// no dash or colon between, is plainly a code: code-shaped with two digits or more or an
// underscore ("PAY-1001", "E1001", "AUTH_FAILED", "40001"). One digit is not enough
// ("OAuth2 scopes", "S3 buckets", "HTTP2 support"), nor is a number of one or two digits
// or a number that may be a year ("12 Limits", "**2024** We moved…": a heading tells a
// code of that range by what follows it, spacedHeadingCode), nor a dotted number ("2.1
// Errors").
func spacedCode(c string) bool {
	if !isToken(c) || !codeLike(c) || strings.ContainsAny(c, ".:") {
		return false
	}
	digits := 0
	for _, r := range c {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if isInteger(c) && (len(c) < 3 || yearLike(c)) {
		return false // a section number ("12 Limits") or a year
	}
	return digits >= 2 || strings.Contains(c, "_")
}

// unescapeMarkdown undoes backslash escapes of ASCII punctuation ("ERR\_X" is "ERR_X").
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isResponseFormatTitle reports whether a heading announces the error response format.
func isResponseFormatTitle(t string) bool {
	f := foldHeader(t)
	for _, k := range []string{"responseformat", "errorresponse", "errorformat", "errorbody", "응답형식", "응답포맷", "에러응답", "오류응답", "응답본문"} {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}
