"""Small corrections to the markup Material writes outside any template block we can override.

Material marks its hidden checkbox toggles (drawer, search) `autocomplete="off"` so that Firefox
does not restore them on back navigation; HTML allows `autocomplete` only on text-like inputs, and
the site is meant to validate cleanly. Dropping the attribute at worst leaves a drawer open after
"Back" in Firefox.
"""

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def on_post_page(output, page, config):
    return without_checkbox_autocomplete(output)


def on_post_template(output_content, template_name, config):
    # 404.html is a static template, not a page.
    return without_checkbox_autocomplete(output_content)
