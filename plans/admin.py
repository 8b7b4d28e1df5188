"""The secretariat's admin for plans: one whole plan edited from one place.

Pages (under /admin/plans/):
    plan/                 plans: fields, goals, sections, focus-area groups, focus areas, annual
                          cycle and attachments on one page; the publishing steps
                          (plans/admin_actions.py) as actions
    plansection/          a section with its figures
    focusarea/            a focus area with its goals per party and its activities
    focusareagroup/       the plan's groups of focus areas (also inline on the plan)
    activity/, annualcycleentry/, sectionfigure/, planattachment/
                          each row alone too (for its change history)
    assignment/, statusupdate/, reportinground/, planversion/, workflowevent/
                          read only: status is reported on the member pages, rounds are run on
                          the reporting-round pages, versions and events come from publishing

Who: staff with the model permissions (the Sekretariat group) see their own district only,
superusers every district (see base/admin.py). Saving an activity gives every responsible
council its assignment (`plans.services.sync_assignments`). Figures and attachments are checked
by their content on upload (base/uploads.py); a bad file is a Danish error next to the field.
"""

from adminsortable2.admin import CustomInlineFormSet
from django import forms
from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from base.admin import (
    InlineRevisionLockedForm,
    PortalAdmin,
    PortalHistoryAdmin,
    PortalSortableHistoryAdmin,
    ReadOnlyAdminMixin,
    ReadOnlyInlineMixin,
    RevisionLockedAdminMixin,
    RevisionLockedForm,
    RevisionLockedInlineMixin,
    ScopedInlineMixin,
    SortableStackedInline,
    SortableTabularInline,
    TabularInline,
)
from base.text import MONTH_CHOICES, danish_date, quarter_name

from . import publishing
from .admin_actions import PUBLISHING_ACTIONS, PublishingAdminMixin
from .forms import ActivityActorsForm
from .models import (
    MAX_GROUP_SECTION_LEVEL,
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanAttachment,
    PlanSection,
    PlanVersion,
    ReportingRound,
    SectionFigure,
    StatusUpdate,
    WorkflowEvent,
)
from .outline import build_outline
from .services import first_group, sync_assignments, sync_focus_area_assignments
from .tasks import version_pdf_problem

QUARTERS = [(number, lazy(quarter_name, str)(number)) for number in range(1, 5)]
RelatedOnly = admin.RelatedOnlyFieldListFilter


def _public_url(obj) -> str | None:
    """The public page of a published plan, once the public site has one."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return None


def _pdf_problem(version) -> str:
    """Why a published version's PDF is missing, to follow its date in a list; "" when stored."""
    problem = version_pdf_problem(version)
    return "; " + _("PDF'en mangler: %(why)s") % {"why": problem} if problem else ""


def _admin_link(obj, text) -> str:
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text)


# --- Inlines -------------------------------------------------------------------------------


# --- The outline: sections under sections, groups placed in sections ------------------------


def plan_outline(plan_id) -> list:
    """The stored sections of a plan in document order, as `plans.outline.SectionNode`s (with
    their number, "1.2", and level)."""
    if plan_id is None:
        return []
    rows = PlanSection.objects.filter(plan_id=plan_id).values("id", "parent", "order", "title")
    return build_outline(list(rows), []).sections()


def _below(node) -> set:
    found = set()
    for child in node.children:
        found |= {child.id, *_below(child)}
    return found


def outline_choices(formfield, plan_id, *, section=None, max_level=None) -> None:
    """A section field's choices: the plan's saved sections in document order, each shown as
    "1.2 Titel", without `section` itself and the sections below it, and none deeper than
    `max_level`. No plan known yet: no choices."""
    if formfield is None:
        return
    nodes = plan_outline(plan_id)
    excluded = set()
    if section is not None and section.pk is not None:
        for node in nodes:
            if node.id == section.pk:
                excluded = {node.id, *_below(node)}
    allowed = [
        node
        for node in nodes
        if node.id not in excluded and (max_level is None or node.level <= max_level)
    ]
    labels = {node.id: f"{node.number} {node.section['title']}" for node in allowed}
    order = {node.id: index for index, node in enumerate(allowed)}
    # In document order, not the queryset's: the numbering then reads as the outline.
    formfield.iterator = _ordered_iterator(order)
    formfield.label_from_instance = lambda obj: labels.get(obj.pk, obj.title)
    formfield.queryset = formfield.queryset.filter(pk__in=labels)  # also sets the choices


def _ordered_iterator(order: dict):
    class Iterator(forms.models.ModelChoiceIterator):
        def __iter__(self):
            if self.field.empty_label is not None:
                yield ("", self.field.empty_label)
            for obj in sorted(self.queryset, key=lambda obj: order.get(obj.pk, len(order))):
                yield self.choice(obj)

    return Iterator


def outline_place(section) -> str:
    """Where a saved section stands in its plan's outline: "1.2, underafsnit af »…«"."""
    if section is None or section.pk is None:
        return "–"
    nodes = {node.id: node for node in plan_outline(section.plan_id)}
    node = nodes.get(section.pk)
    if node is None:
        return "–"
    if node.level == 1:
        return _("%(number)s, kapitel") % {"number": node.number}
    return _("%(number)s, underafsnit af »%(parent)s«") % {
        "number": node.number,
        "parent": nodes[section.parent_id].section["title"],
    }


class PlanSectionFormSet(CustomInlineFormSet):
    """A plan's sections: each row's parent chosen among the plan's other saved sections, and
    the outline as it will be saved checked as a whole (two rows moved under each other in one
    save would make a cycle that neither row shows alone)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        outline_choices(form.fields.get("parent"), self.instance.pk, section=form.instance)

    def clean(self):
        super().clean()
        if self.instance.pk is None:
            return
        parents = dict(
            PlanSection.objects.filter(plan=self.instance).values_list("pk", "parent_id")
        )
        deleted = set()
        for form in self.forms:
            pk = form.instance.pk
            if pk is None or not hasattr(form, "cleaned_data"):
                continue
            if form.cleaned_data.get("DELETE"):
                deleted.add(pk)
            elif "parent" in form.cleaned_data:
                parent = form.cleaned_data["parent"]
                parents[pk] = parent.pk if parent else None
        for form in self.forms:
            pk = form.instance.pk
            if pk in deleted:
                # The admin itself refuses to delete a section with sub-sections or groups,
                # naming them (they are RESTRICTed).
                continue
            if not hasattr(form, "cleaned_data") or form.errors.get("parent"):
                continue
            parent = form.cleaned_data.get("parent")
            if parent is None:
                continue
            if problem := form.instance.parent_problem(parent, parents=parents):
                form.add_error("parent", problem)


class PlanSectionInline(RevisionLockedInlineMixin, ScopedInlineMixin, SortableStackedInline):
    """The plan's sections in document order (drag or »Op«/»Ned«), each under its parent."""

    model = PlanSection
    formset = PlanSectionFormSet
    district_path = "plan__district"
    fields = ["title", "place", "parent", "body", "figures_link"]
    readonly_fields = ["place", "figures_link"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True

    @admin.display(description=_("placering i planen"))
    def place(self, obj):
        return outline_place(obj)

    @admin.display(description=_("figurer"))
    def figures_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Gem planen først; derefter tilføjer du figurer på afsnittets side.")
        count = obj.figures.count()
        text = ngettext(
            "%(count)s figur – rediger på afsnittets side",
            "%(count)s figurer – tilføj eller rediger dem på afsnittets side",
            count,
        ) % {"count": count}
        return _admin_link(obj, text)


def _image_summary(figure) -> str:
    if figure is None or not figure.image:
        return "–"
    kind = "JPEG" if figure.image.name.lower().endswith((".jpg", ".jpeg")) else "PNG"
    return f"{kind}, {figure.width} × {figure.height} punkter"


class SectionFigureInline(ScopedInlineMixin, SortableStackedInline):
    model = SectionFigure
    district_path = "section__plan__district"
    fields = ["image", "image_summary", "alt_text", "caption"]
    readonly_fields = ["image_summary"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}
    }

    @admin.display(description=_("gemt billede"))
    def image_summary(self, obj):
        return _image_summary(obj)


def _attachment_summary(attachment) -> str:
    if attachment is None or not attachment.file:
        return "–"
    return f"PDF, {filesizeformat(attachment.size)}"


class PlanAttachmentInline(ScopedInlineMixin, SortableTabularInline):
    model = PlanAttachment
    district_path = "plan__district"
    fields = ["title", "file", "file_summary"]
    readonly_fields = ["file_summary"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True

    @admin.display(description=_("gemt fil"))
    def file_summary(self, obj):
        return _attachment_summary(obj)


class FocusAreaFormMixin:
    """A focus area's lokalråd: only in a local group, at least one there, of the plan's own
    district (the choices already are). The model checks its group and rank."""

    def clean(self):
        cleaned_data = super().clean()
        group = cleaned_data.get("group") or self.instance_group()
        councils = list(cleaned_data.get("councils") or [])
        if group is None or "councils" not in self.fields:
            return cleaned_data
        if group.is_local and not councils:
            self.add_error("councils", _("Vælg de lokalråd, der har valgt området."))
        elif councils:
            self.instance.group = group
            if problem := self.instance.councils_problem(councils):
                self.add_error(None, problem)
        return cleaned_data

    def instance_group(self):
        return self.instance.group if self.instance.group_id else None


class FocusAreaForm(FocusAreaFormMixin, RevisionLockedForm):
    pass


class InlineFocusAreaForm(FocusAreaFormMixin, InlineRevisionLockedForm):
    pass


class GoalInline(ScopedInlineMixin, SortableTabularInline):
    """A focus area's goals per party, in order."""

    model = Goal
    fk_name = "focus_area"
    district_path = "plan__district"
    fields = ["party", "text"]
    ordering = ["order", "pk"]
    extra = 1
    verbose_name = _("mål")
    verbose_name_plural = _("mål for parterne (politiet, kommunerne, fælles)")
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}
    }


class PlanGoalInline(GoalInline):
    """The plan's own goals per party (its front matter), in order."""

    fk_name = "plan"
    verbose_name_plural = _("planens mål for parterne (politiet, kommunerne, fælles)")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(focus_area__isnull=True)


class FocusAreaGroupFormSet(CustomInlineFormSet):
    """A group is placed in one of the plan's chapters or sub-sections (or in none)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        outline_choices(
            form.fields.get("section"), self.instance.pk, max_level=MAX_GROUP_SECTION_LEVEL
        )


class FocusAreaGroupInline(ScopedInlineMixin, SortableTabularInline):
    model = FocusAreaGroup
    formset = FocusAreaGroupFormSet
    district_path = "plan__district"
    fields = ["heading", "kind", "ranked", "section"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True


def plan_groups_only(formfield, plan) -> None:
    """The group choices of a focus area: its plan's own groups (the model checks it too)."""
    if formfield is not None and plan is not None and plan.pk is not None:
        formfield.queryset = formfield.queryset.filter(plan=plan)


class FocusAreaInline(RevisionLockedInlineMixin, ScopedInlineMixin, SortableStackedInline):
    model = FocusArea
    form = InlineFocusAreaForm
    district_path = "plan__district"
    fields = [
        "title",
        ("group", "rank"),
        "councils",
        "background",
        "ambition",
        "activities_link",
    ]
    readonly_fields = ["activities_link"]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        group = formset.form.base_fields.get("group")
        plan_groups_only(group, obj)
        if group is not None and (obj is None or not obj.focus_area_groups.exists()):
            # A new plan has no groups to choose from yet: its areas go in a first group
            # (PlanAdmin.save_formset), which can be renamed or split afterwards.
            group.required = False
            group.help_text = _(
                "Planen har ingen grupper endnu; områderne kommer i gruppen "
                "»Indsatsområder«, som du kan omdøbe, når planen er gemt."
            )
        return formset

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "councils":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("aktiviteter"))
    def activities_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Gem planen først; derefter tilføjer du aktiviteterne på områdets side.")
        count = obj.activities.count()
        text = ngettext(
            "%(count)s aktivitet – rediger på områdets side",
            "%(count)s aktiviteter – rediger dem på områdets side",
            count,
        ) % {"count": count}
        return _admin_link(obj, text)


class MonthQuarterFieldsMixin:
    """Month and quarter as Danish choices rather than bare numbers; "–" for none, as an empty
    value reads everywhere."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"month", "quarter"}:
            choices = MONTH_CHOICES if db_field.name == "month" else QUARTERS
            return forms.TypedChoiceField(
                label=db_field.verbose_name,
                choices=[("", "–"), *choices],
                coerce=int,
                empty_value=None,
                required=False,
            )
        if db_field.name == "undated":
            return forms.ChoiceField(
                label=db_field.verbose_name,
                choices=[("", "–"), *AnnualCycleEntry.Undated.choices],
                required=False,
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


# An entry of the annual cycle as a row: the plan's inline here and the workspace's form.
CYCLE_ENTRY_FIELDS = [
    "kind",
    "title",
    "month",
    "quarter",
    "undated",
    "before_period",
    "council",
    "description",
]


class AnnualCycleEntryInline(MonthQuarterFieldsMixin, ScopedInlineMixin, SortableTabularInline):
    model = AnnualCycleEntry
    district_path = "plan__district"
    fields = CYCLE_ENTRY_FIELDS
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}
    }


ACTOR_FIELDS = [
    ("police", "police_unit"),
    "municipalities",
    ("district_council", "secretariat"),
    "forum",
    "all_local_councils",
    "responsible_councils",
]
ACTORS_HELP = _(
    "Vælg mindst én. Lokalråd og lokalråd+ indberetter selv status på aktiviteten; for "
    "politiet, kommunerne, kredsrådet, sekretariatet og et forum indberetter sekretariatet."
)


class ActivityAdminForm(ActivityActorsForm, RevisionLockedForm):
    pass


class ActivityInlineForm(ActivityActorsForm, InlineRevisionLockedForm):
    pass


class ActivityActorWidgetsMixin:
    """Kommuner and lokalråd as checkboxes (only the plan's district's are offered)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in {"responsible_councils", "municipalities"}:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ActivityInline(
    ActivityActorWidgetsMixin,
    RevisionLockedInlineMixin,
    ScopedInlineMixin,
    SortableStackedInline,
):
    model = Activity
    form = ActivityInlineForm
    district_path = "focus_area__plan__district"
    # "order" is the sortable inline's hidden field: with fieldsets it must be named.
    fieldsets = [
        (None, {"fields": ["text", "timing", "order"]}),
        (_("Ansvarlige"), {"fields": ACTOR_FIELDS, "description": ACTORS_HELP}),
    ]
    ordering = ["order", "pk"]
    extra = 1
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class AssignmentStatusInline(ReadOnlyInlineMixin, ScopedInlineMixin, TabularInline):
    model = Assignment
    district_path = "activity__focus_area__plan__district"
    fields = ["council", "status", "status_date"]
    verbose_name_plural = _("opgaver og deres seneste status")


class StatusUpdateInline(ReadOnlyInlineMixin, ScopedInlineMixin, TabularInline):
    model = StatusUpdate
    district_path = "assignment__activity__focus_area__plan__district"
    fields = ["date", "status", "public_text", "internal_note", "author", "reporting_round"]
    verbose_name_plural = _("statusopdateringer (nyeste først)")


# --- Plans, sections, focus areas, activities ---------------------------------------------------


@admin.register(Plan)
class PlanAdmin(RevisionLockedAdminMixin, PublishingAdminMixin, PortalSortableHistoryAdmin):
    """A whole plan on one page: front matter, sections, focus areas, annual cycle."""

    district_path = "district"
    # The publishing steps each open a confirmation page (plans/admin_actions.py).
    actions = ["delete_selected", *PUBLISHING_ACTIONS]
    inlines = [
        PlanSectionInline,
        PlanGoalInline,
        FocusAreaGroupInline,
        FocusAreaInline,
        AnnualCycleEntryInline,
        PlanAttachmentInline,
    ]
    list_display = ["title", "period", "district", "status", "effective_date", "updated_at"]
    list_filter = ["status", ("district", RelatedOnly), "period_start"]
    search_fields = ["title", "district__name"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["district", "title", ("period_start", "period_end"), "status"]}),
        (
            _("Forside"),
            {
                "fields": ["subtitle", "issuer"],
                "description": _(
                    "Når de er udfyldt, står de på forsiden (web og PDF) i stedet for "
                    "portalens faste undertitel."
                ),
            },
        ),
        (_("Forord og fælles mål"), {"fields": ["foreword", "shared_goals"]}),
        (_("Underskrift"), {"fields": [("signatory_name", "signatory_title")]}),
        (
            _("Kontakt for borgerne"),
            {
                "fields": ["contact_name", ("contact_email", "contact_phone")],
                "description": _(
                    "Står på kredsens side ved den gældende plan. En rettelse vises straks, "
                    "uden at planen udgives igen."
                ),
            },
        ),
        (
            _("Godkendelse og udgivelse"),
            {
                "fields": [
                    ("council_treatment", "approval_meeting_date"),
                    "effective_date",
                    "versions_summary",
                ],
                "description": _(
                    "Status, »gælder fra« og udgivelsesdatoerne sættes af handlingerne "
                    "»Godkendt eller drøftet i kredsrådet«, »Offentliggør eller revidér« og "
                    "»Markér som afløst« i listen over planer; datoerne kan ligge tilbage i tiden, "
                    "når en ældre plan føres ind med sin historik. Kredsrådets behandling kan "
                    "også rettes her; borgerne ser rettelsen, når planen udgives igen."
                ),
            },
        ),
        (_("Oplysninger"), {"fields": [("created_at", "updated_at")]}),
    ]
    deleted_with_object = (WorkflowEvent._meta.get_field("plan"),)
    derived_models = (Assignment,)
    delete_guard_help = _(
        "En offentliggjort plan skal forblive offentlig, og en plan med statusrunder eller "
        "statusopdateringer bevarer sin historik. Brug i stedet »Markér som afløst«, når en ny "
        "plan træder i stedet."
    )

    @admin.display(description=_("periode"), ordering="period_start")
    def period(self, obj):
        return obj.period_label

    @admin.display(description=_("udgivne versioner"))
    def versions_summary(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        versions = list(obj.versions.order_by("number"))
        if not versions:
            return _("Ingen endnu.")
        return format_html(
            "{}",
            ", ".join(
                f"v{version.number} ({danish_date(version.published_on)}{_pdf_problem(version)})"
                for version in versions
            ),
        )

    def get_readonly_fields(self, request, obj=None):
        fields = [
            "status",
            "effective_date",
            "versions_summary",
            "created_at",
            "updated_at",
        ]
        if obj is not None:
            fields.append("district")  # a plan never moves to another district
        return fields

    def view_on_site(self, obj):
        if obj.status in {Plan.Status.PUBLISHED, Plan.Status.SUPERSEDED}:
            return _public_url(obj)
        return None

    def save_formset(self, request, form, formset, change):
        if formset.model is FocusArea:
            ungrouped = [
                f.instance
                for f in formset.forms
                if f.has_changed() and not f.instance.group_id and f not in formset.deleted_forms
            ]
            if ungrouped:
                group = first_group(form.instance)
                for area in ungrouped:
                    area.group = group
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for formset in formsets:
            if formset.model is FocusArea:
                saved = [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]
                for area in saved:
                    sync_focus_area_assignments(focus_area=area)

    def delete_model(self, request, obj):
        publishing.delete_plan(plan=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for plan in queryset:
            publishing.delete_plan(plan=plan, user=request.user)


@admin.register(PlanSection)
class PlanSectionAdmin(RevisionLockedAdminMixin, PortalSortableHistoryAdmin):
    """A section with its figures, in order."""

    district_path = "plan__district"
    inlines = [SectionFigureInline]
    fixed_once_saved = ("plan",)
    list_display = ["title", "plan", "place", "order"]
    list_filter = [("plan__district", RelatedOnly), ("plan", RelatedOnly)]
    search_fields = ["title", "plan__title"]
    fields = ["plan", "title", "place", "parent", "body"]
    readonly_fields = ["place"]
    ordering = ["plan", "order", "pk"]
    delete_guard_help = _(
        "Et afsnit med underafsnit eller med grupper af indsatsområder kan ikke slettes. Flyt "
        "først underafsnittene og grupperne til et andet afsnit."
    )

    @admin.display(description=_("placering i planen"))
    def place(self, obj):
        return outline_place(obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            outline_choices(form_class.base_fields.get("parent"), obj.plan_id, section=obj)
        return form_class


@admin.register(FocusAreaGroup)
class FocusAreaGroupAdmin(PortalSortableHistoryAdmin):
    """A group of a plan's focus areas, with the areas in it."""

    district_path = "plan__district"
    fixed_once_saved = ("plan",)
    list_display = ["heading", "plan", "kind", "ranked", "section", "order"]
    list_filter = [("plan__district", RelatedOnly), ("plan", RelatedOnly), "kind"]
    search_fields = ["heading", "plan__title"]
    fields = ["plan", "heading", "kind", "ranked", "section", "order"]
    ordering = ["plan", "order", "pk"]
    delete_guard_help = _(
        "En gruppe med indsatsområder kan ikke slettes. Flyt først områderne til en anden gruppe."
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            outline_choices(
                form_class.base_fields.get("section"),
                obj.plan_id,
                max_level=MAX_GROUP_SECTION_LEVEL,
            )
        return form_class


@admin.register(FocusArea)
class FocusAreaAdmin(RevisionLockedAdminMixin, PortalSortableHistoryAdmin):
    """A focus area with its goals per party and its activities, in order."""

    form = FocusAreaForm
    district_path = "plan__district"
    inlines = [GoalInline, ActivityInline]
    fixed_once_saved = ("plan",)
    list_display = ["title", "plan", "group", "rank", "order"]
    list_filter = [
        ("plan__district", RelatedOnly),
        ("plan", RelatedOnly),
        "group__kind",
    ]
    list_select_related = ["plan__district", "group"]
    search_fields = ["title", "ambition", "plan__title"]
    ordering = ["plan", "order", "pk"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["plan", "title", ("group", "rank"), "councils"]}),
        (_("Indhold"), {"fields": ["background", "ambition"]}),
    ]
    derived_models = (Assignment,)
    delete_guard_help = _(
        "Et indsatsområde, hvis aktiviteter har statusopdateringer, bevarer sin historik. Ret "
        "i stedet områdets tekst, eller fjern det, når planen revideres."
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        plan_groups_only(form_class.base_fields.get("group"), obj.plan if obj else None)
        return form_class

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "councils":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Its lokalråd or its group may have changed: every activity's assignments follow.
        sync_focus_area_assignments(focus_area=form.instance)


@admin.register(Activity)
class ActivityAdmin(ActivityActorWidgetsMixin, RevisionLockedAdminMixin, PortalHistoryAdmin):
    """An activity on its own page; also shows its assignments and their latest status."""

    district_path = "focus_area__plan__district"
    form = ActivityAdminForm
    inlines = [AssignmentStatusInline]
    list_display = ["short_text", "focus_area", "actors", "timing", "order"]
    list_filter = [
        ("focus_area__plan__district", RelatedOnly),
        ("focus_area__plan", RelatedOnly),
        "police",
        "district_council",
        "secretariat",
        "all_local_councils",
    ]
    search_fields = ["text", "timing", "police_unit", "focus_area__title"]
    ordering = ["focus_area__plan", "focus_area__order", "order", "pk"]
    fieldsets = [
        (None, {"fields": ["focus_area", "text", "timing", "order"]}),
        (_("Ansvarlige"), {"fields": ACTOR_FIELDS, "description": ACTORS_HELP}),
    ]
    derived_models = (Assignment,)
    delete_guard_help = _(
        "En aktivitet med statusopdateringer bevarer sin historik. Markér den i stedet som "
        "aflyst i næste statusrunde, eller ret teksten."
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("forum")
            .prefetch_related("municipalities", "responsible_councils")
        )

    @admin.display(description=_("aktivitet"), ordering="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description=_("ansvarlige"))
    def actors(self, obj):
        return obj.actors_display

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_assignments(activity=form.instance)


@admin.register(AnnualCycleEntry)
class AnnualCycleEntryAdmin(MonthQuarterFieldsMixin, PortalHistoryAdmin):
    district_path = "plan__district"
    fixed_once_saved = ("plan",)
    list_display = ["title", "plan", "kind", "month", "quarter", "undated", "before_period"]
    list_filter = [("plan__district", RelatedOnly), ("plan", RelatedOnly), "kind"]
    search_fields = ["title", "description"]
    fields = [
        "plan",
        "kind",
        "title",
        "description",
        ("month", "quarter", "undated"),
        "before_period",
        "council",
        "order",
    ]
    ordering = ["plan", "order", "pk"]


@admin.register(SectionFigure)
class SectionFigureAdmin(PortalHistoryAdmin):
    """A figure alone (for its change history); usually edited on its section's page."""

    district_path = "section__plan__district"
    fixed_once_saved = ("section",)
    list_display = ["caption", "section", "image_summary", "order"]
    list_filter = [("section__plan__district", RelatedOnly), ("section__plan", RelatedOnly)]
    search_fields = ["caption", "alt_text", "section__title"]
    fields = ["section", "image", "image_summary", "alt_text", "caption", "order"]
    readonly_fields = ["image_summary"]
    ordering = ["section__plan", "section__order", "order", "pk"]

    @admin.display(description=_("gemt billede"))
    def image_summary(self, obj):
        return _image_summary(obj)


@admin.register(PlanAttachment)
class PlanAttachmentAdmin(PortalHistoryAdmin):
    """An attachment alone (for its change history); usually edited on its plan's page."""

    district_path = "plan__district"
    fixed_once_saved = ("plan",)
    list_display = ["title", "plan", "file_summary", "order"]
    list_filter = [("plan__district", RelatedOnly), ("plan", RelatedOnly)]
    search_fields = ["title", "plan__title"]
    fields = ["plan", "title", "file", "file_summary", "order"]
    readonly_fields = ["file_summary"]
    ordering = ["plan", "order", "pk"]

    @admin.display(description=_("gemt fil"))
    def file_summary(self, obj):
        return _attachment_summary(obj)


# --- Reporting: read only here ------------------------------------------------------------------


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdminMixin, PortalAdmin):
    """An activity as it falls to one council, with its status history (append-only)."""

    district_path = "activity__focus_area__plan__district"
    inlines = [StatusUpdateInline]
    list_display = ["activity", "council", "status", "status_date"]
    list_filter = [
        ("activity__focus_area__plan", RelatedOnly),
        ("council", RelatedOnly),
        "status",
    ]
    search_fields = ["activity__text", "council__name"]
    list_select_related = ["activity", "council"]
    fields = ["activity", "council", "status", "status_date"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ReadOnlyAdminMixin, PortalAdmin):
    """Status updates are appended on the member pages and never changed or deleted."""

    district_path = "assignment__activity__focus_area__plan__district"
    list_display = ["assignment", "status", "date", "author", "reporting_round", "created_at"]
    list_filter = [
        "status",
        ("reporting_round", RelatedOnly),
        ("assignment__council", RelatedOnly),
        "date",
    ]
    search_fields = ["public_text", "internal_note", "assignment__activity__text"]
    list_select_related = [
        "assignment__activity",
        "assignment__council",
        "author",
        "reporting_round",
    ]
    date_hierarchy = "date"
    fields = [
        "assignment",
        "status",
        "date",
        "public_text",
        "internal_note",
        "author",
        "reporting_round",
        "created_at",
    ]


@admin.register(ReportingRound)
class ReportingRoundAdmin(ReadOnlyAdminMixin, PortalHistoryAdmin):
    """Rounds are opened, reminded and closed on the reporting-round pages; listed here."""

    list_display = ["name", "district", "plan", "opened_on", "deadline", "is_open"]
    list_filter = [("district", RelatedOnly), "opened_on"]
    search_fields = ["name", "plan__title"]
    fields = [
        "name",
        "district",
        "plan",
        "opened_on",
        "deadline",
        "closed_at",
        "created_by",
        "round_page",
    ]
    readonly_fields = ["round_page"]

    @admin.display(description=_("åben"), boolean=True)
    def is_open(self, obj):
        return obj.is_open

    @admin.display(description=_("statusrundens side"))
    def round_page(self, obj):
        """Where the round is followed up, reminded and closed."""
        try:
            url = reverse("rounds:detail", args=[obj.pk])
        except NoReverseMatch:
            return "–"
        return format_html('<a href="{}">{}</a>', url, _("Følg op, påmind og luk runden"))


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdminMixin, PortalAdmin):
    """Published versions are frozen; citizens read them."""

    district_path = "plan__district"
    list_display = ["plan", "number", "published_on", "published_by", "has_pdf"]
    list_filter = [("plan__district", RelatedOnly), ("plan", RelatedOnly), "published_on"]
    search_fields = ["plan__title", "revision_note"]
    fields = [
        "plan",
        "number",
        "published_on",
        "published_by",
        "revision_note",
        "content_summary",
        "pdf",
        "pdf_problem",
        "created_at",
    ]
    readonly_fields = ["content_summary", "pdf_problem"]

    @admin.display(description=_("PDF"), boolean=True)
    def has_pdf(self, obj):
        return bool(obj.pdf)

    @admin.display(description=_("PDF-fil"))
    def pdf_problem(self, obj):
        problem = version_pdf_problem(obj)
        return _("mangler: %(why)s") % {"why": problem} if problem else _("gemt")

    @admin.display(description=_("indhold"))
    def content_summary(self, obj):
        snapshot = obj.snapshot or {}
        areas = snapshot.get("focus_areas", [])
        activities = sum(len(area.get("activities", [])) for area in areas)
        return _("%(sections)s afsnit, %(areas)s indsatsområder, %(activities)s aktiviteter") % {
            "sections": len(snapshot.get("sections", [])),
            "areas": len(areas),
            "activities": activities,
        }


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(ReadOnlyAdminMixin, PortalAdmin):
    """Who approved, published, revised or superseded a plan, and when."""

    district_path = "plan__district"
    list_display = ["plan", "step", "at", "by"]
    list_filter = [("plan__district", RelatedOnly), "step", "at"]
    search_fields = ["plan__title", "note"]
    fields = ["plan", "step", "at", "by", "note"]
