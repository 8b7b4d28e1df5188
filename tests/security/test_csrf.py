"""Every POST without the CSRF token is refused (403) and changes nothing, on every URL of the
portal, for a signed-in member and for the superuser, who may do the most."""

import pytest
from django.test import Client

from .dataset import snapshot
from .urlmap import path_for, url_patterns

PATTERNS = url_patterns()


@pytest.mark.parametrize("role", ["member_a", "superuser"])
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.key)
def test_post_without_csrf_token_is_refused(db, data, settings, tmp_path, pattern, role):
    settings.MEDIA_ROOT = tmp_path
    client = Client(enforce_csrf_checks=True)
    client.force_login(data.superuser if role == "superuser" else data.a.member)
    path = path_for(pattern, data)
    response = client.post(path, {"username": "x", "password": "y", "status": "done"})
    assert response.status_code == 403, path
    assert "CSRF" in response.text
    assert snapshot() == data.snapshot
