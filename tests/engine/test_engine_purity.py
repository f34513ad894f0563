"""The engine stays runnable in Pyodide: standard library only, no threads, processes or file writes."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assessment"
TERMINAL_ONLY = {"cli.py", "__main__.py"}  # the terminal version reads answer files; the browser never imports it
FORBIDDEN_MODULES = {"threading", "multiprocessing", "subprocess", "socket", "asyncio", "concurrent"}
ENGINE_FILES = sorted(path for path in PACKAGE.glob("*.py") if path.name not in TERMINAL_ONLY)


def imported_top_level_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.add(node.module.split(".")[0])
    return modules


def called_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: path.name)
def test_engine_modules_import_only_the_standard_library(path):
    outside = {module for module in imported_top_level_modules(path) if module not in sys.stdlib_module_names and module != "__future__"}
    assert outside == set()


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: path.name)
def test_engine_modules_use_no_threads_processes_or_sockets(path):
    assert imported_top_level_modules(path) & FORBIDDEN_MODULES == set()


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: path.name)
def test_engine_modules_never_open_files_themselves(path):
    assert "open" not in called_names(path)


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: path.name)
def test_engine_modules_do_not_pull_in_the_terminal_version(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative_imports = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
    relative_imports |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module is None for alias in node.names}
    assert "cli" not in relative_imports
