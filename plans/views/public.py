"""Public pages: what citizens read. No sign-in; every page is open to everyone except the preview.

Every view starts from `Plan.objects.published()`, so a draft, an approved-but-unpublished plan
and anything under their URLs is a 404. Plan pages render the frozen snapshot of a `PlanVersion`
(see plans/snapshot.py) joined with the *live* status of the activities' assignments.

Caching: a published version never changes, so the rendered plan content is cached under a key
made of the version, the latest version number, the plan's status (published or superseded) and
its live status (the counts per activity and status it shows: one aggregate query, which also
fills the page). Publishing a new version or reporting a status changes the key, so nothing has
to be invalidated by hand. In front of that, visitors who are not signed in get the front page
and every page under a district (district, forums, annual cycle, lokalråd, plan, version and
activity pages) from the whole-page cache of plans/page_cache.py, which needs no database query
at all and is made stale per district. Conditional GET is Django's ConditionalGetMiddleware: the
ETag is a hash of the page (stored with it in the whole-page cache), and `If-None-Match` is
answered with 304.
"""

import datetime
import functools
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from councils.models import Council, PoliceDistrict
from forums.models import Forum

from ..cycle import cycle_entries, cycle_wheel, undated_entries
from ..models import Assignment, Period, Plan, PlanVersion, Status
from ..outline import appendix_numbers, build_outline
from ..page_cache import CACHE_PREFIX, CACHE_SECONDS, anonymous_page_cache
from ..places import (
    find_municipality,
    municipality_choices,
    municipality_options,
    search_places,
)
from ..progress import activity_status, plan_progress
from ..publishing import diff_versions
from ..revisions import revision_footnotes
from ..search import clean_query, search_plans
from ..snapshot import _forum as forum_row
from ..snapshot import (
    actors_display,
    area_labels,
    build_snapshot,
    district_level,
    goals_by_party,
    grouped_focus_areas,
    organisation,
    upgrade,
)


@functools.cache
def _status_choices(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((value, str(label)) for value, label in Status.choices)


def status_choices() -> tuple[tuple[str, str], ...]:
    """Status.choices with the labels translated once per language, not once per activity."""
    return _status_choices(get_language())


# --- Looking things up ------------------------------------------------------------------------


def published_plan(district: str, period: Period) -> Plan:
    """The published (or superseded) plan of a district for a period; else a 404."""
    start, end = period
    return get_object_or_404(
        Plan.objects.published().select_related("district"),
        district__slug=district,
        period_start=start,
        period_end=end,
    )


def published_versions(district: str, period: Period) -> list[PlanVersion]:
    """The versions of a published (or superseded) plan, oldest first, without their (large)
    snapshots, each with the plan and its district: one query where plan and versions took two.
    A plan that is not public, or has no version, is a 404."""
    start, end = period
    versions = list(
        PlanVersion.objects.published()
        .filter(
            plan__district__slug=district,
            plan__period_start=start,
            plan__period_end=end,
        )
        .select_related("plan__district")
        .defer("snapshot")
        .order_by("number")
    )
    if not versions:
        raise Http404("Planen findes ikke eller har ingen offentliggjort version")
    plan = versions[0].plan
    for version in versions:
        version.plan = plan
    return versions


# Snapshots kept per process by `load_snapshot`: some 130 KB of memory each for a plan of 60
# activities, 2 MB at 1,000.
SNAPSHOTS_KEPT = 16


@functools.lru_cache(maxsize=SNAPSHOTS_KEPT)
def _stored_snapshot(version_id: int, created_at) -> dict:
    return PlanVersion.objects.values_list("snapshot", flat=True).get(pk=version_id)


def load_snapshot(version: PlanVersion) -> PlanVersion:
    """The version with its snapshot, which `published_versions` left out, read from the
    database once per process: a published version never changes (the model refuses), and the
    query and parsing of its JSON were a tenth of the plan page. Keyed by creation time as well
    as id, so an id a test database gives again is not taken for the old version. The snapshot
    is shared by every request: read it, never change it."""
    if "snapshot" in version.get_deferred_fields():
        version.snapshot = _stored_snapshot(version.pk, version.created_at)
    return version


def current_version(district: PoliceDistrict) -> PlanVersion | None:
    """The latest version of the district's current (published, not superseded) plan."""
    return (
        PlanVersion.objects.filter(plan__district=district, plan__status=Plan.Status.PUBLISHED)
        .select_related("plan")
        .order_by("-number")
        .first()
    )


# --- Live status ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusSummary:
    """How far the councils holding an activity have come: counts per status.

    The derived values are worked out once: the plan page asks for them in every activity row.
    """

    counts: dict[str, int] = field(default_factory=dict)
    district_level: bool = False
    # The latest status date of the activity's assignments (the plan's "Senest opdateret").
    latest: datetime.date | None = None

    @functools.cached_property
    def total(self) -> int:
        return sum(self.counts.values())

    @functools.cached_property
    def done(self) -> int:
        return self.counts.get(Status.DONE, 0)

    @functools.cached_property
    def single_status(self) -> str:
        """The status of a district-level activity held by one council."""
        return next(value for value, n in self.counts.items() if n)

    @functools.cached_property
    def single_label(self) -> str:
        return dict(status_choices())[self.single_status]

    @functools.cached_property
    def others(self) -> list[tuple[str, int]]:
        """The statuses other than "done", in the usual order, as (label, count)."""
        return [
            (label, self.counts[value])
            for value, label in status_choices()
            if value != Status.DONE and self.counts.get(value)
        ]

    @functools.cached_property
    def others_text(self) -> str:
        """ "I gang: 3 · Udskudt: 1" (one text node: a loop in the template cost a tenth of the
        plan page)."""
        return " · ".join(f"{label}: {count}" for label, count in self.others)

    @functools.cached_property
    def kind(self) -> str:
        """Which of the summary's three forms the page shows: "none" (no council holds the
        activity yet), "single" (one council at district level: its status) or "counts"."""
        if not self.total:
            return "none"
        if self.district_level and self.total == 1:
            return "single"
        return "counts"

    @functools.cached_property
    def done_text(self) -> str:
        """ "Gennemført i 3 af 8 lokalråd" (composed here, not in the template: the plan page
        shows one per activity, and each template variable costs)."""
        councils = "råd" if self.district_level else "lokalråd"
        return f"Gennemført i {self.done} af {self.total} {councils}"

    @functools.cached_property
    def progress_text(self) -> str:
        return f"{self.done} af {self.total}"

    def shown(self) -> dict:
        """What the status-summary partial shows, as a dict for the plan page's rows: the
        template engine finds a dict's keys at once, an object's attributes only after a failed
        key lookup (an exception each, ten per row). Worked out once per process for each
        distinct summary and language; the dict is shared: read it, never change it."""
        return _shown(frozenset(self.counts.items()), self.district_level, get_language())

    def shown_html(self, activity_id: int) -> SafeString:
        """The status-summary partial for this summary in the row of `activity_id`, rendered
        once per process for each distinct summary, activity and language (a fifth of an
        uncached plan page when each row rendered it)."""
        return _shown_html(
            frozenset(self.counts.items()), self.district_level, get_language(), activity_id
        )


@functools.lru_cache(maxsize=4096)
def _shown(counts: frozenset, district_level: bool, language: str) -> dict:
    summary = StatusSummary(dict(counts), district_level)
    if summary.kind == "single":
        return {
            "kind": summary.kind,
            "single_status": summary.single_status,
            "single_label": summary.single_label,
        }
    if summary.kind == "none":
        return {"kind": summary.kind}
    return {
        "kind": summary.kind,
        "done_text": summary.done_text,
        "total": summary.total,
        "done": summary.done,
        "progress_text": summary.progress_text,
        "others_text": summary.others_text,
    }


# Status cells kept per process by `StatusSummary.shown_html`: a few hundred bytes each.
STATUS_CELLS_KEPT = 16384


@functools.lru_cache(maxsize=STATUS_CELLS_KEPT)
def _shown_html(counts: frozenset, district_level: bool, language: str, activity_id: int):
    return render_to_string(
        "plans/_focus_area_group.html#status-summary",
        {"status": _shown(counts, district_level, language), "activity": {"id": activity_id}},
    )


@dataclass(frozen=True)
class LiveStatus:
    """The live part of a plan page: how many of each activity's councils are at each status.

    The page shows these counts and nothing else that changes, so they are the cache key too:
    an update that does not change an assignment's current status (an older date) changes nothing.
    """

    counts: dict[int, dict[str, int]]
    # Each activity's latest status date, which the page shows as "Senest opdateret".
    dates: dict[int, datetime.date] = field(default_factory=dict)

    @functools.cached_property
    def key(self) -> str:
        rows = sorted(
            (activity_id, status, n)
            for activity_id, statuses in self.counts.items()
            for status, n in statuses.items()
        )
        dates = sorted(self.dates.items())
        return hashlib.sha256(repr((rows, dates)).encode()).hexdigest()[:24]

    def summaries(self, snapshot: dict) -> dict[int, StatusSummary]:
        """{activity id: StatusSummary} for every activity of the snapshot."""
        return {
            a["id"]: StatusSummary(
                self.counts.get(a["id"], {}), district_level(a), self.dates.get(a["id"])
            )
            for area in snapshot["focus_areas"]
            for a in area["activities"]
        }


def live_status(plan: Plan) -> LiveStatus:
    """Counts per activity and status of every assignment of the plan, in one query.

    Filters by plan alone; activities a version lacks are simply not looked up. (A list of the
    snapshot's activity ids in the filter made PostgreSQL scan all assignments of every plan, or
    compare each row with the whole list: 40-300 ms at 1,000 activities.)
    """
    counts: dict[int, dict[str, int]] = {}
    dates: dict[int, datetime.date] = {}
    rows = (
        Assignment.objects.filter(activity__focus_area__plan=plan)
        .order_by()
        .values_list("activity_id", "status")
        .annotate(n=Count("id"), latest=Max("status_date"))
    )
    for activity_id, status, n, latest in rows:
        counts.setdefault(activity_id, {})[status] = n
        if latest is not None and (activity_id not in dates or latest > dates[activity_id]):
            dates[activity_id] = latest
    return LiveStatus(counts, dates)


def activity_url(snapshot: dict):
    """A function from activity id to the address of its page in the snapshot's plan.

    Reversed once per page: a reverse() for each of the plan's activities took a sixth of the
    plan page's time.
    """
    marker = 999_999_999
    head, tail = reverse(
        "public:activity",
        kwargs={
            "district": snapshot["district"]["slug"],
            "period": snapshot["plan"]["period_label"],
            "activity_id": marker,
        },
    ).rsplit(str(marker), 1)
    return lambda activity_id: f"{head}{activity_id}{tail}"


def file_urls(snapshot: dict, number: int | None):
    """Functions from a figure's and an attachment's id to its address: in the published version
    `number`, or, for None, in the secretariat's preview of the draft."""
    plan = {"district": snapshot["district"]["slug"], "period": snapshot["plan"]["period_label"]}
    if number is None:
        return (
            lambda pk: reverse("files:preview_figure", kwargs={**plan, "figure_id": pk}),
            lambda pk: reverse("files:preview_attachment", kwargs={**plan, "attachment_id": pk}),
        )
    plan["number"] = number
    return (
        lambda pk: reverse("files:figure", kwargs={**plan, "figure_id": pk}),
        lambda pk: reverse("files:attachment", kwargs={**plan, "attachment_id": pk}),
    )


def plan_content(
    snapshot: dict, *, summaries=None, footnotes=None, links=True, number=None
) -> dict:
    """The snapshot's sections and focus areas (under their groups), each with its revision
    date and live status, and, with `links`, each activity with the address of its page;
    figures and attachments with their addresses in version `number` (None: the draft's
    preview)."""
    snapshot = upgrade(snapshot)
    summaries = summaries or {}
    sections = footnotes.sections if footnotes else {}
    areas = footnotes.focus_areas if footnotes else {}
    url = activity_url(snapshot) if links else lambda activity_id: ""
    groups = grouped_focus_areas(
        snapshot,
        [
            {
                **area,
                "revised_on": areas.get(area["id"]),
                "activities": [
                    {
                        **a,
                        "status": (summary := summaries.get(a["id"], StatusSummary())).shown(),
                        "status_html": summary.shown_html(a["id"]),
                        "url": url(a["id"]),
                        "actors_text": actors_display(a),
                    }
                    for a in area["activities"]
                ],
            }
            for area in snapshot["focus_areas"]
        ],
    )
    for group in groups:
        group["areas"] = [{**area, **area_labels(group, area)} for area in group["areas"]]
    figure_url, attachment_url = file_urls(snapshot, number)
    shown_sections = [
        {
            **s,
            "revised_on": sections.get(s["id"]),
            "figures": [
                {**figure, "url": figure_url(figure["id"])} for figure in s.get("figures", ())
            ],
        }
        for s in snapshot["sections"]
    ]
    outline = build_outline(shown_sections, groups)
    focus_areas = [area for group in groups for area in group["areas"]]
    return {
        "filter_form": PlanFilter(choices=filter_choices(snapshot)),
        "progress": plan_progress(
            focus_areas,
            {a: s.counts for a, s in summaries.items()},
            {a: s.latest for a, s in summaries.items()},
        ),
        "sections": shown_sections,
        "outline": outline,
        "attachments": [
            {**attachment, "url": attachment_url(attachment["id"])}
            for attachment in snapshot.get("attachments", ())
        ],
        "groups": groups,
        "focus_areas": focus_areas,
        "plan_goals": goals_by_party(snapshot["plan"]["goals"]),
        "annual_cycle": cycle_entries(
            snapshot["annual_cycle"], period_start=snapshot["plan"]["period_start"]
        ),
        "forums": snapshot["forums"],
        # Versions published before the organisation was frozen with them have none.
        "organisation": snapshot.get("organisation"),
        "appendix": appendix_numbers(
            forums=bool(snapshot["forums"]),
            annual_cycle=bool(snapshot["annual_cycle"]),
            organisation=bool(snapshot.get("organisation")),
        ),
    }


# The parts of _plan_body.html that read the version alone, not its live status.
BODY_PARTS = ("front", "appendices")


def body_parts(context: dict) -> dict[str, SafeString]:
    """The contents, foreword and shared goals ("front") and the appendices of a plan body,
    rendered from `context` (the body's)."""
    return {name: render_to_string(f"plans/_plan_body.html#{name}", context) for name in BODY_PARTS}


@functools.lru_cache(maxsize=SNAPSHOTS_KEPT)
def published_parts(version_id: int, created_at, number: int, language: str) -> dict:
    """`body_parts` of a published version, rendered once per process and language: like its
    snapshot (`load_snapshot`), they never change, and they were a sixth of an uncached plan
    page. Each page still renders its header, progress, chapters and focus areas with the live
    status."""
    snapshot = _stored_snapshot(version_id, created_at)
    return body_parts({"snapshot": snapshot, **plan_content(snapshot, number=number)})


# --- Caching ----------------------------------------------------------------------------------


def cached_fragment(key: str, template_name: str, build_context) -> SafeString:
    """Render `template_name` once per key. The fragment must not depend on the request."""
    html = cache.get(key)
    if html is None:
        html = render_to_string(template_name, build_context())
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our own template with autoescape


def revalidated(request, response, last_modified=None):
    """Caches may keep the page but must ask again each time: ConditionalGetMiddleware answers
    304 to the page's ETag (a hash of it) or, with `last_modified` (a time after which the
    content cannot have changed), to a later If-Modified-Since. A signed-in visitor's page is
    their own (the CSRF token of the sign-out form)."""
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    return response


# --- Plan pages -------------------------------------------------------------------------------


def _render_plan(request, plan: Plan, versions: list[PlanVersion], version: PlanVersion):
    latest = versions[-1]
    status = live_status(plan)
    key = f"{CACHE_PREFIX}:plan:{version.pk}:{latest.number}:{plan.status}:{status.key}"

    def build():
        snapshot = load_snapshot(version).snapshot
        return {
            "snapshot": snapshot,
            "plan": plan,
            "version": version,
            "latest": latest,
            "version_count": len(versions),
            **plan_content(
                snapshot,
                summaries=status.summaries(snapshot),
                footnotes=revision_footnotes(version, versions),
                number=version.number,
            ),
            "parts": published_parts(
                version.pk, version.created_at, version.number, get_language()
            ),
        }

    content = cached_fragment(key, "plans/_plan_body.html", build)
    response = render(
        request,
        "plans/plan_detail.html",
        {"plan": plan, "version": version, "latest": latest, "content": content},
    )
    # The ETag alone: no one time tells when a plan page last changed (a plan superseded, a
    # lokalråd added, an assignment dropped), so a Last-Modified could give a stale 304.
    return revalidated(request, response)


# The plan page's filters (GET), read by PlanFilter as given.
FILTER_KEYS = {"status", "lokalraad", "kommune"}


@require_safe
@anonymous_page_cache(params=dict.fromkeys(FILTER_KEYS, str))
def plan(request, district, period):
    """The latest published version of a plan, with live status. Everyone."""
    versions = published_versions(district, period)
    if FILTER_KEYS & request.GET.keys():
        return _render_filtered(request, versions[0].plan, versions, versions[-1])
    return _render_plan(request, versions[0].plan, versions, versions[-1])


@require_safe
@anonymous_page_cache
def plan_version(request, district, period, number):
    """One published version of a plan, read in full. Everyone."""
    versions = published_versions(district, period)
    version = next((v for v in versions if v.number == number), None)
    if version is None:
        raise Http404("Versionen findes ikke")
    return _render_plan(request, versions[0].plan, versions, version)


# --- Filters ----------------------------------------------------------------------------------


class PlanFilter(forms.Form):
    """The plan page's filters (GET): status (the activity's derived status, plans/progress.py),
    lokalråd (slug) and kommune (name). Options come from the version's snapshot, so the form
    is part of the cached page; an unknown value is ignored, never an error."""

    status = forms.ChoiceField(label="Status", required=False)
    lokalraad = forms.ChoiceField(label="Lokalråd", required=False)
    kommune = forms.ChoiceField(label="Kommune", required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Alle"), *status_choices()]
        self.fields["lokalraad"].choices = [("", "Alle"), *choices["lokalraad"]]
        self.fields["kommune"].choices = [("", "Alle"), *choices["kommune"]]
        for select in self.fields.values():
            select.widget.attrs["class"] = "form-select"

    def chosen(self) -> dict:
        """The valid, non-empty choices; anything else is left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def selects(self) -> list[dict]:
        """Each filter as `_plan_filter.html` writes it: name, id, label and its options as
        (value, text, selected); the value given is selected if offered, else "Alle". (Django's
        widget templates, one include per option, took a fifth of the uncached plan page.)"""
        selects = []
        for bound in self:
            chosen = bound.value() or ""
            options = [(value, text, value == chosen) for value, text in bound.field.choices]
            selects.append(
                {
                    "name": bound.html_name,
                    "id": bound.id_for_label,
                    "label": bound.label,
                    "options": options,
                }
            )
        return selects


def filter_choices(snapshot: dict) -> dict:
    """The lokalråd and kommuner the version names: its organisation's lokalråd and their
    kommuner, and the kommuner among its activities' actors."""
    councils = (snapshot.get("organisation") or {}).get("local_councils", [])
    municipalities = {name for council in councils for name in council["municipalities"]}
    for area in snapshot["focus_areas"]:
        for activity in area["activities"]:
            actors = activity.get("actors") or {}
            municipalities.update(m["name"] for m in actors.get("municipalities", ()))
    return {
        "lokalraad": [(c["slug"], c["name"]) for c in councils],
        "kommune": [(name, name) for name in sorted(municipalities)],
        "covers": {
            name: {c["slug"] for c in councils if name in c["municipalities"]}
            for name in municipalities
        },
    }


def _render_filtered(request, plan: Plan, versions: list[PlanVersion], version: PlanVersion):
    """The activities of the plan's latest version that match the filters, with their status."""
    snapshot = upgrade(load_snapshot(version).snapshot)
    choices = filter_choices(snapshot)
    form = PlanFilter(request.GET, choices=choices)
    chosen = form.chosen()
    status = live_status(plan)
    held_by: dict[int, set[str]] = {}
    if "lokalraad" in chosen or "kommune" in chosen:
        rows = Assignment.objects.filter(activity__focus_area__plan=plan).values_list(
            "activity_id", "council__slug"
        )
        for activity_id, slug in rows:
            held_by.setdefault(activity_id, set()).add(slug)
    labels = dict(status_choices())
    url = activity_url(snapshot)
    areas = []
    total = shown = 0
    for group in grouped_focus_areas(snapshot):
        for area in group["areas"]:
            matches = []
            for a in area["activities"]:
                total += 1
                value = activity_status(status.counts.get(a["id"], {}))
                councils = held_by.get(a["id"], set())
                actors = a.get("actors") or {}
                if chosen.get("status", value) != value:
                    continue
                if "lokalraad" in chosen and chosen["lokalraad"] not in councils:
                    continue
                if "kommune" in chosen:
                    own = {m["name"] for m in actors.get("municipalities", ())}
                    covering = choices["covers"].get(chosen["kommune"], set())
                    if chosen["kommune"] not in own and not covering & councils:
                        continue
                matches.append(
                    {**a, "url": url(a["id"]), "status": value, "status_label": labels[value]}
                )
            shown += len(matches)
            if matches:
                areas.append({"id": area["id"], "title": area["title"], "activities": matches})
    names = dict(form.fields["lokalraad"].choices) | dict(form.fields["kommune"].choices)
    described = [
        labels[chosen["status"]].lower() if "status" in chosen else "",
        names[chosen["lokalraad"]] if "lokalraad" in chosen else "",
        f"{chosen['kommune']} Kommune" if "kommune" in chosen else "",
    ]
    response = render(
        request,
        "plans/plan_filtered.html",
        {
            "plan": plan,
            "version": version,
            "snapshot": snapshot,
            "filter_form": form,
            "areas": areas,
            "shown": shown,
            "total": total,
            "described": ", ".join(part for part in described if part),
        },
    )
    response = revalidated(request, response)
    given = {name: value for name in FILTER_KEYS if (value := request.GET.get(name))}
    if given != chosen:  # a value the page does not offer: not for shared caches
        patch_cache_control(response, no_store=True)
    return response


def preview_body(plan: Plan) -> str:
    """The draft's plan page body as it would be published now (the public preview and the
    workspace's "Forhåndsvisning" show the same)."""
    snapshot = build_snapshot(plan)
    context = {
        "snapshot": snapshot,
        "plan": plan,
        "is_preview": True,
        **plan_content(snapshot, summaries=live_status(plan).summaries(snapshot), links=False),
    }
    context["parts"] = body_parts(context)
    content = render_to_string("plans/_plan_body.html", context)
    return mark_safe(content)  # noqa: S308 - rendered by our own template


@require_safe
def preview(request, district, period):
    """The draft rendered as citizens would see it. The district's secretariat and superusers."""
    if not request.user.is_staff:  # a superuser too needs staff status for the preview
        raise Http404
    plans = Plan.objects.managed_by(request.user).select_related("district")
    start, end = period
    plan = get_object_or_404(plans, district__slug=district, period_start=start, period_end=end)
    response = render(
        request,
        "plans/plan_detail.html",
        {"plan": plan, "content": preview_body(plan), "is_preview": True},
    )
    patch_cache_control(response, private=True, no_store=True)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _find_activity(plan: Plan, activity_id: int):
    """(version, focus area, activity, is latest) from the newest version with the activity."""
    for index, version in enumerate(plan.versions.order_by("-number")):
        for area in version.snapshot["focus_areas"]:
            for activity in area["activities"]:
                if activity["id"] == activity_id:
                    return version, area, activity, index == 0
    raise Http404("Aktiviteten findes ikke i en offentliggjort version af planen")


@require_safe
@anonymous_page_cache
def activity(request, district, period, activity_id):
    """One activity of a published plan with each council's latest public status. Everyone."""
    plan = published_plan(district, period)
    version, area, item, is_latest = _find_activity(plan, activity_id)
    assignments = list(
        Assignment.objects.filter(activity_id=activity_id, activity__focus_area__plan=plan)
        .select_related("council", "latest_update")
        .defer("latest_update__internal_note")
        .order_by("council__name")
    )
    summary = StatusSummary(dict(Counter(a.status for a in assignments)), district_level(item))
    return render(
        request,
        "plans/activity_detail.html",
        {
            "plan": plan,
            "version": version,
            "area": area,
            "activity": {**item, "actors_text": actors_display(item)},
            "is_latest": is_latest,
            "status": summary,
            "assignments": assignments,
        },
    )


@require_safe
def versions(request, district, period):
    """Every published version of a plan with its date and revision note. Everyone."""
    plan = published_plan(district, period)
    items = list(plan.versions.order_by("-number"))
    if not items:
        raise Http404("Planen har ingen offentliggjort version")
    selected_old, selected_new = request.GET.get("fra", ""), request.GET.get("til", "")
    compare_error = ""
    if selected_old or selected_new:
        numbers = {str(v.number): v.number for v in items}
        if selected_old in numbers and selected_new in numbers and selected_old != selected_new:
            old, new = sorted((numbers[selected_old], numbers[selected_new]))
            return redirect(
                "public:version_diff",
                district=plan.district.slug,
                period=plan.period_label,
                old=old,
                new=new,
            )
        compare_error = "Vælg to forskellige versioner at sammenligne."
    for version in items:
        titles = {s["id"]: s["title"] for s in version.snapshot["sections"]}
        areas = {a["id"]: a["title"] for a in version.snapshot["focus_areas"]}
        version.changed_titles = [titles[pk] for pk in version.changed_sections if pk in titles]
        version.changed_titles += [areas[pk] for pk in version.changed_focus_areas if pk in areas]
    return render(
        request,
        "plans/version_list.html",
        {
            "plan": plan,
            "versions": items,
            "compare_error": compare_error,
            "selected_old": selected_old,
            "selected_new": selected_new,
        },
    )


@require_safe
def version_diff(request, district, period, old, new):
    """What changed between two published versions. Everyone."""
    plan = published_plan(district, period)
    if old == new:
        raise Http404
    if old > new:
        return redirect(
            "public:version_diff", district=district, period=plan.period_label, old=new, new=old
        )
    found = {v.number: v for v in plan.versions.filter(number__in=[old, new])}
    if len(found) != 2:
        raise Http404("Versionen findes ikke")
    older, newer = found[old], found[new]
    response = render(
        request,
        "plans/version_diff.html",
        {"plan": plan, "old": older, "new": newer, "diff": diff_versions(older, newer)},
    )
    return revalidated(request, response, last_modified=newer.created_at)


# --- Open data --------------------------------------------------------------------------------

JSON_DOCUMENTATION = {
    "beskrivelse": (
        "En offentliggjort version af en samarbejdsplan mellem politi og kommuner "
        "(retsplejelovens § 113). Versionen ændres aldrig; en revision udgives som en ny version."
    ),
    "licens": "Fri brug med kildeangivelse.",
    "felter": {
        "version.nummer": "Versionens nummer; 1 er den første offentliggørelse.",
        "version.offentliggjort": (
            "Dato for offentliggørelsen, for en revision revisionens dato (ÅÅÅÅ-MM-DD); for "
            "planer udgivet før portalen den dato, sekretariatet har angivet."
        ),
        "version.revisionsnote": "Hvad der blev ændret ved revisionen.",
        "version.reviderede_afsnit": "Id'er på afsnit, der blev ændret i denne version.",
        "version.reviderede_indsatsomraader": "Id'er på indsatsområder ændret i denne version.",
        "version.adresse": "Versionens side på portalen.",
        "indhold.schema": "Skemaets versionsnummer.",
        "indhold.district": "Politikredsen: id, name (navn), slug (kort navn i adresser).",
        "indhold.plan": (
            "Forsiden: title, subtitle (undertitel), issuer (udgivet af), period_start, "
            "period_end, period_label, foreword (forord, HTML), shared_goals (fælles mål, HTML), "
            "signatory_name og signatory_title (underskriver), council_treatment (kredsrådets "
            "behandling: approved = godkendt, discussed = drøftet, tom = ikke oplyst), "
            "approval_meeting_date (kredsrådets mødedato), effective_date (gælder fra). Ældre "
            "versioner kan mangle subtitle, issuer og council_treatment."
        ),
        "indhold.sections": (
            "Planens afsnit i rækkefølge: id, title, parent (id på det overordnede afsnit; "
            "tom for et kapitel; mangler i ældre versioner), body (HTML), order (rækkefølgen "
            "blandt afsnittene under samme overordnede afsnit) og figures (figurer: id, "
            "file, width, height, alt_text (alternativ tekst), caption (billedtekst), order; "
            "billedet hentes på …/version/<nummer>/figur/<id>/)."
        ),
        "indhold.attachments": (
            "Vedhæftede bilag (PDF): id, title, file, size (bytes), order; hentes på "
            "…/version/<nummer>/bilag/<id>/."
        ),
        "indhold.plan.goals": (
            "Planens mål for parterne i rækkefølge: id, party (police = politiet, "
            "municipalities = kommunerne, joint = fælles), text, order."
        ),
        "indhold.focus_area_groups": (
            "Planens grupper af indsatsområder i rækkefølge: id, heading (overskrift), kind "
            "(national, district = kredsfælles, police = politikredsens egne, local = lokalt "
            "valgte), kind_display, ranked (områderne har et nummer), section (id på det "
            "afsnit, gruppen står i; tom: i kapitlet »Indsatsområder« efter planens kapitler; "
            "mangler i ældre versioner), order."
        ),
        "indhold.focus_areas": (
            "Indsatsområder: id, title, group (gruppens id), councils (lokalråd, der har valgt "
            "et lokalt område), rank (nummer i en prioriteret gruppe), background (HTML), "
            "ambition, order, goals (mål for parterne, som planens) og activities. Versioner "
            "med schema 1 har ingen grupper og mål, men scope (district = kredsfælles, local = "
            "lokalt valgt), council og priority_group (prioritised, other eller tom)."
        ),
        "indhold.focus_areas[].activities": (
            "Aktiviteter: id, text, actors (ansvarlige: police = politiet, police_unit = "
            "politiets enhed, municipalities = kommuner, district_council = kredsrådet, "
            "secretariat = sekretariatet, all_local_councils = alle lokalråd), forum, councils "
            "(udvalgte lokalråd og lokalråd+), actors_display (de ansvarlige som én tekst), "
            "district_level (sekretariatet indberetter for en del af aktiviteten), timing "
            "(tidsramme), order. Ældre versioner har i stedet responsible (district_council, "
            "secretariat, forum, all_local, named_local) og responsible_display."
        ),
        "indhold.annual_cycle": (
            "Årshjulet: id, kind (meeting, theme, deadline, report), kind_display, title, "
            "description, month (1-12) eller quarter (1-4) eller undated (ongoing = løbende, "
            "yearly = årligt uden fast måned; ellers tom), before_period (true: én gang i året "
            "før periodens første år), council, order."
        ),
        "indhold.forums": (
            "Forumoversigten (bilag 1): id, name, slug, kind, kind_display, municipalities "
            "(tom = hele kredsen), topic (emne), legal_basis (lovgrundlag), purpose (formål), "
            "action_plans (handleplaner), interfaces og interfaces_text (snitflader), "
            "participants (deltagere), meetings_min og meetings (antal møder om året)."
        ),
        "indhold.organisation": (
            "Organisationen, som den var ved offentliggørelsen (mangler i ældre versioner): "
            "district_council (kredsrådet: id, name, slug, description og members i "
            "rækkefølge, formand først: name (tom, når pladsen er angivet ved sin funktion), "
            "role, role_display, function, organisation), local_councils (lokalråd: id, name, "
            "slug, description, municipalities og children, lokalråd+), staff_functions "
            "(sekretariatets stabsfunktioner: id, name, tasks)."
        ),
    },
    "udeladt": (
        "Interne noter, kontaktoplysninger og statusindberetninger er ikke med. Status på "
        "aktiviteterne ses på planens side."
    ),
}


@require_safe
def version_json(request, district, period, number):
    """A published version as open data (JSON), with its fields documented inside. Everyone."""
    plan = published_plan(district, period)
    version = get_object_or_404(plan.versions, number=number)
    address = reverse(
        "public:plan_version",
        kwargs={"district": district, "period": plan.period_label, "number": number},
    )
    data = {
        "dokumentation": JSON_DOCUMENTATION,
        "version": {
            "nummer": version.number,
            "offentliggjort": version.published_on.isoformat(),
            "revisionsnote": version.revision_note,
            "reviderede_afsnit": version.changed_sections,
            "reviderede_indsatsomraader": version.changed_focus_areas,
            "adresse": request.build_absolute_uri(address),
        },
        "indhold": version.snapshot,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Disposition"] = (
        f'inline; filename="samarbejdsplan-{district}-{plan.period_label}-v{number}.json"'
    )
    return revalidated(request, response, last_modified=version.created_at)


# --- District, lokalråd, forums, annual cycle -------------------------------------------------


def forum_overview(district: PoliceDistrict, version: PlanVersion | None) -> list[dict]:
    """The forum overview of the current version, or the live forums if none is published."""
    if version is not None:
        return version.snapshot["forums"]
    forums = (
        Forum.objects.active()
        .for_district(district)
        .prefetch_related("municipalities", "interface_forums", "interface_councils")
        .order_by("order", "name")
    )
    return [forum_row(forum) for forum in forums]


@require_safe
@anonymous_page_cache
def district(request, district):
    """A district: kredsråd, municipalities, lokalråd with their lokalråd+, staff functions,
    forums and the plan archive. Everyone."""
    district = get_object_or_404(PoliceDistrict, slug=district)
    version = current_version(district)
    archive = (
        Plan.objects.published()
        .for_district(district)
        .annotate(version_count=Count("versions"), last_published=Max("versions__published_on"))
        .filter(version_count__gt=0)
        .order_by("-period_start")
    )
    return render(
        request,
        "plans/district_detail.html",
        {
            "district": district,
            "version": version,
            "organisation": organisation(district),
            "municipalities": district.municipalities.order_by("name"),
            "forums": forum_overview(district, version),
            "archive": archive,
        },
    )


@require_safe
@anonymous_page_cache
def council(request, district, council):
    """A lokalråd: its local focus areas and the activities it holds, with status. Everyone."""
    council = get_object_or_404(
        Council.objects.exclude(kind=Council.Kind.DISTRICT).select_related("district", "parent"),
        district__slug=district,
        slug=council,
    )
    version = current_version(council.district)
    local_areas, shared_areas = [], []
    if version is not None:
        held = {
            a.activity_id: a
            for a in Assignment.objects.filter(
                council=council, activity__focus_area__plan_id=version.plan_id
            )
            .select_related("latest_update")
            .defer("latest_update__internal_note")
        }
        for area in upgrade(version.snapshot)["focus_areas"]:
            own = any(chooser["id"] == council.pk for chooser in area["councils"])
            rows = [
                {**a, "assignment": held.get(a["id"])}
                for a in area["activities"]
                if own or a["id"] in held
            ]
            if own:
                local_areas.append({**area, "rows": rows})
            elif rows:
                shared_areas.append({**area, "rows": rows})
    return render(
        request,
        "plans/council_detail.html",
        {
            "council": council,
            "district": council.district,
            "version": version,
            "municipalities": council.municipalities.order_by("name"),
            "children": council.children.active().order_by("name"),
            "local_areas": local_areas,
            "shared_areas": shared_areas,
        },
    )


@require_safe
@anonymous_page_cache
def forums(request, district):
    """The district's forum overview (the plan's appendix 1). Everyone."""
    district = get_object_or_404(PoliceDistrict, slug=district)
    version = current_version(district)
    return render(
        request,
        "plans/forum_overview.html",
        {"district": district, "version": version, "forums": forum_overview(district, version)},
    )


@require_safe
@anonymous_page_cache
def annual_cycle(request, district):
    """The current plan's annual cycle as a table and a drawn wheel. Everyone."""
    district = get_object_or_404(PoliceDistrict, slug=district)
    version = current_version(district)
    entries = []
    if version:
        entries = cycle_entries(
            version.snapshot["annual_cycle"], period_start=version.plan.period_start
        )
    wheel = None
    if entries:
        wheel = cycle_wheel(
            entries, title=f"Årshjul {version.plan.period_label} for {district.name}"
        )
    return render(
        request,
        "plans/annual_cycle.html",
        {
            "district": district,
            "version": version,
            "entries": entries,
            "wheel": wheel,
            "undated": undated_entries(entries),
            "has_before_period": any(e["before_period"] for e in entries),
        },
    )


# --- Find my area and search -----------------------------------------------------------------


@require_safe
def find_area(request):
    """The target of "Hvor bor du?": sends the chosen kommune (its slug from the list, or its
    name as typed) to its page; otherwise shows the list again with what went wrong. Everyone."""
    value = clean_query(request.GET.get("kommune", ""))
    municipalities = municipality_choices()
    found = find_municipality(value, municipalities) if value else None
    if found is not None:
        return redirect("public:municipality", municipality=found.slug)
    if value:
        error = f"Vi kender ikke en kommune, der hedder »{value}«. Vælg din kommune på listen."
    else:
        error = "Vælg din kommune på listen."
    return render(
        request,
        "plans/find_area.html",
        {
            "municipality_options": municipality_options(municipalities),
            "value": value,
            "error": error,
        },
    )


@require_safe
@anonymous_page_cache
def municipality(request, municipality):
    """A kommune: the district it belongs to and the lokalråd covering it. Everyone."""
    municipalities = municipality_choices()
    found = next((m for m in municipalities if m.slug == municipality), None)
    if found is None:
        raise Http404("Ingen kommune med den adresse.")
    return render(
        request,
        "plans/municipality_detail.html",
        {
            "municipality": found,
            "district": found.district,
            "council": found.local_council,
            "version": current_version(found.district),
            "municipality_options": municipality_options(municipalities),
        },
    )


@require_safe
@anonymous_page_cache(params={"q": clean_query})
def search(request):
    """Search over districts, kommuner, lokalråd and forums by name, and full-text over the
    latest version of every published plan. Everyone."""
    query = clean_query(request.GET.get("q", ""))
    places = search_places(query) if query else []
    results = search_plans(query) if query else []
    response = render(
        request, "plans/search.html", {"query": query, "places": places, "results": results}
    )
    if query and not (places or results):  # typos and junk: rendered, not filling the cache
        patch_cache_control(response, no_store=True)
    return response
