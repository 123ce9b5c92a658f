package site

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"docgen/internal/corpus"
)

var reHash = regexp.MustCompile(`(-/search/|\.)[0-9a-f]{10}(/|\.(?:css|js|svg))`)

var update = flag.Bool("update", false, "rewrite testdata/pages.txtar from the pages rendered now")

// TestPagesGolden renders the fixture catalog (variants, fields, JSON-RPC, no status, an
// empty service, bidirectional controls), in Korean and in English with a base URL, and
// compares every HTML page, byte for byte, with testdata/pages.txtar. The Go writers of
// entry pages and entry tables are the pages' only definition: a change to a page shows
// here, and go test -update (make golden) takes it once it is meant.
func TestPagesGolden(t *testing.T) {
	var got txtar.Archive
	for _, variant := range []string{"ko", "en-base-url"} {
		c := corpus.Fixture()
		if variant == "en-base-url" {
			c.Lang, c.BaseURL = "en", "https://errors.example.com/docs/"
		}
		files := renderMap(t, c, Options{})
		var names []string
		for name := range files {
			if strings.HasSuffix(name, ".html") {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		whole := map[string]bool{"index.html": true, "404.html": true, names[0]: true}
		for _, name := range names {
			data := files[name]
			if !whole[name] {
				// The chrome around <main> is layout.html's, the same on every page but
				// for a few values: kept whole on a few pages, main alone on the others.
				data = mainPart(data)
			}
			// Content hashes change with the search index and the assets, which are not
			// what this test is about.
			data = reHash.ReplaceAll(data, []byte("${1}HASH$2"))
			got.Files = append(got.Files, txtar.File{Name: variant + "/" + name, Data: data})
		}
	}
	golden := filepath.Join("testdata", "pages.txtar")
	if *update {
		if err := os.WriteFile(golden, txtar.Format(&got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	wantFiles := map[string]string{}
	for _, f := range want.Files {
		wantFiles[f.Name] = string(f.Data)
	}
	for _, f := range got.Files {
		w, ok := wantFiles[f.Name]
		if !ok {
			t.Errorf("%s: a page the golden does not have", f.Name)
			continue
		}
		delete(wantFiles, f.Name)
		if d := cmp.Diff(strings.Split(w, "\n"), strings.Split(string(f.Data), "\n")); d != "" {
			t.Errorf("%s differs from the golden (-want +got):\n%s", f.Name, d)
		}
	}
	for name := range wantFiles {
		t.Errorf("%s: in the golden, not rendered", name)
	}
}

// mainPart returns the <main> element of a page.
func mainPart(page []byte) []byte {
	s := string(page)
	i, j := strings.Index(s, "<main"), strings.LastIndex(s, "</main>")
	if i < 0 || j < i {
		return page
	}
	return []byte(s[i:j+len("</main>")] + "\n")
}
