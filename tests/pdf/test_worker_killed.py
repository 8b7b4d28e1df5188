"""A worker killed mid-render: the next worker renders the PDF and the download goes 202 -> 200.

Real worker processes (`manage.py task_worker`) on the PostgreSQL test database, which they
share with the test; skipped on SQLite, whose test database lives in the test's memory.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plans.tasks import render_version_pdf
from tests.pdf.conftest import DEMO_DISTRICT, build_demo_plan_in, version_url

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="worker processes need a database they can share (DATABASE_URL=postgres://…)",
    ),
]

ROOT = Path(settings.BASE_DIR)
LEASE_SECONDS = 3

# A worker whose plan renders wait until a file appears: killed while it waits, it dies
# mid-render with its task RUNNING, exactly where a crash or the OOM killer would leave it.
HELD_WORKER = """
import sys, time
from pathlib import Path
import django
django.setup()
from plans import pdf
gate, rendering = Path(sys.argv[1]), Path(sys.argv[2])
real_render = pdf.render_plan_pdf
def held_render(version):
    rendering.touch()
    while not gate.exists():
        time.sleep(0.05)
    return real_render(version)
pdf.render_plan_pdf = held_render
from django.core.management import call_command
call_command("task_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
"""


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def demo_plan(db):
    """Made for each test, not once for the module: a test that runs the worker commits it."""
    return build_demo_plan_in(DEMO_DISTRICT)


@pytest.fixture
def worker_env(settings):
    db = connection.settings_dict
    address = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{address}/{db['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "1",
        "DATABASE_URL": url,
        "TASKS_BACKEND": "database",
        "TASKS_LEASE_SECONDS": str(LEASE_SECONDS),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)  # the worker's cache is its own; nothing here needs a shared one
    return env


@pytest.fixture
def workers(worker_env, tmp_path):
    """Starts worker processes (their output in the test's folder) and kills them afterwards."""
    started = []

    def start(*command):
        log = tmp_path / f"worker-{len(started) + 1}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, *command],
                cwd=ROOT,
                env=worker_env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def wait_for(condition, *, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up after {timeout} s waiting for {what}")


def test_pdf_killed_mid_render_is_rendered_by_the_next_worker(
    client, published_version, database_tasks, workers, tmp_path
):
    gate, rendering = tmp_path / "gate", tmp_path / "rendering"
    render_version_pdf.enqueue(version_id=published_version.pk)
    held = workers("-c", HELD_WORKER, str(gate), str(rendering))
    wait_for(rendering.exists, timeout=60, what="the first worker to start rendering")
    [task] = DBTaskResult.objects.all()
    assert task.status == TaskResultStatus.RUNNING
    claimed_at = task.started_at
    wait_for(
        lambda: DBTaskResult.objects.get().started_at > claimed_at,
        timeout=LEASE_SECONDS * 2,
        what="the live worker to renew its lease",
    )

    held.send_signal(signal.SIGKILL)
    held.wait(timeout=10)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING  # what a dead worker leaves behind
    assert client.get(version_url(published_version)).status_code == 202

    gate.touch()  # the next worker renders without waiting
    workers(
        "manage.py",
        "task_worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.2",
    )
    wait_for(
        lambda: client.get(version_url(published_version)).status_code == 200,
        timeout=90,
        what="the next worker to render the PDF",
    )
    response = client.get(version_url(published_version))
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # The worker stores the file before it records the task's result: on a busy machine the
    # download is ready a moment before the task says so.
    wait_for(
        lambda: DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL,
        timeout=30,
        what="the next worker to record the render as done",
    )
    task.refresh_from_db()
    assert len(task.worker_ids) == 2
    assert DBTaskResult.objects.count() == 1  # the same task recovered, not a second one
