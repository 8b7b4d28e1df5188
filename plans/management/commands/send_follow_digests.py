"""Mail each confirmed follower the news since their last digest, at most once a day (for cron)."""

from django.core.management.base import BaseCommand

from plans.following import send_digests


class Command(BaseCommand):
    help = (
        "Sender dagens nyhedsmail til dem, der følger en plan eller et lokalråd: aktiviteter, "
        "der har skiftet status, og nye versioner siden sidste mail. Højst én mail om dagen pr. "
        "adresse, ingen mail uden nyt; kan køres flere gange samme dag. Sletter adresser, der "
        "aldrig blev bekræftet. Køres dagligt, f.eks. fra cron."
    )

    def handle(self, *args, **options):
        result = send_digests()
        self.stdout.write(
            f"{result.mails} nyhedsmail(s) sendt; {result.skipped_today} adresse(r) havde "
            f"allerede fået dagens mail; {result.expired_removed} ubekræftet/ubekræftede "
            "adresse(r) slettet."
        )
