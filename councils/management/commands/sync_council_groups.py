"""Put every user with a council membership in the right lokalråd group (councils/roles.py)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from councils import roles


class Command(BaseCommand):
    help = "Sæt alle brugere med et medlemskab i gruppen Lokalrådssekretær eller Lokalrådsmedlem."

    def handle(self, *args, **options):
        changed = 0
        users = get_user_model().objects.filter(person__isnull=False).prefetch_related("groups")
        for user in users:
            before = set(user.groups.values_list("name", flat=True))
            roles.sync_council_groups(user=user)
            if set(user.groups.values_list("name", flat=True)) != before:
                changed += 1
        self.stdout.write(f"{changed} brugere fik ændret gruppe.")
