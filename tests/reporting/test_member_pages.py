import datetime

import pytest
from django.urls import reverse

from councils.models import Council
from plans.models import Assignment, StatusUpdate
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def council_url(council):
    return reverse("members:council", args=[council.pk])


def assignment_url(assignment):
    return reverse("members:assignment", args=[assignment.pk])


def first_assignment(council, plan):
    return (
        Assignment.objects.filter(council=council, activity__focus_area__plan=plan)
        .order_by("activity__focus_area__order", "activity__order")
        .first()
    )


def valid_report(today, **overrides):
    data = {
        "status": "in_progress",
        "public_text": "Første borgermøde er holdt i Esbjerg Øst.",
        "internal_note": "Få deltagere; prøv en anden ugedag.",
        "date": today.isoformat(),
    }
    return data | overrides


def test_member_journey_sign_in_see_report_and_read_history(
    client, plan, esbjerg, member, today, django_capture_on_commit_callbacks
):
    response = client.post(
        reverse("accounts:login"),
        {"username": member.username, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == council_url(esbjerg)
    assert "Aktivitet 1" in response.text
    assert "Fælles indsats mod unges hashmisbrug" in response.text

    assignment = first_assignment(esbjerg, plan)
    # The report commits before the member is sent back, as in production: the lokalråd's
    # cached overview is made stale on commit (plans/page_cache.py).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(assignment_url(assignment), valid_report(today))
    assert response.url == f"{council_url(esbjerg)}#opgave-{assignment.pk}"
    response = client.get(response.url)
    assert "Første borgermøde er holdt i Esbjerg Øst." in response.text

    response = client.get(assignment_url(assignment))
    history = response.text.split("Historik", 1)[1]
    assert "Første borgermøde er holdt i Esbjerg Øst." in history
    assert "Få deltagere; prøv en anden ugedag." in history
    assert "Esbjerg-Medlem" in history


def test_member_does_not_see_the_kredsraad_assignments(client, plan, member):
    client.force_login(member)
    response = client.get(reverse("members:home"), follow=True)
    assert "Temadag for kredsrådet om unge" not in response.text


def test_missing_public_text_keeps_the_input_and_says_why(client, plan, esbjerg, member, today):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    response = client.post(
        assignment_url(assignment),
        valid_report(today, public_text="", internal_note="Husk referatet", status="postponed"),
    )
    assert response.status_code == 200
    assert "Skriv en kort offentlig tekst om status." in response.text
    assert "Husk referatet" in response.text
    assert '<option value="postponed" selected>' in response.text
    assert not StatusUpdate.objects.exists()


def test_future_date_keeps_the_input_and_says_why(client, plan, esbjerg, member, today):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    tomorrow = today + datetime.timedelta(days=1)
    response = client.post(assignment_url(assignment), valid_report(today, date=tomorrow))
    assert "Datoen kan ikke ligge i fremtiden." in response.text
    assert "Første borgermøde er holdt i Esbjerg Øst." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not StatusUpdate.objects.exists()


def test_report_form_defaults_to_today_and_the_current_status(client, plan, esbjerg, member):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    response = client.get(assignment_url(assignment))
    today = datetime.date.today().isoformat()
    assert f'value="{today}"' in response.text
    assert f'max="{today}"' in response.text
    assert '<option value="not_started" selected>' in response.text


def test_a_new_report_leaves_the_earlier_update_unchanged(
    client, plan, esbjerg, member, today, report
):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    first = report(assignment, member, text="Oprindelig tekst", note="Oprindelig note")
    client.post(assignment_url(assignment), valid_report(today) | {"id": first.pk, "pk": first.pk})
    first.refresh_from_db()
    assert (first.public_text, first.internal_note) == ("Oprindelig tekst", "Oprindelig note")
    assert assignment.updates.count() == 2


@pytest.mark.parametrize("action", ["change", "delete"])
def test_member_cannot_change_or_delete_an_update_through_the_admin(
    client, plan, esbjerg, member, report, action
):
    client.force_login(member)
    update = report(first_assignment(esbjerg, plan), member, text="Uændret")
    response = client.post(
        f"/admin/plans/statusupdate/{update.pk}/{action}/", {"public_text": "Ændret", "post": "yes"}
    )
    assert response.status_code in {302, 404}
    assert not response.get("Location", "").startswith(f"/admin/plans/statusupdate/{update.pk}")
    update.refresh_from_db()
    assert update.public_text == "Uændret"


def test_history_shows_every_update_newest_first(client, plan, esbjerg, member, report, today):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    report(assignment, member, text="Ældste", date=today - datetime.timedelta(days=60))
    report(assignment, member, text="Midterste", date=today - datetime.timedelta(days=30))
    report(assignment, member, text="Nyeste", date=today)
    history = client.get(assignment_url(assignment)).text.split("Historik", 1)[1]
    assert history.index("Nyeste") < history.index("Midterste") < history.index("Ældste")


def test_lokalraad_page_groups_assignments_by_focus_area(client, plan, esbjerg, member):
    client.force_login(member)
    text = client.get(council_url(esbjerg)).text.split("Viser 4 af 4 opgaver.", 1)[1]
    assert text.index("Trygt nærmiljø") < text.index("Aktivitet 1") < text.index("Aktivitet 3")
    assert text.index("Aktivitet 3") < text.index("Unge og kriminalitet")
    assert text.index("Unge og kriminalitet") < text.index("Fælles indsats mod unges")


def test_lokalraad_page_shows_the_status_in_words_and_colour(client, plan, esbjerg, member, report):
    """The one status component (templates/base/_status.html), as on the public pages."""
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member, status="postponed", text="Venter")
    text = client.get(council_url(esbjerg)).text
    assert '<span class="status-tag status-tag--postponed">Udskudt/sat i bero</span>' in text


def test_lokalraad_page_shows_status_date_and_text_of_the_last_update(
    client, plan, esbjerg, member, report, today
):
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member, status="done", text="Holdt i marts")
    text = client.get(council_url(esbjerg)).text
    assert "Holdt i marts" in text
    assert "Gennemført" in text


def test_lokalraad_page_marks_what_is_missing_in_the_open_round(
    client, plan, esbjerg, member, report, open_round
):
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member)
    text = client.get(council_url(esbjerg)).text
    assert "Lokalrådet har indberettet 1 af 4 opgaver i runden; 3 mangler." in text
    assert text.count("Indberettet i Status juni 2018") == 1
    assert text.count("Mangler i Status juni 2018") == 3


def test_round_past_its_deadline_says_the_deadline_was_and_asks_for_haste(
    client, plan, esbjerg, member, open_round, today
):
    open_round.opened_on = today - datetime.timedelta(days=30)
    open_round.deadline = today - datetime.timedelta(days=2)
    open_round.save()
    client.force_login(member)
    text = client.get(council_url(esbjerg)).text
    assert "er stadig åben, men fristen var" in text
    assert "Indberet så hurtigt som muligt." in text
    assert "Fristen var" in client.get(assignment_url(first_assignment(esbjerg, plan))).text


def test_filter_by_status_shows_only_that_status(client, plan, esbjerg, member, report):
    client.force_login(member)
    report(first_assignment(esbjerg, plan), member, status="done", text="Færdig")
    text = client.get(council_url(esbjerg), {"status": "done"}).text
    assert "Aktivitet 1" in text
    assert "Aktivitet 2" not in text
    assert "Viser 1 af 4 opgaver." in text


def test_filter_by_focus_area_shows_only_that_area(client, plan, esbjerg, member):
    client.force_login(member)
    youth = plan.focus_areas.get(title="Unge og kriminalitet")
    text = client.get(council_url(esbjerg), {"omraade": youth.pk}).text
    assert "Fælles indsats mod unges hashmisbrug" in text
    assert "Aktivitet 1" not in text


def test_filter_with_no_match_says_so(client, plan, esbjerg, member):
    client.force_login(member)
    text = client.get(council_url(esbjerg), {"status": "cancelled"}).text
    assert "Ingen opgaver passer til filtrene." in text


def test_member_of_several_lokalraad_chooses_one(client, plan, esbjerg, toender, member):
    from councils.models import Membership

    Membership.objects.create(person=member.person, council=toender)
    client.force_login(member)
    response = client.get(reverse("members:home"))
    assert response.status_code == 200
    assert council_url(esbjerg) in response.text
    assert council_url(toender) in response.text


def test_lokalraad_without_assignments_says_what_to_do(client, other_district, make_user):
    """In Fyn, which has no plan (the module's plan gives every lokalråd here assignments)."""
    odense = Council.objects.get(district=other_district, slug="odense")
    client.force_login(make_user("odense-medlem", council=odense))
    text = client.get(council_url(odense)).text
    assert "Ingen opgaver endnu" in text
    assert "kontakt sekretariatet" in text


def test_user_without_lokalraad_is_told_what_to_do(client, make_user):
    client.force_login(make_user("uden-raad"))
    text = client.get(reverse("members:home")).text
    assert "Du er ikke tilknyttet et lokalråd" in text


def test_htmx_request_gets_only_the_report_panel(client, plan, esbjerg, member):
    client.force_login(member)
    response = client.get(assignment_url(first_assignment(esbjerg, plan)), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'name="public_text"' in response.text
    assert "<h4" in response.text


def test_htmx_report_returns_the_panel_with_the_new_status(client, plan, esbjerg, member, today):
    client.force_login(member)
    assignment = first_assignment(esbjerg, plan)
    response = client.post(
        assignment_url(assignment), valid_report(today, status="done"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Status er gemt" in response.text
    assert f'id="status-{assignment.pk}"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert assignment.updates.get().status == "done"


def test_internal_note_is_not_on_the_public_home_page(client, plan, esbjerg, member, report):
    report(first_assignment(esbjerg, plan), member, note="Hemmelig intern bemærkning")
    assert "Hemmelig intern bemærkning" not in client.get(reverse("home")).text
