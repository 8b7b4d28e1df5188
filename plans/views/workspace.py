"""The secretariat's start page (/sekretariat/): the district's plans with their state and
what to do with them, the reporting round, and the way to the rest of the district's data.

Secretariat staff see their own district; a superuser picks one (``?kreds=``), as on the
reporting-round pages (`access.chosen_district`).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import copying, reporting
from ..forms import NextPeriodForm
from ..models import Plan, PlanVersion, ReportingRound
from .access import allowed_districts, chosen_district, secretariat_required
from .members import add_service_error


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


def _home_of(user, district) -> str:
    """The start page for `district` (a superuser's with the district chosen)."""
    url = reverse("workspace:home")
    return f"{url}?kreds={district.slug}" if user.is_superuser else url


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def next_period(request, pk):
    """ "Ny plan for næste periode": a new draft with this plan's content and no history."""
    plan = get_object_or_404(
        Plan.objects.managed_by(request.user).select_related("district"), pk=pk
    )
    suggested = copying.next_period(plan)
    form = NextPeriodForm(
        request.POST or None,
        initial={"period_start": suggested.start, "period_end": suggested.end},
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = copying.copy_for_next_period(plan=plan, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Kladden %(title)s %(period)s er oprettet. Kopieret fra %(old)s: %(what)s.")
                % {
                    "title": result.plan.title,
                    "period": result.plan.period_label,
                    "old": plan.period_label,
                    "what": result.summary(),
                },
            )
            return redirect(_home_of(request.user, plan.district))
    return render(
        request,
        "workspace/next_period.html",
        {
            "plan": plan,
            "form": form,
            "counts": copying.counts_to_copy(plan),
            "back": _home_of(request.user, plan.district),
        },
    )
