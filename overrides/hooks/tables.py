"""MkDocs glue: table cells carry their column heading, for the phone layout (see table_labels.py)."""

from table_labels import with_column_labels


def on_page_content(html, page, config, files):
    return with_column_labels(html)
