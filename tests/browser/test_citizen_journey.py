"""Journey 3, a citizen (no sign-in) on the demo: from the home page to a district and its plan,
an activity's status in each lokalråd, the version archive, a search, and the plan's PDF."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from plans.models import Activity, Assignment, StatusUpdate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEARCH_WORD = "indbrud"
BURGLARY_AREA = "Indsats mod indbrud og hæleri"


def test_citizen_reads_the_plan_an_activitys_status_the_archive_searches_and_downloads_the_pdf(
    page, axe, screenshot, demo_plan
):
    district = demo_plan.district
    page.goto("/")
    axe(page)
    page.get_by_role("link", name=district.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(district.name)
    axe(page)

    page.get_by_role("link", name=f"samarbejdsplanen {demo_plan.period_label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{demo_plan.title} {demo_plan.period_label}"
    )
    for group in demo_plan.focus_area_groups.all():
        expect(page.get_by_role("heading", level=3, name=group.heading)).to_be_visible()
    for area in demo_plan.focus_areas.exclude(group__kind="local"):
        expect(page.get_by_role("heading", level=4, name=area.title)).to_be_visible()
    axe(page)

    activity = (
        Activity.objects.filter(focus_area__plan=demo_plan, all_local_councils=True)
        .order_by("focus_area__order", "order")
        .first()
    )
    page.get_by_role("link", name=activity.text).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.text)
    rows = page.get_by_role("region", name="Status i de enkelte råd").locator("tbody tr")
    assignments = Assignment.objects.filter(activity=activity).select_related(
        "council", "latest_update"
    )
    expect(rows).to_have_count(assignments.count())
    for assignment in assignments.exclude(latest_update=None):
        row = rows.filter(has=page.get_by_role("rowheader", name=assignment.council.name))
        expect(row).to_contain_text(assignment.get_status_display())
        expect(row).to_contain_text(assignment.latest_update.public_text)
    internal_notes = set(
        StatusUpdate.objects.filter(assignment__activity=activity)
        .exclude(internal_note="")
        .values_list("internal_note", flat=True)
    )
    assert internal_notes, "the demo has internal notes on this activity to keep private"
    for note in internal_notes:
        expect(page.get_by_text(note)).to_have_count(0)
    axe(page)

    page.get_by_role("link", name=f"Samarbejdsplan {demo_plan.period_label}").click()
    axe(page)
    count = demo_plan.versions.count()
    page.get_by_role("link", name=f"Alle versioner ({count})").click()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Version \d+"))).to_have_count(
        count
    )
    axe(page)

    page.get_by_role("link", name="Forside").click()
    axe(page)
    page.get_by_role("searchbox", name="Søg i samarbejdsplanerne").fill(SEARCH_WORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2)).to_contain_text(f"for »{SEARCH_WORD}«")
    result = page.get_by_role("link", name=BURGLARY_AREA)
    expect(result).to_be_visible()
    axe(page)

    result.click()
    expect(page.get_by_role("heading", level=4, name=BURGLARY_AREA)).to_be_visible()
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent planen som PDF").click()
    content = download_info.value.path().read_bytes()
    assert content.startswith(b"%PDF")
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    assert BURGLARY_AREA in text
    screenshot(page, "3-borger-plan-fra-soegning")
