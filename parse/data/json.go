package data

import (
	"bytes"
	"errors"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// readJSON reads a JSON document into a value tree, keeping key order and offsets.
func readJSON(text []byte) (*node, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(text), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	n, err := jsonValue(dec, text)
	if err != nil {
		return nil, jsonError(err, text)
	}
	return n, nil
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
