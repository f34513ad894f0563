"""The W3C Nu HTML Checker, a judge nobody here wrote, finds no error on any page of the built site."""

import shutil
import subprocess

import pytest

from support.site import ROOT, page_files

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed to run the Nu HTML Checker (vnu.jar); install a JRE.")
    return java


def test_every_page_is_valid_html(built_site, java):
    pages = list(page_files(built_site).values())
    assert len(pages) >= 5, "the site should have its pages built"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"vnu found errors:\n{result.stderr}{result.stdout}"
