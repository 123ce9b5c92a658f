package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
	"docgen/render"
	"docgen/report"
)

// ParseOptions are docgen parse's flags and arguments.
type ParseOptions struct {
	IO *IOStreams
	build.Options
	File    string
	JSON    bool
	Verbose bool
}

func newParseCmd(ios *IOStreams, runF func(context.Context, *ParseOptions) error) *cobra.Command {
	opts := &ParseOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "parse FILE",
		Short: "Show what the readers make of one file",
		Long: `Parse reads one source file and prints its entries (line, status, code and
message or description) and its diagnostics. It needs no config file.

--json prints one service object in the shape of catalog.json.
--verbose also says which reader was chosen and why.

` + exitCodeHelp,
		Example: `  docgen parse content/api-gateway.md
  docgen parse content/public-api.md --verbose
  docgen parse errors.md --json | jq '.entries[].code'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runParse(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, false)
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the service as JSON, in catalog.json's shape")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "say which reader was chosen and why")
	return cmd
}

func runParse(ctx context.Context, opts *ParseOptions) error {
	l, err := build.Load(ctx, build.Options{Sources: []string{opts.File}, MaxSourceSize: opts.MaxSourceSize, Ignore: opts.Ignore, Notes: opts.Verbose})
	if err != nil {
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
	if opts.Verbose {
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
		report.Unrecognised(opts.IO.Err, l.Diags)
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
		merged = fmt.Sprintf(", %d rows of an index merged into the sections they link to", res.Merged)
	}
	fmt.Fprintf(opts.IO.Err, "%s: %s: %d entries from %d rows%s, %d rows dropped (%s)\n", svc.Source, reader,
		len(svc.Entries), res.Rows, merged, res.Dropped, report.Counts(l.Diags))
	if l.Diags.HasErrors() {
		return silentExit(ExitSources)
	}
	return nil
}
