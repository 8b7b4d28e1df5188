import datetime
import re
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from base.constraints import ConstraintErrorsOnFields
from base.fields import LimitedTextField, RichTextField
from base.limits import (
    EARLIEST_DATE,
    RICH_TEXT_HTML_FACTOR,
    date_bounds_error,
    date_bounds_problem,
    max_length_constraint,
)
from base.locking import RevisionedModel
from base.text import danish_date, danish_list
from base.uploads import CheckedImageField, CheckedPdfField, random_name
from councils.models import Council, ManagedDistricts, Municipality, PoliceDistrict
from forums.models import Forum

# Rich text is limited by the characters a reader sees (base.limits); a whole real plan is
# some 45,000 characters, so a chapter of ten pages is generous.
FOREWORD_CHARS = 10_000
SHARED_GOALS_CHARS = 10_000
SECTION_CHARS = 30_000
BACKGROUND_CHARS = 15_000


class Period(NamedTuple):
    """The years a plan covers: one to four, starting from 2000 to 2100.

    Its `label` ("2011", "2017-2018") is the plan's part of public addresses; `from_label`
    reads exactly the labels of the periods a plan may have, so "2017-2017" (written "2017"),
    "2018-2017" and "2017-2021" are not periods. `from_typed` reads what a secretariat types
    ("2024 - 2026", "2024–2026"), the one parser both go through.
    """

    start: int
    end: int

    FIRST_YEAR = 2000
    LAST_YEAR = 2100
    MAX_YEARS = 4
    # What a label looks like (the URL converter's regex); `from_label` checks the rest.
    PATTERN = "[0-9]{4}(?:-[0-9]{4})?"

    @classmethod
    def from_label(cls, label: str) -> "Period":
        """ "2017-2018" → Period(2017, 2018), "2011" → Period(2011, 2011); ValueError for what
        is not the label of a period a plan may have."""
        try:
            period = cls.from_typed(label)
        except ValidationError as error:
            raise ValueError(f"Not a period: {label!r}") from error
        if period.label != label:
            raise ValueError(f"Not a period: {label!r}")
        return period

    @classmethod
    def from_typed(cls, text: str) -> "Period":
        """The period a person typed: two years with a dash ("2024-2026", "2024 - 2026",
        "2024–2026") or one year ("2025"). ValidationError saying in Danish what is wrong, so
        that a form can show it next to the field."""
        label = re.sub(r"\s*[-–—]\s*", "-", text.strip())
        if not re.fullmatch(cls.PATTERN, label):
            raise ValidationError(_("Skriv perioden som to årstal, fx 2024-2026."), code="invalid")
        start, _dash, end = label.partition("-")
        period = cls(int(start), int(end or start))
        if not period.plausible:
            raise ValidationError(
                _("Perioden skal begynde i et år fra %(first)s til %(last)s."),
                code="implausible",
                params={"first": cls.FIRST_YEAR, "last": cls.LAST_YEAR},
            )
        if problem := period.problem():
            raise ValidationError(problem, code="impossible")
        return period

    @property
    def label(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    @property
    def plausible(self) -> bool:
        """The start year the database accepts (the `plan_period_start_plausible` check)."""
        return self.FIRST_YEAR <= self.start <= self.LAST_YEAR

    def problem(self) -> str | None:
        """Why a plan cannot cover these years (None when it can)."""
        if self.start > self.end:
            return _("Slutåret kan ikke ligge før startåret.")
        if self.end - self.start >= self.MAX_YEARS:
            return _("En samarbejdsplan dækker højst fire år.")
        return None


def approval_line(treatment: str, meeting_date: datetime.date | str | None) -> str:
    """How the kredsråd dealt with a plan, as the plan page and the PDF print it: "Godkendt af
    kredsrådet den 2. februar 2024", "Drøftet i kredsrådet" (no date when unknown), or ""."""
    if not treatment:
        return ""
    line = str(Plan.CouncilTreatment(treatment).label)
    if meeting_date:
        line += " " + str(_("den %(date)s")) % {"date": danish_date(meeting_date)}
    return line


class PlanQuerySet(models.QuerySet):
    def published(self):
        """Plans citizens may see: published now or superseded (every version stays public)."""
        return self.filter(status__in=Plan.PUBLIC_STATUSES)

    def current(self):
        return self.filter(status=Plan.Status.PUBLISHED)

    def for_district(self, district):
        return self.filter(district=district)

    def managed_by(self, user):
        """Plans of the districts `user` may manage (`PoliceDistrict.objects.managed_by`): the
        preview and the admin's workflow actions."""
        return ManagedDistricts.of(user).narrow(self)


class Plan(ConstraintErrorsOnFields, RevisionedModel):
    """A district's samarbejdsplan for a period of one to four years."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        APPROVED = "approved", _("Behandlet i kredsrådet")
        PUBLISHED = "published", _("Offentliggjort")
        SUPERSEDED = "superseded", _("Afløst")

    # What citizens may see (`Plan.objects.published()`, `PlanVersion.objects.published()`).
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.SUPERSEDED)

    class CouncilTreatment(models.TextChoices):
        """How the kredsråd dealt with the plan; each label is the start of the plan's line."""

        NONE = "", _("Ikke oplyst")
        APPROVED = "approved", _("Godkendt af kredsrådet")
        DISCUSSED = "discussed", _("Drøftet i kredsrådet")

    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    title = models.CharField(_("titel"), max_length=200, default="Samarbejdsplan")
    subtitle = models.CharField(
        _("undertitel"),
        max_length=200,
        blank=True,
        help_text=_("Vises på forsiden under titlen i stedet for portalens faste undertitel."),
    )
    issuer = models.CharField(
        _("udgivet af"),
        max_length=200,
        blank=True,
        help_text=_("Vises på forsiden som »Udgivet af …«, f.eks. »Kredsrådet for Fyns Politi«."),
    )
    period_start = models.PositiveSmallIntegerField(_("periode fra år"))
    period_end = models.PositiveSmallIntegerField(_("periode til år"))
    foreword = RichTextField(_("forord"), max_chars=FOREWORD_CHARS)
    shared_goals = RichTextField(
        _("fælles mål"),
        max_chars=SHARED_GOALS_CHARS,
        help_text=_("Politiets og kommunernes fælles mål; evt. som to lister."),
    )
    signatory_name = models.CharField(_("underskriver"), max_length=200, blank=True)
    signatory_title = models.CharField(
        _("underskrivers titel"), max_length=200, blank=True, default="politidirektør"
    )
    # The secretariat's contact for citizens, on the district's page: read from the plan row,
    # so a change shows at once, without a new version.
    contact_name = models.CharField(
        _("kontakt"),
        max_length=200,
        blank=True,
        help_text=_("Enhed eller person, f.eks. »Kriminalpræventivt sekretariat«."),
    )
    contact_email = models.EmailField(_("kontaktens e-mail"), blank=True)
    contact_phone = models.CharField(
        _("kontaktens telefon"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ]{2,19}$",
                _(
                    "Skriv telefonnummeret med cifre og evt. mellemrum, "
                    "f.eks. 114 eller 72 58 14 48."
                ),
            )
        ],
    )
    council_treatment = models.CharField(
        _("kredsrådets behandling"),
        max_length=20,
        choices=CouncilTreatment.choices,
        default=CouncilTreatment.NONE,
        blank=True,
        help_text=_("Godkendte eller drøftede kredsrådet planen? Tom, hvis planen ikke siger det."),
    )
    approval_meeting_date = models.DateField(
        _("kredsrådets mødedato"),
        null=True,
        blank=True,
        help_text=_("Mødet, hvor kredsrådet behandlede planen; tom, hvis datoen ikke kendes."),
    )
    effective_date = models.DateField(_("gælder fra"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "plan_period_start_not_after_end": "period_end",
        "plan_period_at_most_four_years": "period_end",
        "plan_period_start_plausible": "period_start",
        "plan_status_valid": "status",
        "one_plan_per_district_and_period": "period_end",
        "plan_approval_meeting_date_plausible": "approval_meeting_date",
        "plan_effective_date_plausible": "effective_date",
    }

    class Meta:
        verbose_name = _("samarbejdsplan")
        verbose_name_plural = _("samarbejdsplaner")
        ordering = ["district__name", "-period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")),
                name="plan_period_start_not_after_end",
                violation_error_message=_("Slutåret kan ikke ligge før startåret."),
                violation_error_code="plan_period_start_not_after_end",
            ),
            models.CheckConstraint(
                condition=Q(period_end__lte=models.F("period_start") + (Period.MAX_YEARS - 1)),
                name="plan_period_at_most_four_years",
                violation_error_message=_("En samarbejdsplan dækker højst fire år."),
                violation_error_code="plan_period_at_most_four_years",
            ),
            models.CheckConstraint(
                condition=Q(period_start__gte=Period.FIRST_YEAR)
                & Q(period_start__lte=Period.LAST_YEAR),
                name="plan_period_start_plausible",
                violation_error_message=_("Startåret skal ligge fra 2000 til 2100."),
                violation_error_code="plan_period_start_plausible",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "approved", "published", "superseded"]),
                name="plan_status_valid",
                violation_error_message=_("Vælg en gyldig status for planen."),
                violation_error_code="plan_status_valid",
            ),
            models.UniqueConstraint(
                fields=["district", "period_start", "period_end"],
                name="one_plan_per_district_and_period",
                violation_error_message=_(
                    "Politikredsen har allerede en samarbejdsplan for denne periode."
                ),
                violation_error_code="one_plan_per_district_and_period",
            ),
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(status="published"),
                name="one_current_plan_per_district",
                violation_error_message=_(
                    "Politikredsen har allerede en gældende, offentliggjort samarbejdsplan."
                ),
                violation_error_code="one_current_plan_per_district",
            ),
            max_length_constraint("plan", "foreword", FOREWORD_CHARS * RICH_TEXT_HTML_FACTOR),
            max_length_constraint(
                "plan", "shared_goals", SHARED_GOALS_CHARS * RICH_TEXT_HTML_FACTOR
            ),
            models.CheckConstraint(
                condition=Q(approval_meeting_date__gte=EARLIEST_DATE),
                name="plan_approval_meeting_date_plausible",
                violation_error_message=_("Datoen kan tidligst være 1. januar 1999."),
                violation_error_code="plan_approval_meeting_date_plausible",
            ),
            models.CheckConstraint(
                condition=Q(council_treatment__in=["", "approved", "discussed"]),
                name="plan_council_treatment_valid",
                violation_error_message=_("Vælg, om kredsrådet godkendte eller drøftede planen."),
                violation_error_code="plan_council_treatment_valid",
            ),
            models.CheckConstraint(
                condition=Q(approval_meeting_date__isnull=True) | ~Q(council_treatment=""),
                name="plan_meeting_date_needs_treatment",
                violation_error_message=_(
                    "Angiv, om kredsrådet godkendte eller drøftede planen på mødet."
                ),
                violation_error_code="plan_meeting_date_needs_treatment",
            ),
            models.CheckConstraint(
                condition=Q(effective_date__gte=EARLIEST_DATE),
                name="plan_effective_date_plausible",
                violation_error_message=_("Datoen kan tidligst være 1. januar 1999."),
                violation_error_code="plan_effective_date_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.title} {self.period_label} – {self.district}"

    def get_absolute_url(self):
        return reverse(
            "public:plan", kwargs={"district": self.district.slug, "period": self.period_label}
        )

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def period_label(self):
        """ "2011", "2017-2018" or "2023-2026": also the plan's part of public URLs."""
        return self.period.label

    def clean(self):
        if (
            self.period_start is not None
            and self.period_end is not None
            and (problem := self.period.problem())
        ):
            raise ValidationError({"period_end": problem})
        if self.approval_meeting_date and (
            problem := self.meeting_date_problem(
                self.approval_meeting_date, field="approval_meeting_date"
            )
        ):
            raise problem
        if self.approval_meeting_date and not self.council_treatment:
            raise ValidationError(
                {
                    "council_treatment": _(
                        "Angiv, om kredsrådet godkendte eller drøftede planen på mødet."
                    )
                }
            )
        if self.effective_date and self.period_start and self.period_end:
            earliest, latest = self.effective_date_bounds()
            if not earliest <= self.effective_date <= latest:
                raise date_bounds_error(
                    _("Planen kan ikke gælde fra %(date)s.")
                    % {"date": danish_date(self.effective_date)},
                    earliest,
                    latest,
                )

    @staticmethod
    def meeting_date_problem(
        value: datetime.date, *, field: str | None = None
    ) -> ValidationError | None:
        """Why the kredsråd cannot have dealt with a plan on `value` (None when it can)."""
        return date_bounds_problem(
            value,
            EARLIEST_DATE,
            timezone.localdate(),
            too_early=_("Mødedatoen ligger for langt tilbage."),
            too_late=_("Mødedatoen kan ikke ligge i fremtiden."),
            field=field,
        )

    @property
    def approval_line(self) -> str:
        """ "Godkendt af kredsrådet den 2. februar 2024", "Drøftet i kredsrådet" or ""."""
        return approval_line(self.council_treatment, self.approval_meeting_date)

    def effective_date_bounds(self) -> tuple[datetime.date, datetime.date]:
        """A plan takes effect at the earliest the year before its period and at the latest in
        its last year, or today when it is revised after its period."""
        latest = max(datetime.date(self.period_end, 12, 31), timezone.localdate())
        return datetime.date(self.period_start - 1, 1, 1), latest

    def status_date_bounds(self) -> tuple[datetime.date, datetime.date]:
        """A status on the plan's work is dated from the year before its period until today."""
        return datetime.date(self.period_start - 1, 1, 1), timezone.localdate()

    def status_date_problem(
        self, value: datetime.date, *, field: str | None = None
    ) -> ValidationError | None:
        """Why a status on the plan's work cannot be dated `value` (None when it can)."""
        earliest, latest = self.status_date_bounds()
        return date_bounds_problem(
            value,
            earliest,
            latest,
            too_early=_(
                "Datoen ligger for langt tilbage: en status dateres tidligst året før planperioden."
            ),
            too_late=_("Datoen kan ikke ligge i fremtiden."),
            field=field,
        )


# A plan's outline: chapters (level 1, shown as h2), their sub-sections (level 2, h3) and
# theirs (level 3, h4). Focus-area groups sit in a chapter or a sub-section, so that their
# focus areas' headings stay within h6.
MAX_SECTION_LEVEL = 3
MAX_GROUP_SECTION_LEVEL = 2


class PlanSection(RevisionedModel):
    """A section of the plan's outline: a chapter or a sub-section of one, in order among its
    siblings (organisation with the kredsråd and the lokalråd, the annual cycle …)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="sections"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("overordnet afsnit"),
        # RESTRICT: a section with sub-sections is not deleted alone (they would be lost or
        # move up unseen), but a plan deleted with all its sections is.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_(
            "Tom for et kapitel. Vælg et afsnit, når dette er et underafsnit af det; højst tre "
            "niveauer (kapitel, underafsnit, under-underafsnit). Gem et nyt afsnit først, før "
            "det kan vælges her."
        ),
    )
    title = models.CharField(_("overskrift"), max_length=200)
    body = RichTextField(
        _("tekst"),
        max_chars=SECTION_CHARS,
        help_text=_("Kan stå tom, når afsnittet kun samler underafsnit eller indsatsområder."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        ordering = ["plan", "order", "pk"]
        constraints = [
            max_length_constraint("plan_section", "body", SECTION_CHARS * RICH_TEXT_HTML_FACTOR),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="plan_section_not_its_own_parent",
                violation_error_message=_("Et afsnit kan ikke ligge under sig selv."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.parent_id is None:
            problem = self.groups_problem(level=1)
        else:
            problem = self.parent_problem(self.parent)
        if problem:
            raise ValidationError({"parent": problem})

    def parent_problem(self, parent, parents: dict | None = None) -> str:
        """Why `parent` cannot hold this section ("" when it can): another plan's section, this
        section itself or one below it, or deeper than three levels with this section's own
        sub-sections. `parents` ({section id: parent id}) is the outline as it will be saved,
        when a form changes several sections at once; else the stored one."""
        if parent is None:
            return ""
        if self.plan_id and parent.plan_id != self.plan_id:
            return _("Vælg et afsnit i samme plan.")
        if parents is None:
            parents = dict(
                PlanSection.objects.filter(plan_id=parent.plan_id).values_list("pk", "parent_id")
            )
            if self.pk is not None:
                parents[self.pk] = parent.pk
        ancestors = []
        current = parent.pk
        while current is not None:
            if current == self.pk or current in ancestors:
                return _("Et afsnit kan ikke ligge under sig selv eller et af sine underafsnit.")
            ancestors.append(current)
            current = parents.get(current)
        level = len(ancestors) + 1
        below = _subtree_height(self.pk, parents) if self.pk is not None else 0
        if level + below > MAX_SECTION_LEVEL:
            if below:
                return _(
                    "Afsnittet og dets underafsnit ville komme ned på %(levels)s niveauer; en "
                    "plan har højst %(max)s (kapitel, underafsnit, under-underafsnit). Vælg et "
                    "afsnit højere oppe."
                ) % {"levels": level + below, "max": MAX_SECTION_LEVEL}
            return _(
                "Afsnittet ville komme på %(level)s. niveau; en plan har højst %(max)s niveauer "
                "(kapitel, underafsnit, under-underafsnit). Vælg et afsnit højere oppe."
            ) % {"level": level, "max": MAX_SECTION_LEVEL}
        return self.groups_problem(level=level)

    def groups_problem(self, *, level: int) -> str:
        """Why this section cannot sit at `level` with the focus-area groups placed in it."""
        if level <= MAX_GROUP_SECTION_LEVEL or self.pk is None:
            return ""
        if not self.focus_area_groups.exists():
            return ""
        return _(
            "Afsnittet rummer grupper af indsatsområder og skal derfor være et kapitel eller et "
            "underafsnit (højst %(max)s. niveau). Flyt først grupperne."
        ) % {"max": MAX_GROUP_SECTION_LEVEL}

    def delete_problem(self) -> str:
        """Why the section cannot be deleted alone ("" when it can): its sub-sections and its
        groups would be lost or move elsewhere unseen (their RESTRICT)."""
        if self.children.exists():
            return _(
                "Afsnittet »%(title)s« har underafsnit og kan ikke slettes. Flyt eller slet "
                "først underafsnittene."
            ) % {"title": self.title}
        if self.focus_area_groups.exists():
            return _(
                "Afsnittet »%(title)s« rummer grupper af indsatsområder og kan ikke slettes. "
                "Placér først grupperne i et andet afsnit."
            ) % {"title": self.title}
        return ""

    def level(self) -> int:
        """1 for a chapter, 2 for its sub-section, 3 below that."""
        level, parent_id = 1, self.parent_id
        seen = set()
        while parent_id is not None and parent_id not in seen:
            seen.add(parent_id)
            level += 1
            parent_id = (
                PlanSection.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            )
        return level


def _subtree_height(section_id, parents: dict) -> int:
    """How many levels of sub-sections lie below a section in `parents` ({id: parent id})."""
    children: dict = {}
    for pk, parent_id in parents.items():
        children.setdefault(parent_id, []).append(pk)

    def height(pk, seen):
        below = [child for child in children.get(pk, ()) if child not in seen]
        return (
            1 + max((height(child, seen | {child}) for child in below), default=0) if below else 0
        )

    return height(section_id, {section_id})


def figure_upload_to(instance, filename: str) -> str:
    return random_name("plans/figures", filename)


def attachment_upload_to(instance, filename: str) -> str:
    return random_name("plans/attachments", filename)


class SectionFigure(ConstraintErrorsOnFields, models.Model):
    """A figure in a section (an organisation diagram): a PNG or JPEG re-encoded on upload,
    with alt text and a caption.

    Its file is never deleted or overwritten: a published version's snapshot names it, and a
    new upload gets a new name (base.uploads).
    """

    section = models.ForeignKey(
        PlanSection, verbose_name=_("afsnit"), on_delete=models.CASCADE, related_name="figures"
    )
    image = CheckedImageField(
        _("billede"),
        upload_to=figure_upload_to,
        width_field="width",
        height_field="height",
        max_length=200,
        help_text=_(
            "PNG eller JPEG, højst 5 MB og 20 millioner punkter. Billedet gemmes på ny uden "
            "metadata (fx EXIF)."
        ),
    )
    width = models.PositiveIntegerField(_("bredde (punkter)"), default=0, editable=False)
    height = models.PositiveIntegerField(_("højde (punkter)"), default=0, editable=False)
    alt_text = LimitedTextField(
        _("alternativ tekst"),
        max_length=1000,
        help_text=_(
            "Hvad figuren viser, skrevet til den, der ikke kan se den, fx »Kredsrådet øverst, "
            "under det tre lokalråd …«. Læses op af skærmlæsere og står i PDF'en."
        ),
    )
    caption = models.CharField(
        _("billedtekst"), max_length=300, help_text=_("Vises under figuren, fx »Figur 1: …«.")
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    constraint_error_fields = {
        "section_figure_alt_text_required": "alt_text",
        "section_figure_caption_required": "caption",
    }

    class Meta:
        verbose_name = _("figur")
        verbose_name_plural = _("figurer")
        ordering = ["section", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="section_figure_alt_text_required",
                violation_error_message=_("Skriv en alternativ tekst, der beskriver figuren."),
                violation_error_code="section_figure_alt_text_required",
            ),
            models.CheckConstraint(
                condition=~Q(caption=""),
                name="section_figure_caption_required",
                violation_error_message=_("Skriv en billedtekst til figuren."),
                violation_error_code="section_figure_caption_required",
            ),
            max_length_constraint("section_figure", "alt_text", 1000),
        ]

    def __str__(self):
        return self.caption

    def save(self, *args, **kwargs):
        # Derived: Django leaves them empty when a file is saved from code (FieldFile.save).
        if self.image and not (self.width and self.height):
            with self.image.storage.open(self.image.name, "rb") as stored:
                self.width, self.height = get_image_dimensions(stored)
        super().save(*args, **kwargs)


class PlanAttachment(ConstraintErrorsOnFields, models.Model):
    """A document attached to a plan (a forretningsorden, an appendix): a PDF checked by its
    content on upload. Like a figure's, its file is never deleted or overwritten."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("titel"), max_length=200)
    file = CheckedPdfField(
        _("fil"),
        upload_to=attachment_upload_to,
        max_length=200,
        help_text=_("En PDF-fil på højst 10 MB."),
    )
    size = models.PositiveBigIntegerField(_("størrelse (bytes)"), default=0, editable=False)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    constraint_error_fields = {"plan_attachment_title_required": "title"}

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title=""),
                name="plan_attachment_title_required",
                violation_error_message=_("Giv bilaget en titel."),
                violation_error_code="plan_attachment_title_required",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size  # derived: shown in the list of attachments
        super().save(*args, **kwargs)


class FocusAreaGroup(models.Model):
    """A group of focus areas that the plan names itself: "Nationale indsatsområder med højeste
    prioritet" (ranked), "Øvrige indsatsområder", kredsfælles, the police's own, locally chosen.
    The plan lists its focus areas under their group's heading, groups in order."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("Nationale indsatsområder")
        DISTRICT = "district", _("Kredsfælles indsatsområder")
        POLICE = "police", _("Politikredsens egne indsatsområder")
        LOCAL = "local", _("Lokalt valgte indsatsområder")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="focus_area_groups"
    )
    heading = models.CharField(
        _("overskrift"),
        max_length=200,
        help_text=_("Som planen skriver den, f.eks. »Øvrige indsatsområder«."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)
    ranked = models.BooleanField(
        _("prioriteret rækkefølge"),
        default=False,
        help_text=_("Sæt kryds, når planen giver områderne i gruppen et nummer (nr. 1 først)."),
    )
    section = models.ForeignKey(
        PlanSection,
        verbose_name=_("placeret i afsnit"),
        # RESTRICT: a section holding groups is not deleted alone (its groups would move to
        # another place in the plan unseen), but a plan deleted with both is.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="focus_area_groups",
        help_text=_(
            "Tom: gruppen står i kapitlet »Indsatsområder« efter planens kapitler. Vælg et "
            "kapitel eller et underafsnit for at placere gruppen der: efter afsnittets egen "
            "tekst og dets underafsnit, grupperne i deres rækkefølge."
        ),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gruppe af indsatsområder")
        verbose_name_plural = _("grupper af indsatsområder")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["national", "district", "police", "local"]),
                name="focus_area_group_kind_valid",
                violation_error_message=_("Vælg en af de viste typer af grupper."),
                violation_error_code="focus_area_group_kind_valid",
            ),
        ]

    def __str__(self):
        return self.heading

    @property
    def is_local(self) -> bool:
        return self.kind == self.Kind.LOCAL

    @classmethod
    def guess_from_heading(cls, heading: str) -> tuple[str, bool]:
        """The type and ranking a heading names, as plans word them: national areas come ranked
        ("højeste prioritet"), locally chosen ones say "lokal", the rest are kredsfælles. The
        Word import and a new group's form left on "Ud fra overskriften" both take it."""
        words = heading.lower()
        if "national" in words:
            kind = cls.Kind.NATIONAL
        elif "lokal" in words:
            kind = cls.Kind.LOCAL
        else:
            kind = cls.Kind.DISTRICT
        return kind, "priorit" in words or "rangord" in words

    def clean(self):
        if problem := self.section_problem(self.section):
            raise ValidationError({"section": problem})

    def delete_problem(self) -> str:
        """Why the group cannot be deleted ("" when it can): its focus areas would be lost
        (their RESTRICT)."""
        if self.focus_areas.exists():
            return _(
                "Gruppen »%(heading)s« rummer indsatsområder og kan ikke slettes. Flyt først "
                "områderne til en anden gruppe, eller slet dem."
            ) % {"heading": self.heading}
        return ""

    def section_problem(self, section) -> str:
        """Why the group cannot be placed in `section` ("" when it can)."""
        if section is None:
            return ""
        if self.plan_id and section.plan_id != self.plan_id:
            return _("Vælg et afsnit i samme plan.")
        if section.level() > MAX_GROUP_SECTION_LEVEL:
            return _(
                "Vælg et kapitel eller et underafsnit; i et afsnit på 3. niveau ville "
                "indsatsområdernes overskrifter komme for langt ned."
            )
        return ""


class FocusArea(ConstraintErrorsOnFields, RevisionedModel):
    """An indsatsområde in one of the plan's groups; a local one is chosen by one or more
    lokalråd."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="focus_areas"
    )
    group = models.ForeignKey(
        FocusAreaGroup,
        verbose_name=_("gruppe"),
        # RESTRICT, not PROTECT: a group with areas is not deleted alone, but a plan deleted
        # with its groups and areas is.
        on_delete=models.RESTRICT,
        related_name="focus_areas",
    )
    title = models.CharField(_("titel"), max_length=200)
    councils = models.ManyToManyField(
        Council,
        verbose_name=_("valgt af lokalråd"),
        related_name="local_focus_areas",
        blank=True,
        limit_choices_to={"kind": Council.Kind.LOCAL},
        help_text=_(
            "Kun i en gruppe af lokalt valgte områder: de lokalråd, der arbejder med området. "
            "Aktiviteter for »Alle lokalråd« går til dem."
        ),
    )
    rank = models.PositiveSmallIntegerField(
        _("prioritet"),
        null=True,
        blank=True,
        help_text=_("Områdets nummer i en prioriteret gruppe (1 er højest)."),
    )
    background = RichTextField(_("baggrund"), max_chars=BACKGROUND_CHARS)
    ambition = LimitedTextField(
        _("ambition"),
        max_length=1000,
        blank=True,
        help_text=_("Sætningen, der leder over i aktiviteterne: »Vi vil … ved at …«"),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords(m2m_fields=[councils])

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {"focus_area_rank_unique_in_group": "rank"}

    class Meta:
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "rank"],
                condition=Q(rank__isnull=False),
                name="focus_area_rank_unique_in_group",
                violation_error_message=_("Nummeret er allerede brugt i gruppen."),
                violation_error_code="focus_area_rank_unique_in_group",
            ),
            max_length_constraint(
                "focus_area", "background", BACKGROUND_CHARS * RICH_TEXT_HTML_FACTOR
            ),
            max_length_constraint("focus_area", "ambition", 1000),
        ]

    def __str__(self):
        return self.title

    @property
    def is_local(self) -> bool:
        return self.group.is_local

    def clean(self):
        if not self.group_id:
            return
        if self.plan_id and self.group.plan_id != self.plan_id:
            raise ValidationError({"group": _("Vælg en af planens egne grupper.")})
        if self.rank is not None and not self.group.ranked:
            raise ValidationError(
                {
                    "rank": _("Gruppen »%(group)s« er ikke prioriteret; lad nummeret stå tomt.")
                    % {"group": self.group.heading}
                }
            )
        taken = FocusArea.objects.filter(group_id=self.group_id, rank=self.rank).exclude(pk=self.pk)
        if self.rank is not None and taken.exists():
            raise ValidationError(
                {
                    "rank": _("Nr. %(rank)s er allerede brugt i gruppen »%(group)s«.")
                    % {"rank": self.rank, "group": self.group.heading}
                }
            )

    def delete_problem(self) -> str:
        """Why the focus area cannot be deleted ("" when it can): status history hangs on one
        of its activities, and status history is never deleted."""
        if StatusUpdate.objects.filter(assignment__activity__focus_area=self).exists():
            return _(
                "Indsatsområdet »%(title)s« har aktiviteter med statusopdateringer og kan ikke "
                "slettes, for statushistorikken bevares. Ret i stedet teksten, eller flyt "
                "området til en anden gruppe."
            ) % {"title": self.title}
        return ""

    def councils_problem(self, councils) -> ValidationError | None:
        """Why the area cannot be chosen by `councils` (None when it can): only a local area
        has lokalråd, and only of the plan's district."""
        if not councils:
            return None
        if self.group_id and not self.group.is_local:
            return ValidationError(
                {"councils": _("Kun et lokalt valgt indsatsområde vælges af lokalråd.")}
            )
        district_id = self.plan.district_id if self.plan_id else None
        if any(c.district_id != district_id or c.kind != Council.Kind.LOCAL for c in councils):
            return ValidationError({"councils": _("Vælg kun lokalråd i planens egen politikreds.")})
        return None


class Goal(models.Model):
    """One goal of a party, in order: what the police, the kommuner or both together will do.
    The plan's own goals (its front matter) or a focus area's."""

    class Party(models.TextChoices):
        POLICE = "police", _("Politiet")
        MUNICIPALITIES = "municipalities", _("Kommunerne")
        JOINT = "joint", _("Fælles")

    # How the plan introduces each party's list.
    HEADINGS = {
        Party.POLICE: _("Politiet vil"),
        Party.MUNICIPALITIES: _("Kommunerne vil"),
        Party.JOINT: _("Sammen vil vi"),
    }

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals"
    )
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("indsatsområde"),
        on_delete=models.CASCADE,
        related_name="goals",
        null=True,
        blank=True,
        help_text=_("Tom for planens egne mål."),
    )
    party = models.CharField(_("part"), max_length=20, choices=Party.choices)
    text = LimitedTextField(_("mål"), max_length=500)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål for parterne")
        ordering = ["plan", "focus_area", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(party__in=["police", "municipalities", "joint"]),
                name="goal_party_valid",
                violation_error_message=_("Vælg politiet, kommunerne eller fælles."),
                violation_error_code="goal_party_valid",
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="goal_text_required",
                violation_error_message=_("Skriv målet."),
                violation_error_code="goal_text_required",
            ),
            max_length_constraint("goal", "text", 500),
        ]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        if self.focus_area_id:
            self.plan_id = self.focus_area.plan_id  # derived: a focus area's goal is its plan's
        super().save(*args, **kwargs)

    def clean(self):
        if self.focus_area_id and self.plan_id and self.focus_area.plan_id != self.plan_id:
            raise ValidationError({"focus_area": _("Indsatsområdet hører til en anden plan.")})


class ActivityQuerySet(models.QuerySet):
    def councils_only(self):
        """Activities carried by named lokalråd (or lokalråd+) and no other actor."""
        municipalities = Activity.municipalities.through.objects.filter(activity_id=OuterRef("pk"))
        return self.filter(
            police=False,
            district_council=False,
            secretariat=False,
            all_local_councils=False,
            forum__isnull=True,
        ).exclude(Exists(municipalities))


class Activity(ConstraintErrorsOnFields, RevisionedModel):
    """What will be done under a focus area, by whom (its actors) and when.

    The actors: the police (optionally a named unit), kommuner of the district, the kredsråd,
    the secretariat, a forum, all lokalråd, and named lokalråd or lokalråd+; one or more of
    them. Who reports status follows from them (`plans.services.councils_responsible_for`): the
    lokalråd carrying it each report their own, and the secretariat reports for the rest on the
    kredsråd's one assignment.
    """

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("indsatsområde"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    text = LimitedTextField(_("aktivitet"), max_length=2000)
    police = models.BooleanField(_("politiet"), default=False)
    police_unit = models.CharField(
        _("politiets enhed"),
        max_length=100,
        blank=True,
        help_text=_(
            "Valgfri, når politiet er ansvarligt, f.eks. »Forebyggelsesafdelingen« eller "
            "»Lokalpolitiet«."
        ),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("ansvarlige kommuner"),
        related_name="activities",
        blank=True,
        help_text=_("Kun kommuner i planens politikreds."),
    )
    district_council = models.BooleanField(_("kredsrådet"), default=False)
    secretariat = models.BooleanField(_("sekretariatet"), default=False)
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("ansvarligt forum"),
        on_delete=models.PROTECT,
        related_name="activities",
        null=True,
        blank=True,
    )
    all_local_councils = models.BooleanField(
        _("alle lokalråd"),
        default=False,
        help_text=_("Hvert aktivt lokalråd i politikredsen indberetter sin egen status."),
    )
    responsible_councils = models.ManyToManyField(
        Council,
        verbose_name=_("udvalgte lokalråd og lokalråd+"),
        related_name="named_activities",
        blank=True,
        limit_choices_to={"kind__in": [Council.Kind.LOCAL, Council.Kind.LOCAL_PLUS]},
        help_text=_(
            "Hvert valgt lokalråd og lokalråd+ indberetter sin egen status på aktiviteten. Et "
            "lokalråd+ kan også vælges sammen med »Alle lokalråd«."
        ),
    )
    timing = models.CharField(
        _("tidsramme"),
        max_length=100,
        blank=True,
        help_text=_("F.eks. »2017-18« eller »maj 2017«."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities, responsible_councils])

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "activity_police_unit_only_with_police": "police_unit",
    }

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["focus_area", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(police=True) | Q(police_unit=""),
                name="activity_police_unit_only_with_police",
                violation_error_message=_(
                    "En enhed i politiet kan kun angives, når politiet er ansvarligt."
                ),
                violation_error_code="activity_police_unit_only_with_police",
            ),
            max_length_constraint("activity", "text", 2000),
        ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.police_unit and not self.police:
            raise ValidationError(
                {
                    "police_unit": _(
                        "Sæt kryds ved »Politiet«, når en enhed i politiet er ansvarlig."
                    )
                }
            )

    def delete_problem(self) -> str:
        """Why the activity cannot be deleted ("" when it can): status history hangs on it, and
        status history is never deleted."""
        if StatusUpdate.objects.filter(assignment__activity=self).exists():
            return _(
                "Aktiviteten har statusopdateringer og kan ikke slettes, for statushistorikken "
                "bevares. Ret i stedet teksten, eller markér den som aflyst i næste statusrunde."
            )
        return ""

    @property
    def carried_by_district(self) -> bool:
        """Whether an actor other than the lokalråd carries it (police, kommuner, kredsråd,
        secretariat, forum): the secretariat then reports for that part."""
        return bool(
            self.police
            or self.district_council
            or self.secretariat
            or self.forum_id
            or (self.pk and self.municipalities.exists())
        )

    def actor_names(self) -> list[str]:
        """Each actor as the plan names it, in a fixed order (police first, lokalråd last)."""
        names = []
        if self.police:
            names.append(
                _("Politiet (%(unit)s)") % {"unit": self.police_unit}
                if self.police_unit
                else _("Politiet")
            )
        if self.pk:
            names += [str(m) for m in sorted(self.municipalities.all(), key=lambda m: m.name)]
        if self.district_council:
            names.append(_("kredsrådet"))
        if self.secretariat:
            names.append(_("sekretariatet"))
        if self.forum_id:
            names.append(self.forum.name)
        if self.all_local_councils:
            names.append(_("alle lokalråd"))
        if self.pk:
            names += [c.name for c in sorted(self.responsible_councils.all(), key=lambda c: c.name)]
        return [str(name) for name in names]

    @property
    def actors_display(self) -> str:
        """ "Politiet (Forebyggelsesafdelingen), Esbjerg Kommune og Fanø Kommune"; "–" when
        none is chosen."""
        return actors_text(self.actor_names())


def actors_text(names: list[str]) -> str:
    """The actors as one Danish sentence part, its first letter a capital; "–" for none."""
    text = danish_list(names)
    return text[:1].upper() + text[1:] if text else "–"


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Ikke påbegyndt")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Gennemført")
    POSTPONED = "postponed", _("Udskudt/sat i bero")
    CANCELLED = "cancelled", _("Aflyst")


class AssignmentQuerySet(models.QuerySet):
    def for_council(self, council):
        return self.filter(council=council)

    def for_user(self, user):
        """Assignments of the lokalråd the user is a member of (`Council.objects.for_member`),
        on published plans only."""
        # A subquery, not a join through the memberships: a join repeats an assignment for each
        # of the user's seats in the council and needs a DISTINCT over wide rows (5 ms).
        return self.filter(
            council__in=Council.objects.for_member(user).values("pk"),
            activity__focus_area__plan__status=Plan.Status.PUBLISHED,
        )


class Assignment(ConstraintErrorsOnFields, models.Model):
    """An activity as it falls to one council; holds the current status (the latest update)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("aktivitet"), on_delete=models.CASCADE, related_name="assignments"
    )
    council = models.ForeignKey(
        Council, verbose_name=_("råd"), on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    status_date = models.DateField(_("status pr."), null=True, blank=True)
    latest_update = models.ForeignKey(
        "StatusUpdate",
        verbose_name=_("seneste statusopdatering"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = AssignmentQuerySet.as_manager()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "one_assignment_per_activity_and_council": "council",
    }

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaver")
        ordering = ["activity__focus_area__order", "activity__order", "council__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "council"],
                name="one_assignment_per_activity_and_council",
                violation_error_message=_("Rådet har allerede denne aktivitet som opgave."),
                violation_error_code="one_assignment_per_activity_and_council",
            ),
        ]

    def __str__(self):
        return f"{self.activity} – {self.council}"


class ReportingRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def managed_by(self, user):
        """Rounds of the districts `user` may manage (`PoliceDistrict.objects.managed_by`): the
        round pages and the status-report PDF."""
        return ManagedDistricts.of(user).narrow(self)


class ReportingRound(ConstraintErrorsOnFields, models.Model):
    """A statusrunde: the secretariat asks every lokalråd for status before a deadline."""

    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="reporting_rounds",
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="reporting_rounds"
    )
    name = models.CharField(_("navn"), max_length=200, help_text=_("F.eks. »Status juni 2017«."))
    opened_on = models.DateField(_("åbnet den"), default=timezone.localdate)
    deadline = models.DateField(_("frist"))
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = ReportingRoundQuerySet.as_manager()
    history = HistoricalRecords()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "round_deadline_not_before_opening": "deadline",
        "round_opened_on_plausible": "opened_on",
    }

    class Meta:
        verbose_name = _("statusrunde")
        verbose_name_plural = _("statusrunder")
        ordering = ["district__name", "-opened_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(closed_at__isnull=True),
                name="one_open_round_per_district",
                violation_error_message=_(
                    "Politikredsen har allerede en åben statusrunde. Luk den, før du åbner en ny."
                ),
                violation_error_code="one_open_round_per_district",
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opened_on")),
                name="round_deadline_not_before_opening",
                violation_error_message=_("Fristen kan ikke ligge før den dag, runden åbner."),
                violation_error_code="round_deadline_not_before_opening",
            ),
            models.CheckConstraint(
                condition=Q(opened_on__gte=EARLIEST_DATE),
                name="round_opened_on_plausible",
                violation_error_message=_("Datoen kan tidligst være 1. januar 1999."),
                violation_error_code="round_opened_on_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def is_overdue(self):
        """Still open after its deadline: the lokalråd that have not reported are late."""
        return self.is_open and self.deadline < timezone.localdate()

    def clean(self):
        if self.plan_id and self.district_id and self.plan.district_id != self.district_id:
            raise ValidationError({"plan": _("Planen hører til en anden politikreds.")})
        if (
            self.deadline
            and self.opened_on
            and (problem := self.deadline_problem(self.deadline, self.opened_on, field="deadline"))
        ):
            raise problem

    @staticmethod
    def deadline_bounds(opened_on: datetime.date) -> tuple[datetime.date, datetime.date]:
        """A deadline lies from the day the round opens to a year later: a round runs for weeks,
        and a deadline more than a year away is a typing error."""
        return opened_on, opened_on + datetime.timedelta(days=366)

    @classmethod
    def deadline_problem(
        cls, deadline: datetime.date, opened_on: datetime.date, *, field: str | None = None
    ) -> ValidationError | None:
        """Why a round opened on `opened_on` cannot have `deadline` (None when it can)."""
        earliest, latest = cls.deadline_bounds(opened_on)
        if opened_on == timezone.localdate():
            too_early = _("Fristen kan ikke ligge før i dag.")
        else:
            too_early = _("Fristen kan ikke ligge før runden åbnes.")
        return date_bounds_problem(
            deadline,
            earliest,
            latest,
            too_early=too_early,
            too_late=_("Fristen kan højst ligge et år efter, at runden åbnes."),
            field=field,
        )


class StatusUpdate(ConstraintErrorsOnFields, models.Model):
    """One status report on an assignment. Append-only: never edited, never deleted."""

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("opgave"),
        on_delete=models.PROTECT,
        related_name="updates",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    public_text = LimitedTextField(_("offentlig tekst"), max_length=2000)
    internal_note = LimitedTextField(
        _("intern note"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Vises kun for rådet og sekretariatet, aldrig offentligt. Skriv aldrig om "
            "enkeltpersoner."
        ),
    )
    date = models.DateField(_("dato"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("indberettet af"),
        on_delete=models.PROTECT,
        related_name="status_updates",
        null=True,
        blank=True,
    )
    reporting_round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("statusrunde"),
        on_delete=models.PROTECT,
        related_name="updates",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("indberettet"), default=timezone.now, db_index=True)

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "status_update_status_valid": "status",
        "status_update_public_text_required": "public_text",
        "status_update_date_plausible": "date",
    }

    class Meta:
        verbose_name = _("statusopdatering")
        verbose_name_plural = _("statusopdateringer")
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["assignment", "-date", "-created_at"], name="update_latest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["not_started", "in_progress", "done", "postponed", "cancelled"]
                ),
                name="status_update_status_valid",
                violation_error_message=_("Vælg en gyldig status."),
                violation_error_code="status_update_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(public_text=""),
                name="status_update_public_text_required",
                violation_error_message=_("Skriv en kort offentlig tekst om status."),
                violation_error_code="status_update_public_text_required",
            ),
            max_length_constraint("status_update", "public_text", 2000),
            max_length_constraint("status_update", "internal_note", 2000),
            models.CheckConstraint(
                condition=Q(date__gte=EARLIEST_DATE),
                name="status_update_date_plausible",
                violation_error_message=_("Datoen kan tidligst være 1. januar 1999."),
                violation_error_code="status_update_date_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} ({self.date})"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("En statusopdatering kan ikke ændres; tilføj en ny."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("En statusopdatering kan ikke slettes."))

    def clean(self):
        if self.date and self.assignment_id:
            plan = self.assignment.activity.focus_area.plan
            if problem := plan.status_date_problem(self.date, field="date"):
                raise problem


class AnnualCycleEntry(ConstraintErrorsOnFields, models.Model):
    """A recurring meeting or deadline of the kredsråd's annual cycle (årshjul).

    It falls in a month or a quarter, or has no fixed month: ongoing ("løbende") or once a year
    at no fixed time ("årligt"). `before_period` places a dated entry in the year before the
    plan's first year (the December meeting that discusses the plan), once, not every year.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Møde")
        THEME = "theme", _("Temadag/temamøde")
        DEADLINE = "deadline", _("Frist")
        REPORT = "report", _("Statusrapport")

    class Undated(models.TextChoices):
        ONGOING = "ongoing", _("Løbende")
        YEARLY = "yearly", _("Årligt, uden fast måned")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="annual_cycle"
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    title = models.CharField(_("hvad"), max_length=200)
    description = LimitedTextField(_("beskrivelse"), max_length=1000, blank=True)
    month = models.PositiveSmallIntegerField(_("måned"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("kvartal"), null=True, blank=True)
    undated = models.CharField(
        _("uden fast måned"),
        max_length=10,
        choices=Undated.choices,
        blank=True,
        help_text=_("Vælg dette i stedet for en måned eller et kvartal."),
    )
    before_period = models.BooleanField(
        _("året før perioden"),
        default=False,
        help_text=_(
            "Punktet ligger én gang i året før planens første år, fx kredsrådets møde i "
            "december, der drøfter planen."
        ),
    )
    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.PROTECT,
        related_name="annual_cycle_entries",
        null=True,
        blank=True,
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "cycle_entry_when": "month",
        "cycle_entry_before_period": "before_period",
        "cycle_entry_month": "month",
        "cycle_entry_quarter": "quarter",
    }

    class Meta:
        verbose_name = _("punkt i årshjulet")
        verbose_name_plural = _("årshjul")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(month__isnull=False, quarter__isnull=True, undated="")
                    | Q(month__isnull=True, quarter__isnull=False, undated="")
                    | Q(month__isnull=True, quarter__isnull=True, undated__in=["ongoing", "yearly"])
                ),
                name="cycle_entry_month_quarter_or_undated",
                violation_error_message=_(
                    "Angiv enten en måned, et kvartal eller at punktet er løbende eller årligt "
                    "uden fast måned."
                ),
                violation_error_code="cycle_entry_when",
            ),
            models.CheckConstraint(
                condition=Q(before_period=False) | Q(undated=""),
                name="cycle_entry_before_period_has_month_or_quarter",
                violation_error_message=_(
                    "Et punkt i året før perioden skal have en måned eller et kvartal."
                ),
                violation_error_code="cycle_entry_before_period",
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="cycle_entry_month_valid",
                violation_error_message=_("Vælg en måned fra januar til december."),
                violation_error_code="cycle_entry_month",
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="cycle_entry_quarter_valid",
                violation_error_message=_("Vælg et kvartal fra 1. til 4. kvartal."),
                violation_error_code="cycle_entry_quarter",
            ),
            max_length_constraint("cycle_entry", "description", 1000),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        """Field by field, so each message sits next to the field to change."""
        errors = {}
        if self.month is not None and self.quarter is not None:
            errors["quarter"] = _("Vælg enten en måned eller et kvartal, ikke begge.")
        if self.undated and (self.month is not None or self.quarter is not None):
            errors["undated"] = _(
                "Et punkt med en måned eller et kvartal kan ikke også være „%(undated)s“. "
                "Fjern måneden eller kvartalet, eller vælg tomt her."
            ) % {"undated": self.get_undated_display()}
        if not self.undated and self.month is None and self.quarter is None:
            errors["month"] = _(
                "Vælg en måned eller et kvartal, eller vælg under „uden fast måned“, at "
                "punktet er løbende eller årligt."
            )
        if self.before_period and self.undated:
            errors["before_period"] = _(
                "Et punkt i året før perioden skal have en måned eller et kvartal."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def sort_month(self):
        """The month the entry falls in; a quarter counts from its first month; None when it
        has no fixed month."""
        if self.month:
            return self.month
        return (self.quarter - 1) * 3 + 1 if self.quarter else None


class PlanVersionQuerySet(models.QuerySet):
    def published(self):
        """The versions of the plans citizens may see (`Plan.objects.published()`), as a join:
        the subquery `plan__in=Plan.objects.published()` took a sixth of the query's CPU."""
        return self.filter(plan__status__in=Plan.PUBLIC_STATUSES)


class PlanVersion(models.Model):
    """A published, frozen version of a plan: what citizens read. Never changes once made."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versionsnummer"))
    published_on = models.DateField(_("offentliggjort den"))
    revision_note = LimitedTextField(_("revisionsnote"), max_length=2000, blank=True)
    changed_sections = models.JSONField(
        _("reviderede afsnit"), default=list, blank=True, help_text=_("Afsnittenes id'er.")
    )
    changed_focus_areas = models.JSONField(
        _("reviderede indsatsområder"), default=list, blank=True, help_text=_("Områdernes id'er.")
    )
    snapshot = models.JSONField(_("indhold"), help_text=_("Planens indhold, som det blev udgivet."))
    pdf = models.FileField(_("PDF"), upload_to="plans/pdf/", blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udgivet af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("udgivet version")
        verbose_name_plural = _("udgivne versioner")
        ordering = ["plan", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_version_number_unique",
                violation_error_message=_("Planen har allerede en version med dette nummer."),
                violation_error_code="plan_version_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="plan_version_number_positive",
                violation_error_message=_("Versionsnummeret skal være 1 eller større."),
                violation_error_code="plan_version_number_positive",
            ),
            max_length_constraint("plan_version", "revision_note", 2000),
            models.CheckConstraint(
                condition=Q(published_on__gte=EARLIEST_DATE),
                name="plan_version_published_on_plausible",
                violation_error_message=_("Datoen kan tidligst være 1. januar 1999."),
                violation_error_code="plan_version_published_on_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.plan} v{self.number}"

    def save(self, *args, **kwargs):
        """A published version is never changed: only its rendered PDF may be stored later."""
        fields = kwargs.get("update_fields")
        if not self._state.adding and (fields is None or set(fields) - {"pdf"}):
            raise ValidationError(
                _("En offentliggjort version kan ikke ændres; offentliggør en revision.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(
            _("En offentliggjort version kan ikke slettes; den skal forblive offentlig.")
        )

    @property
    def is_revision(self):
        return self.number > 1


class WorkflowEvent(models.Model):
    """Who moved a plan through its life cycle, and when."""

    class Step(models.TextChoices):
        APPROVED = "approved", _("Behandlet i kredsrådet")
        PUBLISHED = "published", _("Offentliggjort")
        REVISED = "revised", _("Revideret")
        SUPERSEDED = "superseded", _("Afløst")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="workflow_events"
    )
    step = models.CharField(_("trin"), max_length=20, choices=Step.choices)
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    # "Version 2, gælder fra …" and the revision note (at most 2,000 characters).
    note = LimitedTextField(_("note"), max_length=2500, blank=True)

    class Meta:
        verbose_name = _("forløbshændelse")
        verbose_name_plural = _("forløbshændelser")
        ordering = ["plan", "at"]
        constraints = [max_length_constraint("workflow_event", "note", 2500)]

    def __str__(self):
        return f"{self.get_step_display()} {danish_date(timezone.localtime(self.at).date())}"


class PlanSearchPart(models.Model):
    """A searchable part of a published version: its front matter, a section or a focus area.

    Derived once from the version's frozen snapshot by plans/search.py (a version never changes).
    `document` is the PostgreSQL full-text vector in the "danish" configuration, GIN-indexed;
    on other databases it stays empty and search falls back to matching `title` and `body`.
    """

    class Kind(models.TextChoices):
        PLAN = "plan", _("Forside og forord")
        SECTION = "section", _("Afsnit")
        FOCUS_AREA = "focus_area", _("Indsatsområde")

    version = models.ForeignKey(
        PlanVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="search_parts",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    part_id = models.PositiveBigIntegerField(
        _("delens id"), help_text=_("Afsnittets eller indsatsområdets id; 0 for forsiden.")
    )
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst uden opmærkning"), blank=True)
    document = SearchVectorField(_("søgevektor"), null=True, editable=False)

    class Meta:
        verbose_name = _("søgbar del af en version")
        verbose_name_plural = _("søgbare dele af versioner")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "kind", "part_id"],
                name="search_part_unique_in_version",
                violation_error_message=_("Versionen har allerede denne søgbare del."),
                violation_error_code="search_part_unique_in_version",
            ),
        ]

    def __str__(self):
        return self.title


class FollowerQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Follower(ConstraintErrorsOnFields, models.Model):
    """An e-mail address following a district's current plan or a lokalråd (plans/following.py).

    Only what the daily digest needs: the address, what it follows, when it was confirmed, the
    hash of its confirmation token and when mail last went to it. Never shown on a page nor in
    the admin; deleted by the unsubscribe link, and unconfirmed after a week.
    """

    email = models.EmailField(_("e-mailadresse"))
    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.CASCADE,
        related_name="followers",
        null=True,
        blank=True,
    )
    council = models.ForeignKey(
        Council,
        verbose_name=_("lokalråd"),
        on_delete=models.CASCADE,
        related_name="followers",
        null=True,
        blank=True,
    )
    # SHA-256 of the confirmation link's random token; empty once confirmed.
    token_hash = models.CharField(_("nøgle (hash)"), max_length=64, blank=True, db_index=True)
    confirmation_sent_at = models.DateTimeField(_("bekræftelse sendt"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("seneste nyhedsmail"), null=True, blank=True)

    objects = FollowerQuerySet.as_manager()

    class Meta:
        verbose_name = _("følger")
        verbose_name_plural = _("følgere")
        indexes = [models.Index(fields=["email"], name="follower_email_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(district__isnull=False, council__isnull=True)
                | Q(district__isnull=True, council__isnull=False),
                name="follower_follows_one_thing",
                violation_error_message=_("Følg enten en politikreds' plan eller et lokalråd."),
                violation_error_code="follower_follows_one_thing",
            ),
            models.UniqueConstraint(
                fields=["email", "district"],
                condition=Q(district__isnull=False),
                name="follower_once_per_district",
                violation_error_message=_("Adressen følger allerede planen."),
                violation_error_code="follower_once_per_district",
            ),
            models.UniqueConstraint(
                fields=["email", "council"],
                condition=Q(council__isnull=False),
                name="follower_once_per_council",
                violation_error_message=_("Adressen følger allerede lokalrådet."),
                violation_error_code="follower_once_per_council",
            ),
        ]

    def __str__(self):
        return f"Følger af {self.council or self.district}"

    @property
    def followed_district(self) -> PoliceDistrict:
        return self.district if self.district_id else self.council.district
