"""The secretariat edits a plan's focus-area groups and the goals per party (plans 0010)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDIT = ("add", "change", "delete", "view")
MODELS = ("focusareagroup", "goal")


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="plans",
            codename__in=[f"{action}_{model}" for action in EDIT for model in MODELS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Sekretariat"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="plans",
                codename__in=[f"{action}_{model}" for action in EDIT for model in MODELS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_figure_and_attachment_permissions"),
        ("plans", "0012_remove_scope_and_priority_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
