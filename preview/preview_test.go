package preview

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"docgen/build"
)

// moduleRoot is the folder of go.mod, found before any test changes directory.
var moduleRoot, _ = filepath.Abs("..")

// TestLoadServesTheDefaultContent loads the default content into memory without cobra or
// a listener and answers requests from it: pages with the live-reload script, the 404
// page for what is not there, files docgen build writes.
func TestLoadServesTheDefaultContent(t *testing.T) {
	t.Chdir(moduleRoot)
	var published []*Site
	s := New(context.Background(), Options{Build: build.Options{}, Published: func(st *Site) { published = append(published, st) }})
	defer s.Stop()
	if err := s.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(published) != 1 || s.Site() != published[0] {
		t.Fatalf("published %d versions, want the one served", len(published))
	}
	if n := len(s.Catalog().Services); n != 5 {
		t.Errorf("%d services, want 5", n)
	}
	for _, tc := range []struct {
		path, want string
		code       int
	}{
		{"/", ReloadTag, http.StatusOK},
		{"/api-gateway/", ReloadTag, http.StatusOK},
		{"/catalog.json", `"services"`, http.StatusOK},
		{"/openapi.yaml", "openapi:", http.StatusOK},
		{"/no-such-service/", ReloadTag, http.StatusNotFound},
		{"/../content/docgen.yaml", "", http.StatusNotFound},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, tc.path, nil)
		req.Host = "127.0.0.1:8080"
		s.ServeHTTP(rec, req)
		if rec.Code != tc.code || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("GET %s: %d, want %d with %q", tc.path, rec.Code, tc.code, tc.want)
		}
	}
}
