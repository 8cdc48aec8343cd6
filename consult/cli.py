"""The `consult` command: serve, migrate, back up and restore, load the demo, check migrations."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from tortoise import Tortoise
from tortoise.migrations.api import migrate as run_migrations

from consult.database import tortoise_config
from consult.settings import SettingsError, load_settings

cli = typer.Typer(
    help="London community consultations.", no_args_is_help=True, pretty_exceptions_enable=False
)


def run_with_database(work: Callable[[], Awaitable[Any]]) -> Any:
    """Run `work` with Tortoise connected to the configured database."""

    async def wrapped() -> Any:
        await Tortoise.init(config=tortoise_config(load_settings().database_url))
        try:
            return await work()
        finally:
            await Tortoise.close_connections()

    return asyncio.run(wrapped())


@cli.command()
def migrate() -> None:
    """Apply every migration that has not been applied yet."""
    config = tortoise_config(load_settings().database_url)

    async def apply() -> None:
        try:
            await run_migrations(config=config)
        finally:
            await Tortoise.close_connections()

    asyncio.run(apply())
    typer.echo("Migrations applied.")


@cli.command("check-migrations")
def check_migrations() -> None:
    """Exit 1 if the models have changes that no migration records."""
    from consult.migrations_check import pending_model_changes

    changes = asyncio.run(pending_model_changes(load_settings().database_url))
    if changes:
        typer.echo("Models and migrations disagree: " + ", ".join(changes), err=True)
        raise typer.Exit(1)
    typer.echo("Models and migrations agree.")


@cli.command()
def backup(
    path: Annotated[Path, typer.Argument(help="The file to write (replaced once complete).")],
) -> None:
    """Copy the whole database to a file: SQLite's online backup, or pg_dump on PostgreSQL."""
    from consult.backup import BackupError, back_up, database_from_url

    try:
        report = back_up(database_from_url(load_settings().database_url), path)
    except BackupError as error:
        typer.echo(f"consult backup: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(report.describe())


@cli.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A file written by `consult backup`.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Replace a database that already holds data.")
    ] = False,
) -> None:
    """Replace the database with a backup, then check its migrations against this code."""
    from consult.backup import BackupError, check_backup_file, database_from_url, table_counts
    from consult.backup import restore as restore_backup
    from consult.migrations_check import recorded_migrations

    database_url = load_settings().database_url
    try:
        database = database_from_url(database_url)
        check_backup_file(database, path)
        existing = asyncio.run(table_counts(database))
        if existing.holds_data and not yes:
            typer.echo(
                f"consult restore: the database {database} already holds {existing.describe()}. "
                f"Restoring replaces all of it with {path}: run again with --yes to go ahead.",
                err=True,
            )
            raise typer.Exit(1)
        restore_backup(database, path)
        restored = asyncio.run(table_counts(database))
    except BackupError as error:
        typer.echo(f"consult restore: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Restored {path} into {database}: {restored.describe()}.")
    migrations = asyncio.run(recorded_migrations(database_url))
    if migrations.not_applied:
        typer.echo(
            "Migrations not applied in the backup: "
            f"{', '.join(migrations.not_applied)}. Run `consult migrate` before serving.",
            err=True,
        )
    if migrations.unknown_to_code:
        typer.echo(
            "Migrations in the backup that this code does not have: "
            f"{', '.join(migrations.unknown_to_code)}. The backup is from a newer version.",
            err=True,
        )
    if not migrations.agree:
        raise typer.Exit(1)
    typer.echo("Its migrations match this code.")


@cli.command("load-demo")
def load_demo_command() -> None:
    """Create the demo consultation if it is not there yet."""
    from surveys.demo import DEMO_SLUG, load_demo

    created = run_with_database(load_demo)
    typer.echo(f"Demo consultation {DEMO_SLUG} {'created' if created else 'already present'}.")


@cli.command("create-user")
def create_user_command(
    email: Annotated[str, typer.Argument(help="Their email address: they sign in with it.")],
    name: Annotated[str, typer.Option(help="Their name, shown in history.")],
    role: Annotated[str, typer.Option(help="admin, officer or translator.")],
    language: Annotated[
        list[str] | None, typer.Option(help="A language they translate (repeat for more).")
    ] = None,
    reviews: Annotated[
        list[str] | None, typer.Option(help="A language they also review (repeat for more).")
    ] = None,
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Create a staff account (the password is asked for, never passed on the command line)."""
    from consult.accounts.models import Role
    from consult.accounts.services import create_user
    from consult.i18n import LANGUAGE_CODES

    if role not in {r.value for r in Role}:
        raise typer.BadParameter(f"role must be one of {', '.join(r.value for r in Role)}")
    unknown = [code for code in [*(language or []), *(reviews or [])] if code not in LANGUAGE_CODES]
    if unknown:
        raise typer.BadParameter(f"unknown language codes: {', '.join(unknown)}")
    if len(password) < 12:
        raise typer.BadParameter("use a password of at least 12 characters")
    languages = {code: False for code in language or []} | {code: True for code in reviews or []}

    async def create() -> None:
        await create_user(email, name, password, Role(role), languages)

    run_with_database(create)
    typer.echo(f"Created {role} {email}.")


@cli.command("train-tagger")
def train_tagger(
    language: Annotated[
        list[str] | None, typer.Option(help="Only this language (repeat for more).")
    ] = None,
) -> None:
    """Rebuild the theme models from the corpus in analysis/corpus (reproducible)."""
    from analysis.languages import SPACY_CODES
    from analysis.tagger import DEFAULT_MODEL_DIR
    from analysis.training import train_all

    version = train_all(DEFAULT_MODEL_DIR, language or list(SPACY_CODES))
    typer.echo(f"Trained theme models, version {version}, in {DEFAULT_MODEL_DIR}.")


@cli.command()
def tag() -> None:
    """Tag JSON Lines from stdin: {"id", "text", "language"?} -> {"id", "language", "themes"}."""
    from analysis.batch import tag_json_lines

    failed = tag_json_lines(sys.stdin, sys.stdout, sys.stderr)
    raise typer.Exit(1 if failed else 0)


@cli.command()
def retag(
    consultation: Annotated[str, typer.Option(help="The consultation's slug.")],
) -> None:
    """Re-tag every answer of a consultation with the current models, with a progress bar."""
    from analysis.services import run_retag_job, start_retag
    from analysis.tagger import ThemeTagger
    from surveys.models import Consultation

    tagger = ThemeTagger().load_all()

    async def work() -> None:
        found = await Consultation.filter(slug=consultation).first()
        if found is None:
            raise typer.BadParameter(f"no consultation {consultation!r}")
        job = await start_retag(found, tagger.version, None)
        with typer.progressbar(length=job.total, label="Re-tagging") as bar:
            await run_retag_job(job, tagger, progress=bar.update)
        typer.echo(f"Re-tagged {job.total} answers with model {tagger.version}.")

    run_with_database(work)


@cli.command("apply-retention")
def apply_retention_command() -> None:
    """Delete the written answers of consultations whose retention date has passed."""
    from datetime import UTC, datetime

    from surveys.dataprotection.services import apply_retention

    runs = run_with_database(lambda: apply_retention(datetime.now(UTC)))
    for run in runs:
        typer.echo(
            f"{run.slug}: deleted the text of {run.answers} answers in {run.responses} responses."
        )
    typer.echo(f"Retention applied to {len(runs)} consultations.")


@cli.command()
def evaluate() -> None:
    """Print precision, recall and F1 per theme and language: held-out split, then the
    independent set (analysis/evaluation) with agreement between each answer's tags and
    its English translation's."""
    from analysis.evaluation import evaluate as evaluate_tagger
    from analysis.evaluation import evaluate_independent, macro_f1
    from analysis.languages import SPACY_CODES
    from analysis.tagger import ThemeTagger

    tagger = ThemeTagger()
    print_scores(
        f"Model {tagger.version}, held-out split of analysis/corpus",
        evaluate_tagger(tagger, list(SPACY_CODES)),
    )
    independent = evaluate_independent(tagger, list(SPACY_CODES))
    if independent.counts:
        print_scores("Independent set, analysis/evaluation", independent.scores)
        typer.echo("")
        typer.echo(f"{'language':<9}{'answers':>8}{'macro-F1':>9}{'same tags as English':>22}")
        for code, count in independent.counts.items():
            typer.echo(
                f"{code:<9}{count:>8}{macro_f1(independent.scores, code):>9.2f}"
                f"{independent.agreement_with_english[code]:>22.2f}"
            )


def print_scores(heading: str, scores: list[Any]) -> None:
    from analysis.evaluation import macro_f1

    typer.echo(heading)
    typer.echo(f"{'language':<9}{'theme':<34}{'precision':>10}{'recall':>8}{'F1':>6}{'n':>4}")
    for score in scores:
        typer.echo(
            f"{score.language:<9}{score.theme:<34}{score.precision:>10.2f}"
            f"{score.recall:>8.2f}{score.f1:>6.2f}{score.support:>4}"
        )
    typer.echo("")
    typer.echo(f"{'language':<9}{'macro-F1':>9}")
    for code in dict.fromkeys(score.language for score in scores):
        typer.echo(f"{code:<9}{macro_f1(scores, code):>9.2f}")
    typer.echo("")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the site with uvicorn."""
    import uvicorn

    uvicorn.run(
        "consult.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        access_log=False,
        server_header=False,
    )


def main() -> None:
    try:
        cli()
    except SettingsError as error:
        typer.echo(f"consult: {error}", err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
