"""Every kind of citizen page passes axe-core (WCAG 2.1 A/AA) on a phone and on a wide screen
(issue 14): one page of each kind on the demo, at 390 px and at 1280 px, in one tab, with every
violation gathered into one readable failure (page, width, rule, elements).

One page of each kind is enough: pages of a kind share their template, and the walk at phone
width (test_phone_width.py) already loads every instance in the sitemap.
"""

import secrets

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from councils.models import Council
from plans.following import token_hash
from plans.models import Activity, Follower, Plan
from tests.browser.axe import AXE_TAGS, axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The pages that answer with an error status, and the status they answer with.
NOT_OK = {"ugyldigt link": 400, "side findes ikke": 404}
# WCAG 2.1 A/AA, and axe's best practices besides: unique landmarks, heading order, every
# part of the page in a landmark. They all pass; this keeps them passing.
TAGS = [*AXE_TAGS, "best-practice"]
WIDTHS = {390: {"width": 390, "height": 844}, 1280: {"width": 1280, "height": 800}}


def confirmation_link(plan: Plan) -> str:
    """The address of a follower's confirmation link, as the mail would carry it."""
    token = secrets.token_urlsafe(32)
    Follower.objects.create(
        email="borger@example.dk",
        district=plan.district,
        token_hash=token_hash(token),
        confirmation_sent_at=timezone.now(),
    )
    return f"/foelg/bekraeft/{token}/"


def citizen_pages(plan: Plan) -> dict[str, str]:
    """One address of each kind of citizen page of issue 14, by a name to report it by."""
    district = plan.district.slug
    council = Council.objects.get(district=plan.district, slug="toender")
    activity = Activity.objects.filter(focus_area__plan=plan, all_local_councils=True).first()
    numbers = sorted(plan.versions.values_list("number", flat=True))
    plan_url = plan.get_absolute_url()
    return {
        "forside": "/",
        "kommune": "/kommune/toender/",
        "kreds": f"/{district}/",
        "plan med fremdrift": plan_url,
        "plan filtreret på status": f"{plan_url}?status=in_progress",
        "plan filtreret på lokalråd": f"{plan_url}?lokalraad={council.slug}",
        "plan filtreret på kommune": f"{plan_url}?kommune=Tønder",
        "plan filtreret uden resultater": f"{plan_url}?status=cancelled&lokalraad={council.slug}",
        "aktivitet": f"{plan_url}aktivitet/{activity.pk}/",
        "lokalråd": council.get_absolute_url(),
        "søgning med resultater": "/soeg/?q=Tønder",
        "søgning uden resultater": "/soeg/?q=zyxzyx",
        "følg": f"/{district}/foelg/",
        "bekræft at følge": confirmation_link(plan),
        "ugyldigt link": "/foelg/bekraeft/ugyldigt-link/",
        "privatliv": "/privatliv/",
        "versionsforskel": f"{plan_url}versioner/{numbers[0]}/{numbers[-1]}/",
        "årshjul": f"/{district}/aarshjul/",
        "samarbejdsfora": f"/{district}/samarbejdsfora/",
        "side findes ikke": f"/{district}/findes-ikke/",
    }


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
