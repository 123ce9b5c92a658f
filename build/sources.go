package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
)

// SourceExts are the file endings docgen reads when a folder is named: documents, data
// files and code (".h.in" too, see IsSourceFile).
var SourceExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true,
	".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true, ".json": true, ".yaml": true, ".yml": true,
	".toml": true, ".csv": true, ".proto": true, ".h": true, ".hpp": true, ".py": true, ".java": true, ".kt": true, ".ts": true}

// documentExts are the endings of documents: a folder's file with another ending of
// SourceExts (data, code) is a source only when it lists errors (see incidental).
var documentExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true,
	".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true}

// incidental reports whether a source is a data or code file found in a named folder
// (not named itself, not listed in the config) in which no reader found an error:
// such files (package.json, a header of other constants) live beside error documents.
func incidental(in Input, res *parse.Result) bool {
	if !in.Found || documentExts[strings.ToLower(filepath.Ext(in.Path))] || res.Dropped > 0 {
		return false
	}
	return res.Service.RowCount() == 0 && !res.Diags.HasErrors() || res.Reader == ""
}

// IsSourceFile reports whether a file in a named folder is a source: its ending is one of
// SourceExts or ".h.in", and it is not docgen's own configuration.
func IsSourceFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	if base == "docgen.yaml" || base == "docgen.yml" {
		return false
	}
	return SourceExts[filepath.Ext(base)] || strings.HasSuffix(base, ".h.in")
}

// Input is one source to read, with what the configuration says of it.
type Input struct {
	Path string // slash-separated, as it will appear in positions
	Meta parse.Meta
	// Root is the folder the source must stay inside once links are resolved: the config's
	// folder, or the folder named on the command line; "" for a file named directly.
	Root string
	// Found is set for a file found in a folder named on the command line.
	Found bool
	// Service is set on every source of a service written in several languages (the
	// same id with different langs in docgen.yaml, or the same file name under ko/ and
	// en/ folders): the same key on each, the default language's source first.
	Service string
	// Listed is the path, as docgen.yaml writes it, of the config's source that Meta
	// comes from: this source's own, or for a translation found beside a listed source
	// (see languageSiblings) that source's. "" when the config does not list it.
	Listed string
}

// SameInput reports whether two inputs name the same source with the same metadata and
// overrides (an input holds maps and slices, so it cannot be compared with ==).
func SameInput(a, b Input) bool { return reflect.DeepEqual(a, b) }

// Options say what a build reads: the flags every command that reads sources shares.
type Options struct {
	// Config is the config file listing the sources; "" is ./docgen.yaml when there is
	// one, else content/docgen.yaml.
	Config string
	// ConfigSet says Config was asked for: with Sources named too, the config's entries
	// for them (metadata, overrides) are used, and only those sources read.
	ConfigSet bool
	// Sources are files and folders to read instead of the config's list.
	Sources []string
	// MaxSourceSize is the largest source read; a larger one is an error diagnostic. 0
	// means DefaultMaxSourceSize.
	MaxSourceSize ByteSize
	// Ignore lists rules whose warnings are left out.
	Ignore []string
	// ConfigIfListed, with Sources named and no Config asked for, reads them with the
	// config docgen build reads by default (ConfigPath("")) when that config lists one of
	// them, as docgen build would read them; with none when it lists none or there is
	// none. docgen parse sets it.
	ConfigIfListed bool
	// Notes asks the readers for their notes on every block (parse.Meta.Notes): docgen
	// parse --verbose prints them.
	Notes bool
}

// DefaultMaxSourceSize is the largest source docgen reads unless told otherwise.
const DefaultMaxSourceSize = 64 << 20

// ResolveInputs turns the command line into the list of sources: the files and folders
// named, or else those of the config file.
func ResolveInputs(opts Options) ([]Input, *Config, error) {
	if len(opts.Sources) > 0 && !opts.ConfigSet {
		ins, err := expandPaths(opts.Sources)
		if err != nil {
			return nil, nil, err
		}
		if opts.ConfigIfListed {
			path := ConfigPath("")
			cfg, err := LoadConfig(path)
			switch {
			case errors.Is(err, fs.ErrNotExist):
			case err != nil:
				return nil, nil, sourcesError(err) // a *ConfigError, placed at its line, or I/O
			default:
				if listed, n := filterInputs(configInputs(cfg), ins); n > 0 {
					return listed, cfg, nil
				}
			}
		}
		groupLanguageFolders(ins)
		return ins, nil, nil
	}
	path := ConfigPath(opts.Config)
	cfg, err := LoadConfig(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if opts.Config != "" {
				return nil, nil, usageError("config file %s does not exist", path)
			}
			return nil, nil, usageError("no %s or %s here: name source files or folders (docgen build docs/), or pass --config", LocalConfig, DefaultConfig)
		}
		return nil, nil, sourcesError(err) // a *ConfigError, placed at its line, or I/O
	}
	ins := configInputs(cfg)
	if len(opts.Sources) > 0 {
		named, err := expandPaths(opts.Sources)
		if err != nil {
			return nil, nil, err
		}
		ins, _ = filterInputs(ins, named)
	}
	return ins, cfg, nil
}

// configInputs returns the sources cfg lists, each with its metadata and overrides, and
// the translations found beside them.
func configInputs(cfg *Config) []Input {
	var ins []Input
	listed := map[string]bool{}
	ids := map[string]int{}
	for _, s := range cfg.Sources {
		listed[filepath.Clean(cfg.SourcePath(s))] = true
		if s.ID != "" {
			ids[s.ID]++
		}
	}
	for _, s := range cfg.Sources {
		in := Input{Path: cfg.SourcePath(s), Meta: parse.Meta{ID: s.ID, Title: s.Title, Lang: s.Lang, Override: s.Override()},
			Root: filepath.Dir(cfg.path), Listed: s.Path}
		if ids[s.ID] > 1 {
			in.Service = "id:" + s.ID // the languages of one service, listed one by one
			ins = append(ins, in)
			continue
		}
		sibs := languageSiblings(in, listed)
		if len(sibs) > 0 {
			in.Service = "path:" + in.Path
			if in.Meta.Lang == "" {
				_, in.Meta.Lang = langSegment(in.Path)
			}
		}
		ins = append(ins, in)
		for _, sib := range sibs {
			sib.Service = in.Service
			ins = append(ins, sib)
		}
	}
	return ins
}

// Lists reports whether c lists the file at path (or finds it beside a listed source,
// as its translation): whether docgen build FILE --config reads it with c's metadata and
// overrides.
func (c *Config) Lists(path string) bool {
	_, n := filterInputs(configInputs(c), []Input{{Path: filepath.ToSlash(path)}})
	return n > 0
}

// filterInputs keeps the configured inputs that were also named, with their metadata; a
// named source the config does not list is read with derived metadata. A named path is
// the configured one when both name the same file from the working directory
// (content/errors.md, ./content/errors.md and its absolute path). It returns how many of
// the named sources the config lists.
func filterInputs(configured, named []Input) ([]Input, int) {
	byPath := map[string]Input{}
	for _, in := range configured {
		byPath[samePathKey(in.Path)] = in
	}
	var out []Input
	n := 0
	for _, in := range named {
		if c, ok := byPath[samePathKey(in.Path)]; ok {
			out = append(out, c)
			n++
		} else {
			out = append(out, in)
		}
	}
	return out, n
}

// samePathKey is what two paths of one file have in common: the absolute path, cleaned
// (the path cleaned when the working directory is unknown).
func samePathKey(p string) string {
	p = filepath.FromSlash(p)
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// expandPaths lists the files named, and the source files inside the folders named
// (recursively, sorted), skipping docgen.yaml, hidden files and docgen's own output
// folders (an output inside a source folder is not read back as sources).
func expandPaths(paths []string) ([]Input, error) {
	var ins []Input
	seen := map[string]bool{}
	add := func(p, root string) {
		p = filepath.ToSlash(filepath.Clean(p))
		if !seen[p] {
			seen[p] = true
			ins = append(ins, Input{Path: p, Root: root, Found: root != ""})
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, usageError("source %s does not exist", p)
			}
			return nil, sourcesError(fmt.Errorf("source %s: %w", p, err))
		}
		if !fi.IsDir() {
			add(p, "")
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if q != p && (strings.HasPrefix(d.Name(), ".") || d.IsDir() && d.Name() == "node_modules") {
				// Hidden files and folders, and a JavaScript project's installed packages:
				// their READMEs, JSON and TypeScript are other projects'.
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && q != p && render.IsOutput(q) {
				return filepath.SkipDir
			}
			if !d.IsDir() && IsSourceFile(q) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, sourcesError(fmt.Errorf("list %s: %w", p, err))
		}
		if len(found) == 0 {
			return nil, usageError("folder %s holds no source files (.md, .markdown, .txt, .html, .htm, .mdx, .rst, .adoc, .json, .yaml, .toml, .csv, .proto, .h, .h.in, .py, .java, .kt, .ts)", p)
		}
		slices.Sort(found)
		for _, q := range found {
			add(q, p)
		}
	}
	return ins, nil
}

// readSource reads one source, refusing a file that a link takes outside its root and a
// file larger than max. A refusal is a diagnostic; a file that cannot be read at all is an
// error that stops the command.
func readSource(in Input, max int64) ([]byte, *catalog.Diagnostic, error) {
	if max <= 0 {
		max = DefaultMaxSourceSize
	}
	refuse := func(rule, format string, args ...any) ([]byte, *catalog.Diagnostic, error) {
		return nil, &catalog.Diagnostic{Pos: catalog.Pos{File: in.Path, Line: 1, Col: 1}, Severity: catalog.Error,
			Rule: rule, Message: fmt.Sprintf(format, args...)}, nil
	}
	name := filepath.FromSlash(in.Path)
	if in.Root != "" {
		real, err := filepath.EvalSymlinks(name)
		if err == nil {
			real, err = filepath.Abs(real)
		}
		abs, _ := filepath.Abs(name)
		if err == nil && real != abs {
			// A link (the file or a folder on its way) decides where the bytes come from:
			// it must not lead out of the folder the sources were taken from.
			root, rerr := filepath.EvalSymlinks(in.Root)
			if rerr == nil {
				root, rerr = filepath.Abs(root)
			}
			if rerr == nil && !within(root, real) {
				return refuse("outside-root", "source is a link to %s, outside %s; refusing to read it", real, in.Root)
			}
		}
	}
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, sourcesError(fmt.Errorf("source %s does not exist", in.Path))
		}
		return nil, nil, sourcesError(fmt.Errorf("read %s: %w", in.Path, err))
	}
	defer f.Close()
	var size int64 = -1
	if fi, err := f.Stat(); err == nil {
		if !fi.Mode().IsRegular() {
			return refuse("not-a-file", "source is not a regular file (%s)", fi.Mode().Type())
		}
		size = fi.Size()
	}
	// A source past parse.MaxSourceSize cannot be read whatever the limit: the
	// reader keeps offsets into it in 32 bits.
	hard := int64(parse.MaxSourceSize)
	if size > max || size > hard {
		return refuseSize(refuse, max, hard)
	}
	// Read into a buffer of the file's size, as os.ReadFile does: io.ReadAll's growing
	// buffer would hold up to twice a large source while it reads.
	initial := size
	if initial < 512 {
		initial = 512
	}
	raw := make([]byte, 0, initial+1)
	r := io.LimitReader(f, min(max, hard)+1)
	for {
		if len(raw) == cap(raw) {
			raw = append(raw, 0)[:len(raw)] // the file grew since Stat
		}
		n, err := r.Read(raw[len(raw):cap(raw)])
		raw = raw[:len(raw)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, sourcesError(fmt.Errorf("read %s: %w", in.Path, err))
		}
	}
	if n := int64(len(raw)); n > max || n > hard {
		return refuseSize(refuse, max, hard) // it grew while read
	}
	return raw, nil, nil
}

// refuseSize refuses a source larger than max (--max-source-size) or than hard, what
// docgen can read at all.
func refuseSize(refuse func(rule, format string, args ...any) ([]byte, *catalog.Diagnostic, error), max, hard int64) ([]byte, *catalog.Diagnostic, error) {
	if max > hard {
		return refuse("too-large", "source is larger than %s, the most docgen reads from one file; split it", ByteSize(hard))
	}
	return refuse("too-large", "source is larger than --max-source-size %s; raise the limit to read it", ByteSize(max))
}

// within reports whether path lies inside dir (both cleaned, absolute or both relative).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
