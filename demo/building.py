"""Small idempotent builders that both demo districts use: rows made through `full_clean()`,
people and seats looked up by their natural key first, dates given as tuples."""

import datetime

from django.utils import timezone

from councils.models import Membership, Person


class PlanState:
    CREATED = "created"
    EXISTS = "exists"
    SKIPPED = "skipped"  # the district already has another current plan


def day(parts) -> datetime.date:
    return datetime.date(*parts)


def aware(parts) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*parts))


def create(model, **values):
    obj = model(**values)
    obj.full_clean()
    obj.save()
    return obj


def ensure_person(*, name, title, organisation, email="", user=None) -> Person:
    person = Person.objects.filter(name=name, organisation=organisation).first()
    if person is None:
        if user is not None and Person.objects.filter(user=user).exists():
            user = None  # the account already belongs to another person: do not steal it
        person = create(
            Person, name=name, title=title, organisation=organisation, email=email, user=user
        )
    return person


def ensure_membership(*, person, council, role, title, organisation, order) -> None:
    if Membership.objects.filter(person=person, council=council).exists():
        return
    if (
        role == Membership.Role.CHAIR
        and Membership.objects.filter(council=council, role=role).exists()
    ):
        role = Membership.Role.MEMBER  # the council already has a chair; keep theirs
    create(
        Membership,
        person=person,
        council=council,
        role=role,
        title=title,
        organisation=organisation,
        order=order,
    )


def ensure_function_seat(*, council, role, title, organisation, order) -> None:
    """A seat given by its function alone, unless the council has a seat of that title and
    organisation already (by name or by function)."""
    if Membership.objects.filter(council=council, title=title, organisation=organisation).exists():
        return
    if (
        role == Membership.Role.CHAIR
        and Membership.objects.filter(council=council, role=role).exists()
    ):
        role = Membership.Role.MEMBER
    create(
        Membership,
        council=council,
        role=role,
        title=title,
        organisation=organisation,
        order=order,
    )
