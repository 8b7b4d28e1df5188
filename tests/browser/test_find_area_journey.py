"""A citizen who knows only their town, on the demo: "Hvor bor du?" on the home page, typed into
the combobox with the keyboard, to the kommune's page, its lokalråd and an activity's status
there; and the same with the plain list when JavaScript is off."""

import pytest
from playwright.sync_api import expect

from councils.models import Council
from plans.models import Assignment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_finds_their_lokalraad_from_the_kommune_and_reads_an_activitys_status(
    page, axe, screenshot, demo_plan
):
    council = Council.objects.get(district=demo_plan.district, slug="toender")
    assignment = (
        Assignment.objects.filter(council=council, activity__focus_area__plan=demo_plan)
        .exclude(latest_update=None)
        .select_related("activity", "latest_update")
        .order_by("activity__focus_area__order", "activity__order")
        .first()
    )
    assert assignment, "the demo has a reported status in Lokalråd Tønder"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    axe(page)
    field = page.get_by_role("combobox", name="Skriv eller vælg din kommune")
    field.press_sequentially("tøn")
    listbox = page.get_by_role("listbox", name="Kommuner")
    expect(listbox.get_by_role("option")).to_have_text(["Tønder"])
    expect(field).to_have_attribute("aria-expanded", "true")
    axe(page)
    field.press("ArrowDown")
    expect(listbox.get_by_role("option", name="Tønder")).to_have_attribute("aria-selected", "true")
    field.press("Enter")
    expect(field).to_have_value("Tønder")
    expect(listbox).to_be_hidden()
    field.press("Enter")  # the list is closed: Enter sends the form

    expect(page.get_by_role("heading", level=1)).to_have_text("Tønder Kommune")
    expect(page.get_by_role("link", name=demo_plan.district.name).first).to_be_visible()
    axe(page)
    screenshot(page, "borger-kommune-toender")
    page.get_by_role("link", name="Lokalråd Tønder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lokalråd Tønder")
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name=assignment.activity.text)
    )
    expect(row).to_contain_text(assignment.get_status_display())
    expect(row).to_contain_text(assignment.latest_update.public_text)
    axe(page)


def test_without_javascript_the_plain_list_finds_the_kommune(browser, live_server, demo_plan):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Vælg din kommune").select_option(label="Odense")
    page.get_by_role("button", name="Vis mit område").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Odense Kommune")
    expect(page.get_by_role("link", name="Lokalråd Odense")).to_be_visible()
    expect(page.get_by_role("link", name="Fyns Politi").first).to_be_visible()
    context.close()
