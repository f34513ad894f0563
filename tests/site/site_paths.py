"""Where things are, for the site tests (a plain module: `conftest` names clash across test folders)."""

import sys
from pathlib import Path

from assessment import load_bank

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_URL = load_bank().article_path  # the article the assessment cites, named once: in the bank
# The newsletter exactly as it was scraped (a verbatim copy of the source text), damage included.
SCRAPED_ISSUE_4 = Path(__file__).parent / "fixtures" / "issue-4-as-scraped.txt"

# The series model and contact helpers are plain Python next to the hooks that use them; tests call them directly.
HOOKS = ROOT / "overrides" / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
