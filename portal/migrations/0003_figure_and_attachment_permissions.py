"""The secretariat edits a section's figures and a plan's attachments, as it edits the rest of
the plan (issue 13, item 7)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDIT = ("add", "change", "delete", "view")
MODELS = ("sectionfigure", "planattachment")


def grant(apps, schema_editor):
    plans = apps.get_app_config("plans")
    plans.models_module = True
    create_permissions(plans, apps=apps, verbosity=0)
    plans.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="plans",
            codename__in=[f"{action}_{model}" for model in MODELS for action in EDIT],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Sekretariat"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="plans",
                codename__in=[f"{action}_{model}" for model in MODELS for action in EDIT],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_staff_function_permissions"),
        ("plans", "0009_section_figures_and_plan_attachments"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
