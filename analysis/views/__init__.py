"""The analysis pages: tagging, the dashboard and exports, review, and the themed summary."""

from __future__ import annotations

from starlette.routing import Route

from analysis.views import campaigns, dashboard, review, summary, tagging
from consult.accounts.access import CONTENT_MANAGERS, StaffRoute

STAFF = "/{lang}/staff/consultations/{slug}"

routes = [
    StaffRoute(
        f"{STAFF}/tagging",
        tagging.tagging,
        name="tagging",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
    StaffRoute(f"{STAFF}/dashboard", dashboard.dashboard, name="dashboard", roles=CONTENT_MANAGERS),
    StaffRoute(
        f"{STAFF}/dashboard/charts/{{chart}}.svg",
        dashboard.dashboard_chart,
        name="dashboard_chart",
        roles=CONTENT_MANAGERS,
    ),
    StaffRoute(
        f"{STAFF}/export.csv", dashboard.export_csv, name="export_csv", roles=CONTENT_MANAGERS
    ),
    StaffRoute(
        f"{STAFF}/export.xlsx", dashboard.export_xlsx, name="export_xlsx", roles=CONTENT_MANAGERS
    ),
    StaffRoute(f"{STAFF}/campaigns", campaigns.campaigns, name="campaigns", roles=CONTENT_MANAGERS),
    StaffRoute(
        f"{STAFF}/review/{{question}}",
        review.review_queue,
        name="review",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
    StaffRoute(
        f"{STAFF}/summary",
        summary.summary_preview,
        name="summary_preview",
        methods=["GET", "POST"],
        roles=CONTENT_MANAGERS,
    ),
    StaffRoute(
        f"{STAFF}/summary/charts/{{chart}}.svg",
        summary.summary_preview_chart,
        name="summary_preview_chart",
        roles=CONTENT_MANAGERS,
    ),
    Route("/{lang}/consultations/{slug}/summary", summary.public_summary, name="summary"),
    Route(
        "/{lang}/consultations/{slug}/summary/charts/{chart}.svg",
        summary.public_summary_chart,
        name="summary_chart",
    ),
]
