"""The contact setting: a mailto link only for a configured address, never a guessed one."""

from site_build.site.contact import ADDRESS_NOT_PRESERVED, block_html, email_html
from site_build.site.settings import checked_settings

SETTINGS = checked_settings(
    {"csp": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", "contact_phone": "+1-914-793-3936"}, "mkdocs.yml")


def test_an_unset_address_renders_a_plain_notice_and_no_link():
    assert SETTINGS["contact_email"] == ""
    assert email_html("") == ADDRESS_NOT_PRESERVED
    assert "mailto:" not in block_html("", "+1-914-793-3936")


def test_a_configured_address_renders_a_mailto_link():
    assert email_html("editor@example.org") == '<a href="mailto:editor@example.org">editor@example.org</a>'
    block = block_html("editor@example.org", "+1-914-793-3936")
    assert block.index("email: <a href=\"mailto:editor@example.org\">") < block.index('voice: <a href="tel:+19147933936">')
