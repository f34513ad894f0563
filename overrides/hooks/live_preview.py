"""MkDocs glue for `mkdocs serve` only: live reload under the CSP, and failed builds shown in the browser.

The work is in `preview_server.py`. It goes around the server through what the server offers:
its WSGI app (`get_app`/`set_app`, standard wsgiref) and the builder it was given. `make build`
never calls `on_serve`, so built pages keep the strict policy byte for byte.
"""

import logging

from preview_server import PreviewApp


def on_serve(server, config, builder):
    preview = PreviewApp(server.get_app())
    server.set_app(preview)
    server.builder = preview.watch(server.builder, logging.getLogger("mkdocs"))
    return server
