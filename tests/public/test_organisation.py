"""The organisation on the district page (live), the lokalråd page and the plan page (frozen
with the published version)."""

import re

import pytest
from django.urls import reverse

from councils.models import Council, Membership, StaffFunction
from plans.models import PlanVersion

from .conftest import plan_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(district, esbjerg):
    kredsraad = district.district_council
    kredsraad.description = "Kredsrådet mødes to gange om året og drøfter planen."
    kredsraad.save()
    Membership.objects.create(
        council=kredsraad, role="chair", title="Politidirektør", organisation="Politiet", order=9
    )
    Membership.objects.create(
        council=kredsraad, title="Borgmester", organisation="Fanø Kommune", order=1
    )
    esbjerg.description = "Lokalrådet samler politi og kommune i Esbjerg."
    esbjerg.save()
    Council.objects.create(
        district=district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Netværket Esbjerg Øst",
        slug="netvaerket-esbjerg-oest",
        parent=esbjerg,
        description="Skoler, klubber og boligsociale medarbejdere.",
    )
    StaffFunction.objects.create(
        district=district,
        name="Kriminalpræventivt sekretariat",
        tasks="- Statusrunder\n- Oversigten over samarbejdsfora",
        order=2,
    )
    StaffFunction.objects.create(
        district=district, name="Ledelsessekretariatet", tasks="Kredsrådets møder", order=1
    )


def district_page(client, district) -> str:
    return client.get(reverse("public:district", kwargs={"district": district.slug})).text


def test_district_page_shows_the_kredsraad_description_instead_of_the_fixed_sentence(
    client, organisation, district
):
    html = district_page(client, district)
    assert "Kredsrådet mødes to gange om året og drøfter planen." in html
    assert "politidirektøren er formand, og kredsens borgmestre" not in html


def test_district_page_lists_seats_by_function_chair_first(
    client, published, organisation, district
):
    html = district_page(client, district)
    rows = re.findall(r'<th scope="row" class="fw-normal" role="rowheader">([^<]+)</th>', html)
    # The chair (a function), the vice-chair (Bo Borgmester), then the others in their order.
    assert rows[:3] == ["Politidirektør", "Bo Borgmester", "Borgmester"]
    assert 'data-label="Titel og organisation">Fanø Kommune</td>' in html


def test_district_page_lists_the_lokalraad_plus_under_its_lokalraad(
    client, organisation, district, esbjerg
):
    html = district_page(client, district)
    esbjerg_item = html.split(f'href="{esbjerg.get_absolute_url()}"', 1)[1].split("</li>\n", 1)[0]
    assert f'aria-label="Lokalråd+ under {esbjerg.name}"' in esbjerg_item
    assert "Netværket Esbjerg Øst" in esbjerg_item


def test_district_page_shows_the_staff_functions_with_their_tasks_in_order(
    client, organisation, district
):
    html = district_page(client, district)
    assert html.index("Ledelsessekretariatet") < html.index("Kriminalpræventivt sekretariat")
    assert "<li>Statusrunder</li>" in html
    assert "<li>Oversigten over samarbejdsfora</li>" in html


def test_lokalraad_page_shows_its_description(client, organisation, esbjerg):
    assert (
        "Lokalrådet samler politi og kommune i Esbjerg."
        in client.get(esbjerg.get_absolute_url()).text
    )


def test_plan_page_shows_the_organisation_as_published(client, organisation, published, district):
    StaffFunction.objects.filter(name="Ledelsessekretariatet").update(name="Nyt navn")
    html = client.get(plan_url(published)).text
    appendix = html.split('id="bilag-organisation"', 1)[1]
    assert "Bilag 3: Organisation" in appendix
    assert "Ledelsessekretariatet" in appendix
    assert "Netværket Esbjerg Øst" in appendix
    assert "Politidirektør" in appendix
    assert "Nyt navn" not in html
    assert "Nyt navn" in district_page(client, district)


def test_a_version_published_before_the_organisation_was_frozen_still_renders(
    client, organisation, published
):
    version = PlanVersion.objects.get(plan=published)
    snapshot = dict(version.snapshot)
    del snapshot["organisation"]
    PlanVersion.objects.filter(pk=version.pk).update(snapshot=snapshot)
    response = client.get(plan_url(published))
    assert response.status_code == 200
    assert "bilag-organisation" not in response.text


def test_the_json_export_carries_the_organisation(client, organisation, published):
    data = client.get(plan_url(published, "public:version_json", number=1)).json()
    org = data["indhold"]["organisation"]
    assert org["district_council"]["members"][0]["function"] == "Politidirektør"
    assert org["district_council"]["members"][0]["name"] == ""
    assert [f["name"] for f in org["staff_functions"]] == [
        "Ledelsessekretariatet",
        "Kriminalpræventivt sekretariat",
    ]
    assert "indhold.organisation" in data["dokumentation"]["felter"]
