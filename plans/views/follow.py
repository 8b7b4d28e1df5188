"""Following a plan or a lokalråd by e-mail (plans/following.py): the subscribe forms, the
confirmation link and the unsubscribe link. No sign-in; the links carry their own proof.

The forms are pages of their own rather than part of the district and lokalråd pages: a page
with a CSRF token is its visitor's own and would leave the whole-page cache
(plans/page_cache.py) for everyone; those pages link here instead.

Every page here is `private, no-store` (it holds a CSRF token or a link's token) and not for
search engines.
"""

from django.core import signing
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from councils.models import Council, PoliceDistrict

from .. import following
from ..forms import FollowForm
from .public import current_version


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _follow(request, *, district: PoliceDistrict, council: Council | None):
    form = FollowForm(request.POST or None)
    context = {
        "district": district,
        "council": council,
        "version": current_version(district),
        "form": form,
        "sent": False,
        "mail_failed": False,
    }
    if request.method == "POST" and form.is_valid():
        try:
            following.subscribe(
                email=form.cleaned_data["email"],
                district=None if council else district,
                council=council,
            )
        except following.MailNotSent:
            context["mail_failed"] = True
        else:
            # The same answer whether a mail went out or not: the page never tells whether the
            # address is stored already.
            context["sent"] = True
            context["email"] = following.normalise_email(form.cleaned_data["email"])
    return _private(render(request, "plans/follow_form.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
def follow_district(request, district):
    """Follow a district's current plan by e-mail. Everyone."""
    district = get_object_or_404(PoliceDistrict, slug=district)
    return _follow(request, district=district, council=None)


@require_http_methods(["GET", "HEAD", "POST"])
def follow_council(request, district, council):
    """Follow one lokalråd by e-mail. Everyone."""
    council = get_object_or_404(
        Council.objects.exclude(kind=Council.Kind.DISTRICT).select_related("district"),
        district__slug=district,
        slug=council,
    )
    return _follow(request, district=council.district, council=council)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The confirmation link of a follow: a button (a mail scanner's GET confirms nothing),
    which confirms. Whoever has the link; an expired or wrong link gets a Danish message."""
    follower = following.pending_follower(token)
    if follower is None:
        return _private(
            render(request, "plans/follow_link_invalid.html", {"kind": "confirm"}, status=400)
        )
    context = {"followed": following.followed_name(follower), "done": False}
    if request.method == "POST":
        following.confirm(follower)
        context["done"] = True
    return _private(render(request, "plans/follow_confirm.html", context))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """Delete an address: GET shows the button, POST deletes (also RFC 8058's one-click POST
    from a mail program, which carries no CSRF token: the signed token in the address is the
    proof, so the view is exempt from the CSRF check). Whoever has the link."""
    try:
        follower = following.follower_for_unsubscribe(token)
    except signing.BadSignature:
        return _private(
            render(request, "plans/follow_link_invalid.html", {"kind": "unsubscribe"}, status=400)
        )
    context = {"follower": follower, "done": False}
    if follower is not None and request.method == "POST":
        following.unsubscribe(follower)
        context["done"] = True
    return _private(render(request, "plans/follow_unsubscribe.html", context))
