"""Print versions (PDF) of a published plan version and of a kredsråd status report.

Both are HTML templates under `templates/plans/pdf/` with their own print stylesheet
(`static/css/pdf.css`), turned into tagged PDF/UA-1 files by WeasyPrint. Everything the renderer
loads (stylesheet, the Source Sans 3 font) comes from the project's static folder; any other
address, on disk or on the network, is refused.
"""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML, URLFetcher

from .models import PlanVersion

STATIC_DIR = Path(settings.BASE_DIR) / "static"
PDF_VARIANT = "pdf/ua-1"

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


class StaticFilesOnlyFetcher(URLFetcher):
    """Fetches `file:` URLs inside the project's static folder and nothing else."""

    def __init__(self, root: Path = STATIC_DIR):
        super().__init__(allowed_protocols={"file"}, timeout=5)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        if not url.startswith("file:"):
            raise ValueError(f"Refused to fetch {url!r}: only the project's static files are used")
        path = Path(url.split("?")[0].split("#")[0].removeprefix("file://")).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"Refused to fetch {url!r}: outside {self.root}")
        return super().fetch(path.as_uri(), headers)


def write_pdf(html: str) -> bytes:
    """Turn one of our print templates into a tagged PDF/UA-1 file."""
    document = HTML(
        string=html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=StaticFilesOnlyFetcher(),
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


def danish_date(value) -> str:
    """1. juni 2018; accepts a date or an ISO string as stored in snapshots."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def demote_headings(html: str, levels: int) -> str:
    """Push the headings of rich text down under the heading that introduces it (h2 → h4 …)."""
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + levels, 6)}", html or "")


def revision_dates(
    version: PlanVersion,
) -> tuple[dict[int, datetime.date], dict[int, datetime.date]]:
    """When each section and focus area was last revised, as of this version.

    Looks at every earlier revision of the plan up to this one (version 1 is the original, not a
    revision). Returns ({section_id: date}, {focus_area_id: date}).
    """
    sections: dict[int, datetime.date] = {}
    focus_areas: dict[int, datetime.date] = {}
    revisions = (
        PlanVersion.objects.filter(
            plan_id=version.plan_id, number__gt=1, number__lte=version.number
        )
        .order_by("number")
        .values_list("published_on", "changed_sections", "changed_focus_areas")
    )
    for published_on, changed_sections, changed_focus_areas in revisions:
        for section_id in changed_sections or []:
            sections[int(section_id)] = published_on
        for area_id in changed_focus_areas or []:
            focus_areas[int(area_id)] = published_on
    return sections, focus_areas


def plan_context(version: PlanVersion) -> dict:
    snapshot = version.snapshot
    section_revised, area_revised = revision_dates(version)
    sections = [
        {
            **section,
            "body_html": demote_headings(section["body"], 1),
            "revised_on": danish_date(section_revised.get(section["id"])),
        }
        for section in sorted(snapshot["sections"], key=lambda s: (s["order"], s["id"]))
    ]
    focus_areas = [
        {
            **area,
            "background_html": demote_headings(area["background"], 2),
            "revised_on": danish_date(area_revised.get(area["id"])),
            "activities": [
                {**activity, "responsible_text": responsible_text(activity)}
                for activity in area["activities"]
            ],
        }
        for area in sorted(snapshot["focus_areas"], key=lambda a: (a["order"], a["id"]))
    ]
    return {
        "version": version,
        "district": snapshot["district"],
        "plan": snapshot["plan"],
        "title": f"{snapshot['plan']['title']} {snapshot['plan']['period_label']}",
        "published_on": danish_date(version.published_on),
        "published_on_iso": version.published_on.isoformat(),
        "revised_on": danish_date(version.published_on) if version.is_revision else "",
        "approval_meeting_date": danish_date(snapshot["plan"]["approval_meeting_date"]),
        "effective_date": danish_date(snapshot["plan"]["effective_date"]),
        "sections": sections,
        "focus_areas": focus_areas,
        "annual_cycle": annual_cycle(snapshot["annual_cycle"]),
        "forums": sorted(snapshot["forums"], key=lambda f: (f["order"], f["name"])),
    }


def responsible_text(activity: dict) -> str:
    if activity["responsible"] == "named_local" and activity["councils"]:
        return ", ".join(council["name"] for council in activity["councils"])
    return activity["responsible_display"]


def annual_cycle(entries: list[dict]) -> list[dict]:
    """The årshjul in calendar order; a quarter sorts with its first month."""

    def sort_month(entry):
        return entry["month"] or (entry["quarter"] - 1) * 3 + 1

    rows = []
    for entry in sorted(entries, key=lambda e: (sort_month(e), e["order"], e["id"])):
        when = (
            MONTHS[entry["month"] - 1].capitalize()
            if entry["month"]
            else f"{entry['quarter']}. kvartal"
        )
        rows.append({**entry, "when": when})
    return rows


def render_plan_pdf(version: PlanVersion) -> bytes:
    """The PDF of a published plan version, exactly as its snapshot froze it."""
    with translation.override("da"):
        html = render_to_string("plans/pdf/plan.html", plan_context(version))
    return write_pdf(html)
