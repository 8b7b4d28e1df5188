"""The status report PDF renders in the task worker, never in the request: 202 until it is
stored, then 200; secretariat only, never cached."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from councils.models import SecretariatStaff
from plans.models import Assignment, Status
from plans.services import open_round, report_status, sync_plan_assignments
from tests.pdf.conftest import DEMO_DISTRICT, build_demo_plan_in

# The worker closes its connection between tasks (close_old_connections), which would end a
# test transaction: tests that run it commit for real and restore the reference data afterwards.
runs_the_worker = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def demo_plan(db):
    """Made for each test, not once for the module: a test that runs the worker commits it."""
    return build_demo_plan_in(DEMO_DISTRICT)


@pytest.fixture
def reporting_round(demo_plan, make_user):
    sync_plan_assignments(plan=demo_plan)
    return open_round(
        district=demo_plan.district,
        name="Status juni 2017",
        deadline=datetime.date.today() + datetime.timedelta(days=14),
        created_by=make_user("kredssekretaer", staff=True),
    )


@pytest.fixture
def secretary(make_user, district):
    user = make_user("sekretariat", staff=True)
    SecretariatStaff.objects.create(user=user, district=district)
    return user


def report_url(reporting_round):
    return reverse("pdf:status_report", kwargs={"round_id": reporting_round.pk})


def run_worker():
    call_command("task_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def test_report_is_queued_not_rendered_in_the_request(
    client, reporting_round, secretary, database_tasks
):
    client.force_login(secretary)
    response = client.get(report_url(reporting_round))
    assert response.status_code == 202
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    page = response.content.decode()
    assert "PDF'en bliver lavet — prøv igen om lidt" in page
    assert reverse("rounds:detail", args=[reporting_round.pk]) in page
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "plans.tasks.render_status_report"


@runs_the_worker
def test_report_is_served_once_the_worker_has_rendered_it(
    client, reporting_round, secretary, database_tasks
):
    client.force_login(secretary)
    assert client.get(report_url(reporting_round)).status_code == 202
    run_worker()
    response = client.get(report_url(reporting_round))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == (
        'attachment; filename="statusrapport-syd-og-soenderjyllands-politi-status-juni-2017.pdf"'
    )
    assert default_storage.listdir(f"statusrapporter/{reporting_round.pk}")[1]


def test_repeated_requests_queue_one_render(client, reporting_round, secretary, database_tasks):
    client.force_login(secretary)
    for _ in range(3):
        assert client.get(report_url(reporting_round)).status_code == 202
    assert DBTaskResult.objects.count() == 1


@runs_the_worker
def test_a_new_status_makes_a_new_report_and_removes_the_old_one(
    client, reporting_round, secretary, esbjerg, database_tasks
):
    client.force_login(secretary)
    client.get(report_url(reporting_round))
    run_worker()
    assert client.get(report_url(reporting_round)).status_code == 200
    report_status(
        assignment=Assignment.objects.filter(council=esbjerg).first(),
        status=Status.DONE,
        public_text="Borgermødet er holdt.",
        date=datetime.date.today(),
        author=secretary,
    )
    assert client.get(report_url(reporting_round)).status_code == 202
    run_worker()
    assert client.get(report_url(reporting_round)).status_code == 200
    assert len(default_storage.listdir(f"statusrapporter/{reporting_round.pk}")[1]) == 1


@pytest.mark.parametrize("who", ["other_secretariat", "lokalraad_member"])
def test_others_neither_queue_nor_get_the_report(
    client, reporting_round, make_user, other_district, esbjerg, database_tasks, who
):
    if who == "other_secretariat":
        user = make_user("fyn", staff=True)
        SecretariatStaff.objects.create(user=user, district=other_district)
    else:
        user = make_user("medlem", council=esbjerg)
    client.force_login(user)
    assert client.get(report_url(reporting_round)).status_code == 404
    assert not DBTaskResult.objects.exists()


def test_anonymous_is_sent_to_sign_in_without_queueing(client, reporting_round, database_tasks):
    assert client.get(report_url(reporting_round)).status_code == 302
    assert not DBTaskResult.objects.exists()


def test_with_a_backend_that_runs_at_once_the_first_request_gets_the_file(
    client, reporting_round, secretary
):
    client.force_login(secretary)
    response = client.get(report_url(reporting_round))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
