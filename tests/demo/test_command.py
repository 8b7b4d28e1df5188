"""`manage.py load_demo` on a database without the demo: what it prints, when it refuses, and
that it leaves other people's accounts alone."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase

from demo.people import DEMO_LOGINS
from plans.models import Plan, PlanVersion

LOGINS = {login.username: login for login in DEMO_LOGINS}


@pytest.fixture(scope="class")
def first_run(django_db_setup, django_db_blocker) -> str:
    """What `load_demo` prints on a database without the demo: run once for the class, with
    its commit hooks, inside a transaction rolled back after the class's last test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = io.StringIO()
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", "--allow-without-debug", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


class TestFirstAndSecondRun:
    def test_command_prints_every_login_with_password_and_sign_in_address(self, first_run, db):
        for login in DEMO_LOGINS:
            line = next(line for line in first_run.splitlines() if f" {login.username} " in line)
            assert login.password in line
            assert f"http://127.0.0.1:8000{login.sign_in_path}" in line
        assert "/konto/log-ind/" in first_run and "/admin/" in first_run

    def test_command_says_which_plans_it_created_in_both_districts(self, first_run, db):
        assert "Demodata for Syd- og Sønderjyllands Politi:" in first_run
        assert "Demodata for Østjyllands Politi:" in first_run
        assert first_run.count("er oprettet") == 2

    def test_plan_pdfs_are_left_to_the_first_download(self, first_run, db):
        assert PlanVersion.objects.count() == 4
        assert not PlanVersion.objects.exclude(pdf="").exists()

    def test_command_prints_the_logins_again_on_the_second_run(self, first_run, db):
        out = io.StringIO()

        call_command("load_demo", "--allow-without-debug", stdout=out)

        assert out.getvalue().count("findes allerede") == 2
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
