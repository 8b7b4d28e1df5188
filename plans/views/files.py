"""A plan's figures and attachments, served from storage.

The public addresses belong to one published version and serve only a file its snapshot names:
a draft's upload is in no published snapshot, so to the public it does not exist (404), and a
version's files stay reachable after the draft replaces or removes them (a file is never deleted
or overwritten). The secretariat's preview reads the draft's own rows, for its district only.
Media files are not served by the web server (MEDIA_URL is a development convenience), so these
views are the only way to a stored file.
"""

import hashlib
from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_safe

from base.text import danish_slugify

from ..models import Plan, PlanAttachment, PlanVersion, SectionFigure
from .public import published_plan

# A version's file never changes: new uploads get new names, and its snapshot never changes.
MAX_AGE = 365 * 24 * 3600
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def snapshot_figure(snapshot: dict, figure_id: int) -> dict | None:
    for section in snapshot.get("sections", []):
        for figure in section.get("figures", []):
            if figure["id"] == figure_id:
                return figure
    return None


def snapshot_attachment(snapshot: dict, attachment_id: int) -> dict | None:
    return next((a for a in snapshot.get("attachments", []) if a["id"] == attachment_id), None)


def _version(district, period, number) -> PlanVersion:
    plan = published_plan(district, period)
    return get_object_or_404(PlanVersion.objects.filter(plan=plan), number=number)


def _open(name: str):
    try:
        return default_storage.open(name, "rb")
    except (FileNotFoundError, ValueError) as error:  # ValueError: a name outside storage
        raise Http404("Filen findes ikke") from error


def _image_response(name: str) -> FileResponse:
    content_type = IMAGE_TYPES.get(PurePath(name).suffix.lower())
    if content_type is None:
        raise Http404("Filen findes ikke")
    return FileResponse(_open(name), content_type=content_type)


def _attachment_response(name: str, title: str) -> FileResponse:
    filename = f"{danish_slugify(title) or 'bilag'}.pdf"
    return FileResponse(
        _open(name), as_attachment=True, filename=filename, content_type="application/pdf"
    )


def _etag(request, district, period, number, **kwargs):
    """The version and the file's id: a published version's file never changes."""
    key = f"{district}:{period.label}:{number}:{sorted(kwargs.items())}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:20] + '"'


def _public(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE, immutable=True)
    return response


@require_safe
@condition(etag_func=_etag)
def version_figure(request, district, period, number, figure_id):
    """Anyone: a figure of a published version, as the version's snapshot names it."""
    figure = snapshot_figure(_version(district, period, number).snapshot, figure_id)
    if figure is None:
        raise Http404("Figuren findes ikke i denne version")
    return _public(_image_response(figure["file"]))


@require_safe
@condition(etag_func=_etag)
def version_attachment(request, district, period, number, attachment_id):
    """Anyone: an attachment of a published version, as the version's snapshot names it."""
    attachment = snapshot_attachment(_version(district, period, number).snapshot, attachment_id)
    if attachment is None:
        raise Http404("Bilaget findes ikke i denne version")
    return _public(_attachment_response(attachment["file"], attachment["title"]))


def _managed_plan(request, district, period) -> Plan:
    if not request.user.is_staff:  # as the preview itself: a superuser needs staff status too
        raise Http404
    start, end = period
    return get_object_or_404(
        Plan.objects.managed_by(request.user),
        district__slug=district,
        period_start=start,
        period_end=end,
    )


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
def preview_figure(request, district, period, figure_id):
    """The district's secretariat and superusers: a figure of the draft, for the preview."""
    plan = _managed_plan(request, district, period)
    figure = get_object_or_404(SectionFigure, section__plan=plan, pk=figure_id)
    return _private(_image_response(figure.image.name))


@login_required
@require_safe
def preview_attachment(request, district, period, attachment_id):
    """The district's secretariat and superusers: an attachment of the draft, for the preview."""
    plan = _managed_plan(request, district, period)
    attachment = get_object_or_404(PlanAttachment, plan=plan, pk=attachment_id)
    return _private(_attachment_response(attachment.file.name, attachment.title))
