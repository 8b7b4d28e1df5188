"""Production path: TASKS_BACKEND=database queues the render in the database, the worker runs it."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from plans.tasks import render_version_pdf
from tests.pdf.conftest import DEMO_DISTRICT, build_demo_plan_in

# The worker runs in autocommit like a real worker process; inside a test transaction Django's
# close_old_connections() would drop the connection (PostgreSQL), so these tests commit for real
# and restore the reference data afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_plan(db):
    """Made for each test, not once for the module: a test that runs the worker commits it."""
    return build_demo_plan_in(DEMO_DISTRICT)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_queued_render_waits_in_the_database_until_the_worker_runs_it(
    published_version, database_tasks
):
    render_version_pdf.enqueue(version_id=published_version.pk)
    published_version.refresh_from_db()
    assert not published_version.pdf
    assert DBTaskResult.objects.get().status == "READY"

    call_command("task_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    published_version.refresh_from_db()
    assert published_version.pdf.name.endswith("-2017-2018-v1.pdf")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_download_of_a_missing_file_is_served_once_the_worker_has_run(
    client, published_version, database_tasks
):
    url = reverse(
        "pdf:version",
        kwargs={
            "district": published_version.plan.district.slug,
            "period": "2017-2018",
            "number": 1,
        },
    )
    assert client.get(url).status_code == 202
    call_command("task_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
