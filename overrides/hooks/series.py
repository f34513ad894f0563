"""MkDocs glue for the newsletter series (index page, previous/next links)."""
