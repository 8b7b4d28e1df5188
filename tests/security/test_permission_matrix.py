"""One permission matrix: every URL pattern of the portal × every role × GET and POST.

The URL list comes from the root resolver (tests/security/urlmap.py), so a new URL fails here
until it has an expectation in tests/security/expectations.py. A refused request (a redirect to
a sign-in page, 403, 404 or 405), and any GET, must leave the database as it was: the row count
and a hash of every row of the portal's tables, users, groups, second-factor devices and the
admin's log.
"""

import hashlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction

from .dataset import build_dataset
from .expectations import EXPECTED, ROLES, expected
from .urlmap import add_log_rows, path_for, url_patterns

WATCHED_APPS = {"auth", "admin", "councils", "forums", "plans", "otp_totp"}
REFUSED = {"L", "O", "403", "404", "405"}
# GETs that write on purpose: enrolling a second factor creates the unconfirmed device it shows;
# the first search fills the search index; a PDF download that finds no file renders and
# stores it.
WRITING_GETS = {"twofactor:setup", "public:search", "pdf:plan", "pdf:version"}
PATTERNS = url_patterns()


def snapshot() -> tuple[dict[str, int], str]:
    """Row counts and a hash of every row. A user's last sign-in time is left out: signing in
    the role's user for the request sets it."""
    counts, digests = {}, {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in WATCHED_APPS:
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
        rows = list(model._base_manager.order_by("pk").values_list(*fields))
        counts[model._meta.label] = len(rows)
        digests[model._meta.label] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return counts, digests


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


def user_for(role, data):
    return {
        "anonymous": None,
        "member_a": data.a.member,
        "secretary_a": data.a.secretary,
        "member_b": data.b.member,
        "secretariat_a": data.a.secretariat,
        "secretariat_b": data.b.secretariat,
        "superuser": data.superuser,
    }[role]


def observed(response) -> str:
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if "/konto/log-ind/" in location or "/admin/login/" in location:
        return "L"
    if "/konto/totrin/" in location:
        return "O"
    return "R"


def test_every_url_pattern_has_an_expectation():
    missing = [pattern.key for pattern in PATTERNS if pattern.key not in EXPECTED]
    assert not missing, f"URL-mønstre uden forventning i expectations.py: {missing}"


def test_no_expectation_for_a_url_that_is_gone():
    keys = {pattern.key for pattern in PATTERNS}
    assert not [key for key in EXPECTED if key not in keys]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.key)
def test_permission_matrix(client, db, data, settings, tmp_path, pattern, role, method):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    want = expected(pattern.key, role, method)
    path = path_for(pattern, data)
    user = user_for(role, data)
    if user is not None:
        client.force_login(user)
    response = client.get(path) if method == "GET" else client.post(path, {})
    assert observed(response) == want, f"{method} {path} as {role}"
    if want in REFUSED or (method == "GET" and pattern.key not in WRITING_GETS):
        after = snapshot()
        changed = sorted(
            label for label, digest in after[1].items() if data.snapshot[1].get(label) != digest
        )
        assert after == data.snapshot, f"{method} {path} as {role} changed {changed}"
