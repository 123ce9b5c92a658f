package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"docgen/catalog"
)

// update rewrites the goldens (and the catalog of the default content they are made
// from): go test ./render/openapi/ -update
var update = flag.Bool("update", false, "rewrite the golden files")

// repoRoot is the module root, seen from this package's folder.
const repoRoot = "../.."

// defaultCatalogFile is the JSON catalog of the default content (content/docgen.yaml),
// as docgen export json writes it. -update regenerates it from the sources, so that this
// package's tests need no reader.
const defaultCatalogFile = "testdata/default.catalog.json"

// regenerateDefaultCatalog runs docgen export json on the default content.
func regenerateDefaultCatalog(t testing.TB) {
	t.Helper()
	out, err := filepath.Abs(defaultCatalogFile)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool(), "run", "./cmd/docgen", "export", "json", "-q", "-o", out)
	cmd.Dir = repoRoot
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docgen export json: %v\n%s", err, msg)
	}
}

// goTool finds the go command: on PATH, or in $GOROOT/bin.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if p := filepath.Join(os.Getenv("GOROOT"), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// defaultCatalog returns the catalog of the default content.
func defaultCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	f, err := os.Open(defaultCatalogFile)
	if err != nil {
		t.Fatalf("%v (go test ./render/openapi/ -update writes it)", err)
	}
	defer f.Close()
	c, err := catalog.DecodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// validateDoc loads an OpenAPI document with kin-openapi and validates it, examples
// against their schemas included. kin-openapi checks the examples of a 3.0 document; those
// of a 3.1 document are checked with a JSON Schema 2020-12 validator, because kin-openapi
// falls back to 3.0 rules for a schema with references (an untyped "any value" schema then
// refuses null, which 3.1 allows).
func validateDoc(data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, err
	}
	if !doc.IsOpenAPI31OrLater() {
		return doc, doc.Validate(context.Background(), openapi3.EnableExamplesValidation())
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return doc, err
	}
	return doc, validateExamples2020(data)
}

// validateExamples2020 checks every example of every response of a 3.1 document against
// the response's schema, with the document as the JSON Schema resource its references
// point into.
func validateExamples2020(data []byte) error {
	var y any
	if err := yaml.Unmarshal(data, &y); err != nil {
		return err
	}
	j, err := json.Marshal(y)
	if err != nil {
		return err
	}
	root, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("doc.json", root); err != nil {
		return err
	}
	ptr := func(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }
	comps, _ := root.(map[string]any)["components"].(map[string]any)
	responses, _ := comps["responses"].(map[string]any)
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(responses)) {
		content, _ := responses[name].(map[string]any)["content"].(map[string]any)
		for _, mt := range slices.Sorted(maps.Keys(content)) {
			media, _ := content[mt].(map[string]any)
			if media["schema"] == nil {
				continue
			}
			sch, err := c.Compile("doc.json#/components/responses/" + ptr(name) + "/content/" + ptr(mt) + "/schema")
			if err != nil {
				return fmt.Errorf("response %q: %w", name, err)
			}
			examples, _ := media["examples"].(map[string]any)
			for _, k := range slices.Sorted(maps.Keys(examples)) {
				ex, _ := examples[k].(map[string]any)
				if err := sch.Validate(ex["value"]); err != nil {
					errs = append(errs, fmt.Errorf("response %q: example %s: %v", name, k, err))
				}
			}
			if ex, ok := media["example"]; ok {
				if err := sch.Validate(ex); err != nil {
					errs = append(errs, fmt.Errorf("response %q: example: %v", name, err))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// TestMain regenerates the catalog of the default content before the goldens are
// compared or rewritten, when -update is given.
func TestMain(m *testing.M) {
	flag.Parse()
	if *update {
		regenerateDefaultCatalog(fatalTB{})
	}
	os.Exit(m.Run())
}

// fatalTB is enough of a testing.TB for TestMain.
type fatalTB struct{ testing.TB }

func (fatalTB) Helper() {}
func (fatalTB) Fatal(args ...any) {
	fmt.Fprintln(os.Stderr, args...)
	os.Exit(1)
}
func (fatalTB) Fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func entry(code string, status int, msg, desc string) *catalog.Entry {
	return &catalog.Entry{ID: catalog.Slug(code), Code: code, Status: catalog.Status(status), Protocol: catalog.HTTP, Message: msg, Description: desc}
}

func rpcEntry(code, msg string) *catalog.Entry {
	return &catalog.Entry{ID: catalog.Slug(code), Code: code, Protocol: catalog.JSONRPC, Message: msg}
}

// richCatalog has a service of every shape the OpenAPI output must handle.
func richCatalog() *catalog.Catalog {
	dup400 := entry("required", 400, "Required parameter missing", "A required parameter is missing.")
	dup400.ID = "required-400"
	dup401 := entry("required", 401, "Login required", "")
	dup401.ID = "required-401"
	return &catalog.Catalog{
		Title:   "Rich catalog",
		BaseURL: "https://errors.example.com/",
		Services: []*catalog.Service{
			{ // nothing documented: RFC 9457 problem details
				ID: "plain", Title: "Plain API",
				Entries: []*catalog.Entry{
					entry("INVALID_TOKEN", 401, "Invalid token.", "The token is *invalid*.\n\nGet a new one."),
					entry("TOKEN_EXPIRED", 401, "", "The token expired."),
					entry("NOT_FOUND", 404, "Not found", ""),
					entry("OK", 0, "no status", ""),
					entry("`weird` code", 400, "", "A code with backticks and spaces."),
					entry("yes", 400, "null", "A code YAML 1.1 reads as a boolean."),
					entry("0123", 400, "~", "Leading zero: not an integer."),
					dup400, dup401,
				},
			},
			{ // an example with placeholders and a schema, and JSON-RPC codes
				ID: "web3", Title: "Web3 API",
				ResponseFormat: &catalog.ResponseFormat{
					Example: "{\n\"code\":\"${ERROR_CODE}\",\n\"message\":\"${ERROR_DESCRIPTION}\"\n}",
					Schema: map[string]any{
						"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
						"required":   []string{"code", "message"},
						"properties": map[string]any{"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}},
					},
				},
				Entries: []*catalog.Entry{
					entry("SUCCESS", 200, "", "OK."),
					entry("INVALID_PARAMETER", 400, "", "A parameter is invalid: <b>tags</b> & \"quotes\"."),
					entry("UNAVAILABLE", 503, "", "Down."),
					rpcEntry("-32601", "method not found"),
					rpcEntry("-32700", "parse error"),
				},
			},
			{ // a nested example, the code under another name, the status beside it
				ID: "google", Title: "Google-like API",
				ResponseFormat: &catalog.ResponseFormat{
					Example: `{"error": {"errors": [{"domain": "global", "reason": "invalidParameter", "message": "Invalid value"}], "code": 400, "message": "Invalid value"}}`,
				},
				Entries: []*catalog.Entry{
					entry("invalidParameter", 400, "", "A parameter is invalid."),
					entry("notFound", 404, "", "Not found."),
					entry("rateLimitExceeded", 429, "", "Too many requests."),
				},
			},
			{ // integer codes in a number member, a status member typed with an enum
				ID: "numeric", Title: "Numeric API",
				ResponseFormat: &catalog.ResponseFormat{
					Example: `{"status": 400, "code": 4001, "msg": "bad", "details": null}`,
					Schema: map[string]any{
						"type": "object",
						"properties": map[string]any{
							"status":  map[string]any{"type": "integer", "enum": []any{400}},
							"code":    map[string]any{"type": "integer", "description": "The error code."},
							"msg":     map[string]any{"type": "string", "maxLength": 3},
							"details": map[string]any{"type": []any{"object", "null"}, "$ref": "#/$defs/Details"},
						},
						"$defs": map[string]any{"Details": map[string]any{"type": []any{"object", "null"}, "additionalProperties": true}},
					},
				},
				Entries: []*catalog.Entry{
					entry("4001", 400, "Bad input", ""),
					entry("4041", 404, "No such thing", ""),
					entry("5001", 500, "Oops", ""),
				},
			},
			{ // a schema only (a typed description), with nullable members
				ID: "typed", Title: "Typed API",
				ResponseFormat: &catalog.ResponseFormat{
					Example: "ErrorResponse {\n  code: string\n  message: string\n  retryAfter?: number\n}",
					Schema: map[string]any{
						"type":     "object",
						"required": []any{"code", "message", "meta"},
						"properties": map[string]any{
							"code":       map[string]any{"type": "string"},
							"message":    map[string]any{"type": "string", "minLength": 1},
							"retryAfter": map[string]any{"type": []any{"number", "null"}},
							"meta": map[string]any{"type": "object", "required": []any{"at"}, "properties": map[string]any{
								"at": map[string]any{"type": "string", "format": "date-time"},
							}},
						},
					},
				},
				Entries: []*catalog.Entry{
					entry("RATE_LIMITED", 429, "Slow down", ""),
					entry("CONFLICT", 409, "Conflict", ""),
				},
			},
			{ // a schema that disagrees with its own example
				ID: "liar", Title: "Liar API",
				ResponseFormat: &catalog.ResponseFormat{
					Example: `{"code": "E1", "message": "m", "extra": true}`,
					Schema: map[string]any{
						"type": "object", "additionalProperties": false,
						"properties": map[string]any{"code": map[string]any{"type": "integer"}},
					},
				},
				Entries: []*catalog.Entry{entry("E1", 400, "first", ""), entry("E2", 500, "second", "")},
			},
			{ // a hand-written ID that is not a valid component key
				ID: "한글 API", Title: "Korean",
				Entries: []*catalog.Entry{entry("ERR", 400, "오류", "")},
			},
			{ // only JSON-RPC codes, one of them not an integer
				ID: "rpc", Title: "RPC only",
				Entries: []*catalog.Entry{rpcEntry("-32000", "server error"), rpcEntry("X1", "custom")},
			},
			{ID: "empty", Title: "No entries"},
		},
	}
}

// regexpIdent is an identifier in most languages a generator writes.
var regexpIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
