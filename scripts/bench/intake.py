"""The `intake` phase of `make bench` (issue 5): 1,000 inbound emails parsed and threaded.

Sends 500 new messages and then 500 replies to them (In-Reply-To the original), a tenth of
each in GBK with RFC 2047 subjects, over SMTP to the worker's inbound endpoint on 127.0.0.1,
from 8 connections at once. The endpoint answers 250 only once the intake stored a message
(ticket or comment), so the time until the last 250 is the time to parse and thread them all.
Postgres then confirms what became of each (500 `created`, 500 `replied`). Target: < 30 s.
"""

import base64
import concurrent.futures
import os
import smtplib
import time
import uuid
from email.utils import formatdate

MESSAGES = int(os.environ.get("BENCH_INTAKE_MESSAGES") or 1000)
CONNECTIONS = 8
ADDRESS = "bench-intake@bench.example"
TARGET_SECONDS = 30.0


def ensure_mailbox(base: str, headers: dict) -> None:
    """Creates the bench tenant's mailbox connector once (a 409 means it exists)."""
    import json
    import urllib.error
    import urllib.request

    body = json.dumps({"key": "bench-intake", "kind": "mailbox", "name": "Bench intake",
                       "settings": {"address": ADDRESS, "sender_limit_per_hour": 10000}}).encode()
    request = urllib.request.Request(base + "/api/v1/connectors", data=body, method="POST",
                                     headers={**headers, "Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except urllib.error.HTTPError as error:
        if error.code != 409:
            raise SystemExit(f"creating the bench mailbox failed: {error.code} {error.read().decode()[:300]}")


def message(run: str, index: int, reply_to: int | None) -> tuple[str, bytes]:
    sender = f"customer{index % 50}@intake.bench"
    mid = f"{'r' if reply_to is not None else 'n'}{index}.{run}@intake.bench"
    gbk = index % 10 == 0
    subject_text = f"打印机故障 {index}" if reply_to is None else f"Re: 打印机故障 {reply_to}"
    body_text = (f"设备 SN-{index:05d} 卡纸，请尽快处理。" if reply_to is None
                 else f"还没有修好。\n\n在 2026年11月23日 写道：\n> 设备 SN-{reply_to:05d} 卡纸")
    charset = "GBK" if gbk else "UTF-8"
    subject = "=?%s?B?%s?=" % (charset, base64.b64encode(subject_text.encode(charset.lower())).decode())
    lines = [f"From: 客户 <{sender}>", f"To: {ADDRESS}", f"Subject: {subject}", f"Message-ID: <{mid}>",
             f"Date: {formatdate()}", "MIME-Version: 1.0", f"Content-Type: text/plain; charset={charset}",
             "Content-Transfer-Encoding: base64"]
    if reply_to is not None:
        original = f"n{reply_to}.{run}@intake.bench"
        lines += [f"In-Reply-To: <{original}>", f"References: <{original}>"]
    data = "\r\n".join(lines).encode() + b"\r\n\r\n" + base64.encodebytes(body_text.encode(charset.lower()))
    return sender, data


def send_all(port: int, batch: list[tuple[str, bytes]]) -> int:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
        for sender, data in batch:
            smtp.sendmail(sender, [ADDRESS], data)
    return len(batch)


def send(port: int, messages: list[tuple[str, bytes]]) -> None:
    chunks = [messages[i::CONNECTIONS] for i in range(CONNECTIONS)]
    with concurrent.futures.ThreadPoolExecutor(CONNECTIONS) as pool:
        for future in [pool.submit(send_all, port, chunk) for chunk in chunks if chunk]:
            future.result()


def run_intake(base: str, headers: dict, psql, log) -> dict:
    port = int(os.environ.get("BENCH_INBOUND_SMTP_PORT") or 0)
    if not port:
        raise SystemExit("BENCH_INBOUND_SMTP_PORT is not set (scripts/bench/bench.sh sets it)")
    ensure_mailbox(base, headers)
    run = uuid.uuid4().hex[:8]
    originals = MESSAGES // 2
    new = [message(run, i, None) for i in range(originals)]
    replies = [message(run, originals + i, i) for i in range(MESSAGES - originals)]
    log(f"intake: {MESSAGES} emails over SMTP ({originals} new, {len(replies)} replies, a tenth GBK), "
        f"{CONNECTIONS} connections")
    started = time.monotonic()
    send(port, new)
    send(port, replies)
    seconds = round(time.monotonic() - started, 2)
    outcomes = dict(
        (row.split("|")[0], int(row.split("|")[1]))
        for row in psql(f"SELECT outcome, count(*) FROM email_messages WHERE message_id LIKE '%.{run}@intake.bench' "
                        "GROUP BY outcome").splitlines() if row)
    log(f"  {seconds} s, outcomes {outcomes}")
    return {"messages": MESSAGES, "seconds": seconds, "per_second": round(MESSAGES / seconds, 1),
            "outcomes": outcomes, "connections": CONNECTIONS}


def intake_target(result: dict | None) -> dict:
    if result is None:
        return {"target": f"< {TARGET_SECONDS:g} s", "measured": None, "pass": False, "note": "not run (BENCH_PHASES)"}
    threaded = result["outcomes"].get("created", 0) + result["outcomes"].get("replied", 0) == result["messages"]
    return {"target": f"< {TARGET_SECONDS:g} s", "measured": result["seconds"],
            "pass": result["seconds"] < TARGET_SECONDS and threaded and result["messages"] >= 1000,
            "note": f"{result['messages']} emails over SMTP; outcomes {result['outcomes']}"}
