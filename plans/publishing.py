"""The plan's life cycle: draft → approved → published (→ revised …) → superseded.

Every step is a keyword-only function in one transaction that locks the plan, checks its guards
(raising `ValidationError` with a Danish message, keyed by the form field it concerns where there
is one) and records a `WorkflowEvent` with who and when.

Publishing freezes `build_snapshot(plan)` into a new `PlanVersion`; the draft can be edited
afterwards without changing what citizens read. A revision (version 2, 3 …) records which sections
and focus areas changed, so the public pages can print "Afsnittet er revideret den <dato>." on
those parts only (`plans.revisions`). `diff_versions` tells what changed between two versions.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from base import worddiff
from base.fields import RichTextField
from base.limits import EARLIEST_DATE, date_bounds_problem
from base.text import as_date, danish_date
from councils.models import Council, Membership, StaffFunction

from .models import (
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanAttachment,
    PlanSection,
    PlanVersion,
    SectionFigure,
    WorkflowEvent,
)
from .services import sync_plan_assignments
from .snapshot import actors_display, build_snapshot, council_treatment, upgrade
from .tasks import render_version_pdf

# --- Workflow steps -------------------------------------------------------------------------


def _lock(plan: Plan) -> None:
    """Lock the plan's row for the transaction and reload its workflow fields."""
    Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk").get()
    plan.refresh_from_db(
        fields=["status", "council_treatment", "approval_meeting_date", "effective_date"]
    )


def _save_workflow_fields(plan: Plan, user, fields: list[str]) -> None:
    plan.full_clean()
    plan._history_user = user  # read by django-simple-history for the history row
    plan.save(update_fields=[*fields, "updated_at"])


def _record(plan: Plan, step: str, user, note: str = "") -> WorkflowEvent:
    event = WorkflowEvent(plan=plan, step=step, by=user, note=note)
    event.full_clean()
    event.save()
    return event


def meeting_date_problem(
    meeting_date: datetime.date, *, field: str | None = None
) -> ValidationError | None:
    """Why the kredsråd cannot have dealt with a plan on `meeting_date` (None when it can)."""
    return Plan.meeting_date_problem(meeting_date, field=field)


def published_on_problem(
    plan: Plan, published_on: datetime.date, *, field: str | None = None
) -> ValidationError | None:
    """Why the next version of `plan` cannot be dated `published_on` (None when it can).

    Districts enter plans published years ago, so any day up to today will do, but not before
    the version it revises, nor (version 1) before the kredsråd's meeting.
    """
    earliest, too_early = EARLIEST_DATE, _("Datoen ligger for langt tilbage.")
    latest_version = plan.versions.order_by("-number").first()
    if latest_version is not None:
        if latest_version.published_on > earliest:
            earliest = latest_version.published_on
            too_early = _(
                "En revision kan ikke dateres før version %(number)s, som den reviderer."
            ) % {"number": latest_version.number}
    elif plan.approval_meeting_date and plan.approval_meeting_date > earliest:
        earliest = plan.approval_meeting_date
        too_early = _("Planen kan ikke offentliggøres før kredsrådets møde.")
    return date_bounds_problem(
        published_on,
        earliest,
        timezone.localdate(),
        too_early=too_early,
        too_late=_("Datoen kan ikke ligge i fremtiden."),
        field=field,
    )


def effective_date_problem(plan: Plan, effective_date: datetime.date) -> ValidationError | None:
    """Why a version of `plan` cannot take effect on `effective_date` (None when it can)."""
    earliest, latest = plan.effective_date_bounds()
    message = _("Planen kan ikke gælde fra den dato.")
    return date_bounds_problem(
        effective_date, earliest, latest, too_early=message, too_late=message
    )


@transaction.atomic
def approve_plan(
    *,
    plan: Plan,
    meeting_date: datetime.date | None,
    user,
    treatment: str = Plan.CouncilTreatment.APPROVED,
) -> Plan:
    """Record that the kredsråd approved or discussed the draft, at its meeting on
    `meeting_date` when that is known. Optional: a draft may also be published without it."""
    _lock(plan)
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(
            _("Kun en kladde kan godkendes. Planen har status »%(status)s«.")
            % {"status": plan.get_status_display()}
        )
    if not treatment or treatment not in Plan.CouncilTreatment.values:
        raise ValidationError(
            {"council_treatment": _("Vælg, om kredsrådet godkendte eller drøftede planen.")}
        )
    if meeting_date is not None and (
        problem := meeting_date_problem(meeting_date, field="meeting_date")
    ):
        raise problem
    plan.status = Plan.Status.APPROVED
    plan.council_treatment = treatment
    plan.approval_meeting_date = meeting_date
    _save_workflow_fields(plan, user, ["status", "council_treatment", "approval_meeting_date"])
    _record(plan, WorkflowEvent.Step.APPROVED, user, f"{plan.approval_line}.")
    return plan


@transaction.atomic
def publish_plan(
    *,
    plan: Plan,
    effective_date: datetime.date | None,
    user,
    published_on: datetime.date | None = None,
    revision_note: str = "",
    changed_sections: Iterable[int] = (),
    changed_focus_areas: Iterable[int] = (),
    render_pdf: bool = True,
) -> PlanVersion:
    """Publish a draft or approved plan as version 1, or a published plan again as a revision.

    Freezes the plan's content into a new `PlanVersion` dated `published_on` (today when not
    given; an existing plan's history is entered with its real dates). On first publication the
    district's current plan (if any) is superseded in the same transaction. The PDF is queued
    after commit; with `render_pdf=False` (the demo loader) it is left to the first download.
    """
    _lock(plan)
    revision_note = revision_note.strip()
    changed_sections = _ids(changed_sections)
    changed_focus_areas = _ids(changed_focus_areas)
    is_revision = plan.status == Plan.Status.PUBLISHED

    if plan.status == Plan.Status.SUPERSEDED:
        raise ValidationError(_("Planen er afløst og dermed endelig; den kan ikke udgives igen."))
    if published_on is None:
        published_on = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if problem := published_on_problem(plan, published_on):
        errors.setdefault("published_on", []).extend(problem.messages)
    if effective_date is None:
        errors.setdefault("effective_date", []).append(_("Angiv den dato, planen gælder fra."))
    elif problem := effective_date_problem(plan, effective_date):
        errors.setdefault("effective_date", []).extend(problem.messages)
    elif (
        not is_revision
        and plan.approval_meeting_date
        and effective_date < plan.approval_meeting_date
    ):
        errors.setdefault("effective_date", []).append(
            _("Planen kan ikke gælde fra før kredsrådets godkendelse den %(date)s.")
            % {"date": danish_date(plan.approval_meeting_date)}
        )
    if not plan.focus_areas.exists():
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("En plan uden indsatsområder kan ikke offentliggøres.")
        )
    if is_revision:
        if not revision_note:
            errors.setdefault("revision_note", []).append(
                _("Skriv en revisionsnote, der fortæller borgerne, hvad der er ændret.")
            )
        unknown = set(changed_sections) - set(plan.sections.values_list("pk", flat=True))
        if unknown:
            errors.setdefault("changed_sections", []).append(
                _("Et eller flere valgte afsnit hører ikke til planen.")
            )
        unknown = set(changed_focus_areas) - set(plan.focus_areas.values_list("pk", flat=True))
        if unknown:
            errors.setdefault("changed_focus_areas", []).append(
                _("Et eller flere valgte indsatsområder hører ikke til planen.")
            )
    elif changed_sections or changed_focus_areas:
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("Første udgave af en plan har ingen reviderede afsnit; de markeres ved revision.")
        )
    if errors:
        raise ValidationError(errors)

    if not is_revision:
        _supersede_current_plan_of_district(plan, user)

    plan.status = Plan.Status.PUBLISHED
    plan.effective_date = effective_date
    _save_workflow_fields(plan, user, ["status", "effective_date"])
    sync_plan_assignments(plan=plan)

    last_number = plan.versions.order_by("-number").values_list("number", flat=True).first()
    version = PlanVersion(
        plan=plan,
        number=(last_number or 0) + 1,
        published_on=published_on,
        revision_note=revision_note,
        changed_sections=_in_plan_order(changed_sections, plan.sections.all()),
        changed_focus_areas=_in_plan_order(changed_focus_areas, plan.focus_areas.all()),
        snapshot=build_snapshot(plan),
        published_by=user,
    )
    version.full_clean()
    version.save()
    _record(
        plan,
        WorkflowEvent.Step.REVISED if is_revision else WorkflowEvent.Step.PUBLISHED,
        user,
        _("Version %(number)s, dateret %(published)s, gælder fra %(date)s.")
        % {
            "number": version.number,
            "published": danish_date(published_on),
            "date": danish_date(effective_date),
        }
        + (f" {revision_note}" if revision_note else ""),
    )
    # Robust: the version is published even if queueing fails; a download renders a missing PDF.
    if render_pdf:
        transaction.on_commit(
            lambda: render_version_pdf.enqueue(version_id=version.pk), robust=True
        )
    return version


def _supersede_current_plan_of_district(plan: Plan, user) -> None:
    current = (
        Plan.objects.select_for_update()
        .current()
        .filter(district_id=plan.district_id)
        .exclude(pk=plan.pk)
        .first()
    )
    if current is None:
        return
    if current.period_start > plan.period_start:
        raise ValidationError(
            _(
                "Kredsens gældende plan (%(current)s) dækker en senere periode end denne; "
                "en ældre plan kan ikke afløse den."
            )
            % {"current": current.period_label}
        )
    current.status = Plan.Status.SUPERSEDED
    _save_workflow_fields(current, user, ["status"])
    _record(
        current,
        WorkflowEvent.Step.SUPERSEDED,
        user,
        _("Afløst af planen for %(period)s.") % {"period": plan.period_label},
    )


@transaction.atomic
def supersede_plan(*, plan: Plan, user) -> Plan:
    """Mark a published plan as superseded; it stays public but can never be published again."""
    _lock(plan)
    if plan.status == Plan.Status.SUPERSEDED:
        raise ValidationError(_("Planen er allerede afløst; en afløst plan er endelig."))
    if plan.status != Plan.Status.PUBLISHED:
        raise ValidationError(
            _("Kun en offentliggjort plan kan afløses. Planen har status »%(status)s«.")
            % {"status": plan.get_status_display()}
        )
    plan.status = Plan.Status.SUPERSEDED
    _save_workflow_fields(plan, user, ["status"])
    _record(plan, WorkflowEvent.Step.SUPERSEDED, user)
    return plan


def ensure_plan_deletable(plan: Plan) -> None:
    """Raise a clear `ValidationError` if the plan may not be deleted."""
    if plan.versions.exists():
        raise ValidationError(
            _(
                "Planen er offentliggjort og kan ikke slettes: alle udgivne versioner skal "
                "forblive offentlige. Markér den i stedet som afløst."
            )
        )


@transaction.atomic
def delete_plan(*, plan: Plan, user) -> None:
    """Delete a plan that was never published, with its workflow events.

    A published plan is refused (its versions must stay public); so is a plan that reporting
    rounds or status updates already refer to.
    """
    _lock(plan)
    ensure_plan_deletable(plan)
    plan._history_user = user
    try:
        with transaction.atomic():
            plan.workflow_events.all().delete()
            plan.delete()
    except ProtectedError as error:
        raise ValidationError(
            _(
                "Planen kan ikke slettes, fordi der er statusrunder eller statusopdateringer "
                "knyttet til den."
            )
        ) from error


# --- Revisions: what changed ---------------------------------------------------------------


SECTION_FIELDS = ("title", "body")
FOCUS_AREA_FIELDS = (
    "title",
    "group",
    "councils",
    "rank",
    "background",
    "ambition",
    "goals",
)


def _goals_text(goals: list[dict]) -> str:
    parties = dict(Goal.Party.choices)
    return "; ".join(
        f"{parties.get(g['party'], g['party'])}: {g['text']}"
        for g in sorted(goals, key=lambda g: (g["order"], g["id"]))
    )


def comparable_areas(snapshot: dict) -> list[dict]:
    """The snapshot's focus areas as compared between versions: the group by its heading, kind
    and ranking (a schema-1 version's derived groups have no ids of their own), the lokalråd
    and the goals as text."""
    snapshot = upgrade(snapshot)
    groups = {
        g["id"]: f"{g['heading']} ({g['kind_display']}{', prioriteret' if g['ranked'] else ''})"
        for g in snapshot.get("focus_area_groups", [])
    }
    return [
        {
            **area,
            "group": groups.get(area["group"], ""),
            "councils": ", ".join(c["name"] for c in area["councils"]),
            "goals": _goals_text(area.get("goals", [])),
        }
        for area in snapshot.get("focus_areas", [])
    ]


def detect_changes(plan: Plan) -> tuple[list[int], list[int]]:
    """Ids of the draft's sections and focus areas that differ from the latest published version.

    New parts count as changed; a section counts as changed when one of its figures was added,
    removed or edited or when it moved under another section (or out to be a chapter), a focus
    area when one of its activities was. Reordering parts without editing them does not. Both
    lists are empty for a plan that was never published.
    """
    latest = plan.versions.order_by("-number").first()
    if latest is None:
        return [], []
    draft = build_snapshot(plan)
    old_sections = {s["id"]: s for s in latest.snapshot.get("sections", [])}
    old_areas = {a["id"]: a for a in comparable_areas(latest.snapshot)}
    sections = [
        s["id"]
        for s in draft["sections"]
        if s["id"] not in old_sections
        or _changed_fields(old_sections[s["id"]], s, SECTION_FIELDS)
        or _figures_key(old_sections[s["id"]]) != _figures_key(s)
        or old_sections[s["id"]].get("parent") != s.get("parent")
    ]
    focus_areas = [
        a["id"]
        for a in comparable_areas(draft)
        if a["id"] not in old_areas
        or _changed_fields(old_areas[a["id"]], a, FOCUS_AREA_FIELDS)
        or _activities_key(old_areas[a["id"]]) != _activities_key(a)
    ]
    return sections, focus_areas


def _figures_key(section: dict) -> list:
    return [(f["id"], f["file"], f["alt_text"], f["caption"]) for f in section.get("figures", [])]


def _activities_key(area: dict) -> list:
    return [
        (a["id"], a["text"], actors_display(a), _forum_id(a), _council_ids(a), a["timing"])
        for a in area.get("activities", [])
    ]


# --- Diff between two versions --------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """A field's value before and after; `kind` "rich" (HTML) or "text" is a text the page
    shows word by word (`words`), any other value is shown whole, before and after."""

    field: str
    label: str
    old: Any
    new: Any
    kind: str = ""

    @cached_property
    def words(self) -> worddiff.TextDiff | None:
        if not self.kind or not all(isinstance(v, str) for v in (self.old, self.new)):
            return None
        if self.kind == "rich":
            return worddiff.diff_html(self.old, self.new)
        return worddiff.diff_text(self.old, self.new)


@dataclass(frozen=True)
class Part:
    """A section or focus area as it stands in one of the two versions."""

    id: int
    title: str


@dataclass(frozen=True)
class ChangedPart:
    id: int
    title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ActivityRef:
    id: int
    text: str
    focus_area_id: int
    focus_area_title: str


@dataclass(frozen=True)
class ChangedActivity:
    id: int
    old_text: str
    new_text: str
    focus_area_id: int
    focus_area_title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ItemChange:
    """An item of one of the plan's lists (a group, a goal, a figure, an attachment, a seat, a
    lokalråd …) added, removed or changed. `where` names the part it belongs to ("i afsnittet
    »Organisering«"); `id` is the item's id in the snapshot where it has one."""

    status: str  # "added", "removed" or "changed"
    title: str
    where: str = ""
    changes: tuple[FieldChange, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class VersionDiff:
    """What changed from `old_number` to `new_number`. Values come from the two snapshots."""

    old_number: int | None
    new_number: int | None
    front_matter: tuple[FieldChange, ...] = ()
    sections_added: tuple[Part, ...] = ()
    sections_removed: tuple[Part, ...] = ()
    sections_changed: tuple[ChangedPart, ...] = ()
    focus_areas_added: tuple[Part, ...] = ()
    focus_areas_removed: tuple[Part, ...] = ()
    focus_areas_changed: tuple[ChangedPart, ...] = ()
    activities_added: tuple[ActivityRef, ...] = ()
    activities_removed: tuple[ActivityRef, ...] = ()
    activities_changed: tuple[ChangedActivity, ...] = ()
    focus_area_groups: tuple[ItemChange, ...] = ()
    goals: tuple[ItemChange, ...] = ()
    figures: tuple[ItemChange, ...] = ()
    attachments: tuple[ItemChange, ...] = ()
    organisation: tuple[ItemChange, ...] = ()

    @property
    def has_changes(self) -> bool:
        return any(
            (
                self.front_matter,
                self.sections_added,
                self.sections_removed,
                self.sections_changed,
                self.focus_areas_added,
                self.focus_areas_removed,
                self.focus_areas_changed,
                self.activities_added,
                self.activities_removed,
                self.activities_changed,
                self.focus_area_groups,
                self.goals,
                self.figures,
                self.attachments,
                self.organisation,
            )
        )


FRONT_MATTER_FIELDS = (
    "title",
    "subtitle",
    "issuer",
    "period_label",
    "foreword",
    "shared_goals",
    "signatory_name",
    "signatory_title",
    "council_treatment",
    "approval_meeting_date",
    "effective_date",
)
DATE_FIELDS = {"approval_meeting_date", "effective_date"}


def diff_versions(old: PlanVersion, new: PlanVersion) -> VersionDiff:
    """Sections, focus areas and activities added, removed and changed between two versions,
    and the items of the plan's lists: focus-area groups, goals per party, figures, attachments
    and the organisation.

    Parts are matched by id, so an edited title shows as a change, not as one removed and one
    added. Only the snapshots are read: an unsaved `PlanVersion(snapshot=build_snapshot(plan))`
    diffs the draft against a published version. A part that an older snapshot lacks (figures,
    attachments, organisation) counts as none.
    """
    a, b = upgrade(old.snapshot), upgrade(new.snapshot)
    front_matter = tuple(
        FieldChange(
            name,
            _label(Plan, name),
            _front_matter(a["plan"], name),
            _front_matter(b["plan"], name),
            _text_kind(Plan, name),
        )
        for name in FRONT_MATTER_FIELDS
        if _front_matter(a["plan"], name) != _front_matter(b["plan"], name)
    )
    s_added, s_removed, s_changed = _diff_parts(
        a.get("sections", []), b.get("sections", []), PlanSection, SECTION_FIELDS
    )
    s_changed = _with_moves(s_changed, a.get("sections", []), b.get("sections", []))
    # Goals are compared item by item (`_diff_goals`), not as one text of the focus area. An
    # area's group is compared by the group it is in: renaming a group moves none of its areas.
    same_group = {old["id"]: new["id"] for old, new in _group_pairs(a, b)}
    f_added, f_removed, f_changed = _diff_parts(
        _with_group_key(comparable_areas(a), a, same_group),
        _with_group_key(comparable_areas(b), b, None),
        FocusArea,
        [name for name in FOCUS_AREA_FIELDS if name != "goals"],
    )
    old_activities = _activities_by_id(a)
    new_activities = _activities_by_id(b)
    added = tuple(
        _activity_ref(activity, area)
        for pk, (activity, area) in new_activities.items()
        if pk not in old_activities
    )
    removed = tuple(
        _activity_ref(activity, area)
        for pk, (activity, area) in old_activities.items()
        if pk not in new_activities
    )
    changed = []
    for pk, (activity, area) in new_activities.items():
        if pk not in old_activities:
            continue
        old_activity, old_area = old_activities[pk]
        changes = _activity_changes(old_activity, old_area, activity, area)
        if changes:
            changed.append(
                ChangedActivity(
                    id=pk,
                    old_text=old_activity["text"],
                    new_text=activity["text"],
                    focus_area_id=area["id"],
                    focus_area_title=area["title"],
                    changes=changes,
                )
            )
    return VersionDiff(
        old_number=old.number,
        new_number=new.number,
        front_matter=front_matter,
        sections_added=s_added,
        sections_removed=s_removed,
        sections_changed=s_changed,
        focus_areas_added=f_added,
        focus_areas_removed=f_removed,
        focus_areas_changed=f_changed,
        activities_added=added,
        activities_removed=removed,
        activities_changed=tuple(changed),
        focus_area_groups=_diff_groups(a, b),
        goals=_diff_goals(a, b),
        figures=_diff_figures(a, b),
        attachments=_diff_attachments(a, b),
        organisation=_diff_organisation(a, b),
    )


def _diff_parts(old_parts, new_parts, model, fields):
    old_by_id = {p["id"]: p for p in old_parts}
    new_ids = {p["id"] for p in new_parts}
    added = tuple(Part(p["id"], p["title"]) for p in new_parts if p["id"] not in old_by_id)
    removed = tuple(Part(p["id"], p["title"]) for p in old_parts if p["id"] not in new_ids)
    changed = []
    for part in new_parts:
        before = old_by_id.get(part["id"])
        if before is None:
            continue
        names = _changed_fields(before, part, fields)
        if names:
            changes = tuple(
                FieldChange(
                    name,
                    _label(model, name),
                    _plain(before.get(name)),
                    _plain(part.get(name)),
                    _text_kind(model, name),
                )
                for name in names
            )
            changed.append(ChangedPart(part["id"], part["title"], changes))
    return added, removed, tuple(changed)


def _place(section: dict, titles: dict) -> str:
    parent = section.get("parent")
    if parent is None:
        return _("kapitel")
    return _("underafsnit af »%(title)s«") % {"title": titles.get(parent, "–")}


def _with_moves(changed, old_sections: list[dict], new_sections: list[dict]) -> tuple:
    """The changed sections with a "flyttet" change for each section now under another
    section, or out to be a chapter (reordering among the same parent's sections is not one).
    Snapshots made before the outline have no "parent": each section was a chapter."""
    old_by_id = {s["id"]: s for s in old_sections}
    old_titles = {s["id"]: s["title"] for s in old_sections}
    new_titles = {s["id"]: s["title"] for s in new_sections}
    by_id = {part.id: part for part in changed}
    result = list(changed)
    for section in new_sections:
        before = old_by_id.get(section["id"])
        if before is None or before.get("parent") == section.get("parent"):
            continue
        move = FieldChange(
            "parent", _("flyttet"), _place(before, old_titles), _place(section, new_titles)
        )
        part = by_id.get(section["id"])
        if part is None:
            result.append(ChangedPart(section["id"], section["title"], (move,)))
        else:
            result[result.index(part)] = ChangedPart(part.id, part.title, (*part.changes, move))
    return tuple(result)


def _activities_by_id(snapshot: dict) -> dict[int, tuple[dict, dict]]:
    return {
        activity["id"]: (activity, area)
        for area in snapshot.get("focus_areas", [])
        for activity in area.get("activities", [])
    }


def _activity_ref(activity: dict, area: dict) -> ActivityRef:
    return ActivityRef(activity["id"], activity["text"], area["id"], area["title"])


def _activity_changes(old, old_area, new, new_area) -> tuple[FieldChange, ...]:
    pairs = [
        ("text", _("aktivitet"), old["text"], new["text"], "text"),
        ("actors", _("ansvarlige"), actors_display(old), actors_display(new), ""),
        ("timing", _("tidsramme"), old.get("timing", ""), new.get("timing", ""), ""),
        ("focus_area", _("indsatsområde"), old_area["title"], new_area["title"], ""),
    ]
    if old_area["id"] == new_area["id"]:
        pairs.pop()  # a renamed focus area is reported with the focus area, not per activity
    return tuple(FieldChange(*pair) for pair in pairs if pair[2] != pair[3])


def _with_group_key(areas: list[dict], snapshot: dict, same_group: dict | None) -> list[dict]:
    """`comparable_areas` with each area's "group_key": its group's id in the newer version
    (`same_group` maps the older version's groups to it; None for the newer version)."""
    group_ids = {area["id"]: area["group"] for area in snapshot.get("focus_areas", [])}

    def key(area):
        group_id = group_ids[area["id"]]
        if same_group is None:
            return group_id
        return same_group.get(group_id, ("only in the older version", group_id))

    return [{**area, "group_key": key(area)} for area in areas]


def _changed_fields(old: dict, new: dict, fields: Iterable[str]) -> list[str]:
    """The fields whose values differ; a part's "<field>_key", when it has one, is what is
    compared for that field (the field itself is what the reader sees)."""
    return [
        name
        for name in fields
        if _plain(old.get(f"{name}_key", old.get(name)))
        != _plain(new.get(f"{name}_key", new.get(name)))
    ]


def _plain(value):
    """A council dict compares and reads by its name; everything else as stored."""
    if isinstance(value, dict):
        return value.get("name")
    return value


def _front_matter(plan: dict, name: str):
    """A front-matter field of a snapshot as the diff shows it; a field that older snapshots
    lack is empty in them (the kredsråd's treatment read as `snapshot.council_treatment` does)."""
    if name == "council_treatment":
        treatment = council_treatment(plan)
        return str(Plan.CouncilTreatment(treatment).label) if treatment else ""
    value = plan.get(name)
    if name in DATE_FIELDS:
        return as_date(value)
    return "" if value is None else value


def _text_kind(model, name: str) -> str:
    """ "rich" for a rich-text field, "text" for a free text (not a choice), else ""."""
    if name == "goals":
        return ""
    field = model._meta.get_field(name)
    if isinstance(field, RichTextField):
        return "rich"
    if isinstance(field, models.CharField | models.TextField) and not field.choices:
        return "text"
    return ""


def _label(model, name: str) -> str:
    if name == "period_label":
        return _("periode")
    if name == "goals":
        return _("mål for parterne")
    return str(model._meta.get_field(name).verbose_name)


def _forum_id(activity: dict):
    return activity["forum"]["id"] if activity.get("forum") else None


def _council_ids(activity: dict) -> tuple[int, ...]:
    return tuple(sorted(c["id"] for c in activity.get("councils", [])))


# --- Diff of the plan's lists: groups, goals, figures, attachments, organisation -----------------

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
# The fields of list items that are free text, shown word by word when changed.
TEXT_ITEM_FIELDS = frozenset(
    ("text", "caption", "alt_text", "heading", "title", "description", "tasks")
)


def _diff_items(
    old_items: list[dict],
    new_items: list[dict],
    *,
    title,
    fields: list[tuple],
    where=lambda item: "",
    pairs: list[tuple[dict, dict]] | None = None,
) -> list[ItemChange]:
    """Items added, removed and changed, matched by id (or given as `pairs`): `title(item)`
    names one, `where(item)` the part it sits in, and `fields` are (name, label, value(item)),
    compared as the reader sees them."""
    if pairs is None:
        new_ids = {item["id"] for item in new_items}
        old_by_id = {item["id"]: item for item in old_items}
        pairs = [(old_by_id[item["id"]], item) for item in new_items if item["id"] in old_by_id]
        added = [item for item in new_items if item["id"] not in old_by_id]
        removed = [item for item in old_items if item["id"] not in new_ids]
    else:
        matched_old = {id(before) for before, _after in pairs}
        matched_new = {id(after) for _before, after in pairs}
        added = [item for item in new_items if id(item) not in matched_new]
        removed = [item for item in old_items if id(item) not in matched_old]
    result = [ItemChange(ADDED, title(item), where(item), id=item.get("id")) for item in added]
    result += [ItemChange(REMOVED, title(item), where(item), id=item.get("id")) for item in removed]
    for before, after in pairs:
        changes = tuple(
            _item_field_change(field, before, after)
            for field in fields
            if field[2](before) != field[2](after)
        )
        if changes:
            result.append(ItemChange(CHANGED, title(after), where(after), changes, after.get("id")))
    return result


def _item_field_change(field: tuple, before: dict, after: dict) -> FieldChange:
    """A field of `fields` is (name, label, value) or (name, label, value, shown): `value` is
    compared, `shown` read (a file by its size, not its stored name)."""
    name, label, value, *shown = field
    if not shown:
        kind = "text" if name in TEXT_ITEM_FIELDS else ""
        return FieldChange(name, label, value(before), value(after), kind)
    old, new = shown[0](before), shown[0](after)
    if old == new:
        new = _("%(file)s (udskiftet)") % {"file": new}
    return FieldChange(name, label, old, new)


def _yes_no(value) -> str:
    return _("Ja") if value else _("Nej")


def _group_pairs(a: dict, b: dict) -> list[tuple[dict, dict]]:
    """The focus-area groups of two (upgraded) snapshots that are the same group: by id, and a
    group derived for a schema-1 version (id below zero) is the one of the same heading and kind."""
    old, new = a.get("focus_area_groups", []), b.get("focus_area_groups", [])
    new_by_id = {g["id"]: g for g in new if g["id"] > 0}
    pairs = [(g, new_by_id[g["id"]]) for g in old if g["id"] in new_by_id]
    paired = {id(x) for pair in pairs for x in pair}
    for before in old:
        if id(before) in paired:
            continue
        for after in new:
            if id(after) not in paired and (after["heading"], after["kind"]) == (
                before["heading"],
                before["kind"],
            ):
                pairs.append((before, after))
                paired |= {id(before), id(after)}
                break
    return pairs


def _diff_groups(a: dict, b: dict) -> tuple[ItemChange, ...]:
    old, new = a.get("focus_area_groups", []), b.get("focus_area_groups", [])
    pairs = _group_pairs(a, b)
    fields = [
        ("heading", _label(FocusAreaGroup, "heading"), lambda g: g["heading"]),
        ("kind", _label(FocusAreaGroup, "kind"), lambda g: g.get("kind_display", g["kind"])),
        ("ranked", _label(FocusAreaGroup, "ranked"), lambda g: _yes_no(g["ranked"])),
    ]
    return tuple(_diff_items(old, new, title=lambda g: g["heading"], fields=fields, pairs=pairs))


def _goals_with_place(snapshot: dict) -> list[dict]:
    """Every goal of a snapshot, the plan's own and each focus area's, with where it stands."""
    goals = [{**goal, "place": _("planens mål")} for goal in snapshot["plan"].get("goals", [])]
    for area in snapshot.get("focus_areas", []):
        goals += [{**goal, "place": area["title"]} for goal in area.get("goals", [])]
    return goals


def _diff_goals(a: dict, b: dict) -> tuple[ItemChange, ...]:
    headings = {str(party): str(heading) for party, heading in Goal.HEADINGS.items()}

    def where(goal):
        return _("under »%(heading)s« i %(place)s") % {
            "heading": headings.get(goal["party"], goal["party"]),
            "place": goal["place"],
        }

    fields = [
        ("text", _label(Goal, "text"), lambda g: g["text"]),
        ("party", _label(Goal, "party"), lambda g: headings.get(g["party"], g["party"])),
    ]
    return tuple(
        _diff_items(
            _goals_with_place(a),
            _goals_with_place(b),
            title=lambda g: g["text"],
            fields=fields,
            where=where,
        )
    )


def _figures_with_section(snapshot: dict) -> list[dict]:
    return [
        {**figure, "section": section["title"]}
        for section in snapshot.get("sections", [])
        for figure in section.get("figures", [])
    ]


def _image(figure: dict) -> str:
    return _("billede på %(width)s × %(height)s punkter") % {
        "width": figure.get("width") or "?",
        "height": figure.get("height") or "?",
    }


def _diff_figures(a: dict, b: dict) -> tuple[ItemChange, ...]:
    fields = [
        ("caption", _label(SectionFigure, "caption"), lambda f: f["caption"]),
        ("alt_text", _label(SectionFigure, "alt_text"), lambda f: f["alt_text"]),
        ("image", _label(SectionFigure, "image"), lambda f: f["file"], _image),
        ("section", _label(SectionFigure, "section"), lambda f: f["section"]),
    ]
    return tuple(
        _diff_items(
            _figures_with_section(a),
            _figures_with_section(b),
            title=lambda f: f["caption"],
            fields=fields,
            where=lambda f: _("i afsnittet »%(section)s«") % {"section": f["section"]},
        )
    )


def _attachment_file(attachment: dict) -> str:
    return _("PDF på %(size)s") % {"size": filesizeformat(attachment.get("size") or 0)}


def _diff_attachments(a: dict, b: dict) -> tuple[ItemChange, ...]:
    fields = [
        ("title", _label(PlanAttachment, "title"), lambda x: x["title"]),
        ("file", _label(PlanAttachment, "file"), lambda x: x["file"], _attachment_file),
    ]
    return tuple(
        _diff_items(
            a.get("attachments", []),
            b.get("attachments", []),
            title=lambda x: x["title"],
            fields=fields,
        )
    )


def _seat_holder(seat: dict) -> str:
    """A kredsråd seat as the plan names it: the person, or the function and organisation."""
    if seat.get("name"):
        return seat["name"]
    return ", ".join(part for part in (seat.get("function"), seat.get("organisation")) if part)


def _seat_pairs(old: list[dict], new: list[dict]) -> list[tuple[dict, dict]]:
    """Seats have no ids in a snapshot: a person's seat is theirs by name; a seat by function is
    the one of the same function and organisation, else the only one of that organisation."""
    pairs, left_old, left_new = [], list(old), list(new)

    def match(key):
        for before in list(left_old):
            k = key(before)
            if not k:
                continue
            after = next((s for s in left_new if key(s) == k), None)
            if after is not None:
                pairs.append((before, after))
                left_old.remove(before)
                left_new.remove(after)

    match(lambda s: s.get("name") or None)
    match(lambda s: None if s.get("name") else (s.get("function"), s.get("organisation")))
    # A seat by function whose function changed: the only one of its organisation on each side.
    for before in list(left_old):
        organisation = before.get("organisation")
        if before.get("name") or not organisation:
            continue
        olds = [s for s in left_old if not s.get("name") and s.get("organisation") == organisation]
        news = [s for s in left_new if not s.get("name") and s.get("organisation") == organisation]
        if len(olds) == len(news) == 1:
            pairs.append((before, news[0]))
            left_old.remove(before)
            left_new.remove(news[0])
    return pairs


def _diff_organisation(a: dict, b: dict) -> tuple[ItemChange, ...]:
    """The kredsråd (its description and seats), the lokalråd with their kommuner, the
    lokalråd+ under them, and the staff functions."""
    old, new = a.get("organisation") or {}, b.get("organisation") or {}
    result = []
    name = _label(Council, "name")
    description = _label(Council, "description")

    old_council, new_council = old.get("district_council"), new.get("district_council")
    councils = [c for c in (old_council, new_council) if c]
    result += _diff_items(
        [old_council] if old_council else [],
        [new_council] if new_council else [],
        title=lambda c: c["name"],
        fields=[
            ("name", name, lambda c: c["name"]),
            ("description", description, lambda c: c.get("description", "")),
        ],
        pairs=[(old_council, new_council)] if len(councils) == 2 else [],
    )
    old_seats = (old_council or {}).get("members", [])
    new_seats = (new_council or {}).get("members", [])
    kredsraad = councils[-1]["name"] if councils else _("kredsrådet")
    result += _diff_items(
        old_seats,
        new_seats,
        title=_seat_holder,
        fields=[
            ("role", _label(Membership, "role"), lambda s: s.get("role_display", s["role"])),
            ("function", _("funktion"), lambda s: s.get("function", "")),
            (
                "organisation",
                _label(Membership, "organisation"),
                lambda s: s.get("organisation", ""),
            ),
        ],
        where=lambda s: _("plads i %(council)s") % {"council": kredsraad},
        pairs=_seat_pairs(old_seats, new_seats),
    )

    old_local, new_local = old.get("local_councils", []), new.get("local_councils", [])
    result += _diff_items(
        old_local,
        new_local,
        title=lambda c: c["name"],
        fields=[
            ("name", name, lambda c: c["name"]),
            ("description", description, lambda c: c.get("description", "")),
            ("municipalities", _("kommuner"), lambda c: ", ".join(c.get("municipalities", []))),
        ],
        where=lambda c: _("lokalråd"),
    )

    def children(councils):
        return [
            {**child, "parent": council["name"]}
            for council in councils
            for child in council.get("children", [])
        ]

    result += _diff_items(
        children(old_local),
        children(new_local),
        title=lambda c: c["name"],
        fields=[
            ("name", name, lambda c: c["name"]),
            ("description", description, lambda c: c.get("description", "")),
            ("parent", _("hører under"), lambda c: c["parent"]),
        ],
        where=lambda c: _("lokalråd+ under %(council)s") % {"council": c["parent"]},
    )
    result += _diff_items(
        old.get("staff_functions", []),
        new.get("staff_functions", []),
        title=lambda f: f["name"],
        fields=[
            ("name", _label(StaffFunction, "name"), lambda f: f["name"]),
            ("tasks", _label(StaffFunction, "tasks"), lambda f: f.get("tasks", "")),
        ],
        where=lambda f: _("stabsfunktion"),
    )
    return tuple(result)


# --- Small helpers --------------------------------------------------------------------------


def _ids(values: Iterable) -> list[int]:
    """Ids from ints, strings or model instances, without duplicates."""
    result = []
    for value in values:
        pk = value.pk if hasattr(value, "pk") else int(value)
        if pk not in result:
            result.append(pk)
    return result


def _in_plan_order(ids: list[int], queryset) -> list[int]:
    wanted = set(ids)
    return [
        pk for pk in queryset.order_by("order", "pk").values_list("pk", flat=True) if pk in wanted
    ]
