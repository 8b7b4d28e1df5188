"""`manage.py task_worker`: django-tasks-db's `db_worker` that recovers tasks of a dead worker.

Same options as `db_worker`. Before it polls, and then every tenth of the lease (at most every
minute) in a thread beside it, it queues again the tasks left RUNNING past their lease by a
worker that died (plans/task_queue.py). Any number of these workers may run at once.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from plans.task_queue import recover_abandoned_tasks

logger = logging.getLogger("plans.task_queue")


def recover() -> None:
    try:
        recover_abandoned_tasks()
    except DatabaseError:  # a passing outage: the next round tries again
        logger.exception("Could not recover abandoned tasks")


def recover_periodically(every: float) -> None:
    while True:
        time.sleep(every)
        try:
            recover()
        finally:
            connections.close_all()  # this thread's connections only


class Command(db_worker.Command):
    help = (
        "Run a database background worker that also queues again the tasks a dead worker left "
        "running (TASKS_LEASE_SECONDS)"
    )

    def handle(self, *args, **options):
        # With --reload the command runs twice: a parent that restarts a child on code changes.
        # Only the process that runs tasks recovers them.
        reloader_parent = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if not reloader_parent:
            recover()
            if not options["batch"]:
                every = min(60.0, max(1.0, settings.TASKS_LEASE_SECONDS / 10))
                threading.Thread(
                    target=recover_periodically, args=(every,), name="task-lease", daemon=True
                ).start()
        super().handle(*args, **options)
