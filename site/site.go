// Package site holds the static site's page templates, stylesheet and search client under
// templates/, embedded into the binary with go:embed so that docgen is one file to install.
// It only holds them: package render/site parses and executes the templates, and this
// package imports nothing but embed.
package site

import "embed"

// Templates holds templates/: layout.html and one template per page kind (index.html,
// service.html, entry.html, status.html, 404.html), style.css, docgen.js (the search
// client) and favicon.svg.
//
//go:embed templates
var Templates embed.FS
