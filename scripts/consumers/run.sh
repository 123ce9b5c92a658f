#!/usr/bin/env bash
# Feeds docgen's OpenAPI output, for the default content, merged into a document of our
# own (api.yaml here) and for testdata/translations (a service in two languages), to the
# tools people feed it to, each pinned:
#   Spectral (spectral:oas)            no errors
#   openapi-typescript + tsc --strict  check.ts compiles: an object fits an "any value"
#   oapi-codegen (models, skip-prune)  the generated Go compiles
# Node packages go into the git-ignored .ci/node/consumers; oapi-codegen comes from the Go
# module proxy. Run from .ci/run; by hand: bash scripts/consumers/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/consumers

SPECTRAL_VERSION=6.16.3
OPENAPI_TYPESCRIPT_VERSION=7.13.0
TYPESCRIPT_VERSION=5.9.3
OAPI_CODEGEN_VERSION=v2.8.2

prefix=.ci/node/consumers
bin=$prefix/node_modules/.bin
if [ "$("$bin/spectral" --version 2>/dev/null || true)" != "$SPECTRAL_VERSION" ] ||
  [ "$("$bin/openapi-typescript" --version 2>/dev/null || true)" != "v$OPENAPI_TYPESCRIPT_VERSION" ] ||
  [ "$("$bin/tsc" --version 2>/dev/null || true)" != "Version $TYPESCRIPT_VERSION" ]; then
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error --save-exact \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" "openapi-typescript@$OPENAPI_TYPESCRIPT_VERSION" \
    "typescript@$TYPESCRIPT_VERSION"
fi
bin=$(cd "$bin" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/docgen" ./cmd/docgen
cp -r content "$work/content"
cp "$here/api.yaml" "$work/api.yaml"
(
  cd "$work"
  ./docgen build --quiet --out public
  ./docgen export openapi --merge api.yaml -o merged.yaml --quiet
)
# A service in two languages: examples in Korean, English under x-translations.
go run ./cmd/docgen build --quiet --config testdata/translations/docgen.yaml --out "$work/translated" 2>/dev/null

for doc in public/openapi.yaml merged.yaml translated/openapi.yaml; do
  echo "consumers: $doc"
  d="$work/check-$(basename "$(dirname "$doc")")-$(basename "$doc" .yaml)"
  mkdir -p "$d"
  printf 'extends: ["spectral:oas"]\n' >"$d/.spectral.yaml"
  "$bin/spectral" lint "$work/$doc" --ruleset "$d/.spectral.yaml" --fail-severity error --display-only-failures
  "$bin/openapi-typescript" "$work/$doc" -o "$d/errors.d.ts" >/dev/null
  if [ "$doc" != translated/openapi.yaml ]; then # check.ts names the default content's schemas
    cp "$here/check.ts" "$d/check.ts"
    "$bin/tsc" --strict --noEmit --target es2020 --moduleResolution node "$d/check.ts"
  fi
  mkdir -p "$d/go/apierrors"
  cp "$here/oapi-codegen.yaml" "$d/go/"
  printf 'module consumers\n\ngo 1.26\n' >"$d/go/go.mod"
  (
    cd "$d/go"
    go run "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$OAPI_CODEGEN_VERSION" \
      -config oapi-codegen.yaml "$work/$doc"
    test -s apierrors/errors.gen.go
    go mod tidy >/dev/null 2>&1
    go vet ./...
  )
done
echo "consumers: Spectral, openapi-typescript + tsc and oapi-codegen take the output"
