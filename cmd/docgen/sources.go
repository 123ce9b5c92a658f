package main

import (
	"context"
	"errors"

	"github.com/spf13/pflag"

	"docgen/build"
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
