"""A real HTTP/1.1 server on 127.0.0.1 for the ConciergeConnectors HTTP transport tests.

Started by HTTPTestServer.swift, one process per test, standard library only. It listens on a
free port (plain HTTP, or TLS with --cert/--key) and writes that port to DIR/port once it
accepts connections. Every accepted TCP connection appends a line to DIR/connections.log and
every request a line "METHOD TARGET" to DIR/requests.log, so tests can prove that a blocked
request never reached it.

Endpoints (any method):
  /echo                  200, JSON: method, target, headers, body, port, sni
  /status/NNN            status NNN; ?retry-after=S adds Retry-After
  /chunked               chunked body "chunk 0\n" ... "chunk 4\n"
  /chunked-bytes/N       N bytes "b", chunked, no Content-Length
  /bytes/N               N bytes "a" with Content-Length
  /close-delimited       body without Content-Length, ended by closing the connection
  /sleep/MS              waits MS milliseconds, then answers like /echo
  /redirect?to=URL&status=302&delay_ms=0   redirects to URL (302 unless status says otherwise)
  /loop                  302 to itself
  /malformed             a response that is not HTTP

The process exits when its standard input closes (the test process ended) or after 300 s.
"""

import argparse
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def append_line(path, line):
    with open(path, "a", encoding="utf-8") as file:
        file.write(line + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def handle(self):
        if self.server.tls_context is not None:
            try:
                self.connection.do_handshake()
            except (ssl.SSLError, OSError) as error:
                self.log_message("TLS handshake failed: %s", error)
                return
        super().handle()

    def do_GET(self):
        self.answer()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET

    def answer(self):
        append_line(self.server.requests_log, f"{self.command} {self.path}")
        length = int(self.headers.get("Content-Length") or 0)
        self.request_body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        parts = url.path.strip("/").split("/")
        route = getattr(self, "route_" + parts[0].replace("-", "_"), None)
        if route is None:
            self.send_body(404, b"no such endpoint\n")
        else:
            route(parts[1:], query)

    def send_body(self, status, body, content_type="text/plain", extra_headers=()):
        if status in (204, 304) or status < 200:
            body = b""  # these statuses have no body by definition
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route_echo(self, _parts, _query):
        echo = {
            "method": self.command,
            "target": self.path,
            "headers": [[name, value] for name, value in self.headers.items()],
            "body": self.request_body.decode("utf-8", "replace"),
            "port": self.server.server_address[1],
            "sni": getattr(self.connection, "sni", None),
        }
        self.send_body(200, json.dumps(echo).encode(), "application/json")

    def route_status(self, parts, query):
        extra = [("Retry-After", query["retry-after"])] if "retry-after" in query else []
        self.send_body(int(parts[0]), f"status {parts[0]}\n".encode(), extra_headers=extra)

    def send_chunks(self, chunks):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def route_chunked(self, _parts, _query):
        self.send_chunks([f"chunk {index}\n".encode() for index in range(5)])

    def route_chunked_bytes(self, parts, _query):
        remaining = int(parts[0])
        chunks = []
        while remaining > 0:
            chunks.append(b"b" * min(remaining, 65536))
            remaining -= 65536
        try:
            self.send_chunks(chunks)
        except OSError:
            pass  # the client gave up once the body passed its limit

    def route_bytes(self, parts, _query):
        try:
            self.send_body(200, b"a" * int(parts[0]), "application/octet-stream")
        except OSError:
            pass

    def route_close_delimited(self, _parts, _query):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"no length, ")
        self.wfile.flush()
        time.sleep(0.05)
        self.wfile.write(b"ended by close\n")
        self.close_connection = True

    def route_sleep(self, parts, query):
        time.sleep(int(parts[0]) / 1000)
        try:
            self.route_echo(parts, query)
        except OSError:
            pass  # the client timed out and closed

    def route_redirect(self, _parts, query):
        time.sleep(int(query.get("delay_ms", "0")) / 1000)
        status = int(query.get("status", "302"))
        try:
            self.send_body(status, b"moved\n", extra_headers=[("Location", query["to"])])
        except OSError:
            pass

    def route_loop(self, _parts, _query):
        self.send_body(302, b"again\n", extra_headers=[("Location", "/loop")])

    def route_malformed(self, _parts, _query):
        self.wfile.write(b"HTTP/1.1 two hundred OK\r\nbroken header line\r\n\r\n")
        self.close_connection = True

    def log_message(self, format, *args):
        sys.stderr.write("%s\n" % (format % args))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory, tls_context):
        self.connections_log = os.path.join(directory, "connections.log")
        self.requests_log = os.path.join(directory, "requests.log")
        self.tls_context = tls_context
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, address = super().get_request()
        append_line(self.connections_log, f"{address[0]}:{address[1]}")
        if self.tls_context is not None:
            sock = self.tls_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request, client_address):
        sys.stderr.write(f"error while serving {client_address}: {sys.exc_info()[1]!r}\n")


def make_tls_context(certificate, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certificate, key)

    def remember_server_name(connection, server_name, _context):
        connection.sni = server_name

    context.sni_callback = remember_server_name
    return context


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def exit_after_deadline():
    time.sleep(300)
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    arguments = parser.parse_args()
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Thread(target=exit_after_deadline, daemon=True).start()
    tls_context = make_tls_context(arguments.cert, arguments.key) if arguments.cert else None
    server = Server(arguments.dir, tls_context)
    port_file = os.path.join(arguments.dir, "port")
    with open(port_file + ".tmp", "w") as file:
        file.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
