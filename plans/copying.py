"""A new draft for the next period, copied from a plan: "Ny plan for næste periode".

Secretariats write next period's plan by revising this one. The copy takes the plan's cover and
texts, its outline (sections with their figures), focus-area groups, focus areas (with the
lokalråd that chose them), goals, activities (with their actors), annual cycle and attachments.
It takes no history: no versions, no workflow steps, no dates of approval or publication, and
the activities' assignments start without status updates.

The copier reads each model's own fields, so a field added later is copied without a change
here; a foreign key to a copied row (a sub-section's parent, a group's section, a focus area's
group …) points to the copy. Files are shared, not duplicated: a stored file is never deleted or
overwritten (plans/README.md), so the copy's figures and attachments can name the same files.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    Activity,
    AnnualCycleEntry,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Period,
    Plan,
    PlanAttachment,
    PlanSection,
    SectionFigure,
)
from .services import sync_plan_assignments

# Not carried over: the workflow and its dates belong to the old plan's history.
PLAN_FIELDS_LEFT_OUT = {
    "status",
    "council_treatment",
    "approval_meeting_date",
    "effective_date",
    "period_start",
    "period_end",
}

# In the order the copy is made: a row's foreign keys point to rows copied before it (or, for
# a sub-section's parent, to a row of its own model: `_point_to_copies`).
COPIED = (
    ("sections", PlanSection),
    ("figures", SectionFigure),
    ("groups", FocusAreaGroup),
    ("focus_areas", FocusArea),
    ("goals", Goal),
    ("activities", Activity),
    ("cycle", AnnualCycleEntry),
    ("attachments", PlanAttachment),
)


@dataclass(frozen=True)
class CopyResult:
    plan: Plan
    counts: Counter

    def summary(self) -> str:
        """What was copied, for the message after the copy: "4 afsnit, 2 figurer, …"."""
        parts = [
            ngettext("%(n)d afsnit", "%(n)d afsnit", self.counts["sections"]),
            ngettext("%(n)d figur", "%(n)d figurer", self.counts["figures"]),
            ngettext(
                "%(n)d gruppe af indsatsområder",
                "%(n)d grupper af indsatsområder",
                self.counts["groups"],
            ),
            ngettext("%(n)d indsatsområde", "%(n)d indsatsområder", self.counts["focus_areas"]),
            ngettext("%(n)d mål", "%(n)d mål", self.counts["goals"]),
            ngettext("%(n)d aktivitet", "%(n)d aktiviteter", self.counts["activities"]),
            ngettext("%(n)d punkt i årshjulet", "%(n)d punkter i årshjulet", self.counts["cycle"]),
            ngettext("%(n)d vedhæftet bilag", "%(n)d vedhæftede bilag", self.counts["attachments"]),
        ]
        keys = [key for key, _model in COPIED]
        return ", ".join(
            part % {"n": self.counts[key]} for key, part in zip(keys, parts, strict=True)
        )


def next_period(plan: Plan) -> Period:
    """The period after the plan's, as long as the plan's (capped at the last year allowed)."""
    length = plan.period_end - plan.period_start
    start = plan.period_end + 1
    return Period(start, min(start + length, Period.LAST_YEAR))


def _rows(plan: Plan, model) -> models.QuerySet:
    """The plan's rows of `model`."""
    path = {
        SectionFigure: "section__plan",
        FocusArea: "plan",
        Activity: "focus_area__plan",
    }.get(model, "plan")
    return model.objects.filter(**{path: plan}).order_by("pk")


def _copy_row(row, copies: dict) -> models.Model:
    """A new row with `row`'s own fields; foreign keys to copied rows point to their copies.
    A key to a row of the same model (a sub-section's parent) is left empty here and set by
    `_point_to_copies` once every row of the model is copied."""
    model = type(row)
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name == "revision":
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        if field.is_relation and field.related_model is model:
            values[field.attname] = None
        elif field.is_relation:
            target = getattr(row, field.attname)
            mapped = copies.get(field.related_model, {})
            values[field.attname] = mapped[target].pk if target in mapped else target
        elif isinstance(field, models.FileField):
            values[field.attname] = getattr(row, field.attname).name  # the same stored file
        else:
            values[field.attname] = getattr(row, field.attname)
    copy = model.objects.create(**values)
    for field in model._meta.many_to_many:
        getattr(copy, field.name).set(getattr(row, field.name).all())
    copies.setdefault(model, {})[row.pk] = copy
    return copy


def _point_to_copies(model, rows, copies: dict) -> None:
    """Keys from `model` to `model` (a sub-section's parent) set to the copies' rows."""
    for field in model._meta.concrete_fields:
        if not (field.is_relation and field.related_model is model):
            continue
        for row in rows:
            if (target := getattr(row, field.attname)) is not None:
                copy = copies[model][row.pk]
                model.objects.filter(pk=copy.pk).update(**{field.attname: copies[model][target].pk})


def counts_to_copy(plan: Plan) -> Counter:
    """What `copy_for_next_period` would copy, for the page that offers it."""
    return Counter({key: _rows(plan, model).count() for key, model in COPIED})


@transaction.atomic
def copy_for_next_period(*, plan: Plan, period_start: int, period_end: int) -> CopyResult:
    """A new draft of the plan's district for the given years, with the plan's content and no
    history. Raises ValidationError (Danish, by field) when the years cannot hold a plan."""
    new_plan = Plan(
        district=plan.district,
        period_start=period_start,
        period_end=period_end,
        status=Plan.Status.DRAFT,
        **{
            field.attname: getattr(plan, field.attname)
            for field in Plan._meta.concrete_fields
            if not field.primary_key
            and not field.is_relation
            and field.name not in PLAN_FIELDS_LEFT_OUT
            and field.name != "revision"
            and not getattr(field, "auto_now", False)
            and not getattr(field, "auto_now_add", False)
        },
    )
    if Plan.objects.filter(
        district=plan.district, period_start=period_start, period_end=period_end
    ).exists():
        raise ValidationError(
            {
                "period_end": _("Kredsen har allerede en samarbejdsplan for %(period)s.")
                % {"period": new_plan.period_label}
            }
        )
    new_plan.full_clean()
    new_plan.save()
    copies: dict = {Plan: {plan.pk: new_plan}}
    counts: Counter = Counter()
    for key, model in COPIED:
        rows = list(_rows(plan, model))
        for row in rows:
            _copy_row(row, copies)
        _point_to_copies(model, rows, copies)
        counts[key] = len(rows)
    sync_plan_assignments(plan=new_plan)
    return CopyResult(plan=new_plan, counts=counts)
