package parse

import (
	"strings"
	"testing"
)

// TestRunLeftOutNoted: each constant of a run of #defines that is left out as no error
// (a version, a limit) is named in a note where it stands (docgen parse --verbose), so
// that every row of the source is accounted for.
func TestRunLeftOutNoted(t *testing.T) {
	h := "#define PRN_API_LEVEL 2\n#define PRN_ERR_JAM -11 /* jammed */\n#define PRN_ERR_OFFLINE -20 /* offline */\n#define PRN_MAX_COPIES 99\n"
	res := Read(NewSource("prn.h", []byte(h)), Meta{Notes: true})
	if len(res.Service.Entries) != 2 {
		t.Fatalf("%d entries, want PRN_ERR_JAM and PRN_ERR_OFFLINE", len(res.Service.Entries))
	}
	noted := map[string]int{}
	for _, n := range res.Notes {
		for _, name := range []string{"PRN_API_LEVEL", "PRN_MAX_COPIES"} {
			if strings.Contains(n.Text, "constant "+name+": left out") {
				noted[name] = n.Pos.Line
			}
		}
	}
	if noted["PRN_API_LEVEL"] != 1 || noted["PRN_MAX_COPIES"] != 4 {
		t.Errorf("notes of the constants left out, by line: %v; want PRN_API_LEVEL on 1, PRN_MAX_COPIES on 4 (notes %v)", noted, res.Notes)
	}
}

// TestRunLeftOutCount: the note on a run says how many members are no errors in words
// that agree with the count ("1 of them is not an error", "2 of them are not errors").
func TestRunLeftOutCount(t *testing.T) {
	for h, want := range map[string]string{
		"#define PRN_ERR_JAM -11\n#define PRN_ERR_OFFLINE -20\n#define PRN_MAX_COPIES 99\n":                          "but 1 of them is not an error",
		"#define PRN_ERR_JAM -11\n#define PRN_ERR_OFFLINE -20\n#define PRN_MAX_COPIES 99\n#define PRN_API_LEVEL 2\n": "but 2 of them are not errors",
	} {
		res := Read(NewSource("prn.h", []byte(h)), Meta{Notes: true})
		found := false
		for _, n := range res.Notes {
			found = found || strings.Contains(n.Text, want)
		}
		if !found {
			t.Errorf("no note says %q; notes %v", want, res.Notes)
		}
	}
}
