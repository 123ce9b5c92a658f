package catalog

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckServiceAsAMap: checkService finds repeated IDs and codes through firstIndex;
// it says what the plain maps it replaced said (the reference copy below), on random
// services full of repeated IDs, codes under several statuses and protocols, and also
// when every key has the same hash.
func TestCheckServiceAsAMap(t *testing.T) {
	words := []string{"A", "B", "a", "E1", "E2", "x"}
	for _, clash := range []bool{false, true} {
		for seed := range 300 {
			r := rand.New(rand.NewPCG(uint64(seed), 11))
			s := &Service{}
			for i := range 1 + r.IntN(30) {
				e := &Entry{ID: words[r.IntN(len(words))], Code: words[r.IntN(len(words))], Status: Status(400 + r.IntN(3)),
					Description: "d", Source: Pos{File: "a.md", Line: 1 + i/(1+r.IntN(3))}}
				if r.IntN(6) == 0 {
					e.Protocol, e.Status = JSONRPC, 0
				}
				s.Entries = append(s.Entries, e)
			}
			var got, want Diagnostics
			sameHash = clash
			checkService(s, &got)
			sameHash = false
			referenceCheckService(s, &want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("seed %d, same hash %v (-reference +got):\n%s", seed, clash, diff)
			}
		}
	}
}

// checkService as it was, with maps of IDs and codes.
func referenceCheckService(s *Service, d *Diagnostics) {
	ids := make(map[string]*Entry, len(s.Entries))
	statuses := make(map[string][]*Entry)
	for _, e := range s.Entries {
		if prev, ok := ids[e.ID]; ok {
			d.Add(e.Source, Error, RuleDuplicateID, "entry id %q is already used by %q at line %d", e.ID, prev.Code, prev.Source.Line)
		}
		ids[e.ID] = e
		if e.Status != 0 && !e.Status.IsValid() {
			d.Add(e.Source, Error, RuleInvalidStatus, "status %d of %q is not an HTTP status (100-599)", int(e.Status), e.Code)
		}
		if !hasWord(e.Code) {
			d.Add(e.Source, Error, RuleEmptyCode, "code %q is empty or only punctuation", e.Code)
		}
		if strings.TrimSpace(e.Description) == "" && strings.TrimSpace(e.Message) == "" {
			d.Add(e.Source, Warning, RuleNoDescription, "entry %q has no description", e.Code)
		}
		checkBidi(e, d)
		if e.Protocol == HTTP {
			statuses[e.Code] = append(statuses[e.Code], e)
		}
	}
	for _, e := range s.Entries {
		list := statuses[e.Code]
		if len(list) < 2 || list[0] != e {
			continue
		}
		// Entries of one code in two namespaces (tables) under the same status are two
		// numberings, not a code with two statuses.
		var names []string
		seen := map[Status]bool{}
		oneRow := true // a row that lists its statuses ("400 / 422") says so on purpose
		for _, o := range list {
			oneRow = oneRow && o.Source == e.Source
			if !seen[o.Status] {
				seen[o.Status] = true
				names = append(names, o.Status.String())
			}
		}
		if len(names) < 2 || oneRow {
			continue
		}
		d.Add(e.Source, Warning, RuleCodeStatuses, "code %q is documented under %d statuses: %s", e.Code, len(names), strings.Join(names, ", "))
	}
}
