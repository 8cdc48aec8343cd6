"""Precision, recall and F1 per theme and language on the corpus's held-out split."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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
        predicted = [{t.theme for t in r.themes} for r in results]
        scores += score_labels(language, predicted, [a.themes for a in test])
    return scores


def macro_f1(scores: Sequence[ThemeScore], language: str) -> float:
    values = [score.f1 for score in scores if score.language == language]
    return sum(values) / len(values) if values else 0.0


INDEPENDENT_DIR = Path(__file__).resolve().parent / "evaluation"


@dataclass(frozen=True)
class IndependentAnswer:
    language: str
    text: str
    english: str
    themes: frozenset[str]


def read_independent(language: str) -> list[IndependentAnswer]:
    path = INDEPENDENT_DIR / f"{language}.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        IndependentAnswer(language, row["text"], row["english"], frozenset(row["themes"]))
        for row in rows
    ]


def score_labels(
    language: str, predicted: list[set[str]], actual: list[frozenset[str]]
) -> list[ThemeScore]:
    scores = []
    for theme in THEMES:
        tp = sum(theme in p and theme in a for p, a in zip(predicted, actual, strict=True))
        fp = sum(theme in p and theme not in a for p, a in zip(predicted, actual, strict=True))
        fn = sum(theme in a and theme not in p for p, a in zip(predicted, actual, strict=True))
        scores.append(
            ThemeScore(
                language,
                theme,
                _ratio(tp, tp + fp),
                _ratio(tp, tp + fn),
                _ratio(2 * tp, 2 * tp + fp + fn),
                sum(theme in a for a in actual),
            )
        )
    return scores


@dataclass(frozen=True)
class IndependentResult:
    scores: list[ThemeScore]
    # Share of answers whose tags equal the tags of their English translation.
    agreement_with_english: dict[str, float]
    counts: dict[str, int]


def evaluate_independent(tagger: ThemeTagger, languages: Sequence[str]) -> IndependentResult:
    """Scores on the set written by other people, and agreement with English translations."""
    scores: list[ThemeScore] = []
    agreement: dict[str, float] = {}
    counts: dict[str, int] = {}
    for language in languages:
        answers = read_independent(language)
        if not answers:
            continue
        original = tagger.tag([TagRequest(a.text, language=language) for a in answers])
        english = tagger.tag([TagRequest(a.english, language="en") for a in answers])
        predicted = [{t.theme for t in r.themes} for r in original]
        scores += score_labels(language, predicted, [a.themes for a in answers])
        same = sum(
            {t.theme for t in o.themes} == {t.theme for t in e.themes}
            for o, e in zip(original, english, strict=True)
        )
        agreement[language] = same / len(answers)
        counts[language] = len(answers)
    return IndependentResult(scores, agreement, counts)
