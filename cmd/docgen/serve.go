package main

import (
	"context"
	"net"
	"time"

	"github.com/spf13/cobra"

	"docgen/build"
	"docgen/preview"
	"docgen/report"
)

// ServeOptions are docgen serve's flags and arguments.
type ServeOptions struct {
	IO *IOStreams
	build.Options
	Addr        string // host:port to listen on
	AllowRemote bool   // listen on an address other than the loopback interface
	Quiet       bool

	// Debounce is how long serve waits after a change to a watched file for the next one
	// before it rebuilds: editors save in several steps (rename, write, chmod).
	Debounce time.Duration
	// started, when set, is called once the site is rendered and the server listens
	// (tests use it to learn the address and to wait for background renders).
	started func(*preview.Server)
	// published, when set, sees every version of the site as it is swapped in (tests).
	published func(*preview.Site)
}

func newServeCmd(ios *IOStreams, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "serve [SOURCE...]",
		Short: "Preview the site locally, with live reload as the sources change",
		Long: `Serve reads the sources as docgen build does (the config's, or the files and
folders named), renders the site, catalog.json and openapi.yaml/.json into memory
and serves them over HTTP until Ctrl-C. It writes no files: not --out, not public/.

Live reload: serve watches every source and the config file. When a source changes
it reads and parses only that source again (a config change reads them all),
re-renders the pages that show it (its service and entry pages, the overview and
the status pages) and sends a server-sent event (` + preview.EventsPath + `) on which every open
page reloads; the search index, the other pages, catalog.json and the OpenAPI files
follow in the background. Served HTML pages load ` + preview.ScriptPath + ` for this;
built output never contains it. Folders named on the command line are watched for
new and removed source files too.

A source that now has errors keeps its last good version on the site: its
diagnostics are printed on stderr and the server keeps running.

Serve listens on the loopback interface only: --addr must name 127.0.0.1, ::1 or
localhost unless --allow-remote is given. --addr 127.0.0.1:0 picks a free port; the
URL is printed on stderr.

Ctrl-C stops the server, and serve then exits 0. Before it serves, it exits as build
would on sources it cannot read (1), on a bad flag, config or address (2) or when the
site cannot be rendered (3).

` + exitCodeHelp,
		Example: `  docgen serve                           # content/docgen.yaml on http://127.0.0.1:8080/
  docgen serve docs/errors/ --addr 127.0.0.1:0   # a free port, printed on stderr
  docgen serve --addr 0.0.0.0:8080 --allow-remote  # reachable from other hosts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Sources = args
			opts.ConfigSet = cmd.Flags().Changed("config")
			if err := checkAddr(opts.Addr, opts.AllowRemote); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
	addSourceFlags(cmd.Flags(), &opts.Options, true)
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "the address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().BoolVar(&opts.AllowRemote, "allow-remote", false, "allow an --addr other than the loopback interface")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only diagnostics and the URL")
	return cmd
}

// checkAddr refuses an address that is not host:port, and one whose host is not the
// loopback interface unless allowRemote: a preview is not meant for the network.
func checkAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError("--addr %q: expected host:port, such as 127.0.0.1:8080", addr)
	}
	if allowRemote {
		return nil
	}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	shown := host
	if host == "" {
		shown = "every interface"
	}
	return usageError("--addr %s: serve listens on the loopback interface only (127.0.0.1, ::1, localhost), not on %s; pass --allow-remote to serve other hosts",
		addr, shown)
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	start := time.Now()
	// Listen first: a port in use is said at once, not after the first render.
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return usageError("listen on %s: %v; choose another --addr (127.0.0.1:0 picks a free port)", opts.Addr, err)
	}
	defer ln.Close()
	s := preview.New(ctx, preview.Options{Build: opts.Options, AllowRemote: opts.AllowRemote, Quiet: opts.Quiet,
		Debounce: opts.Debounce, Err: opts.IO.Err, Published: opts.published})
	defer s.Stop()
	if err := s.Load(ctx); err != nil {
		return exitFor(err)
	}
	if err := s.Watch(); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	s.Start(ln)
	// From here on the preview prints too: one write at a time, through s.Printf.
	if !opts.Quiet {
		s.Printf("docgen: %s, %s (%s) rendered in %.2fs\n", report.Plural(len(s.Catalog().Services), "service"),
			report.Entries(s.Catalog().EntryCount()), report.Counts(s.Diagnostics()), time.Since(start).Seconds())
	}
	s.Printf("docgen: serving %s with live reload; Ctrl-C stops\n", s.URL())
	if opts.started != nil {
		opts.started(s)
	}
	if err := s.Run(ctx); err != nil {
		return exitFor(err)
	}
	if !opts.Quiet {
		s.Printf("docgen: stopped serving %s\n", s.URL())
	}
	return nil
}
