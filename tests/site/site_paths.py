"""Where things are, for the site tests (a plain module: `conftest` names clash across test folders)."""

from pathlib import Path

from assessment import load_bank
from support.site import ROOT

__all__ = ["ARTICLE_URL", "ROOT", "SCRAPED_ISSUE_4"]

ARTICLE_URL = load_bank().article_path  # the article the assessment cites, named once: in the bank
# The newsletter exactly as it was scraped (a verbatim copy of the source text), damage included.
SCRAPED_ISSUE_4 = Path(__file__).parent / "fixtures" / "issue-4-as-scraped.txt"
