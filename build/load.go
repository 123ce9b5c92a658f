package build

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
)

// Loaded is the catalog read from the sources, with everything said about it.
type Loaded struct {
	Catalog *catalog.Catalog
	Results []*parse.Result // one per source read, in catalog order
	Diags   catalog.Diagnostics
	Config  *Config // nil when sources were named on the command line
	Inputs  []Input // what was read, in order
	Ignored int     // diagnostics left out by the config's rules and --ignore
}

// Load reads every source into a catalog and checks it. An unreadable source is an Error
// of kind Sources; bad content is a diagnostic.
//
// Once ctx is done (Ctrl-C, or SIGTERM from a CI timeout) it returns ctx's error at once,
// without waiting for a config, a source or a reader that is still busy: the readers do
// not watch ctx everywhere, and a command that is told to stop must stop, not after the
// two minutes a hostile source can take. What is still running is abandoned to the
// process's exit.
func Load(ctx context.Context, opts Options) (*Loaded, error) {
	type result struct {
		l   *Loaded
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, err := load(ctx, opts)
		done <- result{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// load is Load, to the end.
func load(ctx context.Context, opts Options) (*Loaded, error) {
	if err := checkIgnore(opts.Ignore); err != nil {
		return nil, err
	}
	ins, cfg, err := ResolveInputs(opts)
	if err != nil {
		return nil, err
	}
	l := &Loaded{Catalog: newCatalog(cfg), Config: cfg, Inputs: ins}
	all := make([]int, len(ins))
	for i := range all {
		all[i] = i
		ins[i].Meta.Notes = opts.Notes
	}
	outs := readInputs(ctx, ins, all, int64(opts.MaxSourceSize), false)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var read []translated
	for i, o := range outs {
		switch {
		case o.Err != nil:
			return nil, o.Err
		case o.Problem != nil:
			l.Diags = append(l.Diags, *o.Problem)
		case incidental(ins[i], o.Result):
			// a data or code file found in a folder that lists no errors (package.json)
		default:
			l.Results = append(l.Results, o.Result)
			read = append(read, translated{ins[i], o.Result.Service})
			l.Diags = append(l.Diags, o.Result.Diags...)
		}
	}
	var td catalog.Diagnostics
	l.Catalog.Services, td = combineLanguages(read)
	l.Diags = append(l.Diags, td...)
	finishCatalog(l.Catalog)
	l.Diags = append(l.Diags, catalog.Check(l.Catalog)...)
	for _, s := range l.Catalog.Services {
		if d := reservedID(s); d != nil {
			l.Diags = append(l.Diags, *d)
		}
	}
	l.Diags = append(l.Diags, langFolderIDs(l.Catalog)...)
	l.Diags, l.Ignored = applyRules(l.Diags, cfg, opts.Ignore)
	l.Diags.Sort()
	return l, nil
}

// newCatalog returns an empty catalog with the config's title, language and base URL.
func newCatalog(cfg *Config) *catalog.Catalog {
	c := &catalog.Catalog{}
	if cfg != nil {
		c.Title, c.Lang, c.BaseURL = cfg.Title, cfg.Lang, cfg.BaseURL
	}
	return c
}

// finishCatalog gives c the title and language of its only (first) service where the
// config gives none.
func finishCatalog(c *catalog.Catalog) {
	if c.Title == "" {
		c.Title = "Error catalog"
		if len(c.Services) == 1 {
			c.Title = c.Services[0].Title
		}
	}
	if c.Lang == "" && len(c.Services) > 0 {
		c.Lang = c.Services[0].Lang
	}
}

// langFolderIDs returns the errors of services whose IDs are the folder of another
// service's language ("en" beside a service with English pages under en/).
func langFolderIDs(c *catalog.Catalog) catalog.Diagnostics {
	var d catalog.Diagnostics
	for _, s := range c.Services {
		for _, t := range s.Translations {
			for _, o := range c.Services {
				if o.ID == t.Lang {
					d.Add(catalog.Pos{File: o.Source, Line: 1, Col: 1}, catalog.Error, "reserved-id",
						"service id %q is the folder of the %s pages of service %q; set another id for this source in docgen.yaml", o.ID, t.Lang, s.ID)
				}
			}
		}
	}
	return d
}

// reservedID returns the diagnostic of a service whose ID cannot name its folder of the
// site, or nil.
func reservedID(s *catalog.Service) *catalog.Diagnostic {
	err := render.CheckServiceID(s.ID)
	if err == nil {
		return nil
	}
	var d catalog.Diagnostics
	d.Add(catalog.Pos{File: s.Source, Line: 1, Col: 1}, catalog.Error, "reserved-id",
		"%v; set another id for this source in docgen.yaml", err)
	return &d[0]
}

// outcome is what reading and parsing one source gave.
type outcome struct {
	Result  *parse.Result
	Sum     [sha256.Size]byte   // of the bytes read, when asked for
	Problem *catalog.Diagnostic // a refusal: too large, a link outside the root, not a file
	Err     error               // the source could not be read, or ctx is done
}

// readInputs reads and parses ins[i] for each i of todo, on every core; the outcomes keep
// the order of todo, so the catalog is the same whatever the number of cores. With sum it
// also hashes each source's bytes. Once ctx is done it stops: check ctx before using the
// outcomes.
func readInputs(ctx context.Context, ins []Input, todo []int, maxSize int64, sum bool) []outcome {
	outs := make([]outcome, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(todo) || ctx.Err() != nil {
					return
				}
				in := ins[todo[k]]
				raw, problem, err := readSource(in, maxSize)
				outs[k] = outcome{Problem: problem, Err: err}
				if err == nil && problem == nil {
					if sum {
						outs[k].Sum = sha256.Sum256(raw)
					}
					// A cancelled read (Ctrl-C, SIGTERM) returns at once with ctx's error.
					outs[k].Result, outs[k].Err = parse.ReadContext(ctx, parse.NewSourceOwned(in.Path, raw), in.Meta)
				}
			}
		})
	}
	wg.Wait()
	return outs
}

// Protected lists what an output must not be or hold: every source, the folders sources
// were taken from, and the config.
func (l *Loaded) Protected() []render.Protected {
	var keep []render.Protected
	if l.Config != nil {
		keep = append(keep, render.Protected{Path: l.Config.path, What: "the config"})
	}
	roots := map[string]bool{}
	for _, in := range l.Inputs {
		if in.Root != "" && !roots[in.Root] {
			roots[in.Root] = true
			keep = append(keep, render.Protected{Path: in.Root, What: "source folder"})
		}
	}
	for _, in := range l.Inputs {
		keep = append(keep, render.Protected{Path: filepath.FromSlash(in.Path), What: "source"})
	}
	return keep
}
