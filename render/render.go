// Package render owns what every output of docgen shares: the URL scheme (one function for
// every link to a service, an entry or a status page) and the output writer, which builds an
// output directory in a temporary directory beside the target and renames it into place only
// when everything succeeded, so that a failed or interrupted build never leaves a
// half-written folder. The site, the search index and the OpenAPI document live in
// subpackages; this package also writes the JSON catalog. It reads only the catalog model,
// never source text.
package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"docgen/catalog"
)

// ServiceURL returns the site-relative URL of a service's page: "api-gateway/".
func ServiceURL(s *catalog.Service) string { return s.ID + "/" }

// EntryURL returns the site-relative URL of an entry's permanent page:
// "api-gateway/400102001/". It is the catalog.URLFunc of every output.
func EntryURL(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" }

// LangURL returns the site-relative URL of the page u (a service's or an entry's, as
// ServiceURL and EntryURL give it) in language lang of a service whose default language
// is def: u itself in the default language, which keeps the permanent, language-neutral
// URLs; else u under the language's folder: "en/api-gateway/400102001/".
func LangURL(lang, def, u string) string {
	if lang == "" || lang == def {
		return u
	}
	return lang + "/" + u
}

// SiteDir is the folder of the site's own pages and files (status pages, assets, the search
// index): "-/", a name that no service ID can take (see CheckServiceID), as GitLab keeps
// "/-/" for its own pages beside user and project names. So any file name works as a
// service (status.md, search.md, assets.md), and services' URLs stay where they are.
const SiteDir = "-/"

// StatusURL returns the site-relative URL of the page of one status across services:
// "-/status/404/".
func StatusURL(st catalog.Status) string { return SiteDir + "status/" + strconv.Itoa(int(st)) + "/" }

// HomeURL returns the site-relative URL of the overview page: "" (the site's root).
func HomeURL() string { return "" }

// AssetURL returns the site-relative URL of a static asset of the site, such as the
// content-hashed stylesheet: "-/assets/style.0123456789.css".
func AssetURL(name string) string { return SiteDir + "assets/" + name }

// SearchURL returns the site-relative URL of a file of the search index; name is relative to
// the index's folder, which carries the index's content hash: "-/search/0123456789/m.js".
func SearchURL(name string) string { return SiteDir + "search/" + name }

// The site-relative URLs of the site's single files.
const (
	CatalogURL  = "catalog.json" // the JSON catalog
	NotFoundURL = "404.html"     // the page a web server shows for a missing URL
	SitemapURL  = "sitemap.xml"  // the sitemap for search engines
)

// FilePath returns the slash-separated path, inside the output, of the file that serves the
// site-relative URL u: a folder URL ("api-gateway/", or "" for the root) is served by its
// index.html.
func FilePath(u string) string {
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	return u
}

// Link returns the relative link from the page at site-relative URL from to the site-relative
// URL to (which may carry a "#fragment"). A folder URL gets "index.html" appended, so that
// links also work when the site is opened from disk (file://), where a folder shows as a
// listing: Link("api-gateway/400102001/", "-/status/400/") is "../../-/status/400/index.html".
func Link(from, to string) string {
	to, frag, hasFrag := strings.Cut(to, "#")
	l := strings.Repeat("../", strings.Count(from, "/")) + FilePath(to)
	if hasFrag {
		l += "#" + frag
	}
	return l
}

// RootLink returns the relative link from the page at site-relative URL from to the site's
// root folder: "" at the root, "../../" from an entry page.
func RootLink(from string) string { return strings.Repeat("../", strings.Count(from, "/")) }

// AbsURL returns the absolute URL of the site-relative URL u under base (the site's
// published address, as configured), or "" when base is empty.
func AbsURL(base, u string) string {
	if base == "" {
		return ""
	}
	return strings.TrimSuffix(base, "/") + "/" + u
}

// rootFiles are the names of the files at the top of an output, which a service's folder
// must not take.
var rootFiles = map[string]bool{
	"index.html": true, CatalogURL: true, "catalog.schema.json": true, NotFoundURL: true, SitemapURL: true,
	"openapi.yaml": true, "openapi.json": true, StampFile: true,
}

// CheckServiceID returns why id cannot name a service's folder, or nil. IDs made from file
// names are slugs (letters, digits and inner hyphens) and always can; an id set in
// docgen.yaml must not be empty, start with "-" or ".", hold a slash, or be the name of
// one of the site's top-level files.
func CheckServiceID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("service id is empty")
	case strings.HasPrefix(id, "-") || strings.HasPrefix(id, "."):
		return fmt.Errorf("service id %q starts with %q: the site keeps such names for its own files", id, id[:1])
	case strings.ContainsAny(id, "/\\"):
		return fmt.Errorf("service id %q holds a slash: expected one folder name", id)
	case rootFiles[id]:
		return fmt.Errorf("service id %q is the name of one of the site's own files", id)
	}
	return nil
}

// Writer is where renderers put files: an Output on disk for docgen build, memory for docgen
// serve. WriteFile takes a slash-separated path relative to the site's root and must be
// safe for concurrent use. The caller may reuse data once WriteFile returns: a Writer that
// keeps it must copy it.
type Writer interface {
	WriteFile(rel string, data []byte) error
}

// Creator is a Writer that can also take a file as a stream, for outputs too large to hold
// in memory whole (the OpenAPI document of 100,000 codes is 145 MB). The file counts as
// written once Close returns nil; a file whose Close is never called is not part of the
// output.
type Creator interface {
	Writer
	Create(rel string) (io.WriteCloser, error)
}

// Create opens the file rel of o for streaming: o's own Create when it has one, otherwise a
// buffer handed to WriteFile on Close.
func Create(o Writer, rel string) (io.WriteCloser, error) {
	if c, ok := o.(Creator); ok {
		return c.Create(rel)
	}
	return &bufferedFile{o: o, rel: rel}, nil
}

type bufferedFile struct {
	bytes.Buffer
	o   Writer
	rel string
}

func (f *bufferedFile) Close() error { return f.o.WriteFile(f.rel, f.Bytes()) }

// WriteJSON writes catalog.json and its JSON Schema, catalog.schema.json, into o.
func WriteJSON(o Writer, c *catalog.Catalog) error {
	f, err := Create(o, "catalog.json")
	if err != nil {
		return err
	}
	if err := catalog.EncodeJSON(f, c, EntryURL); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := o.WriteFile(catalog.SchemaFile, catalog.JSONSchema); err != nil {
		return fmt.Errorf("write schema: %w", err)
	}
	return nil
}
