"""Every kind of citizen page, and of a lokalråd member's pages, passes axe-core (WCAG 2.1 A/AA)
on a phone and on a wide screen (issue 14): one page of each kind on the demo, at 390 px and at
1280 px, in one tab, with every violation gathered into one readable failure (page, width, rule,
elements).

One page of each kind is enough: pages of a kind share their template, and the walk at phone
width (test_phone_width.py) already loads every instance in the sitemap.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import resolve
from playwright.sync_api import expect

from tests.browser.axe import AXE_TAGS, axe_violations, describe
from tests.browser.citizen_pages import NOT_OK, citizen_pages
from tests.browser.test_phone_width import MEMBER, member_paths, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# WCAG 2.1 A/AA, and axe's best practices besides: unique landmarks, heading order, every
# part of the page in a landmark. They all pass; this keeps them passing.
TAGS = [*AXE_TAGS, "best-practice"]
WIDTHS = {390: {"width": 390, "height": 844}, 1280: {"width": 1280, "height": 800}}


def follow_form_states(page, district_slug: str, check):
    """The follow form with a Danish error next to the field, and the page after sending it."""
    page.goto(f"/{district_slug}/foelg/")
    page.get_by_role("button", name="Følg").click()
    expect(page.locator(".follow-form .text-danger")).to_be_visible()
    check("følg med fejl")
    page.get_by_label("Din e-mailadresse").fill("borger@example.dk")
    page.get_by_role("button", name="Følg").click()
    expect(page.get_by_role("heading", name="Tjek din indbakke")).to_be_visible()
    check("følg sendt")


def menu_open(page, check):
    """The header's menu, folded on a phone, unfolded."""
    page.get_by_role("navigation", name="Hovedmenu").get_by_text("Menu", exact=True).click()
    expect(
        page.get_by_role("navigation", name="Hovedmenu").get_by_role("link").first
    ).to_be_visible()
    check("menuen foldet ud")


def combobox_open(page, check):
    """The home page's "Hvor bor du?" combobox with its list of kommuner showing."""
    page.goto("/")
    page.get_by_role("combobox", name="Skriv eller vælg din kommune").press_sequentially("Tøn")
    expect(page.get_by_role("listbox", name="Kommuner").get_by_role("option")).to_have_count(1)
    check("forside med kommunelisten åben")


def test_every_kind_of_citizen_page_passes_axe_on_a_phone_and_a_wide_screen(page, demo_plan):
    pages = citizen_pages(demo_plan)
    found: list[str] = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)

        def check(name, width=width):
            # Folded parts (the diff's unchanged paragraphs) unfolded, so axe sees them too.
            page.locator("main details:not([open])").evaluate_all(
                "folds => folds.forEach((fold) => { fold.open = true; })"
            )
            if violations := axe_violations(page, TAGS):
                found.append(describe(violations, f"{name} ({page.url}) at {width} px"))

        for name, path in pages.items():
            response = page.goto(path)
            status = NOT_OK.get(name, 200)
            assert response.status == status, f"{name}: {path} answered {response.status}"
            check(name)
        if width == 390:
            menu_open(page, check)
        combobox_open(page, check)
        follow_form_states(page, demo_plan.district.slug, check)
    if found:
        pytest.fail("axe found accessibility violations:\n" + "\n".join(found), pytrace=False)


def one_of_each_kind(paths: list[str]) -> list[str]:
    """The first address of each view (pages of one view share their template)."""
    kinds: dict[str, str] = {}
    for path in paths:
        kinds.setdefault(resolve(urlsplit(path).path).view_name, path)
    return list(kinds.values())


def test_every_kind_of_member_page_passes_axe_on_a_phone_and_a_wide_screen(page, demo_plan):
    """ "Mit lokalråd" as the demo's Esbjerg member: each kind of page, the "Mangler" view and the
    report form opened in place, at both widths."""
    sign_in(page, MEMBER)
    paths = one_of_each_kind(member_paths(page))
    council_page = next(path for path in paths if resolve(path).view_name == "members:council")
    paths.append(f"{council_page}?runde=mangler")
    assert len(paths) >= 4, paths  # home, the council, an assignment, the Mangler view
    found: list[str] = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for path in paths:
            assert page.goto(path).ok, path
            if violations := axe_violations(page, TAGS):
                found.append(describe(violations, f"{page.url} at {width} px"))
        page.goto(council_page)
        page.get_by_role("link", name="Indberet status").first.click()
        expect(page.get_by_role("button", name="Gem status")).to_be_visible()
        if violations := axe_violations(page, TAGS):
            found.append(describe(violations, f"the open report form at {width} px"))
    if found:
        pytest.fail("axe found accessibility violations:\n" + "\n".join(found), pytrace=False)
