"""The number of queries of "Mit lokalråd" and the round overview does not grow with the
number of assignments: the same budget holds for 5 and for 50 activities."""

import pytest
from django.urls import reverse

from plans.models import Activity, Assignment, FocusArea
from plans.services import sync_assignments
from tests.groups import group_for

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


def test_mit_lokalraad_shows_a_report_at_once_though_the_page_was_cached(
    client, plan, esbjerg, member, open_round, today, django_capture_on_commit_callbacks
):
    client.force_login(member)
    url = reverse("members:council", args=[esbjerg.pk])
    assert "Lokalrådet har indberettet 0 af" in client.get(url).text
    assignment = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:assignment", args=[assignment.pk]),
            {"status": "done", "public_text": "Holdt.", "internal_note": "", "date": today},
        )
    assert response.status_code == 302
    html = client.get(url).text
    assert "Lokalrådet har indberettet 1 af" in html
    assert "Holdt." in html


def test_mit_lokalraad_stays_cached_through_a_change_in_another_district(
    client,
    plan,
    esbjerg,
    member,
    other_district,
    make_plan,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    client.force_login(member)
    url = reverse("members:council", args=[esbjerg.pk])
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        make_plan(other_district, start=2030, end=2031, activities=1)
    with django_assert_num_queries(3):
        client.get(url)


def test_mit_lokalraad_secretary_and_member_see_their_own_variant(
    client, district, esbjerg, member, secretary
):
    """Without assignments the page tells a secretary what only a secretary can do."""
    url = reverse("members:council", args=[esbjerg.pk])
    client.force_login(member)
    assert "Som sekretær" not in client.get(url).text
    client.force_login(secretary)
    html = client.get(url).text
    assert "Som sekretær" in html
    assert "Lokal handleplan" in html
    client.force_login(member)
    assert "Som sekretær" not in client.get(url).text
