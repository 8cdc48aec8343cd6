"""Passwords, sign-in with throttling, sessions, and who may do what."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.requests import HTTPConnection

from consult.accounts.models import LanguageAssignment, LoginThrottle, Role, StaffSession, User

SESSION_KEY = "staff_session"
SESSION_LIFETIME = timedelta(hours=8)
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)

password_hasher = PasswordHasher()
# Verified against when the account does not exist, so both cases take the same time.
_UNKNOWN_ACCOUNT_HASH = password_hasher.hash(secrets.token_urlsafe(16))


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def create_user(
    email: str,
    name: str,
    password: str,
    role: Role,
    languages: dict[str, bool] | None = None,
) -> User:
    """Create a staff account; `languages` maps a language code to whether they review it."""
    user = await User.create(
        email=normalise_email(email),
        name=name,
        password_hash=password_hasher.hash(password),
        role=role,
    )
    for language, can_review in (languages or {}).items():
        await LanguageAssignment.create(user=user, language=language, can_review=can_review)
    return user


class SignInRefused(Exception):
    """Wrong email or password, an inactive account, or too many failures: said alike."""


async def authenticate(email: str, password: str, now: datetime | None = None) -> User:
    now = now or datetime.now(UTC)
    key = _digest(normalise_email(email))
    throttle = await LoginThrottle.filter(key_hash=key).first()
    if throttle and throttle.locked_until and throttle.locked_until > now:
        raise SignInRefused
    user = await User.filter(email=normalise_email(email), is_active=True).first()
    try:
        password_hasher.verify(user.password_hash if user else _UNKNOWN_ACCOUNT_HASH, password)
    except (VerificationError, InvalidHashError):
        await _record_failure(key, throttle, now)
        raise SignInRefused from None
    if user is None:
        raise SignInRefused
    if throttle:
        await throttle.delete()
    if password_hasher.check_needs_rehash(user.password_hash):
        user.password_hash = password_hasher.hash(password)
        await user.save(update_fields=["password_hash"])
    return user


async def _record_failure(key: str, throttle: LoginThrottle | None, now: datetime) -> None:
    if throttle is None or now - throttle.window_started_at > FAILURE_WINDOW:
        await LoginThrottle.update_or_create(
            key_hash=key, defaults={"failures": 1, "window_started_at": now, "locked_until": None}
        )
        return
    throttle.failures += 1
    if throttle.failures >= MAX_FAILURES:
        throttle.locked_until = now + LOCKOUT
    await throttle.save()


async def staff_names() -> dict[int, str]:
    """Every staff member's name by id, for showing who did what."""
    return {user.id: user.name for user in await User.all().only("id", "name")}


async def start_session(connection: HTTPConnection, user: User) -> None:
    """Sign in: a fresh session (new CSRF token, nothing carried over) bound to a new key."""
    key = secrets.token_urlsafe(32)
    await StaffSession.create(
        key_hash=_digest(key), user=user, expires_at=datetime.now(UTC) + SESSION_LIFETIME
    )
    connection.session.clear()
    connection.session[SESSION_KEY] = key


async def end_session(connection: HTTPConnection) -> None:
    key = connection.session.get(SESSION_KEY)
    if isinstance(key, str):
        await StaffSession.filter(key_hash=_digest(key)).delete()
    connection.session.clear()


@dataclass
class StaffUser(BaseUser):
    """The signed-in person, with the languages they translate and review."""

    user: User
    translates: frozenset[str]
    reviews: frozenset[str]

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.user.name

    @property
    def identity(self) -> str:
        return str(self.user.id)

    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def manages_content(self) -> bool:
        return self.user.role in (Role.ADMIN, Role.OFFICER)

    def can_translate(self, language: str) -> bool:
        return self.manages_content or language in self.translates

    def can_review(self, language: str) -> bool:
        return self.manages_content or language in self.reviews


class StaffAuthenticationBackend(AuthenticationBackend):
    """Find the staff user behind the session's key; respondents have none and pass as anonymous."""

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        key = conn.session.get(SESSION_KEY)
        if not isinstance(key, str):
            return None
        session = (
            await StaffSession.filter(key_hash=_digest(key), expires_at__gt=datetime.now(UTC))
            .select_related("user")
            .first()
        )
        if session is None or not session.user.is_active:
            return None
        assignments = await LanguageAssignment.filter(user=session.user)
        staff = StaffUser(
            user=session.user,
            translates=frozenset(a.language for a in assignments),
            reviews=frozenset(a.language for a in assignments if a.can_review),
        )
        return AuthCredentials(["authenticated", session.user.role.value]), staff
