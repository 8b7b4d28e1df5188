"""The Content Security Policy in a real browser: headless Chromium walks the public site, the
member pages and every admin change list, add form and change form of the demo (and one history
page: every model's history is the same template), and no page may trip the policy (a blocked
script or style is a `securitypolicyviolation` event). The admin's rich-text editor must come up
under the policy.

The demo is served by Django's live server from the test database, loaded once per test process
and put back by copying its tables (tests/table_copies.py), as for the browser journeys.

Without Chromium the test skips with a message, except in CI (CI=true), where it fails.
"""

import os
from urllib.parse import urljoin, urlsplit

import pytest

from demo.content import DISTRICT_SLUG as DEMO_DISTRICT
from demo.people import LOGINS_BY_USERNAME
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.table_copies import load_demo

# Playwright's sync API runs an event loop in the test thread; the ORM calls of the set-up are
# synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() == "true"
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP-VIOLATION ${event.violatedDirective} ${event.blockedURI} ` +
                  `${event.sourceFile}:${event.lineNumber}`);
});
"""
NOT_PAGES = (".pdf", ".ics", ".json", ".xml", ".csv")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# pytest-playwright's Playwright and browser are session-wide and shared with tests/browser and
# tests/admin: configure them the same way (Debian's Chromium), whichever test asks first.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if IN_CI:
            pytest.fail(f"Chromium mangler ({CHROMIUM}); CI skal køre browsertestene.")
        pytest.skip("Chromium mangler: installér den med 'apt-get install chromium'.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


class Walker:
    """A signed-in (or anonymous) browser tab that records policy violations per page."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(locale="da-DK")
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.messages: list[str] = []
        self.page.on("console", self._console)
        self.violations: dict[str, list[str]] = {}
        self.visited: list[str] = []

    def _console(self, message):
        text = message.text
        if text.startswith("CSP-VIOLATION") or "Content Security Policy" in text:
            self.messages.append(text)

    def sign_in(self, path: str, username: str):
        self.page.goto(self.base + path)
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", LOGINS_BY_USERNAME[username].password)
        self.page.click("main form [type=submit], #login-form [type=submit]")
        self.page.wait_for_load_state("networkidle")

    def visit(self, path: str) -> list[str]:
        self.messages.clear()
        self.page.goto(self.base + path, wait_until="load")
        self.visited.append(path)
        if self.messages:
            self.violations[path] = list(self.messages)
        return self.links()

    def links(self) -> list[str]:
        hrefs = self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        paths = []
        for href in hrefs:
            parts = urlsplit(urljoin(self.page.url, href))
            if f"{parts.scheme}://{parts.netloc}" != self.base:
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not parts.path.endswith(NOT_PAGES) and "/pdf/" not in path and path not in paths:
                paths.append(path)
        return paths

    def crawl(self, start: str, *, within: str, avoid=(), limit: int) -> None:
        queue, seen = [start], {start}
        while queue and len(self.visited) < limit:
            path = queue.pop(0)
            for link in self.visit(path):
                if link.startswith(within) and not link.startswith(avoid) and link not in seen:
                    seen.add(link)
                    queue.append(link)


@pytest.fixture
def server(live_server, settings, tmp_path):
    """The live server's address, with the demo in the database and its files in a media folder
    of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    return live_server.url


@pytest.fixture
def walker(browser, server):
    walker = Walker(browser, server)
    yield walker
    walker.context.close()


def report(walker) -> str:
    return "\n".join(f"{path}: {messages}" for path, messages in walker.violations.items())


def test_public_pages_trip_no_policy(walker):
    for path in ("/", "/tilgaengelighed/", "/soeg/?q=tryghed"):
        walker.visit(path)
    walker.crawl(f"/{DEMO_DISTRICT}/", within=f"/{DEMO_DISTRICT}/", limit=40)
    assert len(walker.visited) >= 15
    assert not walker.violations, report(walker)


def test_member_pages_trip_no_policy(walker):
    walker.sign_in("/konto/log-ind/", "esbjerg-sekretaer")
    walker.crawl("/mit-lokalraad/", within="/mit-lokalraad/", limit=25)
    assert len(walker.visited) >= 4
    assert not walker.violations, report(walker)


def test_admin_pages_trip_no_policy(walker):
    walker.sign_in("/admin/login/", "admin")
    change_lists = [
        link
        for link in walker.visit("/admin/")
        if link.count("/") == 4 and link.startswith("/admin/") and "?" not in link
    ]
    assert len(change_lists) >= 10
    change_forms = []
    for change_list in change_lists:
        walker.visit(change_list)
        first = walker.page.query_selector("#result_list tbody tr a[href*='/change/']")
        if first is not None:
            href = urljoin(walker.page.url, first.get_attribute("href"))
            change_forms.append(urlsplit(href).path)
            walker.visit(change_forms[-1])
        walker.visit(change_list + "add/")
    walker.visit(change_forms[0].replace("/change/", "/history/"))
    assert not walker.violations, report(walker)


def test_rich_text_editor_comes_up_under_the_policy(walker):
    walker.sign_in("/admin/login/", "admin")
    walker.visit("/admin/plans/plan/add/")
    walker.page.wait_for_selector(".ProseMirror >> visible=true", timeout=10_000)
    assert walker.page.locator(".ProseMirror >> visible=true").count() >= 2
    assert not walker.violations, report(walker)
