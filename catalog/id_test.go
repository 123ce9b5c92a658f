package catalog

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMergeAndIDsAsAMap: Merge and AssignIDs find first occurrences through hashes
// (firstIndex); they give what the plain maps they replaced gave (the reference copies
// below), on random catalogs full of repeats, codes under several statuses and groups,
// and slugs that coincide, and also when every key has the same hash (sameHash).
func TestMergeAndIDsAsAMap(t *testing.T) {
	codes := []string{"A", "a", "Foo_Bar", "foo-bar", "FooBar", "E1", "e1", "E1-2", "E1-400", "x", "X_2", "x-2", "토큰", "-1", "1", "A-a", "a-a"}
	groups := []string{"", "Auth", "Voice", "auth"}
	statuses := []Status{0, 400, 401, 404}
	for _, clash := range []bool{false, true} {
		for seed := range 300 {
			r := rand.New(rand.NewPCG(uint64(seed), 7))
			n := 1 + r.IntN(40)
			var a, b []*Entry
			for i := range n {
				e := Entry{Code: codes[r.IntN(len(codes))], Status: statuses[r.IntN(len(statuses))], Group: groups[r.IntN(len(groups))],
					Description: strconv.Itoa(i), Source: Pos{Line: i + 1}}
				if r.IntN(8) == 0 {
					e.Protocol, e.Status = JSONRPC, 0
				}
				e1, e2 := e, e
				a, b = append(a, &e1), append(b, &e2)
			}
			sameHash = clash
			got := &Service{Entries: Merge(a)}
			AssignIDs(got)
			sameHash = false
			want := &Service{Entries: referenceMerge(b)}
			referenceAssignIDs(want)
			if diff := cmp.Diff(idSummary(want), idSummary(got)); diff != "" {
				t.Fatalf("seed %d, same hash %v (-reference +got):\n%s", seed, clash, diff)
			}
		}
	}
}

func idSummary(s *Service) []string {
	var out []string
	for _, e := range s.Entries {
		var vs []string
		for _, v := range e.Variants() {
			vs = append(vs, strconv.Itoa(v.Source.Line))
		}
		out = append(out, fmt.Sprintf("%s %s %d %d %q [%s]", e.ID, e.Code, e.Status, e.Protocol, e.Group, strings.Join(vs, " ")))
	}
	return out
}

// The maps Merge and AssignIDs used before firstIndex, as they were.

func referenceMerge(entries []*Entry) []*Entry {
	first := make(map[entryKey]*Entry, len(entries))
	out := entries[:0:0]
	for _, e := range entries {
		k := entryKey{e.Protocol, e.Status, e.Code, e.Group}
		if f, ok := first[k]; ok {
			f.SetVariants(append(f.Variants(), Variant{
				Message: e.Message, Description: e.Description, Resolution: e.Resolution,
				Fields: e.Fields(), Source: e.Source,
			}))
			f.SetVariants(append(f.Variants(), e.Variants()...))
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
func referenceAssignIDs(s *Service) {
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
