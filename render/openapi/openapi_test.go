package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
)

var versions = []Version{V31, V32, V30}
var formats = []Format{YAML, JSON}

func build(t *testing.T, c *catalog.Catalog, v Version, f Format) []byte {
	t.Helper()
	d, err := Build(c, Options{Version: v})
	if err != nil {
		t.Fatal(err)
	}
	data, err := d.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./render/openapi/ -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (-want +got); if the change is meant, run go test ./render/openapi/ -update:\n%s",
			file, cmp.Diff(string(want), string(got)))
	}
}

// TestDefaultGolden: the OpenAPI documents of the default content, as docgen build and
// docgen export openapi --openapi 3.0 write them.
func TestDefaultGolden(t *testing.T) {
	c := defaultCatalog(t)
	checkGolden(t, "testdata/default.openapi.yaml", build(t, c, V31, YAML))
	checkGolden(t, "testdata/default.openapi-3.0.yaml", build(t, c, V30, YAML))
}

// TestValidates loads every document with kin-openapi and validates it, each example
// against its schema included.
func TestValidates(t *testing.T) {
	for name, c := range map[string]*catalog.Catalog{"default": defaultCatalog(t), "rich": richCatalog()} {
		for _, v := range versions {
			for _, f := range formats {
				t.Run(name+"/"+string(v)+"/"+string(f), func(t *testing.T) {
					data := build(t, c, v, f)
					doc, err := validateDoc(data)
					if err != nil {
						t.Fatalf("invalid: %v", err)
					}
					if got, want := doc.OpenAPI, v.String(); got != want {
						t.Errorf("openapi = %q, want %q", got, want)
					}
					if f == JSON && !json.Valid(data) {
						t.Error("JSON output is not JSON")
					}
					// Every entry with an HTTP status has its example in its response.
					n := 0
					for _, r := range doc.Components.Responses {
						for _, mt := range r.Value.Content {
							n += len(mt.Examples)
						}
					}
					want := 0
					for _, s := range c.Services {
						for _, e := range s.Entries {
							if e.Protocol == catalog.HTTP && e.Status != 0 {
								want++
							}
						}
					}
					if n != want {
						t.Errorf("%d examples in responses, want one per entry with a status: %d", n, want)
					}
				})
			}
		}
	}
}

// TestValidatorCatches proves that the validation above can fail: a broken $ref, an
// example that breaks its schema, and a code outside the enum are all caught.
func TestValidatorCatches(t *testing.T) {
	c := richCatalog()
	for _, v := range versions {
		data := build(t, c, v, JSON)
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		mutate := func(f func(comp map[string]any)) []byte {
			var d map[string]any
			json.Unmarshal(data, &d)
			f(d["components"].(map[string]any))
			out, _ := json.Marshal(d)
			return out
		}
		response := func(comp map[string]any, name string) map[string]any {
			content := comp["responses"].(map[string]any)[name].(map[string]any)["content"].(map[string]any)
			for _, mt := range content {
				return mt.(map[string]any)
			}
			return nil
		}
		cases := map[string][]byte{
			"broken $ref": mutate(func(comp map[string]any) {
				response(comp, "web3.400")["schema"] = map[string]any{"$ref": "#/components/schemas/web3.Nope"}
			}),
			"example of the wrong type": mutate(func(comp map[string]any) {
				ex := response(comp, "web3.400")["examples"].(map[string]any)["INVALID_PARAMETER"].(map[string]any)
				ex["value"].(map[string]any)["message"] = 42
			}),
			"example missing a required member": mutate(func(comp map[string]any) {
				ex := response(comp, "web3.400")["examples"].(map[string]any)["INVALID_PARAMETER"].(map[string]any)
				delete(ex["value"].(map[string]any), "message")
			}),
			"code outside the enum": mutate(func(comp map[string]any) {
				ex := response(comp, "google.404")["examples"].(map[string]any)["notFound"].(map[string]any)
				errs := ex["value"].(map[string]any)["error"].(map[string]any)["errors"].([]any)
				errs[0].(map[string]any)["reason"] = "noSuchCode"
			}),
			"schema example outside the enum": mutate(func(comp map[string]any) {
				s := comp["schemas"].(map[string]any)["web3.JsonRpcError"].(map[string]any)
				if v == V30 {
					s["example"] = map[string]any{"code": 1, "message": "x"}
				} else {
					s["examples"] = []any{map[string]any{"code": 1, "message": "x"}}
				}
			}),
		}
		if _, err := validateDoc(data); err != nil {
			t.Fatalf("%s: the unchanged document is invalid: %v", v, err)
		}
		for name, bad := range cases {
			if name == "schema example outside the enum" && v != V30 {
				continue // kin-openapi checks a 3.0 schema's example, not a 3.1 or 3.2 schema's examples
			}
			if _, err := validateDoc(bad); err == nil {
				t.Errorf("%s: %s: validation passed, want a failure", v, name)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, v := range versions {
		for _, f := range formats {
			first := build(t, richCatalog(), v, f)
			for range 5 {
				if got := build(t, richCatalog(), v, f); !bytes.Equal(got, first) {
					t.Fatalf("%s %s: two builds differ", v, f)
				}
			}
		}
	}
}

// TestYAMLIsJSON: the YAML and the JSON document hold the same value.
func TestYAMLIsJSON(t *testing.T) {
	for _, v := range versions {
		y, err := decodeYAML(build(t, richCatalog(), v, YAML))
		if err != nil {
			t.Fatal(err)
		}
		j, err := decodeJSON(build(t, richCatalog(), v, JSON))
		if err != nil {
			t.Fatal(err)
		}
		if !equal(y, j) {
			t.Errorf("%s: YAML and JSON documents differ", v)
		}
	}
}

func components(t *testing.T, c *catalog.Catalog, v Version) (schemas, responses map[string]any) {
	t.Helper()
	var doc struct {
		Components struct {
			Schemas   map[string]any `json:"schemas"`
			Responses map[string]any `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(build(t, c, v, JSON), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas, doc.Components.Responses
}

func TestComponentNames(t *testing.T) {
	c := richCatalog()
	c.Services = append(c.Services,
		&catalog.Service{ID: "a.b", Entries: []*catalog.Entry{entry("X", 400, "x", "")}},
		&catalog.Service{ID: "a", Entries: []*catalog.Entry{entry("X", 400, "x", "")}},
		&catalog.Service{ID: "a-b", Entries: []*catalog.Entry{entry("X", 400, "x", "")}},
	)
	schemas, responses := components(t, c, V31)
	owner := map[string]string{}
	for _, names := range []map[string]any{schemas, responses} {
		for name := range names {
			if !reComponentKey.MatchString(name) {
				t.Errorf("component name %q is not a valid key", name)
			}
			prefix, _, _ := strings.Cut(name, ".")
			owner[prefix] = name
		}
	}
	// Every service with entries has its own prefix.
	pre := prefixes(c)
	seen := map[string]string{}
	for _, s := range c.Services {
		p := pre[s.ID]
		if other, ok := seen[p]; ok {
			t.Errorf("services %q and %q share the prefix %q", other, s.ID, p)
		}
		seen[p] = s.ID
		if strings.Contains(p, ".") {
			t.Errorf("prefix %q of %q has a dot", p, s.ID)
		}
	}
	want := []string{
		"plain.Error", "plain.ErrorCode", "web3.Error", "web3.ErrorCode", "web3.JsonRpcError",
		"web3.JsonRpcErrorCode", "numeric.Error", "numeric.Error.Details", "rpc.JsonRpcError",
	}
	for _, n := range want {
		if _, ok := schemas[n]; !ok {
			t.Errorf("no schema %q", n)
		}
	}
	for _, n := range []string{"plain.400", "plain.401", "plain.404", "web3.200", "web3.400", "google.429"} {
		if _, ok := responses[n]; !ok {
			t.Errorf("no response %q", n)
		}
	}
	if p := pre["한글 API"]; !rePrefix.MatchString(p) || p == "" {
		t.Errorf("prefix of a non-ASCII ID: %q", p)
	}
	for name := range responses {
		if strings.HasPrefix(name, "rpc.") || strings.HasPrefix(name, "empty.") {
			t.Errorf("response %q: JSON-RPC codes and services without entries get no responses", name)
		}
	}
}

func TestCodeEnums(t *testing.T) {
	for _, v := range versions {
		schemas, _ := components(t, richCatalog(), v)
		for name, s := range schemas {
			if !strings.HasSuffix(name, "Code") {
				continue
			}
			s := s.(map[string]any)
			enum := s["enum"].([]any)
			descs := s["x-enumDescriptions"].(map[string]any)
			vars := s["x-enum-varnames"].([]any)
			if len(vars) != len(enum) || len(descs) != len(enum) {
				t.Errorf("%s: %d values, %d varnames, %d descriptions", name, len(enum), len(vars), len(descs))
			}
			seen := map[any]bool{}
			for i, e := range enum {
				if seen[e] {
					t.Errorf("%s: %v twice in the enum", name, e)
				}
				seen[e] = true
				key, _ := json.Marshal(e)
				if _, ok := descs[strings.Trim(string(key), `"`)]; !ok {
					t.Errorf("%s: no x-enumDescriptions for %v", name, e)
				}
				vn := vars[i].(string)
				if !regexpIdent.MatchString(vn) {
					t.Errorf("%s: varname %q is not an identifier", name, vn)
				}
			}
		}
		plain := schemas["plain.ErrorCode"].(map[string]any)
		if got := plain["x-enumDescriptions"].(map[string]any)["required"]; !strings.Contains(got.(string), "400: ") || !strings.Contains(got.(string), "401: ") {
			t.Errorf("a code under two statuses should describe both: %q", got)
		}
		if !slices.Contains(plain["enum"].([]any), any("OK")) {
			t.Error("a code without a status should still be in the enum")
		}
		if got := schemas["numeric.ErrorCode"].(map[string]any)["type"]; got != "integer" {
			t.Errorf("numeric codes in a number member: enum type %v, want integer", got)
		}
		if got := schemas["plain.ErrorCode"].(map[string]any)["type"]; got != "string" {
			t.Errorf("plain codes: enum type %v, want string", got)
		}
		if got := schemas["web3.JsonRpcErrorCode"].(map[string]any)["type"]; got != "integer" {
			t.Errorf("JSON-RPC codes: enum type %v, want integer", got)
		}
		if got := schemas["rpc.JsonRpcErrorCode"].(map[string]any)["type"]; got != "string" {
			t.Errorf("JSON-RPC codes that are not all integers: enum type %v, want string", got)
		}
	}
}

func TestBodies(t *testing.T) {
	schemas, responses := components(t, richCatalog(), V31)
	content := func(name string) (string, map[string]any) {
		for mt, v := range responses[name].(map[string]any)["content"].(map[string]any) {
			return mt, v.(map[string]any)
		}
		t.Fatalf("%s has no content", name)
		return "", nil
	}
	example := func(resp, name string) map[string]any {
		_, c := content(resp)
		ex, ok := c["examples"].(map[string]any)[name].(map[string]any)
		if !ok {
			t.Fatalf("%s has no example %q", resp, name)
		}
		return ex["value"].(map[string]any)
	}

	// Nothing documented: problem details, said to be assumed.
	mt, _ := content("plain.401")
	if mt != "application/problem+json" {
		t.Errorf("plain: media type %q, want application/problem+json", mt)
	}
	if d := schemas["plain.Error"].(map[string]any)["description"].(string); !strings.Contains(d, "does not document") {
		t.Errorf("plain.Error description should say the body is not documented: %q", d)
	}
	got := example("plain.401", "INVALID_TOKEN")
	want := map[string]any{"type": "https://errors.example.com/plain/invalid-token/", "title": "Invalid token.", "status": float64(401), "code": "INVALID_TOKEN"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plain.401 INVALID_TOKEN (-want +got):\n%s", diff)
	}
	if got := example("plain.401", "TOKEN_EXPIRED")["title"]; got != "The token expired." {
		t.Errorf("an entry without a message takes its description: %q", got)
	}
	if d := responses["plain.400"].(map[string]any)["description"].(string); !strings.Contains(d, "`` `weird` code ``") || !strings.Contains(d, "`required`") {
		t.Errorf("plain.400 description should list its codes: %q", d)
	}

	// Placeholders filled in.
	if diff := cmp.Diff(map[string]any{"code": "UNAVAILABLE", "message": "Down."}, example("web3.503", "UNAVAILABLE")); diff != "" {
		t.Errorf("web3.503 (-want +got):\n%s", diff)
	}
	// Nested: the code where a code stood, the status and the messages around it.
	g := example("google.429", "rateLimitExceeded")["error"].(map[string]any)
	if g["code"] != float64(429) || g["message"] != "Too many requests." {
		t.Errorf("google.429: status or message not filled in: %v", g)
	}
	if r := g["errors"].([]any)[0].(map[string]any); r["reason"] != "rateLimitExceeded" || r["domain"] != "global" {
		t.Errorf("google.429: code not filled in, or the rest changed: %v", r)
	}
	reason := schemas["google.Error"].(map[string]any)["properties"].(map[string]any)["error"].(map[string]any)["properties"].(map[string]any)["errors"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["reason"]
	if diff := cmp.Diff(map[string]any{"$ref": "#/components/schemas/google.ErrorCode"}, reason); diff != "" {
		t.Errorf("google: the code member should refer to the enum (-want +got):\n%s", diff)
	}
	// Integer codes stay numbers; a status enum and a too short maxLength are loosened.
	if n := example("numeric.404", "4041"); n["code"] != float64(4041) || n["status"] != float64(404) || n["msg"] != "No such thing" {
		t.Errorf("numeric.404: %v", n)
	}
	// A schema without an example: a value built from the schema.
	if ty := example("typed.429", "RATE_LIMITED"); ty["code"] != "RATE_LIMITED" || ty["message"] != "Slow down" || ty["meta"] == nil {
		t.Errorf("typed.429: %v", ty)
	}
	// A schema that rejects its own example gives way to one derived from the example.
	if d := schemas["liar.Error"].(map[string]any)["description"].(string); !strings.Contains(d, "does not fit") {
		t.Errorf("liar.Error description: %q", d)
	}
	// $defs are hoisted into components.
	if _, ok := schemas["numeric.Error.Details"]; !ok {
		t.Error("numeric: $defs not hoisted")
	}
	if strings.Contains(string(build(t, richCatalog(), V31, JSON)), "#/$defs/") {
		t.Error("a reference to #/$defs/ is left in the document")
	}
}

func TestVersion30(t *testing.T) {
	data := string(build(t, richCatalog(), V30, JSON))
	for _, bad := range []string{`"examples": [`, `"const"`, `"$schema"`, `"type": [`} {
		if strings.Contains(data, bad) {
			t.Errorf("the 3.0 document holds %s", bad)
		}
	}
	schemas, _ := components(t, richCatalog(), V30)
	retry := schemas["typed.Error"].(map[string]any)["properties"].(map[string]any)["retryAfter"].(map[string]any)
	if retry["type"] != "number" || retry["nullable"] != true {
		t.Errorf("typed retryAfter in 3.0: %v, want type number, nullable", retry)
	}
	if _, ok := schemas["web3.JsonRpcError"].(map[string]any)["example"]; !ok {
		t.Error("3.0 schema examples should become example")
	}
}

func TestSettings(t *testing.T) {
	c := richCatalog()
	opts := Options{Settings: Settings{
		Info:    Info{Title: "Store errors", Version: "2024-06-01", Description: "Errors.", License: &License{Name: "Apache 2.0", Identifier: "Apache-2.0", URL: "https://www.apache.org/licenses/LICENSE-2.0"}},
		Servers: []Server{{URL: "https://api.example.com", Description: "production"}},
	}}
	for _, v := range versions {
		opts.Version = v
		d, err := Build(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := d.Marshal(JSON)
		doc, err := validateDoc(data)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Info.Title != "Store errors" || doc.Info.Version != "2024-06-01" || doc.Info.Description != "Errors." {
			t.Errorf("%s: info %+v", v, doc.Info)
		}
		if len(doc.Servers) != 1 || doc.Servers[0].URL != "https://api.example.com" {
			t.Errorf("%s: servers %v", v, doc.Servers)
		}
		if doc.Paths == nil || doc.Paths.Len() != 0 || !strings.Contains(string(data), `"paths": {}`) {
			t.Errorf("%s: paths should be empty", v)
		}
		if doc.ExternalDocs == nil || doc.ExternalDocs.URL != c.BaseURL {
			t.Errorf("%s: externalDocs should point at the catalog", v)
		}
		l := doc.Info.License
		if v == V30 && (l.Name != "Apache 2.0" || l.URL == "" || strings.Contains(string(data), "identifier")) {
			t.Errorf("3.0 license: %+v", l)
		}
		if v == V31 && !strings.Contains(string(data), `"identifier": "Apache-2.0"`) {
			t.Errorf("3.1 license should keep its identifier")
		}
	}
	// Defaults: the catalog's title, version 1.0.0, server "/".
	d, _ := Build(c, Options{})
	data, _ := d.Marshal(JSON)
	doc, _ := validateDoc(data)
	if doc.Info.Title != c.Title || doc.Info.Version != "1.0.0" || len(doc.Servers) != 1 || doc.Servers[0].URL != "/" {
		t.Errorf("defaults: info %+v servers %v", doc.Info, doc.Servers)
	}
	if _, err := Build(c, Options{Settings: Settings{Servers: []Server{{Description: "no url"}}}}); err == nil {
		t.Error("a server without a url should be an error")
	}
	if _, err := Build(c, Options{Version: "2.0"}); err == nil {
		t.Error("version 2.0 should be an error")
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Version{"3.1": V31, "3.1.0": V31, "3.0": V30, "3.0.3": V30} {
		if got, err := ParseVersion(in); err != nil || got != want {
			t.Errorf("ParseVersion(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "2.0", "3", "3.10", "4.0"} {
		if _, err := ParseVersion(in); err == nil {
			t.Errorf("ParseVersion(%q) should fail", in)
		}
	}
	for in, want := range map[string]Format{"yaml": YAML, "YML": YAML, "json": JSON} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) should fail")
	}
}

func TestVarName(t *testing.T) {
	for code, want := range map[string]string{
		"TokenExpired": "TOKEN_EXPIRED", "TOKEN_EXPIRED": "TOKEN_EXPIRED", "400102001": "CODE_400102001",
		"-32601": "MINUS_32601", "accessNotConfigured": "ACCESS_NOT_CONFIGURED", "-1": "MINUS_1",
	} {
		if got := varName(code); got != want {
			t.Errorf("varName(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestKinSees31: kin-openapi reads the 3.1 document as 3.1 (so that its JSON Schema 2020-12
// rules apply to the examples).
func TestKinSees31(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(build(t, richCatalog(), V31, YAML))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Error("kin-openapi does not see the document as 3.1")
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestYAMLKeepsBlankishLines: text with a line of only spaces reads back unchanged, and no
// line of the YAML ends in a space or a tab (blank lines of literal blocks included).
func TestYAMLKeepsBlankishLines(t *testing.T) {
	for _, text := range []string{"first\n   \nthird", "first\n\nthird\n", "tab\n\t\nend"} {
		v := newMap().set("description", text).set("list", []any{newMap().set("x", "a\nb")})
		data, err := marshalYAML(v)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeYAML(data)
		if err != nil {
			t.Fatal(err)
		}
		if !equal(back, v) {
			t.Errorf("%q does not read back:\n%s", text, data)
		}
		if reTrailingSpace.Match(data) {
			t.Errorf("a line ends in white space:\n%s", data)
		}
	}
}

var reTrailingSpace = regexp.MustCompile(`(?m)[ \t]$`)

// TestSchemasConsumersAccept walks every schema of the default document for the shapes
// that broke the tools the output is fed to: a list of several types (oapi-codegen stops
// on it, openapi-typescript makes its object branch Record<string, never>) and a type
// array without items (Spectral's array-items). An "any value" is an untyped schema.
func TestSchemasConsumersAccept(t *testing.T) {
	for _, v := range versions {
		var doc map[string]any
		if err := json.Unmarshal(build(t, defaultCatalog(t), v, JSON), &doc); err != nil {
			t.Fatal(err)
		}
		var walk func(path string, n any)
		walk = func(path string, n any) {
			switch n := n.(type) {
			case map[string]any:
				if types, ok := n["type"].([]any); ok {
					nonNull := 0
					for _, x := range types {
						if x != "null" {
							nonNull++
						}
					}
					if nonNull > 1 {
						t.Errorf("%s: %s: type lists %d types", v, path, nonNull)
					}
				}
				if n["type"] == "array" && n["items"] == nil {
					t.Errorf("%s: %s: type array without items", v, path)
				}
				for k, x := range n {
					walk(path+"/"+k, x)
				}
			case []any:
				for i, x := range n {
					walk(fmt.Sprintf("%s/%d", path, i), x)
				}
			}
		}
		walk("#/components/schemas", doc["components"].(map[string]any)["schemas"])
	}
}

// TestEveryResolutionAndJSONRPCCode: every entry's resolution is in the document (in its
// example's description), and a JSON-RPC error schema has an example per code.
func TestEveryResolutionAndJSONRPCCode(t *testing.T) {
	c := defaultCatalog(t)
	data := string(build(t, c, V31, JSON))
	n := 0
	for _, s := range c.Services {
		for _, e := range s.Entries {
			if e.Resolution == "" {
				continue
			}
			n++
			q, _ := json.Marshal("**Resolution:** " + strings.TrimSpace(e.Resolution))
			if !strings.Contains(data, strings.Trim(string(q), `"`)) {
				t.Errorf("%s %s: resolution missing", s.ID, e.Code)
			}
		}
	}
	if n == 0 {
		t.Fatal("the default content has no resolution to look for")
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Examples []map[string]any `json:"examples"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Services {
		codes := map[string]bool{}
		for _, e := range s.Entries {
			if e.Protocol == catalog.JSONRPC {
				codes[e.Code] = true
			}
		}
		if len(codes) == 0 {
			continue
		}
		got := map[string]bool{}
		for _, ex := range doc.Components.Schemas[s.ID+".JsonRpcError"].Examples {
			got[fmt.Sprint(ex["code"])] = true
		}
		if len(got) != len(codes) {
			t.Errorf("%s: JSON-RPC examples for %d codes, want %d", s.ID, len(got), len(codes))
		}
	}
}
