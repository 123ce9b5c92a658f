package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"docgen/catalog"
)

// contentDir is the default content, found before any test changes directory.
var contentDir, _ = filepath.Abs("../../content")

// buildDefault builds a copy of the default content in a fresh directory and returns the
// output directory.
func buildDefault(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := copyDir(contentDir, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var out, errb bytes.Buffer
	if code := Main([]string{"build", "--quiet"}, nil, &out, &errb); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, errb.String())
	}
	return filepath.Join(dir, "public")
}

// readTree returns every file under dir by its slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildIsDeterministic builds the default content twice, in two directories, and
// compares every byte.
func TestBuildIsDeterministic(t *testing.T) {
	a := readTree(t, buildDefault(t))
	b := readTree(t, buildDefault(t))
	if len(a) == 0 {
		t.Fatal("the build wrote nothing")
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("first build wrote %d files, second %d", len(a), len(b))
	}
}

// TestBuiltCatalogMatchesSchema validates public/catalog.json against the published
// public/catalog.schema.json with a real JSON Schema 2020-12 validator.
func TestBuiltCatalogMatchesSchema(t *testing.T) {
	out := buildDefault(t)
	schemaDoc := mustJSON(t, filepath.Join(out, catalog.SchemaFile))
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(catalog.SchemaFile, schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(catalog.SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(mustJSON(t, filepath.Join(out, "catalog.json"))); err != nil {
		t.Errorf("public/catalog.json does not match its schema: %v", err)
	}
	f, err := os.Open(filepath.Join(out, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cat, err := catalog.DecodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Services) != 5 {
		t.Errorf("services = %d, want 5", len(cat.Services))
	}
	for _, s := range cat.Services[:2] {
		want := map[string]int{"public-api": 50, "api-gateway": 86}[s.ID]
		if s.RowCount() != want {
			t.Errorf("%s: %d rows, want %d", s.ID, s.RowCount(), want)
		}
	}
}

func mustJSON(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}
