"""The secretariat's start page (/sekretariat/): the district's plans with their state and
what to do with them, the reporting round, and the way to the rest of the district's data.

Secretariat staff see their own district; a superuser picks one (``?kreds=``), as on the
reporting-round pages (`access.chosen_district`).
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import reporting
from ..models import Plan, PlanVersion, ReportingRound
from .access import allowed_districts, chosen_district, secretariat_required


@dataclass(frozen=True)
class PlanRow:
    plan: Plan
    latest: PlanVersion | None  # the newest published version, if any

    @property
    def is_public(self) -> bool:
        return self.latest is not None

    @property
    def edited_since_publication(self) -> bool:
        """Saved after its latest version was published: the draft holds unpublished changes."""
        return self.latest is not None and self.plan.updated_at > self.latest.created_at


@dataclass(frozen=True)
class RoundState:
    reporting_round: ReportingRound
    councils: int
    reported: int


def plan_rows(district) -> list[PlanRow]:
    plans = (
        Plan.objects.for_district(district)
        .select_related("district")
        .prefetch_related(
            Prefetch("versions", queryset=PlanVersion.objects.defer("snapshot"), to_attr="all")
        )
        .order_by("-period_start", "-period_end")
    )
    return [PlanRow(plan=plan, latest=plan.all[0] if plan.all else None) for plan in plans]


def open_round_state(district) -> RoundState | None:
    reporting_round = (
        ReportingRound.objects.filter(district=district, closed_at__isnull=True)
        .select_related("plan")
        .order_by("-opened_on")
        .first()
    )
    if reporting_round is None:
        return None
    progress = reporting.round_completeness(reporting_round)
    return RoundState(
        reporting_round=reporting_round,
        councils=len(progress),
        reported=sum(1 for row in progress if row.has_reported),
    )


@require_safe
@secretariat_required
def home(request):
    district = chosen_district(request, request.GET)
    context = {"districts": allowed_districts(request.user), "district": district}
    if district is not None:
        context.update(
            {
                "plans": plan_rows(district),
                "open_round": open_round_state(district),
            }
        )
    return render(request, "workspace/home.html", context)
