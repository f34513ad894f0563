"""Debian's Chromium as tests and benches launch it (Playwright cannot download its own browser here)."""

from __future__ import annotations

import shutil

CHROMIUM_FLAGS = [
    # No sandbox: the tests run as root in a container.
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home at start; on a closed network that is noise, and the
    # tests and benches must see only the site's own requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# How long tests and benches let the engine boot (a normal boot on a loaded machine, on a slow
# emulated line too), and a result take once it is ready.
BOOT_TIMEOUT_MS = 180_000
RESULT_TIMEOUT_MS = 60_000


def chromium_path() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


def launch_options() -> dict:
    """Keyword arguments for Playwright's `chromium.launch()`."""
    return {"executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


def downloaded_or_tried(request) -> bool:
    """False for a look in the browser's HTTP cache alone that found nothing (the engine's worker asks
    the cache for the runtime before the network): Chromium reports it as a failed request, though
    nothing was asked of the host."""
    return request.failure != "net::ERR_CACHE_MISS"
