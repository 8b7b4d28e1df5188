"""A secretariat user gives a plan its own focus-area groups, puts each focus area in one (with
a rank in a ranked group), lets several lokalråd share a local area, and lists the goals per
party, all in the admin."""

import pytest
from django.urls import reverse

from plans.models import Assignment, FocusArea, FocusAreaGroup, Goal
from tests.groups import group_for

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def area_url(area):
    return reverse("admin:plans_focusarea_change", args=[area.pk])


def test_groups_are_added_on_the_plans_own_page(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    row = f"focus_area_groups-{int(data['focus_area_groups-TOTAL_FORMS'][0]) - 1}"
    heading = "Nationale indsatsområder med højeste prioritet"
    data = single(
        data,
        **{f"{row}-heading": heading, f"{row}-kind": "national", f"{row}-ranked": "on"},
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    group = plan.focus_area_groups.get(kind="national")
    assert (group.heading, group.ranked) == (heading, True)


def test_focus_area_moved_to_a_ranked_group_gets_its_rank(secretary_client, world):
    area = world["focusarea"]
    national = group_for(area.plan, "national", ranked=True)
    url = area_url(area)
    data = single(admin_form(secretary_client.get(url)), group=national.pk, rank=2)
    assert secretary_client.post(url, data).status_code == 302
    area.refresh_from_db()
    assert (area.group, area.rank) == (national, 2)


def test_rank_in_an_unranked_group_gets_a_danish_error_at_the_field(secretary_client, world):
    area = world["focusarea"]
    url = area_url(area)
    response = secretary_client.post(url, single(admin_form(secretary_client.get(url)), rank=1))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["rank"] == [
        f"Gruppen »{area.group.heading}« er ikke prioriteret; lad nummeret stå tomt."
    ]
    assert FocusArea.objects.get(pk=area.pk).rank is None


def test_group_of_another_plan_is_refused_and_nothing_saved(
    secretary_client, world, make_plan, district
):
    area = world["focusarea"]
    other = group_for(make_plan(district, start=2030, end=2031, activities=0), "police")
    url = area_url(area)
    data = single(admin_form(secretary_client.get(url)), group=other.pk, title="Ændret titel")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "group" in response.context["adminform"].form.errors
    assert 'value="Ændret titel"' in response.text  # the user's input is kept
    assert FocusArea.objects.get(pk=area.pk).group == area.group


def test_group_of_another_plan_is_refused_by_the_model(world, make_plan, district):
    area = world["focusarea"]
    area.group = group_for(make_plan(district, start=2030, end=2031, activities=0), "police")
    with pytest.raises(Exception) as refused:
        area.full_clean()
    assert refused.value.message_dict["group"] == ["Vælg en af planens egne grupper."]


def test_lokalraad_on_a_district_wide_area_is_refused(secretary_client, world, esbjerg):
    area = world["focusarea"]
    url = area_url(area)
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), councils=esbjerg.pk)
    )
    assert response.status_code == 200
    assert "Kun et lokalt valgt indsatsområde vælges af lokalråd." in response.text
    assert not area.councils.exists()


def test_shared_local_area_gives_each_of_its_lokalraad_the_all_lokalraad_assignment(
    secretary_client, world, esbjerg, toender
):
    area = world["focusarea"]
    url = area_url(area)
    data = single(admin_form(secretary_client.get(url)), group=group_for(area.plan, "local").pk)
    data["councils"] = [str(esbjerg.pk), str(toender.pk)]
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    for activity in area.activities.filter(all_local_councils=True):
        held = Assignment.objects.filter(activity=activity).values_list("council", flat=True)
        # Held before by every lokalråd; those with status updates keep theirs.
        assert {esbjerg.pk, toender.pk} <= set(held)
        assert set(held) - {esbjerg.pk, toender.pk} <= set(
            Assignment.objects.filter(activity=activity, updates__isnull=False).values_list(
                "council", flat=True
            )
        )


def test_new_all_lokalraad_activity_under_a_shared_local_area_falls_to_its_lokalraad(
    secretary_client, make_plan, district, esbjerg, toender
):
    plan = make_plan(district, start=2030, end=2031, activities=0)
    area = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "local"), title="Havnen", order=5
    )
    area.councils.set([esbjerg, toender])
    url = area_url(area)
    data = single(
        admin_form(secretary_client.get(url)),
        **{
            "activities-0-text": "Fælles vandring på havnen",
            "activities-0-all_local_councils": "on",
        },
    )
    assert secretary_client.post(url, data).status_code == 302
    activity = area.activities.get()
    held = set(Assignment.objects.filter(activity=activity).values_list("council", flat=True))
    assert held == {esbjerg.pk, toender.pk}


def test_goals_per_party_are_added_in_order_on_the_focus_area_page(secretary_client, world):
    area = world["focusarea"]
    url = area_url(area)
    data = single(
        admin_form(secretary_client.get(url)),
        **{"goals-0-party": "municipalities", "goals-0-text": "Tilbyde SSP i alle skoler"},
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    goal = Goal.objects.get(focus_area=area)
    assert (goal.plan, goal.party, goal.text) == (area.plan, "municipalities", goal.text)


def test_plans_own_goals_are_added_on_the_plan_page(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = single(
        admin_form(secretary_client.get(url)),
        **{"goals-0-party": "police", "goals-0-text": "Dele den strategiske analyse"},
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert list(plan.goals.values_list("party", "focus_area")) == [("police", None)]


def test_group_with_focus_areas_cannot_be_deleted(secretary_client, world):
    group = world["focusareagroup"]
    url = reverse("admin:plans_focusareagroup_delete", args=[group.pk])
    secretary_client.post(url, {"post": "yes"})
    assert FocusAreaGroup.objects.filter(pk=group.pk).exists()
