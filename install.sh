#!/usr/bin/env bash
# Installs Kontor on a Debian or Ubuntu server, or upgrades an installation in place.
# Run as root: sudo ./install.sh [options]; ./install.sh --help explains every option.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: sudo ./install.sh [options]

Installs Kontor from this folder as a systemd service, or upgrades an existing installation in
place (configuration and data are kept; a backup is taken first). Safe to run again.

What it does: checks and installs what is missing (Node.js 20.19+, build tools for better-sqlite3),
creates the system user "kontor", copies the app to /opt/kontor, runs npm ci and npm run build,
writes /etc/kontor/kontor.env (kept on upgrades), the units kontor.service, kontor-backup.service
and kontor-backup.timer (nightly backup with retention), the admin command /usr/local/bin/kontor,
creates the first administrator, and starts the service.

Configuration (written into /etc/kontor/kontor.env; on an upgrade only the options given change it):
  --port N                 TCP port (default 3000)
  --host ADDR              interface to bind (default 0.0.0.0: reachable from the LAN)
  --public-url URL         the address users reach (default http://<this host's name>:<port>)
  --smtp-url URL           smtp://user:pass@host:587 or smtps://…; mail is off without it
  --mail-from ADDR         sender address of outgoing mail
  --data-dir DIR           database, documents and uploads (default /var/lib/kontor)
  --backup-dir DIR         backups (default /var/backups/kontor); an existing installation keeps
                           the folders of its kontor.env (move them by hand, then edit it)

First administrator (created when given, or asked for on a terminal when there is none yet):
  --admin-email EMAIL      e-mail address (login) of the administrator
  --admin-name NAME        display name (default: the e-mail address)
  --admin-password-file F  file whose first line is the password (else $KONTOR_ADMIN_PASSWORD,
                           else asked); at least 8 characters
  --no-admin               do not ask; create the administrator in the browser's setup page

Backups (kontor-backup.timer runs scripts/backup.sh):
  --backup-time HH:MM      daily time of the backup (default 03:30)
  --keep-daily N           keep the newest backup of each of the last N days (default 7)
  --keep-weekly M          and of each of the last M weeks (default 4)

Installation:
  --app-dir DIR            where the app goes (default /opt/kontor; the previous version is kept
                           in DIR.previous after an upgrade)
  --user NAME              system user the service runs as (default kontor)
  --source DIR             the Kontor folder to install (default: the folder of this script)

Steps to leave out (containers, tests, offline machines):
  --skip-deps              do not install system packages (Node.js and the tools are still checked)
  --no-systemd             write the unit files, but do not call systemctl
  --no-start               do not start (or restart) the service
  --reuse-node-modules     link SOURCE/node_modules instead of running npm ci (tests, development)
  --skip-build             do not run npm run build; use SOURCE/dist as it is (release archives, tests)
  --root DIR               install into DIR as a throw-away root: every path above is prefixed with
                           DIR, no system user is created and nothing is chowned (tests)
  -h, --help               show this help
USAGE
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}
step() { echo "==> $*"; }
note() { echo "    $*"; }

# ---------------------------------------------------------------- options
root=''
source_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
app_dir=/opt/kontor
data_dir=/var/lib/kontor
backup_dir=/var/backups/kontor
config_dir=/etc/kontor
unit_dir=/etc/systemd/system
bin_dir=/usr/local/bin
service_user=kontor
port='' host='' public_url='' smtp_url='' mail_from=''
admin_email='' admin_name='' admin_password_file='' ask_admin=1
backup_time=03:30 keep_daily=7 keep_weekly=4
use_systemd=1 start=1 install_deps=1 reuse_node_modules=0 build=1

need() { if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value"; fi; }
while [ $# -gt 0 ]; do
  case "$1" in
    --port) need "$@"; port=$2; shift 2 ;;
    --host) need "$@"; host=$2; shift 2 ;;
    --public-url) need "$@"; public_url=$2; shift 2 ;;
    --smtp-url) need "$@"; smtp_url=$2; shift 2 ;;
    --mail-from) need "$@"; mail_from=$2; shift 2 ;;
    --data-dir) need "$@"; data_dir=$2; shift 2 ;;
    --backup-dir) need "$@"; backup_dir=$2; shift 2 ;;
    --admin-email) need "$@"; admin_email=$2; shift 2 ;;
    --admin-name) need "$@"; admin_name=$2; shift 2 ;;
    --admin-password-file) need "$@"; admin_password_file=$2; shift 2 ;;
    --no-admin) ask_admin=0; shift ;;
    --backup-time) need "$@"; backup_time=$2; shift 2 ;;
    --keep-daily) need "$@"; keep_daily=$2; shift 2 ;;
    --keep-weekly) need "$@"; keep_weekly=$2; shift 2 ;;
    --app-dir) need "$@"; app_dir=$2; shift 2 ;;
    --user) need "$@"; service_user=$2; shift 2 ;;
    --source) need "$@"; source_dir=$(cd -- "$2" && pwd) || die "no folder $2"; shift 2 ;;
    --skip-deps) install_deps=0; shift ;;
    --no-systemd) use_systemd=0; shift ;;
    --no-start) start=0; shift ;;
    --reuse-node-modules) reuse_node_modules=1; shift ;;
    --skip-build) build=0; shift ;;
    --root) need "$@"; mkdir -p "$2"; root=$(cd -- "$2" && pwd); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[[ -z $port || $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ]] || die "--port must be a number from 1 to 65535"
[[ $backup_time =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || die "--backup-time must be HH:MM"
[[ $keep_daily =~ ^[0-9]+$ && $keep_weekly =~ ^[0-9]+$ ]] || die "--keep-daily and --keep-weekly take whole numbers"
[[ -z $public_url || $public_url =~ ^https?:// ]] || die "--public-url must start with http:// or https://"
[[ -z $smtp_url || $smtp_url =~ ^smtps?:// ]] || die "--smtp-url must start with smtp:// or smtps://"
[ -z "$admin_password_file" ] || [ -r "$admin_password_file" ] || die "cannot read $admin_password_file"
if [ ! -f "$source_dir/package.json" ] || [ ! -d "$source_dir/server" ]; then
  die "$source_dir is not a Kontor folder (use --source)"
fi

for dir in "$app_dir" "$data_dir" "$backup_dir"; do
  case "$dir" in /?*) ;; *) die "$dir: folders must be absolute paths" ;; esac
  [ "${dir%/}" != "" ] || die "refusing to use / as a folder"
done
# An unattended administrator's password is read and checked before anything changes.
password=${KONTOR_ADMIN_PASSWORD:-}
[ -z "$admin_password_file" ] || password=$(head -n1 "$admin_password_file")
if [ -n "$admin_email" ]; then
  [[ $admin_email =~ ^[^[:space:]@]+@[^[:space:]@]+$ ]] || die "--admin-email is not an e-mail address"
  if [ -z "$password" ] && [ ! -t 0 ]; then
    die "no password for $admin_email: use --admin-password-file or KONTOR_ADMIN_PASSWORD"
  fi
fi
[ -z "$password" ] || [ ${#password} -ge 8 ] || die "the administrator's password needs at least 8 characters"

if [ -n "$root" ]; then
  # A throw-away root: nothing on this machine outside DIR is touched.
  use_systemd=0
  start=0
else
  [ "$(id -u)" = 0 ] || die "run me as root (sudo ./install.sh), or use --root DIR for a test installation"
fi
is_root_install() { [ -z "$root" ] && [ "$(id -u)" = 0 ]; }

# Paths as written into files (prefixed under --root, so the test installation works in place).
APP=$root$app_dir DATA=$root$data_dir BACKUPS=$root$backup_dir CONF=$root$config_dir
UNITS=$root$unit_dir BIN=$root$bin_dir
ENV_FILE=$CONF/kontor.env
env_get() { sed -n "s/^$1=//p" "$ENV_FILE" | tail -n1 | sed "s/^'\(.*\)'\$/\1/"; }
if [ -f "$ENV_FILE" ]; then
  # An existing installation: its configured folders win over the defaults.
  configured=$(env_get KONTOR_DATA_DIR) && [ -n "$configured" ] && DATA=$configured
  configured=$(env_get KONTOR_BACKUP_DIR) && [ -n "$configured" ] && BACKUPS=$configured
fi

# ---------------------------------------------------------------- system packages
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}
candidate_node_major() {
  apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *\([0-9]*\).*/\1/p' | sed 's/^[0-9]*://' | head -n1
}
node_instructions() {
  cat >&2 <<'HELP'
Kontor needs Node.js 20.19 or newer, and this distribution does not offer it. Install it from
NodeSource (https://github.com/nodesource/distributions), then run this installer again:
    curl -fsSL https://deb.nodesource.com/setup_22.x -o nodesource_setup.sh
    bash nodesource_setup.sh && apt-get install -y nodejs
HELP
}

if [ "$install_deps" = 1 ]; then
  step "Checking system packages"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this installer is for Debian and Ubuntu (use --skip-deps on other systems)"
  export DEBIAN_FRONTEND=noninteractive
  missing=()
  for tool in python3 make g++ tar gzip; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if ! node_ok || ! command -v npm >/dev/null 2>&1 || [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
  fi
  if ! node_ok; then
    major=$(candidate_node_major)
    if [ -n "$major" ] && [ "$major" -ge 20 ]; then
      note "installing Node.js $major from the distribution"
      apt-get install -y -qq nodejs npm >/dev/null
    else
      node_instructions
      exit 1
    fi
  elif ! command -v npm >/dev/null 2>&1; then
    apt-get install -y -qq npm >/dev/null
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    note "installing build tools for better-sqlite3 (${missing[*]})"
    apt-get install -y -qq build-essential python3 tar gzip ca-certificates >/dev/null
  fi
fi
node_ok || { node_instructions; exit 1; }
command -v npm >/dev/null 2>&1 || die "npm is missing (apt-get install npm)"
command -v tar >/dev/null 2>&1 || die "GNU tar is missing (apt-get install tar)"
node_bin=$(command -v node)
case "$node_bin" in
  /root/* | /home/*) echo "warning: $node_bin lies in a home folder, which the service cannot see (ProtectHome); install Node.js system-wide" >&2 ;;
esac
version=$(node -p 'require(process.argv[1]).version' "$source_dir/package.json")
step "Installing Kontor $version from $source_dir (node $(node -v))"

# ---------------------------------------------------------------- user and folders
if is_root_install; then
  if ! id -u "$service_user" >/dev/null 2>&1; then
    step "Creating the system user $service_user"
    useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin "$service_user"
  fi
elif [ -n "$root" ]; then
  note "test root $root: no system user, nothing chowned"
fi
own() { if is_root_install; then chown "$@"; fi; }

mkdir -p "$APP" "$DATA" "$BACKUPS" "$CONF" "$UNITS" "$BIN"
chmod 750 "$DATA" "$BACKUPS" "$CONF"
own "$service_user:$service_user" "$DATA" "$BACKUPS"
own "root:$service_user" "$CONF"

upgrade=0
[ -f "$APP/package.json" ] && upgrade=1

# ---------------------------------------------------------------- the app, staged next to the old one
staged="$APP.new"
step "Copying the app to $staged"
rm -rf "$staged"
mkdir -p "$staged"
excludes=(--exclude=./node_modules --exclude=./data --exclude=./.git --exclude=./coverage --exclude=./tests
  --exclude=./.ci --exclude='./*.log' --exclude=./install.conf)
[ "$build" = 1 ] && excludes+=(--exclude=./dist)
tar -C "$source_dir" "${excludes[@]}" -cf - . | tar -C "$staged" -xf -

if [ "$reuse_node_modules" = 1 ] && [ -d "$source_dir/node_modules" ]; then
  step "Linking $source_dir/node_modules (--reuse-node-modules)"
  ln -s "$source_dir/node_modules" "$staged/node_modules"
else
  step "Installing dependencies (npm ci)"
  (cd "$staged" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ "$build" = 1 ]; then
  step "Building (npm run build)"
  (cd "$staged" && npm run --silent build)
elif [ ! -f "$staged/dist/server/main.js" ]; then
  note "--skip-build: $source_dir has no dist/; build it (npm run build in $app_dir) before starting"
  [ "$start" = 0 ] || die "cannot start an unbuilt app"
fi

systemd_up() { [ "$use_systemd" = 1 ] && [ -d /run/systemd/system ]; }
service_active() { systemd_up && systemctl is-active --quiet kontor.service; }

# ---------------------------------------------------------------- backup, then swap in the new version
was_running=0
# If a later step fails, the instance must not stay down: start whatever version is in place.
on_exit() {
  local status=$?
  if [ "$status" != 0 ] && [ "$was_running" = 1 ] && ! systemctl is-active --quiet kontor.service; then
    echo "install.sh: failed; starting kontor.service again (the previous version is in $APP.previous)" >&2
    systemctl start kontor.service || true
  fi
}
trap on_exit EXIT
if [ "$upgrade" = 1 ]; then
  old_version=$(node -p 'require(process.argv[1]).version' "$APP/package.json" 2>/dev/null || echo unknown)
  step "Upgrading Kontor $old_version to $version"
  if service_active; then
    was_running=1
    note "stopping kontor.service"
    systemctl stop kontor.service
  fi
fi
if [ -f "$DATA/kontor.db" ]; then
  step "Backing up the data before the upgrade"
  if ! KONTOR_DATA_DIR=$DATA KONTOR_BACKUP_DIR=$BACKUPS "$staged/scripts/backup.sh" --kind pre-upgrade --quiet; then
    [ "$was_running" = 1 ] && systemctl start kontor.service
    rm -rf "$staged"
    die "the backup failed, so nothing was changed (the old version runs on)"
  fi
fi
if [ "$upgrade" = 1 ]; then
  rm -rf "$APP.previous"
  mv "$APP" "$APP.previous"
  note "the previous version stays in $APP.previous"
fi
rm -rf "$APP"
mv "$staged" "$APP"
printf 'env_file=%q\nservice_user=%q\n' "$ENV_FILE" "$service_user" >"$APP/install.conf"

# ---------------------------------------------------------------- configuration
# Values are written unquoted when plain, else in single quotes (read by systemd and by `kontor`).
env_value() {
  case "$1" in
    *\'*) die "a value may not contain a single quote (URL-encode it as %27): $1" ;;
    *[!A-Za-z0-9@%+=:,./_~-]*) printf "'%s'" "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}
set_env() {
  local key=$1 value
  value=$(env_value "$2")
  if grep -q "^$key=" "$ENV_FILE"; then
    local tmp="$ENV_FILE.tmp"
    awk -v k="$key" -v line="$key=$value" 'index($0, k "=") == 1 { print line; next } { print }' "$ENV_FILE" >"$tmp"
    cat "$tmp" >"$ENV_FILE"
    rm -f "$tmp"
  else
    echo "$key=$value" >>"$ENV_FILE"
  fi
}
if [ ! -f "$ENV_FILE" ]; then
  step "Writing the configuration $ENV_FILE"
  fqdn=$(hostname -f 2>/dev/null || hostname)
  (
    umask 027
    cat >"$ENV_FILE" <<EOF
# Kontor's configuration, read by kontor.service and the kontor command.
# Every variable is explained in $app_dir/README.md (Configuration). After a change: systemctl restart kontor
NODE_ENV=production
PORT=$(env_value "${port:-3000}")
HOST=$(env_value "${host:-0.0.0.0}")
KONTOR_PUBLIC_URL=$(env_value "${public_url:-http://$fqdn:${port:-3000}}")
KONTOR_DATA_DIR=$(env_value "$DATA")
KONTOR_BACKUP_DIR=$(env_value "$BACKUPS")
KONTOR_SMTP_URL=$(env_value "$smtp_url")
KONTOR_MAIL_FROM=$(env_value "${mail_from:-kontor@$fqdn}")
LOG_LEVEL=info
EOF
  )
else
  step "Keeping the configuration $ENV_FILE"
  [ -n "$port" ] && set_env PORT "$port"
  [ -n "$host" ] && set_env HOST "$host"
  [ -n "$public_url" ] && set_env KONTOR_PUBLIC_URL "$public_url"
  [ -n "$smtp_url" ] && set_env KONTOR_SMTP_URL "$smtp_url"
  [ -n "$mail_from" ] && set_env KONTOR_MAIL_FROM "$mail_from"
  grep -q '^KONTOR_DATA_DIR=' "$ENV_FILE" || set_env KONTOR_DATA_DIR "$DATA"
  grep -q '^KONTOR_BACKUP_DIR=' "$ENV_FILE" || set_env KONTOR_BACKUP_DIR "$BACKUPS"
fi
chmod 640 "$ENV_FILE"
own "root:$service_user" "$ENV_FILE"
# The folders the service writes to, as configured (they may have been changed by hand).
DATA=$(env_get KONTOR_DATA_DIR)
BACKUPS=$(env_get KONTOR_BACKUP_DIR)
PORT=$(env_get PORT)
mkdir -p "$DATA" "$BACKUPS"
own "$service_user:$service_user" "$DATA" "$BACKUPS"

# ---------------------------------------------------------------- systemd units
step "Writing kontor.service, kontor-backup.service and kontor-backup.timer to $UNITS"
bind_caps=''
[ "${PORT:-3000}" -lt 1024 ] && bind_caps=CAP_NET_BIND_SERVICE
hardening() {
  cat <<EOF
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=$DATA $BACKUPS
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
RestrictNamespaces=yes
LockPersonality=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
SystemCallArchitectures=native
UMask=0027
EOF
}
cat >"$UNITS/kontor.service" <<EOF
# Written by install.sh; it is rewritten on every upgrade (put local changes into a drop-in:
# systemctl edit kontor).
[Unit]
Description=Kontor CRM
Documentation=file://$APP/README.md
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$service_user
Group=$service_user
WorkingDirectory=$APP
EnvironmentFile=$ENV_FILE
ExecStart=$node_bin $APP/dist/server/main.js
Restart=on-failure
RestartSec=5
# 65: a migration failed, 73: the backup before migrating failed, 78: bad configuration.
# Restarting cannot help; the journal says why (journalctl -u kontor).
RestartPreventExitStatus=65 73 78
TimeoutStopSec=30
StandardOutput=journal
StandardError=journal
SyslogIdentifier=kontor
CapabilityBoundingSet=$bind_caps
AmbientCapabilities=$bind_caps
$(hardening)

[Install]
WantedBy=multi-user.target
EOF
cat >"$UNITS/kontor-backup.service" <<EOF
# Written by install.sh: the nightly backup (started by kontor-backup.timer).
[Unit]
Description=Kontor backup
Documentation=file://$APP/README.md

[Service]
Type=oneshot
User=$service_user
Group=$service_user
WorkingDirectory=$APP
EnvironmentFile=$ENV_FILE
ExecStart=$APP/scripts/backup.sh --kind scheduled --keep-daily $keep_daily --keep-weekly $keep_weekly
Nice=10
IOSchedulingClass=idle
StandardOutput=journal
StandardError=journal
SyslogIdentifier=kontor-backup
CapabilityBoundingSet=
$(hardening)
EOF
cat >"$UNITS/kontor-backup.timer" <<EOF
# Written by install.sh: a backup every night; one missed while the machine was off runs at the next boot.
[Unit]
Description=Nightly Kontor backup

[Timer]
OnCalendar=*-*-* $backup_time:00
RandomizedDelaySec=10min
Persistent=true

[Install]
WantedBy=timers.target
EOF
ln -sfn "$APP/scripts/ops/kontor.sh" "$BIN/kontor"

# ---------------------------------------------------------------- the first administrator
kontor_cmd() { KONTOR_ENV_FILE=$ENV_FILE "$BIN/kontor" "$@"; }
admins=$(kontor_cmd status --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).counts?.activeAdmins??0))')
if [ -z "$admin_email" ] && [ "$admins" = 0 ] && [ "$ask_admin" = 1 ] && [ -t 0 ]; then
  step "Creating the first administrator"
  read -r -p "    E-mail address: " admin_email
  read -r -p "    Name: " admin_name
fi
if [ -n "$admin_email" ]; then
  step "Creating the administrator $admin_email"
  while [ -z "$password" ]; do
    [ -t 0 ] || die "no password for $admin_email: use --admin-password-file or KONTOR_ADMIN_PASSWORD"
    read -r -s -p "    Password (at least 8 characters): " password
    echo
    read -r -s -p "    Repeat it: " again
    echo
    if [ "$password" != "$again" ] || [ ${#password} -lt 8 ]; then
      note "the passwords differ or are too short; again"
      password=''
    fi
  done
  KONTOR_ADMIN_PASSWORD=$password kontor_cmd create-admin --email "$admin_email" --name "${admin_name:-$admin_email}"
elif [ "$admins" = 0 ]; then
  note "no administrator yet: open Kontor in the browser to set it up, or run: kontor create-admin --email …"
fi

# ---------------------------------------------------------------- start
if systemd_up; then
  step "Enabling kontor.service and kontor-backup.timer"
  systemctl daemon-reload
  systemctl enable --quiet kontor.service kontor-backup.timer
  if [ "$start" = 1 ]; then
    step "Starting Kontor"
    systemctl restart kontor.service
    systemctl start kontor-backup.timer
    probe_host=$(env_get HOST)
    case "$probe_host" in '' | 0.0.0.0 | '::') probe_host=127.0.0.1 ;; *:*) probe_host="[$probe_host]" ;; esac
    url="http://$probe_host:${PORT:-3000}/api/health"
    # shellcheck disable=SC2016 # JavaScript, not shell
    if ! node -e '
      const until = Date.now() + 60000;
      const probe = () => fetch(process.argv[1]).then((r) => r.ok ? r.json() : Promise.reject(new Error(String(r.status))))
        .then((b) => { console.log(`    health: ${b.status}, version ${b.version}`); })
        .catch(() => Date.now() < until ? setTimeout(probe, 1000) : process.exit(1));
      probe();' "$url"; then
      die "Kontor did not answer on $url within 60 s; see: journalctl -u kontor -n 50"
    fi
  fi
elif [ "$use_systemd" = 1 ]; then
  note "systemd is not running here: the units are written, but nothing was enabled or started"
fi

public=$(env_get KONTOR_PUBLIC_URL)
echo
echo "Kontor $version is installed."
echo "  Address:        $public"
echo "  Configuration:  $ENV_FILE (then: systemctl restart kontor)"
echo "  Data:           $DATA"
echo "  Backups:        $BACKUPS, daily at $backup_time, keeping $keep_daily daily and $keep_weekly weekly"
echo "  Logs:           journalctl -u kontor -f"
echo "  Admin command:  kontor status | backup | restore FILE | create-admin | reset-password"
