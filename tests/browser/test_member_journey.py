"""Journey 2, a lokalråd member (the demo's Esbjerg member): sign in, see the lokalråd's
assignments, report status (first without the public text), find it in the history, be refused
another lokalråd's pages, and report status with the keyboard alone.

The report panel opens in place with htmx, as it does for every member with JavaScript.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from councils.models import Council
from demo.people import LOGINS_BY_USERNAME
from plans.models import Assignment, Status, StatusUpdate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMBER = LOGINS_BY_USERNAME["esbjerg-medlem"]
PUBLIC_TEXT = "Nattevandrerne er i gang i tre bydele, og flere forældre har meldt sig."
NOTE = "Drøftes igen på næste møde i lokalrådet."
MISSING_TEXT_ERROR = "Skriv en kort offentlig tekst om status."


def sign_in(page, axe, login=MEMBER, council="Lokalråd Esbjerg"):
    page.goto("/konto/log-ind/")
    axe(page)
    page.get_by_label("Brugernavn").fill(login.username)
    page.get_by_label("Adgangskode").fill(login.password)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(council)
    axe(page)


def report_panel(page, assignment):
    return page.locator(f"#panel-{assignment.pk}")


def test_member_reports_status_keeps_input_on_error_and_cannot_open_another_lokalraad(
    page, axe, screenshot, esbjerg_assignment
):
    sign_in(page, axe)
    count = Assignment.objects.filter(council=esbjerg_assignment.council).count()
    expect(page.get_by_text(f"Viser {count} af {count} opgaver.")).to_be_visible()
    card = page.locator(f"#opgave-{esbjerg_assignment.pk}")
    expect(card.get_by_role("heading", level=3)).to_have_text(esbjerg_assignment.activity.text)

    card.get_by_role("link", name="Indberet status").click()
    panel = report_panel(page, esbjerg_assignment)
    expect(panel.get_by_role("button", name="Gem status")).to_be_visible()
    axe(page)

    reported_on = timezone.localdate() - datetime.timedelta(days=3)
    panel.get_by_role("combobox", name="Status").select_option(label="Udskudt/sat i bero")
    panel.get_by_label("Intern note").fill(NOTE)
    panel.get_by_label("Dato").fill(reported_on.isoformat())
    before = StatusUpdate.objects.count()
    panel.get_by_role("button", name="Gem status").click()

    public_text = panel.get_by_label("Offentlig tekst")
    expect(panel.get_by_text(MISSING_TEXT_ERROR)).to_be_visible()
    expect(public_text).to_have_attribute("aria-invalid", "true")
    expect(public_text).to_be_focused()
    expect(panel.get_by_role("combobox", name="Status")).to_have_value(Status.POSTPONED)
    expect(panel.get_by_label("Intern note")).to_have_value(NOTE)
    expect(panel.get_by_label("Dato")).to_have_value(reported_on.isoformat())
    assert StatusUpdate.objects.count() == before
    axe(page)
    screenshot(card, "2a-lokalraad-fejl-med-bevaret-input")

    public_text.fill(PUBLIC_TEXT)
    panel.get_by_role("button", name="Gem status").click()
    # The form closes; the row shows its new status and the save is announced.
    expect(page.locator("#gemt-besked")).to_contain_text("Status er gemt for")
    expect(panel.get_by_role("button", name="Gem status")).to_have_count(0)
    expect(card.get_by_role("link", name="Indberet status")).to_be_focused()
    status = page.locator(f"#status-{esbjerg_assignment.pk}")
    expect(status).to_contain_text(PUBLIC_TEXT)
    expect(status).to_contain_text("Udskudt/sat i bero")
    axe(page)

    card.get_by_role("link", name="Indberet status").click()
    newest = panel.locator("ol > li").first
    expect(newest).to_contain_text(PUBLIC_TEXT)
    expect(newest).to_contain_text(NOTE)
    expect(newest).to_contain_text("Udskudt/sat i bero")
    update = StatusUpdate.objects.latest("created_at")
    assert (update.assignment_id, update.status, update.date) == (
        esbjerg_assignment.pk,
        Status.POSTPONED,
        reported_on,
    )

    toender = Council.objects.get(slug="toender", district=esbjerg_assignment.council.district)
    toender_assignment = Assignment.objects.filter(council=toender).first()
    for path in (
        f"/mit-lokalraad/{toender.pk}/",
        f"/mit-lokalraad/opgaver/{toender_assignment.pk}/",
    ):
        response = page.goto(path)
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Siden blev ikke fundet")
        expect(page.get_by_text(toender_assignment.activity.text)).to_have_count(0)
        axe(page)
    screenshot(page, "2-lokalraad-ikke-fundet")


FOCUS_STYLE = """e => {
    const style = getComputedStyle(e);
    return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
            color: style.outlineColor};
}"""
FOCUS_RING = "rgb(255, 191, 71)"  # the site's focus outline, #ffbf47 (static/css/portal.css)


def press_tab_until(page, selector: str, *, limit: int = 40) -> list[str]:
    """Press Tab until the element matching `selector` has focus; on the way, every element
    that takes focus must show it (the site's :focus-visible outline). Returns what took focus."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        described = focused.evaluate("e => e.outerHTML.slice(0, 120)")
        style = focused.evaluate(FOCUS_STYLE)
        assert style == {"outline": "solid", "width": 3, "color": FOCUS_RING}, (
            f"focus is not visible on {described}: {style}"
        )
        passed.append(described)
        if focused.evaluate(f"e => e.matches({selector!r})"):
            return passed
    raise AssertionError(f"Tab never reached {selector}; focus went to:\n" + "\n".join(passed))


def test_member_reports_status_with_the_keyboard_alone(page, axe, screenshot, esbjerg_assignment):
    sign_in(page, axe)
    pk = esbjerg_assignment.pk
    press_tab_until(page, f"#opgave-{pk} a[href$='/opgaver/{pk}/']")
    page.keyboard.press("Enter")
    panel = report_panel(page, esbjerg_assignment)
    expect(panel.get_by_role("heading", name="Indberet status")).to_be_focused()
    axe(page)

    press_tab_until(page, f"#opgave-{pk}-status")
    page.keyboard.press("End")  # the last status: Aflyst
    expect(panel.get_by_role("combobox", name="Status")).to_have_value(Status.CANCELLED)
    press_tab_until(page, f"#opgave-{pk}-public_text")
    page.keyboard.type(PUBLIC_TEXT)
    press_tab_until(page, f"#opgave-{pk}-internal_note")
    page.keyboard.type(NOTE)
    press_tab_until(page, f"#panel-{pk} button[type=submit]")
    page.keyboard.press("Space")

    expect(page.locator(f"#opgave-{pk} .report-link")).to_be_focused()
    expect(page.locator("#gemt-besked")).to_contain_text("Status er gemt for")
    expect(page.locator(f"#status-{pk}")).to_contain_text(PUBLIC_TEXT)
    axe(page)
    update = StatusUpdate.objects.latest("created_at")
    assert (update.assignment_id, update.status, update.public_text, update.internal_note) == (
        pk,
        Status.CANCELLED,
        PUBLIC_TEXT,
        NOTE,
    )
    assert update.date == timezone.localdate()
    screenshot(page.locator(f"#opgave-{pk}"), "2b-lokalraad-tastatur")


def test_member_reports_what_is_missing_and_the_row_and_count_follow(
    page, axe, screenshot, demo_plan
):
    """Tønder has not reported in the demo's open (overdue) round: its "Mangler" view lists
    every assignment; a saved report drops the row, lowers the count and moves focus on."""
    toender = LOGINS_BY_USERNAME["toender-medlem"]
    sign_in(page, axe, toender, "Lokalråd Tønder")
    missing_link = page.get_by_role("link", name=re.compile(r"^Mangler \(\d+\)$"))
    missing = int(re.search(r"\d+", missing_link.inner_text()).group())
    assert missing > 1
    missing_link.click()
    expect(page.get_by_text(f"Viser {missing} af")).to_be_visible()
    axe(page)

    first_id, second_id = (
        row.get_attribute("id") for row in page.locator("li[id^=opgave-]").all()[:2]
    )
    first = page.locator(f"#{first_id}")
    first.get_by_role("link", name="Indberet status").click()
    panel = first.locator("[id^=panel-]")
    panel.get_by_label("Offentlig tekst").fill(PUBLIC_TEXT)
    panel.get_by_role("button", name="Gem status").click()

    expect(page.locator(f"#{first_id}")).to_have_count(0)
    expect(page.get_by_role("link", name=f"Mangler ({missing - 1})")).to_be_visible()
    expect(page.get_by_text(f"Viser {missing - 1} af")).to_be_visible()
    expect(page.locator("#runde-besked")).to_contain_text(f"{missing - 1} mangler")
    expect(page.locator(f"#{second_id} .report-link")).to_be_focused()
    expect(page.locator("#gemt-besked")).to_contain_text("Status er gemt for")
    axe(page)
    screenshot(page, "2c-lokalraad-mangler-efter-gem")
