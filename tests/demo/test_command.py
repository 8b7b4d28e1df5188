"""`manage.py load_demo` on a database without the demo: what it prints, when it refuses, and
that it leaves other people's accounts alone."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.people import DEMO_LOGINS
from plans.models import Plan

LOGINS = {login.username: login for login in DEMO_LOGINS}


def test_command_prints_every_login_with_password_and_sign_in_address(db):
    out = io.StringIO()

    call_command("load_demo", "--allow-without-debug", stdout=out)

    output = out.getvalue()
    for login in DEMO_LOGINS:
        line = next(line for line in output.splitlines() if f" {login.username} " in line)
        assert login.password in line
        assert f"http://127.0.0.1:8000{login.sign_in_path}" in line
    assert "/konto/log-ind/" in output and "/admin/" in output


def test_command_prints_the_logins_again_on_the_second_run(db):
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    out = io.StringIO()

    call_command("load_demo", "--allow-without-debug", stdout=out)

    assert "findes allerede" in out.getvalue()
    assert all(login.password in out.getvalue() for login in DEMO_LOGINS)


def test_command_refuses_without_debug_and_creates_nothing(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())

    assert not Plan.objects.exists()
    assert not get_user_model().objects.exists()


def test_someone_elses_account_with_a_demo_name_is_left_alone(db, client):
    get_user_model().objects.create_user(
        username="admin", email="drift@politi.example.dk", password="driftens-egen-kode-1"
    )
    out = io.StringIO()

    call_command("load_demo", "--allow-without-debug", stdout=out)

    user = get_user_model().objects.get(username="admin")
    assert user.check_password("driftens-egen-kode-1")
    assert not user.is_superuser
    assert LOGINS["admin"].password not in out.getvalue()
    assert client.login(username="sekretariat", password=LOGINS["sekretariat"].password)
