package catalog

import (
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestEntrySize: an entry without fields, variants or translations is 160 bytes on a
// 64-bit machine (a size class of Go's allocator); a read of 1.7 million code headings
// holds that many, so a field added to Entry belongs in EntryMore unless most entries
// have it.
func TestEntrySize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are checked on 64-bit machines")
	}
	if n := unsafe.Sizeof(Entry{}); n > 160 {
		t.Errorf("Entry is %d bytes, want at most 160 (rare fields go in EntryMore)", n)
	}
}

// TestEntryMoreCopyOnWrite: the setters never change the EntryMore a copy of the entry
// shares, an empty value on an entry without one makes none, and an EntryMore left
// empty is dropped.
func TestEntryMoreCopyOnWrite(t *testing.T) {
	e := &Entry{Code: "E1"}
	e.SetFields(nil)
	e.SetVariants([]Variant{})
	e.SetLang("")
	e.SetTranslations(nil)
	if e.More != nil {
		t.Fatalf("empty values made a More: %+v", e.More)
	}
	if e.Fields() != nil || e.Variants() != nil || e.Lang() != "" || e.Translations() != nil {
		t.Fatal("an entry without More reads as not empty")
	}

	e.SetFields([]Field{{Name: "Since", Value: "v1"}})
	e.SetVariants([]Variant{{Message: "first"}})
	copied := *e
	e.SetVariants(append(e.Variants(), Variant{Message: "second"}))
	e.SetLang("en")
	e.SetTranslations([]EntryText{{Lang: "ko", Message: "번역"}})
	if diff := cmp.Diff(&EntryMore{Fields: []Field{{Name: "Since", Value: "v1"}}, Variants: []Variant{{Message: "first"}}}, copied.More); diff != "" {
		t.Errorf("the copy's More changed (-want +got):\n%s", diff)
	}
	want := &EntryMore{Fields: []Field{{Name: "Since", Value: "v1"}}, Variants: []Variant{{Message: "first"}, {Message: "second"}},
		Lang: "en", Translations: []EntryText{{Lang: "ko", Message: "번역"}}}
	if diff := cmp.Diff(want, e.More); diff != "" {
		t.Errorf("More (-want +got):\n%s", diff)
	}

	copied.SetFields(nil)
	copied.SetVariants(nil)
	if copied.More != nil {
		t.Errorf("a More left empty is kept: %+v", copied.More)
	}
	if len(e.Fields()) != 1 {
		t.Errorf("emptying the copy emptied the original: %+v", e.More)
	}
}
