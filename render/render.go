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
	"strconv"

	"docgen/catalog"
)

// ServiceURL returns the site-relative URL of a service's page: "api-gateway/".
func ServiceURL(s *catalog.Service) string { return s.ID + "/" }

// EntryURL returns the site-relative URL of an entry's permanent page:
// "api-gateway/400102001/". It is the catalog.URLFunc of every output.
func EntryURL(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" }

// StatusURL returns the site-relative URL of the page of one status across services:
// "status/404/".
func StatusURL(st catalog.Status) string { return "status/" + strconv.Itoa(int(st)) + "/" }

// ReservedServiceIDs are top-level names of the site that a service ID must not take.
var ReservedServiceIDs = map[string]bool{
	"status": true, "search": true, "assets": true, "catalog": true, "openapi": true, "404": true,
}

// WriteJSON writes catalog.json and its JSON Schema, catalog.schema.json, into o.
func WriteJSON(o *Output, c *catalog.Catalog) error {
	var buf bytes.Buffer
	if err := catalog.EncodeJSON(&buf, c, EntryURL); err != nil {
		return err
	}
	if err := o.WriteFile("catalog.json", buf.Bytes()); err != nil {
		return err
	}
	if err := o.WriteFile(catalog.SchemaFile, catalog.JSONSchema); err != nil {
		return fmt.Errorf("write schema: %w", err)
	}
	return nil
}
