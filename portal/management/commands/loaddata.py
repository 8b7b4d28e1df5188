"""`loaddata` that restores history instead of adding to it.

A dump already holds the history tables (django-simple-history). Django's loaddata saves rows
raw, which simple-history skips, but it sets many-to-many fields through the ORM, and each of
those would add a new history row for the object. With this command a dump loads back row for
row (tests/security/test_backup_roundtrip.py). Everything else is Django's own loaddata.
"""

from django.conf import settings
from django.core.management.commands.loaddata import Command as LoadDataCommand


class Command(LoadDataCommand):
    help = LoadDataCommand.help + " History rows come only from the fixtures."

    def handle(self, *fixture_labels, **options):
        previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        settings.SIMPLE_HISTORY_ENABLED = False
        try:
            return super().handle(*fixture_labels, **options)
        finally:
            settings.SIMPLE_HISTORY_ENABLED = previous
