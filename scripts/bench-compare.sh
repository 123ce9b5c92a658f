#!/usr/bin/env bash
# bench-compare.sh: docgen build against Hugo + Pagefind on the same synthetic corpus (make
# bench-compare). It installs what is missing, then runs `benchbuild compare`
# (internal/benchbuild/compare.go), which generates the corpus (internal/corpus), writes it
# as a Hugo site with one page per error (docgen export json, then internal/hugoexport),
# runs hugo then pagefind, and docgen build, alternating, and prints medians and ratios of
# wall time and peak RSS, and the bytes a first search query loads from each site in
# headless Chromium (skipped when there is no Chromium).
#
#   scripts/bench-compare.sh                                  # 1k and 10k, 3 runs each
#   BENCH_SIZES=1k,10k,100k BENCH_RUNS=5 scripts/bench-compare.sh
#   scripts/bench-compare.sh -keep -v                         # extra flags go to benchbuild compare
#
# Installs, only when missing:
# - Hugo, Debian's package (0.111 on bookworm), without recommended packages (they would
#   put Debian's older Go on the PATH);
# - Pagefind, the npm package pinned below, into .bench/node (git-ignored). Its binary comes
#   in the @pagefind/<platform> optional dependency from the npm registry; nothing is
#   downloaded when it runs, and no install scripts are run.
# Peak RSS is measured by benchbuild from the children's rusage (wait4), so GNU time is not
# needed.
set -euo pipefail

cd "$(dirname "$0")/.."
GO=${GO:-go}
SIZES=${BENCH_SIZES:-1k,10k}
RUNS=${BENCH_RUNS:-3}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
NODE_DIR=.bench/node

say() { echo "bench-compare: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    say "need root to run: $*"
    exit 1
  fi
}

apt_install() {
  if ! apt-cache policy "$@" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    as_root apt-get update
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if ! command -v hugo >/dev/null; then
  say "installing Hugo (Debian package hugo)"
  apt_install hugo
fi

case "$(uname -s) $(uname -m)" in
  "Linux x86_64") platform=linux-x64 ;;
  "Linux aarch64") platform=linux-arm64 ;;
  *) say "no Pagefind package for $(uname -s) $(uname -m) here"; exit 1 ;;
esac
PAGEFIND_BIN=$NODE_DIR/node_modules/@pagefind/$platform/bin/pagefind_extended
installed=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$NODE_DIR/node_modules/pagefind/package.json" 2>/dev/null | head -1 || true)
if [ ! -x "$PAGEFIND_BIN" ] || [ "$installed" != "$PAGEFIND_VERSION" ]; then
  if ! command -v npm >/dev/null; then
    say "installing npm (Debian package npm)"
    apt_install npm
  fi
  say "installing pagefind@$PAGEFIND_VERSION into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "pagefind@$PAGEFIND_VERSION"
  if [ ! -x "$PAGEFIND_BIN" ]; then
    say "pagefind's npm package did not bring $PAGEFIND_BIN (optional dependency @pagefind/$platform)"
    exit 1
  fi
fi

exec "$GO" run ./internal/benchbuild compare -sizes "$SIZES" -runs "$RUNS" -pagefind "$PAGEFIND_BIN" "$@"
