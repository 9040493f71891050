"""Serves the project's root on 127.0.0.1 with a strict Content-Security-Policy header.

Usage: python3 tests/page/csp_server.py PORT
"""
import functools
import http.server
import sys

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


class StrictHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1])
    handler = functools.partial(StrictHandler, directory=".")
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
