"""Tasks recover: an abandoned task is queued again, a download re-queues a render that failed,
vanished or was abandoned, and the secretariat's admin says why a PDF is missing."""

import datetime

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plans.task_queue import (
    MAX_ATTEMPTS,
    WORKER_LOST_PATH,
    recover_abandoned_tasks,
    renew_leases,
)
from plans.tasks import render_version_pdf, version_pdf_problem
from tests.pdf.conftest import version_url

LEASE = datetime.timedelta(seconds=600)


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database (as in production) and no worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_LEASE_SECONDS = LEASE.total_seconds()


def queued_render(version, **state) -> DBTaskResult:
    """A render of `version` in the queue, then put in the given state."""
    result = render_version_pdf.enqueue(version_id=version.pk)
    if state:
        DBTaskResult.objects.filter(pk=result.id).update(**state)
    return DBTaskResult.objects.get(pk=result.id)


def running(since: datetime.timedelta, workers=("worker-1",)) -> dict:
    return {
        "status": TaskResultStatus.RUNNING,
        "started_at": timezone.now() - since,
        "worker_ids": list(workers),
    }


def failed(message="Fonten mangler") -> dict:
    return {
        "status": TaskResultStatus.FAILED,
        "finished_at": timezone.now(),
        "exception_class_path": "builtins.RuntimeError",
        "traceback": f"Traceback (most recent call last):\n  ...\nRuntimeError: {message}\n",
    }


# Built when a test runs, so "five seconds ago" is five seconds before that test.
STATES = {
    "waiting": dict,
    "running": lambda: running(datetime.timedelta(seconds=5)),
    "abandoned": lambda: running(LEASE * 2),
    "failed": failed,
    "finished": lambda: {"status": TaskResultStatus.SUCCESSFUL, "finished_at": timezone.now()},
}


# --- The lease --------------------------------------------------------------------------------


def test_task_running_past_its_lease_is_queued_again(published_version, database_tasks):
    task = queued_render(published_version, **running(LEASE + datetime.timedelta(seconds=1)))
    assert recover_abandoned_tasks() == (1, 0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY


def test_task_running_within_its_lease_is_left_alone(published_version, database_tasks):
    task = queued_render(published_version, **running(LEASE - datetime.timedelta(seconds=30)))
    assert recover_abandoned_tasks() == (0, 0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_task_that_its_workers_died_on_too_often_fails_with_the_reason(
    published_version, database_tasks
):
    workers = [f"worker-{n}" for n in range(MAX_ATTEMPTS)]
    task = queued_render(published_version, **running(LEASE * 2, workers))
    assert recover_abandoned_tasks() == (0, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == WORKER_LOST_PATH


def test_a_worker_renews_the_lease_of_its_own_task_only(published_version, database_tasks):
    mine = queued_render(published_version, **running(LEASE * 2, ["old", "me"]))
    theirs = queued_render(published_version, **running(LEASE * 2, ["me", "other"]))
    assert renew_leases("me") == 1
    assert recover_abandoned_tasks() == (1, 0)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == (TaskResultStatus.RUNNING, TaskResultStatus.READY)


def test_a_claim_is_recovered_once(published_version, database_tasks):
    queued_render(published_version, **running(LEASE * 2))
    assert recover_abandoned_tasks() == (1, 0)
    assert recover_abandoned_tasks() == (0, 0)


# --- The download re-queues from the task's real state ------------------------------------------


@pytest.mark.parametrize("state", ["failed", "abandoned", "finished"])
def test_download_queues_again_when_the_last_render_cannot_bring_the_file(
    client, published_version, database_tasks, state
):
    queued_render(published_version, **STATES[state]())
    assert client.get(version_url(published_version)).status_code == 202
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    assert DBTaskResult.objects.count() == 2


def test_download_queues_again_when_the_queued_task_vanished(
    client, published_version, database_tasks
):
    assert client.get(version_url(published_version)).status_code == 202
    DBTaskResult.objects.all().delete()  # pruned, or the database restored from a backup
    assert client.get(version_url(published_version)).status_code == 202
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


@pytest.mark.parametrize("state", ["waiting", "running"])
def test_download_does_not_queue_a_render_that_waits_or_runs(
    client, published_version, database_tasks, state
):
    queued_render(published_version, **STATES[state]())
    assert client.get(version_url(published_version)).status_code == 202
    assert DBTaskResult.objects.count() == 1


# --- Why a PDF is missing, for the secretariat ------------------------------------------------


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (None, "ingen kørsel i kø"),
        ("waiting", "i kø siden"),
        ("running", "bliver lavet nu"),
        ("abandoned", "arbejdsprocessen stoppede under kørslen"),
        ("failed", "fejlede"),
        ("finished", "men filen findes ikke længere"),
    ],
)
def test_missing_pdf_says_why(published_version, database_tasks, state, expected):
    if state is not None:
        queued_render(published_version, **STATES[state]())
    assert expected in version_pdf_problem(published_version)


def test_failed_render_names_the_error(published_version, database_tasks):
    queued_render(published_version, **failed("Fonten mangler"))
    assert "RuntimeError: Fonten mangler" in version_pdf_problem(published_version)


def test_render_given_up_after_dead_workers_says_so(published_version, database_tasks):
    workers = [f"worker-{n}" for n in range(MAX_ATTEMPTS)]
    queued_render(published_version, **running(LEASE * 2, workers))
    recover_abandoned_tasks()
    assert f"arbejdsprocessen stoppede {MAX_ATTEMPTS} gange" in version_pdf_problem(
        published_version
    )


def test_stored_pdf_has_no_problem(published_version):
    render_version_pdf.call(version_id=published_version.pk)
    published_version.refresh_from_db()
    assert version_pdf_problem(published_version) == ""


def test_plan_admin_says_why_a_versions_pdf_is_missing(
    client, published_version, database_tasks, make_user
):
    queued_render(published_version, **failed("Fonten mangler"))
    client.force_login(make_user("admin", superuser=True))
    url = reverse("admin:plans_plan_change", args=[published_version.plan_id])
    page = client.get(url).content.decode()
    assert "PDF&#x27;en mangler: fejlede" in page
    assert "RuntimeError: Fonten mangler" in page


def test_version_admin_says_why_its_pdf_is_missing(
    client, published_version, database_tasks, make_user
):
    queued_render(published_version)
    client.force_login(make_user("admin", superuser=True))
    url = reverse("admin:plans_planversion_change", args=[published_version.pk])
    assert "mangler: i kø siden" in client.get(url).content.decode()
