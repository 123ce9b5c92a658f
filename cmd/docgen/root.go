package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes: a published table (README, --help). Scripts rely on them.
const (
	ExitOK       = 0 // success
	ExitSources  = 1 // the sources have errors (diagnostics printed)
	ExitUsage    = 2 // bad flags or arguments, a missing config or source path
	ExitInternal = 3 // a bug or an I/O failure writing the output
	// ExitInterrupted is the shell's code for a command stopped by Ctrl-C (128 + SIGINT).
	ExitInterrupted = 130
)

const exitCodeHelp = `Exit codes:
  0  success
  1  the sources have errors (each printed as path:line:col: severity: message)
  2  usage: bad flags or arguments, a missing config file or source path
  3  internal: a bug, or the output could not be written
  130  interrupted (Ctrl-C or SIGTERM): nothing was written`

// IOStreams are the streams a command reads and writes; tests inject buffers.
type IOStreams struct {
	In  io.Reader
	Out io.Writer // results
	Err io.Writer // diagnostics and progress
}

// exitError carries an exit code and an optional message for the one place that prints.
type exitError struct {
	code int
	err  error // nil when everything was already printed
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError is an exitError with code 2.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// silentExit ends a command with code after it has printed everything itself.
func silentExit(code int) error { return &exitError{code: code} }

// newRootCmd builds the command tree.
func newRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "docgen",
		Short: "Turn API error-code documentation into a searchable catalog",
		Long: `docgen reads API error-code documentation in whatever shape it was written
(Markdown headings or tables, text copied from HTML pages, HTML) into one normalized
error catalog, and renders it as a static site, OpenAPI error components and a
JSON catalog.

` + exitCodeHelp,
		Example: `  docgen build                      # content/docgen.yaml -> public/
  docgen build docs/errors.md       # one file, no config needed
  docgen parse content/api-gateway.md --verbose`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newBuildCmd(ios, nil), newCheckCmd(ios, nil), newParseCmd(ios, nil), newExportCmd(ios), newDiffCmd(ios, nil), newServeCmd(ios, nil), newVersionCmd(ios))
	// --version prints what docgen version prints.
	root.Version = version()
	root.SetVersionTemplate("{{.Version}}\n")
	return root
}

// Main runs docgen with args and returns the exit code. It is the only place that prints a
// command's error.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	ios := &IOStreams{In: in, Out: out, Err: errw}
	root := newRootCmd(ios)
	root.SetArgs(args)
	// Ctrl-C or SIGTERM cancels the context: the build stops, writes nothing, exits 130.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(errw, "docgen: interrupted; nothing written")
		return ExitInterrupted
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(errw, "docgen: %v\n", ee.err)
		}
		return ee.code
	}
	// Commands return only exitErrors; anything else is cobra's own complaint about the
	// command line (an unknown command, a wrong number of arguments).
	fmt.Fprintf(errw, "docgen: %v\n", err)
	return ExitUsage
}
