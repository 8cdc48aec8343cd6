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
    found: dict[str, list[tuple[int, int]]] = {}
    for span in doc.spans.get(EVIDENCE_KEY, []):
        found.setdefault(span.label_, []).append((span.start_char, span.end_char))
    for theme, spans in found.items():
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        found[theme] = merged
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
