"""Who may open what: every member URL of lokalråd B is a 404 for a member (and secretary) of
lokalråd A, and nothing changes; round URLs are for the district's own secretariat only."""

import pytest
from django.core import mail
from django.urls import reverse

from plans.models import Activity, Assignment, FocusArea, ReportingRound, StatusUpdate
from plans.services import save_local_activity, save_local_focus_area

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def db_state():
    return {
        "updates": list(StatusUpdate.objects.values_list("pk", "public_text")),
        "assignments": list(
            Assignment.objects.order_by("pk").values_list("pk", "status", "latest_update")
        ),
        "areas": list(FocusArea.objects.order_by("pk").values_list("pk", "title", "order")),
        "activities": list(
            Activity.objects.order_by("pk").values_list("pk", "text", "order", "focus_area")
        ),
        "rounds": list(ReportingRound.objects.order_by("pk").values_list("pk", "closed_at")),
    }


@pytest.fixture
def esbjerg_secretary(make_user, esbjerg):
    return make_user("esbjerg-sekretaer-a", council=esbjerg, role="secretary")


@pytest.fixture
def toender_local(plan, toender):
    """Tønder's own focus area and activity, and an assignment of Tønder's to report on."""
    area = save_local_focus_area(
        council=toender, title="Tryghed i Tønder by", background="<p>Baggrund</p>", ambition=""
    )
    activity = save_local_activity(
        council=toender, focus_area=area, text="Gåtur med borgmesteren", timing="2018"
    )
    assignment = Assignment.objects.get(council=toender, activity=activity)
    return area, activity, assignment


def toender_urls(toender, area, activity, assignment):
    return [
        ("get", reverse("members:council", args=[toender.pk])),
        ("get", reverse("members:assignment", args=[assignment.pk])),
        ("post", reverse("members:assignment", args=[assignment.pk])),
        ("get", reverse("members:local_plan", args=[toender.pk])),
        ("get", reverse("members:focus_area_create", args=[toender.pk])),
        ("post", reverse("members:focus_area_create", args=[toender.pk])),
        ("get", reverse("members:focus_area_edit", args=[toender.pk, area.pk])),
        ("post", reverse("members:focus_area_edit", args=[toender.pk, area.pk])),
        ("post", reverse("members:focus_area_move", args=[toender.pk, area.pk])),
        ("get", reverse("members:activity_create", args=[toender.pk])),
        ("post", reverse("members:activity_create", args=[toender.pk])),
        ("get", reverse("members:activity_edit", args=[toender.pk, activity.pk])),
        ("post", reverse("members:activity_edit", args=[toender.pk, activity.pk])),
        ("post", reverse("members:activity_move", args=[toender.pk, activity.pk])),
    ]


def forged_under_own_council(esbjerg, area, activity):
    """Tønder's rows addressed through Esbjerg's own URLs."""
    return [
        ("get", reverse("members:focus_area_edit", args=[esbjerg.pk, area.pk])),
        ("post", reverse("members:focus_area_edit", args=[esbjerg.pk, area.pk])),
        ("post", reverse("members:focus_area_move", args=[esbjerg.pk, area.pk])),
        ("get", reverse("members:activity_edit", args=[esbjerg.pk, activity.pk])),
        ("post", reverse("members:activity_edit", args=[esbjerg.pk, activity.pk])),
        ("post", reverse("members:activity_move", args=[esbjerg.pk, activity.pk])),
    ]


def post_data(today, area):
    return {
        "status": "done",
        "public_text": "Forfalsket",
        "date": today.isoformat(),
        "title": "Forfalsket",
        "text": "Forfalsket",
        "focus_area": area.pk,
        "retning": "up",
    }


@pytest.mark.parametrize("user_fixture", ["member", "esbjerg_secretary"])
def test_esbjerg_gets_404_on_every_toender_url_and_nothing_changes(
    request, client, plan, esbjerg, toender, toender_local, today, user_fixture
):
    area, activity, assignment = toender_local
    client.force_login(request.getfixturevalue(user_fixture))
    before = db_state()
    urls = toender_urls(toender, area, activity, assignment) + forged_under_own_council(
        esbjerg, area, activity
    )
    for method, url in urls:
        response = getattr(client, method)(url, post_data(today, area) if method == "post" else {})
        assert response.status_code == 404, (method, url)
    assert db_state() == before


def test_toender_member_reaches_the_same_urls(client, plan, toender, toender_local, make_user):
    area, activity, assignment = toender_local
    client.force_login(make_user("toender-sekretaer", council=toender, role="secretary"))
    for method, url in toender_urls(toender, area, activity, assignment):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_forged_assignment_id_in_the_post_is_ignored(
    client, plan, esbjerg, member, toender_local, today
):
    _, _, toender_assignment = toender_local
    own = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan).first()
    client.force_login(member)
    client.post(
        reverse("members:assignment", args=[own.pk]),
        {
            "status": "done",
            "public_text": "Egen",
            "date": today.isoformat(),
            "assignment": toender_assignment.pk,
        },
    )
    assert list(StatusUpdate.objects.values_list("assignment", flat=True)) == [own.pk]


def test_assignment_on_a_draft_plan_is_404(client, draft_plan, esbjerg, member, today):
    assignment = Assignment.objects.filter(
        council=esbjerg, activity__focus_area__plan=draft_plan
    ).first()
    client.force_login(member)
    url = reverse("members:assignment", args=[assignment.pk])
    assert client.get(url).status_code == 404
    data = {"status": "done", "public_text": "x", "date": today.isoformat()}
    assert client.post(url, data).status_code == 404
    assert not StatusUpdate.objects.exists()


def test_inactive_lokalraad_is_404_for_its_members(client, plan, esbjerg, member):
    esbjerg.is_active = False
    esbjerg.save()
    client.force_login(member)
    assert client.get(reverse("members:council", args=[esbjerg.pk])).status_code == 404


def test_plain_member_cannot_manage_the_handleplan(client, plan, esbjerg, member):
    client.force_login(member)
    before = db_state()
    assert client.get(reverse("members:local_plan", args=[esbjerg.pk])).status_code == 404
    response = client.post(
        reverse("members:focus_area_create", args=[esbjerg.pk]), {"title": "Nyt område"}
    )
    assert response.status_code == 404
    assert db_state() == before


@pytest.mark.parametrize(
    "name", ["members:home", "members:council", "members:assignment", "members:local_plan"]
)
def test_anonymous_visitor_is_sent_to_sign_in(client, plan, esbjerg, name):
    args = [] if name == "members:home" else [esbjerg.pk]
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def round_urls(reporting_round, council):
    pk = reporting_round.pk
    return [
        ("get", reverse("rounds:index")),
        ("get", reverse("rounds:open")),
        ("post", reverse("rounds:open")),
        ("get", reverse("rounds:detail", args=[pk])),
        ("get", reverse("rounds:close", args=[pk])),
        ("post", reverse("rounds:close", args=[pk])),
        ("post", reverse("rounds:remind", args=[pk])),
        ("get", reverse("rounds:council", args=[pk, council.pk])),
        ("get", reverse("rounds:report", args=[pk])),
        ("get", reverse("rounds:report_csv", args=[pk])),
    ]


ROUND_DATA = {"name": "Forfalsket", "deadline": "2099-01-01"}


@pytest.mark.parametrize(
    ("user_fixture", "expected"),
    [(None, 302), ("member", 403), ("staff_without_secretariat", 403)],
)
def test_only_secretariat_staff_reach_the_round_pages(
    request, client, plan, open_round, esbjerg, make_user, user_fixture, expected
):
    if user_fixture == "staff_without_secretariat":
        client.force_login(make_user("ansat", staff=True))
    elif user_fixture:
        client.force_login(request.getfixturevalue(user_fixture))
    before = db_state()
    for method, url in round_urls(open_round, esbjerg):
        response = getattr(client, method)(url, ROUND_DATA if method == "post" else {})
        assert response.status_code == expected, (method, url)
    assert db_state() == before
    assert mail.outbox == []


def test_other_districts_secretariat_gets_404_on_the_round_and_nothing_changes(
    client, plan, open_round, esbjerg, other_secretariat, make_user
):
    make_user("esbjerg-person", council=esbjerg)
    client.force_login(other_secretariat)
    before = db_state()
    for method, url in round_urls(open_round, esbjerg)[3:]:
        response = getattr(client, method)(url, ROUND_DATA if method == "post" else {})
        assert response.status_code == 404, (method, url)
    assert db_state() == before
    assert mail.outbox == []


def test_other_districts_secretariat_opens_rounds_only_in_their_own_district(
    client, plan, district, other_secretariat, other_district
):
    client.force_login(other_secretariat)
    response = client.post(reverse("rounds:open"), ROUND_DATA | {"kreds": district.slug})
    assert response.status_code == 200  # the form again: Fyn has no published plan
    assert not ReportingRound.objects.filter(district=district).exists()


def test_own_secretariat_reaches_every_round_page(client, plan, open_round, esbjerg, secretariat):
    client.force_login(secretariat)
    for method, url in round_urls(open_round, esbjerg):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_secretariat_cannot_see_another_districts_council_in_its_round(
    client, plan, open_round, secretariat, other_district
):
    from councils.models import Council

    odense = Council.objects.filter(district=other_district, kind="local").first()
    client.force_login(secretariat)
    url = reverse("rounds:council", args=[open_round.pk, odense.pk])
    assert client.get(url).status_code == 404


def test_superuser_may_view_any_districts_round(client, open_round, superuser):
    client.force_login(superuser)
    assert client.get(reverse("rounds:detail", args=[open_round.pk])).status_code == 200


def test_member_urls_never_expose_internal_notes_of_another_lokalraad(
    client, plan, toender, other_member, member, report, esbjerg
):
    toender_assignment = Assignment.objects.filter(council=toender).first()
    report(toender_assignment, other_member, note="Tønders interne note")
    client.force_login(member)
    assert (
        "Tønders interne note" not in client.get(reverse("members:council", args=[esbjerg.pk])).text
    )
