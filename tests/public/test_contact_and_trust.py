"""Contact and trust: the district page names the secretariat's contact and the date of the
latest publication, browsers find an icon, and dates read the same way everywhere."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from base.text import danish_date
from plans.models import Plan, WorkflowEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def district_page(client, district) -> str:
    response = client.get(reverse("public:district", kwargs={"district": district.slug}))
    assert response.status_code == 200
    return response.content.decode()


def contact_section(html: str) -> str:
    return html.split('<h2 id="kontakt-titel">', 1)[1].split("</section>", 1)[0]


def test_district_page_names_the_secretariats_contact(client, published, district):
    published.contact_name = "Kriminalpræventivt sekretariat"
    published.contact_email = "kp.syd@politi.example"
    published.contact_phone = "72 58 14 48"
    published.save()
    html = contact_section(district_page(client, district))
    assert f"besvares af Kriminalpræventivt sekretariat, {district.name}:" in html
    assert '<a href="mailto:kp.syd@politi.example">kp.syd@politi.example</a>' in html
    assert '<a href="tel:72581448">72 58 14 48</a>' in html


def test_a_changed_contact_shows_at_once_without_a_new_version(
    client, published, district, django_capture_on_commit_callbacks
):
    published.contact_email = "foer@politi.example"
    with django_capture_on_commit_callbacks(execute=True):
        published.save()
    assert "foer@politi.example" in district_page(client, district)
    published.contact_email = "nu@politi.example"
    with django_capture_on_commit_callbacks(execute=True):
        published.save()
    html = district_page(client, district)
    assert "nu@politi.example" in html and "foer@politi.example" not in html
    assert published.versions.count() == 1


def test_district_page_without_a_contact_says_so_and_points_to_114(client, published, district):
    html = contact_section(district_page(client, district))
    assert "Sekretariatet har endnu ikke oplyst en kontakt her." in html
    assert "mailto:" not in html
    assert "ring 114" in html


def test_district_page_dates_the_latest_publication(client, published, publish, district):
    version = publish(published)
    html = district_page(client, district)
    shown = danish_date(version.published_on)
    assert re.search(r"\d{1,2}\. [a-zæøå]+ \d{4}", shown)
    assert (
        f'senest offentliggjort <time datetime="{version.published_on:%Y-%m-%d}">{shown}</time>'
        f" (version {version.number})"
    ) in html


def test_a_phone_number_must_be_digits(published):
    published.contact_phone = "ring efter kl. 9"
    with pytest.raises(ValidationError) as refused:
        published.full_clean()
    assert "Skriv telefonnummeret med cifre" in str(refused.value)
    published.contact_phone = "+45 72 58 14 48"
    published.contact_email = "kp.syd@politi.example"
    published.full_clean()


def test_browsers_automatic_favicon_request_gets_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert "max-age" in response["Cache-Control"]


def test_pages_link_the_icons(client, published, district):
    html = district_page(client, district)
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png"):
        assert re.search(rf'<link rel="(icon|apple-touch-icon)" href="[^"]*{name}"', html)
        assert (Path(settings.BASE_DIR) / "static" / name).is_file()


# The date formats the templates may use: the portal's "2. januar 2017" (with the time or the
# weekday), and ISO dates for machines (a <time datetime>).
DATE_FORMATS = {"j. F Y", r"j. F Y \k\l. H.i", r"l \d\e\n j. F Y", "Y-m-d"}


def test_templates_and_the_pdf_write_dates_one_way():
    templates = Path(settings.BASE_DIR) / "templates"
    used = {
        (path.relative_to(templates).as_posix(), form)
        for path in templates.rglob("*.html")
        for form in re.findall(r'\|date(?::"([^"]*)")?', path.read_text())
    }
    assert used, "no dates found: the pattern is wrong"
    assert {(path, form) for path, form in used if form not in DATE_FORMATS} == set()


def test_workflow_event_and_reminder_command_write_danish_dates(published, capsys):
    event = WorkflowEvent(
        plan=published,
        step=WorkflowEvent.objects.filter(plan=published).first().step,
        at=timezone.make_aware(datetime.datetime(2017, 1, 2, 10, 0)),
    )
    assert str(event).endswith(" 2. januar 2017")
    call_command("send_round_reminders", days=0)
    assert f"med frist {danish_date(timezone.localdate())}." in capsys.readouterr().out


def test_plan_admin_offers_the_contact_fields(admin_client, published):
    response = admin_client.get(reverse("admin:plans_plan_change", args=[published.pk]))
    html = response.content.decode()
    assert "Kontakt for borgerne" in html
    for name in ("contact_name", "contact_email", "contact_phone"):
        assert f'name="{name}"' in html
    assert Plan._meta.get_field("contact_email").blank
