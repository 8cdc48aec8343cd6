"""Tortoise configuration, built from settings."""

from __future__ import annotations

from typing import Any

APP_MODULES: dict[str, list[str]] = {
    "accounts": ["consult.accounts.models"],
    "surveys": [
        "surveys.models",
        "surveys.groups.models",
        "surveys.uploads.models",
        "surveys.formats.models",
        "surveys.dataprotection.models",
    ],
    "translations": ["translations.models"],
    "analysis": ["analysis.models"],
}
MIGRATION_MODULES: dict[str, str] = {
    "accounts": "consult.accounts.migrations",
    "surveys": "surveys.migrations",
    "translations": "translations.migrations",
    "analysis": "analysis.migrations",
}


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise config dict for one database, with each app's migrations package."""
    return {
        "connections": {"default": database_url},
        "apps": {
            label: {
                "models": models,
                "default_connection": "default",
                "migrations": MIGRATION_MODULES[label],
            }
            for label, models in APP_MODULES.items()
        },
        "use_tz": True,
        "timezone": "UTC",
    }
