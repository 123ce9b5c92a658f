package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"docgen/catalog"
	"docgen/render"
	"docgen/render/openapi"
	"docgen/render/search"
	"docgen/render/site"
)

// BuildOptions are docgen build's flags and arguments.
type BuildOptions struct {
	IO *IOStreams
	sourceOptions
	configSet bool
	Out       string
	outSet    bool
	Quiet     bool
}

func newBuildCmd(ios *IOStreams, runF func(context.Context, *BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "build [SOURCE...]",
		Short: "Read the sources and write the catalog's outputs",
		Long: `Build reads the error documentation and writes the outputs into --out:

  index.html, <service>/, <service>/<entry>/, -/status/<nnn>/   the static site
  -/search/                                its search index, in shards
  404.html, -/assets/                      the rest of the site
  sitemap.xml                              with a baseURL in docgen.yaml only
  catalog.json, catalog.schema.json        the JSON catalog and its JSON Schema
  openapi.yaml, openapi.json               OpenAPI 3.1 error components

With no SOURCE it builds what the config file lists: --config, else ./docgen.yaml
when there is one, else content/docgen.yaml.
With files or folders named it needs no config: the service id comes from the file
name, the title from front matter or the first heading, the language from the text.

The output is built in a temporary folder beside --out and put in place only when
everything succeeded: a build with errors writes nothing.

docgen replaces only folders it wrote (they hold a .docgen-output stamp). It refuses an
--out that is or holds a source, the config or the working directory, and an existing
folder that is neither empty nor stamped, and touches nothing then (exit 2).

` + exitCodeHelp,
		Example: `  docgen build
  docgen build --out site
  docgen build docs/errors/ --out /tmp/errors-site`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.configSet = cmd.Flags().Changed("config")
			opts.outSet = cmd.Flags().Changed("out")
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runBuild(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.sourceOptions, true)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "public", "the output directory")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only diagnostics")
	return cmd
}

// output is one renderer of docgen build. Each reads the catalog only; a failure in any of
// them aborts the whole build and writes nothing.
type output struct {
	name  string
	write func(render.Writer, *catalog.Catalog) error
}

// outputs returns what docgen build writes, in order, into one Output; cfg is nil when the
// sources were named on the command line.
func outputs(cfg *Config) []output {
	var oa openapi.Settings
	var ss search.Settings
	if cfg != nil {
		oa, ss = cfg.OpenAPI, cfg.Search
	}
	return []output{
		{"json catalog", render.WriteJSON},
		{"openapi", func(o render.Writer, c *catalog.Catalog) error { return openapi.WriteFiles(o, c, oa) }},
		{"site", func(o render.Writer, c *catalog.Catalog) error { return site.WriteWith(o, c, ss) }},
	}
}

// writeOutputs runs every output at once: the site renders on every core, the JSON catalog
// and the OpenAPI document are one stream each, and they write different files, so running
// them side by side keeps both cores busy to the end. It returns the errors of the outputs
// that failed, in the order of outs.
func writeOutputs(o render.Writer, c *catalog.Catalog, outs []output) error {
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, w := range outs {
		wg.Go(func() {
			if err := w.write(o, c); err != nil {
				errs[i] = fmt.Errorf("%s: %w", w.name, err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func runBuild(ctx context.Context, opts *BuildOptions) error {
	start := time.Now()
	prog := newProgress(opts.IO, opts.Quiet)
	finish := prog.track("reading sources", -1, func() int64 { return 0 })
	l, err := loadCatalog(ctx, opts.sourceOptions, opts.configSet)
	finish()
	if err != nil {
		return err
	}
	if l.config != nil && l.config.Out != "" && !opts.outSet {
		opts.Out = l.config.Out
	}
	printDiags(opts.IO, l.diags)
	if l.diags.HasErrors() {
		fmt.Fprintf(opts.IO.Err, "docgen: %s; nothing written to %s\n", countSummary(l.diags), opts.Out)
		return silentExit(ExitSources)
	}
	out, err := render.NewOutput(ctx, opts.Out, l.protected()...)
	if err != nil {
		if _, ok := errors.AsType[*render.RefusedError](err); ok {
			return &exitError{code: ExitUsage, err: err}
		}
		return &exitError{code: ExitInternal, err: err}
	}
	// Roughly the files the site will have: a page per entry, service and status, a few more.
	estimate := int64(l.catalog.EntryCount() + 2*len(l.catalog.Services) + 64)
	finish = prog.track("writing", estimate, func() int64 { n, _ := out.Written(); return n })
	defer finish()
	if err := writeOutputs(out, l.catalog, outputs(l.config)); err != nil {
		out.Abort()
		return &exitError{code: ExitInternal, err: err}
	}
	finish()
	if err := out.Commit(); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if !opts.Quiet {
		files, bytes := out.Written()
		fmt.Fprintf(opts.IO.Err, "docgen: %s, %s from %s (%s): %s, %s in %.2fs written to %s\n",
			plural(len(l.catalog.Services), "service"), entries(l.catalog.EntryCount()),
			plural(l.catalog.RowCount(), "row"), countSummary(l.diags),
			plural(int(files), "file"), byteSize(bytes).human(), time.Since(start).Seconds(), opts.Out)
		if l.catalog.BaseURL == "" {
			fmt.Fprintln(opts.IO.Err, "docgen: no sitemap.xml: its URLs must be absolute; set baseURL in docgen.yaml to write one")
		}
	}
	return nil
}

// protected lists what an output folder must not be or hold: every source, the folders
// sources were taken from, and the config.
func (l *loaded) protected() []render.Protected {
	var keep []render.Protected
	if l.config != nil {
		keep = append(keep, render.Protected{Path: l.config.path, What: "the config"})
	}
	roots := map[string]bool{}
	for _, in := range l.inputs {
		if in.root != "" && !roots[in.root] {
			roots[in.root] = true
			keep = append(keep, render.Protected{Path: in.root, What: "source folder"})
		}
	}
	for _, in := range l.inputs {
		keep = append(keep, render.Protected{Path: filepath.FromSlash(in.path), What: "source"})
	}
	return keep
}
