from django.db import migrations


def load(apps, schema_editor):
    from councils.reference import load_reference_data

    load_reference_data(
        PoliceDistrict=apps.get_model("councils", "PoliceDistrict"),
        Municipality=apps.get_model("councils", "Municipality"),
        Council=apps.get_model("councils", "Council"),
        CouncilMunicipality=apps.get_model("councils", "CouncilMunicipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("councils", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
