"""Councils 0001-0006 as one migration, so a fresh database builds the council tables from their
final state instead of replaying 44 operations that each re-render the model states.

Made like plans' squash: the autodetector's initial migration for the state at 0006, with each
AddConstraint folded into its model's CreateModel and the columns in the old order. A database
that has applied 0001-0006 records this one as applied; the old files stay for any part-way.

Kept: 0002's reference data (districts, municipalities, kredsråd and lokalråd), which every
database needs, moved to the end; 0003-0006 only change the schema, and the rows it writes are
the same either way (councils/reference.py names every field it sets)."""

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def load(apps, schema_editor):
    """Copied from 0002: a module whose name begins with a digit cannot be imported by name."""
    from councils.reference import load_reference_data

    load_reference_data(
        PoliceDistrict=apps.get_model("councils", "PoliceDistrict"),
        Municipality=apps.get_model("councils", "Municipality"),
        Council=apps.get_model("councils", "Council"),
        CouncilMunicipality=apps.get_model("councils", "CouncilMunicipality"),
    )


class Migration(migrations.Migration):
    replaces = [
        ("councils", "0001_initial"),
        ("councils", "0002_reference_data"),
        ("councils", "0003_history_of_council_municipalities_and_secretariat_staff"),
        ("councils", "0004_text_length_limits"),
        ("councils", "0005_danish_constraint_messages"),
        ("councils", "0006_membership_by_function_and_staff_functions"),
    ]

    initial = True

    # The latest of each app the replaced migrations depend on (each implies the earlier ones).
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PoliceDistrict",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="navn")),
                (
                    "slug",
                    models.SlugField(
                        max_length=100, unique=True, verbose_name="kort navn i adresser"
                    ),
                ),
            ],
            options={
                "verbose_name": "politikreds",
                "verbose_name_plural": "politikredse",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Municipality",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        max_length=3,
                        unique=True,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^\\d{3}$", "Kommunekoden skal være tre cifre."
                            )
                        ],
                        verbose_name="kommunekode",
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="navn")),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="municipalities",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
            ],
            options={
                "verbose_name": "kommune",
                "verbose_name_plural": "kommuner",
                "ordering": ["name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("code__regex", "^[0-9]{3}$")),
                        name="municipality_code_three_digits",
                        violation_error_code="municipality_code_three_digits",
                        violation_error_message="Kommunekoden skal være tre cifre, fx 561.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Council",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("district", "Kredsråd"),
                            ("local", "Lokalråd"),
                            ("local_plus", "Lokalråd+"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("slug", models.SlugField(max_length=100, verbose_name="kort navn i adresser")),
                (
                    "description",
                    models.TextField(blank=True, max_length=2000, verbose_name="beskrivelse"),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Et råd med historik slettes ikke; det gøres inaktivt.",
                        verbose_name="aktiv",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="Kun for lokalråd+: det lokalråd, netværket hører under.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="councils.council",
                        verbose_name="hører under lokalråd",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="councils",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
            ],
            options={
                "verbose_name": "råd",
                "verbose_name_plural": "råd",
                "ordering": ["district__name", "kind", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("kind", "district")),
                        fields=("district",),
                        name="one_district_council_per_district",
                        violation_error_code="one_district_council_per_district",
                        violation_error_message="Politikredsen har allerede et kredsråd; der kan kun være ét.",
                    ),
                    models.UniqueConstraint(
                        fields=("district", "slug"),
                        name="council_slug_unique_in_district",
                        violation_error_code="council_slug_unique_in_district",
                        violation_error_message="Et andet råd i politikredsen har allerede dette korte navn. Vælg et andet.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("kind__in", ["district", "local", "local_plus"])),
                        name="council_kind_valid",
                        violation_error_code="council_kind_valid",
                        violation_error_message="Vælg en gyldig type: kredsråd, lokalråd eller lokalråd+.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("kind", "local_plus"), ("parent__isnull", False)),
                            models.Q(
                                models.Q(("kind", "local_plus"), _negated=True),
                                ("parent__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="council_parent_only_for_local_plus",
                        violation_error_code="council_parent_only_for_local_plus",
                        violation_error_message="Kun et lokalråd+ hører under et lokalråd: vælg lokalrådet for et lokalråd+ og intet for de andre typer.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("description"), 2000
                        ),
                        name="council_description_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPerson",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("title", models.CharField(blank=True, max_length=200, verbose_name="titel")),
                (
                    "organisation",
                    models.CharField(blank=True, max_length=200, verbose_name="organisation"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="Bruges kun til påmindelser; vises aldrig offentligt.",
                        max_length=254,
                        verbose_name="e-mail (arbejde)",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="brugerkonto",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical person",
                "verbose_name_plural": "historical personer",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCouncilMunicipality",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.council",
                        verbose_name="lokalråd",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.municipality",
                        verbose_name="kommune",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kommune i lokalråd",
                "verbose_name_plural": "historical kommuner i lokalråd",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="CouncilMunicipality",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="councils.council",
                        verbose_name="lokalråd",
                    ),
                ),
                (
                    "municipality",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="local_council_link",
                        to="councils.municipality",
                        verbose_name="kommune",
                    ),
                ),
            ],
            options={
                "verbose_name": "kommune i lokalråd",
                "verbose_name_plural": "kommuner i lokalråd",
            },
        ),
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("title", models.CharField(blank=True, max_length=200, verbose_name="titel")),
                (
                    "organisation",
                    models.CharField(blank=True, max_length=200, verbose_name="organisation"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="Bruges kun til påmindelser; vises aldrig offentligt.",
                        max_length=254,
                        verbose_name="e-mail (arbejde)",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="person",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="brugerkonto",
                    ),
                ),
            ],
            options={
                "verbose_name": "person",
                "verbose_name_plural": "personer",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalMembership",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Formand"),
                            ("vice_chair", "Næstformand"),
                            ("secretary", "Sekretær"),
                            ("member", "Medlem"),
                            ("observer", "Observatør/gæst"),
                        ],
                        default="member",
                        max_length=20,
                        verbose_name="rolle",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. borgmester eller lokalpolitileder.",
                        max_length=200,
                        verbose_name="titel eller funktion i rådet",
                    ),
                ),
                (
                    "organisation",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. Esbjerg Kommune.",
                        max_length=200,
                        verbose_name="organisation",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.council",
                        verbose_name="råd",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Kan stå tom, når pladsen beskrives ved sin funktion (f.eks. borgmester). En plads uden person giver ingen adgang til portalen.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.person",
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical medlemskab",
                "verbose_name_plural": "historical medlemskaber",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStaffFunction",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="F.eks. Kriminalpræventivt sekretariat.",
                        max_length=200,
                        verbose_name="navn",
                    ),
                ),
                (
                    "tasks",
                    models.TextField(
                        blank=True,
                        help_text="Funktionens opgaver i samarbejdet. En opgave pr. linje bliver en liste.",
                        max_length=2000,
                        verbose_name="opgaver",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical stabsfunktion",
                "verbose_name_plural": "historical stabsfunktioner",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSecretariatStaff",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="brugerkonto",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical sekretariatsmedarbejder",
                "verbose_name_plural": "historical sekretariatsmedarbejdere",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCouncil",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("district", "Kredsråd"),
                            ("local", "Lokalråd"),
                            ("local_plus", "Lokalråd+"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("slug", models.SlugField(max_length=100, verbose_name="kort navn i adresser")),
                (
                    "description",
                    models.TextField(blank=True, max_length=2000, verbose_name="beskrivelse"),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Et råd med historik slettes ikke; det gøres inaktivt.",
                        verbose_name="aktiv",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Kun for lokalråd+: det lokalråd, netværket hører under.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.council",
                        verbose_name="hører under lokalråd",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical råd",
                "verbose_name_plural": "historical råd",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="SecretariatStaff",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="secretariat_staff",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="secretariat",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="brugerkonto",
                    ),
                ),
            ],
            options={
                "verbose_name": "sekretariatsmedarbejder",
                "verbose_name_plural": "sekretariatsmedarbejdere",
            },
        ),
        migrations.CreateModel(
            name="StaffFunction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="F.eks. Kriminalpræventivt sekretariat.",
                        max_length=200,
                        verbose_name="navn",
                    ),
                ),
                (
                    "tasks",
                    models.TextField(
                        blank=True,
                        help_text="Funktionens opgaver i samarbejdet. En opgave pr. linje bliver en liste.",
                        max_length=2000,
                        verbose_name="opgaver",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="staff_functions",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
            ],
            options={
                "verbose_name": "stabsfunktion",
                "verbose_name_plural": "stabsfunktioner",
                "ordering": ["district__name", "order", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("district", "name"),
                        name="staff_function_name_unique_in_district",
                        violation_error_code="staff_function_name_unique_in_district",
                        violation_error_message="Politikredsen har allerede en stabsfunktion med det navn.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("tasks"), 2000
                        ),
                        name="staff_function_tasks_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Formand"),
                            ("vice_chair", "Næstformand"),
                            ("secretary", "Sekretær"),
                            ("member", "Medlem"),
                            ("observer", "Observatør/gæst"),
                        ],
                        default="member",
                        max_length=20,
                        verbose_name="rolle",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. borgmester eller lokalpolitileder.",
                        max_length=200,
                        verbose_name="titel eller funktion i rådet",
                    ),
                ),
                (
                    "organisation",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. Esbjerg Kommune.",
                        max_length=200,
                        verbose_name="organisation",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="councils.council",
                        verbose_name="råd",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        help_text="Kan stå tom, når pladsen beskrives ved sin funktion (f.eks. borgmester). En plads uden person giver ingen adgang til portalen.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="councils.person",
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "medlemskab",
                "verbose_name_plural": "medlemskaber",
                "ordering": ["council", "order", "person__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("person", "council"),
                        name="one_membership_per_council",
                        violation_error_code="one_membership_per_council",
                        violation_error_message="Personen er allerede med i dette råd.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("role__in", ["chair", "vice_chair", "secretary", "member", "observer"])
                        ),
                        name="membership_role_valid",
                        violation_error_code="membership_role_valid",
                        violation_error_message="Vælg en gyldig rolle.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("role", "chair")),
                        fields=("council",),
                        name="one_chair_per_council",
                        violation_error_code="one_chair_per_council",
                        violation_error_message="Rådet har allerede en formand. Giv den nuværende formand en anden rolle først.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("person__isnull", False),
                            models.Q(("title", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="membership_person_or_function",
                        violation_error_code="membership_person_or_function",
                        violation_error_message="Vælg en person, eller skriv pladsens funktion (f.eks. borgmester) under »titel eller funktion i rådet«.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="council",
            name="municipalities",
            field=models.ManyToManyField(
                blank=True,
                help_text="De kommuner, et lokalråd dækker. Et lokalråd kan dække flere kommuner.",
                related_name="councils",
                through="councils.CouncilMunicipality",
                to="councils.municipality",
                verbose_name="kommuner",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
