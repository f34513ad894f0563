"""The site's settings and the markup of every page (plugin.py)."""
