import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership, Person
from plans import services
from plans.models import Assignment, Plan, ReportingRound

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def held(council, plan):
    return list(Assignment.objects.filter(council=council, activity__focus_area__plan=plan))


def report_all(council, plan, author, report):
    for assignment in held(council, plan):
        report(assignment, author)


def test_secretariat_opens_a_round_on_the_current_plan(client, plan, district, secretariat, today):
    client.force_login(secretariat)
    deadline = today + datetime.timedelta(days=30)
    response = client.post(
        reverse("rounds:open"), {"name": "Status juni 2018", "deadline": deadline.isoformat()}
    )
    reporting_round = ReportingRound.objects.get()
    assert response["Location"] == reverse("rounds:detail", args=[reporting_round.pk])
    assert (reporting_round.district, reporting_round.plan) == (district, plan)
    assert reporting_round.created_by == secretariat
    assert reporting_round.is_open


def test_opening_a_second_round_while_one_is_open_is_refused(
    client, open_round, secretariat, today
):
    client.force_login(secretariat)
    response = client.post(
        reverse("rounds:open"), {"name": "Endnu en", "deadline": today.isoformat()}
    )
    assert response.status_code == 200
    assert "Der er allerede en åben statusrunde." in response.text
    assert 'value="Endnu en"' in response.text
    assert ReportingRound.objects.count() == 1


def test_round_deadline_in_the_past_is_refused_and_input_kept(client, plan, secretariat, today):
    client.force_login(secretariat)
    yesterday = today - datetime.timedelta(days=1)
    response = client.post(
        reverse("rounds:open"), {"name": "Status juni", "deadline": yesterday.isoformat()}
    )
    assert "Fristen kan ikke ligge før i dag." in response.text
    assert 'value="Status juni"' in response.text
    assert not ReportingRound.objects.exists()


def test_the_service_refuses_a_past_deadline_as_the_form_does(plan, district, secretariat, today):
    with pytest.raises(ValidationError) as refused:
        services.open_round(
            district=district,
            name="Status juni",
            deadline=today - datetime.timedelta(days=1),
            created_by=secretariat,
        )
    assert "Fristen kan ikke ligge før i dag." in refused.value.message_dict["deadline"][0]
    assert not ReportingRound.objects.exists()


def test_round_needs_a_published_plan(client, other_district, make_plan, other_secretariat, today):
    """In Fyn, whose only plan is a draft (the module's plan is current here)."""
    make_plan(other_district, start=2019, end=2020, status=Plan.Status.DRAFT, activities=2)
    client.force_login(other_secretariat)
    response = client.post(
        reverse("rounds:open"), {"name": "Status", "deadline": today.isoformat()}
    )
    assert "en statusrunde kræver en plan" in response.text
    assert not ReportingRound.objects.exists()


def test_superuser_opens_a_round_for_the_district_they_pick(
    client, plan, district, superuser, today
):
    client.force_login(superuser)
    client.post(
        reverse("rounds:open"),
        {"name": "Status", "deadline": today.isoformat(), "kreds": district.slug},
    )
    assert ReportingRound.objects.get().district == district


def test_secretariat_closes_the_round(client, open_round, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("rounds:close", args=[open_round.pk])).status_code == 200
    open_round.refresh_from_db()
    assert open_round.is_open
    client.post(reverse("rounds:close", args=[open_round.pk]))
    open_round.refresh_from_db()
    assert not open_round.is_open


def test_report_after_closing_belongs_to_no_round(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    client.force_login(secretariat)
    client.post(reverse("rounds:close", args=[open_round.pk]))
    assert report(held(esbjerg, plan)[0], member).reporting_round is None


def matrix_rows(html):
    body = re.split(r"<tbody[^>]*>", html, maxsplit=1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"[^>]*><a href="[^"]+">([^<]+)</a></th>', body)


def table_head(html):
    return re.split(r"<thead[^>]*>", html, maxsplit=1)[1].split("</thead>", 1)[0]


def test_overview_shows_each_lokalraad_with_reported_and_missing(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    report_all(esbjerg, plan, member, report)
    client.force_login(secretariat)
    response = client.get(reverse("rounds:detail", args=[open_round.pk]))
    assert response.status_code == 200
    text = response.text
    assert "1 af 8 lokalråd" in text
    assert "4 af 32 opgaver er indberettet i runden." in text
    assert len(matrix_rows(text)) == 8
    missing = text.split('id="mangler"', 1)[1]
    assert "Lokalråd Tønder" in missing
    assert "Lokalråd Esbjerg" not in missing


def test_overview_has_one_column_per_focus_area_or_activity(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    url = reverse("rounds:detail", args=[open_round.pk])
    by_area = table_head(client.get(url).text)
    assert by_area.count('<th scope="col"') == 4
    by_activity = client.get(url, {"visning": "aktiviteter"}).text
    head = table_head(by_activity)
    assert head.count('<th scope="col"') == 6
    assert "Fælles indsats mod unges hashmisbrug" in head
    assert "Temadag for kredsrådet" not in head


def test_overview_sorts_by_name_descending(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    url = reverse("rounds:detail", args=[open_round.pk])
    names = matrix_rows(client.get(url, {"sortering": "-navn"}).text)
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_overview_sorts_by_share_reported(
    client, plan, open_round, esbjerg, toender, member, other_member, secretariat, report
):
    report_all(esbjerg, plan, member, report)
    report(held(toender, plan)[0], other_member)
    client.force_login(secretariat)
    url = reverse("rounds:detail", args=[open_round.pk])
    names = matrix_rows(client.get(url, {"sortering": "-andel"}).text)
    assert names[:2] == ["Lokalråd Esbjerg", "Lokalråd Tønder"]
    names = matrix_rows(client.get(url, {"sortering": "andel"}).text)
    assert names[-2:] == ["Lokalråd Tønder", "Lokalråd Esbjerg"]


def test_round_council_page_shows_internal_notes_to_the_secretariat(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    report(held(esbjerg, plan)[0], member, note="Mangler lokale til mødet")
    client.force_login(secretariat)
    response = client.get(reverse("rounds:council", args=[open_round.pk, esbjerg.pk]))
    assert "Mangler lokale til mødet" in response.text


@pytest.fixture
def members_with_email(esbjerg, toender, make_user):
    """Esbjerg: two members and an observer; Tønder: a member, a member without e-mail and a
    person without a login."""
    people = {
        "esbjerg-a": make_user("esbjerg-a", council=esbjerg),
        "esbjerg-b": make_user("esbjerg-b", council=esbjerg, role="secretary"),
        "esbjerg-gaest": make_user("esbjerg-gaest", council=esbjerg, role="observer"),
        "toender-a": make_user("toender-a", council=toender),
        "toender-uden-mail": make_user("toender-uden-mail", council=toender),
    }
    Person.objects.filter(user=people["toender-uden-mail"]).update(email="")
    without_login = Person.objects.create(name="Uden Login", email="uden.login@tonder.dk")
    Membership.objects.create(person=without_login, council=toender)
    return people


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_reminders_reach_exactly_the_members_of_lokalraad_that_have_not_reported(
    client, plan, open_round, esbjerg, district, members_with_email, secretariat, report
):
    report_all(esbjerg, plan, members_with_email["esbjerg-a"], report)
    others = Membership.objects.filter(council__district=district, council__kind="local")
    assert not others.exclude(council__slug__in=["esbjerg", "toender"]).exists()
    client.force_login(secretariat)
    response = client.post(reverse("rounds:remind", args=[open_round.pk]))
    assert response.status_code == 302
    assert recipients() == ["toender-a@example.dk", "uden.login@tonder.dk"]


def test_reminder_is_danish_and_links_to_the_lokalraad_page(
    client, settings, plan, open_round, toender, members_with_email, secretariat
):
    settings.SITE_URL = "https://samarbejde.example.dk"
    client.force_login(secretariat)
    client.post(reverse("rounds:remind", args=[open_round.pk]))
    message = next(m for m in mail.outbox if m.to == ["toender-a@example.dk"])
    assert "Påmindelse" in message.subject
    assert "Lokalråd Tønder" in message.subject
    link = "https://samarbejde.example.dk" + reverse("members:council", args=[toender.pk])
    assert link in message.body
    assert "Fristen er" in message.body


def test_no_reminders_when_everyone_has_reported(
    client, plan, open_round, district, secretariat, make_user, report
):
    from councils.models import Council

    for council in Council.objects.filter(district=district, kind="local"):
        author = make_user(f"medlem-{council.slug}", council=council)
        report_all(council, plan, author, report)
    client.force_login(secretariat)
    client.post(reverse("rounds:remind", args=[open_round.pk]))
    assert mail.outbox == []


def test_closed_round_sends_no_reminders(client, open_round, members_with_email, secretariat):
    client.force_login(secretariat)
    client.post(reverse("rounds:close", args=[open_round.pk]))
    client.post(reverse("rounds:remind", args=[open_round.pk]))
    assert mail.outbox == []


def test_command_reminds_rounds_whose_deadline_is_n_days_away(
    plan, open_round, members_with_email, today
):
    days = (open_round.deadline - today).days
    call_command("send_round_reminders", "--days", str(days))
    assert "toender-a@example.dk" in recipients()
    assert "esbjerg-a@example.dk" in recipients()


def test_command_leaves_rounds_with_another_deadline_alone(
    plan, open_round, members_with_email, today
):
    days = (open_round.deadline - today).days
    call_command("send_round_reminders", "--days", str(days - 1))
    call_command("send_round_reminders", "--days", str(days + 1))
    assert mail.outbox == []


def test_command_skips_closed_rounds(plan, open_round, members_with_email, today):
    open_round.closed_at = timezone.now()
    open_round.save()
    call_command("send_round_reminders", "--days", str((open_round.deadline - today).days))
    assert mail.outbox == []


def test_index_shows_the_open_round_and_its_progress(client, open_round, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("rounds:index"))
    assert "Status juni 2018" in response.text
    assert "0 af 8 lokalråd har indberettet alt." in response.text


def test_index_offers_to_open_a_round_when_none_is_open(client, plan, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("rounds:index"))
    assert f'action="{reverse("rounds:open")}"' in response.text


def test_command_defaults_to_three_days_before_the_deadline(
    plan, open_round, members_with_email, today
):
    open_round.deadline = today + datetime.timedelta(days=3)
    open_round.save()
    call_command("send_round_reminders")
    assert "toender-a@example.dk" in recipients()
