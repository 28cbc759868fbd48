#!/usr/bin/env bash
# Writes a consistent, verified backup of a Kontor instance (running or stopped) into one tar.gz.
# Usage: scripts/backup.sh [--data-dir DIR] [--out FILE] [--keep-daily N --keep-weekly M]; --help lists every option.
# The work is done by scripts/ops/backup.ts (Node, better-sqlite3); nothing beyond Node and GNU tar is needed.
set -euo pipefail
app_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
tsx="$app_dir/node_modules/tsx/dist/loader.mjs"
if [ ! -f "$tsx" ]; then
  echo "backup.sh: $app_dir/node_modules is missing; run npm ci in $app_dir" >&2
  exit 1
fi
exec node --import "$tsx" "$app_dir/scripts/ops/backup.ts" "$@"
