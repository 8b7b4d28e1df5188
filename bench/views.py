"""The load benchmark's ceiling: the cheapest response the full middleware stack can give."""

from django.http import HttpResponse


def trivial(request):
    """A plain-text "ok" with no database or template work. Anyone (benchmark settings only)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
