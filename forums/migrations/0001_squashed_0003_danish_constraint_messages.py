"""Forums 0001-0003 as one migration, so a fresh database builds the forum tables from their final
state instead of replaying 27 operations that each re-render the model states.

Made like plans' squash: the autodetector's initial migration for the state at 0003, with each
AddConstraint folded into its model's CreateModel and the columns in the old order. A database
that has applied 0001-0003 records this one as applied; the old files stay for any part-way."""

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("forums", "0001_initial"),
        ("forums", "0002_text_length_limits"),
        ("forums", "0003_danish_constraint_messages"),
    ]

    initial = True

    # The latest of each app the replaced migrations depend on (each implies the earlier ones).
    dependencies = [
        ("councils", "0005_danish_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Forum",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("slug", models.SlugField(max_length=100, verbose_name="kort navn i adresser")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("kredsraad", "Kredsråd"),
                            ("lokalraad", "Lokalråd"),
                            ("lokalraad_plus", "Lokalråd+"),
                            ("ssp", "SSP"),
                            ("ssp_plus", "SSP+"),
                            ("psp", "PSP"),
                            ("ksp", "KSP"),
                            ("banderaad", "Banderåd"),
                            ("ungesamraad", "Ungesamråd"),
                            ("overgreb", "Samråd vedr. overgreb mod børn"),
                            ("ssp_samraad", "SSP-samråd"),
                            ("koordination", "Koordinationsgruppe/-udvalg"),
                            ("infohus", "Infohus"),
                            ("chefforum", "Chefforum"),
                            ("other", "Andet"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("topic", models.TextField(blank=True, max_length=1000, verbose_name="emne")),
                (
                    "legal_basis",
                    models.TextField(blank=True, max_length=1000, verbose_name="lovgrundlag"),
                ),
                ("purpose", models.TextField(blank=True, max_length=2000, verbose_name="formål")),
                (
                    "action_plans",
                    models.TextField(blank=True, max_length=1000, verbose_name="evt. handleplaner"),
                ),
                (
                    "interfaces_text",
                    models.TextField(
                        blank=True,
                        help_text="Snitflader, der ikke er et forum eller råd i portalen.",
                        max_length=1000,
                        verbose_name="snitflader (fritekst)",
                    ),
                ),
                (
                    "participants",
                    models.TextField(
                        blank=True,
                        help_text="Funktioner frem for navne.",
                        max_length=2000,
                        verbose_name="deltagere",
                    ),
                ),
                (
                    "meetings_min",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="mindste antal møder om året"
                    ),
                ),
                (
                    "meetings_text",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. »mindst 4«, »1-2« eller »efter behov«.",
                        max_length=100,
                        verbose_name="antal møder (tekst)",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge i oversigten"
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktiv")),
                (
                    "council",
                    models.ForeignKey(
                        blank=True,
                        help_text="Hvis forummet er et af kredsens råd.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="forum_descriptions",
                        to="councils.council",
                        verbose_name="råd",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="forums",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "interface_councils",
                    models.ManyToManyField(
                        blank=True,
                        related_name="interfacing_forums",
                        to="councils.council",
                        verbose_name="snitflader til råd",
                    ),
                ),
                (
                    "interface_forums",
                    models.ManyToManyField(
                        blank=True,
                        related_name="interfaced_by",
                        to="forums.forum",
                        verbose_name="snitflader til fora",
                    ),
                ),
                (
                    "municipalities",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Tom betyder hele politikredsen.",
                        related_name="forums",
                        to="councils.municipality",
                        verbose_name="kommuner",
                    ),
                ),
            ],
            options={
                "verbose_name": "samarbejdsforum",
                "verbose_name_plural": "samarbejdsfora",
                "ordering": ["district__name", "order", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("district", "slug"),
                        name="forum_slug_unique_in_district",
                        violation_error_code="forum_slug_unique_in_district",
                        violation_error_message="Et andet forum i politikredsen har allerede dette korte navn. Vælg et andet.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("meetings_min__lte", 52)),
                        name="forum_meetings_min_at_most_weekly",
                        violation_error_code="forum_meetings_min_at_most_weekly",
                        violation_error_message="Et forum kan højst holde 52 møder om året.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("topic"), 1000
                        ),
                        name="forum_topic_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("legal_basis"), 1000
                        ),
                        name="forum_legal_basis_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("purpose"), 2000
                        ),
                        name="forum_purpose_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("action_plans"), 1000
                        ),
                        name="forum_action_plans_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("interfaces_text"), 1000
                        ),
                        name="forum_interfaces_text_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("participants"), 2000
                        ),
                        name="forum_participants_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalForum",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="navn")),
                ("slug", models.SlugField(max_length=100, verbose_name="kort navn i adresser")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("kredsraad", "Kredsråd"),
                            ("lokalraad", "Lokalråd"),
                            ("lokalraad_plus", "Lokalråd+"),
                            ("ssp", "SSP"),
                            ("ssp_plus", "SSP+"),
                            ("psp", "PSP"),
                            ("ksp", "KSP"),
                            ("banderaad", "Banderåd"),
                            ("ungesamraad", "Ungesamråd"),
                            ("overgreb", "Samråd vedr. overgreb mod børn"),
                            ("ssp_samraad", "SSP-samråd"),
                            ("koordination", "Koordinationsgruppe/-udvalg"),
                            ("infohus", "Infohus"),
                            ("chefforum", "Chefforum"),
                            ("other", "Andet"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("topic", models.TextField(blank=True, max_length=1000, verbose_name="emne")),
                (
                    "legal_basis",
                    models.TextField(blank=True, max_length=1000, verbose_name="lovgrundlag"),
                ),
                ("purpose", models.TextField(blank=True, max_length=2000, verbose_name="formål")),
                (
                    "action_plans",
                    models.TextField(blank=True, max_length=1000, verbose_name="evt. handleplaner"),
                ),
                (
                    "interfaces_text",
                    models.TextField(
                        blank=True,
                        help_text="Snitflader, der ikke er et forum eller råd i portalen.",
                        max_length=1000,
                        verbose_name="snitflader (fritekst)",
                    ),
                ),
                (
                    "participants",
                    models.TextField(
                        blank=True,
                        help_text="Funktioner frem for navne.",
                        max_length=2000,
                        verbose_name="deltagere",
                    ),
                ),
                (
                    "meetings_min",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="mindste antal møder om året"
                    ),
                ),
                (
                    "meetings_text",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. »mindst 4«, »1-2« eller »efter behov«.",
                        max_length=100,
                        verbose_name="antal møder (tekst)",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge i oversigten"
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktiv")),
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
                        help_text="Hvis forummet er et af kredsens råd.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.council",
                        verbose_name="råd",
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
                "verbose_name": "historical samarbejdsforum",
                "verbose_name_plural": "historical samarbejdsfora",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalForum_interface_councils",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "council",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.council",
                    ),
                ),
                (
                    "forum",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="forums.forum",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="forums.historicalforum",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalForum_interface_councils",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalForum_interface_forums",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "from_forum",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="forums.forum",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="forums.historicalforum",
                    ),
                ),
                (
                    "to_forum",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="forums.forum",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalForum_interface_forums",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalForum_municipalities",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "forum",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="forums.forum",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="forums.historicalforum",
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="councils.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalForum_municipalities",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
