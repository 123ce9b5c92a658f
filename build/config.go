package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
	"golang.org/x/text/language"

	"docgen/catalog"
	"docgen/internal/yamlguard"
	"docgen/parse"
	"docgen/render"
	"docgen/render/openapi"
	"docgen/render/search"
)

// The configurations docgen uses when neither a source nor --config is named: LocalConfig
// when the working directory has one, else DefaultConfig.
const (
	LocalConfig   = "docgen.yaml"
	DefaultConfig = "content/docgen.yaml"
)

// ConfigPath returns the config file to read: --config when given, else LocalConfig when
// it exists, else DefaultConfig.
func ConfigPath(flag string) string {
	if flag != "" {
		return flag
	}
	if fi, err := os.Stat(LocalConfig); err == nil && fi.Mode().IsRegular() {
		return LocalConfig
	}
	return DefaultConfig
}

// FoundConfig returns the config docgen build reads when neither a source nor --config is
// named (see ConfigPath), or "" when there is none.
func FoundConfig() string {
	if p := ConfigPath(""); fileExists(p) {
		return p
	}
	return ""
}

// Config is docgen.yaml: the catalog's metadata and the sources with theirs.
type Config struct {
	Title   string         `yaml:"title"`
	Lang    string         `yaml:"lang"`    // the site's own words: "ko" or "en"
	BaseURL string         `yaml:"baseURL"` // absolute URL the site is published at
	Out     string         `yaml:"out"`     // output directory, relative to the working directory
	Sources []SourceConfig `yaml:"sources"`
	// OpenAPI is the info and servers docgen export openapi writes into the document
	// (an empty title is the catalog's title, an empty version "1.0.0", no servers "/"):
	//
	//	openapi:
	//	  info: {title: Example API errors, version: "2024-06-01", description: ...}
	//	  servers:
	//	    - url: https://api.example.com
	OpenAPI openapi.Settings `yaml:"openapi"`
	// Rules set what the diagnostics of a rule become for every source: error, warning or
	// ignore (a source's own rules: come first). Warnings only: errors stay errors.
	//
	//	rules:
	//	  no-description: error
	Rules Rules `yaml:"rules"`
	// Search adds synonym groups to the search's own (search.Settings).
	Search search.Settings `yaml:"search"`

	path string // where the config was read from
}

// Path returns the file the config was read from.
func (c *Config) Path() string { return c.path }

// SourceConfig is one source of the catalog.
type SourceConfig struct {
	Path  string `yaml:"path"` // relative to the config file's folder
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Lang  string `yaml:"lang"`

	// What the readers cannot guess (parse.Override; the README's "When docgen reads a
	// document wrong").
	Reader      string            `yaml:"reader"`
	Sections    []string          `yaml:"sections"`
	Columns     map[string]string `yaml:"columns"`
	CodePattern string            `yaml:"codePattern"`
	Status      any               `yaml:"status"` // none, or a number

	// Rules are Config.Rules for this source only, e.g. a warning the source is known
	// and accepted to give: {code-statuses: ignore}.
	Rules Rules `yaml:"rules"`
}

// Override returns what s says of its source for the readers.
func (s SourceConfig) Override() parse.Override {
	o := parse.Override{Reader: s.Reader, Sections: s.Sections, Columns: s.Columns, CodePattern: s.CodePattern}
	if s.Status != nil {
		o.Status = fmt.Sprint(s.Status)
	}
	return o
}

// hasRules reports whether the config sets the severity of any rule.
func (c *Config) hasRules() bool {
	if len(c.Rules) > 0 {
		return true
	}
	for _, s := range c.Sources {
		if len(s.Rules) > 0 {
			return true
		}
	}
	return false
}

// ConfigError is a problem with the configuration file, placed at its line and column.
type ConfigError struct {
	path      string
	line, col int
	msg       string
}

func (e *ConfigError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s:%d:%d: error: %s", e.path, e.line, e.col, e.msg)
	}
	return fmt.Sprintf("%s: error: %s", e.path, e.msg)
}

var reYAMLPos = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*(.*)`)

// LoadConfig reads and validates a docgen.yaml. A missing file is an error wrapping
// fs.ErrNotExist.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("config %s: %w", path, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("read config: %w", err)
	}
	f, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		f = nil // a parse error is reported by the decoder below, with its place
	} else {
		if err := yamlguard.Check(f, yamlguard.MaxAliasNodes); err != nil {
			ge := err.(*yamlguard.Error)
			return nil, &ConfigError{path: path, line: ge.Line, col: ge.Col, msg: err.Error()}
		}
	}
	var c Config
	if err := yaml.UnmarshalWithOptions(data, &c, yaml.DisallowUnknownField()); err != nil {
		ce := &ConfigError{path: path, msg: strings.TrimSpace(err.Error())}
		first, _, _ := strings.Cut(yaml.FormatError(err, false, false), "\n")
		if m := reYAMLPos.FindStringSubmatch(first); m != nil {
			ce.line, _ = strconv.Atoi(m[1])
			ce.col, _ = strconv.Atoi(m[2])
			ce.msg = m[3]
		}
		return nil, ce
	}
	c.path = path
	if len(c.Sources) == 0 {
		return nil, &ConfigError{path: path, msg: "no sources: expected a list under \"sources:\" with a \"path\" each"}
	}
	if err := c.check(newLocator(f)); err != nil {
		return nil, err
	}
	return &c, nil
}

// check validates c, read from the parsed file at (nil when it did not parse): the first
// problem is returned as a *ConfigError placed at the key (or the value) that holds it.
func (c *Config) check(at *locator) error {
	fail := func(pos yamlPos, format string, args ...any) error {
		return &ConfigError{path: c.path, line: pos.line, col: pos.col, msg: fmt.Sprintf(format, args...)}
	}
	if c.Lang != "" && !validLang(c.Lang) {
		return fail(at.value("lang"), "lang %q: %s", c.Lang, langExpected)
	}
	if re := c.Rules.check(); re != nil {
		return fail(re.pos(at, "rules"), "%v", re)
	}
	langs := map[string][]string{} // id → the langs of the sources that set it
	for i, s := range c.Sources {
		src := func(keys ...any) []any { return append([]any{"sources", i}, keys...) }
		if strings.TrimSpace(s.Path) == "" {
			return fail(at.value(src("path")...), "source %d has no path", i+1)
		}
		if err := checkServiceID(s.ID); err != nil {
			return fail(at.value(src("id")...), "source %q: %v", s.Path, err)
		}
		// A lang names the folder of a language's pages (en/wallet/) and the pages' lang.
		if s.Lang != "" && !validLang(s.Lang) {
			return fail(at.value(src("lang")...), "source %q: lang %q: %s", s.Path, s.Lang, langExpected)
		}
		if key, err := checkOverride(s.Override()); err != nil {
			return fail(at.value(src(key...)...), "source %q: %v", s.Path, err)
		}
		if re := s.Rules.check(); re != nil {
			return fail(re.pos(at, src("rules")...), "source %q: %v", s.Path, re)
		}
		if s.ID != "" {
			// Sources of one id are the languages of one service: each needs a lang of
			// its own (a valid one, checked above).
			if prev, used := langs[s.ID]; used && (s.Lang == "" || slices.ContainsFunc(prev, func(l string) bool { return l == "" || strings.EqualFold(l, s.Lang) })) {
				return fail(at.value(src("id")...), "source %q: id %q is used twice: sources of one id are the languages of one service, each with a lang of its own", s.Path, s.ID)
			}
			langs[s.ID] = append(langs[s.ID], s.Lang)
		}
	}
	return nil
}

// langExpected says what a lang of docgen.yaml must be.
const langExpected = "expected a BCP 47 language tag such as ko, en or zh-CN"

// validLang reports whether tag is a language tag docgen.yaml may name: shaped like one
// (letters, digits and inner hyphens, so that it can name a folder of the site) and made
// of subtags BCP 47 knows ("korean" is neither: "ko" is).
func validLang(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil && catalog.IsLangTag(tag)
}

// reServiceID is what a service id of docgen.yaml is: a URL-safe folder name, lower case
// (as the ids docgen makes from file names are, so that two ids never differ only in case
// on a case-insensitive disk).
var reServiceID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// checkServiceID returns why id, set in docgen.yaml, cannot be a service id, or nil ("" is
// no id: the file name gives one). docgen.yaml's ids are used as they are written (they
// are a service's permanent URLs): unlike a front matter "id:", never made into a slug.
func checkServiceID(id string) error {
	if id == "" {
		return nil
	}
	if !reServiceID.MatchString(id) {
		hint := ""
		if slug := catalog.Slug(id); reServiceID.MatchString(slug) && strings.ContainsFunc(id, isASCIIAlnum) {
			hint = fmt.Sprintf(" (such as %q)", slug)
		}
		return fmt.Errorf("id %q: expected a URL-safe id of lower-case letters a-z, digits and '-', not starting with '-'%s", id, hint)
	}
	return render.CheckServiceID(id)
}

// isASCIIAlnum reports whether r is an ASCII letter or digit: what a slug keeps.
func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// checkOverride checks an override key by key, with parse.Override.Check, and returns the
// key path of the value that cannot be used (below the source: "reader", or "columns"
// and a header) with Check's error.
func checkOverride(o parse.Override) ([]any, error) {
	if err := (parse.Override{Reader: o.Reader}).Check(); err != nil {
		return []any{"reader"}, err
	}
	for _, h := range slices.Sorted(maps.Keys(o.Columns)) {
		if err := (parse.Override{Columns: map[string]string{h: o.Columns[h]}}).Check(); err != nil {
			return []any{"columns", h}, err
		}
	}
	if err := (parse.Override{Sections: o.Sections}).Check(); err != nil {
		return []any{"sections"}, err
	}
	if err := (parse.Override{CodePattern: o.CodePattern}).Check(); err != nil {
		return []any{"codePattern"}, err
	}
	if err := (parse.Override{Status: o.Status}).Check(); err != nil {
		return []any{"status"}, err
	}
	// Whatever else Check comes to know of, placed at the source.
	return nil, o.Check()
}

// SourcePath returns where a configured source lives: relative to the config's folder,
// slash-separated.
func (c *Config) SourcePath(s SourceConfig) string {
	if filepath.IsAbs(s.Path) {
		return filepath.ToSlash(s.Path)
	}
	return filepath.ToSlash(filepath.Join(filepath.Dir(c.path), s.Path))
}
