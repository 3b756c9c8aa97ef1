#!/bin/bash
# Turns a fresh Debian 12 machine with the suarawarga .deb installed into a kiosk that runs
# itself: Debian's `cage` Wayland kiosk compositor on tty1 starting SuaraWarga at boot as the
# unprivileged user `kiosk`, restarting it on crash, never blanking the screen, logging to the
# journal, and (optionally) a daily backup to a USB stick.
#
#   sudo setup-kiosk.sh [--dry-run] [--user kiosk] [--backup-dir /media/usb] [--keep 14]
#
# --dry-run prints every step instead of doing it. Safe to run again (each step is idempotent).
set -euo pipefail

DRY=0
KIOSK_USER=kiosk
BACKUP_DIR=""
KEEP=14
SHARE=/usr/share/suarawarga
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY=1 ;;
    --user) KIOSK_USER="$2"; shift ;;
    --backup-dir) BACKUP_DIR="$2"; shift ;;
    --keep) KEEP="$2"; shift ;;
    --share) SHARE="$2"; shift ;;   # where the .deb put deploy/ (default /usr/share/suarawarga)
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "setup-kiosk.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

run() {
  if [ "$DRY" = 1 ]; then echo "would run: $*"; else echo "+ $*"; "$@"; fi
}
write_file() { # path mode < content
  local path="$1" mode="$2" content
  content="$(cat)"
  if [ "$DRY" = 1 ]; then
    echo "would write $path (mode $mode):"
    printf '%s\n' "$content" | sed 's/^/    /'
  else
    echo "+ write $path"
    printf '%s\n' "$content" > "$path.tmp" && chmod "$mode" "$path.tmp" && mv "$path.tmp" "$path"
  fi
}

if [ "$DRY" = 0 ] && [ "$(id -u)" != 0 ]; then
  echo "setup-kiosk.sh: run as root (sudo), or with --dry-run to see the steps" >&2
  exit 1
fi
if [ "$DRY" = 0 ] && ! command -v suarawarga >/dev/null; then
  echo "setup-kiosk.sh: install the suarawarga .deb first (sudo apt install ./suarawarga_*.deb)" >&2
  exit 1
fi

echo "== 1. Debian packages: cage (Wayland kiosk compositor) and Xwayland (GLFW on Debian 12 is X11)"
run apt-get install -y --no-install-recommends cage xwayland

echo "== 2. The unprivileged kiosk user (its database: ~$KIOSK_USER/.local/share/suarawarga)"
if id "$KIOSK_USER" >/dev/null 2>&1; then
  echo "user $KIOSK_USER exists"
else
  run adduser --system --group --home "/var/lib/$KIOSK_USER" --shell /usr/sbin/nologin "$KIOSK_USER"
fi
# Seat access for cage (DRM, input) and audio for the spoken questions.
run usermod -a -G video,render,input,audio "$KIOSK_USER"

echo "== 3. PAM stack and systemd service"
# Installed by the .deb in $SHARE/deploy; from a source checkout, beside this script.
DEPLOY="$SHARE/deploy"
[ -f "$DEPLOY/suarawarga-kiosk.pam" ] || DEPLOY="$(cd "$(dirname "$0")" && pwd)"
write_file /etc/pam.d/suarawarga-kiosk 0644 < "$DEPLOY/suarawarga-kiosk.pam"
if [ -f "$DEPLOY/suarawarga-kiosk.service" ]; then
  unit="$(cat "$DEPLOY/suarawarga-kiosk.service")"
else
  unit="$(sed 's|@CMAKE_INSTALL_FULL_BINDIR@|/usr/bin|' "$DEPLOY/suarawarga-kiosk.service.in")"
fi
if [ "$KIOSK_USER" != kiosk ] || [ ! -f /lib/systemd/system/suarawarga-kiosk.service ]; then
  # Another user name, or no .deb unit: our own copy in /etc (it takes precedence).
  printf '%s\n' "$unit" | sed "s/^User=kiosk$/User=$KIOSK_USER/" |
    write_file /etc/systemd/system/suarawarga-kiosk.service 0644
fi

echo "== 4. Never blank the screen (console blanking off; cage runs no idle manager)"
run mkdir -p /etc/default/grub.d
write_file /etc/default/grub.d/suarawarga-kiosk.cfg 0644 <<'EOF'
# SuaraWarga kiosk: never blank the console (the kiosk's screen must stay on all day).
GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT consoleblank=0"
EOF
if command -v update-grub >/dev/null 2>&1 || [ "$DRY" = 1 ]; then run update-grub; fi
# No suspend on idle either (a kiosk has no one to wake it).
run systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target

echo "== 5. Journal kept across reboots (one line per event: start, submit failure, export, PIN failure)"
run mkdir -p /var/log/journal

echo "== 6. Boot straight into the kiosk on tty1, restart on crash"
run systemctl set-default graphical.target
run systemctl disable getty@tty1.service
run systemctl daemon-reload
run systemctl enable suarawarga-kiosk.service

if [ -n "$BACKUP_DIR" ]; then
  echo "== 7. Daily backup to $BACKUP_DIR (last $KEEP copies; the kiosk makes one per day)"
  run mkdir -p "$BACKUP_DIR"
  run chown "$KIOSK_USER:" "$BACKUP_DIR"
  run runuser -u "$KIOSK_USER" -- env HOME="$(getent passwd "$KIOSK_USER" | cut -d: -f6 || echo /var/lib/$KIOSK_USER)" \
    suarawarga backup --to "$BACKUP_DIR" --keep "$KEEP" --daily
fi

echo "== done. Start now with: sudo systemctl start suarawarga-kiosk  (or reboot)"
echo "   logs: journalctl -u suarawarga-kiosk -f"
