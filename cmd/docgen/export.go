package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
	"docgen/render"
	"docgen/render/openapi"
	"docgen/report"
)

// newExportCmd is docgen export, the parent of export openapi and export json.
func newExportCmd(ios *IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export openapi|json",
		Short: "Write the catalog as OpenAPI error components or as catalog.json",
		Long: `Export writes one output of the catalog to a file or to stdout, without building
the site: OpenAPI error components (export openapi) or the JSON catalog (export json).

` + exitCodeHelp,
		Example: `  docgen export openapi -o errors.yaml
  docgen export openapi --merge api.yaml -o api.yaml
  docgen export json -o catalog.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("export what? docgen export openapi or docgen export json\nSee 'docgen export --help'.")
			}
			return usageError("unknown export %q: expected openapi or json\nSee 'docgen export --help'.", args[0])
		},
	}
	cmd.AddCommand(newExportOpenAPICmd(ios, nil), newExportJSONCmd(ios, nil))
	return cmd
}

// ExportOpenAPIOptions are docgen export openapi's flags and arguments.
type ExportOpenAPIOptions struct {
	IO *IOStreams
	build.Options
	Version string // --openapi: 3.1, 3.2 or 3.0
	Format  string // --format: yaml or json; "" follows -o's extension
	Out     string // -o: the file to write; "" or "-" is stdout
	Merge   string // --merge: an existing OpenAPI document to add the components to
	Force   bool   // --force: replace components that exist with other content
	Quiet   bool
}

func newExportOpenAPICmd(ios *IOStreams, runF func(context.Context, *ExportOpenAPIOptions) error) *cobra.Command {
	opts := &ExportOpenAPIOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "openapi [SOURCE...]",
		Short: "Write the catalog as OpenAPI error components",
		Long: `Export openapi writes an OpenAPI document (3.1 unless --openapi 3.0 or 3.2) whose
components hold, per service:

  schemas    <service>.Error             the error body: the documented one, or RFC 9457
                                         problem details where none is documented
             <service>.ErrorCode         an enum of the HTTP error codes, with
                                         x-enumDescriptions and x-enum-varnames
             <service>.JsonRpcError      the JSON-RPC error object and
             <service>.JsonRpcErrorCode  its codes, where the service has any
  responses  <service>.<status>          one per HTTP status, with an example per code

Refer to them from your operations: $ref: '#/components/responses/api-gateway.404'.
paths is empty; info and servers come from the "openapi" section of docgen.yaml.

--merge FILE adds the components to an existing OpenAPI 3.0, 3.1 or 3.2 document (YAML or
JSON) and writes the result to -o (stdout without -o). Everything that was in FILE
stays as it was, byte for byte: keys, order, comments, anchors. Components are written
for FILE's OpenAPI version and in FILE's format. A component that is already there with
the same content is left alone, so merging again changes nothing; one that is there with
other content is an error unless --force. Every component docgen writes is marked
x-generated-by: docgen; those of an earlier merge that the catalog no longer has are
removed, unless FILE still refers to them (an error naming the reference). A FILE that
does not parse, or is not OpenAPI 3.x, is an error naming its line; nothing is written
then.

The format is --format, else -o's extension (.json is JSON), else YAML.

` + exitCodeHelp,
		Example: `  docgen export openapi -o errors.yaml
  docgen export openapi --openapi 3.0 --format json > errors.json
  docgen export openapi --merge api.yaml -o api.yaml
  docgen export openapi docs/errors/ -o errors.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.ConfigSet = cmd.Flags().Changed("config")
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExportOpenAPI(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, true)
	cmd.Flags().StringVar(&opts.Version, "openapi", "", "OpenAPI version: 3.1, 3.2 or 3.0 (default 3.1, or the --merge document's)")
	cmd.Flags().StringVar(&opts.Format, "format", "", "yaml or json (default: from -o's extension, else yaml)")
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "the file to write (default stdout)")
	cmd.Flags().StringVar(&opts.Merge, "merge", "", "an OpenAPI document to add the components to")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "with --merge, replace components that exist with other content")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only errors")
	return cmd
}

// formatOf returns the format a file name asks for: JSON for .json, YAML for .yaml and
// .yml, "" otherwise.
func formatOf(name string) openapi.Format {
	f, _ := openapi.ParseFormat(strings.TrimPrefix(filepath.Ext(name), "."))
	return f
}

func runExportOpenAPI(ctx context.Context, opts *ExportOpenAPIOptions) error {
	var version openapi.Version
	if opts.Version != "" {
		v, err := openapi.ParseVersion(opts.Version)
		if err != nil {
			return usageError("--openapi %q: expected 3.1, 3.2 or 3.0", opts.Version)
		}
		version = v
	}
	var format openapi.Format
	if opts.Format != "" {
		f, err := openapi.ParseFormat(opts.Format)
		if err != nil {
			return usageError("--format %q: expected yaml or json", opts.Format)
		}
		format = f
	}
	if opts.Force && opts.Merge == "" {
		return usageError("--force goes with --merge: it replaces components of the merged document")
	}
	var target []byte
	if opts.Merge != "" {
		data, err := os.ReadFile(opts.Merge)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return usageError("--merge %s: no such file", opts.Merge)
			}
			return &exitError{code: ExitSources, err: fmt.Errorf("read %s: %w", opts.Merge, err)}
		}
		target = data
	}

	l, err := loadForExport(ctx, opts.IO, opts.Options, opts.Quiet, opts.Out)
	if err != nil {
		return err
	}
	var settings openapi.Settings
	if l.Config != nil {
		settings = l.Config.OpenAPI
	}

	var data []byte
	var summary string
	if opts.Merge != "" {
		res, err := openapi.Merge(target, opts.Merge, l.Catalog, openapi.MergeOptions{Force: opts.Force, Version: version})
		if err != nil {
			var ce *openapi.ConflictError
			if errors.As(err, &ce) {
				for _, c := range ce.Conflicts {
					fmt.Fprintf(opts.IO.Err, "%s\n", c)
				}
				verb := "exist"
				if len(ce.Conflicts) == 1 {
					verb = "exists"
				}
				return &exitError{code: ExitSources, err: fmt.Errorf("%s of %s %s with other content; nothing written (--force replaces them)",
					report.Plural(len(ce.Conflicts), "component"), opts.Merge, verb)}
			}
			var ve *openapi.VersionError
			if errors.As(err, &ve) {
				return usageError("--openapi %s: %s is OpenAPI %s; leave out --openapi to merge %s components", string(ve.Want), ve.File, string(ve.Have), string(ve.Have))
			}
			var pe *openapi.Error
			if errors.As(err, &pe) {
				return &exitError{code: ExitSources, err: fmt.Errorf("%w; nothing written", err)}
			}
			return &exitError{code: ExitInternal, err: err}
		}
		kind := map[openapi.Format]string{openapi.YAML: "YAML", openapi.JSON: "JSON"}
		if format != "" && format != res.Format {
			return usageError("--format %s: %s is %s, and a merge keeps its format", format, opts.Merge, kind[res.Format])
		}
		if f := formatOf(opts.Out); f != "" && f != res.Format {
			return usageError("-o %s: the merged document is %s, as %s is; write it to a .%s file", opts.Out, kind[res.Format], opts.Merge, res.Format)
		}
		data = res.Data
		summary = fmt.Sprintf("merged OpenAPI %s components of %s into %s (%d added, %d replaced, %d already there, %d removed),",
			string(res.Version), report.Plural(len(l.Catalog.Services), "service"), opts.Merge, len(res.Added), len(res.Replaced), len(res.Unchanged), len(res.Removed))
	} else {
		if format == "" {
			format = formatOf(opts.Out)
		}
		if format == "" {
			format = openapi.YAML
		}
		doc, err := openapi.Build(l.Catalog, openapi.Options{Version: version, Settings: settings})
		if err != nil {
			return &exitError{code: ExitSources, err: fmt.Errorf("%s: %w", configName(l), err)}
		}
		if data, err = doc.Marshal(format); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
		schemas, responses := doc.Components()
		summary = fmt.Sprintf("OpenAPI %s, %s and %s of %s,",
			string(doc.Version()), report.Plural(len(schemas), "schema"), report.Plural(len(responses), "response"), report.Plural(len(l.Catalog.Services), "service"))
	}
	if err := writeResult(opts.IO, opts.Out, data); err != nil {
		return err
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.IO.Err, "docgen: %s written to %s\n", summary, outName(opts.Out))
	}
	return nil
}

func configName(l *build.Loaded) string {
	if l.Config != nil {
		return l.Config.Path()
	}
	return "openapi"
}

// ExportJSONOptions are docgen export json's flags and arguments.
type ExportJSONOptions struct {
	IO *IOStreams
	build.Options
	Out   string
	Quiet bool
}

func newExportJSONCmd(ios *IOStreams, runF func(context.Context, *ExportJSONOptions) error) *cobra.Command {
	opts := &ExportJSONOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "json [SOURCE...]",
		Short: "Write the catalog as catalog.json",
		Long: `Export json writes the JSON catalog (the catalog.json of docgen build) to -o or
to stdout. Its "$schema" names catalog.schema.json, which docgen build publishes beside
it. Two of these files are what docgen diff compares.

` + exitCodeHelp,
		Example: `  docgen export json -o catalog.json
  docgen export json docs/errors/ | jq '.services[].entries | length'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.ConfigSet = cmd.Flags().Changed("config")
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExportJSON(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, true)
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "the file to write (default stdout)")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only errors")
	return cmd
}

func runExportJSON(ctx context.Context, opts *ExportJSONOptions) error {
	l, err := loadForExport(ctx, opts.IO, opts.Options, opts.Quiet, opts.Out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := catalog.EncodeJSON(&buf, l.Catalog, render.EntryURL); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if err := writeResult(opts.IO, opts.Out, buf.Bytes()); err != nil {
		return err
	}
	if !opts.Quiet {
		fmt.Fprintf(opts.IO.Err, "docgen: catalog of %s, %s written to %s\n",
			report.Plural(len(l.Catalog.Services), "service"), report.Entries(l.Catalog.EntryCount()), outName(opts.Out))
	}
	return nil
}

// loadForExport reads the sources and prints their diagnostics (errors only with quiet);
// sources with errors stop the export before anything is written.
func loadForExport(ctx context.Context, ios *IOStreams, src build.Options, quiet bool, out string) (*build.Loaded, error) {
	l, err := build.Load(ctx, src)
	if err != nil {
		return nil, exitFor(err)
	}
	for _, d := range l.Diags {
		if !quiet || d.Severity == catalog.Error {
			fmt.Fprintln(ios.Err, d.String())
		}
	}
	if l.Diags.HasErrors() {
		return nil, &exitError{code: ExitSources, err: fmt.Errorf("%s; nothing written to %s", report.Counts(l.Diags), outName(out))}
	}
	if out != "" && out != "-" {
		if err := l.CheckFile(out, "-o"); err != nil {
			return nil, exitFor(err)
		}
	}
	return l, nil
}

func outName(out string) string {
	if out == "" || out == "-" {
		return "stdout"
	}
	return out
}

// writeResult writes data to the file out, or to stdout when out is "" or "-". A file is
// written beside its final name and renamed into place, so that it is never left half
// written and a merge target is replaced only by a complete document.
func writeResult(ios *IOStreams, out string, data []byte) error {
	if out == "" || out == "-" {
		if _, err := ios.Out.Write(data); err != nil {
			return &exitError{code: ExitInternal, err: fmt.Errorf("write output: %w", err)}
		}
		return nil
	}
	if err := build.WriteFile(out, data); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return nil
}
