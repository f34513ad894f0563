"""Tests of the pure-Python assessment engine."""
