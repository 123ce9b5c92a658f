package parse

import (
	"strings"
	"testing"
)

// TestOverride reads one source with each override: the reader, the columns, the
// sections, the code pattern and the status; every row left out is reported.
func TestOverride(t *testing.T) {
	text := "# Errors\n\n## Auth\n\n| Ref | HTTP | Info |\n|---|---|---|\n| A1 | 401 | no token |\n| 400100001 | | bad |\n\n## Other\n\n| Ref | HTTP | Info |\n|---|---|---|\n| B1 | 500 | broken |\n"
	read := func(o Override) *Result {
		t.Helper()
		if err := o.Check(); err != nil {
			t.Fatalf("Check(%+v) = %v", o, err)
		}
		return Read(NewSource("e.md", []byte(text)), Meta{Override: o})
	}
	codes := func(r *Result) string {
		var s []string
		for _, e := range r.Service.Entries {
			s = append(s, e.Code+":"+itoa(int(e.Status))+":"+e.Description)
		}
		return strings.Join(s, " ")
	}
	// Without overrides the codes are found from the cells, but "Info" names no role.
	if got, want := codes(read(Override{})), "A1:401: 400100001:400: B1:500:"; got != want {
		t.Errorf("without overrides: %q, want %q", got, want)
	}
	cols := map[string]string{"Ref": "code", "Info": "description"}
	if got, want := codes(read(Override{Columns: cols})), "A1:401:no token 400100001:400:bad B1:500:broken"; got != want {
		t.Errorf("columns: %q, want %q", got, want)
	}
	r := read(Override{Columns: cols, Sections: []string{"auth"}, Status: "none"})
	if got, want := codes(r), "A1:0:no token 400100001:0:bad"; got != want {
		t.Errorf("sections + status none: %q, want %q", got, want)
	}
	if len(r.Diags) != 1 || r.Diags[0].Rule != "outside-sections" || r.Diags[0].Pos.Line != 14 {
		t.Errorf("sections: diagnostics %v, want one outside-sections warning at line 14", r.Diags)
	}
	r = read(Override{Columns: cols, CodePattern: `^[A-Z]\d$`, Status: "418"})
	if got, want := codes(r), "A1:418:no token B1:418:broken"; got != want {
		t.Errorf("codePattern + status: %q, want %q", got, want)
	}
	if r.Dropped != 1 || !r.Diags.HasErrors() {
		t.Errorf("codePattern: dropped %d, diagnostics %v; want the code that does not match reported", r.Dropped, r.Diags)
	}
	if r := read(Override{Reader: "scraped", Columns: cols}); r.Reader != "scraped" {
		t.Errorf("reader: read by %q, want scraped", r.Reader)
	}
	for _, bad := range []Override{{Reader: "pdf"}, {Columns: map[string]string{"x": "kode"}}, {CodePattern: "("}, {Status: "999"}, {Status: "some"}} {
		if bad.Check() == nil {
			t.Errorf("Check(%+v) = nil, want an error", bad)
		}
	}
}
