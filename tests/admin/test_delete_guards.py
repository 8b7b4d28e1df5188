"""Deleting is guarded: what must keep its history cannot be deleted, and the admin says why
in Danish (and what to do instead) rather than failing."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from base.admin import PortalAdminMixin
from councils.models import Council, Membership, Person
from forums.models import Forum
from plans.models import Activity, Assignment, Plan, WorkflowEvent

pytestmark = pytest.mark.django_db


def delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def test_plan_with_published_versions_explains_why_it_cannot_be_deleted(secretary_client, world):
    plan = world["old_plan"]
    response = secretary_client.get(delete_url(plan))
    assert response.status_code == 200
    assert "kan ikke slettes" in response.text
    assert "Markér som afløst" in response.text
    assert 'name="post"' not in response.text


def test_confirming_the_delete_of_a_published_plan_deletes_nothing(secretary_client, world):
    plan = world["old_plan"]
    response = secretary_client.post(delete_url(plan), {"post": "yes"})
    assert response.status_code == 200
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_delete_page_links_what_goes_with_the_object_to_its_change_page(
    secretary_client, make_plan, district
):
    plan = make_plan(district, start=2030, end=2031, activities=1)
    activity = Activity.objects.get(focus_area__plan=plan)
    response = secretary_client.get(delete_url(plan))
    change_url = reverse("admin:plans_activity_change", args=[activity.pk])
    assert f'<a href="{change_url}">{activity}</a>' in response.text


def test_draft_plan_is_deleted_with_its_derived_assignments(secretary_client, make_plan, district):
    plan = make_plan(district, start=2030, end=2031, activities=1)
    assert Assignment.objects.filter(activity__focus_area__plan=plan).exists()
    response = secretary_client.post(delete_url(plan), {"post": "yes"})
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_approved_unpublished_plan_is_deleted_with_its_workflow_events(
    secretary_client, secretary, make_plan, district, today
):
    from plans.publishing import approve_plan

    plan = approve_plan(
        plan=make_plan(district, start=2030, end=2031, activities=0),
        meeting_date=today,
        user=secretary,
    )
    page = secretary_client.get(delete_url(plan))
    assert 'name="post"' in page.text
    assert "Behandlet i kredsrådet" in page.text
    assert secretary_client.post(delete_url(plan), {"post": "yes"}).status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert not WorkflowEvent.objects.filter(plan_id=plan.pk).exists()


def test_council_with_members_explains_to_make_it_inactive_instead(secretary_client, world):
    council = Council.objects.get(pk=world["membership"].council_id)
    response = secretary_client.get(delete_url(council))
    assert "kan ikke slettes" in response.text
    assert "inaktivt" in response.text
    secretary_client.post(delete_url(council), {"post": "yes"})
    assert Council.objects.filter(pk=council.pk).exists()


def test_lokalraad_with_assignments_cannot_be_deleted(secretary_client, world):
    council = world["council"]
    secretary_client.post(delete_url(council), {"post": "yes"})
    assert Council.objects.filter(pk=council.pk).exists()


def test_forum_responsible_for_an_activity_cannot_be_deleted(secretary_client, world):
    forum, activity = world["forum"], world["activity"]
    Activity.objects.filter(pk=activity.pk).update(all_local_councils=False, forum=forum)
    response = secretary_client.get(delete_url(forum))
    assert "kan ikke slettes" in response.text
    assert "Aktivitet 1" in response.text
    secretary_client.post(delete_url(forum), {"post": "yes"})
    assert Forum.objects.filter(pk=forum.pk).exists()


def test_forum_no_activity_names_is_deleted(secretary_client, world):
    forum = world["forum"]
    assert secretary_client.post(delete_url(forum), {"post": "yes"}).status_code == 302
    assert not Forum.objects.filter(pk=forum.pk).exists()


def test_delete_action_on_a_protected_forum_explains_and_deletes_nothing(secretary_client, world):
    forum, activity = world["forum"], world["activity"]
    Activity.objects.filter(pk=activity.pk).update(all_local_councils=False, forum=forum)
    data = {"action": "delete_selected", "_selected_action": [forum.pk]}
    page = secretary_client.post(changelist_url(Forum), data)
    assert page.status_code == 200
    assert "kan ikke slettes" in page.text
    assert "inaktivt" in page.text
    secretary_client.post(changelist_url(Forum), {**data, "post": "yes"})
    assert Forum.objects.filter(pk=forum.pk).exists()


def test_a_delete_refused_by_the_database_after_confirmation_is_a_message_not_an_error(
    secretary_client, world, monkeypatch
):
    """Something started to protect the forum between the check and the delete."""
    forum = world["forum"]

    def refuse(self, request, obj):
        raise ProtectedError("henvist til", {world["activity"]})

    monkeypatch.setattr(PortalAdminMixin, "delete_model", refuse, raising=False)
    response = secretary_client.post(delete_url(forum), {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert "Intet er slettet." in response.text
    assert Forum.objects.filter(pk=forum.pk).exists()


def test_deleting_a_person_removes_their_seats_too(secretary_client, world):
    person = world["person"]
    page = secretary_client.get(delete_url(person))
    assert 'name="post"' in page.text
    assert secretary_client.post(delete_url(person), {"post": "yes"}).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Membership.objects.filter(pk=world["membership"].pk).exists()


def test_person_with_a_seat_in_another_district_is_not_deleted_by_the_secretariat(
    secretary_client, world, other_world
):
    person = world["person"]
    Membership.objects.create(person=person, council=other_world["council"])
    page = secretary_client.get(delete_url(person))
    assert "kan ikke slettes" in page.text
    secretary_client.post(delete_url(person), {"post": "yes"})
    assert Person.objects.filter(pk=person.pk).exists()


def test_status_updates_cannot_be_changed_or_deleted_by_anyone(client, superuser, world):
    client.force_login(superuser)
    update = world["statusupdate"]
    opts = update._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[update.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert client.post(change, {"public_text": "Omskrevet"}).status_code == 403
    assert client.post(delete_url(update), {"post": "yes"}).status_code == 403
    update.refresh_from_db()
    assert update.public_text == "Borgermøder er planlagt."
