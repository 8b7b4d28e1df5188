from django.db import migrations


class Migration(migrations.Migration):
    """The fixed choice of who is responsible goes; 0011 moved it to the actors."""

    dependencies = [("plans", "0014_actors_from_responsible")]

    operations = [
        migrations.RemoveField(
            model_name="historicalactivity",
            name="responsible",
        ),
        migrations.RemoveField(
            model_name="activity",
            name="responsible",
        ),
    ]
