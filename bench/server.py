"""A static host for the bench: gzip like a real one, cache headers like a real one, and a count of
the bytes it actually sent (so "transferred" means what went over the wire)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# GitHub Pages-like: cacheable for ten minutes, then revalidated by ETag.
CACHE_CONTROL = "max-age=600"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}


class ByteCounter:
    def __init__(self):
        self._lock = threading.Lock()
        self.sent = 0

    def add(self, count: int) -> None:
        with self._lock:
            self.sent += count

    def take(self) -> int:
        with self._lock:
            sent, self.sent = self.sent, 0
            return sent


class GzipHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, counter: ByteCounter, cache: dict, **kwargs):
        self.counter = counter
        self.compressed_cache = cache
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        encoding = None
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (str(path), etag)
            if key not in self.compressed_cache:
                self.compressed_cache[key] = gzip.compress(body, compresslevel=6)
            body, encoding = self.compressed_cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPES.get(path.suffix, "application/octet-stream"))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)
        self.counter.add(len(body))


class GzipSite:
    """`with GzipSite(folder) as site:` serves it on a free loopback port."""

    def __init__(self, directory: Path):
        self.counter = ByteCounter()
        handler = functools.partial(GzipHandler, directory=str(directory), counter=self.counter, cache={})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
