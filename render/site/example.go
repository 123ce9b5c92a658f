package site

import (
	"regexp"
	"strconv"
	"strings"

	"docgen/catalog"
	"docgen/render/jsontree"
	"docgen/render/search"
)

// ExampleBody returns the example error response of an entry: the service's documented
// example with this entry's code, message and status filled in, or "" when the service
// documents no example or nothing in it could be filled. A JSON-RPC entry gets a JSON-RPC
// error object instead, since the service's HTTP error body does not apply to it.
//
// In a JSON example, the fields are found by name at any depth: the code goes into "code"
// (unless the example holds an HTTP status there, as Google's does), "errorCode",
// "error_code", "reason" or, when there is no such field, "type"; the message into
// "message", "msg", "errorMessage" or "error_message" of an object that holds a code or a
// status, when the entry has one (a field holding a ${PLACEHOLDER} gets the entry's title
// instead); the status into "status",
// "statusCode", "status_code" or "httpStatus" when they hold a number. Key order and
// everything else stay as documented. An example that is not JSON has its ${…CODE…} and
// ${…MESSAGE…} or ${…DESCRIPTION…} placeholders replaced.
func ExampleBody(s *catalog.Service, e *catalog.Entry) string {
	body, _ := exampleBody(s, e)
	return body
}

// exampleBody is ExampleBody, and reports whether the example keeps text of the
// service's own example that is not this entry's: a message documented for another error
// where the entry has none. The page then says so, rather than show that text as this
// error's.
func exampleBody(s *catalog.Service, e *catalog.Entry) (string, bool) {
	if e.Protocol == catalog.JSONRPC {
		msg := e.Message
		if msg == "" {
			msg = search.Title(e)
		}
		body := &jsontree.Node{Kind: jsontree.Object}
		errObj := &jsontree.Node{Kind: jsontree.Object}
		errObj.Set("code", codeValue(e.Code))
		errObj.Set("message", &jsontree.Node{Kind: jsontree.String, Text: msg})
		body.Set("jsonrpc", &jsontree.Node{Kind: jsontree.String, Text: "2.0"})
		body.Set("error", errObj)
		body.Set("id", &jsontree.Node{Kind: jsontree.Number, Text: "1"})
		return body.String(), false
	}
	if s.ResponseFormat == nil || strings.TrimSpace(s.ResponseFormat.Example) == "" {
		return "", false
	}
	ex := s.ResponseFormat.Example
	if root, err := jsontree.Decode([]byte(ex)); err == nil {
		f := &filler{e: e, hasCode: root.HasKey(isCodeKey)}
		if f.fill(root) {
			return root.String(), f.foreign && !f.own
		}
		return "", false
	}
	out := rePlaceholderCode.ReplaceAllLiteralString(ex, e.Code)
	msg := e.Message
	if msg == "" {
		msg = search.Title(e)
	}
	out = rePlaceholderMsg.ReplaceAllLiteralString(out, msg)
	if out == ex {
		return "", false
	}
	return out, false
}

var (
	rePlaceholder     = regexp.MustCompile(`^\$\{[^}]*\}$|^<[^>]*>$|^\{\{[^}]*\}\}$`)
	rePlaceholderCode = regexp.MustCompile(`\$\{[A-Za-z_]*(?i:code)[A-Za-z_]*\}`)
	rePlaceholderMsg  = regexp.MustCompile(`\$\{[A-Za-z_]*(?i:message|description|msg)[A-Za-z_]*\}`)
)

func isCodeKey(k string) bool {
	switch k {
	case "code", "errorCode", "error_code", "reason":
		return true
	}
	return false
}

func isMessageKey(k string) bool {
	switch k {
	case "message", "msg", "errorMessage", "error_message":
		return true
	}
	return false
}

func isStatusKey(k string) bool {
	switch k {
	case "status", "statusCode", "status_code", "httpStatus":
		return true
	}
	return false
}

// codeValue returns a code as a JSON number when it is an integer, else as a string.
func codeValue(code string) *jsontree.Node {
	if _, err := strconv.ParseInt(code, 10, 64); err == nil {
		return &jsontree.Node{Kind: jsontree.Number, Text: code}
	}
	return &jsontree.Node{Kind: jsontree.String, Text: code}
}

// filler fills one entry into a parsed example.
type filler struct {
	e       *catalog.Entry
	hasCode bool // the example has a field that isCodeKey accepts
	foreign bool // a message of the example, not of this entry, stays in it
	own     bool // the example was documented for this very code
}

// fill fills n and what it holds, and reports whether it changed anything.
func (f *filler) fill(n *jsontree.Node) bool {
	changed := false
	switch n.Kind {
	case jsontree.Array:
		for _, v := range n.Items {
			changed = f.fill(v) || changed
		}
	case jsontree.Object:
		// Messages are filled only in an object that also holds a code or a status, so
		// that the per-field messages of a validation error's list stay as documented.
		owns := false
		for _, k := range n.Keys {
			owns = owns || isCodeKey(k) || isStatusKey(k) || k == "type"
		}
		for i, k := range n.Keys {
			v := n.Values[i]
			if v.Kind == jsontree.Object || v.Kind == jsontree.Array {
				changed = f.fill(v) || changed
				continue
			}
			switch {
			case (isCodeKey(k) || k == "type" && !f.hasCode) && !(v.Kind == jsontree.Number && isHTTPStatus(v.Text)):
				f.own = f.own || v.Text == f.e.Code
				nv := codeValue(f.e.Code)
				if v.Kind == jsontree.String {
					nv = &jsontree.Node{Kind: jsontree.String, Text: f.e.Code}
				}
				n.Values[i], changed = nv, true
			case isStatusKey(k) && v.Kind == jsontree.Number || k == "code" && v.Kind == jsontree.Number && isHTTPStatus(v.Text):
				if f.e.Status != 0 {
					n.Values[i], changed = &jsontree.Node{Kind: jsontree.Number, Text: strconv.Itoa(int(f.e.Status))}, true
				}
			case owns && isMessageKey(k) && v.Kind == jsontree.String:
				if f.e.Message != "" {
					n.Values[i], changed = &jsontree.Node{Kind: jsontree.String, Text: f.e.Message}, true
				} else if rePlaceholder.MatchString(strings.TrimSpace(v.Text)) {
					n.Values[i], changed = &jsontree.Node{Kind: jsontree.String, Text: search.Title(f.e)}, true
				} else if strings.TrimSpace(v.Text) != "" {
					f.foreign = true // the example's own words, documented for another error
				}
			}
		}
	}
	return changed
}

func isHTTPStatus(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 100 && n <= 599
}
