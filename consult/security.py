"""Request-level protections: body size limit, CSRF, security headers, secure cookies."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_SESSION_KEY = "csrf_token"
CSRF_FIELD_NAME = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)

# Renders a refusal page in the request's language; supplied by the app at assembly.
RefusalRenderer = Callable[[Request, int, str], Awaitable[Response]]


def csrf_token(connection: HTTPConnection) -> str:
    """The session's CSRF token, created on first use."""
    token = connection.session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        connection.session[CSRF_SESSION_KEY] = token
    return token


class BodySizeLimitMiddleware:
    """Refuse request bodies over the limit with 413, whether declared or streamed.

    File uploads (paths ending in one of `upload_suffixes`) get the larger upload limit.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        max_upload_bytes: int,
        upload_suffixes: tuple[str, ...],
        refuse: RefusalRenderer,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes
        self.upload_suffixes = upload_suffixes
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = (
            self.max_upload_bytes
            if scope["path"].endswith(self.upload_suffixes)
            else self.max_bytes
        )
        declared = HTTPConnection(scope).headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            response = await self.refuse(Request(scope, receive), 413, "too_large")
            await response(scope, receive, send)
            return
        body = bytearray()
        more_body = True
        while more_body:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more_body = message.get("more_body", False)
            if len(body) > limit:
                response = await self.refuse(Request(scope, receive), 413, "too_large")
                await response(scope, receive, send)
                return
        await self.app(scope, replay_body(bytes(body), receive), send)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands over an already-read body once, then waits on the real one.

    Waiting matters: responses listen for `http.disconnect` and stop sending when it comes.
    """
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class CSRFMiddleware:
    """Every state-changing request must carry the session's token, in the form or a header.

    Sits inside BodySizeLimitMiddleware, so the body it reads is already bounded and is
    replayed to the endpoint unchanged.
    """

    def __init__(self, app: ASGIApp, refuse: RefusalRenderer) -> None:
        self.app = app
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        message = await receive()
        body = message.get("body", b"")
        request = Request(scope, replay_body(body, receive))
        expected = request.session.get(CSRF_SESSION_KEY)
        supplied = request.headers.get("x-csrf-token")
        if supplied is None:
            async with request.form() as form:
                value = form.get(CSRF_FIELD_NAME)
                supplied = value if isinstance(value, str) else None
        if not (
            isinstance(expected, str)
            and supplied
            and hmac.compare_digest(expected.encode(), supplied.encode())
        ):
            response = await self.refuse(request, 403, "csrf")
            await response(scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)


class SecurityHeadersMiddleware:
    """Add strict security headers to every response; mark cookies Secure over HTTPS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
                if https:
                    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
                    cookies = headers.getlist("set-cookie")
                    del headers["set-cookie"]
                    for cookie in cookies:
                        secure = "; secure" if "secure" not in cookie.lower() else ""
                        headers.append("set-cookie", cookie + secure)
            await send(message)

        await self.app(scope, receive, send_with_headers)
