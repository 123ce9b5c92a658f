package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
	"docgen/report"
)

// DiffOptions are docgen diff's flags and arguments.
type DiffOptions struct {
	IO       *IOStreams
	Old, New string
	Format   string // text, json or github
	FailOn   string // breaking, any or none
	// Pair maps an old service ID to the new one it is compared with ("old=new"); with
	// none, two sides of one service each are compared whatever their IDs.
	Pair []string
	// MaxSourceSize applies where OLD or NEW is a folder of sources.
	MaxSourceSize build.ByteSize
}

func newDiffCmd(ios *IOStreams, runF func(context.Context, *DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: ios}
	var src build.Options
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two catalogs, and fail on breaking changes",
		Long: `Diff compares two catalogs and prints, per service, every code that was added or
removed, and every code whose status, message or description changed. OLD and NEW are
catalog.json files (docgen build writes one; so does docgen export json) or folders of
sources (read with their docgen.yaml when they hold one).

A removed code (or service) and a changed status are breaking: clients that handle the
old code stop working. --fail-on says what makes docgen diff exit 1: breaking changes
(the default), any change, or none.

--format text prints one line per change; json prints one object; github prints
workflow commands (::error file=…,line=…::message) that GitHub Actions shows as
annotations: errors for the changes that fail, notices for the others.

Services are matched by id. When each side holds one service (two versions of one
file under two names: errors-old.md errors-new.md), the two are compared whatever their
ids; --pair OLD_ID=NEW_ID matches services explicitly (repeat it for several).

Two catalog.json files of different versions cannot be compared: export both with the
same docgen first.

` + exitCodeHelp,
		Example: `  docgen diff old/catalog.json public/catalog.json
  git worktree add /tmp/base origin/main && docgen diff /tmp/base/content content
  docgen diff base.json catalog.json --format github --fail-on any
  docgen diff errors-old.md errors-new.md
  docgen diff old/ new/ --pair billing=payments`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError("diff takes two catalogs, OLD and NEW; got %d argument(s)\nSee 'docgen diff --help'.", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			opts.MaxSourceSize = src.MaxSourceSize
			switch opts.Format {
			case "text", "json", "github":
			default:
				return usageError("--format %q: expected text, json or github", opts.Format)
			}
			switch opts.FailOn {
			case "breaking", "any", "none":
			default:
				return usageError("--fail-on %q: expected breaking, any or none", opts.FailOn)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runDiff(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &src, false)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "breaking", "exit 1 on: breaking, any or none")
	cmd.Flags().StringArrayVar(&opts.Pair, "pair", nil, "compare the old service OLD_ID with the new NEW_ID (OLD_ID=NEW_ID; repeat for several)")
	return cmd
}

func runDiff(ctx context.Context, opts *DiffOptions) error {
	oldSide, err := build.OpenSide(opts.Old)
	if err != nil {
		return exitFor(err)
	}
	newSide, err := build.OpenSide(opts.New)
	if err != nil {
		return exitFor(err)
	}
	if oldSide.Version != 0 && newSide.Version != 0 && oldSide.Version != newSide.Version {
		return usageError("cannot compare catalogs of different versions: %s is version %d, %s is version %d; export both with the same docgen (docgen export json)",
			opts.Old, oldSide.Version, opts.New, newSide.Version)
	}
	var cats [2]*catalog.Catalog
	for i, side := range []*build.Side{oldSide, newSide} {
		c, diags, err := side.Load(ctx, opts.MaxSourceSize)
		report.Diagnostics(opts.IO.Err, diags, nil) // only those of sources with errors
		if err != nil {
			return exitFor(err)
		}
		cats[i] = c
	}
	oldCat, newCat := cats[0], cats[1]
	if err := pairServices(opts, oldCat, newCat); err != nil {
		return err
	}
	changes := catalog.Diff(oldCat, newCat)
	failing := func(c catalog.Change) bool {
		return opts.FailOn == "any" || (opts.FailOn == "breaking" && c.Breaking())
	}
	switch opts.Format {
	case "json":
		err = report.ChangesJSON(opts.IO.Out, opts.Old, opts.New, changes)
	case "github":
		err = report.ChangesGitHub(opts.IO.Out, changes, failing)
	default:
		for _, c := range changes {
			if _, err = fmt.Fprintln(opts.IO.Out, report.ChangeText(c)); err != nil {
				break
			}
		}
	}
	if err != nil {
		return &exitError{code: ExitInternal, err: fmt.Errorf("write diff: %w", err)}
	}
	breaking, fail := 0, 0
	for _, c := range changes {
		if c.Breaking() {
			breaking++
		}
		if failing(c) {
			fail++
		}
	}
	if len(changes) == 0 {
		fmt.Fprintf(opts.IO.Err, "docgen: no changes from %s to %s\n", opts.Old, opts.New)
	} else {
		fmt.Fprintf(opts.IO.Err, "docgen: %s from %s to %s, %d breaking\n", report.Plural(len(changes), "change"), opts.Old, opts.New, breaking)
	}
	if fail > 0 {
		return silentExit(ExitSources)
	}
	return nil
}

// pairServices gives old services the ids of the new services they are to be compared
// with: those --pair names, or, with no --pair, the one service of each side when each
// side holds one. It says on stderr which it paired.
func pairServices(opts *DiffOptions, oldCat, newCat *catalog.Catalog) error {
	if len(opts.Pair) == 0 {
		if len(oldCat.Services) == 1 && len(newCat.Services) == 1 && oldCat.Services[0].ID != newCat.Services[0].ID {
			o, n := oldCat.Services[0], newCat.Services[0]
			fmt.Fprintf(opts.IO.Err, "docgen: comparing service %s of %s with %s of %s: each side holds one (--pair sets others)\n", o.ID, opts.Old, n.ID, opts.New)
			o.ID = n.ID
		}
		return nil
	}
	var renames []func()
	for _, p := range opts.Pair {
		oldID, newID, ok := strings.Cut(p, "=")
		if !ok || oldID == "" || newID == "" {
			return usageError("--pair %q: expected OLD_ID=NEW_ID", p)
		}
		o := oldCat.Service(oldID)
		if o == nil {
			return usageError("--pair %s: %s has no service %q", p, opts.Old, oldID)
		}
		if newCat.Service(newID) == nil {
			return usageError("--pair %s: %s has no service %q", p, opts.New, newID)
		}
		if oldID != newID && oldCat.Service(newID) != nil && !slices.ContainsFunc(opts.Pair, func(q string) bool { return strings.HasPrefix(q, newID+"=") }) {
			return usageError("--pair %s: %s also has a service %q; pair that one too", p, opts.Old, newID)
		}
		renames = append(renames, func() { o.ID = newID })
	}
	for _, r := range renames {
		r()
	}
	return nil
}
