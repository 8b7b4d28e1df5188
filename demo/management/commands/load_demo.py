"""`manage.py load_demo`: the Syd- og Sønderjylland and Østjylland demo, and the demo logins
printed every time."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import LoginState, PlanState, load_demo

PLAN_MESSAGES = {
    PlanState.CREATED: (
        "Samarbejdsplan %(period)s er oprettet: behandlet i kredsrådet, offentliggjort "
        "(version 1), revideret (version 2) og med statusrunder."
    ),
    PlanState.EXISTS: "Samarbejdsplan %(period)s findes allerede og er ikke ændret.",
    PlanState.SKIPPED: (
        "Politikredsen har allerede en anden gældende plan; demoplanen er ikke oprettet."
    ),
}

LOGIN_NOTES = {
    LoginState.CREATED: "oprettet",
    LoginState.PASSWORD_RESET: "adgangskoden er sat tilbage til demoens",
    LoginState.UNCHANGED: "",
    LoginState.FOREIGN: "en anden konto har navnet; den er ikke ændret",
}


class Command(BaseCommand):
    help = (
        "Indlæser demodata for Syd- og Sønderjyllands Politi (plan 2017-18) og Østjyllands "
        "Politi (plan 2024-26) med fora, medlemmer, statusrunder og demo-logins. Kan køres "
        "flere gange; anden gang ændres intet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Adressen, log ind-linkene skrives med (standard: http://127.0.0.1:8000).",
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Kør også uden DEBUG, fx på en demoserver. Demoens adgangskoder er offentlige.",
        )

    def handle(self, *args, base_url, allow_without_debug, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "load_demo opretter logins med offentligt kendte adgangskoder og kører derfor kun "
                "med DEBUG=1. Brug --allow-without-debug, hvis serveren kun er til demo."
            )
        result = load_demo()
        for district, plan, state in [
            (result.district, result.plan, result.plan_state),
            *((other.district, other.plan, other.plan_state) for other in result.others),
        ]:
            self.stdout.write(f"Demodata for {district.name}:")
            period = plan.period_label if plan else ""
            self.stdout.write("  " + PLAN_MESSAGES[state] % {"period": period})
            self.stdout.write("")
        self.stdout.write("Demo-logins (adgangskoderne er offentlige og kun til demo):")
        base_url = base_url.rstrip("/")
        rows = [("Rolle", "Brugernavn", "Adgangskode", "Log ind på")]
        notes = []
        for login, state in result.logins:
            password = "(uændret)" if state == LoginState.FOREIGN else login.password
            rows.append((login.role, login.username, password, base_url + login.sign_in_path))
            if LOGIN_NOTES[state]:
                notes.append(f"  {login.username}: {LOGIN_NOTES[state]}")
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, row[3]]))
        for note in notes:
            self.stdout.write(note)
