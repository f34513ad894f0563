"""The memory snapshot the site ships holds exactly the engine it ships, and Pyodide still restores it.

Snapshots rest on private Pyodide options (scripts/shared/snapshot-options.mjs); these
tests are where a runtime update that breaks them shows up.
"""

import gzip
import hashlib
import json
import re

from site_paths import ROOT


SHARED_SCRIPTS = ROOT / "scripts" / "shared"


def test_the_private_snapshot_options_were_checked_against_the_pinned_runtime():
    checked = re.search(r'SNAPSHOT_CHECKED_WITH_PYODIDE = "([^"]+)"', (SHARED_SCRIPTS / "snapshot-options.mjs").read_text("utf-8"))[1]
    pinned = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text("utf-8"))["version"]
    assert checked == pinned, (
        f"Pyodide is now {pinned}, the snapshot options were checked with {checked}: run these tests, "
        "read the runtime's changelog for _makeSnapshot/_loadSnapshot, then update snapshot-options.mjs"
    )


def test_the_snapshot_maker_is_not_published(built_site):
    assert not list(built_site.rglob("make-snapshot.mjs"))


def test_the_page_pins_the_snapshot_it_ships_by_its_inflated_bytes(built_site):
    # Downloaded or cached, the worker checks what it restores from against this.
    page = (built_site / "assessment" / "index.html").read_text("utf-8")
    (snapshot,) = (built_site / "assets" / "assessment").glob("pyodide-*/engine.snapshot")
    inflated = hashlib.sha256(gzip.decompress(snapshot.read_bytes())).hexdigest()
    assert f'data-snapshot-sha256="{inflated}"' in page
