"""Structure and content of every public page."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

from forums.models import Forum
from plans.models import Activity, Status

from .conftest import CONTACT_EMAIL, h1_count, plan_url

pytestmark = pytest.mark.django_db


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def heading_levels(html):
    parser = Headings()
    parser.feed(html)
    return parser.levels


PAGES = [
    "home",
    "district",
    "council",
    "forums",
    "annual_cycle",
    "search",
    "search_results",
    "search_nothing",
    "plan",
    "plan_version_1",
    "activity",
    "versions",
    "diff",
    "preview",
]


@pytest.fixture
def page_url(client, published, publish, district, esbjerg, secretary):
    activity = Activity.objects.filter(focus_area__plan=published).first()
    Activity.objects.filter(pk=activity.pk).update(text="Ændret aktivitet")
    publish(published)
    d = {"district": district.slug}
    urls = {
        "home": reverse("home"),
        "district": reverse("public:district", kwargs=d),
        "council": reverse("public:council", kwargs={**d, "council": esbjerg.slug}),
        "forums": reverse("public:forums", kwargs=d),
        "annual_cycle": reverse("public:annual_cycle", kwargs=d),
        "search": reverse("public:search"),
        "search_results": reverse("public:search") + "?q=aktivitet",
        "search_nothing": reverse("public:search") + "?q=zebra",
        "plan": plan_url(published),
        "plan_version_1": plan_url(published, "public:plan_version", number=1),
        "activity": plan_url(published, "public:activity", activity_id=activity.pk),
        "versions": plan_url(published, "public:versions"),
        "diff": plan_url(published, "public:version_diff", old=1, new=2),
        "preview": plan_url(published, "public:preview"),
    }

    def url(name):
        if name == "preview":
            client.force_login(secretary)
        return urls[name]

    return url


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_exactly_one_h1(client, page_url, page_name):
    response = client.get(page_url(page_name))
    assert response.status_code == 200
    assert h1_count(response.content.decode()) == 1


@pytest.mark.parametrize("page_name", PAGES)
def test_page_headings_never_skip_a_level(client, page_url, page_name):
    levels = heading_levels(client.get(page_url(page_name)).content.decode())
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.mark.parametrize("page_name", PAGES)
def test_page_is_danish_with_skip_link_and_accessibility_statement(client, page_url, page_name):
    html = client.get(page_url(page_name)).content.decode()
    assert '<html lang="da">' in html
    assert 'href="#indhold"' in html
    assert f'href="{reverse("accessibility")}"' in html
    assert "style=" not in html
    assert "<style" not in html


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


def test_forum_overview_without_a_published_plan_shows_live_active_forums(
    client, content, district
):
    Forum.objects.create(
        district=district, name="Nedlagt", slug="nedlagt", kind="other", is_active=False
    )
    html = client.get(reverse("public:forums", kwargs={"district": district.slug})).content
    html = html.decode()
    assert "SSP Esbjerg" in html
    assert "Nedlagt" not in html


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
