"""A running Concierge for the browser tests: a fresh database on the test Postgres, the
demo tenant applied and seeded, and `concierge dev` (API, worker and scheduler in one
process) on a free port.

Settings come from the same variables as the Swift tests (CONCIERGE_TEST_DATABASE_URL, ...,
exported by the Makefile); CONCIERGE_BIN_DIR names the build's binaries.
"""

import base64
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _with_database(url: str, database: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + database, "", ""))


class Platform:
    """Starts and stops one Concierge; `api()` calls its JSON API with the demo token."""

    def __init__(self, extra_env: dict[str, str] | None = None) -> None:
        self.bin = Path(os.environ.get("CONCIERGE_BIN_DIR", ROOT / ".build" / "debug"))
        owner_url = os.environ["CONCIERGE_TEST_DATABASE_URL"]
        app_role = os.environ.get("CONCIERGE_TEST_APP_DATABASE_ROLE", "concierge_app")
        app_password = os.environ.get("CONCIERGE_TEST_APP_DATABASE_PASSWORD", "concierge_app")
        self.database = "browser_" + secrets.token_hex(6)
        self.admin_url = owner_url
        owner = urllib.parse.urlsplit(owner_url)
        app_netloc = f"{app_role}:{app_password}@{owner.hostname}:{owner.port or 5432}"
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            CONCIERGE_DATABASE_URL=f"postgres://{app_netloc}/{self.database}",
            CONCIERGE_MIGRATION_DATABASE_URL=_with_database(owner_url, self.database),
            CONCIERGE_DATABASE_APP_ROLE=app_role,
            CONCIERGE_REDIS_URL=os.environ["CONCIERGE_TEST_REDIS_URL"],
            CONCIERGE_REDIS_PREFIX="browser-" + secrets.token_hex(4),
            CONCIERGE_HTTP_PORT=str(self.port),
            CONCIERGE_PUBLIC_URL=self.base_url,
            CONCIERGE_COOKIE_SECURE="false",
            CONCIERGE_BCRYPT_COST="4",
            CONCIERGE_INBOUND_SMTP_PORT="0",
            CONCIERGE_LOG_LEVEL="warning",
            CONCIERGE_SECRET_KEYS="browser:" + base64.b64encode(secrets.token_bytes(32)).decode(),
        )
        self.env.update(extra_env or {})
        self.process: subprocess.Popen | None = None
        self.log_path = ROOT / ".data" / "browser" / f"{self.database}.log"
        self.token = ""
        self.login = ("demo", "", "")

    def start(self) -> None:
        self._psql(f'CREATE DATABASE "{self.database}"')
        self._run("migrate")
        self._run("tenant", "apply", "Tenants/demo", "--create-missing")
        seeded = self._run("demo", "seed", "--tenant", "demo")
        self.token = re.search(r"^token: (\S+)", seeded, re.M).group(1)
        email, password = re.search(r"^login: (\S+) / (\S+)", seeded, re.M).groups()
        self.login = ("demo", email, password)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(self.bin / "concierge"), "dev"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"concierge dev exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base_url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"concierge dev not ready after 60 s; see {self.log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def api(self, method: str, path: str, body: dict | None = None) -> dict:
        """Calls the JSON API as the demo admin token; returns the decoded body."""
        request = urllib.request.Request(
            self.base_url + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"{}")

    def create_ticket(self, subject: str, priority: str = "normal", email: str = "customer@example.cn",
                      name: str = "测试客户") -> dict:
        return self.api("POST", "/api/v1/tickets", {
            "subject": subject, "description": "浏览器测试 " + subject, "priority": priority,
            "requester": {"email": email, "name": name},
        })["ticket"]

    def portal_link(self, email: str, tenant: str = "demo") -> str:
        """A one-time portal sign-in link for a customer, from the CLI (`concierge portal link`)."""
        return self._run("portal", "link", "--tenant", tenant, "--email", email).strip()

    def _run(self, *arguments: str) -> str:
        result = subprocess.run(
            [str(self.bin / "concierge"), *arguments], cwd=ROOT, env=self.env, capture_output=True, text=True,
            timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"concierge {' '.join(arguments)} failed: {result.stderr[-2000:]}")
        return result.stdout

    def _psql(self, statement: str) -> None:
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.admin_url, "-c", statement], check=True,
                       capture_output=True, timeout=60)
