from django.db import migrations

# The fixed choice of who was responsible becomes one or more actors, on the activities and on
# their history rows alike. "forum" keeps its forum and "named_local" its named councils, which
# are actors as they stand.
ACTOR_OF = {
    "district_council": "district_council",
    "secretariat": "secretariat",
    "all_local": "all_local_councils",
}


def actors_from_responsible(apps, schema_editor):
    for name in ("Activity", "HistoricalActivity"):
        model = apps.get_model("plans", name)
        for responsible, field in ACTOR_OF.items():
            model.objects.filter(responsible=responsible).update(**{field: True})


def responsible_from_actors(apps, schema_editor):
    """Back to one choice: a forum, named councils, all lokalråd, the kredsråd, else the
    secretariat (the police and kommuner had no choice of their own; the secretariat reported
    for them)."""
    for name in ("Activity", "HistoricalActivity"):
        model = apps.get_model("plans", name)
        rows = model.objects.all()
        rows.update(responsible="secretariat")
        rows.filter(district_council=True).update(responsible="district_council")
        rows.filter(all_local_councils=True).update(responsible="all_local")
        if name == "Activity":
            rows.filter(responsible_councils__isnull=False).update(responsible="named_local")
        rows.filter(forum__isnull=False).update(responsible="forum")


class Migration(migrations.Migration):
    """Alone, between the new fields (0010) and dropping the old column (0012): PostgreSQL
    cannot alter a table in the transaction that updated its rows, and undone, the old column
    must be filled before 0010 puts back the constraints that check it."""

    dependencies = [("plans", "0013_activity_actors")]

    operations = [migrations.RunPython(actors_from_responsible, responsible_from_actors)]
