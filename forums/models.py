from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from base.constraints import ConstraintErrorsOnFields
from base.fields import LimitedTextField
from base.limits import max_length_constraint
from councils.models import Council, Municipality, PoliceDistrict


class ForumQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_district(self, district):
        return self.filter(district=district)


class Forum(ConstraintErrorsOnFields, models.Model):
    """A standing cooperation forum, described as in the plan's forum overview (Bilag 1).

    The overview also describes the kredsråd and the lokalråd themselves, so those are kinds too,
    linked to their council where there is one.
    """

    class Kind(models.TextChoices):
        DISTRICT_COUNCIL = "kredsraad", _("Kredsråd")
        LOCAL_COUNCIL = "lokalraad", _("Lokalråd")
        LOCAL_PLUS = "lokalraad_plus", _("Lokalråd+")
        SSP = "ssp", _("SSP")
        SSP_PLUS = "ssp_plus", _("SSP+")
        PSP = "psp", _("PSP")
        KSP = "ksp", _("KSP")
        GANG_COUNCIL = "banderaad", _("Banderåd")
        YOUTH_BOARD = "ungesamraad", _("Ungesamråd")
        CHILD_ABUSE = "overgreb", _("Samråd vedr. overgreb mod børn")
        SSP_BOARD = "ssp_samraad", _("SSP-samråd")
        COORDINATION = "koordination", _("Koordinationsgruppe/-udvalg")
        INFOHUS = "infohus", _("Infohus")
        CHIEFS = "chefforum", _("Chefforum")
        OTHER = "other", _("Andet")

    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="forums",
    )
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kort navn i adresser"), max_length=100)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.PROTECT,
        related_name="forum_descriptions",
        null=True,
        blank=True,
        help_text=_("Hvis forummet er et af kredsens råd."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("kommuner"),
        related_name="forums",
        blank=True,
        help_text=_("Tom betyder hele politikredsen."),
    )
    topic = LimitedTextField(_("emne"), max_length=1000, blank=True)
    legal_basis = LimitedTextField(_("lovgrundlag"), max_length=1000, blank=True)
    purpose = LimitedTextField(_("formål"), max_length=2000, blank=True)
    action_plans = LimitedTextField(_("evt. handleplaner"), max_length=1000, blank=True)
    interface_forums = models.ManyToManyField(
        "self",
        verbose_name=_("snitflader til fora"),
        symmetrical=False,
        related_name="interfaced_by",
        blank=True,
    )
    interface_councils = models.ManyToManyField(
        Council,
        verbose_name=_("snitflader til råd"),
        related_name="interfacing_forums",
        blank=True,
    )
    interfaces_text = LimitedTextField(
        _("snitflader (fritekst)"),
        max_length=1000,
        blank=True,
        help_text=_("Snitflader, der ikke er et forum eller råd i portalen."),
    )
    participants = LimitedTextField(
        _("deltagere"), max_length=2000, blank=True, help_text=_("Funktioner frem for navne.")
    )
    meetings_min = models.PositiveSmallIntegerField(
        _("mindste antal møder om året"), null=True, blank=True
    )
    meetings_text = models.CharField(
        _("antal møder (tekst)"),
        max_length=100,
        blank=True,
        help_text=_("F.eks. »mindst 4«, »1-2« eller »efter behov«."),
    )
    order = models.PositiveIntegerField(_("rækkefølge i oversigten"), default=0, db_index=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    history = HistoricalRecords(m2m_fields=[municipalities, interface_forums, interface_councils])
    objects = ForumQuerySet.as_manager()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "forum_slug_unique_in_district": "slug",
        "forum_meetings_min_at_most_weekly": "meetings_min",
    }

    class Meta:
        verbose_name = _("samarbejdsforum")
        verbose_name_plural = _("samarbejdsfora")
        ordering = ["district__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "slug"],
                name="forum_slug_unique_in_district",
                violation_error_message=_(
                    "Et andet forum i politikredsen har allerede dette korte navn. Vælg et andet."
                ),
                violation_error_code="forum_slug_unique_in_district",
            ),
            models.CheckConstraint(
                condition=Q(meetings_min__lte=52),
                name="forum_meetings_min_at_most_weekly",
                violation_error_message=_("Et forum kan højst holde 52 møder om året."),
                violation_error_code="forum_meetings_min_at_most_weekly",
            ),
            max_length_constraint("forum", "topic", 1000),
            max_length_constraint("forum", "legal_basis", 1000),
            max_length_constraint("forum", "purpose", 2000),
            max_length_constraint("forum", "action_plans", 1000),
            max_length_constraint("forum", "interfaces_text", 1000),
            max_length_constraint("forum", "participants", 2000),
        ]

    def __str__(self):
        return self.name

    @property
    def meetings_display(self):
        """What the overview shows under "Antal møder"."""
        if self.meetings_text:
            return self.meetings_text
        if self.meetings_min is not None:
            return _("Mindst %(n)s") % {"n": self.meetings_min}
        return ""
