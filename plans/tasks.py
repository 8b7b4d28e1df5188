"""Background tasks of the plans app (Django's Tasks framework).

`render_version_pdf` runs when a version is published (enqueued on commit by the publishing
service) and when a public download finds the file missing; `render_status_report` when the
secretariat asks for a round's status report and the report as it stands now has no file yet.
With the default immediate backend they run at once in the same process; in production
`TASKS_BACKEND=database` queues them for the worker (`manage.py task_worker`, see docs/pdf.md).
"""

import hashlib
import logging
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task

from . import pdf
from .models import PlanVersion, ReportingRound
from .page_cache import content_changed
from .reporting import build_status_report
from .task_queue import describe_run, latest_run, queue_once

logger = logging.getLogger(__name__)


def pdf_filename(version: PlanVersion) -> str:
    """`samarbejdsplan-<district>-<period>-v<N>.pdf`: the name citizens download the file under."""
    snapshot = version.snapshot
    return "samarbejdsplan-{district}-{period}-v{number}.pdf".format(
        district=snapshot["district"]["slug"],
        period=snapshot["plan"]["period_label"],
        number=version.number,
    )


@task
def render_version_pdf(version_id: int) -> str:
    """Render a published version's PDF and store it in `version.pdf`; returns the stored name.

    Versions never change, so a version whose file is in storage is left alone: the task is safe
    to enqueue twice (two downloads racing, a retry after a worker restart).
    """
    version = PlanVersion.objects.select_related("plan").get(pk=version_id)
    previous_name = version.pdf.name or ""
    if previous_name and version.pdf.storage.exists(previous_name):
        return previous_name
    content = pdf.render_plan_pdf(version)
    field = version.pdf.field
    name = field.generate_filename(version, pdf_filename(version))
    stored_name = field.storage.save(name, ContentFile(content), max_length=field.max_length)
    # Only the first finisher wins; a concurrent run that lost removes its own copy. A file
    # that went missing from storage (previous_name set, file gone) is replaced.
    claimed = PlanVersion.objects.filter(pk=version_id, pdf=previous_name).update(pdf=stored_name)
    if not claimed:
        field.storage.delete(stored_name)
        version.refresh_from_db(fields=["pdf"])
        return version.pdf.name
    content_changed(version)  # QuerySet.update sends no signal to the public page cache
    logger.info("Stored PDF of %s as %s (%d bytes)", version, stored_name, len(content))
    return stored_name


def queue_version_pdf(version: PlanVersion):
    """Queue the render of a version's missing PDF unless one waits or runs already."""
    return queue_once(
        render_version_pdf, lock=PlanVersion.objects.filter(pk=version.pk), version_id=version.pk
    )


def pdf_stored(version: PlanVersion) -> bool:
    """Whether the version's PDF is in storage (named and not lost since)."""
    return bool(version.pdf.name) and version.pdf.storage.exists(version.pdf.name)


def version_pdf_problem(version: PlanVersion) -> str:
    """Why a version's PDF is missing, in Danish for the secretariat; "" when it is stored."""
    if pdf_stored(version):
        return ""
    return describe_run(latest_run(render_version_pdf, version_id=version.pk))


# --- The status report of a reporting round -----------------------------------------------------

STATUS_REPORT_DIR = "statusrapporter"


def status_report_digest(html: str) -> str:
    """Names the report as it stands: any change to what the PDF would show changes it."""
    return hashlib.sha256(html.encode()).hexdigest()[:32]


def status_report_name(round_id: int, digest: str) -> str:
    """Where the rendered report is stored (default storage, never served by the web server)."""
    return f"{STATUS_REPORT_DIR}/{round_id}/{digest}.pdf"


@task
def render_status_report(round_id: int, digest: str) -> str:
    """Render a round's status report and store it under `status_report_name(round_id, digest)`.

    `digest` is what the request saw; the report is rendered as it stands when the task runs, at
    least as new. Older reports of the round are removed. Safe to run twice.
    """
    name = status_report_name(round_id, digest)
    if not default_storage.exists(name):
        reporting_round = ReportingRound.objects.select_related("district", "plan").get(pk=round_id)
        content = pdf.render_status_report_pdf(build_status_report(reporting_round))
        stored_name = default_storage.save(name, ContentFile(content))
        if stored_name != name:  # a concurrent run stored it first
            default_storage.delete(stored_name)
        logger.info(
            "Stored status report of round %s as %s (%d bytes)", round_id, name, len(content)
        )
    folder, current = posixpath.split(name)
    for other in default_storage.listdir(folder)[1]:
        if other != current:
            default_storage.delete(posixpath.join(folder, other))
    return name
