"""Fixtures every test module may use."""

from __future__ import annotations

import pytest

from parley.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor for the run: the language models load once, not once per module."""
    return Extractor()
