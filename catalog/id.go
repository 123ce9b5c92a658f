package catalog

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSlug is the longest slug Slug returns; longer ones are cut and end in a hash.
const maxSlug = 80

// Slug turns text into a URL-safe, lower-case slug of ASCII letters, digits and hyphens:
// "TokenExpired" and "TOKEN_EXPIRED" both give "token-expired", "400102001" stays as it is,
// "-32601" gives "32601". Text with nothing slug-worthy (only punctuation, or only
// non-Latin letters) gives "x-" and a hash of the text, so the slug is never empty. Slugs of
// different texts can coincide; AssignIDs resolves that.
func Slug(text string) string {
	var b strings.Builder
	prev := rune(-1) // previous rune of the input
	pendingHyphen := false
	runes := []rune(text)
	for i, r := range runes {
		isWord := r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if !isWord {
			pendingHyphen = b.Len() > 0
			prev = r
			continue
		}
		// Split camelCase ("tokenExpired") and acronyms ("HTTPError") into words.
		if unicode.IsUpper(r) && b.Len() > 0 {
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				pendingHyphen = true
			}
		}
		if pendingHyphen {
			b.WriteByte('-')
			pendingHyphen = false
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	s := b.String()
	if s == "" {
		return "x-" + shortHash(text)
	}
	if len(s) > maxSlug {
		s = strings.TrimRight(s[:maxSlug-9], "-") + "-" + shortHash(text)
	}
	return s
}

// shortHash returns 8 hex digits of the FNV-1a hash of s.
func shortHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	x := strconv.FormatUint(uint64(h.Sum32()), 16)
	return strings.Repeat("0", 8-len(x)) + x
}

// entryKey identifies the entries that fold into one: same protocol, status and code, in
// the same namespace (the table, list or heading they stood under: Group).
type entryKey struct {
	protocol Protocol
	status   Status
	code     string
	group    string
}

// Merge folds entries that repeat a code under the same status and protocol into the
// first of them, as Variants, and returns the remaining entries in order of first
// occurrence. Nothing is dropped: every entry given is an entry or a variant afterwards.
func Merge(entries []*Entry) []*Entry {
	first := make(map[entryKey]*Entry, len(entries))
	out := entries[:0:0]
	for _, e := range entries {
		k := entryKey{e.Protocol, e.Status, e.Code, e.Group}
		if f, ok := first[k]; ok {
			f.Variants = append(f.Variants, Variant{
				Message: e.Message, Description: e.Description, Resolution: e.Resolution,
				Fields: e.Fields, Source: e.Source,
			})
			f.Variants = append(f.Variants, e.Variants...)
			continue
		}
		first[k] = e
		out = append(out, e)
	}
	return out
}

// AssignIDs gives every entry of s an ID unique within s, derived only from the entries'
// codes, statuses and protocols, so that an entry keeps its ID when others are added:
//   - the ID is Slug(Code);
//   - a code documented under more than one status gets "-" and its status appended
//     ("required-400", "required-401"; "-rpc" for a JSON-RPC code, "-none" for no status);
//   - a code documented under one status in more than one namespace (two tables of one
//     source, each its own numbering) gets "-" and the slug of its group appended
//     ("5100-locker-close-codes", "5100-courier-errors");
//   - codes whose IDs still coincide ("Foo_Bar" and "foo-bar") keep the plain ID only where
//     the code is written exactly as its slug; the others get "-" and a hash of the code;
//   - anything still equal after that is numbered in source order ("-2", "-3").
//
// Entries must already be merged (see Merge).
func AssignIDs(s *Service) {
	// For each code, the first status it was seen under and whether it has others; for
	// each code under one status, the first namespace and whether it has others. One map
	// entry per code and per code under a status, not a set of each: on a large catalog
	// the sets were most of the memory a build allocates.
	firstKey := make(map[string]entryKey, len(s.Entries))
	manyStatuses := make(map[string]bool)
	firstGroup := make(map[entryKey]string, len(s.Entries))
	manyGroups := make(map[entryKey]bool)
	for _, e := range s.Entries {
		k := entryKey{e.Protocol, e.Status, e.Code, ""}
		if fk, ok := firstKey[e.Code]; !ok {
			firstKey[e.Code] = k
		} else if fk != k {
			manyStatuses[e.Code] = true
		}
		if g, ok := firstGroup[k]; !ok {
			firstGroup[k] = e.Group
		} else if g != e.Group {
			manyGroups[k] = true
		}
	}
	ids := make([]string, len(s.Entries))
	byID := make(map[string]int, len(s.Entries)) // entries per ID
	for i, e := range s.Entries {
		id := Slug(e.Code)
		if manyStatuses[e.Code] {
			id += "-" + statusSuffix(e)
		}
		if manyGroups[entryKey{e.Protocol, e.Status, e.Code, ""}] {
			id += "-" + groupSuffix(e.Group)
		}
		ids[i] = id
		byID[id]++
	}
	shared := make(map[string][]int) // the entries of each ID that more than one has
	for i, id := range ids {
		if byID[id] > 1 {
			shared[id] = append(shared[id], i)
		}
	}
	for id, idx := range shared { // each ID's entries are decided alone: order does not matter
		codes := make(map[string]bool)
		for _, i := range idx {
			codes[s.Entries[i].Code] = true
		}
		if len(codes) < 2 {
			continue // same code, same suffix: cannot happen after Merge, numbered below
		}
		for _, i := range idx {
			if s.Entries[i].Code != id && !strings.HasPrefix(id, s.Entries[i].Code+"-") {
				ids[i] = id + "-" + shortHash(s.Entries[i].Code)
			}
		}
	}
	seen := make(map[string]int, len(ids))
	for i, id := range ids {
		seen[id]++
		if n := seen[id]; n > 1 {
			id = id + "-" + strconv.Itoa(n)
			for seen[id] > 0 {
				n++
				id = ids[i] + "-" + strconv.Itoa(n)
			}
			seen[id]++
		}
		s.Entries[i].ID = id
	}
}

// groupSuffix tells apart the entries of one code under one status in two namespaces
// (two tables, say): the slug of the heading they stood under, cut to 40 bytes at a
// hyphen, or "top" for entries under no heading.
func groupSuffix(group string) string {
	g := Slug(group)
	if g == "" {
		return "top"
	}
	if len(g) > 40 {
		g = g[:40]
		if i := strings.LastIndexByte(g, '-'); i > 0 {
			g = g[:i]
		}
	}
	return g
}

func statusSuffix(e *Entry) string {
	switch {
	case e.Status != 0:
		return strconv.Itoa(int(e.Status))
	case e.Protocol == JSONRPC:
		return "rpc"
	}
	return "none"
}
