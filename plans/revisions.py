"""Revision footnotes: the date each part of a published version was last revised.

Apart from the publishing service so that the PDF (which prints them) needs nothing that queues
tasks: publishing -> tasks -> pdf -> revisions, no cycle.
"""

import datetime
from dataclasses import dataclass, field

from .models import PlanVersion


@dataclass(frozen=True)
class RevisionFootnotes:
    """The date each section and focus area was last revised, up to and including a version."""

    sections: dict[int, datetime.date] = field(default_factory=dict)
    focus_areas: dict[int, datetime.date] = field(default_factory=dict)


def revision_footnotes(version: PlanVersion, versions=None) -> RevisionFootnotes:
    """{id: date} of every revised section and focus area shown in `version`.

    Revisions accumulate: a section changed in version 2 and not in version 3 still carries its
    footnote in version 3; one changed in both carries version 3's date. Version 1 has none.
    `versions`, the plan's versions when the caller has them already, saves a query.
    """
    shown_sections = {s["id"] for s in version.snapshot.get("sections", [])}
    shown_areas = {a["id"] for a in version.snapshot.get("focus_areas", [])}
    sections: dict[int, datetime.date] = {}
    focus_areas: dict[int, datetime.date] = {}
    if versions is None:
        revisions = (
            PlanVersion.objects.filter(
                plan_id=version.plan_id, number__gt=1, number__lte=version.number
            )
            .order_by("number")
            .values_list("published_on", "changed_sections", "changed_focus_areas")
        )
    else:
        revisions = [
            (v.published_on, v.changed_sections, v.changed_focus_areas)
            for v in sorted(versions, key=lambda v: v.number)
            if 1 < v.number <= version.number
        ]
    for published_on, section_ids, area_ids in revisions:
        for pk in section_ids:
            if pk in shown_sections:
                sections[pk] = published_on
        for pk in area_ids:
            if pk in shown_areas:
                focus_areas[pk] = published_on
    return RevisionFootnotes(sections=sections, focus_areas=focus_areas)
