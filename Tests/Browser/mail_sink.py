"""A minimal SMTP server on 127.0.0.1 for the browser tests: it accepts every message and keeps
it, so a test can read the email Concierge's worker sent (a portal sign-in link) the way a
customer would. Plain SMTP (the platform under test sends with CONCIERGE_SMTP_SECURITY=plaintext),
standard library only."""

import email
import email.policy
import socketserver
import threading
import time


class _Handler(socketserver.StreamRequestHandler):
    def _send(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self) -> None:
        self._send("220 mail-sink ESMTP")
        sender, recipients = "", []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self._send("250-mail-sink")
                self._send("250-8BITMIME")
                self._send("250-SMTPUTF8")
                self._send("250 SIZE 52428800")
            elif verb == "HELO":
                self._send("250 mail-sink")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip(), []
                self._send("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().split(" ")[0].strip("<>"))
                self._send("250 OK")
            elif verb == "DATA":
                self._send("354 end with .")
                lines = []
                while True:
                    line = self.rfile.readline()
                    if not line or line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                self.server.sink.keep(sender, recipients, b"".join(lines))
                self._send("250 OK queued")
            elif verb == "QUIT":
                self._send("221 bye")
                return
            elif verb in ("RSET", "NOOP"):
                self._send("250 OK")
            else:
                self._send("502 not implemented")


class MailSink:
    """Keeps every message sent to it; `wait_for(to)` returns the newest one for an address."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self._lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.sink = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def keep(self, sender: str, recipients: list[str], data: bytes) -> None:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        with self._lock:
            self.messages.append({
                "from": sender, "to": recipients, "subject": str(message["subject"] or ""),
                "text": body.get_content() if body is not None else "",
            })

    def wait_for(self, address: str, after: int = 0, timeout: float = 20.0) -> dict:
        """The first message to `address` among those received after the first `after` ones."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for message in self.messages[after:]:
                    if address in message["to"]:
                        return message
            time.sleep(0.2)
        raise AssertionError(f"no email to {address} within {timeout} s")

    def count(self) -> int:
        with self._lock:
            return len(self.messages)
