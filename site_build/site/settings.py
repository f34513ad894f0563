"""The site's own settings under `extra` in mkdocs.yml, declared once and checked when MkDocs reads
the configuration, before any page is built: a mistake stops the build with one line naming the
file and the key, like every other author mistake.

- `contact_email`: the newsletter's address, empty while unknown (pages then say it was not preserved);
- `contact_phone`: its telephone number;
- `csp`: the Content-Security-Policy every page carries (overrides/main.html). It must keep the
  site's promises: no script but the site's own files, nothing from another host, and Python's
  WebAssembly allowed to compile.
"""

from __future__ import annotations

import os
import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

# Deliberately loose: the goal is catching typos, not RFC 5322 or E.164.
PLAUSIBLE_EMAIL = re.compile(r"[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[^@\s<>\"'()]+")
PLAUSIBLE_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{5,}[0-9]")

# CSP Level 3 directives a <meta> policy may carry (frame-ancestors, report-uri and sandbox are
# ignored there, so stating them would only mislead).
DIRECTIVES = {
    "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
    "style-src-attr", "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src",
    "child-src", "worker-src", "manifest-src", "base-uri", "form-action", "upgrade-insecure-requests",
}
OWN_SOURCES = {"'self'", "'none'", "'wasm-unsafe-eval'", "data:", "blob:"}
HASH_SOURCE = re.compile(r"'sha(256|384|512)-[A-Za-z0-9+/]+=*'")
# Where a directive is missing, the browser falls back to these, then to default-src.
SCRIPT_DIRECTIVES = ("script-src", "default-src")
PYTHON_NEEDS = "'wasm-unsafe-eval'"


class Text(c.BaseConfigOption[str]):
    """Text, or "" when unset; when set, it must look like `expected`."""

    def __init__(self, pattern: re.Pattern, expected: str) -> None:
        super().__init__()
        self.pattern, self.expected = pattern, expected

    def run_validation(self, value: object) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise c.ValidationError(f"expected text, got {type(value).__name__} {value!r}")
        value = value.strip()
        if value and not self.pattern.fullmatch(value):
            raise c.ValidationError(f"expected {self.expected}, got {value!r}")
        return value


class ContentSecurityPolicy(c.BaseConfigOption[str]):
    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise c.ValidationError("missing; expected the Content-Security-Policy every page carries")
        directives = policy_directives(value)
        if "default-src" not in directives:
            raise c.ValidationError("no default-src; without it, whatever the policy does not name may come from any host")
        script = next(directives[name] for name in SCRIPT_DIRECTIVES if name in directives)
        if PYTHON_NEEDS not in script:
            raise c.ValidationError(f"script-src lacks {PYTHON_NEEDS}; without it, no browser can start the assessment's Python")
        return " ".join(value.split())


def policy_directives(policy: str) -> dict[str, list[str]]:
    """Each directive's sources, by name; a mistake raises ValidationError saying which."""
    directives: dict[str, list[str]] = {}
    for directive in filter(None, (part.split() for part in policy.split(";"))):
        name, sources = directive[0].lower(), directive[1:]
        if name not in DIRECTIVES:
            raise c.ValidationError(f"unknown directive '{name}'; expected one of: {', '.join(sorted(DIRECTIVES))}")
        if name in directives:
            raise c.ValidationError(f"'{name}' is given twice; a browser reads only the first")
        for source in sources:
            check_source(name, source)
        directives[name] = sources
    return directives


def check_source(directive: str, source: str) -> None:
    if source.lower() in ("'unsafe-inline'", "'unsafe-eval'"):
        raise c.ValidationError(f"{directive} allows {source}; the site has no inline script or style, and allowing it would let injected code run")
    if source.lower() not in OWN_SOURCES and not HASH_SOURCE.fullmatch(source):
        raise c.ValidationError(f"{directive} allows {source}; the site asks no other host for anything, so only 'self', "
                                "'none', data:, blob:, 'wasm-unsafe-eval' or a hash may be named")


class SiteSettings(base.Config):
    contact_email = Text(PLAUSIBLE_EMAIL, "an e-mail address like name@example.org")
    contact_phone = Text(PLAUSIBLE_PHONE, "a telephone number like +1-914-793-3936")
    csp = ContentSecurityPolicy()


def checked_settings(extra: dict, config_file: str) -> SiteSettings:
    """The settings, tidied (whitespace trimmed); the first mistake raises PluginError in one line."""
    settings = SiteSettings(config_file_path=config_file)
    settings.load_dict({name: extra.get(name) for name, _option in SiteSettings._schema})
    failed, _warnings = settings.validate()
    if failed:
        name, error = failed[0]
        raise PluginError(f"{os.path.basename(config_file)}: extra.{name}: {error}")
    return settings
