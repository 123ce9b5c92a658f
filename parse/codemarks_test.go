package parse

import "testing"

func TestCodeMarks(t *testing.T) {
	for _, c := range []struct{ in, code, mark string }{
		{"❌ PB_GONE", "PB_GONE", ""},
		{"⚠️ **E_BUSY**", "E_BUSY", ""},
		{"🧑‍🔧 E_FIX", "E_FIX", ""},
		{"■ PK-A01", "PK-A01", ""},
		{"❌", "❌", ""},
		{"E101¹", "E101", "¹"},
		{"`E101`¹²", "E101", "¹²"},
		{"E102※2", "E102", "※2"},
		{"E103 *", "E103", "*"},
		{`E103 \*`, "E103", "*"},
		{"E104†", "E104", "†"},
		{"E105[^n1]", "E105", "[^n1]"},
		{"~~E106~~", "E106", ""},
		{"**E107**", "E107", ""},
		{"*E108*", "E108", ""},
		{"5**", "5**", ""},
		{"AUTH_*", "AUTH_*", ""},
		{"**E109** *", "E109", "*"},
		{"E110", "E110", ""},
	} {
		code, mark := cleanCodeMark(c.in)
		if code != c.code || mark != c.mark {
			t.Errorf("cleanCodeMark(%q) = %q, %q; want %q, %q", c.in, code, mark, c.code, c.mark)
		}
	}
}

func TestCodeRange(t *testing.T) {
	for in, want := range map[string]bool{
		"1011–1099": true, "1011-1099": true, "E2000 - E2099": true, "4000~4999": true,
		"AUTH_001 to AUTH_099": true, "1xxx": true, "10XX": true,
		"5xx": false, "KS-104": false, "10-01": false, "1099-1011": false, "E100": false,
		"2024-05-01": false, "E1-E2": false,
	} {
		if got := codeRange(in); got != want {
			t.Errorf("codeRange(%q) = %v, want %v", in, got, want)
		}
	}
}
