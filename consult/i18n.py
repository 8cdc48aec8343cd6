"""Languages offered, their gettext catalogs, and the language of the current request."""

from __future__ import annotations

import contextvars
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SOURCE_LANGUAGE = "en"

# A catalog drafted by the project says so in its header comment, where translators see it
# and where `pybabel update` keeps it. A native reviewer removes the line when done.
MACHINE_DRAFT_MARKER = "Review status: machine-draft"


@dataclass(frozen=True)
class Language:
    """One language the platform offers, keyed by its BCP 47 code as used in URLs."""

    code: str
    locale: Locale

    @property
    def direction(self) -> str:
        """`rtl` or `ltr`, from CLDR's character order for the locale."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    @property
    def endonym(self) -> str:
        """The language's name in itself, as CLDR writes it, first letter capitalised."""
        # Without the territory: "English", not "English (United Kingdom)".
        bare = Locale(self.locale.language, script=self.locale.script)
        name = bare.get_display_name(bare) or self.code
        return name[:1].upper() + name[1:]


# The order the strategy lists its languages in (English first).
LANGUAGES: tuple[Language, ...] = tuple(
    Language(code, Locale.parse(babel_id))
    for code, babel_id in (
        ("en", "en_GB"),
        ("zh-Hant", "zh_Hant"),
        ("vi", "vi"),
        ("el", "el"),
        ("tr", "tr"),
        ("pa", "pa_Guru"),
        ("hi", "hi"),
        ("bn", "bn"),
        ("ur", "ur"),
        ("ar", "ar"),
        ("gu", "gu"),
    )
)
LANGUAGES_BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
LANGUAGE_CODES: tuple[str, ...] = tuple(LANGUAGES_BY_CODE)


def catalog_dir_name(language: Language) -> str:
    """Folder name of a language's catalog below the locale directory."""
    return language.code.replace("-", "_")


@dataclass(frozen=True)
class Catalog:
    """A loaded gettext catalog and whether a native speaker has reviewed it yet."""

    translations: NullTranslations
    machine_draft: bool


@cache
def load_catalog(locale_dir: Path, code: str) -> Catalog:
    """Compile a language's PO file in memory; English is the source and needs none."""
    if code == SOURCE_LANGUAGE:
        return Catalog(NullTranslations(), machine_draft=False)
    language = LANGUAGES_BY_CODE[code]
    po_path = locale_dir / catalog_dir_name(language) / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language.locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Catalog(
        Translations(buffer), machine_draft=MACHINE_DRAFT_MARKER in catalog.header_comment
    )


_current: contextvars.ContextVar[tuple[Language, Catalog] | None] = contextvars.ContextVar(
    "current_language", default=None
)


def activate(locale_dir: Path, code: str) -> contextvars.Token[tuple[Language, Catalog] | None]:
    """Make `code` the language of everything gettext says in this context."""
    return _current.set((LANGUAGES_BY_CODE[code], load_catalog(locale_dir, code)))


def deactivate(token: contextvars.Token[tuple[Language, Catalog] | None]) -> None:
    _current.reset(token)


def current_language() -> Language:
    active = _current.get()
    return active[0] if active else LANGUAGES_BY_CODE[SOURCE_LANGUAGE]


def current_catalog_is_machine_draft() -> bool:
    active = _current.get()
    return bool(active and active[1].machine_draft)


def translate(message: str) -> str:
    """The active language's translation of `message`, placeholders left as they are."""
    active = _current.get()
    return active[1].translations.gettext(message) if active else message


def translate_plural(singular: str, plural: str, count: int) -> str:
    active = _current.get()
    if active:
        return active[1].translations.ngettext(singular, plural, count)
    return singular if count == 1 else plural


def long_date(day: Any) -> str:
    """A date (or the day of a datetime) as the page's language writes it in full."""
    return format_date(day, format="long", locale=current_language().locale)


def gettext(message: str, **variables: Any) -> str:
    """Translate into the active language, then fill `%(name)s` placeholders."""
    text = translate(message)
    return text % variables if variables else text


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a module-level message for extraction; translate it with `gettext` when shown."""
    return message


def parse_accept_language(header: str) -> Iterator[tuple[str, float]]:
    """Yield (tag, quality) pairs from an Accept-Language header, best first."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if tag and 0 < quality <= 1:
            weighted.append((-quality, position, tag.strip()))
    for negative_quality, _, tag in sorted(weighted):
        yield tag, -negative_quality


def match_language(tag: str, offered: tuple[str, ...]) -> str | None:
    """Map one BCP 47 tag onto an offered code: `ur-PK` -> `ur`, `zh-TW` -> `zh-Hant`."""
    parts = tag.replace("_", "-").split("-")
    primary = parts[0].lower()
    if primary == "zh":
        # Only Traditional Chinese is offered; a Simplified reader can still read it
        # better than English, so every Chinese tag lands there.
        return "zh-Hant" if "zh-Hant" in offered else None
    for code in offered:
        if code.lower() == primary:
            return code
    return None


def negotiate_language(header: str | None, offered: tuple[str, ...]) -> str:
    """The best offered language for an Accept-Language header, English if none fits."""
    for tag, _quality in parse_accept_language(header or ""):
        if tag == "*":
            break
        code = match_language(tag, offered)
        if code:
            return code
    return SOURCE_LANGUAGE


def language_of_path(path: str) -> str:
    """The language a path's first segment names (`/ur/...`), or the source language."""
    segment = path.split("/")[1] if path.count("/") >= 1 else ""
    return segment if segment in LANGUAGES_BY_CODE else SOURCE_LANGUAGE


class LanguageMiddleware:
    """Activate the language named by the path's first segment (`/ur/...`) for the request.

    Paths outside a language (`/`, `/static/...`) run in English; a response that depends
    on the language says so in `Content-Language`.
    """

    def __init__(self, app: ASGIApp, locale_dir: Path) -> None:
        self.app = app
        self.locale_dir = locale_dir

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        code = language_of_path(scope["path"])
        names_language = scope["path"].split("/")[1:2] == [code]
        token = activate(self.locale_dir, code)

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start" and names_language:
                MutableHeaders(scope=message).setdefault("Content-Language", code)
            await send(message)

        try:
            await self.app(scope, receive, send_with_language)
        finally:
            deactivate(token)
