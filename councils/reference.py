"""The 12 police districts and 98 municipalities, as shipped in councils/data/politikredse.csv."""

import csv
from pathlib import Path

from base.text import danish_slugify

DATA_FILE = Path(__file__).resolve().parent / "data" / "politikredse.csv"


def read_reference_rows() -> list[dict[str, str]]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(*, PoliceDistrict, Municipality, Council, CouncilMunicipality) -> None:
    """Create the districts with their kredsråd, the municipalities and one lokalråd for each.

    Takes the model classes as arguments so a data migration can pass its historical models.
    Existing rows are kept, so running it again changes nothing.
    """
    for row in read_reference_rows():
        district_name = row["politikreds"].strip()
        district, _ = PoliceDistrict.objects.get_or_create(
            name=district_name, defaults={"slug": danish_slugify(district_name)}
        )
        Council.objects.get_or_create(
            district=district,
            kind="district",
            defaults={
                "name": f"Kredsrådet for {district_name}",
                "slug": "kredsraadet",
            },
        )
        municipality, _ = Municipality.objects.get_or_create(
            code=row["kommunekode"].strip(),
            defaults={"name": row["kommune"].strip(), "district": district},
        )
        if not CouncilMunicipality.objects.filter(municipality=municipality).exists():
            council, _ = Council.objects.get_or_create(
                district=district,
                slug=danish_slugify(municipality.name),
                defaults={"kind": "local", "name": f"Lokalråd {municipality.name}"},
            )
            CouncilMunicipality.objects.create(council=council, municipality=municipality)
