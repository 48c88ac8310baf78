#!/usr/bin/env bash
# Entrypoint of the Concierge image: the first argument chooses the process.
#
#   api                 concierge-api        (HTTP on CONCIERGE_HTTP_PORT, default 8080)
#   worker              concierge-worker     (health/metrics on CONCIERGE_WORKER_HTTP_PORT, 8081)
#   scheduler           concierge-scheduler  (health/metrics on CONCIERGE_SCHEDULER_HTTP_PORT, 8082)
#   migrate [args]      concierge migrate    (as the owner role: CONCIERGE_MIGRATION_DATABASE_URL)
#   dev [args]          concierge dev        (api + worker + scheduler in one process)
#   cli <args>          concierge <args>     (e.g. cli tenant create --slug acme --name Acme)
#   healthcheck         used by the image's HEALTHCHECK: GET /healthz of the running process
#
# No argument means `api`. Everything else comes from CONCIERGE_* environment variables
# (or a KEY=VALUE file named by CONCIERGE_CONFIG_FILE); the image sets
# CONCIERGE_HTTP_HOST=0.0.0.0 and CONCIERGE_LOG_FORMAT=json.
set -euo pipefail

BIN_DIR="${ENTRYPOINT_BIN_DIR:-/app/bin}"

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
}

# Which Concierge process runs in this container (PID 1, or a child of an init like tini).
running_role() {
    local f cmd
    for f in /proc/[0-9]*/cmdline; do
        cmd="$(tr '\0' ' ' <"$f" 2>/dev/null || true)"
        case "$cmd" in
        *concierge-api*) echo api && return ;;
        *concierge-worker*) echo worker && return ;;
        *concierge-scheduler*) echo scheduler && return ;;
        *"/concierge dev"*) echo dev && return ;;
        esac
    done
    echo none
}

healthcheck() {
    local port
    case "$(running_role)" in
    api | dev) port="${CONCIERGE_HTTP_PORT:-8080}" ;;
    worker) port="${CONCIERGE_WORKER_HTTP_PORT:-8081}" ;;
    scheduler) port="${CONCIERGE_SCHEDULER_HTTP_PORT:-8082}" ;;
    *) exit 0 ;; # one-shot commands (migrate, cli) have nothing to probe
    esac
    exec curl -fsS -o /dev/null -m 2 "http://127.0.0.1:${port}/healthz"
}

role="${1:-api}"
if (($# > 0)); then shift; fi

case "$role" in
api) exec "$BIN_DIR/concierge-api" "$@" ;;
worker) exec "$BIN_DIR/concierge-worker" "$@" ;;
scheduler) exec "$BIN_DIR/concierge-scheduler" "$@" ;;
migrate) exec "$BIN_DIR/concierge" migrate "$@" ;;
dev) exec "$BIN_DIR/concierge" dev "$@" ;;
cli) exec "$BIN_DIR/concierge" "$@" ;;
healthcheck) healthcheck ;;
-h | --help | help)
    usage
    exit 0
    ;;
*)
    echo "entrypoint: unknown command '$role'" >&2
    usage >&2
    exit 64
    ;;
esac
