"""Writes to a plan's outline from the secretariat's workspace: add a section where it stands,
move it past its neighbour sibling, delete it. Each through the model's `full_clean`, so the
three-level rule and the place of focus-area groups hold as in the admin."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from .models import Plan, PlanSection
from .services import Direction, swap_in_sequence


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
def move_section(*, section: PlanSection, direction: Direction) -> bool:
    """Swap the section's place with the sibling above or below it; False when it is already
    first (up) or last (down)."""
    rows = list(siblings(section).select_for_update())
    return swap_in_sequence(rows, section, direction)


@transaction.atomic
def delete_section(*, section: PlanSection) -> None:
    """Delete a section with its figures (their files stay: a published version may name
    them). Refused with ValidationError while sub-sections or groups hang on it."""
    if problem := section.delete_problem():
        raise ValidationError(problem)
    section.delete()
