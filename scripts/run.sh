#!/usr/bin/env bash
# The first command of README: installs what is missing, builds, and runs the
# main job: the back office (voucherdesk-backoffice) on 127.0.0.1 with demo
# data, and the desktop app signed in to it on a desktop workspace of its own
# that syncs from it in the background. Both are made once, in build/demo/;
# a later run picks up where the last one stopped. With no display it says so
# and runs the desktop under Xvfb (or offscreen when Xvfb is missing). The back
# office stops when the desktop app does.
#   VD_DEMO_APPLICATIONS=N  the back office's demo size on first start (2,000)
#   VD_BACKOFFICE_PORT=N    its port (8443)
#   VD_USER=NAME            sign in as NAME (default: the officer with the most cases)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin="${VD_BUILD_DIR:-$root/build}/bin"
demo="${VD_BUILD_DIR:-$root/build}/demo"
office="$demo/backoffice"
desk="$demo/desk"
port=${VD_BACKOFFICE_PORT:-8443}
mkdir -p "$demo"
# A desktop workspace belongs to the back office it synced from: when the back
# office's data is made anew, so is the desk's.
[ -f "$office/workspace.sqlite" ] || rm -rf "$desk"

log="$demo/backoffice.log"
password_file=$(mktemp "$demo/password.XXXXXX")
printf '%s' voucherdesk-demo >"$password_file"   # every demo user's password (docs/backoffice.md)
"$bin/voucherdesk-backoffice" --data "$office" --port "$port" \
    --demo-applications "${VD_DEMO_APPLICATIONS:-2000}" >"$log" 2>&1 &
office_pid=$!
stop_office() {
    kill -TERM "$office_pid" 2>/dev/null && wait "$office_pid" 2>/dev/null || true
    rm -f "$password_file"
}
trap stop_office EXIT

echo "Starting the back office on https://127.0.0.1:$port (log: $log)…"
for _ in $(seq 600); do
    grep -q '"event":"listening"' "$log" 2>/dev/null && break
    if ! kill -0 "$office_pid" 2>/dev/null; then
        echo "The back office did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.5
done
grep -q '"event":"listening"' "$log" || { echo "The back office did not start within 5 minutes; see $log" >&2; exit 1; }
"$bin/voucherdesk-cli" stats --workspace "$office"

# Nobody can click through the dialogs on an invisible screen, and a desk that
# syncs works as the person signed in to the back office: by default the
# officer with the most cases.
user=${VD_USER:-$(sqlite3 -readonly "$office/workspace.sqlite" \
    "SELECT u.username FROM users u JOIN applications a ON a.case_officer_id = u.id
     WHERE u.role = 'secretariat' GROUP BY u.id ORDER BY count(*) DESC, u.username LIMIT 1")}
app=("$bin/voucherdesk" --workspace "$desk" --server "https://127.0.0.1:$port" --user "$user"
     --password-file "$password_file" --certificate "$office/tls/server.crt")
echo "The desktop app signs in to the back office as $user (password voucherdesk-demo); its workspace: $desk"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "${app[@]}" &
elif command -v xvfb-run >/dev/null; then
    echo "No display (DISPLAY is not set): running voucherdesk under Xvfb. Ctrl+C stops it and the back office."
    echo "To see its windows, run: bash scripts/screenshots.sh"
    xvfb-run -a "${app[@]}" &
else
    echo "No display and no Xvfb: running voucherdesk offscreen. Ctrl+C stops it and the back office."
    QT_QPA_PLATFORM=offscreen "${app[@]}" &
fi
# The desk runs as a child waited for, so that Ctrl+C (or a TERM) stops it
# (and what xvfb-run started) before the back office stops.
desk_pid=$!
stop_desk() {
    pkill -TERM -P "$desk_pid" 2>/dev/null || true
    kill -TERM "$desk_pid" 2>/dev/null || true
}
trap stop_desk INT TERM
wait "$desk_pid" || true
wait "$desk_pid" 2>/dev/null || true
