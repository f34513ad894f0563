"""The site's build, as MkDocs plugins named in mkdocs.yml (entry points in pyproject.toml):

- `coaching/site` (site/): the site's settings and the markup of every page;
- `coaching/series` (series/): the newsletter's issues, their index and feeds;
- `coaching/assessment` (assessment/): what the self-assessment's pages serve and run;
- `coaching/preview` (preview/): what `mkdocs serve` adds for authors.

`paths.py` owns the project's paths and the names the site serves; `cache.py` keeps what the build
makes between builds; `node.py` runs the build's Node scripts.
"""
