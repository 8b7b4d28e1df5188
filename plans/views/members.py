"""'Mit lokalråd': a signed-in lokalråd member's assignments, status reports and handleplan.

Every view starts from the user's own active lokalråd (``Council.objects.for_member``, the one
place that rule is written) or from ``Assignment.objects.for_user`` (built on it); anything else
is a 404 and changes nothing.
"""

import hashlib
from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from base.locking import RevisionConflict
from councils.models import Council, ManagedDistricts, Membership

from .. import reporting, services
from ..forms import (
    AssignmentFilterForm,
    LocalActivityForm,
    LocalFocusAreaForm,
    StatusReportForm,
    html_to_plain,
    is_plain_html,
)
from ..models import Activity, Assignment, FocusArea, ReportingRound
from ..page_cache import CACHE_PREFIX, lookup, remember, scopes_for


def member_councils(user):
    """The active lokalråd the user sits in (``Council.objects.for_member``)."""
    return Council.objects.for_member(user).select_related("district")


def secretary_councils(user):
    """The lokalråd in which the user is secretary."""
    # The handleplan (local focus areas and activities) is a lokalråd's, not a lokalråd+'s.
    return Council.objects.for_member(
        user, role=Membership.Role.SECRETARY, kinds=(Council.Kind.LOCAL,)
    ).select_related("district")


def member_assignments(user):
    """Assignments of the user's own active lokalråd on published plans."""
    return Assignment.objects.for_user(user)


def _open_round_for(council: Council, plan_id: int | None) -> ReportingRound | None:
    if plan_id is None:
        return None
    return ReportingRound.objects.open().filter(district=council.district_id, plan=plan_id).first()


def add_service_error(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form: to its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def home(request):
    """Where a member lands after sign-in: their lokalråd, or a chooser. Signed-in users."""
    councils = list(member_councils(request.user))
    if len(councils) == 1:
        return redirect("members:council", council_id=councils[0].pk)
    user = request.user
    if not councils and user.is_staff and ManagedDistricts.of(user).manages_any:
        return redirect("workspace:home")
    return render(request, "members/home.html", {"councils": councils})


@login_required
def council_detail(request, council_id):
    """A lokalråd's assignments grouped by focus area, with filters. Members of that lokalråd.

    The page is the member's own (Cache-Control private, no-store), but what it shows of the
    lokalråd is the same for all its members: that part is rendered once per lokalråd, district
    generation (plans/page_cache.py: any change in the district moves it), day (a round becomes
    overdue) and filters, and kept in the shared cache. A visit then costs the session, the user
    and one query for the member's seats.
    """
    user = request.user
    # One query for the member's seats: the lokalråd (404 unless it is theirs and active),
    # whether they are its secretary, and whether they sit in several.
    seats = list(
        Membership.objects.filter(
            person__user=user, council__in=member_councils(user).values("pk")
        ).select_related("council__district")
    )
    council = next((seat.council for seat in seats if seat.council_id == council_id), None)
    if council is None:
        raise Http404
    is_secretary = council.kind == Council.Kind.LOCAL and any(
        seat.council_id == council.pk and seat.role == Membership.Role.SECRETARY for seat in seats
    )
    filters = request.GET.urlencode()
    variant = f"{council.pk}:{int(is_secretary)}:{timezone.localdate().isoformat()}:{filters}"
    key = f"{CACHE_PREFIX}:members:council:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"
    # The generations are read before the data (plans/page_cache.py).
    current, overview = lookup(key, scopes_for({"district": council.district.slug}))
    if overview is None:
        context = {
            **_council_overview(council, user, request.GET),
            "council": council,
            "is_secretary": is_secretary,
        }
        overview = {
            part: render_to_string(f"members/council_detail.html#{part}", context, request)
            for part in ("heading", "assignments")
        }
        remember(key, current, overview)
    return render(
        request,
        "members/council_detail.html",
        {
            "council": council,
            "overview": {part: mark_safe(html) for part, html in overview.items()},  # noqa: S308
            "is_secretary": is_secretary,
            "has_several_councils": len({seat.council_id for seat in seats}) > 1,
        },
    )


def _council_overview(council, user, filters) -> dict:
    """What "Mit lokalråd" shows of the lokalråd: its assignments on the current plan with the
    GET `filters` applied, and the open round's progress.

    The "Mangler" filter counts only while a round is open; without one nothing is missing, and
    the page says so rather than showing an empty list.
    """
    assignments = list(
        member_assignments(user)
        # The district as well: else PostgreSQL joins the activities of every published plan.
        .filter(council=council, activity__focus_area__plan__district_id=council.district_id)
        .select_related(
            "activity__focus_area__plan", "activity__focus_area__group", "latest_update"
        )
        .order_by(
            "activity__focus_area__order",
            "activity__focus_area_id",
            "activity__order",
            "activity_id",
        )
    )
    plan = assignments[0].activity.focus_area.plan if assignments else None
    open_round = _open_round_for(council, plan.pk if plan else None)
    reported = reporting.reported_ids(open_round, council=council) if open_round else set()

    focus_areas = list(
        OrderedDict((a.activity.focus_area.pk, a.activity.focus_area) for a in assignments).values()
    )
    filter_form = AssignmentFilterForm(filters or None, focus_areas=focus_areas)
    matching = assignments
    missing_only = False
    if filter_form.is_bound and filter_form.is_valid():
        status = filter_form.cleaned_data["status"]
        area = filter_form.cleaned_data["omraade"]
        matching = [
            a
            for a in assignments
            if (not status or a.status == status)
            and (area is None or a.activity.focus_area_id == area)
        ]
        missing_only = filter_form.cleaned_data["runde"] == AssignmentFilterForm.MISSING
    missing = [a for a in matching if a.pk not in reported] if open_round else []
    shown = missing if missing_only and open_round else matching
    reported_count = sum(1 for a in assignments if a.pk in reported)
    return {
        "plan": plan,
        "notice": _round_notice(council, plan, open_round, len(assignments), reported_count),
        "groups": reporting.by_focus_area(shown, reported),
        "assignment_count": len(assignments),
        "shown_count": len(shown),
        "matching_count": len(matching),
        "missing_count": len(missing),
        "missing_only": missing_only,
        "filter_form": filter_form,
        **_filter_links(council, kept_filters(filters)),
        "open_round": open_round,
        "reported_count": reported_count,
    }


def _filter_links(council, filters: QueryDict) -> dict:
    """The query string the report links carry, and the "Alle" and "Mangler" links, which keep
    the other filters."""
    url = reverse("members:council", args=[council.pk])
    everything, missing = filters.copy(), filters.copy()
    everything.pop("runde", None)
    missing["runde"] = AssignmentFilterForm.MISSING
    return {
        "query": _query(filters),
        "all_url": f"{url}{_query(everything)}",
        "missing_url": f"{url}{_query(missing)}",
    }


def _round_notice(council, plan, open_round, held, reported) -> reporting.RoundNotice | None:
    """The round's message for a lokalråd with assignments; the latest closed round of the plan
    is read only when none is open."""
    if plan is None:
        return None
    last_closed = None
    if open_round is None:
        last_closed = (
            ReportingRound.objects.filter(
                district=council.district_id, plan=plan, closed_at__isnull=False
            )
            .order_by("-closed_at")
            .first()
        )
    return reporting.round_notice(
        open_round=open_round, last_closed=last_closed, held=held, reported=reported
    )


def _history(assignment):
    return assignment.updates.select_related("author__person", "reporting_round").order_by(
        "-date", "-created_at", "-pk"
    )


def kept_filters(query) -> QueryDict:
    """The lokalråd page's filters out of a query string: the report panel carries them so the
    member returns to the list they came from, and nothing else rides along."""
    kept = QueryDict(mutable=True)
    for name in AssignmentFilterForm.base_fields:
        if query.get(name):
            kept[name] = query[name]
    return kept


def _query(filters: QueryDict) -> str:
    return f"?{filters.urlencode()}" if filters else ""


def _list_position(assignment) -> tuple:
    """Where an assignment stands on the lokalråd page (the order _council_overview reads)."""
    activity = assignment.activity
    area = activity.focus_area
    return (area.order, area.pk, activity.order, activity.pk)


def _focus_after_save(assignment, shown: list) -> str:
    """Where keyboard focus goes after an htmx save: the row's own report link while the row is
    still listed (`shown`: the rows in the page's order); when the filters drop it (it is no
    longer "Mangler"), the next listed row's, else the list's counter."""
    if assignment in shown:
        return f"#opgave-{assignment.pk} .report-link"
    position = _list_position(assignment)
    later = next((a for a in shown if _list_position(a) > position), None)
    return f"#opgave-{later.pk} .report-link" if later else "#opgave-optaelling"


def _saved_response(request, assignment, filters) -> HttpResponse:
    """The htmx answer to a saved report: the panel closes, and the row's status, the round's
    message and the counts are swapped out of band; a row the filters no longer list goes."""
    council = assignment.council
    overview = _council_overview(council, request.user, filters)
    shown = [a for items in overview["groups"].values() for a in items]
    still_listed = assignment in shown
    assignment.reported_in_round = overview["open_round"] is not None and (
        assignment.updates.filter(reporting_round=overview["open_round"]).exists()
    )
    context = {
        **overview,
        "council": council,
        "assignment": assignment,
        "still_listed": still_listed,
        "focus": _focus_after_save(assignment, shown),
        "oob": True,
    }
    response = render(request, "members/assignment_detail.html#saved", context)
    if not still_listed:
        response = retarget(response, f"#opgave-{assignment.pk}")
        response = reswap(response, "delete")
    return response


@login_required
def assignment_detail(request, pk):
    """Report status on one assignment, with its full history. Members of its lokalråd.

    Without JavaScript the form posts and redirects back to the lokalråd page, with the filters
    the member came from; with htmx the same view answers with the report panel alone, and a
    saved report closes it (_saved_response).
    """
    assignment = get_object_or_404(
        member_assignments(request.user).select_related(
            "council", "activity__focus_area__plan", "latest_update"
        ),
        pk=pk,
    )
    plan = assignment.activity.focus_area.plan
    filters = kept_filters(request.GET)
    # Field ids unique per assignment: several report panels may be open on one page.
    auto_id = f"opgave-{assignment.pk}-%s"
    if request.method == "POST":
        form = StatusReportForm(request.POST, auto_id=auto_id, plan=plan)
        if form.is_valid():
            try:
                services.report_status(
                    assignment=assignment,
                    author=request.user,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                if request.htmx:
                    return _saved_response(request, assignment, filters)
                messages.success(
                    request,
                    _("Status er gemt for »%(activity)s«.") % {"activity": assignment.activity},
                )
                url = reverse("members:council", args=[assignment.council_id])
                return redirect(f"{url}{_query(filters)}#opgave-{assignment.pk}")
    else:
        form = StatusReportForm(initial={"status": assignment.status}, auto_id=auto_id, plan=plan)

    open_round = _open_round_for(assignment.council, plan.pk)
    assignment.reported_in_round = (
        open_round is not None and assignment.updates.filter(reporting_round=open_round).exists()
    )
    context = {
        "assignment": assignment,
        "council": assignment.council,
        "form": form,
        "history": _history(assignment),
        "open_round": open_round,
        "query": _query(filters),
        # The panel sits under an h3 on the lokalråd page (htmx) and under the h1 on its own.
        "heading_level": 4 if request.htmx else 2,
    }
    template = "members/assignment_detail.html"
    if request.htmx:
        template += "#report-panel"
    return render(request, template, context)


# --- The lokalråd secretary's handleplan -----------------------------------------------------


def _secretary_context(request, council_id):
    council = get_object_or_404(secretary_councils(request.user), pk=council_id)
    plan = services.current_plan_for(council)
    if plan is None:
        raise Http404(_("Politikredsen har ingen gældende plan."))
    return council, plan


def _local_areas(council, plan):
    return services.own_focus_areas(council, plan)


def _open_areas(council, plan):
    return services.focus_areas_open_to(council, plan)


def _own_activities(council, plan):
    return services.local_activities_of(council).filter(focus_area__plan=plan)


@login_required
def local_plan(request, council_id):
    """The lokalråd's own focus areas and activities on the current plan. Its secretary."""
    council, plan = _secretary_context(request, council_id)
    own_ids = _own_activities(council, plan).values("pk")
    areas = (
        _open_areas(council, plan)
        .select_related("group")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.filter(pk__in=own_ids).order_by("order", "pk"),
                to_attr="own_activities",
            )
        )
        .order_by("order", "pk")
    )
    local_areas = [area for area in areas if area.is_local]
    district_areas = [area for area in areas if not area.is_local]
    return render(
        request,
        "members/local_plan.html",
        {
            "council": council,
            "plan": plan,
            "local_areas": local_areas,
            "district_areas": district_areas,
        },
    )


@login_required
def focus_area_edit(request, council_id, pk=None):
    """Add or change one of the lokalråd's local focus areas. Its secretary."""
    council, plan = _secretary_context(request, council_id)
    focus_area = get_object_or_404(_local_areas(council, plan), pk=pk) if pk else None
    rich = focus_area is not None and not is_plain_html(focus_area.background)
    initial = {}
    if focus_area is not None:
        initial = {
            "title": focus_area.title,
            "background": focus_area.background if rich else html_to_plain(focus_area.background),
            "ambition": focus_area.ambition,
            "revision": focus_area.revision,
        }
    form = LocalFocusAreaForm(request.POST or None, initial=initial, rich_background=rich)
    current = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_local_focus_area(
                council=council,
                title=data["title"],
                background=focus_area.background if rich else data["background"],
                ambition=data["ambition"],
                focus_area=focus_area,
                expected_revision=data["revision"] if focus_area else None,
            )
        except RevisionConflict:
            current = FocusArea.objects.get(pk=focus_area.pk)
            form.refuse_stale(current.revision)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Indsatsområdet »%(title)s« er gemt.") % {"title": saved})
            return redirect("members:local_plan", council_id=council.pk)
    return render(
        request,
        "members/focus_area_form.html",
        {
            "council": council,
            "plan": plan,
            "form": form,
            "focus_area": focus_area,
            "current": current,
            "rich_background": rich,
        },
    )


@login_required
def activity_edit(request, council_id, pk=None):
    """Add or change one of the lokalråd's own activities. Its secretary."""
    council, plan = _secretary_context(request, council_id)
    activity = get_object_or_404(_own_activities(council, plan), pk=pk) if pk else None
    areas = _open_areas(council, plan).order_by("order", "pk")
    initial = {}
    if activity is not None:
        initial = {
            "focus_area": activity.focus_area_id,
            "text": activity.text,
            "timing": activity.timing,
            "revision": activity.revision,
        }
    elif request.GET.get("omraade", "").isdigit():
        initial = {"focus_area": int(request.GET["omraade"])}
    form = LocalActivityForm(request.POST or None, initial=initial, focus_areas=areas)
    current = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_local_activity(
                council=council,
                focus_area=data["focus_area"],
                text=data["text"],
                timing=data["timing"],
                activity=activity,
                expected_revision=data["revision"] if activity else None,
            )
        except RevisionConflict:
            current = Activity.objects.select_related("focus_area").get(pk=activity.pk)
            form.refuse_stale(current.revision)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Aktiviteten er gemt."))
            return redirect("members:local_plan", council_id=council.pk)
    return render(
        request,
        "members/activity_form.html",
        {
            "council": council,
            "plan": plan,
            "form": form,
            "activity": activity,
            "current": current,
        },
    )


def _direction(request):
    direction = request.POST.get("retning")
    if direction not in {"up", "down"}:
        raise Http404
    return direction


@login_required
@require_POST
def focus_area_move(request, council_id, pk):
    """Move a local focus area up or down among the lokalråd's own. Its secretary."""
    council, plan = _secretary_context(request, council_id)
    focus_area = get_object_or_404(_local_areas(council, plan), pk=pk)
    services.move_local_focus_area(
        council=council, focus_area=focus_area, direction=_direction(request)
    )
    url = reverse("members:local_plan", args=[council.pk])
    return redirect(f"{url}#omraade-{focus_area.pk}")


@login_required
@require_POST
def activity_move(request, council_id, pk):
    """Move an activity of the lokalråd's own up or down within its focus area. Its secretary."""
    council, plan = _secretary_context(request, council_id)
    activity = get_object_or_404(_own_activities(council, plan), pk=pk)
    services.move_local_activity(council=council, activity=activity, direction=_direction(request))
    url = reverse("members:local_plan", args=[council.pk])
    return redirect(f"{url}#aktivitet-{activity.pk}")
