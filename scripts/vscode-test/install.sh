#!/usr/bin/env bash
# Installs what the VS Code extension tests need on a machine that cannot download
# VS Code: Debian's Chromium and the VS Code server shipped in npm `code-server@4.100.3`
# (VS Code 1.100 on Node 20), cached OUTSIDE the repo. Idempotent: skips what is present.
# See ../shared/notes/real-vscode-tests.md (or test/vscode/README.md).
#
#   BRIEF_VSCODE_CACHE  cache dir (default ~/.cache/brief-studio/vscode-server)
#   CHROMIUM            browser binary (default /usr/bin/chromium)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${BRIEF_VSCODE_CACHE:-$HOME/.cache/brief-studio/vscode-server}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
VSCODE_DIR="$CACHE/node_modules/code-server/lib/vscode"
NPM_FLAGS=(--ignore-scripts --no-audit --no-fund --loglevel=error)

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x "$CHROMIUM" ]; then
  if can_apt; then
    echo "vscode-test: installing chromium (apt)"
    apt_install chromium
  else
    echo "vscode-test: $CHROMIUM not found; install Chromium (e.g. 'sudo apt-get install chromium') or set CHROMIUM" >&2
    exit 1
  fi
fi
# ripgrep: VS Code's file search (Quick Open, `workspaceContains:` activation events). Optional.
if ! command -v rg >/dev/null && can_apt; then
  echo "vscode-test: installing ripgrep (apt)"
  apt_install ripgrep || echo "vscode-test: no ripgrep; file search in the test VS Code will not work (the tests do not need it)"
fi

installed_version() {
  node -p "require('$CACHE/node_modules/code-server/package.json').version" 2>/dev/null || true
}

# @vscode/ripgrep's postinstall (skipped) would download rg: use the system's instead.
link_ripgrep() {
  local bin="$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
  if [ ! -e "$bin/rg" ] && command -v rg >/dev/null; then
    mkdir -p "$bin" && ln -sf "$(command -v rg)" "$bin/rg"
  fi
}

# The marker is written last, so an interrupted install is redone.
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -f "$VSCODE_DIR/.brief-deps-installed" ]; then
  link_ripgrep
  exit 0
fi

echo "vscode-test: installing code-server@$CODE_SERVER_VERSION into $CACHE"
mkdir -p "$CACHE"
# --ignore-scripts: postinstall steps download ripgrep etc. from the internet and fail offline.
[ -f "$CACHE/package.json" ] || echo '{"private":true}' > "$CACHE/package.json"
(cd "$CACHE" && npm install "${NPM_FLAGS[@]}" --save-exact "code-server@$CODE_SERVER_VERSION")
(cd "$VSCODE_DIR" && npm install --omit=dev "${NPM_FLAGS[@]}")
# Optional native modules (spdlog, native-watchdog): only remove log noise; ignore failure.
(cd "$VSCODE_DIR" && npm rebuild @vscode/spdlog native-watchdog --loglevel=error >/dev/null 2>&1) || true
link_ripgrep
touch "$VSCODE_DIR/.brief-deps-installed"
echo "vscode-test: VS Code server ready: $VSCODE_DIR/out/server-main.js"
