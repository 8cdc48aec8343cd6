"""axe-core, loaded from node_modules, run in the page under test."""

from __future__ import annotations

from functools import cache
from typing import Any

from playwright.async_api import Page

from tests.browser.conftest import AXE_SCRIPT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@cache
def axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Violations of axe's WCAG 2.0, 2.1 and 2.2 A and AA rules on the current page."""
    await page.evaluate(axe_source())
    result: dict[str, Any] = await page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


class AxeAudit:
    """Runs axe on each page a test visits and keeps every violation by page name."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.failures: dict[str, list[dict[str, Any]]] = {}

    async def check(self, name: str) -> None:
        violations = await axe_violations(self.page)
        if violations:
            self.failures[name] = violations
