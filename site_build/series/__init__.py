"""The newsletter series: its model, front matter, index pages and feeds (plugin.py)."""
