"""Fixtures for the secretariat admin: staff users with explicit model permissions and a
secretariat, and one of every kind of row in two districts."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from councils.models import Council, Membership, Person, SecretariatStaff, StaffFunction
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


@pytest.fixture
def make_secretary(make_user):
    def make(username, district):
        user = make_user(username, staff=True)
        grant_secretariat_permissions(user)
        SecretariatStaff.objects.create(user=user, district=district)
        return user

    return make


@pytest.fixture
def secretary(make_secretary, district):
    """Secretariat staff of Syd- og Sønderjylland (district A)."""
    return make_secretary("sekretariat-syd", district)


@pytest.fixture
def other_secretary(make_secretary, other_district):
    """Secretariat staff of Fyn (district B)."""
    return make_secretary("sekretariat-fyn", other_district)


@pytest.fixture
def superuser(make_user):
    return make_user("landsadmin", superuser=True)


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


@pytest.fixture
def world(district, secretary, make_plan):
    """District A's rows."""
    return build_world(district, suffix="syd", author=secretary, make_plan=make_plan)


@pytest.fixture
def other_world(other_district, other_secretary, make_plan):
    """District B's rows."""
    return build_world(other_district, suffix="fyn", author=other_secretary, make_plan=make_plan)
