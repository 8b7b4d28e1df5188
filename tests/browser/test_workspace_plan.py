"""The secretariat's plan workspace in a real browser: open it from the start page, edit a
section in place with htmx and its rich-text editor, and see it saved; axe on every state, no
Content Security Policy violation, and no sideways scrolling at 390 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council
from demo.people import LOGINS_BY_USERNAME
from plans.models import FocusArea, FocusAreaGroup, PlanSection

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECRETARIAT = LOGINS_BY_USERNAME["sekretariat"]
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP-VIOLATION ${event.violatedDirective} ${event.blockedURI}`);
});
"""


TOO_WIDE = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName}.${element.className}#${element.id}`);
}"""


def sign_in(page, axe):
    """Sign in as the demo's secretariat, which lands on its start page; axe on both pages."""
    page.goto("/konto/log-ind/")
    axe(page)
    page.get_by_label("Brugernavn").fill(SECRETARIAT.username)
    page.get_by_label("Adgangskode").fill(SECRETARIAT.password)
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(re.compile("/sekretariat/$"))
    axe(page)


def too_wide(page) -> list[str]:
    """Nothing when the page does not scroll sideways; else the first elements that stick out."""
    return page.evaluate(TOO_WIDE)


def test_secretariat_edits_a_section_in_place(page, axe, screenshot, demo_plan):
    violations = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "CSP-VIOLATION" in message.text else None
        ),
    )
    section = PlanSection.objects.filter(plan=demo_plan, parent=None).order_by("order", "pk")[0]

    page.goto("/konto/log-ind/")
    axe(page)
    page.get_by_label("Brugernavn").fill(SECRETARIAT.username)
    page.get_by_label("Adgangskode").fill(SECRETARIAT.password)
    page.get_by_role("button", name="Log ind").click()
    page.goto("/sekretariat/")
    axe(page)
    page.get_by_role("link", name=f"Åbn arbejdsområdet for planen {demo_plan.period_label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{demo_plan.title} {demo_plan.period_label}"
    )
    axe(page)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"arbejdsomraade-{width}")
        assert not too_wide(page), f"sideways at {width} px: {too_wide(page)}"

    part = page.locator(f"#afsnit-{section.pk}-del")
    part.get_by_role("link", name=f"Rediger afsnittet {section.title}").click()
    form = page.locator(f"#afsnit-{section.pk}-del form")
    expect(form.get_by_label("Overskrift")).to_be_focused()
    editor = form.get_by_role("textbox", name="Tekst", exact=True)
    expect(editor).to_be_visible()
    axe(page)
    form.get_by_label("Overskrift").fill("Sådan arbejder vi sammen")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Tilføjet i arbejdsområdet.")
    form.get_by_role("button", name="Gem").click()

    heading = page.locator(f"#afsnit-{section.pk}-titel")
    expect(heading).to_contain_text("Sådan arbejder vi sammen")
    expect(part.get_by_role("status")).to_have_text("Gemt.")
    axe(page)
    section.refresh_from_db()
    assert section.title == "Sådan arbejder vi sammen"
    assert "Tilføjet i arbejdsområdet." in section.body
    assert section.revision == 1
    assert not violations, violations


def test_secretariat_adds_an_activity_inside_its_focus_area(page, axe, demo_plan):
    area = (
        FocusArea.objects.filter(plan=demo_plan)
        .select_related("group")
        .order_by("group__order", "order", "pk")
        .first()
    )
    council = (
        Council.objects.active().local().filter(district=demo_plan.district).order_by("name")[0]
    )
    before = area.activities.count()

    sign_in(page, axe)
    page.goto(f"/sekretariat/plan/{demo_plan.pk}/")
    axe(page)

    block = page.locator(f"#indsatsomraade-{area.pk}")
    block.get_by_role("link", name=f"Ny aktivitet under {area.title}").click()
    form = page.locator(f"#ny-aktivitet-{area.pk} form")
    expect(form.get_by_label("Aktivitet")).to_be_focused()
    axe(page)
    form.get_by_label("Aktivitet").fill("Tryghedsvandring med skolerne")
    form.get_by_label("Tidsramme").fill("Foråret")
    form.get_by_label("Sekretariatet").check()
    form.get_by_label(council.name).check()
    form.get_by_role("button", name="Opret aktiviteten").click()

    expect(block.get_by_role("status")).to_have_text("Gemt.")
    expect(block).to_contain_text("Tryghedsvandring med skolerne")
    expect(block).to_contain_text(council.name)
    axe(page)
    assert area.activities.count() == before + 1
    new = area.activities.order_by("-order", "-pk").first()
    assert new.text == "Tryghedsvandring med skolerne"
    assert new.assignments.filter(council=council).exists()


def test_secretariat_adds_a_focus_area_and_its_goal(page, axe, demo_plan):
    group = FocusAreaGroup.objects.filter(plan=demo_plan).order_by("order", "pk").first()

    sign_in(page, axe)
    page.goto(f"/sekretariat/plan/{demo_plan.pk}/")
    axe(page)

    page.get_by_role("link", name=f"Nyt indsatsområde i {group.heading}").click()
    form = page.locator(f"#nyt-indsatsomraade-{group.pk} form")
    expect(form.get_by_label("Titel")).to_be_focused()
    axe(page)
    form.get_by_label("Titel").fill("Unge og nattelivet")
    if group.ranked:
        form.get_by_label("Prioritet").fill("99")
    if group.is_local:
        form.get_by_role("checkbox").first.check()
    form.get_by_role("button", name="Opret indsatsområdet").click()

    area = FocusArea.objects.filter(plan=demo_plan, title="Unge og nattelivet")
    # The outline changed: the whole page is loaded again at the new area.
    expect(page).to_have_url(
        re.compile(r"\?vis=indsatsomraade-\d+#indsatsomraade-\d+$"), timeout=30_000
    )
    new = area.get()
    assert new.group == group
    block = page.locator(f"#indsatsomraade-{new.pk}")
    expect(block.get_by_role("heading", name="Unge og nattelivet")).to_be_visible()
    axe(page)

    block.get_by_role("link", name="Nyt mål under Unge og nattelivet").click()
    goal_form = page.locator(f"#nyt-maal-{new.pk} form")
    axe(page)
    goal_form.get_by_label("Politiet").check()
    goal_form.get_by_label("Mål").fill("Flere synlige patruljer i weekenden")
    goal_form.get_by_role("button", name="Opret målet").click()

    expect(block.get_by_role("status")).to_have_text("Gemt.")
    expect(block).to_contain_text("Flere synlige patruljer i weekenden")
    axe(page)
    assert list(new.goals.values_list("party", "text")) == [
        ("police", "Flere synlige patruljer i weekenden")
    ]


def lower_half(target) -> dict:
    """A point in the lower half of `target`: a part dropped there goes below it."""
    box = target.bounding_box()
    return {"x": box["width"] / 2, "y": box["height"] * 3 / 4}


def test_secretariat_drags_an_activity_below_another(page, axe, demo_plan):
    area = next(
        area
        for area in FocusArea.objects.filter(plan=demo_plan).order_by("group__order", "order")
        if area.activities.count() >= 2
    )
    first, second = area.activities.order_by("order", "pk")[:2]

    sign_in(page, axe)
    page.goto(f"/sekretariat/plan/{demo_plan.pk}/")
    axe(page)

    rows = page.locator(f"#indsatsomraade-{area.pk}-aktivitetsliste > li")
    handle = page.get_by_role("button", name=f"Flyt aktivitet 1 under {area.title}", exact=True)
    below = page.locator(f"#aktivitet-{second.pk}")
    handle.drag_to(below, target_position=lower_half(below))

    expect(page.locator("#sortering-status")).to_have_text("Flyttet til plads 2.")
    expect(rows.nth(0)).to_have_id(f"aktivitet-{second.pk}")
    expect(rows.nth(1)).to_have_id(f"aktivitet-{first.pk}")
    assert list(area.activities.order_by("order", "pk")[:2]) == [second, first]
    axe(page)

    # A move the server refuses puts the order back and says so.
    page.route("**/flyt/", lambda route: route.fulfill(status=500))
    handle = page.get_by_role("button", name=f"Flyt aktivitet 1 under {area.title}", exact=True)
    below = page.locator(f"#aktivitet-{first.pk}")
    handle.drag_to(below, target_position=lower_half(below))
    expect(page.get_by_role("alert")).to_contain_text("Flytningen blev ikke gemt")
    expect(rows.nth(0)).to_have_id(f"aktivitet-{second.pk}")
    assert list(area.activities.order_by("order", "pk")[:2]) == [second, first]
    axe(page)
