import datetime

import pytest

from councils.roles import make_secretariat_staff
from plans.models import PlanSection
from plans.publishing import approve_plan, publish_plan


@pytest.fixture
def secretary(make_user, district):
    """A secretariat staff user of the plan's district, in the Sekretariat group."""
    user = make_user("sekretariat", staff=True)
    make_secretariat_staff(user=user, district=district)
    return user


@pytest.fixture
def other_secretary(make_user, other_district):
    """A secretariat staff user of another district."""
    user = make_user("fyn", staff=True)
    make_secretariat_staff(user=user, district=other_district)
    return user


@pytest.fixture
def meeting_date(today):
    return today - datetime.timedelta(days=7)


@pytest.fixture
def draft(district, make_plan):
    plan = make_plan(district, start=2023, end=2026)
    PlanSection.objects.create(plan=plan, title="Organisering", body="<p>Tre niveauer</p>", order=1)
    PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Fire møder</p>", order=2)
    return plan


@pytest.fixture
def approved(draft, secretary, meeting_date):
    return approve_plan(plan=draft, meeting_date=meeting_date, user=secretary)


@pytest.fixture
def published(approved, secretary, today):
    publish_plan(plan=approved, effective_date=today, user=secretary)
    approved.refresh_from_db()
    return approved
