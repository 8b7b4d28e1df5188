"""Did a request change the database? Answered without reading every table each time.

`recording_writes()` wraps the database connections (`connection.execute_wrapper`) and records
every statement that is not a read. No such statement on a watched table means nothing can
have changed there; only when one was run are the watched tables read and compared with the
snapshot taken before (tests/security/dataset.py's `snapshot()`), so a write that left every
row as it was (a rolled-back savepoint, an UPDATE to the same value, a user's last sign-in
time) still passes, exactly as when every table was compared after every request.

The guard sees what runs on this thread's connections, which is where the test client runs
views and where the test settings' immediate task backend runs tasks.
"""

import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connections

from .dataset import WATCHED_APPS, snapshot

# Statements that read or only manage the transaction. Anything else counts as a write.
READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET", "SHOW", "EXPLAIN")
WRITTEN_TABLE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(?P<table>[\w.]+)"?', re.IGNORECASE
)


def watched_tables() -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in WATCHED_APPS
    }


@dataclass
class Writes:
    statements: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.statements)

    def tables(self) -> set[str | None]:
        """The tables written; None for a statement whose table is not known (TRUNCATE, a
        data-modifying WITH, anything unusual), which may have written anywhere."""
        return {
            match["table"] if (match := WRITTEN_TABLE.match(sql)) else None
            for sql in self.statements
        }

    def may_have_changed_watched_tables(self) -> bool:
        tables = self.tables()
        return None in tables or bool(tables & watched_tables())


def is_write(sql: str) -> bool:
    return not sql.lstrip().upper().startswith(READS)


@contextmanager
def recording_writes():
    """Records, in the Writes it yields, each statement run inside the block that is not a
    read."""
    writes = Writes()

    def guard(execute, sql, params, many, context):
        if is_write(sql):
            writes.statements.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(guard))
        yield writes


def changes(writes: Writes, before) -> str | None:
    """None when the watched tables are as in `before` (a `snapshot()`); otherwise which
    tables changed and the statements that wrote."""
    if not writes.may_have_changed_watched_tables():
        return None
    after = snapshot()
    if after == before:
        return None
    changed = sorted(label for label, digest in after[1].items() if before[1].get(label) != digest)
    statements = "; ".join(sql[:120] for sql in writes.statements[:5])
    return f"changed {changed} ({statements})"
