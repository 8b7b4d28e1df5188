"""'Mit lokalråd': the "Mangler" filter (what the lokalråd has not reported in the open round)
and what the page shows after a status is saved, with and without htmx."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.reporting.test_member_pages import (
    assignment_url,
    council_url,
    first_assignment,
    valid_report,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]

MISSING = {"runde": "mangler"}


def test_missing_filter_shows_only_what_is_not_reported_in_the_open_round(
    client, plan, esbjerg, member, report, open_round
):
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member)
    text = client.get(council_url(esbjerg), MISSING).text
    assert "Aktivitet 1" not in text
    assert "Aktivitet 2" in text
    assert "Fælles indsats mod unges hashmisbrug" in text
    assert "Viser 3 af 4 opgaver." in text


def test_filter_links_carry_their_counts(client, plan, esbjerg, member, report, open_round):
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member)
    text = client.get(council_url(esbjerg)).text
    assert ">Alle (4)</a>" in text
    assert ">Mangler (3)</a>" in text


def test_missing_filter_combines_with_the_focus_area_filter(
    client, plan, esbjerg, member, open_round
):
    client.force_login(member)
    youth = plan.focus_areas.get(title="Unge og kriminalitet")
    text = client.get(council_url(esbjerg), MISSING | {"omraade": youth.pk}).text
    assert "Viser 1 af 4 opgaver." in text
    assert ">Mangler (1)</a>" in text
    # Choosing another status or area keeps "Mangler".
    assert '<input type="hidden" name="runde" value="mangler"' in text


def test_missing_filter_when_everything_is_reported_says_so(
    client, plan, esbjerg, member, report, open_round
):
    client.force_login(member)
    for assignment in esbjerg.assignments.all():
        report(assignment, member)
    text = client.get(council_url(esbjerg), MISSING).text
    assert "Alt er indberettet i statusrunden »Status juni 2018«." in text
    assert ">Mangler (0)</a>" in text
    assert "Ingen opgaver passer til filtrene." not in text


def test_without_an_open_round_the_filter_is_not_offered_and_the_list_is_whole(
    client, plan, esbjerg, member
):
    client.force_login(member)
    text = client.get(council_url(esbjerg), MISSING).text
    assert "Der er ingen åben statusrunde, så ingen opgaver mangler" in text
    assert "Mangler (" not in text
    assert "Viser 4 af 4 opgaver." in text
    assert "Viser 4 af 4 opgaver." in client.get(council_url(esbjerg)).text
    assert "Mangler (" not in client.get(council_url(esbjerg)).text


def test_the_round_alert_links_to_what_is_missing(client, plan, esbjerg, member, open_round):
    client.force_login(member)
    text = client.get(council_url(esbjerg)).text
    assert f'href="{reverse("members:council", args=[esbjerg.pk])}?runde=mangler"' in text


def test_after_the_round_closes_the_page_says_closed_and_offers_no_missing_filter(
    client, plan, esbjerg, member, open_round
):
    open_round.closed_at = timezone.now()
    open_round.save()
    client.force_login(member)
    text = client.get(council_url(esbjerg)).text
    assert "Statusrunden »Status juni 2018« er lukket" in text
    assert "er åben" not in text
    assert "Mangler" not in text


def test_when_everything_is_reported_the_alert_and_counter_agree(
    client, plan, esbjerg, member, report, open_round
):
    client.force_login(member)
    for assignment in esbjerg.assignments.all():
        report(assignment, member)
    text = client.get(council_url(esbjerg)).text
    assert "Lokalrådet har indberettet alle 4 opgaver i statusrunden" in text
    assert ">Mangler (0)</a>" in text
    assert "Mangler i Status juni 2018" not in text


# --- After a save -------------------------------------------------------------------------------


def save(client, assignment, today, query="", **headers):
    return client.post(
        f"{assignment_url(assignment)}{query}", valid_report(today, status="done"), **headers
    )


def out_of_band(html, element_id):
    """The element the htmx answer swaps out of band by its id (its opening tag onwards)."""
    start = html.index(f'id="{element_id}"')
    assert "hx-swap-oob" in html[start : html.index(">", start)]
    return html[start:]


def test_htmx_save_closes_the_form_and_updates_status_message_and_counter(
    client, plan, esbjerg, member, open_round, today
):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    response = save(client, assignment, today, HTTP_HX_REQUEST="true")
    html = response.text
    assert 'name="public_text"' not in html
    assert "Gennemført" in out_of_band(html, f"status-{assignment.pk}")
    assert "Indberettet i Status juni 2018" in html
    assert "indberettet 1 af 4 opgaver i runden; 3 mangler." in out_of_band(html, "runde-besked")
    assert ">Mangler (3)</a>" in out_of_band(html, "opgave-optaelling")
    announcement = out_of_band(html, "gemt-besked")
    assert "Status er gemt for »Aktivitet 1«: Gennemført." in announcement
    assert f'data-focus="#opgave-{assignment.pk} .report-link"' in announcement
    assert "HX-Retarget" not in response.headers


def test_htmx_save_in_the_missing_view_drops_the_row_and_moves_focus_to_the_next(
    client, plan, esbjerg, member, open_round, today
):
    client.force_login(member)
    first, second = (
        esbjerg.assignments.order_by("activity__focus_area__order", "activity__order")
    )[:2]
    response = save(client, first, today, "?runde=mangler", HTTP_HX_REQUEST="true")
    assert response.headers["HX-Retarget"] == f"#opgave-{first.pk}"
    assert response.headers["HX-Reswap"] == "delete"
    html = response.text
    assert f'id="status-{first.pk}"' not in html
    assert "Viser 3 af 4 opgaver." in out_of_band(html, "opgave-optaelling")
    assert f'data-focus="#opgave-{second.pk} .report-link"' in html


def test_htmx_save_of_the_last_missing_row_moves_focus_to_the_counter(
    client, plan, esbjerg, member, report, open_round, today
):
    client.force_login(member)
    *reported, last = esbjerg.assignments.order_by("activity__focus_area__order", "activity__order")
    for assignment in reported:
        report(assignment, member)
    html = save(client, last, today, "?runde=mangler", HTTP_HX_REQUEST="true").text
    assert 'data-focus="#opgave-optaelling"' in html
    assert "har indberettet alle 4 opgaver" in out_of_band(html, "runde-besked")


def test_save_without_javascript_returns_to_the_missing_view_with_the_new_count(
    client, plan, esbjerg, member, open_round, today, django_capture_on_commit_callbacks
):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    page = client.get(council_url(esbjerg), MISSING).text
    assert f'href="{assignment_url(assignment)}?runde=mangler"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = save(client, assignment, today, "?runde=mangler")
    assert response.url == f"{council_url(esbjerg)}?runde=mangler#opgave-{assignment.pk}"
    text = client.get(response.url).text
    assert "Status er gemt for »Aktivitet 1«." in text
    assert ">Mangler (3)</a>" in text
    assert f'id="opgave-{assignment.pk}"' not in text


def test_the_report_panel_carries_only_the_lokalraad_filters(client, plan, esbjerg, member):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    text = client.get(
        assignment_url(assignment), {"runde": "mangler", "status": "done", "next": "//evil.dk"}
    ).text
    assert f'action="{assignment_url(assignment)}?status=done&amp;runde=mangler"' in text
    assert "evil.dk" not in text
