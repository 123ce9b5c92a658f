package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/report"
)

// BuildOptions are docgen build's flags and arguments.
type BuildOptions struct {
	IO *IOStreams
	build.Options
	Out    string
	outSet bool
	Quiet  bool
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
			opts.ConfigSet = cmd.Flags().Changed("config")
			opts.outSet = cmd.Flags().Changed("out")
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runBuild(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, true)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "public", "the output directory")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only diagnostics")
	return cmd
}

func runBuild(ctx context.Context, opts *BuildOptions) error {
	start := time.Now()
	prog := report.NewProgress(opts.IO.Err, opts.Quiet)
	finish := prog.Track("reading sources", -1, func() int64 { return 0 })
	l, err := build.Load(ctx, opts.Options)
	finish()
	if err != nil {
		return exitFor(err)
	}
	if l.Config != nil && l.Config.Out != "" && !opts.outSet {
		opts.Out = l.Config.Out
	}
	report.Diagnostics(opts.IO.Err, l.Diags, parseArgs(l))
	if l.Diags.HasErrors() {
		fmt.Fprintf(opts.IO.Err, "docgen: %s; nothing written to %s\n", report.Counts(l.Diags), opts.Out)
		return silentExit(ExitSources)
	}
	out, err := l.Stage(ctx, opts.Out)
	if err != nil {
		return exitFor(err)
	}
	// Roughly the files the site will have: a page per entry, service and status, a few more.
	estimate := int64(l.Catalog.EntryCount() + 2*len(l.Catalog.Services) + 64)
	finish = prog.Track("writing", estimate, func() int64 { n, _ := out.Written(); return n })
	err = l.Write(out)
	finish()
	if err != nil {
		return exitFor(err)
	}
	if !opts.Quiet {
		files, bytes := out.Written()
		fmt.Fprintf(opts.IO.Err, "docgen: %s, %s from %s (%s): %s, %s in %.2fs written to %s\n",
			report.Plural(len(l.Catalog.Services), "service"), report.Entries(l.Catalog.EntryCount()),
			report.Plural(l.Catalog.RowCount(), "row"), report.Counts(l.Diags),
			report.Plural(int(files), "file"), build.ByteSize(bytes).Human(), time.Since(start).Seconds(), opts.Out)
		if l.Catalog.BaseURL == "" {
			fmt.Fprintln(opts.IO.Err, "docgen: no sitemap.xml: its URLs must be absolute; set baseURL in docgen.yaml to write one")
		}
	}
	return nil
}
