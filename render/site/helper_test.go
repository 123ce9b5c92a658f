package site

import (
	"testing"

	"docgen/catalog"
)

// renderMap renders c into a map of path → content.
func renderMap(t testing.TB, c *catalog.Catalog, opts Options) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := Render(c, opts, func(rel string, data []byte) error {
		if _, dup := files[rel]; dup {
			t.Errorf("%s written twice", rel)
		}
		files[rel] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
