"""Precision, recall and F1 per theme and language on the corpus's held-out split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.corpus_io import read_corpus
from analysis.tagger import TagRequest, ThemeTagger
from analysis.themes import THEMES


@dataclass(frozen=True)
class ThemeScore:
    language: str
    theme: str
    precision: float
    recall: float
    f1: float
    support: int


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def evaluate(tagger: ThemeTagger, languages: Sequence[str]) -> list[ThemeScore]:
    scores = []
    for language in languages:
        test = [a for a in read_corpus(language) if a.split == "test"]
        results = tagger.tag([TagRequest(a.text, language=language) for a in test])
        for theme in THEMES:
            predicted = [theme in {t.theme for t in r.themes} for r in results]
            actual = [theme in a.themes for a in test]
            tp = sum(p and a for p, a in zip(predicted, actual, strict=True))
            fp = sum(p and not a for p, a in zip(predicted, actual, strict=True))
            fn = sum(a and not p for p, a in zip(predicted, actual, strict=True))
            precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
            f1 = _ratio(2 * tp, 2 * tp + fp + fn)
            scores.append(ThemeScore(language, theme, precision, recall, f1, sum(actual)))
    return scores


def macro_f1(scores: Sequence[ThemeScore], language: str) -> float:
    values = [score.f1 for score in scores if score.language == language]
    return sum(values) / len(values) if values else 0.0
