"""A lokalråd+ can carry an activity: its members see and report on it; a seat held by a
function alone gives no one rights or reminders."""

import pytest
from django.urls import reverse

from councils.models import Council, Membership
from councils.roles import council_group_for
from plans.models import Activity, Assignment, StatusUpdate
from plans.services import reminder_recipients, sync_assignments

pytestmark = pytest.mark.django_db


@pytest.fixture
def plus(esbjerg):
    return Council.objects.create(
        district=esbjerg.district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Netværket Esbjerg Øst",
        slug="netvaerket-esbjerg-oest",
        parent=esbjerg,
    )


@pytest.fixture
def plus_assignment(plan, plus):
    activity = Activity.objects.create(
        focus_area=plan.focus_areas.order_by("order").first(),
        text="Tryghedsvandring med boligforeningerne",
        order=9,
    )
    activity.responsible_councils.set([plus])
    sync_assignments(activity=activity)
    return Assignment.objects.get(activity=activity)


def test_a_lokalraad_plus_member_reports_on_its_activity(
    client, make_user, plus, plus_assignment, today, django_capture_on_commit_callbacks
):
    assert plus_assignment.council == plus
    user = make_user("plus-medlem", council=plus)
    client.force_login(user)
    response = client.get(reverse("members:home"), follow=True)
    assert "Tryghedsvandring med boligforeningerne" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:assignment", args=[plus_assignment.pk]),
            {
                "status": "in_progress",
                "public_text": "Første vandring er gået.",
                "date": today.isoformat(),
            },
        )
    assert response.status_code == 302
    assert StatusUpdate.objects.filter(assignment=plus_assignment).exists()


def test_a_lokalraad_plus_secretary_has_no_handleplan(client, make_user, plus, plan):
    user = make_user("plus-sekretaer", council=plus, role=Membership.Role.SECRETARY)
    client.force_login(user)
    response = client.get(reverse("members:local_plan", args=[plus.pk]))
    assert response.status_code == 404


def test_a_seat_held_by_a_function_gives_no_group_and_no_reminder(esbjerg, member):
    Membership.objects.create(council=esbjerg, title="Skolechef", organisation="Esbjerg Kommune")
    assert reminder_recipients([esbjerg.pk]) == {esbjerg.pk: [member.email]}
    assert council_group_for(member) == "Lokalrådsmedlem"
