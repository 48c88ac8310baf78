"""The `webhooks` phase of `make bench` (issue 5): from ticket change to webhook received.

A receiver on 127.0.0.1 (in this process) stands for the customer's endpoint: the bench
tenant's webhook connector `bench-hook`, subscribed to `ticket.updated`, points at it for the
phase and is disabled afterwards (so other phases pay nothing for it). The load changes
200 tickets a second for a minute, each once (its priority), and records when each change was
answered; the receiver records when each ticket's delivery arrived and which delivery ids it
saw. Latency = arrival − the change's answer. Target: p99 < 500 ms, every change delivered,
duplicates only as the same delivery id (which a receiver discards).
"""

import asyncio
import json
import os
import time
import uuid

from aiohttp import web

RATE = float(os.environ.get("BENCH_WEBHOOK_RATE") or 200)
SECONDS = float(os.environ.get("BENCH_WEBHOOK_SECONDS") or 60)
PORT = int(os.environ.get("BENCH_WEBHOOK_RECEIVER_PORT") or 18090)
TARGET_P99_MS = 500.0
SETTLE_SECONDS = 30.0


async def configure(session, base: str, headers: dict, enabled: bool) -> None:
    body = {"key": "bench-hook", "kind": "webhook", "name": "Bench receiver", "enabled": enabled,
            "settings": {"url": f"http://127.0.0.1:{PORT}/hook"}, "secrets": {"signing_secret": "bench-secret"},
            "events": ["ticket.updated"], "rate_limit_per_minute": 60000}
    async with session.post(f"{base}/api/v1/connectors", headers=headers, json=body) as response:
        if response.status == 201:
            return
        if response.status != 409:
            raise SystemExit(f"creating the bench webhook failed: {response.status} {(await response.text())[:300]}")
    async with session.patch(f"{base}/api/v1/connectors/bench-hook", headers=headers,
                             json={"enabled": enabled, "settings": body["settings"]}) as response:
        if response.status != 200:
            raise SystemExit(f"updating the bench webhook failed: {response.status} {(await response.text())[:300]}")


def targets(psql, tenant: str, count: int) -> list[tuple[str, str]]:
    """`count` tickets of the bench tenant that can change priority, with a priority they lack."""
    rows = psql(f"SELECT id, priority FROM tickets WHERE tenant_id = '{tenant}' AND status IN ('new', 'open', 'pending') "
                f"ORDER BY number DESC LIMIT {count}").splitlines()
    return [(row.split("|")[0], "high" if row.split("|")[1] != "high" else "low") for row in rows if row]


async def run_webhooks(session, base: str, headers: dict, psql, tenant: str, log) -> dict:
    arrivals: dict[str, float] = {}
    deliveries: dict[str, int] = {}
    bodies_per_ticket: dict[str, int] = {}

    async def hook(request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        payload = json.loads(await request.read())
        delivery = request.headers.get("X-Concierge-Delivery", "")
        deliveries[delivery] = deliveries.get(delivery, 0) + 1
        ticket = ((payload.get("data") or {}).get("ticket") or {}).get("id")
        if ticket and deliveries[delivery] == 1:
            bodies_per_ticket[ticket] = bodies_per_ticket.get(ticket, 0) + 1
            arrivals.setdefault(ticket, arrived)
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT).start()
    total = int(RATE * SECONDS)
    tickets = targets(psql, tenant, total)
    if len(tickets) < total:
        raise SystemExit(f"webhooks: only {len(tickets)} changeable tickets for {total} changes")
    await configure(session, base, headers, True)
    log(f"webhooks: {RATE:g} ticket changes/s for {SECONDS:g} s, receiver on 127.0.0.1:{PORT}")
    answered: dict[str, float] = {}
    failures: dict[str, int] = {}

    async def change(ticket: str, priority: str):
        try:
            async with session.patch(f"{base}/api/v1/tickets/{ticket}", headers=headers,
                                     json={"priority": priority}) as response:
                await response.read()
                if response.status == 200:
                    answered[ticket] = time.perf_counter()
                else:
                    failures[f"http {response.status}"] = failures.get(f"http {response.status}", 0) + 1
        except Exception as error:  # noqa: BLE001 — counted, the phase goes on
            failures[type(error).__name__] = failures.get(type(error).__name__, 0) + 1

    tasks = []
    start = time.perf_counter() + 0.1
    for i, (ticket, priority) in enumerate(tickets[:total]):
        delay = start + i / RATE - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(change(ticket, priority)))
    await asyncio.gather(*tasks)
    deadline = time.perf_counter() + SETTLE_SECONDS
    while time.perf_counter() < deadline and any(t not in arrivals for t in answered):
        await asyncio.sleep(0.2)
    await configure(session, base, headers, False)
    await runner.cleanup()
    latencies = sorted((arrivals[t] - answered[t]) * 1000 for t in answered if t in arrivals)
    missing = sum(1 for t in answered if t not in arrivals)
    redelivered = sum(count - 1 for count in deliveries.values() if count > 1)
    extra_bodies = sum(count - 1 for count in bodies_per_ticket.values() if count > 1)
    return {"rate_rps": RATE, "seconds": SECONDS, "changes": len(answered), "change_errors": failures,
            "delivered": len(latencies), "missing": missing, "redelivered_same_id": redelivered,
            "duplicate_bodies": extra_bodies, "latency_ms": latency_stats_local(latencies)}


def latency_stats_local(values: list[float]) -> dict:
    def pct(p: float):
        return round(values[min(len(values) - 1, int(p * len(values)))], 2) if values else None
    return {"p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99), "max": round(values[-1], 2) if values else None}


def webhook_target(result: dict | None) -> dict:
    if result is None:
        return {"target": f"p99 < {TARGET_P99_MS:g} ms", "measured": None, "pass": False,
                "note": "not run (BENCH_PHASES)"}
    p99 = result["latency_ms"]["p99"]
    ok = (p99 is not None and p99 < TARGET_P99_MS and result["missing"] == 0 and result["duplicate_bodies"] == 0
          and not result["change_errors"] and result["rate_rps"] >= 200 and result["seconds"] >= 60)
    return {"target": f"p99 < {TARGET_P99_MS:g} ms", "measured": p99, "pass": ok,
            "note": f"{result['changes']} changes at {result['rate_rps']:g}/s; missing {result['missing']}, "
                    f"same-id redeliveries {result['redelivered_same_id']}"}
