"""The bare Starlette endpoint the load benchmark compares with: the most this machine can do.

.venv/bin/uvicorn bench.ceiling:app --port PORT
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route


async def accept(request: Request) -> Response:
    await request.form()
    return PlainTextResponse("ok")


app = Starlette(routes=[Route("/", accept, methods=["GET", "POST"])])
