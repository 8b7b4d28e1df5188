"""A plan's focus-area group for tests that make focus areas directly."""

from plans.models import FocusAreaGroup

HEADINGS = {
    "national": "Nationale indsatsområder",
    "district": "Kredsfælles indsatsområder",
    "police": "Politikredsens egne indsatsområder",
    "local": "Lokalt valgte indsatsområder",
}


def group_for(plan, kind: str = "district", *, ranked: bool = False, heading: str = ""):
    """The plan's group of this kind, ranking and heading; made the first time it is asked for."""
    group, _ = FocusAreaGroup.objects.get_or_create(
        plan=plan,
        kind=kind,
        ranked=ranked,
        heading=heading or HEADINGS[kind],
        defaults={"order": plan.focus_area_groups.count() + 1},
    )
    return group
