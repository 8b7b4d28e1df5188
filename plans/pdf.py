"""Print versions (PDF) of a published plan version and of a kredsråd status report.

Both are HTML templates under `templates/plans/pdf/` with their own print stylesheet
(`static/css/pdf.css`), turned into tagged PDF/UA-1 files by WeasyPrint. Everything the renderer
loads (stylesheet, the Source Sans 3 font) comes from the project's static folder, and a plan's
figures from their folder in storage (re-encoded on upload, base/uploads.py); any other address,
on disk or on the network, is refused (plans/printing.py, WeasyPrint's side, loaded with the
first PDF).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from base.text import danish_date, shorten

from .cycle import cycle_entries
from .models import PlanVersion, Status
from .outline import appendix_numbers, build_outline
from .progress import progress_at
from .reporting import StatusCount, StatusReport
from .revisions import RevisionFootnotes, revision_footnotes
from .snapshot import (
    actors_display,
    area_labels,
    goals_by_party,
    grouped_focus_areas,
    snapshot_approval_line,
    upgrade,
)
from .templatetags.public import nest_headings

# What fits on one line of the running header (8.5 pt, A4): the title at the top left takes
# 45 % of the width, the chapter at the top right 55 %. Longer texts end with "…".
RUNNING_TITLE_CHARS = 48
RUNNING_CHAPTER_CHARS = 56


def running_title(title: str, period_label: str = "") -> str:
    """The title for the top left of every page, on one line; the period is always shown."""
    if not period_label:
        return shorten(title, RUNNING_TITLE_CHARS)
    return f"{shorten(title, RUNNING_TITLE_CHARS - len(period_label) - 1)} {period_label}"


FIGURE_FOLDER = "plans/figures"


def figures_folder() -> Path:
    """Where stored figures are on disk (the storage is the file system's)."""
    return Path(default_storage.path(FIGURE_FOLDER))


def figure_src(name: str) -> str:
    """The `file:` address of a stored figure, for the renderer."""
    return Path(default_storage.path(name)).resolve().as_uri()


def write_pdf(html: str) -> bytes:
    """Turn one of our print templates into a tagged PDF/UA-1 file. Besides the static files,
    the renderer may load the plans' stored figures (re-encoded on upload), nothing else."""
    from .printing import render  # WeasyPrint loads with the first PDF (plans/printing.py)

    return render(html, also=(figures_folder(),))


def plan_context(version: PlanVersion) -> dict:
    snapshot = upgrade(version.snapshot)
    # Version 1 is the original: nothing in it is revised, no need to ask the database.
    footnotes = revision_footnotes(version) if version.is_revision else RevisionFootnotes()
    sections = [
        {
            **section,
            "running": shorten(section["title"], RUNNING_CHAPTER_CHARS),
            "revised_on": danish_date(footnotes.sections.get(section["id"])),
            "figures": [
                {**figure, "src": figure_src(figure["file"])}
                for figure in section.get("figures", ())
            ],
        }
        for section in snapshot["sections"]
    ]
    groups = grouped_focus_areas(
        snapshot,
        [
            {
                **area,
                "running": shorten(area["title"], RUNNING_CHAPTER_CHARS),
                "revised_on": danish_date(footnotes.focus_areas.get(area["id"])),
                "activities": [
                    {**activity, "actors_text": actors_display(activity)}
                    for activity in area["activities"]
                ],
            }
            for area in snapshot["focus_areas"]
        ],
    )
    for group in groups:
        group["areas"] = [{**area, **area_labels(group, area)} for area in group["areas"]]
    outline = build_outline(sections, groups)
    focus_areas = [area for group in groups for area in group["areas"]]
    progress = progress_at(version, focus_areas)
    plan = {
        **snapshot["plan"],
        "foreword": nest_headings(snapshot["plan"]["foreword"], 2),
        "shared_goals": nest_headings(snapshot["plan"]["shared_goals"], 2),
    }
    return {
        "version": version,
        "district": snapshot["district"],
        "plan": plan,
        "title": f"{snapshot['plan']['title']} {snapshot['plan']['period_label']}",
        "running_title": running_title(snapshot["plan"]["title"], snapshot["plan"]["period_label"]),
        "published_on": danish_date(version.published_on),
        "published_on_iso": version.published_on.isoformat(),
        "revised_on": danish_date(version.published_on) if version.is_revision else "",
        "approval_line": snapshot_approval_line(snapshot["plan"]),
        "effective_date": danish_date(snapshot["plan"]["effective_date"]),
        "sections": sections,
        "outline": outline,
        "groups": groups,
        "focus_areas": focus_areas,
        "progress": progress,
        "progress_latest": danish_date(progress.latest),
        "progress_chart": status_chart(
            [
                StatusCount(status=status, label=label, count=n)
                for status, label, n in progress.plan.counts
            ],
            progress.plan.total,
            "hele planen",
            noun="aktiviteter",
        ),
        "unplaced_area_count": sum(len(group["areas"]) for group in outline.unplaced_groups),
        "appendix": appendix_numbers(
            forums=bool(snapshot["forums"]),
            annual_cycle=bool(snapshot["annual_cycle"]),
            organisation=bool(snapshot.get("organisation")),
        ),
        "plan_goals": goals_by_party(snapshot["plan"]["goals"]),
        "annual_cycle": cycle_entries(
            snapshot["annual_cycle"], period_start=snapshot["plan"]["period_start"]
        ),
        "forums": sorted(snapshot["forums"], key=lambda f: (f["order"], f["name"])),
        # Frozen with the version; versions published before that have no organisation appendix.
        "organisation": snapshot.get("organisation"),
        "attachments": snapshot.get("attachments", []),
        "plan_url": _plan_url(snapshot),
    }


def _plan_url(snapshot: dict) -> str:
    """The plan's public page, where its attachments are downloaded ("" if not mounted)."""
    try:
        path = reverse(
            "public:plan",
            kwargs={
                "district": snapshot["district"]["slug"],
                "period": snapshot["plan"]["period_label"],
            },
        )
    except NoReverseMatch:
        return ""
    return settings.SITE_URL + path


def render_plan_pdf(version: PlanVersion) -> bytes:
    """The PDF of a published plan version, exactly as its snapshot froze it."""
    with translation.override("da"):
        html = render_to_string("plans/pdf/plan.html", plan_context(version))
    return write_pdf(html)


# --- The status report ------------------------------------------------------------------------

STATUS_COLOURS = {
    Status.NOT_STARTED: "#6b7785",
    Status.IN_PROGRESS: "#1f5fa8",
    Status.DONE: "#2e7d32",
    Status.POSTPONED: "#a15c00",
    Status.CANCELLED: "#b3261e",
}

# Geometry of the bar charts, in SVG user units (the chart is scaled to the text width).
CHART_WIDTH = 600
CHART_LABEL_WIDTH = 150
CHART_BAR_AREA = 390
CHART_ROW = 24
CHART_BAR = 16


def status_chart(counts, total: int, subject: str, noun: str = "opgaver") -> dict:
    """Horizontal bars, one per status, with the counts written out (never colour alone)."""
    largest = max((c.count for c in counts), default=0)
    bars = []
    for index, count in enumerate(counts):
        # Whole units: Django would print a float with a Danish decimal comma, invalid in SVG.
        width = round(CHART_BAR_AREA * count.count / largest) if largest else 0
        y = index * CHART_ROW + 4
        bars.append(
            {
                "label": count.label,
                "count": count.count,
                "colour": STATUS_COLOURS.get(count.status, "#6b7785"),
                "y": y,
                "text_y": y + CHART_BAR - 3,
                "width": width,
                "value_x": CHART_LABEL_WIDTH + width + 6,
            }
        )
    summary = ", ".join(f"{c.label.lower()} {c.count}" for c in counts)
    return {
        "title": f"Status for {subject}: {total} {noun} i alt; {summary}.",
        "bars": bars,
        "width": CHART_WIDTH,
        "height": len(counts) * CHART_ROW + 8,
        "label_width": CHART_LABEL_WIDTH,
        "bar_height": CHART_BAR,
    }


def status_report_context(report: StatusReport) -> dict:
    areas = []
    for area in report.focus_areas:
        activities: dict[int, dict] = {}
        for line in area.lines:
            activity = activities.setdefault(
                line.activity_id, {"text": line.activity_text, "reports": [], "not_reported": []}
            )
            if line.date is None:
                # Never reported: named together in one line rather than one empty entry each.
                activity["not_reported"].append(line.council_name)
            else:
                activity["reports"].append({"line": line, "date": danish_date(line.date)})
        areas.append(
            {
                "area": area,
                "chart": status_chart(area.counts, area.total, area.title),
                "activities": list(activities.values()),
            }
        )
    as_of = timezone.localtime(report.as_of)
    return {
        "report": report,
        "title": f"Statusrapport: {report.round_name}",
        "running_title": running_title(f"Statusrapport: {report.round_name}"),
        "as_of": danish_date(as_of.date()),
        "as_of_iso": as_of.date().isoformat(),
        "opened_on": danish_date(report.opened_on),
        "deadline": danish_date(report.deadline),
        "chart": status_chart(report.counts, report.total, "hele planen"),
        "areas": areas,
    }


def status_report_html(report: StatusReport) -> str:
    """The print page of a status report: what the PDF shows, cheap to build (no layout)."""
    with translation.override("da"):
        return render_to_string("plans/pdf/status_report.html", status_report_context(report))


def render_status_report_pdf(report: StatusReport) -> bytes:
    """The kredsråd's status report of a reporting round, in the plan PDF's template family."""
    return write_pdf(status_report_html(report))
