"""The site's settings under `extra` in mkdocs.yml, checked when the configuration is read: each
mistake in one line naming the file and the key."""

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from support.site import ROOT

from site_build.site.settings import checked_settings


@pytest.mark.parametrize(("key", "value", "message"), [
    ("contact_email", "not an address", "expected an e-mail address like name@example.org, got 'not an address'"),
    ("contact_email", "a@b", "expected an e-mail address like name@example.org, got 'a@b'"),
    ("contact_email", "<x>@example.org", "expected an e-mail address like name@example.org, got '<x>@example.org'"),
    ("contact_email", 42, "expected text, got int 42"),
    ("contact_phone", "call us", "expected a telephone number like +1-914-793-3936, got 'call us'"),
    ("csp", "", "missing; expected the Content-Security-Policy every page carries"),
    ("csp", "script-src 'self' 'wasm-unsafe-eval'", "no default-src; without it, whatever the policy does not name may come from any host"),
    ("csp", "default-src 'self'; scirpt-src 'self'", "unknown directive 'scirpt-src'; expected one of: base-uri, "),
    ("csp", "default-src 'self' 'wasm-unsafe-eval'; img-src 'self'; img-src data:", "'img-src' is given twice; a browser reads only the first"),
    ("csp", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://cdn.example.org",
     "script-src allows https://cdn.example.org; the site asks no other host for anything"),
    ("csp", "default-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'", "style-src allows 'unsafe-inline'; "),
    ("csp", "default-src 'self'; script-src 'self'", "script-src lacks 'wasm-unsafe-eval'; without it, no browser can start"),
    ("csp", "default-src 'self'", "script-src lacks 'wasm-unsafe-eval'"),
])
def test_a_mistaken_setting_fails_the_build_in_one_line_naming_the_file_and_key(key, value, message):
    settings = {"csp": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", key: value}
    with pytest.raises(PluginError) as failure:
        checked_settings(settings, "/project/mkdocs.yml")
    assert str(failure.value).startswith(f"mkdocs.yml: extra.{key}: {message}")
    assert "\n" not in str(failure.value)


def test_the_sites_own_policy_passes_tidied_to_one_line():
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        policy = checked_settings(yaml_load(file)["extra"], "mkdocs.yml")["csp"]
    assert policy.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';") and "  " not in policy
