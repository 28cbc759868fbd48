#!/usr/bin/env bash
# kontor: the admin command of an installed Kontor. install.sh links it to /usr/local/bin/kontor.
# It runs the app's tools with the service's configuration (/etc/kontor/kontor.env) as the service user.
set -euo pipefail

self=$(readlink -f -- "${BASH_SOURCE[0]}")
app_dir=$(cd -- "$(dirname -- "$self")/../.." && pwd)
env_file=/etc/kontor/kontor.env
service_user=kontor
unit=kontor.service
# install.sh records where this installation keeps its configuration (it differs under --root).
if [ -f "$app_dir/install.conf" ]; then
  # shellcheck source=/dev/null
  . "$app_dir/install.conf"
fi
env_file=${KONTOR_ENV_FILE:-$env_file}
loader="$app_dir/node_modules/tsx/dist/loader.mjs"

usage() {
  cat <<USAGE
Usage: kontor COMMAND [ARGS]

  status [--json]                  version, server running or not, database size, counts,
                                   pending migrations, last backup
  backup [--out FILE] [...]        take a backup now (scripts/backup.sh; --help for options)
  restore FILE [--check] [...]     restore a backup (stop Kontor first: systemctl stop kontor)
  create-admin --email E [--name N] [--password-file F]
                                   create an administrator (or make one active again)
  reset-password --email E [--password-file F]
                                   set a user's password; their sessions end
  migrate [status]                 show the database migrations (the server applies them)
  logs [journalctl options]        the service's log (e.g. kontor logs -f)

Configuration: $env_file   App: $app_dir
USAGE
}

load_env() {
  if [ ! -r "$env_file" ]; then
    echo "kontor: cannot read $env_file (run as root, e.g. with sudo)" >&2
    exit 1
  fi
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    key=${line%%=*}
    value=${line#*=}
    case "$value" in
      \'*\') value=${value:1:${#value}-2} ;;
      \"*\") value=${value:1:${#value}-2} ;;
    esac
    [[ $key =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] && export "$key=$value"
  done <"$env_file"
}

# As root, drop to the service user: files it creates (SQLite -wal/-shm) must stay the service's.
as_service_user() {
  if [ "$(id -u)" = 0 ] && [ "$(id -un)" != "$service_user" ] && id -u "$service_user" >/dev/null 2>&1; then
    runuser -u "$service_user" -- "$@"
  else
    "$@"
  fi
}

command=${1:-help}
[ $# -gt 0 ] && shift
cd "$app_dir"
case "$command" in
  status | create-admin | reset-password)
    load_env
    as_service_user node --import "$loader" "$app_dir/scripts/$command.ts" "$@"
    ;;
  migrate)
    load_env
    as_service_user node --import "$loader" "$app_dir/scripts/migrate.ts" "${@:-status}"
    ;;
  backup)
    load_env
    as_service_user "$app_dir/scripts/backup.sh" "$@"
    ;;
  restore)
    load_env
    exec "$app_dir/scripts/restore.sh" "$@"
    ;;
  logs) exec journalctl -u "$unit" "$@" ;;
  help | -h | --help) usage ;;
  *)
    echo "kontor: unknown command $command" >&2
    usage >&2
    exit 2
    ;;
esac
