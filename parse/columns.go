package parse

import (
	"strings"
	"unicode"
)

// role is what a table column holds.
type role int

const (
	roleUnknown role = iota // kept as a catalog.Field under its header
	roleCode
	roleStatus
	roleMessage
	roleDescription
	roleResolution
	// roleStatusName is a status column whose cells also name the error ("403 Card blocked"):
	// the status and, as the code, the name. Only classify gives it.
	roleStatusName
	// roleParentCode is a code column beside a sub-code column ("错误码" beside "子错误码",
	// "code" beside "sub_code"): the sub-codes are the entries, each keeping its parent
	// code as a field. Only classify gives it.
	roleParentCode
)

func (r role) String() string {
	return [...]string{"unknown", "code", "status", "message", "description", "resolution", "status and name", "parent code"}[r]
}

// roleNames maps a header, folded by foldHeader (lower case, no spaces, no punctuation), to
// its role. Korean and English, as API documents write them.
var roleNames = map[string]role{
	"code": roleCode, "errorcode": roleCode, "errcode": roleCode, "errortype": roleCode,
	"오류코드": roleCode, "에러코드": roleCode, "코드": roleCode, "오류타입": roleCode, "에러타입": roleCode,
	"reason": roleCode, "errorname": roleCode, "errorkey": roleCode,

	"status": roleStatus, "httpstatus": roleStatus, "httpstatuscode": roleStatus, "statuscode": roleStatus,
	"httpcode": roleStatus, "상태코드": roleStatus, "http상태코드": roleStatus, "상태": roleStatus,
	"응답코드": roleStatus, "httpstatuscodes": roleStatus, "http상태": roleStatus, "http상태값": roleStatus,

	"message": roleMessage, "errormessage": roleMessage, "오류메시지": roleMessage, "에러메시지": roleMessage,
	"메시지": roleMessage, "msg": roleMessage, "title": roleMessage,

	"description": roleDescription, "설명": roleDescription, "meaning": roleDescription, "details": roleDescription,
	"detail": roleDescription, "상세": roleDescription, "상세설명": roleDescription, "의미": roleDescription,
	"내용": roleDescription, "cause": roleDescription, "원인": roleDescription, "발생원인": roleDescription,

	"resolution": roleResolution, "해결방법": roleResolution, "해결방안": roleResolution, "조치방법": roleResolution,
	"조치": roleResolution, "대응방법": roleResolution, "solution": roleResolution, "howtofix": roleResolution,
	"fix": roleResolution, "action": roleResolution, "remedy": roleResolution, "suggestedaction": roleResolution,
}

// foldHeader folds a header for lookup: lower case, letters and digits only.
func foldHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// columnRoles gives each header its role. A role goes to its first column only; a later
// column with the same role, or a header with no known role, stays roleUnknown and is kept
// as a field. Generic headers such as "name" or "type" are deliberately not code headers:
// parameter tables use them.
func columnRoles(headers []string) []role {
	roles := make([]role, len(headers))
	taken := make(map[role]bool)
	for i, h := range headers {
		r := headerRole(h)
		if r != roleUnknown && taken[r] {
			r = roleUnknown
		}
		taken[r] = true
		roles[i] = r
	}
	return roles
}

// hasRole reports whether roles holds r.
func hasRole(roles []role, r role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// languageTags are the words beside a header that say which language a column is in:
// "Message (EN)", "메시지 (한국어)".
var languageTags = map[string]bool{
	"en": true, "eng": true, "english": true, "ko": true, "kr": true, "kor": true, "korean": true,
	"영어": true, "영문": true, "한국어": true, "국문": true, "한글": true, "ja": true, "zh": true,
}

// headerRole returns the role a header names. Besides the names of roleNames it accepts a
// header written in two languages, "Message / 메시지" or "설명 (Description)", or with a
// language tag, "Message (EN)": every part between the separators / ( ) · , and line breaks
// that is not a language tag must name the same role.
func headerRole(h string) role {
	if r := roleNames[foldHeader(h)]; r != roleUnknown {
		return r
	}
	parts := strings.FieldsFunc(h, func(r rune) bool {
		return r == '/' || r == '(' || r == ')' || r == '·' || r == ',' || r == '\n' || r == '|'
	})
	if len(parts) < 2 {
		r, _ := headerWordRole(h)
		return r
	}
	found := roleUnknown
	for _, p := range parts {
		f := foldHeader(p)
		if f == "" || languageTags[f] {
			continue
		}
		r := roleNames[f]
		if r == roleUnknown {
			r, _ = headerWordRole(p)
		}
		if r == roleUnknown {
			continue // "Code (string)": a type or remark beside the name
		}
		if found != roleUnknown && r != found {
			return roleUnknown
		}
		found = r
	}
	return found
}
