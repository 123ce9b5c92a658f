package parse

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
)

// readSeed reads one of the default sources in content/ (the seeds, byte for byte).
func readSeed(t testing.TB, name string) (*Source, *Result) {
	t.Helper()
	raw, err := os.ReadFile("../content/" + name)
	if err != nil {
		t.Fatal(err)
	}
	src := NewSource("content/"+name, raw)
	return src, Read(src, Meta{})
}

// statusCounts counts the rows (entries and variants) per status.
func statusCounts(s *catalog.Service) map[int]int {
	m := map[int]int{}
	for _, e := range s.Entries {
		m[int(e.Status)] += 1 + len(e.Variants())
	}
	return m
}

// checkSourceLines asserts that every entry's and variant's line holds its code: the line
// of its heading or table row.
func checkSourceLines(t *testing.T, src *Source, s *catalog.Service) {
	t.Helper()
	for _, e := range s.Entries {
		lines := []int{e.Source.Line}
		for _, v := range e.Variants() {
			lines = append(lines, v.Source.Line)
		}
		for _, l := range lines {
			if !strings.Contains(string(src.Line(l)), e.Code) {
				t.Errorf("%s: line %d is %q, which does not name the code", e.Code, l, src.Line(l))
			}
		}
	}
}

func entryByCode(t *testing.T, s *catalog.Service, code string) *catalog.Entry {
	t.Helper()
	for _, e := range s.Entries {
		if e.Code == code {
			return e
		}
	}
	t.Fatalf("no entry %q", code)
	return nil
}

// TestSeedHeadings checks seed 000: Docusaurus Markdown, "## Group" + "status NNN",
// "### Code"; the NotImplemented group has a status and text but no codes, so it is an
// entry itself.
func TestSeedHeadings(t *testing.T) {
	src, res := readSeed(t, "public-api.md")
	s := res.Service
	if res.Reader != "markdown" {
		t.Fatalf("reader = %q, want markdown", res.Reader)
	}
	if len(res.Diags) != 0 {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	if len(s.Entries) != 50 || s.RowCount() != 50 || res.Rows != 50 {
		t.Errorf("entries = %d, rows = %d (reader saw %d), want 50", len(s.Entries), s.RowCount(), res.Rows)
	}
	want := map[int]int{400: 34, 409: 3, 500: 3, 404: 3, 403: 2, 401: 4, 501: 1}
	if diff := cmp.Diff(want, statusCounts(s)); diff != "" {
		t.Errorf("rows per status (-want +got):\n%s", diff)
	}
	groups := map[string]int{}
	for _, e := range s.Entries {
		groups[e.Group]++
		if e.From != catalog.FromHeading {
			t.Errorf("%s: status from %s, want heading", e.Code, e.From)
		}
	}
	wantGroups := map[string]int{"BadRequest": 34, "Conflict": 3, "InternalServerError": 3, "NotFound": 3, "PermissionDenied": 2, "Unauthorized": 4, "NotImplemented": 1}
	if diff := cmp.Diff(wantGroups, groups); diff != "" {
		t.Errorf("entries per group (-want +got):\n%s", diff)
	}
	checkSourceLines(t, src, s)
	if s.Title != "퍼블릭 API 에러목록" || s.Lang != "ko" {
		t.Errorf("title = %q, want the front matter's", s.Title)
	}

	got := entryByCode(t, s, "AccessTokenExpired")
	wantEntry := &catalog.Entry{
		ID: "access-token-expired", Code: "AccessTokenExpired", Status: 401, From: catalog.FromHeading,
		Protocol: catalog.HTTP, Group: "Unauthorized", Description: "엑세스토큰이 만료된 경우 발생합니다.",
		Source: catalog.Pos{File: "content/public-api.md", Line: 219, Col: 1},
	}
	if diff := cmp.Diff(wantEntry, got); diff != "" {
		t.Errorf("AccessTokenExpired (-want +got):\n%s", diff)
	}
	ni := entryByCode(t, s, "NotImplemented")
	if ni.Status != 501 || ni.Source.Line != 195 || !strings.HasPrefix(ni.Description, "아직 기능을 구현하지 않은 경우") ||
		!strings.Contains(ni.Description, "[고객지원](https://naver.com)") {
		t.Errorf("NotImplemented = %+v", ni)
	}
	op := entryByCode(t, s, "InvalidOperationPatchFailed")
	if !strings.Contains(op.Description, "[RFC6902](https://naver.com)") {
		t.Errorf("description lost its link: %q", op.Description)
	}
	var ise *catalog.Group
	for i := range s.Groups {
		if s.Groups[i].Name == "InternalServerError" {
			ise = &s.Groups[i]
		}
	}
	if ise == nil || ise.Status != 500 || !strings.HasPrefix(ise.Description, "서버에러로 발생하는대로") || ise.Source.Line != 163 {
		t.Errorf("InternalServerError group = %+v, want status 500 with its remark kept", ise)
	}
}

// TestSeedTable checks seed 001: one GFM pipe table with padded cells; numeric codes take
// their status from their prefix; 0 and -1 have none.
func TestSeedTable(t *testing.T) {
	src, res := readSeed(t, "api-gateway.md")
	s := res.Service
	if res.Reader != "markdown" {
		t.Fatalf("reader = %q, want markdown", res.Reader)
	}
	if len(res.Diags) != 0 {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	if len(s.Entries) != 86 || s.RowCount() != 86 {
		t.Errorf("entries = %d, rows = %d, want 86", len(s.Entries), s.RowCount())
	}
	want := map[int]int{400: 40, 401: 3, 403: 1, 404: 8, 409: 10, 500: 22, 0: 2}
	if diff := cmp.Diff(want, statusCounts(s)); diff != "" {
		t.Errorf("rows per status (-want +got):\n%s", diff)
	}
	for _, e := range s.Entries {
		wantFrom := catalog.FromPrefix
		if e.Code == "0" || e.Code == "-1" {
			wantFrom = catalog.FromNone
		}
		if e.From != wantFrom {
			t.Errorf("%s: status from %s, want %s", e.Code, e.From, wantFrom)
		}
	}
	checkSourceLines(t, src, s)
	if s.Title != "Application Service > API Gateway > API 오류 코드" || s.Lang != "ko" {
		t.Errorf("title, lang = %q, %q", s.Title, s.Lang)
	}
	got := entryByCode(t, s, "400102001")
	wantEntry := &catalog.Entry{
		ID: "400102001", Code: "400102001", Status: 400, From: catalog.FromPrefix, Protocol: catalog.HTTP,
		Message: "Invalid Swagger file.", Description: "Swagger 파일 형식이 올바르지 않습니다.",
		Source: catalog.Pos{File: "content/api-gateway.md", Line: 18, Col: 1},
	}
	if diff := cmp.Diff(wantEntry, got); diff != "" {
		t.Errorf("400102001 (-want +got):\n%s", diff)
	}
	fail := entryByCode(t, s, "-1")
	if fail.Status != 0 || fail.Message != "FAIL" || fail.Description != "실패" || fail.Source.Line != 6 {
		t.Errorf("-1 = %+v", fail)
	}
}

// BenchmarkParseSeed measures reading each default source from scratch.
func BenchmarkParseSeed(b *testing.B) {
	for _, name := range []string{"public-api.md", "api-gateway.md", "web3-api.txt", "google-api.txt", "platform-api.txt"} {
		raw, err := os.ReadFile("../content/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				Read(NewSource(name, raw), Meta{})
			}
		})
	}
}
