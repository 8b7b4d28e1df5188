"""The frozen content of a published plan version.

`build_snapshot(plan)` turns a plan and everything it shows (sections, focus areas, activities,
annual cycle and the district's forum overview) into plain JSON-able data. A `PlanVersion` stores
that dict; public pages, the JSON export, the PDF and the version diff all read it, so later edits
to the draft change nothing citizens see until the next publication. Live data that is *meant* to
change after publication (the status of assignments) is joined in by activity id when rendering.

Schema (version 1)::

    {
      "schema": 1,
      "district": {"id", "name", "slug"},
      "plan": {"id", "title", "subtitle", "issuer", "period_start", "period_end",
               "period_label", "foreword", "shared_goals", "signatory_name", "signatory_title",
               "council_treatment",                 # "approved", "discussed" or ""
               "approval_meeting_date", "effective_date"},          # dates as ISO strings or None
      "sections": [{"id", "title", "body", "order",
                    "figures": [{"id", "file", "width", "height", "alt_text", "caption",
                                 "order"}]}],         # figures: not in older snapshots
      "focus_areas": [{"id", "title", "scope", "council": COUNCIL|None, "priority_group", "rank",
                       "background", "ambition", "order",
                       "activities": [{"id", "text", "responsible", "responsible_display",
                                       "forum": {"id", "name"}|None, "councils": [COUNCIL],
                                       "timing", "order"}]}],
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

COUNCIL is {"id", "name", "slug"}. Snapshots made before "subtitle", "issuer" and
"council_treatment" existed lack them: read the treatment with `council_treatment(plan)`.
Rich-text fields (foreword, shared_goals, body, background) hold HTML already sanitised on save.
Internal notes and personal contact data are never included.

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

from .models import Activity, FocusArea, Plan, SectionFigure, approval_line

SCHEMA_VERSION = 1


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
    focus_areas = (
        plan.focus_areas.select_related("council")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.select_related("forum").prefetch_related(
                    "responsible_councils"
                ),
            )
        )
        .order_by("order", "pk")
    )
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
                "body": s.body,
                "order": s.order,
                "figures": [_figure(figure) for figure in s.figures.all()],
            }
            for s in plan.sections.prefetch_related(
                Prefetch("figures", queryset=SectionFigure.objects.order_by("order", "pk"))
            ).order_by("order", "pk")
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
        "scope": area.scope,
        "council": _council(area.council),
        "priority_group": area.priority_group,
        "rank": area.rank,
        "background": area.background,
        "ambition": area.ambition,
        "order": area.order,
        "activities": [
            {
                "id": activity.pk,
                "text": activity.text,
                "responsible": activity.responsible,
                "responsible_display": str(activity.responsible_display),
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
