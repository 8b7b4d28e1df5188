"""PDF downloads: the published plan (public) and the status report of a reporting round (the
district's secretariat only). Both are served from storage and never rendered in the request:
a missing file is queued for the task worker and the request answers 202.

A published plan's PDF is served as a file from storage (FileResponse), or, with the setting
PDF_ACCEL_REDIRECT_PREFIX (off by default; docs/deployment.md), handed to nginx with an
`X-Accel-Redirect` header and an empty body. Its ETag is answered with 304 by Django's
`condition`, before the file is opened.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.tasks import TaskResultStatus
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition, require_safe

from base.text import danish_slugify

from ..models import PlanVersion, ReportingRound
from ..page_cache import address_key, lookup, remember, scopes_for
from ..pdf import status_report_html
from ..reporting import build_status_report
from ..task_queue import queue_once
from ..tasks import (
    pdf_filename,
    pdf_stored,
    queue_version_pdf,
    render_status_report,
    status_report_digest,
    status_report_name,
)
from .public import published_plan

# A version's file never changes once stored; the latest-version address changes on revision.
VERSION_MAX_AGE = 365 * 24 * 3600
LATEST_MAX_AGE = 10 * 60
# When the waiting page suggests trying again.
RETRY_AFTER = 30


@require_safe
def plan_pdf(request, district, period):
    """Anyone: the PDF of the latest published version of a plan."""
    key, current, download = _remembered(request, district)
    if response := _serve_remembered(request, download, max_age=LATEST_MAX_AGE):
        return response
    plan = published_plan(district, period)
    version = plan.versions.order_by("-number").first()
    if version is None:
        raise Http404
    return serve_version_pdf(request, version, max_age=LATEST_MAX_AGE, remember_as=(key, current))


@require_safe
def version_pdf(request, district, period, number):
    """Anyone: the PDF of one published version of a plan."""
    key, current, download = _remembered(request, district)
    if response := _serve_remembered(request, download, max_age=VERSION_MAX_AGE, immutable=True):
        return response
    plan = published_plan(district, period)
    version = get_object_or_404(PlanVersion.objects.filter(plan=plan), number=number)
    return serve_version_pdf(
        request, version, max_age=VERSION_MAX_AGE, immutable=True, remember_as=(key, current)
    )


def serve_version_pdf(request, version, *, max_age, immutable=False, remember_as=None):
    """Serve the stored file; when it is missing, queue the render and say it is on its way.

    `remember_as` (key and generation from `_remembered`, taken before the version was looked
    up) remembers where the file is, for the next download of the same address.
    """
    if not pdf_stored(version):
        result = queue_version_pdf(version)
        if result is not None and result.status == TaskResultStatus.SUCCESSFUL:
            # A backend that runs tasks at once (the immediate backend in development).
            version.refresh_from_db(fields=["pdf"])
        if not pdf_stored(version):
            return _pending(request, version)
    digest = hashlib.sha256(version.pdf.name.encode()).hexdigest()[:20]
    download = Download(version.pdf.name, f'"v{version.number}-{digest}"', pdf_filename(version))
    if remember_as is not None:
        remember(*remember_as, download)
    return download.response(request, max_age=max_age, immutable=immutable)


@dataclass(frozen=True)
class Download:
    """What serving a stored PDF needs: its name in storage, ETag and the name to save it as."""

    name: str
    etag: str
    filename: str

    def response(self, request, *, max_age, immutable):
        """The file, or 304 when the client has it (Django's `condition`, which also sets the
        ETag). FileNotFoundError when storage lost it."""
        response = condition(etag_func=lambda request: self.etag)(self.file)(request)
        _cache_publicly(response, max_age, immutable)
        return response

    def file(self, request):
        storage = PlanVersion._meta.get_field("pdf").storage
        prefix = settings.PDF_ACCEL_REDIRECT_PREFIX
        if not prefix:
            return FileResponse(
                storage.open(self.name, "rb"),
                as_attachment=True,
                filename=self.filename,
                content_type="application/pdf",
            )
        # nginx sends the file from its internal location for the prefix (docs/deployment.md);
        # it keeps Content-Type, Content-Disposition and Cache-Control from this answer.
        if not storage.exists(self.name):
            raise FileNotFoundError(self.name)
        response = HttpResponse(content_type="application/pdf")
        response["X-Accel-Redirect"] = quote(f"{prefix.rstrip('/')}/{self.name}")
        response["Content-Disposition"] = content_disposition_header(True, self.filename)
        return response


def _remembered(request, district) -> tuple[str, tuple | None, "Download | None"]:
    """The cache key of the address, the current generations, and the file found there before.

    Every change to the district's plans moves its generation (plans/page_cache.py), so after a
    new version or a re-rendered file the address is looked up again.
    """
    key = address_key("pdf", request)
    current, download = lookup(key, scopes_for({"district": district}))
    return key, current, download


def _serve_remembered(request, download, *, max_age, immutable=False):
    """The remembered file with no database query; None when there is none or storage lost it."""
    if download is None:
        return None
    try:
        return download.response(request, max_age=max_age, immutable=immutable)
    except FileNotFoundError:  # removed from storage since: look it up and queue it again
        return None


def _pending(request, version):
    """202 Accepted: the render is queued. (A 503 would be logged as a server error.)"""
    snapshot = version.snapshot
    response = render(
        request,
        "plans/pdf/pending.html",
        {
            "version": version,
            "district": snapshot["district"],
            "plan": snapshot["plan"],
            "plan_url": _plan_url(snapshot),
        },
        status=202,
    )
    response["Retry-After"] = str(RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response


def _plan_url(snapshot) -> str:
    try:
        return reverse(
            "public:plan",
            kwargs={
                "district": snapshot["district"]["slug"],
                "period": snapshot["plan"]["period_label"],
            },
        )
    except NoReverseMatch:  # the public site is not mounted (e.g. an admin-only deployment)
        return ""


def _cache_publicly(response, max_age, immutable):
    patch_cache_control(response, public=True, max_age=max_age)
    if immutable:
        patch_cache_control(response, immutable=True)


@login_required
@require_safe
def status_report_pdf(request, round_id):
    """The district's secretariat staff and superusers: the status report of a round as PDF.

    The report as it stands now is rendered once by the task worker and stored under a hash of
    its print page; until then the answer is 202 with a page saying it is being made.
    """
    rounds = ReportingRound.objects.managed_by(request.user).select_related("district", "plan")
    reporting_round = get_object_or_404(rounds, pk=round_id)
    digest = status_report_digest(status_report_html(build_status_report(reporting_round)))
    name = status_report_name(reporting_round.pk, digest)
    if not default_storage.exists(name):
        queue_once(
            render_status_report,
            lock=ReportingRound.objects.filter(pk=reporting_round.pk),
            round_id=reporting_round.pk,
            digest=digest,
        )
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError:  # queued, or rendered with the immediate backend just now
        return _report_pending(request, reporting_round)
    slug = danish_slugify(reporting_round.name) or reporting_round.pk
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=f"statusrapport-{reporting_round.district.slug}-{slug}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _report_pending(request, reporting_round):
    response = render(
        request,
        "plans/pdf/report_pending.html",
        {"round": reporting_round, "retry_after": RETRY_AFTER},
        status=202,
    )
    response["Retry-After"] = str(RETRY_AFTER)
    patch_cache_control(response, private=True, no_store=True)
    return response
