"""Fixtures for the plan workspace: a draft with an outline of chapters, a sub-section, a
group placed in a chapter and a focus area, and the district's secretariat."""

import pytest

from councils.models import SecretariatStaff
from plans.models import FocusArea, Plan, PlanSection
from tests.groups import group_for


@pytest.fixture
def secretariat(make_user, district):
    user = make_user("sekretariat", staff=True)
    SecretariatStaff.objects.create(user=user, district=district)
    return user


@pytest.fixture
def draft(district, make_plan):
    """Chapters "Indledning" (with the sub-section "Kredsrådet") and "Kriminalitet" (holding
    the group with "Trygt nærmiljø"), then "Årshjulet"."""
    plan = make_plan(district, start=2025, end=2026, status=Plan.Status.DRAFT, activities=2)
    intro = PlanSection.objects.create(
        plan=plan, title="Indledning", body="<p>Om planen</p>", order=1
    )
    PlanSection.objects.create(
        plan=plan, parent=intro, title="Kredsrådet", body="<p>Rådet</p>", order=1
    )
    crime = PlanSection.objects.create(plan=plan, title="Kriminalitet", order=2)
    group = group_for(plan, "district")
    group.section = crime
    group.save()
    PlanSection.objects.create(plan=plan, title="Årshjulet", order=3)
    return plan


@pytest.fixture
def section(draft):
    return draft.sections.get(title="Indledning")


@pytest.fixture
def area(draft):
    return FocusArea.objects.get(plan=draft)


@pytest.fixture
def signed_in(client, secretariat):
    client.force_login(secretariat)
    return client
