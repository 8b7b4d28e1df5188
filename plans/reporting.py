"""Reporting rounds: completeness, the secretariat's overview matrix and the status report.

Completeness rule
-----------------
A lokalråd has *reported* in a round when every assignment it holds on the round's plan has at
least one status update registered in that round (``StatusUpdate.reporting_round``; the service
``report_status`` sets it while the round is open). It does not matter which member reported, nor
how many municipalities the lokalråd covers: the lokalråd holds one assignment per activity.
Only active lokalråd (kind "local") of the round's district count; a lokalråd that holds no
assignment on the plan has nothing to report and is left out. District-level activities, held by
the kredsråd, are not part of a round.

Everything here reads a fixed number of queries whatever the number of councils or assignments.
The dataclasses hold plain values (ids, names, dates, counts), no HTML, so a page, a CSV file and
the PDF can all render the same data.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from base.text import danish_date
from councils.models import Council

from .models import Activity, Assignment, FocusArea, ReportingRound, Status, StatusUpdate

STATUS_ORDER: tuple[str, ...] = tuple(Status.values)


def _round_councils(reporting_round: ReportingRound) -> list[Council]:
    return list(
        Council.objects.active()
        .local()
        .filter(
            district_id=reporting_round.district_id,
            assignments__activity__focus_area__plan_id=reporting_round.plan_id,
        )
        .distinct()
        .order_by("name")
    )


def _round_assignments(reporting_round: ReportingRound):
    return Assignment.objects.filter(
        activity__focus_area__plan_id=reporting_round.plan_id,
        council__district_id=reporting_round.district_id,
        council__kind=Council.Kind.LOCAL,
        council__is_active=True,
    )


def reported_ids(reporting_round: ReportingRound, *, council: Council | None = None) -> set[int]:
    """The assignments reported in the round (of one lokalråd, with `council`)."""
    updates = StatusUpdate.objects.filter(reporting_round=reporting_round)
    if council is not None:
        updates = updates.filter(assignment__council=council)
    return set(updates.order_by().values_list("assignment_id", flat=True).distinct())


def by_focus_area(assignments, reported: set[int]) -> dict[FocusArea, list[Assignment]]:
    """Assignments grouped by their focus area in the order given, each marked
    `reported_in_round` (its id in `reported`)."""
    groups: dict[FocusArea, list[Assignment]] = {}
    for assignment in assignments:
        assignment.reported_in_round = assignment.pk in reported
        groups.setdefault(assignment.activity.focus_area, []).append(assignment)
    return groups


# --- Completeness -----------------------------------------------------------------------------


class Reported:
    """Of the `held` assignments, `reported` are reported in the round."""

    held: int
    reported: int

    @property
    def missing(self) -> int:
        return self.held - self.reported

    @property
    def has_reported(self) -> bool:
        return self.reported == self.held

    @property
    def share(self) -> float:
        return self.reported / self.held if self.held else 1.0


@dataclass(frozen=True)
class CouncilCompleteness(Reported):
    """How far one lokalråd has come in a round."""

    council: Council
    held: int
    reported: int


def round_completeness(reporting_round: ReportingRound) -> list[CouncilCompleteness]:
    """Every lokalråd expected to report in the round, by name, with held/reported counts."""
    councils = _round_councils(reporting_round)
    reported = reported_ids(reporting_round)
    held: Counter = Counter()
    done: Counter = Counter()
    for assignment_id, council_id in _round_assignments(reporting_round).values_list(
        "pk", "council_id"
    ):
        held[council_id] += 1
        if assignment_id in reported:
            done[council_id] += 1
    return [
        CouncilCompleteness(council=council, held=held[council.pk], reported=done[council.pk])
        for council in councils
    ]


def councils_not_reported(reporting_round: ReportingRound) -> list[Council]:
    """The lokalråd that still have at least one assignment without an update in the round."""
    return [row.council for row in round_completeness(reporting_round) if not row.has_reported]


# --- What a lokalråd's page says about the round ----------------------------------------------

RoundState = Literal["none", "closed", "open", "open_done", "overdue", "overdue_done"]


@dataclass(frozen=True)
class RoundNotice:
    """The one message "Mit lokalråd" shows about the reporting round: its state, a lead
    sentence, a detail sentence, the alert's tone (a Bootstrap colour) and how many are missing."""

    state: RoundState
    tone: str
    lead: str
    detail: str = ""
    missing: int = 0


def round_notice(
    *,
    open_round: ReportingRound | None,
    last_closed: ReportingRound | None,
    held: int,
    reported: int,
) -> RoundNotice:
    """Decide, in one place, what a lokalråd's page says about the round from the round's state
    and the lokalråd's counts, so the page never says "open" and "closed", or "all reported"
    while assignments are missing, at once."""
    if open_round is None:
        later = _("Du kan altid indberette status, når der sker noget nyt.")
        if last_closed is None:
            return RoundNotice("none", "light", _("Der er ingen åben statusrunde lige nu."), later)
        lead = _("Statusrunden »%(name)s« er lukket, og der er ingen åben statusrunde lige nu.")
        return RoundNotice("closed", "light", lead % {"name": last_closed.name}, later)

    missing = held - reported
    words = {
        "name": open_round.name,
        "deadline": danish_date(open_round.deadline),
        "held": held,
        "reported": reported,
        "missing": missing,
    }
    if missing <= 0:
        state: RoundState = "overdue_done" if open_round.is_overdue else "open_done"
        lead = ngettext(
            "Lokalrådet har indberettet sin opgave i statusrunden »%(name)s«.",
            "Lokalrådet har indberettet alle %(held)s opgaver i statusrunden »%(name)s«.",
            held,
        )
        detail = _("Tak! Sker der mere, kan du stadig indberette en ny status.")
        return RoundNotice(state, "success", lead % words, detail)
    tally = _(
        "Lokalrådet har indberettet %(reported)s af %(held)s opgaver i runden; %(missing)s mangler."
    )
    if open_round.is_overdue:
        lead = _(
            "Statusrunden »%(name)s« er stadig åben, men fristen var %(deadline)s. "
            "Indberet så hurtigt som muligt."
        )
        return RoundNotice("overdue", "warning", lead % words, tally % words, missing)
    lead = _("Statusrunden »%(name)s« er åben, og fristen er %(deadline)s.")
    return RoundNotice("open", "info", lead % words, tally % words, missing)


# --- The overview matrix ----------------------------------------------------------------------

Axis = Literal["focus_area", "activity"]


@dataclass(frozen=True)
class Column:
    """A matrix column: a focus area, or an activity (then with its focus area's title)."""

    id: int
    title: str
    group_title: str = ""


@dataclass
class Cell:
    """A lokalråd's assignments under one column: how many, how many reported, their status."""

    held: int = 0
    reported: int = 0
    statuses: Counter = field(default_factory=Counter)

    @property
    def missing(self) -> int:
        return self.held - self.reported

    @property
    def is_complete(self) -> bool:
        return self.held > 0 and self.reported == self.held

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        """(status, Danish label, count) in the order of the status scale, non-zero only."""
        labels = dict(Status.choices)
        return [(s, labels[s], self.statuses[s]) for s in STATUS_ORDER if self.statuses[s]]


@dataclass
class Row(Reported):
    """One lokalråd in the matrix."""

    council_id: int
    council_name: str
    cells: list[Cell | None]
    held: int = 0
    reported: int = 0
    last_reported_on: datetime.date | None = None


@dataclass
class ColumnTotal:
    """Per column: lokalråd holding assignments there, and those that have reported them all."""

    councils: int = 0
    complete: int = 0
    held: int = 0
    reported: int = 0


@dataclass
class RoundOverview:
    reporting_round: ReportingRound
    axis: Axis
    columns: list[Column]
    rows: list[Row]
    column_totals: list[ColumnTotal]

    @property
    def councils_total(self) -> int:
        return len(self.rows)

    @property
    def councils_reported(self) -> int:
        return sum(1 for row in self.rows if row.has_reported)

    @property
    def assignments_total(self) -> int:
        return sum(row.held for row in self.rows)

    @property
    def assignments_reported(self) -> int:
        return sum(row.reported for row in self.rows)

    @property
    def not_reported(self) -> list[Row]:
        return [row for row in self.rows if not row.has_reported]


def round_overview(reporting_round: ReportingRound, *, axis: Axis = "focus_area") -> RoundOverview:
    """The lokalråd × focus area (or × activity) matrix of a round, rows ordered by name."""
    councils = _round_councils(reporting_round)
    reported = reported_ids(reporting_round)
    assignments = list(
        _round_assignments(reporting_round).values_list(
            "pk", "council_id", "activity_id", "activity__focus_area_id", "status"
        )
    )
    last_reported = dict(
        StatusUpdate.objects.filter(reporting_round=reporting_round)
        .values("assignment__council_id")
        .annotate(last=Max("date"))
        .values_list("assignment__council_id", "last")
    )
    used_activity_ids = {activity_id for _, _, activity_id, _, _ in assignments}
    if axis == "activity":
        activities = (
            Activity.objects.filter(pk__in=used_activity_ids)
            .select_related("focus_area")
            .order_by("focus_area__order", "focus_area__pk", "order", "pk")
        )
        columns = [
            Column(id=activity.pk, title=activity.text, group_title=activity.focus_area.title)
            for activity in activities
        ]
    else:
        areas = FocusArea.objects.filter(activities__pk__in=used_activity_ids).distinct()
        columns = [Column(id=area.pk, title=area.title) for area in areas.order_by("order", "pk")]
    column_index = {column.id: index for index, column in enumerate(columns)}

    rows = {
        council.pk: Row(
            council_id=council.pk,
            council_name=council.name,
            cells=[None] * len(columns),
            last_reported_on=last_reported.get(council.pk),
        )
        for council in councils
    }
    for assignment_id, council_id, activity_id, focus_area_id, status in assignments:
        row = rows.get(council_id)
        if row is None:
            continue
        index = column_index[activity_id if axis == "activity" else focus_area_id]
        cell = row.cells[index] or Cell()
        row.cells[index] = cell
        cell.held += 1
        cell.statuses[status] += 1
        row.held += 1
        if assignment_id in reported:
            cell.reported += 1
            row.reported += 1

    totals = [ColumnTotal() for _ in columns]
    for row in rows.values():
        for index, cell in enumerate(row.cells):
            if cell is None:
                continue
            totals[index].councils += 1
            totals[index].held += cell.held
            totals[index].reported += cell.reported
            if cell.is_complete:
                totals[index].complete += 1
    return RoundOverview(
        reporting_round=reporting_round,
        axis=axis,
        columns=columns,
        rows=list(rows.values()),
        column_totals=totals,
    )


# --- The status report for the kredsråd -------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    """How many assignments have a status. ``status`` is the code, ``label`` the Danish name."""

    status: str
    label: str
    count: int


@dataclass(frozen=True)
class ReportLine:
    """One council's current status on one activity, as the public may read it.

    ``date`` and ``public_text`` are empty when the council has never reported on the activity;
    ``reported_in_round`` tells whether it reported in this round. ``expected_in_round`` is true
    for an active lokalråd (the councils a round asks) and false for the kredsråd's
    district-level lines. No internal note, ever.
    """

    activity_id: int
    activity_text: str
    council_id: int
    council_name: str
    status: str
    status_label: str
    date: datetime.date | None
    public_text: str
    reported_in_round: bool
    expected_in_round: bool = True


@dataclass(frozen=True)
class FocusAreaReport:
    """A focus area with the counts by status of all its assignments and every line."""

    focus_area_id: int
    title: str
    is_local: bool
    local_council_name: str
    counts: tuple[StatusCount, ...]
    total: int
    lines: tuple[ReportLine, ...]


@dataclass(frozen=True)
class StatusReport:
    """The status report for a kredsråd meeting, built from one reporting round.

    ``as_of`` is the moment the statuses are taken at: the round's closing time, or the time
    the report was built while the round is open. Updates made later do not change a report of a
    closed round. ``counts`` totals every focus area; ``councils_reported`` and
    ``councils_expected`` follow the completeness rule of this module. Focus areas and their
    lines are in plan order (activities in order, then councils by name). Presentation-free: no
    HTML, no formatting; ``status`` codes are the values of ``plans.models.Status``.
    """

    district_name: str
    plan_title: str
    plan_period: str
    round_id: int
    round_name: str
    opened_on: datetime.date
    deadline: datetime.date
    closed_at: datetime.datetime | None
    overdue: bool
    as_of: datetime.datetime
    councils_expected: int
    councils_reported: int
    counts: tuple[StatusCount, ...]
    total: int
    focus_areas: tuple[FocusAreaReport, ...]


def _counts(counter: Counter) -> tuple[StatusCount, ...]:
    labels = dict(Status.choices)
    return tuple(
        StatusCount(status=s, label=str(labels[s]), count=counter[s]) for s in STATUS_ORDER
    )


def build_status_report(reporting_round: ReportingRound) -> StatusReport:
    """Per focus area of the round's plan: counts by status and each council's latest public text.

    Every assignment on the plan counts, including district-level ones held by the kredsråd
    (they belong to the plan's status too); each line's status is the latest update made up to
    ``as_of`` by (date, created_at), or "ikke påbegyndt" when there is none. A fixed number of
    queries.
    """
    plan = reporting_round.plan
    as_of = reporting_round.closed_at or timezone.now()
    assignments = list(
        Assignment.objects.filter(activity__focus_area__plan=plan)
        .filter(Q(council__is_active=True) | Q(pk__in=StatusUpdate.objects.values("assignment_id")))
        .select_related("council", "activity")
        .order_by("activity__order", "activity__pk", "council__name")
    )
    latest: dict[int, dict] = {}
    updates = (
        StatusUpdate.objects.filter(
            assignment__activity__focus_area__plan=plan, created_at__lte=as_of
        )
        .order_by("assignment_id", "date", "created_at", "pk")
        .values("assignment_id", "status", "date", "public_text")
    )
    for update in updates:
        latest[update["assignment_id"]] = update
    reported = reported_ids(reporting_round)
    labels = dict(Status.choices)

    by_area: dict[int, list[ReportLine]] = defaultdict(list)
    for assignment in assignments:
        update = latest.get(assignment.pk)
        status = update["status"] if update else Status.NOT_STARTED
        by_area[assignment.activity.focus_area_id].append(
            ReportLine(
                activity_id=assignment.activity_id,
                activity_text=assignment.activity.text,
                council_id=assignment.council_id,
                council_name=assignment.council.name,
                status=str(status),
                status_label=str(labels[status]),
                date=update["date"] if update else None,
                public_text=update["public_text"] if update else "",
                reported_in_round=assignment.pk in reported,
                expected_in_round=(
                    assignment.council.kind == Council.Kind.LOCAL and assignment.council.is_active
                ),
            )
        )

    area_reports = []
    overall: Counter = Counter()
    areas = list(
        plan.focus_areas.select_related("group").order_by("group__order", "group_id", "order", "pk")
    )
    # The lokalråd of the local areas, asked only when there are any.
    choosers: dict[int, list[str]] = defaultdict(list)
    if local_ids := [area.pk for area in areas if area.is_local]:
        rows = FocusArea.councils.through.objects.filter(focusarea_id__in=local_ids)
        for area_id, name in rows.values_list("focusarea_id", "council__name").order_by(
            "council__name"
        ):
            choosers[area_id].append(name)
    for area in areas:
        lines = by_area.get(area.pk, [])
        counter = Counter(line.status for line in lines)
        overall.update(counter)
        area_reports.append(
            FocusAreaReport(
                focus_area_id=area.pk,
                title=area.title,
                is_local=area.is_local,
                local_council_name=", ".join(choosers[area.pk]),
                counts=_counts(counter),
                total=len(lines),
                lines=tuple(lines),
            )
        )
    completeness = round_completeness(reporting_round)
    return StatusReport(
        district_name=reporting_round.district.name,
        plan_title=plan.title,
        plan_period=plan.period_label,
        round_id=reporting_round.pk,
        round_name=reporting_round.name,
        opened_on=reporting_round.opened_on,
        deadline=reporting_round.deadline,
        closed_at=reporting_round.closed_at,
        overdue=reporting_round.is_overdue,
        as_of=as_of,
        councils_expected=len(completeness),
        councils_reported=sum(1 for row in completeness if row.has_reported),
        counts=_counts(overall),
        total=sum(overall.values()),
        focus_areas=tuple(area_reports),
    )


CSV_HEADER = (
    "Indsatsområde",
    "Aktivitet",
    "Råd",
    "Status",
    "Dato",
    "Offentlig tekst",
    "Indberettet i runden",
)


# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """Text typed by users, made safe for a spreadsheet: a leading ' keeps a would-be formula
    ("=HYPERLINK(...)", "+45 …", "-") as the text it is."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_START) else value


def csv_untext(value: str) -> str:
    """A cell as `csv_text` wrote it, read back: the ' that kept a formula as text is dropped."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def status_report_rows(report: StatusReport):
    """The report as CSV rows (header first), Danish headers and values; no internal notes."""
    yield CSV_HEADER
    for area in report.focus_areas:
        for line in area.lines:
            yield (
                csv_text(area.title),
                csv_text(line.activity_text),
                csv_text(line.council_name),
                line.status_label,
                line.date.strftime("%d-%m-%Y") if line.date else "",
                csv_text(line.public_text),
                "Ja" if line.reported_in_round else ("Nej" if line.expected_in_round else "–"),
            )
