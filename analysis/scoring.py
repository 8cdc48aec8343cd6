"""How a doc's classifier score and lexicon evidence combine into one score per theme."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.pipeline import EVIDENCE_KEY
from analysis.themes import THEMES

# The classifier learns wording; the lexicon knows the theme's words. Either alone is weak
# evidence on a corpus this size, so each carries half of the score.
CLASSIFIER_WEIGHT = 0.5
LEXICON_WEIGHT = 0.5


def combined_scores(doc: Doc) -> dict[str, float]:
    matched = {span.label_ for span in doc.spans.get(EVIDENCE_KEY, [])}
    return {
        theme: round(
            CLASSIFIER_WEIGHT * float(doc.cats.get(theme, 0.0))
            + LEXICON_WEIGHT * (theme in matched),
            4,
        )
        for theme in THEMES
    }


def evidence_spans(doc: Doc, theme: str) -> list[tuple[int, int]]:
    """Character spans (code points) of the theme's matched phrases, overlaps merged."""
    spans = sorted(
        (span.start_char, span.end_char)
        for span in doc.spans.get(EVIDENCE_KEY, [])
        if span.label_ == theme
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
