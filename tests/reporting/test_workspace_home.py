"""The secretariat's start page (/sekretariat/): plans with their state, the open round, and
the way on to the admin; scoped to the staff member's own district."""

import datetime

import pytest
from django.urls import reverse

from councils.models import Council
from plans.models import Plan
from plans.publishing import publish_plan

pytestmark = pytest.mark.django_db

HOME = "/sekretariat/"


def district_local_councils(plan):
    return plan.district.councils.filter(kind=Council.Kind.LOCAL, is_active=True).count()


def page(client, user, url=HOME):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_start_page_lists_the_plans_with_their_state(client, make_plan, district, secretariat):
    plan = make_plan(district, start=2017, end=2018)
    draft_plan = make_plan(district, start=2019, end=2020)
    publish_plan(
        plan=plan,
        effective_date=datetime.date(2017, 3, 1),
        user=secretariat,
        published_on=datetime.date(2017, 3, 2),
    )
    html = page(client, secretariat)
    assert "Samarbejdsplan 2019-2020" in html
    assert "Kladde</strong> · ikke offentliggjort endnu" in html
    assert "Offentliggjort</strong> · version 1, offentliggjort 2. marts 2017" in html
    assert reverse("admin:plans_plan_change", args=[draft_plan.pk]) in html
    assert f"/{plan.district.slug}/samarbejdsplan/2017-2018/forhaandsvisning/" in html
    assert html.index("2019-2020") < html.index("2017-2018"), "newest period first"
    # A draft has no public page yet; the published plan has one.
    assert f'href="/{plan.district.slug}/samarbejdsplan/2019-2020/"' not in html
    assert f'href="/{plan.district.slug}/samarbejdsplan/2017-2018/"' in html


def test_start_page_says_when_a_published_plan_has_unpublished_changes(
    client, draft_plan, secretariat
):
    plan = draft_plan
    publish_plan(plan=plan, effective_date=datetime.date(2019, 1, 1), user=secretariat)
    assert "ændringerne er ikke offentliggjort" not in page(client, secretariat)
    plan.refresh_from_db()
    plan.signatory_name = "Ny politidirektør"
    plan.save()
    assert "ændringerne er ikke offentliggjort" in page(client, secretariat)


def test_start_page_shows_the_open_round_and_who_has_reported(
    client, plan, open_round, secretariat, esbjerg, report
):
    html = page(client, secretariat)
    assert "Status juni 2018" in html
    councils = district_local_councils(plan)
    assert f"0 af {councils} lokalråd har indberettet alt" in html
    assert reverse("rounds:detail", args=[open_round.pk]) in html
    for assignment in esbjerg.assignments.filter(activity__focus_area__plan=plan):
        report(assignment, secretariat)
    assert f"1 af {councils} lokalråd har indberettet alt" in page(client, secretariat)


def test_start_page_without_plans_or_round_says_so(client, secretariat):
    html = page(client, secretariat)
    assert "Kredsen har ingen samarbejdsplan i portalen endnu." in html
    assert "Der er ingen åben statusrunde." in html
    assert reverse("rounds:index") in html


def test_secretariat_sees_only_its_own_district(client, plan, other_secretariat):
    html = page(client, other_secretariat)
    assert reverse("admin:plans_plan_change", args=[plan.pk]) not in html
    assert "Kredsen har ingen samarbejdsplan i portalen endnu." in html


def test_superuser_picks_the_district(client, plan, superuser, district):
    assert "Vælg en politikreds" in page(client, superuser)
    html = page(client, superuser, f"{HOME}?kreds={district.slug}")
    assert reverse("admin:plans_plan_change", args=[plan.pk]) in html
    client.force_login(superuser)
    assert client.get(f"{HOME}?kreds=findes-ikke").status_code == 404


def test_members_and_visitors_do_not_get_in(client, member):
    response = client.get(HOME)
    assert response.status_code == 302 and "/konto/log-ind/" in response.url
    client.force_login(member)
    assert client.get(HOME).status_code == 403


def test_header_and_admin_lead_to_the_start_page_and_the_rounds(client, secretariat):
    html = page(client, secretariat, reverse("admin:index"))
    assert f'href="{HOME}"' in html
    assert f'href="{reverse("rounds:index")}"' in html
    html = page(client, secretariat)
    assert f'href="{HOME}" aria-current="page">Sekretariat</a>' in html


def test_plan_state_is_read_from_the_plan(client, make_plan, district, secretariat):
    make_plan(district, start=2021, end=2022, status=Plan.Status.APPROVED)
    assert "Behandlet i kredsrådet</strong>" in page(client, secretariat)


@pytest.mark.parametrize(
    ("status", "steps", "absent"),
    [
        (Plan.Status.DRAFT, ["godkend", "offentliggoer"], ["afloes"]),
        (Plan.Status.APPROVED, ["offentliggoer"], ["godkend", "afloes"]),
        (Plan.Status.PUBLISHED, ["offentliggoer", "afloes"], ["godkend"]),
        (Plan.Status.SUPERSEDED, [], ["godkend", "offentliggoer", "afloes"]),
    ],
)
def test_each_plan_offers_the_steps_its_state_allows(
    client, make_plan, district, secretariat, status, steps, absent
):
    plan = make_plan(district, status=status)
    html = page(client, secretariat)
    for step in steps:
        assert f"/sekretariat/plan/{plan.pk}/{step}/?fra=overblik" in html
    for step in absent:
        assert f"/sekretariat/plan/{plan.pk}/{step}/" not in html


def test_a_step_taken_from_the_start_page_returns_there(client, make_plan, district, secretariat):
    plan = make_plan(district)
    client.force_login(secretariat)
    url = f"/sekretariat/plan/{plan.pk}/godkend/?fra=overblik"
    html = client.get(url).content.decode()
    assert 'name="fra" value="overblik"' in html
    assert f'href="{HOME}">Annuller' in html
    response = client.post(
        url.split("?")[0],
        {"council_treatment": "discussed", "meeting_date": "", "fra": "overblik"},
    )
    assert response.status_code == 302 and response.url == HOME
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED


def test_the_parameter_leads_nowhere_else(client, make_plan, district, secretariat):
    plan = make_plan(district)
    client.force_login(secretariat)
    response = client.post(
        f"/sekretariat/plan/{plan.pk}/godkend/",
        {"council_treatment": "discussed", "fra": "https://example.com/"},
    )
    assert response.url == reverse("workspace:plan", args=[plan.pk])
