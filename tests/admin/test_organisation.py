"""The organisation as the secretariat enters it: seats by function, staff functions, and a
lokalråd+ chosen for an activity."""

import pytest
from django.urls import reverse

from councils.models import Council, Membership, Person, StaffFunction
from plans.models import Assignment

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def new_seat(client, council, **values):
    """Post the council's change form with one new seat row filled in as given."""
    url = reverse("admin:councils_council_change", args=[council.pk])
    data = admin_form(client.get(url))
    index = int(data["memberships-TOTAL_FORMS"][0])
    row = {f"memberships-{index}-{name}": value for name, value in values.items()}
    return client.post(url, single(data, **row, **{"memberships-TOTAL_FORMS": index + 1}))


def test_a_kredsraad_seat_is_entered_by_function_alone(secretary_client, district):
    kredsraad = district.district_council
    response = new_seat(
        secretary_client,
        kredsraad,
        person="",
        role="member",
        title="Borgmester",
        organisation="Varde Kommune",
    )
    assert response.status_code == 302, response.context["errors"]
    seat = Membership.objects.get(council=kredsraad, organisation="Varde Kommune")
    assert seat.person is None
    assert seat.title == "Borgmester"
    assert str(seat).startswith("Borgmester, Varde Kommune (Medlem, Kredsrådet")


def test_a_seat_without_person_or_function_is_refused_in_danish_with_the_input_kept(
    secretary_client, district
):
    kredsraad = district.district_council
    response = new_seat(
        secretary_client, kredsraad, person="", role="member", organisation="Fanø Kommune"
    )
    assert response.status_code == 200
    assert "Vælg en person, eller skriv pladsens funktion" in response.text
    assert "membership_person_or_function" not in response.text
    assert 'value="Fanø Kommune"' in response.text
    assert not Membership.objects.filter(organisation="Fanø Kommune").exists()


def test_a_seat_held_by_a_function_can_be_changed_on_its_own_page(secretary_client, district):
    seat = Membership.objects.create(
        council=district.district_council, title="Borgmester", organisation="Vejen Kommune"
    )
    url = reverse("admin:councils_membership_change", args=[seat.pk])
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), role="vice_chair")
    )
    assert response.status_code == 302, response.context["errors"]
    seat.refresh_from_db()
    assert seat.role == Membership.Role.VICE_CHAIR


def test_removing_a_seat_held_by_a_function_is_allowed(secretary_client, district):
    kredsraad = district.district_council
    seat = Membership.objects.create(council=kredsraad, title="Politidirektør")
    url = reverse("admin:councils_council_change", args=[kredsraad.pk])
    data = admin_form(secretary_client.get(url))
    row = next(
        name.removesuffix("-id")
        for name, values in data.items()
        if name.startswith("memberships-") and name.endswith("-id") and values == [str(seat.pk)]
    )
    response = secretary_client.post(url, single(data, **{f"{row}-DELETE": "on"}))
    assert response.status_code == 302, response.context["errors"]
    assert not Membership.objects.filter(pk=seat.pk).exists()


def test_seats_are_listed_chair_first_then_vice_chair_then_in_their_order(district):
    kredsraad = district.district_council
    Membership.objects.create(council=kredsraad, title="Borgmester", organisation="A", order=1)
    vice = Membership.objects.create(
        council=kredsraad, title="Borgmester", organisation="B", role="vice_chair", order=5
    )
    chair = Membership.objects.create(
        person=Person.objects.create(name="Direktøren"), council=kredsraad, role="chair", order=9
    )
    Membership.objects.create(council=kredsraad, title="Borgmester", organisation="C", order=2)
    seats = list(Membership.objects.filter(council=kredsraad).in_council_order())
    assert seats[:2] == [chair, vice]
    assert [seat.organisation for seat in seats[2:]] == ["A", "C"]


# --- Staff functions --------------------------------------------------------------------------


def test_the_secretariat_adds_a_staff_function_in_its_own_district(secretary_client, district):
    url = reverse("admin:councils_stafffunction_add")
    form = admin_form(secretary_client.get(url))
    assert form["district"] == [str(district.pk)]
    response = secretary_client.post(
        url,
        single(
            form,
            name="Kriminalpræventivt sekretariat",
            tasks="- Statusrunder\n- Forumoversigten",
            order=2,
        ),
    )
    assert response.status_code == 302, response.context["errors"]
    function = StaffFunction.objects.get(name="Kriminalpræventivt sekretariat")
    assert function.district == district
    listing = secretary_client.get(reverse("admin:councils_stafffunction_changelist"))
    assert "Kriminalpræventivt sekretariat" in listing.text


def test_a_staff_function_name_is_unique_in_its_district_with_a_danish_message(
    secretary_client, district
):
    StaffFunction.objects.create(district=district, name="Ledelsessekretariatet")
    url = reverse("admin:councils_stafffunction_add")
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), name="Ledelsessekretariatet")
    )
    assert response.status_code == 200
    assert "allerede en stabsfunktion med det navn" in response.text
    assert "staff_function_name_unique_in_district" not in response.text


def test_another_districts_staff_function_is_not_found(secretary_client, other_district):
    function = StaffFunction.objects.create(district=other_district, name="Ledelsessekretariatet")
    listing = secretary_client.get(reverse("admin:councils_stafffunction_changelist"))
    assert "Ledelsessekretariatet" not in listing.text
    change = reverse("admin:councils_stafffunction_change", args=[function.pk])
    assert secretary_client.get(change).status_code == 404


# --- A lokalråd+ carries an activity ----------------------------------------------------------


@pytest.fixture
def lokalraad_plus(esbjerg):
    return Council.objects.create(
        district=esbjerg.district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Netværket Esbjerg Øst",
        slug="netvaerket-esbjerg-oest",
        parent=esbjerg,
    )


def test_a_lokalraad_plus_is_chosen_as_responsible_and_gets_the_assignment(
    secretary_client, world, lokalraad_plus
):
    # The second activity: no lokalråd has reported on it, so their assignments go.
    activity = world["plan"].focus_areas.get().activities.order_by("order").last()
    url = reverse("admin:plans_activity_change", args=[activity.pk])
    response = secretary_client.get(url)
    assert "Netværket Esbjerg Øst" in response.text
    data = admin_form(response)
    data.pop("all_local_councils", None)
    data["responsible_councils"] = [str(lokalraad_plus.pk)]
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert list(Assignment.objects.filter(activity=activity).values_list("council", flat=True)) == [
        lokalraad_plus.pk
    ]
