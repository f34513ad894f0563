"""Fixtures for the engine tests: the packaged bank, and small banks written to a temporary folder."""

import tomllib
from importlib import resources

import pytest

from assessment import load_bank


@pytest.fixture(scope="session")
def bank():
    return load_bank()


@pytest.fixture(scope="session")
def bank_data() -> dict:
    """The packaged bank's parsed TOML, for tests that build a variant of it."""
    text = resources.files("assessment").joinpath("bank.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
