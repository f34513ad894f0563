"""The build's Node scripts (the snapshot's maker, the standard library's tracer and compiler), run
one way: their output returned, a failure reported in one line. Plain Python (no MkDocs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

NODE_TIMEOUT_S = 300


class NodeScriptFailed(RuntimeError):
    """Node is missing, or a build script failed: one line saying why."""


def run_node(root: Path, script: str, *args: str) -> str:
    """What `script` (a path from the project's root) printed."""
    node = shutil.which("node")
    if node is None:
        raise NodeScriptFailed("Node.js is needed to build the site (see README, 'What a machine needs')")
    try:
        done = subprocess.run([node, str(root / script), *args], check=True, capture_output=True, text=True, timeout=NODE_TIMEOUT_S)
    except subprocess.CalledProcessError as error:
        last_line = (error.stderr.strip() or "no output").splitlines()[-1]
        raise NodeScriptFailed(f"{script} failed: {last_line}") from None
    except subprocess.TimeoutExpired:
        raise NodeScriptFailed(f"{script} took more than {NODE_TIMEOUT_S} s") from None
    return done.stdout
