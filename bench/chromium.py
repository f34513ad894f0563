"""Debian's Chromium as the benches launch it: no sandbox (root in a container), and none of the
background traffic it sends by default, so the site's own requests are all there is."""

import shutil

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"
