"""One permission matrix: every URL pattern of the portal × every role × GET and POST.

The URL list comes from the root resolver (tests/security/urlmap.py), so a new URL fails here
until it has an expectation in tests/security/expectations.py. A refused request (a redirect to
a sign-in page, 403, 404 or 405), and any GET, must leave the database as it was: the rows of
the portal's tables, users, groups, second-factor devices and the admin's log
(tests/security/writeguard.py).

One test per URL pattern runs its 14 cells (7 roles × GET/POST), each as it ran when it was a
test of its own: a fresh client (signed in with the role's session, made once for the module),
an empty cache and media folder, and a savepoint rolled back afterwards; a failure names every
cell that went wrong.
"""

import pytest
from django.core.cache import cache
from django.db import transaction

from .expectations import EXPECTED, ROLES, expected
from .urlmap import path_for, url_patterns
from .writeguard import changes, recording_writes

REFUSED = {"L", "O", "403", "404", "405"}
# GETs that write on purpose: enrolling a second factor creates the unconfirmed device it shows;
# the first search fills the search index; a PDF download that finds no file renders and
# stores it.
WRITING_GETS = {"twofactor:setup", "public:search", "pdf:plan", "pdf:version"}
METHODS = ("GET", "POST")
PATTERNS = url_patterns()
# A PDF download answers the seven roles alike; only the first of them waits for the layout.
pytestmark = pytest.mark.usefixtures("each_pdf_laid_out_once")


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


def check_cell(data, client, pattern, path, role, method) -> list[str]:
    """One request, in a savepoint that is rolled back; what went wrong, if anything."""
    want = expected(pattern.key, role, method)
    cell = f"{method} {path} as {role}"
    with transaction.atomic():
        with recording_writes() as writes:
            response = client.get(path) if method == "GET" else client.post(path, {})
        problems = []
        got = observed(response)
        if got != want:
            problems.append(f"{cell}: expected {want}, got {got}")
        if want in REFUSED or (method == "GET" and pattern.key not in WRITING_GETS):
            changed = changes(writes, data.snapshot)
            if changed:
                problems.append(f"{cell} {changed}")
        transaction.set_rollback(True)
    return problems


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.key)
def test_permission_matrix(db, data, client_as, settings, tmp_path, pattern):
    path = path_for(pattern, data)
    problems = []
    for role in ROLES:
        for method in METHODS:
            settings.MEDIA_ROOT = tmp_path / f"{role}-{method}"
            data.store_files()
            cache.clear()
            try:
                problems += check_cell(data, client_as(role), pattern, path, role, method)
            except Exception as error:
                error.add_note(f"in {method} {path} as {role}; before it: {problems}")
                raise
    assert not problems, "\n".join(problems)
