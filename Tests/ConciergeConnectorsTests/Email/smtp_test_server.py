"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the ConciergeConnectors email tests.

Started by SMTPTestServer.swift, one process per test. It listens on a free port and writes
that port to DIR/port once it accepts connections. Every accepted message becomes
DIR/messages/NNNN.json: the envelope, whether TLS and AUTH were used, and the message as
Python's email package parses it (decoded headers, bodies, defects), so the Swift tests
assert what a real, independent implementation received.

Server behaviour the tests script through addresses, so one server serves many cases:
  MAIL FROM:<reply-451@...>  is answered 451 (any 3-digit code after "reply-")
  RCPT TO:<reply-550@...>    is answered 550
  RCPT TO:<data-554@...>     is accepted, but the DATA that follows is answered 554

The process exits when its standard input closes (the test process ended) or after 120 s.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import re
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

SCRIPTED_CODE = re.compile(r"^(reply|data)-([2-5][0-9][0-9])@", re.IGNORECASE)


def scripted_code(address, kind):
    match = SCRIPTED_CODE.match(address or "")
    if match and match.group(1).lower() == kind:
        return int(match.group(2))
    return None


def scripted_reply(code, what):
    enhanced = {4: "4.7.1", 5: "5.7.1"}.get(code // 100, "2.0.0")
    return f"{code} {enhanced} scripted reply to {what}"


class RecordingHandler:
    def __init__(self, directory, implicit_tls, refuse_ehlo):
        self.messages = os.path.join(directory, "messages")
        os.makedirs(self.messages, exist_ok=True)
        self.implicit_tls = implicit_tls
        self.refuse_ehlo = refuse_ehlo
        self.count = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if self.refuse_ehlo:
            return ["502 5.5.1 EHLO not implemented, use HELO"]
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        code = scripted_code(address, "reply")
        if code:
            return scripted_reply(code, "MAIL FROM")
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = scripted_code(address, "reply")
        if code:
            return scripted_reply(code, "RCPT TO")
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            code = scripted_code(address, "data")
            if code:
                return scripted_reply(code, "DATA")
        self.count += 1
        summary = summarize(envelope, session, self.implicit_tls)
        final = os.path.join(self.messages, f"{self.count:04d}.json")
        with open(final + ".tmp", "w", encoding="utf-8") as file:
            json.dump(summary, file, ensure_ascii=False)
        # Renamed only when complete, so a reader never sees half a file.
        os.rename(final + ".tmp", final)
        return f"250 2.0.0 OK queued as {self.count:04d}"


def summarize(envelope, session, implicit_tls):
    content = envelope.original_content
    message = email.message_from_bytes(content, policy=email.policy.default)
    lines = content.split(b"\r\n")

    def addresses(name):
        header = message[name]
        if header is None:
            return []
        return [[a.display_name, a.addr_spec] for a in header.addresses]

    def body(subtype):
        part = message.get_body(preferencelist=(subtype,))
        # Line ends as a reader shows them: base64 keeps the CRLFs, quoted-printable does not.
        return part.get_content().replace("\r\n", "\n") if part is not None else None

    login = session.auth_data.login.decode() if session.auth_data else None
    return {
        "mail_from": envelope.mail_from,
        "rcpt_tos": envelope.rcpt_tos,
        "tls": implicit_tls or session.ssl is not None,
        "auth_login": login,
        "headers": [[name, str(value)] for name, value in message.items()],
        "from": addresses("from"),
        "to": addresses("to"),
        "cc": addresses("cc"),
        "reply_to": addresses("reply-to"),
        "subject": str(message["subject"]) if message["subject"] is not None else None,
        "content_type": message.get_content_type(),
        "text": body("plain"),
        "html": body("html"),
        "defects": [str(defect) for part in message.walk() for defect in part.defects],
        "raw": content.decode("ascii", errors="replace"),
        "longest_line": max(len(line) for line in lines),
        "bare_line_feeds": content.replace(b"\r\n", b"").count(b"\n"),
    }


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        accepted = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        # handled=False: aiosmtpd answers a failure with 535 itself.
        return AuthResult(success=accepted, handled=False, auth_data=auth_data if accepted else None)

    return authenticate


class SilentProtocol(asyncio.Protocol):
    """Accepts connections and never answers: a server that hangs before its greeting."""


async def serve(arguments):
    loop = asyncio.get_running_loop()
    tls_context = None
    if arguments.tls != "none":
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(arguments.cert, arguments.key)
    implicit = arguments.tls == "implicit"
    handler = RecordingHandler(arguments.dir, implicit, arguments.refuse_ehlo)
    excluded = [m for m in ("PLAIN", "LOGIN") if m not in arguments.auth_mechanisms.split(",")]

    def make_protocol():
        if arguments.silent:
            return SilentProtocol()
        return SMTP(
            handler,
            hostname="smtp.concierge-test.localhost",
            tls_context=tls_context if arguments.tls == "starttls" else None,
            auth_required=arguments.user is not None,
            # Over implicit TLS aiosmtpd cannot tell the connection is encrypted.
            auth_require_tls=not implicit,
            auth_exclude_mechanism=excluded,
            authenticator=authenticator_for(arguments.user, arguments.password),
        )

    server = await loop.create_server(
        make_protocol, host="127.0.0.1", port=0, ssl=tls_context if implicit else None
    )
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(arguments.dir, "port.tmp"), "w") as file:
        file.write(str(port))
    os.rename(os.path.join(arguments.dir, "port.tmp"), os.path.join(arguments.dir, "port"))
    await asyncio.sleep(120)


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN")
    parser.add_argument("--refuse-ehlo", action="store_true")
    parser.add_argument("--silent", action="store_true")
    arguments = parser.parse_args()
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(serve(arguments))


if __name__ == "__main__":
    main()
