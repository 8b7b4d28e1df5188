"""Bad input: over-long text, wrong dates, unknown choices and forged ids in a POST get a clear
Danish error (or a 404 for someone else's object), keep what the user typed, and save nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import Council
from plans.models import FocusArea
from tests.groups import group_for

from .dataset import post_unsaved

pytestmark = pytest.mark.usefixtures("db")

TODAY = datetime.date.today()


def report(data, **changes):
    return {
        "status": "in_progress",
        "public_text": "Nabohjælp er startet i to boligområder.",
        "internal_note": "",
        "date": TODAY.isoformat(),
        **changes,
    }


def assignment_url(data, tenant="a"):
    return reverse("members:assignment", args=[getattr(data, tenant).assignment.pk])


# --- Status reports (members) -----------------------------------------------------------------


def test_overlong_public_text_is_refused_and_kept(member, data):
    text = "Lang tekst. " * 200
    response = post_unsaved(member, assignment_url(data), report(data, public_text=text))
    assert response.status_code == 200
    assert "må højst have 2000 tegn" in response.text
    assert text.strip() in response.text


def test_overlong_internal_note_is_refused(member, data):
    response = post_unsaved(member, assignment_url(data), report(data, internal_note="x" * 2001))
    assert "må højst have 2000 tegn" in response.text


def test_impossible_date_is_refused_in_danish(member, data):
    response = post_unsaved(member, assignment_url(data), report(data, date="31-02-2026"))
    assert "Skriv datoen som dd-mm-åååå" in response.text
    assert "31-02-2026" in response.text


def test_future_date_is_refused(member, data):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = post_unsaved(member, assignment_url(data), report(data, date=tomorrow))
    assert "Datoen kan ikke ligge i fremtiden." in response.text


def test_unknown_status_is_refused(member, data):
    response = post_unsaved(
        member, assignment_url(data), report(data, status="afsluttet-hemmeligt")
    )
    assert "Marker en gyldig valgmulighed" in response.text


def test_missing_public_text_is_refused_with_the_reason(member, data):
    response = post_unsaved(member, assignment_url(data), report(data, public_text=""))
    assert "Skriv en kort offentlig tekst om status." in response.text


def test_report_on_another_lokalraads_assignment_is_a_404(member, data):
    response = post_unsaved(member, assignment_url(data, "b"), report(data))
    assert response.status_code == 404


def test_forged_ids_in_the_form_are_ignored(member, data):
    """Ownership comes from the address and the signed-in user, never from the POST."""
    forged = report(
        data,
        assignment=data.b.assignment.pk,
        council=data.b.council.pk,
        author=data.b.member.pk,
        reporting_round=data.b.reporting_round.pk,
    )
    response = member.post(assignment_url(data), forged)
    assert response.status_code == 302
    update = data.a.assignment.updates.order_by("-created_at", "-pk").first()
    assert update.public_text == "Nabohjælp er startet i to boligområder."
    assert update.author == data.a.member
    assert update.reporting_round in (None, data.a.reporting_round)
    assert not data.b.assignment.updates.filter(author=data.a.member).exists()


# --- The lokalråd's own handleplan (secretary) ------------------------------------------------


def focus_area_url(data, tenant="a"):
    return reverse("members:focus_area_create", args=[getattr(data, tenant).council.pk])


def activity_url(data, tenant="a"):
    return reverse("members:activity_create", args=[getattr(data, tenant).council.pk])


def test_overlong_focus_area_title_is_refused_and_kept(secretary, data):
    title = "Tryghed " * 30
    response = post_unsaved(secretary, focus_area_url(data), {"title": title, "background": ""})
    assert "må højst have 200 tegn" in response.text
    assert title.strip() in response.text


def test_focus_area_for_another_lokalraad_is_a_404(secretary, data):
    response = post_unsaved(secretary, focus_area_url(data, "b"), {"title": "Indbrud"})
    assert response.status_code == 404


def test_activity_under_another_districts_focus_area_is_refused(secretary, data):
    fields = {"focus_area": data.b.focus_area.pk, "text": "Borgermøde", "timing": "2026"}
    response = post_unsaved(secretary, activity_url(data), fields)
    assert "Vælg et af de viste indsatsområder." in response.text
    assert "Borgermøde" in response.text


def test_activity_under_a_neighbours_local_focus_area_is_refused(secretary, data):
    neighbour = Council.objects.get(district=data.a.district, slug="toender")
    theirs = FocusArea.objects.create(
        plan=data.a.plan, group=group_for(data.a.plan, "local"), title="Tønders egen"
    )
    theirs.councils.set([neighbour])
    fields = {"focus_area": theirs.pk, "text": "Borgermøde", "timing": "2026"}
    response = post_unsaved(secretary, activity_url(data), fields)
    assert "Vælg et af de viste indsatsområder." in response.text


def test_activity_with_an_unknown_focus_area_id_is_refused(secretary, data):
    fields = {"focus_area": "999999", "text": "Borgermøde"}
    response = post_unsaved(secretary, activity_url(data), fields)
    assert "Vælg et af de viste indsatsområder." in response.text


def test_overlong_activity_timing_is_refused(secretary, data):
    fields = {"focus_area": data.a.focus_area.pk, "text": "Borgermøde", "timing": "x" * 101}
    response = post_unsaved(secretary, activity_url(data), fields)
    assert "må højst have 100 tegn" in response.text


def test_editing_another_councils_activity_is_a_404(secretary, data):
    url = reverse("members:activity_edit", args=[data.a.council.pk, data.b.local_activity.pk])
    fields = {"focus_area": data.a.focus_area.pk, "text": "Overtaget"}
    assert post_unsaved(secretary, url, fields).status_code == 404


# --- Reporting rounds (secretariat) -----------------------------------------------------------


def open_round_url():
    return reverse("rounds:open")


def test_round_deadline_in_the_past_is_refused(secretariat, data):
    data.a.reporting_round.closed_at = timezone.now()
    data.a.reporting_round.save()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = post_unsaved(secretariat, open_round_url(), {"name": "Juni", "deadline": yesterday})
    assert "Fristen kan ikke ligge før i dag." in response.text


def test_round_deadline_that_is_not_a_date_is_refused(secretariat, data):
    response = post_unsaved(
        secretariat, open_round_url(), {"name": "Juni", "deadline": "til sommer"}
    )
    assert "Skriv datoen som dd-mm-åååå" in response.text
    assert "til sommer" in response.text


def test_overlong_round_name_is_refused(secretariat, data):
    response = post_unsaved(
        secretariat, open_round_url(), {"name": "R" * 201, "deadline": TODAY.isoformat()}
    )
    assert "må højst have 200 tegn" in response.text


# --- The admin (secretariat) ------------------------------------------------------------------


def plan_fields(data, **changes):
    return {
        "district": data.a.district.pk,
        "title": "Samarbejdsplan",
        "period_start": "2029",
        "period_end": "2030",
        "foreword": "<p>Forord</p>",
        "shared_goals": "",
        "signatory_name": "",
        "signatory_title": "politidirektør",
        "status": "draft",
        **changes,
    }


def test_admin_refuses_a_plan_period_that_ends_before_it_starts(secretariat, data):
    fields = plan_fields(data, period_start="2030", period_end="2029")
    response = post_unsaved(secretariat, reverse("admin:plans_plan_add"), fields)
    assert response.status_code == 200
    assert "Slutåret kan ikke ligge før startåret." in response.text


def test_admin_refuses_an_overlong_plan_title(secretariat, data):
    response = post_unsaved(
        secretariat, reverse("admin:plans_plan_add"), plan_fields(data, title="P" * 201)
    )
    assert "må højst have 200 tegn" in response.text


@pytest.mark.parametrize("field", ["subtitle", "issuer"])
def test_admin_refuses_overlong_cover_lines(secretariat, data, field):
    response = post_unsaved(
        secretariat, reverse("admin:plans_plan_add"), plan_fields(data, **{field: "U" * 201})
    )
    assert response.status_code == 200
    assert "må højst have 200 tegn" in response.text


def test_admin_refuses_an_unknown_council_treatment(secretariat, data):
    fields = plan_fields(data, council_treatment="vedtaget")
    response = post_unsaved(secretariat, reverse("admin:plans_plan_add"), fields)
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.text


def test_admin_refuses_a_plan_in_another_district(secretariat, data):
    fields = plan_fields(data, district=data.b.district.pk)
    response = post_unsaved(secretariat, reverse("admin:plans_plan_add"), fields)
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.text
