"""The secretariat's reporting rounds: open and close, overview, reminders, status report.

Secretariat staff (a staff user with ``user.secretariat``) see their own district; a superuser
may pick any district. Another district's round is a 404. Who manages which district is
``PoliceDistrict.objects.managed_by`` (and ``ReportingRound.objects.managed_by``), nowhere else.
"""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from base.text import danish_slugify
from councils.models import Council

from .. import bulk_status, reporting, services
from ..forms import CsvUploadForm, OpenRoundForm
from ..models import Plan, ReportingRound, Status
from .access import allowed_districts, chosen_district, secretariat_required
from .members import add_service_error

SORTS = {
    "navn": (lambda row: row.council_name.casefold(), False),
    "-navn": (lambda row: row.council_name.casefold(), True),
    "andel": (lambda row: (row.share, row.council_name.casefold()), False),
    "-andel": (lambda row: (row.share, row.council_name.casefold()), True),
    "mangler": (lambda row: (row.missing, row.council_name.casefold()), True),
}

# Bar colours for the status chart (SVG fill attributes; every bar is also labelled in text).
STATUS_COLOURS = {
    Status.NOT_STARTED: "#6c757d",
    Status.IN_PROGRESS: "#0d47a1",
    Status.DONE: "#1b5e20",
    Status.POSTPONED: "#8a5300",
    Status.CANCELLED: "#9b1c1c",
}


def rounds_for(user):
    return ReportingRound.objects.managed_by(user).select_related("district", "plan")


@secretariat_required
def index(request):
    """The district's rounds, the open one's progress, and the form to open one."""
    district = chosen_district(request, request.GET)
    context = {"districts": allowed_districts(request.user), "district": district}
    if district is not None:
        rounds = list(rounds_for(request.user).filter(district=district).order_by("-opened_on"))
        open_round = next((r for r in rounds if r.is_open), None)
        progress = reporting.round_completeness(open_round) if open_round else []
        context.update(
            {
                "open_round": open_round,
                "closed_rounds": [r for r in rounds if not r.is_open],
                "progress": progress,
                "reported_count": sum(1 for row in progress if row.has_reported),
                "current_plan": Plan.objects.current().for_district(district).first(),
                "form": OpenRoundForm(),
            }
        )
    return render(request, "rounds/index.html", context)


@secretariat_required
def open_round(request):
    """Open a round for the district on its current plan."""
    source = request.POST if request.method == "POST" else request.GET
    district = chosen_district(request, source)
    if district is None:
        return redirect("rounds:index")
    form = OpenRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reporting_round = services.open_round(
                district=district, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Statusrunden »%(name)s« er åbnet.") % {"name": reporting_round.name}
            )
            return redirect("rounds:detail", pk=reporting_round.pk)
    return render(
        request,
        "rounds/open.html",
        {
            "form": form,
            "district": district,
            "current_plan": Plan.objects.current().for_district(district).first(),
        },
    )


@secretariat_required
def detail(request, pk):
    """The overview matrix of a round: lokalråd × focus area (or activity), sortable."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    axis = "activity" if request.GET.get("visning") == "aktiviteter" else "focus_area"
    sort = request.GET.get("sortering", "navn")
    if sort not in SORTS:
        sort = "navn"
    overview = reporting.round_overview(reporting_round, axis=axis)
    key, reverse_order = SORTS[sort]
    rows = sorted(overview.rows, key=key, reverse=reverse_order)
    missing = overview.not_reported
    recipients = services.reminder_recipients([row.council_id for row in missing])
    return render(
        request,
        "rounds/detail.html",
        {
            "round": reporting_round,
            "overview": overview,
            "rows": rows,
            "sort": sort,
            "axis": axis,
            "view_param": "aktiviteter" if axis == "activity" else "",
            "missing": [(row, len(recipients.get(row.council_id, []))) for row in missing],
            "recipient_total": sum(len(emails) for emails in recipients.values()),
        },
    )


@secretariat_required
def close(request, pk):
    """Ask, then close an open round."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    if not reporting_round.is_open:
        messages.info(request, _("Statusrunden er allerede lukket."))
        return redirect("rounds:detail", pk=reporting_round.pk)
    if request.method == "POST":
        services.close_round(reporting_round=reporting_round)
        messages.success(
            request, _("Statusrunden »%(name)s« er lukket.") % {"name": reporting_round.name}
        )
        return redirect("rounds:detail", pk=reporting_round.pk)
    progress = reporting.round_completeness(reporting_round)
    return render(
        request,
        "rounds/close.html",
        {
            "round": reporting_round,
            "expected_count": len(progress),
            "reported_count": sum(1 for row in progress if row.has_reported),
        },
    )


@secretariat_required
@require_POST
def remind(request, pk):
    """E-mail the members of every lokalråd that has not reported yet."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    try:
        result = services.send_reminders(reporting_round=reporting_round)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.councils == 0:
            messages.info(request, _("Alle lokalråd har indberettet; der er ingen at minde om."))
        else:
            messages.success(
                request,
                _("Påmindelse sendt: %(emails)d e-mails til medlemmer af %(councils)d lokalråd.")
                % {"emails": result.emails, "councils": result.councils},
            )
    return redirect("rounds:detail", pk=reporting_round.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def council_in_round(request, pk, council_id):
    """One lokalråd's assignments on the round's plan, with internal notes; while the round is
    open the secretariat enters statuses the lokalråd sent another way (`bulk_status`)."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    council = get_object_or_404(
        Council.objects.filter(district=reporting_round.district, kind=Council.Kind.LOCAL),
        pk=council_id,
    )
    posted = request.method == "POST" and reporting_round.is_open
    entries = bulk_status.council_entries(
        reporting_round, council, request.POST if posted else None
    )
    if posted:
        changed = [entry for entry in entries if entry.changed]
        if not changed:
            messages.info(request, _("Du ændrede ingen rækker, så intet er gemt."))
        elif any(entry.has_errors for entry in changed):
            messages.error(request, _("Ret de markerede rækker. Intet er gemt endnu."))
        else:
            try:
                saved = bulk_status.save_entries(changed, author=request.user)
            except ValidationError:
                messages.error(request, _("Ret de markerede rækker. Intet er gemt endnu."))
            else:
                messages.success(request, bulk_status.saved_message(saved))
                return redirect("rounds:council", pk=pk, council_id=council.pk)
    reported = reporting.reported_ids(reporting_round, council=council)
    groups: dict = {}
    for entry in entries:
        entry.assignment.reported_in_round = entry.assignment.pk in reported
        groups.setdefault(entry.assignment.activity.focus_area, []).append(entry)
    return render(
        request,
        "rounds/council.html",
        {"round": reporting_round, "council": council, "groups": groups},
    )


BAR_ROW = 28
BAR_LEFT = 170
BAR_MAX = 320


def _chart(counts):
    """Bar geometry for an SVG chart: one bar per status, scaled to the largest count."""
    largest = max((count.count for count in counts), default=0) or 1
    bars = []
    for index, count in enumerate(counts):
        width = round(BAR_MAX * count.count / largest) if count.count else 0
        top = index * BAR_ROW
        bars.append(
            {
                "label": count.label,
                "count": count.count,
                "colour": STATUS_COLOURS[count.status],
                "bar_x": BAR_LEFT,
                "bar_y": top + 4,
                "width": width,
                "text_y": top + 19,
                "count_x": BAR_LEFT + width + 6,
            }
        )
    return bars


@secretariat_required
def report(request, pk):
    """The status report for the kredsråd: bar charts and every lokalråd's public text."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    status_report = reporting.build_status_report(reporting_round)
    areas = [(area, _chart(area.counts)) for area in status_report.focus_areas]
    return render(
        request,
        "rounds/report.html",
        {
            "round": reporting_round,
            "report": status_report,
            "overall_chart": _chart(status_report.counts),
            "areas": areas,
            "chart_height": len(Status.choices) * BAR_ROW,
            "chart_width": BAR_LEFT + BAR_MAX + 50,
        },
    )


@secretariat_required
def report_csv(request, pk):
    """The status report as CSV for Excel: UTF-8 with BOM, semicolon separated."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    status_report = reporting.build_status_report(reporting_round)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"statusrapport-{danish_slugify(reporting_round.name) or reporting_round.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerows(reporting.status_report_rows(status_report))
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def import_csv(request, pk):
    """Statuses for several lokalråd from the status report's CSV: upload, preview, confirm.

    The upload shows every row's outcome (new status, unchanged, error) and saves nothing; the
    preview carries the file's text to the confirmation, which checks it again and saves all
    new statuses or none."""
    reporting_round = get_object_or_404(rounds_for(request.user), pk=pk)
    context = {"round": reporting_round}
    if not reporting_round.is_open:
        return render(request, "rounds/import.html", context)
    upload_form = CsvUploadForm()
    checked = None
    if request.method == "POST" and "csv_text" in request.POST:
        checked = bulk_status.read_csv(reporting_round, request.POST["csv_text"])
        if checked.ok and checked.entries and "confirm" in request.POST:
            try:
                saved = bulk_status.save_entries(checked.entries, author=request.user)
            except ValidationError:
                messages.error(request, _("Nogle rækker blev afvist. Intet er gemt."))
            else:
                messages.success(request, bulk_status.saved_message(saved))
                return redirect("rounds:detail", pk=reporting_round.pk)
    elif request.method == "POST":
        upload_form = CsvUploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            data = upload_form.cleaned_data["file"].read()
            checked = bulk_status.read_csv(reporting_round, bulk_status.decode(data))
    context.update({"form": upload_form, "checked": checked})
    return render(request, "rounds/import.html", context)
