package catalog

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"400102001":             "400102001",
		"TokenExpired":          "token-expired",
		"TOKEN_EXPIRED":         "token-expired",
		"token expired":         "token-expired",
		"accessNotConfigured":   "access-not-configured",
		"HTTPError":             "http-error",
		"dailyLimitExceeded402": "daily-limit-exceeded402",
		"-32601":                "32601",
		"Foo_Bar":               "foo-bar",
		"foo-bar":               "foo-bar",
		"../../etc/passwd":      "etc-passwd",
		"%2e%2e%2f":             "2e-2e-2f",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"", "---", "인증실패", "<>"} {
		got := Slug(in)
		if !strings.HasPrefix(got, "x-") || len(got) != 10 {
			t.Errorf("Slug(%q) = %q, want x- and a hash", in, got)
		}
	}
	if Slug("인증실패") == Slug("권한없음") {
		t.Errorf("different non-Latin codes slug alike")
	}
	long := Slug(strings.Repeat("VeryLongErrorName", 20))
	if len(long) > maxSlug {
		t.Errorf("long slug has %d bytes, want at most %d", len(long), maxSlug)
	}
}

func entry(code string, status Status, line int) *Entry {
	return &Entry{Code: code, Status: status, Description: code + " text", Source: Pos{File: "a.md", Line: line}}
}

func TestMergeFoldsRepeats(t *testing.T) {
	in := []*Entry{entry("A", 403, 1), entry("B", 403, 2), entry("A", 403, 3), entry("A", 429, 4), entry("A", 403, 5)}
	in[2].Description = "second"
	out := Merge(in)
	if len(out) != 3 {
		t.Fatalf("got %d entries, want 3", len(out))
	}
	a := out[0]
	if a.Code != "A" || len(a.Variants()) != 2 || a.Variants()[0].Description != "second" || a.Variants()[1].Source.Line != 5 {
		t.Errorf("A = %+v", a)
	}
	if out[2].Status != 429 || len(out[2].Variants()) != 0 {
		t.Errorf("A under 429 = %+v, want its own entry", out[2])
	}
	rpc := &Entry{Code: "A", Status: 403, Protocol: JSONRPC}
	if got := Merge([]*Entry{entry("A", 403, 1), rpc}); len(got) != 2 {
		t.Errorf("an HTTP and a JSON-RPC code folded together")
	}
}

func TestAssignIDs(t *testing.T) {
	s := &Service{Entries: []*Entry{
		entry("required", 400, 1), entry("required", 401, 2), entry("Foo_Bar", 400, 3),
		entry("foo-bar", 400, 4), entry("TOKEN_EXPIRED", 401, 5), entry("TokenExpired", 401, 6),
		{Code: "-32601", Protocol: JSONRPC}, entry("32601", 0, 8),
	}}
	AssignIDs(s)
	var ids []string
	for _, e := range s.Entries {
		ids = append(ids, e.ID)
	}
	want := []string{"required-400", "required-401", "foo-bar-e686649d", "foo-bar", "token-expired-f3a139bc", "token-expired-3cec4d53", "32601-4d496832", "32601"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	// IDs depend only on the entries' own codes: adding an unrelated entry changes none.
	s2 := &Service{Entries: append([]*Entry{entry("NEW_CODE", 500, 0)}, s.Entries...)}
	AssignIDs(s2)
	for i, e := range s2.Entries[1:] {
		if e.ID != want[i] {
			t.Errorf("after adding an entry, %s's ID became %q, was %q", e.Code, e.ID, want[i])
		}
	}
	if d := Check(&Catalog{Services: []*Service{s}}); d.Count(Error) != 0 {
		t.Errorf("Check found errors in assigned IDs: %v", d)
	}
}

func TestCheckRules(t *testing.T) {
	s := &Service{ID: "svc", Source: "a.md", Entries: []*Entry{
		{ID: "a", Code: "A", Status: 400, Description: "x", Source: Pos{File: "a.md", Line: 1}},
		{ID: "a", Code: "A2", Status: 999, Source: Pos{File: "a.md", Line: 2}},
		{ID: "b", Code: "--", Status: 0, Description: "x", Source: Pos{File: "a.md", Line: 3}},
		{ID: "c", Code: "A", Status: 401, Description: "x", Source: Pos{File: "a.md", Line: 4}},
		{ID: "d", Code: "D\u202Egnp.exe", Status: 400, Description: "x", Source: Pos{File: "a.md", Line: 5}},
		withMore(&Entry{ID: "e", Code: "E", Status: 400, Message: "ok", Description: "x", Source: Pos{File: "a.md", Line: 6}},
			nil, []Variant{{Message: "admin\u2067 \u2066user"}}),
	}}
	d := Check(&Catalog{Services: []*Service{s, {ID: "svc", Source: "b.md"}}})
	d.Sort()
	var got []string
	for _, x := range d {
		got = append(got, x.Pos.String()+" "+x.Severity.String()+" "+x.Rule)
	}
	want := []string{
		"a.md:1 warning code-statuses",
		"a.md:2 error duplicate-id",
		"a.md:2 error invalid-status",
		"a.md:2 warning no-description",
		"a.md:3 error empty-code",
		"a.md:5 warning bidi-control",
		"a.md:6 warning bidi-control",
		"b.md:1:1 error duplicate-service",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func sampleCatalog() *Catalog {
	return &Catalog{Title: "T", Lang: "ko", Services: []*Service{{
		ID: "svc", Title: "Service", Lang: "ko", Source: "content/svc.md", Summary: "About.",
		ResponseFormat: &ResponseFormat{Example: `{"code":"X"}`, Schema: map[string]any{"type": "object"}, Source: Pos{File: "content/svc.md", Line: 3, Col: 1}},
		Groups:         []Group{{Name: "BadRequest", Status: 400, Description: "d", Source: Pos{File: "content/svc.md", Line: 5, Col: 1}}},
		Sections:       []Section{{Title: "Headers", Body: "| a | b |", Source: Pos{File: "content/svc.md", Line: 7, Col: 1}}},
		Entries: []*Entry{
			withMore(&Entry{ID: "bad", Code: "BAD", Status: 400, Protocol: HTTP, Group: "BadRequest", Message: "Bad", Description: "<b>d</b>",
				Resolution: "r", Source: Pos{File: "content/svc.md", Line: 9, Col: 1}},
				[]Field{{Name: "Since", Value: "v1"}}, []Variant{{Description: "again", Source: Pos{File: "content/svc.md", Line: 10, Col: 1}}}),
			{ID: "32601", Code: "-32601", Protocol: JSONRPC, Message: "m", Source: Pos{File: "content/svc.md", Line: 12, Col: 1}},
		},
	}}}
}

func TestJSONRoundTrip(t *testing.T) {
	c := sampleCatalog()
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, c, func(s *Service, e *Entry) string { return s.ID + "/" + e.ID + "/" }); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var raw map[string]any
	json.Unmarshal(buf.Bytes(), &raw)
	e := raw["services"].([]any)[0].(map[string]any)["entries"].([]any)
	if _, ok := e[1].(map[string]any)["status"]; ok {
		t.Errorf("an entry with no status has a status field")
	}
	if got := e[0].(map[string]any)["url"]; got != "svc/bad/" {
		t.Errorf("url = %v", got)
	}
	if _, err := DecodeJSON(strings.NewReader(`{"version": 2, "title": "", "services": []}`)); err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Errorf("a catalog of version 2 decoded: %v", err)
	}
}

// TestJSONMatchesSchema validates the encoding against the published schema with a real
// JSON Schema 2020-12 validator, and checks that the validator rejects a broken catalog.
func TestJSONMatchesSchema(t *testing.T) {
	sch := compileSchema(t)
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, sampleCatalog(), func(s *Service, e *Entry) string { return s.ID + "/" + e.ID + "/" }); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("catalog does not match its schema: %v", err)
	}
	bad := strings.Replace(buf.String(), `"protocol": "http"`, `"protocol": "smtp"`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err := sch.Validate(inst); err == nil {
		t.Errorf("schema accepted protocol \"smtp\"")
	}
}

// compileSchema compiles JSONSchema with the 2020-12 draft.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(SchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestEncodeJSONStreamsTheWholeEncoding checks that writing service by service gives the
// bytes of encoding the whole catalog at once.
func TestEncodeJSONStreamsTheWholeEncoding(t *testing.T) {
	url := func(s *Service, e *Entry) string { return s.ID + "/" + e.ID + "/" }
	for name, c := range map[string]*Catalog{
		"sample":   sampleCatalog(),
		"empty":    {Title: "none"},
		"base-url": {Title: "<b>&", BaseURL: "https://x.test/", Lang: "ko", Services: sampleCatalog().Services[:1]},
		"three":    {Title: "3", Services: append(append(sampleCatalog().Services, &Service{ID: "b", Title: "B"}), sampleCatalog().Services...)},
	} {
		var got bytes.Buffer
		if err := EncodeJSON(&got, c, url); err != nil {
			t.Fatal(err)
		}
		jc := jsonCatalog{Schema: SchemaFile, Version: Version, Title: c.Title, BaseURL: c.BaseURL, Lang: c.Lang, Services: []jsonService{}}
		for _, s := range c.Services {
			jc.Services = append(jc.Services, toJSONService(s, url, true))
		}
		var want bytes.Buffer
		if err := encode(&want, jc); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed catalog differs:\n%s\nwant\n%s", name, got.String(), want.String())
		}
		for _, s := range c.Services {
			got.Reset()
			want.Reset()
			if err := EncodeServiceJSON(&got, s, url); err != nil {
				t.Fatal(err)
			}
			if err := encode(&want, toJSONService(s, url, true)); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s: streamed service %s differs:\n%s\nwant\n%s", name, s.ID, got.String(), want.String())
			}
		}
	}
}

// encode writes v as one JSON document: what the streaming encoders must match.
func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// withMore sets e's Fields and Variants, for the literals of these tests.
func withMore(e *Entry, fields []Field, variants []Variant) *Entry {
	e.SetFields(fields)
	e.SetVariants(variants)
	return e
}
