"""What the self-assessment serves and runs: runtime, wheel, library, snapshot, scripts (plugin.py)."""
