"""The rest of the plan in the workspace (/sekretariat/plan/<pk>/), beside the sections and
activities of `workspace_plan`: new focus areas, focus-area groups, goals (the plan's own and
each focus area's), the annual cycle, figures and attachments. Each is added, edited, moved and
deleted where it stands, the way sections and activities are: a form in place with htmx (a
page of its own without JavaScript), Danish errors next to the fields with the input kept,
optimistic locking (`plans.workspace_forms`), up/down buttons (or a place to drag it to), and a
delete that asks once and is refused with the reason where the model names one.

One registry, `KINDS`: a small declaration per kind of part (its model, form, the parents it
is added under, its anchor, the block it stands in, how its delete is put), and four generic
views driven by it; `routes()` gives the URLs (plans/urls/workspace.py).

After a save with htmx the block the part stands in is swapped in again (the focus area's, the
plan's goals, the annual cycle, the attachments, the section's); where the outline itself
changes (a new focus area, a group) the page is loaded again at the part.

Every view: the plan's district's secretariat and superusers (`Plan.objects.managed_by`); other
districts' secretariats 404, other signed-in users 403, anonymous users to the sign-in page.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
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
    CycleRowsFormSet,
    FigureForm,
    GoalForm,
    GoalListForm,
    GroupForm,
    NewFocusAreaForm,
)
from .access import secretariat_required
from .workspace_plan import (
    EDIT_METHODS,
    area_and_group,
    autofocus_first,
    base_context,
    go_to,
    managed_plan,
    plan_url,
    reload_at,
    requested_move,
    requested_new,
    section_node,
    with_activity_form,
    with_area_form,
    with_form_open,
    workspace_content,
)

FILES_KEPT = "Filen bliver liggende, så offentliggjorte versioner, der viser den, er uændrede."


def _short(text: str) -> str:
    return Truncator(text).chars(60)


@dataclass(frozen=True)
class Adder:
    """One way to add a part: its address under plan/<pk>/ and URL name, the model of the
    parent it is added under (found among the plan's rows by the address's one id; None: the
    plan itself), and the new part made from the plan and that parent."""

    route: str
    name: str
    new: Callable[[Plan, Model | None], Model]
    parent: type[Model] | None = None


@dataclass(frozen=True)
class Deleting:
    """How the delete page puts it: "Slet <what>?", the part's text quoted, what goes."""

    what: str
    consequence: str
    quote: str = ""


@dataclass(frozen=True)
class Block:
    """The block a saved part stands in, rendered again for htmx at `#<target>`."""

    template: str
    target: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Then:
    """A further submit button on a new part's form (``og_videre=<value>``): save it, then go
    on to `url(plan, part)`, usually the workspace with the next part's form open (with htmx
    the page loads there)."""

    label: str
    value: str
    url: Callable[[Plan, Model], str]


@dataclass(frozen=True)
class PartKind:
    """One kind of part. `home(part)` is the anchor of the block it stands in: where a new
    one's form is cancelled to and where a delete goes back to. `title` None: edited elsewhere
    (a focus area: `workspace_plan.focus_area_edit`)."""

    name: str  # URL names: <name>_edit, <name>_move, <name>_delete
    model: type[Model]
    form: type
    route: str  # one part's address under plan/<pk>/: "maal/<int:goal_id>/"
    prefix: str  # its anchor on the page: "<prefix>-<pk>"
    adders: tuple[Adder, ...]
    new_title: Callable[[Model], str]
    submit: str  # the button of a new one's form
    home: Callable[[Model], str]
    deleting: Callable[[Model], Deleting]
    title: Callable[[Model], str] | None = None
    block: Callable[[dict, Model], Block] | None = None  # None: the page is loaded again
    plan_path: str = "plan"  # the lookup from a part to its plan
    related: tuple[str, ...] = ("plan",)
    fields_template: str = ""  # a new one's fields, where not the form's fields in order
    then: tuple[Then, ...] = ()  # a new one's buttons after `submit`, in order

    def then_chosen(self, request) -> Then | None:
        """The `Then` whose button sent the form, if one did."""
        value = request.POST.get(THEN)
        return next((then for then in self.then if then.value == value), None)

    def anchor(self, part) -> str:
        return f"{self.prefix}-{part.pk}"

    def of_plan(self, plan: Plan, part_id: int):
        """The plan's part with this id; 404 for another plan's."""
        rows = self.model.objects.select_related(*self.related)
        return get_object_or_404(rows, **{self.plan_path: plan}, pk=part_id)


# --- The kinds -----------------------------------------------------------------------------


def _area_deleting(area: FocusArea) -> Deleting:
    activities = area.activities.count()
    consequence = "Indsatsområdet og dets mål"
    if activities:
        consequence += f", {activities} aktivitet{'er' if activities != 1 else ''}"
        consequence += " og lokalrådenes opgaver med dem"
    return Deleting(
        what=f"indsatsområdet »{area.title}«", consequence=f"{consequence} slettes fra kladden."
    )


FOCUS_AREA = PartKind(
    name="focus_area",
    model=FocusArea,
    form=NewFocusAreaForm,
    route="indsatsomraade/<int:area_id>/",
    prefix="indsatsomraade",
    related=("group", "plan"),
    adders=(
        Adder(
            "gruppe/<int:group_id>/nyt-indsatsomraade/",
            "focus_area_add",
            new=lambda plan, group: FocusArea(plan=plan, group=group),
            parent=FocusAreaGroup,
        ),
    ),
    new_title=lambda area: f"Nyt indsatsområde i »{area.group.heading}«",
    submit="Opret indsatsområdet",
    home=lambda area: f"gruppe-{area.group_id}",
    deleting=_area_deleting,
    fields_template="workspace/plan/_focus_area_fields.html",
    then=(
        Then("Opret og tilføj aktiviteter", "aktiviteter", url=with_activity_form),
        Then(
            "Opret og tilføj nyt indsatsområde",
            "omraade",
            url=lambda plan, area: with_area_form(plan, area.group_id, f"indsatsomraade-{area.pk}"),
        ),
        Then(
            "Opret og tilføj ny gruppe",
            "gruppe",
            url=lambda plan, area: with_group_form(
                plan, area.group.section_id, f"indsatsomraade-{area.pk}"
            ),
        ),
    ),
)

GROUP = PartKind(
    name="group",
    model=FocusAreaGroup,
    form=GroupForm,
    route="gruppe/<int:group_id>/",
    prefix="gruppe",
    adders=(
        Adder("gruppe/ny/", "group_add", new=lambda plan, _: FocusAreaGroup(plan=plan)),
        Adder(
            "afsnit/<int:section_id>/ny-gruppe/",
            "section_group_add",
            new=lambda plan, section: FocusAreaGroup(plan=plan, section=section),
            parent=PlanSection,
        ),
    ),
    new_title=lambda group: (
        f"Ny gruppe af indsatsområder i afsnittet »{group.section.title}«"
        if group.section_id
        else "Ny gruppe af indsatsområder"
    ),
    title=lambda group: f"Gruppen »{group.heading}«",
    submit="Opret gruppen",
    home=lambda group: f"afsnit-{group.section_id}" if group.section_id else "ny-gruppe",
    deleting=lambda group: Deleting(
        what=f"gruppen »{group.heading}«", consequence="Gruppen slettes fra kladden."
    ),
    then=(
        Then(
            "Opret og tilføj indsatsområde",
            "omraade",
            url=lambda plan, group: with_area_form(plan, group.pk, f"gruppe-{group.pk}"),
        ),
    ),
)


def _goal_where(goal: Goal) -> str:
    return f"»{goal.focus_area.title}«" if goal.focus_area_id else "planens mål"


def _goal_block(content: dict, goal: Goal) -> Block:
    if not goal.focus_area_id:
        return Block("workspace/plan/_plan_goals.html", "planens-maal")
    area, group = area_and_group(content, goal.focus_area_id)
    return Block(
        "workspace/plan/_area.html", f"indsatsomraade-{area['id']}", {"area": area, "group": group}
    )


GOAL = PartKind(
    name="goal",
    model=Goal,
    form=GoalForm,
    route="maal/<int:goal_id>/",
    prefix="maal",
    related=("plan", "focus_area"),
    adders=(
        Adder("maal/nyt/", "goal_add", new=lambda plan, _: Goal(plan=plan)),
        Adder(
            "indsatsomraade/<int:area_id>/nyt-maal/",
            "area_goal_add",
            new=lambda plan, area: Goal(plan=plan, focus_area=area),
            parent=FocusArea,
        ),
    ),
    new_title=lambda goal: f"Nyt mål under {_goal_where(goal)}",
    title=lambda goal: f"Målet »{_short(goal.text)}« under {_goal_where(goal)}",
    submit="Opret målet",
    home=lambda goal: (
        f"indsatsomraade-{goal.focus_area_id}" if goal.focus_area_id else "planens-maal"
    ),
    deleting=lambda goal: Deleting(
        what="målet", quote=goal.text, consequence="Målet slettes fra kladden."
    ),
    block=_goal_block,
)

CYCLE_ENTRY = PartKind(
    name="cycle",
    model=AnnualCycleEntry,
    form=CycleEntryForm,
    route="aarshjul/<int:entry_id>/",
    prefix="aarshjul",
    adders=(Adder("aarshjul/nyt/", "cycle_add", new=lambda plan, _: AnnualCycleEntry(plan=plan)),),
    new_title=lambda entry: "Nyt punkt i årshjulet",
    title=lambda entry: f"Årshjulets punkt »{entry.title}«",
    submit="Opret punktet",
    home=lambda entry: "aarshjul",
    deleting=lambda entry: Deleting(
        what=f"årshjulets punkt »{entry.title}«",
        consequence="Punktet slettes fra kladdens årshjul.",
    ),
    block=lambda content, entry: Block("workspace/plan/_cycle.html", "aarshjul"),
)


def _figure_block(content: dict, figure: SectionFigure) -> Block:
    node = section_node(content, figure.section_id)
    return Block("workspace/plan/_section_part.html", f"afsnit-{node.id}-del", {"node": node})


FIGURE = PartKind(
    name="figure",
    model=SectionFigure,
    form=FigureForm,
    route="figur/<int:figure_id>/",
    prefix="figur",
    plan_path="section__plan",
    related=("section__plan",),
    adders=(
        Adder(
            "afsnit/<int:section_id>/ny-figur/",
            "figure_add",
            new=lambda plan, section: SectionFigure(section=section),
            parent=PlanSection,
        ),
    ),
    new_title=lambda figure: f"Ny figur i afsnittet »{figure.section.title}«",
    title=lambda figure: f"Figuren »{_short(figure.caption)}« i afsnittet »{figure.section.title}«",
    submit="Tilføj figuren",
    home=lambda figure: f"afsnit-{figure.section_id}",
    deleting=lambda figure: Deleting(
        what=f"figuren »{_short(figure.caption)}«",
        quote=figure.alt_text,
        consequence=(
            f"Figuren tages ud af afsnittet »{figure.section.title}« i kladden. {FILES_KEPT}"
        ),
    ),
    block=_figure_block,
)

ATTACHMENT = PartKind(
    name="attachment",
    model=PlanAttachment,
    form=AttachmentForm,
    route="bilag/<int:attachment_id>/",
    prefix="bilag",
    adders=(Adder("bilag/nyt/", "attachment_add", new=lambda plan, _: PlanAttachment(plan=plan)),),
    new_title=lambda attachment: "Nyt bilag",
    title=lambda attachment: f"Bilaget »{attachment.title}«",
    submit="Tilføj bilaget",
    home=lambda attachment: "vedhaeftede-bilag",
    deleting=lambda attachment: Deleting(
        what=f"bilaget »{attachment.title}«",
        consequence=f"Bilaget tages ud af kladden. {FILES_KEPT}",
    ),
    block=lambda content, attachment: Block(
        "workspace/plan/_attachments.html", "vedhaeftede-bilag"
    ),
)

KINDS = (FOCUS_AREA, GROUP, GOAL, CYCLE_ENTRY, FIGURE, ATTACHMENT)


# --- The generic views ---------------------------------------------------------------------


@require_http_methods(EDIT_METHODS)
@secretariat_required
def part_add(request, pk, kind: PartKind, adder: Adder, **parent_id):
    """A new part of `kind`, last among the rows beside it. The plan's secretariat."""
    plan = managed_plan(request, pk)
    parent = None
    if adder.parent is not None:
        (parent_pk,) = parent_id.values()
        rows = adder.parent.objects.select_related("plan")
        parent = get_object_or_404(rows, plan=plan, pk=parent_pk)
    return _part_form(request, plan, kind, adder.new(plan, parent))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def part_edit(request, pk, kind: PartKind, **part_id):
    """Edit a part of `kind` in place. The plan's secretariat."""
    plan = managed_plan(request, pk)
    (part_pk,) = part_id.values()
    return _part_form(request, plan, kind, kind.of_plan(plan, part_pk))


@require_POST
@secretariat_required
def part_move(request, pk, kind: PartKind, **part_id):
    """Move a part of `kind` one place up or down (``retning``) or to a place (``plads``)
    among the rows beside it. The plan's secretariat."""
    plan = managed_plan(request, pk)
    (part_pk,) = part_id.values()
    part = kind.of_plan(plan, part_pk)
    outline_edits.move_part(part=part, to=requested_move(request))
    return redirect(plan_url(plan, kind.anchor(part)))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def part_delete(request, pk, kind: PartKind, **part_id):
    """Ask once, then delete a part of `kind` and go back to the block it stood in; refused
    with the model's reason (`delete_problem`) where it names one. The plan's secretariat."""
    plan = managed_plan(request, pk)
    (part_pk,) = part_id.values()
    part = kind.of_plan(plan, part_pk)
    problem_of = getattr(part, "delete_problem", None)
    problem = problem_of() if problem_of else ""
    if request.method == "POST" and not problem:
        back = kind.home(part)
        try:
            outline_edits.delete_part(part=part)
        except ValidationError as error:  # changed meanwhile
            problem = " ".join(error.messages)
        else:
            return redirect(plan_url(plan, back))
    deleting = kind.deleting(part)
    return render(
        request,
        "workspace/plan/part_delete.html",
        {
            **base_context(plan),
            "what": deleting.what,
            "quote": deleting.quote,
            "consequence": deleting.consequence,
            "problem": problem,
            "cancel": plan_url(plan, kind.anchor(part)),
        },
    )


def routes() -> Iterator[tuple[str, Callable, dict, str]]:
    """Each kind's addresses under plan/<pk>/ as (route, view, the view's kwargs, URL name):
    its adders, then edit (where the kind is edited here), move and delete."""
    for kind in KINDS:
        for adder in kind.adders:
            yield adder.route, part_add, {"kind": kind, "adder": adder}, adder.name
        if kind.title is not None:
            yield kind.route, part_edit, {"kind": kind}, f"{kind.name}_edit"
        yield f"{kind.route}flyt/", part_move, {"kind": kind}, f"{kind.name}_move"
        yield f"{kind.route}slet/", part_delete, {"kind": kind}, f"{kind.name}_delete"


# --- The form ------------------------------------------------------------------------------


# The name of a `Then` button: save the new part and go on.
THEN = "og_videre"
# The name of "Tilføj række" on a form of rows: show the rows again, input kept, one more.
ADD_ROW = "tilfoej_raekke"


def _part_form(request, plan: Plan, kind: PartKind, part):
    """GET: the part's form (alone for htmx, else on a page); POST: save it (a new one last
    among the rows beside it) and answer with its block (htmx) or go back to the workspace at
    the part."""
    is_new = part.pk is None
    form = kind.form(request.POST or None, request.FILES or None, instance=part)
    if request.htmx and request.method != "POST":
        autofocus_first(form)
    if request.method == "POST" and ADD_ROW in request.POST and hasattr(form, "with_another_row"):
        form = form.with_another_row()  # a new focus area's activity rows: one more
    elif request.method == "POST" and form.is_valid():
        try:
            saved = (
                outline_edits.add_part(form=form) if is_new else outline_edits.save_part(form=form)
            )
        except RevisionConflict:
            # Saved by someone else between validation and save: validating again explains it.
            form = kind.form(
                request.POST, request.FILES, instance=kind.model.objects.get(pk=part.pk)
            )
            form.is_valid()
        else:
            then = kind.then_chosen(request) if is_new else None
            if then is not None:
                return go_to(request, then.url(plan, saved))
            if not request.htmx:
                return redirect(plan_url(plan, kind.anchor(saved)))
            return _block(request, plan, kind, saved) or reload_at(plan, kind.anchor(saved))
    return _form_page(request, **_part_form_context(plan, kind, part, form))


def _part_form_context(plan: Plan, kind: PartKind, part, form) -> dict:
    """`_form_page`'s arguments for a part's form: a new one's (its fields, its buttons) or an
    existing one's."""
    is_new = part.pk is None
    return {
        "plan": plan,
        "form": form,
        "title": kind.new_title(part) if is_new else kind.title(part),
        "cancel": plan_url(plan, kind.home(part) if is_new else kind.anchor(part)),
        "submit_label": kind.submit if is_new else "Gem",
        "part_id": "" if is_new else f"{kind.anchor(part)}-del",
        "is_new": is_new,
        "fields_template": kind.fields_template if is_new else "",
        "more_buttons": [(THEN, then.value, then.label) for then in kind.then] if is_new else [],
        "add_row": ADD_ROW,
    }


def _form_context(request, *, plan: Plan, form, title, cancel, submit_label, **context):
    return {
        **base_context(plan),
        "form": form,
        "action": request.path,
        "cancel": cancel,
        "form_title": title,
        "submit_label": submit_label,
        **context,
    }


def _form_page(request, **arguments):
    """A part's form: alone for htmx (it swaps in where the link was), else on a page."""
    context = _form_context(request, **arguments)
    if request.htmx:
        return render(request, "workspace/plan/_edit_form.html", context)
    return render(request, "workspace/plan/edit.html", context)


def _opened_form(request, plan: Plan, kind: PartKind, adder: Adder, parent) -> str:
    """A new part's empty form made by `adder` under `parent`, the cursor in its first field,
    to stand open in the workspace page (the `open_…_form` openers)."""
    part = adder.new(plan, parent)
    form = kind.form(instance=part)
    autofocus_first(form)
    context = _form_context(request, **_part_form_context(plan, kind, part, form))
    ids = [plan.pk, parent.pk] if parent is not None else [plan.pk]
    context["action"] = reverse(f"workspace:{adder.name}", args=ids)
    return render_to_string("workspace/plan/_edit_form.html", context, request=request)


def open_area_form(request, plan: Plan) -> dict:
    """``?ny=indsatsomraade-<group id>`` (`workspace_plan.with_area_form`): the workspace with
    a new focus area's form open in that group, the cursor in its title. For the workspace
    page (`workspace_plan.plan`, given it by the URLconf)."""
    group = requested_new(request, plan, "indsatsomraade-", FocusAreaGroup)
    if group is None:
        return {}
    (adder,) = FOCUS_AREA.adders
    markup = _opened_form(request, plan, FOCUS_AREA, adder, group)
    return {"open_area_form": markup, "open_area_group": group.pk}


# ``?ny=`` of a new group's form: placed in a section, or (alone) after the plan's chapters.
GROUP_IN_SECTION, GROUP_UNPLACED = "gruppe-i-afsnit-", "gruppe"


def with_group_form(plan: Plan, section_id: int | None, shown: str) -> str:
    """The workspace with a new group's form open in the section (None: where the groups
    placed in no section are added), as its link there opens it."""
    opening = f"{GROUP_IN_SECTION}{section_id}" if section_id else GROUP_UNPLACED
    return with_form_open(plan, shown=shown, opening=opening)


def open_group_form(request, plan: Plan) -> dict:
    """``?ny=gruppe-i-afsnit-<section id>`` or ``?ny=gruppe`` (`with_group_form`): the
    workspace with a new group's form open there, the cursor in its heading. For the
    workspace page, as `open_area_form`."""
    unplaced, in_section = GROUP.adders
    if (section := requested_new(request, plan, GROUP_IN_SECTION, PlanSection)) is not None:
        markup = _opened_form(request, plan, GROUP, in_section, section)
        return {"open_group_form": markup, "open_group_section": section.pk}
    if request.GET.get("ny") == GROUP_UNPLACED:
        return {"open_group_form": _opened_form(request, plan, GROUP, unplaced, None)}
    return {}


def _block(request, plan: Plan, kind: PartKind, part):
    """The block a saved part stands in, rendered again for htmx (None: load the page)."""
    if kind.block is None:
        return None
    content = workspace_content(plan)
    block = kind.block(content, part)
    context = {**base_context(plan), **content, **block.context, "saved": True}
    response = render(request, block.template, context)
    return reswap(retarget(response, f"#{block.target}"), "outerHTML")


# --- Goals as lists ---------------------------------------------------------------------------


def _goal_list_form(request, plan: Plan, area: FocusArea | None):
    """GET: the goals as one textarea per party; POST: write them (`GoalListForm`) and answer
    with the goals' block (htmx) or go back to the workspace there."""
    goals = Goal(plan=plan, focus_area=area)  # where the list stands: GOAL's home and block
    form = GoalListForm(request.POST or None, plan=plan, focus_area=area)
    if request.htmx and request.method != "POST":
        autofocus_first(form, "police")
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except RevisionConflict:
            # Saved by someone else between validation and save: validating again explains it.
            form = GoalListForm(request.POST, plan=plan, focus_area=area)
            form.is_valid()
        else:
            if not request.htmx:
                return redirect(plan_url(plan, GOAL.home(goals)))
            return _block(request, plan, GOAL, goals)
    return _form_page(
        request,
        plan=plan,
        form=form,
        title=f"Mål under »{area.title}«" if area else "Planens mål for parterne",
        cancel=plan_url(plan, GOAL.home(goals)),
        submit_label="Gem målene",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def goal_list(request, pk):
    """The plan's own goals as lists, one goal a line per party. The plan's secretariat."""
    plan = managed_plan(request, pk)
    return _goal_list_form(request, plan, None)


@require_http_methods(EDIT_METHODS)
@secretariat_required
def area_goal_list(request, pk, area_id):
    """A focus area's goals as lists, one goal a line per party. The plan's secretariat."""
    plan = managed_plan(request, pk)
    return _goal_list_form(request, plan, FOCUS_AREA.of_plan(plan, area_id))


# --- Several entries of the annual cycle at once ----------------------------------------------


@require_http_methods(EDIT_METHODS)
@secretariat_required
def cycle_add_rows(request, pk):
    """Several new entries of the annual cycle at once, a row each (`CycleRowsFormSet`). The
    plan's secretariat."""
    plan = managed_plan(request, pk)
    entries = AnnualCycleEntry(plan=plan)  # where the rows go: CYCLE_ENTRY's home and block
    rows = CycleRowsFormSet(request.POST or None, plan=plan)
    if request.method == "POST" and ADD_ROW in request.POST:
        rows = rows.with_another_row()
    elif request.method == "POST" and rows.is_valid():
        rows.save()
        if not request.htmx:
            return redirect(plan_url(plan, CYCLE_ENTRY.home(entries)))
        return _block(request, plan, CYCLE_ENTRY, entries)
    return _form_page(
        request,
        plan=plan,
        form=rows,
        title="Flere punkter i årshjulet",
        cancel=plan_url(plan, CYCLE_ENTRY.home(entries)),
        submit_label="Opret punkterne",
        fields_template="workspace/plan/_cycle_rows.html",
        add_row=ADD_ROW,
    )
