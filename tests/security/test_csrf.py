"""Every POST without the CSRF token is refused (403) and changes nothing, on every URL of the
portal, for a signed-in member and for the superuser, who may do the most.

One test per role walks every URL (tests/security/urlmap.py, so a new URL is checked by
itself), each request in a savepoint of its own, and names every URL that let a POST through.
"""

import pytest
from django.db import transaction
from django.urls import get_resolver

from .urlmap import path_for, url_patterns
from .writeguard import changes, recording_writes

PATTERNS = url_patterns()

# Views exempt from the CSRF check, and why. The unsubscribe link of a follow mail takes RFC
# 8058's one-click POST from the mail program, which carries no CSRF token; the signed token in
# its address is the proof that the request comes from the mail's reader.
EXEMPT = {"plans.views.follow.unsubscribe": "follow:unsubscribe"}


def test_no_view_is_exempt_from_the_csrf_check():
    def views(patterns, prefix="/"):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    exempt = [
        f"{route} ({getattr(view, '__module__', '?')}.{getattr(view, '__name__', view)})"
        for route, view in views(get_resolver().url_patterns)
        if getattr(view, "csrf_exempt", False)
        and f"{getattr(view, '__module__', '?')}.{getattr(view, '__name__', view)}" not in EXEMPT
    ]
    assert exempt == [], "views without the CSRF check"


def post_without_token(data, client, path, *, exempt=False) -> list[str]:
    with transaction.atomic():
        with recording_writes() as writes:
            response = client.post(path, {"username": "x", "password": "y", "status": "done"})
        problems = []
        if exempt:
            pass  # its own token decides; it must still change nothing here
        elif response.status_code != 403:
            problems.append(f"{path}: {response.status_code}, not 403")
        elif "CSRF" not in response.text:
            problems.append(f"{path}: 403 without the CSRF failure page")
        if changed := changes(writes, data.snapshot):
            problems.append(f"{path} {changed}")
        transaction.set_rollback(True)
    return problems


@pytest.mark.parametrize("role", ["member_a", "superuser"])
def test_post_without_csrf_token_is_refused_on_every_url(
    db, data, client_as, settings, tmp_path, role
):
    settings.MEDIA_ROOT = tmp_path
    problems = []
    for pattern in PATTERNS:
        path = path_for(pattern, data)
        try:
            client = client_as(role, enforce_csrf_checks=True)
            exempt = pattern.key in EXEMPT.values()
            problems += post_without_token(data, client, path, exempt=exempt)
        except Exception as error:
            error.add_note(f"in POST {path} as {role}; before it: {problems}")
            raise
    assert not problems, f"POST without CSRF token as {role}:\n" + "\n".join(problems)
