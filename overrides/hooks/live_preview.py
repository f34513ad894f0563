"""MkDocs glue for `mkdocs serve` only: live reload under the CSP, and failed builds shown in the browser.

The work is in `preview_server.py`. It goes around the server through what the server offers:
its WSGI app (`get_app`/`set_app`, standard wsgiref) and the builder it was given. `make build`
never calls `on_serve`, so built pages keep the strict policy byte for byte.
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit

from assessment_runtime import pyodide_runtime
from preview_server import PreviewApp


def on_serve(server, config, builder):
    runtime = pyodide_runtime(Path(config.config_file_path).resolve().parent)
    mount_path = urlsplit(config.site_url or "/").path or "/"
    preview = PreviewApp(server.get_app(), immutable_prefixes=(f"{mount_path}{runtime.site_dir}/",))
    server.set_app(preview)
    server.builder = preview.watch(server.builder, logging.getLogger("mkdocs"))
    return server
