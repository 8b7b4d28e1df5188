"""One permission matrix: every URL pattern of the portal × every role × GET and POST.

The URL list comes from the root resolver (tests/security/urlmap.py), so a new URL fails here
until it has an expectation in tests/security/expectations.py. A refused request (a redirect to
a sign-in page, 403, 404 or 405), and any GET, must leave the database as it was: the row count
and a hash of every row of the portal's tables, users, groups, second-factor devices and the
admin's log.
"""

import pytest
from django.core.cache import cache

from .dataset import snapshot
from .expectations import EXPECTED, ROLES, expected
from .urlmap import path_for, url_patterns

REFUSED = {"L", "O", "403", "404", "405"}
# GETs that write on purpose: enrolling a second factor creates the unconfirmed device it shows;
# the first search fills the search index; a PDF download that finds no file renders and
# stores it.
WRITING_GETS = {"twofactor:setup", "public:search", "pdf:plan", "pdf:version"}
PATTERNS = url_patterns()


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
    user = data.user(role)
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
