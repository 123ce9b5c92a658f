# docgen's tasks. `make test` is what CI runs (through .ci/run).
GO ?= go
PKGS := ./...
FUZZTIME ?= 30s

.PHONY: build test test-deps bench bench-compare fuzz lint serve golden screenshots corpus search-eval search-eval-heldout

build:
	$(GO) run ./cmd/docgen build

# axe-core, for the accessibility browser tests: pinned, installed from npm into the
# git-ignored .ci/node/axe when npm is there (the tests inject its axe.min.js into pages;
# nothing is fetched while they run). Without npm the tests skip it, or fail under CI=true.
AXE_CORE_VERSION := 4.14.1
AXE_PKG := .ci/node/axe/node_modules/axe-core/package.json

test: test-deps
	$(GO) vet $(PKGS)
	$(GO) test -count=1 $(PKGS)

test-deps:
	@if command -v npm >/dev/null 2>&1 && ! grep -q '"version": "$(AXE_CORE_VERSION)"' $(AXE_PKG) 2>/dev/null; then \
	  echo "installing axe-core $(AXE_CORE_VERSION) into .ci/node/axe"; \
	  npm install --prefix .ci/node/axe --no-audit --no-fund --loglevel=error --save-exact axe-core@$(AXE_CORE_VERSION); \
	fi

# The Go benchmarks of every package, then whole builds of the real docgen binary on a
# synthetic corpus (internal/benchbuild): wall time, peak RSS, files and bytes, the floor
# and the scaling per 10x. BENCH_SIZES=1k,10k,100k for the scale target; BENCH_FLAGS takes
# more benchbuild flags (e.g. -benchfmt new.txt, for benchstat).
BENCH_SIZES ?= 1k,10k
BENCH_RUNS ?= 3
BENCH_FLAGS ?=
BENCH_COMPARE_FLAGS ?=

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	$(GO) run ./internal/benchbuild -sizes $(BENCH_SIZES) -runs $(BENCH_RUNS) $(BENCH_FLAGS)

# docgen build against Hugo (one page per error) + Pagefind on the same corpus; installs
# Hugo (Debian) and Pagefind (npm, into .bench/) when missing. BENCH_COMPARE_FLAGS takes
# more flags of benchbuild compare (e.g. -keep -v).
bench-compare:
	GO=$(GO) BENCH_SIZES=$(BENCH_SIZES) BENCH_RUNS=$(BENCH_RUNS) scripts/bench-compare.sh $(BENCH_COMPARE_FLAGS)

# Run every fuzz target of every package for FUZZTIME each (scripts/fuzz.sh says how a
# known end-of-run race of Go 1.26's fuzzer is told apart from a finding).
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

lint:
	$(GO) vet $(PKGS)
	@command -v staticcheck >/dev/null && staticcheck $(PKGS) || $(GO) run honnef.co/go/tools/cmd/staticcheck@latest $(PKGS)

# Preview the site on http://127.0.0.1:8080/ with live reload; Ctrl-C stops.
serve:
	$(GO) run ./cmd/docgen serve

# Packages whose tests keep goldens define an -update flag; rewrite them all.
golden:
	$(GO) test $$(grep -rl --include='*_test.go' 'flag.Bool("update"' . | xargs -n1 dirname | sort -u | sed 's|^\./|./|') -update

# PNGs of every page kind of the default site, light and dark, desktop and phone, into
# screenshots/ (git-ignored), taken with headless Chromium.
screenshots:
	$(GO) test -count=1 -run '^TestScreenshots$$' ./internal/browsertest -args -screenshots=$(CURDIR)/screenshots

# Measure the readers on the corpus of real error documents kept outside the project
# (../shared/corpus: expected.tsv and docs/; MANIFEST.md there has the scoring rule): one
# line per document, then the passes per group (p: scraped pages, r: repository files).
# Fails when fewer pass than the floors below, which only ever go up.
CORPUS_DIR ?= ../shared/corpus
CORPUS_MIN ?= 32
CORPUS_MIN_GROUP ?= p=15,r=17
corpus:
	$(GO) run ./internal/corpuseval -dir $(CORPUS_DIR) -min $(CORPUS_MIN) -min-group $(CORPUS_MIN_GROUP)

# How well search finds what a developer means: a query set per class (Korean compounds and
# verb forms, initial consonants, typos, English word forms, other languages, codes) run
# through the real client in headless Chromium on the default content and a generated
# catalog; prints hit@1, hit@5 and MRR per class. SEARCH_EVAL_FLAGS=-v lists the misses.
SEARCH_EVAL_FLAGS ?=
search-eval:
	$(GO) run ./internal/searcheval $(SEARCH_EVAL_FLAGS)

# The same over a held-out query set (internal/searcheval/heldout.tsv), written by someone
# who had not seen the search code: run it to measure a change that is done, never to tune
# one (a set that is tuned to is held out no more).
search-eval-heldout:
	$(GO) run ./internal/searcheval -queries internal/searcheval/heldout.tsv $(SEARCH_EVAL_FLAGS)
