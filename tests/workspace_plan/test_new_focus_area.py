"""A new focus area's form in the workspace takes its goals as lists too (one textarea per
party, optional, saved with the area), and "Opret og tilføj aktiviteter" lands with the new
area's activity form open, with htmx and without JavaScript."""

import pytest
from django.urls import reverse

from plans.models import FocusArea, Goal

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_url(group):
    return reverse("workspace:focus_area_add", args=[group.plan_id, group.pk])


def area_data(**more):
    return {"title": "Unge og fester", "background": "<p>Om fester</p>", "ambition": "", **more}


def goals_of(area):
    rows = Goal.objects.filter(focus_area=area).order_by("order", "pk")
    return [(goal.party, goal.text) for goal in rows]


def test_the_form_offers_the_goals_per_party_and_the_way_on_to_activities(signed_in, area):
    html = signed_in.get(add_url(area.group)).content.decode()
    assert "<legend" in html and "Mål for parterne</legend>" in html
    for name, label in [
        ("police", "Politiet vil"),
        ("municipalities", "Kommunerne vil"),
        ("joint", "Sammen vil vi"),
    ]:
        assert f'name="{name}"' in html and label in html
    assert 'name="og_videre"' in html and "Opret og tilføj aktiviteter" in html


def test_the_goals_are_saved_with_the_new_area(signed_in, area):
    signed_in.post(
        add_url(area.group),
        area_data(police="Opsøge de unge\n\n Tale med forældrene ", joint="Fælles møde"),
    )
    new = FocusArea.objects.get(title="Unge og fester")
    assert goals_of(new) == [
        ("police", "Opsøge de unge"),
        ("police", "Tale med forældrene"),
        ("joint", "Fælles møde"),
    ]
    assert all(goal.plan_id == area.plan_id for goal in new.goals.all())


def test_a_new_area_without_goals_has_none(signed_in, area):
    signed_in.post(add_url(area.group), area_data())
    assert goals_of(FocusArea.objects.get(title="Unge og fester")) == []


def test_a_too_long_goal_saves_nothing_and_keeps_the_input(signed_in, area):
    response = signed_in.post(
        add_url(area.group), area_data(municipalities="Kort mål\n" + "x" * 600)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Linje 2 er for lang" in html and "Kort mål" in html
    assert 'value="Unge og fester"' in html
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_without_javascript_it_goes_on_to_the_new_areas_activity_form(signed_in, draft, area):
    response = signed_in.post(add_url(area.group), area_data(og_videre="aktiviteter"))
    new = FocusArea.objects.get(title="Unge og fester")
    workspace = reverse("workspace:plan", args=[draft.pk])
    assert response["Location"] == (
        f"{workspace}?vis=indsatsomraade-{new.pk}&ny=aktivitet-{new.pk}"
    )
    html = signed_in.get(response["Location"]).content.decode()
    action = reverse("workspace:activity_add", args=[draft.pk, new.pk])
    assert f'action="{action}"' in html
    assert "Ny aktivitet under »Unge og fester«" in html
    assert "Gem og tilføj endnu en" in html
    # Only the new area's form is open: the other area still offers its link.
    assert f'href="{reverse("workspace:activity_add", args=[draft.pk, area.pk])}"' in html


def test_with_htmx_the_page_loads_with_the_activity_form_open(signed_in, draft, area):
    response = signed_in.post(add_url(area.group), area_data(og_videre="aktiviteter"), **HTMX)
    new = FocusArea.objects.get(title="Unge og fester")
    assert response["HX-Redirect"].endswith(f"&ny=aktivitet-{new.pk}")


def test_the_plain_submit_still_goes_to_the_new_area(signed_in, draft, area):
    response = signed_in.post(add_url(area.group), area_data())
    new = FocusArea.objects.get(title="Unge og fester")
    assert response["Location"].endswith(f"#indsatsomraade-{new.pk}")
    assert "ny=" not in response["Location"]


def test_another_plans_area_opens_no_form(signed_in, draft, district, make_plan):
    other = FocusArea.objects.get(plan=make_plan(district, start=2030, end=2030))
    url = reverse("workspace:plan", args=[draft.pk]) + f"?ny=aktivitet-{other.pk}"
    html = signed_in.get(url).content.decode()
    assert reverse("workspace:activity_add", args=[other.plan_id, other.pk]) not in html
    assert "Ny aktivitet under" not in html
