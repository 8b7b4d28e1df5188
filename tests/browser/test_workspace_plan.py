"""The secretariat's plan workspace in a real browser: open it from the start page, edit a
section in place with htmx and its rich-text editor, and see it saved; axe on every state, no
Content Security Policy violation, and no sideways scrolling at 390 and 1280 px."""

import pytest
from playwright.sync_api import expect

from demo.people import LOGINS_BY_USERNAME
from plans.models import PlanSection

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
        page.screenshot(path=f"/tmp/arbejdsomraade-{width}.png", full_page=True)
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
