"""How a doc's classifier score and lexicon evidence combine into one score per theme."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.pipeline import EVIDENCE_KEY
from analysis.themes import THEMES

# The classifier learns wording; the lexicon knows the theme's words. Either alone is weak
# evidence on a corpus this size, so each carries half of the score.
CLASSIFIER_WEIGHT = 0.5
LEXICON_WEIGHT = 0.5


def evidence_by_theme(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Character spans (code points) of each theme's matched phrases, overlaps merged."""
    found: dict[str, list[tuple[int, int]]] = doc._.get(EVIDENCE_KEY) or {}
    return found


def combined_scores(
    doc: Doc, evidence: dict[str, list[tuple[int, int]]] | None = None
) -> dict[str, float]:
    matched = evidence if evidence is not None else evidence_by_theme(doc)
    return {
        theme: round(
            CLASSIFIER_WEIGHT * float(doc.cats.get(theme, 0.0))
            + LEXICON_WEIGHT * (theme in matched),
            4,
        )
        for theme in THEMES
    }
