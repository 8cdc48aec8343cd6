"""The models are rebuilt from the corpus reproducibly."""

from __future__ import annotations

from analysis.corpus_io import read_corpus
from analysis.training import model_version, train_classifier


def test_training_twice_gives_the_same_classifier() -> None:
    answers = [a for a in read_corpus("gu") if a.split == "train"][:40]
    probe = "ભંડોળ બંધ થઈ ગયું અને યુવા કાર્યકર જતા રહ્યા"
    first = train_classifier("gu", answers)(probe).cats
    second = train_classifier("gu", answers)(probe).cats
    assert first == second


def test_the_model_version_names_its_inputs() -> None:
    assert model_version() == model_version()
    assert len(model_version()) == 12
