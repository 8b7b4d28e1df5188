"""Pages that need a sign-in, and the sign-in pages themselves, are `Cache-Control: private,
no-store` (portal.security.PrivatePagesMiddleware): every such URL of the portal is requested
once, as the first role that may see it (tests/security/expectations.py), and its header checked.
"""

import shutil

import pytest
from django.urls import reverse

from plans import pdf

from .expectations import ROLES, expected
from .urlmap import path_for, url_patterns

SIGN_IN_PAGES = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "admin:login",
}


def private_pages() -> list[tuple[str, str]]:
    """(URL name, role) of every page that needs a sign-in and a role that gets it (200); the
    sign-in pages as the anonymous visitor."""
    pages = []
    for pattern in url_patterns():
        if pattern.key in SIGN_IN_PAGES:
            pages.append((pattern, "anonymous"))
            continue
        if expected(pattern.key, "anonymous", "GET") == "200":
            continue  # public
        role = next((role for role in ROLES if expected(pattern.key, role, "GET") == "200"), None)
        if role is not None:
            pages.append((pattern, role))
    return pages


PAGES = private_pages()


def assert_private(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, response.get("Cache-Control")
    assert "public" not in directives


def test_the_walk_covers_members_rounds_pdf_admin_and_accounts():
    names = {pattern.key for pattern, _ in PAGES}
    assert {
        "members:council",
        "members:assignment",
        "members:local_plan",
        "rounds:detail",
        "rounds:report_csv",
        "pdf:status_report",
        "public:preview",
        "admin:index",
        "admin:plans_plan_change",
        "accounts:login",
    } <= names


@pytest.mark.parametrize(
    ("pattern", "role"), PAGES, ids=[f"{pattern.key}-{role}" for pattern, role in PAGES]
)
def test_private_page_is_kept_out_of_caches(
    client_as, db, data, settings, tmp_path, monkeypatch, pattern, role
):
    # A folder of the test's own, holding the dataset's files (a draft's figure and attachment),
    # so what the page stores (a status report's PDF) does not reach the next test.
    shutil.copytree(settings.MEDIA_ROOT, tmp_path, dirs_exist_ok=True)
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(pdf, "write_pdf", lambda html: b"%PDF-1.4\n%stand-in\n")
    response = client_as(role).get(path_for(pattern, data))
    assert response.status_code == 200
    assert_private(response)


def test_public_page_seen_signed_in_is_private_too(client, db, data):
    client.force_login(data.a.member)
    response = client.get(data.a.plan.get_absolute_url())
    assert response.status_code == 200
    assert_private(response)


def test_answer_to_a_signed_in_post_is_private(client, db, data):
    client.force_login(data.a.member)
    response = client.post(reverse("members:assignment", args=[data.a.assignment.pk]), {})
    assert_private(response)


def test_public_page_for_a_visitor_stays_public(client, db, data):
    response = client.get(data.a.plan.get_absolute_url())
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "no-store" not in response["Cache-Control"]
