"""'Mit lokalråd': the "Mangler" filter (what the lokalråd has not reported in the open round)
and what the page shows after a status is saved, with and without htmx."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.reporting.test_member_pages import council_url, first_assignment

pytestmark = pytest.mark.django_db

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
