"""The site's settings and markup, for every page, as a MkDocs plugin.

- `settings.py`: the site's own settings under `extra` in mkdocs.yml, checked when the
  configuration is read;
- `contact.py`: the newsletter's contact details where a page asks for them;
- `markup.py`: the author's front matter escaped, and corrections to Material's markup;
- `table_labels.py`: each table cell labelled with its column heading, for the phone layout;
- `templates.py`: the theme's compiled templates kept between builds;
- `headers.py`: a `_headers` file for static hosts that read one.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin

from site_build.assessment.runtime import pyodide_runtime
from site_build.paths import base_path, project_root
from site_build.site.contact import with_contact_details
from site_build.site.headers import HEADERS_FILE, headers_file
from site_build.site.markup import escaped_front_matter, without_checkbox_autocomplete
from site_build.site.settings import checked_settings
from site_build.site.table_labels import with_column_labels
from site_build.site.templates import compiled_templates_cache


class SiteConfig(base.Config):
    # The `_headers` file is read by Netlify and Cloudflare Pages; other hosts need their own setup.
    headers_file = c.Type(bool, default=True)


class SitePlugin(BasePlugin[SiteConfig]):
    def on_config(self, config):
        config.extra.update(checked_settings(config.extra, config.config_file_path))
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = compiled_templates_cache(project_root(config))
        return env

    def on_page_markdown(self, markdown, page, config, files):
        page.meta = escaped_front_matter(page.meta)
        return with_contact_details(markdown, config.extra["contact_email"], config.extra["contact_phone"])

    def on_page_content(self, html, page, config, files):
        return with_column_labels(html)

    def on_post_page(self, output, page, config):
        return without_checkbox_autocomplete(output)

    def on_post_template(self, output_content, template_name, config):
        # 404.html is a static template, not a page.
        return without_checkbox_autocomplete(output_content)

    def on_post_build(self, config):
        if self.config.headers_file:
            runtime_dir = pyodide_runtime(project_root(config)).site_dir
            text = headers_file(config.extra["csp"], base_path(config), runtime_dir)
            (Path(config.site_dir) / HEADERS_FILE).write_text(text, encoding="utf-8")
