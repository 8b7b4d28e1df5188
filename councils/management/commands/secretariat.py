"""Make a user secretariat staff of one district, or take them out (see docs/operations.md)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from councils import roles
from councils.models import PoliceDistrict


class Command(BaseCommand):
    help = "Gør en bruger til sekretariatsmedarbejder i én politikreds, eller fjern rollen."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "district", nargs="?", help="Politikredsens kortnavn, f.eks. fyns-politi"
        )
        parser.add_argument("--remove", action="store_true", help="Fjern rollen igen.")

    def handle(self, *args, username, district, remove, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Brugeren {username!r} findes ikke.") from None
        if remove:
            roles.remove_secretariat_staff(user=user)
            self.stdout.write(f"{username} er ikke længere sekretariatsmedarbejder.")
            return
        if not district:
            raise CommandError("Angiv politikredsens kortnavn, eller --remove.")
        try:
            police_district = PoliceDistrict.objects.get(slug=district)
        except PoliceDistrict.DoesNotExist:
            slugs = ", ".join(PoliceDistrict.objects.values_list("slug", flat=True))
            raise CommandError(f"Ukendt politikreds {district!r}. Vælg en af: {slugs}") from None
        roles.make_secretariat_staff(user=user, district=police_district)
        self.stdout.write(f"{username} er sekretariatsmedarbejder i {police_district}.")
