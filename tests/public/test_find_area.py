""" "Hvor bor du?": the home page's list of the 98 kommuner, its target and the kommune page, which
names the district and the lokalråd covering the kommune. Works without JavaScript."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from councils.models import Municipality, PoliceDistrict
from councils.reference import read_reference_rows

pytestmark = pytest.mark.django_db

KOMMUNER = [row["kommune"] for row in read_reference_rows()]


def home_options(client):
    html = client.get(reverse("home")).content.decode()
    form = re.search(r"<form[^>]*data-find-area.*?</form>", html, re.DOTALL)
    assert form, "the home page has no 'Hvor bor du?' form"
    return form[0], re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', form[0])


def test_home_page_lists_all_98_kommuner_in_a_plain_form(client):
    form, options = home_options(client)
    assert 'method="get"' in form
    assert f'action="{reverse("public:find_area")}"' in form
    assert '<label class="form-label" for="kommune-valg">' in form
    assert '<select class="form-select" id="kommune-valg" name="kommune" aria-' in form
    assert '<button class="btn btn-primary" type="submit">' in form
    assert options[0] == ("", "Vælg kommune …")
    assert sorted(name for _slug, name in options[1:]) == sorted(KOMMUNER)


def test_home_page_lists_the_kommuner_in_danish_order(client):
    _form, options = home_options(client)
    names = [name for _slug, name in options[1:]]
    assert names[:2] == ["Albertslund", "Allerød"]
    assert names[-5:] == ["Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus"]


def test_home_page_loads_the_combobox_from_a_static_file(client):
    html = client.get(reverse("home")).content.decode()
    assert re.search(r'<script src="/static/js/find-area(\.[0-9a-f]+)?\.js" defer></script>', html)
    assert "<script>" not in html


@pytest.mark.parametrize("name", KOMMUNER)
def test_picking_a_kommune_shows_its_district_and_lokalraad(client, name):
    municipality = Municipality.objects.select_related("district").get(name=name)
    council = municipality.local_council
    response = client.get(reverse("public:find_area"), {"kommune": municipality.slug})
    page_url = reverse("public:municipality", args=[municipality.slug])
    assert response.status_code == 302 and response["Location"] == page_url, (
        f"choosing {name} does not lead to {page_url}"
    )
    html = client.get(page_url).content.decode()
    assert f"<h1>{name} Kommune</h1>" in html
    assert f'<a href="{municipality.district.get_absolute_url()}">' in html, (
        f"{name}'s page does not link {municipality.district.name}"
    )
    assert f'<a href="{council.get_absolute_url()}">{council.name}</a>' in html, (
        f"{name}'s page does not link {council.name}"
    )


@pytest.mark.parametrize("typed", ["Tønder", "tønder kommune", "  TØNDER ", "toender"])
def test_a_kommunes_name_as_typed_is_understood(client, typed):
    response = client.get(reverse("public:find_area"), {"kommune": typed})
    assert response["Location"] == reverse("public:municipality", args=["toender"])


def test_no_kommune_chosen_asks_for_one(client):
    response = client.get(reverse("public:find_area"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vælg din kommune på listen." in html
    assert 'aria-invalid="true"' in html


def test_an_unknown_kommune_is_named_in_the_message(client):
    html = client.get(reverse("public:find_area"), {"kommune": "Atlantis"}).content.decode()
    assert "Vi kender ikke en kommune, der hedder »Atlantis«. Vælg din kommune på listen." in html
    assert 'data-typed="Atlantis"' in html  # the combobox shows it again, to be corrected
    assert 'id="kommune-valg"' in html


@pytest.mark.parametrize(
    "value",
    ["a\x00b", "\x00" * 50, "x" * 2000, "& | ! : * ( )", "<script>alert(1)</script>", "'", "%"],
)
def test_any_kommune_input_gives_a_page(client, value):
    response = client.get(reverse("public:find_area"), {"kommune": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html
    assert "<script>alert(1)</script>" not in html


def test_an_unknown_kommune_address_is_not_found(client):
    assert client.get(reverse("public:municipality", args=["atlantis"])).status_code == 404


def test_a_kommune_without_a_lokalraad_says_so(client):
    municipality = Municipality.objects.get(name="Tønder")
    municipality.local_council_link.delete()
    html = client.get(reverse("public:municipality", args=["toender"])).content.decode()
    assert "Intet lokalråd dækker kommunen endnu." in html
    assert 'href="/syd-og-soenderjyllands-politi/"' in html


def test_the_district_page_links_each_of_its_kommuner(client, district):
    html = client.get(district.get_absolute_url()).content.decode()
    for municipality in district.municipalities.all():
        assert f'href="{reverse("public:municipality", args=[municipality.slug])}"' in html


def test_every_kommune_has_its_own_address():
    slugs = [m.slug for m in Municipality.objects.all()]
    assert len(set(slugs)) == 98


def fixed_first_segments() -> set[str]:
    """The literal first path segments of every URL pattern ("soeg", "kommune", "admin" …)."""
    segments = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if "<" not in route.split("/")[0]:
                    walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                first = route.lstrip("^").split("/")[0]
                if first and "<" not in first:
                    segments.add(first)

    walk(get_resolver().url_patterns)
    return segments


def test_no_district_slug_is_hidden_by_a_fixed_address():
    fixed = fixed_first_segments()
    assert {"soeg", "kommune", "admin"} <= fixed
    assert not fixed & set(PoliceDistrict.objects.values_list("slug", flat=True))


def test_kommune_page_query_budget(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("public:municipality", args=["esbjerg"]))
    assert f"samarbejdsplanen {published.period_label}" in response.content.decode()


def test_find_area_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get(reverse("public:find_area"), {"kommune": "esbjerg"})
