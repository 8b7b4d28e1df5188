"""Plans 0001-0012 as one migration, so a fresh database (every test process, CI, `make run`, a
deploy) builds the plans tables from their final state instead of replaying twelve migrations'
167 operations, each of which re-renders the model states (about 5 s of processor time).

Made from the autodetector's initial migration for the state at 0012, with each AddConstraint and
AddIndex folded into its model's CreateModel (the optimizer cannot move anything across them),
the models ordered so each comes after those it points at (only Assignment.latest_update, a
cycle with StatusUpdate, is added after), and each table's columns in the order the old
migrations left them, so a fresh database and an upgraded one have the same tables.
A database that has applied 0001-0012 records this one as applied; one part-way through goes on
with the old files, which stay until every deployment is past 0012.

Left out, being elidable: 0008's and 0011's data migrations, which only rewrite existing plans and
focus areas (a fresh database has none). Kept: 0002's GIN index on the search vector, moved to the
end (nothing between 0002 and 0012 touches that column)."""

import datetime

import django.contrib.postgres.search
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import base.constraints
import base.limits
import plans.models

# A GIN index on the full-text vector; PostgreSQL only (SQLite has no tsvector search). Copied
# from 0002: a module whose name begins with a digit cannot be imported by name.
INDEX = "plans_plansearchpart_document_gin"


def create_document_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON plans_plansearchpart USING gin (document)")


def drop_document_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    replaces = [
        ("plans", "0001_initial"),
        ("plans", "0002_plan_search_parts"),
        ("plans", "0003_history_of_reporting_rounds_and_note_help"),
        ("plans", "0004_text_length_limits_and_date_bounds"),
        ("plans", "0005_annual_cycle_undated_and_before_period"),
        ("plans", "0006_danish_constraint_messages"),
        ("plans", "0007_lokalraad_plus_carries_activities"),
        ("plans", "0008_dated_history_approval_and_cover"),
        ("plans", "0009_section_figures_and_plan_attachments"),
        ("plans", "0010_focus_area_groups_and_goals"),
        ("plans", "0011_focus_areas_into_groups"),
        ("plans", "0012_remove_scope_and_priority_group"),
    ]

    initial = True

    # The latest of each app the replaced migrations depend on (each implies the earlier ones).
    dependencies = [
        ("councils", "0006_membership_by_function_and_staff_functions"),
        ("forums", "0003_danish_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPlan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        default="Samarbejdsplan", max_length=200, verbose_name="titel"
                    ),
                ),
                ("period_start", models.PositiveSmallIntegerField(verbose_name="periode fra år")),
                ("period_end", models.PositiveSmallIntegerField(verbose_name="periode til år")),
                (
                    "foreword",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(10000),
                            base.limits.MaxMarkupLengthValidator(20000),
                        ],
                        verbose_name="forord",
                    ),
                ),
                (
                    "shared_goals",
                    models.TextField(
                        blank=True,
                        help_text="Politiets og kommunernes fælles mål; evt. som to lister.",
                        validators=[
                            base.limits.MaxTextLengthValidator(10000),
                            base.limits.MaxMarkupLengthValidator(20000),
                        ],
                        verbose_name="fælles mål",
                    ),
                ),
                (
                    "signatory_name",
                    models.CharField(blank=True, max_length=200, verbose_name="underskriver"),
                ),
                (
                    "signatory_title",
                    models.CharField(
                        blank=True,
                        default="politidirektør",
                        max_length=200,
                        verbose_name="underskrivers titel",
                    ),
                ),
                (
                    "approval_meeting_date",
                    models.DateField(
                        blank=True,
                        help_text="Mødet, hvor kredsrådet behandlede planen; tom, hvis datoen ikke kendes.",
                        null=True,
                        verbose_name="kredsrådets mødedato",
                    ),
                ),
                (
                    "effective_date",
                    models.DateField(blank=True, null=True, verbose_name="gælder fra"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Kladde"),
                            ("approved", "Behandlet i kredsrådet"),
                            ("published", "Offentliggjort"),
                            ("superseded", "Afløst"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="oprettet"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="senest ændret"),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
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
                    "council_treatment",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Ikke oplyst"),
                            ("approved", "Godkendt af kredsrådet"),
                            ("discussed", "Drøftet i kredsrådet"),
                        ],
                        default="",
                        help_text="Godkendte eller drøftede kredsrådet planen? Tom, hvis planen ikke siger det.",
                        max_length=20,
                        verbose_name="kredsrådets behandling",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Vises på forsiden som »Udgivet af …«, f.eks. »Kredsrådet for Fyns Politi«.",
                        max_length=200,
                        verbose_name="udgivet af",
                    ),
                ),
                (
                    "subtitle",
                    models.CharField(
                        blank=True,
                        help_text="Vises på forsiden under titlen i stedet for portalens faste undertitel.",
                        max_length=200,
                        verbose_name="undertitel",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical samarbejdsplan",
                "verbose_name_plural": "historical samarbejdsplaner",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Plan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        default="Samarbejdsplan", max_length=200, verbose_name="titel"
                    ),
                ),
                ("period_start", models.PositiveSmallIntegerField(verbose_name="periode fra år")),
                ("period_end", models.PositiveSmallIntegerField(verbose_name="periode til år")),
                (
                    "foreword",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(10000),
                            base.limits.MaxMarkupLengthValidator(20000),
                        ],
                        verbose_name="forord",
                    ),
                ),
                (
                    "shared_goals",
                    models.TextField(
                        blank=True,
                        help_text="Politiets og kommunernes fælles mål; evt. som to lister.",
                        validators=[
                            base.limits.MaxTextLengthValidator(10000),
                            base.limits.MaxMarkupLengthValidator(20000),
                        ],
                        verbose_name="fælles mål",
                    ),
                ),
                (
                    "signatory_name",
                    models.CharField(blank=True, max_length=200, verbose_name="underskriver"),
                ),
                (
                    "signatory_title",
                    models.CharField(
                        blank=True,
                        default="politidirektør",
                        max_length=200,
                        verbose_name="underskrivers titel",
                    ),
                ),
                (
                    "approval_meeting_date",
                    models.DateField(
                        blank=True,
                        help_text="Mødet, hvor kredsrådet behandlede planen; tom, hvis datoen ikke kendes.",
                        null=True,
                        verbose_name="kredsrådets mødedato",
                    ),
                ),
                (
                    "effective_date",
                    models.DateField(blank=True, null=True, verbose_name="gælder fra"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Kladde"),
                            ("approved", "Behandlet i kredsrådet"),
                            ("published", "Offentliggjort"),
                            ("superseded", "Afløst"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="oprettet")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="senest ændret")),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "council_treatment",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Ikke oplyst"),
                            ("approved", "Godkendt af kredsrådet"),
                            ("discussed", "Drøftet i kredsrådet"),
                        ],
                        default="",
                        help_text="Godkendte eller drøftede kredsrådet planen? Tom, hvis planen ikke siger det.",
                        max_length=20,
                        verbose_name="kredsrådets behandling",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Vises på forsiden som »Udgivet af …«, f.eks. »Kredsrådet for Fyns Politi«.",
                        max_length=200,
                        verbose_name="udgivet af",
                    ),
                ),
                (
                    "subtitle",
                    models.CharField(
                        blank=True,
                        help_text="Vises på forsiden under titlen i stedet for portalens faste undertitel.",
                        max_length=200,
                        verbose_name="undertitel",
                    ),
                ),
            ],
            options={
                "verbose_name": "samarbejdsplan",
                "verbose_name_plural": "samarbejdsplaner",
                "ordering": ["district__name", "-period_start"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("period_start__lte", models.F("period_end"))),
                        name="plan_period_start_not_after_end",
                        violation_error_code="plan_period_start_not_after_end",
                        violation_error_message="Slutåret kan ikke ligge før startåret.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "period_end__lte",
                                django.db.models.expressions.CombinedExpression(
                                    models.F("period_start"), "+", models.Value(3)
                                ),
                            )
                        ),
                        name="plan_period_at_most_four_years",
                        violation_error_code="plan_period_at_most_four_years",
                        violation_error_message="En samarbejdsplan dækker højst fire år.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("period_start__gte", 2000), ("period_start__lte", 2100)
                        ),
                        name="plan_period_start_plausible",
                        violation_error_code="plan_period_start_plausible",
                        violation_error_message="Startåret skal ligge fra 2000 til 2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["draft", "approved", "published", "superseded"])
                        ),
                        name="plan_status_valid",
                        violation_error_code="plan_status_valid",
                        violation_error_message="Vælg en gyldig status for planen.",
                    ),
                    models.UniqueConstraint(
                        fields=("district", "period_start", "period_end"),
                        name="one_plan_per_district_and_period",
                        violation_error_code="one_plan_per_district_and_period",
                        violation_error_message="Politikredsen har allerede en samarbejdsplan for denne periode.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("status", "published")),
                        fields=("district",),
                        name="one_current_plan_per_district",
                        violation_error_code="one_current_plan_per_district",
                        violation_error_message="Politikredsen har allerede en gældende, offentliggjort samarbejdsplan.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("foreword"), 20000
                        ),
                        name="plan_foreword_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("shared_goals"), 20000
                        ),
                        name="plan_shared_goals_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("approval_meeting_date__gte", datetime.date(1999, 1, 1))
                        ),
                        name="plan_approval_meeting_date_plausible",
                        violation_error_code="plan_approval_meeting_date_plausible",
                        violation_error_message="Datoen kan tidligst være 1. januar 1999.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("effective_date__gte", datetime.date(1999, 1, 1))),
                        name="plan_effective_date_plausible",
                        violation_error_code="plan_effective_date_plausible",
                        violation_error_message="Datoen kan tidligst være 1. januar 1999.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("council_treatment__in", ["", "approved", "discussed"])
                        ),
                        name="plan_council_treatment_valid",
                        violation_error_code="plan_council_treatment_valid",
                        violation_error_message="Vælg, om kredsrådet godkendte eller drøftede planen.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("approval_meeting_date__isnull", True),
                            models.Q(("council_treatment", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="plan_meeting_date_needs_treatment",
                        violation_error_code="plan_meeting_date_needs_treatment",
                        violation_error_message="Angiv, om kredsrådet godkendte eller drøftede planen på mødet.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="FocusAreaGroup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "heading",
                    models.CharField(
                        help_text="Som planen skriver den, f.eks. »Øvrige indsatsområder«.",
                        max_length=200,
                        verbose_name="overskrift",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("national", "Nationale indsatsområder"),
                            ("district", "Kredsfælles indsatsområder"),
                            ("police", "Politikredsens egne indsatsområder"),
                            ("local", "Lokalt valgte indsatsområder"),
                        ],
                        default="district",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "ranked",
                    models.BooleanField(
                        default=False,
                        help_text="Sæt kryds, når planen giver områderne i gruppen et nummer (nr. 1 først).",
                        verbose_name="prioriteret rækkefølge",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="focus_area_groups",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "gruppe af indsatsområder",
                "verbose_name_plural": "grupper af indsatsområder",
                "ordering": ["plan", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("kind__in", ["national", "district", "police", "local"])
                        ),
                        name="focus_area_group_kind_valid",
                        violation_error_code="focus_area_group_kind_valid",
                        violation_error_message="Vælg en af de viste typer af grupper.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="FocusArea",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="titel")),
                (
                    "rank",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Områdets nummer i en prioriteret gruppe (1 er højest).",
                        null=True,
                        verbose_name="prioritet",
                    ),
                ),
                (
                    "background",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(15000),
                            base.limits.MaxMarkupLengthValidator(30000),
                        ],
                        verbose_name="baggrund",
                    ),
                ),
                (
                    "ambition",
                    models.TextField(
                        blank=True,
                        help_text="Sætningen, der leder over i aktiviteterne: »Vi vil … ved at …«",
                        max_length=1000,
                        verbose_name="ambition",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="focus_areas",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "councils",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Kun i en gruppe af lokalt valgte områder: de lokalråd, der arbejder med området. Aktiviteter for »Alle lokalråd« går til dem.",
                        limit_choices_to={"kind": "local"},
                        related_name="local_focus_areas",
                        to="councils.council",
                        verbose_name="valgt af lokalråd",
                    ),
                ),
                (
                    "group",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="focus_areas",
                        to="plans.focusareagroup",
                        verbose_name="gruppe",
                    ),
                ),
            ],
            options={
                "verbose_name": "indsatsområde",
                "verbose_name_plural": "indsatsområder",
                "ordering": ["plan", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("background"), 30000
                        ),
                        name="focus_area_background_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("ambition"), 1000
                        ),
                        name="focus_area_ambition_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("rank__isnull", False)),
                        fields=("group", "rank"),
                        name="focus_area_rank_unique_in_group",
                        violation_error_code="focus_area_rank_unique_in_group",
                        violation_error_message="Nummeret er allerede brugt i gruppen.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Activity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(max_length=2000, verbose_name="aktivitet")),
                (
                    "responsible",
                    models.CharField(
                        choices=[
                            ("district_council", "Kredsrådet"),
                            ("secretariat", "Sekretariatet"),
                            ("forum", "Et samarbejdsforum"),
                            ("all_local", "Alle lokalråd"),
                            ("named_local", "Udvalgte lokalråd"),
                        ],
                        default="all_local",
                        max_length=20,
                        verbose_name="ansvarlig",
                    ),
                ),
                (
                    "timing",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. »2017-18« eller »maj 2017«.",
                        max_length=100,
                        verbose_name="tidsramme",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
                    ),
                ),
                (
                    "forum",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="forums.forum",
                        verbose_name="ansvarligt forum",
                    ),
                ),
                (
                    "responsible_councils",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Kun når ansvarlig er »Udvalgte lokalråd«. Et lokalråd+ kan også vælges; dets medlemmer indberetter så status på aktiviteten.",
                        limit_choices_to={"kind__in": ["local", "local_plus"]},
                        related_name="named_activities",
                        to="councils.council",
                        verbose_name="ansvarlige lokalråd og lokalråd+",
                    ),
                ),
                (
                    "focus_area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="activities",
                        to="plans.focusarea",
                        verbose_name="indsatsområde",
                    ),
                ),
            ],
            options={
                "verbose_name": "aktivitet",
                "verbose_name_plural": "aktiviteter",
                "ordering": ["focus_area", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("forum__isnull", False), ("responsible", "forum")),
                            models.Q(
                                models.Q(("responsible", "forum"), _negated=True),
                                ("forum__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="activity_forum_iff_responsible_forum",
                        violation_error_code="activity_forum_iff_responsible_forum",
                        violation_error_message="Vælg et forum, når et forum er ansvarligt, og ellers intet forum.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "responsible__in",
                                [
                                    "district_council",
                                    "secretariat",
                                    "forum",
                                    "all_local",
                                    "named_local",
                                ],
                            )
                        ),
                        name="activity_responsible_valid",
                        violation_error_code="activity_responsible_valid",
                        violation_error_message="Vælg en gyldig ansvarlig.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("text"), 2000
                        ),
                        name="activity_text_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Assignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Ikke påbegyndt"),
                            ("in_progress", "I gang"),
                            ("done", "Gennemført"),
                            ("postponed", "Udskudt/sat i bero"),
                            ("cancelled", "Aflyst"),
                        ],
                        default="not_started",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("status_date", models.DateField(blank=True, null=True, verbose_name="status pr.")),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assignments",
                        to="plans.activity",
                        verbose_name="aktivitet",
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to="councils.council",
                        verbose_name="råd",
                    ),
                ),
            ],
            options={
                "verbose_name": "opgave",
                "verbose_name_plural": "opgaver",
                "ordering": ["activity__focus_area__order", "activity__order", "council__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("activity", "council"),
                        name="one_assignment_per_activity_and_council",
                        violation_error_code="one_assignment_per_activity_and_council",
                        violation_error_message="Rådet har allerede denne aktivitet som opgave.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalActivity",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(max_length=2000, verbose_name="aktivitet")),
                (
                    "responsible",
                    models.CharField(
                        choices=[
                            ("district_council", "Kredsrådet"),
                            ("secretariat", "Sekretariatet"),
                            ("forum", "Et samarbejdsforum"),
                            ("all_local", "Alle lokalråd"),
                            ("named_local", "Udvalgte lokalråd"),
                        ],
                        default="all_local",
                        max_length=20,
                        verbose_name="ansvarlig",
                    ),
                ),
                (
                    "timing",
                    models.CharField(
                        blank=True,
                        help_text="F.eks. »2017-18« eller »maj 2017«.",
                        max_length=100,
                        verbose_name="tidsramme",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
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
                    "focus_area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.focusarea",
                        verbose_name="indsatsområde",
                    ),
                ),
                (
                    "forum",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="forums.forum",
                        verbose_name="ansvarligt forum",
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
                "verbose_name": "historical aktivitet",
                "verbose_name_plural": "historical aktiviteter",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActivity_responsible_councils",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.activity",
                    ),
                ),
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
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plans.historicalactivity",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalActivity_responsible_councils",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFocusArea",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="titel")),
                (
                    "rank",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Områdets nummer i en prioriteret gruppe (1 er højest).",
                        null=True,
                        verbose_name="prioritet",
                    ),
                ),
                (
                    "background",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(15000),
                            base.limits.MaxMarkupLengthValidator(30000),
                        ],
                        verbose_name="baggrund",
                    ),
                ),
                (
                    "ambition",
                    models.TextField(
                        blank=True,
                        help_text="Sætningen, der leder over i aktiviteterne: »Vi vil … ved at …«",
                        max_length=1000,
                        verbose_name="ambition",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "group",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.focusareagroup",
                        verbose_name="gruppe",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical indsatsområde",
                "verbose_name_plural": "historical indsatsområder",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFocusArea_councils",
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
                    "focusarea",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.focusarea",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plans.historicalfocusarea",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalFocusArea_councils",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportingRound",
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
                        help_text="F.eks. »Status juni 2017«.", max_length=200, verbose_name="navn"
                    ),
                ),
                (
                    "opened_on",
                    models.DateField(
                        default=django.utils.timezone.localdate, verbose_name="åbnet den"
                    ),
                ),
                ("deadline", models.DateField(verbose_name="frist")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="lukket")),
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
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="oprettet af",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical statusrunde",
                "verbose_name_plural": "historical statusrunder",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="overskrift")),
                (
                    "body",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(30000),
                            base.limits.MaxMarkupLengthValidator(60000),
                        ],
                        verbose_name="tekst",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical afsnit",
                "verbose_name_plural": "historical afsnit",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanAttachment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="titel")),
                (
                    "file",
                    models.TextField(
                        help_text="En PDF-fil på højst 10 MB.", max_length=200, verbose_name="fil"
                    ),
                ),
                (
                    "size",
                    models.PositiveBigIntegerField(
                        default=0, editable=False, verbose_name="størrelse (bytes)"
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical bilag",
                "verbose_name_plural": "historical bilag",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGoal",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "party",
                    models.CharField(
                        choices=[
                            ("police", "Politiet"),
                            ("municipalities", "Kommunerne"),
                            ("joint", "Fælles"),
                        ],
                        max_length=20,
                        verbose_name="part",
                    ),
                ),
                ("text", models.TextField(max_length=500, verbose_name="mål")),
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
                    "focus_area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Tom for planens egne mål.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.focusarea",
                        verbose_name="indsatsområde",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical mål",
                "verbose_name_plural": "historical mål for parterne",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFocusAreaGroup",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "heading",
                    models.CharField(
                        help_text="Som planen skriver den, f.eks. »Øvrige indsatsområder«.",
                        max_length=200,
                        verbose_name="overskrift",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("national", "Nationale indsatsområder"),
                            ("district", "Kredsfælles indsatsområder"),
                            ("police", "Politikredsens egne indsatsområder"),
                            ("local", "Lokalt valgte indsatsområder"),
                        ],
                        default="district",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "ranked",
                    models.BooleanField(
                        default=False,
                        help_text="Sæt kryds, når planen giver områderne i gruppen et nummer (nr. 1 først).",
                        verbose_name="prioriteret rækkefølge",
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical gruppe af indsatsområder",
                "verbose_name_plural": "historical grupper af indsatsområder",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAnnualCycleEntry",
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
                            ("meeting", "Møde"),
                            ("theme", "Temadag/temamøde"),
                            ("deadline", "Frist"),
                            ("report", "Statusrapport"),
                        ],
                        default="meeting",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="hvad")),
                (
                    "description",
                    models.TextField(blank=True, max_length=1000, verbose_name="beskrivelse"),
                ),
                (
                    "month",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="måned"),
                ),
                (
                    "quarter",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="kvartal"),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "before_period",
                    models.BooleanField(
                        default=False,
                        help_text="Punktet ligger én gang i året før planens første år, fx kredsrådets møde i december, der drøfter planen.",
                        verbose_name="året før perioden",
                    ),
                ),
                (
                    "undated",
                    models.CharField(
                        blank=True,
                        choices=[("ongoing", "Løbende"), ("yearly", "Årligt, uden fast måned")],
                        help_text="Vælg dette i stedet for en måned eller et kvartal.",
                        max_length=10,
                        verbose_name="uden fast måned",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical punkt i årshjulet",
                "verbose_name_plural": "historical årshjul",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Goal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "party",
                    models.CharField(
                        choices=[
                            ("police", "Politiet"),
                            ("municipalities", "Kommunerne"),
                            ("joint", "Fælles"),
                        ],
                        max_length=20,
                        verbose_name="part",
                    ),
                ),
                ("text", models.TextField(max_length=500, verbose_name="mål")),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "focus_area",
                    models.ForeignKey(
                        blank=True,
                        help_text="Tom for planens egne mål.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="goals",
                        to="plans.focusarea",
                        verbose_name="indsatsområde",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="goals",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "mål",
                "verbose_name_plural": "mål for parterne",
                "ordering": ["plan", "focus_area", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("party__in", ["police", "municipalities", "joint"])),
                        name="goal_party_valid",
                        violation_error_code="goal_party_valid",
                        violation_error_message="Vælg politiet, kommunerne eller fælles.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("text", ""), _negated=True),
                        name="goal_text_required",
                        violation_error_code="goal_text_required",
                        violation_error_message="Skriv målet.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("text"), 500
                        ),
                        name="goal_text_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AnnualCycleEntry",
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
                            ("meeting", "Møde"),
                            ("theme", "Temadag/temamøde"),
                            ("deadline", "Frist"),
                            ("report", "Statusrapport"),
                        ],
                        default="meeting",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="hvad")),
                (
                    "description",
                    models.TextField(blank=True, max_length=1000, verbose_name="beskrivelse"),
                ),
                (
                    "month",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="måned"),
                ),
                (
                    "quarter",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="kvartal"),
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
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="annual_cycle_entries",
                        to="councils.council",
                        verbose_name="råd",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="annual_cycle",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "before_period",
                    models.BooleanField(
                        default=False,
                        help_text="Punktet ligger én gang i året før planens første år, fx kredsrådets møde i december, der drøfter planen.",
                        verbose_name="året før perioden",
                    ),
                ),
                (
                    "undated",
                    models.CharField(
                        blank=True,
                        choices=[("ongoing", "Løbende"), ("yearly", "Årligt, uden fast måned")],
                        help_text="Vælg dette i stedet for en måned eller et kvartal.",
                        max_length=10,
                        verbose_name="uden fast måned",
                    ),
                ),
            ],
            options={
                "verbose_name": "punkt i årshjulet",
                "verbose_name_plural": "årshjul",
                "ordering": ["plan", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("month__isnull", True),
                            models.Q(("month__gte", 1), ("month__lte", 12)),
                            _connector="OR",
                        ),
                        name="cycle_entry_month_valid",
                        violation_error_code="cycle_entry_month",
                        violation_error_message="Vælg en måned fra januar til december.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("quarter__isnull", True),
                            models.Q(("quarter__gte", 1), ("quarter__lte", 4)),
                            _connector="OR",
                        ),
                        name="cycle_entry_quarter_valid",
                        violation_error_code="cycle_entry_quarter",
                        violation_error_message="Vælg et kvartal fra 1. til 4. kvartal.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("description"), 1000
                        ),
                        name="cycle_entry_description_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("month__isnull", False), ("quarter__isnull", True), ("undated", "")
                            ),
                            models.Q(
                                ("month__isnull", True), ("quarter__isnull", False), ("undated", "")
                            ),
                            models.Q(
                                ("month__isnull", True),
                                ("quarter__isnull", True),
                                ("undated__in", ["ongoing", "yearly"]),
                            ),
                            _connector="OR",
                        ),
                        name="cycle_entry_month_quarter_or_undated",
                        violation_error_code="cycle_entry_when",
                        violation_error_message="Angiv enten en måned, et kvartal eller at punktet er løbende eller årligt uden fast måned.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("before_period", False), ("undated", ""), _connector="OR"
                        ),
                        name="cycle_entry_before_period_has_month_or_quarter",
                        violation_error_code="cycle_entry_before_period",
                        violation_error_message="Et punkt i året før perioden skal have en måned eller et kvartal.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="PlanAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="titel")),
                (
                    "file",
                    models.FileField(
                        help_text="En PDF-fil på højst 10 MB.",
                        max_length=200,
                        upload_to=plans.models.attachment_upload_to,
                        verbose_name="fil",
                    ),
                ),
                (
                    "size",
                    models.PositiveBigIntegerField(
                        default=0, editable=False, verbose_name="størrelse (bytes)"
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "bilag",
                "verbose_name_plural": "bilag",
                "ordering": ["plan", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("title", ""), _negated=True),
                        name="plan_attachment_title_required",
                        violation_error_code="plan_attachment_title_required",
                        violation_error_message="Giv bilaget en titel.",
                    )
                ],
            },
            bases=(base.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="PlanSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="overskrift")),
                (
                    "body",
                    models.TextField(
                        blank=True,
                        validators=[
                            base.limits.MaxTextLengthValidator(30000),
                            base.limits.MaxMarkupLengthValidator(60000),
                        ],
                        verbose_name="tekst",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "revision",
                    models.PositiveIntegerField(
                        default=0,
                        editable=False,
                        help_text="Tælles op ved hver gemning; afviser samtidige redigeringer.",
                        verbose_name="redigeringsnummer",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "afsnit",
                "verbose_name_plural": "afsnit",
                "ordering": ["plan", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("body"), 60000
                        ),
                        name="plan_section_body_max_length",
                        violation_error_message="Teksten er for lang.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSectionFigure",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "image",
                    models.TextField(
                        help_text="PNG eller JPEG, højst 5 MB og 20 millioner punkter. Billedet gemmes på ny uden metadata (fx EXIF).",
                        max_length=200,
                        verbose_name="billede",
                    ),
                ),
                (
                    "width",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="bredde (punkter)"
                    ),
                ),
                (
                    "height",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="højde (punkter)"
                    ),
                ),
                (
                    "alt_text",
                    models.TextField(
                        help_text="Hvad figuren viser, skrevet til den, der ikke kan se den, fx »Kredsrådet øverst, under det tre lokalråd …«. Læses op af skærmlæsere og står i PDF'en.",
                        max_length=1000,
                        verbose_name="alternativ tekst",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        help_text="Vises under figuren, fx »Figur 1: …«.",
                        max_length=300,
                        verbose_name="billedtekst",
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "section",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plansection",
                        verbose_name="afsnit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical figur",
                "verbose_name_plural": "historical figurer",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlanVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveIntegerField(verbose_name="versionsnummer")),
                ("published_on", models.DateField(verbose_name="offentliggjort den")),
                (
                    "revision_note",
                    models.TextField(blank=True, max_length=2000, verbose_name="revisionsnote"),
                ),
                (
                    "changed_sections",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Afsnittenes id'er.",
                        verbose_name="reviderede afsnit",
                    ),
                ),
                (
                    "changed_focus_areas",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Områdernes id'er.",
                        verbose_name="reviderede indsatsområder",
                    ),
                ),
                (
                    "snapshot",
                    models.JSONField(
                        help_text="Planens indhold, som det blev udgivet.", verbose_name="indhold"
                    ),
                ),
                ("pdf", models.FileField(blank=True, upload_to="plans/pdf/", verbose_name="PDF")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="oprettet")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="versions",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "published_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="udgivet af",
                    ),
                ),
            ],
            options={
                "verbose_name": "udgivet version",
                "verbose_name_plural": "udgivne versioner",
                "ordering": ["plan", "-number"],
                "get_latest_by": "number",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("plan", "number"),
                        name="plan_version_number_unique",
                        violation_error_code="plan_version_number_unique",
                        violation_error_message="Planen har allerede en version med dette nummer.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("number__gte", 1)),
                        name="plan_version_number_positive",
                        violation_error_code="plan_version_number_positive",
                        violation_error_message="Versionsnummeret skal være 1 eller større.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("revision_note"), 2000
                        ),
                        name="plan_version_revision_note_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("published_on__gte", datetime.date(1999, 1, 1))),
                        name="plan_version_published_on_plausible",
                        violation_error_code="plan_version_published_on_plausible",
                        violation_error_message="Datoen kan tidligst være 1. januar 1999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="PlanSearchPart",
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
                            ("plan", "Forside og forord"),
                            ("section", "Afsnit"),
                            ("focus_area", "Indsatsområde"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "part_id",
                    models.PositiveBigIntegerField(
                        help_text="Afsnittets eller indsatsområdets id; 0 for forsiden.",
                        verbose_name="delens id",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="titel")),
                ("body", models.TextField(blank=True, verbose_name="tekst uden opmærkning")),
                (
                    "document",
                    django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True, verbose_name="søgevektor"
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_parts",
                        to="plans.planversion",
                        verbose_name="version",
                    ),
                ),
            ],
            options={
                "verbose_name": "søgbar del af en version",
                "verbose_name_plural": "søgbare dele af versioner",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("version", "kind", "part_id"),
                        name="search_part_unique_in_version",
                        violation_error_code="search_part_unique_in_version",
                        violation_error_message="Versionen har allerede denne søgbare del.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportingRound",
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
                        help_text="F.eks. »Status juni 2017«.", max_length=200, verbose_name="navn"
                    ),
                ),
                (
                    "opened_on",
                    models.DateField(
                        default=django.utils.timezone.localdate, verbose_name="åbnet den"
                    ),
                ),
                ("deadline", models.DateField(verbose_name="frist")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="lukket")),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="oprettet af",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reporting_rounds",
                        to="councils.policedistrict",
                        verbose_name="politikreds",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reporting_rounds",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "statusrunde",
                "verbose_name_plural": "statusrunder",
                "ordering": ["district__name", "-opened_on"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("closed_at__isnull", True)),
                        fields=("district",),
                        name="one_open_round_per_district",
                        violation_error_code="one_open_round_per_district",
                        violation_error_message="Politikredsen har allerede en åben statusrunde. Luk den, før du åbner en ny.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("deadline__gte", models.F("opened_on"))),
                        name="round_deadline_not_before_opening",
                        violation_error_code="round_deadline_not_before_opening",
                        violation_error_message="Fristen kan ikke ligge før den dag, runden åbner.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("opened_on__gte", datetime.date(1999, 1, 1))),
                        name="round_opened_on_plausible",
                        violation_error_code="round_opened_on_plausible",
                        violation_error_message="Datoen kan tidligst være 1. januar 1999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="SectionFigure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "image",
                    models.ImageField(
                        height_field="height",
                        help_text="PNG eller JPEG, højst 5 MB og 20 millioner punkter. Billedet gemmes på ny uden metadata (fx EXIF).",
                        max_length=200,
                        upload_to=plans.models.figure_upload_to,
                        verbose_name="billede",
                        width_field="width",
                    ),
                ),
                (
                    "width",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="bredde (punkter)"
                    ),
                ),
                (
                    "height",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="højde (punkter)"
                    ),
                ),
                (
                    "alt_text",
                    models.TextField(
                        help_text="Hvad figuren viser, skrevet til den, der ikke kan se den, fx »Kredsrådet øverst, under det tre lokalråd …«. Læses op af skærmlæsere og står i PDF'en.",
                        max_length=1000,
                        verbose_name="alternativ tekst",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        help_text="Vises under figuren, fx »Figur 1: …«.",
                        max_length=300,
                        verbose_name="billedtekst",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        db_index=True, default=0, verbose_name="rækkefølge"
                    ),
                ),
                (
                    "section",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="figures",
                        to="plans.plansection",
                        verbose_name="afsnit",
                    ),
                ),
            ],
            options={
                "verbose_name": "figur",
                "verbose_name_plural": "figurer",
                "ordering": ["section", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("alt_text", ""), _negated=True),
                        name="section_figure_alt_text_required",
                        violation_error_code="section_figure_alt_text_required",
                        violation_error_message="Skriv en alternativ tekst, der beskriver figuren.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("caption", ""), _negated=True),
                        name="section_figure_caption_required",
                        violation_error_code="section_figure_caption_required",
                        violation_error_message="Skriv en billedtekst til figuren.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("alt_text"), 1000
                        ),
                        name="section_figure_alt_text_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                ],
            },
            bases=(base.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="StatusUpdate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Ikke påbegyndt"),
                            ("in_progress", "I gang"),
                            ("done", "Gennemført"),
                            ("postponed", "Udskudt/sat i bero"),
                            ("cancelled", "Aflyst"),
                        ],
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("public_text", models.TextField(max_length=2000, verbose_name="offentlig tekst")),
                (
                    "internal_note",
                    models.TextField(
                        blank=True,
                        help_text="Vises kun for rådet og sekretariatet, aldrig offentligt. Skriv aldrig om enkeltpersoner.",
                        max_length=2000,
                        verbose_name="intern note",
                    ),
                ),
                (
                    "date",
                    models.DateField(default=django.utils.timezone.localdate, verbose_name="dato"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="indberettet"
                    ),
                ),
                (
                    "assignment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="updates",
                        to="plans.assignment",
                        verbose_name="opgave",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="status_updates",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="indberettet af",
                    ),
                ),
                (
                    "reporting_round",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="updates",
                        to="plans.reportinground",
                        verbose_name="statusrunde",
                    ),
                ),
            ],
            options={
                "verbose_name": "statusopdatering",
                "verbose_name_plural": "statusopdateringer",
                "ordering": ["-date", "-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["assignment", "-date", "-created_at"], name="update_latest_idx"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                ["not_started", "in_progress", "done", "postponed", "cancelled"],
                            )
                        ),
                        name="status_update_status_valid",
                        violation_error_code="status_update_status_valid",
                        violation_error_message="Vælg en gyldig status.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("public_text", ""), _negated=True),
                        name="status_update_public_text_required",
                        violation_error_code="status_update_public_text_required",
                        violation_error_message="Skriv en kort offentlig tekst om status.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("public_text"), 2000
                        ),
                        name="status_update_public_text_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("internal_note"), 2000
                        ),
                        name="status_update_internal_note_max_length",
                        violation_error_message="Teksten er for lang.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("date__gte", datetime.date(1999, 1, 1))),
                        name="status_update_date_plausible",
                        violation_error_code="status_update_date_plausible",
                        violation_error_message="Datoen kan tidligst være 1. januar 1999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="WorkflowEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "step",
                    models.CharField(
                        choices=[
                            ("approved", "Behandlet i kredsrådet"),
                            ("published", "Offentliggjort"),
                            ("revised", "Revideret"),
                            ("superseded", "Afløst"),
                        ],
                        max_length=20,
                        verbose_name="trin",
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="tidspunkt"
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=2500, verbose_name="note")),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="af",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="workflow_events",
                        to="plans.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "forløbshændelse",
                "verbose_name_plural": "forløbshændelser",
                "ordering": ["plan", "at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=django.db.models.lookups.LessThanOrEqual(
                            django.db.models.functions.text.Length("note"), 2500
                        ),
                        name="workflow_event_note_max_length",
                        violation_error_message="Teksten er for lang.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="assignment",
            name="latest_update",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="plans.statusupdate",
                verbose_name="seneste statusopdatering",
            ),
        ),
        migrations.RunPython(create_document_index, drop_document_index),
    ]
