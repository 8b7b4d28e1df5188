"""Optimistic locking: a second save of what someone else changed meanwhile is refused, the
user's input stays in the form, and nothing is overwritten."""

import pytest
from django.urls import reverse

from base import locking
from plans.models import Activity, FocusArea, Plan, PlanSection

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db

CONFLICT = "er ændret af en anden, mens du redigerede. Dine ændringer er ikke gemt"


def someone_else_saves(obj, **changes):
    """Another user's save, as the admin does it: new values and the next revision."""
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.revision += 1
    obj.save()


def test_a_save_increments_the_revision(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = single(admin_form(secretary_client.get(url)), title="Ny titel")
    assert secretary_client.post(url, data).status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.revision) == ("Ny titel", 1)


def test_stale_plan_save_is_refused_with_the_input_kept(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(Plan.objects.get(pk=plan.pk), title="Den andens titel")

    response = secretary_client.post(url, single(data, title="Min titel"))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert 'value="Min titel"' in response.text
    plan.refresh_from_db()
    assert (plan.title, plan.revision) == ("Den andens titel", 1)


def test_saving_again_after_the_conflict_message_overwrites_deliberately(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(Plan.objects.get(pk=plan.pk), title="Den andens titel")
    refused = secretary_client.post(url, single(data, title="Min titel"))

    response = secretary_client.post(url, admin_form(refused))

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.revision) == ("Min titel", 2)


def test_stale_focus_area_save_on_its_own_page_is_refused(secretary_client, world):
    area = world["focusarea"]
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(FocusArea.objects.get(pk=area.pk), ambition="Den andens ambition")

    response = secretary_client.post(url, single(data, ambition="Min ambition"))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "Min ambition" in response.text
    assert FocusArea.objects.get(pk=area.pk).ambition == "Den andens ambition"


def test_stale_activity_save_is_refused(secretary_client, world):
    activity = world["activity"]
    url = reverse("admin:plans_activity_change", args=[activity.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(Activity.objects.get(pk=activity.pk), text="Den andens tekst")

    response = secretary_client.post(url, single(data, text="Min tekst"))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "Min tekst" in response.text
    assert Activity.objects.get(pk=activity.pk).text == "Den andens tekst"


def test_stale_section_row_changed_in_the_plan_form_is_refused(secretary_client, world):
    plan, section = world["plan"], world["plansection"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(PlanSection.objects.get(pk=section.pk), title="Den andens overskrift")

    response = secretary_client.post(url, single(data, **{"sections-0-title": "Min overskrift"}))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert 'value="Min overskrift"' in response.text
    assert PlanSection.objects.get(pk=section.pk).title == "Den andens overskrift"
    plan.refresh_from_db()
    assert plan.revision == 0


def test_stale_activity_row_changed_on_the_focus_area_page_is_refused(secretary_client, world):
    area, activity = world["focusarea"], world["activity"]
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(Activity.objects.get(pk=activity.pk), timing="2019")

    response = secretary_client.post(url, single(data, **{"activities-0-timing": "2018"}))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert Activity.objects.get(pk=activity.pk).timing == "2019"


def test_row_saved_meanwhile_without_a_visible_change_does_not_block_the_save(
    secretary_client, world
):
    """E.g. the focus area was saved on its own page for its activities: its row here is
    still what the database holds, so saving the plan overwrites nothing."""
    plan, area = world["plan"], world["focusarea"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(FocusArea.objects.get(pk=area.pk))

    response = secretary_client.post(url, single(data, title="Min titel"))

    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).title == "Min titel"


def test_stale_row_the_user_did_not_touch_is_refused_rather_than_written_back(
    secretary_client, world
):
    """Saving the old text of a row someone else changed would silently undo their change."""
    plan, section = world["plan"], world["plansection"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    someone_else_saves(PlanSection.objects.get(pk=section.pk), title="Den andens overskrift")

    response = secretary_client.post(url, single(data, title="Min titel"))

    assert response.status_code == 200
    assert CONFLICT in response.text
    assert PlanSection.objects.get(pk=section.pk).title == "Den andens overskrift"
    assert Plan.objects.get(pk=plan.pk).title == plan.title


def test_save_that_loses_the_race_after_validation_is_refused_with_the_input_kept(
    secretary_client, world, monkeypatch
):
    """Someone saved between our validation and our save (validation saw the old revision):
    the conditional update notices, and the form comes back with the message."""
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    loaded = Plan.objects.get(pk=plan.pk).revision
    someone_else_saves(Plan.objects.get(pk=plan.pk), title="Den andens titel")
    real_locked_revision = locking.locked_revision
    validations = []

    def validation_before_their_save(instance):
        if isinstance(instance, Plan) and not validations:
            validations.append(instance)
            return loaded
        return real_locked_revision(instance)

    monkeypatch.setattr(locking, "locked_revision", validation_before_their_save)
    response = secretary_client.post(url, single(data, title="Min titel"))

    assert validations
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert 'value="Min titel"' in response.text
    assert Plan.objects.get(pk=plan.pk).title == "Den andens titel"
