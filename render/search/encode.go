package search

import (
	"errors"
	"strings"
)

// A doc set (the documents of one term in one class) is written as text that a script can
// carry in a string literal with no escaping, in whichever of three forms is shortest:
//
//   - a list: the first document number, then each next one as its distance from the one
//     before less one, each as a varint;
//   - a bitmap, "!" then the varint b and then one character per six documents from 6·b on,
//     whose value has bit j set when document 6·(b+k)+j is in the set (k counts characters);
//   - runs, "~" then pairs of varints: the distance from the end of the previous run (0 at
//     first) to the start of this one, and the run's length less one.
//
// A varint is a number in characters of the base64url alphabet, five bits each, least
// significant first; a character of value 32 or more says another follows.
//
// Term postings join the doc sets of the classes (see Class) with "|", the strongest class
// first, leaving out empty sets at the end. Postings too long to keep in the dictionary are
// replaced there by "@", the varint number of the file that holds them, the varint count
// of their documents and the varint count of those in the class Exact: a query's code key
// whose reference says it is no entry's key needs no postings file to know it.

// alphabet is base64url; its characters need no escaping in JSON or JavaScript strings.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// digit maps a character of alphabet back to its value; -1 for any other byte.
var digit = func() (d [256]int8) {
	for i := range d {
		d[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		d[alphabet[i]] = int8(i)
	}
	return d
}()

// appendVarint appends v (≥ 0) as a varint.
func appendVarint(b []byte, v int) []byte {
	for {
		c := v & 31
		v >>= 5
		if v == 0 {
			return append(b, alphabet[c])
		}
		b = append(b, alphabet[c|32])
	}
}

// readVarint reads a varint from s at i and returns it with the index after it.
func readVarint(s string, i int) (v, next int, err error) {
	shift := 0
	for {
		if i >= len(s) || digit[s[i]] < 0 {
			return 0, i, errors.New("search: truncated varint")
		}
		c := int(digit[s[i]])
		i++
		v |= (c & 31) << shift
		shift += 5
		if c < 32 {
			return v, i, nil
		}
		if shift > 30 {
			return 0, i, errors.New("search: varint overflows")
		}
	}
}

// encodeSet writes a strictly increasing list of document numbers in its shortest form.
func encodeSet(ids []int) string {
	if len(ids) == 0 {
		return ""
	}
	best := encodeList(ids)
	if b := encodeBitmap(ids); b != nil && len(b) < len(best) {
		best = b
	}
	if r := encodeRuns(ids); len(r) < len(best) {
		best = r
	}
	return string(best)
}

func encodeList(ids []int) []byte {
	b := appendVarint(nil, ids[0])
	for i := 1; i < len(ids); i++ {
		b = appendVarint(b, ids[i]-ids[i-1]-1)
	}
	return b
}

func encodeBitmap(ids []int) []byte {
	base := ids[0] / 6
	n := ids[len(ids)-1]/6 - base + 1
	if n > 6*len(ids)+64 { // hopeless; save the work
		return nil
	}
	bits := make([]byte, n)
	for _, id := range ids {
		bits[id/6-base] |= 1 << (id % 6)
	}
	b := appendVarint([]byte{'!'}, base)
	for _, v := range bits {
		b = append(b, alphabet[v])
	}
	return b
}

func encodeRuns(ids []int) []byte {
	b := []byte{'~'}
	end := 0
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[j-1]+1 {
			j++
		}
		b = appendVarint(b, ids[i]-end)
		b = appendVarint(b, j-i-1)
		end = ids[j-1] + 1
		i = j
	}
	return b
}

// decodeSet reads a doc set written by encodeSet.
func decodeSet(s string) ([]int, error) {
	var ids []int
	switch {
	case s == "":
		return nil, nil
	case s[0] == '!':
		base, i, err := readVarint(s, 1)
		if err != nil {
			return nil, err
		}
		for k := i; k < len(s); k++ {
			v := digit[s[k]]
			if v < 0 {
				return nil, errors.New("search: bad bitmap character")
			}
			for j := 0; j < 6; j++ {
				if v&(1<<j) != 0 {
					ids = append(ids, (base+k-i)*6+j)
				}
			}
		}
	case s[0] == '~':
		end := 0
		for i := 1; i < len(s); {
			gap, n, err := readVarint(s, i)
			if err != nil {
				return nil, err
			}
			l, n, err := readVarint(s, n)
			if err != nil {
				return nil, err
			}
			start := end + gap
			for d := start; d <= start+l; d++ {
				ids = append(ids, d)
			}
			end = start + l + 1
			i = n
		}
	default:
		prev := -1
		for i := 0; i < len(s); {
			v, n, err := readVarint(s, i)
			if err != nil {
				return nil, err
			}
			if prev < 0 {
				prev = v
			} else {
				prev += v + 1
			}
			ids = append(ids, prev)
			i = n
		}
	}
	return ids, nil
}

// encodePostings joins the doc sets of a term's classes, strongest class first.
func encodePostings(sets [numClasses][]int) string {
	parts := make([]string, numClasses)
	for c := numClasses - 1; c >= 0; c-- {
		parts[numClasses-1-c] = encodeSet(sets[c])
	}
	n := len(parts)
	for n > 0 && parts[n-1] == "" {
		n--
	}
	return strings.Join(parts[:n], "|")
}

// decodePostings reads postings written by encodePostings into per-class doc sets.
func decodePostings(s string) ([numClasses][]int, error) {
	var sets [numClasses][]int
	if s == "" {
		return sets, nil
	}
	for i, p := range strings.Split(s, "|") {
		if i >= numClasses {
			return sets, errors.New("search: too many classes in postings")
		}
		ids, err := decodeSet(p)
		if err != nil {
			return sets, err
		}
		sets[numClasses-1-i] = ids
	}
	return sets, nil
}

// refExact returns the number of documents in the class Exact of the postings a reference
// ("@" file, count, exact count) stands for.
func refExact(ref string) (int, error) {
	_, i, err := readVarint(ref, 1)
	if err != nil {
		return 0, err
	}
	if _, i, err = readVarint(ref, i); err != nil {
		return 0, err
	}
	n, _, err := readVarint(ref, i)
	return n, err
}
