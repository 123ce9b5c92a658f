package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"docgen/catalog"
	"docgen/render"
	"docgen/render/openapi"
	"docgen/render/search"
	"docgen/render/site"
)

// Output is one renderer of a build. Each reads the catalog only; a failure in any of them
// aborts the whole build and writes nothing.
type Output struct {
	Name  string
	Write func(render.Writer, *catalog.Catalog) error
}

// Outputs returns what a build writes, in order; cfg is nil when the sources were named
// on the command line.
func Outputs(cfg *Config) []Output {
	var oa openapi.Settings
	var ss search.Settings
	if cfg != nil {
		oa, ss = cfg.OpenAPI, cfg.Search
	}
	return []Output{
		{"json catalog", render.WriteJSON},
		{"openapi", func(o render.Writer, c *catalog.Catalog) error { return openapi.WriteFiles(o, c, oa) }},
		{"site", func(o render.Writer, c *catalog.Catalog) error { return site.WriteWith(o, c, ss) }},
	}
}

// writeOutputs runs every output at once: the site renders on every core, the JSON catalog
// and the OpenAPI document are one stream each, and they write different files, so running
// them side by side keeps both cores busy to the end. It returns the errors of the outputs
// that failed, in the order of outs.
func writeOutputs(o render.Writer, c *catalog.Catalog, outs []Output) error {
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, w := range outs {
		wg.Go(func() {
			if err := w.Write(o, c); err != nil {
				errs[i] = fmt.Errorf("%s: %w", w.Name, err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Stage opens the output folder dir for l: a temporary folder beside it that Write fills
// and swaps in. It refuses (an Error of kind Usage) a dir that is or holds a source, the
// config or the working directory, and an existing folder docgen did not write.
func (l *Loaded) Stage(ctx context.Context, dir string) (*render.Output, error) {
	out, err := render.NewOutput(ctx, dir, l.Protected()...)
	if err != nil {
		if _, ok := errors.AsType[*render.RefusedError](err); ok {
			return nil, &Error{Kind: Usage, Err: err}
		}
		return nil, internalError(err)
	}
	return out, nil
}

// Write renders every output of l into out and swaps it in; on any failure it removes
// what it wrote and leaves the previous output as it was.
func (l *Loaded) Write(out *render.Output) error {
	if err := writeOutputs(out, l.Catalog, Outputs(l.Config)); err != nil {
		out.Abort()
		return internalError(err)
	}
	if err := out.Commit(); err != nil {
		return internalError(err)
	}
	return nil
}

// MemSite collects rendered files in memory (docgen serve). WriteFile may be called from
// several goroutines at once; once ctx is done it fails, which stops the renderer.
type MemSite struct {
	ctx      context.Context
	mu       sync.Mutex
	Files    map[string][]byte // slash-separated path → content
	IndexDir string            // the site-relative folder of the search index written
}

// NewMemSite returns an empty MemSite whose writes fail once ctx is done.
func NewMemSite(ctx context.Context) *MemSite {
	return &MemSite{ctx: ctx, Files: map[string][]byte{}}
}

// WriteFile keeps data as the file rel of the site.
func (m *MemSite) WriteFile(rel string, data []byte) error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	if rel == "" || !fs.ValidPath(rel) {
		return fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.Files[rel] = bytes.Clone(data) // the renderer may reuse data (see render.Writer)
	if dir, ok := searchDir(rel); ok {
		m.IndexDir = dir
	}
	return nil
}

// searchDir returns the folder of the search index that the site file rel belongs to.
func searchDir(rel string) (string, bool) {
	rest, ok := strings.CutPrefix(rel, render.SearchURL(""))
	if !ok {
		return "", false
	}
	dir, _, ok := strings.Cut(rest, "/")
	return render.SearchURL(dir + "/"), ok
}

// RenderAll renders everything a build writes (see Outputs) into memory.
func RenderAll(ctx context.Context, c *catalog.Catalog, cfg *Config) (*MemSite, error) {
	m := NewMemSite(ctx)
	for _, w := range Outputs(cfg) {
		if err := w.Write(m, c); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("%s: %w", w.Name, err)
		}
	}
	return m, ctx.Err()
}

// RenderChanged renders into memory only the pages of c that show the services named
// (their service and entry pages, the overview and the status pages), linking to the
// search index already published at indexDir: the first step of an incremental build,
// before RenderAll makes the rest (and a new index) in the background.
func RenderChanged(ctx context.Context, c *catalog.Catalog, services []string, indexDir string) (*MemSite, error) {
	m := NewMemSite(ctx)
	if err := site.RenderPartial(c, site.Options{ConcurrentWrite: true}, site.Partial{Services: services, IndexDir: indexDir}, m.WriteFile); err != nil {
		return nil, err
	}
	return m, nil
}
