"""Writes to a plan's outline from the secretariat's workspace: add a section where it stands,
move it past its neighbour sibling, delete it. Each through the model's `full_clean`, so the
three-level rule and the place of focus-area groups hold as in the admin. Likewise a focus
area's activities: added last, moved past a neighbour, deleted unless status history hangs on
them; after each save their assignments follow (`services.sync_assignments`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from .models import (
    Activity,
    AnnualCycleEntry,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanSection,
    SectionFigure,
)
from .services import Move, move_in_sequence, sync_assignments


def siblings(section: PlanSection):
    """The sections beside `section` under the same parent (or the chapters), in order."""
    return PlanSection.objects.filter(
        plan_id=section.plan_id, parent_id=section.parent_id
    ).order_by("order", "pk")


@transaction.atomic
def add_section(
    *, plan: Plan, parent: PlanSection | None, title: str, body: str = ""
) -> PlanSection:
    """A new chapter (no `parent`) or sub-section, last among its siblings. ValidationError
    (Danish) when the model refuses it, e.g. a fourth level."""
    last = (
        PlanSection.objects.select_for_update()
        .filter(plan=plan, parent=parent)
        .aggregate(last=Max("order"))["last"]
    )
    section = PlanSection(plan=plan, parent=parent, title=title, body=body, order=(last or 0) + 1)
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def move_section(*, section: PlanSection, to: Move) -> bool:
    """Move the section past the sibling above or below it, or to a place among its siblings
    (`services.move_in_sequence`); False when it does not move."""
    rows = list(siblings(section).select_for_update())
    return move_in_sequence(rows, section, to)


@transaction.atomic
def delete_section(*, section: PlanSection) -> None:
    """Delete a section with its figures (their files stay: a published version may name
    them). Refused with ValidationError while sub-sections or groups hang on it."""
    if problem := section.delete_problem():
        raise ValidationError(problem)
    section.delete()


def activities_beside(activity: Activity):
    """The activities of the same focus area, in order."""
    return Activity.objects.filter(focus_area_id=activity.focus_area_id).order_by("order", "pk")


@transaction.atomic
def add_activity(*, form) -> Activity:
    """Save a new activity from the workspace's form (validated: the model's `full_clean`),
    last in its focus area, and give its lokalråd their assignments."""
    activity = form.instance
    last = (
        Activity.objects.select_for_update()
        .filter(focus_area_id=activity.focus_area_id)
        .aggregate(last=Max("order"))["last"]
    )
    activity.order = 0 if last is None else last + 1
    activity = form.save()
    sync_assignments(activity=activity)
    return activity


@transaction.atomic
def save_activity(*, form) -> Activity:
    """Save an edited activity (under the form's optimistic lock); assignments follow."""
    activity = form.save()
    sync_assignments(activity=activity)
    return activity


@transaction.atomic
def move_activity(*, activity: Activity, to: Move) -> bool:
    """Move the activity past its neighbour, or to a place, in its focus area; False when it
    does not move."""
    rows = list(activities_beside(activity).select_for_update())
    return move_in_sequence(rows, activity, to)


@transaction.atomic
def delete_activity(*, activity: Activity) -> None:
    """Delete an activity with its assignments. Refused with ValidationError while status
    updates hang on it (status history is never deleted)."""
    if problem := activity.delete_problem():
        raise ValidationError(problem)
    activity.delete()


# --- The other parts of the plan: focus areas, groups, goals, the annual cycle, figures and
# attachments, each in order among the rows beside it (`beside`).


def beside(part):
    """The rows that share `part`'s place in the plan, in order: a focus area's in its group, a
    group's in its section (or among the unplaced), an annual-cycle entry's at the same time of
    year, a goal's under its focus area (or the plan's own), a figure's in its section, an
    attachment's in the plan."""
    model = type(part)
    if isinstance(part, FocusArea):
        rows = model.objects.filter(group_id=part.group_id)
    elif isinstance(part, Goal):
        rows = model.objects.filter(plan_id=part.plan_id, focus_area_id=part.focus_area_id)
    elif isinstance(part, SectionFigure):
        rows = model.objects.filter(section_id=part.section_id)
    elif isinstance(part, FocusAreaGroup):  # among the groups placed in the same section
        rows = model.objects.filter(plan_id=part.plan_id, section_id=part.section_id)
    elif isinstance(part, AnnualCycleEntry):  # shown in calendar order: among the same time's
        rows = model.objects.filter(
            plan_id=part.plan_id,
            month=part.month,
            quarter=part.quarter,
            undated=part.undated,
            before_period=part.before_period,
        )
    else:  # PlanAttachment
        rows = model.objects.filter(plan_id=part.plan_id)
    return rows.order_by("order", "pk")


@transaction.atomic
def add_part(*, form):
    """Save a new part from its workspace form (validated: the model's `full_clean`), last
    among the rows beside it."""
    part = form.instance
    last = beside(part).select_for_update().aggregate(last=Max("order"))["last"]
    part.order = 1 if last is None else last + 1
    return form.save()


@transaction.atomic
def save_part(*, form):
    """Save an edited part under its form's optimistic lock."""
    return form.save()


@transaction.atomic
def move_part(*, part, to: Move) -> bool:
    """Move the part past its neighbour, or to a place among the rows beside it; False when it
    does not move."""
    rows = list(beside(part).select_for_update())
    return move_in_sequence(rows, part, to)


@transaction.atomic
def delete_part(*, part) -> None:
    """Delete a part. A focus area goes with its activities, their assignments and its goals;
    refused with ValidationError where the model names a problem (`delete_problem`: status
    history on a focus area's activities, focus areas in a group). A figure's or an
    attachment's file stays: a published version may name it."""
    problem_of = getattr(part, "delete_problem", None)
    if problem_of and (problem := problem_of()):
        raise ValidationError(problem)
    part.delete()


# --- Goals as lists: one per line, per party.


def _same_text(text: str) -> str:
    """A goal's text as a line compares: spacing and line breaks do not count."""
    return " ".join(text.split())


@transaction.atomic
def replace_goals(*, plan: Plan, focus_area: FocusArea | None, lists: dict[str, list[str]]):
    """Make the goals of the plan (no `focus_area`) or of a focus area exactly `lists`: per
    party, the goals in order. A goal whose party and text are unchanged keeps its row (and its
    history), so rewriting a list only touches the lines that changed; goals no longer listed
    are deleted. Parties come in the order of `lists`."""
    existing = list(
        Goal.objects.select_for_update()
        .filter(plan=plan, focus_area=focus_area)
        .order_by("order", "pk")
    )
    unused: dict[tuple[str, str], list[Goal]] = {}
    for goal in existing:
        unused.setdefault((goal.party, _same_text(goal.text)), []).append(goal)
    kept = set()
    order = 0
    for party, lines in lists.items():
        for line in lines:
            order += 1
            matches = unused.get((party, _same_text(line)))
            if matches:
                goal = matches.pop(0)
                if goal.order != order:
                    goal.order = order
                    goal.save(update_fields=["order"])
            else:
                goal = Goal(plan=plan, focus_area=focus_area, party=party, text=line, order=order)
                goal.full_clean()
                goal.save()
            kept.add(goal.pk)
    Goal.objects.filter(pk__in=[goal.pk for goal in existing if goal.pk not in kept]).delete()
