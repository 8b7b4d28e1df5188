"""Stored XSS: a <script>, an onerror= attribute and a javascript: link typed into every text and
rich-text field (plan, sections, figures' alt text and caption, attachments' titles, focus areas,
activities, forums, councils, persons, memberships, also by function alone, staff functions,
status updates, rounds) render inert everywhere: every page of the portal that someone may open
(public, member, secretariat, admin), the JSON export and both PDFs.

Plain-text fields must come out escaped; rich-text fields lose the dangerous parts when they
are stored (nh3), so they can be shown as HTML.
"""

from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from plans.models import Activity
from plans.pdf import render_plan_pdf, render_status_report_pdf
from plans.reporting import build_status_report

from .dataset import build_dataset, client_as, sign_in_each_role
from .expectations import ROLES, expected
from .urlmap import add_log_rows, path_for, url_patterns

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
RICH_TEXT_KEYS = {"foreword", "shared_goals", "body", "background"}
# Who opens each page: the first role, most powerful first, that may read it.
READERS = ("superuser", "secretariat_a", "secretary_a", "member_a", "anonymous")
# The plan PDF's page and the PDF test below lay out the same print page.
pytestmark = pytest.mark.usefixtures("each_pdf_laid_out_once")


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """The dataset with the payload in every text field, built once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        dataset = build_dataset(text=PAYLOAD)
        add_log_rows()
        dataset.sessions = sign_in_each_role(dataset)
        yield dataset
        transaction.set_rollback(True)


class ActiveContent(HTMLParser):
    """Collects what a browser would run: inline scripts, event handlers, javascript: URLs."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in self.URL_ATTRIBUTES and value:
                cleaned = "".join(value.split()).lower()
                if cleaned.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:80]}")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


def reader_for(key: str) -> str | None:
    for role in READERS:
        if expected(key, role, "GET") == "200":
            return role
    return None


PAGES = [pattern for pattern in url_patterns() if reader_for(pattern.key)]


def test_every_page_that_anyone_may_read_is_checked():
    readable = {
        p.key for p in url_patterns() if any(expected(p.key, r, "GET") == "200" for r in ROLES)
    }
    assert readable == {p.key for p in PAGES}


def page_problems(client, path) -> list[str]:
    response = client.get(path)
    if response.status_code != 200:
        return [f"{path}: {response.status_code}, not 200"]
    problems = []
    content_type = response["Content-Type"]
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"{path}: no X-Content-Type-Options: nosniff")
    if content_type.startswith("text/html"):
        if found := active_content(response.text):
            problems.append(f"{path}: active content {found}")
    elif content_type.startswith("application/json"):
        try:
            assert_json_inert(response.json())
        except AssertionError as error:
            problems.append(f"{path}: JSON {error}")
    elif content_type.startswith(("text/html", "image/svg", "application/xhtml")):
        # Calendar, CSV, sitemap, PDF: none of them is HTML a browser would run.
        problems.append(f"{path}: {content_type}")
    return problems


def test_every_page_renders_the_payload_inert(db, hostile, settings, tmp_path):
    """Each page as its own reader sees it, with an empty cache and media folder, in a
    savepoint of its own; the failure names every page that would run the payload."""
    problems = []
    for pattern in PAGES:
        settings.MEDIA_ROOT = tmp_path / pattern.key.replace("/", "_")
        hostile.store_files()
        cache.clear()
        role = reader_for(pattern.key)
        path = path_for(pattern, hostile)
        with transaction.atomic():
            client = client_as(hostile.sessions, role)
            try:
                problems += [f"{problem} (as {role})" for problem in page_problems(client, path)]
            except Exception as error:
                error.add_note(f"in GET {path} as {role}; before it: {problems}")
                raise
            transaction.set_rollback(True)
    assert not problems, "\n".join(problems)


PAGES_SHOWING_TEXT = [
    "public:plan",
    "public:activity",
    "public:district",
    "public:forums",
    "public:council",
    "public:annual_cycle",
    "members:council",
    "members:assignment",
    "members:focus_area_edit",
    "rounds:council",
    "admin:plans_plan_change",
    "admin:plans_plansection_change",
    "admin:plans_sectionfigure_change",
    "admin:plans_planattachment_change",
    "admin:forums_forum_change",
    "admin:councils_person_change",
    "admin:councils_council_change",
    "admin:councils_stafffunction_change",
    "admin:plans_statusupdate_change",
]


def test_plain_text_is_shown_escaped(db, hostile, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    patterns = {p.key: p for p in url_patterns()}
    unescaped = []
    for key in PAGES_SHOWING_TEXT:
        cache.clear()
        role = reader_for(key)
        path = path_for(patterns[key], hostile)
        with transaction.atomic():
            client = client_as(hostile.sessions, role)
            if ESCAPED not in client.get(path).text:
                unescaped.append(f"{key}: {path} as {role}")
            transaction.set_rollback(True)
    assert not unescaped, "pages without the escaped payload:\n" + "\n".join(unescaped)


def test_the_organisation_is_shown_escaped_on_the_district_and_plan_pages(db, hostile):
    """The kredsråd's description, a seat by function, the lokalråd+ and the staff function
    with its tasks (the district page live, the plan page from the snapshot)."""
    district = hostile.a.district
    for path in (
        reverse("public:district", kwargs={"district": district.slug}),
        reverse(
            "public:plan",
            kwargs={"district": district.slug, "period": hostile.a.plan.period_label},
        ),
    ):
        cache.clear()
        html = Client().get(path).text
        assert not active_content(html), path
        for shown in (f"{PAYLOAD} stab", f"{PAYLOAD} funktion", f"{PAYLOAD} netværk"):
            assert escape(shown) in html, (path, shown)
        assert f"<li>{escape(PAYLOAD)}</li>" in html, path


def test_plan_pdf_shows_the_organisation_as_text(db, hostile):
    text = pdf_text(render_plan_pdf(hostile.a.version))
    staff_functions = text.split("Sekretariatets stabsfunktioner", 1)[1]
    assert "<script>alert(1)</script>" in staff_functions


def test_the_police_unit_is_shown_escaped_on_the_plan_and_activity_pages(db, hostile):
    """The police unit is free text inside the one text that names an activity's actors."""
    district, plan = hostile.a.district, hostile.a.plan
    activity = Activity.objects.get(focus_area__plan=plan, police=True)
    kwargs = {"district": district.slug, "period": plan.period_label}
    for path in (
        reverse("public:plan", kwargs=kwargs),
        reverse("public:activity", kwargs={**kwargs, "activity_id": activity.pk}),
    ):
        cache.clear()
        html = Client().get(path).text
        assert not active_content(html), path
        assert escape(f"Politiet ({PAYLOAD[:100]})") in html, path


def test_plan_pdf_shows_the_police_unit_as_text(db, hostile):
    text = "".join(pdf_text(render_plan_pdf(hostile.a.version)).split())
    assert "Politiet(<script>alert(1)</script><imgsrc=x" in text


def assert_json_inert(value, key=None):
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            assert_json_inert(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            assert_json_inert(inner, key)
    elif isinstance(value, str) and key in RICH_TEXT_KEYS:
        lowered = value.lower()
        assert "<script" not in lowered and "onerror" not in lowered
        assert "javascript:" not in lowered


def test_json_export_is_json_not_html(client, db, hostile):
    pattern = next(p for p in url_patterns() if p.key == "public:version_json")
    response = client.get(path_for(pattern, hostile))
    assert response["Content-Type"].startswith("application/json")
    plan = response.json()["indhold"]["plan"]
    assert plan["title"] == PAYLOAD  # the plain text, as data for others to escape
    activities = [
        a for area in response.json()["indhold"]["focus_areas"] for a in area["activities"]
    ]
    by_police = next(a for a in activities if a["actors"]["police"])
    assert by_police["actors"]["police_unit"] == PAYLOAD[:100]
    assert by_police["actors_display"].startswith(f"Politiet ({PAYLOAD[:100]}), ")
    assert "<script" not in plan["foreword"]


def test_cover_lines_are_shown_escaped_on_the_plan_page(client, db, hostile):
    pattern = next(p for p in url_patterns() if p.key == "public:plan")
    cache.clear()
    page = client.get(path_for(pattern, hostile)).text
    assert f'<p class="plan-subtitle lead mb-1">{ESCAPED}' in page
    assert f'<p class="plan-issuer">Udgivet af {ESCAPED}' in page
    assert active_content(page) == []


def test_json_export_carries_the_cover_lines_as_plain_text(client, db, hostile):
    pattern = next(p for p in url_patterns() if p.key == "public:version_json")
    plan = client.get(path_for(pattern, hostile)).json()["indhold"]["plan"]
    assert (plan["subtitle"], plan["issuer"]) == (PAYLOAD, PAYLOAD)


def test_stored_rich_text_has_lost_the_dangerous_parts(db, hostile):
    plan = hostile.a.plan
    plan.refresh_from_db()
    for html in (plan.foreword, plan.shared_goals, hostile.a.section.body):
        lowered = html.lower()
        assert "<script" not in lowered
        assert "onerror" not in lowered
        assert "javascript:" not in lowered


def pdf_problems(content: bytes) -> list[str]:
    """JavaScript or javascript: links anywhere in a PDF."""
    reader = PdfReader(BytesIO(content))
    problems = []
    seen = set()

    def walk(obj, path):
        obj = obj.get_object() if hasattr(obj, "get_object") else obj
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key in ("/JavaScript", "/JS"):
                    problems.append(f"{path}{key}")
                if key == "/S" and value == "/JavaScript":
                    problems.append(f"{path}/S /JavaScript")
                if key == "/URI" and str(value).strip().lower().startswith("javascript:"):
                    problems.append(f"{path}/URI {value}")
                walk(value, f"{path}{key}")
        elif isinstance(obj, list):
            for index, value in enumerate(obj):
                walk(value, f"{path}[{index}]")

    walk(reader.trailer, "")
    return problems


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_plan_pdf_has_no_javascript_and_shows_the_text_as_text(db, hostile):
    content = render_plan_pdf(hostile.a.version)
    assert pdf_problems(content) == []
    assert "<script>alert(1)</script>" in pdf_text(content)
    assert "Udgivet af <script>alert(1)</script>" in pdf_text(content)  # the cover's issuer


def test_a_figures_alt_text_is_escaped_in_its_img_tag(client, db, hostile, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pattern = next(p for p in url_patterns() if p.key == "public:plan")
    html = client.get(path_for(pattern, hostile)).text
    assert f'alt="{ESCAPED}' in html
    assert f"<figcaption>{ESCAPED}" in html


def test_status_report_pdf_has_no_javascript_and_shows_the_text_as_text(db, hostile):
    content = render_status_report_pdf(build_status_report(hostile.a.reporting_round))
    assert pdf_problems(content) == []
    assert "<script>alert(1)</script>" in pdf_text(content)


def test_javascript_in_a_pdf_is_detected():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('x');"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = BytesIO()
    writer.write(out)
    assert pdf_problems(out.getvalue())


def test_payload_in_html_is_detected():
    assert active_content(PAYLOAD)
    assert active_content('<a href=" JaVaScRiPt:alert(1)">x</a>')
    assert active_content(ESCAPED) == []
