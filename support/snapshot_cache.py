"""The engine snapshot in a page's Cache API, as tests and benches look at it (the worker owns it:
scripts/worker/engine-worker.js)."""

from __future__ import annotations

import re

from support.site import ROOT

# The worker's name for its Cache API store, read from the worker's own module (its one owner).
SNAPSHOT_CACHE_MODULE = ROOT / "scripts" / "worker" / "snapshot-cache.js"
SNAPSHOT_CACHE = re.search(r'const SNAPSHOT_CACHE = "([^"]+)";', SNAPSHOT_CACHE_MODULE.read_text("utf-8"))[1]

# True once the cache holds the whole snapshot the page pins (an entry may be listed while its
# 31 MB are still being written), or at once when the visit did not boot from a snapshot.
SNAPSHOT_KEPT = """async (name) => {
    const status = document.querySelector("[data-engine-status]");
    if (status?.dataset.engineBoot !== "snapshot") return true;
    const holder = document.querySelector("[data-snapshot-url]");
    const url = new URL(holder.dataset.snapshotUrl, document.baseURI).href;
    const response = await (await caches.open(name)).match(url);
    if (!response) return false;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("") === holder.dataset.snapshotSha256;
}"""


def snapshot_address(page) -> str:
    """The absolute address of the snapshot the page pins (carried by the engine's start script)."""
    return page.evaluate("() => new URL(document.querySelector('[data-snapshot-url]').dataset.snapshotUrl, document.baseURI).href")


def wait_until_snapshot_kept(page, timeout_ms: float = 30_000) -> None:
    """After a visit that booted from the snapshot, until this browser's cache holds it for the next
    visit: the worker stores it once the first result is sent, as a reader reads that result."""
    page.wait_for_function(SNAPSHOT_KEPT, arg=SNAPSHOT_CACHE, polling=250, timeout=timeout_ms)


# Stores the page's snapshot as the worker does (inflated, under its address), for a test that
# needs it kept whatever the first visit's boot was.
STORE_SNAPSHOT = """async (name) => {
    const holder = document.querySelector("[data-snapshot-url]");
    const url = new URL(holder.dataset.snapshotUrl, document.baseURI).href;
    const inflated = (await fetch(url)).body.pipeThrough(new DecompressionStream("gzip"));
    await (await caches.open(name)).put(url, new Response(await new Response(inflated).arrayBuffer()));
}"""


def store_snapshot(page) -> None:
    page.evaluate(STORE_SNAPSHOT, SNAPSHOT_CACHE)
