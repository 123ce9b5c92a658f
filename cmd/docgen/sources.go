package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"docgen/build"
	"docgen/catalog"
)

// addSourceFlags binds the flags every command that reads sources shares.
func addSourceFlags(fs *pflag.FlagSet, opts *build.Options, withConfig bool) {
	if withConfig {
		fs.StringVar(&opts.Config, "config", "", "the config file listing the sources (default ./"+build.LocalConfig+" if there is one, else "+build.DefaultConfig+")")
	}
	opts.MaxSourceSize = build.DefaultMaxSourceSize
	fs.StringSliceVar(&opts.Ignore, "ignore", nil, "leave out the warnings of this rule (repeat, or separate with commas)")
	fs.Var(&opts.MaxSourceSize, "max-source-size", "the largest source file to read (e.g. 64MiB, 500KB, 1048576)")
}

// exitFor turns an error of package build (or preview) into the exit code it stands for.
// A cancelled context is returned as it is: Main says the command was interrupted.
func exitFor(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if be, ok := errors.AsType[*build.Error](err); ok {
		code := map[build.Kind]int{build.Usage: ExitUsage, build.Sources: ExitSources, build.Internal: ExitInternal}[be.Kind]
		return &exitError{code: code, err: be.Err}
	}
	return &exitError{code: ExitInternal, err: err}
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
