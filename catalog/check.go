package catalog

import (
	"fmt"
	"strings"
	"unicode"
)

// The stable ids of the rules that Check and the readers apply. Tools (CI annotations,
// editors) can rely on them.
const (
	RuleDuplicateID      = "duplicate-id"      // error: two entries of a service share an ID
	RuleInvalidStatus    = "invalid-status"    // error: a status that is not an HTTP status
	RuleEmptyCode        = "empty-code"        // error: a code that is empty or only punctuation
	RuleNoDescription    = "no-description"    // warning: an entry with no description or message
	RuleCodeStatuses     = "code-statuses"     // warning: one code under two statuses in a service
	RuleStatusConflict   = "status-conflict"   // warning: status column disagrees with the heading
	RulePrefixMismatch   = "prefix-mismatch"   // warning: a code's prefix disagrees with its status
	RuleRaggedRow        = "ragged-row"        // error: a row with more or fewer cells than its header
	RuleUnrecognised     = "unrecognised"      // error: no reader recognised a source
	RuleBadStatusCell    = "bad-status-cell"   // error: a status cell that holds no status
	RuleNoCodes          = "no-codes"          // warning: a source a reader took but found no codes in
	RuleDuplicateService = "duplicate-service" // error: two services share an ID
	RuleInvalidUTF8      = "invalid-utf8"      // warning: bytes that are not UTF-8, replaced (or read as a legacy CJK encoding)
	RuleCodePattern      = "code-pattern"      // error: a code that does not match the source's codePattern
	RuleOutsideSections  = "outside-sections"  // warning: entries outside the sections docgen.yaml names
	RuleBidiControl      = "bidi-control"      // warning: a code, message or group holds a bidirectional control
	// RuleUnusedOverride is an error: something docgen.yaml says of a source (a section, a
	// column) that matches nothing in it, so that it changes nothing.
	RuleUnusedOverride = "unused-override"
	// RuleNotErrors is a warning: a source whose entries nothing calls errors (no status,
	// no word of failure anywhere), likely a table of other codes.
	RuleNotErrors = "not-errors"
	// RuleEmptySource is an error: a source that docgen.yaml gives overrides for, from
	// which no entry is read.
	RuleEmptySource = "empty-source"
	// RuleMissingTranslation is a warning: an entry of a service in several languages
	// that one of them does not document.
	RuleMissingTranslation = "missing-translation"
	// RuleTranslationStatus is an error: a code documented under other statuses in one
	// language of a service than in another.
	RuleTranslationStatus = "translation-status"
)

// BidiControl returns the first bidirectional formatting character in s (the embeddings,
// overrides and isolates U+202A-U+202E and U+2066-U+2069, and the marks U+200E, U+200F and
// U+061C), or -1. Such a character makes text display in another order than it is stored
// ("Trojan Source"): a code that reads as one string is another.
func BidiControl(s string) rune {
	for _, r := range s {
		if IsBidiControl(r) {
			return r
		}
	}
	return -1
}

// IsBidiControl reports whether r is a bidirectional formatting character (see BidiControl).
func IsBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// Check validates c and returns what it finds: the catalog-wide rules that no single reader
// can apply. It does not modify c.
func Check(c *Catalog) Diagnostics {
	var d Diagnostics
	services := make(map[string]*Service)
	for _, s := range c.Services {
		if prev, ok := services[s.ID]; ok {
			hint := ""
			if s.Lang != prev.Lang && s.Lang != "" && prev.Lang != "" {
				// Two languages of one service, listed apart: docgen.yaml joins them by id.
				hint = fmt.Sprintf(" (if %s and %s are the %s and %s versions of one service, give both sources the same id in docgen.yaml)", prev.Source, s.Source, prev.Lang, s.Lang)
			}
			d.Add(Pos{File: s.Source, Line: 1, Col: 1}, Error, RuleDuplicateService,
				"service id %q is already used by %s%s", s.ID, prev.Source, hint)
		}
		services[s.ID] = s
		checkService(s, &d)
	}
	return d
}

func checkService(s *Service, d *Diagnostics) {
	es := s.Entries
	// The first entry of each ID and of each HTTP code, by firstIndex rather than maps of
	// the strings: on a service of 1,000,000 entries the maps were the largest thing
	// built after the read.
	byID := newFirstIndex(len(es), func(i int) string { return es[i].ID })
	byCode := newFirstIndex(len(es), func(i int) string { return es[i].Code })
	lastOfID := make([]int32, len(es))    // by the first entry of an ID, the last one seen
	firstOfCode := make([]int32, len(es)) // an HTTP entry's first entry of its code; -1: not HTTP
	codeCount := make([]int32, len(es))   // by the first entry of a code, its HTTP entries
	for i, e := range es {
		f := byID.find(e.ID, i)
		if f != i {
			prev := es[lastOfID[f]]
			d.Add(e.Source, Error, RuleDuplicateID, "entry id %q is already used by %q at line %d", e.ID, prev.Code, prev.Source.Line)
		}
		lastOfID[f] = int32(i)
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
		firstOfCode[i] = -1
		if e.Protocol == HTTP {
			c := byCode.find(e.Code, i)
			firstOfCode[i] = int32(c)
			codeCount[c]++
		}
	}
	byID, byCode, lastOfID = nil, nil, nil
	statuses := make(map[int32][]*Entry) // the HTTP entries of each code that has several
	for i, e := range es {
		if c := firstOfCode[i]; c >= 0 && codeCount[c] > 1 {
			statuses[c] = append(statuses[c], e)
		}
	}
	for i, e := range es {
		if firstOfCode[i] != int32(i) || codeCount[i] < 2 {
			continue
		}
		list := statuses[int32(i)]
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

// checkBidi warns of bidirectional controls in the plain-text fields of e, which pages show
// as they are (isolated, so they cannot reorder what surrounds them).
func checkBidi(e *Entry, d *Diagnostics) {
	type field struct {
		name, text string
		at         Pos
	}
	fields := []field{{"code", e.Code, e.Source}, {"message", e.Message, e.Source}, {"group", e.Group, e.Source}}
	for _, v := range e.Variants() {
		fields = append(fields, field{"message", v.Message, e.Source})
	}
	for _, t := range e.Translations() { // a translation's text is shown on its pages alike
		fields = append(fields, field{t.Lang + " message", t.Message, t.Source}, field{t.Lang + " group", t.Group, t.Source})
		for _, v := range t.Variants {
			fields = append(fields, field{t.Lang + " message", v.Message, t.Source})
		}
	}
	for _, f := range fields {
		if r := BidiControl(f.text); r >= 0 {
			at := f.at
			if !at.IsValid() {
				at = e.Source
			}
			d.Add(at, Warning, RuleBidiControl, "the %s of %q holds the bidirectional control U+%04X, which makes it display in another order than it is written", f.name, e.Code, r)
			return
		}
	}
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
