"""Redis stops while the site is in use: every page still answers (uncached), every status report
is saved, the outage is logged as one short warning, and caching resumes when Redis is back.
Transactional, so reports commit and the cache is made stale after commit as in production."""

import logging
import time

import pytest
from django.test import Client
from django.urls import reverse

from councils.roles import make_secretariat_staff
from plans import pdf
from plans.models import Assignment, StatusUpdate
from plans.publishing import approve_plan, publish_plan
from portal.cache import FailFastRetry

from .redis_server import FAILURE_LOGGER, production_caches

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(settings, tmp_path, monkeypatch, redis_server, district, make_plan, make_user, today):
    """The production cache on the test's own Redis, and a published plan whose PDF is stored
    (a stand-in file: what is tested is the download, not the render)."""
    settings.CACHES = production_caches(redis_server.url)
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(pdf, "render_plan_pdf", lambda version: b"%PDF-1.4\n%stand-in\n")
    secretary = make_user("sekretariat")
    make_secretariat_staff(user=secretary, district=district)
    plan = make_plan(district, status="draft", activities=3)
    approve_plan(plan=plan, meeting_date=today, user=secretary)
    publish_plan(plan=plan, effective_date=today, user=secretary)
    return plan


def plan_page(plan):
    return reverse(
        "public:plan", kwargs={"district": plan.district.slug, "period": plan.period_label}
    )


def plan_pdf(plan):
    return reverse("pdf:plan", kwargs={"district": plan.district.slug, "period": plan.period_label})


@pytest.fixture
def member(make_user, esbjerg):
    client = Client()
    client.force_login(make_user("esbjerg-medlem", council=esbjerg))
    return client


def post_report(member, assignment, today, status, text):
    return member.post(
        reverse("members:assignment", args=[assignment.pk]),
        {"status": status, "public_text": text, "internal_note": "", "date": today.isoformat()},
    )


def test_pages_and_reports_go_on_while_redis_is_down_and_caching_resumes(
    site,
    member,
    esbjerg,
    redis_server,
    today,
    failure_filter,
    caplog,
    django_assert_num_queries,
    monkeypatch,
):
    # Long enough for the four requests of the outage to fall within one pause on a busy
    # machine.
    monkeypatch.setattr(FailFastRetry, "pause", 2.0)
    visitor = Client()
    assignment = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=site).first()

    assert visitor.get(plan_page(site)).status_code == 200
    with django_assert_num_queries(0):
        assert visitor.get(plan_page(site)).status_code == 200  # from Redis
    assert visitor.get(plan_pdf(site)).status_code == 200
    assert (
        post_report(member, assignment, today, "in_progress", "Før nedbruddet").status_code == 302
    )

    redis_server.stop()
    with caplog.at_level(logging.INFO):
        assert visitor.get(plan_page(site)).status_code == 200
        assert visitor.get(plan_pdf(site)).status_code == 200
        response = post_report(member, assignment, today, "done", "Under nedbruddet")
        assert response.status_code == 302
        page = visitor.get(plan_page(site))
    assert page.status_code == 200
    assert "Gennemført i 1 af" in page.text
    assert assignment.updates.latest("created_at").public_text == "Under nedbruddet"
    assert StatusUpdate.objects.filter(assignment=assignment).count() == 2
    cache_lines = [record for record in caplog.records if record.name == FAILURE_LOGGER]
    assert len(cache_lines) == 1
    assert cache_lines[0].levelno == logging.WARNING and cache_lines[0].exc_info is None
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]

    redis_server.start()  # empty, as after a restart
    time.sleep(FailFastRetry.pause)  # the last failure's pause
    assert visitor.get(plan_page(site)).status_code == 200
    assert redis_server.keys() > 0
    with django_assert_num_queries(0):
        page = visitor.get(plan_page(site))
    assert "Gennemført i 1 af" in page.text
