"""What every admin page of the secretariat shares: district scoping, optimistic locking, delete
guards, sortable inlines with keyboard buttons, and the change history in Danish.

District scoping. A staff user with a `SecretariatStaff` row (`user.secretariat`) sees and
changes only that district's rows; a superuser sees every district; any other staff user sees no
district-bound row at all. Each ModelAdmin and inline declares the path from its model to the
district (`district_path = "focus_area__plan__district"`, `"pk"` for the district itself), and
`DistrictScopedMixin` applies it to change lists, change forms (another district's object is a
404), relation choices (also inside inlines, and narrowed to the edited object's own district),
autocomplete (it uses the target admin's queryset), search, actions and history. A form refuses
to save an object into another district.

The rule itself (who manages which district) is written once, in councils:
`councils.models.ManagedDistricts`, the one behind `PoliceDistrict.objects.managed_by`. base may
not import councils, so councils hands it down at startup (`use_district_rule`).

Optimistic locking (`base.locking`). The forms of a `RevisionedModel` get a hidden
`loaded_revision` field: a save whose loaded revision is no longer current is refused with a
Danish message and the user's input kept; a successful save counts the revision on with
`claim_revision`'s conditional UPDATE. Only public Django API: form clean/save, save_model,
change_view, `transaction.atomic` and `select_for_update`.
"""

import datetime
from dataclasses import dataclass

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import NestedObjects, unquote
from django.core.exceptions import (
    FieldDoesNotExist,
    ImproperlyConfigured,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db import router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from base import locking
from base.limits import with_max_chars_help
from base.locking import RevisionConflict
from base.text import danish_slugify

# --- Which district a row belongs to ----------------------------------------------------------

SELF = "pk"  # district_path of PoliceDistrict itself


def _path_is_multi_valued(model, path: str) -> bool:
    if path == SELF:
        return False
    for part in path.split("__"):
        field = model._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def filter_by_district(queryset, path: str, district_id: int):
    """Rows of `queryset` that belong to the district, following `path` from its model."""
    lookup = "pk" if path == SELF else f"{path}__pk"
    model = queryset.model
    if _path_is_multi_valued(model, path):
        owned = model._default_manager.filter(**{lookup: district_id}).values("pk")
        return queryset.filter(pk__in=owned)
    return queryset.filter(**{lookup: district_id})


def district_id_of(instance, path: str) -> int | None:
    """The district id of a (possibly unsaved) instance, or None if it cannot be told yet."""
    if path == SELF:
        return instance.pk
    *hops, last = path.split("__")
    target = instance
    try:
        for hop in hops:
            target = getattr(target, hop)
            if target is None:
                return None
    except ObjectDoesNotExist:
        return None
    return getattr(target, f"{last}_id", None)


def district_path_for(admin_site, model) -> str | None:
    """The district path the admin registered for `model` declares, if any."""
    try:
        model_admin = admin_site.get_model_admin(model)
    except NotRegistered:
        return None
    return getattr(model_admin, "district_path", None)


def _no_district_rule(user):
    raise ImproperlyConfigured(
        "No rule for which district a user may manage: base.admin.use_district_rule was not "
        "called (councils calls it in CouncilsConfig.ready)."
    )


_district_rule = _no_district_rule


def use_district_rule(rule) -> None:
    """Scope the admin by `rule(user)`, which answers `(every, district_id)`: every district,
    else the one with that id, else (False, None) none. Called once at startup by
    `CouncilsConfig.ready` with `councils.models.ManagedDistricts.of`."""
    global _district_rule
    _district_rule = rule


@dataclass(frozen=True)
class DistrictScope:
    """The districts a user may see in the admin: every one, exactly one, or none."""

    every: bool = False
    district_id: int | None = None

    @classmethod
    def for_user(cls, user) -> "DistrictScope":
        every, district_id = _district_rule(user)
        return cls(every=every, district_id=district_id)

    def restrict(self, queryset, path: str):
        if self.every:
            return queryset
        if self.district_id is None:
            return queryset.none()
        return filter_by_district(queryset, path, self.district_id)


def district_scope(request) -> DistrictScope:
    scope = getattr(request, "_portal_district_scope", None)
    if scope is None:
        scope = DistrictScope.for_user(request.user)
        request._portal_district_scope = scope
    return scope


# --- Forms --------------------------------------------------------------------------------------


class ScopedModelForm(forms.ModelForm):
    """Refuses to save an object into a district other than the user's.

    The choices of every relation are already limited to the user's district; this is the last
    check on the object as it would be saved, so no path (a forged POST, a new relation) slips.
    """

    district_path: str | None = None  # set per request by the admin
    allowed_district_id: int | None = None

    def clean(self):
        cleaned_data = super().clean()
        path = self.district_path
        if self.allowed_district_id is None or path is None:
            return cleaned_data
        if _path_is_multi_valued(type(self.instance), path):
            return cleaned_data
        district_id = self.district_id_as_saved(cleaned_data)
        if district_id is not None and district_id != self.allowed_district_id:
            self.add_error(
                None,
                ValidationError(
                    _("Du kan kun gemme oplysninger i din egen politikreds."),
                    code="other_district",
                ),
            )
        return cleaned_data

    def district_id_as_saved(self, cleaned_data) -> int | None:
        """The district of the object as saving this form would leave it: the first step of
        the path (its plan, focus area …) from the form's input where the form sets it, else
        the object's own."""
        path = self.district_path
        anchor, _separator, rest = path.partition("__")
        if path == SELF or anchor not in cleaned_data:
            return district_id_of(self.instance, path)
        target = cleaned_data[anchor]
        if target is None:
            return None
        return district_id_of(target, rest) if rest else target.pk


class SlugFromNameForm(ScopedModelForm):
    """The slug is made from the name when left empty (æ, ø, å spelt the Danish way)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Udfyldes ud fra navnet, hvis du lader det stå tomt.")

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and cleaned_data.get("name"):
            cleaned_data["slug"] = danish_slugify(cleaned_data["name"])
        return cleaned_data


class LoadedRevisionField(forms.IntegerField):
    """The revision the user loaded; never counts as a change the user made."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


CONFLICT_MESSAGE = _(
    "%(name)s »%(object)s« er ændret af en anden, mens du redigerede. Dine ændringer er ikke "
    "gemt; de står stadig i formularen. Se under »Historik«, hvad der er ændret, og gem igen, "
    "hvis dine ændringer skal gælde alligevel."
)


def refuse_if_moved_on(form, owner) -> None:
    """When `owner` (the row a form's revision is locked on) was saved by someone else after the
    form was loaded: the conflict message, and the current revision carried from now on, so that
    saving the kept input again is a deliberate overwrite, after the user has seen the message."""
    current = locking.locked_revision(owner)
    if current is None or form.cleaned_data.get("loaded_revision") == current:
        return
    form.add_error(
        None,
        ValidationError(
            CONFLICT_MESSAGE,
            code="revision_conflict",
            params={"name": capfirst(owner._meta.verbose_name), "object": owner},
        ),
    )
    locking.carry_revision(form, "loaded_revision", current)


class RevisionLockedForm(ScopedModelForm):
    """Optimistic locking on a `RevisionedModel` (see `base.locking`).

    The form carries the revision the user loaded. Validation compares it with the row (locked
    for the transaction where the database can); saving claims the row's next revision only if
    it is still the loaded one, so two saves of the same revision cannot both win.
    """

    loaded_revision = LoadedRevisionField(
        label=_("indlæst redigeringsnummer"), required=False, min_value=0
    )
    # The main form is saved even when unchanged (and would overwrite), an inline row only when
    # changed, so an unchanged row is not checked.
    check_when_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._revision_claimed = False
        if self.instance.pk is not None:
            self.fields["loaded_revision"].initial = self.instance.revision

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        if not (self.check_when_unchanged or self.has_changed()):
            return cleaned_data
        refuse_if_moved_on(self, self.instance)
        return cleaned_data

    def claim_revision(self) -> None:
        """Count the row's revision on from the loaded one; RevisionConflict if it moved."""
        if self.instance.pk is None or self._revision_claimed:
            return
        locking.claim_revision(self.instance, self.cleaned_data.get("loaded_revision"))
        self._revision_claimed = True

    def save(self, commit=True):
        # The admin saves its main form with commit=False before it knows whether the inlines
        # are valid; it claims the revision in save_model. Inline rows are saved with commit.
        if commit:
            self.claim_revision()
        return super().save(commit=commit)


class InlineRevisionLockedForm(RevisionLockedForm):
    check_when_unchanged = False


def _with_field(fieldsets, name: str):
    """The fieldsets with `name` added to the first one (hidden fields render hidden)."""
    fieldsets = [(title, dict(options)) for title, options in fieldsets]
    if not fieldsets:
        return [(None, {"fields": [name]})]
    title, options = fieldsets[0]
    fields = list(options.get("fields", ()))
    if name not in fields:
        fields.append(name)
    options["fields"] = fields
    return fieldsets


# --- Scoping ----------------------------------------------------------------------------------


class DistrictScopedMixin:
    """District scoping for a ModelAdmin or an inline; see the module docstring."""

    district_path = "district"
    form = ScopedModelForm

    def district_scope(self, request) -> DistrictScope:
        return district_scope(request)

    def get_queryset(self, request):
        return self.district_scope(request).restrict(
            super().get_queryset(request), self.district_path
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Every text field says how long it may be (the limit itself is the model's)."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        max_length = getattr(formfield, "max_length", None)
        if isinstance(formfield, forms.CharField) and max_length:
            formfield.help_text = with_max_chars_help(formfield.help_text, max_length)
        return formfield

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        if queryset is None:
            queryset = db_field.remote_field.model._default_manager.using(db).all()
        return self.restrict_choices(request, queryset)

    def restrict_choices(self, request, queryset):
        """Choices of a relation: only the user's district. User accounts: superusers only."""
        scope = self.district_scope(request)
        path = district_path_for(self.admin_site, queryset.model)
        if path is None:
            return queryset if scope.every else queryset.none()
        return scope.restrict(queryset, path)

    def narrow_form_to_district(self, request, form_class, district_id: int | None):
        """Bind the form class (made per request) to the user's and the object's district."""
        scope = self.district_scope(request)
        if issubclass(form_class, ScopedModelForm):
            form_class.district_path = self.district_path
            form_class.allowed_district_id = None if scope.every else scope.district_id
        if district_id is None:
            return form_class
        for field in form_class.base_fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            path = district_path_for(self.admin_site, queryset.model)
            if path is not None:
                field.queryset = filter_by_district(queryset, path, district_id)
        return form_class


class ScopedInlineMixin(DistrictScopedMixin):
    """An inline's choices come from its parent's district, and its formset knows the user's
    district (`scope_district_id`; None for a superuser) for rules across its rows."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        parent_district = None
        if obj is not None and obj.pk is not None:
            parent_path = district_path_for(self.admin_site, type(obj))
            if parent_path is not None and not _path_is_multi_valued(type(obj), parent_path):
                parent_district = district_id_of(obj, parent_path)
        self.narrow_form_to_district(request, formset.form, parent_district)
        scope = self.district_scope(request)
        formset.scope_district_id = None if scope.every else scope.district_id
        return formset


class ReadOnlyAdminMixin:
    """Shown, never added, changed or deleted in the admin."""

    actions = None

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInlineMixin(ReadOnlyAdminMixin):
    """An inline that shows rows and never adds, changes or deletes them."""

    extra = 0
    can_delete = False


class RevisionLockedInlineMixin:
    """Optimistic locking for the rows of an inline."""

    form = InlineRevisionLockedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj) or self.has_add_permission(request, obj):
            return _with_field(fieldsets, "loaded_revision")
        return fieldsets


# --- Sortable inlines --------------------------------------------------------------------------


class SortableInlineMixin(SortableInlineAdminMixin):
    """Drag (django-admin-sortable2) or the »Op«/»Ned« buttons (keyboard) to reorder rows."""


class SortableStackedInline(SortableInlineMixin, admin.StackedInline):
    template = "admin/base/edit_inline/sortable_stacked.html"


class SortableTabularInline(SortableInlineMixin, admin.TabularInline):
    template = "admin/base/edit_inline/sortable_tabular.html"


class TabularInline(admin.TabularInline):
    """Django's tabular inline with an accessible name on every cell's field."""

    template = "admin/base/edit_inline/tabular.html"


class PortalSortableAdminBase(SortableAdminBase):
    """SortableAdminBase (needed by sortable inlines) with Django's own actions.js.

    adminsortable2's `media` swaps actions.js for a patched copy named after the Django version,
    which it ships for 6.0 but not 6.1 (a missing file is a 500 under the manifest storage); the
    patch matters only on change lists sorted by dragging, and the portal has none. So its
    `media` is left out: the admin's own, plus adminsortable2's stylesheet and script.
    """

    @property
    def media(self):
        sortable = forms.Media(
            css={"all": ["adminsortable2/css/sortable.css"]},
            js=["adminsortable2/js/adminsortable2{}.js".format("" if settings.DEBUG else ".min")],
        )
        # super(SortableAdminBase, …): the next class after adminsortable2's, i.e. the admin's.
        return super(SortableAdminBase, self).media + sortable


# NestedObjects is undocumented, but the delete pages' nested list has no public equivalent.
class _DeletionCollector(NestedObjects):
    """Django's admin collector, skipping relations the admin deletes first itself."""

    def __init__(self, *args, deleted_first=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.deleted_first = deleted_first

    def related_objects(self, related_model, related_fields, objs):
        if any((related_model, field.name) in self.deleted_first for field in related_fields):
            return related_model._default_manager.none()
        return super().related_objects(related_model, related_fields, objs)


# --- The base admin -------------------------------------------------------------------------


class PortalAdminMixin(DistrictScopedMixin):
    """Scoping, guarded deletes, Danish texts and the portal's admin assets."""

    actions = ["delete_selected"]
    list_per_page = 50
    delete_confirmation_max_display = 25
    delete_confirmation_template = "admin/base/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/base/delete_selected_confirmation.html"
    # What to do instead of deleting, shown when a delete is refused (Danish).
    delete_guard_help = ""
    # Models derived from this one (assignments): they go with it, though nobody may delete
    # them alone.
    derived_models: tuple = ()
    # Foreign keys (e.g. `WorkflowEvent._meta.get_field("plan")`) whose rows this admin's
    # delete_model removes before the object, so their PROTECT does not refuse the delete.
    deleted_with_object: tuple = ()
    # Fields chosen when the object is made and shown read only after (its plan, its district).
    fixed_once_saved: tuple = ()

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["admin-portal/admin.css"]},
            js=[forms.Script("admin-portal/admin.js", defer=True)],
        )

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, *self.fixed_once_saved] if obj is not None else fields

    def get_changeform_initial_data(self, request):
        """A new object with a district of its own starts in the user's district."""
        initial = super().get_changeform_initial_data(request)
        scope = self.district_scope(request)
        if self.district_path == "district" and scope.district_id is not None:
            initial.setdefault("district", scope.district_id)
        return initial

    # Objects outside the user's district do not exist for them.

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(gettext("Siden findes ikke."))
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if change and obj is not None:
            form_class = self.with_anchor_validated(request, obj, form_class)
        district_id = None
        if obj is not None and not _path_is_multi_valued(self.model, self.district_path):
            district_id = district_id_of(obj, self.district_path)
        return self.narrow_form_to_district(request, form_class, district_id)

    def with_anchor_validated(self, request, obj, form_class):
        """The change form with the object's anchor (the first step of `district_path`: its
        district, plan …) on it as a disabled field where the admin shows the anchor read only.

        Django leaves a read-only field off the form and so out of the model's validation: a
        unique constraint that includes it (a council's short name in its district, a plan's
        period in its district) would fail on saving instead of giving a form error. A disabled
        field is validated with the rest and always keeps the object's own value, whatever is
        posted; the admin still shows it read only, as one of `get_readonly_fields`.
        """
        anchor = self.district_path.split("__")[0]
        if (
            self.district_path == SELF
            or anchor in form_class.base_fields
            or not issubclass(form_class, ScopedModelForm)
            or not self.has_change_permission(request, obj)
        ):
            return form_class
        try:
            field = self.model._meta.get_field(anchor)
        except FieldDoesNotExist:
            return form_class
        if not (field.concrete and field.editable) or field.many_to_many:
            return form_class
        fields = getattr(form_class.Meta, "fields", None)
        if fields not in (None, "__all__") and anchor not in fields:
            fields = [*fields, anchor]
        exclude = [
            name for name in getattr(form_class.Meta, "exclude", None) or () if name != anchor
        ]
        form_class = forms.modelform_factory(
            self.model, form=form_class, fields=fields, exclude=exclude
        )
        form_class.base_fields[anchor].disabled = True
        return form_class

    # Guarded deletes: Danish explanations instead of a 500.

    def get_deleted_objects(self, objs, request):
        """What deleting `objs` would delete, and what protects them (Django's, plus the
        relations in `deleted_with_object` and `derived_models`)."""
        objs = list(objs)
        if not objs:
            return [], {}, set(), []
        collector = _DeletionCollector(
            using=router.db_for_write(self.model),
            origin=objs,
            deleted_first={(field.model, field.name) for field in self.deleted_with_object},
        )
        collector.collect(objs)
        for field in self.deleted_with_object:
            related = list(field.model._default_manager.filter(**{f"{field.name}__in": objs}))
            if related:
                collector.collect(related, source=self.model, source_attr=field.name)
        perms_needed = set()
        # Rows the delete takes along by design need no delete permission of their own.
        derived = {*self.derived_models, *(field.model for field in self.deleted_with_object)}

        def format_callback(obj, *, deleted=True):
            model = type(obj)
            opts = obj._meta
            text = f"{capfirst(opts.verbose_name)}: {obj}"
            if not self.admin_site.is_registered(model):
                return text
            if (
                deleted
                and model not in derived
                and not self.admin_site.get_model_admin(model).has_delete_permission(request, obj)
            ):
                perms_needed.add(opts.verbose_name)
            try:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[obj.pk],
                )
            except NoReverseMatch:
                return text
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        deleted = collector.nested(format_callback)
        protected = [format_callback(obj, deleted=False) for obj in collector.protected]
        model_count = {
            model._meta.verbose_name_plural: len(found)
            for model, found in collector.model_objs.items()
        }
        return deleted, model_count, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "delete_guard_help": self.delete_guard_help}
        try:
            return super().delete_view(request, object_id, extra_context)
        except (ProtectedError, RestrictedError, ValidationError) as error:
            self.message_user(request, self.delete_refused_message(error), messages.ERROR)
            opts = self.opts
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[object_id],
                )
            )

    @admin.action(permissions=["delete"], description=_("Slet valgte %(verbose_name_plural)s"))
    def delete_selected(self, request, queryset):
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                # Django's own action: named in its docs, importable only from its module.
                response = django_delete_selected(self, request, queryset)
        except (ProtectedError, RestrictedError, ValidationError) as error:
            self.message_user(request, self.delete_refused_message(error), messages.ERROR)
            return None
        if isinstance(response, TemplateResponse):
            response.context_data["delete_guard_help"] = self.delete_guard_help
        return response

    def delete_refused_message(self, error) -> str:
        if isinstance(error, ValidationError):
            reason = " ".join(error.messages)
        else:
            reason = gettext("Der er stadig oplysninger, som henviser til det, du ville slette.")
        return f"{gettext('Intet er slettet.')} {reason} {self.delete_guard_help}".strip()

    def view_on_site(self, obj):
        """A public page only where one exists (published plans, councils …)."""
        return None


class DanishHistoryContextHelper(HistoricalRecordContextHelper):
    """Values in the history as the forms show them: choice labels, Danish dates, »–« for none."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "–"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("ja") if value else gettext("nej")
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return date_format(value, "DATE_FORMAT")
        return value


class HistoryAdminMixin:
    """The django-simple-history history in Danish, scoped, without revert.

    Reverting an old version from the history would bypass the optimistic locking; the history
    shows who changed what and when, and each change before → after.
    """

    object_history_template = "admin/base/object_history.html"
    object_history_list_template = "admin/base/object_history_list.html"
    history_list_per_page = 50

    def get_urls(self):
        opts = self.model._meta
        revert = f"{opts.app_label}_{opts.model_name}_simple_history"
        return [url for url in super().get_urls() if getattr(url, "name", None) != revert]

    def history_view(self, request, object_id, extra_context=None):
        """Secretariat staff: their district's objects only (404 otherwise). A superuser also
        sees the history of deleted objects."""
        if not self.district_scope(request).every:
            # Undocumented, but it reads the id from the URL exactly as simple-history's view does.
            self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def history_view_title(self, request, obj):
        return gettext("Historik: %(object)s") % {"object": obj}

    def get_historical_record_context_helper(self, request, historical_record):
        return DanishHistoryContextHelper(
            self.model, historical_record, max_displayed_delta_change_chars=400
        )


class PortalAdmin(PortalAdminMixin, admin.ModelAdmin):
    """Base for models without a change history."""


class PortalHistoryAdmin(PortalAdminMixin, HistoryAdminMixin, SimpleHistoryAdmin):
    """Base for models with `history = HistoricalRecords()`."""


class PortalSortableHistoryAdmin(
    PortalAdminMixin, HistoryAdminMixin, PortalSortableAdminBase, SimpleHistoryAdmin
):
    """Base for models with a history whose change form has sortable inlines."""


class RevisionLockedAdminMixin:
    """Optimistic locking for the main form of a ModelAdmin (see `RevisionLockedForm`)."""

    form = RevisionLockedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        can_edit = (
            self.has_change_permission(request, obj)
            if obj is not None
            else self.has_add_permission(request)
        )
        return _with_field(fieldsets, "loaded_revision") if can_edit else fieldsets

    def save_model(self, request, obj, form, change):
        if change:
            form.claim_revision()
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method != "POST":
            return super().change_view(request, object_id, form_url, extra_context)
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return super().change_view(request, object_id, form_url, extra_context)
        except RevisionConflict:
            # Someone saved between our validation and our save (save_model or an inline row's
            # save could not claim the revision), and this transaction is rolled back.
            # Validating again sees their revision and shows the conflict in the form.
            return super().change_view(request, object_id, form_url, extra_context)
