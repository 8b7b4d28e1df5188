"""The staff second factor: enrol an authenticator app (TOTP) and verify a code.

Staff sign in with their password (on /konto/log-ind/ or the admin's sign-in), then the
StaffOTPMiddleware sends them here until the session is verified. URLs in portal/otp_urls.py.
"""

from base64 import b32encode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import needs_second_factor

DEVICE_NAME = "Godkendelsesapp"
WRONG_CODE = gettext_lazy(
    "Koden passer ikke. Brug den kode, appen viser lige nu, og tjek at telefonens ur går rigtigt."
)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Kode fra godkendelsesappen"),
        help_text=gettext_lazy("De seks cifre, appen viser lige nu."),
        max_length=7,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "size": 7,
            }
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not (token.isascii() and token.isdigit() and len(token) == 6):
            raise forms.ValidationError(_("Koden består af seks cifre."))
        return token


def safe_next(request) -> str:
    """Where to go after verification: the `next` address if it is on this site, else the admin."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Undocumented, but it is the check Django's own LoginView makes; ours would be weaker.
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def grouped_secret(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, as authenticator apps ask for it when typed in."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def staff_only(request):
    if not needs_second_factor(request.user):
        raise Http404


@never_cache
@login_required
def setup(request):
    """Enrol an authenticator app. Staff only; a user who already has one must verify first."""
    staff_only(request)
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('twofactor:verify')}?{request.GET.urlencode()}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            refusal = throttled_message(device)
            accepted = refusal is None and device.verify_token(form.cleaned_data["token"])
            if accepted:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
        if accepted:
            otp_login(request, device)
            messages.success(request, _("Totrinsbekræftelse er slået til for din konto."))
            return redirect(safe_next(request))
        form.add_error("token", refusal or WRONG_CODE)
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "secret": grouped_secret(device),
            "config_url": device.config_url,
            "next": safe_next(request),
            "adding_another": user_has_device(user),
        },
    )


@never_cache
@login_required
def verify(request):
    """Type a code from the authenticator app to finish signing in. Staff with a device only."""
    staff_only(request)
    user = request.user
    devices = list(devices_for_user(user))
    if not devices:
        return redirect(f"{reverse('twofactor:setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refusals = [throttled_message(device) for device in devices]
        if all(refusals):
            form.add_error("token", refusals[0])
        else:
            for device in devices:
                token = form.cleaned_data["token"]
                verified = otp_verify_token(user, device.persistent_id, token)
                if verified is not None:
                    otp_login(request, verified)
                    return redirect(safe_next(request))
            form.add_error("token", WRONG_CODE)
    return render(request, "twofactor/verify.html", {"form": form, "next": safe_next(request)})


def throttled_message(device) -> str | None:
    """Why the device refuses codes for now (after wrong codes in a row), or None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return _("Koden kan ikke bruges lige nu. Prøv igen om lidt.")
    return _(
        "For mange forkerte koder i træk. Vent til kl. %(time)s, og prøv så med den kode, "
        "appen viser."
    ) % {"time": timezone.localtime(locked_until).strftime("%H:%M:%S")}
