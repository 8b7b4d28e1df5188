"""Second factor for staff (see portal/otp.py), under /konto/totrin/."""

from django.urls import path

from . import otp

app_name = "twofactor"

urlpatterns = [
    path("", otp.verify, name="verify"),
    path("opsaet/", otp.setup, name="setup"),
]
