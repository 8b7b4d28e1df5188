"""The generic admin fits a 1280 px screen beside its navigation: the lists and the change
forms of plans, councils, forums and users do not scroll sideways (a wide inline table scrolls
inside its own box), and the plan's pages lead to the workspace and the reporting rounds."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from councils.models import Council
from demo.people import LOGINS_BY_USERNAME
from forums.models import Forum

from .test_workspace_plan import too_wide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADMIN = LOGINS_BY_USERNAME["admin"]


def test_the_admin_fits_1280_px_without_sideways_scrolling(page, demo_plan):
    council = Council.objects.filter(district=demo_plan.district).order_by("pk").first()
    forum = Forum.objects.filter(district=demo_plan.district).order_by("pk").first()
    user = get_user_model().objects.get(username="sekretariat")
    addresses = [
        reverse("admin:index"),
        reverse("admin:plans_plan_changelist"),
        reverse("admin:plans_plan_change", args=[demo_plan.pk]),
        reverse("admin:councils_council_changelist"),
        reverse("admin:councils_council_change", args=[council.pk]),
        reverse("admin:forums_forum_changelist"),
        reverse("admin:forums_forum_change", args=[forum.pk]),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[user.pk]),
    ]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("admin:login"))
    page.fill("#id_username", ADMIN.username)
    page.fill("#id_password", ADMIN.password)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    wide = {}
    for address in addresses:
        response = page.goto(address)
        assert response.status == 200, address
        if sticking_out := too_wide(page):
            wide[address] = sticking_out
    assert wide == {}


def test_the_plan_admin_leads_to_the_workspace_and_the_rounds(page, demo_plan):
    page.goto(reverse("admin:login"))
    page.fill("#id_username", ADMIN.username)
    page.fill("#id_password", ADMIN.password)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    page.goto(reverse("admin:plans_plan_change", args=[demo_plan.pk]))
    page.get_by_role("link", name="Åbn arbejdsområdet").click()
    assert page.url.endswith(reverse("workspace:plan", args=[demo_plan.pk]))
    page.goto(reverse("admin:plans_plan_changelist"))
    page.locator("#content").get_by_role("link", name="Statusrunder", exact=True).first.click()
    assert page.url.endswith(reverse("rounds:index"))
