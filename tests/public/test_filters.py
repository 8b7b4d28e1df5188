"""The plan page's filters: status, lokalråd, kommune as GET parameters (plans.views.public)."""

import pytest

from plans.models import Activity, Status

from .conftest import plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def shown(response) -> str:
    assert response.status_code == 200
    return response.text


def test_plan_page_has_a_plain_get_filter_form(client, published):
    html = shown(client.get(plan_url(published)))
    assert 'method="get"' in html
    assert '<label class="form-label" for="id_status">Status</label>' in html
    assert '<button type="submit"' in html


def test_filter_by_status_shows_matching_activities_with_a_count(client, published, report):
    activity = Activity.objects.get(focus_area__plan=published, text="Aktivitet 2")
    report(activity.assignments.first(), status=Status.IN_PROGRESS)
    html = shown(client.get(plan_url(published), {"status": "in_progress"}))
    assert "Viser 1 af 4 aktiviteter (i gang)." in html
    assert "Aktivitet 2" in html
    assert "Aktivitet 1" not in html
    assert "Nulstil" in html


def test_filter_form_keeps_the_chosen_values_and_offers_every_option(client, published, toender):
    html = shown(client.get(plan_url(published), {"status": "done", "lokalraad": toender.slug}))
    assert '<option value="done" selected>Gennemført</option>' in html
    assert f'<option value="{toender.slug}" selected>{toender.name}</option>' in html
    assert '<option value="" selected>Alle</option>' in html  # kommune: none chosen
    assert html.count(" selected>") == 3
    unfiltered = shown(client.get(plan_url(published)))
    assert unfiltered.count('<option value="" selected>Alle</option>') == 3
    assert '<option value="postponed">Udskudt/sat i bero</option>' in unfiltered
    assert '<option value="Tønder">Tønder</option>' in unfiltered


def test_filter_by_lokalraad_shows_its_activities_only(client, published, toender):
    html = shown(client.get(plan_url(published), {"lokalraad": toender.slug}))
    assert "Viser 3 af 4 aktiviteter" in html
    assert "Natteravne i weekenden" not in html  # Esbjerg's own


def test_filter_by_kommune_shows_the_activities_of_its_lokalraad(client, published):
    html = shown(client.get(plan_url(published), {"kommune": "Esbjerg"}))
    assert "Viser 4 af 4 aktiviteter" in html
    assert "Natteravne i weekenden" in html


def test_no_match_says_so_and_offers_the_whole_plan(client, published):
    html = shown(client.get(plan_url(published), {"status": "cancelled"}))
    assert "Ingen aktiviteter matcher »aflyst«." in html
    assert "se hele planen" in html


@pytest.mark.parametrize(
    "query",
    [{"status": "nonsense"}, {"lokalraad": "x" * 2000}, {"kommune": "\x00"}, {"status": ""}],
)
def test_unknown_values_are_ignored_never_an_error(client, published, query):
    html = shown(client.get(plan_url(published), query))
    assert "Viser 4 af 4 aktiviteter." in html


def test_filtered_pages_are_not_kept_in_the_whole_page_cache(client, published, report):
    url = plan_url(published)
    assert "Viser 0 af 4" in shown(client.get(url, {"status": "in_progress"}))
    report(Activity.objects.filter(focus_area__plan=published).first().assignments.first())
    assert "Viser 1 af 4" in shown(client.get(url, {"status": "in_progress"}))
