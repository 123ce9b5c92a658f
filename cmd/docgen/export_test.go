package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The OpenAPI goldens of the default content live with package render/openapi, whose tests
// rewrite them (go test ./render/openapi/ -update). Found before any test changes directory.
var (
	openapiGolden, _   = filepath.Abs("../../render/openapi/testdata/default.openapi.yaml")
	openapi30Golden, _ = filepath.Abs("../../render/openapi/testdata/default.openapi-3.0.yaml")
	mergeTargets, _    = filepath.Abs("../../render/openapi/testdata/merge")
)

// docgen runs the command line in the current directory and returns its exit code, stdout
// and stderr.
func docgen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

// inContent moves the test into a fresh directory holding a copy of the default content.
func inContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := copyDir(contentDir, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func wantExit(t *testing.T, code int, stderr string, want int, wantErr ...string) {
	t.Helper()
	if code != want {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr)
	}
	for _, w := range wantErr {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr does not say %q:\n%s", w, stderr)
		}
	}
}

// TestExportOpenAPIDefault: docgen export openapi on the default content writes the
// golden of package render/openapi. When the readers change what they make of the
// content, go test ./render/openapi/ -update rewrites it.
func TestExportOpenAPIDefault(t *testing.T) {
	inContent(t)
	for _, tc := range []struct {
		args   []string
		golden string
	}{
		{[]string{"export", "openapi"}, openapiGolden},
		{[]string{"export", "openapi", "--openapi", "3.0"}, openapi30Golden},
	} {
		code, out, stderr := docgen(t, tc.args...)
		wantExit(t, code, stderr, 0, "written to stdout")
		if want := readFile(t, tc.golden); out != want {
			t.Errorf("docgen %s differs from %s (go test ./render/openapi/ -update rewrites it) (-want +got):\n%s",
				strings.Join(tc.args, " "), tc.golden, cmp.Diff(want, out))
		}
	}
}

func TestBuildWritesOpenAPI(t *testing.T) {
	public := buildDefault(t)
	if got, want := readFile(t, filepath.Join(public, "openapi.yaml")), readFile(t, openapiGolden); got != want {
		t.Errorf("public/openapi.yaml differs from %s", openapiGolden)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(public, "openapi.json"))), &doc); err != nil {
		t.Fatalf("public/openapi.json: %v", err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Errorf("public/openapi.json: openapi = %v", doc["openapi"])
	}
}

func TestExportOpenAPIFormats(t *testing.T) {
	inContent(t)
	for _, tc := range []struct {
		args []string
		file string
		json bool
	}{
		{[]string{"-o", "out/errors.json"}, "out/errors.json", true},
		{[]string{"-o", "errors.yml"}, "errors.yml", false},
		{[]string{"--format", "json", "-o", "errors.txt"}, "errors.txt", true},
		{[]string{"--format", "yaml", "-o", "e.json"}, "e.json", false},
		{[]string{"-q", "--format", "JSON"}, "", true},
	} {
		code, out, stderr := docgen(t, append([]string{"export", "openapi"}, tc.args...)...)
		wantExit(t, code, stderr, 0)
		if tc.file != "" {
			out = readFile(t, tc.file)
		} else if stderr != "" {
			t.Errorf("-q: stderr %q", stderr)
		}
		if got := json.Valid([]byte(out)); got != tc.json {
			t.Errorf("%v: JSON = %v, want %v", tc.args, got, tc.json)
		}
		if !strings.Contains(out, "3.1.0") {
			t.Errorf("%v: not OpenAPI 3.1", tc.args)
		}
	}
	matches, _ := filepath.Glob(".*.tmp-*")
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestExportUsage(t *testing.T) {
	inContent(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "export what?"},
		{[]string{"export", "xml"}, `unknown export "xml"`},
		{[]string{"export", "openapi", "--openapi", "2.0", "-o", "x.yaml"}, `--openapi "2.0": expected 3.1, 3.2 or 3.0`},
		{[]string{"export", "openapi", "--format", "xml", "-o", "x.yaml"}, `--format "xml": expected yaml or json`},
		{[]string{"export", "openapi", "--force", "-o", "x.yaml"}, "--force goes with --merge"},
		{[]string{"export", "openapi", "--merge", "nope.yaml", "-o", "x.yaml"}, "--merge nope.yaml: no such file"},
		{[]string{"export", "openapi", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"export", "json", "missing/", "-o", "x.yaml"}, "source missing/ does not exist"},
	} {
		code, out, stderr := docgen(t, tc.args...)
		wantExit(t, code, stderr, ExitUsage, tc.want)
		if out != "" || exists("x.yaml") {
			t.Errorf("%v wrote something", tc.args)
		}
	}
}

func TestExportSourcesWithErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "docs/errors.md", "| code | message |\n|---|---|\n| A | x | y |\n")
	for _, args := range [][]string{
		{"export", "openapi", "docs", "-o", "out.yaml"},
		{"export", "json", "docs", "-o", "out.yaml"},
	} {
		code, out, stderr := docgen(t, args...)
		wantExit(t, code, stderr, ExitSources, "docs/errors.md:3:1: error: table row has 3 cells, header has 2", "nothing written to out.yaml")
		if out != "" || exists("out.yaml") {
			t.Errorf("%v wrote something", args)
		}
	}
}

func TestExportConfig(t *testing.T) {
	dir := inContent(t)
	cfg := readFile(t, "content/docgen.yaml") + `
openapi:
  info:
    title: Example errors
    version: "2024-06-01"
    license: {name: MIT, identifier: MIT}
  servers:
    - url: https://api.example.com
      description: production
`
	writeFile(t, "content/docgen.yaml", cfg)
	code, out, stderr := docgen(t, "export", "openapi", "--format", "json")
	wantExit(t, code, stderr, 0)
	var doc struct {
		Info    map[string]any   `json:"info"`
		Servers []map[string]any `json:"servers"`
		Paths   map[string]any   `json:"paths"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Info["title"] != "Example errors" || doc.Info["version"] != "2024-06-01" || doc.Info["license"] == nil {
		t.Errorf("info %v", doc.Info)
	}
	if len(doc.Servers) != 1 || doc.Servers[0]["url"] != "https://api.example.com" {
		t.Errorf("servers %v", doc.Servers)
	}
	if doc.Paths == nil || len(doc.Paths) != 0 {
		t.Errorf("paths %v, want {}", doc.Paths)
	}
	// A misspelt setting is an error at its line.
	writeFile(t, "content/docgen.yaml", strings.Replace(cfg, "  info:\n", "  info:\n    titel: typo\n", 1))
	code, _, stderr = docgen(t, "export", "openapi", "-o", "out.yaml")
	wantExit(t, code, stderr, ExitSources, "content/docgen.yaml:", "titel")
	if exists(filepath.Join(dir, "out.yaml")) {
		t.Error("a bad config wrote output")
	}
	writeFile(t, "content/docgen.yaml", cfg+"    - description: no url\n")
	code, _, stderr = docgen(t, "export", "openapi", "-o", "out.yaml")
	wantExit(t, code, stderr, ExitSources, "a server has no url")
}

func TestExportMerge(t *testing.T) {
	inContent(t)
	target := readFile(t, filepath.Join(mergeTargets, "store.yaml"))
	writeFile(t, "api.yaml", target)

	code, out, stderr := docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "api.yaml")
	wantExit(t, code, stderr, 0, "merged OpenAPI 3.1 components of 5 services into api.yaml (", "0 replaced, 0 already there, 0 removed), written to api.yaml")
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
	merged := readFile(t, "api.yaml")
	for _, l := range strings.Split(target, "\n") {
		if !strings.Contains(merged, l) {
			t.Errorf("line %q of the target is gone", l)
		}
	}
	if !strings.Contains(merged, "    api-gateway.Error:") || !strings.Contains(merged, "  responses:\n    public-api.400:") {
		t.Error("components not merged")
	}

	// Again: nothing changes.
	code, _, stderr = docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "api.yaml")
	wantExit(t, code, stderr, 0, "(0 added, 0 replaced")
	if readFile(t, "api.yaml") != merged {
		t.Error("merging twice differs from merging once")
	}
	// To stdout without -o.
	code, out, stderr = docgen(t, "export", "openapi", "--merge", "api.yaml")
	wantExit(t, code, stderr, 0, "written to stdout")
	if out != merged {
		t.Error("merge to stdout differs")
	}

	// A component edited by hand: an error naming its line, the file untouched.
	tampered := strings.Replace(merged, "`400102001`: Invalid Swagger file.", "`400102001`: Bad Swagger file.", 1)
	writeFile(t, "api.yaml", tampered)
	code, _, stderr = docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "api.yaml")
	wantExit(t, code, stderr, ExitSources, "components.responses.api-gateway.400 exists with other content",
		"1 component of api.yaml exists with other content; nothing written (--force replaces them)")
	line := strings.Count(tampered[:strings.Index(tampered, "    api-gateway.400:")], "\n") + 1
	if !strings.Contains(stderr, "api.yaml:"+itoa(line)+":5: ") {
		t.Errorf("stderr does not name line %d:\n%s", line, stderr)
	}
	if readFile(t, "api.yaml") != tampered {
		t.Error("a refused merge changed the target")
	}
	code, _, stderr = docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "api.yaml", "--force")
	wantExit(t, code, stderr, 0, "1 replaced")
	if readFile(t, "api.yaml") != merged {
		t.Error("--force did not put the component back as docgen writes it")
	}

	// Flags that do not fit the target.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--openapi", "3.0"}, "--openapi 3.0: api.yaml is OpenAPI 3.1"},
		{[]string{"--format", "json"}, "--format json: api.yaml is YAML"},
		{[]string{"-o", "api.json"}, "-o api.json: the merged document is YAML"},
	} {
		code, _, stderr = docgen(t, append([]string{"export", "openapi", "--merge", "api.yaml"}, tc.args...)...)
		wantExit(t, code, stderr, ExitUsage, tc.want)
		if exists("api.json") || readFile(t, "api.yaml") != merged {
			t.Errorf("%v wrote something", tc.args)
		}
	}
}

func TestExportMergeJSON(t *testing.T) {
	inContent(t)
	writeFile(t, "api.json", readFile(t, filepath.Join(mergeTargets, "store.json")))
	code, _, stderr := docgen(t, "export", "openapi", "--merge", "api.json", "-o", "merged.json")
	wantExit(t, code, stderr, 0)
	merged := readFile(t, "merged.json")
	if !json.Valid([]byte(merged)) {
		t.Fatal("the merged JSON document is not JSON")
	}
	if !strings.HasPrefix(merged, "{\n    \"openapi\": \"3.1.0\",\n    \"info\": {\n") {
		t.Errorf("the target's layout changed:\n%.200s", merged)
	}
}

func TestExportMergeBadTargets(t *testing.T) {
	inContent(t)
	for _, tc := range []struct {
		name, target, want string
	}{
		{"swagger", readFile(t, filepath.Join(mergeTargets, "swagger.yaml")), "api.yaml:2:1: is a Swagger 2.0 (OpenAPI 2.0) document"},
		{"broken", "openapi: 3.1.0\ninfo: {title: [}\n", "api.yaml:2:"},
		{"not openapi", "name: my service\nversion: 2\n", `api.yaml:1:5: is not an OpenAPI document: no "openapi" field`},
		{"a list", "- a\n- b\n", "api.yaml:1:1: is not an OpenAPI document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			writeFile(t, "api.yaml", tc.target)
			code, out, stderr := docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "api.yaml")
			wantExit(t, code, stderr, ExitSources, tc.want, "nothing written")
			if out != "" || readFile(t, "api.yaml") != tc.target {
				t.Error("the target was changed")
			}
			code, _, stderr = docgen(t, "export", "openapi", "--merge", "api.yaml", "-o", "other.yaml")
			wantExit(t, code, stderr, ExitSources, tc.want)
			if exists("other.yaml") {
				t.Error("-o was written")
			}
		})
	}
}

func TestExportJSON(t *testing.T) {
	public := buildDefault(t)
	want := readFile(t, filepath.Join(public, "catalog.json"))
	code, out, stderr := docgen(t, "export", "json")
	wantExit(t, code, stderr, 0, "written to stdout")
	if out != want {
		t.Errorf("docgen export json differs from the catalog.json of docgen build")
	}
	code, out, stderr = docgen(t, "export", "json", "-q", "-o", "cat/catalog.json")
	wantExit(t, code, stderr, 0)
	if out != "" || stderr != "" || readFile(t, "cat/catalog.json") != want {
		t.Errorf("-o -q: stdout %q, stderr %q", out, stderr)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
