"""The data protection log as an officer reads it."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_datetime

from consult import i18n
from consult.i18n import N_, gettext
from surveys.dataprotection.models import DataProtectionAction, DataProtectionLog

ACTION_LABELS: dict[str, str] = {
    DataProtectionAction.WITHDRAWN.value: N_("A respondent withdrew their response"),
    DataProtectionAction.RETENTION_DATE_SET.value: N_("Retention date set"),
    DataProtectionAction.RETENTION.value: N_("Written answers deleted after the retention date"),
}
# Who acted when no officer did.
NO_OFFICER: dict[str, str] = {
    DataProtectionAction.WITHDRAWN.value: N_("The respondent"),
    DataProtectionAction.RETENTION.value: N_("The retention job"),
}


@dataclass(frozen=True)
class LogRow:
    when: str
    action: str
    responses: int
    answers: int
    who: str


def present_log_entry(entry: DataProtectionLog, names: dict[int, str]) -> LogRow:
    officer_id: int | None = entry.performed_by_id  # type: ignore[attr-defined]
    fallback = NO_OFFICER.get(entry.action.value)
    return LogRow(
        when=format_datetime(
            entry.created_at, format="medium", locale=i18n.current_language().locale
        ),
        action=gettext(ACTION_LABELS[entry.action.value]),
        responses=entry.responses,
        answers=entry.answers,
        who=names.get(officer_id, "") if officer_id else (gettext(fallback) if fallback else ""),
    )
