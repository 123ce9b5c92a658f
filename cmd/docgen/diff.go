package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/catalog"
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
	oldSide, err := readSide(opts.Old)
	if err != nil {
		return err
	}
	newSide, err := readSide(opts.New)
	if err != nil {
		return err
	}
	if oldSide.data != nil && newSide.data != nil && oldSide.version != newSide.version {
		return usageError("cannot compare catalogs of different versions: %s is version %d, %s is version %d; export both with the same docgen (docgen export json)",
			opts.Old, oldSide.version, opts.New, newSide.version)
	}
	oldCat, err := oldSide.load(ctx, opts)
	if err != nil {
		return err
	}
	newCat, err := newSide.load(ctx, opts)
	if err != nil {
		return err
	}
	if err := pairServices(opts, oldCat, newCat); err != nil {
		return err
	}
	changes := catalog.Diff(oldCat, newCat)
	failing := func(c catalog.Change) bool {
		return opts.FailOn == "any" || (opts.FailOn == "breaking" && c.Breaking())
	}
	switch opts.Format {
	case "json":
		err = writeDiffJSON(opts.IO.Out, opts, changes)
	case "github":
		err = writeDiffGitHub(opts.IO.Out, changes, failing)
	default:
		for _, c := range changes {
			if _, err = fmt.Fprintln(opts.IO.Out, changeText(c)); err != nil {
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
		fmt.Fprintf(opts.IO.Err, "docgen: %s from %s to %s, %d breaking\n", plural(len(changes), "change"), opts.Old, opts.New, breaking)
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
	byID := func(c *catalog.Catalog, id string) *catalog.Service {
		for _, s := range c.Services {
			if s.ID == id {
				return s
			}
		}
		return nil
	}
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
		o := byID(oldCat, oldID)
		if o == nil {
			return usageError("--pair %s: %s has no service %q", p, opts.Old, oldID)
		}
		if byID(newCat, newID) == nil {
			return usageError("--pair %s: %s has no service %q", p, opts.New, newID)
		}
		if oldID != newID && byID(oldCat, newID) != nil && !slices.ContainsFunc(opts.Pair, func(q string) bool { return strings.HasPrefix(q, newID+"=") }) {
			return usageError("--pair %s: %s also has a service %q; pair that one too", p, opts.Old, newID)
		}
		renames = append(renames, func() { o.ID = newID })
	}
	for _, r := range renames {
		r()
	}
	return nil
}

// side is one of the catalogs to compare: a catalog.json (data holds it) or sources.
type side struct {
	path    string
	data    []byte // the catalog.json; nil for sources
	version int
}

// readSide looks at OLD or NEW: a JSON file is read (and its version peeked at), anything
// else is left for load to read as sources.
func readSide(path string) (*side, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usageError("%s does not exist", path)
		}
		return nil, &exitError{code: ExitSources, err: err}
	}
	s := &side{path: path}
	if fi.IsDir() || !strings.EqualFold(filepath.Ext(path), ".json") {
		return s, nil
	}
	if s.data, err = os.ReadFile(path); err != nil {
		return nil, &exitError{code: ExitSources, err: fmt.Errorf("read %s: %w", path, err)}
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(s.data, &head); err != nil {
		return nil, &exitError{code: ExitSources, err: fmt.Errorf("%s: not a catalog.json: %v", path, err)}
	}
	if head.Version == nil {
		return nil, &exitError{code: ExitSources, err: fmt.Errorf("%s: not a catalog.json: it has no \"version\"", path)}
	}
	s.version = *head.Version
	return s, nil
}

// load returns the side's catalog.
func (s *side) load(ctx context.Context, opts *DiffOptions) (*catalog.Catalog, error) {
	if s.data != nil {
		if s.version != catalog.Version {
			return nil, usageError("%s is a catalog of version %d; this docgen reads version %d: export it again with this docgen (docgen export json)", s.path, s.version, catalog.Version)
		}
		c, err := catalog.DecodeJSON(bytes.NewReader(s.data))
		if err != nil {
			return nil, &exitError{code: ExitSources, err: fmt.Errorf("%s: %w", s.path, err)}
		}
		return c, nil
	}
	src := build.Options{Sources: []string{s.path}, MaxSourceSize: opts.MaxSourceSize}
	if cfg := filepath.Join(s.path, "docgen.yaml"); fileExists(cfg) {
		src = build.Options{Config: cfg, ConfigSet: true, MaxSourceSize: opts.MaxSourceSize}
	}
	l, err := build.Load(ctx, src)
	if err != nil {
		return nil, exitFor(err)
	}
	if l.Diags.HasErrors() {
		printDiags(opts.IO, l.Diags)
		return nil, &exitError{code: ExitSources, err: fmt.Errorf("%s: the sources have %s; nothing compared", s.path, countSummary(l.Diags))}
	}
	return l.Catalog, nil
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// statusText names an entry's status: "400 Bad Request", "no status", "JSON-RPC".
func statusText(e *catalog.Entry) string {
	switch {
	case e.Protocol == catalog.JSONRPC:
		return "JSON-RPC"
	case e.Status == 0:
		return "no status"
	}
	return e.Status.String()
}

// changeText is one line of docgen diff's text output.
func changeText(c catalog.Change) string {
	var s string
	switch c.Kind {
	case catalog.ServiceRemoved:
		s = fmt.Sprintf("%s: service removed (%s)", c.Service, plural(c.Count, "code"))
	case catalog.ServiceAdded:
		s = fmt.Sprintf("%s: service added (%s)", c.Service, plural(c.Count, "code"))
	case catalog.Removed:
		s = fmt.Sprintf("%s: removed %s (%s)", c.Service, c.Code, statusText(c.OldEntry))
	case catalog.Added:
		s = fmt.Sprintf("%s: added %s (%s)", c.Service, c.Code, statusText(c.NewEntry))
	case catalog.StatusChanged:
		s = fmt.Sprintf("%s: status of %s changed: %s -> %s", c.Service, c.Code, statusText(c.OldEntry), statusText(c.NewEntry))
	case catalog.MessageChanged:
		s = fmt.Sprintf("%s: message of %s (%s) changed: %q -> %q", c.Service, c.Code, statusText(c.NewEntry),
			clip(c.OldEntry.Message, 80), clip(c.NewEntry.Message, 80))
	case catalog.DescriptionChanged:
		s = fmt.Sprintf("%s: description of %s (%s) changed: %q -> %q", c.Service, c.Code, statusText(c.NewEntry),
			clip(c.OldEntry.Description, 60), clip(c.NewEntry.Description, 60))
	}
	if c.Breaking() {
		s += " [breaking]"
	}
	return s
}

// jsonChange is one change in docgen diff --format json.
type jsonChange struct {
	Kind           string    `json:"kind"`
	Breaking       bool      `json:"breaking"`
	Service        string    `json:"service"`
	Code           string    `json:"code,omitempty"`
	Protocol       string    `json:"protocol,omitempty"`
	OldStatus      *int      `json:"oldStatus,omitempty"`
	NewStatus      *int      `json:"newStatus,omitempty"`
	OldMessage     *string   `json:"oldMessage,omitempty"`
	NewMessage     *string   `json:"newMessage,omitempty"`
	OldDescription *string   `json:"oldDescription,omitempty"`
	NewDescription *string   `json:"newDescription,omitempty"`
	Count          int       `json:"count,omitempty"`
	Source         *jsonDiff `json:"source,omitempty"`
}

type jsonDiff struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

func writeDiffJSON(w io.Writer, opts *DiffOptions, changes []catalog.Change) error {
	out := struct {
		Old      string       `json:"old"`
		New      string       `json:"new"`
		Total    int          `json:"total"`
		Breaking int          `json:"breaking"`
		Changes  []jsonChange `json:"changes"`
	}{Old: opts.Old, New: opts.New, Total: len(changes), Changes: []jsonChange{}}
	for _, c := range changes {
		jc := jsonChange{Kind: c.Kind.String(), Breaking: c.Breaking(), Service: c.Service, Code: c.Code, Count: c.Count}
		if c.Breaking() {
			out.Breaking++
		}
		status := func(e *catalog.Entry) *int {
			if e == nil || e.Status == 0 {
				return nil
			}
			n := int(e.Status)
			return &n
		}
		if e := c.OldEntry; e != nil {
			jc.Protocol = e.Protocol.String()
			jc.OldStatus = status(e)
		}
		if e := c.NewEntry; e != nil {
			jc.Protocol = e.Protocol.String()
			jc.NewStatus = status(e)
		}
		switch c.Kind {
		case catalog.MessageChanged:
			jc.OldMessage, jc.NewMessage = &c.OldEntry.Message, &c.NewEntry.Message
		case catalog.DescriptionChanged:
			jc.OldDescription, jc.NewDescription = &c.OldEntry.Description, &c.NewEntry.Description
		}
		if p := c.Pos(); p.File != "" {
			jc.Source = &jsonDiff{Path: p.File, Line: p.Line}
		}
		out.Changes = append(out.Changes, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeDiffGitHub prints one workflow command per change: an error for a change that
// fails the diff, a warning for another breaking one, a notice for the rest.
func writeDiffGitHub(w io.Writer, changes []catalog.Change, failing func(catalog.Change) bool) error {
	for _, c := range changes {
		kind := "notice"
		switch {
		case failing(c):
			kind = "error"
		case c.Breaking():
			kind = "warning"
		}
		p := c.Pos()
		if c.Kind == catalog.Removed && c.NewSource != "" {
			// The pull request shows the new file, not the old one: point there, near
			// where the code was (its old line, or the first when the new file is
			// shorter).
			p = catalog.Pos{File: c.NewSource, Line: c.OldEntry.Source.Line}
			if n := lineCount(c.NewSource); n > 0 && n < p.Line {
				p.Line = 1
			}
		}
		props := "file=" + ghProperty(p.File)
		if p.Line > 0 {
			props += fmt.Sprintf(",line=%d", p.Line)
		}
		props += ",title=" + ghProperty("docgen diff: "+c.Kind.String())
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", kind, props, ghData(changeText(c))); err != nil {
			return err
		}
	}
	return nil
}

// lineCount returns how many lines the file at path has, or 0 when it cannot be read.
func lineCount(path string) int {
	data, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil || len(data) == 0 {
		return 0
	}
	n := bytes.Count(data, []byte("\n"))
	if data[len(data)-1] != '\n' {
		n++
	}
	return n
}
