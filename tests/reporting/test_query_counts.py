"""The number of queries of "Mit lokalråd" and the round overview does not grow with the
number of assignments: the same budget holds for 5 and for 50 activities."""

import pytest
from django.urls import reverse

from plans.models import Activity, Assignment, FocusArea
from plans.services import sync_assignments

pytestmark = pytest.mark.django_db

MEMBER_PAGE_BUDGET = 10
ROUND_PAGE_BUDGET = 12
REPORT_PAGE_BUDGET = 13


@pytest.fixture(params=[5, 50], ids=["5-activities", "50-activities"])
def sized_plan(request, plan, esbjerg, toender, member, other_member, open_round, report):
    """The plan grown to N activities for every lokalråd over three focus areas, half of them
    reported by Esbjerg and one by Tønder."""
    count = request.param
    areas = list(plan.focus_areas.all()) + [
        FocusArea.objects.create(plan=plan, title="Vold i nattelivet", order=3)
    ]
    existing = Activity.objects.filter(focus_area__plan=plan, responsible="all_local").count()
    for index in range(count - existing):
        activity = Activity.objects.create(
            focus_area=areas[index % 3], text=f"Ekstra aktivitet {index}", order=10 + index
        )
        sync_assignments(activity=activity)
    own = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan)
    assert own.count() == count
    for assignment in own[: count // 2]:
        report(assignment, member, note="Intern")
    report(Assignment.objects.filter(council=toender).first(), other_member)
    return plan


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
