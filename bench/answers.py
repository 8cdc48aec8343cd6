"""Varied answers for benchmarks: corpus sentences recombined, so no answer repeats."""

from __future__ import annotations

import random
from collections.abc import Iterator

from analysis.corpus_io import read_corpus
from analysis.languages import SPACY_CODES

PLACES = ("Haringey", "Southall", "Tower Hamlets", "Peckham", "Green Street", "Harrow", "Ealing")


def varied_answers(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(language, text) pairs in all eleven languages, each text unique."""
    rng = random.Random(seed)
    pools = {code: [a.text for a in read_corpus(code)] for code in SPACY_CODES}
    codes = list(pools)
    for number in range(count):
        code = codes[number % len(codes)]
        parts = rng.sample(pools[code], k=rng.randint(1, 3))
        yield code, f"{' '.join(parts)} {rng.choice(PLACES)} {number}"
