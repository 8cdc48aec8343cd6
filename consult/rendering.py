"""Render a template with the app's templates: the one way views produce HTML."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request, template, context, status_code=status_code
    )
    return response
