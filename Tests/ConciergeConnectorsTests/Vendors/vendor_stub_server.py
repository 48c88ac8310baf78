"""Stand-ins for the vendors' HTTP APIs on 127.0.0.1, for the ConciergeConnectors e2e tests.

Started by VendorStubServer.swift, one process per test, with DIR/config.json describing the
accounts it knows. It listens on a free port of 127.0.0.1 and writes that port to DIR/port once
it accepts connections. Standard library only.

Each route speaks its vendor's documented wire format and checks requests the way the vendor
does, independently of the Swift code under test:

  POST /robot/send?access_token=..[&timestamp=..&sign=..]     DingTalk custom robot
      token check (400101), signed mode: sign recomputed from timestamp + secret and the
      1-hour window (310000 "sign not match" / "invalid timestamp"), keyword mode (310000
      "keywords not in content"), msgtype check (400105), 20 messages/minute (130101).
  POST /v1.0/oauth2/accessToken                               DingTalk app access token
  POST /v1.0/robot/groupMessages/send                         DingTalk app robot
      x-acs-dingtalk-access-token must be a live issued token (401 InvalidAuthentication),
      msgParam must be a JSON string, msgKey known, robotCode right (400 invalidParameter.*).
  POST /cgi-bin/webhook/send?key=..                           WeCom group robot
      key check (93000), msgtype (40008), content length 2048/4096 bytes and 1-8 articles
      (40058), 20 messages/minute (45009).
  POST /hooks/concierge                                       generic signed webhook receiver
      verifies X-Concierge-Signature exactly as docs/connectors.md tells receivers to
      (401 with the reason), de-duplicates on X-Concierge-Delivery.
  POST /sms/json, POST /sms/form, GET /sms/get                SMS gateway (X-Api-Key header)

Switches in config.json["script"]: a list of canned answers per route name (dingtalk,
dingtalk_token, dingtalk_app, wecom, webhook, sms), each {"status", "body", "headers"},
used in order for that route's first requests (throttling, garbage, 5xx). config.json
["dingtalk_app"]["revoke_first_token"] makes the first issued token be refused once, as
after an early expiry.

Every request is recorded as DIR/requests/NNNN.json (method, path, query, headers, raw body,
parsed JSON or form, and the answer given) for the test to inspect.

The process exits when its standard input closes (the test process ended) or after 120 s.
"""

import base64
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DIRECTORY = sys.argv[sys.argv.index("--dir") + 1]
with open(os.path.join(DIRECTORY, "config.json"), encoding="utf-8") as config_file:
    CONFIG = json.load(config_file)
LOCK = threading.Lock()
STATE = {"count": 0, "sent": {}, "tokens": {}, "revoked_once": False, "deliveries": set()}
SCRIPT = {route: list(answers) for route, answers in CONFIG.get("script", {}).items()}
os.makedirs(os.path.join(DIRECTORY, "requests"), exist_ok=True)


def errcode(code, message):
    return 200, {"errcode": code, "errmsg": message}


def within_rate(route, per_minute):
    """Counts one message for `route`; False once more than per_minute arrived in 60 s."""
    now = time.time()
    with LOCK:
        recent = [t for t in STATE["sent"].get(route, []) if now - t < 60]
        recent.append(now)
        STATE["sent"][route] = recent
        return len(recent) <= per_minute


def dingtalk_robot(query, body):
    config = CONFIG.get("dingtalk", {})
    if query.get("access_token") != config.get("access_token"):
        return errcode(400101, "access_token不存在")
    secret = config.get("secret")
    if secret:
        timestamp, sign = query.get("timestamp"), query.get("sign")
        if not timestamp or not sign or not timestamp.isdigit():
            return errcode(310000, "sign not match")
        if abs(time.time() * 1000 - int(timestamp)) > 3600 * 1000:
            return errcode(310000, "invalid timestamp")
        digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(base64.b64encode(digest).decode(), sign):
            return errcode(310000, "sign not match")
    if not isinstance(body, dict):
        return errcode(400105, "不支持的消息类型")
    kind = body.get("msgtype")
    texts = {"text": ("text", "content"), "markdown": ("markdown", "text"), "actionCard": ("actionCard", "text")}
    if kind not in texts or not isinstance(body.get(kind), dict):
        return errcode(400105, "不支持的消息类型")
    content = body[kind].get(texts[kind][1], "")
    keywords = config.get("keywords", [])
    if keywords and not any(word in content for word in keywords):
        return errcode(310000, "keywords not in content")
    if not within_rate("dingtalk", 20):
        return errcode(130101, "send too fast, exceed 20 times per minute")
    return errcode(0, "ok")


def dingtalk_token(body):
    config = CONFIG.get("dingtalk_app", {})
    if not isinstance(body, dict) or body.get("appKey") != config.get("app_key") \
            or body.get("appSecret") != config.get("app_secret"):
        return 400, {"code": "invalidClientIdOrSecret", "message": "无效的appKey或appSecret"}
    token = uuid.uuid4().hex
    with LOCK:
        STATE["tokens"][token] = time.time() + config.get("token_lifetime", 7200)
    return 200, {"accessToken": token, "expireIn": config.get("token_lifetime", 7200)}


def dingtalk_app(headers, body):
    config = CONFIG.get("dingtalk_app", {})
    token = headers.get("x-acs-dingtalk-access-token", "")
    with LOCK:
        live = STATE["tokens"].get(token, 0) > time.time()
        if live and config.get("revoke_first_token") and not STATE["revoked_once"]:
            STATE["revoked_once"] = True
            del STATE["tokens"][token]
            live = False
    if not live:
        return 401, {"code": "InvalidAuthentication", "message": "不合法的access_token"}
    if not isinstance(body, dict) or not isinstance(body.get("msgParam"), str):
        return 400, {"code": "invalidParameter.msgParam.invalid", "message": "msgParam必须是json格式"}
    try:
        parameters = json.loads(body["msgParam"])
    except ValueError:
        return 400, {"code": "invalidParameter.msgParam.invalid", "message": "msgParam必须是json格式"}
    keys = {"sampleText", "sampleMarkdown", "sampleActionCard"} | {f"sampleActionCard{n}" for n in range(2, 7)}
    if body.get("msgKey") not in keys or not isinstance(parameters, dict):
        return 400, {"code": "invalidParameter.msgKey.invalid", "message": "msgKey无效"}
    if body.get("robotCode") != config.get("robot_code"):
        return 400, {"code": "invalidParameter.robotCode.notExsit", "message": "机器人不存在"}
    if not body.get("openConversationId"):
        return 400, {"code": "miss.openConversationId", "message": "缺少openConversationId"}
    return 200, {"processQueryKey": uuid.uuid4().hex}


def wecom(query, body):
    if query.get("key") != CONFIG.get("wecom", {}).get("key"):
        return errcode(93000, "invalid webhook url")
    if not isinstance(body, dict) or body.get("msgtype") not in ("text", "markdown", "news"):
        return errcode(40008, "invalid message type")
    kind = body["msgtype"]
    part = body.get(kind)
    if not isinstance(part, dict):
        return errcode(40058, "invalid parameter")
    if kind in ("text", "markdown"):
        limit = 2048 if kind == "text" else 4096
        content = part.get("content", "")
        if not content:
            return errcode(44004, "empty content")
        if len(content.encode("utf-8")) > limit:
            return errcode(40058, f"content exceed max length {limit}")
    else:
        articles = part.get("articles")
        if not isinstance(articles, list) or not 1 <= len(articles) <= 8:
            return errcode(40058, "invalid articles")
        if any(not a.get("title") or not a.get("url") for a in articles):
            return errcode(40058, "article title and url required")
    if not within_rate("wecom", 20):
        return errcode(45009, "api freq out of limit")
    return errcode(0, "ok")


def webhook(headers, raw):
    """The receiver recipe of docs/connectors.md, step by step."""
    config = CONFIG.get("webhook", {})
    timestamp = headers.get("x-concierge-timestamp", "")
    if not timestamp.isdigit():
        return 401, {"error": "missing or malformed X-Concierge-Timestamp"}
    signed = timestamp.encode() + b"." + raw
    expected = [hmac.new(s.encode(), signed, hashlib.sha256).hexdigest() for s in config.get("secrets", [])]
    given = [p.strip()[3:] for p in headers.get("x-concierge-signature", "").split(",") if p.strip().startswith("v1=")]
    if not any(hmac.compare_digest(g, e) for g in given for e in expected):
        return 401, {"error": "signature mismatch"}
    if abs(time.time() - int(timestamp)) > config.get("tolerance", 300):
        return 401, {"error": "timestamp outside tolerance"}
    delivery = headers.get("x-concierge-delivery", "")
    with LOCK:
        duplicate = delivery in STATE["deliveries"]
        STATE["deliveries"].add(delivery)
    return (200, {"duplicate": True}) if duplicate else (204, None)


def sms(method, path, query, headers, body, form):
    config = CONFIG.get("sms", {})
    if headers.get("x-api-key") != config.get("api_key"):
        return 401, {"code": "Unauthorized", "message": "bad api key"}
    if path == "/sms/json":
        values = body if isinstance(body, dict) else None
    elif path == "/sms/form":
        values = form
    else:
        values = query
    if method != ("GET" if path == "/sms/get" else "POST") or not values or not values.get("to"):
        return 400, {"code": "InvalidRequest"}
    return 200, {"code": "OK", "result": [{"status": "queued"}]}


def route_of(path):
    return {
        "/robot/send": "dingtalk", "/v1.0/oauth2/accessToken": "dingtalk_token",
        "/v1.0/robot/groupMessages/send": "dingtalk_app", "/cgi-bin/webhook/send": "wecom",
        "/hooks/concierge": "webhook",
    }.get(path, "sms" if path.startswith("/sms/") else None)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        text = raw.decode("utf-8", errors="replace")
        try:
            body = json.loads(text) if raw else None
        except ValueError:
            body = None
        form = None
        if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            form = {k: v[0] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items()}
        route = route_of(url.path)

        status, answer, extra = 404, {"error": "no such route"}, {}
        with LOCK:
            scripted = SCRIPT.get(route, []).pop(0) if SCRIPT.get(route) else None
        if scripted is not None:
            status, answer, extra = scripted["status"], scripted.get("body", ""), scripted.get("headers", {})
        elif route == "dingtalk":
            status, answer = dingtalk_robot(query, body)
        elif route == "dingtalk_token":
            status, answer = dingtalk_token(body)
        elif route == "dingtalk_app":
            status, answer = dingtalk_app(headers, body)
        elif route == "wecom":
            status, answer = wecom(query, body)
        elif route == "webhook":
            status, answer = webhook(headers, raw)
        elif route == "sms":
            status, answer = sms(self.command, url.path, query, headers, body, form)

        payload = answer if isinstance(answer, str) else ("" if answer is None else json.dumps(answer))
        with LOCK:
            STATE["count"] += 1
            number = STATE["count"]
        record = {
            "method": self.command, "path": url.path, "query": query, "headers": headers, "body": text,
            "json": body, "form": form, "route": route, "status": status, "answer": payload,
        }
        with open(os.path.join(DIRECTORY, "requests", f"{number:04d}.json"), "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)

        data = payload.encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", extra.pop("Content-Type", "application/json;charset=utf-8"))
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_file = os.path.join(DIRECTORY, "port")
    with open(port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)

    def lifeline():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=lifeline, daemon=True).start()
    threading.Timer(120, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
