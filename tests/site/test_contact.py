"""The contact setting: a mailto link only for a configured address, never a guessed one."""

import pytest
import site_paths  # noqa: F401  (puts the hooks folder on sys.path)
from contact import ADDRESS_NOT_PRESERVED, block_html, check_email, email_html
from mkdocs.exceptions import PluginError


def test_an_unset_address_renders_a_plain_notice_and_no_link():
    assert check_email("") == "" and check_email(None) == ""
    assert email_html("") == ADDRESS_NOT_PRESERVED
    assert "mailto:" not in block_html("", "+1-914-793-3936")


def test_a_configured_address_renders_a_mailto_link():
    assert email_html("editor@example.org") == '<a href="mailto:editor@example.org">editor@example.org</a>'
    block = block_html("editor@example.org", "+1-914-793-3936")
    assert block.index("email: <a href=\"mailto:editor@example.org\">") < block.index('voice: <a href="tel:+19147933936">')


@pytest.mark.parametrize("bad", ["not an address", "a@b", "<x>@example.org", 42])
def test_a_malformed_address_fails_the_build_naming_the_setting(bad):
    with pytest.raises(PluginError, match=r"mkdocs.yml: extra.contact_email"):
        check_email(bad)
