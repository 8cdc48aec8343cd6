"""Keys that near-identical answers share, so copy-paste campaigns can be found in SQL.

MinHash over character 5-grams of the text with case, punctuation and spacing removed, so
it works the same in every script (Chinese has no spaces between words). Sixteen hashes
make four bands of four; each band is one key. Two texts whose 5-gram sets overlap 90%
share at least one key about 99% of the time, at 80% about 88%, at 30% under 1%: a
shared key makes them candidates, and `resemblance` decides.
"""

from __future__ import annotations

import hashlib
import unicodedata

import numpy as np

SHINGLE = 5
BANDS = 4
ROWS_PER_BAND = 4
# Shorter texts ("More police", "No") are the same by chance, not by campaign.
MIN_CHARACTERS = 40
_MERSENNE = np.uint64((1 << 61) - 1)
_BASE = np.uint64(1_000_003)
_generator = np.random.default_rng(20051)  # fixed: keys must not change between processes
_MULTIPLIERS = _generator.integers(1, 1 << 61, BANDS * ROWS_PER_BAND, dtype=np.uint64)
_OFFSETS = _generator.integers(0, 1 << 61, BANDS * ROWS_PER_BAND, dtype=np.uint64)


def comparable_text(text: str) -> str:
    """Letters, marks and digits only, case folded: what two copies of a text have in common."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] in "LMN")


def shingles(text: str) -> set[str]:
    comparable = comparable_text(text)
    return {comparable[i : i + SHINGLE] for i in range(len(comparable) - SHINGLE + 1)}


def resemblance(first: set[str], second: set[str]) -> float:
    """Jaccard similarity of two shingle sets: 1.0 for copies, near 0 for unrelated texts."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _signed(value: int) -> int:
    """A database BIGINT holds signed 64-bit values."""
    return value - (1 << 64) if value >= 1 << 63 else value


def near_copy_keys(text: str | None) -> tuple[int, ...] | None:
    """The text's four band keys, or None when it is too short to be a campaign's copy."""
    comparable = comparable_text(text or "")
    if len(comparable) < MIN_CHARACTERS:
        return None
    points = np.frombuffer(comparable.encode("utf-32-le"), dtype=np.uint32)
    with np.errstate(over="ignore"):
        # A polynomial hash of every 5-gram at once; repeats count once, as in a set.
        hashes = np.zeros(len(points) - SHINGLE + 1, dtype=np.uint64)
        for offset in range(SHINGLE):
            hashes = hashes * _BASE + points[offset : len(points) - SHINGLE + 1 + offset]
        hashes = np.unique(hashes)
        permuted = (hashes[:, None] * _MULTIPLIERS + _OFFSETS) % _MERSENNE
    signature = permuted.min(axis=0).reshape(BANDS, ROWS_PER_BAND)
    return tuple(
        _signed(
            int.from_bytes(
                hashlib.blake2b(band.tobytes() + bytes([number]), digest_size=8).digest(), "big"
            )
        )
        for number, band in enumerate(signature)
    )
