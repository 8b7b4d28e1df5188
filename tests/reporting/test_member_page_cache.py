"""What "Mit lokalråd" shows of the lokalråd is cached (plans/views/members.py): a report
shows at once, a change in another district leaves the cache alone, and the page itself stays
each user's own."""

import pytest
from django.urls import reverse

from plans.models import Assignment

pytestmark = pytest.mark.django_db


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
