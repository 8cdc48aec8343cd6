"""Tag answers with themes: score, decision against a per-language threshold, evidence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from analysis.detection import detect_language
from analysis.languages import SPACY_CODES
from analysis.pipeline import ANALYSIS_DIR, load_pipeline
from analysis.scoring import combined_scores, evidence_by_theme
from analysis.themes import THEMES
from analysis.training import THRESHOLDS_FILE, VERSION_FILE

DEFAULT_MODEL_DIR = ANALYSIS_DIR / "trained"
BATCH_SIZE = 512


class ModelsMissing(RuntimeError):
    """The trained models are not on disk: run `consult train-tagger`."""


@dataclass(frozen=True)
class ThemeTag:
    theme: str
    score: float
    evidence: list[tuple[int, int]]


@dataclass(frozen=True)
class TagResult:
    language: str
    themes: list[ThemeTag] = field(default_factory=list)


@dataclass(frozen=True)
class TagRequest:
    text: str
    language: str | None = None
    form_language: str | None = None


class ThemeTagger:
    """All eleven pipelines, their thresholds and the model version, loaded once."""

    def __init__(self, model_dir: Path = DEFAULT_MODEL_DIR) -> None:
        if not (model_dir / VERSION_FILE).exists():
            raise ModelsMissing(str(model_dir))
        self.model_dir = model_dir
        self.version = (model_dir / VERSION_FILE).read_text().strip()
        self.thresholds: dict[str, dict[str, float]] = json.loads(
            (model_dir / THRESHOLDS_FILE).read_text()
        )
        self.pipelines: dict[str, Language] = {}

    def load_all(self) -> ThemeTagger:
        for language in SPACY_CODES:
            self.pipeline(language)
        return self

    def pipeline(self, language: str) -> Language:
        if language not in self.pipelines:
            self.pipelines[language] = load_pipeline(language, self.model_dir)
        return self.pipelines[language]

    def tag(self, requests: Sequence[TagRequest]) -> list[TagResult]:
        """Tag in the language each answer is written in, batching by language."""
        languages = [
            request.language
            if request.language in SPACY_CODES
            else detect_language(request.text, request.form_language)
            for request in requests
        ]
        results: list[TagResult | None] = [None] * len(requests)
        for language in dict.fromkeys(languages):
            indexes = [i for i, code in enumerate(languages) if code == language]
            docs = self.pipeline(language).pipe(
                (requests[i].text for i in indexes), batch_size=BATCH_SIZE
            )
            thresholds = self.thresholds[language]
            for index, doc in zip(indexes, docs, strict=True):
                evidence = evidence_by_theme(doc)
                scores = combined_scores(doc, evidence)
                tags = [
                    # A decision with no matched phrase rests on the whole answer.
                    ThemeTag(theme, scores[theme], evidence.get(theme) or [(0, len(doc.text))])
                    for theme in THEMES
                    if scores[theme] >= thresholds[theme]
                ]
                results[index] = TagResult(language, tags)
        return [result for result in results if result is not None]
