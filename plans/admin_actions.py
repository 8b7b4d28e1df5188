"""Admin actions that move a plan through its life cycle, each via a confirmation page.

The actions (`approve_plans`, `publish_plans`, `supersede_plans`) take one selected plan to its
confirmation page; `PublishingAdminMixin` adds those pages to the plan's ModelAdmin:

    admin/plans/plan/<id>/godkend/        approve (optional): approved or discussed, and the
                                          kredsråd's meeting date when known
    admin/plans/plan/<id>/offentliggoer/  publish or revise: the date of publication/revision
                                          (today by default, never later), effective date,
                                          revision note and the revised sections/focus areas
                                          (detected ones pre-ticked)
    admin/plans/plan/<id>/afloes/         supersede

GET shows what will happen; POST performs it through `plans.publishing`. Who may: staff with
change permission on plans, for plans of their own secretariat's district (superusers: all).
Another district's plan is a 404.
"""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from base.limits import EARLIEST_DATE, limit_date_input

from . import publishing
from .forms import DanishDateField, DateInput
from .models import Activity, Plan, PlanVersion
from .snapshot import build_snapshot
from .views.access import district_page_url


def plans_for_user(user, queryset=None):
    """The plans a signed-in staff user may move through the workflow: those of the districts
    they manage (`Plan.objects.managed_by`: own secretariat's district; superusers every
    district; anyone else none)."""
    queryset = Plan.objects.all() if queryset is None else queryset
    return queryset.managed_by(user)


# --- Forms ----------------------------------------------------------------------------------


class ApproveForm(forms.Form):
    council_treatment = forms.ChoiceField(
        label=gettext_lazy("Kredsrådets behandling"),
        choices=[
            (value, label)
            for value, label in Plan.CouncilTreatment.choices
            if value != Plan.CouncilTreatment.NONE
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Vælg, om kredsrådet godkendte eller drøftede planen.")
        },
    )
    meeting_date = forms.DateField(
        label=gettext_lazy("Dato for kredsrådets møde"),
        help_text=gettext_lazy(
            "Mødet, hvor kredsrådet behandlede planen; for en ældre plan den rigtige dato. "
            "Lad feltet stå tomt, hvis datoen ikke kendes."
        ),
        widget=DateInput,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_date_input(self.fields["meeting_date"], EARLIEST_DATE, timezone.localdate())

    def clean_meeting_date(self):
        meeting_date = self.cleaned_data["meeting_date"]
        if meeting_date and (problem := publishing.meeting_date_problem(meeting_date)):
            raise problem
        return meeting_date


class PublishForm(forms.Form):
    version_number = forms.IntegerField(
        label=gettext_lazy("Versionsnummer"), widget=forms.HiddenInput, min_value=1
    )
    published_on = DanishDateField(
        label=gettext_lazy("Offentliggjort den"),
        help_text=gettext_lazy(
            "Dagen, planen blev offentliggjort. For en plan, der blev udgivet før portalen, "
            "den rigtige dato; den står på forsiden, i versionslisten og i de åbne data."
        ),
        error_messages={"required": gettext_lazy("Angiv datoen for offentliggørelsen.")},
    )
    effective_date = forms.DateField(
        label=gettext_lazy("Gælder fra"),
        widget=DateInput,
        error_messages={"required": gettext_lazy("Angiv den dato, planen gælder fra.")},
    )
    revision_note = forms.CharField(
        label=gettext_lazy("Revisionsnote"),
        help_text=gettext_lazy("Vises for borgerne ved versionen: hvad er ændret, og hvorfor."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
    changed_sections = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Reviderede afsnit"),
        help_text=gettext_lazy("De valgte afsnit får fodnoten »Afsnittet er revideret den …«."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    changed_focus_areas = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Reviderede indsatsområder"),
        help_text=gettext_lazy("Markér også et område, hvis dets aktiviteter er ændret."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan: Plan, is_revision: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        limit_date_input(self.fields["effective_date"], *plan.effective_date_bounds())
        limit_date_input(self.fields["published_on"], EARLIEST_DATE, timezone.localdate())
        if not is_revision:
            for name in ("revision_note", "changed_sections", "changed_focus_areas"):
                del self.fields[name]
            return
        self.fields["changed_sections"].choices = list(
            plan.sections.order_by("order", "pk").values_list("pk", "title")
        )
        self.fields["changed_focus_areas"].choices = list(
            plan.focus_areas.order_by("order", "pk").values_list("pk", "title")
        )
        self.fields["revision_note"].error_messages["required"] = _(
            "Skriv en revisionsnote, der fortæller borgerne, hvad der er ændret."
        )
        published_on = self.fields["published_on"]
        published_on.label = _("Revideret den")
        published_on.help_text = _(
            "Revisionens dato; de reviderede afsnit får fodnoten »Afsnittet er revideret den "
            "…« med denne dato. For en ældre revision: den rigtige dato."
        )
        published_on.error_messages["required"] = _("Angiv datoen for revisionen.")

    def clean_published_on(self):
        published_on = self.cleaned_data["published_on"]
        if problem := publishing.published_on_problem(self.plan, published_on):
            raise problem
        return published_on

    def clean_effective_date(self):
        effective_date = self.cleaned_data["effective_date"]
        if problem := publishing.effective_date_problem(self.plan, effective_date):
            raise problem
        return effective_date


class SupersedeForm(forms.Form):
    """Nothing to fill in: the page itself is the confirmation."""


# --- Steps ----------------------------------------------------------------------------------


class Step:
    """One workflow step: its form, its service call and what the page says."""

    name: str
    title: str
    template: str
    allowed_statuses: tuple[str, ...]
    form_class: type[forms.Form]

    def form_kwargs(self, plan: Plan) -> dict:
        return {}

    def initial(self, plan: Plan) -> dict:
        return {}

    def context(self, plan: Plan) -> dict:
        return {}

    def perform(self, *, plan: Plan, data: dict, user) -> str:
        """Run the service; return the success message."""
        raise NotImplementedError

    def rebind(self, form: forms.Form, plan: Plan) -> forms.Form:
        """The form to show again after the service refused: the user's input, current plan."""
        return form


class Approve(Step):
    name = "approve"
    title = gettext_lazy("Kredsrådets behandling af planen")
    template = "admin/plans/plan/approve_confirmation.html"
    allowed_statuses = (Plan.Status.DRAFT,)
    form_class = ApproveForm

    def initial(self, plan):
        return {
            "council_treatment": plan.council_treatment or Plan.CouncilTreatment.APPROVED,
            "meeting_date": plan.approval_meeting_date or timezone.localdate(),
        }

    def perform(self, *, plan, data, user):
        publishing.approve_plan(
            plan=plan,
            treatment=data["council_treatment"],
            meeting_date=data["meeting_date"],
            user=user,
        )
        return _("Planen for %(period)s er registreret: %(line)s.") % {
            "period": plan.period_label,
            "line": plan.approval_line.lower(),
        }


class Publish(Step):
    name = "publish"
    title = gettext_lazy("Offentliggør plan")
    template = "admin/plans/plan/publish_confirmation.html"
    allowed_statuses = (Plan.Status.DRAFT, Plan.Status.APPROVED, Plan.Status.PUBLISHED)
    form_class = PublishForm

    def form_kwargs(self, plan):
        return {"plan": plan, "is_revision": plan.status == Plan.Status.PUBLISHED}

    def initial(self, plan):
        number = _next_version_number(plan)
        if plan.status != Plan.Status.PUBLISHED:
            return {
                "version_number": number,
                "published_on": timezone.localdate(),
                "effective_date": plan.effective_date or timezone.localdate(),
            }
        sections, focus_areas = publishing.detect_changes(plan)
        return {
            "version_number": number,
            "published_on": timezone.localdate(),
            "effective_date": timezone.localdate(),
            "changed_sections": sections,
            "changed_focus_areas": focus_areas,
        }

    def context(self, plan):
        latest = plan.versions.order_by("-number").first()
        is_revision = plan.status == Plan.Status.PUBLISHED
        draft = PlanVersion(
            plan=plan, number=(latest.number + 1) if latest else 1, snapshot=build_snapshot(plan)
        )
        return {
            "is_revision": is_revision,
            "new_number": draft.number,
            "latest_version": latest,
            "diff": publishing.diff_versions(latest, draft) if latest and is_revision else None,
            "superseded_plan": (
                None
                if is_revision
                else Plan.objects.current()
                .filter(district_id=plan.district_id)
                .exclude(pk=plan.pk)
                .first()
            ),
            "counts": {
                "sections": plan.sections.count(),
                "focus_areas": plan.focus_areas.count(),
                "activities": Activity.objects.filter(focus_area__plan=plan).count(),
            },
        }

    @transaction.atomic
    def perform(self, *, plan, data, user):
        # The page promised version N; if someone published meanwhile, say so instead of
        # publishing N+1 on a page the user has not seen.
        Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk").get()
        if _next_version_number(plan) != data["version_number"]:
            raise ValidationError(
                _(
                    "Planen er blevet offentliggjort af en anden, mens siden var åben. "
                    "Siden viser nu den aktuelle version; kontrollér og bekræft igen."
                )
            )
        version = publishing.publish_plan(
            plan=plan,
            effective_date=data["effective_date"],
            published_on=data["published_on"],
            user=user,
            revision_note=data.get("revision_note", ""),
            changed_sections=data.get("changed_sections", ()),
            changed_focus_areas=data.get("changed_focus_areas", ()),
        )
        return _("Version %(number)s af planen for %(period)s er offentliggjort.") % {
            "number": version.number,
            "period": plan.period_label,
        }

    def rebind(self, form, plan):
        data = form.data.copy()
        data["version_number"] = str(_next_version_number(plan))
        fresh = self.form_class(data, **self.form_kwargs(plan))
        fresh.is_valid()
        return fresh


def _next_version_number(plan: Plan) -> int:
    return (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1


class Supersede(Step):
    name = "supersede"
    title = gettext_lazy("Markér plan som afløst")
    template = "admin/plans/plan/supersede_confirmation.html"
    allowed_statuses = (Plan.Status.PUBLISHED,)
    form_class = SupersedeForm

    def context(self, plan):
        return {"version_count": plan.versions.count()}

    def perform(self, *, plan, data, user):
        publishing.supersede_plan(plan=plan, user=user)
        return _("Planen for %(period)s er markeret som afløst.") % {"period": plan.period_label}


STEPS = {step.name: step for step in (Approve(), Publish(), Supersede())}
URL_PARTS = {"approve": "godkend", "publish": "offentliggoer", "supersede": "afloes"}


def url_name(model_admin, step_name: str) -> str:
    opts = model_admin.opts
    return f"{opts.app_label}_{opts.model_name}_{step_name}"


# --- The confirmation view ------------------------------------------------------------------


FROM = "fra"
FROM_WORKSPACE = "overblik"


def confirmation_view(request, object_id, *, model_admin, step: Step):
    """Secretariat staff of the plan's district (or a superuser): confirm and perform a step."""
    plan = get_object_or_404(
        plans_for_user(request.user, model_admin.get_queryset(request)), pk=object_id
    )
    if not model_admin.has_change_permission(request, plan):
        raise PermissionDenied
    form_kwargs = step.form_kwargs(plan)
    change_url = reverse(
        f"{model_admin.admin_site.name}:{url_name(model_admin, 'change')}", args=[plan.pk]
    )
    # Reached from the secretariat's start page: back there afterwards (a fixed place, so the
    # parameter cannot send anyone elsewhere).
    from_workspace = request.POST.get(FROM, request.GET.get(FROM)) == FROM_WORKSPACE
    back_url = (
        district_page_url("workspace:home", request.user, plan.district) if from_workspace else None
    )
    if request.method == "POST":
        form = step.form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                message = step.perform(plan=plan, data=form.cleaned_data, user=request.user)
            except ValidationError as error:
                plan.refresh_from_db()
                form = step.rebind(form, plan)
                _add_errors(form, error)
            else:
                model_admin.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(back_url or change_url)
    else:
        form = step.form_class(initial=step.initial(plan), **form_kwargs)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": step.title,
        "subtitle": str(plan),
        "plan": plan,
        "form": form,
        "step": step.name,
        "step_allowed": plan.status in step.allowed_statuses,
        "back_url": back_url or change_url,
        "from_workspace": from_workspace,
        **step.context(plan),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, step.template, context)


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """Put the service's errors on the form's fields where it has them, else on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def publishing_urls(model_admin) -> list:
    """URL patterns of the confirmation pages; put them before the ModelAdmin's own."""
    wrap = model_admin.admin_site.admin_view
    return [
        path(
            f"<int:object_id>/{URL_PARTS[name]}/",
            wrap(functools.partial(confirmation_view, model_admin=model_admin, step=step)),
            name=url_name(model_admin, name),
        )
        for name, step in STEPS.items()
    ]


class PublishingAdminMixin:
    """Adds the publishing confirmation pages to a `Plan` ModelAdmin."""

    def get_urls(self):
        return publishing_urls(self) + super().get_urls()


# --- Actions --------------------------------------------------------------------------------


def _to_confirmation(modeladmin, request, queryset, step_name: str):
    plans = list(plans_for_user(request.user, queryset)[:2])
    if len(plans) != 1:
        modeladmin.message_user(
            request,
            _("Vælg præcis én plan: hvert trin bekræftes for én plan ad gangen."),
            messages.WARNING,
        )
        return None
    return HttpResponseRedirect(
        reverse(
            f"{modeladmin.admin_site.name}:{url_name(modeladmin, step_name)}",
            args=[plans[0].pk],
        )
    )


@admin.action(
    description=gettext_lazy("Godkendt eller drøftet i kredsrådet …"), permissions=["change"]
)
def approve_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "approve")


@admin.action(description=gettext_lazy("Offentliggør eller revidér …"), permissions=["change"])
def publish_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "publish")


@admin.action(description=gettext_lazy("Markér som afløst …"), permissions=["change"])
def supersede_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "supersede")


PUBLISHING_ACTIONS = [approve_plans, publish_plans, supersede_plans]
