package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"docgen/render"
)

// moduleRoot is the folder of go.mod, found before any test changes directory.
var moduleRoot, _ = filepath.Abs("..")

// buildDefault runs a whole build of the default content (content/ and its docgen.yaml)
// in-process, as docgen build does but without the command line, into a new folder, and
// returns what it wrote.
func buildDefault(t *testing.T) map[string][]byte {
	t.Helper()
	t.Chdir(moduleRoot) // Options{} reads content/docgen.yaml from there
	l, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Diags.HasErrors() {
		t.Fatalf("the default content has errors:\n%v", l.Diags)
	}
	if n := len(l.Catalog.Services); n != 5 {
		t.Errorf("%d services, want 5", n)
	}
	if n := l.Catalog.RowCount(); n != 268 {
		t.Errorf("%d rows, want 268", n)
	}
	dir := filepath.Join(t.TempDir(), "public")
	out, err := l.Stage(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Write(out); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildDefaultContent builds the default content twice without cobra: every output is
// there, stamped as docgen's, and the two builds are the same to the byte.
func TestBuildDefaultContent(t *testing.T) {
	a := buildDefault(t)
	for _, name := range []string{"index.html", "404.html", "catalog.json", "catalog.schema.json", "openapi.yaml", "openapi.json", render.StampFile, "api-gateway/index.html"} {
		if a[name] == nil {
			t.Errorf("the build wrote no %s", name)
		}
	}
	b := buildDefault(t)
	if len(a) != len(b) {
		t.Errorf("first build wrote %d files, second %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestStageRefusesASourceFolder: an output that would replace the sources is refused as a
// usage error, and nothing is touched.
func TestStageRefusesASourceFolder(t *testing.T) {
	t.Chdir(moduleRoot)
	l, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Stage(context.Background(), "content")
	var be *Error
	if !errors.As(err, &be) || be.Kind != Usage {
		t.Fatalf("Stage(content) = %v, want a usage Error", err)
	}
	if _, err := os.Stat(filepath.Join("content", "docgen.yaml")); err != nil {
		t.Errorf("the config is gone: %v", err)
	}
}

// TestLoadUnknownIgnoreRule: --ignore of a rule docgen does not know is a usage error.
func TestLoadUnknownIgnoreRule(t *testing.T) {
	_, err := Load(context.Background(), Options{Ignore: []string{"no-such-rule"}})
	var be *Error
	if !errors.As(err, &be) || be.Kind != Usage {
		t.Fatalf("Load = %v, want a usage Error", err)
	}
}
