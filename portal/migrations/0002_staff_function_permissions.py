"""The secretariat edits its district's staff functions (councils.StaffFunction)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    councils = apps.get_app_config("councils")
    councils.models_module = True
    create_permissions(councils, apps=apps, verbosity=0)
    councils.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="councils",
            codename__in=[f"{action}_stafffunction" for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Sekretariat"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="councils",
                codename__in=[f"{action}_stafffunction" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_role_groups"),
        ("councils", "0006_membership_by_function_and_staff_functions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
