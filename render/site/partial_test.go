package site

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"docgen/internal/corpus"
	"docgen/render"
)

// TestRenderPartial checks that RenderPartial writes exactly the pages it promises, each the
// bytes Render writes for the same catalog when they link to the same search index.
func TestRenderPartial(t *testing.T) {
	c := corpus.Generate(600)
	full := renderMap(t, c, Options{})
	indexDir := ""
	for rel := range full {
		if strings.HasPrefix(rel, render.SearchURL("")) {
			dir, _, _ := strings.Cut(strings.TrimPrefix(rel, render.SearchURL("")), "/")
			indexDir = render.SearchURL(dir + "/")
			break
		}
	}
	if indexDir == "" {
		t.Fatal("Render wrote no search index")
	}
	chosen := c.Services[1]
	var mu sync.Mutex
	got := map[string][]byte{}
	err := RenderPartial(c, Options{ConcurrentWrite: true}, Partial{Services: []string{chosen.ID}, IndexDir: indexDir},
		func(rel string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := got[rel]; dup {
				t.Errorf("%s written twice", rel)
			}
			got[rel] = data
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	// What it must write: the assets, the overview, 404, every status page, and every page
	// under the chosen service's folder; nothing else.
	for rel := range full {
		want := strings.HasPrefix(rel, render.AssetURL("")) || rel == "index.html" || rel == render.NotFoundURL ||
			strings.HasPrefix(rel, render.SiteDir+"status/") || strings.HasPrefix(rel, render.ServiceURL(chosen))
		if _, ok := got[rel]; ok != want {
			t.Errorf("%s: written %v, want %v", rel, ok, want)
		}
	}
	for rel, data := range got {
		if want, ok := full[rel]; !ok {
			t.Errorf("%s: written by RenderPartial, not by Render", rel)
		} else if !bytes.Equal(data, want) {
			t.Errorf("%s: differs from what Render writes", rel)
		}
	}
	if n := len(chosen.Entries); n == 0 || got[render.FilePath(render.EntryURL(chosen, chosen.Entries[n-1]))] == nil {
		t.Errorf("the chosen service's last entry page is missing")
	}
}

func TestRenderPartialNeedsIndexDir(t *testing.T) {
	c := corpus.Generate(20)
	for _, dir := range []string{"", "search", "assets/x/", "../search/x/"} {
		err := RenderPartial(c, Options{}, Partial{Services: []string{c.Services[0].ID}, IndexDir: dir},
			func(string, []byte) error { return nil })
		if err == nil {
			t.Errorf("IndexDir %q: no error", dir)
		}
	}
}
