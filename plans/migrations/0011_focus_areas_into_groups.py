"""Every existing focus area moves into a group of its plan, derived from its old scope and
priority group (plans.legacy: one group per distinct pair, ranked when prioritised), and a local
area's one lokalråd becomes the first of its lokalråd. Nothing is dropped here; 0012 removes
the old fields once they are copied."""

from django.db import migrations

from plans.legacy import legacy_groups


def into_groups(apps, schema_editor):
    FocusArea = apps.get_model("plans", "FocusArea")
    FocusAreaGroup = apps.get_model("plans", "FocusAreaGroup")
    HistoricalFocusArea = apps.get_model("plans", "HistoricalFocusArea")
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.all():
        areas = list(
            FocusArea.objects.filter(plan=plan).values(
                "id", "order", "scope", "priority_group", "rank", "council_id"
            )
        )
        for spec in legacy_groups(areas):
            group = FocusAreaGroup.objects.create(
                plan=plan,
                heading=spec["heading"],
                kind=spec["kind"],
                ranked=spec["ranked"],
                order=spec["order"],
            )
            FocusArea.objects.filter(pk__in=spec["area_ids"]).update(group=group)
            # The change history keeps which group the area's earlier versions were in.
            HistoricalFocusArea.objects.filter(id__in=spec["area_ids"]).update(group_id=group.pk)
        for area in areas:
            if area["council_id"]:
                FocusArea.objects.get(pk=area["id"]).councils.add(area["council_id"])


def back_to_scopes(apps, schema_editor):
    """Reversing: scope, priority group and the first lokalråd from the group."""
    FocusArea = apps.get_model("plans", "FocusArea")
    FocusAreaGroup = apps.get_model("plans", "FocusAreaGroup")
    for area in FocusArea.objects.select_related("group"):
        group = area.group
        area.scope = "local" if group.kind == "local" else "district"
        area.priority_group = "prioritised" if group.ranked else ""
        area.council_id = area.councils.order_by("pk").values_list("pk", flat=True).first()
        area.save(update_fields=["scope", "priority_group", "council"])
    FocusArea.objects.update(group=None)
    FocusAreaGroup.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0010_focus_area_groups_and_goals")]

    operations = [migrations.RunPython(into_groups, back_to_scopes, elidable=True)]
