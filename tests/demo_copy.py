"""The demo loaded once per test process and put back by copying its tables.

`manage.py load_demo` builds two districts' plans through the portal's own services (versions,
status history, search index, figures): several seconds a time. A journey in the browser needs
it afresh each time, because Django's live-server tests end by emptying every table. The first
load is kept as copies of the tables (`CREATE TABLE … AS SELECT`, outside Django's models, so
the emptying leaves them alone) and of the media files; later tests get the same rows back with
one flush and one `INSERT … SELECT` per table, on PostgreSQL and SQLite alike.
"""

import io
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

PREFIX = "demo_copy_"
_kept: dict = {}  # tables and the media folder of the first load in this process


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def load_demo() -> None:
    """The demo in the database and its files in MEDIA_ROOT, as `load_demo` leaves them."""
    quote = connection.ops.quote_name
    media = Path(settings.MEDIA_ROOT)
    if not _kept:
        call_command("load_demo", allow_without_debug=True, stdout=io.StringIO())
        tables = _tables()
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {quote(PREFIX + table)}")
                cursor.execute(
                    f"CREATE TABLE {quote(PREFIX + table)} AS SELECT * FROM {quote(table)}"
                )
        folder = Path(tempfile.mkdtemp(prefix="demo-media-"))
        if media.exists():
            shutil.copytree(media, folder, dirs_exist_ok=True)
        _kept.update(tables=tables, media=folder)
        return
    tables = _kept["tables"]
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables):
            cursor.execute(statement)
        for table in tables:
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(PREFIX + table)}")
    shutil.copytree(_kept["media"], media, dirs_exist_ok=True)
