// Package site holds the static site's page templates, stylesheet and search client under
// templates/, embedded into the binary with go:embed so that docgen is one file to install.
// It only holds them: package render/site parses and executes the templates, and this
// package imports nothing but embed.
package site

import "embed"

// Templates holds templates/: layout.html (the chrome of every page) and the templates of
// the overview, service, status and 404 pages (index.html, service.html, status.html,
// 404.html; entry pages are written in Go by render/site), style.css, docgen.js (the
// search client) and favicon.svg.
//
//go:embed templates
var Templates embed.FS
