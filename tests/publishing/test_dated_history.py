"""A plan entered with its history: approved, published and revised years ago, each step dated
on the admin's confirmation pages as the secretariat does it. The dates, the kredsråd's
treatment and the cover lines must show on the plan page, the version list, the district page,
the JSON export and in the PDF. (The pages of the history entered once per module are read in
test_dated_history_pages.py.)"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from councils.models import PoliceDistrict
from councils.roles import make_secretariat_staff
from plans.models import Activity, FocusArea, Plan, PlanSection, PlanVersion
from plans.pdf import render_plan_pdf
from plans.snapshot import build_snapshot
from tests.admin.html_forms import admin_form, single
from tests.groups import group_for
from tests.pdf.pdftext import page_texts, squash
from tests.publishing.history import (
    FIRST,
    ISSUER,
    MEETING,
    REVISED,
    SECOND_REVISION,
    SUBTITLE,
    TAGLINE,
    approve,
    edit_section,
    no_plan_writes,
    public_url,
    publish,
    set_cover,
    url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    """The public pages are cached until a change commits, which a test never does."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


# --- The confirmation pages -----------------------------------------------------------------


def test_publish_page_offers_todays_date_by_default(secretary_client, draft, today):
    approve(secretary_client, draft)
    response = secretary_client.get(url("publish", draft))
    assert 'name="published_on"' in response.text
    assert f'value="{today.isoformat()}"' in response.text
    assert f'max="{today.isoformat()}"' in response.text


def test_a_future_publication_date_is_refused_next_to_the_field_and_changes_nothing(
    secretary_client, draft, today
):
    approve(secretary_client, draft)
    tomorrow = today + datetime.timedelta(days=1)
    with no_plan_writes() as writes:
        response = secretary_client.post(
            url("publish", draft),
            {"version_number": 1, "published_on": tomorrow, "effective_date": today},
        )
    assert response.status_code == 200
    field = response.text.split('field-published_on">', 1)[1].split('<div class="form-row', 1)[0]
    assert "Datoen kan ikke ligge i fremtiden." in field
    assert f'value="{tomorrow.isoformat()}"' in field
    assert writes == []
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED
    assert not draft.versions.exists()


def test_version_one_cannot_be_dated_before_the_kredsraads_meeting(secretary_client, draft):
    approve(secretary_client, draft)
    response = secretary_client.post(
        url("publish", draft),
        {"version_number": 1, "published_on": MEETING - datetime.timedelta(days=1)},
    )
    assert "Planen kan ikke offentliggøres før kredsrådets møde." in response.text
    assert not draft.versions.exists()


def test_a_draft_may_be_published_without_recording_the_kredsraads_treatment(
    secretary_client, draft
):
    response = secretary_client.get(url("publish", draft))
    assert "Kredsrådets behandling af planen er ikke registreret" in response.text
    publish(secretary_client, draft, FIRST, number=1)
    draft.refresh_from_db()
    assert (draft.status, draft.council_treatment) == (Plan.Status.PUBLISHED, "")


def test_a_future_meeting_date_is_refused_and_changes_nothing(secretary_client, draft, today):
    future = today + datetime.timedelta(days=3)
    with no_plan_writes() as writes:
        response = secretary_client.post(
            url("approve", draft), {"council_treatment": "discussed", "meeting_date": future}
        )
    assert response.status_code == 200
    assert "Mødedatoen kan ikke ligge i fremtiden." in response.text
    assert f'value="{future.isoformat()}"' in response.text
    assert writes == []
    draft.refresh_from_db()
    assert (draft.status, draft.council_treatment) == (Plan.Status.DRAFT, "")


# --- The admin's change form ----------------------------------------------------------------


def test_admin_refuses_a_future_meeting_date_next_to_the_field(secretary_client, draft, today):
    change = reverse("admin:plans_plan_change", args=[draft.pk])
    data = single(
        admin_form(secretary_client.get(change)),
        council_treatment="approved",
        approval_meeting_date=(today + datetime.timedelta(days=1)).strftime("%d.%m.%Y"),
    )
    response = secretary_client.post(change, data)
    assert response.status_code == 200
    row = response.text.split("field-approval_meeting_date", 1)[1].split('class="form-row', 1)[0]
    assert "Mødedatoen kan ikke ligge i fremtiden." in row
    draft.refresh_from_db()
    assert (draft.council_treatment, draft.approval_meeting_date) == ("", None)


def test_admin_refuses_a_meeting_date_without_the_treatment(secretary_client, draft):
    change = reverse("admin:plans_plan_change", args=[draft.pk])
    data = single(admin_form(secretary_client.get(change)), approval_meeting_date="08.12.2022")
    response = secretary_client.post(change, data)
    assert response.status_code == 200
    assert "Angiv, om kredsrådet godkendte eller drøftede planen på mødet." in response.text
    assert "plan_meeting_date_needs_treatment" not in response.text


def test_admin_saves_the_cover_lines_and_the_treatment(secretary_client, draft):
    set_cover(
        secretary_client,
        draft,
        subtitle=SUBTITLE,
        issuer=ISSUER,
        council_treatment="discussed",
        approval_meeting_date="",
    )
    draft.refresh_from_db()
    assert (draft.subtitle, draft.issuer, draft.council_treatment) == (
        SUBTITLE,
        ISSUER,
        "discussed",
    )


# --- What citizens read ---------------------------------------------------------------------


def test_plan_page_shows_a_discussion_without_a_date(client, secretary_client, draft):
    approve(secretary_client, draft, treatment="discussed", meeting_date=None)
    publish(secretary_client, draft, FIRST, number=1)
    page = client.get(public_url("plan", draft)).text
    assert "Drøftet i kredsrådet." in page
    assert "Godkendt af kredsrådet" not in page


def test_an_old_snapshot_still_shows_its_approval(client, district, make_plan):
    """Versions frozen before the treatment existed knew only approval, always dated."""
    plan = make_plan(district, start=2019, end=2020, status=Plan.Status.PUBLISHED)
    snapshot = build_snapshot(plan)
    for key in ("council_treatment", "subtitle", "issuer"):
        del snapshot["plan"][key]
    snapshot["plan"]["approval_meeting_date"] = "2018-12-06"
    PlanVersion.objects.create(plan=plan, number=1, published_on=FIRST, snapshot=snapshot)
    page = client.get(public_url("plan", plan)).text
    assert "Godkendt af kredsrådet den 6. december 2018." in page


# --- The data migration ---------------------------------------------------------------------


def test_migration_marks_plans_approved_before_as_approved(district, make_plan):
    migration = importlib.import_module("plans.migrations.0008_dated_history_approval_and_cover")
    published = make_plan(district, start=2019, end=2020, status=Plan.Status.PUBLISHED)
    approved = make_plan(district, start=2021, end=2022, status=Plan.Status.APPROVED)
    draft = make_plan(district, start=2023, end=2024)
    migration.approvals_were_approvals(apps, None)
    treatments = dict(Plan.objects.values_list("pk", "council_treatment"))
    assert treatments == {published.pk: "approved", approved.pk: "approved", draft.pk: ""}


# --- The PDF ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def history_pdfs(django_db_setup, django_db_blocker):
    """The PDFs of a plan entered with its history through the admin (versions 1 and 3), once
    for the module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        from django.contrib.auth import get_user_model

        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        user = get_user_model().objects.create_user("pdf-sekretariat", is_staff=True)
        make_secretariat_staff(user=user, district=district)
        plan = Plan.objects.create(
            district=district, period_start=2023, period_end=2026, foreword="<p>Forord</p>"
        )
        PlanSection.objects.create(plan=plan, title="Organisering", body="<p>Tre.</p>", order=1)
        PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Fire.</p>", order=2)
        area = FocusArea.objects.create(
            plan=plan, group=group_for(plan), title="Trygt nærmiljø", order=1
        )
        Activity.objects.create(focus_area=area, text="Borgermøder", all_local_councils=True)
        client = Client()
        client.force_login(user)
        approve(client, plan)
        publish(client, plan, FIRST, number=1, effective_date=datetime.date(2023, 1, 1))
        set_cover(client, plan, subtitle=SUBTITLE, issuer=ISSUER)
        cycle = edit_section(plan, "Årshjul", "<p>Fem møder om året.</p>")
        publish(client, plan, REVISED, number=2, sections=[cycle.pk])
        organisation = edit_section(plan, "Organisering", "<p>Fire niveauer.</p>")
        publish(client, plan, SECOND_REVISION, number=3, sections=[organisation.pk])
        pdfs = {
            number: "\n".join(page_texts(render_plan_pdf(plan.versions.get(number=number))))
            for number in (1, 3)
        }
        transaction.set_rollback(True)
    return pdfs


def test_pdf_footnotes_carry_the_date_of_the_revision_that_changed_the_section(history_pdfs):
    text = squash(history_pdfs[3])
    # Each revised section carries a footnote mark; the notes follow at the page foot.
    assert squash("Organisering1 Fire niveauer. Årshjul2 Fem møder om året.") in text
    assert squash("1. Afsnittet er revideret den 3. marts 2025.") in text
    assert squash("2. Afsnittet er revideret den 10. oktober 2024.") in text


def test_pdf_cover_shows_the_revision_date_and_the_approval_line(history_pdfs):
    cover = squash(history_pdfs[3].split("Indhold", 1)[0])
    assert squash("Revideret den 3. marts 2025") in cover
    assert squash("offentliggjort den 3. marts 2025") in cover
    assert squash("Godkendt af kredsrådet den 8. december 2022") in cover


def test_pdf_cover_shows_subtitle_and_issuer_instead_of_the_tagline(history_pdfs):
    cover = squash(history_pdfs[3].split("Indhold", 1)[0])
    assert squash(SUBTITLE) in cover
    assert squash(f"Udgivet af {ISSUER}") in cover
    assert squash(TAGLINE) not in cover


def test_pdf_cover_keeps_the_tagline_without_cover_lines(history_pdfs):
    cover = squash(history_pdfs[1].split("Indhold", 1)[0])
    assert squash(TAGLINE) in cover
    assert "Udgivetaf" not in cover
    assert squash("offentliggjort den 5. januar 2023") in cover
