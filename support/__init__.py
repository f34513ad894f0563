"""What the tests and the benches both need: build the site, serve it, drive Chromium, list its pages.

A plain top-level package, imported the same way everywhere (`from support.site import build_site`):
`python -m bench`, run from the project root as `make bench` does, finds it beside `bench/`; pytest
finds it through `pythonpath` in pyproject.toml. It is never part of the site or the engine's wheel.

- `support.site`: the project root, the strict `mkdocs build` in a fresh process, the pages of a built site;
- `support.server`: a built site served on loopback with a real host's content types (gzip optional);
- `support.chromium`: Debian's Chromium and the flags it is launched with;
- `support.snapshot_cache`: the engine snapshot in a page's Cache API (kept yet?).
"""
