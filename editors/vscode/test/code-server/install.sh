#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, pinned with its whole tree in
# package-lock.json beside this script) into DEST, default <repo>/.cache/code-server,
# for test/python/test_vscode_e2e.py. Quick when DEST already holds this lock.
#
# Offline apart from the npm registry (and not even that once ~/.npm holds the
# packages: --prefer-offline). Two things in code-server's tree would fetch
# from elsewhere, and are served locally instead:
#   - native modules (node-pty, kerberos, spdlog, argon2, ...) are built with
#     node-gyp against the installed Node's headers (npm_config_nodedir=/usr:
#     /usr/include/node, from the nodesource package or Debian's libnode-dev),
#     never downloaded; argon2's prebuilt download fails and it builds from source;
#   - @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache
#     already holds the archive: it gets Debian's rg 13.0.0 (the version it wants)
#     in a private TMPDIR.
# node-pty's postinstall runs `npx node-gyp`: node-gyp is a dependency here so
# npx finds it in node_modules/.bin instead of asking the registry.
# Needs Node 20 (code-server 4.100 refuses others), a C++ toolchain, python3,
# ripgrep and libkrb5-dev (scripts/bootstrap.sh installs them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
dest=${1:-$root/.cache/code-server}

log() { echo "code-server install: $*" >&2; }

want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
stamp=$dest/.sparkmigrate-stamp
if [[ -x $dest/node_modules/.bin/code-server && -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi

major=$(node -p 'process.versions.node.split(".")[0]')
if [[ $major != 20 ]]; then
  log "code-server 4.100 needs Node 20 (this is Node $major); not installed"
  exit 1
fi
if [[ ! -f /usr/include/node/node.h ]]; then
  log "the Node headers are missing (/usr/include/node): apt-get install libnode-dev"
  exit 1
fi
rg=$(command -v rg || true)
if [[ -z $rg ]]; then
  log "ripgrep is missing: apt-get install ripgrep"
  exit 1
fi

# The versions code-server 4.100.3 pins (lib/vscode/npm-shrinkwrap.json, @vscode/ripgrep's postinstall).
RIPGREP_PACKAGE=1.15.11
RIPGREP_RELEASE=v13.0.0-10

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/rg" "$tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE"
cp "$rg" "$tmp/rg/rg"
tar czf "$tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE/ripgrep-$RIPGREP_RELEASE-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg

log "installing code-server 4.100.3 into $dest (builds native modules: a few minutes, once)"
rm -rf "$dest"
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
if ! (cd "$dest" && TMPDIR=$tmp npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_prefer_offline=true \
      npm ci --no-audit --no-fund --foreground-scripts >"$tmp/npm.log" 2>&1); then
  tail -40 "$tmp/npm.log" >&2
  log "failed (the last lines of npm's output are above)"
  exit 1
fi
# (code-server writes a default config under $XDG_CONFIG_HOME: keep it out of ~/.config)
XDG_CONFIG_HOME=$tmp/config "$dest/node_modules/.bin/code-server" --version >/dev/null
echo "$want" >"$stamp"
log "ready: $dest/node_modules/.bin/code-server"
