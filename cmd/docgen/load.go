package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
)

// sourceExts are the file endings docgen reads when a folder is named: documents, data
// files and code (".h.in" too, see isSourceFile).
var sourceExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true,
	".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true, ".json": true, ".yaml": true, ".yml": true,
	".toml": true, ".proto": true, ".h": true, ".hpp": true, ".py": true}

// documentExts are the endings of documents: a folder's file with another ending of
// sourceExts (data, code) is a source only when it lists errors (see incidental).
var documentExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true,
	".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true}

// incidental reports whether a source is a data or code file found in a named folder
// (not named itself, not listed in the config) in which no reader found an error:
// such files (package.json, a header of other constants) live beside error documents.
func incidental(in input, res *parse.Result) bool {
	if !in.found || documentExts[strings.ToLower(filepath.Ext(in.path))] || res.Dropped > 0 {
		return false
	}
	return res.Service.RowCount() == 0 && !res.Diags.HasErrors() || res.Reader == ""
}

// isSourceFile reports whether a file in a named folder is a source: its ending is one of
// sourceExts or ".h.in", and it is not docgen's own configuration.
func isSourceFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	if base == "docgen.yaml" || base == "docgen.yml" {
		return false
	}
	return sourceExts[filepath.Ext(base)] || strings.HasSuffix(base, ".h.in")
}

// input is one source to read, with what the configuration says of it.
type input struct {
	path string // slash-separated, as it will appear in positions
	meta parse.Meta
	// root is the folder the source must stay inside once links are resolved: the config's
	// folder, or the folder named on the command line; "" for a file named directly.
	root string
	// found is set for a file found in a folder named on the command line.
	found bool
}

// loaded is the catalog read from the sources, with everything said about it.
type loaded struct {
	catalog *catalog.Catalog
	results []*parse.Result // one per source, in catalog order
	diags   catalog.Diagnostics
	config  *Config // nil when sources were named on the command line
	inputs  []input // what was read, in order
	ignored int     // diagnostics left out by the config's rules and --ignore
}

// sourceOptions are the flags shared by the commands that read sources.
type sourceOptions struct {
	Config        string
	Sources       []string
	MaxSourceSize byteSize // a larger source is an error; 0 means the default
	Ignore        []string // rules whose warnings are left out
}

// defaultMaxSourceSize is the largest source docgen reads unless told otherwise.
const defaultMaxSourceSize = 64 << 20

// addSourceFlags binds the flags every command that reads sources shares.
func addSourceFlags(fs *pflag.FlagSet, opts *sourceOptions, withConfig bool) {
	if withConfig {
		fs.StringVar(&opts.Config, "config", "", "the config file listing the sources (default ./"+LocalConfig+" if there is one, else "+DefaultConfig+")")
	}
	opts.MaxSourceSize = defaultMaxSourceSize
	fs.StringSliceVar(&opts.Ignore, "ignore", nil, "leave out the warnings of this rule (repeat, or separate with commas)")
	fs.Var(&opts.MaxSourceSize, "max-source-size", "the largest source file to read (e.g. 64MiB, 500KB, 1048576)")
}

// resolveInputs turns the command line into the list of sources: the files and folders
// named, or else those of the config file.
func resolveInputs(opts sourceOptions, configSet bool) ([]input, *Config, error) {
	if len(opts.Sources) > 0 && !configSet {
		ins, err := expandPaths(opts.Sources)
		return ins, nil, err
	}
	path := configPath(opts.Config)
	cfg, err := loadConfig(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if opts.Config != "" {
				return nil, nil, usageError("config file %s does not exist", path)
			}
			return nil, nil, usageError("no %s or %s here: name source files or folders (docgen build docs/), or pass --config", LocalConfig, DefaultConfig)
		}
		var ce *configError
		if errors.As(err, &ce) {
			return nil, nil, &exitError{code: ExitSources, err: err}
		}
		return nil, nil, &exitError{code: ExitSources, err: err}
	}
	var ins []input
	for _, s := range cfg.Sources {
		ins = append(ins, input{path: cfg.sourcePath(s), meta: parse.Meta{ID: s.ID, Title: s.Title, Lang: s.Lang, Override: s.override()}, root: filepath.Dir(path)})
	}
	if len(opts.Sources) > 0 {
		named, err := expandPaths(opts.Sources)
		if err != nil {
			return nil, nil, err
		}
		ins = filterInputs(ins, named)
	}
	return ins, cfg, nil
}

// filterInputs keeps the configured inputs that were also named, with their metadata; a
// named source the config does not list is read with derived metadata.
func filterInputs(configured, named []input) []input {
	byPath := map[string]input{}
	for _, in := range configured {
		byPath[filepath.Clean(in.path)] = in
	}
	var out []input
	for _, n := range named {
		if in, ok := byPath[filepath.Clean(n.path)]; ok {
			out = append(out, in)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// expandPaths lists the files named, and the source files inside the folders named
// (recursively, sorted), skipping docgen.yaml, hidden files and docgen's own output
// folders (an output inside a source folder is not read back as sources).
func expandPaths(paths []string) ([]input, error) {
	var ins []input
	seen := map[string]bool{}
	add := func(p, root string) {
		p = filepath.ToSlash(filepath.Clean(p))
		if !seen[p] {
			seen[p] = true
			ins = append(ins, input{path: p, root: root, found: root != ""})
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, usageError("source %s does not exist", p)
			}
			return nil, &exitError{code: ExitSources, err: fmt.Errorf("source %s: %w", p, err)}
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
			if q != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && q != p && render.IsOutput(q) {
				return filepath.SkipDir
			}
			if !d.IsDir() && isSourceFile(q) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, &exitError{code: ExitSources, err: fmt.Errorf("list %s: %w", p, err)}
		}
		if len(found) == 0 {
			return nil, usageError("folder %s holds no source files (.md, .markdown, .txt, .html, .htm, .mdx, .rst, .adoc, .json, .yaml, .toml, .proto, .h, .h.in, .py)", p)
		}
		slices.Sort(found)
		for _, q := range found {
			add(q, p)
		}
	}
	return ins, nil
}

// loadCatalog reads every input into a catalog and checks it. An unreadable source is an
// error that stops the command (exit 1); bad content is a diagnostic.
//
// Once ctx is done (Ctrl-C, or SIGTERM from a CI timeout) it returns ctx's error at once,
// without waiting for a config, a source or a reader that is still busy: the readers do
// not watch ctx, and a command that is told to stop must stop, not after the two minutes
// a hostile source can take. What is still running is abandoned to the process's exit.
func loadCatalog(ctx context.Context, opts sourceOptions, configSet bool) (*loaded, error) {
	type result struct {
		l   *loaded
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, err := readCatalog(ctx, opts, configSet)
		done <- result{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readCatalog is loadCatalog, to the end.
func readCatalog(ctx context.Context, opts sourceOptions, configSet bool) (*loaded, error) {
	if err := checkIgnore(opts.Ignore); err != nil {
		return nil, err
	}
	ins, cfg, err := resolveInputs(opts, configSet)
	if err != nil {
		return nil, err
	}
	l := &loaded{catalog: &catalog.Catalog{}, config: cfg, inputs: ins}
	if cfg != nil {
		l.catalog.Title, l.catalog.Lang, l.catalog.BaseURL = cfg.Title, cfg.Lang, cfg.BaseURL
	}
	// Sources are read and parsed on every core; results keep the order of ins, so the
	// catalog is the same whatever the number of cores.
	type outcome struct {
		res     *parse.Result
		problem *catalog.Diagnostic
		err     error
	}
	outs := make([]outcome, len(ins))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ins)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := ctx.Err(); err != nil {
					outs[i].err = err
					continue
				}
				raw, problem, err := readSource(ins[i], int64(opts.MaxSourceSize))
				outs[i] = outcome{problem: problem, err: err}
				if err == nil && problem == nil {
					// A cancelled read (Ctrl-C, SIGTERM) returns at once with ctx's error.
					outs[i].res, outs[i].err = parse.ReadContext(ctx, parse.NewSource(ins[i].path, raw), ins[i].meta)
				}
			}
		}()
	}
	for i := range ins {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, o := range outs {
		switch {
		case o.err != nil:
			return nil, o.err
		case o.problem != nil:
			l.diags = append(l.diags, *o.problem)
		case incidental(ins[i], o.res):
			// a data or code file found in a folder that lists no errors (package.json)
		default:
			l.results = append(l.results, o.res)
			l.catalog.Services = append(l.catalog.Services, o.res.Service)
			l.diags = append(l.diags, o.res.Diags...)
		}
	}
	if l.catalog.Title == "" {
		l.catalog.Title = "Error catalog"
		if len(l.catalog.Services) == 1 {
			l.catalog.Title = l.catalog.Services[0].Title
		}
	}
	if l.catalog.Lang == "" && len(l.catalog.Services) > 0 {
		l.catalog.Lang = l.catalog.Services[0].Lang
	}
	l.diags = append(l.diags, catalog.Check(l.catalog)...)
	for _, s := range l.catalog.Services {
		if err := render.CheckServiceID(s.ID); err != nil {
			l.diags.Add(catalog.Pos{File: s.Source, Line: 1, Col: 1}, catalog.Error, "reserved-id",
				"%v; set another id for this source in docgen.yaml", err)
		}
	}
	l.diags, l.ignored = applyRules(l.diags, cfg, opts.Ignore)
	l.diags.Sort()
	return l, nil
}

// readSource reads one source, refusing a file that a link takes outside its root and a
// file larger than max. A refusal is a diagnostic; a file that cannot be read at all is an
// error that stops the command.
func readSource(in input, max int64) ([]byte, *catalog.Diagnostic, error) {
	if max <= 0 {
		max = defaultMaxSourceSize
	}
	refuse := func(rule, format string, args ...any) ([]byte, *catalog.Diagnostic, error) {
		return nil, &catalog.Diagnostic{Pos: catalog.Pos{File: in.path, Line: 1, Col: 1}, Severity: catalog.Error,
			Rule: rule, Message: fmt.Sprintf(format, args...)}, nil
	}
	name := filepath.FromSlash(in.path)
	if in.root != "" {
		real, err := filepath.EvalSymlinks(name)
		if err == nil {
			real, err = filepath.Abs(real)
		}
		abs, _ := filepath.Abs(name)
		if err == nil && real != abs {
			// A link (the file or a folder on its way) decides where the bytes come from:
			// it must not lead out of the folder the sources were taken from.
			root, rerr := filepath.EvalSymlinks(in.root)
			if rerr == nil {
				root, rerr = filepath.Abs(root)
			}
			if rerr == nil && !within(root, real) {
				return refuse("outside-root", "source is a link to %s, outside %s; refusing to read it", real, in.root)
			}
		}
	}
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &exitError{code: ExitSources, err: fmt.Errorf("source %s does not exist", in.path)}
		}
		return nil, nil, &exitError{code: ExitSources, err: fmt.Errorf("read %s: %w", in.path, err)}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return refuse("not-a-file", "source is not a regular file (%s)", fi.Mode().Type())
	}
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, nil, &exitError{code: ExitSources, err: fmt.Errorf("read %s: %w", in.path, err)}
	}
	if int64(len(raw)) > max {
		return refuse("too-large", "source is larger than --max-source-size %s; raise the limit to read it", byteSize(max))
	}
	return raw, nil, nil
}

// within reports whether path lies inside dir (both cleaned, absolute or both relative).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// printDiags writes diagnostics one per line, then a count when there are any.
func printDiags(ios *IOStreams, diags catalog.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintln(ios.Err, d.String())
	}
	hintUnrecognised(ios, diags)
}

// hintUnrecognised says, once per source that no reader recognised, how to see what each
// reader made of it.
func hintUnrecognised(ios *IOStreams, diags catalog.Diagnostics) {
	seen := map[string]bool{}
	for _, d := range diags {
		if d.Rule == catalog.RuleUnrecognised && !seen[d.Pos.File] {
			seen[d.Pos.File] = true
			fmt.Fprintf(ios.Err, "docgen: to see what each reader found in %s, run: docgen parse %s --verbose\n", d.Pos.File, shellQuote(d.Pos.File))
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

// countSummary says how many errors and warnings there were: "2 errors, 1 warning".
func countSummary(diags catalog.Diagnostics) string {
	return plural(diags.Count(catalog.Error), "error") + ", " + plural(diags.Count(catalog.Warning), "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// entries says "1 entry" or "n entries".
func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// sameInput reports whether two inputs name the same source with the same metadata and
// overrides (an input holds maps and slices, so it cannot be compared with ==).
func sameInput(a, b input) bool { return reflect.DeepEqual(a, b) }
