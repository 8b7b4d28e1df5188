import re

import pytest
from django.db import connection
from django.urls import reverse

from councils.models import Council, Municipality, PoliceDistrict
from councils.reference import read_reference_rows
from forums.models import Forum
from plans.models import FocusArea, PlanSearchPart
from plans.places import search_places
from plans.search import index_versions, search_plans

from .conftest import h1_count, plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def search(client, query):
    return client.get(reverse("public:search"), {"q": query}).content.decode()


def test_search_finds_a_word_from_a_focus_area_and_links_to_it(client, published):
    area = FocusArea.objects.get(plan=published, title="Unge i nattelivet")
    html = search(client, "nattelivet")
    assert f'href="{plan_url(published)}#indsatsomraade-{area.pk}"' in html
    assert "1 resultat i planerne for »nattelivet«" in html


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


def test_search_keeps_a_heading_apart_from_the_text_under_it(published):
    """The section's body is "<p>Tre niveauer.</p><h4>Kredsråd</h4>": two lines in the snippet."""
    [result] = search_plans("niveauer")
    assert result.snippet == "Tre <mark>niveauer</mark>.<br>Kredsråd"


def test_search_shows_each_activity_of_a_focus_area_on_its_own_line(published):
    [result] = search_plans("natteravne")
    assert "<mark>Natteravne</mark> i weekenden · Lokalråd Esbjerg" in result.snippet
    assert "<br>" not in result.snippet.split("<mark>")[0][-5:]


# --- Places: districts, kommuner, lokalråd and forums by name ----------------------------------

KOMMUNER = [row["kommune"] for row in read_reference_rows()]


def place_titles(query):
    return [place.title for place in search_places(query)]


@pytest.mark.parametrize("name", KOMMUNER)
def test_a_kommunes_name_leads_to_its_district_and_lokalraad(client, name):
    municipality = Municipality.objects.select_related("district").get(name=name)
    council = municipality.local_council
    html = search(client, name)
    kommune_result = re.search(
        rf'<p class="search-kind mb-0">Kommune</p>\s*<h3[^>]*><a [^>]*>{name} Kommune</a>'
        r".*?</ul>",
        html,
        re.DOTALL,
    )
    assert kommune_result, f"searching {name!r} shows no result for {name} Kommune"
    links = kommune_result[0]
    assert f'href="{municipality.district.get_absolute_url()}"' in links, (
        f"{name} Kommune's result does not link {municipality.district.name}"
    )
    assert f'href="{council.get_absolute_url()}"' in links, (
        f"{name} Kommune's result does not link {council.name}"
    )


@pytest.mark.parametrize("name", KOMMUNER)
def test_a_kommunes_name_puts_its_lokalraad_first(name):
    council = Municipality.objects.get(name=name).local_council
    first = search_places(name)[0]
    assert (first.kind, first.title) == ("local", council.name), (
        f"searching {name!r} shows {first.title} first, not {council.name}"
    )


def test_every_councils_name_puts_that_council_first(db):
    wrong = []
    for council in Council.objects.exclude(kind=Council.Kind.DISTRICT):
        found = place_titles(council.name)
        if not found or found[0] != council.name:
            wrong.append(f"{council.name!r} → {found[:3]}")
    assert not wrong, "searching these councils' names did not show them first:\n" + "\n".join(
        wrong
    )


def test_every_kredsraads_name_finds_its_district_first(db):
    wrong = []
    for council in Council.objects.filter(kind=Council.Kind.DISTRICT).select_related("district"):
        found = place_titles(council.name)
        if not found or found[0] != council.district.name:
            wrong.append(f"{council.name!r} → {found[:3]}")
    assert not wrong, "searching these kredsråd did not show their district first:\n" + "\n".join(
        wrong
    )


def test_every_districts_name_puts_it_first(db):
    for district in PoliceDistrict.objects.all():
        assert place_titles(district.name)[0] == district.name


def test_odense_finds_fyns_politi_and_the_odense_lokalraad(client):
    html = search(client, "Odense")
    assert 'href="/fyns-politi/"' in html
    assert 'href="/fyns-politi/lokalraad/odense/"' in html


def test_toender_puts_lokalraad_toender_first_above_the_plan_text(client, published):
    FocusArea.objects.filter(plan=published).update(background="<p>Arbejdet i Tønder.</p>")
    html = search(client, "Tønder")
    titles = re.findall(r'<h3 class="h5 mb-1"><a href="[^"]*">([^<]*)</a>', html)
    assert titles[0] == "Lokalråd Tønder"


def test_search_finds_a_place_typed_in_another_case(db):
    assert place_titles("ÆRØ")[:2] == ["Lokalråd Ærø", "Ærø Kommune"]


def test_search_finds_a_forum_by_name_and_links_to_its_row(client, published):
    html = search(client, "SSP Esbjerg")
    assert 'href="/syd-og-soenderjyllands-politi/samarbejdsfora/#forum-ssp-esbjerg"' in html
    forums = client.get(reverse("public:forums", args=["syd-og-soenderjyllands-politi"]))
    assert 'id="forum-ssp-esbjerg"' in forums.content.decode()


def test_search_finds_a_forum_by_its_topic(published):
    assert "SSP Esbjerg" in place_titles("forebyggelse blandt unge")


def test_search_does_not_find_an_inactive_forum_or_council(published):
    Forum.objects.filter(slug="ssp-esbjerg").update(is_active=False)
    Council.objects.filter(slug="toender").update(is_active=False)
    assert "SSP Esbjerg" not in place_titles("SSP Esbjerg")
    assert "Lokalråd Tønder" not in place_titles("Lokalråd Tønder")


BAD_QUERIES = [
    "a\x00b",
    "\x00" * 50,
    "Odense" * 400,
    "x" * 2000,
    "& | ! : * ( )",
    "Tønder & !Esbjerg",
    "(Odense | Tønder)",
    "Odense:*",
    '"Lokalråd Tønder',
    "'",
    "\\",
    "%_",
    "-",
    "<->",
    "\u202eOdense",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_search_answers_any_input_with_a_page(client, published, query):
    response = client.get(reverse("public:search"), {"q": query})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_search_page_query_budget(client, published, django_assert_max_num_queries):
    search(client, "nattelivet")  # the first search indexes the version
    # Whether a version awaits indexing, the matching parts, then the kommuner, lokalråd,
    # districts and forums as rows.
    with django_assert_max_num_queries(6):
        html = search(client, "Tønder")
    assert "Lokalråd Tønder" in html


def test_places_come_after_the_search_form_and_before_the_plan_results(client, published):
    html = search(client, "Esbjerg")
    assert "<title>Søgning: Esbjerg – " in html
    form_end = html.index("</form>", html.index('id="soeg-q"'))
    places = html.index('<h2 id="steder-titel">Steder og råd for »Esbjerg«</h2>')
    plans = html.index("i planerne for »Esbjerg«</h2>")
    assert form_end < places < plans
    assert h1_count(html) == 1
