"""Forget an engine Python has imported, so the one on disk now is imported afresh.

Run in two places, so written once: the build imports the engine anew after an author's edit
(overrides/hooks/assessment_package.py), and under `mkdocs serve` the engine worker swaps an
author's edit in on top of Python restored from an earlier snapshot (engine-worker.js), where the
earlier engine's installed files go too.
"""

import importlib
import shutil
import sys
import sysconfig
from pathlib import Path


def forget_modules(package: str) -> None:
    for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def forget_installed(package: str, distribution: str) -> str:
    """The modules and the installed files of the engine; returns where packages are installed."""
    forget_modules(package)
    site_packages = Path(sysconfig.get_path("purelib"))
    dist_info = distribution.replace("-", "_")
    for installed in [site_packages / package, *site_packages.glob(f"{dist_info}-*.dist-info")]:
        shutil.rmtree(installed, ignore_errors=True)
    importlib.invalidate_caches()
    return str(site_packages)
