package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
	"docgen/report"
)

// ParseOptions are docgen parse's flags and arguments.
type ParseOptions struct {
	IO *IOStreams
	build.Options
	File     string
	JSON     bool
	Verbose  bool
	NoConfig bool
}

func newParseCmd(ios *IOStreams, runF func(context.Context, *ParseOptions) error) *cobra.Command {
	opts := &ParseOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "parse FILE",
		Short: "Show what the readers make of one file",
		Long: `Parse reads one source file and prints its entries (line, status, code and
message or description) and its diagnostics.

It reads FILE as docgen build reads it from a config, with what the config says
of it: its id, title, lang, rules and overrides (reader, columns, sections,
codePattern, status).

--config PATH takes them from PATH; a FILE that PATH does not list is read with
no override. Without --config, the config docgen build reads by default
(./docgen.yaml, else content/docgen.yaml) is used when it lists FILE, and not at
all when it does not. --no-config reads FILE with no config, as the readers alone
see it: compare it with docgen parse FILE to see what the overrides change. A
config that does not load is an error, as it is for docgen build.

--json prints one service object in the shape of catalog.json.
--verbose also says which config and override applied, and which reader was
chosen and why.

` + exitCodeHelp,
		Example: `  docgen parse content/api-gateway.md
  docgen parse content/public-api.md --verbose
  docgen parse errors.txt --config docs/docgen.yaml --verbose
  docgen parse errors.md --json | jq '.entries[].code'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			opts.ConfigSet = cmd.Flags().Changed("config")
			if opts.ConfigSet && opts.NoConfig {
				return usageError("--config and --no-config: give one or the other")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runParse(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, false)
	cmd.Flags().StringVar(&opts.Config, "config", "", "the config that says what FILE is (default ./"+build.LocalConfig+", else "+build.DefaultConfig+", when it lists FILE)")
	cmd.Flags().BoolVar(&opts.NoConfig, "no-config", false, "read FILE with no config: no docgen.yaml, no override")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the service as JSON, in catalog.json's shape")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "say which override applied, and which reader was chosen and why")
	return cmd
}

func runParse(ctx context.Context, opts *ParseOptions) error {
	bo := build.Options{Sources: []string{opts.File}, Config: opts.Config, ConfigSet: opts.ConfigSet,
		ConfigIfListed: !opts.NoConfig, MaxSourceSize: opts.MaxSourceSize, Ignore: opts.Ignore, Notes: opts.Verbose}
	l, err := build.Load(ctx, bo)
	if err != nil {
		if _, ok := errors.AsType[*build.ConfigError](err); ok && !opts.ConfigSet {
			// A config nobody named: say where it came from and how to do without.
			fmt.Fprintf(opts.IO.Err, "docgen: docgen parse reads %s as docgen build does; --no-config reads %s without it\n",
				build.ConfigPath(""), opts.File)
		}
		return exitFor(err)
	}
	if len(l.Results) == 0 && l.Diags.HasErrors() {
		// The file was refused before it was read (too large, not a regular file): say why.
		for _, d := range l.Diags {
			fmt.Fprintln(opts.IO.Err, d.String())
		}
		return silentExit(ExitSources)
	}
	if len(l.Results) != 1 {
		return usageError("parse takes one file; %s holds %d sources", opts.File, len(l.Results))
	}
	res := l.Results[0]
	svc := res.Service
	var in build.Input // the input read, for what docgen.yaml says of it
	for _, x := range l.Inputs {
		if x.Path == svc.Source {
			in = x
		}
	}
	if opts.Verbose {
		fmt.Fprintf(opts.IO.Err, "%s\n", overrideNote(l.Config, in, opts.NoConfig))
		for _, c := range res.Candidates {
			mark := " "
			if c.Reader == res.Reader {
				mark = "*"
			}
			fmt.Fprintf(opts.IO.Err, "%s reader %-10s score %3d: %s\n", mark, c.Reader, c.Detection.Score, c.Detection.Why)
		}
		for _, n := range res.Notes {
			fmt.Fprintf(opts.IO.Err, "  %s:%d: %s\n", svc.Source, n.Pos.Line, n.Text)
		}
	}
	for _, d := range l.Diags {
		fmt.Fprintln(opts.IO.Err, d.String())
	}
	if !opts.Verbose {
		report.Unrecognised(opts.IO.Err, l.Diags, parseArgs(l))
	}
	if opts.JSON {
		if err := catalog.EncodeServiceJSON(opts.IO.Out, svc, render.EntryURL); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
	} else {
		report.EntryTable(opts.IO.Out, svc)
	}
	reader := res.Reader
	if reader == "" {
		reader = "no reader"
	}
	merged := ""
	if res.Merged > 0 {
		merged = fmt.Sprintf(", %d rows merged into the entries they name (an index, notes, samples)", res.Merged)
	}
	if keys := overrideKeys(in.Meta.Override); len(keys) > 0 {
		reader += fmt.Sprintf(" (%s sets %s)", l.Config.Path(), strings.Join(keys, ", "))
	}
	fmt.Fprintf(opts.IO.Err, "%s: %s: %d entries from %d rows%s, %d rows dropped (%s)\n", svc.Source, reader,
		len(svc.Entries), res.Rows, merged, res.Dropped, report.Counts(l.Diags))
	if l.Diags.HasErrors() {
		return silentExit(ExitSources)
	}
	return nil
}

// overrideNote says which config and which override docgen parse applied to in, for
// --verbose.
func overrideNote(cfg *build.Config, in build.Input, noConfig bool) string {
	switch {
	case noConfig:
		return "no override: no config (--no-config)"
	case cfg == nil:
		if p := build.FoundConfig(); p != "" {
			return fmt.Sprintf("no override: %s does not list %s", p, in.Path)
		}
		return fmt.Sprintf("no override: no config (no %s or %s here)", build.LocalConfig, build.DefaultConfig)
	case in.Listed == "":
		return fmt.Sprintf("no override: %s does not list %s", cfg.Path(), in.Path)
	}
	from := fmt.Sprintf("%s, source %q", cfg.Path(), in.Listed)
	if cfg.SourcePath(build.SourceConfig{Path: in.Listed}) != in.Path {
		// A translation found beside the listed source takes what codes share.
		from += fmt.Sprintf(" (%s is its %s version: sections and columns are not applied to it)", in.Path, in.Meta.Lang)
	}
	var parts []string
	for _, kv := range overrideSet(in.Meta.Override) {
		parts = append(parts, kv[0]+" "+kv[1])
	}
	if len(parts) == 0 {
		return fmt.Sprintf("no override: %s sets none of reader, columns, sections, codePattern, status", from)
	}
	return fmt.Sprintf("override from %s: %s", from, strings.Join(parts, "; "))
}

// overrideKeys lists the keys of docgen.yaml that o sets.
func overrideKeys(o parse.Override) []string {
	var keys []string
	for _, kv := range overrideSet(o) {
		keys = append(keys, kv[0])
	}
	return keys
}

// overrideSet returns the keys o sets, each with its value as docgen parse shows it (text
// quoted as in diagnostics):
// {"columns", `"Err"=code, "Info"=description`}, {"status", "409"}.
func overrideSet(o parse.Override) [][2]string {
	var set [][2]string
	if o.Reader != "" {
		set = append(set, [2]string{"reader", o.Reader})
	}
	if len(o.Columns) > 0 {
		var cols []string
		for _, h := range slices.Sorted(maps.Keys(o.Columns)) {
			cols = append(cols, fmt.Sprintf("%q=%s", h, o.Columns[h]))
		}
		set = append(set, [2]string{"columns", strings.Join(cols, ", ")})
	}
	if len(o.Sections) > 0 {
		var secs []string
		for _, s := range o.Sections {
			secs = append(secs, fmt.Sprintf("%q", s))
		}
		set = append(set, [2]string{"sections", strings.Join(secs, ", ")})
	}
	if o.CodePattern != "" {
		set = append(set, [2]string{"codePattern", fmt.Sprintf("%q", o.CodePattern)})
	}
	if o.Status != "" {
		set = append(set, [2]string{"status", o.Status})
	}
	return set
}

// parseArgs returns the flags with which docgen parse reads a source of l with the
// overrides l read it with: l's config when it lists the file and docgen parse would not
// pick that config itself, --no-config when docgen parse would pick a config that l did
// not use for it.
func parseArgs(l *build.Loaded) func(file string) []string {
	// The config docgen parse picks when it lists the file, read once a source needs it.
	found := build.FoundConfig()
	def := sync.OnceValues(func() (*build.Config, error) {
		if found == "" {
			return nil, nil
		}
		return build.LoadConfig(found)
	})
	return func(file string) []string {
		c, err := def()
		picked := err != nil || c != nil && c.Lists(file) // a config that fails to load fails docgen parse
		var used *build.Config
		if l.Config != nil && l.Config.Lists(file) {
			used = l.Config
		}
		switch {
		case used == nil && picked:
			return []string{"--no-config"}
		case used != nil && !(picked && sameFile(used.Path(), found)):
			return []string{"--config", used.Path()}
		}
		return nil
	}
}

// sameFile reports whether a and b name one file from the working directory (false when
// either is "").
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}
