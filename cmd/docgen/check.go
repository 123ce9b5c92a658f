package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
	"docgen/report"
)

// CheckOptions are docgen check's flags and arguments.
type CheckOptions struct {
	IO *IOStreams
	build.Options
	Format string
	Strict bool
}

func newCheckCmd(ios *IOStreams, runF func(context.Context, *CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "check [SOURCE...]",
		Short: "Read and validate the sources without writing anything (for CI)",
		Long: `Check reads the sources as docgen build does (the config's, or the files and
folders named) and prints every diagnostic, writing nothing. Each diagnostic has a
stable rule id:

  error    ragged-row        a table row has more or fewer cells than its header
  error    empty-code        a code that is empty or only punctuation
  error    invalid-status    a status that is not an HTTP status (100-599)
  error    bad-status-cell   a status cell that holds no status
  error    duplicate-id      two entries of a service share an ID
  error    duplicate-service two sources share a service id
  error    unrecognised      no reader recognised a source
  error    reserved-id       an id in docgen.yaml that cannot name a service's folder
  error    invalid-syntax    a JSON, YAML, TOML or protobuf source its parser rejects
  warning  code-statuses     one code documented under two statuses in a service
  warning  prefix-mismatch   a numeric code's prefix disagrees with its status
  warning  status-conflict   a status column disagrees with the heading above
  warning  no-description    an entry with no description or message
  warning  no-codes          a reader took a source but found no codes in it
  warning  invalid-utf8      a line holds bytes that are not UTF-8 (replaced by U+FFFD)
  warning  rows-after-blank-line  Markdown table rows after a blank line, read as
                             the table's (GitHub shows them as text)
  error    code-pattern      a code that does not match the source's codePattern (docgen.yaml)
  warning  outside-sections  entries outside the sections the source's docgen.yaml entry names
  error    unused-override   a section or column the source's docgen.yaml entry names that
                             matches nothing in the source
  error    empty-source      a source with overrides in docgen.yaml from which no entry
                             is read
  warning  not-errors        a source whose codes nothing calls errors: no status, no
                             word of failure in its title, headings or text
  warning  bidi-control      a code, message or group holds a bidirectional control
                             character (U+202E…): it would display in another order
  warning  year-heading      a heading that begins with a year, read as no code
  warning  table-line-left-out  a line inside or right after a fixed-width table
                             that is not one of its rows (a page's footer)
  warning  fields-left-out   records that name more fields than docgen lays out
  warning  long-heading      a heading too long to be a group: cut for the entries
                             under it
  error    repeated-text     a source whose entries would hold far more text than
                             the source (text repeated across entries)
  warning  missing-translation  a code one language of a service documents and
                             another does not
  error    translation-status   a code under other statuses in one language of a
                             service than in another

A warning that is known and accepted can be left out: --ignore RULE, or in
docgen.yaml, for every source or for one (errors stay errors):

  rules: {no-description: error}
  sources:
    - path: google-api.txt
      rules: {code-statuses: ignore}

--format text prints path:line:col: severity: message [rule]; json prints one
object; github prints workflow commands (::error file=…,line=…::message) that
GitHub Actions shows as annotations on the pull request. --strict makes warnings
fail too.

For a service written in several languages check also says how many of its codes
each language documents, the default first (on stderr; under "translations" in
json):

  docgen: translations: wallet: ko 30/30, en 29/30

` + exitCodeHelp,
		Example: `  docgen check
  docgen check docs/errors/ --strict
  docgen check --format github     # in a GitHub Actions step`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.ConfigSet = cmd.Flags().Changed("config")
			switch opts.Format {
			case "text", "json", "github":
			default:
				return usageError("--format %q: expected text, json or github", opts.Format)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, true)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	return cmd
}

func runCheck(ctx context.Context, opts *CheckOptions) error {
	l, err := build.Load(ctx, opts.Options)
	if err != nil {
		return exitFor(err)
	}
	diags := l.Diags
	switch opts.Format {
	case "json":
		err = report.DiagnosticsJSON(opts.IO.Out, l.Catalog, len(l.Results), diags)
	case "github":
		err = report.DiagnosticsGitHub(opts.IO.Out, diags)
	default:
		for _, d := range diags {
			if _, err = fmt.Fprintf(opts.IO.Out, "%s [%s]\n", d, d.Rule); err != nil {
				break
			}
		}
	}
	if err != nil {
		return &exitError{code: ExitInternal, err: fmt.Errorf("write diagnostics: %w", err)}
	}
	report.Unrecognised(opts.IO.Err, diags, parseArgs(l))
	ignored := ""
	if l.Ignored > 0 {
		ignored = fmt.Sprintf(" (%d ignored by rules)", l.Ignored)
	}
	for _, line := range report.Coverage(l.Catalog) {
		fmt.Fprintf(opts.IO.Err, "docgen: translations: %s\n", line)
	}
	fmt.Fprintf(opts.IO.Err, "docgen: checked %s, %s from %s: %s%s\n",
		report.Plural(len(l.Results), "source"), report.Entries(l.Catalog.EntryCount()), report.Plural(l.Catalog.RowCount(), "row"), report.Counts(diags), ignored)
	if diags.HasErrors() || (opts.Strict && diags.Count(catalog.Warning) > 0) {
		return silentExit(ExitSources)
	}
	return nil
}
