"""Registering and verifying community groups, and what a group's representative may see."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from consult.accounts.models import Role, User
from consult.accounts.services import create_user
from surveys.groups.models import Organisation, OrganisationKind, Representative
from surveys.models import Response

# London's 32 boroughs and the City, as the GLA lists them.
LONDON_BOROUGHS: tuple[str, ...] = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden",
    "City of London", "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney",
    "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow",
    "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham",
    "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
)  # fmt: skip


async def register_group(
    *,
    name: str,
    kind: OrganisationKind,
    borough: str,
    contact_name: str,
    email: str,
    password: str,
) -> User:
    """A new, unverified group and its first representative's account."""
    async with in_transaction():
        organisation = await Organisation.create(
            name=name, kind=kind, borough=borough, contact_name=contact_name, contact_email=email
        )
        user = await create_user(email, contact_name, password, Role.GROUP_REPRESENTATIVE)
        await Representative.create(user=user, organisation=organisation)
    return user


async def add_representative(
    organisation: Organisation, *, name: str, email: str, password: str
) -> User:
    """Another account that speaks for the same group."""
    async with in_transaction():
        user = await create_user(email, name, password, Role.GROUP_REPRESENTATIVE)
        await Representative.create(user=user, organisation=organisation)
    return user


async def representatives_of(organisation: Organisation) -> list[User]:
    links = await Representative.filter(organisation=organisation).prefetch_related("user")
    return sorted((link.user for link in links), key=lambda user: user.id)


async def organisation_of(user: User) -> Organisation | None:
    """The group this account speaks for, if it is a representative's."""
    link = await Representative.filter(user=user).prefetch_related("organisation").first()
    return link.organisation if link else None


async def verify_group(organisation: Organisation, officer: User) -> None:
    if organisation.verified_at is None:
        organisation.verified_at = datetime.now(UTC)
        organisation.verified_by = officer
        await organisation.save(update_fields=["verified_at", "verified_by_id"])


async def group_responses(organisation: Organisation) -> list[Response]:
    """This group's responses, newest first: never another group's, nor withdrawn ones."""
    return (
        await Response.filter(organisation=organisation, withdrawn_at__isnull=True)
        .order_by("-submitted_at")
        .prefetch_related("consultation", "group_statement")
    )
