"""Multi-step writes on plans: keyword-only functions, each in one transaction."""

from django.db import transaction

from councils.models import Council

from .models import Activity, Assignment, Plan


def councils_responsible_for(activity: Activity) -> list[Council]:
    """The councils that hold an assignment for the activity.

    A district-level activity (kredsråd, secretariat, forum) is held by the kredsråd; "all
    lokalråd" by every active lokalråd of the district; "named lokalråd" by those chosen.
    """
    district = activity.focus_area.plan.district
    match activity.responsible:
        case Activity.Responsible.ALL_LOCAL:
            return list(Council.objects.active().local().filter(district=district))
        case Activity.Responsible.NAMED_LOCAL:
            return list(activity.responsible_councils.filter(district=district))
        case _:
            return list(Council.objects.filter(district=district, kind=Council.Kind.DISTRICT))


@transaction.atomic
def sync_assignments(*, activity: Activity) -> None:
    """Give every responsible council an assignment, and drop those no longer responsible.

    An assignment that already has status updates is never dropped: its history stays.
    """
    wanted = {council.pk for council in councils_responsible_for(activity)}
    existing = set(activity.assignments.values_list("council_id", flat=True))
    Assignment.objects.bulk_create(
        [Assignment(activity=activity, council_id=pk) for pk in wanted - existing],
        ignore_conflicts=True,
    )
    activity.assignments.filter(council_id__in=existing - wanted, updates__isnull=True).delete()


@transaction.atomic
def sync_assignments_for_council(*, council: Council) -> None:
    """Give a (new) lokalråd its assignments for every "all lokalråd" activity of live plans."""
    if council.kind != Council.Kind.LOCAL or not council.is_active:
        return
    activities = Activity.objects.filter(
        focus_area__plan__district=council.district,
        focus_area__plan__status__in=[
            Plan.Status.DRAFT,
            Plan.Status.APPROVED,
            Plan.Status.PUBLISHED,
        ],
        responsible=Activity.Responsible.ALL_LOCAL,
    )
    Assignment.objects.bulk_create(
        [Assignment(activity=activity, council=council) for activity in activities],
        ignore_conflicts=True,
    )


@transaction.atomic
def sync_plan_assignments(*, plan: Plan) -> None:
    for activity in Activity.objects.filter(focus_area__plan=plan).select_related(
        "focus_area__plan__district"
    ):
        sync_assignments(activity=activity)
