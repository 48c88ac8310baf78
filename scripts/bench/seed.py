#!/usr/bin/env python3
"""Seeds the bench database for `make bench` (standard library only).

    python3 scripts/bench/seed.py            # seed unless the database already holds this seed
    python3 scripts/bench/seed.py --force    # drop the bench database and seed again

What it does, timed from the first step to the last:
  1. drops and re-creates the `concierge` database of the bench profile, flushes the bench
     Redis, runs `concierge migrate`;
  2. creates the tenants with `concierge tenant create` (keeps their admin tokens in
     .data/bench/tokens.json) and applies generated Tenants-style folders
     (.data/bench/tenants/<slug>/) with `concierge tenant apply`: users and groups are made
     by the application;
  3. loads scripts/bench/seed.sql and runs its set-based loaders in parallel psql sessions
     (indexes and keys dropped around the load, rebuilt afterwards), sets ticket_counters,
     VACUUM ANALYZE.
The result (sizes, row counts, seconds per phase) is stored in bench.seed_state and
.data/bench/seed.json and printed as JSON on stdout; progress goes to stderr.

Environment: BENCH_TICKETS (1000000), BENCH_NOISE_TENANTS (4), BENCH_NOISE_TICKETS
(BENCH_TICKETS/20), BENCH_SEED_JOBS (number of CPUs, at least 2), CONCIERGE_BIN_DIR,
BENCH_PG_PORT (55434), BENCH_REDIS_PORT (56381).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".data" / "bench"
SEED_SQL = Path(__file__).resolve().parent / "seed.sql"

PG_HOST = "127.0.0.1"
PG_PORT = os.environ.get("BENCH_PG_PORT") or "55434"
REDIS_PORT = os.environ.get("BENCH_REDIS_PORT") or "56381"
OWNER, OWNER_PASSWORD, DB = "concierge_owner", "concierge_owner", "concierge"
BIN = Path(os.environ.get("CONCIERGE_BIN_DIR") or ROOT / ".build" / "debug")

CHUNK = 50_000  # tickets per load job (a multiple of 10: comments are exact per block of ten)
BENCH_SLUG = "bench"


def env_int(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return int(text.replace("_", "")) if text else default


def log(message: str) -> None:
    print(f"[bench:seed] {message}", file=sys.stderr, flush=True)


def sizes() -> dict:
    tickets = env_int("BENCH_TICKETS", 1_000_000)
    tickets = max(10, (tickets + 9) // 10 * 10)
    noise_tenants = env_int("BENCH_NOISE_TENANTS", 4)
    noise_tickets = env_int("BENCH_NOISE_TICKETS", tickets // 20)
    noise_tickets = max(10, (noise_tickets + 9) // 10 * 10)
    return {
        "tickets": tickets,
        "comments": tickets * 3,
        "customers": max(50, tickets // 5),
        "organizations": max(10, tickets // 500),
        "agents": 60,
        "groups": 12,
        "noise_tenants": noise_tenants,
        "noise_tickets": noise_tickets,
        "noise_customers": max(50, noise_tickets // 5),
        "noise_organizations": max(10, noise_tickets // 500),
        "noise_agents": 10,
        "noise_groups": 3,
        # Any change to seed.sql makes the stored seed stale.
        "seed_sql_sha256": hashlib.sha256(SEED_SQL.read_bytes()).hexdigest()[:16],
    }


# --- processes ------------------------------------------------------------------------------

def pg_env(database: str = DB) -> dict:
    env = dict(os.environ)
    env.update(PGHOST=PG_HOST, PGPORT=PG_PORT, PGUSER=OWNER, PGPASSWORD=OWNER_PASSWORD, PGDATABASE=database,
               PGOPTIONS="-c work_mem=64MB -c temp_buffers=256MB -c client_min_messages=warning",
               PGAPPNAME="concierge-bench-seed")
    return env


def psql(sql: str, database: str = DB) -> str:
    result = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], env=pg_env(database),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed ({sql[:120]}…): {result.stderr.strip()}")
    return result.stdout.strip()


def psql_file(path: Path) -> None:
    result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path)], env=pg_env(),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql -f {path} failed: {result.stderr.strip()}")


def concierge_env() -> dict:
    """The CLI's settings, always pointing at the bench profile (whatever the caller exported)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCIERGE_")}
    env.update(
        CONCIERGE_DATABASE_URL=f"postgres://concierge_app:concierge_app@{PG_HOST}:{PG_PORT}/{DB}",
        CONCIERGE_MIGRATION_DATABASE_URL=f"postgres://{OWNER}:{OWNER_PASSWORD}@{PG_HOST}:{PG_PORT}/{DB}",
        CONCIERGE_REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
        CONCIERGE_LOG_LEVEL="warning")
    return env


def concierge(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run([str(BIN / "concierge"), *args], cwd=cwd, env=concierge_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"concierge {' '.join(args)} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


# --- state ----------------------------------------------------------------------------------

def current_seed() -> dict | None:
    try:
        exists = psql("SELECT to_regclass('bench.seed_state') IS NOT NULL")
    except RuntimeError:
        return None
    if exists != "t":
        return None
    text = psql("SELECT json_build_object('params', params, 'stats', stats)::text FROM bench.seed_state")
    return json.loads(text) if text else None


# --- steps ----------------------------------------------------------------------------------

def recreate_database() -> None:
    log(f"dropping and re-creating database {DB} on {PG_HOST}:{PG_PORT}")
    try:
        psql(f"DROP DATABASE IF EXISTS {DB}", database="postgres")
    except RuntimeError as error:
        raise RuntimeError(f"{error}\n(is a concierge process or a psql session still connected to the bench database?)")
    psql(f"CREATE DATABASE {DB} OWNER {OWNER} ENCODING 'UTF8'", database="postgres")
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", REDIS_PORT, "FLUSHALL"], check=True, capture_output=True)
    log("concierge migrate")
    concierge("migrate")


def write_tenant_folder(slug: str, name: str, agents: int, groups: int) -> Path:
    folder = DATA / "tenants" / slug
    folder.mkdir(parents=True, exist_ok=True)
    domain = f"{slug}.example.cn"
    (folder / "tenant.yaml").write_text(
        f"# Generated by scripts/bench/seed.py\nslug: {slug}\nname: {name}\ntime_zone: Asia/Shanghai\nlocale: zh-CN\n",
        encoding="utf-8")
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"]
    users = ["# Generated by scripts/bench/seed.py", "users:",
             f"  - email: owner@{domain}", "    name: 系统管理员", "    role: owner"]
    for i in range(1, 5):
        users += [f"  - email: supervisor{i:02d}@{domain}", f"    name: 主管{surnames[i]}{given[i]}", "    role: supervisor"]
    for i in range(1, agents + 1):
        users += [f"  - email: agent{i:03d}@{domain}", f"    name: {surnames[i % 20]}{given[(i * 7) % 16]}{i:03d}",
                  "    role: agent"]
        if i % 10 == 0:
            users.append("    locale: en")
    (folder / "users.yaml").write_text("\n".join(users) + "\n", encoding="utf-8")
    group_names = ["售后服务组", "华东服务站", "华南服务站", "华北服务站", "退换货组", "发票财务组", "安装调试组", "VIP客户组",
                   "技术支持二线", "English Support", "质量投诉组", "备件仓库"]
    lines = ["# Generated by scripts/bench/seed.py", "groups:"]
    for g in range(groups):
        # Agent i belongs to group (i-1) % groups; every sixth agent also helps the next group.
        members = [f"agent{i:03d}@{domain}" for i in range(1, agents + 1)
                   if (i - 1) % groups == g or (i % 6 == 0 and i % groups == g)]
        lines += [f"  - key: team-{g + 1:02d}", f"    name: {group_names[g % len(group_names)]}",
                  f"    description: Bench group {g + 1}", f"    members: [{', '.join(members)}]"]
    (folder / "groups.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def create_tenants(params: dict) -> dict:
    tenants = [(BENCH_SLUG, "精密设备基准测试公司 (Bench)", params["agents"], params["groups"])]
    tenants += [(f"bench-noise-{i}", f"Noise Tenant {i} 噪声租户", params["noise_agents"], params["noise_groups"])
                for i in range(1, params["noise_tenants"] + 1)]
    tokens = {}
    for slug, name, agents, groups in tenants:
        out = concierge("tenant", "create", "--slug", slug, "--name", name, "--seats", str(agents + 20))
        match = re.search(r"admin API token \(shown once\): (\S+)", out)
        if not match:
            raise RuntimeError(f"tenant create printed no token: {out}")
        tokens[slug] = match.group(1)
        folder = write_tenant_folder(slug, name, agents, groups)
        concierge("tenant", "apply", str(folder))
    path = DATA / "tokens.json"
    old = os.umask(0o077)
    try:
        path.write_text(json.dumps(tokens, indent=2) + "\n")
    finally:
        os.umask(old)
    log(f"tenants created and applied: {', '.join(tokens)} (tokens in {path.relative_to(ROOT)})")
    return {slug: psql(f"SELECT id FROM tenants WHERE slug = '{slug}'") for slug in tokens}


def run_jobs(jobs: list[tuple[str, str]], workers: int) -> dict:
    """Runs (label, sql) jobs in `workers` parallel psql sessions; returns seconds per label."""
    took = {}

    def one(job):
        label, sql = job
        start = time.monotonic()
        psql(sql)
        took[label] = round(time.monotonic() - start, 2)
        log(f"  {label}: {took[label]} s")

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(one, job) for job in jobs]:
            future.result()
    return took


def load(params: dict, tenant_ids: dict, workers: int) -> dict:
    phases = {}
    start = time.monotonic()
    psql_file(SEED_SQL)
    dropped = psql("SELECT bench.drop_load_constraints()")
    phases["prepare_s"] = round(time.monotonic() - start, 2)
    log(f"seed.sql loaded; dropped {dropped} keys/indexes for the load")

    now = psql("SELECT now()")
    jobs = []
    for slug, tenant in tenant_ids.items():
        noise = slug != BENCH_SLUG
        customers = params["noise_customers" if noise else "customers"]
        orgs = params["noise_organizations" if noise else "organizations"]
        jobs.insert(0, (f"directory {slug}",
                        f"SELECT bench.load_directory('{tenant}', {customers}, {orgs}, '{now}')"))
    for slug, tenant in tenant_ids.items():
        noise = slug != BENCH_SLUG
        total = params["noise_tickets" if noise else "tickets"]
        customers = params["noise_customers" if noise else "customers"]
        orgs = params["noise_organizations" if noise else "organizations"]
        for first in range(1, total + 1, CHUNK):
            last = min(first + CHUNK - 1, total)
            jobs.append((f"tickets {slug} {first}-{last}",
                         f"SELECT bench.load_tickets('{tenant}', {first}, {last}, {total}, {customers}, {orgs}, '{now}')"))
    log(f"loading: {len(jobs)} jobs in {workers} sessions")
    start = time.monotonic()
    run_jobs(jobs, workers)
    phases["load_s"] = round(time.monotonic() - start, 2)

    log("rebuilding keys and indexes")
    start = time.monotonic()
    run_jobs([(f"keys+indexes {part}", f"CALL bench.restore_load_constraints('{part}')")
              for part in ("tickets", "comments", "other")], workers)
    run_jobs([("foreign keys", "CALL bench.restore_load_constraints('fk')")], 1)
    left = psql("SELECT count(*) FROM bench.saved_ddl")
    if left != "0":
        raise RuntimeError(f"{left} saved constraints/indexes were not restored (see bench.saved_ddl)")
    phases["indexes_s"] = round(time.monotonic() - start, 2)

    values = ", ".join(f"('{tenant}', {1000 + params['noise_tickets' if slug != BENCH_SLUG else 'tickets']})"
                       for slug, tenant in tenant_ids.items())
    psql(f"INSERT INTO ticket_counters (tenant_id, last_number) VALUES {values} "
         "ON CONFLICT (tenant_id) DO UPDATE SET last_number = excluded.last_number")

    log("VACUUM ANALYZE")
    start = time.monotonic()
    run_jobs([(f"vacuum {t}", f"VACUUM (ANALYZE) {t}") for t in
              ("comments", "tickets", "customers", "customer_identities", "organizations", "organization_domains",
               "users", "groups", "group_members", "ticket_counters")], workers)
    phases["vacuum_analyze_s"] = round(time.monotonic() - start, 2)
    return phases


def row_counts(bench_tenant: str) -> dict:
    text = psql(f"""
        SELECT json_build_object(
            'bench_tenant', json_build_object(
                'tickets', (SELECT count(*) FROM tickets WHERE tenant_id = '{bench_tenant}'),
                'comments', (SELECT count(*) FROM comments WHERE tenant_id = '{bench_tenant}'),
                'customers', (SELECT count(*) FROM customers WHERE tenant_id = '{bench_tenant}'),
                'customer_identities', (SELECT count(*) FROM customer_identities WHERE tenant_id = '{bench_tenant}'),
                'organizations', (SELECT count(*) FROM organizations WHERE tenant_id = '{bench_tenant}'),
                'users', (SELECT count(*) FROM users WHERE tenant_id = '{bench_tenant}'),
                'groups', (SELECT count(*) FROM groups WHERE tenant_id = '{bench_tenant}')),
            'all_tenants', json_build_object(
                'tenants', (SELECT count(*) FROM tenants),
                'tickets', (SELECT count(*) FROM tickets),
                'comments', (SELECT count(*) FROM comments),
                'customers', (SELECT count(*) FROM customers)),
            'database_size_mb', (SELECT pg_database_size(current_database()) / 1048576))::text""")
    return json.loads(text)


def main() -> int:
    force = "--force" in sys.argv[1:]
    params = sizes()
    workers = max(2, env_int("BENCH_SEED_JOBS", os.cpu_count() or 2))
    DATA.mkdir(parents=True, exist_ok=True)

    existing = current_seed()
    if existing and existing["params"] == params and not force:
        log(f"already seeded with these sizes ({params['tickets']} tickets); BENCH_RESEED=1 seeds again")
        print(json.dumps({"seeded_this_run": False, **existing["stats"]}, ensure_ascii=False))
        return 0
    if existing and existing["params"] != params:
        log(f"the database holds another seed ({existing['params'].get('tickets')} tickets); seeding again")

    log(f"seeding: {params['tickets']} tickets, {params['comments']} comments, {params['customers']} customers "
        f"+ {params['noise_tenants']} noise tenants × {params['noise_tickets']} tickets")
    started = time.monotonic()
    phases = {}
    step = time.monotonic()
    recreate_database()
    phases["database_s"] = round(time.monotonic() - step, 2)
    step = time.monotonic()
    tenant_ids = create_tenants(params)
    phases["tenants_s"] = round(time.monotonic() - step, 2)
    phases.update(load(params, tenant_ids, workers))
    seconds = round(time.monotonic() - started, 1)

    stats = {
        "seed_seconds": seconds,
        "phases": phases,
        "parallel_sessions": workers,
        "params": params,
        "tenants": tenant_ids,
        "rows": row_counts(tenant_ids[BENCH_SLUG]),
        "seeded_at": psql("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"),
    }
    psql("INSERT INTO bench.seed_state (params, stats) VALUES ("
         f"$j${json.dumps(params)}$j$, $j${json.dumps(stats, ensure_ascii=False)}$j$)")
    (DATA / "seed.json").write_text(json.dumps(stats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    log(f"seeded in {seconds} s: {json.dumps(phases)}")
    print(json.dumps({"seeded_this_run": True, **stats}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:
        log(f"error: {error}")
        sys.exit(1)
