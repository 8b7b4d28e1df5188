import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError

from demo import national_data


class Command(BaseCommand):
    help = (
        "Fylder alle 12 politikredse og 98 kommuner med planer, udgivne versioner, statusrunder "
        "og statushistorik i national skala (til belastningstest og udvikling). --clear sletter "
        "først alle planer, statusrunder, fora, personer og medlemskaber."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years", type=int, default=10, help="Antal års historik (standard 10)."
        )
        parser.add_argument(
            "--activities",
            type=int,
            default=60,
            help="Aktiviteter pr. plan, fordelt på 8 indsatsområder (standard 60).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Startværdi for tilfældige data (standard 1)."
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Dagens dato som ÅÅÅÅ-MM-DD, så to kørsler giver samme data (standard: i dag).",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Slet eksisterende planer, statusdata, fora, personer og medlemskaber først.",
        )

    def handle(self, *, years, activities, seed, today, clear, **options):
        if years < 1 or activities < 1:
            raise CommandError("--years og --activities skal være mindst 1.")
        started = time.perf_counter()
        if clear:
            deleted = national_data.clear()
            self.stdout.write(
                f"Slettede {sum(deleted.values()):,} rækker på "
                f"{time.perf_counter() - started:.1f} s.".replace(",", ".")
            )
        started = time.perf_counter()
        try:
            made = national_data.generate(
                years=years, activities=activities, seed=seed, today=today
            )
        except national_data.NationalDataExists as error:
            raise CommandError(
                "Databasen har allerede planer, fora eller medlemskaber. "
                "Brug --clear for at erstatte dem."
            ) from error
        elapsed = time.perf_counter() - started
        width = max(len(name) for name in made)
        for name, count in made.items():
            self.stdout.write(f"  {name:<{width}}  {count:>9,}".replace(",", "."))
        self.stdout.write(self.style.SUCCESS(f"Nationale data dannet på {elapsed:.1f} s."))
