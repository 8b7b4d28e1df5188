"""The plan's workflow steps, each confirmed on a page of its own: approve (optional), publish
or revise, supersede. One set of forms and rules for both places that show the pages, the
admin (`plans.admin_actions`) and the secretariat's workspace (`plans.views.workspace_workflow`).

Each step has a form, the plan states it is allowed in, what its page shows (`context`) and the
service call that performs it (`plans.publishing`). `confirm` binds the form and performs the
step; the caller only decides who may and where to go afterwards. A step's page is
``plans/workflow/<step>.html``, which extends the layout the caller passes as ``layout``.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from base.limits import EARLIEST_DATE, limit_date_input

from . import publishing
from .forms import DanishDateField, DateInput
from .models import Activity, Plan, PlanVersion
from .snapshot import build_snapshot

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
    template = "plans/workflow/approve.html"
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
    template = "plans/workflow/publish.html"
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
    template = "plans/workflow/supersede.html"
    allowed_statuses = (Plan.Status.PUBLISHED,)
    form_class = SupersedeForm

    def context(self, plan):
        return {"version_count": plan.versions.count()}

    def perform(self, *, plan, data, user):
        publishing.supersede_plan(plan=plan, user=user)
        return _("Planen for %(period)s er markeret som afløst.") % {"period": plan.period_label}


STEPS = {step.name: step for step in (Approve(), Publish(), Supersede())}


# --- Confirming a step -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    form: forms.Form  # to show (again): the initial values, or the user's input with errors
    message: str | None = None  # the success message once the step is performed


def confirm(step: Step, *, plan: Plan, data=None, user) -> Outcome:
    """The step's form for `plan`: unbound with its initial values when `data` is None, else
    bound and, when valid, performed. A refusal by the service comes back as errors on the
    form, with the user's input and the plan as it is now."""
    form_kwargs = step.form_kwargs(plan)
    if data is None:
        return Outcome(form=step.form_class(initial=step.initial(plan), **form_kwargs))
    form = step.form_class(data, **form_kwargs)
    if not form.is_valid():
        return Outcome(form=form)
    try:
        message = step.perform(plan=plan, data=form.cleaned_data, user=user)
    except ValidationError as error:
        plan.refresh_from_db()
        form = step.rebind(form, plan)
        _add_errors(form, error)
        return Outcome(form=form)
    return Outcome(form=form, message=message)


def page_context(step: Step, *, plan: Plan, form: forms.Form) -> dict:
    """What every step's page shows, wherever it is shown."""
    return {
        "title": step.title,
        "plan": plan,
        "form": form,
        "step": step.name,
        "step_allowed": plan.status in step.allowed_statuses,
        **step.context(plan),
    }


def allowed_steps(plan: Plan) -> list[str]:
    """The names of the steps the plan's state allows, in the workflow's order."""
    return [name for name, step in STEPS.items() if plan.status in step.allowed_statuses]


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """Put the service's errors on the form's fields where it has them, else on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
