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
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from base.limits import EARLIEST_DATE, date_bounds_problem
from base.text import as_date, danish_date

from .models import FocusArea, Goal, Plan, PlanSection, PlanVersion, WorkflowEvent
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
) -> PlanVersion:
    """Publish a draft or approved plan as version 1, or a published plan again as a revision.

    Freezes the plan's content into a new `PlanVersion` dated `published_on` (today when not
    given; an existing plan's history is entered with its real dates). On first publication the
    district's current plan (if any) is superseded in the same transaction. The PDF is queued
    after commit.
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
    transaction.on_commit(lambda: render_version_pdf.enqueue(version_id=version.pk), robust=True)
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
    removed or edited, a focus area when one of its activities was. Moving a part without
    editing it does not. Both lists are empty for a plan that was never published.
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
    field: str
    label: str
    old: Any
    new: Any


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
    """Sections, focus areas and activities added, removed and changed between two versions.

    Parts are matched by id, so an edited title shows as a change, not as one removed and one
    added. Only the snapshots are read: an unsaved `PlanVersion(snapshot=build_snapshot(plan))`
    diffs the draft against a published version.
    """
    a, b = old.snapshot, new.snapshot
    front_matter = tuple(
        FieldChange(
            name, _label(Plan, name), _front_matter(a["plan"], name), _front_matter(b["plan"], name)
        )
        for name in FRONT_MATTER_FIELDS
        if _front_matter(a["plan"], name) != _front_matter(b["plan"], name)
    )
    old_goals = _goals_text(a["plan"].get("goals", []))
    new_goals = _goals_text(b["plan"].get("goals", []))
    if old_goals != new_goals:
        front_matter += (FieldChange("goals", _("mål for parterne"), old_goals, new_goals),)
    s_added, s_removed, s_changed = _diff_parts(
        a.get("sections", []), b.get("sections", []), PlanSection, SECTION_FIELDS
    )
    f_added, f_removed, f_changed = _diff_parts(
        comparable_areas(a), comparable_areas(b), FocusArea, FOCUS_AREA_FIELDS
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
                    name, _label(model, name), _plain(before.get(name)), _plain(part.get(name))
                )
                for name in names
            )
            changed.append(ChangedPart(part["id"], part["title"], changes))
    return added, removed, tuple(changed)


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
        ("text", _("aktivitet"), old["text"], new["text"]),
        ("actors", _("ansvarlige"), actors_display(old), actors_display(new)),
        ("timing", _("tidsramme"), old.get("timing", ""), new.get("timing", "")),
        ("focus_area", _("indsatsområde"), old_area["title"], new_area["title"]),
    ]
    if old_area["id"] == new_area["id"]:
        pairs.pop()  # a renamed focus area is reported with the focus area, not per activity
    return tuple(FieldChange(name, label, a, b) for name, label, a, b in pairs if a != b)


def _changed_fields(old: dict, new: dict, fields: Iterable[str]) -> list[str]:
    return [name for name in fields if _plain(old.get(name)) != _plain(new.get(name))]


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
