package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"docgen/catalog"
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
		body := &jnode{kind: jObject}
		errObj := &jnode{kind: jObject}
		errObj.set("code", codeValue(e.Code))
		errObj.set("message", &jnode{kind: jString, str: msg})
		body.set("jsonrpc", &jnode{kind: jString, str: "2.0"})
		body.set("error", errObj)
		body.set("id", &jnode{kind: jNumber, str: "1"})
		return body.String(), false
	}
	if s.ResponseFormat == nil || strings.TrimSpace(s.ResponseFormat.Example) == "" {
		return "", false
	}
	ex := s.ResponseFormat.Example
	if root, err := parseJSON(ex); err == nil {
		f := &filler{e: e, hasCode: root.hasKey(isCodeKey)}
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
func codeValue(code string) *jnode {
	if _, err := strconv.ParseInt(code, 10, 64); err == nil {
		return &jnode{kind: jNumber, str: code}
	}
	return &jnode{kind: jString, str: code}
}

// filler fills one entry into a parsed example.
type filler struct {
	e       *catalog.Entry
	hasCode bool // the example has a field that isCodeKey accepts
	foreign bool // a message of the example, not of this entry, stays in it
	own     bool // the example was documented for this very code
}

// fill fills n and what it holds, and reports whether it changed anything.
func (f *filler) fill(n *jnode) bool {
	changed := false
	switch n.kind {
	case jArray:
		for _, v := range n.items {
			changed = f.fill(v) || changed
		}
	case jObject:
		// Messages are filled only in an object that also holds a code or a status, so
		// that the per-field messages of a validation error's list stay as documented.
		owns := false
		for _, k := range n.keys {
			owns = owns || isCodeKey(k) || isStatusKey(k) || k == "type"
		}
		for i, k := range n.keys {
			v := n.vals[i]
			if v.kind == jObject || v.kind == jArray {
				changed = f.fill(v) || changed
				continue
			}
			switch {
			case (isCodeKey(k) || k == "type" && !f.hasCode) && !(v.kind == jNumber && isHTTPStatus(v.str)):
				f.own = f.own || v.str == f.e.Code
				nv := codeValue(f.e.Code)
				if v.kind == jString {
					nv = &jnode{kind: jString, str: f.e.Code}
				}
				n.vals[i], changed = nv, true
			case isStatusKey(k) && v.kind == jNumber || k == "code" && v.kind == jNumber && isHTTPStatus(v.str):
				if f.e.Status != 0 {
					n.vals[i], changed = &jnode{kind: jNumber, str: strconv.Itoa(int(f.e.Status))}, true
				}
			case owns && isMessageKey(k) && v.kind == jString:
				if f.e.Message != "" {
					n.vals[i], changed = &jnode{kind: jString, str: f.e.Message}, true
				} else if rePlaceholder.MatchString(strings.TrimSpace(v.str)) {
					n.vals[i], changed = &jnode{kind: jString, str: search.Title(f.e)}, true
				} else if strings.TrimSpace(v.str) != "" {
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

// jnode is a JSON value that keeps the order of its object's keys.
type jnode struct {
	kind  jkind
	str   string // a string's value, or a number, true, false or null as written
	keys  []string
	vals  []*jnode
	items []*jnode
}

type jkind int

const (
	jString jkind = iota
	jNumber
	jLiteral // true, false, null
	jObject
	jArray
)

func (n *jnode) set(k string, v *jnode) {
	n.keys = append(n.keys, k)
	n.vals = append(n.vals, v)
}

// hasKey reports whether n or anything in it has an object key for which match is true.
func (n *jnode) hasKey(match func(string) bool) bool {
	for i, k := range n.keys {
		if match(k) || n.vals[i].hasKey(match) {
			return true
		}
	}
	for _, v := range n.items {
		if v.hasKey(match) {
			return true
		}
	}
	return false
}

// parseJSON parses one JSON value, keeping key order.
func parseJSON(s string) (*jnode, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	n, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data after JSON value")
	}
	return n, nil
}

func parseValue(dec *json.Decoder) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jnode{kind: jObject}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.set(kt.(string), v)
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := &jnode{kind: jArray}
			for dec.More() {
				v, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := dec.Token()
			return n, err
		}
		return nil, errors.New("unexpected delimiter")
	case string:
		return &jnode{kind: jString, str: t}, nil
	case json.Number:
		return &jnode{kind: jNumber, str: t.String()}, nil
	case bool:
		return &jnode{kind: jLiteral, str: strconv.FormatBool(t)}, nil
	case nil:
		return &jnode{kind: jLiteral, str: "null"}, nil
	}
	return nil, errors.New("unexpected token")
}

// String writes n as JSON indented by two spaces, with non-ASCII text as it is.
func (n *jnode) String() string {
	var b bytes.Buffer
	n.write(&b, "")
	return b.String()
}

func (n *jnode) write(b *bytes.Buffer, indent string) {
	switch n.kind {
	case jString:
		var sb bytes.Buffer
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(n.str)
		b.Write(bytes.TrimSuffix(sb.Bytes(), []byte("\n")))
	case jNumber, jLiteral:
		b.WriteString(n.str)
	case jObject:
		if len(n.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range n.keys {
			b.WriteString(indent + "  ")
			(&jnode{kind: jString, str: k}).write(b, "")
			b.WriteString(": ")
			n.vals[i].write(b, indent+"  ")
			if i < len(n.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case jArray:
		if len(n.items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, v := range n.items {
			b.WriteString(indent + "  ")
			v.write(b, indent+"  ")
			if i < len(n.items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	}
}
