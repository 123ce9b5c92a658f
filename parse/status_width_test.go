package parse

import "testing"

// TestHalfWidthDigits checks that full-width digits are read as digits rune for rune, and
// that what follows a status is given back as written.
func TestHalfWidthDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""}, {"401", "401"}, {"４０１", "401"}, {"HTTPステータス：４０９ 在庫３個", "HTTPステータス：409 在庫3個"},
		{"ｘ＝１", "ｘ＝1"}, {"\xEF\xBC", "\xEF\xBC"}, {"\xEF\xBC\x90", "0"},
	} {
		if got := halfWidthDigits(c.in); got != c.want {
			t.Errorf("halfWidthDigits(%q) = %q, want %q", c.in, got, c.want)
		}
		if hasStatusDigits(c.in) != hasStatusDigits(c.want) {
			t.Errorf("hasStatusDigits(%q) differs from its folded text's", c.in)
		}
	}
	for _, c := range []struct{ in, rest string }{
		{"４２９ — 上限は１分に６０回 ", "上限は１分に６０回"},
		{"429 — 上限は1分に60回", "上限は1分に60回"},
	} {
		folded := halfWidthDigits(c.in)
		_, rest, ok := foldedStatusPrefix(folded)
		if got := asWritten(c.in, folded, rest); !ok || got != c.rest {
			t.Errorf("asWritten(%q) = %q, want %q", c.in, got, c.rest)
		}
	}
	for _, s := range []string{"0400", "x1x400", "４００", "０４００", "0099", "６００"} {
		if hasStatusDigits(s) != hasStatusDigits(halfWidthDigits(s)) {
			t.Errorf("hasStatusDigits(%q) differs from its folded text's", s)
		}
	}
}
