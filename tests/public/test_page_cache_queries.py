"""Addresses with a query string in the whole-page cache: the filtered plan page and search are
stored under the parameters they read, normalised; anything else is rendered and never stored
(plans/page_cache.py, `cache_query`)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import Council
from plans.models import Activity, Status

from .conftest import plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def rendered_again(client, url, data=None) -> bool:
    """Whether a second request for the address asks the database (so was not stored)."""
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, data).status_code == 200
    return len(queries) > 0


def test_filtered_plan_page_is_served_from_the_cache(client, published, django_assert_num_queries):
    url = plan_url(published)
    first = client.get(url, {"status": "not_started"})
    with django_assert_num_queries(0):
        second = client.get(url, {"status": "not_started", "utm_source": "nyhedsbrev"})
    assert second.content == first.content
    assert '<meta name="robots" content="noindex">' in second.text


def test_filtered_plan_page_shows_a_status_report_at_once(client, published, report):
    url = plan_url(published)
    activity = Activity.objects.get(focus_area__plan=published, text="Aktivitet 2")
    assert "Aktivitet 2" not in client.get(url, {"status": "in_progress"}).text
    report(activity.assignments.first(), status=Status.IN_PROGRESS)
    assert "Aktivitet 2" in client.get(url, {"status": "in_progress"}).text


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},  # not a status
        {"lokalraad": "ikke-et-lokalraad"},  # not one of the district's lokalråd
        {"kommune": "Aarhus"},  # not a kommune of the plan
        {"status": "done", "side": "2"},  # a parameter the page does not read
        "status=done&status=cancelled",  # one given twice
        {"kommune": "x" * 201},  # too long to be a name
    ],
)
def test_junk_in_the_query_string_is_rendered_and_never_stored(client, published, query):
    url = plan_url(published)
    if isinstance(query, str):
        url, query = f"{url}?{query}", None
    assert rendered_again(client, url, query)


def search(client, query, **extra):
    return client.get(reverse("public:search"), {"q": query, **extra})


def test_search_is_served_from_the_cache_under_its_normalised_words(
    client, published, django_assert_num_queries
):
    first = search(client, "Esbjerg")
    with django_assert_num_queries(0):
        again = search(client, "  Esbjerg\t", utm_campaign="x")
    assert again.content == first.content
    assert "<title>Søgning: Esbjerg – " in again.text


def test_search_follows_a_renamed_lokalraad(client, published, django_capture_on_commit_callbacks):
    """Search spans every district: any district's change renders it again (national scope)."""
    assert "Lokalråd Esbjerg" in search(client, "Esbjerg").text
    council = Council.objects.get(district=published.district, slug="esbjerg")
    with django_capture_on_commit_callbacks(execute=True):
        council.name = "Lokalråd Esbjerg og Fanø"
        council.save()
    assert "Lokalråd Esbjerg og Fanø" in search(client, "Esbjerg").text


def test_search_that_finds_nothing_is_not_stored(client, published):
    assert "Ingen resultater" in search(client, "qwxzzy").text
    assert rendered_again(client, reverse("public:search"), {"q": "qwxzzy"})
