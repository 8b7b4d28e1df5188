"""The rest of the plan in the workspace (/sekretariat/plan/<pk>/), beside the sections and
activities of `workspace_plan`: new focus areas, focus-area groups, goals (the plan's own and
each focus area's), the annual cycle, figures and attachments. Each is added, edited, moved and
deleted where it stands, the way sections and activities are: a form in place with htmx (a
page of its own without JavaScript), Danish errors next to the fields with the input kept,
optimistic locking (`plans.workspace_forms`), up/down buttons, and a delete that asks once and
is refused with the reason where the model names one.

After a save with htmx the block the part stands in is swapped in again (the focus area's, the
plan's goals, the annual cycle, the attachments, the section's); where the outline itself
changes (a new focus area, a group) the page is loaded again at the part.

Every view: the plan's district's secretariat and superusers (`Plan.objects.managed_by`); other
districts' secretariats 404, other signed-in users 403, anonymous users to the sign-in page.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import Truncator
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from base.locking import RevisionConflict

from .. import sections as outline_edits
from ..models import (
    AnnualCycleEntry,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanAttachment,
    PlanSection,
    SectionFigure,
)
from ..workspace_forms import (
    AttachmentForm,
    CycleEntryForm,
    FigureForm,
    GoalForm,
    GroupForm,
    NewFocusAreaForm,
)
from .access import secretariat_required
from .workspace_plan import (
    EDIT_METHODS,
    area_and_group,
    autofocus_first,
    base_context,
    managed_plan,
    plan_url,
    reload_at,
    requested_move,
    section_node,
    workspace_content,
)


def _short(text: str) -> str:
    return Truncator(text).chars(60)


def _block(request, plan: Plan, part):
    """The block a saved part stands in, rendered again for htmx (None: load the page)."""
    content = workspace_content(plan)
    context = {**base_context(plan), **content, "saved": True}
    if isinstance(part, Goal) and part.focus_area_id:
        area, group = area_and_group(content, part.focus_area_id)
        template, target = "workspace/plan/_area.html", f"indsatsomraade-{area['id']}"
        context |= {"area": area, "group": group}
    elif isinstance(part, Goal):
        template, target = "workspace/plan/_plan_goals.html", "planens-maal"
    elif isinstance(part, AnnualCycleEntry):
        template, target = "workspace/plan/_cycle.html", "aarshjul"
    elif isinstance(part, PlanAttachment):
        template, target = "workspace/plan/_attachments.html", "vedhaeftede-bilag"
    elif isinstance(part, SectionFigure):
        node = section_node(content, part.section_id)
        template, target = "workspace/plan/_section_part.html", f"afsnit-{node.id}-del"
        context |= {"node": node}
    else:
        return None
    response = render(request, template, context)
    return reswap(retarget(response, f"#{target}"), "outerHTML")


def _part_form(
    request,
    *,
    plan: Plan,
    form,
    title: str,
    anchor,
    cancel: str,
    submit_label: str,
    part_id: str = "",
    fields_template: str = "",
):
    """GET: the part's form (alone for htmx, else on a page); POST: save it (a new one last
    among the rows beside it) and answer with its block (htmx) or go back to the workspace at
    `anchor(part)`."""
    is_new = form.instance.pk is None
    if request.htmx and request.method != "POST":
        autofocus_first(form)
    if request.method == "POST" and form.is_valid():
        try:
            part = (
                outline_edits.add_part(form=form) if is_new else outline_edits.save_part(form=form)
            )
        except RevisionConflict:
            # Saved by someone else between validation and save: validating again explains it.
            form = type(form)(
                request.POST,
                request.FILES,
                instance=type(form.instance).objects.get(pk=form.instance.pk),
            )
            form.is_valid()
        else:
            url = plan_url(plan, anchor(part))
            if not request.htmx:
                return redirect(url)
            return _block(request, plan, part) or reload_at(plan, anchor(part))
    context = {
        **base_context(plan),
        "form": form,
        "action": request.path,
        "part_id": part_id,
        "cancel": cancel,
        "form_title": title,
        "is_new": is_new,
        "submit_label": submit_label,
        "fields_template": fields_template,
    }
    if request.htmx:
        return render(request, "workspace/plan/_edit_form.html", context)
    return render(request, "workspace/plan/edit.html", context)


def _move(request, plan: Plan, part, anchor: str):
    outline_edits.move_part(part=part, to=requested_move(request))
    return redirect(plan_url(plan, anchor))


def _delete(
    request, plan: Plan, part, *, what: str, quote: str, consequence: str, back: str, cancel: str
):
    """Ask once, then delete `part` and go back to the workspace at `back`; refused with the
    model's reason (`delete_problem`) where it names one."""
    problem_of = getattr(part, "delete_problem", None)
    problem = problem_of() if problem_of else ""
    if request.method == "POST" and not problem:
        try:
            outline_edits.delete_part(part=part)
        except ValidationError as error:  # changed meanwhile
            problem = " ".join(error.messages)
        else:
            return redirect(plan_url(plan, back))
    return render(
        request,
        "workspace/plan/part_delete.html",
        {
            **base_context(plan),
            "what": what,
            "quote": quote,
            "consequence": consequence,
            "problem": problem,
            "cancel": cancel,
        },
    )


# --- Focus areas ---------------------------------------------------------------------------


def _plan_area(plan: Plan, area_id: int) -> FocusArea:
    return get_object_or_404(
        FocusArea.objects.select_related("group", "plan"), plan=plan, pk=area_id
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def focus_area_add(request, pk, group_id):
    """A new focus area, last in its group."""
    plan = managed_plan(request, pk)
    group = get_object_or_404(FocusAreaGroup, plan=plan, pk=group_id)
    area = FocusArea(plan=plan, group=group)
    return _part_form(
        request,
        plan=plan,
        form=NewFocusAreaForm(request.POST or None, instance=area),
        title=f"Nyt indsatsområde i »{group.heading}«",
        anchor=lambda saved: f"indsatsomraade-{saved.pk}",
        cancel=plan_url(plan, f"gruppe-{group.pk}"),
        submit_label="Opret indsatsområdet",
    )


@require_POST
@secretariat_required
def focus_area_move(request, pk, area_id):
    """Move a focus area one place up or down in its group (``retning``: up/down)."""
    plan = managed_plan(request, pk)
    area = _plan_area(plan, area_id)
    return _move(request, plan, area, f"indsatsomraade-{area.pk}")


@require_http_methods(EDIT_METHODS)
@secretariat_required
def focus_area_delete(request, pk, area_id):
    """Ask once, then delete a focus area with its goals and activities; refused while status
    history hangs on one of its activities."""
    plan = managed_plan(request, pk)
    area = _plan_area(plan, area_id)
    activities = area.activities.count()
    consequence = "Indsatsområdet og dets mål"
    if activities:
        consequence += f", {activities} aktivitet{'er' if activities != 1 else ''}"
        consequence += " og lokalrådenes opgaver med dem"
    return _delete(
        request,
        plan,
        area,
        what=f"indsatsområdet »{area.title}«",
        quote="",
        consequence=f"{consequence} slettes fra kladden.",
        back=f"gruppe-{area.group_id}",
        cancel=plan_url(plan, f"indsatsomraade-{area.pk}"),
    )


# --- Focus-area groups ---------------------------------------------------------------------


def _plan_group(plan: Plan, group_id: int) -> FocusAreaGroup:
    return get_object_or_404(FocusAreaGroup.objects.select_related("plan"), plan=plan, pk=group_id)


def _group_form(request, plan: Plan, group: FocusAreaGroup):
    is_new = group.pk is None
    return _part_form(
        request,
        plan=plan,
        form=GroupForm(request.POST or None, instance=group),
        title="Ny gruppe af indsatsområder" if is_new else f"Gruppen »{group.heading}«",
        anchor=lambda saved: f"gruppe-{saved.pk}",
        cancel=plan_url(plan, "ny-gruppe" if is_new else f"gruppe-{group.pk}"),
        submit_label="Opret gruppen" if is_new else "Gem",
        part_id="" if is_new else f"gruppe-{group.pk}-del",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def group_add(request, pk):
    """A new focus-area group, last in the plan."""
    plan = managed_plan(request, pk)
    return _group_form(request, plan, FocusAreaGroup(plan=plan))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def group_edit(request, pk, group_id):
    """Edit a group's heading, type, ranking and place in the outline."""
    plan = managed_plan(request, pk)
    return _group_form(request, plan, _plan_group(plan, group_id))


@require_POST
@secretariat_required
def group_move(request, pk, group_id):
    """Move a group one place up or down among the plan's groups (``retning``: up/down)."""
    plan = managed_plan(request, pk)
    group = _plan_group(plan, group_id)
    return _move(request, plan, group, f"gruppe-{group.pk}")


@require_http_methods(EDIT_METHODS)
@secretariat_required
def group_delete(request, pk, group_id):
    """Ask once, then delete a group; refused while it holds focus areas."""
    plan = managed_plan(request, pk)
    group = _plan_group(plan, group_id)
    return _delete(
        request,
        plan,
        group,
        what=f"gruppen »{group.heading}«",
        quote="",
        consequence="Gruppen slettes fra kladden.",
        back="ny-gruppe",
        cancel=plan_url(plan, f"gruppe-{group.pk}"),
    )


# --- Goals -------------------------------------------------------------------------------


def _goal_anchor(goal: Goal) -> str:
    return f"maal-{goal.pk}"


def _goal_form(request, plan: Plan, goal: Goal):
    is_new = goal.pk is None
    where = f"»{goal.focus_area.title}«" if goal.focus_area_id else "planens mål"
    block = f"indsatsomraade-{goal.focus_area_id}" if goal.focus_area_id else "planens-maal"
    return _part_form(
        request,
        plan=plan,
        form=GoalForm(request.POST or None, instance=goal),
        title=f"Nyt mål under {where}" if is_new else f"Målet »{_short(goal.text)}« under {where}",
        anchor=_goal_anchor,
        cancel=plan_url(plan, block if is_new else _goal_anchor(goal)),
        submit_label="Opret målet" if is_new else "Gem",
        part_id="" if is_new else f"maal-{goal.pk}-del",
    )


def _plan_goal(plan: Plan, goal_id: int) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("plan", "focus_area"), plan=plan, pk=goal_id
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def goal_add(request, pk):
    """A new goal of the plan's own, last among them."""
    plan = managed_plan(request, pk)
    return _goal_form(request, plan, Goal(plan=plan))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def area_goal_add(request, pk, area_id):
    """A new goal of a focus area, last among its goals."""
    plan = managed_plan(request, pk)
    area = _plan_area(plan, area_id)
    return _goal_form(request, plan, Goal(plan=plan, focus_area=area))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def goal_edit(request, pk, goal_id):
    """Edit a goal's party and text in place."""
    plan = managed_plan(request, pk)
    return _goal_form(request, plan, _plan_goal(plan, goal_id))


@require_POST
@secretariat_required
def goal_move(request, pk, goal_id):
    """Move a goal one place up or down among its focus area's (or the plan's) goals."""
    plan = managed_plan(request, pk)
    goal = _plan_goal(plan, goal_id)
    return _move(request, plan, goal, _goal_anchor(goal))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def goal_delete(request, pk, goal_id):
    """Ask once, then delete a goal."""
    plan = managed_plan(request, pk)
    goal = _plan_goal(plan, goal_id)
    block = f"indsatsomraade-{goal.focus_area_id}" if goal.focus_area_id else "planens-maal"
    return _delete(
        request,
        plan,
        goal,
        what="målet",
        quote=goal.text,
        consequence="Målet slettes fra kladden.",
        back=block,
        cancel=plan_url(plan, _goal_anchor(goal)),
    )


# --- The annual cycle -----------------------------------------------------------------------


def _plan_entry(plan: Plan, entry_id: int) -> AnnualCycleEntry:
    return get_object_or_404(
        AnnualCycleEntry.objects.select_related("plan"), plan=plan, pk=entry_id
    )


def _cycle_form(request, plan: Plan, entry: AnnualCycleEntry):
    is_new = entry.pk is None
    return _part_form(
        request,
        plan=plan,
        form=CycleEntryForm(request.POST or None, instance=entry),
        title="Nyt punkt i årshjulet" if is_new else f"Årshjulets punkt »{entry.title}«",
        anchor=lambda saved: f"aarshjul-{saved.pk}",
        cancel=plan_url(plan, "aarshjul" if is_new else f"aarshjul-{entry.pk}"),
        submit_label="Opret punktet" if is_new else "Gem",
        part_id="" if is_new else f"aarshjul-{entry.pk}-del",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def cycle_add(request, pk):
    """A new entry of the annual cycle, last in it."""
    plan = managed_plan(request, pk)
    return _cycle_form(request, plan, AnnualCycleEntry(plan=plan))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def cycle_edit(request, pk, entry_id):
    """Edit an entry of the annual cycle in place."""
    plan = managed_plan(request, pk)
    return _cycle_form(request, plan, _plan_entry(plan, entry_id))


@require_POST
@secretariat_required
def cycle_move(request, pk, entry_id):
    """Move an entry one place up or down in the annual cycle (``retning``: up/down)."""
    plan = managed_plan(request, pk)
    entry = _plan_entry(plan, entry_id)
    return _move(request, plan, entry, f"aarshjul-{entry.pk}")


@require_http_methods(EDIT_METHODS)
@secretariat_required
def cycle_delete(request, pk, entry_id):
    """Ask once, then delete an entry of the annual cycle."""
    plan = managed_plan(request, pk)
    entry = _plan_entry(plan, entry_id)
    return _delete(
        request,
        plan,
        entry,
        what=f"årshjulets punkt »{entry.title}«",
        quote="",
        consequence="Punktet slettes fra kladdens årshjul.",
        back="aarshjul",
        cancel=plan_url(plan, f"aarshjul-{entry.pk}"),
    )


# --- Figures and attachments -----------------------------------------------------------------

FILES_KEPT = "Filen bliver liggende, så offentliggjorte versioner, der viser den, er uændrede."


def _plan_figure(plan: Plan, figure_id: int) -> SectionFigure:
    return get_object_or_404(
        SectionFigure.objects.select_related("section__plan"), section__plan=plan, pk=figure_id
    )


def _figure_form(request, plan: Plan, figure: SectionFigure):
    is_new = figure.pk is None
    section = figure.section
    return _part_form(
        request,
        plan=plan,
        form=FigureForm(request.POST or None, request.FILES or None, instance=figure),
        title=(
            f"Ny figur i afsnittet »{section.title}«"
            if is_new
            else f"Figuren »{_short(figure.caption)}« i afsnittet »{section.title}«"
        ),
        anchor=lambda saved: f"figur-{saved.pk}",
        cancel=plan_url(plan, f"afsnit-{section.pk}" if is_new else f"figur-{figure.pk}"),
        submit_label="Tilføj figuren" if is_new else "Gem",
        part_id="" if is_new else f"figur-{figure.pk}-del",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def figure_add(request, pk, section_id):
    """Upload a new figure, last in its section."""
    plan = managed_plan(request, pk)
    section = get_object_or_404(
        PlanSection.objects.select_related("plan"), plan=plan, pk=section_id
    )
    return _figure_form(request, plan, SectionFigure(section=section))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def figure_edit(request, pk, figure_id):
    """Edit a figure's alternative text and caption, or replace its image."""
    plan = managed_plan(request, pk)
    return _figure_form(request, plan, _plan_figure(plan, figure_id))


@require_POST
@secretariat_required
def figure_move(request, pk, figure_id):
    """Move a figure one place up or down in its section (``retning``: up/down)."""
    plan = managed_plan(request, pk)
    figure = _plan_figure(plan, figure_id)
    return _move(request, plan, figure, f"figur-{figure.pk}")


@require_http_methods(EDIT_METHODS)
@secretariat_required
def figure_delete(request, pk, figure_id):
    """Ask once, then take a figure out of the draft (its file stays)."""
    plan = managed_plan(request, pk)
    figure = _plan_figure(plan, figure_id)
    return _delete(
        request,
        plan,
        figure,
        what=f"figuren »{_short(figure.caption)}«",
        quote=figure.alt_text,
        consequence=(
            f"Figuren tages ud af afsnittet »{figure.section.title}« i kladden. {FILES_KEPT}"
        ),
        back=f"afsnit-{figure.section_id}",
        cancel=plan_url(plan, f"figur-{figure.pk}"),
    )


def _plan_attachment(plan: Plan, attachment_id: int) -> PlanAttachment:
    return get_object_or_404(
        PlanAttachment.objects.select_related("plan"), plan=plan, pk=attachment_id
    )


def _attachment_form(request, plan: Plan, attachment: PlanAttachment):
    is_new = attachment.pk is None
    return _part_form(
        request,
        plan=plan,
        form=AttachmentForm(request.POST or None, request.FILES or None, instance=attachment),
        title="Nyt bilag" if is_new else f"Bilaget »{attachment.title}«",
        anchor=lambda saved: f"bilag-{saved.pk}",
        cancel=plan_url(plan, "vedhaeftede-bilag" if is_new else f"bilag-{attachment.pk}"),
        submit_label="Tilføj bilaget" if is_new else "Gem",
        part_id="" if is_new else f"bilag-{attachment.pk}-del",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def attachment_add(request, pk):
    """Upload a new attachment (a PDF), last among the plan's."""
    plan = managed_plan(request, pk)
    return _attachment_form(request, plan, PlanAttachment(plan=plan))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def attachment_edit(request, pk, attachment_id):
    """Edit an attachment's title, or replace its file."""
    plan = managed_plan(request, pk)
    return _attachment_form(request, plan, _plan_attachment(plan, attachment_id))


@require_POST
@secretariat_required
def attachment_move(request, pk, attachment_id):
    """Move an attachment one place up or down (``retning``: up/down)."""
    plan = managed_plan(request, pk)
    attachment = _plan_attachment(plan, attachment_id)
    return _move(request, plan, attachment, f"bilag-{attachment.pk}")


@require_http_methods(EDIT_METHODS)
@secretariat_required
def attachment_delete(request, pk, attachment_id):
    """Ask once, then take an attachment out of the draft (its file stays)."""
    plan = managed_plan(request, pk)
    attachment = _plan_attachment(plan, attachment_id)
    return _delete(
        request,
        plan,
        attachment,
        what=f"bilaget »{attachment.title}«",
        quote="",
        consequence=f"Bilaget tages ud af kladden. {FILES_KEPT}",
        back="vedhaeftede-bilag",
        cancel=plan_url(plan, f"bilag-{attachment.pk}"),
    )
