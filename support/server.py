"""A built site served on a free loopback port, with the content types the hosts we deploy to send.

    with StaticSite(folder) as site:                      # plain, as the browser tests want it
        page.goto(site.url)
    with StaticSite(folder, prefix="/coaching/") as site: # published under a sub-path
    with StaticSite(folder, gzip=True) as site:           # gzip (text-like types) and caching, as a bench measures them
        site.take_bytes_sent()
"""

from __future__ import annotations

import functools
import gzip as gzip_format
import hashlib
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# GitHub Pages-like: cacheable for ten minutes, then revalidated by ETag.
CACHE_CONTROL = "max-age=600"

# A body is sent in pieces of this size, each counted once the socket took it.
BODY_PIECE = 64 * 1024


# What hosts such as Netlify and Cloudflare Pages compress: text-like types. Files that are
# compressed already (zip archives and wheels, the gzipped memory snapshot, images) go as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/wasm", "application/xml", "image/svg+xml")


def worth_compressing(content_type: str) -> bool:
    return content_type.split(";")[0].strip().startswith(COMPRESSED_TYPES)


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files of the site; anything outside `prefix` is not found, as on a host that serves
    other things beside the site. Keeps no log."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".xml": "application/xml",
    }

    def __init__(self, *args, site: StaticSite, **kwargs):
        self.site = site
        super().__init__(*args, directory=str(site.folder), **kwargs)

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self.respond(with_body=False)

    def do_GET(self):
        self.respond(with_body=True)

    def respond(self, with_body: bool) -> None:
        if not self.path.startswith(self.site.prefix):
            self.send_error(404, "Outside the site")
            return
        path = Path(self.translate_path("/" + self.path[len(self.site.prefix):]))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.redirect_to_folder()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL} if self.site.gzip else {}
        if headers and self.headers.get("If-None-Match") == etag:
            self.send_headers(304, headers)
            return
        headers["Content-Type"] = self.guess_type(str(path))
        if self.site.gzip and worth_compressing(headers["Content-Type"]) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = self.site.compressed(path, etag, body)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        self.send_headers(200, headers)
        if with_body:
            self.send_body(body)

    def send_body(self, body: bytes) -> None:
        """A browser may drop a download part way (the engine's worker does, when the snapshot's
        first bytes show a slow line): what was sent until then counts, and it is no error."""
        for start in range(0, len(body), BODY_PIECE):
            piece = body[start:start + BODY_PIECE]
            try:
                self.wfile.write(piece)
            except ConnectionError:
                return
            self.site.count_sent(len(piece))

    def redirect_to_folder(self) -> None:
        path, _, query = self.path.partition("?")
        self.send_headers(301, {"Location": path + "/" + ("?" + query if query else ""), "Content-Length": "0"})

    def send_headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()


class StaticSite:
    """`with StaticSite(folder, prefix="/", gzip=False) as site:` serves `folder` at `site.url`.

    With `gzip`, like a real host: gzip of text-like types when the browser accepts it, ETag
    revalidation and ten minutes of caching; `take_bytes_sent()` says what went over the wire since
    it was last asked.
    """

    def __init__(self, folder: Path, prefix: str = "/", gzip: bool = False):
        self.folder = Path(folder)
        self.prefix = prefix
        self.gzip = gzip
        self._lock = threading.Lock()
        self._sent = 0
        self._compressed: dict[tuple[Path, str], bytes] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteRequestHandler, site=self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"

    def __enter__(self) -> StaticSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def compressed(self, path: Path, etag: str, body: bytes) -> bytes:
        with self._lock:
            if (path, etag) not in self._compressed:
                self._compressed[path, etag] = gzip_format.compress(body, compresslevel=6)
            return self._compressed[path, etag]

    def count_sent(self, count: int) -> None:
        with self._lock:
            self._sent += count

    def take_bytes_sent(self) -> int:
        with self._lock:
            sent, self._sent = self._sent, 0
            return sent
