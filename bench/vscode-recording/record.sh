#!/usr/bin/env bash
# Records what a real VS Code asks the Brief language server while an analyst types: opens a large
# brief in VS Code (test/vscode's runner), types 34 characters at ~130 ms each in the middle key
# judgement, and logs every LSP message the server receives and sends (ipc-trace.cjs). bench/rhythm.ts
# replays the pattern found this way. Prints the summary; the recording stays in the printed folder.
#   bash bench/vscode-recording/record.sh [brief]     (default: bench/generated/1m.brief.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/vscode-recording
brief="${1:-bench/generated/1m.brief.md}"
npm run build --silent
# The bench's inputs (bench/generated/), made if missing.
[ -f "$brief" ] || node --input-type=module -e "const {ensureInputs} = await import('./out/bench/inputs.js'); ensureInputs(console.error);"
[ -f "$brief" ] || { echo "no brief at $brief" >&2; exit 2; }
out="$(mktemp -d /tmp/brief-recording-XXXXXX)"
# Typed into a copy (the recording reverts it, but never risks the bench's input).
cp "$brief" "$out/brief.brief.md"

scripts/vscode-test/install.sh
node scripts/bundle.mjs
BRIEF_VSCODE_EXTRA_TESTS="$here/record.test.mts" node scripts/vscode-test/bundle-suite.mjs
BRIEF_VSCODE_GREP=Recording BRIEF_RECORD_BRIEF="$out/brief.brief.md" BRIEF_RECORD_DIR="$out" \
  NODE_OPTIONS="--require $PWD/$here/ipc-trace.cjs" node test/vscode/run-code-server.mjs --no-screenshot
node "$here/summarize.mjs" "$out"
echo "recording: $out"
