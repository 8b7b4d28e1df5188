"""District scoping: a secretariat sees and changes only its own district in the admin."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from councils.models import Council, Membership
from forums.models import Forum
from plans.models import Activity, FocusArea, FocusAreaGroup, Plan

from .html_forms import admin_form, single
from .test_pages import admin_url

pytestmark = pytest.mark.django_db

SCOPED = [
    "plan",
    "plansection",
    "focusarea",
    "activity",
    "annualcycleentry",
    "forum",
    "person",
    "membership",
    "council",
    "assignment",
    "reportinground",
    "statusupdate",
    "planversion",
    "workflowevent",
    "policedistrict",
    "municipality",
]


@pytest.mark.parametrize("view", ["change", "history", "delete"])
@pytest.mark.parametrize("model_name", SCOPED)
def test_another_districts_object_is_a_404(secretary_client, other_world, model_name, view):
    response = secretary_client.get(admin_url(model_name, view, other_world[model_name].pk))
    assert response.status_code == 404


@pytest.mark.parametrize("model_name", SCOPED)
def test_change_list_leaves_out_another_districts_rows(
    secretary_client, world, other_world, model_name
):
    response = secretary_client.get(admin_url(model_name, "changelist"))
    assert admin_url(model_name, "change", other_world[model_name].pk) not in response.text


def test_search_finds_nothing_of_another_district(secretary_client, world, other_world):
    response = secretary_client.get(admin_url("forum", "changelist"), {"q": "SSP fyn"})
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert (changelist.result_count, changelist.full_result_count) == (0, 1)


def test_post_to_another_districts_change_page_is_a_404_and_changes_nothing(
    secretary_client, other_world
):
    forum = other_world["forum"]
    response = secretary_client.post(
        admin_url("forum", "change", forum.pk), {"name": "Overtaget", "kind": "ssp"}
    )
    assert response.status_code == 404
    assert Forum.objects.get(pk=forum.pk).name == "SSP fyn"


def test_delete_action_on_another_districts_rows_deletes_nothing(secretary_client, other_world):
    forum = other_world["forum"]
    response = secretary_client.post(
        admin_url("forum", "changelist"),
        {"action": "delete_selected", "_selected_action": [forum.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert Forum.objects.filter(pk=forum.pk).exists()


def test_relation_choices_are_only_the_users_district(
    secretary_client, world, other_world, district
):
    response = secretary_client.get(admin_url("activity", "add"))
    focus_area_choices = response.context["adminform"].form.fields["focus_area"].queryset
    assert world["focusarea"] in focus_area_choices
    assert other_world["focusarea"] not in focus_area_choices
    forum_choices = response.context["adminform"].form.fields["forum"].queryset
    assert set(forum_choices) == {world["forum"]}
    councils = response.context["adminform"].form.fields["responsible_councils"].queryset
    assert {council.district_id for council in councils} == {district.pk}


def test_inline_choices_are_only_the_plans_district(secretary_client, world, district):
    response = secretary_client.get(admin_url("plan", "change", world["plan"].pk))
    focus_areas = next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is FocusArea
    )
    councils = focus_areas.formset.empty_form.fields["councils"].queryset
    assert councils.exists()
    assert {council.district_id for council in councils} == {district.pk}
    assert {council.kind for council in councils} == {Council.Kind.LOCAL}


def test_focus_area_group_choices_are_only_the_plans_own_groups(
    secretary_client, world, make_plan, district
):
    other_plan = make_plan(district, start=2030, end=2031, activities=0)
    FocusAreaGroup.objects.create(plan=other_plan, heading="Den anden plans gruppe")
    url = admin_url("focusarea", "change", world["focusarea"].pk)
    groups = secretary_client.get(url).context["adminform"].form.fields["group"].queryset
    assert list(groups) == [world["focusareagroup"]]


def test_plan_district_choice_is_only_the_users_district(secretary_client, district):
    response = secretary_client.get(admin_url("plan", "add"))
    assert list(response.context["adminform"].form.fields["district"].queryset) == [district]


def test_forum_interfaces_offer_only_the_users_district(secretary_client, world, other_world):
    response = secretary_client.get(admin_url("forum", "change", world["forum"].pk))
    fields = response.context["adminform"].form.fields
    assert list(fields["interface_forums"].queryset) == [world["forum"]]
    councils = fields["interface_councils"].queryset
    assert world["council"] in councils
    assert other_world["council"] not in councils


def test_autocomplete_of_persons_offers_only_the_districts_members(
    secretary_client, world, other_world
):
    response = secretary_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "councils",
            "model_name": "membership",
            "field_name": "person",
            "term": "Borgmester",
        },
    )
    names = [result["text"] for result in json.loads(response.content)["results"]]
    assert names == ["Borgmester syd"]


def test_forged_post_moving_an_activity_to_another_district_is_refused(
    secretary_client, world, other_world
):
    activity = world["activity"]
    url = admin_url("activity", "change", activity.pk)
    data = single(
        admin_form(secretary_client.get(url)),
        focus_area=other_world["focusarea"].pk,
        text="Flyttet",
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focus_area"]
    activity.refresh_from_db()
    assert (activity.focus_area_id, activity.text) == (world["focusarea"].pk, "Aktivitet 1")


def test_forged_post_creating_a_plan_in_another_district_is_refused(
    secretary_client, other_district
):
    data = single(
        admin_form(secretary_client.get(admin_url("plan", "add"))),
        district=other_district.pk,
        title="Samarbejdsplan",
        period_start=2030,
        period_end=2031,
    )
    response = secretary_client.post(admin_url("plan", "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["district"]
    assert not Plan.objects.filter(period_start=2030).exists()


def test_forged_post_giving_a_person_a_seat_in_another_district_is_refused(
    secretary_client, world, other_world
):
    person = world["person"]
    url = admin_url("person", "change", person.pk)
    data = admin_form(secretary_client.get(url))
    index = data["memberships-TOTAL_FORMS"][0]
    data = single(
        data,
        **{
            f"memberships-{index}-council": other_world["council"].pk,
            f"memberships-{index}-role": "member",
            "memberships-TOTAL_FORMS": int(index) + 1,
        },
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert not Membership.objects.filter(person=person, council=other_world["council"]).exists()


def test_form_refuses_an_object_whose_relations_lead_to_another_district(
    rf, secretary, world, other_world
):
    """The last check behind the scoped choices: the saved object's own district."""
    from django.contrib import admin

    model_admin = admin.site.get_model_admin(Activity)
    request = rf.get("/")
    request.user = secretary
    form_class = model_admin.get_form(request, world["activity"], change=True)
    form_class.base_fields["focus_area"].queryset = FocusArea.objects.all()  # a slip elsewhere
    data = {
        "focus_area": other_world["focusarea"].pk,
        "text": "Flyttet",
        "all_local_councils": "on",
        "timing": "",
        "order": 0,
        "loaded_revision": world["activity"].revision,
    }
    form = form_class(data, instance=world["activity"])
    assert not form.is_valid()
    assert "Du kan kun gemme oplysninger i din egen politikreds." in form.non_field_errors()


def test_staff_user_without_a_secretariat_sees_no_district_rows(client, make_user, world):
    user = make_user("uden-kreds", staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    client.force_login(user)
    response = client.get(admin_url("plan", "changelist"))
    assert response.status_code == 200
    assert admin_url("plan", "change", world["plan"].pk) not in response.text
    assert client.get(admin_url("plan", "change", world["plan"].pk)).status_code == 404


def test_superuser_sees_every_district(client, superuser, world, other_world):
    client.force_login(superuser)
    response = client.get(admin_url("plan", "changelist"))
    assert admin_url("plan", "change", world["plan"].pk) in response.text
    assert admin_url("plan", "change", other_world["plan"].pk) in response.text
    assert client.get(admin_url("plan", "change", other_world["plan"].pk)).status_code == 200


def test_person_of_another_district_is_not_offered_as_a_member(
    secretary_client, world, other_world
):
    council = world["council"]
    response = secretary_client.get(admin_url("council", "change", council.pk))
    memberships = next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Membership
    )
    persons = memberships.formset.empty_form.fields["person"].queryset
    assert world["person"] in persons
    assert other_world["person"] not in persons


def test_even_a_superuser_cannot_move_an_activity_into_another_district(
    client, superuser, world, other_world
):
    client.force_login(superuser)
    activity = world["activity"]
    url = admin_url("activity", "change", activity.pk)
    data = single(admin_form(client.get(url)), focus_area=other_world["focusarea"].pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focus_area"]
    assert Activity.objects.get(pk=activity.pk).focus_area_id == world["focusarea"].pk
