package site

import (
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"docgen/catalog"
	"docgen/render"
)

// Partial says which pages RenderPartial writes, and which search index they link to.
type Partial struct {
	// Services are the IDs of the services whose own page and entry pages are written.
	Services []string
	// IndexDir is the site-relative folder of the search index that an earlier Render of
	// the site wrote ("search/0123456789/", the folder of its files), which the pages link
	// to: RenderPartial builds no index of its own.
	IndexDir string
}

// RenderPartial writes part of the site of c, for a preview that must show an edit at
// once (docgen serve): the content-hashed assets, the overview, every status page,
// 404.html, and the service page and entry pages of each service p names. It builds no
// search index and writes no sitemap, which on a large catalog is most of Render's time,
// and leaves the other services' pages alone.
//
// Each page it writes is the page Render writes for c, except that it links to the search
// index in p.IndexDir (which may be older than c); a Render of c afterwards brings every
// page, the index and the sitemap up to date. opts.HomeOnly and opts.Search are ignored.
func RenderPartial(c *catalog.Catalog, opts Options, p Partial, write func(rel string, data []byte) error) error {
	if p.IndexDir == "" || !strings.HasPrefix(p.IndexDir, render.SearchURL("")) || !strings.HasSuffix(p.IndexDir, "/") {
		return errors.New("site: Partial.IndexDir must be the folder of a search index, such as \"search/0123456789/\"")
	}
	b, err := newBuilder(c, opts, write)
	if err != nil {
		return err
	}
	return b.partial(p)
}

// partial does what build does, minus the search index, the sitemap and the pages of the
// services p does not name.
func (b *builder) partial(p Partial) error {
	if err := b.prepare(p.IndexDir); err != nil {
		return err
	}
	// b.refs now holds every entry, so making a page only reads the builder: the pages are
	// made on every core, the largest (the status pages, which list every entry of their
	// status) first.
	var jobs []func(*builder) error
	for _, st := range statuses(b.c) {
		jobs = append(jobs, func(b *builder) error { return b.status(st) })
	}
	jobs = append(jobs, (*builder).home, (*builder).notFound)
	for _, s := range b.c.Services {
		if !slices.Contains(p.Services, s.ID) {
			continue
		}
		for _, lang := range s.Langs() {
			jobs = append(jobs, func(b *builder) error { return b.serviceIn(s, lang) })
			for i, e := range s.Entries {
				jobs = append(jobs, func(b *builder) error { return b.entryIn(s, i, e, lang) })
			}
		}
	}
	return b.run(jobs)
}

// run runs jobs on every core and returns the first error in the order of jobs. A job may
// only read the builder: everything the pages share is computed before.
func (b *builder) run(jobs []func(*builder) error) error {
	errs := make([]error, len(jobs))
	var failed atomic.Bool
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(jobs) || failed.Load() {
					return
				}
				if errs[k] = jobs[k](b); errs[k] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
