// Command hugoexport turns a docgen JSON catalog into a Hugo site with one page per error,
// the way a team without docgen would publish its error codes: a content section per
// service (its page lists its codes), a page per entry at <service>/<entry-id>/ (the same
// URL scheme as docgen's site), and a minimal layout written beside the content, no theme.
// Entry pages mark their <main> with data-pagefind-body, so that Pagefind indexes one page
// per error and nothing else. It is the Hugo side of make bench-compare
// (scripts/bench-compare.sh).
//
// Usage:
//
//	docgen export json SOURCES... -o catalog.json
//	go run ./internal/hugoexport -catalog catalog.json -out hugo-site
//	hugo --source hugo-site && pagefind --site hugo-site/public
//
// Front matter is JSON (Hugo reads it), so that any text is escaped correctly. The whole
// site is written in one language, -lang (default ko), so that Pagefind builds one index
// for every page rather than one per language. The output folder must be empty or missing.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"docgen/catalog"
)

// main runs the command and exits 1 on an error.
func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "hugoexport:", err)
		os.Exit(1)
	}
}

// run parses the flags, reads the catalog and writes the site.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("hugoexport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("catalog", "", "the JSON catalog to read (docgen export json)")
	out := fs.String("out", "", "the Hugo site folder to write (must be empty or missing)")
	lang := fs.String("lang", "ko", "the language of the whole site (html lang, Hugo languageCode)")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || *out == "" {
		return errors.New("give -catalog FILE and -out DIR")
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	c, err := catalog.DecodeJSON(bufio.NewReader(f))
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", *in, err)
	}
	if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is not empty", *out)
	}
	pages, err := write(c, *out, *lang)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "hugoexport: %d services, %d entry pages written to %s\n", len(c.Services), pages, *out)
	}
	return nil
}

// write writes the site: config, layouts, a section per service and a page per entry. It
// returns the number of entry pages.
func write(c *catalog.Catalog, dir, lang string) (int, error) {
	title := c.Title
	if title == "" {
		title = "Error codes"
	}
	files := map[string]string{
		"hugo.toml": fmt.Sprintf("baseURL = \"/\"\ntitle = %s\nlanguageCode = %q\ndefaultContentLanguage = %q\n"+
			"disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\nenableRobotsTXT = false\n", tomlString(title), lang, lang),
		"layouts/_default/baseof.html": baseof,
		"layouts/_default/single.html": single,
		"layouts/_default/list.html":   list,
		"layouts/index.html":           home,
		"layouts/404.html":             notFound,
		"static/style.css":             style,
		"content/_index.md":            frontMatter(map[string]any{"title": title}) + "\n",
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			return 0, err
		}
	}
	pages := 0
	for i, s := range c.Services {
		sdir := filepath.Join(dir, "content", s.ID)
		fm := frontMatter(map[string]any{"title": s.Title, "weight": i + 1, "lang": s.Lang, "source": s.Source})
		if err := writeFile(filepath.Join(sdir, "_index.md"), fm+"\n"+s.Summary+"\n"); err != nil {
			return 0, err
		}
		for j, e := range s.Entries {
			if err := writeFile(filepath.Join(sdir, e.ID+".md"), entryPage(s, e, j)); err != nil {
				return 0, err
			}
			pages++
		}
	}
	return pages, nil
}

// entryPage is the content file of one entry: JSON front matter with its facts, and its
// description, resolution and variants as Markdown.
func entryPage(s *catalog.Service, e *catalog.Entry, weight int) string {
	p := map[string]any{
		"title":    e.Code,
		"code":     e.Code,
		"protocol": e.Protocol.String(),
		"service":  s.Title,
		"weight":   weight + 1,
	}
	if e.Status != 0 {
		p["status"] = int(e.Status)
	}
	if e.Message != "" {
		p["message"] = e.Message
	}
	if e.Group != "" {
		p["group"] = e.Group
	}
	var b strings.Builder
	b.WriteString(frontMatter(p))
	b.WriteString("\n")
	b.WriteString(e.Description)
	b.WriteString("\n")
	if e.Resolution != "" {
		b.WriteString("\n## Resolution\n\n" + e.Resolution + "\n")
	}
	for k, v := range e.Variants() {
		fmt.Fprintf(&b, "\n## Variant %d\n\n", k+2)
		if v.Message != "" {
			b.WriteString(v.Message + "\n\n")
		}
		b.WriteString(v.Description + "\n")
		if v.Resolution != "" {
			b.WriteString("\n" + v.Resolution + "\n")
		}
	}
	return b.String()
}

// frontMatter writes Hugo JSON front matter (keys sorted, as encoding/json writes maps).
func frontMatter(m map[string]any) string {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // maps of strings and ints always encode
	}
	return string(b) + "\n"
}

// tomlString writes s as a TOML basic string; JSON string escapes are valid TOML ones for
// the text a catalog title holds.
func tomlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// writeFile writes text to name, creating its folder.
func writeFile(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}

const baseof = `<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
{{ block "main" . }}{{ end }}
</body>
</html>
`

const single = `{{ define "main" }}<main data-pagefind-body>
<p><a href="{{ .Parent.RelPermalink }}">{{ .Params.service }}</a></p>
<h1><code>{{ .Params.code }}</code></h1>
<p>{{ with .Params.status }}HTTP {{ . }}{{ else }}{{ .Params.protocol }}{{ end }}{{ with .Params.group }} · {{ . }}{{ end }}</p>
{{ with .Params.message }}<p class="message">{{ . }}</p>{{ end }}
{{ .Content }}
</main>{{ end }}
`

const list = `{{ define "main" }}<main>
<h1>{{ .Title }}</h1>
{{ .Content }}
<table>
<thead><tr><th>Code</th><th>Status</th><th>Message</th></tr></thead>
<tbody>
{{ range .Pages }}<tr><td><a href="{{ .RelPermalink }}"><code>{{ .Params.code }}</code></a></td><td>{{ .Params.status }}</td><td>{{ .Params.message }}</td></tr>
{{ end }}</tbody>
</table>
</main>{{ end }}
`

const home = `{{ define "main" }}<main>
<h1>{{ site.Title }}</h1>
<ul>
{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>
{{ end }}</ul>
</main>{{ end }}
`

const notFound = `{{ define "main" }}<main><h1>Not found</h1><p><a href="{{ "/" | relURL }}">Home</a></p></main>{{ end }}
`

const style = `body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
code { font-family: ui-monospace, monospace; }
table { border-collapse: collapse; }
td, th { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; }
`
