from collections import Counter

import pytest

from councils.models import Council, CouncilMunicipality, Municipality, PoliceDistrict
from councils.reference import read_reference_rows

pytestmark = pytest.mark.django_db


def test_all_twelve_districts_are_loaded():
    assert PoliceDistrict.objects.count() == 12


def test_all_98_municipalities_are_loaded_with_their_codes():
    assert Municipality.objects.count() == 98
    expected = {row["kommunekode"] for row in read_reference_rows()}
    assert set(Municipality.objects.values_list("code", flat=True)) == expected


def test_every_district_has_exactly_one_kredsraad():
    counts = Counter(
        Council.objects.filter(kind=Council.Kind.DISTRICT).values_list("district_id", flat=True)
    )
    assert len(counts) == 12
    assert set(counts.values()) == {1}


def test_every_municipality_is_in_exactly_one_lokalraad_of_its_own_district():
    for municipality in Municipality.objects.select_related("district"):
        links = CouncilMunicipality.objects.filter(municipality=municipality).select_related(
            "council"
        )
        assert links.count() == 1, municipality
        council = links.get().council
        assert council.kind == Council.Kind.LOCAL
        assert council.district_id == municipality.district_id


def test_district_slugs_spell_danish_letters():
    assert PoliceDistrict.objects.filter(slug="nordsjaellands-politi").exists()
    assert PoliceDistrict.objects.filter(slug="syd-og-soenderjyllands-politi").exists()


def test_reference_data_is_not_read_from_shared_at_run_time():
    from councils import reference

    assert "shared" not in str(reference.DATA_FILE)
