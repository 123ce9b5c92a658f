package openapi

import (
	"strconv"
	"strings"

	"docgen/catalog"
)

// An error body is modelled once per service: its schema, a base value (the documented
// example, or a value built from the schema) and the places in that value where the code,
// the HTTP status and the message go. Each entry's example is the base value with those
// places filled in.

// body is the model of one service's error body.
type body struct {
	schema   *omap
	defs     []namedSchema // $defs hoisted out of a documented schema
	media    string        // the media type of the responses
	problem  bool          // the RFC 9457 shape, assumed because nothing was documented
	base     any
	code     []any   // path of the code in base; nil when there is none
	status   []any   // path of the HTTP status; nil when there is none
	messages [][]any // paths of the message
	codeInt  bool    // the code is written as a JSON number
}

// normKey folds a member name for matching: "error_code", "errorCode" and "ErrorCode" are
// all "errorcode".
func normKey(k string) string {
	k = strings.ToLower(k)
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(k)
}

var (
	codeKeys    = map[string]bool{"code": true, "errorcode": true, "errcode": true, "errorid": true}
	statusKeys  = map[string]bool{"status": true, "statuscode": true, "httpstatus": true, "httpstatuscode": true, "httpcode": true, "code": true}
	messageKeys = map[string]bool{"message": true, "msg": true, "errormessage": true, "errmsg": true, "errordescription": true, "detail": true}
)

// isPlaceholder reports whether a documented value stands for a value to fill in:
// "${ERROR_CODE}", "<code>", "{{message}}".
func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return strings.Contains(s, "${") || strings.Contains(s, "{{") ||
		(strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"))
}

type leaf struct {
	path  []any
	key   string // the member name it stands under ("" in an array)
	value any
}

func leaves(v any, path []any, key string, out *[]leaf) {
	switch v := v.(type) {
	case *omap:
		for _, k := range v.keys {
			leaves(v.vals[k], append(clonePath(path), k), k, out)
		}
	case []any:
		for i, x := range v {
			leaves(x, append(clonePath(path), i), key, out)
		}
	default:
		*out = append(*out, leaf{path: path, key: key, value: v})
	}
}

func clonePath(p []any) []any { return append([]any(nil), p...) }

// findSlots finds where a service's code, status and message go in base. A member whose
// value is one of the service's codes is the code; failing that, a member named like a
// code ("code", "errorCode") holding a string or a placeholder. The status is a member
// named like one holding a number from 100 to 599, the message a member named like one
// holding a string; both are looked for beside the code first, then in the objects
// around it.
func (b *body) findSlots(codes map[string]bool, allInt bool) {
	var ls []leaf
	leaves(b.base, nil, "", &ls)
	best, bestScore := -1, 0
	for i, l := range ls {
		score := 0
		k := normKey(l.key)
		switch v := l.value.(type) {
		case string:
			switch {
			case codes[v]:
				score = 4
			case codeKeys[k] && isPlaceholder(v):
				score = 3
			case codeKeys[k]:
				score = 2
			}
		case int64:
			if !allInt {
				break // a number cannot hold this service's codes: likely the status
			}
			if codes[strconv.FormatInt(v, 10)] && (codeKeys[k] || k == "reason" || k == "type") {
				score = 4
			} else if codeKeys[k] && !(v >= 100 && v <= 599 && statusKeys[k] && len(ls) > 1) {
				score = 2
			}
		}
		if score > 0 && codeKeys[k] {
			score++ // a code under a code's name beats one under another name
		}
		if score > bestScore || (score == bestScore && score > 0 && len(l.path) < len(ls[best].path)) {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		b.code = ls[best].path
		_, b.codeInt = ls[best].value.(int64)
	}
	// The objects around the code, nearest first; the whole value when there is no code.
	var scopes [][]any
	if b.code != nil {
		for n := len(b.code) - 1; n >= 0; n-- {
			scopes = append(scopes, b.code[:n])
		}
	} else {
		scopes = [][]any{nil}
	}
	for _, scope := range scopes {
		for _, l := range ls {
			if !directChild(scope, l.path) || samePath(l.path, b.code) {
				continue
			}
			k := normKey(l.key)
			if b.status == nil && statusKeys[k] {
				if n, ok := l.value.(int64); ok && n >= 100 && n <= 599 {
					b.status = l.path
					continue
				}
			}
			if messageKeys[k] {
				if _, ok := l.value.(string); ok {
					b.messages = append(b.messages, l.path)
				}
			}
		}
	}
}

// directChild reports whether p is a member of the object at scope (array indexes between
// them do not count as a level).
func directChild(scope, p []any) bool {
	if len(p) <= len(scope) {
		return false
	}
	for i := range scope {
		if scope[i] != p[i] {
			return false
		}
	}
	for _, x := range p[len(scope) : len(p)-1] {
		if _, ok := x.(int); !ok {
			return false
		}
	}
	return true
}

func samePath(a, b []any) bool {
	if len(a) != len(b) || a == nil || b == nil {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// setAt replaces the value at path in v.
func setAt(v any, path []any, x any) {
	for i, p := range path {
		last := i == len(path)-1
		switch p := p.(type) {
		case string:
			m, ok := v.(*omap)
			if !ok {
				return
			}
			if last {
				m.set(p, x)
				return
			}
			v = m.vals[p]
		case int:
			a, ok := v.([]any)
			if !ok || p >= len(a) {
				return
			}
			if last {
				a[p] = x
				return
			}
			v = a[p]
		}
	}
}

// codeValue returns the code as the body writes it: a number where the documented body has
// one and the code is an integer.
func codeValue(code string, asInt bool) any {
	if asInt {
		if n, ok := intCode(code); ok {
			return n
		}
	}
	return code
}

// intCode returns code as an integer when it is written as one ("-32601", not "0123").
func intCode(code string) (int64, bool) {
	n, err := strconv.ParseInt(code, 10, 64)
	if err != nil || strconv.FormatInt(n, 10) != code {
		return 0, false
	}
	return n, true
}

// message returns the short message of an entry for its example: the message the API
// returns, else the start of its description, else the status's reason phrase or the code.
func message(e *catalog.Entry) string {
	if m := plainText(e.Message, 300); m != "" {
		return m
	}
	if d := firstLine(e.Description); d != "" {
		return plainText(d, 300)
	}
	if r := e.Status.Reason(); r != "" {
		return r
	}
	return e.Code
}

// firstLine returns the first paragraph line of Markdown text.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// example returns the body of entry e's response.
func (b *body) example(e *catalog.Entry, typeURL string) any {
	v := clone(b.base)
	if b.problem {
		m := v.(*omap)
		m.set("type", typeURL)
		m.set("title", message(e))
		m.set("status", int64(e.Status))
		m.set("code", codeValue(e.Code, b.codeInt))
		return m
	}
	if b.code != nil {
		setAt(v, b.code, codeValue(e.Code, b.codeInt))
	}
	if b.status != nil && e.Status != 0 {
		setAt(v, b.status, int64(e.Status))
	}
	for _, p := range b.messages {
		setAt(v, p, message(e))
	}
	return v
}
