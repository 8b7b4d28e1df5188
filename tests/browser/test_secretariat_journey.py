"""Journey 1, the secretariat: sign in to the admin with password and authenticator code, build a
plan from nothing, approve it, publish it, read it as a citizen and download its PDF.

Runs with the staff second factor switched on (REQUIRE_STAFF_OTP, as in production), although
the test settings have DEBUG on, where it would default to off.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from councils import roles
from councils.models import Municipality, PoliceDistrict
from plans.models import Activity, Plan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "sekretariat-nord"
PASSWORD = "Kronborg-Kyst-2026"
DISTRICT = "nordsjaellands-politi"
FIRST_AREA = "Tryghed i nattelivet"
SECOND_AREA = "Færre indbrud i private hjem"
FOREWORD = "Politiet og kommunerne i Nordsjælland arbejder sammen om et trygt lokalsamfund."
ACTIVITIES = [
    # (focus area, text, actors ticked, police unit, kommuner)
    (FIRST_AREA, "Fælles nattevandring i weekenderne", ["all_local_councils"], "", []),
    (FIRST_AREA, "Temamøde om nattelivet for kredsrådet", ["district_council"], "", []),
    (
        SECOND_AREA,
        "Kampagne om nabohjælp og sikring af boligen",
        ["police"],
        "Forebyggelsesafdelingen",
        ["Helsingør"],
    ),
]
POLICE_ACTORS = "Politiet (Forebyggelsesafdelingen) og Helsingør Kommune"


@pytest.fixture
def secretariat_user(settings):
    """Staff of Nordsjællands Politi's secretariat with a confirmed authenticator app."""
    settings.REQUIRE_STAFF_OTP = True
    user = get_user_model().objects.create_user(
        USERNAME, password=PASSWORD, first_name="Sofie", last_name="Holm"
    )
    roles.make_secretariat_staff(user=user, district=PoliceDistrict.objects.get(slug=DISTRICT))
    TOTPDevice.objects.create(user=user, name="Godkendelsesapp", confirmed=True)
    return user


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def type_rich_text(page, label: str, text: str):
    """Type into the prose editor (ProseMirror) labelled `label`, as a person would."""
    editor = page.get_by_role("textbox", name=label, exact=True)
    editor.click()
    page.keyboard.type(text)


def sign_in(page, axe, user):
    page.goto("/admin/")
    axe(page)
    page.get_by_label("Brugernavn").fill(USERNAME)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", name="Bekræft med kode")).to_be_visible()
    axe(page)
    page.get_by_label("Kode fra godkendelsesappen").fill(current_code(user))
    page.get_by_role("button", name="Bekræft").click()
    expect(page).to_have_url("/admin/")
    axe(page)


def create_plan(page, axe):
    """The plan's front matter and its two focus areas, on the plan's add page."""
    page.locator("tr.model-plan").get_by_role("link", name="Samarbejdsplaner").click()
    axe(page)
    page.get_by_role("link", name="Tilføj samarbejdsplan").click()
    axe(page)
    expect(page.get_by_label("Politikreds")).to_have_value(
        str(PoliceDistrict.objects.get(slug=DISTRICT).pk)
    )
    page.locator("#id_title").fill("Samarbejdsplan")
    page.get_by_label("Periode fra år").fill("2026")
    page.get_by_label("Periode til år").fill("2027")
    type_rich_text(page, "Forord:", FOREWORD)
    type_rich_text(page, "Fælles mål:", "Borgerne skal føle sig trygge, hvor de bor.")
    page.get_by_label("Underskriver:").fill("Anders Bang")

    areas = page.locator("#focus_areas-group")
    page.get_by_role("button", name="Tilføj endnu en Indsatsområde").click()
    for index, (title, background) in enumerate(
        [
            (FIRST_AREA, "Mange unge samles i byernes nattelivsområder i weekenden."),
            (SECOND_AREA, "Indbrud rammer trygheden hårdt, også hos naboerne."),
        ]
    ):
        area = areas.locator(f"#focus_areas-{index}")
        area.locator(f"[name='focus_areas-{index}-title']").fill(title)
        area.get_by_role("textbox", name="Baggrund:").click()
        page.keyboard.type(background)
        area.locator(f"[name='focus_areas-{index}-ambition']").fill(
            "Vi vil styrke trygheden ved at arbejde sammen på tværs."
        )
    axe(page)
    page.get_by_role("button", name="Gem og fortsæt med at redigere").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    axe(page)


def add_activities(page, axe, area_title: str):
    """Open the focus area's own page from the plan and add its activities there."""
    rows = [row[1:] for row in ACTIVITIES if row[0] == area_title]
    page.locator(".inline-related", has_text=f"Indsatsområde: {area_title}").get_by_role(
        "link", name="0 aktiviteter"
    ).click()
    expect(page.get_by_role("heading", name=area_title)).to_be_visible()
    axe(page)
    for index, (text, actors, unit, kommuner) in enumerate(rows):
        if index > 0:
            page.get_by_role("button", name="Tilføj endnu en Aktivitet").click()
        page.locator(f"[name='activities-{index}-text']").fill(text)
        for actor in actors:
            page.locator(f"[name='activities-{index}-{actor}']").check()
        if unit:
            page.locator(f"[name='activities-{index}-police_unit']").fill(unit)
        for name in kommuner:
            pk = Municipality.objects.get(name=name).pk
            page.locator(f"[name='activities-{index}-municipalities'][value='{pk}']").check()
        page.locator(f"[name='activities-{index}-timing']").fill("2026-27")
    axe(page)
    page.get_by_role("button", name="Gem og fortsæt med at redigere").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Samarbejdsplan 2026-2027").first.click()
    axe(page)


def run_action(page, axe, action_label: str):
    """Pick the plan in the change list and start a publishing action on it."""
    page.locator(".breadcrumbs").get_by_role("link", name="Samarbejdsplaner").last.click()
    axe(page)
    row = page.locator("#result_list tbody tr", has_text="2026-2027")
    row.get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label=action_label)
    page.get_by_role("button", name="Kør").click()
    axe(page)


def approve_and_publish(page, axe):
    run_action(page, axe, "Godkendt eller drøftet i kredsrådet …")
    expect(page.get_by_role("heading", name="Kredsrådets behandling af planen")).to_be_visible()
    expect(page.get_by_label("Godkendt af kredsrådet")).to_be_checked()
    page.get_by_label("Dato for kredsrådets møde").fill("2026-03-12")
    page.get_by_role("button", name="Registrér kredsrådets behandling").click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "godkendt af kredsrådet den 12. marts 2026"
    )
    axe(page)

    run_action(page, axe, "Offentliggør eller revidér …")
    expect(page.get_by_role("heading", name="Offentliggør plan")).to_be_visible()
    expect(page.get_by_text("2 indsatsområder og 3 aktiviteter")).to_be_visible()
    page.get_by_role("button", name="Offentliggør planen").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Version 1")
    axe(page)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def test_secretariat_builds_approves_and_publishes_a_plan_that_citizens_can_read_and_download(
    page, axe, screenshot, secretariat_user
):
    sign_in(page, axe, secretariat_user)
    create_plan(page, axe)
    add_activities(page, axe, FIRST_AREA)
    add_activities(page, axe, SECOND_AREA)
    approve_and_publish(page, axe)

    plan = Plan.objects.get(district__slug=DISTRICT, period_start=2026)
    assert plan.status == Plan.Status.PUBLISHED
    assert plan.approval_meeting_date == datetime.date(2026, 3, 12)
    all_local = Activity.objects.get(focus_area__plan=plan, all_local_councils=True)
    assert all_local.assignments.count() == plan.district.councils.filter(kind="local").count()
    assert plan.versions.get().pdf, "the PDF is rendered when the plan is published"

    page.get_by_role("link", name="Se på website").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samarbejdsplan 2026-2027")
    expect(page.locator(".plan-meta")).to_contain_text("Godkendt af kredsrådet den 12. marts 2026.")
    for text in (FOREWORD, FIRST_AREA, SECOND_AREA, POLICE_ACTORS, *(a[1] for a in ACTIVITIES)):
        expect(page.get_by_text(text, exact=True).first).to_be_visible()
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent planen som PDF").click()
    content = download_info.value.path().read_bytes()
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert FIRST_AREA in text
    assert SECOND_AREA in text
    screenshot(page, "1-sekretariat-offentlig-plan")
