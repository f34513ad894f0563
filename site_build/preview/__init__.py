"""What `mkdocs serve` adds for authors (plugin.py)."""
