"""The newsletter's contact details, from `extra.contact_email` and `extra.contact_phone` in mkdocs.yml.

The original e-mail address did not survive (it was obfuscated away), so it is a setting: empty by
default, and a `mailto:` link appears only once someone who knows the address sets it. Both are
checked when the configuration is read (settings.py). Pages write `{{ contact_email }}` or
`{{ contact_block }}` where the details belong.
"""

from __future__ import annotations

import html
import re

EMAIL_MARKER = "{{ contact_email }}"
BLOCK_MARKER = "{{ contact_block }}"
ADDRESS_NOT_PRESERVED = "(e-mail address not preserved in this archive)"


def email_html(email: str) -> str:
    if not email:
        return ADDRESS_NOT_PRESERVED
    safe = html.escape(email)
    return f'<a href="mailto:{safe}">{safe}</a>'


def phone_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def block_html(email: str, phone: str) -> str:
    lines = []
    if email:
        lines.append(f"email: {email_html(email)}")
    if phone:
        lines.append(f'voice: <a href="{html.escape(phone_href(phone))}">{html.escape(phone)}</a>')
    if not lines:
        return ""
    return '<p class="issue-contact">' + "<br>\n".join(lines) + "</p>"


def with_contact_details(markdown: str, email: str, phone: str) -> str:
    """The page with its markers replaced by the details."""
    if EMAIL_MARKER not in markdown and BLOCK_MARKER not in markdown:
        return markdown
    return markdown.replace(EMAIL_MARKER, email_html(email)).replace(BLOCK_MARKER, block_html(email, phone))
