import pytest
from django.db import connection
from django.urls import reverse

from plans.models import FocusArea, PlanSearchPart
from plans.search import index_versions, search_plans

from .conftest import plan_url

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("public:search"), {"q": query}).content.decode()


def test_search_finds_a_word_from_a_focus_area_and_links_to_it(client, published):
    area = FocusArea.objects.get(plan=published, title="Unge i nattelivet")
    html = search(client, "nattelivet")
    assert f'href="{plan_url(published)}#indsatsomraade-{area.pk}"' in html
    assert "1 resultat for »nattelivet«" in html


def test_search_finds_an_activity_text_under_its_focus_area(published):
    results = search_plans("natteravne")
    assert [r.title for r in results] == ["Unge i nattelivet"]


def test_search_ignores_case(published):
    assert search_plans("NATTERAVNE")


def test_search_does_not_find_draft_text(published):
    FocusArea.objects.filter(plan=published).update(title="Hemmeligt kladdeord")
    assert search_plans("Hemmeligt") == []


def test_search_searches_the_latest_version_only(published, publish):
    FocusArea.objects.filter(plan=published, title="Unge i nattelivet").update(title="Fredagsbar")
    publish(published)
    assert [r.title for r in search_plans("Fredagsbar")] == ["Fredagsbar"]
    assert search_plans("nattelivet") == []


def test_each_version_is_indexed_once(published, publish):
    assert index_versions() == 1
    parts = PlanSearchPart.objects.count()
    assert parts == 1 + 2 + 2  # front matter, two sections, two focus areas
    assert index_versions() == 0
    publish(published)
    assert index_versions() == 1
    assert PlanSearchPart.objects.count() == 2 * parts


def test_search_marks_the_matching_word_in_the_excerpt(published):
    [result] = search_plans("natteravne")
    assert "<mark>Natteravne</mark>" in result.snippet


def test_search_escapes_what_the_user_typed(client, published):
    html = search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "Ingen resultater" in html


def test_empty_search_shows_just_the_form(client, published):
    html = client.get(reverse("public:search")).content.decode()
    assert 'name="q"' in html
    assert "resultat" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Danish stemming needs PostgreSQL")
def test_postgresql_search_stems_danish_words(published):
    """ "indbrud" finds "Indbruddene i kredsen er faldet." through the danish configuration."""
    results = search_plans("indbrud")
    assert "Trygt nærmiljø" in [r.title for r in results]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Danish stemming needs PostgreSQL")
def test_postgresql_search_ranks_title_hits_first(published):
    results = search_plans("nattelivet")
    assert results[0].title == "Unge i nattelivet"
