"""Tortoise configuration, built from settings."""

from __future__ import annotations

from typing import Any

APP_MODULES: dict[str, list[str]] = {"surveys": ["surveys.models"]}


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise config dict for one database, with each app's migrations package."""
    return {
        "connections": {"default": database_url},
        "apps": {
            label: {
                "models": models,
                "default_connection": "default",
                "migrations": f"{label}.migrations",
            }
            for label, models in APP_MODULES.items()
        },
        "use_tz": True,
        "timezone": "UTC",
    }
