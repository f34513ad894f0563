"""Small corrections to the markup Material writes outside any template block we can override.

Material marks its hidden checkbox toggles (drawer, search) `autocomplete="off"` so that Firefox
does not restore them on back navigation; HTML allows `autocomplete` only on text-like inputs, and
the site is meant to validate cleanly. Dropping the attribute at worst leaves a drawer open after
"Back" in Firefox.

Front matter is the author's text, and Material prints some of it unescaped (the title in the
header and in <title>, the description in its <meta>): every string in it is escaped once, here.
"""

import re

from markupsafe import escape

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def escaped_front_matter(value):
    """Strings become escaped Markup (Jinja's `| e` leaves them as they are); lists and tables are walked."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped_front_matter(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped_front_matter(item) for key, item in value.items()}
    return value
