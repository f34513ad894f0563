"""Serve the built site on loopback and drive Debian's Chromium through Playwright."""

import contextlib
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home at start; on a closed network that is noise, and
    # the tests below must see only the site's own requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """A static host like the ones we deploy to: correct types for wasm and ES modules, no logs.

    `prefix` is the sub-path the site is published under; anything outside it is not found,
    as on a real host that serves other things beside the site.
    """

    prefix = "/"
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404, "Outside the site")
            return None
        self.path = "/" + self.path[len(self.prefix):]
        return super().send_head()

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder, prefix: str = "/"):
    """Serve a built site on a free loopback port; yields the site's address."""
    handler_class = type("PrefixedSiteRequestHandler", (SiteRequestHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def sub_path_site_url(site_builder, tmp_path_factory):
    """The site built for, and served under, a sub-path, as on a project page of a static host."""
    prefix = "/coaching/"
    site = site_builder(tmp_path_factory.mktemp("sub-path-site"), site_url=f"http://127.0.0.1{prefix}")
    with serve_folder(site, prefix=prefix) as url:
        yield url
