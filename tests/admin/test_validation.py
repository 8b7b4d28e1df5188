"""Rules that hold in the database give form errors in the admin, not server errors."""

import pytest
from django.urls import reverse

from councils.models import Council
from plans.models import Plan

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def test_council_renamed_to_another_councils_short_name_gets_a_form_error(
    secretary_client, esbjerg, toender
):
    url = reverse("admin:councils_council_change", args=[esbjerg.pk])
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), slug="toender")
    )
    assert response.status_code == 200
    assert response.context["errors"]
    assert Council.objects.get(pk=esbjerg.pk).slug == "esbjerg"


def test_plan_moved_to_a_period_the_district_already_has_gets_a_form_error(secretary_client, world):
    old_plan = world["old_plan"]
    url = reverse("admin:plans_plan_change", args=[world["plan"].pk])
    data = single(
        admin_form(secretary_client.get(url)),
        period_start=old_plan.period_start,
        period_end=old_plan.period_end,
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert Plan.objects.get(pk=world["plan"].pk).period_start == 2017


def test_second_kredsraad_in_a_district_gets_a_form_error(secretary_client, district):
    url = reverse("admin:councils_council_add")
    data = single(admin_form(secretary_client.get(url)), kind="district", name="Kredsråd 2")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert Council.objects.filter(district=district, kind="district").count() == 1


def test_plan_period_over_four_years_gets_the_danish_message(secretary_client, world):
    url = reverse("admin:plans_plan_change", args=[world["plan"].pk])
    data = single(admin_form(secretary_client.get(url)), period_start=2017, period_end=2022)
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "En samarbejdsplan dækker højst fire år." in response.text


def test_active_lokalraad_without_a_municipality_gets_a_form_error(secretary_client, district):
    url = reverse("admin:councils_council_add")
    data = single(admin_form(secretary_client.get(url)), kind="local", name="Lokalråd Uden Kommune")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "Et aktivt lokalråd skal dække mindst én kommune." in response.text
    assert 'value="Lokalråd Uden Kommune"' in response.text
    assert not Council.objects.filter(name="Lokalråd Uden Kommune").exists()
