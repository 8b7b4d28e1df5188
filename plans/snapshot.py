"""The frozen content of a published plan version.

`build_snapshot(plan)` turns a plan and everything it shows (sections, focus areas, activities,
annual cycle and the district's forum overview) into plain JSON-able data. A `PlanVersion` stores
that dict; public pages, the JSON export, the PDF and the version diff all read it, so later edits
to the draft change nothing citizens see until the next publication. Live data that is *meant* to
change after publication (the status of assignments) is joined in by activity id when rendering.

Schema (version 2)::

    {
      "schema": 2,
      "district": {"id", "name", "slug"},
      "plan": {"id", "title", "subtitle", "issuer", "period_start", "period_end",
               "period_label", "foreword", "shared_goals", "goals": [GOAL], "signatory_name",
               "signatory_title",
               "council_treatment",                 # "approved", "discussed" or ""
               "approval_meeting_date", "effective_date"},          # dates as ISO strings or None
      "sections": [{"id", "title", "parent": section id | None, "body", "order",
                    "figures": [{"id", "file", "width", "height", "alt_text", "caption",
                                 "order"}]}],         # figures, parent: not in older snapshots
      "focus_area_groups": [{"id", "heading", "kind", "kind_display", "ranked",
                             "section": section id | None,    # not in older snapshots
                             "order"}],
      "focus_areas": [{"id", "title", "group": group id, "councils": [COUNCIL], "rank",
                       "background", "ambition", "order", "goals": [GOAL],
                       "activities": [{"id", "text", "actors", "actors_display",
                                       "district_level", "forum": {"id", "name"}|None,
                                       "councils": [COUNCIL], "timing", "order"}]}],
      "annual_cycle": [{"id", "kind", "kind_display", "title", "description", "month",
                        "quarter", "undated", "before_period", "council": COUNCIL|None,
                        "order"}],             # undated, before_period: not in older snapshots
      "forums": [{"id", "name", "slug", "kind", "kind_display", "municipalities": [str],
                  "topic", "legal_basis", "purpose", "action_plans", "interfaces": [str],
                  "interfaces_text", "participants", "meetings_min", "meetings", "order"}],
      "organisation": {                                  # absent in versions published before it
        "district_council": {"id", "name", "slug", "description",
                             "members": [{"name", "role", "role_display", "function",
                                          "organisation"}]} | None,
        "local_councils": [{"id", "name", "slug", "description", "municipalities": [str],
                            "children": [{"id", "name", "slug", "description"}]}],
        "staff_functions": [{"id", "name", "tasks"}],
      },
      "attachments": [{"id", "title", "file", "size", "order"}],   # not in older snapshots
    }

COUNCIL is {"id", "name", "slug"}; GOAL is {"id", "party" (police, municipalities, joint),
"text", "order"}. Snapshots made before "subtitle", "issuer" and "council_treatment" existed
lack them: read the treatment with `council_treatment(plan)`. Rich-text fields (foreword,
shared_goals, body, background) hold HTML already sanitised on save. Internal notes and personal
contact data are never included.

The sections are a flat list; "parent" makes them an outline of chapters (no parent) and
their sub-sections, at most three levels, each level in "order". A group with a "section" is
shown inside that section (after its text and its sub-sections); the others in the generated
chapter "Indsatsområder" after the chapters. Snapshots made before the outline lack both keys
and read as that flat order: every section a chapter, every group in "Indsatsområder".
`plans.outline.build_outline` makes the tree that the page, the PDF and both tables of contents
show.

Schema 1 (versions published before plans named their focus-area groups) had no groups and no
goals; a focus area had "scope" (district/local), one "council" and a "priority_group". Every
reader takes a stored snapshot through `upgrade`, which gives it the groups the data migration
gave the plan's focus areas (`plans.legacy`), so old versions render as they did.

An activity's "actors" is {"police", "police_unit", "municipalities": [{"id", "name"}],
"district_council", "secretariat", "all_local_councils"} (with "forum" and "councils" beside
it), "actors_display" the one text that names them all and "district_level" whether the
secretariat reports for part of it. Versions published before the actors have "responsible"
(district_council, secretariat, forum, all_local, named_local) and "responsible_display"
instead: `actors_display()` and `district_level()` read both.

The organisation (the kredsråd's seats, chair first, each by name or by function alone; the
active lokalråd with their kommuner and lokalråd+; the secretariat's staff functions) is frozen
with the version, as the forums are: a published plan describes the cooperation as it was
organised when the kredsråd discussed it, and a later election or a new lokalråd must not
rewrite it. The district page shows the same organisation live (`organisation()`). A member's
`name` is "" for a seat described by its function.

A figure's or attachment's "file" is its name in storage. Files are never deleted or
overwritten (a new upload gets a new name), so a version's files stay as it was published;
plans/views/files.py serves a file only when a published version's snapshot names it.
"""

from django.db.models import Prefetch, Q

from councils.models import Council, Membership, PoliceDistrict
from forums.models import Forum

from .legacy import legacy_groups
from .models import (
    Activity,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    SectionFigure,
    actors_text,
    approval_line,
)

SCHEMA_VERSION = 2

# Who reported for an activity of an older version: these were held by the kredsråd.
OLD_DISTRICT_LEVEL = {"district_council", "secretariat", "forum"}


def actors_display(activity: dict) -> str:
    """Who carries an activity of a snapshot, as one text, also for versions published before
    the actors (their named lokalråd by name, else the fixed choice's label)."""
    if "actors_display" in activity:
        return activity["actors_display"]
    if activity.get("responsible") == "named_local" and activity.get("councils"):
        return actors_text([c["name"] for c in activity["councils"]])
    return activity.get("responsible_display") or "–"


def district_level(activity: dict) -> bool:
    """Whether an actor other than the lokalråd carries the activity of a snapshot."""
    if "district_level" in activity:
        return activity["district_level"]
    return activity.get("responsible") in OLD_DISTRICT_LEVEL


def _council(council):
    if council is None:
        return None
    return {"id": council.pk, "name": council.name, "slug": council.slug}


def _date(value):
    return value.isoformat() if value else None


def council_treatment(plan: dict) -> str:
    """How the kredsråd dealt with a snapshot's plan. Snapshots from before the field knew only
    approval, which always had its meeting date."""
    if "council_treatment" in plan:
        return plan["council_treatment"] or ""
    return Plan.CouncilTreatment.APPROVED if plan.get("approval_meeting_date") else ""


def snapshot_approval_line(plan: dict) -> str:
    """The approval line of a snapshot's plan (`models.approval_line`), old snapshots too."""
    return approval_line(council_treatment(plan), plan.get("approval_meeting_date"))


def build_snapshot(plan: Plan) -> dict:
    district = plan.district
    focus_areas = plan.focus_areas.prefetch_related(
        "councils",
        Prefetch("goals", queryset=Goal.objects.order_by("order", "pk")),
        Prefetch(
            "activities",
            queryset=Activity.objects.select_related("forum").prefetch_related(
                "responsible_councils", "municipalities"
            ),
        ),
    ).order_by("order", "pk")
    forums = (
        Forum.objects.active()
        .filter(district=district)
        .prefetch_related("municipalities", "interface_forums", "interface_councils")
        .order_by("order", "name")
    )
    return {
        "schema": SCHEMA_VERSION,
        "district": {"id": district.pk, "name": district.name, "slug": district.slug},
        "plan": {
            "id": plan.pk,
            "title": plan.title,
            "subtitle": plan.subtitle,
            "issuer": plan.issuer,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "period_label": plan.period_label,
            "foreword": plan.foreword,
            "shared_goals": plan.shared_goals,
            "goals": [
                _goal(goal)
                for goal in plan.goals.filter(focus_area__isnull=True).order_by("order", "pk")
            ],
            "signatory_name": plan.signatory_name,
            "signatory_title": plan.signatory_title,
            "council_treatment": plan.council_treatment,
            "approval_meeting_date": _date(plan.approval_meeting_date),
            "effective_date": _date(plan.effective_date),
        },
        "sections": [
            {
                "id": s.pk,
                "title": s.title,
                "parent": s.parent_id,
                "body": s.body,
                "order": s.order,
                "figures": [_figure(figure) for figure in s.figures.all()],
            }
            for s in plan.sections.prefetch_related(
                Prefetch("figures", queryset=SectionFigure.objects.order_by("order", "pk"))
            ).order_by("order", "pk")
        ],
        "focus_area_groups": [
            {
                "id": group.pk,
                "heading": group.heading,
                "kind": group.kind,
                "kind_display": str(group.get_kind_display()),
                "ranked": group.ranked,
                "section": group.section_id,
                "order": group.order,
            }
            for group in plan.focus_area_groups.order_by("order", "pk")
        ],
        "focus_areas": [_focus_area(area) for area in focus_areas],
        "annual_cycle": [
            {
                "id": entry.pk,
                "kind": entry.kind,
                "kind_display": str(entry.get_kind_display()),
                "title": entry.title,
                "description": entry.description,
                "month": entry.month,
                "quarter": entry.quarter,
                "undated": entry.undated,
                "before_period": entry.before_period,
                "council": _council(entry.council),
                "order": entry.order,
            }
            for entry in plan.annual_cycle.select_related("council").order_by("order", "pk")
        ],
        "forums": [_forum(forum) for forum in forums],
        "organisation": organisation(district),
        "attachments": [
            {
                "id": attachment.pk,
                "title": attachment.title,
                "file": attachment.file.name,
                "size": attachment.size,
                "order": attachment.order,
            }
            for attachment in plan.attachments.order_by("order", "pk")
        ],
    }


def organisation(district: PoliceDistrict) -> dict:
    """The district's organisation as it stands now: the snapshot freezes it, the district page
    shows it live. Four queries: the councils, their kommuner, the kredsråd's seats and the
    staff functions."""
    councils = list(
        Council.objects.for_district(district)
        .filter(Q(kind=Council.Kind.DISTRICT) | Q(is_active=True))
        .prefetch_related("municipalities")
        .order_by("name")
    )
    kredsraad = next((c for c in councils if c.kind == Council.Kind.DISTRICT), None)
    children = {}
    for council in councils:
        if council.kind == Council.Kind.LOCAL_PLUS:
            children.setdefault(council.parent_id, []).append(council)
    return {
        "district_council": _district_council(kredsraad) if kredsraad else None,
        "local_councils": [
            {
                "id": council.pk,
                "name": council.name,
                "slug": council.slug,
                "description": council.description,
                "municipalities": sorted(m.name for m in council.municipalities.all()),
                "children": [
                    {
                        "id": child.pk,
                        "name": child.name,
                        "slug": child.slug,
                        "description": child.description,
                    }
                    for child in children.get(council.pk, [])
                ],
            }
            for council in councils
            if council.kind == Council.Kind.LOCAL
        ],
        "staff_functions": [
            {"id": function.pk, "name": function.name, "tasks": function.tasks}
            for function in district.staff_functions.order_by("order", "name")
        ],
    }


def _district_council(council: Council) -> dict:
    # Names, roles, functions and organisations only: never e-mail or other contact data.
    seats = (
        Membership.objects.filter(council=council)
        .select_related("person")
        .only(
            "role",
            "title",
            "organisation",
            "order",
            "person__name",
            "person__title",
            "person__organisation",
        )
        .in_council_order()
    )
    return {
        "id": council.pk,
        "name": council.name,
        "slug": council.slug,
        "description": council.description,
        "members": [
            {
                "name": seat.person.name if seat.person_id else "",
                "role": seat.role,
                "role_display": str(seat.get_role_display()),
                "function": seat.function,
                "organisation": seat.organisation_shown,
            }
            for seat in seats
        ],
    }


def _figure(figure: SectionFigure) -> dict:
    return {
        "id": figure.pk,
        "file": figure.image.name,
        "width": figure.width,
        "height": figure.height,
        "alt_text": figure.alt_text,
        "caption": figure.caption,
        "order": figure.order,
    }


def _focus_area(area: FocusArea) -> dict:
    return {
        "id": area.pk,
        "title": area.title,
        "group": area.group_id,
        "councils": [_council(c) for c in sorted(area.councils.all(), key=lambda c: c.name)],
        "rank": area.rank,
        "background": area.background,
        "ambition": area.ambition,
        "order": area.order,
        "goals": [_goal(goal) for goal in area.goals.all()],
        "activities": [
            {
                "id": activity.pk,
                "text": activity.text,
                "actors": {
                    "police": activity.police,
                    "police_unit": activity.police_unit,
                    "municipalities": [
                        {"id": m.pk, "name": str(m)}
                        for m in sorted(activity.municipalities.all(), key=lambda m: m.name)
                    ],
                    "district_council": activity.district_council,
                    "secretariat": activity.secretariat,
                    "all_local_councils": activity.all_local_councils,
                },
                "actors_display": activity.actors_display,
                "district_level": activity.carried_by_district,
                "forum": (
                    {"id": activity.forum.pk, "name": activity.forum.name}
                    if activity.forum
                    else None
                ),
                "councils": [
                    _council(c)
                    for c in sorted(activity.responsible_councils.all(), key=lambda c: c.name)
                ],
                "timing": activity.timing,
                "order": activity.order,
            }
            for activity in sorted(area.activities.all(), key=lambda a: (a.order, a.pk))
        ],
    }


def _goal(goal: Goal) -> dict:
    return {"id": goal.pk, "party": goal.party, "text": goal.text, "order": goal.order}


def _forum(forum: Forum) -> dict:
    interfaces = [f.name for f in forum.interface_forums.all()] + [
        c.name for c in forum.interface_councils.all()
    ]
    return {
        "id": forum.pk,
        "name": forum.name,
        "slug": forum.slug,
        "kind": forum.kind,
        "kind_display": str(forum.get_kind_display()),
        "municipalities": sorted(m.name for m in forum.municipalities.all()),
        "topic": forum.topic,
        "legal_basis": forum.legal_basis,
        "purpose": forum.purpose,
        "action_plans": forum.action_plans,
        "interfaces": sorted(interfaces),
        "interfaces_text": forum.interfaces_text,
        "participants": forum.participants,
        "meetings_min": forum.meetings_min,
        "meetings": str(forum.meetings_display),
        "order": forum.order,
    }


# --- Reading a stored snapshot ----------------------------------------------------------------

GROUP_KINDS = dict(FocusAreaGroup.Kind.choices)


def upgrade(snapshot: dict) -> dict:
    """The snapshot in the current schema: a schema-1 snapshot gets the groups its focus areas
    were migrated into (ids below zero, never a real group's), each area its group, its lokalråd
    as a list and no goals; the plan no goals. Others are returned as they are."""
    if snapshot.get("schema", 1) >= 2:
        return snapshot
    areas = snapshot.get("focus_areas", [])
    groups = legacy_groups(areas)
    group_of = {area_id: -group["order"] for group in groups for area_id in group["area_ids"]}
    return {
        **snapshot,
        "schema": SCHEMA_VERSION,
        "plan": {**snapshot["plan"], "goals": []},
        "focus_area_groups": [
            {
                "id": -group["order"],
                "heading": group["heading"],
                "kind": group["kind"],
                "kind_display": str(GROUP_KINDS[group["kind"]]),
                "ranked": group["ranked"],
                "order": group["order"],
            }
            for group in groups
        ],
        "focus_areas": [
            {
                **area,
                "group": group_of[area["id"]],
                "councils": [area["council"]] if area.get("council") else [],
                "goals": [],
            }
            for area in areas
        ],
    }


def _area_sort_key(ranked: bool):
    if ranked:
        return lambda a: (a["rank"] is None, a["rank"] or 0, a["order"], a["id"])
    return lambda a: (a["order"], a["id"])


def grouped_focus_areas(snapshot: dict, areas: list[dict] | None = None) -> list[dict]:
    """The (upgraded) snapshot's groups in order, each with its focus areas under "areas": a
    ranked group's by rank, the others in their order. `areas` (the snapshot's by default) may
    be the focus areas as the page shows them; empty groups are left out."""
    areas = snapshot["focus_areas"] if areas is None else areas
    result = []
    for group in sorted(snapshot["focus_area_groups"], key=lambda g: (g["order"], g["id"])):
        members = [area for area in areas if area["group"] == group["id"]]
        if members:
            members.sort(key=_area_sort_key(group["ranked"]))
            result.append({**group, "areas": members})
    return result


def goals_by_party(goals: list[dict]) -> list[dict]:
    """Goals as one list per party (police, kommuner, together), each with its heading."""
    result = []
    for party in Goal.Party:
        texts = [
            g["text"]
            for g in sorted(goals, key=lambda g: (g["order"], g["id"]))
            if g["party"] == party
        ]
        if texts:
            result.append(
                {"party": str(party), "heading": str(Goal.HEADINGS[party]), "items": texts}
            )
    return result


AREA_KIND_LABELS = {
    FocusAreaGroup.Kind.NATIONAL: "Nationalt indsatsområde",
    FocusAreaGroup.Kind.DISTRICT: "Kredsfælles indsatsområde",
    FocusAreaGroup.Kind.POLICE: "Politikredsens eget indsatsområde",
    FocusAreaGroup.Kind.LOCAL: "Lokalt valgt",
}


def area_labels(group: dict, area: dict) -> dict:
    """What the plan page and the PDF both say about a focus area under its group's heading:
    its kind ("Kredsfælles indsatsområde"; a local one "Lokalt valgt" followed by its lokalråd)
    and its priority ("Prioriteret som nr. 2", or "Prioriteret" in a ranked group without a
    number yet; nothing in an unranked group)."""
    if group["ranked"]:
        priority = f"Prioriteret som nr. {area['rank']}" if area["rank"] else "Prioriteret"
    else:
        priority = ""
    return {
        "kind_label": AREA_KIND_LABELS.get(group["kind"], ""),
        "is_local": group["kind"] == FocusAreaGroup.Kind.LOCAL,
        "priority_label": priority,
        "goal_lists": goals_by_party(area.get("goals", [])),
    }
