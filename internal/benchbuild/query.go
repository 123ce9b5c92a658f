package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"docgen/internal/browsertest"
)

// queryCost is what one first query cost a site.
type queryCost struct {
	results, total        int   // results shown, results found
	pageBytes, pageGzip   int64 // loaded with the page, before the query: as served, gzipped
	queryBytes, queryGzip int64 // loaded by the query: as served, gzipped
	files                 int   // files the query fetched
	paths                 []string
}

// resultsText writes "shown/found".
func (c queryCost) resultsText() string { return fmt.Sprintf("%d/%d", c.results, c.total) }

// queryResult is one query measured on both sites.
type queryResult struct {
	query
	docgen, pagefind queryCost
}

// counter serves a folder and counts what it sends: response bodies, and their size
// gzipped at level 6.
type counter struct {
	url   string
	stop  func()
	mu    sync.Mutex
	bytes int64
	gz    int64
	paths []string
}

// serveCounting serves dir on 127.0.0.1 and counts what it sends.
func serveCounting(dir string) *counter {
	c := &counter{}
	files := http.FileServer(http.Dir(dir))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		cw.zw, _ = gzip.NewWriterLevel(&cw.gz, 6)
		files.ServeHTTP(cw, r)
		cw.zw.Close()
		c.mu.Lock()
		c.bytes += cw.n
		c.gz += cw.gz.n
		c.paths = append(c.paths, r.URL.Path)
		c.mu.Unlock()
	}))
	c.url, c.stop = ts.URL, ts.Close
	return c
}

// take returns what was counted since the last take and starts again.
func (c *counter) take() (bytes, gz int64, paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	bytes, gz, paths = c.bytes, c.gz, c.paths
	c.bytes, c.gz, c.paths = 0, 0, nil
	return
}

// countingWriter passes a response on, counting its body and its gzipped size.
type countingWriter struct {
	http.ResponseWriter
	n  int64
	zw *gzip.Writer
	gz byteCount
}

// Write counts p and passes it on.
func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	w.zw.Write(p[:n])
	return n, err
}

// byteCount is a writer that only counts.
type byteCount struct{ n int64 }

// Write counts p.
func (b *byteCount) Write(p []byte) (int, error) { b.n += int64(len(p)); return len(p), nil }

// counts is what a query script returns: the results shown and the results found.
type counts struct {
	N     int `json:"n"`
	Total int `json:"total"`
}

// docgenQuery runs q with docgen's search client, as its search box does.
const docgenQuery = `(async () => { const r = await window.docgen.search(%q); return {n: r.length, total: r.total ?? r.length}; })()`

// pagefindQuery runs q with Pagefind's JS API as its default UI does: load it, search,
// load the first five results' data to show their titles and excerpts.
const pagefindQuery = `(async () => {
	const pf = await import("/pagefind/pagefind.js");
	await pf.init();
	const s = await pf.search(%q);
	const shown = await Promise.all(s.results.slice(0, 5).map(r => r.data()));
	return {n: shown.length, total: s.results.length};
})()`

// measureQueries measures each query's first run on docgen's site and on the Hugo site
// with Pagefind's index, each in a new tab with the cache off.
func measureQueries(chromium, docgenDir, hugoDir string, qs []query) ([]queryResult, error) {
	profile, err := os.MkdirTemp("", "docgen-benchbuild-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	browser, cancel := browsertest.Start(context.Background(), chromium, profile)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		return nil, fmt.Errorf("start %s: %w", chromium, err)
	}
	dsrv, hsrv := serveCounting(docgenDir), serveCounting(hugoDir)
	defer dsrv.stop()
	defer hsrv.stop()
	var out []queryResult
	for _, q := range qs {
		r := queryResult{query: q}
		if r.docgen, err = firstQuery(browser, dsrv, "/index.html", `new Promise(ok => { const t = () => window.docgen && window.docgen.search ? ok(true) : setTimeout(t, 20); t(); })`, fmt.Sprintf(docgenQuery, q.text)); err != nil {
			return out, fmt.Errorf("docgen %q: %w", q.text, err)
		}
		if r.pagefind, err = firstQuery(browser, hsrv, "/index.html", `Promise.resolve(true)`, fmt.Sprintf(pagefindQuery, q.text)); err != nil {
			return out, fmt.Errorf("pagefind %q: %w", q.text, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// firstQuery opens page in a new tab with the cache off, waits for ready (a promise), lets
// the page settle, then runs js (a promise of counts) and returns what the page and the
// query loaded.
func firstQuery(browser context.Context, srv *counter, page, ready, js string) (queryCost, error) {
	var c queryCost
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return c, err
	}
	srv.take()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+page)); err != nil {
		return c, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready, chromedp.EvalAwaitPromise)); err != nil {
		return c, fmt.Errorf("page not ready: %w", err)
	}
	time.Sleep(300 * time.Millisecond) // let the page settle
	c.pageBytes, c.pageGzip, _ = srv.take()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[counts](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return c, err
	}
	time.Sleep(200 * time.Millisecond) // let late requests finish
	c.results, c.total = n.N, n.Total
	c.queryBytes, c.queryGzip, c.paths = srv.take()
	c.files = len(c.paths)
	return c, nil
}
