package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"docgen/catalog"
	"docgen/internal/browsertest"
	"docgen/internal/corpus"
)

// compareResult is what the comparison measured at one size.
type compareResult struct {
	errors, sources int
	entries         int
	docgen          stats
	hugo, pagefind  stats
	both            stats // Hugo then Pagefind, one after the other: wall and CPU summed, peak RSS the larger
	docgenOut       *tree
	hugoOut         *tree // Hugo's public/, Pagefind's bundle included
	queries         []queryResult
	queryErr        string
	uiBytes, uiGzip int64 // Pagefind's default UI (pagefind-ui.js and .css)
}

// runCompare is the comparison with Hugo and Pagefind (make bench-compare): the same
// synthetic corpus built by docgen from its sources, and as a Hugo site with one page per
// error (internal/hugoexport, from docgen export json) built by hugo and indexed by
// pagefind, runs alternating; then the bytes a first query loads from each site in
// headless Chromium.
func runCompare(args []string, stdout, stderr io.Writer) error {
	var bf benchFlags
	fs := bf.newFlagSet("benchbuild compare", "Hugo + Pagefind", stderr)
	hugoexportBin := fs.String("hugoexport", "", "the hugoexport binary (default: go build ./internal/hugoexport once)")
	hugo := fs.String("hugo", "hugo", "the hugo binary")
	pagefind := fs.String("pagefind", "", "the pagefind binary (default: .bench/node's @pagefind/linux-x64, else pagefind on $PATH)")
	chromium := fs.String("chromium", browsertest.ChromiumPath(), `the browser that measures first-query bytes ("" to skip)`)
	verbose := fs.Bool("v", false, "list the files each first query fetched (on stderr)")
	if err := bf.parse(fs, args); err != nil {
		return err
	}
	sizes := bf.sizes
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if *pagefind == "" {
		*pagefind = filepath.Join(root, ".bench", "node", "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended")
		if _, err := os.Stat(*pagefind); err != nil {
			*pagefind = "pagefind"
		}
	}
	var versions []string
	for _, tool := range []struct{ name, bin, flag string }{{"hugo", *hugo, "version"}, {"pagefind", *pagefind, "--version"}} {
		p, err := exec.LookPath(tool.bin)
		if err != nil {
			return fmt.Errorf("%s not found (%s): run make bench-compare, which installs it", tool.name, tool.bin)
		}
		if p, err = filepath.Abs(p); err != nil { // the tools run in other folders
			return err
		}
		if tool.name == "hugo" {
			*hugo = p
		} else {
			*pagefind = p
		}
		out, _ := exec.Command(p, tool.flag).Output()
		versions = append(versions, strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0]))
	}
	work, cleanup, err := workDir(bf.dir, bf.keep, "docgen-benchcompare-")
	if err != nil {
		return err
	}
	defer cleanup()
	bins := map[string]string{"./cmd/docgen": bf.docgen, "./internal/hugoexport": *hugoexportBin}
	for pkg, bin := range bins {
		if bin == "" {
			fmt.Fprintf(stderr, "benchbuild: go build %s\n", pkg)
			if bin, err = goBuild(root, pkg, work); err != nil {
				return err
			}
		} else if bin, err = filepath.Abs(bin); err != nil {
			return err
		}
		bins[pkg] = bin
	}
	docgen, hugoexport := bins["./cmd/docgen"], bins["./internal/hugoexport"]

	var results []*compareResult
	for _, n := range sizes {
		name := corpus.FormatSize(n)
		res := &compareResult{errors: n, sources: max(1, n/bf.per)}
		sdir := filepath.Join(work, name)
		hdir := filepath.Join(sdir, "hugo")
		if err := os.RemoveAll(sdir); err != nil {
			return err
		}
		if _, err := corpus.WriteSources(filepath.Join(sdir, "src"), res.sources, n); err != nil {
			return err
		}
		if _, err := measure(sdir, docgen, "export", "json", "src", "-o", "catalog.json", "--quiet"); err != nil {
			return err
		}
		if _, err := measure(sdir, hugoexport, "-catalog", "catalog.json", "-out", "hugo", "-quiet"); err != nil {
			return err
		}
		cat, err := readCatalog(filepath.Join(sdir, "catalog.json"))
		if err != nil {
			return err
		}
		for _, s := range cat.Services {
			res.entries += len(s.Entries)
		}
		fmt.Fprintf(stderr, "benchbuild: %s: %d sources, %d entries, Hugo site written\n", name, res.sources, res.entries)

		douts, houts := newScratch(sdir, "public"), newScratch(hdir, "public")
		var docgenOut, hugoOut string // the last run's output of each side
		docgenRun := func() (run, error) {
			out, err := douts.next()
			if err != nil {
				return run{}, err
			}
			docgenOut = out
			return measure(sdir, docgen, "build", "src", "--out", filepath.Base(out), "--quiet")
		}
		hugoRun := func() (run, run, error) {
			out, err := houts.next()
			if err != nil {
				return run{}, run{}, err
			}
			hugoOut = out
			h, err := measure(hdir, *hugo, "--quiet", "--destination", filepath.Base(out))
			if err != nil {
				return h, run{}, err
			}
			syncFS()
			p, err := measure(hdir, *pagefind, "--site", filepath.Base(out), "--quiet")
			return h, p, err
		}
		for i := range bf.warmup + bf.runs {
			measured := i >= bf.warmup
			order := []string{"docgen", "hugo"}
			if i%2 == 1 {
				order = []string{"hugo", "docgen"}
			}
			for _, side := range order {
				if side == "docgen" {
					r, err := docgenRun()
					if err != nil {
						return err
					}
					if measured {
						res.docgen.add(r.sample)
					}
					fmt.Fprintf(stderr, "benchbuild: %s: %s docgen %6.2fs %7s MiB\n", name, label(i, bf.warmup), r.wall.Seconds(), mib(r.maxRSS))
					continue
				}
				h, p, err := hugoRun()
				if err != nil {
					return err
				}
				if measured {
					res.hugo.add(h.sample)
					res.pagefind.add(p.sample)
					res.both.add(sample{wall: h.wall + p.wall, cpu: h.cpu + p.cpu, maxRSS: max(h.maxRSS, p.maxRSS)})
				}
				fmt.Fprintf(stderr, "benchbuild: %s: %s hugo %6.2fs %7s MiB, pagefind %6.2fs %7s MiB\n", name, label(i, bf.warmup),
					h.wall.Seconds(), mib(h.maxRSS), p.wall.Seconds(), mib(p.maxRSS))
			}
			if i == 0 { // the disk space a run needs, so that scratch folders leave room
				for _, x := range []struct {
					s   *scratch
					out string
				}{{douts, docgenOut}, {houts, hugoOut}} {
					if t, err := walkTree(x.out); err == nil {
						x.s.need = t.bytes
					}
				}
			}
		}
		if res.docgenOut, err = walkTree(docgenOut); err != nil {
			return err
		}
		if res.hugoOut, err = walkTree(hugoOut); err != nil {
			return err
		}
		if *chromium != "" {
			qs := chooseQueries(cat)
			res.queries, err = measureQueries(*chromium, docgenOut, hugoOut, qs)
			if err != nil {
				res.queryErr = err.Error()
				fmt.Fprintf(stderr, "benchbuild: %s: first-query bytes: %v\n", name, err)
			}
			for _, q := range res.queries {
				if *verbose {
					fmt.Fprintf(stderr, "benchbuild: %s: %s %q: docgen fetched %s\n", name, q.kind, q.text, strings.Join(q.docgen.paths, " "))
					fmt.Fprintf(stderr, "benchbuild: %s: %s %q: pagefind fetched %s\n", name, q.kind, q.text, strings.Join(q.pagefind.paths, " "))
				}
			}
			res.uiBytes, res.uiGzip, err = gzipSizes(filepath.Join(hugoOut, "pagefind"), "pagefind-ui.js", "pagefind-ui.css")
			if err != nil {
				return err
			}
		}
		if !bf.keep {
			douts.clean()
			houts.clean()
			os.RemoveAll(sdir)
		}
		results = append(results, res)
	}
	printCompare(stdout, results, bf.runs, bf.warmup, fs, root, versions, *chromium)
	return nil
}

// label names run i for the progress lines.
func label(i, warmup int) string {
	if i < warmup {
		return "warm-up"
	}
	return fmt.Sprintf("run %d  ", i-warmup+1)
}

// gzipSizes returns the total size of the named files in dir, as they are and gzipped at
// level 6.
func gzipSizes(dir string, names ...string) (plain, gz int64, err error) {
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return 0, 0, err
		}
		var n byteCount
		zw, _ := gzip.NewWriterLevel(&n, 6)
		zw.Write(data)
		zw.Close()
		plain += int64(len(data))
		gz += n.n
	}
	return plain, gz, nil
}

// readCatalog reads a JSON catalog.
func readCatalog(path string) (*catalog.Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return catalog.DecodeJSON(bufio.NewReader(f))
}

// query is one search a user types.
type query struct {
	kind, text string
}

// The code spellings chooseQueries looks for.
var (
	reSnake   = regexp.MustCompile(`^[A-Z]+(?:_[A-Z]+){2,}$`)
	reCamel   = regexp.MustCompile(`^[a-z]+(?:[A-Z][a-z]+){2,}$`)
	reNumeric = regexp.MustCompile(`^[1-5]\d{8}$`)
)

// chooseQueries picks the queries of the kinds internal/benchsearch measures from the
// catalog, the first of each kind in catalog order, so that each finds something: a Korean
// word with a particle, a SNAKE_CASE code, the last two words of a camelCase code and the
// first six digits of a numeric code.
func chooseQueries(c *catalog.Catalog) []query {
	found := map[string]string{"korean": "배포가"}
	for _, s := range c.Services {
		for _, e := range s.Entries {
			switch {
			case found["snake"] == "" && reSnake.MatchString(e.Code):
				found["snake"] = e.Code
			case found["camel"] == "" && reCamel.MatchString(e.Code):
				i := strings.IndexFunc(e.Code, func(r rune) bool { return r >= 'A' && r <= 'Z' })
				found["camel"] = e.Code[i:]
			case found["numeric"] == "" && reNumeric.MatchString(e.Code):
				found["numeric"] = e.Code[:6]
			}
		}
	}
	var qs []query
	for _, kind := range []string{"korean", "snake", "camel", "numeric"} {
		if found[kind] != "" {
			qs = append(qs, query{kind, found[kind]})
		}
	}
	return qs
}

// printCompare writes the comparison report: time and memory per size, what each side
// wrote, every run, and what a first query loads from each site.
func printCompare(w io.Writer, results []*compareResult, runs, warmup int, fs *flag.FlagSet, root string, versions []string, chromium string) {
	fmt.Fprintf(w, "\n## docgen build vs Hugo + Pagefind: whole processes, median of %d alternating runs (after %d warm-up)\n\n", runs, warmup)
	fmt.Fprintf(w, "command: `%s`  \n", commandLine(fs, "compare"))
	fmt.Fprintf(w, "machine: %s  \n", environment(root))
	fmt.Fprintf(w, "tools: %s  \n", strings.Join(versions, "; "))
	fmt.Fprintln(w, "Hugo builds one page per error (internal/hugoexport: a section page per service, minimal layout, no theme); Pagefind indexes the error pages (data-pagefind-body). Hugo + Pagefind time is the sum of the two runs; its peak RSS is the larger of the two (they run one after the other).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| errors | docgen s | Hugo s | Pagefind s | Hugo+Pagefind s | docgen / (Hugo+Pagefind) time | docgen peak RSS MiB | Hugo peak RSS MiB | Pagefind peak RSS MiB | docgen / (Hugo+Pagefind) peak RSS |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", corpus.FormatSize(r.errors),
			secs(r.docgen.wall()), secs(r.hugo.wall()), secs(r.pagefind.wall()), secs(r.both.wall()), ratio(r.docgen.wall(), r.both.wall()),
			mib(r.docgen.rss()), mib(r.hugo.rss()), mib(r.pagefind.rss()), ratio(r.docgen.rss(), r.both.rss()))
	}
	fmt.Fprintln(w, "\nWhat each wrote:")
	fmt.Fprintln(w, "\n| errors | docgen files | docgen MB | Hugo files | Hugo MB | Pagefind files | Pagefind MB | docgen CPU s | Hugo+Pagefind CPU s |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		pf, pb := r.hugoOut.sizeUnder("pagefind/")
		fmt.Fprintf(w, "| %s | %d | %s | %d | %s | %d | %s | %s | %s |\n", corpus.FormatSize(r.errors),
			len(r.docgenOut.files), mb(r.docgenOut.bytes), len(r.hugoOut.files)-pf, mb(r.hugoOut.bytes-pb), pf, mb(pb),
			secs(r.docgen.cpu()), secs(r.both.cpu()))
	}
	fmt.Fprintln(w, "\nEvery run (wall s, in order):")
	fmt.Fprintln(w)
	for _, r := range results {
		fmt.Fprintf(w, "- %s: docgen %s; hugo %s; pagefind %s\n", corpus.FormatSize(r.errors), r.docgen.walls(), r.hugo.walls(), r.pagefind.walls())
	}
	if chromium == "" {
		fmt.Fprintln(w, "\nFirst-query bytes: not measured (no Chromium).")
		return
	}
	fmt.Fprintln(w, "\n### What a first search query loads (headless Chromium, cache off, 127.0.0.1)")
	fmt.Fprintln(w, "\n\"page\" is what the page loaded before the query (HTML, CSS, and docgen's search client, which comes with every page); \"query\" is everything fetched from typing the query until results with titles are shown: for docgen `window.docgen.search(q)`; for Pagefind its JS API as its default UI uses it, `import(\"/pagefind/pagefind.js\")`, `init()`, `search(q)` and `data()` of the first 5 results (pagefind.js, its WebAssembly, entry, metadata, index chunks and fragments). KB are response bodies as served, and gzipped (level 6) as a compressing host would send them (Pagefind's index files are gzipped already).")
	fmt.Fprintln(w, "\n| errors | kind | query | tool | results | page KB | query KB | query KB gzipped | files | page + query KB gzipped |")
	fmt.Fprintln(w, "|---:|---|---|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		if r.queryErr != "" {
			fmt.Fprintf(w, "| %s | – | – | – | error: %s | | | | | |\n", corpus.FormatSize(r.errors), strings.ReplaceAll(r.queryErr, "|", "/"))
		}
		for _, q := range r.queries {
			for _, c := range []struct {
				tool string
				c    queryCost
			}{{"docgen", q.docgen}, {"Hugo + Pagefind", q.pagefind}} {
				fmt.Fprintf(w, "| %s | %s | `%s` | %s | %s | %s | %s | %s | %d | %s |\n", corpus.FormatSize(r.errors), q.kind, q.text, c.tool,
					c.c.resultsText(), kb(c.c.pageBytes), kb(c.c.queryBytes), kb(c.c.queryGzip), c.c.files, kb(c.c.pageGzip+c.c.queryGzip))
			}
		}
	}
	for _, r := range results {
		if r.uiBytes > 0 {
			fmt.Fprintf(w, "\nNot counted above: Pagefind's default UI (pagefind-ui.js + pagefind-ui.css), which a site using it loads with its pages: %s KB, %s KB gzipped (%s).\n",
				kb(r.uiBytes), kb(r.uiGzip), corpus.FormatSize(r.errors))
			break
		}
	}
	fmt.Fprintln(w, "\nFirst-query ratio docgen / Pagefind (query KB gzipped; page + query KB gzipped):")
	fmt.Fprintln(w)
	for _, r := range results {
		var parts []string
		for _, q := range r.queries {
			parts = append(parts, fmt.Sprintf("%s %s; %s", q.kind, ratio(q.docgen.queryGzip, q.pagefind.queryGzip),
				ratio(q.docgen.pageGzip+q.docgen.queryGzip, q.pagefind.pageGzip+q.pagefind.queryGzip)))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "- %s: %s\n", corpus.FormatSize(r.errors), strings.Join(parts, " · "))
		}
	}
}
