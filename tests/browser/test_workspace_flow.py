"""The workflow and the preview in the workspace, in a real browser without extra scripts: the
"Forhåndsvisning" tab shows the plan as citizens will read it and "Rediger" goes back; a
revision is published from the workspace with the changed section pre-ticked, and the user
lands back in the workspace with the message. axe on every page, no sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import PlanSection

from .test_workspace_plan import sign_in, too_wide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_preview_tab_shows_the_plan_as_published_and_leads_back(page, axe, demo_plan):
    sign_in(page, axe)
    page.goto(f"/sekretariat/plan/{demo_plan.pk}/")
    axe(page)
    tabs = page.get_by_role("navigation", name="Visning af planen")
    expect(tabs.get_by_role("link", name="Rediger")).to_have_attribute("aria-current", "page")
    tabs.get_by_role("link", name=re.compile("^Forhåndsvisning")).click()

    expect(page).to_have_url(re.compile(f"/sekretariat/plan/{demo_plan.pk}/forhaandsvisning/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{demo_plan.title} {demo_plan.period_label}"
    )
    expect(page.get_by_role("note")).to_contain_text("Forhåndsvisning – ikke offentliggjort.")
    expect(page.get_by_role("heading", name="Indhold")).to_be_visible()
    axe(page)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert not too_wide(page), f"sideways at {width} px: {too_wide(page)}"

    tabs.get_by_role("link", name="Rediger").click()
    expect(page).to_have_url(re.compile(f"/sekretariat/plan/{demo_plan.pk}/$"))
    axe(page)


def test_a_revision_is_published_from_the_workspace(page, axe, demo_plan):
    section = PlanSection.objects.filter(plan=demo_plan).order_by("order", "pk").first()
    section.body = section.body + "<p>Rettet til revisionen.</p>"
    section.save()
    versions = demo_plan.versions.count()

    sign_in(page, axe)
    page.goto(f"/sekretariat/plan/{demo_plan.pk}/")
    page.get_by_role("link", name="Offentliggør en revision …").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Offentliggør plan")
    axe(page)
    expect(page.get_by_label(section.title, exact=True)).to_be_checked()
    page.get_by_label("Revisionsnote").fill("Indledningen er rettet.")
    # Publishing renders the version's PDF before the answer (the tests' immediate task
    # backend): allow it more than a page's usual time on a busy machine.
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name=f"Offentliggør version {versions + 1}").click(
            timeout=90_000
        )

    expect(page).to_have_url(re.compile(f"/sekretariat/plan/{demo_plan.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text(
        f"Version {versions + 1} af planen for {demo_plan.period_label} er offentliggjort."
    )
    axe(page)
    latest = demo_plan.versions.order_by("-number").first()
    assert latest.number == versions + 1
    assert section.pk in latest.changed_sections
