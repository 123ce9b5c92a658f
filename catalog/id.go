package catalog

import (
	"hash/fnv"
	"hash/maphash"
	"slices"
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
	if s == text && len(s) <= maxSlug {
		return text // a code that is its own slug ("400100001"): the entry keeps one string
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
	out := entries[:0:0]
	first := newFirstIndex(len(entries), func(i int) entryKey { return keyOf(out[i]) })
	// more holds the variants each entry of out gains, set once at the end: an entry's
	// setters replace its rare part rather than append to it in place (see entryMore).
	var more map[int32][]Variant
	for _, e := range entries {
		if i := first.find(keyOf(e), len(out)); i < len(out) {
			if more == nil {
				more = map[int32][]Variant{}
			}
			vs, ok := more[int32(i)]
			if !ok {
				vs = slices.Clip(out[i].Variants())
			}
			vs = append(vs, Variant{
				Message: e.Message, Description: e.Description, Resolution: e.Resolution,
				Fields: e.Fields(), Source: e.Source,
			})
			more[int32(i)] = append(vs, e.Variants()...)
			continue
		}
		out = append(out, e)
	}
	for i, vs := range more {
		out[i].SetVariants(vs)
	}
	return out
}

func keyOf(e *Entry) entryKey { return entryKey{e.Protocol, e.Status, e.Code, e.Group} }

// firstIndex finds the first of a list's items with a given key: for each key, the index
// of the first item that has it. A map from keys to indexes would hold every key's
// strings in its slots (64 bytes and more per entry, twice over in AssignIDs, on top of
// the catalog at the end of a large read); this one holds a 64-bit hash of the key and an
// index, and compares the keys themselves, through key, only where two hashes meet. The
// hash's seed is random, which decides nothing: what is found depends on the keys alone.
type firstIndex[K comparable] struct {
	seed   maphash.Seed
	byHash map[uint64]int32
	clash  map[K]int32 // keys whose hash an earlier key has: almost never any
	key    func(i int) K
}

// sameHash, for tests, gives every key the same hash: every key but the first is then
// found through clash.
var sameHash bool

func newFirstIndex[K comparable](n int, key func(i int) K) *firstIndex[K] {
	return &firstIndex[K]{seed: maphash.MakeSeed(), byHash: make(map[uint64]int32, n), key: key}
}

// find returns the index of the first item with key k; when there is none, it records
// next (the index k's item is about to get) as k's and returns it.
func (f *firstIndex[K]) find(k K, next int) int {
	h := maphash.Comparable(f.seed, k)
	if sameHash {
		h = 0
	}
	i, ok := f.byHash[h]
	if !ok {
		f.byHash[h] = int32(next)
		return next
	}
	if f.key(int(i)) == k {
		return int(i)
	}
	if i, ok := f.clash[k]; ok {
		return int(i)
	}
	if f.clash == nil {
		f.clash = map[K]int32{}
	}
	f.clash[k] = int32(next)
	return next
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
	es := s.Entries
	// For each code, whether it is documented under more than one status; for each code
	// under one status, whether in more than one namespace: each entry marks the first
	// of its code (and of its code and status) when it differs from it.
	byCode := newFirstIndex(len(es), func(i int) string { return es[i].Code })
	byStatus := newFirstIndex(len(es), func(i int) entryKey { return statusKey(es[i]) })
	var manyStatuses, manyGroups []bool = make([]bool, len(es)), make([]bool, len(es))
	firstOfCode, firstOfStatus := make([]int32, len(es)), make([]int32, len(es))
	for i, e := range es {
		c := byCode.find(e.Code, i)
		if k := es[c]; k.Protocol != e.Protocol || k.Status != e.Status {
			manyStatuses[c] = true
		}
		st := byStatus.find(statusKey(e), i)
		if es[st].Group != e.Group {
			manyGroups[st] = true
		}
		firstOfCode[i], firstOfStatus[i] = int32(c), int32(st)
	}
	byCode, byStatus = nil, nil
	ids := make([]string, len(es))
	for i, e := range es {
		id := Slug(e.Code)
		if manyStatuses[firstOfCode[i]] {
			id += "-" + statusSuffix(e)
		}
		if manyGroups[firstOfStatus[i]] {
			id += "-" + groupSuffix(e.Group)
		}
		ids[i] = id
	}
	manyStatuses, manyGroups, firstOfCode, firstOfStatus = nil, nil, nil, nil
	// The entries of each ID that more than one has: firstID[i] is the first entry with
	// ids[i], and count says how many have it.
	byID := newFirstIndex(len(es), func(i int) string { return ids[i] })
	firstID, count := make([]int32, len(es)), make([]int32, len(es))
	for i, id := range ids {
		f := byID.find(id, i)
		firstID[i] = int32(f)
		count[f]++
	}
	byID = nil
	shared := make(map[int32][]int) // by first entry, the entries of an ID more than one has
	for i := range ids {
		if f := firstID[i]; count[f] > 1 {
			shared[f] = append(shared[f], i)
		}
	}
	for f, idx := range shared { // each ID's entries are decided alone: order does not matter
		id := ids[f]
		codes := make(map[string]bool)
		for _, i := range idx {
			codes[es[i].Code] = true
		}
		if len(codes) < 2 {
			continue // same code, same suffix: cannot happen after Merge, numbered below
		}
		for _, i := range idx {
			if es[i].Code != id && !strings.HasPrefix(id, es[i].Code+"-") {
				ids[i] = id + "-" + shortHash(es[i].Code)
			}
		}
	}
	seen := make(map[string]int)
	for i, id := range ids {
		if count[firstID[i]] < 2 && !strings.Contains(id, "-") {
			// The one entry with its ID, which no numbering ("x-2") can take: an ID
			// with no hyphen is never made by appending "-N".
			s.Entries[i].ID = id
			continue
		}
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

// statusKey is an entry's code under its status, in no namespace.
func statusKey(e *Entry) entryKey { return entryKey{e.Protocol, e.Status, e.Code, ""} }

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
