"""Plan pages are cached per version and status, validated with ETags, and cost a fixed number
of queries however many activities the plan has."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Activity, FocusArea, Plan, Status
from plans.services import sync_assignments
from plans.views import public

from .conftest import plan_url

pytestmark = pytest.mark.django_db

# Versions with their plan and district, the live status counts and the snapshot (read once per
# process); the session is untouched for an anonymous visitor. Measured: 3 on a cold cache, none
# on a warm one.
PLAN_PAGE_MAX_QUERIES = 3


def test_uncached_plan_page_reads_the_snapshot_of_a_version_once(
    client, published, settings, django_assert_max_num_queries
):
    """With no shared cache (the load benchmark's uncached phase) the page is rendered each
    time, but the version's snapshot, which never changes, is read from the database once."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    url = plan_url(published)
    first = client.get(url)
    with django_assert_max_num_queries(PLAN_PAGE_MAX_QUERIES - 1):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content


def test_uncached_plan_page_renders_what_depends_on_the_version_alone_once(
    client, published, publish, settings
):
    """The contents, foreword and appendices read the version alone: rendered once per process
    for each version, and each version shows its own."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    url = plan_url(published)
    old_url = plan_url(published, "public:plan_version", number=1)
    with mock.patch("plans.views.public.body_parts", wraps=public.body_parts) as rendered:
        first = client.get(url)
        assert client.get(url).content == first.content
    assert rendered.call_count == 1
    published.foreword = "<p>Et nyt forord.</p>"
    published.save()
    publish(published, note="Nyt forord.")
    with mock.patch("plans.views.public.body_parts", wraps=public.body_parts) as rendered:
        latest = client.get(url).content.decode()
        old = client.get(old_url).content.decode()
    assert rendered.call_count == 1  # version 2's: version 1's were kept
    assert "Et nyt forord." in latest
    assert "<p>Forord</p>" in old
    assert "Et nyt forord." not in old


def test_plan_page_is_validated_by_its_etag(client, published):
    response = client.get(plan_url(published))
    assert response.headers["ETag"].startswith('"')
    assert "no-cache" in response.headers["Cache-Control"]
    # No Last-Modified: a superseded plan or a new lokalråd changes the page at no known time.
    assert "Last-Modified" not in response.headers


def test_if_modified_since_alone_never_gets_a_stale_page(
    client, published, district, django_capture_on_commit_callbacks
):
    url = plan_url(published)
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        published.status = Plan.Status.SUPERSEDED
        published.save()
    response = client.get(url, headers={"if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT"})
    assert response.status_code == 200
    assert "Planen er afløst af en nyere samarbejdsplan." in response.content.decode()


def test_plan_page_answers_304_when_the_etag_matches(client, published):
    etag = client.get(plan_url(published)).headers["ETag"]
    response = client.get(plan_url(published), headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["ETag"] == etag


def test_new_status_changes_etag_and_page(client, published, report):
    first = client.get(plan_url(published))
    activity = Activity.objects.filter(focus_area__plan=published).first()
    report(activity.assignments.first(), status=Status.DONE, text="Færdig")
    response = client.get(plan_url(published), headers={"if-none-match": first.headers["ETag"]})
    assert response.status_code == 200
    assert response.headers["ETag"] != first.headers["ETag"]
    assert "Gennemført i 1 af 8 lokalråd" in response.content.decode()


def test_new_version_changes_the_cached_page(client, published, publish):
    client.get(plan_url(published))
    area = FocusArea.objects.get(plan=published, title="Trygt nærmiljø")
    area.title = "Tryghed i nærmiljøet"
    area.save()
    publish(published, focus_areas=[area.pk])
    html = client.get(plan_url(published)).content.decode()
    assert "Tryghed i nærmiljøet" in html


def test_older_version_page_learns_that_a_newer_version_exists(client, published, publish):
    url = plan_url(published, "public:plan_version", number=1)
    assert "Læs den nyeste version" not in client.get(url).content.decode()
    publish(published)
    assert "Læs den nyeste version (version 2)" in client.get(url).content.decode()


def test_signed_in_visitor_gets_another_etag_than_anonymous(client, published, make_user):
    anonymous = client.get(plan_url(published)).headers["ETag"]
    client.force_login(make_user("borger"))
    response = client.get(plan_url(published), headers={"if-none-match": anonymous})
    assert response.status_code == 200
    assert "Log ud" in response.content.decode()
    assert "private" in response.headers["Cache-Control"]


def test_version_json_answers_304_when_the_etag_matches(client, published):
    url = plan_url(published, "public:version_json", number=1)
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def add_activities(plan, count):
    area = FocusArea.objects.get(plan=plan, title="Trygt nærmiljø")
    for index in range(count):
        activity = Activity.objects.create(
            all_local_councils=True, focus_area=area, text=f"Ekstra {index}", order=10 + index
        )
        sync_assignments(activity=activity)


@pytest.mark.parametrize("activities", [10, 60])
def test_plan_page_query_count_does_not_grow_with_activities(
    client, content, publish, report, django_assert_max_num_queries, activities
):
    add_activities(content, activities - 4)  # the fixture has 4 already
    publish(content)
    assert Activity.objects.filter(focus_area__plan=content).count() == activities
    for activity in Activity.objects.filter(focus_area__plan=content):
        report(activity.assignments.first(), status=Status.IN_PROGRESS, text="I gang")
    url = plan_url(content)
    with django_assert_max_num_queries(PLAN_PAGE_MAX_QUERIES):
        response = client.get(url)
    assert response.content.decode().count("status-summary") == activities


def test_plan_page_query_count_is_the_same_for_10_and_60_activities(
    client, content, publish, district, make_plan
):
    counts = []
    add_activities(content, 6)
    publish(content)
    big = make_plan(district, start=2027, end=2027, activities=60)
    publish(big)
    for plan in (content, big):
        cache.clear()
        url = plan_url(plan)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_warm_cache_needs_fewer_queries_for_a_signed_in_visitor(client, published, make_user):
    """The page around the content is the visitor's own; the content comes from the cache."""
    client.force_login(make_user("borger"))
    url = plan_url(published)
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    # Session and user, then the versions with their plan, and the live status; no snapshot.
    assert len(warm) == 4
    assert len(warm) < len(cold)


def test_rows_with_the_same_status_each_name_their_own_activity(client, published, settings):
    """A row's status cell is rendered once per process for each summary and activity: two
    rows with the same counts still label their progress by their own activity."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    held_by_several = [
        activity
        for activity in Activity.objects.filter(focus_area__plan=published)
        if activity.assignments.count() > 1
    ]
    assert len(held_by_several) >= 2
    for html in (client.get(plan_url(published)).text, client.get(plan_url(published)).text):
        for activity in held_by_several:
            assert html.count(f'id="status-{activity.pk}"') == 1
            assert html.count(f'aria-labelledby="status-{activity.pk}"') == 1
