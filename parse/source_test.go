package parse

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"docgen/catalog"
)

func TestSourceNormalizes(t *testing.T) {
	nfd := norm.NFD.String("## 토큰 만료\n")
	raw := []byte("\xef\xbb\xbf# 제목\r\n\r\n" + nfd + "bad \xff byte\rlast")
	src := NewSource("x.md", raw)
	want := "# 제목\n\n## 토큰 만료\nbad \uFFFD byte\nlast"
	if got := string(src.Text); got != want {
		t.Fatalf("Text = %q, want %q", got, want)
	}
	if n := src.LineCount(); n != 5 {
		t.Errorf("LineCount = %d, want 5", n)
	}
	if got := string(src.Line(3)); got != "## 토큰 만료" {
		t.Errorf("Line(3) = %q", got)
	}
	if src.Line(0) != nil || src.Line(6) != nil {
		t.Errorf("Line outside the text is not nil")
	}
}

func TestSourcePosCountsRunes(t *testing.T) {
	src := NewSource("x.md", []byte("ab\n토큰이 만료\nlast\n"))
	tests := []struct {
		off  int
		want catalog.Pos
	}{
		{0, catalog.Pos{File: "x.md", Line: 1, Col: 1}},
		{2, catalog.Pos{File: "x.md", Line: 1, Col: 3}},
		{3, catalog.Pos{File: "x.md", Line: 2, Col: 1}},
		{3 + len("토큰이 "), catalog.Pos{File: "x.md", Line: 2, Col: 5}},
		{len(src.Text), catalog.Pos{File: "x.md", Line: 3, Col: 5}},
		{len(src.Text) + 10, catalog.Pos{File: "x.md", Line: 3, Col: 5}},
		{-1, catalog.Pos{File: "x.md", Line: 1, Col: 1}},
	}
	for _, tt := range tests {
		if got := src.Pos(tt.off); got != tt.want {
			t.Errorf("Pos(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

func TestCRLFAndBOMKeepLines(t *testing.T) {
	lf := "---\ntitle: T\n---\n\n## BadRequest\n\nstatus 400\n\n### MissingHeader\n\n헤더가 없습니다.\n"
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n")
	a := Read(NewSource("a.md", []byte(lf)), Meta{})
	b := Read(NewSource("a.md", []byte(crlf)), Meta{})
	if Dump(a) != Dump(b) {
		t.Errorf("CRLF + BOM read differently:\n%s\nvs\n%s", Dump(a), Dump(b))
	}
	if len(b.Service.Entries) != 1 || b.Service.Entries[0].Source.Line != 9 {
		t.Errorf("entry = %+v, want MissingHeader at line 9", b.Service.Entries)
	}
}

func TestNFDHangulIsComposed(t *testing.T) {
	raw := norm.NFD.String("| 오류 코드 | 설명 |\n|---|---|\n| TOKEN_EXPIRED | 토큰이 만료되었습니다 |\n")
	res := Read(NewSource("a.md", []byte(raw)), Meta{})
	if len(res.Service.Entries) != 1 {
		t.Fatalf("entries = %d, want 1 (the Korean header must be recognised after NFC)", len(res.Service.Entries))
	}
	if got := res.Service.Entries[0].Description; got != "토큰이 만료되었습니다" || !norm.NFC.IsNormalString(got) {
		t.Errorf("description = %q, want NFC text", got)
	}
}

// TestSourceEncodings reads UTF-16 with a byte order mark, both byte orders, and text with
// bytes that are not UTF-8: decoded, or replaced with one warning per line naming it.
func TestSourceEncodings(t *testing.T) {
	text := "# 오류\n\n| 코드 | 설명 |\n|---|---|\n| E1 | 토큰이 만료됨 |\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range text {
		if r > 0xFFFF {
			t.Fatal("test text must be in the BMP")
		}
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, raw := range map[string][]byte{"utf-16le": le, "utf-16be": be} {
		src := NewSource("e.md", raw)
		if string(src.Text) != text {
			t.Errorf("%s: decoded %q, want %q", name, src.Text, text)
		}
		res := Read(src, Meta{})
		if len(res.Service.Entries) != 1 || res.Service.Entries[0].Code != "E1" {
			t.Errorf("%s: entries %+v, want E1", name, res.Service.Entries)
		}
	}
	src := NewSource("bad.md", []byte("# T\n\nok line\nbad \xff byte\nfine\n\xc3 too\n"))
	var got []string
	for _, d := range src.Diags {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Rule))
	}
	if want := []string{"4:5 invalid-utf8", "6:1 invalid-utf8"}; !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %v, want %v", got, want)
	}
	if !strings.Contains(string(src.Text), "bad \uFFFD byte") {
		t.Errorf("text %q: the byte is not replaced", src.Text)
	}
	res := Read(src, Meta{})
	if len(res.Diags) < 2 || res.Diags[0].Rule != "invalid-utf8" {
		t.Errorf("Read diagnostics %v: the encoding warnings are not kept", res.Diags)
	}
}

// TestReadContextCancel checks that a cancelled read returns at once with the context's
// error and no result, and that a read that is not cancelled gives what Read gives.
func TestReadContextCancel(t *testing.T) {
	text := []byte("# Errors\n\n| code | message |\n|---|---|\n" + strings.Repeat("| E1 | x |\n", 10))
	res, err := ReadContext(context.Background(), NewSource("a.md", text), Meta{})
	if err != nil || len(res.Service.Entries) != 1 {
		t.Fatalf("ReadContext = %v, %v; want one entry", res, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := ReadContext(ctx, NewSource("a.md", text), Meta{}); err != context.Canceled || res != nil {
		t.Errorf("cancelled ReadContext = %v, %v; want nil, context.Canceled", res, err)
	}
	// Cancelled while reading: a large scraped source stops between lines.
	big := NewSource("big.txt", []byte("code | message |\n---|---|\n"+strings.Repeat("E | x |\n", 200000)))
	ctx, cancel = context.WithCancel(context.Background())
	big.ctx = ctx
	cancel()
	doc := scrapedReader{}.Read(big)
	if doc.Rows >= 200000 {
		t.Errorf("a cancelled scraped read went on to the end: %d rows", doc.Rows)
	}
}

// TestPlainNFC: plainNFC says yes only where norm does, on every rune of the ranges it
// passes, alone and before every combining character it could meet.
func TestPlainNFC(t *testing.T) {
	followers := []rune{'a', 0x0301, 0x0308, 0x3099, 0x309A, 0x1161, 0x11A8, 0x05B4, 0x0CD5, 0x1B35, 0x20D2}
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, f := range append([]rune{0}, followers...) {
			s := string(r)
			if f != 0 {
				s += string(f)
			}
			if plainNFC([]byte(s)) && !norm.NFC.IsNormalString(s) {
				t.Fatalf("plainNFC(%U %U) is true; norm says the text is not NFC", r, f)
			}
		}
	}
	for _, s := range []string{"토큰이 만료되었습니다", "認証エラー（401）", "错误代码", "café — “quoted”", "plain ASCII"} {
		if !plainNFC([]byte(s)) {
			t.Errorf("plainNFC(%q) is false: the fast test misses common text", s)
		}
	}
}

// TestSourceOwnsText: the strings a reader takes from the source share its memory, so
// the source must not share the caller's bytes: a caller that reuses its buffer after
// NewSource changes nothing read from it.
func TestSourceOwnsText(t *testing.T) {
	for _, bom := range []string{"", "\xef\xbb\xbf"} { // a byte order mark is taken off in place
		raw := []byte(bom + "| Code | Message |\n|---|---|\n| E1 | first |\n")
		src := NewSource("t.md", raw)
		res := Read(src, Meta{})
		before := res.Service.Entries[0].Message + " " + src.str(0, 6)
		for i := range raw {
			raw[i] = 'x'
		}
		if after := res.Service.Entries[0].Message + " " + src.str(0, 6); after != before || after != "first | Code" {
			t.Errorf("bom %q: after the caller reused its buffer: %q, before %q", bom, after, before)
		}
	}
}

// TestNotesOnlyWhenAsked: a read keeps its notes on every block only when Meta.Notes asks
// (docgen parse --verbose); a source nothing recognises has them whatever Meta says, for
// the "no reader recognised" hint.
func TestNotesOnlyWhenAsked(t *testing.T) {
	md := []byte("# Errors\n\n## E_ONE\n\nFirst.\n\n## E_TWO\n\nSecond.\n\n## More\n\n| Code | Message |\n|---|---|\n| E_THREE | Third |\n")
	quiet := Read(NewSource("a.md", md), Meta{})
	if len(quiet.Service.Entries) != 3 || len(quiet.Notes) != 0 {
		t.Errorf("without Meta.Notes: %d entries, notes %q; want 3 entries, no notes", len(quiet.Service.Entries), quiet.Notes)
	}
	loud := Read(NewSource("a.md", md), Meta{Notes: true})
	var texts []string
	for _, n := range loud.Notes {
		texts = append(texts, n.Text)
	}
	got := strings.Join(texts, "\n")
	for _, want := range []string{`heading: code "E_ONE"`, `heading: code "E_TWO"`, "table of 1 rows: error list"} {
		if !strings.Contains(got, want) {
			t.Errorf("with Meta.Notes: notes %q lack %q", got, want)
		}
	}
	text := []byte("# Settings\n\n| Option | Default |\n|---|---|\n| retries | 3 |\n")
	none := Read(NewSource("b.md", text), Meta{})
	if none.Reader != "" || len(none.Notes) == 0 {
		t.Errorf("unrecognised source: reader %q, %d notes; want none and its notes", none.Reader, len(none.Notes))
	}
}

// TestLegacyCJKEncodings: a source saved in EUC-KR, Shift_JIS or GB18030 (a spreadsheet
// exported by Windows software) is decoded with a warning naming the encoding, and each
// is read as its own language although their bytes overlap; bytes that no encoding reads
// as text of its language are replaced as before.
func TestLegacyCJKEncodings(t *testing.T) {
	cases := []struct {
		enc  encoding.Encoding
		text string
		name string
	}{
		{korean.EUCKR, "코드,상태,메시지\nE1001,400,필드가 누락되었습니다\nE1002,401,토큰이 만료되었습니다\n", "EUC-KR"},
		{japanese.ShiftJIS, "コード,ステータス,メッセージ\nE1001,400,必須項目がありません\nE1002,401,トークンの有効期限が切れました\n", "Shift_JIS"},
		{simplifiedchinese.GB18030, "错误码,状态,说明\nE1001,400,缺少必填字段\nE1002,401,令牌已过期\n", "GB18030"},
	}
	for _, c := range cases {
		raw, err := c.enc.NewEncoder().Bytes([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if utf8.Valid(raw) {
			t.Fatalf("%s: the encoded sample is valid UTF-8; it tests nothing", c.name)
		}
		src := NewSource("errors.csv", raw)
		if string(src.Text) != c.text {
			t.Errorf("%s: decoded as %q, want %q", c.name, src.Text, c.text)
		}
		if len(src.Diags) != 1 || !strings.Contains(src.Diags[0].Message, c.name) {
			t.Errorf("%s: diagnostics %v, want one warning naming the encoding", c.name, src.Diags)
		}
		res := Read(src, Meta{})
		if len(res.Service.Entries) != 2 || res.Service.Entries[1].Status != 401 {
			t.Errorf("%s: read %d entries, want 2 (the second 401)", c.name, len(res.Service.Entries))
		}
	}
	// Latin-1 German is Windows-1252, not GB18030 (whose pairs it would fit when a
	// letter stands before an ASCII byte); short Shift_JIS is not Korean.
	for _, c := range []struct{ raw, want string }{
		{"code,message\nE1,Ung\xfcltiger Schl\xfcssel\n", "code,message\nE1,Ungültiger Schlüssel\n"},
		{"code,message\nE1,\x93quoted\x94 text\n", "code,message\nE1,\u201cquoted\u201d text\n"},
	} {
		if got := string(NewSource("a.csv", []byte(c.raw)).Text); got != c.want {
			t.Errorf("Windows-1252 %q: decoded as %q, want %q", c.raw, got, c.want)
		}
	}
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("code,message\nE1,入力値が不正です\n"))
	if got := string(NewSource("a.csv", sjis).Text); got != "code,message\nE1,入力値が不正です\n" {
		t.Errorf("short Shift_JIS: decoded as %q", got)
	}
	// UTF-8 with one stray byte stays UTF-8 (the byte replaced), whatever encoding
	// would read its bytes.
	junk := []byte("# Errors\n\n## E1\n\n잘못된 \xff\xfe\x80 요청\n")
	src := NewSource("a.md", junk)
	if !bytes.Contains(src.Text, []byte("\uFFFD")) || len(src.Diags) != 1 || src.Diags[0].Pos.Line != 5 {
		t.Errorf("stray bytes in UTF-8: text %q, diags %v; want U+FFFD and a warning on line 5", src.Text, src.Diags)
	}
}

// TestNewSourceOwned: a source handed over is kept as it is when it needs no change (no
// copy); NewSource copies, so that the caller may reuse its bytes; both read the same.
func TestNewSourceOwned(t *testing.T) {
	raw := []byte("# E1\n\ntext\n")
	if s := NewSourceOwned("a.md", raw); &s.Text[0] != &raw[0] || s.LineCount() != 3 {
		t.Errorf("owned source copied or misread: %d lines", s.LineCount())
	}
	if s := NewSource("a.md", raw); &s.Text[0] == &raw[0] || string(s.Text) != string(raw) {
		t.Errorf("NewSource shares the caller's bytes")
	}
	crlf := []byte("# E1\r\n\r\ntext\r\n")
	if s := NewSourceOwned("a.md", crlf); string(s.Text) != "# E1\n\ntext\n" {
		t.Errorf("owned CRLF source: %q", s.Text)
	}
}

// TestSourceText: text is a view of the source for bytes inside it, a copy for bytes
// elsewhere, also for bytes longer than the source that start inside it.
func TestSourceText(t *testing.T) {
	buf := []byte("# E1\n\ntext\n and more bytes after the source")
	src := NewSourceOwned("a.md", buf[:11])
	if got := src.text(src.Text[2:4]); got != "E1" || unsafe.StringData(got) != &src.Text[2] {
		t.Errorf("inside: %q, not a view", got)
	}
	other := []byte("E1")
	if got := src.text(other); got != "E1" || unsafe.StringData(got) == &other[0] {
		t.Errorf("elsewhere: %q, not a copy", got)
	}
	if got := src.text(buf[6:20]); got != "text\n and more" || unsafe.StringData(got) == &buf[6] {
		t.Errorf("past the end: %q, not a copy", got)
	}
	if got := src.text(buf[:30]); got != string(buf[:30]) {
		t.Errorf("longer than the source: %q", got)
	}
}
