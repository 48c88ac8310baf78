#!/usr/bin/env bash
# Private PostgreSQL and Redis for local development and tests. Never touches the
# system-wide services (Debian's postgresql@15-main on 5432, redis-server on 6379).
#
#   scripts/services.sh start|stop|status|reset [dev|test|bench]     (profile defaults to dev)
#
# Profiles
#   dev   Postgres 127.0.0.1:55432 (durable defaults), Redis 127.0.0.1:56379 (AOF, everysec)
#   test  Postgres 127.0.0.1:55433 (fsync/synchronous_commit/full_page_writes off),
#         Redis 127.0.0.1:56380 (no persistence)
#   bench Postgres 127.0.0.1:55434 (durable defaults like dev, more memory and WAL for bulk
#         loads), Redis 127.0.0.1:56381 (AOF, everysec); used by `make bench` (scripts/bench/)
#
# State lives in .data/<profile>/ of this checkout:
#   pg/            Postgres data dir (pg/data) and socket dir (pg/run), owned by `postgres`
#   pgdir          records where the Postgres directory actually is (see below)
#   redis/         Redis working dir (AOF for dev)
#   run/           pid files (redis.pid; Postgres keeps postmaster.pid in its data dir)
#   logs/          postgres.log (symlink to the Postgres dir), redis.log
#
# initdb/pg_ctl refuse to run as root, so as root they run as the `postgres` OS user
# (created if missing). If that user cannot reach the checkout (e.g. a checkout under a
# mode-700 /root), the Postgres directory goes to /tmp/concierge-<sha of checkout>/<profile>
# instead. As a non-root user everything runs as that user, in the checkout.
#
# Roles and database (idempotent bootstrap over the Unix socket as `postgres`):
#   concierge_owner  LOGIN PASSWORD 'concierge_owner' CREATEDB NOSUPERUSER  (owns `concierge`)
#   concierge_app    LOGIN PASSWORD 'concierge_app' NOSUPERUSER NOBYPASSRLS
# pg_hba: `local all all trust`, `host all all 127.0.0.1/32 scram-sha-256`.
set -euo pipefail

ACTION="${1:-}"
PROFILE="${2:-dev}"

usage() {
    echo "usage: $0 start|stop|status|reset [dev|test|bench]" >&2
    exit 64
}

case "${ACTION}" in start | stop | status | reset) ;; *) usage ;; esac

case "${PROFILE}" in
dev)
    PG_PORT=55432
    REDIS_PORT=56379
    ;;
test)
    PG_PORT=55433
    REDIS_PORT=56380
    ;;
bench)
    PG_PORT=55434
    REDIS_PORT=56381
    ;;
*) usage ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DATA="${ROOT}/.data/${PROFILE}"
LOG_DIR="${DATA}/logs"
RUN_DIR="${DATA}/run"
REDIS_DIR="${DATA}/redis"
REDIS_PID="${RUN_DIR}/redis.pid"
REDIS_LOG="${LOG_DIR}/redis.log"
PGDIR_FILE="${DATA}/pgdir"

DB_NAME=concierge
OWNER_ROLE=concierge_owner
OWNER_PASSWORD=concierge_owner
APP_ROLE=concierge_app
APP_PASSWORD=concierge_app

say() { printf '[services:%s] %s\n' "${PROFILE}" "$*"; }
die() {
    printf '[services:%s] error: %s\n' "${PROFILE}" "$*" >&2
    exit 1
}

# --- PostgreSQL binaries ----------------------------------------------------------------
find_pg_bin() {
    if [[ -n ${PG_BIN:-} ]]; then
        echo "${PG_BIN}"
        return
    fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        echo /usr/lib/postgresql/15/bin
        return
    fi
    local d
    d="$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n ${d} ]]; then
        dirname "${d}"
        return
    fi
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir
        return
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return
    fi
    die "PostgreSQL server binaries not found; run scripts/install-deps.sh"
}
PG_BIN="$(find_pg_bin)"

for tool in redis-server redis-cli; do
    command -v "${tool}" >/dev/null 2>&1 || die "${tool} not found; run scripts/install-deps.sh"
done

# --- who runs Postgres ------------------------------------------------------------------
if [[ ${EUID} -eq 0 ]]; then
    PG_USER=postgres
    # From / so that a cwd the postgres user cannot enter causes no warnings.
    as_pg() { (cd / && runuser -u "${PG_USER}" -- "$@"); }
else
    PG_USER="$(id -un)"
    as_pg() { "$@"; }
fi

ensure_pg_user() {
    [[ ${EUID} -eq 0 ]] || return 0
    if ! id -u postgres >/dev/null 2>&1; then
        say "creating the postgres OS user"
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
}

# Where the Postgres directory lives: in the checkout if the postgres user can reach it,
# otherwise under /tmp keyed by the checkout path. Recorded in .data/<profile>/pgdir.
resolve_pgdir() {
    local recorded=""
    if [[ -f ${PGDIR_FILE} ]]; then
        recorded="$(<"${PGDIR_FILE}")"
    fi
    if [[ -n ${recorded} && -d ${recorded} ]]; then
        PGDIR="${recorded}"
        return
    fi
    if [[ ${EUID} -ne 0 ]] || runuser -u postgres -- test -x "${DATA}"; then
        PGDIR="${DATA}/pg"
    else
        local key
        key="$(printf '%s' "${ROOT}" | sha256sum | cut -c1-16)"
        PGDIR="/tmp/concierge-${key}/${PROFILE}"
        say "postgres cannot traverse ${DATA}; using ${PGDIR} for the Postgres data"
    fi
}

# Read-only variant for stop/status/reset: no directories are created.
known_pgdir() {
    if [[ -f ${PGDIR_FILE} ]]; then
        PGDIR="$(<"${PGDIR_FILE}")"
    else
        PGDIR="${DATA}/pg"
    fi
    set_pg_paths
}

set_pg_paths() {
    PGDATA_DIR="${PGDIR}/data"
    PG_SOCKET_DIR="${PGDIR}/run"
    PG_LOG="${PGDIR}/log/postgres.log"
}

pg_running() {
    [[ -f "${PGDATA_DIR}/PG_VERSION" ]] || return 1
    as_pg "${PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" status >/dev/null 2>&1
}

pg_answers() {
    "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${PG_PORT}" -t 2 >/dev/null 2>&1
}

redis_pid() {
    [[ -f ${REDIS_PID} ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"${REDIS_PID}")"
    [[ -n ${pid} ]] || return 1
    kill -0 "${pid}" 2>/dev/null || return 1
    # Guard against pid reuse: it must be a redis-server on our port.
    tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q "redis-server.*:${REDIS_PORT}" || return 1
    echo "${pid}"
}

redis_answers() {
    [[ "$(redis-cli -h 127.0.0.1 -p "${REDIS_PORT}" ping 2>/dev/null || true)" == "PONG" ]]
}

# --- start ------------------------------------------------------------------------------
init_pg() {
    say "initdb ${PGDATA_DIR}"
    as_pg "${PG_BIN}/initdb" -D "${PGDATA_DIR}" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-instructions >"${PGDIR}/log/initdb.log" 2>&1 ||
        {
            cat "${PGDIR}/log/initdb.log" >&2
            die "initdb failed"
        }
    as_pg tee "${PGDATA_DIR}/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/services.sh: bootstrap over the socket, SCRAM over TCP.
# TYPE  DATABASE     USER  ADDRESS        METHOD
local   all          all                  trust
local   replication  all                  trust
host    all          all   127.0.0.1/32   scram-sha-256
EOF
    printf "\ninclude_if_exists = 'concierge.conf'\n" | as_pg tee -a "${PGDATA_DIR}/postgresql.conf" >/dev/null
}

write_pg_conf() {
    {
        echo "# Written by scripts/services.sh on every start (profile ${PROFILE}); edits are lost."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = ${PG_PORT}"
        echo "unix_socket_directories = '${PG_SOCKET_DIR}'"
        echo "password_encryption = 'scram-sha-256'"
        echo "log_line_prefix = '%m [%p] %q%u@%d '"
        if [[ ${PROFILE} == test ]]; then
            # Parallel suites each open a pool on their own cloned database.
            echo "max_connections = 300"
            echo "# test profile: throwaway data, speed over durability"
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        else
            echo "max_connections = 200"
            echo "# ${PROFILE} profile: PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on)"
        fi
        if [[ ${PROFILE} == bench ]]; then
            # Millions of seeded rows: memory and checkpoint spacing only; durability as above.
            echo "shared_buffers = 1GB"
            echo "maintenance_work_mem = 512MB"
            echo "max_wal_size = 8GB"
            echo "effective_cache_size = 4GB"
            # Per-statement timings for finding what a slow phase spends its time on.
            echo "shared_preload_libraries = 'pg_stat_statements'"
            echo "pg_stat_statements.track = all"
        fi
    } | as_pg tee "${PGDATA_DIR}/concierge.conf" >/dev/null
}

bootstrap_pg() {
    as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${PG_SOCKET_DIR}" -p "${PG_PORT}" \
        -U postgres -d postgres >/dev/null <<EOF
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB NOSUPERUSER;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
\$\$;
SET password_encryption = 'scram-sha-256';
ALTER ROLE ${OWNER_ROLE} WITH LOGIN CREATEDB NOSUPERUSER PASSWORD '${OWNER_PASSWORD}';
ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${APP_PASSWORD}';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', '${DB_NAME}', '${OWNER_ROLE}', 'UTF8')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}') \gexec
ALTER DATABASE ${DB_NAME} OWNER TO ${OWNER_ROLE};
EOF
    if [[ ${PROFILE} == bench ]]; then
        # Statement statistics for the bench (preloaded in concierge.conf), in a schema of their
        # own so that the migrations' grants on public never meet the extension's functions.
        as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${PG_SOCKET_DIR}" -p "${PG_PORT}" \
            -U postgres -d "${DB_NAME}" >/dev/null <<EOF
CREATE SCHEMA IF NOT EXISTS monitoring;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA monitoring;
EOF
    fi
}

start_pg() {
    ensure_pg_user
    resolve_pgdir
    set_pg_paths
    mkdir -p "${PGDIR}" "${PGDIR}/run" "${PGDIR}/log"
    if [[ ${EUID} -eq 0 ]]; then
        # The parent of a /tmp fallback must be traversable by postgres.
        chmod 755 "$(dirname "${PGDIR}")"
        chown "${PG_USER}:" "${PGDIR}" "${PGDIR}/run" "${PGDIR}/log"
    fi
    # 700: the socket trusts local connections, so only its owner (and root) may reach it.
    chmod 700 "${PGDIR}"
    printf '%s\n' "${PGDIR}" >"${PGDIR_FILE}"
    ln -sfn "${PG_LOG}" "${LOG_DIR}/postgres.log"

    if pg_running; then
        say "postgres already running (${PGDATA_DIR})"
    else
        if pg_answers; then
            die "something else answers on 127.0.0.1:${PG_PORT}; stop it or free the port"
        fi
        if [[ ! -f "${PGDATA_DIR}/PG_VERSION" ]]; then
            if [[ ${EUID} -eq 0 ]]; then
                install -d -o "${PG_USER}" -m 700 "${PGDATA_DIR}"
            else
                install -d -m 700 "${PGDATA_DIR}"
            fi
            init_pg
        fi
        write_pg_conf
        say "starting postgres on 127.0.0.1:${PG_PORT}"
        # 9>&-: the daemon must not inherit (and so hold forever) the lock on fd 9.
        if ! as_pg "${PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" -l "${PG_LOG}" -w -t 60 start >/dev/null 9>&-; then
            tail -n 30 "${PG_LOG}" >&2 || true
            die "postgres did not start (log: ${PG_LOG})"
        fi
    fi
    local i
    for ((i = 0; i < 60; i++)); do
        pg_answers && break
        sleep 0.5
    done
    pg_answers || die "postgres does not answer on 127.0.0.1:${PG_PORT} (log: ${PG_LOG})"
    bootstrap_pg || die "bootstrap of roles/database failed"
}

start_redis() {
    mkdir -p "${REDIS_DIR}"
    local pid
    if pid="$(redis_pid)"; then
        say "redis already running (pid ${pid})"
    elif redis_answers; then
        # A Redis someone else started on this port (e.g. by hand). Use it, never stop it.
        say "warning: a Redis not started by this script answers on 127.0.0.1:${REDIS_PORT};"
        say "         using it as is (its persistence settings are its own; 'stop' leaves it alone)"
        return 0
    else
        rm -f "${REDIS_PID}"
        local persistence=()
        if [[ ${PROFILE} != test ]]; then
            persistence=(--appendonly yes --appendfsync everysec)
        else
            persistence=(--appendonly no --save '')
        fi
        say "starting redis on 127.0.0.1:${REDIS_PORT}"
        redis-server --port "${REDIS_PORT}" --bind 127.0.0.1 --protected-mode yes \
            --dir "${REDIS_DIR}" --pidfile "${REDIS_PID}" --logfile "${REDIS_LOG}" \
            --daemonize yes "${persistence[@]}" 9>&- ||
            die "redis-server failed to start (log: ${REDIS_LOG})"
    fi
    local i
    for ((i = 0; i < 100; i++)); do
        redis_answers && break
        sleep 0.1
    done
    redis_answers || {
        tail -n 20 "${REDIS_LOG}" >&2 || true
        die "redis does not answer on 127.0.0.1:${REDIS_PORT} (log: ${REDIS_LOG})"
    }
    for ((i = 0; i < 50; i++)); do
        redis_pid >/dev/null && break
        sleep 0.1
    done
    redis_pid >/dev/null || die "redis answers but its pid file ${REDIS_PID} is missing"
}

print_urls() {
    cat <<EOF
[services:${PROFILE}] ready
  postgres (app):   postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${PG_PORT}/${DB_NAME}
  postgres (owner): postgres://${OWNER_ROLE}:${OWNER_PASSWORD}@127.0.0.1:${PG_PORT}/${DB_NAME}
  redis:            redis://127.0.0.1:${REDIS_PORT}/0
  psql as postgres: psql -h ${PG_SOCKET_DIR} -p ${PG_PORT} -U postgres
  logs:             ${LOG_DIR}/
EOF
}

# --- stop -------------------------------------------------------------------------------
stop_pg() {
    known_pgdir
    if pg_running; then
        say "stopping postgres"
        as_pg "${PG_BIN}/pg_ctl" -D "${PGDATA_DIR}" stop -m fast -w -t 60 >/dev/null ||
            die "pg_ctl stop failed (log: ${PG_LOG})"
    else
        say "postgres not running"
    fi
}

stop_redis() {
    local pid
    if ! pid="$(redis_pid)"; then
        if redis_answers; then
            say "redis on 127.0.0.1:${REDIS_PORT} was not started by this script; leaving it alone"
        else
            say "redis not running"
        fi
        rm -f "${REDIS_PID}"
        return 0
    fi
    say "stopping redis (pid ${pid})"
    if [[ ${PROFILE} == test ]]; then
        redis-cli -h 127.0.0.1 -p "${REDIS_PORT}" shutdown nosave >/dev/null 2>&1 || true
    else
        redis-cli -h 127.0.0.1 -p "${REDIS_PORT}" shutdown >/dev/null 2>&1 || true
    fi
    local i
    for ((i = 0; i < 100; i++)); do
        kill -0 "${pid}" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "${pid}" 2>/dev/null; then
        kill -TERM "${pid}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "${pid}" 2>/dev/null || break
            sleep 0.1
        done
    fi
    if kill -0 "${pid}" 2>/dev/null; then
        kill -KILL "${pid}" 2>/dev/null || true
    fi
    rm -f "${REDIS_PID}"
}

# --- status -----------------------------------------------------------------------------
status() {
    known_pgdir
    local rc=0 pid
    if pg_running; then
        pid="$(head -n 1 "${PGDATA_DIR}/postmaster.pid" 2>/dev/null || echo '?')"
        say "postgres running  pid ${pid}  127.0.0.1:${PG_PORT}  data ${PGDATA_DIR}"
    else
        say "postgres stopped  (port ${PG_PORT}, data ${PGDATA_DIR})"
        rc=3
    fi
    if pid="$(redis_pid)"; then
        say "redis    running  pid ${pid}  127.0.0.1:${REDIS_PORT}  dir ${REDIS_DIR}"
    elif redis_answers; then
        say "redis    answering on 127.0.0.1:${REDIS_PORT} but not started by this script"
    else
        say "redis    stopped  (port ${REDIS_PORT})"
        rc=3
    fi
    return "${rc}"
}

# --- reset ------------------------------------------------------------------------------
reset() {
    stop_redis
    stop_pg
    known_pgdir
    # Only delete what this script owns: the profile dir and a recorded /tmp fallback.
    if [[ ${PGDIR} == /tmp/concierge-*/"${PROFILE}" && -d ${PGDIR} ]]; then
        say "deleting ${PGDIR}"
        rm -rf -- "${PGDIR}"
        rmdir -- "$(dirname "${PGDIR}")" 2>/dev/null || true
    fi
    if [[ -d ${DATA} && ${DATA} == "${ROOT}/.data/${PROFILE}" ]]; then
        say "deleting ${DATA}"
        rm -rf -- "${DATA}"
    fi
}

# --- main -------------------------------------------------------------------------------
mkdir -p "${DATA}"
# The postgres user must be able to traverse these (whatever root's umask is).
[[ ${EUID} -ne 0 ]] || chmod 755 "${ROOT}/.data" "${DATA}"
# One invocation per profile at a time (parallel `make test` runs share the test profile).
exec 9>"${DATA}/.lock"
flock -w 120 9 || die "another services.sh holds ${DATA}/.lock"

case "${ACTION}" in
start)
    mkdir -p "${LOG_DIR}" "${RUN_DIR}"
    start_pg
    start_redis
    print_urls
    ;;
stop)
    stop_redis
    stop_pg
    ;;
status)
    status
    ;;
reset)
    reset
    ;;
esac
