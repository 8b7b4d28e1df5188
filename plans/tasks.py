"""Background tasks of the plans app (Django's Tasks framework).

`render_version_pdf` runs when a version is published (enqueued on commit by the publishing
service) and when a public download finds the file missing. With the default immediate backend it
runs at once in the same process; in production `TASKS_BACKEND=database` queues it for the worker
(`manage.py db_worker`, see plans/README.md).
"""

import logging

from django.core.files.base import ContentFile
from django.tasks import task

from . import pdf
from .models import PlanVersion
from .page_cache import content_changed

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
    content_changed()  # QuerySet.update sends no signal to the public page cache
    logger.info("Stored PDF of %s as %s (%d bytes)", version, stored_name, len(content))
    return stored_name
