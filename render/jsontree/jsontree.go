// Package jsontree reads one JSON value into a tree whose objects keep their keys in the
// order the document gives them (and every key, duplicates too), and whose numbers keep
// the text they were written with; and writes a tree back as indented JSON.
//
// It is the one JSON decoder for documented response formats: the site shows an example
// with an entry's code filled in (render/site), and the OpenAPI document converts it to
// schemas and examples (render/openapi). Reading is github.com/go-json-experiment/json's
// jsontext, token by token.
package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// Kind is the kind of a Node.
type Kind int

const (
	String  Kind = iota // Text is the string's value
	Number              // Text is the number as written
	Literal             // Text is true, false or null
	Object              // Keys and Values
	Array               // Items
)

// Node is a JSON value.
type Node struct {
	Kind   Kind
	Text   string   // of a String, Number or Literal
	Keys   []string // of an Object, in document order; Values[i] is the value of Keys[i]
	Values []*Node
	Items  []*Node // of an Array
}

// Set adds the member k: v at the end of the object n.
func (n *Node) Set(k string, v *Node) {
	n.Keys = append(n.Keys, k)
	n.Values = append(n.Values, v)
}

// HasKey reports whether n or anything in it has an object key for which match is true.
func (n *Node) HasKey(match func(string) bool) bool {
	for i, k := range n.Keys {
		if match(k) || n.Values[i].HasKey(match) {
			return true
		}
	}
	for _, v := range n.Items {
		if v.HasKey(match) {
			return true
		}
	}
	return false
}

// Decode reads data, which must hold exactly one JSON value. Duplicate keys are kept, as
// encoding/json's token stream keeps them; invalid UTF-8 is an error.
func Decode(data []byte) (*Node, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	n, err := decode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return n, nil
}

func decode(dec *jsontext.Decoder) (*Node, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{':
		n := &Node{Kind: Object}
		for dec.PeekKind() != '}' {
			k, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			key := k.String() // before the next read, which voids k
			v, err := decode(dec)
			if err != nil {
				return nil, err
			}
			n.Set(key, v)
		}
		_, err := dec.ReadToken()
		return n, err
	case '[':
		n := &Node{Kind: Array}
		for dec.PeekKind() != ']' {
			v, err := decode(dec)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
		_, err := dec.ReadToken()
		return n, err
	case '"':
		return &Node{Kind: String, Text: tok.String()}, nil
	case '0':
		return &Node{Kind: Number, Text: tok.String()}, nil
	case 't', 'f', 'n':
		return &Node{Kind: Literal, Text: tok.String()}, nil
	}
	return nil, errors.New("unexpected JSON token " + tok.Kind().String())
}

// String writes n as JSON indented by two spaces, with non-ASCII text as it is.
func (n *Node) String() string {
	var b bytes.Buffer
	n.write(&b, "")
	return b.String()
}

func (n *Node) write(b *bytes.Buffer, indent string) {
	switch n.Kind {
	case String:
		writeString(b, n.Text)
	case Number, Literal:
		b.WriteString(n.Text)
	case Object:
		writeList(b, indent, "{", "}", len(n.Keys), func(i int, in string) {
			writeString(b, n.Keys[i])
			b.WriteString(": ")
			n.Values[i].write(b, in)
		})
	case Array:
		writeList(b, indent, "[", "]", len(n.Items), func(i int, in string) { n.Items[i].write(b, in) })
	}
}

// writeList writes n members or items between open and close, one a line, each written
// by item at indent plus two spaces; none is open and close alone.
func writeList(b *bytes.Buffer, indent, open, close string, n int, item func(i int, indent string)) {
	if n == 0 {
		b.WriteString(open + close)
		return
	}
	b.WriteString(open + "\n")
	for i := range n {
		b.WriteString(indent + "  ")
		item(i, indent+"  ")
		if i < n-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + close)
}

// writeString writes s as a JSON string as encoding/json does, but for <, > and &.
func writeString(b *bytes.Buffer, s string) {
	var sb bytes.Buffer
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Write(bytes.TrimSuffix(sb.Bytes(), []byte("\n")))
}
