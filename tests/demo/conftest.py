import pytest
from django.db import transaction

from councils.models import PoliceDistrict
from demo.loader import DemoResult, DistrictResult, load_demo
from plans.models import Plan


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """Load the demo once per module inside a transaction that is rolled back afterwards.

    Each test still runs in its own savepoint (pytest-django's `db`), so what a test changes is
    undone before the next one, and nothing outlives the module.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_loaded, db) -> DemoResult:
    """The loaded demo, with fresh model instances for each test."""
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
