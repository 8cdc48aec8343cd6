"""The one place that reads the environment (and an optional `.env` file)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from starlette.config import Config
from starlette.datastructures import CommaSeparatedStrings, Secret

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(RuntimeError):
    """Raised when the environment cannot produce a safe configuration."""


@dataclass(frozen=True)
class Settings:
    """Everything the application needs to know about its environment."""

    database_url: str
    secret_key: Secret
    debug: bool
    allowed_hosts: tuple[str, ...]
    max_body_bytes: int
    max_upload_bytes: int
    templates_dir: Path
    static_dir: Path
    locale_dir: Path
    seed_dir: Path
    model_dir: Path
    tagging_worker: bool
    # Published counts below this are shown as "fewer than N".
    publish_min_count: int


def load_settings(
    env_file: str | Path | None = PROJECT_ROOT / ".env",
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Read settings from the environment; refuse to run without a secret outside debug."""
    config = Config(
        env_file if env_file and Path(env_file).exists() else None,
        environ=os.environ if environ is None else environ,
    )
    debug = config("DEBUG", cast=bool, default=False)
    secret_key = Secret(config("SECRET_KEY", default=""))
    if not str(secret_key):
        if not debug:
            raise SettingsError(
                "SECRET_KEY is not set. Set it in the environment or in .env "
                "(make run writes a random one into .env for local use)."
            )
        # Debug only: sessions last as long as this process does.
        secret_key = Secret(secrets.token_urlsafe(32))
    return Settings(
        database_url=config("DATABASE_URL", default=f"sqlite://{PROJECT_ROOT / 'consult.sqlite3'}"),
        secret_key=secret_key,
        debug=debug,
        allowed_hosts=tuple(
            config(
                "ALLOWED_HOSTS",
                cast=CommaSeparatedStrings,
                default=CommaSeparatedStrings("127.0.0.1,localhost,testserver"),
            )
        ),
        max_body_bytes=config("MAX_BODY_BYTES", cast=int, default=256 * 1024),
        max_upload_bytes=config("MAX_UPLOAD_BYTES", cast=int, default=9 * 1024 * 1024),
        templates_dir=PROJECT_ROOT / "templates",
        static_dir=Path(__file__).resolve().parent / "static",
        locale_dir=Path(__file__).resolve().parent / "locale",
        model_dir=Path(config("MODEL_DIR", default=str(PROJECT_ROOT / "analysis" / "trained"))),
        tagging_worker=config("TAGGING_WORKER", cast=bool, default=True),
        publish_min_count=config("PUBLISH_MIN_COUNT", cast=int, default=5),
        seed_dir=Path(config("SEED_DIR", default=str(PROJECT_ROOT.parent / "shared" / "seed"))),
    )
