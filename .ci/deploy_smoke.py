"""The deploy smoke test's client: talks to a deployed instance the way nginx and a browser would.

Run by .ci/deploy-smoke against gunicorn (DEBUG off, the collected static files, PostgreSQL,
Redis, the task worker beside it), with the demo loaded. Every request carries the public Host
and `X-Forwarded-Proto: https`, as nginx sends them. Checks, in order: the health check, every
URL of the sitemap and every static file the front page links, a lokalråd member's sign-in and
status report through the real form (and the report on the public council page), and the plan
PDF: rendered by the worker, then lost from storage, 202 while the worker renders it again, then
200. Stops at the first failure with a message saying what was expected and what came back.

Standard library only: `python .ci/deploy_smoke.py --help`.
"""

import argparse
import html
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MEMBER = ("esbjerg-medlem", "Fiskerihavn-Demo-2017")  # demo/people.py, printed by load_demo
PDF_WAIT_SECONDS = 90


class SmokeFailure(Exception):
    pass


def expect(condition, message: str):
    if not condition:
        raise SmokeFailure(message)


@dataclass
class Response:
    url: str
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def describe(self) -> str:
        if "Location" in self.headers:
            return f"{self.status} from {self.url} to {self.headers['Location']}"
        snippet = re.sub(r"\s+", " ", self.text)[:300]
        return f"{self.status} from {self.url} ({self.headers.get('Content-Type', '')}): {snippet}"


class SecureCookiesOverLoopback(DefaultCookiePolicy):
    """The site marks its cookies Secure (HTTPS behind the proxy); the client talks plain HTTP
    to the instance the way nginx does, so it sends them anyway."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A browser behind the proxy: one cookie jar, every request to the instance."""

    def __init__(self, base: str, host: str):
        self.base, self.host = base.rstrip("/"), host
        self.jar = CookieJar(policy=SecureCookiesOverLoopback())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirects
        )

    def request(self, path: str, data: dict | None = None, *, behind_proxy=True) -> Response:
        url = self.base + path
        headers = {"Host": self.host, "User-Agent": "deploy-smoke"}
        if behind_proxy:
            headers["X-Forwarded-Proto"] = "https"
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            # Over HTTPS, Django's CSRF check wants the page's origin on every POST.
            headers["Origin"] = f"https://{self.host}"
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return Response(url, response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Response(url, error.code, dict(error.headers), error.read())
        except OSError as error:
            raise SmokeFailure(f"no answer from {url}: {error}") from error

    def get(self, path: str, expected=200, *, follow=False, **kwargs) -> Response:
        response = self.request(path, **kwargs)
        for _ in range(5 if follow else 0):
            if response.status not in {301, 302, 303} or not response.headers.get("Location"):
                break
            response = self.request(local_path(response.headers["Location"]), **kwargs)
        if expected is not None:
            expect(response.status == expected, f"expected {expected}: {response.describe()}")
        return response


def local_path(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))


class Forms(HTMLParser):
    """The forms of a page: action, and the value every field would be submitted with."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}, "options": {}})
        if not self.forms:
            return
        fields, options = self.forms[-1]["fields"], self.forms[-1]["options"]
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
            options[name] = []
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            options[self.select].append(value)
            if "selected" in attrs or self.select not in fields:
                fields[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.forms:
            self.forms[-1]["fields"][self.textarea] += data


def form_with(page: Response, field: str) -> dict:
    parser = Forms()
    parser.feed(page.text)
    for form in parser.forms:
        if field in form["fields"]:
            return form
    raise SmokeFailure(f"no form with a field {field!r} on {page.url}")


def form_errors(page: Response) -> str:
    errors = re.findall(r'class="[^"]*invalid-feedback[^"]*"[^>]*>(.*?)</', page.text, re.S)
    errors += re.findall(r'class="[^"]*alert-danger[^"]*"[^>]*>(.*?)</', page.text, re.S)
    return "; ".join(re.sub(r"<[^>]+>|\s+", " ", error).strip() for error in errors) or "none"


def check_health(client: Client):
    for behind_proxy in (False, True):
        response = client.get("/healthz", behind_proxy=behind_proxy)
        expect(
            json.loads(response.body) == {"database": "ok", "cache": "ok"},
            f"/healthz: {response.describe()}",
        )
        expect(
            "no-store" in response.headers.get("Cache-Control", ""),
            f"/healthz may be cached: Cache-Control {response.headers.get('Cache-Control')!r}",
        )


def check_sitemap(client: Client) -> list[str]:
    sitemap = client.get("/sitemap.xml")
    locations = [
        loc.text for loc in ET.fromstring(sitemap.body).findall("sm:url/sm:loc", SITEMAP_NS)
    ]
    expect(locations, "/sitemap.xml lists no URL")
    expect(
        all(loc.startswith(f"https://{client.host}/") for loc in locations),
        f"the sitemap's URLs are not https://{client.host}/…: {locations[0]}",
    )
    failed = []
    for location in locations:
        response = client.request(local_path(location))
        if response.status != 200:
            failed.append(response.describe())
    expect(
        not failed,
        f"{len(failed)} of {len(locations)} sitemap URLs failed:\n  " + "\n  ".join(failed[:20]),
    )
    print(f"   {len(locations)} sitemap URLs answered 200")
    return locations


def check_static_files(client: Client):
    front = client.get("/")
    links = sorted(set(re.findall(r'"(/static/[^"?#]+)', front.text)))
    expect(links, "the front page links no static file")
    for link in links:
        expect(
            re.search(r"\.[0-9a-f]{12}\.", link),
            f"{link} has no content hash: the manifest storage is not in use",
        )
        response = client.get(link)
        expect(
            "immutable" in response.headers.get("Cache-Control", ""),
            f"{link} is not cached far ahead",
        )
    print(f"   {len(links)} static files of the front page served with hashed names")


def check_member_report(client: Client, stamp: str, public_pages: list[str]):
    username, password = MEMBER
    sign_in = client.get("/konto/log-ind/")
    form = form_with(sign_in, "username")
    response = client.request(
        "/konto/log-ind/", {**form["fields"], "username": username, "password": password}
    )
    expect(
        response.status == 302,
        f"sign-in of {username} failed (errors: {form_errors(response)}): {response.describe()}",
    )
    home = client.get(local_path(response.headers["Location"]), follow=True)
    assignments = re.findall(r'href="(/mit-lokalraad/opgaver/\d+/)"', home.text)
    expect(assignments, f"{username} sees no assignment on {home.url}")

    page = client.get(assignments[0])
    form = form_with(page, "public_text")
    fields = dict(form["fields"])
    current = fields.get("status", "")
    fields["status"] = next(
        (v for v in form["options"].get("status", []) if v and v != current), current
    )
    text = f"Røgtest {stamp}: status indberettet gennem formularen."
    fields["public_text"] = text
    for name, value in fields.items():
        if name in {"date", "status_date"} and not value:
            fields[name] = date.today().isoformat()
    response = client.request(form["action"] or assignments[0], fields)
    expect(
        response.status == 302,
        f"the status report was not saved (errors: {form_errors(response)}): {response.describe()}",
    )
    council = client.get(local_path(response.headers["Location"]))
    expect("Status er gemt" in council.text, f"no confirmation after the report on {council.url}")

    # The public council page of Esbjerg shows the report at once, to a visitor without cookies.
    visitor = Client(client.base, client.host)
    [esbjerg] = [path for path in public_pages if path.endswith("/lokalraad/esbjerg/")]
    public = visitor.get(esbjerg)
    expect(html.escape(text) in public.text, f"the new report is not on the public page {esbjerg}")
    print(f"   {username} signed in and reported status; the public page {esbjerg} shows it")


def check_plan_pdf(client: Client, public_pages: list[str], media_root: Path):
    plans = [path for path in public_pages if re.search(r"/samarbejdsplan/[\d-]+/$", path)]
    expect(plans, "the sitemap lists no published plan")
    pdf_path = plans[0] + "pdf/"

    # The demo's publications queued their PDFs; the worker renders them.
    response = wait_for_pdf(client, pdf_path)
    stored = list(media_root.rglob("*.pdf"))
    expect(stored, f"the worker's PDF is not under MEDIA_ROOT {media_root}")
    # Lost from storage: the next download queues a render and says so, the worker makes it.
    for path in stored:
        path.unlink()
    response = client.get(pdf_path, expected=None)
    expect(response.status == 202, f"a missing PDF should answer 202: {response.describe()}")
    started = time.monotonic()
    response = wait_for_pdf(client, pdf_path)
    print(f"   {pdf_path}: 202, then the worker's PDF after {time.monotonic() - started:.1f} s")


def wait_for_pdf(client: Client, path: str) -> Response:
    deadline = time.monotonic() + PDF_WAIT_SECONDS
    while True:
        response = client.get(path, expected=None)
        if response.status == 200:
            expect(
                response.headers.get("Content-Type") == "application/pdf"
                and response.body.startswith(b"%PDF-"),
                f"{path} answered 200 but not with a PDF: {response.describe()}",
            )
            return response
        expect(response.status == 202, f"{path} while the PDF is rendered: {response.describe()}")
        expect(
            time.monotonic() < deadline,
            f"{path} still 202 after {PDF_WAIT_SECONDS} s: the worker did not render the PDF",
        )
        time.sleep(1)


def wait_until_up(client: Client, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if client.request("/healthz", behind_proxy=False).status == 200:
                return
        except SmokeFailure:
            pass
        time.sleep(0.5)
    raise SmokeFailure(f"{client.base}/healthz did not answer 200 within {seconds} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the instance, e.g. http://127.0.0.1:8001")
    parser.add_argument("--host", required=True, help="the public host name (ALLOWED_HOSTS)")
    parser.add_argument("--media-root", required=True, type=Path, help="the site's MEDIA_ROOT")
    args = parser.parse_args()

    client = Client(args.base, args.host)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    pages: list[str] = []  # the sitemap's paths, filled by its step
    steps = [
        ("instance up", lambda: wait_until_up(client)),
        ("health check", lambda: check_health(client)),
        ("sitemap", lambda: pages.extend(local_path(url) for url in check_sitemap(client))),
        ("static files", lambda: check_static_files(client)),
        ("member sign-in and status report", lambda: check_member_report(client, stamp, pages)),
        ("plan PDF by the worker", lambda: check_plan_pdf(client, pages, args.media_root)),
        ("health check after the run", lambda: check_health(client)),
    ]
    for name, step in steps:
        print(f"-- {name}", flush=True)
        try:
            step()
        except SmokeFailure as failure:
            print(f"\nDEPLOY SMOKE FAILED at '{name}': {failure}", file=sys.stderr)
            return 1
    print("deploy smoke: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
