"""An offline link checker (linkinator) finds no broken link, anchor or asset in the built site."""

import json
import subprocess
from pathlib import Path

from support.site import ROOT

LINKINATOR = ROOT / "node_modules" / ".bin" / "linkinator"
# linkinator serves the folder on localhost itself; every other host is out of reach offline.
ONLY_THE_SITE = r"^(?!http://localhost)"


def check_links(site_dir: Path) -> list[dict]:
    result = subprocess.run(
        [str(LINKINATOR), str(site_dir), "--recurse", "--check-fragments", "--check-css",
         "--skip", ONLY_THE_SITE, "--format", "json"],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    return report["links"]


def broken(links: list[dict]) -> list[str]:
    return [f"{link['status']} {link['url']} (linked from {link.get('parent')})"
            for link in links if link["state"] == "BROKEN"]


def test_no_broken_links_anchors_or_assets(built_site):
    links = check_links(built_site)
    assert len(links) > 10, "the checker should have crawled the site"
    assert broken(links) == []


def test_the_checker_catches_a_broken_anchor_and_asset(built_site, tmp_path):
    """Guard the judge itself: a deliberately damaged copy of the site must fail."""
    damaged = tmp_path / "site"
    subprocess.run(["cp", "-r", str(built_site), str(damaged)], check=True)
    home = damaged / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="assessment/#no-such-anchor">x</a>'
                                      '<img src="img/no-such-image.png" alt=""></article>', 1)
    home.write_text(html, encoding="utf-8")
    found = broken(check_links(damaged))
    assert any("no-such-anchor" in line for line in found)
    assert any("no-such-image.png" in line for line in found)
