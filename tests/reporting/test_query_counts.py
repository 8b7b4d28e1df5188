"""The number of queries of "Mit lokalråd" and the round overview does not grow with the
number of assignments: the same budget holds for 5 and for 50 activities."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from councils.models import Council, PoliceDistrict
from plans.models import Activity, Assignment, FocusArea, Plan, ReportingRound
from plans.services import report_status, sync_assignments
from tests.conftest import create_user
from tests.groups import group_for

from .conftest import create_current_plan, create_open_round, create_secretariat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sized")]

MEMBER_PAGE_BUDGET = 10
ROUND_PAGE_BUDGET = 12
REPORT_PAGE_BUDGET = 13


@pytest.fixture(scope="module", params=[5, 50], ids=["5-activities", "50-activities"])
def sized(request, django_db_setup, django_db_blocker):
    """The current plan grown to N activities for every lokalråd over three focus areas, half of
    them reported by Esbjerg's member and one by Tønder's, with an open round: built once for
    the module per size, each test in a savepoint inside it."""
    count = request.param
    with django_db_blocker.unblock(), transaction.atomic():
        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        esbjerg = Council.objects.get(district=district, slug="esbjerg")
        toender = Council.objects.get(district=district, slug="toender")
        plan = create_current_plan(district)
        member = create_user("esbjerg-medlem", council=esbjerg)
        other_member = create_user("toender-medlem", council=toender)
        secretariat = create_secretariat(district)
        open_round = create_open_round(plan, secretariat)
        areas = list(plan.focus_areas.all()) + [
            FocusArea.objects.create(
                plan=plan, group=group_for(plan, "district"), title="Vold i nattelivet", order=3
            )
        ]
        existing = Activity.objects.filter(focus_area__plan=plan, all_local_councils=True).count()
        for index in range(count - existing):
            activity = Activity.objects.create(
                all_local_councils=True,
                focus_area=areas[index % 3],
                text=f"Ekstra aktivitet {index}",
                order=10 + index,
            )
            sync_assignments(activity=activity)
        own = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan)
        assert own.count() == count
        for assignment in own[: count // 2]:
            report(assignment, member, note="Intern")
        report(Assignment.objects.filter(council=toender).first(), other_member)
        yield SimpleNamespace(
            plan_pk=plan.pk,
            member_pk=member.pk,
            secretariat_pk=secretariat.pk,
            round_pk=open_round.pk,
        )
        transaction.set_rollback(True)


def report(assignment, author, *, note=""):
    """Report "in progress" as the member form does, and commit (tests/conftest.py `report`)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        report_status(
            assignment=assignment,
            status="in_progress",
            public_text="Vi er i gang.",
            internal_note=note,
            date=datetime.date.today(),
            author=author,
        )


@pytest.fixture
def sized_plan(sized):
    return Plan.objects.get(pk=sized.plan_pk)


@pytest.fixture
def member(sized):
    return get_user_model().objects.get(pk=sized.member_pk)


@pytest.fixture
def secretariat(sized):
    return get_user_model().objects.get(pk=sized.secretariat_pk)


@pytest.fixture
def open_round(sized):
    return ReportingRound.objects.get(pk=sized.round_pk)


def test_mit_lokalraad_queries_do_not_grow_with_assignments(
    client, sized_plan, esbjerg, member, django_assert_max_num_queries
):
    client.force_login(member)
    url = reverse("members:council", args=[esbjerg.pk])
    with django_assert_max_num_queries(MEMBER_PAGE_BUDGET):
        response = client.get(url)
    assert response.status_code == 200


def test_filtered_mit_lokalraad_queries_do_not_grow_with_assignments(
    client, sized_plan, esbjerg, member, django_assert_max_num_queries
):
    client.force_login(member)
    url = reverse("members:council", args=[esbjerg.pk])
    with django_assert_max_num_queries(MEMBER_PAGE_BUDGET):
        response = client.get(url, {"status": "in_progress"})
    assert response.status_code == 200


@pytest.mark.parametrize("view", ["", "aktiviteter"])
def test_round_overview_queries_do_not_grow_with_assignments(
    client, sized_plan, open_round, secretariat, django_assert_max_num_queries, view
):
    client.force_login(secretariat)
    url = reverse("rounds:detail", args=[open_round.pk])
    with django_assert_max_num_queries(ROUND_PAGE_BUDGET):
        response = client.get(url, {"visning": view, "sortering": "-andel"})
    assert response.status_code == 200


def test_status_report_queries_do_not_grow_with_assignments(
    client, sized_plan, open_round, secretariat, django_assert_max_num_queries
):
    client.force_login(secretariat)
    with django_assert_max_num_queries(REPORT_PAGE_BUDGET):
        response = client.get(reverse("rounds:report_csv", args=[open_round.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(REPORT_PAGE_BUDGET):
        response = client.get(reverse("rounds:report", args=[open_round.pk]))
    assert response.status_code == 200


def test_mit_lokalraad_second_visit_is_the_session_the_user_and_the_seats(
    client, sized_plan, esbjerg, member, django_assert_num_queries
):
    """What the page shows of the lokalråd is cached per lokalråd and district generation
    (plans/views/members.py); the page itself stays the member's own."""
    client.force_login(member)
    url = reverse("members:council", args=[esbjerg.pk])
    first = client.get(url).text
    with django_assert_num_queries(3):
        response = client.get(url)
    assert response.text.count('class="card mb-3"') == first.count('class="card mb-3"') > 0
    assert "Viser " in response.text
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
