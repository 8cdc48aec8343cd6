"""The trained theme models, built by `make test` (`consult train-tagger`) when missing."""

from __future__ import annotations

import pytest

from analysis.tagger import ModelsMissing, ThemeTagger


@pytest.fixture(scope="session")
def tagger() -> ThemeTagger:
    try:
        return ThemeTagger()
    except ModelsMissing:
        pytest.fail("No trained theme models: run `make test` or `consult train-tagger`.")
