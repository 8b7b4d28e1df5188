"""The secretariat's start page (/sekretariat/): the district's plans with their state and
what to do with them, the reporting round, and the way to the rest of the district's data.

Secretariat staff see their own district; a superuser picks one (``?kreds=``), as on the
reporting-round pages (`access.chosen_district`).
"""

import base64
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import copying, docx_import, reporting, workflow
from ..forms import DocxMappingForm, DocxUploadForm, NextPeriodForm
from ..models import Period, Plan, PlanVersion, ReportingRound
from ..workspace_forms import NewPlanForm
from .access import (
    allowed_districts,
    chosen_district,
    district_page_url,
    secretariat_required,
)
from .members import add_service_error


@dataclass(frozen=True)
class PlanRow:
    plan: Plan
    latest: PlanVersion | None  # the newest published version, if any

    @property
    def is_public(self) -> bool:
        return self.latest is not None

    @property
    def edited_since_publication(self) -> bool:
        """Saved after its latest version was published: the draft holds unpublished changes."""
        return self.latest is not None and self.plan.updated_at > self.latest.created_at

    @property
    def steps(self) -> list[str]:
        """The workflow steps the plan's state allows ("approve", "publish", "supersede")."""
        return workflow.allowed_steps(self.plan)


@dataclass(frozen=True)
class RoundState:
    reporting_round: ReportingRound
    councils: int
    reported: int


def plan_rows(district) -> list[PlanRow]:
    plans = (
        Plan.objects.for_district(district)
        .select_related("district")
        .prefetch_related(
            Prefetch("versions", queryset=PlanVersion.objects.defer("snapshot"), to_attr="all")
        )
        .order_by("-period_start", "-period_end")
    )
    return [PlanRow(plan=plan, latest=plan.all[0] if plan.all else None) for plan in plans]


def open_round_state(district) -> RoundState | None:
    reporting_round = (
        ReportingRound.objects.filter(district=district, closed_at__isnull=True)
        .select_related("plan")
        .order_by("-opened_on")
        .first()
    )
    if reporting_round is None:
        return None
    progress = reporting.round_completeness(reporting_round)
    return RoundState(
        reporting_round=reporting_round,
        councils=len(progress),
        reported=sum(1 for row in progress if row.has_reported),
    )


@require_safe
@secretariat_required
def home(request):
    district = chosen_district(request, request.GET)
    context = {"districts": allowed_districts(request.user), "district": district}
    if district is not None:
        context.update(
            {
                "plans": plan_rows(district),
                "open_round": open_round_state(district),
                "new_plan_form": NewPlanForm(district=district),
            }
        )
    return render(request, "workspace/home.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def next_period(request, pk):
    """ "Ny plan for næste periode": a new draft with this plan's content and no history."""
    plan = get_object_or_404(
        Plan.objects.managed_by(request.user).select_related("district"), pk=pk
    )
    suggested = copying.next_period(plan)
    form = NextPeriodForm(
        request.POST or None,
        initial={"period_start": suggested.start, "period_end": suggested.end},
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = copying.copy_for_next_period(plan=plan, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Kladden %(title)s %(period)s er oprettet. Kopieret fra %(old)s: %(what)s.")
                % {
                    "title": result.plan.title,
                    "period": result.plan.period_label,
                    "old": plan.period_label,
                    "what": result.summary(),
                },
            )
            return redirect(district_page_url("workspace:home", request.user, plan.district))
    return render(
        request,
        "workspace/next_period.html",
        {
            "plan": plan,
            "form": form,
            "counts": copying.counts_to_copy(plan),
            "back": district_page_url("workspace:home", request.user, plan.district),
        },
    )


# The Word import between its two pages: the parsed document in the session, its images in a
# folder of their own (plans/docx_import.py).
IMPORT_SESSION_KEY = "docx_import"


def _forget_import(request) -> None:
    state = request.session.pop(IMPORT_SESSION_KEY, None)
    if state:
        docx_import.discard(state["id"])


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def import_docx(request):
    """ "Importér fra Word", step 1: the plan's Word file, title and years. The district's
    secretariat; a superuser with ``?kreds=``."""
    # The superuser's district: the form's hidden field, or the address it was posted to.
    source = request.POST if "kreds" in request.POST else request.GET
    district = chosen_district(request, source)
    if district is None:
        return redirect("workspace:home")
    form = DocxUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        taken = Plan.objects.filter(
            district=district, period_start=data["period_start"], period_end=data["period_end"]
        ).exists()
        if taken:
            form.add_error(
                "period_end",
                _("Kredsen har allerede en samarbejdsplan for %(period)s.")
                % {"period": Period(data["period_start"], data["period_end"]).label},
            )
        else:
            try:
                read = docx_import.read_docx(data["file"])
            except ValidationError as error:
                form.add_error("file", error)
            else:
                _forget_import(request)
                docx_import.discard_stale()
                import_id = docx_import.new_import_id()
                docx_import.store_images(import_id, read.image_files, read.document)
                title = data["title"].strip()
                if title == "Samarbejdsplan" and read.document.suggested_title():
                    title = read.document.suggested_title()
                request.session[IMPORT_SESSION_KEY] = {
                    "id": import_id,
                    "district": district.pk,
                    "title": title,
                    "period_start": data["period_start"],
                    "period_end": data["period_end"],
                    "document": read.document.as_dict(),
                }
                return redirect("workspace:import_docx_map")
    return render(
        request,
        "workspace/import_upload.html",
        {
            "form": form,
            "district": district,
            "back": district_page_url("workspace:home", request.user, district),
        },
    )


def _thumbnails(import_id: str, document) -> dict[int, str]:
    """Each usable image as a small data: URI, so that the user sees what to describe."""
    found = {}
    for image in document.images:
        if not image.extension:
            continue
        try:
            data = docx_import.image_bytes(import_id, image, thumbnail=True)
        except OSError:
            continue
        found[image.number] = "data:image/jpeg;base64," + base64.b64encode(data).decode()
    return found


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def import_docx_map(request):
    """ "Importér fra Word", step 2: what each heading becomes; then the draft is created. The
    secretariat that uploaded the file (the import lives in its session)."""
    state = request.session.get(IMPORT_SESSION_KEY)
    if not state:
        messages.info(request, _("Vælg først den Word-fil, du vil importere."))
        return redirect("workspace:import_docx")
    district = get_object_or_404(allowed_districts(request.user), pk=state["district"])
    home = district_page_url("workspace:home", request.user, district)
    if request.method == "POST" and "cancel" in request.POST:
        _forget_import(request)
        messages.info(request, _("Importen er annulleret. Der er ikke oprettet noget."))
        return redirect(home)
    document = docx_import.ImportedDocument.from_dict(state["document"])
    form = DocxMappingForm(
        request.POST or None,
        document=document,
        initial={
            "title": state["title"],
            "period_start": state["period_start"],
            "period_end": state["period_end"],
            "import_id": state["id"],
        },
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["import_id"] != state["id"]:
            form.add_error(
                None,
                _(
                    "Siden hører til en anden import end den, du senest har startet. Der er "
                    "ikke oprettet noget; se valgene herunder efter, og opret kladden igen."
                ),
            )
        else:
            try:
                result = docx_import.create_plan(
                    district=district, document=document, import_id=state["id"], **form.choices()
                )
            except ValidationError as error:
                add_service_error(form, error)
            except OSError:
                form.add_error(
                    None,
                    _(
                        "Word-filens billeder er ikke længere gemt (en import gemmes i et døgn). "
                        "Der er ikke oprettet noget; indlæs filen igen."
                    ),
                )
            else:
                _forget_import(request)
                messages.success(
                    request,
                    _("Kladden %(title)s %(period)s er oprettet fra Word-filen: %(what)s.")
                    % {
                        "title": result.plan.title,
                        "period": result.plan.period_label,
                        "what": result.summary(),
                    },
                )
                return redirect(home)
    return render(
        request,
        "workspace/import_map.html",
        {
            "form": form,
            "district": district,
            "rows": form.part_rows(_thumbnails(state["id"], document)),
            "back": home,
            "upload": district_page_url("workspace:import_docx", request.user, district),
        },
    )
