import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Max, Prefetch
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from councils.models import PoliceDistrict
from plans.models import Plan
from plans.page_cache import anonymous_page_cache
from plans.places import municipality_options

logger = logging.getLogger(__name__)


@anonymous_page_cache
def home(request):
    """The front page: "Hvor bor du?" (pick a kommune), every district with its current plan, and
    a search box. Open to everyone.
    Visitors who are not signed in get it from the whole-page cache (national scope)."""
    current = (
        Plan.objects.current()
        .annotate(last_published=Max("versions__published_on"))
        .filter(last_published__isnull=False)
    )
    districts = PoliceDistrict.objects.order_by("name").prefetch_related(
        Prefetch("plans", queryset=current, to_attr="current_plans")
    )
    return render(
        request,
        "portal/home.html",
        {"districts": districts, "municipality_options": municipality_options()},
    )


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database did not answer", exc_info=True)
        return False


def cache_answers() -> bool:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key) == value
        cache.delete(key)
    except Exception:
        logger.warning("Health check: the cache did not answer", exc_info=True)
        return False
    if not answered:
        logger.warning("Health check: the cache did not return the value just stored")
    return answered


FAVICON = settings.BASE_DIR / "static" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    """The icon browsers ask for by themselves at /favicon.ico (pages link the SVG and PNG under
    /static/). Everyone."""
    return FileResponse(FAVICON.open("rb"), content_type="image/vnd.microsoft.icon")


@never_cache
@require_safe
def healthz(request):
    """Whether this instance reaches its database and its cache, for the proxy and monitoring.
    Open to everyone; names no host, address or error."""
    checks = {
        "database": "ok" if database_answers() else "fejl",
        "cache": "ok" if cache_answers() else "fejl",
    }
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
