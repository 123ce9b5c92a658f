package data

import (
	"bytes"
	"errors"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// readJSON reads a JSON document into a value tree, keeping key order and offsets.
func readJSON(text []byte) (*node, error) {
	n, err := decodeJSON(text)
	if err != nil {
		// JSON with comments or trailing commas (JSONC, as editors' and tools' settings
		// files are written): read again with them blanked out, offsets unmoved.
		if plain, changed := blankJSONC(text); changed {
			if m, err2 := decodeJSON(plain); err2 == nil {
				return m, nil
			}
		}
		return nil, jsonError(err, text)
	}
	return n, nil
}

func decodeJSON(text []byte) (*node, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(text), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	return jsonValue(dec, text)
}

// blankJSONC returns text with its // and /* */ comments and its trailing commas (a comma
// before a closing bracket) replaced by spaces, line breaks kept, so that every offset
// stays where it was; changed is false when there were none. Strings are skipped whole.
// One pass: jsontext has no option for these, and they are all JSONC adds to JSON.
func blankJSONC(text []byte) (out []byte, changed bool) {
	out = bytes.Clone(text)
	lastComma := -1 // the offset of a comma with only blanks and comments after it
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '"':
			for i++; i < len(out) && out[i] != '"'; i++ {
				if out[i] == '\\' {
					i++
				}
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
			changed = true
			continue // a comma before the comment may still be trailing
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			out[i], out[i+1] = ' ', ' '
			for i += 2; i < len(out) && !(out[i] == '*' && i+1 < len(out) && out[i+1] == '/'); i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			if i < len(out) {
				out[i], out[i+1] = ' ', ' '
				i++
			}
			changed = true
			continue
		case c == ',':
			lastComma = i
			continue
		case (c == '}' || c == ']') && lastComma >= 0:
			out[lastComma] = ' '
			changed = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		lastComma = -1
	}
	return out, changed
}

// jsonError turns a decoder error into a SyntaxError at its offset.
func jsonError(err error, text []byte) error {
	var se *jsontext.SyntacticError
	off := len(text)
	if errors.As(err, &se) {
		off = int(se.ByteOffset)
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "the JSON ends before its last value is complete"
	}
	return &SyntaxError{Offset: min(max(off, 0), len(text)), Msg: "invalid JSON: " + msg}
}

// jsonValue reads the next value.
func jsonValue(dec *jsontext.Decoder, text []byte) (*node, error) {
	off := valueStart(text, int(dec.InputOffset()))
	switch dec.PeekKind() {
	case '{':
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		n := &node{kind: kObject, off: off}
		for dec.PeekKind() == '"' {
			koff := valueStart(text, int(dec.InputOffset()))
			tok, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			key := tok.String() // before the next read voids the token
			v, err := jsonValue(dec, text)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.keyOffs = append(n.keyOffs, koff)
			n.kids = append(n.kids, v)
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		return n, nil
	case '[':
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		n := &node{kind: kArray, off: off}
		for k := dec.PeekKind(); k != ']' && k != 0; k = dec.PeekKind() {
			v, err := jsonValue(dec, text)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, v)
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		return n, nil
	case '"':
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		s, _ := jsontext.AppendUnquote(nil, v)
		return &node{kind: kString, off: off, text: string(s)}, nil
	case 'n':
		if _, err := dec.ReadValue(); err != nil {
			return nil, err
		}
		return &node{kind: kNull, off: off}, nil
	case 0:
		_, err := dec.ReadToken()
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	default:
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		return &node{kind: kScalar, off: off, text: string(v)}, nil
	}
}

// valueStart skips the space and separators between the decoder's offset and the next
// value.
func valueStart(text []byte, off int) int {
	for off < len(text) {
		switch text[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
			continue
		}
		break
	}
	return min(off, len(text))
}
