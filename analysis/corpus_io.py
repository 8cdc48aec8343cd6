"""The project's labelled corpus: answers in each language with the themes they talk about."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from analysis.pipeline import CORPUS_DIR
from analysis.themes import THEMES


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    language: str
    text: str
    themes: frozenset[str]
    split: str
    kind: str


def read_corpus(language: str, corpus_dir: Path = CORPUS_DIR) -> list[LabelledAnswer]:
    answers = []
    path = corpus_dir / f"{language}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        themes = frozenset(row["themes"])
        unknown = themes - set(THEMES)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown themes {sorted(unknown)}")
        answers.append(
            LabelledAnswer(
                id=row["id"],
                language=language,
                text=row["text"],
                themes=themes,
                split=row["split"],
                kind=row.get("kind", "plain"),
            )
        )
    return answers
