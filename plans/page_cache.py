"""The whole-page cache of the public pages, for visitors who are not signed in.

A public page is the same for everyone who is not signed in, and nearly all its readers are not.
Their page is cached whole under its address, marked with the *generations* of the scopes it
depends on: numbers in the shared cache that changes to the data of the councils, forums and
plans apps move on; an entry whose generations are not the current ones is not used. A hit
costs one round trip to the cache (the generations and the entry together) and no database
query.

Scopes, and which pages depend on which:

| scope           | moved by a change to                              | pages that depend on it    |
|-----------------|---------------------------------------------------|----------------------------|
| `all`           | a police district itself, a write whose rows are  | every cached page          |
|                 | not known (`content_changed()`), a many-to-many   |                            |
|                 | `clear`, any model `DISTRICT_PATHS` does not name |                            |
| `district:SLUG` | any row of that district (`DISTRICT_PATHS`)       | the pages under /SLUG/:    |
|                 |                                                   | district, forums, annual   |
|                 |                                                   | cycle, lokalråd, plan,     |
|                 |                                                   | version, activity pages,   |
|                 |                                                   | where a PDF is stored, and |
|                 |                                                   | the lokalråd overview of   |
|                 |                                                   | "Mit lokalråd"             |
| `national`      | any row of any district                           | the front page (it lists   |
|                 |                                                   | every district's plan)     |

So a status report in Tønder (Syd- og Sønderjyllands Politi) moves that district's generation
and the national one: the district's pages and the front page are rendered again, and every
other district's cached pages stay hot. The first reader after a change gets the page rendered
again, the plan content mostly from the fragment cache of plans/views/public.py, whose keys follow
the data itself.

Which district a row belongs to is asked of the database when the row is saved (before and
after, so a row that moves from one district to another moves both) or before it is deleted:
one small query per row. A row deleted with its parent (a cascade) is covered by the parent's
own question. Writes are rare next to reads.

The generations move when a change's transaction commits (`transaction.on_commit`), and only
then. A page is stored under the generations read *before* its data was read. A page rendered
from the data as it was before a commit therefore read the generations before that commit's
move (it read the data before the commit, and the move comes after the commit): it is stored
under a generation that is no longer current, whenever it gets there, and never served. A page
that read the generations after the move reads the data after the commit too (each query of a
request sees what was committed when it started), so it shows the change. A move inside the
transaction as well would add nothing: until the commit, every other reader sees the old data
anyway. Between the commit and the move a reader may still get the page of a moment before, as
if it had come a moment earlier; the writer's own next request comes after the move, which runs
before the response to its change.

Writes that send no model signals (`bulk_create`, `QuerySet.update`) call
`content_changed(row, …)` themselves with a row that tells the district, or `content_changed()`
to move every page.

A bulk load (the demo: hundreds of rows in one transaction) runs inside `bulk_load()`, which
asks no row for its district and moves every page once, when the load commits.

The cache may fail (settings.CACHES, portal/cache.py): a read from an unreachable cache is a
miss and a write is dropped, so pages are rendered and not stored, and a change is saved though
its move is lost. A lost move would let the pages stored before it be served again once the
cache is back with its data, so the process that lost it makes it up at its next lookup.

Addresses with a query string: a page is cached under its path and the query parameters it
declares (`anonymous_page_cache(params=…)`), each normalised the way the view reads it (search's
words: control characters dropped, whitespace collapsed, at most 200 characters), so the number
of entries a page can have is bounded by what the page can show. Parameters that only say where
a visitor came from (`utm_…`, `fbclid`, `gclid`) are left out: no view reads them. Any other
parameter, a repeated one, or a value over `MAX_PARAM_CHARS` is rendered and not stored, and so
is a response that says `Cache-Control: no-store` or `private`, as a shared cache would: a page
for values it does not know (a filter value not among the page's choices, a search that found
nothing) says so, so junk addresses make no entries. The filtered plan page lives under its
district, so its district's scope covers it; search spans every district, so it depends on the
national scope, as the front page does: any change in any district renders it again.

Only Django's public cache API (`get_many`, `add`, `incr`, `set`) and `django.utils.cache`
helpers are used; conditional GET (ETag, 304) is Django's `ConditionalGetMiddleware`, which
finds the ETag stored with the page.
"""

import contextlib
import contextvars
import functools
import hashlib
import re
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers, set_response_etag

# Bump when the templates of cached pages or fragments change, so old HTML is not served.
CACHE_PREFIX = "public:7"
CACHE_SECONDS = 60 * 60 * 24
# A generation nobody moves for this long is dropped (an address with an unknown district slug
# makes one); the next lookup starts a new one, which only makes its pages stale.
GENERATION_SECONDS = 60 * 60 * 24 * 30
# The apps whose rows the public pages show (or count, as with assignments and updates).
CONTENT_APPS = ("councils", "forums", "plans")
STORED_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Cache-Control")

ALL = "all"
NATIONAL = "national"

# From a row of each model to the police district(s) whose pages show it, as in the admin's
# `district_path`, plus the references that may cross districts (a forum's interfaces). A model
# of the content apps not named here (and PoliceDistrict itself) moves every page.
DISTRICT_PATHS = {
    "councils.Municipality": ("district", "forums__district"),
    "councils.Council": ("district", "interfacing_forums__district"),
    "councils.CouncilMunicipality": ("council__district", "municipality__district"),
    "councils.SecretariatStaff": ("district",),
    "councils.Person": ("memberships__council__district",),
    "councils.Membership": ("council__district",),
    "councils.StaffFunction": ("district",),
    "forums.Forum": ("district", "interfaced_by__district"),
    "plans.Plan": ("district",),
    "plans.PlanSection": ("plan__district",),
    "plans.SectionFigure": ("section__plan__district",),
    "plans.PlanAttachment": ("plan__district",),
    "plans.FocusAreaGroup": ("plan__district",),
    "plans.FocusArea": ("plan__district",),
    "plans.Goal": ("plan__district",),
    "plans.Activity": ("focus_area__plan__district",),
    "plans.Assignment": ("activity__focus_area__plan__district", "council__district"),
    "plans.ReportingRound": ("district",),
    "plans.StatusUpdate": ("assignment__council__district",),
    "plans.AnnualCycleEntry": ("plan__district",),
    "plans.PlanVersion": ("plan__district",),
    "plans.WorkflowEvent": ("plan__district",),
    "plans.PlanSearchPart": ("version__plan__district",),
}


def district_scope(slug: str) -> str:
    return f"district:{slug}"


def scopes_for(kwargs: dict) -> tuple[str, ...]:
    """The scopes of a public address from its URL arguments: its district's, or (the front
    page, without a district) the national one."""
    district = kwargs.get("district")
    return (district_scope(district),) if district else (NATIONAL,)


def generation_key(scope: str) -> str:
    return f"{CACHE_PREFIX}:generation:{scope}"


# Moves of generations that the cache did not take (it was unreachable): see the docstring.
_lost_moves: set[str] = set()


def generations(scopes=()) -> tuple | None:
    """The current generations of `all` and `scopes`; new ones (never used before) for those the
    cache lost; None when the cache cannot be reached."""
    keys = [generation_key(scope) for scope in (ALL, *scopes)]
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                cache.add(key, time.time_ns(), timeout=GENERATION_SECONDS)
        found = cache.get_many(keys)
        if len(found) < len(keys):
            return None
    return tuple(found[key] for key in keys)


def lookup(key: str, scopes) -> tuple[tuple | None, object | None]:
    """The current generations of `scopes` and what `remember` stored under `key` for them
    (None if nothing)."""
    if _lost_moves:
        _move(set(_lost_moves))
    keys = [generation_key(scope) for scope in (ALL, *scopes)]
    found = cache.get_many([*keys, key])
    if any(name not in found for name in keys):
        return generations(scopes), None
    current = tuple(found[name] for name in keys)
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return current, entry[1]
    return current, None


def remember(key: str, current: tuple | None, value) -> None:
    """Store `value` under `key` for the generations `lookup` gave before the data was read."""
    if current is not None:  # None: the cache was unreachable
        cache.set(key, (current, value), CACHE_SECONDS)


def _move(scopes) -> None:
    for scope in scopes:
        key = generation_key(scope)
        try:
            # None only from a cache that could not be reached (IGNORE_EXCEPTIONS).
            moved = cache.incr(key) is not None
        except ValueError:  # evicted or never set: a time-based value is newer than any before
            cache.set(key, time.time_ns(), timeout=GENERATION_SECONDS)
            moved = True
        if moved:
            _lost_moves.discard(scope)
        else:
            _lost_moves.add(scope)


_in_bulk_load = contextvars.ContextVar("page_cache_bulk_load", default=False)


def _move_on_commit(scopes, using=None) -> None:
    if scopes and not _in_bulk_load.get():
        transaction.on_commit(functools.partial(_move, frozenset(scopes)), using=using)


@contextlib.contextmanager
def bulk_load():
    """Inside the block (or a function decorated with it) no change asks which district its rows
    belong to; when the block ends, every cached public page is made stale, when the
    surrounding transaction commits (at once outside one)."""
    token = _in_bulk_load.set(True)
    try:
        yield
    finally:
        _in_bulk_load.reset(token)
        _move_on_commit({ALL})


def _scopes_of_rows(model, pks, using=None) -> set[str]:
    """The scopes that a change to these rows of `model` moves: their districts' and the national
    one, or `all` for a model whose district cannot be told."""
    paths = DISTRICT_PATHS.get(model._meta.label)
    if paths is None:
        return {ALL}
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return set()
    rows = (
        model._default_manager.using(using)
        .filter(pk__in=pks)
        .values_list(*(f"{path}__slug" for path in paths))
    )
    return {NATIONAL, *(district_scope(slug) for row in rows for slug in row if slug)}


def scopes_of(row: Model, using=None) -> set[str]:
    return _scopes_of_rows(type(row), [row.pk], using)


def content_changed(*rows: Model, using=None) -> None:
    """Make the cached pages that show these rows stale when the current transaction commits (at
    once outside a transaction); with no rows, every cached public page."""
    if _in_bulk_load.get():
        return
    scopes = set().union(*(scopes_of(row, using) for row in rows)) if rows else {ALL}
    _move_on_commit(scopes, using)


# Where a saved row was before the save (a row may move to another district).
_SCOPES_BEFORE_SAVE = "_page_cache_scopes_before_save"


def _before_save(sender, instance, raw=False, using=None, **kwargs):
    if instance.pk is not None and not _in_bulk_load.get():
        setattr(instance, _SCOPES_BEFORE_SAVE, scopes_of(instance, using))


def _on_save(sender, instance, using=None, **kwargs):
    if _in_bulk_load.get():
        return
    before = instance.__dict__.pop(_SCOPES_BEFORE_SAVE, set())
    _move_on_commit(before | scopes_of(instance, using), using)


def _on_delete(sender, instance, using=None, origin=None, **kwargs):
    if _in_bulk_load.get():
        return
    # A row deleted with its parent: the parent's own pre_delete asked (before anything was
    # deleted) for the districts of it and of everything under it.
    if isinstance(origin, Model) and origin is not instance and _watched(type(origin)):
        return
    _move_on_commit(scopes_of(instance, using), using)


def _on_m2m_change(sender, instance, action, model, pk_set, using=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS or _in_bulk_load.get():
        return
    if action in ("post_add", "post_remove"):
        scopes = scopes_of(instance, using) | _scopes_of_rows(model, pk_set or (), using)
    elif action == "pre_clear":  # which rows it unlinks is not said
        scopes = {ALL}
    else:
        return
    _move_on_commit(scopes, using)


# Models of the content apps that no public page shows: a change to them moves nothing.
UNWATCHED = {"plans.Follower"}


def _watched(model) -> bool:
    return (
        model._meta.app_label in CONTENT_APPS
        and not model.__name__.startswith("Historical")
        and model._meta.label not in UNWATCHED
    )


def connect_signals() -> None:
    """Watch every model of the content apps (not django-simple-history's history rows, nor
    the followers of plans/following.py, which no page shows)."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not _watched(model):
                continue
            uid = f"page_cache:{model._meta.label}"
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}:before-save")
            post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}:save")
            pre_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}:delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="page_cache:m2m")


def _is_anonymous_get(request) -> bool:
    """A GET from a visitor with no session and no pending messages."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


# Where a visitor came from (a newsletter, an advert): no view reads these.
TRACKING_PARAMS = re.compile(r"utm_\w+|fbclid|gclid")
MAX_PARAM_CHARS = 200


def cache_query(request, params: dict[str, Callable[[str], str]]) -> str | None:
    """The request's query string as the page cache keys it: the parameters named in `params`,
    each value normalised by its function, in a fixed order, tracking parameters left out. None
    (not to be stored) for any other parameter, one given twice, or a value too long."""
    kept = []
    for name, values in request.GET.lists():
        if TRACKING_PARAMS.fullmatch(name):
            continue
        normalise = params.get(name)
        if normalise is None or len(values) != 1 or len(values[0]) > MAX_PARAM_CHARS:
            return None
        kept.append((name, normalise(values[0])))
    return urlencode(sorted(kept))


def address_key(kind: str, request, query: str = "") -> str:
    """The cache key of what is remembered of the request's address (`kind`: page, pdf …) and
    the part of its query string that counts (`cache_query`)."""
    address = f"{request.path}?{query}" if query else request.path
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"{CACHE_PREFIX}:{kind}:{digest}"


def _from_cache(entry) -> HttpResponse:
    content, headers = entry
    response = HttpResponse(content, headers=headers)
    # The rendered page looked at the session (no sign-out link): so does this one.
    patch_vary_headers(response, ("Cookie",))
    return response


def _storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that holds a CSRF token is its visitor's own.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # What the view says to shared caches (a page for values it does not know).
        and "no-store" not in cache_control
        and "private" not in cache_control
    )


def anonymous_page_cache(view=None, *, params: dict[str, Callable[[str], str]] | None = None):
    """Serve a visitor who is not signed in from the whole-page cache; fill it on a miss.

    The page depends on its district's scope (the URL argument `district`), or on the national
    one when it has none (the front page, search). `params`: the query parameters the page
    reads, each with the function that normalises a value as the view reads it; an address with
    any other is rendered, not stored (see `cache_query`). A stored page keeps its ETag, so that
    ConditionalGetMiddleware answers 304 from the cache without hashing the page again.
    """
    if view is None:
        return functools.partial(anonymous_page_cache, params=params)
    known = params or {}

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        query = cache_query(request, known) if _is_anonymous_get(request) else None
        if query is None:
            return view(request, *args, **kwargs)
        key = address_key("page", request, query)
        # The generations are read before the data: see the module's docstring.
        current, entry = lookup(key, scopes_for(kwargs))
        if entry is not None:
            return _from_cache(entry)
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
            remember(key, current, (response.content, headers))
        return response

    return wrapper
