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
