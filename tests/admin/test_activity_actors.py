"""The secretariat names who carries an activity in the admin: the police with a unit, the
district's kommuner, the kredsråd, the secretariat, a forum, all or named lokalråd."""

import re

import pytest
from django.urls import reverse

from councils.models import Council, Municipality
from plans.models import Activity, Assignment

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db

NO_ACTOR = "Vælg mindst én ansvarlig"


def kommuner(*names):
    return [
        str(pk) for pk in Municipality.objects.filter(name__in=names).values_list("pk", flat=True)
    ]


@pytest.fixture
def activity(world):
    """The plan's second activity: no lokalråd has reported on it."""
    return world["plan"].focus_areas.get().activities.order_by("order").last()


def change_url(activity):
    return reverse("admin:plans_activity_change", args=[activity.pk])


def test_the_form_offers_the_actors_with_the_districts_kommuner_only(secretary_client, activity):
    html = secretary_client.get(change_url(activity)).text
    for label in (
        "Politiet",
        "Politiets enhed",
        "Ansvarlige kommuner",
        "Kredsrådet",
        "Sekretariatet",
        "Alle lokalråd",
        "Udvalgte lokalråd og lokalråd+",
    ):
        assert re.search(rf">{re.escape(label)}:?</(label|legend)>", html), label
    assert "Esbjerg Kommune" in html and "Fanø Kommune" in html
    assert "Aarhus Kommune" not in html
    assert "for politiet, kommunerne, kredsrådet, sekretariatet og et forum indberetter" in html


def test_police_with_a_unit_and_two_kommuner_are_saved_and_the_kredsraad_holds_it(
    secretary_client, activity
):
    data = admin_form(secretary_client.get(change_url(activity)))
    data.pop("all_local_councils", None)
    data = single(data, police="on", police_unit="Forebyggelsesafdelingen")
    data["municipalities"] = kommuner("Esbjerg", "Fanø")
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 302, response.context["errors"]
    activity.refresh_from_db()
    assert activity.actors_display == (
        "Politiet (Forebyggelsesafdelingen), Esbjerg Kommune og Fanø Kommune"
    )
    kinds = set(
        Assignment.objects.filter(activity=activity).values_list("council__kind", flat=True)
    )
    assert kinds == {Council.Kind.DISTRICT}
    listing = secretary_client.get(reverse("admin:plans_activity_changelist")).text
    assert "Politiet (Forebyggelsesafdelingen), Esbjerg Kommune og Fanø Kommune" in listing


def test_police_and_two_lokalraad_added_on_the_focus_area_page(
    secretary_client, world, esbjerg, toender
):
    area = world["focusarea"]
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = admin_form(secretary_client.get(url))
    index = data["activities-TOTAL_FORMS"][0]
    data = single(
        data,
        **{
            f"activities-{index}-text": "Tryghedsvandringer med boligforeningerne",
            f"activities-{index}-police": "on",
            f"activities-{index}-police_unit": "Lokalpolitiet",
            "activities-TOTAL_FORMS": int(index) + 1,
        },
    )
    data[f"activities-{index}-responsible_councils"] = [str(esbjerg.pk), str(toender.pk)]
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    activity = Activity.objects.get(text="Tryghedsvandringer med boligforeningerne")
    assert (
        activity.actors_display == "Politiet (Lokalpolitiet), Lokalråd Esbjerg og Lokalråd Tønder"
    )
    held = sorted(activity.assignments.values_list("council__slug", flat=True))
    assert held == ["esbjerg", "kredsraadet", "toender"]


def test_a_kommune_of_another_district_is_refused_next_to_the_field(secretary_client, activity):
    data = admin_form(secretary_client.get(change_url(activity)))
    data["municipalities"] = kommuner("Aarhus")
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["municipalities"]
    assert "Marker en gyldig valgmulighed" in errors["municipalities"][0]
    assert not activity.municipalities.exists()


def test_superuser_adding_an_activity_with_a_kommune_of_another_district_is_refused(
    client, superuser, world
):
    """The national administrator is offered every kommune; the plan's district decides."""
    client.force_login(superuser)
    url = reverse("admin:plans_activity_add")
    data = single(
        admin_form(client.get(url)),
        focus_area=world["focusarea"].pk,
        text="Fælles kampagne",
        order=5,
    )
    data["municipalities"] = kommuner("Aarhus", "Esbjerg")
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["municipalities"] == ["Aarhus Kommune hører til en anden politikreds end planen."]
    assert not Activity.objects.filter(text="Fælles kampagne").exists()


def test_no_actor_is_refused_in_danish_and_the_input_is_kept(secretary_client, activity):
    data = admin_form(secretary_client.get(change_url(activity)))
    data.pop("all_local_councils", None)
    data = single(data, text="Ny tekst, som ikke må gå tabt")
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 200
    assert NO_ACTOR in " ".join(response.context["adminform"].form.non_field_errors())
    assert "Ny tekst, som ikke må gå tabt" in response.text
    activity.refresh_from_db()
    assert activity.all_local_councils and activity.text != "Ny tekst, som ikke må gå tabt"


def test_a_police_unit_without_the_police_is_refused_next_to_the_unit(secretary_client, activity):
    data = single(
        admin_form(secretary_client.get(change_url(activity))), police_unit="Lokalpolitiet"
    )
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["police_unit"] == [
        "Sæt kryds ved »Politiet«, når en enhed i politiet er ansvarlig."
    ]


def test_all_lokalraad_and_a_named_lokalraad_is_refused_but_a_lokalraad_plus_is_not(
    secretary_client, activity, esbjerg, district
):
    data = admin_form(secretary_client.get(change_url(activity)))
    data["responsible_councils"] = [str(esbjerg.pk)]
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 200
    assert "Alle lokalråd er allerede valgt" in str(
        response.context["adminform"].form.errors["responsible_councils"]
    )
    plus = Council.objects.create(
        district=district,
        name="Lokalråd+ Esbjerg Øst",
        slug="esbjerg-oest",
        kind=Council.Kind.LOCAL_PLUS,
        parent=esbjerg,
    )
    data = admin_form(secretary_client.get(change_url(activity)))
    data["responsible_councils"] = [str(plus.pk)]
    response = secretary_client.post(change_url(activity), data)
    assert response.status_code == 302, response.context["errors"]
    activity.refresh_from_db()
    assert activity.actors_display == "Alle lokalråd og Lokalråd+ Esbjerg Øst"
