"""The history of a plan entered through the admin (cover lines, approval in December 2022,
version 1 in January 2023, revisions in October 2024 and March 2025), entered once per module:
the dates, the kredsråd's treatment and the cover lines on the versions, the plan page, the
version list, the district page and the JSON export. Every test reads it, or changes it inside
its own savepoint."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from councils.models import PoliceDistrict
from councils.roles import make_secretariat_staff
from plans.models import Plan, PlanSection, WorkflowEvent
from tests.conftest import create_plan, create_user
from tests.publishing.history import (
    FIRST,
    ISSUER,
    REVISED,
    SECOND_REVISION,
    SUBTITLE,
    edit_section,
    enter_history,
    public_url,
    url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("history_once")]


@pytest.fixture(scope="module")
def history_once(django_db_setup, django_db_blocker):
    """The `draft` of tests/publishing/conftest.py and its `secretary`, the history entered by
    the secretary through the admin; once for the module, rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        secretary = create_user("sekretariat", staff=True)
        make_secretariat_staff(user=secretary, district=district)
        plan = create_plan(district, start=2023, end=2026)
        PlanSection.objects.create(
            plan=plan, title="Organisering", body="<p>Tre niveauer</p>", order=1
        )
        PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Fire møder</p>", order=2)
        client = Client()
        client.force_login(secretary)
        enter_history(client, plan)
        cache.clear()
        yield SimpleNamespace(plan_pk=plan.pk, secretary_pk=secretary.pk)
        transaction.set_rollback(True)


@pytest.fixture
def secretary(history_once):
    return get_user_model().objects.get(pk=history_once.secretary_pk)


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def history(history_once):
    return Plan.objects.get(pk=history_once.plan_pk)


# --- The versions -----------------------------------------------------------------------------


def test_publishing_with_a_past_date_dates_version_one(history):
    version = history.versions.get(number=1)
    assert version.published_on == FIRST
    event = history.workflow_events.get(step=WorkflowEvent.Step.PUBLISHED)
    assert "dateret 5. januar 2023" in event.note


def test_a_revision_carries_its_own_date(history):
    dates = dict(history.versions.values_list("number", "published_on"))
    assert dates == {1: FIRST, 2: REVISED, 3: SECOND_REVISION}


def test_a_revision_dated_before_the_version_it_revises_is_refused(secretary_client, history):
    edit_section(history, "Årshjul", "<p>Seks møder.</p>")
    response = secretary_client.post(
        url("publish", history),
        {
            "version_number": 4,
            "published_on": SECOND_REVISION - datetime.timedelta(days=1),
            "effective_date": SECOND_REVISION,
            "revision_note": "For tidligt.",
        },
    )
    assert response.status_code == 200
    assert "En revision kan ikke dateres før version 3, som den reviderer." in response.text
    assert history.versions.count() == 3


# --- What citizens read ---------------------------------------------------------------------


def test_footnotes_carry_the_date_of_the_revision_that_changed_the_section(client, history):
    page = client.get(public_url("plan", history)).text
    cycle = page.split("Årshjul</h2>", 1)[1][:200]
    organisation = page.split("Organisering</h2>", 1)[1][:200]
    assert "Afsnittet er revideret den 10. oktober 2024." in cycle
    assert "Afsnittet er revideret den 3. marts 2025." in organisation


def test_plan_page_says_when_the_version_was_revised(client, history):
    page = client.get(public_url("plan", history)).text
    assert "Version 3, revideret 3. marts 2025." in page


def test_plan_page_shows_the_approval_line(client, history):
    page = client.get(public_url("plan", history)).text
    assert "Godkendt af kredsrådet den 8. december 2022." in page


def test_plan_page_shows_the_subtitle_and_issuer(client, history):
    page = client.get(public_url("plan", history)).text
    assert f'<p class="plan-subtitle lead mb-1">{SUBTITLE}</p>' in page
    assert f"Udgivet af {ISSUER}" in page


def test_version_list_shows_each_versions_own_date(client, history):
    page = client.get(public_url("versions", history)).text
    for day in ("5. januar 2023", "10. oktober 2024", "3. marts 2025"):
        assert f"Offentliggjort {day}." in page


def test_district_page_shows_the_latest_publication_date(client, history):
    page = client.get(reverse("public:district", kwargs={"district": history.district.slug}))
    assert "senest offentliggjort 3. marts 2025 (version 3)" in strip_tags(page.text)
    assert '<time datetime="2025-03-03">' in page.text


def test_json_export_has_the_versions_date_the_treatment_and_the_cover(client, history):
    data = client.get(public_url("version_json", history, number=2)).json()
    assert data["version"]["offentliggjort"] == "2024-10-10"
    plan = data["indhold"]["plan"]
    assert (plan["council_treatment"], plan["approval_meeting_date"]) == (
        "approved",
        "2022-12-08",
    )
    assert (plan["subtitle"], plan["issuer"]) == (SUBTITLE, ISSUER)
    assert "council_treatment" in data["dokumentation"]["felter"]["indhold.plan"]
