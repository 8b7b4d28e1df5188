"""The three role groups and their model permissions.

The national administrator is a superuser and needs no group. Who gets which group is described
in docs/operations.md; councils/roles.py puts a user in the right one. The permission lists are
frozen here on purpose: a later change of roles is a new migration, not an edit of this one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDIT = ("add", "change", "delete", "view")

ROLE_PERMISSIONS = {
    # Staff of one district's secretariat: edits everything of that district in the admin (the
    # admin scopes every query to the district of the user's SecretariatStaff row).
    "Sekretariat": {
        "councils": {
            "policedistrict": ("view",),
            "municipality": ("view",),
            "council": EDIT,
            "councilmunicipality": EDIT,
            "person": EDIT,
            "membership": EDIT,
            "secretariatstaff": ("view",),
        },
        "forums": {"forum": EDIT},
        "plans": {
            "plan": EDIT,
            "plansection": EDIT,
            "focusarea": EDIT,
            "activity": EDIT,
            "annualcycleentry": EDIT,
            "reportinground": ("add", "change", "view"),
            "assignment": ("view",),
            "statusupdate": ("add", "view"),
            "planversion": ("view",),
            "workflowevent": ("view",),
        },
    },
    # The secretary of a lokalråd: reports status and keeps the lokalråd's own focus areas and
    # activities (the bilateral handleplan). Member views scope by the user's membership.
    "Lokalrådssekretær": {
        "plans": {
            "assignment": ("view",),
            "statusupdate": ("add", "view"),
            "focusarea": ("add", "change", "view"),
            "activity": ("add", "change", "view"),
        },
    },
    # A member of a lokalråd: reports status on the lokalråd's assignments.
    "Lokalrådsmedlem": {
        "plans": {
            "assignment": ("view",),
            "statusupdate": ("add", "view"),
        },
    },
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create them now so
    # the groups can refer to them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, by_app in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        wanted = []
        for app_label, by_model in by_app.items():
            for model, actions in by_model.items():
                for action in actions:
                    wanted.append(
                        Permission.objects.get(
                            content_type__app_label=app_label,
                            codename=f"{action}_{model}",
                        )
                    )
        group.permissions.set(wanted)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("councils", "0002_reference_data"),
        ("forums", "0001_initial"),
        ("plans", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
