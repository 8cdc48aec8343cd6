"""The committed migrations describe the models exactly."""

from __future__ import annotations

import os
import subprocess
import sys


def test_models_and_migrations_agree(database_url: str) -> None:
    # A separate process: the check initialises Tortoise on its own.
    result = subprocess.run(
        [sys.executable, "-m", "consult.cli", "check-migrations"],
        env={**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "migration-check"},
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "agree" in result.stdout
