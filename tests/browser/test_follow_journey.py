"""Journey 5 (issue 14): a citizen follows the demo's plan by e-mail and confirms from the mail;
a lokalråd member reports a status change; the daily digest names the activity; the citizen
unsubscribes from the mail's link with one click and the address is gone.

Mails go to Django's locmem outbox, which the live server's thread shares with the test.
"""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from plans.models import Follower, StatusUpdate
from tests.browser.test_member_journey import PUBLIC_TEXT, sign_in
from tests.public.test_follow import link_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "borger@example.dk"


def test_citizen_follows_a_plan_gets_a_digest_after_a_status_change_and_unsubscribes(
    page, axe, screenshot, demo_plan, esbjerg_assignment
):
    district = demo_plan.district
    page.goto(f"/{district.slug}/")
    axe(page)
    page.get_by_role("link", name="Følg planen på e-mail").click()
    axe(page)
    page.get_by_label("Din e-mailadresse").fill(ADDRESS)
    page.get_by_role("button", name="Følg").click()
    expect(page.get_by_role("heading", name="Tjek din indbakke")).to_be_visible()
    axe(page)

    (confirmation,) = mail.outbox
    assert confirmation.to == [ADDRESS]
    page.goto(link_in(confirmation.body, "/foelg/bekraeft/"))
    axe(page)
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Du følger nu")
    axe(page)

    # A member of Lokalråd Esbjerg reports a new status in the report panel (htmx).
    page.context.clear_cookies()
    sign_in(page, axe)
    card = page.locator(f"#opgave-{esbjerg_assignment.pk}")
    card.get_by_role("link", name="Indberet status").click()
    panel = card.locator(f"#panel-{esbjerg_assignment.pk}")
    panel.get_by_role("combobox", name="Status").select_option(label="Gennemført")
    panel.get_by_label("Offentlig tekst").fill(PUBLIC_TEXT)
    panel.get_by_role("button", name="Gem status").click()
    expect(page.locator("#gemt-besked")).to_contain_text("Status er gemt for")
    assert StatusUpdate.objects.latest("created_at").assignment_id == esbjerg_assignment.pk

    call_command("send_follow_digests", stdout=io.StringIO())
    digest = mail.outbox[-1]
    assert len(mail.outbox) == 2
    assert digest.to == [ADDRESS]
    assert esbjerg_assignment.activity.text[:60] in digest.body
    assert "Gennemført" in digest.body

    page.context.clear_cookies()
    unsubscribe_url = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url in digest.body
    page.goto(link_in(digest.body, "/foelg/afmeld/"))
    axe(page)
    page.get_by_role("button", name="Afmeld og slet min adresse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Din adresse er slettet")
    axe(page)
    assert not Follower.objects.filter(email=ADDRESS).exists()
    screenshot(page, "5-foelg-afmeldt")
