"""The real site, built for a bench: the same strict build as `make build`, into a folder of the bench's choosing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(into: Path) -> None:
    # The same environment as the Makefile's, so the bench prints figures, not Material's banner.
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(into)],
                   cwd=ROOT, env=environment, check=True)
