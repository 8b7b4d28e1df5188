"""One tab that visits each page once per width and checks everything there (issue 12): no
Content Security Policy violation on any page, axe-core (WCAG 2.1 A/AA and best practices) on
the pages asked for, and at phone width nothing that scrolls sideways. Findings are gathered,
not raised, so one failure lists every page, width and check that broke.
"""

from urllib.parse import urljoin, urlsplit

from tests.browser.axe import AXE_TAGS, axe_violations, describe

# WCAG 2.1 A/AA, and axe's best practices besides: unique landmarks, heading order, every
# part of the page in a landmark. They all pass; this keeps them passing.
AXE_RULES = [*AXE_TAGS, "best-practice"]

PHONE = {"width": 390, "height": 844}
# Between Bootstrap's md and lg breakpoints: too wide for the phone cards, too narrow for the
# forum overview's eight columns.
TABLET = {"width": 800, "height": 1024}
WIDE = {"width": 1280, "height": 800}

# A blocked script, style, image or font is a `securitypolicyviolation` event in the document
# it happens in: kept in the document (read after each page and state) and logged, as Chromium
# logs its own "Content Security Policy" refusals.
LISTEN = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const text = `${event.violatedDirective} ${event.blockedURI} ` +
                 `${event.sourceFile}:${event.lineNumber}`;
    window.__policyViolations.push(text);
    console.error(`CSP-VIOLATION ${text}`);
});
"""

# The page as it stands, in one call: its policy violations since the last look, what scrolls
# sideways (every part wider than its box: the document, and each element that lets its content
# scroll sideways, named the way a developer would look for it), and its links.
LOOK = """([sideways, links]) => {
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + [...el.classList].map((c) => '.' + c).join('');
    const wide = [];
    const doc = document.documentElement;
    if (sideways && doc.scrollWidth > doc.clientWidth) {
        wide.push(`the page: ${doc.scrollWidth} px in ${doc.clientWidth} px`);
    }
    for (const el of sideways ? document.body.querySelectorAll('*') : []) {
        const overflow = getComputedStyle(el).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
            wide.push(`${name(el)}: ${el.scrollWidth} px in ${el.clientWidth} px`);
        }
    }
    return {
        violations: (window.__policyViolations || []).splice(0),
        sideways: wide,
        links: links ? [...document.querySelectorAll('a[href]')].map((a) => a.href) : [],
    };
}"""
NOT_PAGES = (".pdf", ".ics", ".json", ".xml", ".csv")


class Walk:
    """A Playwright tab that checks each page it is sent to, and remembers the links it found
    there (for a crawl that does not load a page twice at one width)."""

    def __init__(self, page):
        self.page = page
        self.width = page.viewport_size["width"]
        self.person = ""  # who is signed in, if anyone
        self.console: list[str] = []
        self.links: dict[tuple[str, int], list[str]] = {}
        self.policy: list[str] = []
        self.axe: list[str] = []
        self.sideways: list[str] = []
        self.status: list[str] = []
        page.context.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        # The listener's own lines are read from the document; these are Chromium's refusals.
        if "Content Security Policy" in text and not text.startswith("CSP-VIOLATION"):
            self.console.append(text)

    def resize(self, viewport: dict) -> None:
        self.page.set_viewport_size(viewport)
        self.width = viewport["width"]

    def visit(
        self, path: str, *, name: str = "", status: int | None = 200, links=False, **checks
    ) -> None:
        """Load `path` and check it (see `check`); `status` None takes any answer. With
        `links`, the page's links are kept for a crawl."""
        response = self.page.goto(path)
        if status is not None and response.status != status:
            self.status.append(f"{self.where(name)}: answered {response.status}, not {status}")
        if "html" not in (response.headers.get("content-type") or ""):
            checks = {}  # a feed: only the policy
        found = self.check(name, links=links, **checks)
        if links:
            self.links[(path, self.width)] = found

    def here(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def where(self, name: str = "") -> str:
        """The page (its name and address), the width and who looks, as a finding names them."""
        page = f"{name} ({self.here()})" if name else self.here()
        return f"{page} at {self.width} px" + (f" as {self.person}" if self.person else "")

    def check(
        self, name: str = "", *, axe: bool = False, sideways: bool = False, links: bool = False
    ) -> list[str]:
        """The page as it stands: no policy violation; if asked, nothing scrolling sideways
        and no axe violation (with folded parts, such as the diff's unchanged paragraphs,
        unfolded first, so axe sees them too). Returns the page's links if asked."""
        look = self.page.evaluate(LOOK, [sideways, links])
        if violations := look["violations"] + self.console:
            self.policy.append(f"{self.where(name)}: " + "; ".join(violations))
        self.console = []
        if look["sideways"]:
            self.sideways.append(f"{self.where(name)}\n    " + "\n    ".join(look["sideways"]))
        if axe:
            self.page.locator("main details:not([open])").evaluate_all(
                "folds => folds.forEach((fold) => { fold.open = true; })"
            )
            if found := axe_violations(self.page, AXE_RULES):
                self.axe.append(describe(found, self.where(name)))
        return self._paths(look["links"])

    def _paths(self, hrefs: list[str]) -> list[str]:
        """Same-site links of the page, as paths (with their query), once each."""
        base = urlsplit(self.page.url)
        paths: list[str] = []
        for href in hrefs:
            parts = urlsplit(urljoin(self.page.url, href))
            if parts.netloc != base.netloc or parts.path.endswith(NOT_PAGES):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if "/pdf/" not in path and path not in paths:
                paths.append(path)
        return paths

    def crawl(self, start: str, *, within: str, limit: int, **checks) -> list[str]:
        """Breadth first from `start` through the links within `within`, `limit` pages in all;
        a page already loaded at this width with its links kept is not loaded again."""
        queue, seen, crawled = [start], {start}, []
        while queue and len(crawled) < limit:
            path = queue.pop(0)
            if (path, self.width) not in self.links:
                self.visit(path, status=None, links=True, **checks)
            crawled.append(path)
            for link in self.links[(path, self.width)]:
                if link.startswith(within) and link not in seen:
                    seen.add(link)
                    queue.append(link)
        return crawled

    def report(self) -> str:
        """Every finding, under the check that made it; empty when everything passed."""
        parts = [
            (self.status, "Pages that answered with the wrong status:"),
            (self.policy, "Content Security Policy violations:"),
            (self.axe, "axe found accessibility violations:"),
            (self.sideways, "Scrolls sideways:"),
        ]
        return "\n".join(f"{title}\n" + "\n".join(found) for found, title in parts if found)
