"""Fixtures for the secretariat admin: staff users with explicit model permissions and a
secretariat, and one of every kind of row in two districts.

The staff users and the two districts' rows are made once per module (`staff_users`,
`world_rows`, `other_world_rows`), inside a transaction rolled back at the module's end; each test
runs in its own savepoint inside it and gets them read afresh from the database (`secretary`,
`world`, …), so what one test changes is gone before the next. A transactional test commits
what it makes, for other connections to see: it makes its own rows, in a module of its own."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from councils.models import (
    Council,
    Membership,
    Person,
    PoliceDistrict,
    SecretariatStaff,
    StaffFunction,
)
from forums.models import Forum
from plans.models import (
    AnnualCycleEntry,
    Assignment,
    Plan,
    PlanSection,
    PlanVersion,
    ReportingRound,
    StatusUpdate,
    WorkflowEvent,
)
from plans.services import add_plan_attachment, add_section_figure
from plans.snapshot import build_snapshot
from tests import database_kind
from tests.conftest import create_plan, create_user
from tests.uploads import pdf_bytes, png_bytes

EDIT = ("add", "change", "delete", "view")

# What a secretariat user may do, model by model (the Sekretariat group gives the same).
SECRETARIAT_PERMISSIONS = {
    "councils": {
        "policedistrict": ("view",),
        "municipality": ("view",),
        "council": EDIT,
        "councilmunicipality": EDIT,
        "person": EDIT,
        "membership": EDIT,
        "secretariatstaff": ("view",),
        "stafffunction": EDIT,
    },
    "forums": {"forum": EDIT},
    "plans": {
        "plan": EDIT,
        "plansection": EDIT,
        "focusarea": EDIT,
        "activity": EDIT,
        "annualcycleentry": EDIT,
        "sectionfigure": EDIT,
        "planattachment": EDIT,
        "focusareagroup": EDIT,
        "goal": EDIT,
        "reportinground": ("add", "change", "view"),
        "assignment": ("view",),
        "statusupdate": ("add", "view"),
        "planversion": ("view",),
        "workflowevent": ("view",),
    },
}


def grant_secretariat_permissions(user):
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in SECRETARIAT_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames
    ]
    user.user_permissions.add(*permissions)


def create_secretary(username, district):
    user = create_user(username, staff=True)
    grant_secretariat_permissions(user)
    SecretariatStaff.objects.create(user=user, district=district)
    return user


@pytest.fixture
def make_secretary(db):
    return create_secretary


DISTRICT_A = "syd-og-soenderjyllands-politi"
DISTRICT_B = "fyns-politi"


def refuse_transactional(request) -> None:
    database_kind.refuse_transactional(
        request,
        "A transactional test makes its own rows: override the fixture in a module of "
        "transactional tests (as test_locking_concurrent.py does).",
    )


# The staff users: secretariat staff of district A and of district B, a national administrator.
STAFF = {
    "secretary": lambda: create_secretary(
        "sekretariat-syd", PoliceDistrict.objects.get(slug=DISTRICT_A)
    ),
    "other_secretary": lambda: create_secretary(
        "sekretariat-fyn", PoliceDistrict.objects.get(slug=DISTRICT_B)
    ),
    "superuser": lambda: create_user("landsadmin", superuser=True),
}


@pytest.fixture(scope="module")
def staff_users(django_db_setup, django_db_blocker):
    """The ids of the STAFF users, made once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield {role: create().pk for role, create in STAFF.items()}
        transaction.set_rollback(True)


def staff_user(request, staff_users, role):
    refuse_transactional(request)
    return get_user_model().objects.get(pk=staff_users[role])


@pytest.fixture
def secretary(db, request, staff_users):
    """Secretariat staff of Syd- og Sønderjylland (district A)."""
    return staff_user(request, staff_users, "secretary")


@pytest.fixture
def other_secretary(db, request, staff_users):
    """Secretariat staff of Fyn (district B)."""
    return staff_user(request, staff_users, "other_secretary")


@pytest.fixture
def superuser(db, request, staff_users):
    return staff_user(request, staff_users, "superuser")


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


def build_world(district, *, suffix, author, make_plan):
    """One row of every model the admin shows, in one district."""
    plan = make_plan(district, start=2017, end=2018, activities=2)
    section = PlanSection.objects.create(
        plan=plan, title=f"Organisering {suffix}", body="<p>Tre niveauer</p>", order=1
    )
    figure = add_section_figure(
        section=section,
        image=png_bytes(),
        alt_text=f"Diagram over samarbejdet {suffix}",
        caption=f"Figur 1 {suffix}",
    )
    attachment = add_plan_attachment(plan=plan, pdf=pdf_bytes(), title=f"Forretningsorden {suffix}")
    area = plan.focus_areas.get()
    activity = area.activities.order_by("order").first()
    local = Council.objects.filter(district=district, kind=Council.Kind.LOCAL).first()
    district_council = Council.objects.get(district=district, kind=Council.Kind.DISTRICT)
    entry = AnnualCycleEntry.objects.create(
        plan=plan, title=f"Borgmestermøde {suffix}", quarter=1, council=district_council
    )
    forum = Forum.objects.create(
        district=district, name=f"SSP {suffix}", slug=f"ssp-{suffix}", kind=Forum.Kind.SSP
    )
    person = Person.objects.create(name=f"Borgmester {suffix}", title="borgmester")
    membership = Membership.objects.create(
        person=person, council=district_council, role=Membership.Role.VICE_CHAIR
    )
    assignment = Assignment.objects.get(activity=activity, council=local)
    reporting_round = ReportingRound.objects.create(
        district=district,
        plan=plan,
        name=f"Status juni {suffix}",
        opened_on=datetime.date(2017, 5, 1),
        deadline=datetime.date(2017, 6, 1),
    )
    update = StatusUpdate.objects.create(
        assignment=assignment,
        status="in_progress",
        public_text="Borgermøder er planlagt.",
        date=datetime.date(2017, 5, 15),
        author=author,
        reporting_round=reporting_round,
    )
    old_plan = Plan.objects.create(
        district=district,
        period_start=2015,
        period_end=2016,
        foreword="<p>Forord</p>",
        status=Plan.Status.SUPERSEDED,
    )
    version = PlanVersion.objects.create(
        plan=old_plan,
        number=1,
        published_on=datetime.date(2015, 1, 1),
        snapshot=build_snapshot(old_plan),
    )
    event = WorkflowEvent.objects.create(plan=old_plan, step=WorkflowEvent.Step.PUBLISHED)
    staff_function = StaffFunction.objects.create(
        district=district, name=f"Ledelsessekretariatet {suffix}", tasks="Kredsrådets møder"
    )
    return {
        "plan": plan,
        "plansection": section,
        "sectionfigure": figure,
        "planattachment": attachment,
        "focusarea": area,
        "focusareagroup": area.group,
        "activity": activity,
        "annualcycleentry": entry,
        "forum": forum,
        "person": person,
        "membership": membership,
        "council": local,
        "assignment": assignment,
        "reportinground": reporting_round,
        "statusupdate": update,
        "planversion": version,
        "workflowevent": event,
        "stafffunction": staff_function,
        "policedistrict": district,
        "municipality": local.municipalities.first(),
        "old_plan": old_plan,
    }


def built_once(district_slug, *, suffix, author_pk, django_db_blocker):
    """`build_world` for the module, in a transaction rolled back at its end: each row's model
    and id."""
    with django_db_blocker.unblock(), transaction.atomic():
        rows = build_world(
            PoliceDistrict.objects.get(slug=district_slug),
            suffix=suffix,
            author=get_user_model().objects.get(pk=author_pk),
            make_plan=create_plan,
        )
        yield {name: (type(row), row.pk) for name, row in rows.items()}
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world_rows(staff_users, django_db_blocker):
    yield from built_once(
        DISTRICT_A,
        suffix="syd",
        author_pk=staff_users["secretary"],
        django_db_blocker=django_db_blocker,
    )


@pytest.fixture(scope="module")
def other_world_rows(staff_users, django_db_blocker):
    yield from built_once(
        DISTRICT_B,
        suffix="fyn",
        author_pk=staff_users["other_secretary"],
        django_db_blocker=django_db_blocker,
    )


def read_afresh(request, rows) -> dict:
    refuse_transactional(request)
    return {name: model._base_manager.get(pk=pk) for name, (model, pk) in rows.items()}


@pytest.fixture
def world(db, request, world_rows):
    """District A's rows."""
    return read_afresh(request, world_rows)


@pytest.fixture
def other_world(db, request, other_world_rows):
    """District B's rows."""
    return read_afresh(request, other_world_rows)
