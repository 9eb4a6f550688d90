#!/usr/bin/env bash
# The extension test suite in a real VS Code (VS Code Server + headless Chromium), as CI runs it:
# installs what is missing (outside the repo), builds, bundles the extension and the suite,
# runs the suite and the Problems-panel screenshot check (artifacts/vscode-problems.png).
# Exits non-zero when a test fails. Arguments go to test/vscode/run-code-server.mjs
# (--no-screenshot, --keep, --headed); BRIEF_VSCODE_GREP=<pattern> runs some tests only;
# BRIEF_VSCODE_SKIP_BUILD=1 skips `npm run build` (when `npm test` has just built out/).
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/vscode-test/install.sh
[ "${BRIEF_VSCODE_SKIP_BUILD:-}" = 1 ] || npm run build --silent
node scripts/bundle.mjs
node scripts/vscode-test/bundle-suite.mjs
npx --no-install tsc -p test/vscode   # type-check the suite and the runners
node test/vscode/run-code-server.mjs "$@"
