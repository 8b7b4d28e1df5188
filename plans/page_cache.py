"""The whole-page cache of the public plan pages, for visitors who are not signed in.

A plan page is the same for everyone who is not signed in, and nearly all its readers are not.
Their page is cached whole under its address, marked with the *public generation*: a number in
the shared cache that every change to the data of the councils, forums and plans apps moves on;
an entry of an older generation is not used. A hit costs one round trip to the cache (the
generation and the entry together) and no database query. A change anywhere makes every cached
page stale at once; writes are rare next to reads, and the first reader after a change gets the
page rendered again, mostly from the fragment cache of the public views, whose keys follow the data
itself.

The generation moves when a change's transaction commits (`transaction.on_commit`), and only
then. A page is stored under the generation read *before* its data was read. A page rendered
from the data as it was before a commit therefore read the generation before that commit's move
(it read the data before the commit, and the move comes after the commit): it is stored under a
generation that is no longer current, whenever it gets there, and never served. A page that read
the generation after the move reads the data after the commit too (each query of a request sees
what was committed when it started), so it shows the change. A move inside the transaction as
well would add nothing: until the commit, every other reader sees the old data anyway. Between
the commit and the move a reader may still get the page of a moment before, as if it had come a
moment earlier; the writer's own next request comes after the move, which runs before the
response to its change.

Writes that send no model signals (`bulk_create`, `QuerySet.update`) call `content_changed()`
themselves.

The cache may fail (settings.CACHES, portal/cache.py): a read from an unreachable cache is a
miss and a write is dropped, so pages are rendered and not stored, and a change is saved though
its move is lost. A lost move would let the pages stored before it be served again once the
cache is back with its data, so the process that lost it makes it up at its next lookup.
"""

import functools
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

# Bump when the templates of cached pages or fragments change, so old HTML is not served.
CACHE_PREFIX = "public:2"
CACHE_SECONDS = 60 * 60 * 24
GENERATION_KEY = f"{CACHE_PREFIX}:generation"
# The apps whose rows the public plan pages show (or count, as with assignments and updates).
CONTENT_APPS = ("councils", "forums", "plans")
STORED_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Cache-Control")


# A move of the generation that the cache did not take (it was unreachable): see the docstring.
_move_lost = False


def generation() -> int | None:
    """The current public generation; a new one (never used before) when the cache lost it;
    None when the cache cannot be reached."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def lookup(key: str) -> tuple[int | None, object | None]:
    """The current generation and what `remember` stored under `key` in it (None if nothing)."""
    if _move_lost:
        _move_generation()
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        return generation(), None
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return current, entry[1]
    return current, None


def remember(key: str, current_generation: int | None, value) -> None:
    """Store `value` under `key` for the generation `lookup` gave before the data was read."""
    if current_generation is not None:  # None: the cache was unreachable
        cache.set(key, (current_generation, value), CACHE_SECONDS)


def _move_generation() -> None:
    global _move_lost
    try:
        # None only from a cache that could not be reached (IGNORE_EXCEPTIONS).
        _move_lost = cache.incr(GENERATION_KEY) is None
    except ValueError:  # evicted or never set: a time-based value is newer than any before
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
        _move_lost = False


def content_changed(*, using=None) -> None:
    """Make every cached public page stale when the current transaction commits (at once
    outside a transaction)."""
    transaction.on_commit(_move_generation, using=using)


def _on_model_change(sender, using=None, **kwargs):
    content_changed(using=using)


def _on_m2m_change(sender, action, using=None, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and action.startswith("post_"):
        content_changed(using=using)


def connect_signals() -> None:
    """Watch every model of the content apps (not django-simple-history's history rows)."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            uid = f"page_cache:{model._meta.label}"
            post_save.connect(_on_model_change, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(_on_model_change, sender=model, dispatch_uid=f"{uid}:delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="page_cache:m2m")


def _is_anonymous_plain_get(request) -> bool:
    """A GET without a query string from a visitor with no session and no pending messages."""
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def address_key(kind: str, request) -> str:
    """The cache key of what is remembered of the request's address (`kind`: page, pdf …)."""
    digest = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"{CACHE_PREFIX}:{kind}:{digest}"


def _from_cache(request, entry) -> HttpResponse:
    content, headers = entry
    response = HttpResponse(content, headers=headers)
    # The rendered page looked at the session (no sign-out link): so does this one.
    patch_vary_headers(response, ("Cookie",))
    return get_conditional_response(
        request,
        etag=headers.get("ETag"),
        last_modified=parse_http_date_safe(headers.get("Last-Modified", "")),
        response=response,
    )


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that holds a CSRF token is its visitor's own.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def anonymous_page_cache(view):
    """Serve a visitor who is not signed in from the whole-page cache; fill it on a miss."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _is_anonymous_plain_get(request):
            return view(request, *args, **kwargs)
        key = address_key("page", request)
        # The generation is read before the data: see the module's docstring.
        current, entry = lookup(key)
        if entry is not None:
            return _from_cache(request, entry)
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
            remember(key, current, (response.content, headers))
        return response

    return wrapper
