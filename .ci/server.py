"""Serves the deployable folder (site/, written by the build) on 127.0.0.1 as a production host
would: that folder alone, gzip for text, wasm and the data files (the copy the build packed
beside a file, name.gz, where there is one for that version of the file; else each version
compressed once), a
strict Content-Security-Policy, and no caching (the files change as you build).

The policy is the one `index.html` declares (the build keeps its script hash current), sent as a
header too, with what only a header can say: who may frame the page (the headers the build
writes into site/_headers for other hosts).

Usage: python3 .ci/server.py PORT [FOLDER]   (FOLDER: site/ unless given)
"""
import functools
import gzip
import http.server
import os
import re
import sys

DECLARED = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
# If index.html declares none, nothing but the project's own files may run.
STRICTEST = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".wasm", ".csv", ".bin"}


class ArticleHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        # The embed pages are made to be framed by other sites; nothing else is.
        framing = "*" if self.path.startswith("/www/embed/") else "'none'"
        policy = f"{self.declared_policy()}; frame-ancestors {framing}"
        self.send_header("Content-Security-Policy", policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def declared_policy(self):
        page = os.path.join(self.directory, "index.html")
        try:
            return _declared_policy(page, os.stat(page).st_mtime_ns)
        except OSError:
            return STRICTEST

    def send_head(self):
        # The host's own file of headers is read by hosts, never served.
        if self.path.split("?")[0].rstrip("/") == "/_headers":
            self.send_error(404)
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and os.path.splitext(path)[1] in COMPRESSIBLE and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        body = _packed(path + ".gz", stat)
        if body is None:
            body = _compressed(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


def _packed(packed, stat):
    """The copy the build packed beside a file (`name.gz`), sent as it is (as nginx's gzip_static
    does), if there is one for this version of the file: not older than it, and holding as many
    bytes as it has (gzip's last four bytes); else None."""
    try:
        if os.stat(packed).st_mtime_ns < stat.st_mtime_ns:
            return None
        with open(packed, "rb") as f:
            body = f.read()
    except OSError:
        return None
    if len(body) < 18 or int.from_bytes(body[-4:], "little") != stat.st_size % 2**32:
        return None
    return body


@functools.lru_cache(maxsize=128)
def _compressed(path, _modified, _size):
    """`path` gzipped, once per version of the file (as a host serves files compressed ahead of
    time; compressing the chart program on every request took it 24 ms)."""
    with open(path, "rb") as f:
        return gzip.compress(f.read(), 9)


@functools.lru_cache(maxsize=4)
def _declared_policy(page, _modified):
    """The policy `page` declares, read once per version of the file (the build rewrites it)."""
    with open(page, encoding="utf-8") as f:
        found = DECLARED.search(f.read())
    return found.group(1) if found else STRICTEST


class _Body:
    """A finished body that SimpleHTTPRequestHandler copies out and closes."""

    def __init__(self, data):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(project, "site")
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"server: no index.html in {root}: run the build first (.ci/build)")
    handler = functools.partial(ArticleHandler, directory=root)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
