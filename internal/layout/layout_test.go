package layout

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rules lists, per package directory, the non-standard imports it may use (module-local
// packages by their directory, others by path prefix). A package missing from the list
// fails the test, so a new package must say where it stands. Test files are not checked.
var rules = map[string][]string{
	"catalog":        {},
	"parse/doc":      {"catalog"},
	"parse/rst":      {"catalog", "parse/doc"},
	"parse/asciidoc": {"catalog", "parse/doc"},
	"parse/code":     {"catalog", "parse/doc", "parse/rst", "github.com/bufbuild/protocompile"},
	// Sources' YAML is read with go.yaml.in/yaml/v3 (yaml.v3's maintained continuation),
	// whose parser is linear in its input; goccy/go-yaml's is not, and stays for the
	// config and for writing.
	"parse/data": {"catalog", "parse/doc", "github.com/go-json-experiment/json", "go.yaml.in/yaml/v3",
		"github.com/pelletier/go-toml/v2"},
	// Front matter is decoded with the same go.yaml.in/yaml/v3: the front matter
	// extension hands parse the raw YAML, which frontmatter.go decodes in a linear way.
	"parse": {"catalog", "parse/doc", "parse/rst", "parse/asciidoc", "parse/code", "parse/data", "github.com/yuin/goldmark", "go.abhg.dev/goldmark/frontmatter",
		"go.yaml.in/yaml/v3", "github.com/PuerkitoBio/goquery", "golang.org/x/text", "golang.org/x/net/html"},
	"render":          {"catalog", "golang.org/x/sys/unix"},
	"render/site":     {"catalog", "render", "render/jsontree", "render/search", "site", "github.com/yuin/goldmark"},
	"render/search":   {"catalog", "github.com/kljensen/snowball"},
	"render/openapi":  {"catalog", "render", "render/jsontree", "internal/yamlguard", "github.com/goccy/go-yaml"},
	"render/jsontree": {"github.com/go-json-experiment/json"},
	"site":            {},
	"build": {"catalog", "parse", "render", "render/openapi", "render/search", "render/site",
		"internal/yamlguard", "github.com/goccy/go-yaml", "golang.org/x/text/language"},
	"preview":    {"build", "catalog", "render", "github.com/fsnotify/fsnotify"},
	"report":     {"catalog", "github.com/schollz/progressbar/v3", "golang.org/x/term"},
	"cmd/docgen": {"*"},
	"internal":   {"*"},
}

const module = "docgen/"

func TestImportRules(t *testing.T) {
	root := "../.."
	imports := map[string]map[string]bool{} // package dir -> imports
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "public") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		dir = filepath.ToSlash(dir)
		if imports[dir] == nil {
			imports[dir] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			imports[dir][path] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"catalog", "parse", "render", "build", "preview", "report", "cmd/docgen"} {
		if imports[want] == nil {
			t.Errorf("package %s not found: is the test looking at the right tree?", want)
		}
	}
	for dir, imps := range imports {
		allowed, ok := rulesFor(dir)
		if !ok {
			t.Errorf("package %s has no import rule: add it to rules in internal/layout", dir)
			continue
		}
		if slices.Contains(allowed, "*") {
			continue
		}
		for imp := range imps {
			if isStd(imp) || permitted(imp, allowed) {
				continue
			}
			t.Errorf("%s imports %s; it may import only the standard library and %v", dir, imp, allowed)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at the module root: %v", err)
	}
}

// rulesFor returns the rule of dir, or of its nearest listed parent for internal/.
func rulesFor(dir string) ([]string, bool) {
	if r, ok := rules[dir]; ok {
		return r, true
	}
	if strings.HasPrefix(dir, "internal/") {
		return rules["internal"], true
	}
	return nil, false
}

func permitted(imp string, allowed []string) bool {
	for _, a := range allowed {
		if strings.Contains(a, ".") {
			if imp == a || strings.HasPrefix(imp, a+"/") {
				return true
			}
		} else if imp == module+a {
			return true
		}
	}
	return false
}

// isStd reports whether an import path is the standard library's: its first element has no
// dot and it is not this module's.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && !strings.HasPrefix(path, module)
}

// TestREADMELayout checks the README's "How the code is laid out": every folder that holds
// Go code has its line, and every folder named there exists.
func TestREADMELayout(t *testing.T) {
	root := "../.."
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## How the code is laid out\n")
	if !ok {
		t.Fatal(`README.md has no section "How the code is laid out"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	listed := map[string]bool{}
	for line := range strings.SplitSeq(section, "\n") {
		if rest, ok := strings.CutPrefix(line, "| `"); ok {
			dir, _, _ := strings.Cut(rest, "`")
			listed[strings.TrimSuffix(dir, "/")] = true
		}
	}
	for dir := range listed {
		if fi, err := os.Stat(filepath.Join(root, dir)); err != nil || !fi.IsDir() {
			t.Errorf("README names %s/, which is not a folder", dir)
		}
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "public") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") {
			return nil
		}
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		if dir = filepath.ToSlash(dir); dir != "." && !listed[dir] {
			listed[dir] = true // once
			t.Errorf("%s/ holds Go code but has no line in the README's layout", dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
