"""What `mkdocs serve` adds for authors, as a MkDocs plugin: live reload under the CSP, and failed
builds shown in the browser.

The work is in `server.py`. It goes around the server through what the server offers: its WSGI
app (`get_app`/`set_app`, standard wsgiref) and the builder it was given. `make build` never calls
`on_serve`, so built pages keep the strict policy byte for byte.
"""

from __future__ import annotations

import logging

from mkdocs.config import base
from mkdocs.plugins import BasePlugin

from site_build.assessment.runtime import pyodide_runtime
from site_build.paths import base_path, project_root
from site_build.preview.server import PreviewApp


class PreviewConfig(base.Config):
    """No settings: the plugin only acts under `mkdocs serve`."""


class PreviewPlugin(BasePlugin[PreviewConfig]):
    def on_serve(self, server, config, builder):
        runtime = pyodide_runtime(project_root(config))
        preview = PreviewApp(server.get_app(), immutable_prefixes=(f"{base_path(config)}{runtime.site_dir}/",))
        server.set_app(preview)
        server.builder = preview.watch(server.builder, logging.getLogger("mkdocs"))
        return server
