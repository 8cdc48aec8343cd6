"""One spaCy pipeline per language: folded-norm theme lexicon, then a multilabel classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.languages import blank_pipeline
from analysis.themes import THEMES

ANALYSIS_DIR = Path(__file__).resolve().parent
LEXICON_DIR = ANALYSIS_DIR / "lexicons"
CORPUS_DIR = ANALYSIS_DIR / "corpus"
EVIDENCE_KEY = "theme_evidence"
TEXTCAT = "textcat_multilabel"

# A bag-of-words classifier over words and word pairs: small, fast, and for Chinese (one
# token per character) the pairs are the words.
TEXTCAT_CONFIG: dict[str, Any] = {
    "threshold": 0.5,
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2**18,
    },
}


def read_lexicon(language: str) -> dict[str, list[str]]:
    path = LEXICON_DIR / f"{language}.json"
    lexicon: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return {theme: lexicon.get(theme, []) for theme in THEMES}


if not Doc.has_extension(EVIDENCE_KEY):
    # Theme -> merged character spans of its matched phrases. A plain extension rather
    # than `doc.spans`: building Span objects for every match costs a fifth of tagging time.
    Doc.set_extension(EVIDENCE_KEY, default=None)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class ThemeLexicon:
    """Marks every phrase of a theme's lexicon in the doc, on folded norms, as evidence."""

    def __init__(self, nlp: Language, lexicon: dict[str, list[str]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for theme, phrases in lexicon.items():
            patterns = [nlp.make_doc(phrase) for phrase in phrases if phrase.strip()]
            if patterns:
                self.matcher.add(theme, patterns)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[tuple[int, int]]] = {}
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            last = doc[end - 1]
            found.setdefault(strings[match_id], []).append((doc[start].idx, last.idx + len(last)))
        doc._.set(EVIDENCE_KEY, {theme: merge_spans(spans) for theme, spans in found.items()})
        return doc


@Language.factory("theme_lexicon", default_config={"language": "en"})
def make_theme_lexicon(nlp: Language, name: str, language: str) -> ThemeLexicon:
    return ThemeLexicon(nlp, read_lexicon(language))


def build_pipeline(language: str) -> Language:
    """The untrained pipeline: blank language class, theme lexicon, multilabel textcat."""
    nlp = blank_pipeline(language)
    nlp.add_pipe("theme_lexicon", config={"language": language})
    textcat = nlp.add_pipe(TEXTCAT, config=TEXTCAT_CONFIG)
    for theme in THEMES:
        textcat.add_label(theme)  # type: ignore[attr-defined]
    return nlp


def load_pipeline(language: str, model_dir: Path) -> Language:
    """The trained pipeline: built in code, its classifier's weights read from disk."""
    nlp = build_pipeline(language)
    nlp.get_pipe(TEXTCAT).from_disk(model_dir / language / TEXTCAT)  # type: ignore[attr-defined]
    return nlp
