"""The fixed JSON Lines contract of `consult tag`, which other tools depend on.

In: one object per line, `{"id": ..., "text": ..., "language": "ur"}` (language optional).
Out: one line per input, in order:
`{"id": ..., "language": "ur", "themes": [{"theme": ..., "score": 0.91, "evidence": [[s, e]]}]}`
listing only the themes decided present, offsets in code points into `text`. A malformed
line gets `{"id": ..., "error": ...}` and a message on stderr; the others are still tagged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from analysis.languages import SPACY_CODES
from analysis.tagger import TagRequest, ThemeTagger

CHUNK = 2048


def _parse(line: str) -> tuple[Any, TagRequest | None, str | None]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return None, None, f"not JSON: {error.msg}"
    if not isinstance(row, dict):
        return None, None, "not a JSON object"
    identifier = row.get("id")
    text, language = row.get("text"), row.get("language")
    if not isinstance(text, str):
        return identifier, None, "text must be a string"
    if language is not None and language not in SPACY_CODES:
        return identifier, None, f"unknown language {str(language)[:20]!r}"
    return identifier, TagRequest(text, language=language), None


def tag_json_lines(lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """Tag every line, writing results in order; return how many lines failed."""
    tagger = ThemeTagger()
    failed = 0
    chunk: list[str] = []

    def flush() -> None:
        nonlocal failed
        parsed = [_parse(line) for line in chunk]
        requests = [request for _, request, _ in parsed if request is not None]
        results = iter(tagger.tag(requests))
        for number, (identifier, request, error) in enumerate(parsed, start=1):
            if request is None:
                failed += 1
                err.write(f"consult tag: line {number}: {error}\n")
                out.write(json.dumps({"id": identifier, "error": error}, ensure_ascii=False) + "\n")
                continue
            result = next(results)
            out.write(
                json.dumps(
                    {
                        "id": identifier,
                        "language": result.language,
                        "themes": [
                            {
                                "theme": tag.theme,
                                "score": tag.score,
                                "evidence": [list(span) for span in tag.evidence],
                            }
                            for tag in result.themes
                        ],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        chunk.clear()

    for line in lines:
        if line.strip():
            chunk.append(line)
        if len(chunk) >= CHUNK:
            flush()
    flush()
    return failed
