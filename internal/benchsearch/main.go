// Command benchsearch measures the site's search in headless Chromium on a large synthetic
// catalog: it generates a catalog of -n entries (internal/corpus), writes its overview page,
// assets and search index (render/site with HomeOnly), serves them on 127.0.0.1 and, for
// each query kind (a Korean word with a particle, a SNAKE_CASE code, a camelCase fragment,
// a numeric prefix), over HTTP/1.1 (at most six requests at a time) and over HTTPS with
// HTTP/2 (as static hosts serve), reports what a cold query loads (bytes, files) and how long it takes,
// the CPU time the page's main thread spent in tasks meanwhile (thread time: what another
// process takes from the core does not count, so it compares builds on a busy machine),
// and how long the same query takes warm, as the median of -cold runs (and the slowest). It
// is a benchmark, not a test: it fails nothing.
//
// Usage:
//
//	go run ./internal/benchsearch                 # 100,000 entries
//	go run ./internal/benchsearch -n 20000 -warm 50
//	go run ./internal/benchsearch -protos h2 -latency 80ms -kinds snake,typo -timeline
//
// The depth column is the longest chain of index files each requested after the one
// before it had arrived: the round trips a query waits for one after another. On a busy
// machine the CPU between two files can make independent files look chained; -latency
// (with h2, which has no limit of six requests at a time) makes every round trip long
// enough that only real waits chain.
//
// A cold query runs in a new tab with the browser cache off, right after the page loaded:
// the manifest, dictionary shards, postings and document records it needs all come over
// the network. Its time is measured in the page (performance.now around
// window.docgen.search) and its bytes at the server (response bodies) and by Chromium
// (encoded data length, headers included). A warm query is the same query again in the
// same tab, with every file it needs already loaded.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"docgen/internal/browsertest"
	"docgen/internal/corpus"
	"docgen/render"
	"docgen/render/search"
	"docgen/render/site"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchsearch:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchsearch", flag.ContinueOnError)
	n := fs.Int("n", 100000, "entries in the synthetic catalog")
	cold := fs.Int("cold", 5, "cold runs per query, each in a new tab (the median is reported)")
	warm := fs.Int("warm", 20, "warm runs per query (the median is reported)")
	timeline := fs.Bool("timeline", false, "print, for the first cold run of each query, when each index file loaded")
	typing := fs.Duration("typing", 0, "before a cold query, focus the search box and wait this long, as a user types (0: call the search at once)")
	cpuProfile := fs.String("profile", "", "write a CPU profile of the page during the first cold run of each query to this folder, as <kind>.cpuprofile (Chrome DevTools opens it)")
	results := fs.Bool("results", false, "print the results (service/code score) of the first cold run of each query, to compare two builds")
	kinds := fs.String("kinds", "", "which query kinds to run, comma-separated (default: all)")
	latency := fs.Duration("latency", 0, "a network latency Chromium adds to every index file of a cold query (0: none): with it, each step that waits for a file costs about that much, so that the depth and the cold time show the round trips rather than this machine's CPU")
	protos := fs.String("protos", "h1,h2", "which servers to measure: h1 (HTTP/1.1), h2 (HTTP/2), or both")
	dir := fs.String("dir", "", "where to write the site (default: a temporary folder, removed afterwards)")
	chromium := fs.String("chromium", browsertest.ChromiumPath(), "the browser to drive")
	var sopts search.Options
	fs.IntVar(&sopts.DocsPerShard, "per", 0, "document records per file (0: the index's default)")
	fs.IntVar(&sopts.ShardBytes, "shard", 0, "bytes per dictionary shard (0: the index's default)")
	fs.IntVar(&sopts.InlineMax, "inline", 0, "longest postings kept in the dictionary (0: the index's default)")
	fs.IntVar(&sopts.HotTerms, "hot", 0, "frequent terms listed in the manifest with their postings files (0: the index's default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *chromium == "" {
		return errors.New("no Chromium: install Debian's chromium or pass -chromium")
	}
	out := *dir
	if out == "" {
		tmp, err := os.MkdirTemp("", "docgen-benchsearch-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = tmp
	}

	t0 := time.Now()
	c := corpus.Generate(*n)
	tGen := time.Since(t0)
	t0 = time.Now()
	var files, indexBytes int
	var scriptBytes int
	err := site.Render(c, site.Options{HomeOnly: true, Search: sopts}, func(rel string, data []byte) error {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		files++
		if strings.HasPrefix(rel, render.SearchURL("")) {
			indexBytes += len(data)
		}
		if strings.HasSuffix(rel, ".js") && strings.HasPrefix(rel, render.AssetURL("")) {
			scriptBytes = len(data)
		}
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "benchsearch: %d entries generated in %v; overview, assets and index (%d files, %.1f MB) written in %v\n",
		*n, tGen.Round(time.Millisecond), files, float64(indexBytes)/1e6, time.Since(t0).Round(time.Millisecond))

	profile, err := os.MkdirTemp("", "docgen-benchsearch-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	browser, cancel := browsertest.Start(context.Background(), *chromium, profile, chromedp.IgnoreCertErrors)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("start %s: %w", *chromium, err)
	}

	tw := tabwriter.NewWriter(stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(stdout, "search on %d entries (%d services), Chromium headless, 127.0.0.1; docgen.js is %.1f KB, loaded with the page\n",
		*n, len(c.Services), float64(scriptBytes)/1024)
	fmt.Fprintln(tw, "server\tkind\tquery\tresults\tof\tcold KB (bodies)\tcold KB (wire)\tfiles\tdepth\tcold ms (median)\tcold ms (max)\tcold CPU ms (median)\twarm ms (median)\twarm ms (max)\t")
	for _, h2 := range []bool{false, true} {
		if !slices.Contains(strings.Split(*protos, ","), map[bool]string{false: "h1", true: "h2"}[h2]) {
			continue
		}
		srv, err := serve(out, h2)
		if err != nil {
			return err
		}
		proto := "HTTP/1.1"
		if h2 {
			proto = "HTTP/2"
		}
		floor, floorFetch, floorMany, err := requestFloor(browser, srv)
		if err != nil {
			srv.close()
			return err
		}
		fmt.Fprintf(stdout, "%s: one index file takes %.1f ms to load by itself on this machine now as a script, %.1f ms with fetch and JSON.parse; %d at once take %.1f ms, %.1f ms per file after the first (medians of 11, alternating)\n",
			proto, floor, floorFetch, floorFiles, floorMany, (floorMany-floor)/(floorFiles-1))
		for _, q := range corpus.Queries(c) {
			if *kinds != "" && !slices.Contains(strings.Split(*kinds, ","), q.Kind) {
				continue
			}
			var ms []measurement
			for range max(*cold, 1) {
				prof := ""
				if *cpuProfile != "" && len(ms) == 0 {
					prof = filepath.Join(*cpuProfile, strings.NewReplacer("/", "", ".", "").Replace(proto)+"-"+q.Kind+".cpuprofile")
				}
				m, err := measure(browser, srv, q.Query, *warm, *typing, *latency, *timeline && len(ms) == 0, *results && len(ms) == 0, prof, stderr)
				if err != nil {
					srv.close()
					return fmt.Errorf("%s %q: %w", q.Kind, q.Query, err)
				}
				ms = append(ms, m)
			}
			slices.SortFunc(ms, func(a, b measurement) int { return cmp.Compare(a.coldMS, b.coldMS) })
			m := ms[len(ms)/2]
			var warmMed, warmMax []float64
			for _, x := range ms {
				warmMed = append(warmMed, x.warmMedian)
				warmMax = append(warmMax, x.warmMax)
			}
			slices.Sort(warmMed)
			var cpu []float64
			for _, x := range ms {
				cpu = append(cpu, x.cpuMS)
			}
			slices.Sort(cpu)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%.1f\t%.1f\t%d\t%s\t%.1f\t%.1f\t%.1f\t%.2f\t%.2f\t\n", proto, q.Kind, q.Query, m.results, m.total,
				float64(m.bodyBytes)/1024, m.wireBytes/1024, m.files, depths(ms), m.coldMS, ms[len(ms)-1].coldMS, cpu[len(cpu)/2], warmMed[len(warmMed)/2], slices.Max(warmMax))
		}
		srv.close()
	}
	return tw.Flush()
}

// depths returns the depths of the cold runs' fetches (see depthJS), lowest first:
// "4" when every run had the same, "4-5" otherwise.
func depths(ms []measurement) string {
	var ds []int
	for _, m := range ms {
		var d int
		if _, err := fmt.Sscanf(m.depth, "%d", &d); err == nil {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return "?"
	}
	lo, hi := slices.Min(ds), slices.Max(ds)
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d-%d", lo, hi)
}

// server serves the site and counts the bytes of the response bodies it sends.
type server struct {
	url   string
	stop  func()
	mu    sync.Mutex
	bytes int
	files []string
}

func serve(dir string, h2 bool) (*server, error) {
	s := &server{}
	fileServer := http.FileServer(http.Dir(dir))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		fileServer.ServeHTTP(cw, r)
		s.mu.Lock()
		s.bytes += cw.n
		s.files = append(s.files, r.URL.Path)
		s.mu.Unlock()
	})
	if h2 {
		// HTTPS with HTTP/2, as static hosts serve today: one connection, no limit of six
		// requests at a time. The certificate is httptest's; Chromium is told to accept it.
		ts := httptest.NewUnstartedServer(handler)
		ts.EnableHTTP2 = true
		ts.Config.ErrorLog = log.New(io.Discard, "", 0) // tabs closing mid-handshake are no news
		ts.StartTLS()
		s.url, s.stop = ts.URL, ts.Close
		return s, nil
	}
	ts := httptest.NewServer(handler)
	s.url, s.stop = ts.URL, ts.Close
	return s, nil
}

func (s *server) close() { s.stop() }

func (s *server) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes, s.files = 0, nil
}

func (s *server) count() (int, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes, slices.Clone(s.files)
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

// Write counts what it passes on.
func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += n
	return n, err
}

type measurement struct {
	results, total      int
	bodyBytes, files    int
	wireBytes           float64
	coldMS              float64
	cpuMS               float64 // the main thread's CPU time in tasks during the cold query
	depth               string  // the longest chain of index files each requested after the one before arrived
	warmMedian, warmMax float64
}

type timing struct {
	MS      float64  `json:"ms"`
	N       int      `json:"n"`
	Total   int      `json:"total"`
	Results []string `json:"results"` // service/code score, for -results
}

// measure runs q cold in a new tab with the cache off, then warm runs times. With typing
// > 0, the cold query comes that long after the search box got focus (what focus loads is
// counted with the query's bytes, not its time).
func measure(browser context.Context, srv *server, q string, runs int, typing, latency time.Duration, timeline, showResults bool, profile string, log io.Writer) (measurement, error) {
	var m measurement
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return m, err
	}
	w, err := browsertest.NewWatch(ctx)
	if err != nil {
		return m, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"/index.html")); err != nil {
		return m, err
	}
	time.Sleep(200 * time.Millisecond) // let the page settle
	if latency > 0 {
		cond := &network.Conditions{URLPattern: srv.url + "/-/search/*", Latency: float64(latency) / float64(time.Millisecond), DownloadThroughput: -1, UploadThroughput: -1}
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{cond}}); err != nil {
			return m, fmt.Errorf("emulate latency: %w", err)
		}
	}
	// The page's main thread: its CPU time (thread ticks, not wall time, so that another
	// process taking the core does not count) in tasks, read before and after the query.
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks}); err != nil {
		return m, err
	}
	srv.reset()
	w.Reset()
	if typing > 0 {
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("q"))); err != nil {
			return m, err
		}
		time.Sleep(typing)
	}
	js := fmt.Sprintf(`(async () => { const t0 = performance.now(); const r = await docgen.search(%q); const ms = performance.now() - t0; return {ms: ms, n: r.length, total: r.total, results: r.map(x => x.service + '/' + x.code + ' ' + x.score)}; })()`, q)
	if profile != "" {
		if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
			return m, err
		}
		if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
			return m, err
		}
		if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
			return m, err
		}
	}
	cpu0, err := taskCPU(ctx)
	if err != nil {
		return m, err
	}
	cold, err := chromedp.Run(ctx, chromedp.Evaluate[timing](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return m, err
	}
	if profile != "" {
		r, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		if err != nil {
			return m, err
		}
		data, err := json.Marshal(r.Profile)
		if err != nil {
			return m, err
		}
		if err := os.WriteFile(profile, data, 0o644); err != nil {
			return m, err
		}
	}
	cpu1, err := taskCPU(ctx)
	if err != nil {
		return m, err
	}
	m.cpuMS = cpu1 - cpu0
	time.Sleep(100 * time.Millisecond) // let the last loadingFinished events arrive
	if showResults {
		fmt.Fprintf(log, "%s: %d of %d\n  %s\n", q, cold.N, cold.Total, strings.Join(cold.Results, "\n  "))
	}
	if timeline {
		tl, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const es = performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'));
			const t0 = es.length ? es[0].startTime : 0;
			const name = e => e.name.replace(/.*\/search\/[0-9a-f]+\//, '');
			const lines = es.map(e => [e.startTime, name(e).padEnd(12) + (e.startTime - t0).toFixed(1).padStart(7) + ' → ' + (e.responseEnd - t0).toFixed(1).padStart(6) + ' ms']);
			// marks and measures the client may set (none in a release; a copy instrumented by hand)
			performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')).forEach(e => {
				lines.push([e.startTime, '  · ' + e.name.padEnd(16) + (e.startTime - t0).toFixed(1).padStart(7) + (e.duration ? ' +' + e.duration.toFixed(1) + ' ms' : '')]);
			});
			lines.sort((a, b) => a[0] - b[0]);
			return lines.map(l => l[1]);
		})()`))
		if err != nil {
			return m, err
		}
		deps, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](depthJS))
		if err != nil {
			return m, err
		}
		fmt.Fprintf(log, "%s (cold %.1f ms, depth %s):\n  %s\n", q, cold.MS, deps[0], strings.Join(tl, "\n  "))
	}
	if deps, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](depthJS)); err == nil {
		m.depth = deps[0]
	}
	m.coldMS, m.results, m.total = cold.MS, cold.N, cold.Total
	var paths []string
	m.bodyBytes, paths = srv.count()
	m.files = len(paths)
	m.wireBytes, _ = w.Bytes("/search/")
	var warm []float64
	for range runs {
		t, err := chromedp.Run(ctx, chromedp.Evaluate[timing](js, chromedp.EvalAwaitPromise))
		if err != nil {
			return m, err
		}
		warm = append(warm, t.MS)
	}
	slices.Sort(warm)
	if len(warm) > 0 {
		m.warmMedian, m.warmMax = warm[len(warm)/2], warm[len(warm)-1]
	}
	if extra, _ := srv.count(); extra != m.bodyBytes {
		return m, fmt.Errorf("warm queries loaded %d more bytes", extra-m.bodyBytes)
	}
	return m, nil
}

// taskCPU returns the CPU time the page's main thread has spent in tasks so far, in ms.
func taskCPU(ctx context.Context) (float64, error) {
	r, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	for _, mt := range r.Metrics {
		if mt.Name == "TaskDuration" {
			return mt.Value * 1000, nil
		}
	}
	return 0, errors.New("no TaskDuration metric")
}

// depthJS returns, from the page's resource timings, the depth of a query's fetches: the
// longest chain of index files each requested after the one before it had arrived (as
// "n" and the chain itself). A query whose files all start at once has depth 1; each step
// that waits for a file before it knows the next adds one.
const depthJS = `(() => {
	const es = performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
		.map(e => ({name: e.name.replace(/.*\/search\/[0-9a-f]+\//, '').replace(/\.js$/, ''), start: e.startTime, end: e.responseEnd}));
	es.sort((a, b) => a.start - b.start);
	const best = es.map(() => null);
	es.forEach((e, i) => {
		let chain = [e.name];
		for (let j = 0; j < i; j++) {
			if (es[j].end <= e.start && best[j].length + 1 > chain.length) chain = best[j].concat([e.name]);
		}
		best[i] = chain;
	});
	let top = [];
	best.forEach(c => { if (c.length > top.length) top = c; });
	return [top.length + ' (' + top.join(' → ') + ')'];
})()`

// floorFiles is how many files requestFloor loads at once.
const floorFiles = 8

// requestFloor returns how long loading one index file takes in a page of the site, the
// cost every stage of a cold query pays at least once, by the two ways a page can load it:
// as a script (what file:// needs) and, over http(s), with fetch() and JSON.parse of the
// call's argument; and how long floorFiles of them take as scripts at once, as a level of
// a query asks for its files. The files of a level are not free because they go out
// together: each request costs Chromium's processes (browser, network service, renderer)
// CPU time of its own, whatever its size, so on a machine with few cores a level of n
// files takes about the first file's time plus n-1 times this per-file cost. Each is the
// median of 11 loads of the services file (s.js), the three ways alternating, with the
// cache off and the Network domain on (as in measure).
func requestFloor(browser context.Context, srv *server) (script, fetched, many float64, err error) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return 0, 0, 0, err
	}
	if _, err := browsertest.NewWatch(ctx); err != nil {
		return 0, 0, 0, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"/index.html")); err != nil {
		return 0, 0, 0, err
	}
	ts, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(async () => {
		const src = document.documentElement.dataset.root + document.documentElement.dataset.index + 's.js';
		const script = u => new Promise((ok, fail) => { const s = document.createElement('script'); s.src = u; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
		const fetched = u => fetch(u).then(r => r.text()).then(t => JSON.parse(t.slice(t.indexOf(',') + 1, t.lastIndexOf(')'))));
		const many = u => Promise.all(Array.from({length: %d}, (_, k) => script(u + '-' + k)));
		const ways = [script, fetched, many], times = [[], [], []];
		for (let i = 0; i < 11; i++) {
			for (let w = 0; w < 3; w++) {
				const t0 = performance.now();
				await ways[w](src + '?' + i + w);
				times[w].push(performance.now() - t0);
			}
		}
		return times.map(t => { t.sort((a, b) => a - b); return t[5]; });
	})()`, floorFiles), chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, 0, 0, err
	}
	return ts[0], ts[1], ts[2], nil
}
