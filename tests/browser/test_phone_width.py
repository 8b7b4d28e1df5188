"""Phone first (issue 14): at 390 px nothing scrolls sideways, neither the page nor any region
inside it (a table in a scrolling wrapper hides its status column just the same).

One tab walks every page in the sitemap, one page of each kind the sitemap does not list (an
activity, the plan filtered, search, the follow pages, the version diff …), a 404 with a very long
address, "Mit lokalråd" and its pages as the demo's Esbjerg member, and the secretariat's round
overview, where it also opens the header's menu. The document and every element whose computed
overflow-x is auto or scroll must fit (scrollWidth <= clientWidth).
"""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from demo.people import LOGINS_BY_USERNAME
from plans.models import ReportingRound
from tests.browser.citizen_pages import NOT_OK, citizen_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
# Between Bootstrap's md and lg breakpoints: too wide for the phone cards, too narrow for the
# forum overview's eight columns.
TABLET = {"width": 800, "height": 1024}
WIDE = {"width": 1280, "height": 800}
MEMBER = LOGINS_BY_USERNAME["esbjerg-medlem"]
SECRETARIAT = LOGINS_BY_USERNAME["sekretariat"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Every part of the page that is wider than its box: the document, and each element that lets
# its content scroll sideways. Names the element the way a developer would look for it.
SIDEWAYS = """() => {
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + [...el.classList].map((c) => '.' + c).join('');
    const found = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) {
        found.push(`the page: ${doc.scrollWidth} px in ${doc.clientWidth} px`);
    }
    for (const el of document.body.querySelectorAll('*')) {
        const overflow = getComputedStyle(el).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
            found.push(`${name(el)}: ${el.scrollWidth} px in ${el.clientWidth} px`);
        }
    }
    return found;
}"""


def sitemap_paths(page) -> list[str]:
    response = page.request.get("/sitemap.xml")
    assert response.ok
    locations = ElementTree.fromstring(response.body()).findall("sm:url/sm:loc", SITEMAP_NS)
    return [urlsplit(loc.text).path for loc in locations]


def sign_in(page, login):
    page.context.clear_cookies()
    page.goto("/konto/log-ind/")
    page.get_by_label("Brugernavn").fill(login.username)
    page.get_by_label("Adgangskode").fill(login.password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()


def member_paths(page) -> list[str]:
    """ "Mit lokalråd" and every page of it that its own pages link to (GET links only)."""
    paths = ["/mit-lokalraad/"]
    for path in paths:
        page.goto(path)
        for href in page.locator("main a[href^='/mit-lokalraad/']").evaluate_all(
            "links => links.map((a) => a.getAttribute('href'))"
        ):
            href = href.split("#")[0]
            if href not in paths:
                paths.append(href)
    return paths


def header_folds_into_a_menu_on_a_phone_only(page):
    """On a phone the header's links, "Log ud" among them (cut off before), are behind "Menu";
    on a wide screen they stand in a row and there is no "Menu"."""
    menu = page.get_by_role("navigation", name="Hovedmenu")
    toggle = menu.get_by_text("Menu", exact=True)
    log_out = menu.get_by_role("button", name="Log ud")
    expect(log_out).to_be_hidden()
    toggle.click()
    expect(log_out).to_be_visible()
    expect(menu.get_by_role("link", name="Statusrunder")).to_be_visible()
    page.set_viewport_size(WIDE)
    page.reload()
    expect(toggle).to_be_hidden()
    expect(log_out).to_be_visible()
    box = log_out.bounding_box()
    assert box["x"] + box["width"] <= WIDE["width"]


def sideways_on(page, paths) -> dict[str, list[str]]:
    """What scrolls sideways on each of `paths`, by path (only those where something does)."""
    found = {}
    for path in paths:
        response = page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        if sideways := page.evaluate(SIDEWAYS):
            found[path] = sideways
    return found


def test_forum_overview_does_not_scroll_sideways_at_tablet_width(page, demo_plan, screenshot):
    """The pages with the forum table (the forum overview and the plan, whose appendix it is)."""
    page.set_viewport_size(TABLET)
    forums = f"/{demo_plan.district.slug}/samarbejdsfora/"
    found = sideways_on(page, [forums, demo_plan.get_absolute_url()])
    assert not found, f"Scrolls sideways at {TABLET['width']} px: {found}"
    page.goto(forums)
    screenshot(page.locator(".forum-overview"), "forum-oversigt-800px")


def test_nothing_scrolls_sideways_at_phone_width(page, demo_plan):
    page.set_viewport_size(PHONE)
    sideways: dict[str, list[str]] = {}

    def measure(path, expected_status=200):
        response = page.goto(path)
        assert response.status == expected_status, f"{path} answered {response.status}"
        if found := page.evaluate(SIDEWAYS):
            sideways[path] = found

    public = sitemap_paths(page)
    assert f"/{demo_plan.district.slug}/samarbejdsfora/" in public
    for path in public:
        measure(path)
    measure("/soeg/?q=Esbjerg")
    expect(page.locator(".search-result").first).to_be_visible()
    for name, path in citizen_pages(demo_plan).items():
        if path not in public:
            measure(path, NOT_OK.get(name, 200))
    measure(f"/{demo_plan.district.slug}/{'en-meget-lang-adresse-uden-mellemrum' * 12}/", 404)

    sign_in(page, MEMBER)
    members = member_paths(page)
    assert len(members) > 2, members
    for path in members:
        measure(path)

    sign_in(page, SECRETARIAT)
    open_round = ReportingRound.objects.open().get(plan=demo_plan)
    for path in (
        f"/sekretariat/statusrunder/{open_round.pk}/",
        f"/sekretariat/statusrunder/{open_round.pk}/?visning=aktiviteter",
    ):
        measure(path)

    report = "\n".join(f"{path}\n  " + "\n  ".join(found) for path, found in sideways.items())
    assert not sideways, f"Scrolls sideways at {PHONE['width']} px:\n{report}"
    header_folds_into_a_menu_on_a_phone_only(page)
