import functools
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from plans import pdf

from .dataset import build_dataset, sign_in_each_role, snapshot
from .dataset import client_as as new_client
from .urlmap import add_log_rows


@pytest.fixture
def axes_on(settings):
    """django-axes is off in the test settings (Client.login has no request); switch it on."""
    settings.AXES_ENABLED = True


@pytest.fixture
def otp_required(settings):
    settings.REQUIRE_STAFF_OTP = True


@pytest.fixture
def staff(make_user):
    return make_user("sekretariat", superuser=True)


@pytest.fixture
def totp_device(staff):
    """A confirmed authenticator app of the staff user. (Not `device`: pytest-playwright has a
    session fixture of that name.)"""
    return TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)


@pytest.fixture
def token_for():
    """The code a device's authenticator app shows right now."""

    def token(device) -> str:
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        return f"{totp.token():06d}"

    return token


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """The dataset, built once for the module, and its snapshot; each test runs in a savepoint
    inside it, so what one request changes is gone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        dataset = build_dataset()
        add_log_rows()
        dataset.snapshot = snapshot()
        yield dataset
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sessions(data, django_db_blocker):
    """A signed-in session of each role's user of `data`, made once for the module."""
    with django_db_blocker.unblock():
        return sign_in_each_role(data)


@pytest.fixture
def client_as(sessions):
    """`client_as(role, **client_options)`: a new client signed in as the role's user of `data`
    (or anonymous), as `force_login` would have signed it in."""
    return functools.partial(new_client, sessions)


@pytest.fixture(scope="module")
def each_pdf_laid_out_once():
    """WeasyPrint lays out each distinct print page once for the module. A PDF is a function of
    its print page's HTML, which every request still builds from the database; only the layout
    of HTML already laid out is remembered. A figure's address names the media folder, which
    tests change per request while the files in it stay the same: the folder is left out of
    what is compared."""
    layouts = {}
    write_pdf = pdf.write_pdf

    def remembered(html: str) -> bytes:
        key = html.replace(Path(settings.MEDIA_ROOT).resolve().as_uri(), "file:///MEDIA_ROOT")
        if key not in layouts:
            layouts[key] = write_pdf(html)
        return layouts[key]

    with mock.patch.object(pdf, "write_pdf", remembered):
        yield


# Signed-in clients of tenant a's roles, for the modules that use the dataset.


@pytest.fixture
def member(client, data):
    client.force_login(data.a.member)
    return client


@pytest.fixture
def secretary(client, data):
    client.force_login(data.a.secretary)
    return client


@pytest.fixture
def secretariat(client, data):
    client.force_login(data.a.secretariat)
    return client
