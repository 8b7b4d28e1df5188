"""`manage.py task_worker`: django-tasks-db's `db_worker` that recovers tasks of a dead worker.

Same options as `db_worker`. In a thread beside the worker, five times per lease (at most once a
minute), it renews the lease of the task it runs (the heartbeat) and queues again the tasks whose
worker stopped renewing theirs; also once before it polls (plans/task_queue.py). Any number of
these workers may run at once.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from plans.task_queue import recover_abandoned_tasks, renew_leases

logger = logging.getLogger("plans.task_queue")


def recover() -> None:
    try:
        recover_abandoned_tasks()
    except DatabaseError:  # a passing outage: the next round tries again
        logger.exception("Could not recover abandoned tasks")


def keep_leases(worker_id: str, every: float, stopped: threading.Event) -> None:
    while not stopped.wait(every):
        try:
            renew_leases(worker_id)
            recover()
        except DatabaseError:
            logger.exception("Could not renew the lease of worker %s", worker_id)
        finally:
            connections.close_all()  # this thread's connections only


class Command(db_worker.Command):
    help = (
        "Run a database background worker that also queues again the tasks a dead worker left "
        "running (TASKS_LEASE_SECONDS)"
    )

    def handle(self, *args, **options):
        # With --reload the command runs twice: a parent that restarts a child on code changes.
        # Only the process that runs tasks holds leases. DJANGO_AUTORELOAD_ENV is undocumented;
        # it is the check db_worker itself makes, and Django offers no public one.
        if (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        ):
            return super().handle(*args, **options)
        recover()
        every = min(60.0, max(0.2, settings.TASKS_LEASE_SECONDS / 5))
        stopped = threading.Event()
        heartbeat = threading.Thread(
            target=keep_leases,
            args=(options["worker_id"], every, stopped),
            name="task-lease",
            daemon=True,
        )
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            stopped.set()
            heartbeat.join()
