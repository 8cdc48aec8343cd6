"""Tell a database that is down, restarting, full or read-only apart from a bug.

Those are worth a 503 ("try again in a minute") rather than a 500: nothing was stored,
and the same request will work once the database is back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import asyncpg
from tortoise.exceptions import DBConnectionError

UNAVAILABLE_TYPES: tuple[type[BaseException], ...] = (
    ConnectionError,
    TimeoutError,
    DBConnectionError,
    asyncpg.PostgresConnectionError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.InterfaceError,
    asyncpg.DiskFullError,
    asyncpg.ReadOnlySQLTransactionError,
)
# SQLite reports these as OperationalError; the message is all that tells them apart.
SQLITE_UNAVAILABLE = ("locked", "disk i/o", "full", "readonly", "read-only", "unable to open")
RETRY_AFTER_SECONDS = 30


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what caused it, and errors it wraps as arguments (Tortoise wraps that way)."""
    seen: set[int] = set()
    waiting: list[BaseException] = [error]
    while waiting:
        current = waiting.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        waiting.extend(arg for arg in current.args if isinstance(arg, BaseException))
        waiting.extend(cause for cause in (current.__cause__, current.__context__) if cause)


def is_database_unavailable(error: BaseException) -> bool:
    for cause in _chain(error):
        if isinstance(cause, UNAVAILABLE_TYPES):
            return True
        if isinstance(cause, sqlite3.OperationalError) and any(
            marker in str(cause).lower() for marker in SQLITE_UNAVAILABLE
        ):
            return True
    return False
