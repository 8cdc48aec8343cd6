"""Throwaway databases for the suite: a SQLite file, or a fresh PostgreSQL database."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg


@asynccontextmanager
async def throwaway_database(base_url: str | None, folder: Path) -> AsyncIterator[str]:
    """Yield the URL of an empty database, dropped afterwards.

    `base_url` is a PostgreSQL server URL (its database name is ignored) or None for SQLite.
    """
    if not base_url or base_url.startswith("sqlite"):
        yield f"sqlite://{folder / 'test.sqlite3'}"
        return
    parts = urlsplit(base_url)
    name = f"consult_test_{secrets.token_hex(4)}"
    admin_dsn = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    admin = await asyncpg.connect(admin_dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
