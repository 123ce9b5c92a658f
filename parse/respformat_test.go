package parse

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
)

// TestDeriveSchema checks the schema derived from JSON examples and typed descriptions,
// and that what describes no body gives none.
func TestDeriveSchema(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		kind bodyKind
		want string // the schema without $schema, as JSON; "" for none
	}{
		{"json object", `{"code": "E1", "status": 400, "ratio": 0.5, "ok": false, "none": null}`, bodyJSON,
			`{"type":"object","required":["code","status","ratio","ok","none"],"properties":{
			"code":{"type":"string"},"status":{"type":"integer"},"ratio":{"type":"number"},
			"ok":{"type":"boolean"},"none":{"type":"null"}}}`},
		{"json array items merged", `{"errors": [{"field": "a", "value": null}, {"field": "b", "value": 10, "extra": true}]}`, bodyJSON,
			`{"type":"object","required":["errors"],"properties":{"errors":{"type":"array","items":{
			"type":"object","required":["field","value"],"properties":{
			"field":{"type":"string"},"value":{"type":["integer","null"]},"extra":{"type":"boolean"}}}}}}`},
		{"json with comments, placeholders and trailing commas", "{\n  \"code\": \"${CODE}\", // the code\n  \"status\": {{status}}, /* the status */\n  \"list\": [1, 2.5,],\n}", bodyJSON,
			`{"type":"object","required":["code","status","list"],"properties":{
			"code":{"type":"string","description":"the code"},
			"status":{"description":"the status"},
			"list":{"type":"array","items":{"type":"number"}}}}`},
		{"typed", "ErrorResponse\n{\n  code: string // 코드\n  detail?: string\n  items: { id: integer }[] // 목록\n}", bodyTyped,
			`{"type":"object","title":"ErrorResponse","required":["code","items"],"properties":{
			"code":{"type":"string","description":"코드"},"detail":{"type":"string"},
			"items":{"type":"array","description":"목록","items":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}}`},
		{"typed unions and generics", "type E = {\n  kind: 'a' | 'b';\n  when: Date | undefined;\n  tags: Array<string>,\n  meta: Record<string, any>\n  n: 1 | 2\n  ok: true\n}", bodyTyped,
			`{"type":"object","title":"E","required":["kind","tags","meta","n","ok"],"properties":{
			"kind":{"type":"string","enum":["a","b"]},"when":{"type":"string"},
			"tags":{"type":"array","items":{"type":"string"}},"meta":{"type":"object"},
			"n":{"type":"integer","enum":[1,2]},"ok":{"type":"boolean","enum":[true]}}}`},
		{"typed union of objects", "{ e: { a: string, b: number } | { a: string } }", bodyTyped,
			`{"type":"object","required":["e"],"properties":{"e":{"type":"object","required":["a"],
			"properties":{"a":{"type":"string"},"b":{"type":"number"}}}}}`},
		{"typed named type", "{ detail: ErrorDetail[] }", bodyTyped,
			`{"type":"object","required":["detail"],"properties":{"detail":{"type":"array","items":{"title":"ErrorDetail"}}}}`},
		{"javascript", "async function f(url, options = {}) {\n  const r = await fetch(url);\n}", bodyNone, ""},
		{"prose", "{id} 경로 파라미터", bodyNone, ""},
		{"a scalar", `"just a string"`, bodyNone, ""},
		{"empty object type", "{}", bodyNone, ""},
		{"unterminated", "{\n  code: string\n", bodyNone, ""},
		{"duplicate member", "{ a: string\n a: number }", bodyNone, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			schema, kind := deriveSchema(c.text)
			if kind != c.kind {
				t.Fatalf("kind %d, want %d", kind, c.kind)
			}
			if c.want == "" {
				if schema != nil {
					t.Fatalf("schema %v, want none", schema)
				}
				return
			}
			if schema["$schema"] != schemaDialect {
				t.Errorf("$schema %v", schema["$schema"])
			}
			delete(schema, "$schema")
			got, _ := json.Marshal(schema)
			var gotV, wantV any
			if err := json.Unmarshal(got, &gotV); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(c.want), &wantV); err != nil {
				t.Fatalf("bad want: %v", err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("schema (-want +got):\n%s", diff)
			}
		})
	}
}

// TestResponseFormatFrom checks which sample gives the example and which the schema.
func TestResponseFormatFrom(t *testing.T) {
	pos := func(l int) catalog.Pos { return catalog.Pos{File: "f", Line: l, Col: 1} }
	typed := codeSample{Text: "{ code: string // c\n}", Pos: pos(3), Caption: "ErrorBody"}
	example := codeSample{Text: `{"code": "X"}`, Pos: pos(9), Caption: "Example: error"}
	client := codeSample{Text: "if (x) { y() }", Pos: pos(1)}

	rf := responseFormatFrom([]codeSample{client, typed, example})
	if rf == nil || rf.Example != example.Text || rf.Source != pos(3) {
		t.Fatalf("got %+v", rf)
	}
	if rf.Schema["title"] != "ErrorBody" || rf.Schema["properties"].(map[string]any)["code"].(map[string]any)["description"] != "c" {
		t.Errorf("schema not from the typed description: %v", rf.Schema)
	}
	// A typed description alone is its own example; a JSON example alone gives the schema
	// (a caption that is not a type name gives no title).
	if rf := responseFormatFrom([]codeSample{typed}); rf.Example != typed.Text {
		t.Errorf("typed alone: %+v", rf)
	}
	if rf := responseFormatFrom([]codeSample{example}); rf.Schema["title"] != nil || rf.Schema["type"] != "object" {
		t.Errorf("example alone: %+v", rf)
	}
	if rf := responseFormatFrom([]codeSample{client}); rf != nil {
		t.Errorf("client code: %+v", rf)
	}
}

// TestDeriveSchemaHostile feeds deep nesting and junk: no panic, no schema where there is
// no body.
func TestDeriveSchemaHostile(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		strings.Repeat("{a:", 50000) + "string" + strings.Repeat("}", 50000),
		strings.Repeat(`{"a":`, 300) + "1" + strings.Repeat("}", 300),
		"{ a: (((((string)))))) }", "{ a?: }", "{ \"a\": ${ }", "/* unterminated", "{ a: 'x }",
		"{ a: Array<string }", "{ -: x }", "\x00{", "{\"a\":1}{\"b\":2}",
	} {
		deriveSchema(text) // must not panic
	}
	if s, _ := deriveSchema(strings.Repeat(`{"a":`, 300) + "1" + strings.Repeat("}", 300)); s != nil {
		t.Errorf("nesting past maxJSONDepth gave a schema")
	}
}

// TestFencedCode checks the code blocks found in a Markdown section body.
func TestFencedCode(t *testing.T) {
	got := fencedCode("text\n\n```json\n{\"a\": 1}\n```\n\n- item\n\n  ~~~\n  b\n  ~~~\n\n    indented is not fenced\n")
	want := []string{`{"a": 1}`, "b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// deriveHostileTexts are bodies built to make deriving a schema slow: long lines of what
// could begin placeholders, comments or strings, and arrays and unions of many objects with
// different members, which merge.
func deriveHostileTexts() []string {
	const n = 1 << 18
	var arr, union strings.Builder
	arr.WriteString("[")
	union.WriteString("{ a: ")
	for i := range 50000 {
		if i > 0 {
			arr.WriteString(",")
			union.WriteString(" | ")
		}
		fmt.Fprintf(&arr, `{"k%d": %d}`, i, i)
		fmt.Fprintf(&union, "{ k%d: number }", i)
	}
	arr.WriteString("]")
	union.WriteString(" }")
	return []string{
		"{" + strings.Repeat("<", n) + "}",
		"{" + strings.Repeat("${", n/2) + "}",
		"{" + strings.Repeat("<a> ", n/4) + "}",
		"{" + strings.Repeat("{{", n/2) + "}",
		"{\"a\": \"" + strings.Repeat("\\\"", n/2) + "\"}",
		"{" + strings.Repeat("/*", n/2),
		"{ a: " + strings.Repeat("string | ", n/9) + "string }",
		"{ a: " + strings.Repeat("'x' | ", n/6) + "'y' }",
		"{\n" + strings.Repeat("  // a comment over the member\n", 50000) + "  a: string\n}", // collected bottom up
		arr.String(),
		union.String(),
	}
}

// TestDeriveSchemaSlowInputs derives a schema from each hostile body: no panic, and the two
// bodies of many objects merge into one schema. BenchmarkDeriveSchemaHostile measures the
// cost, which must be linear.
func TestDeriveSchemaSlowInputs(t *testing.T) {
	texts := deriveHostileTexts()
	for i, text := range texts {
		s, _ := deriveSchema(text)
		if i >= len(texts)-2 && s == nil {
			t.Errorf("%q…: no schema", text[:20])
		}
	}
}

// BenchmarkDeriveSchemaHostile derives a schema from each hostile body.
func BenchmarkDeriveSchemaHostile(b *testing.B) {
	for i, text := range deriveHostileTexts() {
		b.Run(fmt.Sprintf("%d-%.12s", i, text), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				deriveSchema(text)
			}
		})
	}
}
