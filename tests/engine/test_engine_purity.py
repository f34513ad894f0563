"""The engine stays runnable in Pyodide: standard library only, no threads, processes or file writes."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assessment"
# The terminal version reads answer files; the browser never imports it.
TERMINAL_ONLY = {"cli.py", "compare_cli.py", "__main__.py"}
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
    assert not {"cli", "compare_cli"} & relative_imports


# One-way layers: a module imports only from layers listed before its own.
LAYERS = (
    {"errors"}, {"model", "answers_json"}, {"bank", "links"}, {"result", "what_if"}, {"scoring"}, {"loading"},
    {"team"}, {"respondents", "report"}, {"team_report"},
    {"browser", "cli"}, {"compare_cli"}, {"__init__", "__main__"},
)


def layer_of(module: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if module in layer)


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_modules_import_only_from_earlier_layers(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module for alias in node.names}
    assert {module for module in imported if layer_of(module) >= layer_of(path.stem)} == set()
