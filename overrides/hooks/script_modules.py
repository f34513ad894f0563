"""The module graph of a page script, so the page can ask for all of its modules at once
(`<link rel="modulepreload">` before the theme's bundle, in assessment-base.html) instead of one
level of imports after another. On a 4G line each level is a round trip, and the later levels
arrive behind the runtime's download, which starts from the head: the page's boot message then
waited for them.

Read from the scripts themselves, so a new import is preloaded without anyone listing it.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "assets" / "assessment"

# A static import of one of our own modules: `import ... from "./name.js"` (over several lines too),
# or `export ... from "./name.js"`. Dynamic `import()` is not preloaded: it may never run.
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


def on_env(env, config, files):
    env.filters["module_graph"] = module_graph
    return env
