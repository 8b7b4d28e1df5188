"""A task a dead worker left running is recovered and run by the next worker (the rest of
recovery is in test_recovery.py)."""

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus

from tests.pdf.conftest import DEMO_DISTRICT, build_demo_plan_in
from tests.pdf.test_recovery import LEASE, queued_render, running


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database (as in production) until the worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_LEASE_SECONDS = LEASE.total_seconds()


@pytest.fixture
def demo_plan(db):
    """Made for each test, not once for the module: a test that runs the worker commits it."""
    return build_demo_plan_in(DEMO_DISTRICT)


# The worker closes its connection between tasks (close_old_connections), which would end a
# test transaction: this test commits for real and restores the reference data afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_runs_the_task_a_dead_worker_left_running(published_version, database_tasks):
    task = queued_render(published_version, **running(LEASE * 2))
    call_command("task_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2
    published_version.refresh_from_db()
    assert published_version.pdf
