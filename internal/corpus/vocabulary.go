package corpus

import (
	"fmt"

	"docgen/catalog"
)

// VocabularyCatalog returns a catalog with one entry for each group of phrases, whose
// message is the group's first phrase, so that an index of it has every group's concept:
// the search tests check the synonym vectors (render/search/testdata/synonym_vectors.txt)
// on it, in Go and in the browser.
func VocabularyCatalog(groups [][]string) *catalog.Catalog {
	s := &catalog.Service{ID: "vocabulary", Title: "Vocabulary", Lang: "en", Source: "vocabulary.txt"}
	for i, g := range groups {
		if len(g) == 0 {
			continue
		}
		code := fmt.Sprintf("V%04d", i)
		s.Entries = append(s.Entries, &catalog.Entry{ID: code, Code: code, Protocol: catalog.HTTP,
			Message: g[0], Source: catalog.Pos{File: "vocabulary.txt", Line: i + 1, Col: 1}})
	}
	return &catalog.Catalog{Title: "Vocabulary", Lang: "en", Services: []*catalog.Service{s}}
}
