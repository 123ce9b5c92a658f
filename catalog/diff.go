package catalog

import (
	"cmp"
	"slices"
)

// ChangeKind is what happened to a code (or a service) between two catalogs.
type ChangeKind int

// The kinds of change.
const (
	ServiceRemoved     ChangeKind = iota // a service is gone, with all its codes (breaking)
	Removed                              // a code is gone (breaking)
	StatusChanged                        // a code moved to another HTTP status (breaking)
	MessageChanged                       // a code's message changed
	DescriptionChanged                   // a code's description changed
	Added                                // a code is new
	ServiceAdded                         // a service is new
	TranslationAdded                     // a code's text in one more language
	TranslationRemoved                   // a code's text in a language is gone (it falls back)
)

// String returns the kind's name as docgen diff --format json writes it.
func (k ChangeKind) String() string {
	switch k {
	case ServiceRemoved:
		return "service-removed"
	case Removed:
		return "removed"
	case StatusChanged:
		return "status-changed"
	case MessageChanged:
		return "message-changed"
	case DescriptionChanged:
		return "description-changed"
	case Added:
		return "added"
	case ServiceAdded:
		return "service-added"
	case TranslationAdded:
		return "translation-added"
	case TranslationRemoved:
		return "translation-removed"
	}
	return "unknown"
}

// Breaking reports whether a change of this kind can break a client that handles the old
// catalog's codes: a code that is gone, or that comes with another status.
func (k ChangeKind) Breaking() bool {
	return k == ServiceRemoved || k == Removed || k == StatusChanged
}

// Change is one difference between two catalogs.
//
// For service changes, Code is empty and Old or New is the service's title. For code
// changes, Old and New are the entries on either side (nil on the side where the code is
// missing); for MessageChanged and DescriptionChanged both are set.
type Change struct {
	Kind    ChangeKind
	Service string // the service ID
	Code    string // as written; empty for service changes
	// OldEntry and NewEntry are the entry in the old and the new catalog.
	OldEntry, NewEntry *Entry
	// Count is how many entries a removed or added service had.
	Count int
	// OldSource and NewSource are the service's source documents.
	OldSource, NewSource string
	// Lang is "" for a change of the text in the entry's own language; for a
	// MessageChanged or DescriptionChanged of a translation, its language, and OldText
	// and NewText are the translation on either side.
	Lang             string
	OldText, NewText *EntryText
}

// Breaking reports whether the change can break a client.
func (c Change) Breaking() bool { return c.Kind.Breaking() }

// Pos returns where the change is best shown: in the new catalog where the code still is,
// else in the old one.
func (c Change) Pos() Pos {
	if c.Lang != "" && c.NewText != nil && c.NewText.Source.IsValid() {
		return c.NewText.Source // where the translation that changed is
	}
	if c.NewEntry != nil && c.Kind != Removed {
		return c.NewEntry.Source
	}
	if c.OldEntry != nil {
		return c.OldEntry.Source
	}
	if c.NewSource != "" {
		return Pos{File: c.NewSource}
	}
	return Pos{File: c.OldSource}
}

// diffKey identifies an entry for the diff: its protocol and code; the status is what
// may change.
type diffKey struct {
	protocol Protocol
	code     string
}

// Diff lists what changed from one catalog to another, service by service (matched by
// ID), in the order of the newer catalog with removed services where they stood in the
// older one. Within
// a service, entries are matched by protocol, code and status; a code whose status
// differs is matched across statuses (StatusChanged), pairing the remaining statuses of
// the same code in ascending order; what is left is Removed or Added. Message and
// description are compared with surrounding white space ignored, language by language
// over both sides' languages (the entry's own text or its translation in each); a change
// of a text other than the entries' own on both sides has Lang set and is never
// breaking, and a text that appears or goes in a language is a TranslationAdded or
// TranslationRemoved change (the page in that language then falls back). Variants are
// not compared.
func Diff(from, to *Catalog) []Change {
	var out []Change
	oldByID := map[string]*Service{}
	for _, s := range from.Services {
		oldByID[s.ID] = s
	}
	newByID := map[string]*Service{}
	for _, s := range to.Services {
		newByID[s.ID] = s
	}
	// A removed service is listed after the service that preceded it in the old catalog
	// and is still there (or first).
	removedAfter := map[string][]*Service{}
	prev := ""
	for _, s := range from.Services {
		if _, ok := newByID[s.ID]; ok {
			prev = s.ID
			continue
		}
		removedAfter[prev] = append(removedAfter[prev], s)
	}
	emitRemoved := func(after string) {
		for _, s := range removedAfter[after] {
			out = append(out, Change{Kind: ServiceRemoved, Service: s.ID, Count: len(s.Entries), OldSource: s.Source})
		}
	}
	emitRemoved("")
	for _, ns := range to.Services {
		if prevS, ok := oldByID[ns.ID]; ok {
			out = append(out, diffService(prevS, ns)...)
		} else {
			out = append(out, Change{Kind: ServiceAdded, Service: ns.ID, Count: len(ns.Entries), NewSource: ns.Source})
		}
		emitRemoved(ns.ID)
	}
	return out
}

// diffService lists the changes of one service, removals and status changes first, then
// message and description changes, then additions, each in source order.
func diffService(from, to *Service) []Change {
	group := func(s *Service) map[diffKey][]*Entry {
		m := map[diffKey][]*Entry{}
		for _, e := range s.Entries {
			k := diffKey{e.Protocol, e.Code}
			m[k] = append(m[k], e)
		}
		for _, es := range m {
			slices.SortStableFunc(es, func(a, b *Entry) int { return cmp.Compare(a.Status, b.Status) })
		}
		return m
	}
	oldG, newG := group(from), group(to)
	base := Change{Service: to.ID, OldSource: from.Source, NewSource: to.Source}
	var changes []Change
	add := func(kind ChangeKind, code string, o, n *Entry) {
		c := base
		c.Kind, c.Code, c.OldEntry, c.NewEntry = kind, code, o, n
		changes = append(changes, c)
	}
	// The languages compared: every language of either side, the defaults first. An
	// entry's text in a language is its own fields or a translation (Entry.Text), so a
	// service whose default language changed, or a code that gained a text in the default
	// language, compares the same language's text on both sides, never Korean with English.
	var langs []string
	for _, l := range append(from.Langs(), to.Langs()...) {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	compare := func(o, n *Entry) {
		for _, l := range langs {
			ot, ook := o.Text(from, l)
			nt, nok := n.Text(to, l)
			// Lang stays "" for the entries' own text on both sides: a catalog in one
			// language diffs as before translations existed.
			own := o.TextLang(from) == l && n.TextLang(to) == l
			addText := func(kind ChangeKind) {
				add(kind, n.Code, o, n)
				if own {
					return
				}
				c := &changes[len(changes)-1]
				c.Lang = l
				if ook {
					c.OldText = &ot
				}
				if nok {
					c.NewText = &nt
				}
			}
			switch {
			case ook && !nok:
				addText(TranslationRemoved) // the page in l falls back to another language
			case !ook && nok:
				addText(TranslationAdded)
			case ook && nok:
				if trim(ot.Message) != trim(nt.Message) {
					addText(MessageChanged)
				}
				if trim(ot.Description) != trim(nt.Description) {
					addText(DescriptionChanged)
				}
			}
		}
	}
	seen := map[diffKey]bool{}
	var keys []diffKey // old's keys in source order, then new's new ones
	for _, e := range from.Entries {
		if k := (diffKey{e.Protocol, e.Code}); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, e := range to.Entries {
		if k := (diffKey{e.Protocol, e.Code}); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		olds, news := oldG[k], newG[k]
		// Same status on both sides.
		var restOld, restNew []*Entry
		for _, o := range olds {
			if i := slices.IndexFunc(news, func(n *Entry) bool { return n.Status == o.Status }); i >= 0 {
				compare(o, news[i])
				continue
			}
			restOld = append(restOld, o)
		}
		for _, n := range news {
			if !slices.ContainsFunc(olds, func(o *Entry) bool { return o.Status == n.Status }) {
				restNew = append(restNew, n)
			}
		}
		// What is left of the same code: moved to another status, removed or added.
		for i := range max(len(restOld), len(restNew)) {
			switch {
			case i < len(restOld) && i < len(restNew):
				add(StatusChanged, k.code, restOld[i], restNew[i])
				compare(restOld[i], restNew[i])
			case i < len(restOld):
				add(Removed, k.code, restOld[i], nil)
			default:
				add(Added, k.code, nil, restNew[i])
			}
		}
	}
	rank := func(c Change) int {
		switch c.Kind {
		case Removed, StatusChanged:
			return 0
		case MessageChanged, DescriptionChanged:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(changes, func(a, b Change) int { return cmp.Compare(rank(a), rank(b)) })
	return changes
}

func trim(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
