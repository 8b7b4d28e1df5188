"""'Ny plan' on the secretariat's start page: a draft for the period typed in one field, with
whatever of its cover, foreword and goals was typed too, then its workspace with the first
chapter's form open; a period the district already has a plan for, or one that is not a
period, is refused next to the field, input kept."""

import pytest
from django.urls import reverse

from plans.models import Goal, Plan

pytestmark = pytest.mark.django_db

ADD = reverse("workspace:plan_add")


def new_plan(**fields):
    return {"title": "Samarbejdsplan", "period": "2027-2028", **fields}


def test_the_start_page_offers_a_new_plan_form(signed_in, draft):
    page = signed_in.get(reverse("workspace:home")).content.decode()
    assert f'action="{ADD}"' in page
    assert 'value="Samarbejdsplan"' in page
    assert 'name="period"' in page and 'name="period_start"' not in page


def test_the_start_page_folds_the_fields_that_may_wait(signed_in, draft):
    page = signed_in.get(reverse("workspace:home")).content.decode()
    assert "kan også udfyldes senere</summary>" in page
    assert '<details class="mb-3">' in page
    assert 'name="foreword"' in page and 'name="joint"' in page


def test_the_new_plan_page_shows_the_whole_form_unfolded(signed_in, district):
    page = signed_in.get(ADD).content.decode()
    assert '<details class="mb-3" open>' in page
    assert "data-django-prose-editor" in page  # the foreword in the workspace's editor


def test_a_new_plan_is_a_draft_opened_with_its_first_chapters_form(signed_in, district):
    response = signed_in.post(ADD, new_plan())
    plan = Plan.objects.get(district=district, period_start=2027, period_end=2028)
    # No #anchor: the browser would not put the cursor in the form (autofocus) with one.
    assert response.url == reverse("workspace:plan", args=[plan.pk]) + "?vis=forside&ny=kapitel"
    assert plan.status == Plan.Status.DRAFT
    assert not plan.sections.exists()
    workspace = signed_in.get(response.url).content.decode()
    assert 'action="{}"'.format(reverse("workspace:section_add", args=[plan.pk])) in workspace
    assert '<legend class="h5">Nyt kapitel</legend>' in workspace
    assert "autofocus" in workspace


@pytest.mark.parametrize(
    "typed, start, end",
    [
        ("2027-2028", 2027, 2028),
        ("2027 - 2029", 2027, 2029),
        ("2027–2030", 2027, 2030),
        (" 2027 ", 2027, 2027),
        ("2027-2027", 2027, 2027),
    ],
)
def test_the_period_is_read_as_a_secretariat_writes_it(signed_in, district, typed, start, end):
    response = signed_in.post(ADD, new_plan(period=typed))
    assert response.status_code == 302
    plan = Plan.objects.get(district=district)
    assert (plan.period_start, plan.period_end) == (start, end)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Skriv perioden som to årstal, fx 2024-2026."),
        ("27-28", "Skriv perioden som to årstal, fx 2024-2026."),
        ("2027 til 2028", "Skriv perioden som to årstal, fx 2024-2026."),
        ("2028-2027", "Slutåret kan ikke ligge før startåret."),
        ("2027-2031", "En samarbejdsplan dækker højst fire år."),
        ("1999-2000", "Perioden skal begynde i et år fra 2000 til 2100."),
    ],
)
def test_what_is_not_a_period_is_refused_next_to_the_field_with_the_input_kept(
    signed_in, district, typed, message
):
    response = signed_in.post(ADD, new_plan(period=typed, foreword="<p>Vores forord</p>"))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'id="error_1_id_period"' in page
    assert f'value="{typed}"' in page if typed else 'name="period"' in page
    assert "Vores forord" in page
    assert not Plan.objects.filter(district=district).exists()


def test_a_period_the_district_has_a_plan_for_is_refused_with_the_input_kept(signed_in, draft):
    response = signed_in.post(
        ADD, new_plan(title="Min nye plan", period="2025 - 2026", police="Dele analysen")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kredsen har allerede en samarbejdsplan for 2025-2026." in page
    assert 'id="error_1_id_period"' in page
    assert 'value="Min nye plan"' in page and 'value="2025 - 2026"' in page
    assert "Dele analysen</textarea>" in page
    assert Plan.objects.filter(district=draft.district).count() == 1


def test_a_new_plan_is_issued_by_the_districts_kredsraad(signed_in, district):
    form = signed_in.get(ADD).content.decode()
    assert 'value="Kredsrådet for Syd- og Sønderjyllands Politi"' in form
    signed_in.post(ADD, new_plan(period="2027"))
    plan = Plan.objects.get(district=district, period_start=2027)
    assert plan.issuer == "Kredsrådet for Syd- og Sønderjyllands Politi"


def test_the_cover_and_foreword_typed_with_the_plan_are_stored(signed_in, district):
    signed_in.post(
        ADD,
        new_plan(
            subtitle="Tryghed i Sydjylland",
            issuer="Kredsrådet og politiet",
            foreword="<p>Planen er <strong>vores</strong> fælles.</p>",
        ),
    )
    plan = Plan.objects.get(district=district)
    assert plan.subtitle == "Tryghed i Sydjylland"
    assert plan.issuer == "Kredsrådet og politiet"
    assert plan.foreword == "<p>Planen er <strong>vores</strong> fælles.</p>"


def test_the_foreword_is_sanitised_as_in_the_front_matter_form(signed_in, district):
    foreword = '<p onclick="steal()">Forord<script>alert(1)</script></p><iframe src="x"></iframe>'
    signed_in.post(ADD, new_plan(foreword=foreword))
    stored = Plan.objects.get(district=district).foreword
    assert "Forord" in stored
    assert "script" not in stored and "onclick" not in stored and "iframe" not in stored


def test_the_plans_goals_are_written_one_a_line(signed_in, district):
    signed_in.post(
        ADD,
        new_plan(police="Dele analysen\n\n Fast kontakt ", joint="Færre indbrud"),
    )
    plan = Plan.objects.get(district=district)
    goals = Goal.objects.filter(plan=plan, focus_area=None).order_by("order")
    assert [(goal.party, goal.text) for goal in goals] == [
        ("police", "Dele analysen"),
        ("police", "Fast kontakt"),
        ("joint", "Færre indbrud"),
    ]


def test_a_goal_too_long_is_refused_on_the_whole_form(signed_in, district):
    response = signed_in.post(ADD, new_plan(joint="x" * 1001))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Linje 1 er for lang" in page
    assert '<details class="mb-3" open>' in page
    assert not Plan.objects.filter(district=district).exists()
