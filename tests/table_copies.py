"""Database contents kept as copies of their tables and put back with plain SQL.

Django's live-server and other transactional tests end by emptying every table. Two contents are
put back often: the reference data the migrations leave (districts, municipalities, councils,
role groups), after every transactional test, and the demo (`manage.py load_demo`: two
districts' plans built through the portal's own services, several seconds a time), before each
browser journey. Both are kept once per test process as copies of the tables
(`CREATE TABLE … AS SELECT`, outside Django's models, so the emptying leaves them alone) and put
back with one flush and one `INSERT … SELECT` per table, on PostgreSQL and SQLite alike: a
fraction of what Django's own serialized rollback costs, which saves every object through the
ORM.

Tables are emptied with `DELETE`, not PostgreSQL's `TRUNCATE`, here and (through
`delete_instead_of_truncate`) in the flush that ends every transactional test. `TRUNCATE` gives each
of the 69 tables new files on disk: 0.75 s for tables that hold a few hundred rows, where `DELETE`
with the foreign keys checked at commit takes 0.08 s, and a browser test empties the database three
times (Django's flush, the reference data put back, the demo put back).
"""

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

REFERENCE = "reference_copy_"
DEMO = "demo_copy_"
_kept: dict[str, dict[str, list[str]]] = {}  # prefix -> table -> columns
_demo_media: list[Path] = []


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def keep(prefix: str) -> None:
    """Copy every table of the models as it is now under `prefix`."""
    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables():
            description = connection.introspection.get_table_description(cursor, table)
            tables[table] = [column.name for column in description]
            cursor.execute(f"DROP TABLE IF EXISTS {quote(prefix + table)}")
            cursor.execute(f"CREATE TABLE {quote(prefix + table)} AS SELECT * FROM {quote(table)}")
    _kept[prefix] = tables


def kept(prefix: str) -> bool:
    return prefix in _kept


def emptying(tables: list[str]) -> list[str]:
    """SQL that empties the tables: `DELETE` with the foreign keys checked at commit (Django
    makes them deferrable on PostgreSQL; SQLite's own flush deletes)."""
    if connection.vendor != "postgresql":
        return connection.ops.sql_flush(no_style(), tables)
    quote = connection.ops.quote_name
    return ["SET CONSTRAINTS ALL DEFERRED"] + [f"DELETE FROM {quote(table)}" for table in tables]


@contextlib.contextmanager
def delete_instead_of_truncate():
    """Django's flush (the end of every transactional test) empties the tables with `DELETE`
    where it would `TRUNCATE` them, unless it must restart the id sequences."""
    operations = type(connection.ops)
    if connection.vendor != "postgresql":
        yield
        return
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return emptying(tables)

    operations.sql_flush = sql_flush
    try:
        yield
    finally:
        operations.sql_flush = truncate


def restore(prefix: str) -> None:
    """Empty every table and fill it again from its copy. Columns are named, so a table that a
    migration test dropped and made again, with its columns in another order, still fits."""
    quote = connection.ops.quote_name
    tables = _kept[prefix]
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in emptying(_tables()):
            cursor.execute(statement)
        for table, columns in tables.items():
            names = ", ".join(quote(column) for column in columns)
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {quote(prefix + table)}"
            )


def load_demo() -> None:
    """The demo in the database and its files in MEDIA_ROOT, as `load_demo` leaves them."""
    media = Path(settings.MEDIA_ROOT)
    if not kept(DEMO):
        call_command("load_demo", allow_without_debug=True, stdout=io.StringIO())
        keep(DEMO)
        folder = Path(tempfile.mkdtemp(prefix="demo-media-"))
        if media.exists():
            shutil.copytree(media, folder, dirs_exist_ok=True)
        _demo_media.append(folder)
        return
    restore(DEMO)
    shutil.copytree(_demo_media[0], media, dirs_exist_ok=True)


@contextlib.contextmanager
def demo_in_transaction():
    """The demo in a transaction for the block, rolled back at its end.

    `load_demo` runs once per test process: the first time it commits, the copies are taken,
    and the reference data alone is put back. The copies are then put in inside the block's
    own transaction, with the foreign keys checked at once again as in any test."""
    if not kept(DEMO):
        load_demo()
        restore(REFERENCE)
    with transaction.atomic():
        load_demo()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        yield
        transaction.set_rollback(True)
