package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"docgen/catalog"
)

// Diagnostics writes diagnostics one per line, then the hint of Unrecognised (with
// parseArgs).
func Diagnostics(w io.Writer, diags catalog.Diagnostics, parseArgs func(file string) []string) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
	Unrecognised(w, diags, parseArgs)
}

// Unrecognised says, once per source that no reader recognised, how to see what each
// reader made of it: the docgen parse command, with the flags parseArgs gives for the
// file (--config PATH, --no-config; parseArgs may be nil) so that docgen parse reads it
// with the config the diagnostics came from.
func Unrecognised(w io.Writer, diags catalog.Diagnostics, parseArgs func(file string) []string) {
	seen := map[string]bool{}
	for _, d := range diags {
		if d.Rule == catalog.RuleUnrecognised && !seen[d.Pos.File] {
			seen[d.Pos.File] = true
			var args strings.Builder
			if parseArgs != nil {
				for _, a := range parseArgs(d.Pos.File) {
					args.WriteString(" " + shellQuote(a))
				}
			}
			fmt.Fprintf(w, "docgen: to see what each reader found in %s, run: docgen parse %s%s --verbose\n", d.Pos.File, shellQuote(d.Pos.File), args.String())
		}
	}
}

// shellQuote quotes p for a POSIX shell when it needs it.
func shellQuote(p string) string {
	if p != "" && strings.IndexFunc(p, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}

// Counts says how many errors and warnings there were: "2 errors, 1 warning".
func Counts(diags catalog.Diagnostics) string {
	return Plural(diags.Count(catalog.Error), "error") + ", " + Plural(diags.Count(catalog.Warning), "warning")
}

// Plural says "1 word" or "n words".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Entries says "1 entry" or "n entries".
func Entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// jsonDiag is one diagnostic in docgen check --format json.
type jsonDiag struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

// DiagnosticsJSON writes docgen check --format json: the sources read (a service in
// several languages is read from several), the counts of c and every diagnostic.
func DiagnosticsJSON(w io.Writer, c *catalog.Catalog, sources int, diags catalog.Diagnostics) error {
	out := struct {
		Sources     int        `json:"sources"`
		Entries     int        `json:"entries"`
		Rows        int        `json:"rows"`
		Errors      int        `json:"errors"`
		Warnings    int        `json:"warnings"`
		Diagnostics []jsonDiag `json:"diagnostics"`
		// Translations is the coverage of each service written in several languages.
		Translations []jsonCoverage `json:"translations,omitempty"`
	}{
		Sources: sources, Entries: c.EntryCount(), Rows: c.RowCount(),
		Errors: diags.Count(catalog.Error), Warnings: diags.Count(catalog.Warning),
		Diagnostics: make([]jsonDiag, 0, len(diags)),
	}
	for _, d := range diags {
		out.Diagnostics = append(out.Diagnostics, jsonDiag{
			Path: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col,
			Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message,
		})
	}
	for _, s := range c.Services {
		if len(s.Translations) == 0 {
			continue
		}
		jc := jsonCoverage{Service: s.ID, Entries: len(s.Entries)}
		for _, l := range s.Langs() {
			jc.Languages = append(jc.Languages, jsonLangCoverage{l, s.Coverage(l)})
		}
		out.Translations = append(out.Translations, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

type jsonCoverage struct {
	Service   string             `json:"service"`
	Entries   int                `json:"entries"`
	Languages []jsonLangCoverage `json:"languages"`
}

type jsonLangCoverage struct {
	Lang    string `json:"lang"`
	Entries int    `json:"entries"` // the entries documented in this language
}

// Coverage returns a line per service of c written in several languages: how many of its
// entries each language documents, the default first ("wallet: ko 30/30, en 29/30").
func Coverage(c *catalog.Catalog) []string {
	var out []string
	for _, s := range c.Services {
		if len(s.Translations) == 0 {
			continue
		}
		line := s.ID + ":"
		for i, l := range s.Langs() {
			if i > 0 {
				line += ","
			}
			line += fmt.Sprintf(" %s %d/%d", l, s.Coverage(l), len(s.Entries))
		}
		out = append(out, line)
	}
	return out
}

// DiagnosticsGitHub prints GitHub Actions workflow commands, which the Actions runner turns
// into annotations on the changed files.
func DiagnosticsGitHub(w io.Writer, diags catalog.Diagnostics) error {
	for _, d := range diags {
		kind := map[catalog.Severity]string{catalog.Error: "error", catalog.Warning: "warning", catalog.Info: "notice"}[d.Severity]
		props := "file=" + ghProperty(d.Pos.File)
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		props += ",title=" + ghProperty("docgen "+d.Rule)
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", kind, props, ghData(d.Message)); err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
