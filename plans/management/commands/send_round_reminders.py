"""Remind lokalråd that have not reported, N days before an open round's deadline (for cron)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from base.text import danish_date
from plans.models import ReportingRound
from plans.services import send_reminders


class Command(BaseCommand):
    help = (
        "Sender påmindelser til medlemmerne af de lokalråd, der mangler at indberette i en åben "
        "statusrunde, hvis frist er præcis N dage fra i dag. Køres dagligt, f.eks. fra cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=3,
            help="Antal dage før fristen (standard 3; 0 = på selve fristdagen).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days kan ikke være negativ.")
        deadline = timezone.localdate() + datetime.timedelta(days=days)
        rounds = ReportingRound.objects.open().filter(deadline=deadline).select_related("district")
        for reporting_round in rounds:
            result = send_reminders(reporting_round=reporting_round)
            self.stdout.write(
                f"{reporting_round.district}: »{reporting_round.name}« – {result.emails} e-mails "
                f"til {result.councils} lokalråd, der mangler at indberette."
            )
        if not rounds:
            self.stdout.write(f"Ingen åbne statusrunder med frist {danish_date(deadline)}.")
