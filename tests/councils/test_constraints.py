import pytest
from django.db import IntegrityError, transaction

from councils.models import (
    Council,
    CouncilMunicipality,
    Membership,
    Municipality,
    Person,
    StaffFunction,
)

pytestmark = pytest.mark.django_db


def rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_second_kredsraad_in_a_district_is_rejected(district):
    rejected(
        lambda: Council.objects.create(
            district=district, kind=Council.Kind.DISTRICT, name="Endnu et kredsråd", slug="andet"
        )
    )


def test_duplicate_municipality_code_is_rejected(district):
    rejected(lambda: Municipality.objects.create(code="561", name="Ny Esbjerg", district=district))


def test_municipality_code_must_be_three_digits(district):
    rejected(lambda: Municipality.objects.create(code="5a1", name="Forkert", district=district))


def test_municipality_cannot_be_in_two_lokalraad(district, esbjerg):
    other = Council.objects.create(
        district=district, kind=Council.Kind.LOCAL, name="Ekstra", slug="ekstra"
    )
    rejected(
        lambda: CouncilMunicipality.objects.create(
            council=other, municipality=Municipality.objects.get(code="561")
        )
    )


def test_lokalraad_plus_needs_a_parent(district):
    rejected(
        lambda: Council.objects.create(
            district=district, kind=Council.Kind.LOCAL_PLUS, name="Netværk", slug="netvaerk"
        )
    )


def test_lokalraad_cannot_have_a_parent(district, esbjerg):
    rejected(
        lambda: Council.objects.create(
            district=district, kind=Council.Kind.LOCAL, name="Under", slug="under", parent=esbjerg
        )
    )


def test_council_slug_is_unique_within_its_district(district):
    rejected(
        lambda: Council.objects.create(
            district=district, kind=Council.Kind.LOCAL, name="Esbjerg 2", slug="esbjerg"
        )
    )


def test_person_has_one_membership_per_council(esbjerg):
    person = Person.objects.create(name="Anne")
    Membership.objects.create(person=person, council=esbjerg)
    rejected(lambda: Membership.objects.create(person=person, council=esbjerg))


def test_council_has_one_chair(esbjerg):
    Membership.objects.create(
        person=Person.objects.create(name="A"), council=esbjerg, role=Membership.Role.CHAIR
    )
    rejected(
        lambda: Membership.objects.create(
            person=Person.objects.create(name="B"), council=esbjerg, role=Membership.Role.CHAIR
        )
    )


def test_unknown_membership_role_is_rejected(esbjerg):
    rejected(
        lambda: Membership.objects.create(
            person=Person.objects.create(name="C"), council=esbjerg, role="king"
        )
    )


def test_unknown_council_kind_is_rejected(district):
    rejected(
        lambda: Council.objects.create(
            district=district, kind="national", name="Landsråd", slug="landsraad"
        )
    )


def test_a_seat_without_person_and_function_is_rejected(district):
    rejected(lambda: Membership.objects.create(council=district.district_council, title=""))


def test_a_seat_by_function_alone_is_accepted_several_times_in_one_council(district):
    for organisation in ("Fanø Kommune", "Vejen Kommune"):
        Membership.objects.create(
            council=district.district_council, title="Borgmester", organisation=organisation
        )
    assert district.district_council.memberships.filter(person__isnull=True).count() == 2


def test_a_staff_function_name_is_unique_in_its_district(district, other_district):
    StaffFunction.objects.create(district=district, name="Ledelsessekretariatet")
    StaffFunction.objects.create(district=other_district, name="Ledelsessekretariatet")
    rejected(lambda: StaffFunction.objects.create(district=district, name="Ledelsessekretariatet"))
