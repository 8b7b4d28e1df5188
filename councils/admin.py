"""The secretariat's admin for councils and their members.

Pages (under /admin/councils/):
    council/            kredsråd, lokalråd and lokalråd+ with their municipalities and members
    stafffunction/      the secretariat's staff functions and their tasks
    person/             members: name, title, organisation, work e-mail, and their seats
    policedistrict/, municipality/
                        reference data, read only
    secretariatstaff/   which staff user works in which district's secretariat (superusers)

Who: staff with the model permissions (the Sekretariat group) see their own district only,
superusers every district (see base/admin.py). A person belongs to the districts of the councils
they sit in, so a person always keeps at least one seat in the secretariat's district; to remove
someone entirely, delete the person (their seats go with them).
"""

from adminsortable2.admin import CustomInlineFormSet
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.forms.models import BaseInlineFormSet
from django.urls import NoReverseMatch
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from base.admin import (
    SELF,
    PortalAdmin,
    PortalHistoryAdmin,
    PortalSortableHistoryAdmin,
    ReadOnlyAdminMixin,
    ScopedInlineMixin,
    ScopedModelForm,
    SlugFromNameForm,
    SortableTabularInline,
    TabularInline,
)
from councils.roles import make_secretariat_staff, remove_secretariat_staff, sync_council_groups

from .models import (
    Council,
    CouncilMunicipality,
    Membership,
    Municipality,
    Person,
    PoliceDistrict,
    SecretariatStaff,
    StaffFunction,
)
from .signals import local_council_saved

RelatedOnly = admin.RelatedOnlyFieldListFilter


def _sync_groups_of(users) -> None:
    """Keep the lokalråd groups of users with a login in step with their seats."""
    for user in {user for user in users if user is not None}:
        sync_council_groups(user=user)


def _membership_users(formset) -> list:
    memberships = [
        *formset.new_objects,
        *(obj for obj, _changed in formset.changed_objects),
        *formset.deleted_objects,
    ]
    # A seat held by a function alone gives no one a login's rights.
    return [membership.person.user for membership in memberships if membership.person_id]


# --- Reference data -------------------------------------------------------------------------


@admin.register(PoliceDistrict)
class PoliceDistrictAdmin(ReadOnlyAdminMixin, PortalAdmin):
    district_path = SELF
    list_display = ["name", "slug"]
    search_fields = ["name"]
    fields = ["name", "slug"]


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdminMixin, PortalAdmin):
    list_display = ["name", "code", "district"]
    list_filter = [("district", RelatedOnly)]
    search_fields = ["name", "code"]
    fields = ["name", "code", "district"]


@admin.register(SecretariatStaff)
class SecretariatStaffAdmin(PortalHistoryAdmin):
    """Only the national administrator ties staff users to a district."""

    fixed_once_saved = ("user",)
    list_display = ["user", "district"]
    list_filter = [("district", RelatedOnly)]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        # Through councils.roles, so the user is staff and in the Sekretariat group too.
        staff = make_secretariat_staff(user=obj.user, district=obj.district)
        obj.pk = staff.pk
        obj._state.adding = False

    def delete_model(self, request, obj):
        remove_secretariat_staff(user=obj.user)

    def delete_queryset(self, request, queryset):
        for staff in queryset.select_related("user"):
            remove_secretariat_staff(user=staff.user)


# --- Councils ---------------------------------------------------------------------------------


class CouncilForm(SlugFromNameForm):
    class Meta:
        model = Council
        fields = "__all__"


class CouncilMunicipalityFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        council = self.instance
        if council.kind != Council.Kind.LOCAL or not council.is_active:
            return
        covered = [
            form
            for form in self.forms
            if form.cleaned_data.get("municipality") and not form.cleaned_data.get("DELETE")
        ]
        if not covered:
            raise ValidationError(
                _("Et aktivt lokalråd skal dække mindst én kommune. Vælg kommunen herunder.")
            )


class CouncilMunicipalityInline(ScopedInlineMixin, TabularInline):
    model = CouncilMunicipality
    formset = CouncilMunicipalityFormSet
    district_path = "council__district"
    extra = 1
    verbose_name_plural = _("kommuner, lokalrådet dækker")


class CouncilMembershipFormSet(CustomInlineFormSet):
    """A secretariat may not strand a person without any seat in its district (they would
    vanish from its lists with their personal data left behind): delete the person instead."""

    scope_district_id: int | None = None  # set per request; None for superusers

    def clean(self):
        super().clean()
        if self.scope_district_id is None:
            return
        for form in self.deleted_forms:
            membership = form.instance
            if membership.pk is None or membership.person_id is None:
                continue
            elsewhere = (
                Membership.objects.filter(
                    person_id=membership.person_id, council__district_id=self.scope_district_id
                )
                .exclude(pk=membership.pk)
                .exclude(pk__in=[f.instance.pk for f in self.deleted_forms if f.instance.pk])
            )
            if not elsewhere.exists():
                raise ValidationError(
                    gettext(
                        "%(person)s har ikke andre pladser i politikredsen. Slet i stedet "
                        "personen under »Personer« (pladsen slettes med), eller giv personen "
                        "en anden plads først."
                    )
                    % {"person": membership.person}
                )


class MembershipInline(ScopedInlineMixin, SortableTabularInline):
    model = Membership
    district_path = "council__district"
    formset = CouncilMembershipFormSet
    fields = ["person", "role", "title", "organisation"]
    autocomplete_fields = ["person"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True
    verbose_name_plural = _("medlemmer")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "person":
            # A new person is created under »Personer« with their first seat.
            formfield.widget.can_add_related = False
            formfield.help_text = _(
                "Findes personen ikke, så opret den under »Personer«. Lad feltet stå tomt, når "
                "pladsen beskrives ved sin funktion (skriv den under titel eller funktion)."
            )
        return formfield


@admin.register(Council)
class CouncilAdmin(PortalSortableHistoryAdmin):
    """A council with the municipalities it covers and its members, in order."""

    form = CouncilForm
    inlines = [CouncilMunicipalityInline, MembershipInline]
    # A council never moves to another district or changes kind.
    fixed_once_saved = ("district", "kind")
    list_display = ["name", "kind", "district", "parent", "is_active", "member_count"]
    list_filter = ["kind", "is_active", ("district", RelatedOnly)]
    search_fields = ["name", "slug", "municipalities__name"]
    list_select_related = ["district", "parent"]
    # Also the order of the autocomplete boxes, which page through the councils.
    ordering = ["district__name", "kind", "name"]
    fieldsets = [
        (None, {"fields": ["district", "kind", "name", "slug", "parent", "is_active"]}),
        (_("Beskrivelse"), {"fields": ["description"]}),
    ]
    delete_guard_help = _(
        "Et råd med medlemmer, opgaver, statusopdateringer eller andre henvisninger bevarer sin "
        "historik og kan ikke slettes. Gør det i stedet inaktivt: fjern fluebenet ved »aktiv«."
    )

    @admin.display(description=_("medlemmer"), ordering="member_total")
    def member_count(self, obj):
        return obj.member_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("memberships"))

    def history_view(self, request, object_id, extra_context=None):
        """The council's own changes, and below them the municipalities added and removed."""
        pk = unquote(object_id)  # undocumented; reads the id as simple-history's view does
        records = (
            CouncilMunicipality.history.filter(council_id=pk)
            .select_related("history_user", "municipality")
            .order_by("-history_date")
            if pk.isdigit()
            else []
        )
        changes = [
            {
                "date": record.history_date,
                "event": _("Tilføjet") if record.history_type == "+" else _("Fjernet"),
                "user": record.history_user,
                "what": record.municipality,
            }
            for record in records
            if record.history_type in ("+", "-")
        ]
        extra_context = {
            **(extra_context or {}),
            "related_histories": [(_("Kommuner, lokalrådet dækker"), changes)] if changes else [],
        }
        return super().history_view(request, object_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            formfield.queryset = formfield.queryset.filter(kind=Council.Kind.LOCAL)
        return formfield

    def view_on_site(self, obj):
        if not obj.is_active:
            return None
        try:
            return obj.get_absolute_url()
        except NoReverseMatch:
            return None

    @transaction.atomic
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        council = form.instance
        if council.kind == Council.Kind.LOCAL and council.is_active:
            local_council_saved.send(sender=Council, council=council)
        for formset in formsets:
            if formset.model is Membership:
                _sync_groups_of(_membership_users(formset))


# --- People -----------------------------------------------------------------------------------


class PersonMembershipFormSet(BaseInlineFormSet):
    """A secretariat's person keeps at least one seat in its district."""

    scope_district_id: int | None = None  # set per request; None for superusers

    def clean(self):
        super().clean()
        if self.scope_district_id is None or any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form not in self.deleted_forms
            and form.cleaned_data.get("council") is not None
            and form.cleaned_data["council"].district_id == self.scope_district_id
        ]
        if not kept:
            raise ValidationError(
                gettext(
                    "Giv personen mindst én plads i et råd i din politikreds. Skal personen helt "
                    "ud, så slet personen."
                )
            )


class PersonMembershipInline(ScopedInlineMixin, TabularInline):
    model = Membership
    district_path = "council__district"
    formset = PersonMembershipFormSet
    fields = ["council", "role", "title", "organisation"]
    extra = 1
    show_change_link = True
    verbose_name_plural = _("pladser i råd")


class PersonForm(ScopedModelForm):
    class Meta:
        model = Person
        fields = "__all__"


@admin.register(Person)
class PersonAdmin(PortalHistoryAdmin):
    """Council members. Only what the job needs; the work e-mail is never shown publicly."""

    district_path = "memberships__council__district"
    form = PersonForm
    inlines = [PersonMembershipInline]
    list_display = ["name", "title", "organisation", "seats", "has_login"]
    list_filter = [("memberships__council", RelatedOnly), "memberships__role"]
    search_fields = ["name", "title", "organisation", "email"]
    fields = ["name", "title", "organisation", "email", "user"]
    deleted_with_object = (Membership._meta.get_field("person"),)
    delete_guard_help = _(
        "En person med pladser i en anden politikreds kan kun slettes af landsadministratoren."
    )

    @admin.display(description=_("pladser"))
    def seats(self, obj):
        return ", ".join(
            f"{membership.council} ({membership.get_role_display().lower()})"
            for membership in obj.memberships.all()
        )

    def get_queryset(self, request):
        seats = Membership.objects.select_related("council")
        return super().get_queryset(request).prefetch_related(Prefetch("memberships", seats))

    @admin.display(description=_("login"), boolean=True)
    def has_login(self, obj):
        return obj.user_id is not None

    def get_readonly_fields(self, request, obj=None):
        # Linking a login is the national administrator's job.
        return [] if request.user.is_superuser else ["user"]

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        scope = self.district_scope(request)
        if not scope.every:
            elsewhere = Membership.objects.filter(person__in=objs).exclude(
                council__district_id=scope.district_id
            )
            protected += [
                f"{capfirst(Membership._meta.verbose_name)}: {membership}"
                for membership in elsewhere.select_related("person", "council")
            ]
        return deleted, model_count, perms_needed, protected

    @transaction.atomic
    def delete_model(self, request, obj):
        user = obj.user
        obj.memberships.all().delete()
        super().delete_model(request, obj)
        _sync_groups_of([user])

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for person in queryset:
            self.delete_model(request, person)

    @transaction.atomic
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        _sync_groups_of([form.instance.user])


@admin.register(Membership)
class MembershipAdmin(PortalHistoryAdmin):
    """Every seat of the district's councils, with its history. Seats are added and removed on
    the council's or the person's page, where the rules for a person's last seat apply."""

    district_path = "council__district"
    list_display = ["holder", "council", "role", "title", "organisation"]
    list_filter = [("council", RelatedOnly), "role"]
    search_fields = ["person__name", "council__name", "title", "organisation"]
    list_select_related = ["person", "council"]
    fields = ["person", "council", "role", "title", "organisation", "order"]
    readonly_fields = ["person", "council"]
    actions = None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("person eller funktion"), ordering="person__name")
    def holder(self, obj):
        return obj.holder

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _sync_groups_of([obj.person.user] if obj.person_id else [])


# --- The secretariat's staff functions --------------------------------------------------------


@admin.register(StaffFunction)
class StaffFunctionAdmin(PortalHistoryAdmin):
    """The district secretariat's staff functions and their tasks, shown on the district page
    and in the plan's organisation appendix."""

    fixed_once_saved = ("district",)
    list_display = ["name", "district", "order"]
    list_filter = [("district", RelatedOnly)]
    search_fields = ["name", "tasks"]
    list_select_related = ["district"]
    ordering = ["district__name", "order", "name"]
    fields = ["district", "name", "tasks", "order"]
