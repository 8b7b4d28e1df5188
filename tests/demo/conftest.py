import pytest

from councils.models import PoliceDistrict
from demo import content, east_jutland
from demo.loader import DemoResult, DistrictResult, LoginState, PlanState
from demo.people import DEMO_LOGINS
from plans.models import Plan
from tests import table_copies


def demo_district(spec) -> DistrictResult:
    """A demo district (`demo.content` or `demo.east_jutland`) and its demo plan, as the first
    `load_demo` made them."""
    district = PoliceDistrict.objects.get(slug=spec.DISTRICT_SLUG)
    plan = Plan.objects.get(
        district=district,
        period_start=spec.PLAN["period_start"],
        period_end=spec.PLAN["period_end"],
    )
    return DistrictResult(district=district, plan=plan, plan_state=PlanState.CREATED)


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """The demo in a transaction for the module, rolled back after its last test.

    `load_demo` runs once per test process (tests/table_copies.py keeps the demo as copies of
    the tables, which the browser tests and the backup round trip share; see
    `demo_in_transaction`). Each test still runs in its own savepoint (pytest-django's `db`),
    so what a test changes is undone before the next one, and nothing outlives the module.
    """
    with django_db_blocker.unblock(), table_copies.demo_in_transaction():
        main = demo_district(content)
        yield DemoResult(
            district=main.district,
            plan=main.plan,
            plan_state=main.plan_state,
            logins=[(login, LoginState.CREATED) for login in DEMO_LOGINS],
            others=[demo_district(east_jutland)],
        )


@pytest.fixture
def demo(_demo_loaded, db) -> DemoResult:
    """The loaded demo, with fresh model instances for each test; the states are those of the
    first load (everything created)."""
    return DemoResult(
        district=PoliceDistrict.objects.get(pk=_demo_loaded.district.pk),
        plan=Plan.objects.get(pk=_demo_loaded.plan.pk),
        plan_state=_demo_loaded.plan_state,
        logins=list(_demo_loaded.logins),
        others=[
            DistrictResult(
                district=PoliceDistrict.objects.get(pk=other.district.pk),
                plan=Plan.objects.get(pk=other.plan.pk),
                plan_state=other.plan_state,
            )
            for other in _demo_loaded.others
        ],
    )


@pytest.fixture
def east(demo) -> DistrictResult:
    """The second demo district, Østjyllands Politi, and its plan 2024-2026."""
    return demo.others[0]
