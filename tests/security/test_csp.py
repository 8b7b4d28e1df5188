"""Content Security Policy on public, member and admin pages: scripts only from the site or
with the request's nonce, never 'unsafe-inline'; and no inline script in the HTML without it."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from plans.models import Assignment, Plan, PlanVersion
from plans.snapshot import build_snapshot

pytestmark = pytest.mark.django_db


class ScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []
        self.handlers = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        self.handlers += [name for name in attributes if name.startswith("on")]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def assert_strict_scripts(response):
    directives = policy(response)
    script_src = directives["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    # Django only puts a nonce in the header when the page used one.
    nonces = [value[len("'nonce-") : -1] for value in script_src if value.startswith("'nonce-")]
    assert len(nonces) <= 1
    nonce = nonces[0] if nonces else None
    collector = ScriptCollector()
    collector.feed(response.text)
    for script in collector.scripts:
        assert "src" in script or (nonce and script.get("nonce") == nonce), script
    assert collector.handlers == []
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


@pytest.fixture
def superuser_client(client, make_user):
    client.force_login(make_user("landsadmin", superuser=True))
    return client


def test_public_home_page_has_a_strict_script_policy(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert_strict_scripts(response)


@pytest.fixture
def published_plan(make_plan, district):
    plan = make_plan(district, status=Plan.Status.PUBLISHED)
    PlanVersion.objects.create(
        plan=plan, number=1, published_on=plan.created_at.date(), snapshot=build_snapshot(plan)
    )
    return plan


def test_public_plan_page_has_a_strict_script_policy(client, published_plan):
    response = client.get(published_plan.get_absolute_url())
    assert response.status_code == 200
    assert_strict_scripts(response)


def test_member_council_page_has_a_strict_script_policy(client, make_user, esbjerg, published_plan):
    client.force_login(make_user("medlem", council=esbjerg))
    response = client.get(reverse("members:council", args=[esbjerg.pk]))
    assert response.status_code == 200
    assert_strict_scripts(response)


def test_member_report_page_has_a_strict_script_policy(client, make_user, esbjerg, published_plan):
    client.force_login(make_user("medlem", council=esbjerg))
    assignment = Assignment.objects.filter(council=esbjerg).first()
    response = client.get(reverse("members:assignment", args=[assignment.pk]))
    assert response.status_code == 200
    assert_strict_scripts(response)


def test_sign_in_page_has_a_strict_script_policy(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert_strict_scripts(response)


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/auth/user/", "/admin/auth/group/add/"], ids=lambda url: url
)
def test_admin_pages_have_a_strict_script_policy(superuser_client, url):
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert_strict_scripts(response)


def test_each_response_gets_a_fresh_nonce(superuser_client):
    first = policy(superuser_client.get("/admin/auth/group/add/"))["script-src"]
    second = policy(superuser_client.get("/admin/auth/group/add/"))["script-src"]
    assert first[-1].startswith("'nonce-")
    assert first != second


# SHA-256 of the empty string: the only inline style allowed is an empty one (see settings).
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_styles_only_from_the_site_and_no_inline_style_with_content(client):
    style_src = policy(client.get(reverse("home")))["style-src"]
    assert style_src == ["'self'", EMPTY_STYLE]


def test_the_allowed_inline_style_hash_is_that_of_the_empty_string():
    digest = base64.b64encode(hashlib.sha256(b"").digest()).decode()
    assert f"'sha256-{digest}'" == EMPTY_STYLE


def test_pages_cannot_be_framed(client):
    response = client.get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"


def test_responses_carry_nosniff_and_a_referrer_policy(client):
    response = client.get(reverse("home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_nonce_in_the_page_matches_the_header(superuser_client):
    response = superuser_client.get("/admin/auth/group/add/")
    header_nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
    page_nonces = set(re.findall(r'nonce="([^"]+)"', response.text))
    assert page_nonces <= {header_nonce}


def test_the_plan_workspace_has_a_strict_script_policy(superuser_client, published_plan):
    """The workspace loads the prose editor (its import map with the nonce) and htmx."""
    response = superuser_client.get(reverse("workspace:plan", args=[published_plan.pk]))
    assert response.status_code == 200
    assert 'type="importmap"' in response.text
    assert_strict_scripts(response)
