"""Fixtures for the public site: a published plan with everything a citizen can see, and
helpers to publish and revise the way the secretariat does (`report`, for status, is in
tests/conftest.py)."""

import contextlib
import datetime
import functools
import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from councils.models import Council, Membership, Person, PoliceDistrict
from councils.roles import make_secretariat_staff
from forums.models import Forum
from plans.models import Activity, AnnualCycleEntry, FocusArea, Plan, PlanSection
from plans.publishing import approve_plan, publish_plan
from plans.services import sync_assignments
from tests.conftest import create_plan, create_user
from tests.groups import group_for
from tests.pdf.conftest import tiny_plan_pdf

INTERNAL_NOTE = "Intern note: borgmesteren er utilfreds"
CONTACT_EMAIL = "kontakt.person@politi.dk"
DISTRICT = "syd-og-soenderjyllands-politi"


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


def create_secretary():
    user = create_user("sekretariat", staff=True)
    make_secretariat_staff(user=user, district=PoliceDistrict.objects.get(slug=DISTRICT))
    return user


def publish_as(secretary, plan, *, note="", sections=(), focus_areas=()):
    """Publish a draft (approving it first) or revise a published plan, and commit (the cached
    pages are made stale when a change commits)."""
    today = datetime.date.today()
    with TestCase.captureOnCommitCallbacks(execute=True):
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


def build_content():
    """A draft with sections, a district-wide and a local focus area, forums and an annual cycle,
    plus a kredsråd member with contact data that must never be shown."""
    district = PoliceDistrict.objects.get(slug=DISTRICT)
    esbjerg = Council.objects.get(district=district, slug="esbjerg")
    plan = create_plan(district, start=2023, end=2026, activities=3)
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


@contextlib.contextmanager
def building(django_db_blocker):
    """What a module fixture needs to build: the database, and the tiny PDFs of `tiny_plan_pdfs`
    (a function fixture) when it publishes."""
    with django_db_blocker.unblock(), mock.patch("plans.pdf.render_plan_pdf", tiny_plan_pdf):
        yield


def built_once(django_db_blocker, *, publish):
    """`content` and its `secretary` in a transaction for the module, `publish`ed or not."""
    with django_db_blocker.unblock(), transaction.atomic():
        with building(django_db_blocker):
            secretary = create_secretary()
            plan = build_content()
            if publish:
                publish_as(secretary, plan)
        yield SimpleNamespace(plan_pk=plan.pk, secretary_pk=secretary.pk, published=publish)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def published_once(django_db_setup, django_db_blocker):
    """`published` and its `secretary`, built once for the module. A module whose tests only
    read the plan, or change it inside their own savepoint, takes it with
    `pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]`: every
    test of the module then runs in a savepoint inside this transaction, and `published` and
    `secretary` hand out fresh instances of its rows. The draft (`content`) is not to be had
    there."""
    yield from built_once(django_db_blocker, publish=True)


@pytest.fixture(scope="module")
def content_once(django_db_setup, django_db_blocker):
    """The same for the draft: `content` and `secretary` hand out its rows, and `published`
    publishes it inside the test's own savepoint."""
    yield from built_once(django_db_blocker, publish=False)


def module_data(request):
    """The module's `published_once` or `content_once`, if it takes one."""
    for name in ("published_once", "content_once"):
        if name in request.fixturenames:
            return request.getfixturevalue(name)
    return None


@pytest.fixture
def secretary(request, db):
    if once := module_data(request):
        return get_user_model().objects.get(pk=once.secretary_pk)
    return create_secretary()


@pytest.fixture
def publish(secretary):
    """`publish(plan, note=..., sections=..., focus_areas=...)`: `publish_as` the secretary."""
    return functools.partial(publish_as, secretary)


@pytest.fixture
def content(request, db):
    if once := module_data(request):
        if once.published:
            pytest.fail("This module publishes the plan once (published_once): no draft here.")
        return Plan.objects.get(pk=once.plan_pk)
    return build_content()


@pytest.fixture
def published(request, db):
    once = module_data(request)
    if once and once.published:
        return Plan.objects.get(pk=once.plan_pk)
    plan = request.getfixturevalue("content")
    request.getfixturevalue("publish")(plan)
    return plan


def plan_url(plan, name="public:plan", **kwargs):
    return reverse(
        name, kwargs={"district": plan.district.slug, "period": plan.period_label, **kwargs}
    )


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))
