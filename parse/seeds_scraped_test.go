package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"docgen/catalog"
)

// The seeds copied out of HTML pages, as docs/DESIGN.md's table of seeds describes them.
// These tests read the files of content/ byte for byte and check what the scraped reader
// makes of them: the reader chosen, every row accounted for, the counts per status, the
// variants, the JSON-RPC entries, the response format and its schema, and a few entries
// field by field with their source lines.

// scrapedSeed reads a seed from content/ with the reader detection chooses.
func scrapedSeed(t *testing.T, name string) *Result {
	t.Helper()
	raw, err := os.ReadFile("../content/" + name)
	if err != nil {
		t.Fatal(err)
	}
	src := NewSource("content/"+name, raw)
	res := Read(src, Meta{})
	checkInvariants(t, src, res)
	if res.Reader != "scraped" {
		t.Fatalf("%s: read by %q, want scraped; detection: %+v", name, res.Reader, res.Candidates)
	}
	diags := append(res.Diags, catalog.Check(&catalog.Catalog{Services: []*catalog.Service{res.Service}})...)
	if diags.HasErrors() {
		t.Errorf("%s: error diagnostics:\n%s", name, dumpDiags(diags))
	}
	if res.Dropped != 0 {
		t.Errorf("%s: %d rows dropped", name, res.Dropped)
	}
	return res
}

// rowsPerStatus counts the rows (entries and variants) of the given protocol per status.
func rowsPerStatus(s *catalog.Service, p catalog.Protocol) map[int]int {
	m := map[int]int{}
	for _, e := range s.Entries {
		if e.Protocol == p {
			m[int(e.Status)] += 1 + len(e.Variants())
		}
	}
	return m
}

// entryAt returns the entry of s with code and status, failing the test if there is none.
func entryAt(t *testing.T, s *catalog.Service, code string, status int) *catalog.Entry {
	t.Helper()
	for _, e := range s.Entries {
		if e.Code == code && int(e.Status) == status {
			return e
		}
	}
	t.Fatalf("no entry %q with status %d", code, status)
	return nil
}

// variantsOf returns, for each entry with variants, its code and status and how many.
func variantsOf(s *catalog.Service) map[string]int {
	m := map[string]int{}
	for _, e := range s.Entries {
		if len(e.Variants()) > 0 {
			m[e.Code+" "+e.Status.String()] = len(e.Variants())
		}
	}
	return m
}

// checkResponseSchema compares a response format's schema with want (as JSON) and validates the
// example against it with a JSON Schema 2020-12 validator.
func checkResponseSchema(t *testing.T, rf *catalog.ResponseFormat, want string) {
	t.Helper()
	if rf == nil {
		t.Fatal("no response format")
	}
	got, err := json.Marshal(rf.Schema)
	if err != nil {
		t.Fatal(err)
	}
	var gotV, wantV any
	if err := json.Unmarshal(got, &gotV); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &wantV); err != nil {
		t.Fatalf("bad want: %v", err)
	}
	if diff := cmp.Diff(wantV, gotV); diff != "" {
		t.Errorf("schema mismatch (-want +got):\n%s", diff)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the derived schema does not compile: %v", err)
	}
	example, err := jsonschema.UnmarshalJSON(strings.NewReader(rf.Example))
	if err != nil {
		t.Fatalf("the example is not JSON: %v", err)
	}
	if err := sch.Validate(example); err != nil {
		t.Errorf("the example does not validate against its schema: %v", err)
	}
}

func TestSeedWeb3(t *testing.T) {
	res := scrapedSeed(t, "web3-api.txt")
	s := res.Service
	if res.Rows != 29 || s.RowCount() != 29 {
		t.Errorf("rows: reader saw %d, service holds %d; want 29", res.Rows, s.RowCount())
	}
	wantHTTP := map[int]int{200: 1, 201: 1, 400: 6, 401: 2, 403: 1, 404: 1, 408: 1, 409: 2, 413: 1, 429: 1, 500: 2, 503: 1}
	if diff := cmp.Diff(wantHTTP, rowsPerStatus(s, catalog.HTTP)); diff != "" {
		t.Errorf("HTTP rows per status (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[int]int{0: 9}, rowsPerStatus(s, catalog.JSONRPC)); diff != "" {
		t.Errorf("JSON-RPC rows (-want +got):\n%s", diff)
	}
	if len(s.Entries) != 28 {
		t.Errorf("%d entries, want 28 (20 HTTP, 8 JSON-RPC)", len(s.Entries))
	}
	if diff := cmp.Diff(map[string]int{"-32601 none": 1}, variantsOf(s)); diff != "" {
		t.Errorf("variants (-want +got):\n%s", diff)
	}

	// SUCCESS twice: two entries, 200 and 201, with IDs that differ by status.
	ok200, ok201 := entryAt(t, s, "SUCCESS", 200), entryAt(t, s, "SUCCESS", 201)
	if ok200.ID == ok201.ID || ok200.Source.Line != 14 || ok201.Source.Line != 15 {
		t.Errorf("SUCCESS: ids %q %q at lines %d %d", ok200.ID, ok201.ID, ok200.Source.Line, ok201.Source.Line)
	}
	if ok201.Description != "정상 처리 (신규 생성)" || ok201.From != catalog.FromColumn {
		t.Errorf("SUCCESS 201: %+v", ok201)
	}

	tooMany := entryAt(t, s, "TOO_MANY_REQUESTS", 429)
	if tooMany.Source != (catalog.Pos{File: "content/web3-api.txt", Line: 30, Col: 1}) ||
		tooMany.Group != "Error Code Specification" || tooMany.Protocol != catalog.HTTP ||
		!strings.HasPrefix(tooMany.Description, "클라이언트의 요청이 허용된 처리량을 초과하여") ||
		!strings.HasSuffix(tooMany.Description, "(Rate Limit)") {
		t.Errorf("TOO_MANY_REQUESTS: %+v", tooMany)
	}

	rpc := entryAt(t, s, "-32601", 0)
	want := &catalog.Entry{
		ID: "32601", Code: "-32601", Status: 0, From: catalog.FromNone, Protocol: catalog.JSONRPC,
		Group:       "JSON-RPC Error Code Specification",
		Message:     "\"the method X does not exist/is not available”",
		Description: "존재 하지 않는 method를 호출 했을 경우 반환될 수 있는 에러",
		Source:      catalog.Pos{File: "content/web3-api.txt", Line: 41, Col: 1},
	}
	want.SetVariants([]catalog.Variant{{
		Message:     "subscription not found",
		Description: "존재하지 않는 subscription을 호출 했을 경우 반환될 수 있는 에러",
		Source:      catalog.Pos{File: "content/web3-api.txt", Line: 42, Col: 1},
	}})
	if diff := cmp.Diff(want, rpc); diff != "" {
		t.Errorf("-32601 (-want +got):\n%s", diff)
	}
	for _, e := range s.Entries {
		if (e.Protocol == catalog.JSONRPC) != strings.HasPrefix(e.Code, "-32") {
			t.Errorf("%s: protocol %s", e.Code, e.Protocol)
		}
	}

	rf := s.ResponseFormat
	checkResponseSchema(t, rf, `{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"type": "object",
		"properties": {"code": {"type": "string"}, "message": {"type": "string"}},
		"required": ["code", "message"]}`)
	if rf.Example != "{\n\"code\":\"${ERROR_CODE}\",\n\"message\":\"${ERROR_DESCRIPTION}\"\n}" || rf.Source.Line != 7 {
		t.Errorf("example at line %d: %q", rf.Source.Line, rf.Example)
	}
	// The prose broken at inline code ("code" / "와 message") is one paragraph of the
	// response format's section, not a heading or a table.
	if len(s.Sections) != 1 || s.Sections[0].Title != "Error Response Format" ||
		!strings.Contains(s.Sections[0].Body, "code와 message는") {
		t.Errorf("sections: %+v", s.Sections)
	}
}

func TestSeedGoogle(t *testing.T) {
	res := scrapedSeed(t, "google-api.txt")
	s := res.Service
	if res.Rows != 84 || s.RowCount() != 84 {
		t.Errorf("rows: reader saw %d, service holds %d; want 84", res.Rows, s.RowCount())
	}
	if len(s.Entries) != 80 {
		t.Errorf("%d entries, want 80 distinct (code, status)", len(s.Entries))
	}
	want := map[int]int{301: 1, 303: 2, 304: 1, 307: 1, 400: 22, 401: 5, 402: 3, 403: 28, 404: 3, 405: 1,
		409: 2, 410: 1, 412: 1, 413: 3, 416: 1, 417: 1, 428: 1, 429: 1, 500: 1, 501: 2, 503: 3}
	if diff := cmp.Diff(want, rowsPerStatus(s, catalog.HTTP)); diff != "" {
		t.Errorf("rows per status (-want +got):\n%s", diff)
	}
	if len(want) != 21 || len(s.Groups) != 21 {
		t.Errorf("%d status groups, want 21", len(s.Groups))
	}
	wantVariants := map[string]int{"accessNotConfigured 403 Forbidden": 2, "dailyLimitExceeded 403 Forbidden": 1, "notFound 404 Not Found": 1}
	if diff := cmp.Diff(wantVariants, variantsOf(s)); diff != "" {
		t.Errorf("variants (-want +got):\n%s", diff)
	}
	// The same code under two statuses is two entries.
	for _, c := range []struct {
		code     string
		statuses []int
	}{{"required", []int{400, 401}}, {"rateLimitExceeded", []int{403, 429}}} {
		for _, st := range c.statuses {
			if e := entryAt(t, s, c.code, st); len(e.Variants()) != 0 {
				t.Errorf("%s %d has variants", c.code, st)
			}
		}
	}
	// Both heading spellings, "NAME (NNN)" and "NAME(NNN)", and the table of contents
	// that is no section.
	if g := s.Groups[4]; g.Name != "BAD_REQUEST(400)" || g.Status != 400 || g.Source.Line != 65 {
		t.Errorf("group 5: %+v", g)
	}
	if g := s.Groups[0]; g.Name != "MOVED_PERMANENTLY (301)" || g.Source.Line != 43 {
		t.Errorf("group 1: %+v", g)
	}
	if len(s.Sections) != 0 {
		t.Errorf("sections: %+v", s.Sections)
	}

	acc := entryAt(t, s, "accessNotConfigured", 403)
	if acc.Source.Line != 139 || acc.Group != "FORBIDDEN(403)" || acc.From != catalog.FromHeading ||
		acc.Variants()[0].Source.Line != 141 || acc.Variants()[1].Source.Line != 143 ||
		acc.Variants()[1].Description != "프로젝트가 삭제 대상으로 표시되었습니다." {
		t.Errorf("accessNotConfigured: %+v", acc)
	}
	// The last row of the file, which ends without a line break.
	last := entryAt(t, s, "notReady", 503)
	wantLast := &catalog.Entry{
		ID: "not-ready", Code: "notReady", Status: 503, From: catalog.FromHeading, Protocol: catalog.HTTP,
		Group:       "SERVICE_UNAVAILABLE (503)",
		Description: "API 서버가 요청을 수락할 준비가 되지 않았습니다.",
		Source:      catalog.Pos{File: "content/google-api.txt", Line: 272, Col: 1},
	}
	if diff := cmp.Diff(wantLast, last); diff != "" {
		t.Errorf("notReady (-want +got):\n%s", diff)
	}

	rf := s.ResponseFormat
	checkResponseSchema(t, rf, `{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"type": "object",
		"required": ["error"],
		"properties": {"error": {
			"type": "object",
			"required": ["errors", "code", "message"],
			"properties": {
				"code": {"type": "integer"},
				"message": {"type": "string"},
				"errors": {"type": "array", "items": {
					"type": "object",
					"required": ["domain", "reason", "message", "locationType", "location"],
					"properties": {
						"domain": {"type": "string"}, "reason": {"type": "string"},
						"message": {"type": "string"}, "locationType": {"type": "string"},
						"location": {"type": "string"}}}}}}}}`)
	if rf.Source.Line != 6 || !strings.HasPrefix(rf.Example, "{\n\"error\": {") || !strings.HasSuffix(rf.Example, "}\n}") {
		t.Errorf("example at line %d: %q", rf.Source.Line, rf.Example)
	}
	if !strings.Contains(s.Summary, "youtube.parameter와 같은") {
		t.Errorf("summary: %q", s.Summary)
	}
}

func TestSeedPlatform(t *testing.T) {
	res := scrapedSeed(t, "platform-api.txt")
	s := res.Service
	if res.Rows != 19 || s.RowCount() != 19 || len(s.Entries) != 19 {
		t.Errorf("rows: reader saw %d, service holds %d in %d entries; want 19", res.Rows, s.RowCount(), len(s.Entries))
	}
	want := map[int]int{400: 4, 401: 4, 403: 3, 404: 4, 429: 2, 500: 2}
	if diff := cmp.Diff(want, rowsPerStatus(s, catalog.HTTP)); diff != "" {
		t.Errorf("rows per status (-want +got):\n%s", diff)
	}
	for _, e := range s.Entries {
		if e.Resolution == "" || e.Description == "" || len(e.Variants()) != 0 || len(e.Fields()) != 0 {
			t.Errorf("%s: %+v", e.Code, e)
		}
		if strings.Contains(e.Code, "(") || strings.Contains(e.Code, "'") {
			t.Errorf("code %q comes from the JavaScript sample", e.Code)
		}
	}
	wantSU := &catalog.Entry{
		ID: "service-unavailable", Code: "SERVICE_UNAVAILABLE", Status: 500, From: catalog.FromHeading,
		Protocol: catalog.HTTP, Group: "500 Internal Server Error",
		Description: "서비스 일시 불가", Resolution: "잠시 후 재시도",
		Source: catalog.Pos{File: "content/platform-api.txt", Line: 93, Col: 1},
	}
	if diff := cmp.Diff(wantSU, entryAt(t, s, "SERVICE_UNAVAILABLE", 500)); diff != "" {
		t.Errorf("SERVICE_UNAVAILABLE (-want +got):\n%s", diff)
	}
	if e := entryAt(t, s, "VALIDATION_ERROR", 400); e.Source.Line != 60 || e.Resolution != "errors 배열에서 상세 오류 확인" {
		t.Errorf("VALIDATION_ERROR: %+v", e)
	}
	if s.Title != "에러 코드" || s.Summary != "API 에러 응답 형식과 에러 코드 목록입니다." {
		t.Errorf("title %q, summary %q", s.Title, s.Summary)
	}

	// The glossary and the two header tables are sections, with the note after the last.
	var titles []string
	for _, sec := range s.Sections {
		titles = append(titles, sec.Title)
	}
	for _, want := range []string{"HTTP 상태 코드", "Rate Limit 관련 헤더", "API Key 사용 시 추가 헤더"} {
		found := false
		for _, sec := range s.Sections {
			if sec.Title == want {
				found = true
				if !strings.Contains(sec.Body, "|---|---|") {
					t.Errorf("section %q has no table: %q", want, sec.Body)
				}
			}
		}
		if !found {
			t.Errorf("no section %q among %q", want, titles)
		}
	}
	// The section of the quota headers, the last before the client code.
	if last := s.Sections[len(s.Sections)-2]; !strings.Contains(last.Body, "| X-Quota-Reset | 쿼터 초기화 일시 (ISO 8601) |") ||
		!strings.HasSuffix(last.Body, "재시도하세요.") || last.Source.Line != 101 {
		t.Errorf("quota headers section: %+v", last)
	}
	// The client code under "JavaScript" is no code: it stays, as that section's text.
	kept := false
	for _, sec := range s.Sections {
		if strings.Contains(sec.Body, "apiRequest") {
			kept = sec.Title == "JavaScript"
		}
	}
	if !kept {
		t.Errorf("the JavaScript sample is not the text of section \"JavaScript\"")
	}

	// The typed description gives the schema (optional errors, comments as
	// descriptions); the JSON example is kept verbatim and validates against it.
	rf := s.ResponseFormat
	checkResponseSchema(t, rf, `{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"title": "ErrorResponse",
		"type": "object",
		"required": ["meta", "status", "type", "message"],
		"properties": {
			"meta": {"type": "object", "required": ["version", "requestId", "timestamp"], "properties": {
				"version": {"type": "string", "description": "API 버전"},
				"requestId": {"type": "string", "description": "요청 ID (문의 시 첨부)"},
				"timestamp": {"type": "string", "description": "응답 시간 (ISO 8601)"}}},
			"status": {"type": "number", "description": "HTTP 상태 코드"},
			"type": {"type": "string", "description": "에러 타입"},
			"message": {"type": "string", "description": "에러 메시지"},
			"errors": {"type": "array", "description": "상세 오류 (Validation 에러 시)", "items": {
				"type": "object", "required": ["field", "message", "value"], "properties": {
					"field": {"type": "string", "description": "필드명"},
					"message": {"type": "string", "description": "오류 메시지"},
					"value": {"description": "전달된 값"}}}}}}`)
	raw, _ := os.ReadFile("../content/platform-api.txt")
	lines := strings.Split(string(raw), "\n")
	wantExample := strings.Join(lines[21:42], "\n") + "\n}"
	if rf.Example != wantExample {
		t.Errorf("example is not lines 22-43 verbatim:\n%q\nwant\n%q", rf.Example, wantExample)
	}
	if rf.Source.Line != 6 {
		t.Errorf("response format at line %d, want 6 (the typed description)", rf.Source.Line)
	}
}

// TestSeedsScrapedTotal checks the five seeds together: 268 rows, every one an entry or a
// variant, no error.
func TestSeedsScrapedTotal(t *testing.T) {
	total := 0
	for _, name := range []string{"public-api.md", "api-gateway.md", "web3-api.txt", "google-api.txt", "platform-api.txt"} {
		raw, err := os.ReadFile("../content/" + name)
		if err != nil {
			t.Fatal(err)
		}
		src := NewSource("content/"+name, raw)
		res := Read(src, Meta{})
		checkInvariants(t, src, res)
		wantReader := "scraped"
		if strings.HasSuffix(name, ".md") {
			wantReader = "markdown"
		}
		if res.Reader != wantReader {
			t.Errorf("%s: read by %q, want %q", name, res.Reader, wantReader)
		}
		if res.Diags.HasErrors() || res.Dropped != 0 {
			t.Errorf("%s: %d dropped; %s", name, res.Dropped, dumpDiags(res.Diags))
		}
		total += res.Service.RowCount()
	}
	if total != 268 {
		t.Errorf("%d rows in all, want 268", total)
	}
}
