"""Exit 0 if a PostgreSQL server answers at the given URL (used by `make test`)."""

from __future__ import annotations

import asyncio
import sys
from urllib.parse import urlsplit, urlunsplit

import asyncpg


async def answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        connection = await asyncpg.connect(
            urlunsplit(("postgresql", parts.netloc, parts.path, "", "")), timeout=3
        )
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await connection.close()
    return True


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(answers(sys.argv[1])) else 1)
