"""A `_headers` file for static hosts that read one (Netlify, Cloudflare Pages).

It sends as real headers what pages can only approximate with <meta>: the same Content-Security-Policy
(from `extra.csp`, the one source, plus frame-ancestors, which <meta> cannot carry), nosniff and a referrer policy; `application/wasm` for the runtime;
long, immutable caching for the Pyodide runtime, whose folder is named after its version and whose
engine files carry a hash in their name or query; and short caching for the pages, which are what
changes when an issue is published (and which pin, by hash, the engine files they load).
"""

from __future__ import annotations

from site_build.assessment.runtime import RUNTIME_CACHING

HEADERS_FILE = "_headers"
# Kept, but checked again on every visit (a 304 when unchanged): a page never outlives a publish.
SHORT_CACHING = "Cache-Control: public, max-age=0, must-revalidate"


def headers_file(csp: str, base_path: str, runtime_dir: str) -> str:
    """The file's text; `base_path` is the site's path on its host ("/" or a sub-path like "/coaching/")."""
    # frame-ancestors only works as a header, so it is added here and not in the page's <meta>.
    policy = " ".join(csp.split()).rstrip(";") + "; frame-ancestors 'none'"
    rules = [
        (f"{base_path}*", [
            f"Content-Security-Policy: {policy}",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
        ]),
        (f"{base_path}{runtime_dir}/*", [f"Cache-Control: {RUNTIME_CACHING}"]),
        # The pages: the home page, every other page (directory URLs) and the few .html files (404).
        # Patterns, not one rule per page: hosts cap the number of rules, archives grow.
        (base_path, [SHORT_CACHING]),
        (f"{base_path}*/", [SHORT_CACHING]),
        (f"{base_path}*.html", [SHORT_CACHING]),
        (f"{base_path}*.wasm", ["Content-Type: application/wasm"]),
    ]
    return "".join(f"{path}\n" + "".join(f"  {header}\n" for header in headers) for path, headers in rules)
