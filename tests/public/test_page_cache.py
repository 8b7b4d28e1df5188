"""Visitors who are not signed in get the plan pages from the whole-page cache: no database
query on a hit, and never a page older than the last change to the plans, councils or forums."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.middleware.csrf import get_token

from councils.models import Council
from plans.models import Activity, Plan, Status
from plans.page_cache import (
    anonymous_page_cache,
    district_scope,
    generation_key,
    generations,
)
from plans.services import report_status, sync_assignments_for_council

from .conftest import plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def test_second_visit_needs_no_database_query(client, published, django_assert_num_queries):
    url = plan_url(published)
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_older_version_page_is_cached_too(client, published, django_assert_num_queries):
    url = plan_url(published, "public:plan_version", number=1)
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_cached_page_answers_304_to_a_matching_etag(client, published):
    url = plan_url(published)
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_reported_status_shows_at_once(client, published, report):
    url = plan_url(published)
    assert "Gennemført i 1 af 8 lokalråd" not in client.get(url).content.decode()
    activity = Activity.objects.filter(focus_area__plan=published, all_local_councils=True).first()
    report(activity.assignments.first(), status=Status.DONE, text="Færdig")
    assert "Gennemført i 1 af 8 lokalråd" in client.get(url).content.decode()


def test_new_lokalraad_counts_at_once_though_its_assignments_are_bulk_created(
    client, published, district, django_capture_on_commit_callbacks
):
    council = Council.objects.create(district=district, kind=Council.Kind.LOCAL, name="Nyt råd")
    url = plan_url(published)
    assert "af 8 lokalråd" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sync_assignments_for_council(council=council)
    assert "af 9 lokalråd" in client.get(url).content.decode()


def test_change_moves_the_generation_when_it_commits_and_not_before(
    published, district, make_user, today, django_capture_on_commit_callbacks
):
    """A page rendered from the data before the commit is never served after it (see
    plans/page_cache.py for why the move after the commit is enough)."""
    assignment = Activity.objects.filter(focus_area__plan=published).first().assignments.first()
    scopes = [district_scope(district.slug)]
    before = generations(scopes)
    with django_capture_on_commit_callbacks(execute=True):
        report_status(
            assignment=assignment,
            status=Status.IN_PROGRESS,
            public_text="I gang",
            internal_note="",
            date=today,
            author=make_user("indberetter"),
        )
        assert generations(scopes) == before
    assert generations(scopes) != before


def test_move_lost_by_an_unreachable_cache_is_made_up_at_the_next_lookup(
    client, published, monkeypatch, django_capture_on_commit_callbacks
):
    """The cache kept its pages through an outage that swallowed the move of a change."""
    url = plan_url(published)
    client.get(url)
    # What django-redis's incr gives when Redis cannot be reached (IGNORE_EXCEPTIONS).
    monkeypatch.setattr(caches["default"], "incr", lambda *args, **kwargs: None)
    with django_capture_on_commit_callbacks(execute=True):
        published.status = Plan.Status.SUPERSEDED
        published.save()
    monkeypatch.undo()
    assert "Planen er afløst af en nyere samarbejdsplan." in client.get(url).content.decode()


def test_generation_lost_from_the_cache_starts_anew(published, district):
    scope = district_scope(district.slug)
    [_, old] = generations([scope])
    cache.delete(generation_key(scope))
    [_, new] = generations([scope])
    assert new > old


def test_signed_in_visitor_is_not_served_the_anonymous_page(client, published, make_user):
    url = plan_url(published)
    client.get(url)
    client.force_login(make_user("borger"))
    html = client.get(url).content.decode()
    assert "Log ud" in html
    assert "Log ind" not in html


def test_visitor_with_a_pending_message_sees_it(client, published, rf):
    url = plan_url(published)
    client.get(url)
    storage = CookieStorage(rf.get("/"))
    storage.add(messages.INFO, "Du er logget ud.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies[CookieStorage.cookie_name] = carrier.cookies[CookieStorage.cookie_name].value
    assert "Du er logget ud." in client.get(url).content.decode()


def test_address_with_an_unknown_parameter_is_rendered(
    client, published, django_assert_num_queries
):
    url = plan_url(published)
    client.get(url)
    client.get(f"{url}?side=2")
    # Not a copy of the plain address's cache entry: the page is looked up again.
    with django_assert_num_queries(2):  # versions with their plan, live status
        assert client.get(f"{url}?side=2").status_code == 200


def test_address_from_a_newsletter_link_is_the_plain_address(
    client, published, django_assert_num_queries
):
    """No page reads utm_… parameters: the plain address's cache entry serves them."""
    url = plan_url(published)
    first = client.get(url)
    with django_assert_num_queries(0):
        assert client.get(f"{url}?utm_source=nyhedsbrev").content == first.content


def test_draft_is_not_found_even_after_its_address_was_cached(
    client, published, django_capture_on_commit_callbacks
):
    url = plan_url(published)
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        published.status = Plan.Status.DRAFT
        published.save()
    assert client.get(url).status_code == 404


def test_page_holding_a_csrf_token_is_never_shared(rf):
    """A form's token belongs to one visitor: such a page is rendered for each of them."""

    @anonymous_page_cache
    def form_page(request):
        return HttpResponse(get_token(request))

    first = form_page(rf.get("/formular/")).content
    assert form_page(rf.get("/formular/")).content != first
