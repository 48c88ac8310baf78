#!/usr/bin/env bash
# `make bench`: seeds a large tenant into the bench profile's Postgres (once; the data is
# kept between runs), starts concierge-api/-worker/-scheduler against it, measures ticket
# creation (open loop, fixed rate) and reads (closed loop), stops the processes and prints
# one JSON summary on stdout (also written to .data/bench/summary.json). Progress goes to
# stderr. docs/operations.md "Benchmarks" describes the targets and the variables.
#
#   scripts/bench/bench.sh            # everything
#   BENCH_TICKETS=20000 scripts/bench/bench.sh    # a quick run on a small data set
#
# Variables (all optional):
#   BENCH_TICKETS=1000000      tickets of the measured tenant (comments: 3×; customers: 1/5)
#   BENCH_NOISE_TENANTS=4      other tenants, BENCH_NOISE_TICKETS (BENCH_TICKETS/20) tickets each
#   BENCH_RESEED=1             drop the bench database and seed again
#   BENCH_SEED_ONLY=1          stop after seeding (no processes, no load)
#   BENCH_BIN=dir              binaries to run; default .build-bench/release if built, else .build/debug
#   BENCH_CREATE_RATE=500 BENCH_CREATE_SECONDS=20      the open-loop create phase
#   BENCH_READ_REQUESTS=1000 BENCH_READ_CONCURRENCY=4 BENCH_READ_MAX_SECONDS=120   per read class
#   BENCH_PHASES=views,customer_360,create,search,sla,rules,intake,webhooks,workspace   the default; a subset or another order
#   BENCH_SLA_DUE=10000 BENCH_SLA_LEAD=45     the sla phase: timers due within one minute, starting in N s
#   BENCH_CUSTOMER_360_PATH=auto    /api/v1/customers/{id}/360 if answered, else the stand-in
#                                   /api/v1/tickets?requester_id={id}; or any path with {id}
#   BENCH_HTTP_PORT=18080 (worker +1, scheduler +2)
#   PYTHON=python3             interpreter for the venv (.data/bench/venv, aiohttp from PyPI)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
HERE="${ROOT}/scripts/bench"
DATA="${ROOT}/.data/bench"
RUN_DIR="${DATA}/run"
LOG_DIR="${DATA}/logs"
VENV="${DATA}/venv"
SERVICES=(concierge-api concierge-worker concierge-scheduler)

export BENCH_PG_PORT=55434 BENCH_REDIS_PORT=56381
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
WORKER_PORT=$((HTTP_PORT + 1))
SCHEDULER_PORT=$((HTTP_PORT + 2))
PYTHON="${PYTHON:-python3}"
READY_TIMEOUT="${READY_TIMEOUT:-90}"

say() { printf '[bench] %s\n' "$*" >&2; }
die() {
    printf '[bench] error: %s\n' "$*" >&2
    exit 1
}

# --- binaries -----------------------------------------------------------------------------
if [[ -n ${BENCH_BIN:-} ]]; then
    BIN="$(cd "${BENCH_BIN}" && pwd -P)"
elif [[ -x "${ROOT}/.build-bench/release/concierge-api" ]]; then
    BIN="${ROOT}/.build-bench/release"
else
    BIN="${ROOT}/.build/debug"
fi
for name in concierge "${SERVICES[@]}"; do
    [[ -x "${BIN}/${name}" ]] || die "${BIN}/${name} not found: build it (swift build, or for realistic numbers
  swift build -c release --scratch-path .build-bench) or point BENCH_BIN at a directory with the binaries"
done
case "${BIN}" in
*/release*) BUILD_CONFIG=release ;;
*/debug*) BUILD_CONFIG=debug ;;
*) BUILD_CONFIG=unknown ;;
esac
# What the binaries were built from: a snapshot's SOURCE_COMMIT (see docs/operations.md) or the checkout.
if [[ ${BIN} == "${ROOT}/.build-bench/"* && -f "${ROOT}/.build-bench-src/SOURCE_COMMIT" ]]; then
    BUILD_SOURCE="snapshot of commit $(<"${ROOT}/.build-bench-src/SOURCE_COMMIT")"
else
    BUILD_SOURCE="checkout at $(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null || echo '?') ($(git -C "${ROOT}" status --porcelain 2>/dev/null | wc -l) changed files)"
fi
BUILD_SOURCE+=", concierge-api built $(date -u -r "${BIN}/concierge-api" +%Y-%m-%dT%H:%M:%SZ)"
export CONCIERGE_BIN_DIR="${BIN}" BENCH_BUILD_CONFIG="${BUILD_CONFIG}" BENCH_BUILD_SOURCE="${BUILD_SOURCE}"
say "binaries: ${BIN} (${BUILD_CONFIG}; ${BUILD_SOURCE})"
[[ ${BUILD_CONFIG} == release ]] ||
    say "warning: not a release build; latencies are not representative (swift build -c release --scratch-path .build-bench)"

# --- settings of the processes (never the dev profile's) ------------------------------------
# Other CONCIERGE_* variables of the caller (pool sizes, …) pass through; a settings file does not.
unset CONCIERGE_CONFIG_FILE
export CONCIERGE_DATABASE_URL="postgres://concierge_app:concierge_app@127.0.0.1:${BENCH_PG_PORT}/concierge"
export CONCIERGE_MIGRATION_DATABASE_URL="postgres://concierge_owner:concierge_owner@127.0.0.1:${BENCH_PG_PORT}/concierge"
export CONCIERGE_REDIS_URL="redis://127.0.0.1:${BENCH_REDIS_PORT}/0"
export CONCIERGE_HTTP_PORT="${HTTP_PORT}" CONCIERGE_WORKER_HTTP_PORT="${WORKER_PORT}" CONCIERGE_SCHEDULER_HTTP_PORT="${SCHEDULER_PORT}"
export CONCIERGE_COOKIE_SECURE=false
# The webhooks phase: a key ring for the connector's secret (bench data only) and the
# receiver on loopback allowed past the SSRF guard.
export CONCIERGE_SECRET_KEYS="${CONCIERGE_SECRET_KEYS:-bench:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=}"
export CONCIERGE_CONNECTOR_ALLOWED_NETWORKS=127.0.0.1/32
# The worker's inbound SMTP endpoint, for the intake phase.
export CONCIERGE_INBOUND_SMTP_PORT=$((HTTP_PORT + 3)) BENCH_INBOUND_SMTP_PORT=$((HTTP_PORT + 3))
# One token drives the whole load: lift the per-credential limit (the Redis call stays).
export CONCIERGE_API_REQUESTS_PER_MINUTE=1000000
# As the Docker image runs: JSON logs at info.
export CONCIERGE_LOG_FORMAT=json CONCIERGE_LOG_LEVEL="${BENCH_LOG_LEVEL:-info}"
export PGHOST=127.0.0.1 PGPORT="${BENCH_PG_PORT}" PGUSER=concierge_owner PGPASSWORD=concierge_owner PGDATABASE=concierge

# --- processes ------------------------------------------------------------------------------
live_pid() {
    local name="$1" file="${RUN_DIR}/$1.pid" pid argv0
    [[ -f ${file} ]] || return 1
    pid="$(tr -dc '0-9' <"${file}")"
    [[ -n ${pid} ]] && kill -0 "${pid}" 2>/dev/null || return 1
    argv0="$(tr '\0' '\n' <"/proc/${pid}/cmdline" 2>/dev/null | head -n 1 || true)"
    [[ "$(basename -- "${argv0}")" == "${name}" ]] || return 1
    echo "${pid}"
}

stop_processes() {
    local name pid i
    for name in "${SERVICES[@]}"; do
        if pid="$(live_pid "${name}")"; then
            say "stopping ${name} (pid ${pid})"
            kill -TERM "${pid}" 2>/dev/null || true
            for ((i = 0; i < 150; i++)); do
                kill -0 "${pid}" 2>/dev/null || break
                sleep 0.1
            done
            if kill -0 "${pid}" 2>/dev/null; then kill -KILL "${pid}" 2>/dev/null || true; fi
        fi
        rm -f "${RUN_DIR}/${name}.pid"
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

start_processes() {
    local name port deadline
    mkdir -p "${RUN_DIR}" "${LOG_DIR}"
    for port in "${HTTP_PORT}" "${WORKER_PORT}" "${SCHEDULER_PORT}"; do
        port_in_use "${port}" && die "port ${port} is taken (set BENCH_HTTP_PORT to use ports N, N+1, N+2)"
    done
    for name in "${SERVICES[@]}"; do
        {
            echo
            echo "===== $(date -u +%Y-%m-%dT%H:%M:%SZ) started by scripts/bench/bench.sh ====="
        } >>"${LOG_DIR}/${name}.log"
        (cd "${ROOT}" && CONCIERGE_INSTANCE_ID="bench-${name#concierge-}" exec setsid nohup "${BIN}/${name}" \
            </dev/null >>"${LOG_DIR}/${name}.log" 2>&1) &
        echo "$!" >"${RUN_DIR}/${name}.pid"
    done
    deadline=$((SECONDS + READY_TIMEOUT))
    while :; do
        for name in "${SERVICES[@]}"; do
            kill -0 "$(<"${RUN_DIR}/${name}.pid")" 2>/dev/null ||
                die "${name} exited during start-up (log: ${LOG_DIR}/${name}.log)"
        done
        if [[ "$(http_status "http://127.0.0.1:${HTTP_PORT}/readyz")" == 200 &&
            "$(http_status "http://127.0.0.1:${WORKER_PORT}/healthz")" == 200 &&
            "$(http_status "http://127.0.0.1:${SCHEDULER_PORT}/healthz")" == 200 ]]; then
            break
        fi
        ((SECONDS < deadline)) || die "not ready after ${READY_TIMEOUT}s (logs: ${LOG_DIR}/)"
        sleep 0.5
    done
    say "api, worker and scheduler ready on 127.0.0.1:${HTTP_PORT}/${WORKER_PORT}/${SCHEDULER_PORT}"
}

# --- run ------------------------------------------------------------------------------------
bash "${ROOT}/scripts/services.sh" start bench >&2
mkdir -p "${RUN_DIR}" "${LOG_DIR}"
# Leftovers of an interrupted run hold connections that would block a reseed.
stop_processes
trap stop_processes EXIT

say "concierge migrate"
"${BIN}/concierge" migrate >&2

seed_args=()
[[ ${BENCH_RESEED:-0} == 1 ]] && seed_args+=(--force)
# The system python3 is enough for seeding (standard library only).
"${PYTHON}" "${HERE}/seed.py" "${seed_args[@]}" >"${DATA}/seed-last-run.json"

if [[ ${BENCH_SEED_ONLY:-0} == 1 ]]; then
    say "BENCH_SEED_ONLY=1: seeded; no load"
    cat "${DATA}/seed-last-run.json"
    exit 0
fi

say "removing what earlier load runs added"
psql -X -q -v ON_ERROR_STOP=1 -f "${HERE}/reset.sql" >&2
# Jobs an earlier run left queued (a backlog it stopped in) would run during this one.
redis-cli -h 127.0.0.1 -p "${BENCH_REDIS_PORT}" FLUSHDB >/dev/null

if [[ ! -x "${VENV}/bin/python" ]] || ! "${VENV}/bin/python" -c 'import aiohttp' 2>/dev/null; then
    say "creating ${VENV} (aiohttp from PyPI)"
    "${PYTHON}" -m venv "${VENV}"
    "${VENV}/bin/pip" install -q --disable-pip-version-check aiohttp >&2
fi

start_processes
BENCH_BASE_URL="http://127.0.0.1:${HTTP_PORT}" BENCH_API_PID="$(<"${RUN_DIR}/concierge-api.pid")" \
    BENCH_SEED_RESULT="${DATA}/seed-last-run.json" \
    "${VENV}/bin/python" "${HERE}/load.py" >"${DATA}/summary.json.tmp"
mv "${DATA}/summary.json.tmp" "${DATA}/summary.json"
stop_processes
trap - EXIT
cat "${DATA}/summary.json"
say "summary: .data/bench/summary.json; logs: .data/bench/logs/; the bench Postgres/Redis keep running (scripts/services.sh stop bench)"
