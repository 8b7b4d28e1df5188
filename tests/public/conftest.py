"""Fixtures for the public site: a published plan with everything a citizen can see, and
helpers to publish and revise the way the secretariat does (`report`, for status, is in
tests/conftest.py)."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from councils.models import Membership, Person
from councils.roles import make_secretariat_staff
from forums.models import Forum
from plans.models import Activity, AnnualCycleEntry, FocusArea, Plan, PlanSection
from plans.publishing import approve_plan, publish_plan
from plans.services import sync_assignments
from tests.groups import group_for
from tests.pdf.conftest import tiny_plan_pdf

INTERNAL_NOTE = "Intern note: borgmesteren er utilfreds"
CONTACT_EMAIL = "kontakt.person@politi.dk"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def tiny_plan_pdfs(monkeypatch):
    """Publishing renders the version's PDF (the task runs when the change commits); these
    tests read the pages, never the PDF, so the render makes a one-page PDF naming the version
    instead of laying out the plan (tests/pdf reads the real one)."""
    monkeypatch.setattr("plans.pdf.render_plan_pdf", tiny_plan_pdf)


@pytest.fixture
def secretary(make_user, district):
    user = make_user("sekretariat", staff=True)
    make_secretariat_staff(user=user, district=district)
    return user


@pytest.fixture
def publish(secretary, today, django_capture_on_commit_callbacks):
    """Publish a draft (approving it first) or revise a published plan, and commit (the cached
    pages are made stale when a change commits)."""

    def publish(plan, *, note="", sections=(), focus_areas=()):
        with django_capture_on_commit_callbacks(execute=True):
            if plan.status == Plan.Status.DRAFT:
                approve_plan(plan=plan, meeting_date=today, user=secretary)
            version = publish_plan(
                plan=plan,
                effective_date=today,
                user=secretary,
                revision_note=note or ("Revideret" if plan.status == Plan.Status.PUBLISHED else ""),
                changed_sections=sections,
                changed_focus_areas=focus_areas,
            )
        plan.refresh_from_db()
        return version

    return publish


@pytest.fixture
def content(district, make_plan, esbjerg):
    """A draft with sections, a district-wide and a local focus area, forums and an annual cycle,
    plus a kredsråd member with contact data that must never be shown."""
    plan = make_plan(district, start=2023, end=2026, activities=3)
    plan.shared_goals = "<ul><li>Færre indbrud</li></ul>"
    plan.signatory_name = "Anne Politidirektør"
    plan.save()
    PlanSection.objects.create(
        plan=plan, title="Organisering", body="<p>Tre niveauer.</p><h4>Kredsråd</h4>", order=1
    )
    PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Fire møder.</p>", order=2)
    FocusArea.objects.filter(plan=plan).update(
        background="<p>Indbruddene i kredsen er faldet.</p>", ambition="Vi vil skabe tryghed."
    )
    local = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "local"), title="Unge i nattelivet", order=2
    )
    local.councils.set([esbjerg])
    activity = Activity.objects.create(
        focus_area=local,
        text="Natteravne i weekenden",
        order=1,
    )
    activity.responsible_councils.set([esbjerg])
    sync_assignments(activity=activity)
    Forum.objects.create(
        district=district,
        name="SSP Esbjerg",
        slug="ssp-esbjerg",
        kind=Forum.Kind.SSP,
        topic="Forebyggelse blandt unge",
        legal_basis="Retsplejelovens § 115",
        participants="Skole, socialforvaltning og politi",
        meetings_text="mindst 4",
    )
    AnnualCycleEntry.objects.create(plan=plan, title="Borgmestermøde", quarter=1, order=1)
    AnnualCycleEntry.objects.create(
        plan=plan, title="Temadag", kind=AnnualCycleEntry.Kind.THEME, month=8, order=2
    )
    AnnualCycleEntry.objects.create(
        plan=plan, title="Statusrapport", kind=AnnualCycleEntry.Kind.REPORT, month=12, order=3
    )
    kredsraad = district.district_council
    person = Person.objects.create(
        name="Bo Borgmester", title="borgmester", email=CONTACT_EMAIL, organisation="Esbjerg"
    )
    Membership.objects.create(
        person=person,
        council=kredsraad,
        role=Membership.Role.VICE_CHAIR,
        organisation="Esbjerg Kommune",
    )
    return plan


@pytest.fixture
def published(content, publish):
    publish(content)
    return content


def plan_url(plan, name="public:plan", **kwargs):
    return reverse(
        name, kwargs={"district": plan.district.slug, "period": plan.period_label, **kwargs}
    )


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))
