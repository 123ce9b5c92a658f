// Package site holds the static site's page templates, stylesheet and search client under
// templates/, embedded into the binary with go:embed so that docgen is one file to install.
// It only holds them: package render/site parses and executes the templates, and this
// package imports nothing but embed.
package site
