#!/usr/bin/env bash
# Installs what the tests and `npm start` need, and nothing that is already there:
#   1. Debian packages for the offline VS Code (code-server's native modules, ripgrep) and headless Chromium;
#   2. the project's npm dependencies;
#   3. code-server 4.100.3 (VS Code 1.100.3) under .vscode-test/code-server, built by hand because its own
#      postinstall refuses to run as root and downloads ripgrep (see README, "Tests in a real VS Code").
# Idempotent: each step checks first and says what it does. Usage: scripts/provision.sh [--no-vscode]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CS_VERSION=4.100.3
CS_DIR="$ROOT/.vscode-test/code-server"
say() { printf '[setup] %s\n' "$*"; }

# --- 1. Debian packages --------------------------------------------------------------------------------
DEB_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing Debian packages (${missing[*]}); not root, so install them yourself or set VSCODE_EXECUTABLE"
  fi
fi

# --- 2. npm dependencies -------------------------------------------------------------------------------
# A linked node_modules (a git worktree sharing another checkout's) belongs to that checkout: npm ci here would
# empty it for everyone who shares it.
if [ -L node_modules ]; then
  say "node_modules is a link to $(readlink node_modules); leaving it to the checkout it belongs to"
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

[ "${1:-}" = "--no-vscode" ] && exit 0

# --- 3. code-server -------------------------------------------------------------------------------------
STAMP="$CS_DIR/.provisioned-$CS_VERSION"
if [ -f "$STAMP" ]; then
  exit 0
fi
say "provisioning code-server $CS_VERSION (VS Code 1.100.3) in .vscode-test/code-server — about a minute with a warm npm cache"
mkdir -p "$CS_DIR"
cd "$CS_DIR"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CS_VERSION"
say "building native modules (argon2, kerberos, spdlog, node-pty ...)"
npm rebuild argon2 --loglevel=error >/dev/null
VS="$CS_DIR/node_modules/code-server/lib/vscode"
cd "$VS"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
npm rebuild kerberos @vscode/spdlog native-watchdog @vscode/deviceid --loglevel=error >/dev/null
(cd node_modules/node-pty && npx --yes node-gyp rebuild >/dev/null 2>&1)
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
touch "$STAMP"
say "code-server ready"
