"""Background tasks that recover from a dead worker, and renders queued once per subject.

django-tasks-db marks a task RUNNING when a worker claims it and records nothing more until it
ends, so a worker killed mid-task (SIGKILL, out of memory, a lost machine) would leave the row
RUNNING for good. Here a claim is a lease of `TASKS_LEASE_SECONDS` (five minutes unless set)
that starts at the task's `started_at`; the worker holding it (`manage.py task_worker`) renews it
several times per lease by moving `started_at` on while the task runs (a heartbeat), so however
long a render takes, a task is *abandoned* only when its worker has stopped renewing it. The
workers put abandoned tasks back in the queue, or mark them failed once `MAX_ATTEMPTS` workers
have died on them, so a task that kills its worker is not retried forever. A download whose task
is abandoned queues a new one without waiting for that.

Every task here must be safe to run twice: a worker that stalls past its lease (or a task run by
django-tasks-db's own `db_worker`, which renews nothing) may see its task run again.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


class WorkerLost(Exception):
    """Recorded as the error of a task whose worker died `MAX_ATTEMPTS` times while running it."""


WORKER_LOST_PATH = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TASKS_LEASE_SECONDS)


def is_abandoned(row: DBTaskResult, now: datetime.datetime | None = None) -> bool:
    return (
        row.status == TaskResultStatus.RUNNING
        and row.started_at is not None
        and row.started_at < (now or timezone.now()) - lease()
    )


def is_pending(row: DBTaskResult | None, now: datetime.datetime | None = None) -> bool:
    """Waiting for a worker, or running on one that is (as far as the lease tells) alive."""
    if row is None:
        return False
    if row.status == TaskResultStatus.READY:
        return True
    return row.status == TaskResultStatus.RUNNING and not is_abandoned(row, now)


def renew_leases(worker_id: str, *, now: datetime.datetime | None = None) -> int:
    """The heartbeat: move the lease of the tasks `worker_id` is running on to now."""
    now = now or timezone.now()
    renewed = 0
    running = DBTaskResult.objects.running().values_list("pk", "started_at", "worker_ids")
    for pk, started_at, worker_ids in running:
        if worker_ids and worker_ids[-1] == worker_id:
            renewed += DBTaskResult.objects.filter(
                pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
            ).update(started_at=now)
    return renewed


def recover_abandoned_tasks(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Queue abandoned tasks again, or fail them after `MAX_ATTEMPTS` claims: (queued, failed).

    Each row changes by compare-and-set on the claim's `started_at`, so two workers recovering at
    once recover one claim at most once, and a claim renewed or taken again meanwhile is kept.
    """
    now = now or timezone.now()
    queued = failed = 0
    abandoned = DBTaskResult.objects.running().filter(started_at__lt=now - lease())
    for pk, started_at, worker_ids in abandoned.values_list("pk", "started_at", "worker_ids"):
        same_claim = DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(worker_ids) >= MAX_ATTEMPTS:
            failed += same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST_PATH,
                traceback=f"{WORKER_LOST_PATH}: the worker stopped while running this task "
                f"{len(worker_ids)} times (workers {', '.join(worker_ids)})",
            )
        else:
            queued += same_claim.update(status=TaskResultStatus.READY)
    if queued or failed:
        logger.warning(
            "Abandoned tasks (RUNNING for more than %s): %d queued again, %d failed",
            lease(),
            queued,
            failed,
        )
    return queued, failed


def stores_results(task) -> bool:
    """Whether the task's backend keeps its queue in the database (production)."""
    return isinstance(task.get_backend(), DatabaseBackend)


def latest_run(task, **kwargs) -> DBTaskResult | None:
    """The newest queued call of `task` with exactly these keyword arguments, or None."""
    if not stores_results(task):
        return None
    lookups = {f"args_kwargs__kwargs__{name}": value for name, value in kwargs.items()}
    return (
        DBTaskResult.objects.filter(task_path=task.module_path, backend_name=task.backend)
        .filter(**lookups)
        .order_by("-enqueued_at")
        .first()
    )


def queue_once(task, *, lock, **kwargs):
    """Queue `task(**kwargs)` unless the same call waits or runs; the new TaskResult or None.

    `lock`, a queryset of the row the task is about, is locked while deciding, so readers
    racing for one missing file queue one render. The call is queued again when the last one
    failed, finished without the expected result, vanished (pruned) or was abandoned. Backends
    that keep no queue (immediate: runs at once) always queue.
    """
    if not stores_results(task):
        return task.enqueue(**kwargs)
    with transaction.atomic():
        list(lock.select_for_update().values_list("pk"))
        if is_pending(latest_run(task, **kwargs)):
            return None
        return task.enqueue(**kwargs)


def describe_run(row: DBTaskResult | None) -> str:
    """The state of a queued call in Danish, for the secretariat: why its result is missing."""
    if row is None:
        return _("ingen kørsel i kø")
    if row.status == TaskResultStatus.READY:
        return _("i kø siden %(when)s") % {"when": _when(row.enqueued_at)}
    if row.status == TaskResultStatus.RUNNING:
        if is_abandoned(row):
            return _(
                "arbejdsprocessen stoppede under kørslen (sidste livstegn %(when)s); "
                "den sættes i kø igen"
            ) % {"when": _when(row.started_at)}
        return _("bliver lavet nu (arbejdsprocessen meldte sig senest %(when)s)") % {
            "when": _when(row.started_at)
        }
    if row.status == TaskResultStatus.FAILED:
        if row.exception_class_path == WORKER_LOST_PATH:
            reason = _("arbejdsprocessen stoppede %(count)s gange under kørslen") % {
                "count": len(row.worker_ids)
            }
        else:
            reason = _error_line(row)
        return _("fejlede %(when)s: %(reason)s") % {
            "when": _when(row.finished_at),
            "reason": reason,
        }
    return _("blev lavet %(when)s, men filen findes ikke længere") % {
        "when": _when(row.finished_at)
    }


def _error_line(row: DBTaskResult) -> str:
    """`ExceptionClass: message`: the last line of the traceback, with the class's short name."""
    lines = [line for line in row.traceback.splitlines() if line.strip()]
    last = lines[-1] if lines else row.exception_class_path
    name = row.exception_class_path.rsplit(".", 1)[-1]
    _path, separator, message = last.partition(": ")
    return f"{name}: {message}" if separator else name


def _when(moment: datetime.datetime | None) -> str:
    if moment is None:
        return "–"
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
