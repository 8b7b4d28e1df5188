"""Publishing stores the PDF; the public download serves the stored file and never renders."""

import datetime
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from plans.models import Plan, PlanVersion
from plans.publishing import publish_plan
from plans.tasks import render_version_pdf
from tests.pdf.conftest import version_url

FILENAME_V1 = "samarbejdsplan-syd-og-soenderjyllands-politi-2017-2018-v1.pdf"


def latest_url(plan):
    return reverse("pdf:plan", kwargs={"district": plan.district.slug, "period": plan.period_label})


def store_pdf(version) -> bytes:
    render_version_pdf.call(version_id=version.pk)
    version.refresh_from_db()
    with version.pdf.open("rb") as stored:
        return stored.read()


def never_render(version):
    raise AssertionError("a download must not render the PDF")


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database (as in production) and no worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_publishing_stores_the_pdf(demo_plan, make_user, django_capture_on_commit_callbacks):
    Plan.objects.filter(pk=demo_plan.pk).update(
        status=Plan.Status.APPROVED,
        council_treatment=Plan.CouncilTreatment.APPROVED,
        approval_meeting_date=datetime.date(2016, 12, 5),
    )
    demo_plan.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_plan(
            plan=demo_plan,
            effective_date=datetime.date(2017, 1, 1),
            user=make_user("sekretaer", staff=True),
        )
    version.refresh_from_db()
    assert version.pdf.name == f"plans/pdf/{FILENAME_V1}"
    with default_storage.open(version.pdf.name, "rb") as stored:
        assert stored.read(5) == b"%PDF-"


def test_download_serves_the_stored_bytes_without_rendering(client, published_version):
    stored = store_pdf(published_version)
    with mock.patch("plans.pdf.render_plan_pdf", side_effect=never_render):
        response = client.get(version_url(published_version))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == stored
    assert not response.has_header("X-Accel-Redirect")  # off unless PDF_ACCEL_REDIRECT_PREFIX


def test_download_is_named_after_district_period_and_version(client, published_version):
    store_pdf(published_version)
    response = client.get(version_url(published_version))
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME_V1}"'


def test_version_download_may_be_cached_for_good(client, published_version):
    store_pdf(published_version)
    response = client.get(version_url(published_version))
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=31536000" in cache_control
    assert "immutable" in cache_control
    assert response["ETag"]


def test_unchanged_download_answers_not_modified(client, published_version):
    store_pdf(published_version)
    etag = client.get(version_url(published_version))["ETag"]
    response = client.get(version_url(published_version), headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "immutable" in response["Cache-Control"]


def test_not_modified_is_answered_without_opening_the_file(client, published_version):
    store_pdf(published_version)
    etag = client.get(version_url(published_version))["ETag"]
    storage = PlanVersion._meta.get_field("pdf").storage
    with mock.patch.object(storage, "open", side_effect=AssertionError("file opened")):
        response = client.get(version_url(published_version), headers={"if-none-match": etag})
    assert response.status_code == 304


def test_latest_address_serves_the_newest_version(client, published_version, revised_version):
    store_pdf(published_version)
    newest = store_pdf(revised_version)
    response = client.get(latest_url(published_version.plan))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == newest
    assert "-v2.pdf" in response["Content-Disposition"]


def test_latest_address_is_cached_briefly_since_a_revision_changes_it(client, published_version):
    store_pdf(published_version)
    response = client.get(latest_url(published_version.plan))
    assert "max-age=600" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]


def test_missing_file_is_queued_not_rendered(client, published_version, database_tasks):
    with mock.patch("plans.pdf.render_plan_pdf", side_effect=never_render):
        response = client.get(version_url(published_version))
    assert response.status_code == 202
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "PDF'en er på vej" in response.content.decode()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "plans.tasks.render_version_pdf"
    assert queued.args_kwargs["kwargs"] == {"version_id": published_version.pk}
    published_version.refresh_from_db()
    assert not published_version.pdf


def test_many_readers_of_a_missing_file_queue_one_render(client, published_version, database_tasks):
    for _ in range(3):
        client.get(version_url(published_version))
    assert DBTaskResult.objects.count() == 1


def test_file_gone_from_storage_is_queued_again(client, published_version, database_tasks):
    store_pdf(published_version)
    default_storage.delete(published_version.pdf.name)
    response = client.get(version_url(published_version))
    assert response.status_code == 202
    assert DBTaskResult.objects.count() == 1


def test_with_a_task_backend_that_runs_at_once_the_first_download_gets_the_file(
    client, published_version
):
    response = client.get(version_url(published_version))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("status", [Plan.Status.DRAFT, Plan.Status.APPROVED])
def test_pdf_of_an_unpublished_plan_is_not_found(client, published_version, status):
    store_pdf(published_version)
    Plan.objects.filter(pk=published_version.plan_id).update(status=status)
    assert client.get(version_url(published_version)).status_code == 404
    assert client.get(latest_url(published_version.plan)).status_code == 404


def test_pdf_of_a_superseded_plan_stays_public(client, published_version):
    store_pdf(published_version)
    Plan.objects.filter(pk=published_version.plan_id).update(status=Plan.Status.SUPERSEDED)
    assert client.get(version_url(published_version)).status_code == 200


def test_unknown_version_is_not_found(client, published_version):
    url = version_url(PlanVersion(plan=published_version.plan, number=7))
    assert client.get(url).status_code == 404


def test_plan_of_another_district_is_not_found(client, published_version, other_district):
    url = reverse(
        "pdf:version",
        kwargs={"district": other_district.slug, "period": "2017-2018", "number": 1},
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("period", ["2017-18", "2017", "tjek", "2017-2017"])
def test_unknown_period_is_not_found(client, published_version, period):
    # By hand: reverse() builds no address with what is not a period.
    url = f"/{published_version.plan.district.slug}/samarbejdsplan/{period}/pdf/"
    assert client.get(url).status_code == 404


def test_download_refuses_writes(client, published_version):
    store_pdf(published_version)
    assert client.post(version_url(published_version)).status_code == 405


def test_render_task_leaves_a_stored_file_alone(published_version):
    first = store_pdf(published_version)
    name = published_version.pdf.name
    with mock.patch("plans.pdf.render_plan_pdf", side_effect=never_render):
        assert render_version_pdf.call(version_id=published_version.pk) == name
    with default_storage.open(name, "rb") as stored:
        assert stored.read() == first


def test_render_task_replaces_a_file_gone_from_storage(published_version):
    store_pdf(published_version)
    default_storage.delete(published_version.pdf.name)
    name = render_version_pdf.call(version_id=published_version.pk)
    assert default_storage.exists(name)
    published_version.refresh_from_db()
    assert published_version.pdf.name == name


def test_second_download_needs_no_database_query(
    client, published_version, django_assert_num_queries
):
    stored = store_pdf(published_version)
    client.get(version_url(published_version))
    with django_assert_num_queries(0):
        response = client.get(version_url(published_version))
    assert b"".join(response.streaming_content) == stored
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME_V1}"'
    assert "immutable" in response["Cache-Control"]


def test_remembered_download_answers_not_modified(client, published_version):
    store_pdf(published_version)
    etag = client.get(version_url(published_version))["ETag"]
    response = client.get(version_url(published_version), headers={"if-none-match": etag})
    assert response.status_code == 304


def test_latest_address_moves_to_a_new_version_though_the_old_one_was_remembered(
    client, published_version, demo_plan, django_capture_on_commit_callbacks
):
    store_pdf(published_version)
    assert "-v1.pdf" in client.get(latest_url(demo_plan))["Content-Disposition"]
    with django_capture_on_commit_callbacks(execute=True):  # the cache hears of it on commit
        revision = PlanVersion.objects.create(
            plan=demo_plan,
            number=2,
            published_on=datetime.date(2018, 6, 1),
            snapshot=published_version.snapshot,
        )
        newest = store_pdf(revision)
    response = client.get(latest_url(demo_plan))
    assert "-v2.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == newest


def test_remembered_file_gone_from_storage_is_queued_again(
    client, published_version, database_tasks
):
    store_pdf(published_version)
    assert client.get(version_url(published_version)).status_code == 200
    default_storage.delete(published_version.pdf.name)
    response = client.get(version_url(published_version))
    assert response.status_code == 202
    assert DBTaskResult.objects.count() == 1


# --- nginx sends the file (PDF_ACCEL_REDIRECT_PREFIX, docs/deployment.md) ----------------------


@pytest.fixture
def accel_redirect(settings):
    settings.PDF_ACCEL_REDIRECT_PREFIX = "/_pdf/"


def test_with_accel_redirect_nginx_is_told_which_file_and_the_body_is_empty(
    client, published_version, accel_redirect
):
    store_pdf(published_version)
    response = client.get(version_url(published_version))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_pdf/{published_version.pdf.name}"
    assert not response.streaming
    assert response.content == b""
    # The headers nginx keeps from the application's answer (Content-Type, Content-Disposition,
    # Cache-Control) are the same as when the application sends the file itself.
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME_V1}"'
    assert "immutable" in response["Cache-Control"]


def test_with_accel_redirect_the_remembered_download_needs_no_query(
    client, published_version, accel_redirect, django_assert_num_queries
):
    store_pdf(published_version)
    first = client.get(latest_url(published_version.plan))
    with django_assert_num_queries(0):
        second = client.get(latest_url(published_version.plan))
    assert second["X-Accel-Redirect"] == first["X-Accel-Redirect"]
    assert second.content == b""
    assert "max-age=600" in second["Cache-Control"]


def test_with_accel_redirect_a_file_gone_from_storage_is_queued_again(
    client, published_version, accel_redirect, database_tasks
):
    store_pdf(published_version)
    assert client.get(version_url(published_version)).status_code == 200
    default_storage.delete(published_version.pdf.name)
    response = client.get(version_url(published_version))
    assert response.status_code == 202
    assert not response.has_header("X-Accel-Redirect")
    assert DBTaskResult.objects.count() == 1
