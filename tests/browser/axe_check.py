"""axe-core on a page as it is now, its violations one line each (empty when the page passes)."""

from axe_playwright_python.sync_playwright import Axe

# axe-core leaves WCAG 2.2's target-size check off by default; the phone tests turn it on.
TARGET_SIZE = {"target-size": {"enabled": True}}


def axe_violations(page, rules: dict | None = None) -> list[str]:
    options = {"resultTypes": ["violations"], **({"rules": rules} if rules else {})}
    violations = Axe().run(page, options=options).response["violations"]
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in violations
    ]
