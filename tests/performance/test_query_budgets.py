"""Each heavy page runs a fixed number of queries: the same for a plan with 10 activities as for
one with 300, on data with history (an older plan, published revisions, closed rounds).

The data comes from `generate_national_data`'s generator, for two districts of different size,
once for the module (committed, and cleared again at the end). Every request starts from an empty
cache, so the budget is that of a page rendered from scratch.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import Council, PoliceDistrict
from demo import national_data
from plans.models import Activity, Plan, ReportingRound

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 11, 25)  # in the past, with the December round open
DISTRICT_OF_SIZE = {10: "syd-og-soenderjyllands-politi", 300: "fyns-politi"}

# The counts measured (SQLite and PostgreSQL alike), signed-in pages including the session and
# user lookups. A page that needs one more query for a good reason raises its budget here; a page
# whose count grows with the plan fails the second test whatever its budget.
BUDGETS = {
    "plan": 3,
    "activity": 3,
    # The organisation: councils, their kommuner, the kredsråd's seats and the staff functions.
    "district": 8,
    "member": 6,
    "round": 10,
    "report": 11,
}


@pytest.fixture(scope="module")
def sized_districts(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        for size, slug in DISTRICT_OF_SIZE.items():
            national_data.generate(
                years=2,
                activities=size,
                seed=3,
                today=TODAY,
                districts=[PoliceDistrict.objects.get(slug=slug)],
            )
        yield DISTRICT_OF_SIZE
        national_data.clear()


def page(name: str, slug: str):
    """(url, user or None) of a page of the district."""
    district = PoliceDistrict.objects.get(slug=slug)
    plan = Plan.objects.current().get(district=district)
    kwargs = {"district": slug, "period": plan.period_label}
    users = get_user_model().objects
    if name == "plan":
        return reverse("public:plan", kwargs=kwargs), None
    if name == "activity":
        activity = Activity.objects.filter(focus_area__plan=plan, all_local_councils=True).first()
        return reverse("public:activity", kwargs={**kwargs, "activity_id": activity.pk}), None
    if name == "district":
        return reverse("public:district", kwargs={"district": slug}), None
    if name == "member":
        member = users.filter(
            is_staff=False,
            person__memberships__council__district=district,
            person__memberships__council__kind=Council.Kind.LOCAL,
        ).first()
        council = member.person.memberships.get().council
        return reverse("members:council", kwargs={"council_id": council.pk}), member
    staff = users.filter(secretariat__district=district).first()
    open_round = ReportingRound.objects.open().get(district=district)
    view = "rounds:detail" if name == "round" else "rounds:report"
    return reverse(view, kwargs={"pk": open_round.pk}), staff


def queries_of(client, name, slug) -> int:
    url, user = page(name, slug)
    if user is not None:
        client.force_login(user)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_sized_plans_have_10_and_300_activities(sized_districts):
    for size, slug in sized_districts.items():
        plan = Plan.objects.current().get(district__slug=slug)
        assert Activity.objects.filter(focus_area__plan=plan).count() == size


@pytest.mark.parametrize("size", sorted(DISTRICT_OF_SIZE))
@pytest.mark.parametrize("name", list(BUDGETS))
def test_page_stays_within_its_query_budget(
    client, sized_districts, django_assert_max_num_queries, name, size
):
    url, user = page(name, sized_districts[size])
    if user is not None:
        client.force_login(user)
    cache.clear()
    with django_assert_max_num_queries(BUDGETS[name]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("name", list(BUDGETS))
def test_page_runs_as_many_queries_for_300_activities_as_for_10(client, sized_districts, name):
    small, large = (queries_of(client, name, sized_districts[size]) for size in (10, 300))
    assert large == small
