#!/usr/bin/env bash
# Kontor installer (first version): checks the prerequisites, installs the dependencies and builds the app
# in this checkout. Run `./install.sh --help` for the options. The system service, backups timer and
# unattended admin creation arrive with the operations work (see README, "Running Kontor on a server").
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: ./install.sh [--data-dir DIR] [--admin-email EMAIL --admin-name NAME]

  --data-dir DIR       where Kontor keeps its database, uploads and documents (default ./data)
  --admin-email EMAIL  create (or reset) an administrator with this e-mail; the password is asked for,
                       or taken from KONTOR_ADMIN_PASSWORD
  --admin-name NAME    the administrator's name (default: the e-mail)
  -h, --help           show this help
USAGE
}

data_dir=./data
admin_email=
admin_name=
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir=${2:?--data-dir needs a folder}; shift 2 ;;
    --admin-email) admin_email=${2:?--admin-email needs an address}; shift 2 ;;
    --admin-name) admin_name=${2:?--admin-name needs a name}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20 or newer is required. On Debian/Ubuntu: apt-get install nodejs npm (or use NodeSource for Node 20+)." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node -v) is too old; Kontor needs Node.js 20 or newer." >&2
  exit 1
fi
for tool in python3 make g++; do
  command -v "$tool" >/dev/null 2>&1 || echo "note: $tool is missing; it is only needed if better-sqlite3 has to be compiled (apt-get install build-essential python3)." >&2
done

echo "==> Installing dependencies"
npm ci --no-audit --no-fund
echo "==> Building Kontor"
npm run build
mkdir -p "$data_dir"
echo "==> Preparing the database in $data_dir"
KONTOR_DATA_DIR="$data_dir" npm run --silent migrate

if [ -n "$admin_email" ]; then
  KONTOR_DATA_DIR="$data_dir" npm run --silent create-admin -- --email "$admin_email" --name "${admin_name:-$admin_email}"
fi

echo
echo "Kontor is installed. Start it with:  KONTOR_DATA_DIR=$data_dir npm start"
echo "Then open http://localhost:3000 (the first start guides you through the setup)."
