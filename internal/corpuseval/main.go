// Command corpuseval measures docgen's readers on a corpus of real error documents kept
// outside the project (make corpus): for every document listed in the corpus's expected.tsv
// it runs `docgen parse FILE --json`, counts the rows it gives (entries and their variants)
// per HTTP status, and scores them by the corpus's rule:
//
//   - the row count lies in [min_rows, max_rows];
//   - the statuses fit: "none" means no row has a status, "-" is not checked, otherwise a
//     list "NNN:k,..." ("0:k" for rows with no status) that must match exactly when the count
//     is min_rows, and that every status must at least reach at a larger count.
//
// A crash, a run over the time limit or output that is not JSON fails the document. It
// prints one line per document and a total per group of documents (the leading letter of
// the file name), and exits 1 when fewer documents pass than -min asks.
//
// The documents are read in place: nothing of the corpus is copied into the project.
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
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

func main() {
	dir := flag.String("dir", "../shared/corpus", "the corpus folder: expected.tsv and docs/")
	docgen := flag.String("docgen", "", "the docgen binary to run; empty builds ./cmd/docgen")
	min := flag.Int("min", 0, "fail when fewer documents than this pass")
	minGroup := flag.String("min-group", "", "per-group floors, e.g. p=15,r=8: fail when a group passes fewer")
	timeout := flag.Duration("timeout", 120*time.Second, "time limit per document")
	only := flag.String("only", "", "score only documents whose file name contains this")
	verbose := flag.Bool("v", false, "print the rows per status of every document")
	flag.Parse()
	if err := run(*dir, *docgen, *min, *minGroup, *timeout, *only, *verbose, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "corpuseval:", err)
		os.Exit(1)
	}
}

// expectation is one line of expected.tsv.
type expectation struct {
	File               string
	MinRows, MaxRows   int
	Statuses           string // "none", "-" or "NNN:k,..."
	statusCounts       map[int]int
	line               int
	hasStatusCounts    bool
	statusesNone, skip bool
}

func readExpected(path string) ([]expectation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: expected 4 tab-separated fields (file, min_rows, max_rows, statuses), got %d", path, n, len(f))
		}
		e := expectation{File: f[0], Statuses: f[3], line: n}
		if e.MinRows, err = strconv.Atoi(f[1]); err != nil {
			return nil, fmt.Errorf("%s:%d: min_rows %q: %v", path, n, f[1], err)
		}
		if e.MaxRows, err = strconv.Atoi(f[2]); err != nil {
			return nil, fmt.Errorf("%s:%d: max_rows %q: %v", path, n, f[2], err)
		}
		switch e.Statuses {
		case "none":
			e.statusesNone = true
		case "-":
			e.skip = true
		default:
			e.statusCounts = map[int]int{}
			e.hasStatusCounts = true
			for _, kv := range strings.Split(e.Statuses, ",") {
				k, v, ok := strings.Cut(kv, ":")
				st, err1 := strconv.Atoi(k)
				c, err2 := strconv.Atoi(v)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("%s:%d: statuses item %q: expected NNN:k", path, n, kv)
				}
				e.statusCounts[st] = c
			}
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// result is what one document scored.
type result struct {
	exp      expectation
	rows     int
	statuses map[int]int
	pass     bool
	why      string
	elapsed  time.Duration
}

func run(dir, docgen string, min int, minGroup string, timeout time.Duration, only string, verbose bool, w io.Writer) error {
	exps, err := readExpected(filepath.Join(dir, "expected.tsv"))
	if err != nil {
		return err
	}
	if docgen == "" {
		tmp, err := os.MkdirTemp("", "corpuseval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		docgen = filepath.Join(tmp, "docgen")
		cmd := exec.Command("go", "build", "-o", docgen, "./cmd/docgen")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("build docgen: %w", err)
		}
	}
	var results []result
	for _, e := range exps {
		if only != "" && !strings.Contains(e.File, only) {
			continue
		}
		results = append(results, score(e, docgen, filepath.Join(dir, "docs", e.File), timeout))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tROWS\tEXPECTED\tSTATUSES\tRESULT")
	type tally struct{ pass, all int }
	groups := map[string]*tally{}
	total := tally{}
	for _, r := range results {
		g := r.exp.File[:1]
		if groups[g] == nil {
			groups[g] = &tally{}
		}
		groups[g].all++
		total.all++
		verdict := "FAIL " + r.why
		if r.pass {
			verdict = "pass"
			groups[g].pass++
			total.pass++
		}
		want := strconv.Itoa(r.exp.MinRows)
		if r.exp.MaxRows != r.exp.MinRows {
			want += "-" + strconv.Itoa(r.exp.MaxRows)
		}
		sts := r.exp.Statuses
		if verbose || !r.pass {
			sts = fmt.Sprintf("%s (got %s)", sts, formatCounts(r.statuses))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", r.exp.File, r.rows, want, sts, verdict)
	}
	tw.Flush()
	var names []string
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		fmt.Fprintf(w, "group %s: %d of %d pass\n", g, groups[g].pass, groups[g].all)
	}
	fmt.Fprintf(w, "corpus: %d of %d documents pass\n", total.pass, total.all)
	var failed []string
	if total.pass < min {
		failed = append(failed, fmt.Sprintf("%d pass, the floor is %d", total.pass, min))
	}
	if minGroup != "" {
		for _, kv := range strings.Split(minGroup, ",") {
			g, v, ok := strings.Cut(kv, "=")
			n, err := strconv.Atoi(v)
			if !ok || err != nil {
				return fmt.Errorf("-min-group item %q: expected GROUP=N", kv)
			}
			got := 0
			if groups[g] != nil {
				got = groups[g].pass
			}
			if got < n {
				failed = append(failed, fmt.Sprintf("group %s: %d pass, the floor is %d", g, got, n))
			}
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	return nil
}

func formatCounts(m map[int]int) string {
	if len(m) == 0 {
		return "nothing"
	}
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d:%d", k, m[k])
	}
	return strings.Join(parts, ",")
}

// service is the part of docgen parse --json's output that scoring reads.
type service struct {
	Entries []struct {
		Status   int               `json:"status"`
		Variants []json.RawMessage `json:"variants"`
	} `json:"entries"`
}

func score(e expectation, docgen, path string, timeout time.Duration) result {
	r := result{exp: e, statuses: map[int]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// The readers alone are measured: no docgen.yaml of the working directory applies.
	cmd := exec.CommandContext(ctx, docgen, "parse", path, "--json", "--no-config")
	var out bytes.Buffer
	cmd.Stdout = &out
	start := time.Now()
	err := cmd.Run()
	r.elapsed = time.Since(start)
	if ctx.Err() != nil {
		r.why = fmt.Sprintf("over the time limit of %s", timeout)
		return r
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		r.why = "could not run docgen: " + err.Error()
		return r
	}
	if ee != nil && ee.ExitCode() != 1 { // 1: the source has errors, still printed
		r.why = fmt.Sprintf("docgen exited %d", ee.ExitCode())
		return r
	}
	var svcs []service
	data := bytes.TrimSpace(out.Bytes())
	if len(data) > 0 && data[0] == '[' {
		err = json.Unmarshal(data, &svcs)
	} else {
		var s service
		err = json.Unmarshal(data, &s)
		svcs = []service{s}
	}
	if err != nil {
		r.why = "output is not JSON: " + err.Error()
		return r
	}
	for _, s := range svcs {
		for _, en := range s.Entries {
			n := 1 + len(en.Variants)
			r.rows += n
			r.statuses[en.Status] += n
		}
	}
	r.pass, r.why = judge(e, r.rows, r.statuses)
	return r
}

// judge applies the corpus's scoring rule.
func judge(e expectation, rows int, statuses map[int]int) (bool, string) {
	if rows < e.MinRows || rows > e.MaxRows {
		return false, fmt.Sprintf("%d rows, expected %d-%d", rows, e.MinRows, e.MaxRows)
	}
	switch {
	case e.skip:
		return true, ""
	case e.statusesNone:
		for st, n := range statuses {
			if st != 0 && n > 0 {
				return false, fmt.Sprintf("%d rows have status %d, the document gives none", n, st)
			}
		}
		return true, ""
	}
	if rows == e.MinRows {
		for st, want := range e.statusCounts {
			if statuses[st] != want {
				return false, fmt.Sprintf("status %d has %d rows, expected %d", st, statuses[st], want)
			}
		}
		for st, got := range statuses {
			if _, ok := e.statusCounts[st]; !ok && got > 0 {
				return false, fmt.Sprintf("status %d has %d rows, expected none", st, got)
			}
		}
		return true, ""
	}
	for st, want := range e.statusCounts {
		if statuses[st] < want {
			return false, fmt.Sprintf("status %d has %d rows, expected at least %d", st, statuses[st], want)
		}
	}
	return true, ""
}
