"""Content of the public pages (their structure: test_page_structure.py)."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

from forums.models import Forum
from plans.models import Activity, Status

from .conftest import CONTACT_EMAIL, plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def test_rich_text_headings_are_nested_under_the_section_heading(client, published):
    html = client.get(plan_url(published)).content.decode()
    assert "<p>Tre niveauer.</p><h3>Kredsråd</h3>" in html


def test_home_lists_the_12_districts_with_current_plan_and_a_search_box(client, published):
    html = client.get(reverse("home")).content.decode()
    assert html.count('class="h5 card-title"') == 12
    assert f'href="{plan_url(published)}"' in html
    assert f'action="{reverse("public:search")}"' in html


def test_district_page_shows_kredsraad_names_and_titles_without_contact_data(
    client, published, district
):
    html = client.get(reverse("public:district", kwargs={"district": district.slug})).content
    html = html.decode()
    assert "Bo Borgmester" in html
    assert "Næstformand" in html
    assert "borgmester, Esbjerg Kommune" in html
    assert CONTACT_EMAIL not in html
    assert "mailto:" not in html


def test_district_page_lists_municipalities_lokalraad_forums_and_archive(
    client, published, district, esbjerg
):
    html = client.get(reverse("public:district", kwargs={"district": district.slug})).content
    html = html.decode()
    assert "Tønder Kommune" in html
    assert f'href="{esbjerg.get_absolute_url()}"' in html
    assert "SSP Esbjerg" in html
    assert "Gældende" in html
    assert "1 version<" in html


def test_unknown_district_is_404(client, db):
    assert client.get("/ingen-saadan-kreds/").status_code == 404


def test_lokalraad_page_shows_its_local_focus_area_and_its_status(
    client, published, esbjerg, report
):
    activity = Activity.objects.get(text="Natteravne i weekenden")
    report(
        activity.assignments.get(council=esbjerg),
        status=Status.IN_PROGRESS,
        text="To weekender gået",
    )
    html = client.get(esbjerg.get_absolute_url()).content.decode()
    assert "Unge i nattelivet" in html
    assert "Natteravne i weekenden" in html
    assert "To weekender gået" in html
    assert "Aktivitet 1" in html  # a district-wide activity it holds


def test_other_lokalraad_does_not_show_esbjergs_local_focus_area(client, published, toender):
    html = client.get(toender.get_absolute_url()).content.decode()
    assert "Unge i nattelivet" not in html
    assert "Aktivitet 1" in html


def test_long_words_in_the_forum_overview_may_break_where_danish_allows(
    client, published, district
):
    html = client.get(reverse("public:forums", kwargs={"district": district.slug})).content
    # A soft hyphen (shown only at a line break) between the parts of "Retsplejelovens".
    assert "Rets\u00adplejelovens § 115" in html.decode()


# The same words as plain text (escaped) and as safe HTML (kept): the one filter remembers its
# results per text, and must not hand one the other's.
MIXED = "Borgmestrene <b>i kredsens</b> kommuner &\r\nkriminalitetsforebyggende"


@pytest.mark.parametrize("text", [MIXED, mark_safe(MIXED), "", None])
@pytest.mark.parametrize("autoescape", ["on", "off"])
def test_soft_hyphen_lines_gives_what_linebreaksbr_and_soft_hyphens_gave(text, autoescape):
    def render(expression):
        source = f"{{% autoescape {autoescape} %}}{expression}{{% endautoescape %}}"
        template = engines["django"].from_string("{% load public %}" + source)
        return template.render({"text": text})

    assert render("{{ text|soft_hyphen_lines }}") == render("{{ text|linebreaksbr|soft_hyphens }}")


def test_forum_overview_comes_from_the_published_version(client, published, district):
    Forum.objects.filter(slug="ssp-esbjerg").update(legal_basis="Ændret i kladden")
    html = client.get(reverse("public:forums", kwargs={"district": district.slug})).content
    html = html.decode().replace("\u00ad", "")  # what a reader sees: soft hyphens are hidden
    assert "Retsplejelovens § 115" in html
    assert "Ændret i kladden" not in html
    for column in ["Emne", "Lovgrundlag", "Formål", "Handleplaner", "Snitflader", "Deltagere"]:
        assert f'<th scope="col" role="columnheader">{column}</th>' in html


def test_sitemap_lists_published_plans_and_versions_but_not_drafts(
    client, published, district, make_plan
):
    make_plan(district, start=2030, end=2030)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{plan_url(published)}" in xml
    assert plan_url(published, "public:plan_version", number=1) in xml
    assert "/2030/" not in xml


def test_public_pages_link_a_stylesheet_with_print_rules(client, published):
    html = client.get(plan_url(published)).content.decode()
    assert "/static/css/public.css" in html
    css = Path(finders.find("css/public.css")).read_text()
    assert "@media print" in css
