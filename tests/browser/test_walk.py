"""Every page of the demo checked once per width in one tab (tests/browser/walk.py): no
Content Security Policy violation anywhere, axe-core clean on every kind of citizen and member
page at 390 and 1280 px (issues 14 and 12), and nothing scrolling sideways at 390 px, neither
the page nor any region inside it (a table in a scrolling wrapper hides its status column just
the same).

At 390 px the walk loads every page in the sitemap, one page of each kind the sitemap does not
list (an activity, the plan filtered, search, the follow pages, the version diff …), a 404 with
a very long address, the pages a crawl of the district reaches, "Mit lokalråd" as the demo's
Esbjerg member and (a crawl) as its secretary, and the secretariat's round overview. axe looks
at one page of each kind (pages of a kind share their template) and at the states a person
brings about: the header's menu unfolded, the home page's combobox open, the follow form with
its error and sent, the report form opened in place. At 1280 px the kinds and states again
(axe and the policy); at 800 px the forum overview and the plan, whose appendix it is.

The admin is walked for the policy alone: the index, every change list, the first change form
and the add form of each model, one history page (one template for every model), and the plan
form's rich-text editors must come up under it.
"""

from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import resolve
from playwright.sync_api import expect

from demo.people import LOGINS_BY_USERNAME
from plans.models import ReportingRound
from tests.browser.citizen_pages import NOT_OK, citizen_pages
from tests.browser.walk import PHONE, TABLET, WIDE, Walk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMBER = LOGINS_BY_USERNAME["esbjerg-medlem"]
SECRETARY = LOGINS_BY_USERNAME["esbjerg-sekretaer"]
SECRETARIAT = LOGINS_BY_USERNAME["sekretariat"]
ADMIN = LOGINS_BY_USERNAME["admin"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# A crawl of the district's public pages, as many as this (the plan links to every activity).
DISTRICT_CRAWL = 37
SECRETARY_CRAWL = 25


def sitemap_paths(page) -> list[str]:
    response = page.request.get("/sitemap.xml")
    assert response.ok
    locations = ElementTree.fromstring(response.body()).findall("sm:url/sm:loc", SITEMAP_NS)
    return [urlsplit(loc.text).path for loc in locations]


def sign_in(walk, login, path="/konto/log-ind/"):
    """Signed in afresh as `login`; the page it lands on is checked for the policy."""
    page = walk.page
    page.context.clear_cookies()
    walk.links.clear()  # pages look different to each person
    walk.person = login.username
    page.goto(path)
    page.get_by_label("Brugernavn").fill(login.username)
    page.get_by_label("Adgangskode").fill(login.password)
    page.locator("main form [type=submit], #login-form [type=submit]").click()
    page.wait_for_load_state()
    walk.check("signed in")


def fail_on_findings(walk):
    if report := walk.report():
        pytest.fail(report, pytrace=False)


# The states a person brings about on a page, each checked like a page.


def menu_open(walk, **checks):
    """The header's menu, folded on a phone, unfolded."""
    menu = walk.page.get_by_role("navigation", name="Hovedmenu")
    menu.get_by_text("Menu", exact=True).click()
    expect(menu.get_by_role("link").first).to_be_visible()
    walk.check("menuen foldet ud", **checks)


def combobox_open(walk, **checks):
    """The home page's "Hvor bor du?" combobox with its list of kommuner showing."""
    page = walk.page
    page.get_by_role("combobox", name="Skriv eller vælg din kommune").press_sequentially("Tøn")
    expect(page.get_by_role("listbox", name="Kommuner").get_by_role("option")).to_have_count(1)
    walk.check("forside med kommunelisten åben", **checks)


def follow_form_states(walk, **checks):
    """The follow form with a Danish error next to the field, and the page after sending it."""
    page = walk.page
    page.get_by_role("button", name="Følg").click()
    expect(page.locator(".follow-form .text-danger")).to_be_visible()
    walk.check("følg med fejl", **checks)
    page.get_by_label("Din e-mailadresse").fill("borger@example.dk")
    page.get_by_role("button", name="Følg").click()
    expect(page.get_by_role("heading", name="Tjek din indbakke")).to_be_visible()
    walk.check("følg sendt", **checks)


def report_form_open(walk, **checks):
    """A lokalråd's page with the first "Indberet status" opened in place."""
    walk.page.get_by_role("link", name="Indberet status").first.click()
    expect(walk.page.get_by_role("button", name="Gem status")).to_be_visible()
    walk.check("indberetningen åbnet", **checks)


def header_folds_into_a_menu_on_a_phone_only(walk):
    """On a phone the header's links, "Log ud" among them (cut off before), are behind "Menu";
    on a wide screen they stand in a row and there is no "Menu"."""
    page = walk.page
    menu = page.get_by_role("navigation", name="Hovedmenu")
    toggle = menu.get_by_text("Menu", exact=True)
    log_out = menu.get_by_role("button", name="Log ud")
    expect(log_out).to_be_hidden()
    toggle.click()
    expect(log_out).to_be_visible()
    expect(menu.get_by_role("link", name="Statusrunder")).to_be_visible()
    walk.resize(WIDE)
    page.reload()
    expect(toggle).to_be_hidden()
    expect(log_out).to_be_visible()
    box = log_out.bounding_box()
    assert box["x"] + box["width"] <= WIDE["width"]


def test_citizen_pages_pass_every_check_at_each_width(page, demo_plan, screenshot):
    district = demo_plan.district.slug
    walk = Walk(page)
    walk.resize(PHONE)
    public = sitemap_paths(page)
    assert f"/{district}/samarbejdsfora/" in public
    kinds = citizen_pages(demo_plan)
    names = {path: name for name, path in kinds.items()}
    states = {"/": combobox_open, f"/{district}/foelg/": follow_form_states}
    long_address = f"/{district}/{'en-meget-lang-adresse-uden-mellemrum' * 12}/"
    statuses = {path: NOT_OK.get(name, 200) for path, name in names.items()} | {long_address: 404}
    extra = ["/tilgaengelighed/", "/soeg/?q=tryghed", "/soeg/?q=Esbjerg", *names, long_address]
    for path in dict.fromkeys([*public, *extra]):
        name, status = names.get(path, ""), statuses.get(path, 200)
        links = path.startswith(f"/{district}/")  # for the crawl of the district below
        walk.visit(path, name=name, status=status, links=links, axe=bool(name), sideways=True)
        if path == "/soeg/?q=Esbjerg":
            expect(page.locator(".search-result").first).to_be_visible()
        if name == "side findes ikke":
            menu_open(walk, axe=True, sideways=True)
        if path in states:
            states[path](walk, axe=True, sideways=True)
    crawled = walk.crawl(
        f"/{district}/", within=f"/{district}/", limit=DISTRICT_CRAWL, sideways=True
    )
    assert len(crawled) >= 12, crawled

    walk.resize(TABLET)
    forums = f"/{district}/samarbejdsfora/"
    for path in (demo_plan.get_absolute_url(), forums):
        walk.visit(path, sideways=True)
    screenshot(page.locator(".forum-overview"), "forum-oversigt-800px")

    walk.resize(WIDE)
    for path, name in names.items():
        walk.visit(path, name=name, status=statuses[path], axe=True)
        if path in states:
            states[path](walk, axe=True)
    fail_on_findings(walk)


def test_member_pages_pass_every_check_at_each_width(page, demo_plan):
    """ "Mit lokalråd" as the demo's Esbjerg member (every page its own pages link to, axe on one
    of each kind, the "Mangler" view and the report form opened in place) and, crawled, as its
    secretary; the secretariat's round overview, where the header folds into a menu."""
    walk = Walk(page)
    walk.resize(PHONE)
    sign_in(walk, MEMBER)
    members, kinds = ["/mit-lokalraad/"], {}
    for path in members:  # every page "Mit lokalråd" links to from its main part, once
        kind = resolve(urlsplit(path).path).view_name
        first_of_kind = kinds.setdefault(kind, path) == path
        walk.visit(path, axe=first_of_kind or "runde=mangler" in path, sideways=True)
        for href in page.locator("main a[href^='/mit-lokalraad/']").evaluate_all(
            "links => links.map((a) => a.getAttribute('href'))"
        ):
            if (href := href.split("#")[0]) not in members:
                members.append(href)
    assert len(members) > 2, members
    council_page = kinds["members:council"]
    missing = f"{council_page}?runde=mangler"
    axe_pages = [*kinds.values(), missing]
    assert len(axe_pages) >= 4, axe_pages  # home, the council, an assignment, the Mangler view
    if missing not in members:
        walk.visit(missing, axe=True, sideways=True)
    walk.visit(council_page)
    report_form_open(walk, axe=True, sideways=True)

    walk.resize(WIDE)
    for path in axe_pages:
        walk.visit(path, axe=True)
    walk.visit(council_page)
    report_form_open(walk, axe=True)

    walk.resize(PHONE)
    sign_in(walk, SECRETARY)
    crawled = walk.crawl(
        "/mit-lokalraad/", within="/mit-lokalraad/", limit=SECRETARY_CRAWL, sideways=True
    )
    assert len(crawled) >= 4, crawled

    sign_in(walk, SECRETARIAT)
    open_round = ReportingRound.objects.open().get(plan=demo_plan)
    for path in (
        f"/sekretariat/statusrunder/{open_round.pk}/",
        f"/sekretariat/statusrunder/{open_round.pk}/?visning=aktiviteter",
    ):
        walk.visit(path, sideways=True)
    fail_on_findings(walk)
    header_folds_into_a_menu_on_a_phone_only(walk)


def test_admin_pages_trip_no_policy(page, demo_plan):
    """Each model's change list, first change form and add form, and one history page; on the
    plan's add form the rich-text editors come up."""
    walk = Walk(page)
    sign_in(walk, ADMIN, "/admin/login/")
    walk.visit("/admin/", links=True)
    change_lists = [
        link
        for link in walk.links[("/admin/", walk.width)]
        if link.count("/") == 4 and link.startswith("/admin/") and "?" not in link
    ]
    assert len(change_lists) >= 10, change_lists
    change_forms = []
    for change_list in change_lists:
        walk.visit(change_list, status=None)
        first = page.query_selector("#result_list tbody tr a[href*='/change/']")
        if first is not None:
            change_forms.append(urlsplit(urljoin(page.url, first.get_attribute("href"))).path)
            walk.visit(change_forms[-1], status=None)
        walk.visit(change_list + "add/", status=None)
        if change_list == "/admin/plans/plan/":
            page.wait_for_selector(".ProseMirror >> visible=true", timeout=10_000)
            assert page.locator(".ProseMirror >> visible=true").count() >= 2
    walk.visit(change_forms[0].replace("/change/", "/history/"), status=None)
    fail_on_findings(walk)
