"""Settings come from the environment, and refuse to run unsafely."""

from __future__ import annotations

import pytest

from consult.settings import SettingsError, load_settings


def test_a_secret_key_is_required_outside_debug() -> None:
    with pytest.raises(SettingsError):
        load_settings(env_file=None, environ={})


def test_debug_runs_with_a_random_secret_per_process() -> None:
    first = load_settings(env_file=None, environ={"DEBUG": "true"})
    second = load_settings(env_file=None, environ={"DEBUG": "true"})
    assert str(first.secret_key) and str(first.secret_key) != str(second.secret_key)


def test_sqlite_is_the_default_database_and_postgres_is_read_from_the_environment() -> None:
    default = load_settings(env_file=None, environ={"SECRET_KEY": "s"})
    assert default.database_url.startswith("sqlite://")
    production = load_settings(
        env_file=None,
        environ={"SECRET_KEY": "s", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/consult"},
    )
    assert production.database_url == "postgres://postgres@127.0.0.1:5432/consult"


def test_allowed_hosts_are_a_list() -> None:
    settings = load_settings(
        env_file=None, environ={"SECRET_KEY": "s", "ALLOWED_HOSTS": "consult.london, example.org"}
    )
    assert settings.allowed_hosts == ("consult.london", "example.org")
