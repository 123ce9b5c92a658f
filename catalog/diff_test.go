package catalog

import (
	"fmt"
	"strings"
	"testing"
)

func diffEntry(code string, status Status, msg, desc string, line int) *Entry {
	return &Entry{ID: Slug(code), Code: code, Status: status, Message: msg, Description: desc,
		Source: Pos{File: "api.md", Line: line}}
}

// summary writes changes one per line: "kind service code old->new".
func summary(changes []Change) string {
	var lines []string
	for _, c := range changes {
		s := fmt.Sprintf("%s %s", c.Kind, c.Service)
		if c.Code != "" {
			s += " " + c.Code
		}
		if c.OldEntry != nil && c.NewEntry != nil && c.Kind == StatusChanged {
			s += fmt.Sprintf(" %d->%d", c.OldEntry.Status, c.NewEntry.Status)
		}
		if c.Count > 0 {
			s += fmt.Sprintf(" (%d)", c.Count)
		}
		if c.Breaking() {
			s += " breaking"
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func oneService(entries ...*Entry) *Catalog {
	return &Catalog{Services: []*Service{{ID: "api", Source: "api.md", Entries: entries}}}
}

func TestDiffKinds(t *testing.T) {
	base := func() []*Entry {
		return []*Entry{
			diffEntry("A", 400, "Bad A", "About A.", 10),
			diffEntry("B", 404, "No B", "About B.", 11),
			diffEntry("C", 409, "C conflicts", "About C.", 12),
		}
	}
	rpc := &Entry{ID: "32601", Code: "-32601", Protocol: JSONRPC, Message: "method not found"}
	for _, tc := range []struct {
		name string
		edit func(es []*Entry) []*Entry
		want string
	}{
		{"nothing", func(es []*Entry) []*Entry { return es }, ""},
		{"added", func(es []*Entry) []*Entry { return append(es, diffEntry("D", 500, "D", "", 13)) }, "added api D"},
		{"removed", func(es []*Entry) []*Entry { return es[1:] }, "removed api A breaking"},
		{"status changed", func(es []*Entry) []*Entry { es[1].Status = 410; return es }, "status-changed api B 404->410 breaking"},
		{"message changed", func(es []*Entry) []*Entry { es[2].Message = "C is locked"; return es }, "message-changed api C"},
		{"description changed", func(es []*Entry) []*Entry { es[0].Description = "New words."; return es }, "description-changed api A"},
		{"white space only", func(es []*Entry) []*Entry { es[0].Description = "  About A.\n"; return es }, ""},
		{"status and message changed", func(es []*Entry) []*Entry { es[1].Status = 410; es[1].Message = "Gone B"; return es },
			"status-changed api B 404->410 breaking\nmessage-changed api B"},
		{"source moved", func(es []*Entry) []*Entry { es[0].Source.Line = 99; return es }, ""},
		{"same code under a second status", func(es []*Entry) []*Entry {
			return append(es, diffEntry("A", 401, "A again", "", 14))
		}, "added api A"},
		{"a JSON-RPC code of the same name", func(es []*Entry) []*Entry {
			r := *rpc
			r.Code = "A"
			return append(es[1:], &r)
		}, "removed api A breaking\nadded api A"},
		{"order", func(es []*Entry) []*Entry {
			es[1].Message = "changed"
			return append([]*Entry{diffEntry("Z", 400, "", "", 1)}, es[:2]...)
		}, "removed api C breaking\nmessage-changed api B\nadded api Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(Diff(oneService(base()...), oneService(tc.edit(base())...)))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A code under two statuses: one status moves, the other stays.
func TestDiffTwoStatuses(t *testing.T) {
	old := oneService(diffEntry("required", 400, "", "", 1), diffEntry("required", 401, "", "", 2))
	new := oneService(diffEntry("required", 400, "", "", 1), diffEntry("required", 403, "", "", 2))
	if got, want := summary(Diff(old, new)), "status-changed api required 401->403 breaking"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	new = oneService(diffEntry("required", 403, "", "", 1))
	if got, want := summary(Diff(old, new)), "status-changed api required 400->403 breaking\nremoved api required breaking"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDiffServices(t *testing.T) {
	svc := func(id string, n int) *Service {
		s := &Service{ID: id, Source: id + ".md"}
		for i := range n {
			s.Entries = append(s.Entries, diffEntry(fmt.Sprintf("E%d", i), 400, "", "", i+1))
		}
		return s
	}
	old := &Catalog{Services: []*Service{svc("a", 1), svc("gone", 3), svc("b", 1), svc("gone2", 2)}}
	new := &Catalog{Services: []*Service{svc("new", 2), svc("a", 1), svc("b", 1)}}
	want := "service-added new (2)\nservice-removed gone (3) breaking\nservice-removed gone2 (2) breaking"
	if got := summary(Diff(old, new)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	changes := Diff(old, new)
	if p := changes[1].Pos(); p.File != "gone.md" {
		t.Errorf("a removed service is shown at its old source, got %v", p)
	}
	if p := changes[0].Pos(); p.File != "new.md" {
		t.Errorf("an added service is shown at its source, got %v", p)
	}
}

func TestChangePos(t *testing.T) {
	o := diffEntry("A", 400, "x", "", 5)
	n := diffEntry("A", 400, "y", "", 7)
	n.Source.File = "new.md"
	if p := (Change{Kind: MessageChanged, OldEntry: o, NewEntry: n}).Pos(); p.File != "new.md" || p.Line != 7 {
		t.Errorf("a changed code is shown where it now is, got %v", p)
	}
	if p := (Change{Kind: Removed, OldEntry: o}).Pos(); p.Line != 5 {
		t.Errorf("a removed code is shown where it was, got %v", p)
	}
}

func TestChangeKindNames(t *testing.T) {
	seen := map[string]bool{}
	for k := ServiceRemoved; k <= ServiceAdded; k++ {
		name := k.String()
		if name == "unknown" || seen[name] {
			t.Errorf("kind %d: name %q", k, name)
		}
		seen[name] = true
	}
	for k, want := range map[ChangeKind]bool{ServiceRemoved: true, Removed: true, StatusChanged: true, MessageChanged: false, DescriptionChanged: false, Added: false, ServiceAdded: false} {
		if k.Breaking() != want {
			t.Errorf("%s: breaking = %v, want %v", k, k.Breaking(), want)
		}
	}
}
