"""XLIFF 2.0 and gettext PO files for professional translators: export, check whole, import.

Files are read and written with translate-toolkit. An import is checked in full before
anything is stored; a single problem means nothing is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lxml import etree
from tortoise.transactions import in_transaction
from translate.storage import po, xliff2

from consult.accounts.services import StaffUser
from consult.i18n import N_, gettext
from surveys.models import Consultation, TextOrigin, TextStatus
from translations.models import TextAction, TextHistory
from translations.services import (
    NOT_YOUR_LANGUAGE,
    FieldState,
    WorkflowRefused,
    field_states,
    save_translation,
    wording_problems,
)

MAX_IMPORT_BYTES = 2 * 1024 * 1024

TOO_LARGE = N_("The file is larger than %(max)s MB. Split it or remove what is not needed.")
NOT_READABLE = N_("The file could not be read as %(format)s: %(reason)s")
UNSAFE_XML = N_("The file declares a DOCTYPE or entities, which are not accepted.")
WRONG_LANGUAGE = N_("The file is for the language “%(found)s”, not “%(expected)s”.")
NO_LANGUAGE = N_("The file does not say which language it is in.")
UNKNOWN_UNIT = N_("Unit “%(unit)s” is not a field of this consultation.")
MISSING_UNIT = N_("Unit “%(unit)s” is missing from the file.")
DUPLICATE_UNIT = N_("Unit “%(unit)s” appears more than once.")
UNIT_PROBLEM = N_("Unit “%(unit)s”: %(problem)s")


class FileFormat(StrEnum):
    XLIFF = "xliff"
    PO = "po"

    @property
    def extension(self) -> str:
        return "xlf" if self is FileFormat.XLIFF else "po"

    @property
    def media_type(self) -> str:
        return "application/xliff+xml" if self is FileFormat.XLIFF else "text/x-gettext-translation"


@dataclass(frozen=True)
class FileUnit:
    key: str
    source: str
    target: str


@dataclass
class ImportReport:
    problems: list[str] = field(default_factory=list)
    applied: int = 0
    stale: int = 0


def _language_tag(code: str) -> str:
    """Normalise `zh_Hant`, `zh-hant` and `zh-Hant` alike for comparison."""
    return code.replace("_", "-").lower()


async def export_file(consultation: Consultation, language: str, kind: FileFormat) -> bytes:
    """Every field's English and current translation, one unit per field, keyed by field."""
    states = await field_states(consultation, language)
    if kind is FileFormat.XLIFF:
        store = xliff2.Xliff2File(
            sourcelanguage=consultation.source_language, targetlanguage=language
        )
        for state in states:
            unit = store.addsourceunit(state.source.text)
            unit.setid(state.key)
            if state.target is not None:
                unit.settarget(state.target.text)
        return bytes(store)
    catalog = po.pofile()
    catalog.updateheader(add=True, Language=language, Project_Id_Version=consultation.slug)
    for state in states:
        entry = catalog.addsourceunit(state.source.text)
        entry.setcontext(state.key)
        entry.target = state.target.text if state.target else ""
    return bytes(catalog)


def detect_format(data: bytes) -> FileFormat:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]
    return FileFormat.XLIFF if head.startswith((b"<?xml", b"<xliff", b"<")) else FileFormat.PO


def read_units(data: bytes, expected_language: str, report: ImportReport) -> list[FileUnit]:
    """Parse the file, adding a problem to `report` for anything unreadable or mislabelled."""
    kind = detect_format(data)
    try:
        if kind is FileFormat.XLIFF:
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                report.problems.append(gettext(UNSAFE_XML))
                return []
            store = xliff2.Xliff2File.parsestring(data)
            language = store.gettargetlanguage()
            units = [
                FileUnit(str(u.getid() or ""), str(u.source or ""), str(u.target or ""))
                for u in store.units
            ]
        else:
            catalog = po.pofile.parsestring(data)
            language = catalog.gettargetlanguage()
            units = [
                FileUnit(str(u.getcontext() or ""), str(u.source or ""), str(u.target or ""))
                for u in catalog.units
                if not u.isheader()
            ]
    except (etree.XMLSyntaxError, ValueError, UnicodeDecodeError, AttributeError) as error:
        report.problems.append(
            gettext(NOT_READABLE, format=kind.value.upper(), reason=str(error)[:200])
        )
        return []
    if not language:
        report.problems.append(gettext(NO_LANGUAGE))
    elif _language_tag(language) != _language_tag(expected_language):
        report.problems.append(
            gettext(WRONG_LANGUAGE, found=language[:20], expected=expected_language)
        )
    return units


def check_units(units: list[FileUnit], states: list[FieldState], report: ImportReport) -> None:
    by_key = {state.key: state for state in states}
    seen: set[str] = set()
    for unit in units:
        if unit.key in seen:
            report.problems.append(gettext(DUPLICATE_UNIT, unit=unit.key[:80]))
        seen.add(unit.key)
        state = by_key.get(unit.key)
        if state is None:
            report.problems.append(gettext(UNKNOWN_UNIT, unit=unit.key[:80]))
            continue
        if not unit.target:
            continue
        # Placeholders are checked against the English the file was made from.
        for problem in wording_problems(unit.key, unit.source or state.source.text, unit.target):
            report.problems.append(gettext(UNIT_PROBLEM, unit=unit.key, problem=problem))
    for key in by_key.keys() - seen:
        report.problems.append(gettext(MISSING_UNIT, unit=key))


async def import_file(
    consultation: Consultation,
    language: str,
    data: bytes,
    user: StaffUser,
    *,
    approve: bool = False,
) -> ImportReport:
    """Check the whole file, then apply every translated unit, or nothing at all."""
    report = ImportReport()
    if not user.can_translate(language):
        report.problems.append(gettext(NOT_YOUR_LANGUAGE))
        return report
    if len(data) > MAX_IMPORT_BYTES:
        report.problems.append(gettext(TOO_LARGE, max=MAX_IMPORT_BYTES // (1024 * 1024)))
        return report
    units = read_units(data, language, report)
    states = await field_states(consultation, language)
    if not report.problems:
        check_units(units, states, report)
    if report.problems:
        return report
    by_key = {state.key: state for state in states}
    approving = approve and user.can_review(language)
    async with in_transaction():
        for unit in units:
            state = by_key[unit.key]
            if not unit.target:
                continue
            if state.target and state.target.text == unit.target and not state.stale:
                continue
            try:
                stored = await save_translation(
                    state,
                    consultation,
                    language,
                    unit.target,
                    user,
                    origin=TextOrigin.IMPORTED,
                    source_text=unit.source,
                )
            except WorkflowRefused as refusal:  # checked above; kept for safety
                raise RuntimeError(refusal.message) from refusal
            # Imported work is a professional translator's, not the importer's own.
            stored.translated_by = None
            if approving and stored.source_revision == state.source.revision:
                stored.status = TextStatus.APPROVED
                stored.reviewed_by = user.user
            await stored.save()
            if stored.status == TextStatus.APPROVED:
                await TextHistory.create(
                    unit=stored,
                    user=user.user,
                    action=TextAction.APPROVED,
                    old_text=stored.text,
                    new_text=stored.text,
                    old_status=TextStatus.DRAFT,
                    new_status=TextStatus.APPROVED,
                )
            report.applied += 1
            report.stale += stored.source_revision != state.source.revision
    return report
