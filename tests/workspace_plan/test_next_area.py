"""A new activity's form ends with "Gem og tilføj nyt indsatsområde": the activity is saved and
the workspace opens with a new focus area's form in the same group (``?ny=indsatsomraade-<group
id>``), with htmx and without JavaScript."""

import re

import pytest
from django.urls import reverse

from plans.models import Activity, FocusArea
from tests.groups import group_for

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_url(area):
    return reverse("workspace:activity_add", args=[area.plan_id, area.pk])


def area_add_url(group):
    return reverse("workspace:focus_area_add", args=[group.plan_id, group.pk])


def opened_at(plan, group, shown):
    workspace = reverse("workspace:plan", args=[plan.pk])
    return f"{workspace}?vis={shown}&ny=indsatsomraade-{group.pk}"


def test_a_new_activitys_form_offers_it_last(signed_in, area):
    html = signed_in.get(add_url(area), **HTMX).content.decode()
    buttons = re.findall(r'<button type="submit" name="([a-z_]+)"[^>]*>([^<]+)</button>', html)
    assert buttons[-1] == ("og_nyt_omraade", "Gem og tilføj nyt indsatsområde")
    assert ("og_ny", "Gem og tilføj endnu en") in buttons


def test_an_existing_activitys_form_does_not(signed_in, area):
    activity = area.activities.first()
    url = reverse("workspace:activity_edit", args=[area.plan_id, activity.pk])
    assert "Gem og tilføj nyt indsatsområde" not in signed_in.get(url).content.decode()


def test_without_javascript_it_saves_and_opens_a_new_area_in_the_group(signed_in, draft, area):
    response = signed_in.post(
        add_url(area), {"text": "Sidste aktivitet", "secretariat": "on", "og_nyt_omraade": "1"}
    )
    saved = Activity.objects.get(text="Sidste aktivitet")
    assert saved.focus_area == area
    assert response["Location"] == opened_at(draft, area.group, f"aktivitet-{saved.pk}")
    html = signed_in.get(response["Location"]).content.decode()
    assert f'action="{area_add_url(area.group)}"' in html
    assert f"Nyt indsatsområde i »{area.group.heading}«" in html
    assert "Opret indsatsområdet" in html and "Aktivitet 1</legend>" in html
    assert 'name="title"' in html and "autofocus" in html


def test_with_htmx_the_page_loads_with_the_new_areas_form_open(signed_in, draft, area):
    response = signed_in.post(
        add_url(area),
        {"text": "Sidste aktivitet", "secretariat": "on", "og_nyt_omraade": "1"},
        **HTMX,
    )
    saved = Activity.objects.get(text="Sidste aktivitet")
    assert response["HX-Redirect"] == opened_at(draft, area.group, f"aktivitet-{saved.pk}")


def test_an_error_keeps_the_form_and_opens_nothing(signed_in, area):
    response = signed_in.post(
        add_url(area), {"text": "Uden ansvarlige", "og_nyt_omraade": "1"}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert "Vælg mindst én ansvarlig" in html and "Uden ansvarlige" in html


def test_the_opened_form_creates_the_area_in_that_group(signed_in, draft, area):
    other = group_for(draft, "national")
    url = opened_at(draft, other, "x").split("#")[0]
    html = signed_in.get(url).content.decode()
    assert f'action="{area_add_url(other)}"' in html
    # Only that group's form is open: the other group still offers its link.
    assert f'href="{area_add_url(area.group)}"' in html
    signed_in.post(area_add_url(other), {"title": "Nyt område", "background": "", "ambition": ""})
    assert FocusArea.objects.get(title="Nyt område").group == other


def test_another_plans_group_opens_no_form(signed_in, draft, district, make_plan):
    other = FocusArea.objects.get(plan=make_plan(district, start=2030, end=2030)).group
    url = reverse("workspace:plan", args=[draft.pk]) + f"?ny=indsatsomraade-{other.pk}"
    html = signed_in.get(url).content.decode()
    assert area_add_url(other) not in html
    assert "Nyt indsatsområde i »" not in html
