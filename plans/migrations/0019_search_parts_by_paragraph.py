from django.db import migrations


def drop_search_parts(apps, schema_editor):
    """The search parts now keep one paragraph a line; the next search cuts them out again."""
    apps.get_model("plans", "PlanSearchPart").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0018_plan_contact")]

    operations = [migrations.RunPython(drop_search_parts, migrations.RunPython.noop)]
