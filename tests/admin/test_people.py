"""Councils and their members: a person always has a seat in the secretariat's district."""

import pytest
from django.urls import reverse

from councils.models import Membership, Person
from councils.roles import COUNCIL_SECRETARY

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def test_new_person_is_created_with_a_first_seat(secretary_client, world, esbjerg):
    url = reverse("admin:councils_person_add")
    data = single(
        admin_form(secretary_client.get(url)),
        name="Anne Jensen",
        title="kommunaldirektør",
        **{"memberships-0-council": esbjerg.pk, "memberships-0-role": "member"},
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    person = Person.objects.get(name="Anne Jensen")
    assert list(person.memberships.values_list("council", flat=True)) == [esbjerg.pk]


def test_new_person_without_a_seat_is_refused_with_the_input_kept(secretary_client):
    url = reverse("admin:councils_person_add")
    response = secretary_client.post(url, single(admin_form(secretary_client.get(url)), name="X"))
    assert response.status_code == 200
    assert "Giv personen mindst én plads" in response.text
    assert not Person.objects.filter(name="X").exists()


def test_removing_a_persons_last_seat_in_the_district_from_the_council_is_refused(
    secretary_client, world
):
    membership = world["membership"]
    url = reverse("admin:councils_council_change", args=[membership.council_id])
    data = admin_form(secretary_client.get(url))
    row = next(
        name.removesuffix("-id")
        for name, values in data.items()
        if name.startswith("memberships-")
        and name.endswith("-id")
        and values == [str(membership.pk)]
    )
    response = secretary_client.post(url, single(data, **{f"{row}-DELETE": "on"}))
    assert response.status_code == 200
    assert "har ikke andre pladser i politikredsen" in response.text
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_member_added_on_the_council_page_gets_the_lokalraad_group(
    secretary_client, world, esbjerg, make_user
):
    user = make_user("kommunal-sekretaer")
    person = Person.objects.create(name="Bo Holm", user=user)
    Membership.objects.create(person=person, council=world["membership"].council)
    url = reverse("admin:councils_council_change", args=[esbjerg.pk])
    data = admin_form(secretary_client.get(url))
    index = data["memberships-TOTAL_FORMS"][0]
    data = single(
        data,
        **{
            f"memberships-{index}-person": person.pk,
            f"memberships-{index}-role": "secretary",
            "memberships-TOTAL_FORMS": int(index) + 1,
        },
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert user.groups.filter(name=COUNCIL_SECRETARY).exists()


def test_linking_a_login_to_a_person_is_left_to_the_national_administrator(secretary_client, world):
    response = secretary_client.get(
        reverse("admin:councils_person_change", args=[world["person"].pk])
    )
    assert "user" in response.context["adminform"].readonly_fields


def test_council_page_does_not_offer_to_create_a_person_beside_the_seat(secretary_client, world):
    """A new person is created under Personer with their first seat; creating one from the
    seat's row would give them that seat twice."""
    url = reverse("admin:councils_council_change", args=[world["membership"].council_id])
    response = secretary_client.get(url)
    memberships = next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Membership
    )
    assert memberships.formset.empty_form.fields["person"].widget.can_add_related is False
