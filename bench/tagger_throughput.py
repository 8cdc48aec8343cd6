"""Tagger throughput over 100,000 varied answers in all eleven languages, on 1 and 2 cores.

Run: .venv/bin/python -m bench.tagger_throughput [count]
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor

from analysis.tagger import TagRequest, ThemeTagger
from bench.answers import varied_answers

_tagger: ThemeTagger | None = None


def _tag_chunk(chunk: list[tuple[str, str]]) -> int:
    global _tagger
    if _tagger is None:
        _tagger = ThemeTagger().load_all()
    return len(_tagger.tag([TagRequest(text, language=code) for code, text in chunk]))


def main(count: int) -> None:
    answers = list(varied_answers(count))
    print(f"{len(answers)} answers, {len({t for _, t in answers})} distinct")
    tagger = ThemeTagger().load_all()
    started = time.perf_counter()
    tagger.tag([TagRequest(text, language=code) for code, text in answers])
    one_core = time.perf_counter() - started
    print(f"1 process : {count / one_core:,.0f} answers/s ({one_core:.1f} s)")

    chunks = [answers[i : i + 5000] for i in range(0, len(answers), 5000)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_tag_chunk, chunks[:2]))  # load the models in both workers first
        started = time.perf_counter()
        tagged = sum(pool.map(_tag_chunk, chunks))
        two_cores = time.perf_counter() - started
    print(f"2 processes: {tagged / two_cores:,.0f} answers/s ({two_cores:.1f} s)")
    print("target: >= 10,000 answers/s on 2 cores")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
