from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from base.constraints import ConstraintErrorsOnFields
from base.fields import LimitedTextField
from base.limits import max_length_constraint
from base.text import danish_slugify

PERSON_OR_FUNCTION = _(
    "Vælg en person, eller skriv pladsens funktion (f.eks. borgmester) under »titel eller "
    "funktion i rådet«."
)


class ManagedDistricts(NamedTuple):
    """Which police districts a user may manage: the rule, written once.

    An active superuser manages every district (`every`); an active staff user with a
    `SecretariatStaff` row manages that row's district (`district_id`); anyone else manages none:
    a staff user without a secretariat post, a lokalråd member, an inactive user, the anonymous
    user. `PoliceDistrict.objects.managed_by(user)` and the `managed_by` of plans and rounds are
    this rule as querysets; the admin's `base.admin.DistrictScope` gets it handed down at
    startup (`CouncilsConfig.ready`), as the pair `(every, district_id)` this tuple unpacks to.
    """

    every: bool = False
    district_id: int | None = None

    @classmethod
    def of(cls, user) -> "ManagedDistricts":
        if not user.is_active:  # the anonymous user is never active
            return cls()
        if user.is_superuser:
            return cls(every=True)
        if not user.is_staff:
            return cls()
        try:
            return cls(district_id=user.secretariat.district_id)
        except ObjectDoesNotExist:
            return cls()

    @property
    def manages_any(self) -> bool:
        return self.every or self.district_id is not None

    def narrow(self, queryset, field: str = "district"):
        """`queryset` limited to these districts along `field`, its foreign key to the district
        ("pk" for the districts themselves): unfiltered for every district, a plain filter for
        one, empty for none."""
        if self.every:
            return queryset.all()
        if self.district_id is None:
            return queryset.none()
        return queryset.filter(**{field: self.district_id})


class PoliceDistrictQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The districts `user` may manage: all for an active superuser, the district of an
        active staff user's `SecretariatStaff` row, none otherwise (see `ManagedDistricts`)."""
        return ManagedDistricts.of(user).narrow(self, "pk")


class PoliceDistrict(models.Model):
    """One of the 12 police districts (politikredse)."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kort navn i adresser"), max_length=100, unique=True)

    objects = PoliceDistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("politikreds")
        verbose_name_plural = _("politikredse")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:district", kwargs={"district": self.slug})

    @property
    def district_council(self):
        return self.councils.filter(kind=Council.Kind.DISTRICT).first()


class Municipality(models.Model):
    """One of the 98 municipalities (kommuner); belongs to exactly one district."""

    code = models.CharField(
        _("kommunekode"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("Kommunekoden skal være tre cifre."))],
    )
    name = models.CharField(_("navn"), max_length=100, unique=True)
    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{3}$"),
                name="municipality_code_three_digits",
                violation_error_message=_("Kommunekoden skal være tre cifre, fx 561."),
                violation_error_code="municipality_code_three_digits",
            ),
        ]

    def __str__(self):
        return f"{self.name} Kommune"

    @property
    def slug(self) -> str:
        """The kommune in addresses: "Tønder" → "toender" (names are unique, and so are these)."""
        return danish_slugify(self.name)

    @property
    def local_council(self) -> "Council | None":
        """The lokalråd covering the kommune, if one does."""
        try:
            return self.local_council_link.council
        except ObjectDoesNotExist:
            return None


class CouncilQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def local(self):
        return self.filter(kind=Council.Kind.LOCAL)

    def for_district(self, district):
        return self.filter(district=district)

    def for_member(self, user, *, role=None, kinds=None):
        """The active lokalråd and lokalråd+ `user` is a member of (through `Person.user` →
        `Membership`), by name; with `role`, only those where the user's seat has that role (the
        secretary's); with `kinds`, only councils of those kinds (the handleplan's lokalråd).

        A seat has no dates or active flag: it lasts until the secretariat deletes it (the
        history keeps it), so a former member has no seat left. A seat in an inactive council
        or in the kredsråd does not count, nor a seat without a person (a function); an
        inactive or anonymous user has none. A lokalråd+ counts: it can carry activities,
        and its members report on them.
        """
        kinds = MEMBER_KINDS if kinds is None else kinds
        if not (user.is_authenticated and user.is_active):
            return self.none()
        seats = {"memberships__person__user": user}
        if role is not None:
            seats["memberships__role"] = role
        return self.active().filter(kind__in=kinds, **seats).distinct().order_by("name")


class Council(ConstraintErrorsOnFields, models.Model):
    """A kredsråd (district), lokalråd (local) or lokalråd+ (local_plus)."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("Kredsråd")
        LOCAL = "local", _("Lokalråd")
        LOCAL_PLUS = "local_plus", _("Lokalråd+")

    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="councils",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kort navn i adresser"), max_length=100)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("kommuner"),
        through="CouncilMunicipality",
        related_name="councils",
        blank=True,
        help_text=_("De kommuner, et lokalråd dækker. Et lokalråd kan dække flere kommuner."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hører under lokalråd"),
        on_delete=models.PROTECT,
        related_name="children",
        null=True,
        blank=True,
        help_text=_("Kun for lokalråd+: det lokalråd, netværket hører under."),
    )
    description = LimitedTextField(_("beskrivelse"), max_length=2000, blank=True)
    is_active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("Et råd med historik slettes ikke; det gøres inaktivt."),
    )

    history = HistoricalRecords()
    objects = CouncilQuerySet.as_manager()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "one_district_council_per_district": "kind",
        "council_slug_unique_in_district": "slug",
        "council_kind_valid": "kind",
        "council_parent_only_for_local_plus": "parent",
    }

    class Meta:
        verbose_name = _("råd")
        verbose_name_plural = _("råd")
        ordering = ["district__name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(kind="district"),
                name="one_district_council_per_district",
                violation_error_message=_(
                    "Politikredsen har allerede et kredsråd; der kan kun være ét."
                ),
                violation_error_code="one_district_council_per_district",
            ),
            models.UniqueConstraint(
                fields=["district", "slug"],
                name="council_slug_unique_in_district",
                violation_error_message=_(
                    "Et andet råd i politikredsen har allerede dette korte navn. Vælg et andet."
                ),
                violation_error_code="council_slug_unique_in_district",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["district", "local", "local_plus"]),
                name="council_kind_valid",
                violation_error_message=_(
                    "Vælg en gyldig type: kredsråd, lokalråd eller lokalråd+."
                ),
                violation_error_code="council_kind_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="local_plus", parent__isnull=False)
                    | (~Q(kind="local_plus") & Q(parent__isnull=True))
                ),
                name="council_parent_only_for_local_plus",
                violation_error_message=_(
                    "Kun et lokalråd+ hører under et lokalråd: vælg lokalrådet for et lokalråd+ "
                    "og intet for de andre typer."
                ),
                violation_error_code="council_parent_only_for_local_plus",
            ),
            max_length_constraint("council", "description", 2000),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "public:council", kwargs={"district": self.district.slug, "council": self.slug}
        )

    def clean(self):
        if self.parent_id and self.parent.kind != Council.Kind.LOCAL:
            raise ValidationError({"parent": _("Et lokalråd+ skal høre under et lokalråd.")})
        if self.parent_id and self.parent.district_id != self.district_id:
            raise ValidationError(
                {"parent": _("Lokalrådet skal høre til samme politikreds som lokalrådet+.")}
            )


# The councils whose members sign in to report: lokalråd and lokalråd+.
MEMBER_KINDS = (Council.Kind.LOCAL, Council.Kind.LOCAL_PLUS)


class CouncilMunicipality(models.Model):
    """Which lokalråd covers a municipality: each municipality in at most one lokalråd."""

    council = models.ForeignKey(Council, verbose_name=_("lokalråd"), on_delete=models.CASCADE)
    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        related_name="local_council_link",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kommune i lokalråd")
        verbose_name_plural = _("kommuner i lokalråd")

    def __str__(self):
        return f"{self.municipality} i {self.council}"

    def clean(self):
        if self.council_id and self.council.kind != Council.Kind.LOCAL:
            raise ValidationError(_("Kun lokalråd dækker kommuner."))
        if (
            self.council_id
            and self.municipality_id
            and self.municipality.district_id != self.council.district_id
        ):
            raise ValidationError(
                {"municipality": _("Kommunen hører til en anden politikreds end lokalrådet.")}
            )


class SecretariatStaff(models.Model):
    """Ties a staff user to the one district whose secretariat they work in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("brugerkonto"),
        on_delete=models.CASCADE,
        related_name="secretariat",
    )
    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="secretariat_staff",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sekretariatsmedarbejder")
        verbose_name_plural = _("sekretariatsmedarbejdere")

    def __str__(self):
        return f"{self.user} ({self.district})"


class Person(models.Model):
    """A council member. Only what the job needs: name, title, organisation, work e-mail."""

    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail (arbejde)"),
        blank=True,
        help_text=_("Bruges kun til påmindelser; vises aldrig offentligt."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("brugerkonto"),
        on_delete=models.SET_NULL,
        related_name="person",
        null=True,
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def in_council_order(self):
        """Chair first, then vice-chair, then the other seats in their order."""
        rank = Case(
            When(role=Membership.Role.CHAIR, then=Value(0)),
            When(role=Membership.Role.VICE_CHAIR, then=Value(1)),
            default=Value(2),
            output_field=models.IntegerField(),
        )
        return self.order_by(rank, "order", "person__name", "pk")


class Membership(ConstraintErrorsOnFields, models.Model):
    """A seat in a council, with role, title and organisation: held by a named person, or
    described by its function alone ("Borgmester", "Esbjerg Kommune"), as plans often do."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Formand")
        VICE_CHAIR = "vice_chair", _("Næstformand")
        SECRETARY = "secretary", _("Sekretær")
        MEMBER = "member", _("Medlem")
        OBSERVER = "observer", _("Observatør/gæst")

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        help_text=_(
            "Kan stå tom, når pladsen beskrives ved sin funktion (f.eks. borgmester). En plads "
            "uden person giver ingen adgang til portalen."
        ),
    )
    council = models.ForeignKey(
        Council, verbose_name=_("råd"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(
        _("titel eller funktion i rådet"),
        max_length=200,
        blank=True,
        help_text=_("F.eks. borgmester eller lokalpolitileder."),
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("F.eks. Esbjerg Kommune.")
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {
        "one_membership_per_council": "person",
        "membership_role_valid": "role",
        "one_chair_per_council": "role",
        "membership_person_or_function": "person",
    }

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["council", "order", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "council"],
                name="one_membership_per_council",
                violation_error_message=_("Personen er allerede med i dette råd."),
                violation_error_code="one_membership_per_council",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["chair", "vice_chair", "secretary", "member", "observer"]),
                name="membership_role_valid",
                violation_error_message=_("Vælg en gyldig rolle."),
                violation_error_code="membership_role_valid",
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(role="chair"),
                name="one_chair_per_council",
                violation_error_message=_(
                    "Rådet har allerede en formand. Giv den nuværende formand en anden rolle først."
                ),
                violation_error_code="one_chair_per_council",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(title=""),
                name="membership_person_or_function",
                violation_error_message=PERSON_OR_FUNCTION,
                violation_error_code="membership_person_or_function",
            ),
        ]

    def __str__(self):
        return f"{self.holder} ({self.get_role_display()}, {self.council})"

    def clean(self):
        """A person or a function, and the one-chair rule next to the role field (the database
        refuses both too)."""
        errors = {}
        # `person`, not `person_id`: on a new person's page the seat's person is not saved yet.
        if self.person is None and not self.title.strip():
            errors["person"] = PERSON_OR_FUNCTION
        if self.role == self.Role.CHAIR and self.council_id:
            chairs = Membership.objects.filter(council_id=self.council_id, role=self.Role.CHAIR)
            if chairs.exclude(pk=self.pk).exists():
                errors["role"] = _(
                    "Rådet har allerede en formand. Giv den nuværende formand en anden rolle først."
                )
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # A seat added on a new person's page has its person, not yet saved, so no person_id:
        # the person is there, and the database checks the row once it is saved.
        if self.person_id is None and self.person is not None:
            exclude = {*(exclude or ()), "person"}
        super().validate_constraints(exclude=exclude)

    @property
    def holder(self) -> str:
        """Who holds the seat: the person's name, or the function and its organisation."""
        if self.person_id is not None:
            return self.person.name
        return ", ".join(part for part in (self.title, self.organisation) if part)

    @property
    def function(self) -> str:
        """The title in the council, or the person's own."""
        return self.title or (self.person.title if self.person_id else "")

    @property
    def organisation_shown(self) -> str:
        return self.organisation or (self.person.organisation if self.person_id else "")


class StaffFunction(ConstraintErrorsOnFields, models.Model):
    """One of the district secretariat's staff functions (e.g. Ledelsessekretariatet) and
    its tasks, as the plan describes the organisation."""

    district = models.ForeignKey(
        PoliceDistrict,
        verbose_name=_("politikreds"),
        on_delete=models.PROTECT,
        related_name="staff_functions",
    )
    name = models.CharField(
        _("navn"), max_length=200, help_text=_("F.eks. Kriminalpræventivt sekretariat.")
    )
    tasks = LimitedTextField(
        _("opgaver"),
        max_length=2000,
        blank=True,
        help_text=_("Funktionens opgaver i samarbejdet. En opgave pr. linje bliver en liste."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0, db_index=True)

    history = HistoricalRecords()

    # A constraint's refusal next to the field to change (base.constraints).
    constraint_error_fields = {"staff_function_name_unique_in_district": "name"}

    class Meta:
        verbose_name = _("stabsfunktion")
        verbose_name_plural = _("stabsfunktioner")
        ordering = ["district__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="staff_function_name_unique_in_district",
                violation_error_message=_(
                    "Politikredsen har allerede en stabsfunktion med det navn."
                ),
                violation_error_code="staff_function_name_unique_in_district",
            ),
            max_length_constraint("staff_function", "tasks", 2000),
        ]

    def __str__(self):
        return self.name
