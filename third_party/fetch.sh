#!/usr/bin/env bash
# Fetches the tree-sitter C runtime and the Python grammar from the npm registry
# at pinned versions, verifies each tarball against a pinned sha512 integrity
# and unpacks it under third_party/. Runs from CMake configure when the sources
# are missing; does nothing when they are already there and verified.
set -euo pipefail
dest="$(cd "$(dirname "$0")" && pwd)"
PINS=(
  "tree-sitter-python 0.25.0 sha512-eCmJx6zQa35GxaCtQD+wXHOhYqBxEL+bp71W/s3fcDMu06MrtzkVXR437dRrCrbrDbyLuUDJpAgycs7ncngLXw=="
  "tree-sitter 0.25.1 sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA=="
)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for pin in "${PINS[@]}"; do
  read -r name ver integrity <<<"$pin"
  out="$dest/$name"
  if [[ -f "$out/.integrity" && "$(cat "$out/.integrity")" == "$integrity" ]]; then
    continue
  fi
  command -v npm >/dev/null || { echo "fetch.sh: npm is required to fetch $name@$ver (run scripts/bootstrap.sh)" >&2; exit 1; }
  (cd "$tmp" && npm pack --silent "$name@$ver" >/dev/null 2>"$tmp/npm.err") || {
    echo "fetch.sh: npm pack $name@$ver failed:" >&2; cat "$tmp/npm.err" >&2; exit 1; }
  tarball="$tmp/$name-$ver.tgz"
  got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ "$got" != "$integrity" ]]; then
    echo "fetch.sh: INTEGRITY MISMATCH for $name@$ver: expected $integrity, got $got" >&2
    exit 1
  fi
  rm -rf "$out"
  mkdir -p "$out"
  tar xzf "$tarball" -C "$out" --strip-components=1
  echo "$integrity" >"$out/.integrity"
  echo "fetch.sh: $name@$ver verified and unpacked" >&2
done
