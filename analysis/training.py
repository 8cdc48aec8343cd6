"""Train each language's classifier and tune its thresholds, reproducibly, from the corpus.

`consult train-tagger` runs this. The same corpus, lexicons and code give the same models:
seeds are fixed and the model version is a hash of all three.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import fix_random_seed

from analysis.corpus_io import LabelledAnswer, read_corpus
from analysis.pipeline import ANALYSIS_DIR, CORPUS_DIR, LEXICON_DIR, TEXTCAT, build_pipeline
from analysis.scoring import combined_scores
from analysis.themes import THEMES

SEED = 20051
EPOCHS = 30
FOLDS = 4
DROPOUT = 0.2
THRESHOLD_GRID = tuple(round(0.2 + 0.05 * step, 2) for step in range(13))  # 0.2 .. 0.8
THRESHOLDS_FILE = "thresholds.json"
VERSION_FILE = "VERSION"
# The code that decides what a model is; changing anything else needs no retraining.
MODEL_SOURCES = ("languages.py", "pipeline.py", "scoring.py", "themes.py", "training.py")


def model_version() -> str:
    """A hash of the corpus, the lexicons and the analysis code: what the models come from."""
    digest = hashlib.sha256()
    for folder, pattern in ((CORPUS_DIR, "*.jsonl"), (LEXICON_DIR, "*.json")):
        for path in sorted(folder.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for name in MODEL_SOURCES:
        path = ANALYSIS_DIR / name
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def train_classifier(language: str, answers: Sequence[LabelledAnswer]) -> Language:
    fix_random_seed(SEED)
    shuffler = random.Random(SEED)  # noqa: S311 - reproducible shuffling, not security
    nlp = build_pipeline(language)
    examples = [
        Example.from_dict(
            nlp.make_doc(answer.text),
            {"cats": {theme: float(theme in answer.themes) for theme in THEMES}},
        )
        for answer in answers
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _epoch in range(EPOCHS):
        shuffler.shuffle(examples)
        for batch in minibatch(examples, size=16):  # type: ignore[no-untyped-call]
            nlp.update(list(batch), sgd=optimizer, drop=DROPOUT, exclude=["theme_lexicon"])
    return nlp


def f1(pairs: Iterable[tuple[bool, bool]]) -> float:
    true_positive = false_positive = false_negative = 0
    for predicted, actual in pairs:
        true_positive += predicted and actual
        false_positive += predicted and not actual
        false_negative += actual and not predicted
    if true_positive == 0:
        return 0.0
    return 2 * true_positive / (2 * true_positive + false_positive + false_negative)


def tune_thresholds(language: str, train: Sequence[LabelledAnswer]) -> dict[str, float]:
    """Per theme, the threshold with the best F1 on out-of-fold predictions over `train`."""
    folds = [train[index::FOLDS] for index in range(FOLDS)]
    scored: list[tuple[dict[str, float], frozenset[str]]] = []
    for index, held_out in enumerate(folds):
        rest = [answer for other, fold in enumerate(folds) if other != index for answer in fold]
        nlp = train_classifier(language, rest)
        for answer, doc in zip(held_out, nlp.pipe(a.text for a in held_out), strict=True):
            scored.append((combined_scores(doc), answer.themes))
    thresholds = {}
    for theme in THEMES:
        best = max(
            THRESHOLD_GRID,
            key=lambda t: (
                f1((scores[theme] >= t, theme in themes) for scores, themes in scored),
                -abs(t - 0.5),
            ),
        )
        thresholds[theme] = best
    return thresholds


def train_all(model_dir: Path, languages: Sequence[str]) -> str:
    """Train and save every language's classifier and thresholds; return the model version."""
    model_dir.mkdir(parents=True, exist_ok=True)
    thresholds: dict[str, dict[str, float]] = {}
    for language in languages:
        train = [a for a in read_corpus(language) if a.split == "train"]
        thresholds[language] = tune_thresholds(language, train)
        nlp = train_classifier(language, train)
        (model_dir / language).mkdir(exist_ok=True)
        nlp.get_pipe(TEXTCAT).to_disk(model_dir / language / TEXTCAT)  # type: ignore[attr-defined]
    (model_dir / THRESHOLDS_FILE).write_text(json.dumps(thresholds, indent=2, sort_keys=True))
    version = model_version()
    (model_dir / VERSION_FILE).write_text(version + "\n")
    return version
