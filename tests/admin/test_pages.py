"""Every admin page of every registered model loads for a secretariat user of the district."""

import re

import pytest
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

APPS = {"councils", "forums", "plans"}
MODELS = sorted(
    model._meta.model_name for model in admin.site._registry if model._meta.app_label in APPS
)
# Shown, never added in the admin (reference data, append-only or made elsewhere).
NOT_ADDED_HERE = {
    "policedistrict",
    "municipality",
    "secretariatstaff",
    "membership",
    "assignment",
    "statusupdate",
    "reportinground",
    "planversion",
    "workflowevent",
}


def model_of(model_name):
    return next(model for model in admin.site._registry if model._meta.model_name == model_name)


def admin_url(model_name, view, *args):
    return reverse(f"admin:{model_of(model_name)._meta.app_label}_{model_name}_{view}", args=args)


def test_every_model_of_the_portal_is_registered():
    assert set(MODELS) == {
        "policedistrict",
        "municipality",
        "council",
        "person",
        "membership",
        "secretariatstaff",
        "stafffunction",
        "forum",
        "plan",
        "plansection",
        "focusarea",
        "focusareagroup",
        "activity",
        "annualcycleentry",
        "sectionfigure",
        "planattachment",
        "assignment",
        "statusupdate",
        "reportinground",
        "planversion",
        "workflowevent",
    }


@pytest.mark.parametrize("model_name", MODELS)
def test_change_list_loads_and_lists_the_districts_row(secretary_client, world, model_name):
    obj = world.get(model_name)
    response = secretary_client.get(admin_url(model_name, "changelist"))
    assert response.status_code == 200
    if obj is not None:
        assert admin_url(model_name, "change", obj.pk) in response.text


@pytest.mark.parametrize("model_name", MODELS)
def test_add_page_loads_where_adding_happens_in_the_admin(secretary_client, model_name):
    response = secretary_client.get(admin_url(model_name, "add"))
    assert response.status_code == (403 if model_name in NOT_ADDED_HERE else 200)


@pytest.mark.parametrize("model_name", sorted(set(MODELS) - {"secretariatstaff"}))
def test_change_page_loads(secretary_client, world, model_name):
    response = secretary_client.get(admin_url(model_name, "change", world[model_name].pk))
    assert response.status_code == 200
    assert str(world[model_name])[:30] in response.text


@pytest.mark.parametrize("view", ["changelist", "change"])
@pytest.mark.parametrize("model_name", ["council", "plan", "plansection", "focusarea"])
def test_pages_of_admins_with_sortable_inlines_name_only_static_files_that_exist(
    secretary_client, world, model_name, view
):
    """adminsortable2 names an actions.js of its own per Django version; these pages use
    Django's (a file that does not exist would be a 500 under the manifest storage)."""
    args = [world[model_name].pk] if view == "change" else []
    media = str(secretary_client.get(admin_url(model_name, view, *args)).context["media"])
    paths = re.findall(r'(?:src|href)="/static/([^"]+)"', media)
    assert "admin/js/actions.js" in paths
    assert "adminsortable2/css/sortable.css" in paths
    assert any(
        re.fullmatch(r"adminsortable2/js/adminsortable2(\.min)?\.js", path) for path in paths
    )
    assert [path for path in paths if not finders.find(path)] == []


@pytest.mark.parametrize("model_name", sorted(set(MODELS) - {"secretariatstaff"}))
def test_history_page_loads(secretary_client, world, model_name):
    response = secretary_client.get(admin_url(model_name, "history", world[model_name].pk))
    assert response.status_code == 200


def test_secretariat_staff_page_lists_the_colleague(secretary_client, secretary):
    staff = secretary.secretariat
    response = secretary_client.get(admin_url("secretariatstaff", "change", staff.pk))
    assert response.status_code == 200
    assert secretary.username in response.text


def test_reporting_round_page_links_to_where_rounds_are_run(secretary_client, world):
    round_ = world["reportinground"]
    response = secretary_client.get(admin_url("reportinground", "change", round_.pk))
    assert reverse("rounds:detail", args=[round_.pk]) in response.text


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("model_name", MODELS)
def test_national_administrator_loads_every_list_and_add_page(superuser_client, world, model_name):
    assert superuser_client.get(admin_url(model_name, "changelist")).status_code == 200
    expected = 403 if model_name in NOT_ADDED_HERE - {"secretariatstaff"} else 200
    assert superuser_client.get(admin_url(model_name, "add")).status_code == expected


def test_national_administrator_ties_a_staff_user_to_a_district(
    superuser_client, make_user, other_district
):
    user = make_user("ny-medarbejder", staff=True)
    response = superuser_client.post(
        admin_url("secretariatstaff", "add"), {"user": user.pk, "district": other_district.pk}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.secretariat.district == other_district
    assert user.groups.filter(name="Sekretariat").exists()
