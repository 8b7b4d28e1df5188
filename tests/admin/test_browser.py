"""The plan page in a real browser: the rich-text editors come up under the Content Security
Policy with their labels, and a row moved with the keyboard and a text typed in an editor are
saved. Headless Chromium from the system; skipped without it, except in CI (CI=true)."""

import os

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from councils.models import SecretariatStaff
from plans.models import Plan, PlanSection
from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from .conftest import grant_secretariat_permissions

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop in the test thread

LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP-VIOLATION ${event.violatedDirective} ${event.sourceFile}`);
});
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _console(page, message):
    # Failed loads are reported with their address by _response.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        page.problems.append(message.text)


def _response(page, response):
    if response.status >= 400 and not response.url.endswith("/favicon.ico"):
        page.problems.append(f"{response.status} {response.url}")


# pytest-playwright's browser and context fixtures are session-wide and shared with
# tests/browser: configure them the same way (Debian's Chromium, Django's live server as the base
# address), whichever folder asks first.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Chromium mangler ({CHROMIUM}); CI skal køre browsertestene.")
        pytest.skip("Chromium mangler: installér den med 'apt-get install chromium'.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture
def browser_page(page):
    """pytest-playwright's tab, recording policy violations, script errors and failed loads."""
    page.context.add_init_script(LISTEN)
    page.problems = []
    page.on("console", lambda message: _console(page, message))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("response", lambda response: _response(page, response))
    return page


def sign_in(page, user, base_url):
    """The tab carries a session of `user` as `force_login` makes it. The admin's login form
    itself is walked by tests/browser/test_walk.py (test_admin_pages_trip_no_policy)."""
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": key, "url": base_url}]
    )


def save_and_continue(page):
    """Click "Gem og fortsæt redigering" and wait for the page the admin answers with."""
    with page.expect_navigation():
        page.locator('input[name="_continue"]').first.click()


@pytest.fixture
def plan_page(browser_page, base_url, make_user, make_plan, district):
    user = make_user("sekretariat-browser", staff=True)
    grant_secretariat_permissions(user)
    SecretariatStaff.objects.create(user=user, district=district)
    plan = make_plan(district, activities=1)
    PlanSection.objects.create(plan=plan, title="Organisering", body="<p>Niveauer</p>", order=1)
    PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Møder</p>", order=2)
    page = browser_page
    sign_in(page, user, base_url)
    page.goto(reverse("admin:plans_plan_change", args=[plan.pk]))
    page.wait_for_selector(".tiptap.ProseMirror")
    return page, plan


def test_editors_come_up_labelled_and_nothing_trips_the_policy(plan_page):
    page, plan = plan_page
    editors = page.locator(".tiptap.ProseMirror")
    # Foreword, shared goals, the two sections' texts and the focus area's background, plus
    # the empty extra rows of the inlines.
    assert editors.count() >= 5
    assert page.get_by_role("textbox", name="Forord:").count() == 1
    assert page.problems == []


def test_section_moved_with_the_keyboard_and_typed_text_are_saved(plan_page):
    page, plan = plan_page
    first = page.locator("#sections-group .inline-related.has_original").first
    first.locator('button[data-portal-move="down"]').focus()
    page.keyboard.press("Enter")
    assert "plads 2 af 2" in page.locator("#sections-group [data-portal-sort-status]").inner_text()

    page.get_by_role("textbox", name="Forord:").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Skrevet i browseren.")
    save_and_continue(page)

    assert page.locator(".messagelist .success").count() == 1
    assert [section.title for section in plan.sections.all()] == ["Årshjul", "Organisering"]
    assert "Skrevet i browseren." in Plan.objects.get(pk=plan.pk).foreword
    assert page.problems == []


# A paste as a PDF viewer or a text editor gives it: plain text only.
PASTE_PLAIN_TEXT = """(text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
    );
}"""


def test_plain_text_pasted_with_bullets_and_numbers_becomes_lists_and_is_saved(plan_page):
    page, plan = plan_page
    foreword = page.get_by_role("textbox", name="Forord:")
    foreword.click()
    page.keyboard.press("Control+a")
    page.evaluate(
        PASTE_PLAIN_TEXT,
        "Kredsrådet vil:\n• forebygge indbrud\n– skabe tryghed i\nnattelivet\n"
        "1. Kortlægge\n2) Handle\nGod læsning.",
    )
    assert foreword.locator("ul > li").all_inner_texts() == [
        "forebygge indbrud",
        "skabe tryghed i nattelivet",
    ]
    assert foreword.locator("ol > li").all_inner_texts() == ["Kortlægge", "Handle"]

    save_and_continue(page)
    assert page.locator(".messagelist .success").count() == 1
    foreword_html = Plan.objects.get(pk=plan.pk).foreword
    assert foreword_html.startswith(
        "<p>Kredsrådet vil:</p><ul><li><p>forebygge indbrud</p></li>"
        "<li><p>skabe tryghed i nattelivet</p></li></ul><ol"
    )
    assert foreword_html.endswith(
        "<li><p>Kortlægge</p></li><li><p>Handle</p></li></ol><p>God læsning.</p>"
    )
    assert page.problems == []


def test_editor_toolbar_and_link_dialog_are_in_danish(plan_page):
    page, plan = plan_page
    toolbar = page.locator(".prose-menubar").first
    labels = toolbar.locator("button[aria-label]").evaluate_all(
        "buttons => buttons.map(button => button.getAttribute('aria-label'))"
    )
    assert set(labels) >= {
        "Brødtekst",
        "Punktopstilling",
        "Nummereret liste",
        "Citat",
        "Fed",
        "Kursiv",
        "Indsæt link",
        "Fortryd",
        "Gentag",
    }
    assert toolbar.locator('button[title="Fed"]').count() == 1
    assert toolbar.locator(".prose-menubar__option").all_inner_texts() == [
        "Overskrift 2",
        "Overskrift 3",
        "Overskrift 4",
        "Brødtekst",
    ]

    page.get_by_role("textbox", name="Forord:").click()
    page.keyboard.press("Control+a")
    toolbar.get_by_role("button", name="Indsæt link").click()
    dialog = page.locator("dialog[open]")
    assert dialog.get_by_role("heading").inner_text() == "Rediger link"
    assert dialog.get_by_label("Adresse (URL)").count() == 1
    assert dialog.get_by_role("button", name="Opdater").count() == 1
    dialog.get_by_role("button", name="Annuller").click()
    assert page.problems == []
