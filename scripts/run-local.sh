#!/usr/bin/env bash
# Runs Concierge locally in the background (used by `make run` / `make stop`).
#
#   scripts/run-local.sh start   # migrate, apply Tenants/demo, seed the demo, (re)start
#                                # concierge-api, -worker, -scheduler, wait until ready
#   scripts/run-local.sh stop    # stop exactly the processes recorded in .data/run/*.pid
#
# Expects the dev services to be up (scripts/services.sh start dev) and a debug build
# (swift build): `make run` does both first. The binaries use the configuration defaults,
# which point at the dev profile (Postgres 55432, Redis 56379); CONCIERGE_* variables in the
# environment (or a file named by CONCIERGE_CONFIG_FILE) override them.
#
# Files: .data/run/<name>.pid, .data/logs/<name>.log, .data/run/demo-credentials.txt
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
BIN="${BUILD_DIR:-${ROOT}/.build/debug}"
RUN_DIR="${ROOT}/.data/run"
LOG_DIR="${ROOT}/.data/logs"
SERVICES=(concierge-api concierge-worker concierge-scheduler)
READY_TIMEOUT="${READY_TIMEOUT:-60}"
STOP_TIMEOUT="${STOP_TIMEOUT:-15}"

HTTP_PORT="${CONCIERGE_HTTP_PORT:-8080}"
WORKER_PORT="${CONCIERGE_WORKER_HTTP_PORT:-8081}"
SCHEDULER_PORT="${CONCIERGE_SCHEDULER_HTTP_PORT:-8082}"
# The worker takes mail for the tenants' mailbox addresses here (the demo's:
# support@demo.concierge.example), e.g. `swaks --server 127.0.0.1:2525 --to support@demo.concierge.example`.
export CONCIERGE_INBOUND_SMTP_PORT="${CONCIERGE_INBOUND_SMTP_PORT:-2525}"
# Local runs are plain http: a Secure cookie would never be sent back by the browser.
export CONCIERGE_COOKIE_SECURE="${CONCIERGE_COOKIE_SECURE:-false}"
# Connector secrets need a key ring: a local one is made once and kept with the local data.
if [[ -z ${CONCIERGE_SECRET_KEYS:-} ]]; then
    KEY_FILE="${ROOT}/.data/dev/secret-keys"
    if [[ ! -s ${KEY_FILE} ]]; then
        mkdir -p "$(dirname "${KEY_FILE}")"
        (umask 077 && printf 'local1:%s\n' "$(head -c 32 /dev/urandom | base64)" >"${KEY_FILE}")
    fi
    CONCIERGE_SECRET_KEYS="$(<"${KEY_FILE}")"
    export CONCIERGE_SECRET_KEYS
fi

say() { printf '[run] %s\n' "$*"; }
die() {
    printf '[run] error: %s\n' "$*" >&2
    exit 1
}

port_of() {
    case "$1" in
    concierge-api) echo "${HTTP_PORT}" ;;
    concierge-worker) echo "${WORKER_PORT}" ;;
    concierge-scheduler) echo "${SCHEDULER_PORT}" ;;
    esac
}

# The pid recorded for NAME, if that process is alive and really is NAME (guards against
# pid reuse; argv[0] is checked rather than /proc/<pid>/exe, which reads "(deleted)" after
# a rebuild replaced the binary).
live_pid() {
    local name="$1" file="${RUN_DIR}/$1.pid" pid argv0
    [[ -f ${file} ]] || return 1
    pid="$(tr -dc '0-9' <"${file}")"
    [[ -n ${pid} ]] && kill -0 "${pid}" 2>/dev/null || return 1
    argv0="$(tr '\0' '\n' <"/proc/${pid}/cmdline" 2>/dev/null | head -n 1 || true)"
    [[ "$(basename -- "${argv0}")" == "${name}" ]] || return 1
    echo "${pid}"
}

stop_one() {
    local name="$1" pid i
    if pid="$(live_pid "${name}")"; then
        say "stopping ${name} (pid ${pid})"
        kill -TERM "${pid}" 2>/dev/null || true
        for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
            kill -0 "${pid}" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "${pid}" 2>/dev/null; then
            say "${name} ignored TERM for ${STOP_TIMEOUT}s; sending KILL"
            kill -KILL "${pid}" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "${RUN_DIR}/${name}.pid"
}

stop_all() {
    [[ -d ${RUN_DIR} ]] || return 0
    local file
    shopt -s nullglob
    for file in "${RUN_DIR}"/*.pid; do
        stop_one "$(basename "${file}" .pid)"
    done
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_status() {
    curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true
}

show_logs() {
    local name
    for name in "${SERVICES[@]}"; do
        echo "----- ${LOG_DIR}/${name}.log (last 30 lines) -----" >&2
        tail -n 30 "${LOG_DIR}/${name}.log" >&2 2>/dev/null || true
    done
}

start_all() {
    local name
    for name in concierge "${SERVICES[@]}"; do
        [[ -x "${BIN}/${name}" ]] || die "${BIN}/${name} not found; run 'swift build' (make build)"
    done
    mkdir -p "${RUN_DIR}" "${LOG_DIR}"

    # Restart rather than keep: a second `make run` must run the code just built.
    stop_all

    for name in "${SERVICES[@]}"; do
        if port_in_use "$(port_of "${name}")"; then
            die "port $(port_of "${name}") (for ${name}) is taken by a process this script did not start"
        fi
    done

    say "concierge migrate"
    "${BIN}/concierge" migrate

    local demo="${ROOT}/Tenants/demo" creds="${RUN_DIR}/demo-credentials.txt"
    if [[ -d ${demo} ]]; then
        say "concierge tenant apply Tenants/demo --create-missing"
        (cd "${ROOT}" && "${BIN}/concierge" tenant apply Tenants/demo --create-missing)
        say "concierge demo seed --tenant demo"
        (umask 077 && "${BIN}/concierge" demo seed --tenant demo >"${creds}")
    else
        say "warning: ${demo} does not exist; skipped tenant apply and demo seed"
        rm -f "${creds}"
    fi

    for name in "${SERVICES[@]}"; do
        say "starting ${name} (log .data/logs/${name}.log)"
        {
            echo
            echo "===== $(date -u +%Y-%m-%dT%H:%M:%SZ) started by scripts/run-local.sh ====="
        } >>"${LOG_DIR}/${name}.log"
        # setsid: its own session, so closing the terminal or ending make does not touch it.
        (cd "${ROOT}" && exec setsid nohup "${BIN}/${name}" </dev/null >>"${LOG_DIR}/${name}.log" 2>&1) &
        echo "$!" >"${RUN_DIR}/${name}.pid"
    done

    local deadline=$((SECONDS + READY_TIMEOUT)) pending
    while :; do
        pending=()
        for name in "${SERVICES[@]}"; do
            # Just started by us: plain liveness (argv[0] may still be nohup's for a moment).
            if ! kill -0 "$(<"${RUN_DIR}/${name}.pid")" 2>/dev/null; then
                show_logs
                die "${name} exited during start-up (log: .data/logs/${name}.log)"
            fi
        done
        [[ "$(http_status "http://127.0.0.1:${HTTP_PORT}/readyz")" == 200 ]] || pending+=("concierge-api /readyz")
        [[ "$(http_status "http://127.0.0.1:${WORKER_PORT}/healthz")" == 200 ]] || pending+=("concierge-worker /healthz")
        [[ "$(http_status "http://127.0.0.1:${SCHEDULER_PORT}/healthz")" == 200 ]] || pending+=("concierge-scheduler /healthz")
        ((${#pending[@]} == 0)) && break
        if ((SECONDS >= deadline)); then
            show_logs
            die "not ready after ${READY_TIMEOUT}s: ${pending[*]} (processes left running; 'make stop' stops them)"
        fi
        sleep 1
    done

    echo
    echo "Concierge is running: http://127.0.0.1:${HTTP_PORT}  (OpenAPI: /openapi.json, metrics: /metrics)"
    echo "Inbound mail: smtp://127.0.0.1:${CONCIERGE_INBOUND_SMTP_PORT} (the demo mailbox: support@demo.concierge.example)"
    echo "Agent workspace: http://127.0.0.1:${HTTP_PORT}/agent   Customer portal: http://127.0.0.1:${HTTP_PORT}/portal/demo"
    echo "Admin console: http://127.0.0.1:${HTTP_PORT}/admin   Dashboard: http://127.0.0.1:${HTTP_PORT}/agent/dashboard"
    echo "  (a customer's sign-in link without a mail relay: .build/debug/concierge portal link --tenant demo --email <address>)"
    if [[ -s ${creds} ]]; then
        grep -E '^(login|token):' "${creds}" | sed 's/^/  /' || echo "  (demo seed printed no login/token lines; see ${creds})"
        echo "  (demo credentials also in .data/run/demo-credentials.txt)"
    fi
    echo "  logs:      .data/logs/{concierge-api,concierge-worker,concierge-scheduler}.log"
    echo "  services:  .data/dev/logs/ (postgres.log, redis.log)"
    echo "  stop with: make stop"
}

case "${1:-}" in
start) start_all ;;
stop) stop_all ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
