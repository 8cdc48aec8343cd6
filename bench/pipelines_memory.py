"""Load time and resident memory of all eleven pipelines in one process.

Run: .venv/bin/python -m bench.pipelines_memory
"""

from __future__ import annotations

import time
from pathlib import Path


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    before = resident_mb()
    started = time.perf_counter()
    from analysis.tagger import TagRequest, ThemeTagger

    tagger = ThemeTagger().load_all()
    tagger.tag([TagRequest("warm up", language=code) for code in tagger.pipelines])
    elapsed = time.perf_counter() - started
    print(f"pipelines loaded: {len(tagger.pipelines)} in {elapsed:.2f} s (target <= 5 s)")
    print(
        f"resident memory: {resident_mb():.0f} MB (before loading: {before:.0f} MB); "
        "targets: load <= 5 s, resident <= 400 MB"
    )


if __name__ == "__main__":
    main()
