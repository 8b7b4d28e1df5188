"""Who may open the secretariat's pages, and which district a page is about.

Secretariat staff (a staff user with ``user.secretariat``) work in their own district; a
superuser picks one with ``?kreds=<slug>``. The rule itself is
``PoliceDistrict.objects.managed_by`` (councils.models); these helpers only apply it to a request.
"""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from councils.models import ManagedDistricts, PoliceDistrict


def secretariat_required(view):
    """Signed-in secretariat staff or superusers; anyone else signed in gets 403."""

    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not ManagedDistricts.of(request.user).manages_any:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def allowed_districts(user):
    return PoliceDistrict.objects.managed_by(user)


def chosen_district(request, source):
    """The district the page is about: the staff member's own, or the superuser's choice
    (None until a superuser has chosen)."""
    districts = allowed_districts(request.user)
    if not ManagedDistricts.of(request.user).every:
        return districts.get()
    slug = source.get("kreds")
    if not slug:
        return None
    try:
        validate_slug(slug)  # e.g. a NUL, which PostgreSQL refuses in a query
    except ValidationError:
        raise Http404 from None
    return get_object_or_404(districts, slug=slug)


def district_page_url(name: str, user, district) -> str:
    """The address of the secretariat page `name` about `district`: a superuser's carries the
    district as ``?kreds=``, a staff member's own district needs none."""
    url = reverse(name)
    return f"{url}?kreds={district.slug}" if user.is_superuser else url
