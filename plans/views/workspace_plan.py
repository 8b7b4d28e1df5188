"""The plan workspace (/sekretariat/plan/<pk>/): the whole draft on one page, in the order the
plan is read, with each part opening in place for editing.

With htmx a "Rediger" link swaps the part for its form and a save swaps the form for the
updated part; without JavaScript the same addresses are pages of their own, and a save goes
back to the workspace at the part's anchor. Saves are under optimistic locking as in the admin
(`base.admin.RevisionLockedForm`). Sections are added, moved and deleted where they stand
(`plans.sections`), and so are the activities inside their focus area's block: after a save
with htmx the whole block is swapped in again. The other parts link to their admin pages.

Every view: the plan's district's secretariat and superusers (`Plan.objects.managed_by`); other
districts' secretariats 404, other signed-in users 403, anonymous users to the sign-in page.
"Ny plan" (`plan_add`) is here too: it makes a draft and opens its workspace.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from base.locking import RevisionConflict

from .. import sections as outline_edits
from ..forms import (
    WorkspaceActivityForm,
    WorkspaceFocusAreaForm,
    WorkspaceFrontMatterForm,
    WorkspaceSectionForm,
)
from ..models import (
    MAX_GROUP_SECTION_LEVEL,
    MAX_SECTION_LEVEL,
    Activity,
    FocusArea,
    Plan,
    PlanSection,
)
from ..outline import build_outline
from ..services import Move
from ..snapshot import build_snapshot
from ..workspace_forms import NewPlanForm, NewSectionForm
from .access import chosen_district, district_page_url, secretariat_required
from .members import add_service_error
from .public import live_status, plan_content
from .workspace import plan_rows

EDIT_METHODS = ["GET", "HEAD", "POST"]


def managed_plan(request, pk) -> Plan:
    return get_object_or_404(
        Plan.objects.managed_by(request.user).select_related("district"), pk=pk
    )


def plan_url(plan: Plan, anchor: str = "", *, reload: bool = False) -> str:
    """The workspace at `anchor`. With `reload` the address carries the anchor as a query too:
    a browser told to go to the page it shows with only another #anchor would just scroll, not
    load the changed outline."""
    url = reverse("workspace:plan", args=[plan.pk])
    if reload:
        url += f"?vis={anchor}"
    return f"{url}#{anchor}" if anchor else url


def reload_at(plan: Plan, anchor: str):
    """Load the whole workspace again at `anchor` (htmx), where a save changed the outline."""
    return HttpResponseClientRedirect(plan_url(plan, anchor, reload=True))


def with_form_open(plan: Plan, *, shown: str, opening: str) -> str:
    """The workspace with a new part's form open (``?ny=<opening>``, read by the `_open_…`
    functions); `shown`, the anchor of what was just saved, goes in the query, so that the
    browser loads the page rather than scroll the one it shows. No #fragment: the form's
    autofocus puts the cursor in it and scrolls there, which a browser skips when the address
    names a fragment."""
    return f"{plan_url(plan)}?vis={shown}&ny={opening}"


def go_to(request, url: str):
    """To `url` after a save: the whole page loads there, with htmx or without."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def requested_new(request, plan: Plan, prefix: str, model):
    """The plan's `model` row that ``?ny=<prefix><id>`` (`with_form_open`) opens a new part's
    form in, or None: nothing asked for, or not a row of this plan."""
    wanted = request.GET.get("ny", "")
    number = wanted.removeprefix(prefix)
    if not (wanted.startswith(prefix) and number.isdigit()):
        return None
    return model.objects.filter(plan=plan, pk=number).first()


def requested_move(request) -> Move:
    """Where a move takes a part: ``retning`` up or down (the buttons), or ``plads`` N, its
    place among the rows beside it, 1 the first (dragged there). 404 for anything else."""
    direction, place = request.POST.get("retning"), request.POST.get("plads", "")
    if direction in {"up", "down"}:
        return direction
    if place.isascii() and place.isdigit() and int(place) >= 1:
        return int(place)
    raise Http404


def editor_media():
    """The prose editor's scripts and styles, on every workspace page: an editor swapped in by
    htmx starts by itself (the editor watches the page for new fields)."""
    return WorkspaceSectionForm().media


def workspace_content(plan: Plan) -> dict:
    """The draft as the public page would show it (`plan_content` of its snapshot, each activity
    with its status as the lokalråd have reported it), with the empty focus-area groups too, so
    that they can be found and filled."""
    snapshot = build_snapshot(plan)
    content = plan_content(snapshot, summaries=live_status(plan).summaries(snapshot), links=False)
    shown = {group["id"] for group in content["groups"]}
    groups = sorted(
        [
            *content["groups"],
            *(
                {**group, "areas": []}
                for group in snapshot["focus_area_groups"]
                if group["id"] not in shown
            ),
        ],
        key=lambda group: (group["order"], group["id"]),
    )
    outline = build_outline(content["sections"], groups, lone_group_shown=True)
    _mark_ends(outline.chapters)
    for group in groups:  # each focus area knows whether it is first or last in its group
        for index, area in enumerate(group["areas"]):
            area["is_first"] = index == 0
            area["is_last"] = index == len(group["areas"]) - 1
    return {
        **content,
        "snapshot": snapshot,
        "outline": outline,
        "all_groups": groups,
        "annual_cycle": _mark_same_time(content["annual_cycle"]),
    }


def _mark_same_time(entries: list[dict]) -> list[dict]:
    """Each annual-cycle entry (in calendar order) knows whether an entry at the same time of
    year stands before or after it: only among those does it move."""

    def when(entry):
        return (entry["month"], entry["quarter"], entry["undated"], entry["before_period"])

    return [
        {
            **entry,
            "can_move_up": index > 0 and when(entries[index - 1]) == when(entry),
            "can_move_down": index + 1 < len(entries) and when(entries[index + 1]) == when(entry),
        }
        for index, entry in enumerate(entries)
    ]


def autofocus_first(form, name: str = "") -> None:
    """A form swapped in by htmx starts with the cursor in its first field, or the field
    `name` (htmx focuses it)."""
    field = form.fields[name] if name else next(iter(form.fields.values()))
    field.widget.attrs["autofocus"] = True


def _mark_ends(nodes) -> None:
    """Each section knows whether it is first or last among its siblings (the move buttons)."""
    for index, node in enumerate(nodes):
        node.is_first = index == 0
        node.is_last = index == len(nodes) - 1
        _mark_ends(node.children)


def section_node(content: dict, section_id: int):
    return next(node for node in content["outline"].sections() if node.id == section_id)


def area_and_group(content: dict, area_id: int):
    """The focus area and its group with the group's heading levels (from the outline: a
    group placed in a section or, unplaced, after the chapters)."""
    outline = content["outline"]
    leveled = [
        *outline.unplaced_groups,
        *(group for node in outline.sections() for group in node.groups),
    ]
    for group in leveled:
        for area in group["areas"]:
            if area["id"] == area_id:
                return area, group
    raise Http404


def base_context(plan: Plan) -> dict:
    row = next(row for row in plan_rows(plan.district) if row.plan.pk == plan.pk)
    return {"plan": plan, "district": plan.district, "row": row, "editor_media": editor_media()}


@require_http_methods(EDIT_METHODS)
@secretariat_required
def plan_add(request):
    """ "Ny plan": a draft with whatever of its cover, foreword and goals was typed, then its
    workspace with the first chapter's form open. The form stands on the start page; this page
    shows it whole, with its errors. The district's secretariat; a superuser with ``?kreds=``."""
    source = request.POST if "kreds" in request.POST else request.GET
    district = chosen_district(request, source)
    if district is None:
        return redirect("workspace:home")
    form = NewPlanForm(request.POST or None, district=district)
    if request.method == "POST" and form.is_valid():
        try:
            plan = form.save()
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Kladden %(title)s %(period)s er oprettet. Skriv dens første kapitel her.")
                % {"title": plan.title, "period": plan.period_label},
            )
            return redirect(with_form_open(plan, shown="forside", opening="kapitel"))
    return render(
        request,
        "workspace/plan_add.html",
        {
            "form": form,
            "district": district,
            "back": district_page_url("workspace:home", request.user, district),
        },
    )


@require_safe
@secretariat_required
def plan(request, pk, open_forms=()):
    """The whole plan as an outline with its state, workflow and edit links. The district's
    secretariat and superusers. `open_forms` (from the URLconf: the other parts' forms,
    `workspace_parts.open_area_form`, `open_group_form`) each give the context of a form opened
    by ``?ny=``."""
    plan = managed_plan(request, pk)
    opened = {}
    for open_form in (_open_section_form, _open_activity_form, *open_forms):
        opened.update(open_form(request, plan))
    return render(
        request,
        "workspace/plan/plan.html",
        {
            **base_context(plan),
            **workspace_content(plan),
            **opened,
            "max_group_level": MAX_GROUP_SECTION_LEVEL,  # sections a group may stand in
        },
    )


# "Gem og tilføj …" on a new section's form: the workspace loads again (the outline changed)
# with an empty form open for the next section, beside the saved one or under it, or (after a
# sub-section) for a new chapter, or (after a third-level one) under its parent's parent.
ADD_NEXT = "og_ny"
ADD_SIBLING, ADD_CHILD, ADD_CHAPTER, ADD_UP = "endnu-et", "underafsnit", "kapitel", "op"


def _open_section_form(request, plan: Plan) -> dict:
    """``?ny=kapitel`` or ``?ny=under-<id>``: the workspace with a new section's form open
    in that place (the cursor in its heading)."""
    if request.GET.get("ny") == "kapitel":
        parent = None
    elif (parent := requested_new(request, plan, "under-", PlanSection)) is None:
        return {}
    form = NewSectionForm(instance=PlanSection(plan=plan))
    autofocus_first(form)
    context = _section_add_context(request, plan, parent, form)
    markup = render_to_string("workspace/plan/_edit_form.html", context, request=request)
    return {"open_section_form": markup, "open_section_under": parent.pk if parent else None}


def with_activity_form(plan: Plan, area: FocusArea) -> str:
    """The workspace at the focus area with a new activity's form open in it."""
    return with_form_open(
        plan,
        shown=f"indsatsomraade-{area.pk}",
        opening=f"aktivitet-{area.pk}",
    )


def with_area_form(plan: Plan, group_id: int, shown: str) -> str:
    """The workspace with a new focus area's form open in the group."""
    return with_form_open(
        plan,
        shown=shown,
        opening=f"indsatsomraade-{group_id}",
    )


def _open_activity_form(request, plan: Plan) -> dict:
    """``?ny=aktivitet-<id>``: the workspace with a new activity's form open in that focus
    area (the cursor in its text)."""
    area = requested_new(request, plan, "aktivitet-", FocusArea)
    if area is None:
        return {}
    markup = _activity_form_markup(request, plan=plan, activity=Activity(focus_area=area))
    return {"open_activity_form": markup, "open_activity_area": area.pk}


def _section_add_url(plan: Plan, parent: PlanSection | None) -> str:
    url = reverse("workspace:section_add", args=[plan.pk])
    return f"{url}?under={parent.pk}" if parent else url


def _section_add_context(request, plan: Plan, parent: PlanSection | None, form) -> dict:
    anchor = f"afsnit-{parent.pk}" if parent else "nyt-kapitel"
    can_nest = (parent.level() if parent else 0) + 1 < MAX_SECTION_LEVEL
    grandparent = parent.parent if parent and parent.parent_id else None
    return {
        **base_context(plan),
        "form": form,
        "action": _section_add_url(plan, parent),
        "cancel": plan_url(plan, anchor),
        "form_title": f"Nyt underafsnit under »{parent.title}«" if parent else "Nyt kapitel",
        "is_new": True,
        "fields_template": "workspace/plan/_section_fields.html",
        "more_buttons": [
            (ADD_NEXT, ADD_SIBLING, "Gem og tilføj endnu et afsnit"),
            *([(ADD_NEXT, ADD_CHILD, "Gem og tilføj et underafsnit")] if can_nest else []),
            *(
                [(ADD_NEXT, ADD_UP, f"Gem og tilføj afsnit under »{grandparent.title}«")]
                if grandparent
                else []
            ),
            *([(ADD_NEXT, ADD_CHAPTER, "Gem og tilføj nyt kapitel")] if parent else []),
        ],
    }


def _after_section_added(request, plan: Plan, section: PlanSection):
    """Back to the workspace at the new section, or (``og_ny``) with the next one's form open
    beside it or under it. With htmx the whole page loads again: the outline changed."""
    following = request.POST.get(ADD_NEXT)
    if following == ADD_SIBLING:
        where = f"under-{section.parent_id}" if section.parent_id else "kapitel"
    elif following == ADD_CHILD and section.level() < MAX_SECTION_LEVEL:
        where = f"under-{section.pk}"
    elif following == ADD_CHAPTER and section.parent_id:
        where = "kapitel"
    elif following == ADD_UP and section.parent_id and section.parent.parent_id:
        where = f"under-{section.parent.parent_id}"
    else:
        anchor = f"afsnit-{section.pk}"
        if request.htmx:
            return reload_at(plan, anchor)
        return redirect(plan_url(plan, anchor, reload=True))
    return go_to(request, with_form_open(plan, shown=f"afsnit-{section.pk}", opening=where))


def _edit(
    request, *, plan, instance, form_class, anchor, part_id, part_template, part_context, title
):
    """GET: the form (alone for htmx, else on a page); POST: save under optimistic locking and
    answer with the updated part (htmx) or go back to the workspace at `anchor`."""
    form = form_class(request.POST or None, instance=instance)
    if request.htmx and request.method != "POST":
        autofocus_first(form)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except RevisionConflict:
            # Saved by someone else between validation and save: validating again explains it.
            form = form_class(request.POST, instance=type(instance).objects.get(pk=instance.pk))
            form.is_valid()
        else:
            if not request.htmx:
                return redirect(plan_url(plan, anchor))
            fresh = part_context(workspace_content(plan))
            if fresh is None:  # moved elsewhere in the outline: show the whole page again
                return reload_at(plan, anchor)
            return render(request, part_template, {**base_context(plan), **fresh, "saved": True})
    context = {
        **base_context(plan),
        "form": form,
        "action": request.path,
        "part_id": part_id,
        "cancel": plan_url(plan, anchor),
        "form_title": title,
    }
    if request.htmx:
        return render(request, "workspace/plan/_edit_form.html", context)
    return render(request, "workspace/plan/edit.html", context)


@require_http_methods(EDIT_METHODS)
@secretariat_required
def front_matter(request, pk):
    """Edit the plan's cover, foreword, shared goals and signature in place."""
    plan = managed_plan(request, pk)
    return _edit(
        request,
        plan=plan,
        instance=plan,
        form_class=WorkspaceFrontMatterForm,
        anchor="forside",
        part_id="forside",
        part_template="workspace/plan/_front_matter.html",
        part_context=lambda content: content,
        title="Forside, forord og underskrift",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def section_edit(request, pk, section_id):
    """Edit a section's heading and text in place."""
    plan = managed_plan(request, pk)
    section = get_object_or_404(PlanSection, plan=plan, pk=section_id)
    return _edit(
        request,
        plan=plan,
        instance=section,
        form_class=WorkspaceSectionForm,
        anchor=f"afsnit-{section.pk}",
        part_id=f"afsnit-{section.pk}-del",
        part_template="workspace/plan/_section_part.html",
        part_context=lambda content: {**content, "node": section_node(content, section.pk)},
        title=f"Afsnittet »{section.title}«",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def focus_area_edit(request, pk, area_id):
    """Edit a focus area's title, group, number, background and ambition in place."""
    plan = managed_plan(request, pk)
    area = get_object_or_404(FocusArea.objects.select_related("group"), plan=plan, pk=area_id)
    before = (area.group_id, area.rank)

    def part_context(content):
        shown, group = area_and_group(content, area.pk)
        if (group["id"], shown["rank"]) != before:
            return None  # another group or number: its place on the page changes
        return {**content, "area": shown, "group": group}

    return _edit(
        request,
        plan=plan,
        instance=area,
        form_class=WorkspaceFocusAreaForm,
        anchor=f"indsatsomraade-{area.pk}",
        part_id=f"indsatsomraade-{area.pk}",
        part_template="workspace/plan/_area.html",
        part_context=part_context,
        title=f"Indsatsområdet »{area.title}«",
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def section_add(request, pk):
    """A new chapter at the end, or (``?under=<id>``) a new sub-section last under a section;
    with a figure, if its fields are filled in."""
    plan = managed_plan(request, pk)
    parent = None
    if under := request.GET.get("under"):
        if not under.isdigit():
            raise Http404
        parent = get_object_or_404(PlanSection, plan=plan, pk=under)
    form = NewSectionForm(
        request.POST or None, request.FILES or None, instance=PlanSection(plan=plan)
    )
    if request.htmx and request.method != "POST":
        autofocus_first(form)
    if request.method == "POST" and form.is_valid():
        try:
            section = form.add(plan=plan, parent=parent)
        except ValidationError as error:
            form.add_error(None, error.messages)
            form.figure.ask_for_the_image_again()
        else:
            return _after_section_added(request, plan, section)
    context = _section_add_context(request, plan, parent, form)
    if request.htmx:
        return render(request, "workspace/plan/_edit_form.html", context)
    return render(request, "workspace/plan/edit.html", context)


@require_POST
@secretariat_required
def section_move(request, pk, section_id):
    """Move a section one place up or down (``retning``) or to a place (``plads``) among its
    siblings."""
    plan = managed_plan(request, pk)
    section = get_object_or_404(PlanSection, plan=plan, pk=section_id)
    outline_edits.move_section(section=section, to=requested_move(request))
    return redirect(plan_url(plan, f"afsnit-{section.pk}"))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def section_delete(request, pk, section_id):
    """Ask once, then delete a section; refused while sub-sections or groups hang on it."""
    plan = managed_plan(request, pk)
    section = get_object_or_404(PlanSection, plan=plan, pk=section_id)
    problem = section.delete_problem()
    if request.method == "POST" and not problem:
        anchor = f"afsnit-{section.parent_id}" if section.parent_id else ""
        try:
            outline_edits.delete_section(section=section)
        except ValidationError as error:  # a sub-section added meanwhile
            problem = " ".join(error.messages)
        else:
            return redirect(plan_url(plan, anchor))
    return render(
        request,
        "workspace/plan/delete.html",
        {
            **base_context(plan),
            "section": section,
            "problem": problem,
            "figures": section.figures.count(),
            "cancel": plan_url(plan, f"afsnit-{section.pk}"),
        },
    )


def _activity_form(request, *, plan: Plan, activity: Activity):
    """GET: the activity's form (alone for htmx, else on a page); POST: save it (a new one last
    in its focus area) and answer with the focus area's block (htmx) or go back to the workspace
    at the activity."""
    area = activity.focus_area
    is_new = activity.pk is None
    form = WorkspaceActivityForm(request.POST or None, instance=activity)
    if request.htmx and request.method != "POST":
        autofocus_first(form)
    if request.method == "POST" and form.is_valid():
        try:
            save = outline_edits.add_activity if is_new else outline_edits.save_activity
            saved = save(form=form)
        except RevisionConflict:
            # Saved by someone else between validation and save: validating again explains it.
            form = WorkspaceActivityForm(
                request.POST, instance=Activity.objects.get(pk=activity.pk)
            )
            form.is_valid()
        else:
            if is_new and NEXT_AREA in request.POST:
                return go_to(request, with_area_form(plan, area.group_id, f"aktivitet-{saved.pk}"))
            another = is_new and ADD_ANOTHER in request.POST
            if not request.htmx:
                if another:
                    messages.success(request, f"Aktiviteten »{saved}« er gemt. Skriv den næste.")
                    return redirect(request.path)
                return redirect(plan_url(plan, f"aktivitet-{saved.pk}"))
            content = workspace_content(plan)
            shown, group = area_and_group(content, area.pk)
            context = {**base_context(plan), **content, "area": shown, "group": group}
            if another:  # the block again, with an empty form open where the link was
                context["add_form"] = _activity_form_markup(
                    request, plan=plan, activity=Activity(focus_area=area)
                )
            response = render(request, "workspace/plan/_area.html", {**context, "saved": True})
            return reswap(retarget(response, f"#indsatsomraade-{area.pk}"), "outerHTML")
    context = _activity_form_context(request, plan=plan, activity=activity, form=form)
    if request.htmx:
        return render(request, "workspace/plan/_edit_form.html", context)
    return render(request, "workspace/plan/edit.html", context)


# The second submit button of a new activity's form: save it and open an empty form for the
# next one, so a focus area's activities go in one after the other without a click between.
ADD_ANOTHER = "og_ny"
# Its last: save it and open a new focus area's form in the same group (the area is done).
NEXT_AREA = "og_nyt_omraade"


def _activity_form_context(request, *, plan: Plan, activity: Activity, form) -> dict:
    area = activity.focus_area
    is_new = activity.pk is None
    return {
        **base_context(plan),
        "form": form,
        "action": reverse("workspace:activity_add", args=[plan.pk, area.pk])
        if is_new
        else request.path,
        "part_id": "" if is_new else f"aktivitet-{activity.pk}-del",
        "cancel": plan_url(
            plan, f"indsatsomraade-{area.pk}" if is_new else f"aktivitet-{activity.pk}"
        ),
        "form_title": (
            f"Ny aktivitet under »{area.title}«"
            if is_new
            else f"Aktiviteten »{activity}« under »{area.title}«"
        ),
        "is_new": is_new,
        "submit_label": "Opret aktiviteten" if is_new else "Gem",
        "more_buttons": [
            (ADD_ANOTHER, "1", "Gem og tilføj endnu en"),
            (NEXT_AREA, "1", "Gem og tilføj nyt indsatsområde"),
        ]
        if is_new
        else [],
        "fields_template": "workspace/plan/_activity_fields.html",
    }


def _activity_form_markup(request, *, plan: Plan, activity: Activity) -> str:
    """An empty form for a new activity, with the cursor in its text, to stand in the block."""
    form = WorkspaceActivityForm(instance=activity)
    autofocus_first(form)
    context = _activity_form_context(request, plan=plan, activity=activity, form=form)
    return render_to_string("workspace/plan/_edit_form.html", context, request=request)


def _plan_activity(plan: Plan, activity_id: int) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("focus_area__plan"), focus_area__plan=plan, pk=activity_id
    )


@require_http_methods(EDIT_METHODS)
@secretariat_required
def activity_add(request, pk, area_id):
    """A new activity, last in its focus area."""
    plan = managed_plan(request, pk)
    area = get_object_or_404(FocusArea.objects.select_related("plan"), plan=plan, pk=area_id)
    return _activity_form(request, plan=plan, activity=Activity(focus_area=area))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def activity_edit(request, pk, activity_id):
    """Edit an activity's text, timing and actors in place."""
    plan = managed_plan(request, pk)
    return _activity_form(request, plan=plan, activity=_plan_activity(plan, activity_id))


@require_POST
@secretariat_required
def activity_move(request, pk, activity_id):
    """Move an activity one place up or down (``retning``) or to a place (``plads``) in its
    focus area."""
    plan = managed_plan(request, pk)
    activity = _plan_activity(plan, activity_id)
    outline_edits.move_activity(activity=activity, to=requested_move(request))
    return redirect(plan_url(plan, f"aktivitet-{activity.pk}"))


@require_http_methods(EDIT_METHODS)
@secretariat_required
def activity_delete(request, pk, activity_id):
    """Ask once, then delete an activity; refused while status updates hang on it."""
    plan = managed_plan(request, pk)
    activity = _plan_activity(plan, activity_id)
    problem = activity.delete_problem()
    if request.method == "POST" and not problem:
        try:
            outline_edits.delete_activity(activity=activity)
        except ValidationError as error:  # a status reported meanwhile
            problem = " ".join(error.messages)
        else:
            return redirect(plan_url(plan, f"indsatsomraade-{activity.focus_area_id}"))
    return render(
        request,
        "workspace/plan/activity_delete.html",
        {
            **base_context(plan),
            "activity": activity,
            "area": activity.focus_area,
            "problem": problem,
            "cancel": plan_url(plan, f"aktivitet-{activity.pk}"),
        },
    )
