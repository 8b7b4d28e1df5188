"""Sign-in hardening: the client address behind a proxy, the lockout page, the staff second
factor, and a deploy check that it is on; pages for signed-in users kept out of caches.
Settings: AXES_* and REQUIRE_STAFF_OTP in portal/settings.py; operators' notes in
docs/deployment.md."""

from datetime import timedelta
from urllib.parse import urlencode

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.core import checks
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django_otp import user_has_device

# Pages an unverified staff user may still open: public pages and the sign-in and
# second-factor pages themselves. Everything else (the admin, the secretariat's and members'
# pages, the draft preview) waits for the second factor.
OTP_EXEMPT_NAMESPACES = frozenset({"accounts", "twofactor", "public"})
OTP_EXEMPT_VIEW_NAMES = frozenset(
    {"home", "accessibility", "sitemap", "admin:login", "admin:logout", "pdf:plan", "pdf:version"}
)
# Staff-only pages inside an exempt namespace.
OTP_REQUIRED_VIEW_NAMES = frozenset({"public:preview"})


def client_ip(request) -> str | None:
    """The client's address. Behind TRUSTED_PROXY_COUNT proxies (nginx: 1) it is the address
    the nearest trusted proxy put into X-Forwarded-For; entries further left can be forged."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes lockout: a Danish page saying what happened and when to try again."""
    cool_off = get_cool_off(request) or timedelta(0)
    attempt_time = getattr(request, "axes_attempt_time", None) or timezone.now()
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": int(cool_off.total_seconds() // 60),
        "retry_at": timezone.localtime(attempt_time + cool_off),
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def needs_second_factor(user) -> bool:
    """Staff, and superusers even without the staff flag: both reach data of every district."""
    return user.is_authenticated and (user.is_staff or user.is_superuser)


def otp_exempt(resolver_match) -> bool:
    if resolver_match is None:
        return True
    if resolver_match.view_name in OTP_REQUIRED_VIEW_NAMES:
        return False
    if resolver_match.view_name in OTP_EXEMPT_VIEW_NAMES:
        return True
    return bool(OTP_EXEMPT_NAMESPACES.intersection(resolver_match.namespaces))


class StaffOTPMiddleware:
    """With REQUIRE_STAFF_OTP, staff must verify a TOTP code before they use anything but
    public and sign-in pages; without a device they are sent to enrol one first.

    Needs django_otp.middleware.OTPMiddleware before it (for `user.is_verified()`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.REQUIRE_STAFF_OTP:
            return None
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return None
        if otp_exempt(request.resolver_match):
            return None
        target = "twofactor:verify" if user_has_device(user) else "twofactor:setup"
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(target)}?{query}")


# Pages about signing in, private though nobody is signed in yet: they hold a CSRF token, a
# password reset link's token or the key of a new authenticator app.
SIGN_IN_NAMESPACES = frozenset({"accounts", "twofactor"})
SIGN_IN_VIEW_NAMES = frozenset({"admin:login"})


def _signed_in(request) -> bool:
    session = getattr(request, "session", None)
    if session is None:
        return False
    # Without a session cookie nobody is signed in, unless this request signed in (and so used
    # the session). Not asking then keeps `Vary: Cookie` off public responses.
    if not session.accessed and settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def _sign_in_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and (
        match.view_name in SIGN_IN_VIEW_NAMES
        or bool(SIGN_IN_NAMESPACES.intersection(match.namespaces))
    )


class PrivatePagesMiddleware:
    """Every response to a signed-in user, and every sign-in page, is `Cache-Control: private,
    no-store`: member and round pages carry internal notes, and no proxy or browser history
    should keep them. Directives a view set stay (`never_cache`'s); a `public` one gives way.

    Needs AuthenticationMiddleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _signed_in(request) or _sign_in_page(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


def context(request):
    """`STAFF_OTP_REQUIRED` for sign-in pages: they say so when the demo has switched it off."""
    return {"STAFF_OTP_REQUIRED": settings.REQUIRE_STAFF_OTP}


@checks.register(checks.Tags.security, deploy=True)
def check_staff_otp(app_configs, **kwargs):
    if settings.DEBUG or settings.REQUIRE_STAFF_OTP:
        return []
    return [
        checks.Warning(
            "REQUIRE_STAFF_OTP er slået fra i produktion.",
            hint="Sekretariatets medarbejdere skal bruge totrinsbekræftelse; fjern "
            "REQUIRE_STAFF_OTP=0 fra miljøet.",
            id="portal.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_task_backend(app_configs, **kwargs):
    """In production a public PDF download must never render: the render goes to the worker."""
    if settings.DEBUG or settings.TASKS_BACKEND != "immediate":
        return []
    return [
        checks.Warning(
            "TASKS_BACKEND=immediate i produktion: en PDF, der mangler, gengives i borgerens "
            "forespørgsel, og offentliggørelse venter på gengivelsen.",
            hint="Sæt TASKS_BACKEND=database og kør manage.py task_worker ved siden af "
            "webprocesserne (docs/pdf.md).",
            id="portal.W002",
        )
    ]
