"""Fixtures for status reporting: a published plan with two focus areas, members, secretariat."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from councils.models import Municipality, PoliceDistrict, SecretariatStaff
from councils.services import create_local_council
from plans.models import Activity, FocusArea, Plan, ReportingRound
from plans.services import sync_assignments
from tests.conftest import create_plan, create_user
from tests.groups import group_for

DISTRICT = "syd-og-soenderjyllands-politi"


def create_current_plan(district):
    """The district's current plan: "Trygt nærmiljø" with 3 activities for every lokalråd and
    "Unge og kriminalitet" with one activity for every lokalråd and one for the kredsråd. A plain
    function, so that data built once per module can have it too."""
    plan = create_plan(district, status=Plan.Status.PUBLISHED, activities=3)
    youth = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "district"), title="Unge og kriminalitet", order=2
    )
    for text, actors in [
        ("Fælles indsats mod unges hashmisbrug", {"all_local_councils": True}),
        ("Temadag for kredsrådet om unge", {"district_council": True}),
    ]:
        activity = Activity.objects.create(focus_area=youth, text=text, order=1, **actors)
        sync_assignments(activity=activity)
    return plan


def create_secretariat(district, username="sekretariat"):
    user = create_user(username, staff=True)
    SecretariatStaff.objects.create(user=user, district=district)
    return user


def create_open_round(plan, created_by):
    return ReportingRound.objects.create(
        district=plan.district,
        plan=plan,
        name="Status juni 2018",
        deadline=timezone.localdate() + datetime.timedelta(days=14),
        created_by=created_by,
    )


@pytest.fixture(scope="module")
def plan_once(django_db_setup, django_db_blocker):
    """The current `plan`, built once for the module. A module whose tests only read it, or
    change it inside their own savepoint, takes it with
    `pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]`: every test of
    the module then runs in a savepoint inside this transaction, and `plan` hands out a fresh
    instance of its row. The district has that plan in every test of such a module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield create_current_plan(PoliceDistrict.objects.get(slug=DISTRICT)).pk
        transaction.set_rollback(True)


@pytest.fixture
def plan(request, district):
    if "plan_once" in request.fixturenames:
        return Plan.objects.get(pk=request.getfixturevalue("plan_once"))
    return create_current_plan(district)


@pytest.fixture
def draft_plan(district, make_plan):
    return make_plan(district, start=2019, end=2020, status=Plan.Status.DRAFT, activities=2)


@pytest.fixture
def member(make_user, esbjerg):
    return make_user("esbjerg-medlem", council=esbjerg)


@pytest.fixture
def other_member(make_user, toender):
    return make_user("toender-medlem", council=toender)


@pytest.fixture
def secretary(make_user, esbjerg):
    return make_user("esbjerg-sekretaer", council=esbjerg, role="secretary")


@pytest.fixture
def secretariat(district, db):
    return create_secretariat(district)


@pytest.fixture
def other_secretariat(other_district, db):
    return create_secretariat(other_district, "fyn-sekretariat")


@pytest.fixture
def superuser(make_user):
    return make_user("landsadmin", superuser=True)


@pytest.fixture
def open_round(plan, secretariat):
    return create_open_round(plan, secretariat)


@pytest.fixture
def two_municipality_council(district, plan):
    """Lokalråd Sydvest covers Varde and Fanø; their former lokalråd are inactive."""
    municipalities = list(Municipality.objects.filter(name__in=["Varde", "Fanø"]))
    assert len(municipalities) == 2
    for municipality in municipalities:
        old = municipality.local_council_link.council
        municipality.local_council_link.delete()
        old.is_active = False
        old.save()
    return create_local_council(
        district=district, name="Lokalråd Sydvest", slug="sydvest", municipalities=municipalities
    )
