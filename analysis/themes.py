"""The six community-led themes of the GLADA strategy (section 6), by slug."""

from __future__ import annotations

from consult.i18n import N_

THEMES: tuple[str, ...] = (
    "neighbourhood-focus",
    "partnership-working",
    "workforce-recruitment-retention",
    "robust-monitoring",
    "secure-funding",
    "combination-of-approaches",
)

THEME_NAMES: dict[str, str] = {
    "neighbourhood-focus": N_("Neighbourhood focus"),
    "partnership-working": N_("Partnership working"),
    "workforce-recruitment-retention": N_("Workforce recruitment and retention"),
    "robust-monitoring": N_("Robust monitoring systems"),
    "secure-funding": N_("Secure funding"),
    "combination-of-approaches": N_("A combination of approaches"),
}
