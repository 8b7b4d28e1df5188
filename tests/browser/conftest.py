"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server.

Chromium comes from the system (`apt-get install chromium`); Playwright cannot download a
browser here. Without it the tests skip with a message, except in CI (`CI=true`), where they
must run and a missing browser is an error. Screenshots of each journey's last page go to
`test-artifacts/screenshots/` (or `$SCREENSHOT_DIR`); a failing test leaves
`FEJL-<test>.png` there, showing the page as it was when it failed.

Every test gets `page` with `base_url` set to the live server, so `page.goto("/admin/")` works.
The `axe` fixture checks a page; a test fails at teardown if it loaded a page it never checked.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import Page

from tests.browser.axe import axe_violations, describe
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.database_kind import database_order
from tests.table_copies import load_demo

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# for setup are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() == "true"
SCREENSHOT_DIR = Path(
    os.environ.get("SCREENSHOT_DIR")
    or Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
)


def is_browser_test(item) -> bool:
    return Path(__file__).parent in Path(str(item.fspath)).parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # pytest groups the tests of pytest-playwright's session-wide "chromium" parameter
    # together, after pytest-django has put transactional tests after the others. A
    # transactional test (every browser test: Django's live server) among ordinary database
    # tests flushes the data they expect, so sort again the way pytest-django does; stable, so
    # the browser tests still share one browser.
    items[:] = sorted(items, key=database_order)
    if Path(CHROMIUM).exists():
        return
    if IN_CI:
        raise pytest.UsageError(
            f"Chromium not found at {CHROMIUM}; CI must run the browser tests "
            "(apt-get install chromium)."
        )
    skip = pytest.mark.skip(
        reason="Chromium mangler: installér den med 'apt-get install chromium' "
        "(eller sæt CHROMIUM_PATH) for at køre browsertestene."
    )
    for item in items:
        if is_browser_test(item):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_call_failed = report.failed
    return report


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "da-DK", "accept_downloads": True}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative addresses in `page.goto()` and `page.request` go to Django's live server."""
    return live_server.url


@pytest.fixture
def page(page, request):
    """A tab that gives up on a missing element after 10 s rather than 30 s, and leaves a
    screenshot of itself when the test fails."""
    failure = SCREENSHOT_DIR / f"FEJL-{request.node.name}.png"
    failure.unlink(missing_ok=True)
    page.set_default_timeout(10_000)
    yield page
    if getattr(request.node, "browser_call_failed", False):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(failure), full_page=True)


@pytest.fixture(autouse=True)
def _isolated_site(settings, tmp_path):
    """Each journey starts with an empty cache (public pages are cached), stores the PDFs it
    renders under its own temporary folder, and renders them in-process when a plan is
    published (the immediate task backend), whatever TASKS_BACKEND the environment sets."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_plan(live_server):
    """The demo (`manage.py load_demo`): Syd- og Sønderjylland's published plan 2017-18 with
    two versions, its lokalråd members, logins and status history. Returns the plan."""
    from demo.content import DISTRICT_SLUG
    from plans.models import Plan

    load_demo()
    return Plan.objects.current().select_related("district").get(district__slug=DISTRICT_SLUG)


@pytest.fixture
def esbjerg_assignment(demo_plan):
    """The first of the demo's Lokalråd Esbjerg's assignments as "Mit lokalråd" lists them."""
    from plans.models import Assignment

    return (
        Assignment.objects.filter(council__slug="esbjerg", council__district=demo_plan.district)
        .order_by("activity__focus_area__order", "activity__order", "activity_id")
        .select_related("activity", "council")
        .first()
    )


@pytest.fixture
def axe(page, request):
    """Run axe-core on the page; fail listing every WCAG 2.1 A/AA violation with its selector.

    Every page the tab loads must be checked: at teardown the test fails if it loaded a page
    (a document, not a download) that it never passed to `axe`.
    """
    loaded: list[str] = []
    checked: set[str] = set()
    page.on("load", lambda loaded_page: loaded.append(loaded_page.url))

    def check(page):
        violations = axe_violations(page)
        checked.add(page.url)
        report = describe(violations, page.url)
        assert not violations, f"axe found accessibility violations:\n{report}"

    yield check
    if getattr(request.node, "browser_call_failed", True):
        return
    unchecked = [url for url in dict.fromkeys(loaded) if url not in checked]
    assert not unchecked, "pages loaded but never checked with axe:\n" + "\n".join(unchecked)


@pytest.fixture
def screenshot():
    """Save a screenshot of a whole page, or of one part of it (a locator), under
    SCREENSHOT_DIR; CI prints the folder."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def take(target, name):
        path = SCREENSHOT_DIR / f"{name}.png"
        if isinstance(target, Page):
            target.screenshot(path=str(path), full_page=True)
        else:
            target.screenshot(path=str(path))
        return path

    return take
