"""The module graph of a script, read from its own `import` lines: what the snapshot's maker
depends on (assessment_snapshot.py keys the snapshot on it), and what each bundle must hold
(tests/site/test_script_bundles.py). A library of the build, not a hook."""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "assets" / "assessment"

# A static import of one of our own modules: `import ... from "./name.js"` (over several lines too),
# or `export ... from "./name.js"`. Dynamic `import()` is not followed: it may never run.
STATIC_IMPORT = re.compile(r'^(?:import|export)\b[^;]*?\bfrom\s*"\./([\w.-]+\.m?js)";', re.MULTILINE)


def module_graph(script: str, folder: Path = SCRIPTS) -> list[str]:
    """`script` and every module it imports, directly or through others, each once, in the order
    they are found."""
    found = [script]
    for name in found:
        for imported in STATIC_IMPORT.findall((folder / name).read_text(encoding="utf-8")):
            if imported not in found:
                found.append(imported)
    return found

