"""Stand-ins for ERP and CRM APIs on 127.0.0.1, for the ConciergeConnectors ERP e2e tests.

Started by ERPStubServer.swift, one process per test, with DIR/config.json. It listens on a free
port of 127.0.0.1 and writes that port to DIR/port once it accepts connections. Standard library
only. Each vendor section of config.json enables that vendor; every vendor holds the same eight
records, changed at 2024-05-01T00:00Z plus 0..7 hours, so a test can ask for "since 01:30Z" and
expect six records in three pages of two.

  Salesforce  POST /services/oauth2/token (form, client credentials; no expires_in, as Salesforce)
              GET  /services/data/v60.0/query?q=SOQL, GET …/query/<locator> (nextRecordsUrl paging)
              PATCH/POST /services/data/v60.0/sobjects/Case[/<extIdField>/<value>]
  HubSpot     POST /crm/v3/objects/<type>/search, POST /crm/v3/objects/tickets (Bearer token)
  Odoo        POST /jsonrpc: common.login, object.execute_kw (search_read, create, read, message_post)
  Kingdee     POST /Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc (cookie)
              POST …DynamicFormService.ExecuteBillQuery / .Save.common.kdsvc
  Yonyou      GET  /open-auth/selfAppAuth/getAccessToken (signature recomputed here)
              POST /yonbip/digitalModel/merchant/list, …/stock/QueryCurrentStocksByCondition,
              …/othoutrecord/single/save (resubmitCheckKey idempotency), all with ?access_token=
  HMAC        POST /signed/echo: X-Key-Id / X-Timestamp / X-Signature checked as RESTAuth.hmac documents
  State       GET  /__state: counts of stored documents, for idempotency checks

Each vendor's "expected_since" (when set) makes list calls without exactly that updated-since
filter fail with HTTP 400, so the tests prove the filter is sent. "expire_first_token" (or
"expire_first_session" for Kingdee) rejects the first credential once, as after an early expiry.
config["script"][route] lists canned answers {"status", "body", "headers"} given instead of the
route's normal handling (routes: salesforce_token, salesforce, hubspot, odoo, kingdee_login, kingdee,
yonyou_token, yonyou, signed).

Every request is recorded as DIR/requests/NNNN.json. The process exits when stdin closes or after 120 s.
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import re
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
STATE = {"count": 0, "tokens": {}, "expired_once": set(), "locators": {}, "cases": {}, "hubspot_tickets": [],
         "odoo_pickings": [], "odoo_notes": [], "kingdee_sessions": set(), "kingdee_orders": [],
         "yonyou_orders": {}}
SCRIPT = {route: list(answers) for route, answers in CONFIG.get("script", {}).items()}
os.makedirs(os.path.join(DIRECTORY, "requests"), exist_ok=True)
BASE = datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc)
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def changed(index):
    return BASE + datetime.timedelta(hours=index)


def issue_token(vendor):
    token = f"{vendor}-{uuid.uuid4().hex}"
    with LOCK:
        STATE["tokens"][token] = vendor
    return token


def token_live(vendor, token):
    """True for a token this stub issued for vendor; the first one is refused once when configured."""
    with LOCK:
        if STATE["tokens"].get(token) != vendor:
            return False
        if CONFIG.get(vendor, {}).get("expire_first_token") and vendor not in STATE["expired_once"]:
            STATE["expired_once"].add(vendor)
            del STATE["tokens"][token]
            return False
        return True


# Salesforce ------------------------------------------------------------------------------------

def sf_records(sobject):
    rows = []
    for i in range(8):
        row = {"attributes": {"type": sobject, "url": f"/services/data/v60.0/sobjects/{sobject}/{i}"},
               "Id": f"001{i:015d}", "Name": f"  Account {i} ", "Industry": "Manufacturing",
               "Phone": "+86 21 5555 000" + str(i),
               "LastModifiedDate": changed(i).strftime("%Y-%m-%dT%H:%M:%S.000+0000")}
        if sobject == "Contact":
            row.update({"Id": f"003{i:015d}", "Email": f" Person{i}@Example.COM ", "AccountId": f"001{i:015d}"})
        rows.append((changed(i), row))
    return rows


def salesforce(method, path, query, headers, form, body):
    config = CONFIG["salesforce"]
    if path == "/services/oauth2/token":
        if form.get("grant_type") != "client_credentials" or form.get("client_id") != config["client_id"] \
                or form.get("client_secret") != config["client_secret"]:
            return 400, {"error": "invalid_client", "error_description": "invalid client credentials"}
        return 200, {"access_token": issue_token("salesforce"), "instance_url": "http://127.0.0.1",
                     "token_type": "Bearer", "issued_at": str(int(time.time() * 1000))}
    auth = headers.get("authorization", "")
    if not auth.startswith("Bearer ") or not token_live("salesforce", auth[7:]):
        return 401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]
    batch = 2000
    match = re.search(r"batchSize=(\d+)", headers.get("sforce-query-options", ""))
    if match:
        batch = int(match.group(1))
    if path == "/services/data/v60.0/query":
        soql = query.get("q", "")
        found = re.search(r"FROM (\w+)", soql)
        since = re.search(r"LastModifiedDate >= (\S+)", soql)
        expected = config.get("expected_since")
        if not found or (expected and (not since or since.group(1) != expected)):
            return 400, [{"message": f"unexpected query: {soql}", "errorCode": "MALFORMED_QUERY"}]
        if "ORDER BY LastModifiedDate ASC, Id ASC" not in soql:
            return 400, [{"message": "no ORDER BY", "errorCode": "MALFORMED_QUERY"}]
        cutoff = datetime.datetime.fromisoformat(since.group(1).replace("Z", "+00:00")) if since else None
        rows = [row for when, row in sf_records(found.group(1)) if cutoff is None or when >= cutoff]
        locator = f"01g{uuid.uuid4().hex[:12]}"
        with LOCK:
            STATE["locators"][locator] = rows
        return 200, sf_page(locator, rows, 0, batch)
    match = re.fullmatch(r"/services/data/v60.0/query/(01g\w+)-(\d+)", path)
    if match and method == "GET":
        with LOCK:
            rows = STATE["locators"].get(match.group(1))
        if rows is None:
            return 400, [{"message": "invalid query locator", "errorCode": "INVALID_QUERY_LOCATOR"}]
        return 200, sf_page(match.group(1), rows, int(match.group(2)), batch)
    match = re.fullmatch(r"/services/data/v60.0/sobjects/Case(?:/(\w+)/(.+))?", path)
    if match and isinstance(body, dict):
        if not body.get("Subject"):
            return 400, [{"message": "Required fields are missing: [Subject]", "errorCode": "REQUIRED_FIELD_MISSING"}]
        key = urllib.parse.unquote(match.group(2)) if match.group(2) else uuid.uuid4().hex
        with LOCK:
            created = key not in STATE["cases"]
            case_id = STATE["cases"].get(key, {}).get("Id", f"500{len(STATE['cases']):015d}")
            STATE["cases"][key] = dict(body, Id=case_id)
        return (201 if created else 200), {"id": case_id, "success": True, "errors": [], "created": created}
    return 404, [{"message": "The requested resource does not exist", "errorCode": "NOT_FOUND"}]


def sf_page(locator, rows, offset, batch):
    page = rows[offset:offset + batch]
    done = offset + batch >= len(rows)
    answer = {"totalSize": len(rows), "done": done, "records": page}
    if not done:
        answer["nextRecordsUrl"] = f"/services/data/v60.0/query/{locator}-{offset + batch}"
    return answer


# HubSpot ---------------------------------------------------------------------------------------

def hubspot(method, path, headers, body):
    config = CONFIG["hubspot"]
    if headers.get("authorization") != f"Bearer {config['token']}":
        return 401, {"status": "error", "message": "Authentication credentials not found.",
                     "category": "INVALID_AUTHENTICATION", "correlationId": uuid.uuid4().hex}
    match = re.fullmatch(r"/crm/v3/objects/(\w+)/search", path)
    if match and isinstance(body, dict):
        filters = [f for group in body.get("filterGroups", []) for f in group.get("filters", [])]
        since = next((f for f in filters if f.get("operator") == "GTE"), None)
        expected = config.get("expected_since_ms")
        if expected and (not since or since.get("value") != str(expected)
                         or since.get("propertyName") != "lastmodifieddate"):
            return 400, {"status": "error", "message": f"unexpected filters {filters}", "category": "VALIDATION_ERROR"}
        cutoff = int(since["value"]) if since else 0
        rows = []
        for i in range(8):
            millis = int(changed(i).timestamp() * 1000)
            if millis >= cutoff:
                stamp = changed(i).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                rows.append({"id": str(101 + i), "properties": {
                    "email": f" Person{i}@Example.COM ", "firstname": f"Mei{i}", "lastname": "Chen",
                    "lastmodifieddate": stamp, "hs_object_id": str(101 + i)},
                    "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": stamp, "archived": False})
        offset = int(body.get("after") or 0)
        limit = int(body.get("limit", 10))
        answer = {"total": len(rows), "results": rows[offset:offset + limit]}
        if offset + limit < len(rows):
            answer["paging"] = {"next": {"after": str(offset + limit), "link": "?after=" + str(offset + limit)}}
        return 200, answer
    if path == "/crm/v3/objects/tickets" and isinstance(body, dict):
        properties = body.get("properties", {})
        if not properties.get("subject") or not properties.get("hs_pipeline_stage"):
            return 400, {"status": "error", "message": "Property values were not valid", "category": "VALIDATION_ERROR"}
        with LOCK:
            STATE["hubspot_tickets"].append(properties)
            ticket_id = str(9000 + len(STATE["hubspot_tickets"]))
        return 201, {"id": ticket_id, "properties": properties, "archived": False}
    return 404, {"status": "error", "message": "not found", "category": "OBJECT_NOT_FOUND"}


# Odoo ------------------------------------------------------------------------------------------

def odoo_partners():
    rows = []
    for i in range(8):
        company = i % 2 == 0
        rows.append({"id": 40 + i, "name": f" Partner {i} ", "email": f"P{i}@Example.com", "phone": False,
                     "vat": "CN91310000" if company else False, "is_company": company,
                     "parent_id": False if company else [40 + i - 1, f"Partner {i - 1}"],
                     "write_date": changed(i).strftime("%Y-%m-%d %H:%M:%S")})
    return rows


def odoo_sale_orders():
    """Confirmed sale orders (contracts) of the companies 40, 42 and 44, changed 0.5 h after their partner."""
    return [{"id": 70 + i, "name": f"S{70 + i:05d}", "state": "sale", "partner_id": [40 + 2 * i, f"Partner {2 * i}"],
             "date_order": "2024-01-01 00:00:00", "validity_date": "2030-01-01",
             "write_date": (changed(2 * i) + datetime.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S")}
            for i in range(3)]


ODOO_PRODUCTS = [
    {"id": 501, "default_code": "P-100", "uom_id": [1, "Units"]},
    {"id": 502, "default_code": "P-200", "uom_id": [1, "Units"]},
]
ODOO_QUANTS = [
    {"id": 1, "product_id": [501, "[P-100] Pump"], "warehouse_id": [1, "Main"], "warehouse_id.code": "WH",
     "location_id.usage": "internal", "quantity": 10.0, "reserved_quantity": 3.0},
    {"id": 2, "product_id": [501, "[P-100] Pump"], "warehouse_id": [1, "Main"], "warehouse_id.code": "WH",
     "location_id.usage": "internal", "quantity": 5.0, "reserved_quantity": 0.0},
    {"id": 3, "product_id": [502, "[P-200] Seal"], "warehouse_id": [2, "East"], "warehouse_id.code": "E1",
     "location_id.usage": "internal", "quantity": 7.0, "reserved_quantity": 7.0},
    {"id": 4, "product_id": [501, "[P-100] Pump"], "warehouse_id": False, "warehouse_id.code": False,
     "location_id.usage": "customer", "quantity": 99.0, "reserved_quantity": 0.0},
]


def odoo_value(row, field):
    value = row.get(field)
    return value[0] if isinstance(value, list) and value and field.endswith("_id") else value


def odoo_match(row, domain):
    for term in domain:
        if not isinstance(term, list) or len(term) != 3:
            raise ValueError(f"Invalid leaf {term}")
        field, op, value = term
        actual = odoo_value(row, field)
        if op == "=" and actual != value:
            return False
        if op == ">=" and not (actual is not False and actual >= value):
            return False
        if op == "in" and actual not in value:
            return False
        if op not in ("=", ">=", "in"):
            raise ValueError(f"unsupported operator {op}")
    return True


def odoo_fault(name, message):
    return 200, {"jsonrpc": "2.0", "id": None, "error": {
        "code": 200, "message": "Odoo Server Error",
        "data": {"name": name, "debug": "Traceback ...", "message": message, "arguments": [message]}}}


def odoo(body):
    config = CONFIG["odoo"]
    params = body.get("params", {}) if isinstance(body, dict) else {}
    service, method, args = params.get("service"), params.get("method"), params.get("args", [])
    reply = lambda result: (200, {"jsonrpc": "2.0", "id": body.get("id"), "result": result})  # noqa: E731
    if service == "common" and method == "login":
        if args[0] != config["database"]:
            return odoo_fault("psycopg2.OperationalError", f'database "{args[0]}" does not exist')
        return reply(7 if args[1:] == [config["login"], config["api_key"]] else False)
    if service != "object" or method != "execute_kw":
        return odoo_fault("werkzeug.exceptions.NotFound", "unknown service")
    db, uid, key, model, model_method = args[:5]
    positional = args[5] if len(args) > 5 else []
    kwargs = args[6] if len(args) > 6 else {}
    if db != config["database"] or uid != 7 or key != config["api_key"]:
        return odoo_fault("odoo.exceptions.AccessDenied", "Access Denied")
    try:
        return reply(odoo_model(config, model, model_method, positional, kwargs))
    except ValueError as error:
        return odoo_fault("builtins.ValueError", str(error))
    except PermissionError as error:
        return odoo_fault("odoo.exceptions.ValidationError", str(error))


def odoo_model(config, model, method, positional, kwargs):
    if method == "search_read":
        domain = positional[0]
        if model == "res.partner":
            since = [t for t in domain if t[0] == "write_date"]
            expected = config.get("expected_since")
            if expected and (not since or since[0] != ["write_date", ">=", expected]):
                raise ValueError(f"expected write_date >= {expected} in {domain}")
            if kwargs.get("order") != "write_date asc, id asc":
                raise ValueError("unstable order")
            rows = [r for r in odoo_partners() if odoo_match(r, domain)]
        elif model == "sale.order":
            if kwargs.get("order") != "write_date asc, id asc":
                raise ValueError("unstable order")
            rows = [r for r in odoo_sale_orders() if odoo_match(r, domain)]
        elif model == "product.product":
            rows = [r for r in ODOO_PRODUCTS if odoo_match(r, domain)]
        elif model == "stock.quant":
            rows = [r for r in ODOO_QUANTS if odoo_match(r, domain)]
        elif model == "stock.picking":
            with LOCK:
                rows = [r for r in STATE["odoo_pickings"] if odoo_match(r, domain)]
        else:
            raise ValueError(f"Object {model} doesn't exist")
        offset, limit = kwargs.get("offset", 0), kwargs.get("limit")
        rows = rows[offset:offset + limit if limit else None]
        fields = kwargs.get("fields")
        return [{k: v for k, v in r.items() if not fields or k in fields or k == "id"} for r in rows]
    if model == "stock.picking" and method == "create":
        values = positional[0]
        moves = values.get(config.get("move_field", "move_ids"), [])
        if not moves or any(m[0] != 0 or not m[2].get("product_id") or not m[2].get("product_uom_qty") for m in moves):
            raise PermissionError("a picking needs moves with product and quantity")
        for field in ("picking_type_id", "partner_id", "location_id", "location_dest_id", "origin"):
            if not values.get(field):
                raise PermissionError(f"missing {field}")
        with LOCK:
            picking_id = 900 + len(STATE["odoo_pickings"])
            STATE["odoo_pickings"].append(
                {"id": picking_id, "name": f"WH/OUT/{picking_id:05d}", "origin": values["origin"], "values": values})
        return picking_id
    if model == "stock.picking" and method == "read":
        with LOCK:
            return [{"id": p["id"], "name": p["name"]} for p in STATE["odoo_pickings"] if p["id"] in positional[0]]
    if model == "res.partner" and method == "message_post":
        if not kwargs.get("body"):
            raise ValueError("message_post needs a body")
        with LOCK:
            STATE["odoo_notes"].append({"partner": positional[0], **kwargs})
            return 3000 + len(STATE["odoo_notes"])
    raise ValueError(f"unsupported {model}.{method}")


# Kingdee ---------------------------------------------------------------------------------------

KINGDEE_PREFIX = "/Kingdee.BOS.WebApi.ServicesStub."
KINGDEE_LOST = [[{"Result": {"ResponseStatus": {
    "ErrorCode": 500, "IsSuccess": False, "MsgCode": 1, "SuccessEntitys": [], "SuccessMessages": [],
    "Errors": [{"FieldName": None, "Message": "会话信息已丢失，请重新登录", "DIndex": 0}]}}}]]


def kingdee_error(message, code=0):
    return {"Result": {"ResponseStatus": {"ErrorCode": 500, "IsSuccess": False, "MsgCode": code,
                                          "Errors": [{"FieldName": None, "Message": message, "DIndex": 0}],
                                          "SuccessEntitys": [], "SuccessMessages": []}}}


def kingdee_customers():
    return [{"FCUSTID": 100100 + i, "FNumber": f"CUST{i:04d}", "FName": f" 客户{i} ", "FShortName": f"K{i}",
             "FTEL": "021-5555", "FForbidStatus": "A",
             "FModifyDate": changed(i).astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M:%S.123")} for i in range(8)]


KINGDEE_STOCK = [
    {"FMaterialId.FNumber": "M-01", "FStockId.FNumber": "CK001", "FBaseQty": 12.0, "FBaseLockQty": 2.0,
     "FBaseUnitId.FNumber": "Pcs"},
    {"FMaterialId.FNumber": "M-01", "FStockId.FNumber": "CK002", "FBaseQty": 4.0, "FBaseLockQty": 0.0,
     "FBaseUnitId.FNumber": "Pcs"},
    {"FMaterialId.FNumber": "M-02", "FStockId.FNumber": "CK001", "FBaseQty": 1.0, "FBaseLockQty": 1.0,
     "FBaseUnitId.FNumber": "Pcs"},
]


def kingdee(path, headers, body):
    config = CONFIG["kingdee"]
    if path == KINGDEE_PREFIX + "AuthService.ValidateUser.common.kdsvc":
        if not isinstance(body, dict) or body.get("acctID") != config["acct_id"] or body.get("lcid") != 2052 \
                or body.get("username") != config["username"] or body.get("password") != config["password"]:
            return 200, {"Message": "用户名或密码错误！", "MessageCode": "CheckPasswordPolicy", "LoginResultType": 0,
                         "Context": None, "KDSVCSessionId": None}, {}
        session = uuid.uuid4().hex
        with LOCK:
            STATE["kingdee_sessions"].add(session)
        cookies = [f"kdservice-sessionid={session}; path=/", f"ASP.NET_SessionId={uuid.uuid4().hex[:24]}; path=/; HttpOnly"]
        return 200, {"Message": None, "LoginResultType": 1, "KDSVCSessionId": session,
                     "Context": {"UserName": config["username"], "DBid": config["acct_id"]}}, {"Set-Cookie": cookies}
    cookie = dict(part.strip().split("=", 1) for part in headers.get("cookie", "").split(";") if "=" in part)
    session = cookie.get("kdservice-sessionid")
    with LOCK:
        live = session in STATE["kingdee_sessions"]
        if live and config.get("expire_first_session") and "kingdee" not in STATE["expired_once"]:
            STATE["expired_once"].add("kingdee")
            STATE["kingdee_sessions"].discard(session)
            live = False
    if not live:
        return 200, KINGDEE_LOST, {}
    if path == KINGDEE_PREFIX + "DynamicFormService.ExecuteBillQuery.common.kdsvc":
        return 200, kingdee_query(config, body.get("data") if isinstance(body, dict) else None), {}
    if path == KINGDEE_PREFIX + "DynamicFormService.Save.common.kdsvc":
        return 200, kingdee_save(body), {}
    return 404, "", {}


def kingdee_query(config, data):
    if isinstance(data, str):
        data = json.loads(data)
    keys = [k.strip() for k in data.get("FieldKeys", "").split(",")]
    text = data.get("FilterString", "")
    form = data.get("FormId")
    if form == "BD_Customer":
        since = re.search(r"FModifyDate >= '([^']+)'", text)
        expected = config.get("expected_since")
        if expected and (not since or since.group(1) != expected):
            return [[kingdee_error(f"unexpected FilterString: {text}")]]
        if not data.get("OrderString", "").startswith("FModifyDate ASC"):
            return [[kingdee_error("unstable order")]]
        rows = [r for r in kingdee_customers() if not since or r["FModifyDate"][:19].replace("T", " ") >= since.group(1)]
    elif form == "STK_Inventory":
        parts = re.search(r"FMaterialId.FNumber IN \(([^)]*)\)", text)
        wanted = [p.strip().strip("'") for p in parts.group(1).split(",")] if parts else []
        stock = re.search(r"FStockId.FNumber = '([^']+)'", text)
        rows = [r for r in KINGDEE_STOCK if r["FMaterialId.FNumber"] in wanted
                and (not stock or r["FStockId.FNumber"] == stock.group(1))]
    elif form == "STK_MisDelivery":
        note = re.fullmatch(r"FNote = '((?:[^']|'')*)'", text)
        with LOCK:
            rows = [o for o in STATE["kingdee_orders"] if note and o["FNote"] == note.group(1).replace("''", "'")]
    else:
        return [[kingdee_error(f"业务对象 {form} 不存在")]]
    start, limit = int(data.get("StartRow", 0)), int(data.get("Limit", 0)) or 2000
    return [[row.get(key) for key in keys] for row in rows[start:start + limit]]


def kingdee_save(body):
    if not isinstance(body, dict) or body.get("formid") != "STK_MisDelivery":
        return kingdee_error("formid 不支持")
    data = body.get("data")
    if isinstance(data, str):
        data = json.loads(data)
    model = (data or {}).get("Model", {})
    entries = model.get("FEntity") or []
    if not model.get("FCustId", {}).get("FNumber") or not entries \
            or any(not e.get("FMaterialId", {}).get("FNumber") or not e.get("FQty") for e in entries):
        return kingdee_error("字段“物料编码”是必填项")
    with LOCK:
        number = f"QTCK{len(STATE['kingdee_orders']) + 1:06d}"
        STATE["kingdee_orders"].append({"FBillNo": number, "FNote": model.get("FNote", ""), "Model": model})
        identifier = 100000 + len(STATE["kingdee_orders"])
    return {"Result": {"ResponseStatus": {"IsSuccess": True, "Errors": [], "SuccessMessages": [], "MsgCode": 0,
                                          "SuccessEntitys": [{"Id": identifier, "Number": number, "DIndex": 0}]},
                       "Id": identifier, "Number": number, "NeedReturnData": [{}]}}


# Yonyou ----------------------------------------------------------------------------------------

def yonyou_signature(app_key, app_secret, timestamp):
    text = f"appKey{app_key}timestamp{timestamp}".encode()
    return base64.b64encode(hmac.new(app_secret.encode(), text, hashlib.sha256).digest()).decode()


def yonyou(method, path, query, body):
    config = CONFIG["yonyou"]
    if path == "/open-auth/selfAppAuth/getAccessToken":
        timestamp = query.get("timestamp", "")
        expected = yonyou_signature(config["app_key"], config["app_secret"], timestamp)
        if query.get("appKey") != config["app_key"] or not hmac.compare_digest(query.get("signature", ""), expected):
            return 200, {"code": "999", "message": "签名验证失败 (stub: signature mismatch)", "data": None}
        if not timestamp.isdigit() or abs(time.time() * 1000 - int(timestamp)) > 300_000:
            return 200, {"code": "999", "message": "时间戳过期 (stub: timestamp out of window)", "data": None}
        return 200, {"code": "00000", "message": "成功！", "data": {"access_token": issue_token("yonyou"), "expire": 7200}}
    if not token_live("yonyou", query.get("access_token", "")):
        return 200, {"code": "999", "message": "access_token已过期或无效"}
    if path == "/yonbip/digitalModel/merchant/list":
        conditions = body.get("simpleVOs", [])
        since = next((c for c in conditions if c.get("field") == "pubts"), None)
        expected = config.get("expected_since")
        if expected and (not since or since.get("op") != "egt" or since.get("value1") != expected):
            return 200, {"code": "999", "message": f"unexpected simpleVOs {conditions}"}
        rows = []
        for i in range(8):
            stamp = changed(i).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")
            if not since or stamp >= since["value1"]:
                rows.append({"id": str(2000 + i), "code": f"M{i:03d}", "name": f"商户{i}", "pubts": stamp})
        index, size = int(body.get("pageIndex", 1)), int(body.get("pageSize", 10))
        pages = max(1, -(-len(rows) // size))
        return 200, {"code": "200", "message": "操作成功", "data": {
            "pageIndex": index, "pageSize": size, "recordCount": len(rows), "pageCount": pages,
            "recordList": rows[(index - 1) * size:index * size]}}
    if path == "/yonbip/scm/stock/QueryCurrentStocksByCondition":
        stock = [{"product_code": "Y-01", "warehouse_code": "W001", "currentqty": 8, "availableqty": 6,
                  "unitName": "个"},
                 {"product_code": "Y-02", "warehouse_code": "W002", "currentqty": 3, "availableqty": 3,
                  "unitName": "个"}]
        wanted, warehouse = body.get("product", []), body.get("warehouse")
        return 200, {"code": "200", "message": "操作成功", "data": [
            s for s in stock if s["product_code"] in wanted and (not warehouse or s["warehouse_code"] == warehouse)]}
    if path == "/yonbip/scm/othoutrecord/single/save":
        data = body.get("data", {})
        key = data.get("resubmitCheckKey")
        if not key or len(key) > 32 or not data.get("othOutRecords") or not data.get("warehouse"):
            return 200, {"code": "999", "message": "参数校验失败: resubmitCheckKey/othOutRecords/warehouse"}
        with LOCK:
            order = STATE["yonyou_orders"].get(key)
            if order is None:
                order = {"id": str(7000 + len(STATE["yonyou_orders"])),
                         "code": f"QTCK{len(STATE['yonyou_orders']) + 1:08d}", "document": data}
                STATE["yonyou_orders"][key] = order
        return 200, {"code": "200", "message": "操作成功", "data": {"id": order["id"], "code": order["code"]}}
    return 404, {"code": "404", "message": "no such api"}


# HMAC ------------------------------------------------------------------------------------------

def signed(method, raw_path, headers, raw):
    config = CONFIG["hmac"]
    timestamp = headers.get("x-timestamp", "")
    text = "\n".join([method, raw_path, timestamp, hashlib.sha256(raw).hexdigest()])
    expected = base64.b64encode(hmac.new(config["secret"].encode(), text.encode(), hashlib.sha256).digest()).decode()
    if headers.get("x-key-id") != config["key_id"] or not hmac.compare_digest(headers.get("x-signature", ""), expected):
        return 401, {"error": "signature mismatch", "string_to_sign": text}
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        return 401, {"error": "timestamp outside tolerance"}
    return 200, {"ok": True, "string_to_sign": text}


# Plumbing --------------------------------------------------------------------------------------

def route_of(path):
    if path == "/services/oauth2/token":
        return "salesforce_token"
    if path == "/open-auth/selfAppAuth/getAccessToken":
        return "yonyou_token"
    if path == KINGDEE_PREFIX + "AuthService.ValidateUser.common.kdsvc":
        return "kingdee_login"
    if path.startswith("/services/"):
        return "salesforce"
    if path.startswith("/crm/v3/"):
        return "hubspot"
    if path == "/jsonrpc":
        return "odoo"
    if path.startswith(KINGDEE_PREFIX):
        return "kingdee"
    if path.startswith("/open-auth/") or path.startswith("/yonbip/"):
        return "yonyou"
    if path.startswith("/signed/"):
        return "signed"
    return "state" if path == "/__state" else None


def state_counts():
    with LOCK:
        return {"salesforce_cases": len(STATE["cases"]), "hubspot_tickets": len(STATE["hubspot_tickets"]),
                "odoo_pickings": len(STATE["odoo_pickings"]), "odoo_notes": len(STATE["odoo_notes"]),
                "kingdee_orders": len(STATE["kingdee_orders"]), "yonyou_orders": len(STATE["yonyou_orders"])}


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
        form = {}
        if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            form = {k: v[0] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items()}
        route = route_of(url.path)
        status, answer, extra = 404, {"error": "no such route"}, {}
        with LOCK:
            scripted = SCRIPT.get(route, []).pop(0) if SCRIPT.get(route) else None
        if scripted is not None:
            status, answer, extra = scripted["status"], scripted.get("body", ""), dict(scripted.get("headers", {}))
        elif route in ("salesforce", "salesforce_token"):
            status, answer = salesforce(self.command, url.path, query, headers, form, body)
        elif route == "hubspot":
            status, answer = hubspot(self.command, url.path, headers, body)
        elif route == "odoo":
            status, answer = odoo(body)
        elif route in ("kingdee", "kingdee_login"):
            status, answer, extra = kingdee(url.path, headers, body)
        elif route in ("yonyou", "yonyou_token"):
            status, answer = yonyou(self.command, url.path, query, body if isinstance(body, dict) else {})
        elif route == "signed":
            status, answer = signed(self.command, self.path, headers, raw)
        elif route == "state":
            status, answer = 200, state_counts()

        payload = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        with LOCK:
            STATE["count"] += 1
            number = STATE["count"]
        record = {"method": self.command, "path": url.path, "query": query, "headers": headers, "body": text,
                  "route": route, "status": status, "answer": payload}
        if route != "state":
            with open(os.path.join(DIRECTORY, "requests", f"{number:04d}.json"), "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
        data = payload.encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", extra.pop("Content-Type", "application/json;charset=utf-8"))
        for name, value in extra.items():
            for item in (value if isinstance(value, list) else [value]):
                self.send_header(name, item)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = handle_any


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
