"""Small counts in anything published: hidden, and not recoverable by subtracting from totals.

Primary suppression hides every count below the threshold. Secondary suppression then looks
at each published total and the counts that add up to it: if exactly one of them is hidden,
the total minus the others would reveal it, so the smallest other count is hidden too. This
repeats until no total gives a hidden count away.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class AdditiveGroup(Generic[Key]):
    """Counts that add up exactly to a published total."""

    total: Key
    parts: Sequence[Key]


def suppress(
    counts: Mapping[Key, int], groups: Sequence[AdditiveGroup[Key]], threshold: int
) -> dict[Key, int | None]:
    """The counts as they may be published: None where a count must not be shown."""
    shown: dict[Key, int | None] = {
        key: (count if count >= threshold else None) for key, count in counts.items()
    }
    changed = True
    while changed:
        changed = False
        for group in groups:
            if shown.get(group.total) is None:
                continue
            hidden = [key for key in group.parts if shown.get(key) is None]
            if len(hidden) != 1:
                continue
            visible = [key for key in group.parts if shown.get(key) is not None]
            if visible:
                smallest = min(visible, key=lambda key: counts[key])
                shown[smallest] = None
            else:
                shown[group.total] = None
            changed = True
    return shown
