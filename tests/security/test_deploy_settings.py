"""Production settings: the deploy checks pass and the transport headers are sent."""

import json
import re

import pytest
from django.core import checks

from portal.security import check_task_backend

from .production import BASE_DIR, collect_static, manage, probe

PAGES = ["/admin/login/", "/tilgaengelighed/"]
STATIC_SOURCES = BASE_DIR / "static"


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files collected once, with the production storage, as the deployment does."""
    root = tmp_path_factory.mktemp("staticfiles")
    collect_static(root)
    return root


@pytest.fixture(scope="module")
def production(static_root):
    return probe(
        [*PAGES, "/healthz"],
        [
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "REQUIRE_STAFF_OTP",
            "DEBUG",
        ],
        static_root,
    )


def test_deploy_checks_pass_with_no_findings():
    completed = manage("check", "--deploy", "--fail-level", "WARNING")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues (0 silenced)." in completed.stdout


@pytest.fixture(scope="module")
def lax_deploy_check():
    """`check --deploy` of a production environment with both the staff's second factor and the
    PDF worker switched off; one process for the two findings, each test reads its own."""
    return manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        REQUIRE_STAFF_OTP="0",
        TASKS_BACKEND="immediate",
    )


def warnings_listed(completed) -> str:
    """The WARNINGS part of a failed check's report (Django lists errors, then warnings, then
    infos), so that a finding that fell to an info is not taken for a warning."""
    assert completed.returncode != 0, "the deploy check passed:\n" + completed.stdout
    return completed.stderr.partition("WARNINGS:")[2].partition("INFOS:")[0]


def test_deploy_checks_fail_without_the_staff_second_factor(lax_deploy_check):
    assert "(portal.W001)" in warnings_listed(lax_deploy_check), lax_deploy_check.stderr


def test_deploy_checks_fail_when_pdfs_would_render_in_the_request(lax_deploy_check):
    assert "(portal.W002)" in warnings_listed(lax_deploy_check), lax_deploy_check.stderr


def test_migration_check_runs_without_the_production_secrets():
    completed = manage("makemigrations", "--check", "--dry-run", SECRET_KEY="", ALLOWED_HOSTS="")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "No changes detected" in completed.stdout


def test_production_refuses_to_start_without_a_secret_key():
    completed = manage("check", SECRET_KEY="")
    assert completed.returncode != 0
    assert "SECRET_KEY skal være sat" in completed.stderr


def test_collectstatic_writes_a_manifest_naming_every_static_file(static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    sources = {
        path.relative_to(STATIC_SOURCES).as_posix()
        for path in STATIC_SOURCES.rglob("*")
        if path.is_file()
    }
    assert sources <= manifest["paths"].keys()


def test_collectstatic_writes_compressed_copies_of_the_scripts_and_styles(static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = [name for name in manifest["paths"].values() if name.endswith((".css", ".js"))]
    assert hashed, "the manifest names no script or stylesheet"
    missing = [
        f"{name}{suffix}"
        for name in hashed
        for suffix in (".br", ".gz")
        if not (static_root / f"{name}{suffix}").is_file()
    ]
    assert missing == [], "collectstatic wrote no compressed copy"


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_hashed_static_files(production, url):
    response = production["responses"][url]
    assert response["status"] == 200
    assert response["static"], "the page links no static file"
    for static_url in response["static"]:
        name = static_url.rsplit("/", 1)[-1]
        assert re.search(r"\.[0-9a-f]{12}\.", name), f"{static_url} is not a hashed name"


def test_production_turns_the_staff_second_factor_on(production):
    assert production["settings"]["DEBUG"] is False
    assert production["settings"]["REQUIRE_STAFF_OTP"] is True


@pytest.mark.parametrize("url", PAGES)
def test_plain_http_is_redirected_to_https(production, url):
    response = production["responses"][url]
    assert response["plain_status"] == 301
    assert response["plain_location"] == f"https://portal.example.dk{url}"


def test_health_check_answers_plain_http(production):
    """The proxy and monitoring ask an instance directly, without TLS."""
    response = production["responses"]["/healthz"]
    assert response["plain_status"] == 200
    assert response["status"] == 200


@pytest.mark.parametrize("url", PAGES)
def test_https_responses_carry_hsts_for_a_year_with_subdomains(production, url):
    headers = production["responses"][url]["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize("url", PAGES)
def test_https_responses_carry_the_browser_protections(production, url):
    headers = production["responses"][url]["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_cookies_are_secure_in_production(production):
    assert production["settings"]["SESSION_COOKIE_SECURE"] is True
    assert production["settings"]["CSRF_COOKIE_SECURE"] is True
    assert production["settings"]["SESSION_COOKIE_HTTPONLY"] is True
    csrf = production["responses"]["/admin/login/"]["cookies"]["csrftoken"]
    assert csrf["secure"] is True


def test_deploy_check_warns_when_production_renders_pdfs_in_the_request(settings):
    settings.DEBUG = False
    settings.TASKS_BACKEND = "immediate"
    [message] = check_task_backend(None)
    assert message.id == "portal.W002"
    assert isinstance(message, checks.Warning)
    settings.TASKS_BACKEND = "database"
    assert check_task_backend(None) == []


def test_demo_may_render_pdfs_in_the_request(settings):
    settings.DEBUG = True
    settings.TASKS_BACKEND = "immediate"
    assert check_task_backend(None) == []
