"""MkDocs glue for the self-assessment page.

On every build: render the question bank into the page (through overrides/assessment.html),
build our pure-Python wheel from the repo, and put it next to the few Pyodide runtime files the
browser needs, with a site-own pyodide-lock.json that pins the wheel by sha256.
On `mkdocs serve`, edits under assessment/ rebuild the site, so authors see engine changes live.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.assessment_page")

ROOT = Path(__file__).resolve().parents[2]
ENGINE_PACKAGE = "assessment"
ENGINE_DIR = ROOT / ENGINE_PACKAGE
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# Only what the boot fetches; the rest of the npm package (console pages, maps, types) stays out.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


def _runtime_version() -> str:
    package = PYODIDE_DIR / "package.json"
    return json.loads(package.read_text("utf-8"))["version"] if package.exists() else "missing"


# Named after the runtime's version, so hosts may cache it for good (see static_host.py).
SITE_RUNTIME_DIR = f"assets/assessment/pyodide-{_runtime_version()}"
ASSESSMENT_PAGE = "assessment.md"
ARTICLE_ISSUE = 4
# The shared contract's URL, used only while the article page is missing from the build.
ARTICLE_FALLBACK_URL = "issues/proactive-just-in-time-or-after-the-fact/"
# Pyodide memory snapshot with the engine imported: the browser restores it instead of starting
# CPython (seconds of CPU). Gzipped here, so no host setting decides its size on the wire.
SNAPSHOT_NAME = "engine.snapshot"
SNAPSHOT_CACHE = Path(tempfile.gettempdir()) / "coaching-timing-snapshots"
SNAPSHOT_SCRIPT = """
const [pyodideModule, wheelPath, outPath] = process.argv.slice(1);
const { loadPyodide } = await import(pyodideModule);
const { readFileSync, writeFileSync } = await import("node:fs");
const { gzipSync } = await import("node:zlib");
const pyodide = await loadPyodide({ _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
// What the page calls, run once on every path (complete answers, bad answers): every module the
// engine needs is then imported, and the parsed bank cached, inside the snapshot.
pyodide.runPython(`
import json
import assessment.browser as browser
bank = json.loads(browser.questions_json())
browser.assess_json(json.dumps({question["id"]: question["options"][0]["id"] for question in bank["questions"]}))
browser.assess_json("{}")
`);
writeFileSync(outPath, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
"""
# Zip entries get a fixed date so that the same sources always give the same sha256.
WHEEL_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class EngineSnapshot:
    path: Path
    sha256: str
    integrity: str


@dataclass(frozen=True)
class EngineWheel:
    path: Path
    sha256: str
    version: str


_documentation_files: list = []


def on_serve(server, config, builder):
    server.watch(str(ENGINE_DIR))
    return server


def on_files(files, config):
    _documentation_files[:] = list(files.documentation_pages())
    return files


def on_page_context(context, page, config, nav):
    if page.file.src_uri != ASSESSMENT_PAGE:
        return invite_from_article(context, page)
    bank = load_fresh_bank()
    context["assessment"] = {
        "bank": bank,
        "article_url": article_url_from(page),
        "runtime_url": get_relative_url(SITE_RUNTIME_DIR + "/", page.url),
        "lock_url": get_relative_url(f"{SITE_RUNTIME_DIR}/pyodide-lock.json", page.url)
        + f"?v={engine_wheel().sha256[:16]}",
        "worker_url": get_relative_url("assets/assessment/engine-worker.js", page.url),
        "snapshot": None,
    }
    snapshot = engine_snapshot(engine_wheel())
    if snapshot is not None:
        context["assessment"]["snapshot"] = {
            "url": get_relative_url(f"{SITE_RUNTIME_DIR}/{SNAPSHOT_NAME}", page.url) + f"?v={snapshot.sha256[:16]}",
            "integrity": snapshot.integrity,
        }
    return context


def invite_from_article(context, page):
    """The article the bank cites ends with an editorial invitation to the self-assessment."""
    if page.url == load_fresh_bank().article_path:
        context["assessment_invitation_url"] = get_relative_url("assessment/", page.url)
    return context


def on_post_build(config):
    runtime_dir = Path(config["site_dir"]) / SITE_RUNTIME_DIR
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(PYODIDE_DIR / name, runtime_dir / name)
    wheel = engine_wheel()
    shutil.copyfile(wheel.path, runtime_dir / wheel.path.name)
    lock = site_lock(json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text("utf-8")), wheel)
    (runtime_dir / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True), "utf-8")
    snapshot = engine_snapshot(wheel)
    if snapshot is not None:
        shutil.copyfile(snapshot.path, runtime_dir / SNAPSHOT_NAME)


def load_fresh_bank():
    """Import the engine anew, so `mkdocs serve` renders the questions of the bank on disk now."""
    for name in [name for name in sys.modules if name == ENGINE_PACKAGE or name.startswith(ENGINE_PACKAGE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module(ENGINE_PACKAGE).load_bank()


def article_url_from(page) -> str:
    """The article is found by its front matter (`issue: 4`), not by a path that could move."""
    for file in _documentation_files:
        article = file.page
        if article is not None and article.meta.get("issue") == ARTICLE_ISSUE:
            return get_relative_url(article.url, page.url)
    return get_relative_url(ARTICLE_FALLBACK_URL, page.url)


# --- the wheel -----------------------------------------------------------------------------------

_wheel_cache: dict[str, EngineWheel] = {}
_scratch: list[tempfile.TemporaryDirectory] = []


def engine_wheel() -> EngineWheel:
    """Build once per distinct source tree (a serve rebuild after a docs edit reuses it)."""
    sources = engine_sources()
    fingerprint = hashlib.sha256()
    for relative, data in sources:
        fingerprint.update(relative.encode() + b"\0" + data + b"\0")
    source_hash = fingerprint.hexdigest()
    if source_hash not in _wheel_cache or not _wheel_cache[source_hash].path.exists():
        _wheel_cache[source_hash] = build_wheel(sources, source_hash, _wheel_dir())
    return _wheel_cache[source_hash]


def _wheel_dir() -> Path:
    """One scratch folder per MkDocs process, removed when it exits."""
    if not _scratch:
        _scratch.append(tempfile.TemporaryDirectory(prefix="assessment-wheel-"))
    return Path(_scratch[0].name)


def engine_sources() -> list[tuple[str, bytes]]:
    """The files setuptools would package: the modules and the TOML data (see pyproject.toml)."""
    files = sorted(
        path
        for path in ENGINE_DIR.rglob("*")
        if path.is_file() and path.suffix in {".py", ".toml"} and "__pycache__" not in path.parts
    )
    return [(path.relative_to(ROOT).as_posix(), path.read_bytes()) for path in files]


def build_wheel(sources: list[tuple[str, bytes]], source_hash: str, out_dir: Path) -> EngineWheel:
    """A pure-Python wheel written directly: reproducible, no network, no build tree in the repo.

    The local version label carries the source hash, so a changed engine gets a new file name and
    no browser cache can hand back an old wheel that would fail the lock's sha256 check.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    distribution = project["name"].replace("-", "_")
    version = f"{project['version']}+src{source_hash[:12]}"
    dist_info = f"{distribution}-{version}.dist-info"
    metadata = (
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {version}\n"
        f"Summary: {project.get('description', '')}\nRequires-Python: {project.get('requires-python', '')}\n"
    )
    wheel_info = "Wheel-Version: 1.0\nGenerator: overrides/hooks/assessment_page.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries = [*sources, (f"{dist_info}/METADATA", metadata.encode()), (f"{dist_info}/WHEEL", wheel_info.encode()),
               (f"{dist_info}/top_level.txt", f"{ENGINE_PACKAGE}\n".encode())]
    record = "".join(f"{name},sha256={_record_digest(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{distribution}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=WHEEL_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return EngineWheel(path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest(), version=version)


def engine_snapshot(wheel: EngineWheel) -> EngineSnapshot | None:
    """Made with Node and the pinned runtime, cached by everything it depends on.

    Optional by design: without Node, or if the runtime refuses, the site ships without it and
    the page boots Python the normal way.
    """
    key = hashlib.sha256(f"{wheel.sha256}|{_runtime_version()}|{SNAPSHOT_SCRIPT}".encode()).hexdigest()[:24]
    path = SNAPSHOT_CACHE / f"{key}.snapshot"
    if not path.exists():
        node = shutil.which("node")
        if node is None:
            log.info("No Node.js: the assessment page will boot Python without a memory snapshot.")
            return None
        SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
        # Several builds may run at once (tests, serve): each writes its own file, then renames.
        partial = path.with_suffix(f".{os.getpid()}.partial")
        try:
            subprocess.run(
                [node, "--input-type=module", "-e", SNAPSHOT_SCRIPT, "--",
                 (PYODIDE_DIR / "pyodide.mjs").as_uri(), str(wheel.path), str(partial)],
                cwd=SNAPSHOT_CACHE, check=True, capture_output=True, timeout=300,
            )
        except (OSError, subprocess.SubprocessError) as error:
            log.info("No memory snapshot for the assessment page (normal boot instead): %s", error)
            return None
        partial.replace(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data)
    return EngineSnapshot(
        path=path,
        sha256=digest.hexdigest(),
        integrity="sha256-" + base64.b64encode(digest.digest()).decode(),
    )


def _record_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def site_lock(upstream_lock: dict, wheel: EngineWheel) -> dict:
    """The runtime's lock file reduced to the one package the site serves: ours, pinned by sha256."""
    from pyodide_lock.spec import PackageSpec
    from pyodide_lock.utils import update_package_sha256

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    spec = PackageSpec(
        name=project["name"],
        version=wheel.version,
        file_name=wheel.path.name,
        install_dir="site",
        imports=[ENGINE_PACKAGE],
        depends=[],
    )
    spec = update_package_sha256(spec, wheel.path)
    # Keep the runtime's own `info` verbatim: the loader checks its ABI version against itself.
    return {"info": upstream_lock["info"], "packages": {spec.name: spec.model_dump()}}
