"""The secretariat's admin for the forum overview (Bilag 1).

Pages (under /admin/forums/):
    forum/   every field of the overview, the municipalities a forum covers and its interfaces
             to other forums and councils (check boxes of the district's own)

Who: staff with the model permissions (the Sekretariat group) see their own district only,
superusers every district (see base/admin.py). A forum that an activity names as responsible
cannot be deleted; it is made inactive instead.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from base.admin import PortalHistoryAdmin, SlugFromNameForm

from .models import Forum


class ForumForm(SlugFromNameForm):
    class Meta:
        model = Forum
        fields = "__all__"

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and self.instance in cleaned_data.get(
            "interface_forums", ()
        ):
            self.add_error(
                "interface_forums", _("Et forum kan ikke have en snitflade til sig selv.")
            )
        return cleaned_data


@admin.register(Forum)
class ForumAdmin(PortalHistoryAdmin):
    form = ForumForm
    fixed_once_saved = ("district",)
    list_display = ["name", "kind", "district", "meetings_display", "order", "is_active"]
    list_filter = ["kind", "is_active", ("district", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "topic", "purpose", "participants"]
    list_select_related = ["district"]
    fieldsets = [
        (None, {"fields": ["district", "name", "slug", "kind", "council", "order", "is_active"]}),
        (
            _("Dækning"),
            {
                "fields": ["municipalities"],
                "description": _("Vælg ingen kommuner, hvis forummet dækker hele politikredsen."),
            },
        ),
        (_("Indhold"), {"fields": ["topic", "legal_basis", "purpose", "action_plans"]}),
        (
            _("Snitflader"),
            {"fields": ["interface_forums", "interface_councils", "interfaces_text"]},
        ),
        (
            _("Deltagere og møder"),
            {"fields": ["participants", ("meetings_min", "meetings_text")]},
        ),
    ]
    delete_guard_help = _(
        "Et forum, som en aktivitet i en plan har som ansvarlig, kan ikke slettes. Gør det i "
        "stedet inaktivt: fjern fluebenet ved »aktiv«."
    )

    @admin.display(description=_("møder om året"))
    def meetings_display(self, obj):
        return obj.meetings_display

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A district has a few dozen forums, councils and municipalities at most: check boxes
        # are quicker to scan than a search box, accessible, and work without JavaScript.
        if db_field.name in {"municipalities", "interface_forums", "interface_councils"}:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"topic", "legal_basis", "purpose", "action_plans", "participants"}:
            formfield.widget.attrs.update({"rows": 3})
        return formfield
