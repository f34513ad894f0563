"""What `mkdocs serve` adds for authors, as plain WSGI around MkDocs's own server (nothing of MkDocs here).

- Live reload under the site's Content Security Policy. MkDocs injects its reload script inline at
  the end of every page it serves; the policy allows no inline script. Each served page's policy
  gets the sha256 of exactly that script (it differs per response: it carries the build's epoch),
  and nothing else. Built pages (`make build`) are never touched: only `mkdocs serve` uses this.
- The versioned runtime is cached by the browser, as the real host's `_headers` say.
- A failed build is shown in the browser: while the last build failed, every page is a short error
  page with the build's error lines, which reloads itself until a build succeeds.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import traceback
from typing import Callable, Iterable

from markupsafe import escape

from site_build.assessment.runtime import RUNTIME_CACHING

CSP_META = b'<meta http-equiv="Content-Security-Policy" content="'
SCRIPT_SOURCES = b"script-src "
INLINE_SCRIPT_START = b"<script>"
INLINE_SCRIPT_END = b"</script>"
ERROR_PAGE_REFRESH_S = 2


def reload_script_hash(page: bytes) -> bytes | None:
    """The CSP source for the inline script MkDocs put last before </body>, or None if there is none."""
    end = page.rfind(b"</body>")
    end = len(page) if end < 0 else end
    if not page[:end].endswith(INLINE_SCRIPT_END):
        return None
    start = page.rfind(INLINE_SCRIPT_START, 0, end)
    if start < 0:
        return None
    script = page[start + len(INLINE_SCRIPT_START):end - len(INLINE_SCRIPT_END)]
    return b"'sha256-" + base64.b64encode(hashlib.sha256(script).digest()) + b"'"


def admit_reload_script(page: bytes) -> bytes:
    """The page with its policy's script-src extended by the reload script's hash (the page's
    <meta> escapes quotes as Jinja does, so the source is written escaped the same way)."""
    source = reload_script_hash(page)
    meta = page.find(CSP_META)
    if source is None or meta < 0:
        return page
    content_end = page.find(b'"', meta + len(CSP_META))
    directive = page.find(SCRIPT_SOURCES, meta, content_end)
    if directive < 0:
        return page
    at = directive + len(SCRIPT_SOURCES)
    return page[:at] + str(escape(source.decode())).encode() + b" " + page[at:]


def error_page(lines: list[str]) -> bytes:
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        # No favicon request: its 404 would be a warning too (see PreviewApp.__call__).
        '<link rel="icon" href="data:,">'
        f'<meta http-equiv="refresh" content="{ERROR_PAGE_REFRESH_S}">'
        "<title>Build failed</title></head><body><h1>The last build failed</h1>"
        f"<ul>{items}</ul><p>Fix it and save: this page reloads itself until the build succeeds.</p>"
        "</body></html>"
    ).encode()


class PreviewApp:
    """Wraps the server's WSGI app; `watch(builder)` wraps its builder so failures are known here."""

    def __init__(self, app: Callable, immutable_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        # Folders whose files never change under one URL (the versioned runtime): cached by the
        # browser as on the real host, so a reload does not fetch and compile 10 MB of WebAssembly again.
        self.immutable_prefixes = immutable_prefixes
        self.failure: list[str] | None = None

    def watch(self, builder: Callable[[], None], logger: logging.Logger) -> Callable[[], None]:
        """A builder that records a failed build's error (and warning) lines instead of raising.

        The server then treats the build as done: open pages reload (and get the error page), and
        no page waits for a build that will not come.
        """
        def build() -> None:
            errors = ErrorLines()
            logger.addHandler(errors)
            try:
                builder()
                self.failure = None
            except SystemExit as abort:  # MkDocs's Abort, raised while handling the author's mistake
                mistake = abort.__context__
                self.failure = [str(mistake)] if mistake is not None else (errors.lines or [str(abort)])
                if not set(self.failure) <= set(errors.lines):
                    # MkDocs logs each message once per process: the same mistake made again must still show.
                    logger.error("%s", "; ".join(self.failure))
            except Exception as error:  # a bug, not an author's mistake: its traceback is for the terminal
                traceback.print_exc()
                self.failure = [*errors.lines, f"{type(error).__name__}: {error}"]
            finally:
                logger.removeHandler(errors)
        return build

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        is_page = path.endswith("/") or path.endswith(".html")
        if self.failure is not None and is_page:
            body = error_page(self.failure)
            # 200, not 503: MkDocs's server logs every 4xx/5xx response as a warning, and in strict
            # mode a warning logged during a build fails that build.
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        response: dict = {}
        body = self.app(environ, lambda status, headers, exc_info=None: response.update(status=status, headers=headers))
        headers = response["headers"]
        if path.startswith(self.immutable_prefixes) and response["status"].startswith("200"):
            headers = [*headers, ("Cache-Control", RUNTIME_CACHING)]
        if not any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            start_response(response["status"], headers)
            return body
        page = admit_reload_script(b"".join(body))
        if hasattr(body, "close"):
            body.close()
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(response["status"], [*headers, ("Content-Length", str(len(page)))])
        return [page]


class ErrorLines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)  # in strict mode a warning fails the build too
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):  # the server's request log is not the build's
            self.lines.append(record.getMessage())
