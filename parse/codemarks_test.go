package parse

import "testing"

func TestCodeMarks(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{"❌ PB_GONE", "PB_GONE"},
		{"⚠️ **E_BUSY**", "E_BUSY"},
		{"🧑‍🔧 E_FIX", "E_FIX"},
		{"■ PK-A01", "PK-A01"},
		{"❌", "❌"},
		{"E110", "E110"},
	} {
		if code := cleanCode(c.in); code != c.code {
			t.Errorf("cleanCode(%q) = %q; want %q", c.in, code, c.code)
		}
	}
}
