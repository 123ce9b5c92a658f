// Command searcheval measures how well the site's search finds what a developer means: it
// runs a query set through the real search client in headless Chromium and prints, per
// class of query, hit@1 (the entry meant comes first), hit@5 and the mean reciprocal rank
// (MRR, over the first ten results).
//
// Two sites are searched: the default content (content/, built by docgen build) with the
// hand-written queries of queries.tsv, and a generated catalog (internal/corpus) with
// queries made from its entries by fixed rules (see generated.go). The numbers are a
// yardstick for changes to the search, not a target to fit: the queries were written before
// the changes they measure and are not edited to pass.
//
// heldout.tsv is a second query set over the default content, in the same format, written
// by someone who had not seen the search code or queries.tsv: it measures how far the
// search carries beyond the queries its authors had in mind. Run it on finished changes
// only; a set that changes are tuned to is held out no more.
//
// Usage:
//
//	go run ./internal/searcheval            # or: make search-eval
//	go run ./internal/searcheval -v         # also list every query that missed first place
//	go run ./internal/searcheval -queries internal/searcheval/heldout.tsv   # make search-eval-heldout
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chromedp/chromedp"

	"docgen/internal/browsertest"
	"docgen/internal/corpus"
	"docgen/render/site"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "searcheval:", err)
		os.Exit(1)
	}
}

// query is one query of the set with the entries that count as the one meant.
type query struct {
	class string
	q     string
	want  []string // "service:code", or "service:prefix*"
}

// matches reports whether a result (service, code) is one that q means.
func (q query) matches(service, code string) bool {
	for _, w := range q.want {
		svc, c, _ := strings.Cut(w, ":")
		if svc != service {
			continue
		}
		if p, ok := strings.CutSuffix(c, "*"); ok && strings.HasPrefix(code, p) || c == code {
			return true
		}
	}
	return false
}

func readQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated fields, have %d", path, n, len(fields))
		}
		qs = append(qs, query{class: fields[0], q: fields[1], want: strings.Split(fields[2], "|")})
	}
	return qs, sc.Err()
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("searcheval", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "list the queries whose entry was not first, with the first results")
	n := fs.Int("n", 3000, "entries in the generated catalog")
	chromium := fs.String("chromium", browsertest.ChromiumPath(), "the browser to drive")
	set := fs.String("queries", filepath.Join("internal", "searcheval", "queries.tsv"), "the query set over the default content")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *chromium == "" {
		return errors.New("no Chromium: install Debian's chromium or pass -chromium")
	}
	qs, err := readQueries(*set)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "docgen-searcheval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// The default content, built by the real command.
	def := filepath.Join(tmp, "default")
	cmd := exec.Command("go", "run", "./cmd/docgen", "build", "--quiet", "--out", def)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("docgen build: %v\n%s", err, out.String())
	}
	// The generated catalog.
	gen := filepath.Join(tmp, "generated")
	c := corpus.Generate(*n)
	err = site.Render(c, site.Options{HomeOnly: true}, func(rel string, data []byte) error {
		p := filepath.Join(gen, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		return err
	}

	profile := filepath.Join(tmp, "chromium")
	browser, cancel := browsertest.Start(context.Background(), *chromium, profile)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("start %s: %w", *chromium, err)
	}
	for _, s := range []struct {
		name string
		dir  string
		qs   []query
	}{
		{"default content (" + filepath.Base(*set) + ")", def, qs},
		{fmt.Sprintf("generated catalog of %d entries (generated.go)", *n), gen, generated(c)},
	} {
		if err := evaluate(browser, s.name, s.dir, s.qs, *verbose, stdout); err != nil {
			return err
		}
	}
	return nil
}

type result struct {
	Service string `json:"service"`
	Code    string `json:"code"`
}

func evaluate(browser context.Context, name, dir string, qs []query, verbose bool, stdout io.Writer) error {
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 10*time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/index.html")); err != nil {
		return err
	}
	type stats struct {
		n, hit1, hit5 int
		rr            float64
	}
	var order []string
	per := map[string]*stats{}
	all := &stats{}
	var misses []string
	for _, q := range qs {
		qj, _ := json.Marshal(q.q)
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]result](`docgen.search(`+string(qj)+`, {limit: 10}).then(r => r.map(x => ({service: x.service, code: x.code})))`, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("%q: %w", q.q, err)
		}
		rank := 0
		for i, r := range res {
			if q.matches(r.Service, r.Code) {
				rank = i + 1
				break
			}
		}
		st := per[q.class]
		if st == nil {
			st = &stats{}
			per[q.class] = st
			order = append(order, q.class)
		}
		for _, s := range []*stats{st, all} {
			s.n++
			if rank == 1 {
				s.hit1++
			}
			if rank >= 1 && rank <= 5 {
				s.hit5++
			}
			if rank > 0 {
				s.rr += 1 / float64(rank)
			}
		}
		if rank != 1 && verbose {
			var got []string
			for i, r := range res {
				if i == 5 {
					break
				}
				got = append(got, r.Service+":"+r.Code)
			}
			misses = append(misses, fmt.Sprintf("  %-10s %-28q rank %d, first: %s", q.class, q.q, rank, strings.Join(got, " ")))
		}
	}
	fmt.Fprintf(stdout, "\n%s\n", name)
	tw := tabwriter.NewWriter(stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "class\tqueries\thit@1\thit@5\tMRR\t")
	line := func(class string, s *stats) {
		fmt.Fprintf(tw, "%s\t%d\t%.0f%%\t%.0f%%\t%.3f\t\n", class, s.n,
			100*float64(s.hit1)/float64(s.n), 100*float64(s.hit5)/float64(s.n), s.rr/float64(s.n))
	}
	for _, c := range order {
		line(c, per[c])
	}
	line("all", all)
	tw.Flush()
	for _, m := range misses {
		fmt.Fprintln(stdout, m)
	}
	return nil
}
