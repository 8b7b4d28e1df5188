"""How far a plan has got: one status per activity, and counts per status for the whole plan
and for each focus area, with the latest status date ("Senest opdateret").

An activity's status
--------------------
Status belongs to an assignment (activity × council). An activity carried by one council has
that council's status. A shared activity (several lokalråd) gets one status derived from its
assignments' current statuses, in this order:

1. no assignment (nobody holds it yet): "ikke påbegyndt";
2. every assignment has the same status: that status;
3. every assignment is "gennemført" or "aflyst", at least one "gennemført": "gennemført";
4. at least one is "i gang" or "gennemført": "i gang" (the work is under way as soon as one
   lokalråd has started or finished: "i gang" counts as progress, not only "gennemført");
5. at least one is "ikke påbegyndt": "ikke påbegyndt";
6. otherwise (only "udskudt/sat i bero" and "aflyst"): "udskudt/sat i bero".

Each activity counts once, in the summary and in the status filter of the plan page. The plan
page reads the live counts it already shows per activity (one query, `views.public.live_status`);
the PDF of a version reads the statuses as they stood when the version was published
(`progress_at`), so the stored file stays true to its date.

Plain values only (no HTML): the page, the PDF and the tests read the same data.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import Assignment, PlanVersion, Status, StatusUpdate

# The order of the bar and of the counts: finished work first, then work under way.
PROGRESS_ORDER: tuple[str, ...] = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.POSTPONED,
    Status.CANCELLED,
)
FINISHED = {Status.DONE, Status.CANCELLED}
UNDER_WAY = {Status.DONE, Status.IN_PROGRESS}

# The bar's width in SVG user units: whole numbers (a float would be printed with a Danish
# decimal comma, which SVG does not read).
BAR_WIDTH = 1000


def activity_status(counts: Mapping[str, int]) -> str:
    """The one status of an activity whose assignments have `counts` ({status: number})."""
    present = {status for status, n in counts.items() if n}
    if not present:
        return Status.NOT_STARTED
    if len(present) == 1:
        return next(iter(present))
    if present <= FINISHED and Status.DONE in present:
        return Status.DONE
    if present & UNDER_WAY:
        return Status.IN_PROGRESS
    if Status.NOT_STARTED in present:
        return Status.NOT_STARTED
    return Status.POSTPONED


@dataclass(frozen=True)
class Segment:
    """One status's part of a bar, in BAR_WIDTH units."""

    status: str
    label: str
    count: int
    x: int
    width: int


@dataclass(frozen=True)
class Progress:
    """Activities counted by their status."""

    counts: tuple[tuple[str, str, int], ...]  # (status, Danish label, count) in PROGRESS_ORDER
    total: int

    @property
    def shown(self) -> list[tuple[str, str, int]]:
        """The statuses that have activities."""
        return [row for row in self.counts if row[2]]

    @property
    def under_way(self) -> int:
        return sum(n for status, _, n in self.counts if status in UNDER_WAY)

    @property
    def text(self) -> str:
        """ "12 aktiviteter: 3 gennemført, 5 i gang, 4 ikke påbegyndt" (the bar's text)."""
        noun = "aktivitet" if self.total == 1 else "aktiviteter"
        parts = ", ".join(f"{n} {label.lower()}" for _, label, n in self.shown)
        return f"{self.total} {noun}: {parts}" if parts else f"{self.total} {noun}"

    @property
    def segments(self) -> list[Segment]:
        """The bar: each status a part as wide as its share, without gaps."""
        result = []
        x = 0
        seen = 0
        for status, label, n in self.counts:
            if not n:
                continue
            seen += n
            end = round(BAR_WIDTH * seen / self.total)
            result.append(Segment(status=status, label=label, count=n, x=x, width=end - x))
            x = end
        return result


def progress_of(statuses: Iterable[str]) -> Progress:
    counter = Counter(statuses)
    labels = dict(Status.choices)
    return Progress(
        counts=tuple((s, str(labels[s]), counter[s]) for s in PROGRESS_ORDER),
        total=sum(counter.values()),
    )


@dataclass(frozen=True)
class AreaProgress:
    id: int
    title: str
    progress: Progress


@dataclass(frozen=True)
class PlanProgress:
    """The whole plan's and each focus area's progress, and the latest status date."""

    plan: Progress
    areas: tuple[AreaProgress, ...]
    latest: datetime.date | None


def plan_progress(
    areas: Iterable[dict],
    counts: Mapping[int, Mapping[str, int]],
    dates: Mapping[int, datetime.date | None],
) -> PlanProgress:
    """Progress of focus areas (dicts with "id", "title" and "activities", each with "id"),
    given each activity's assignment counts per status and its latest status date."""
    rows = []
    every: list[str] = []
    latest = None
    for area in areas:
        statuses = [activity_status(counts.get(a["id"], {})) for a in area["activities"]]
        every.extend(statuses)
        rows.append(
            AreaProgress(id=area["id"], title=area["title"], progress=progress_of(statuses))
        )
        for activity in area["activities"]:
            date = dates.get(activity["id"])
            if date is not None and (latest is None or date > latest):
                latest = date
    return PlanProgress(plan=progress_of(every), areas=tuple(rows), latest=latest)


def progress_at(version: PlanVersion, areas: Iterable[dict]) -> PlanProgress:
    """The progress as it stood when `version` was published: each assignment's latest update
    made before the version (by date, then time of entry). Two queries."""
    counts: dict[int, Counter] = {}
    activity_of = dict(
        Assignment.objects.filter(activity__focus_area__plan_id=version.plan_id).values_list(
            "pk", "activity_id"
        )
    )
    latest: dict[int, tuple[str, datetime.date]] = {}
    updates = (
        StatusUpdate.objects.filter(
            assignment__activity__focus_area__plan_id=version.plan_id,
            created_at__lte=version.created_at,
        )
        .order_by("assignment_id", "date", "created_at", "pk")
        .values_list("assignment_id", "status", "date")
    )
    for assignment_id, status, date in updates:
        latest[assignment_id] = (status, date)
    dates: dict[int, datetime.date] = {}
    for assignment_id, activity_id in activity_of.items():
        status, date = latest.get(assignment_id, (Status.NOT_STARTED, None))
        counts.setdefault(activity_id, Counter())[status] += 1
        if date is not None and (activity_id not in dates or date > dates[activity_id]):
            dates[activity_id] = date
    return plan_progress(areas, counts, dates)
