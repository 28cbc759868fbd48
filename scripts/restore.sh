#!/usr/bin/env bash
# Restores a Kontor backup into a data directory (Kontor stopped); verifies the archive first.
# Usage: scripts/restore.sh FILE [--data-dir DIR] [--check] [--force]; --help lists every option.
set -euo pipefail
app_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
tsx="$app_dir/node_modules/tsx/dist/loader.mjs"
if [ ! -f "$tsx" ]; then
  echo "restore.sh: $app_dir/node_modules is missing; run npm ci in $app_dir" >&2
  exit 1
fi
exec node --import "$tsx" "$app_dir/scripts/ops/restore.ts" "$@"
