"""Entering a plan's history through the admin, as the secretariat does: cover lines, the
kredsråd's treatment, version 1 and its revisions, each dated. Shared by the dated-history
tests."""

import datetime
import re
from contextlib import contextmanager

from django.db import connection
from django.urls import reverse

from tests.admin.html_forms import admin_form, single

MEETING = datetime.date(2022, 12, 8)
FIRST = datetime.date(2023, 1, 5)
REVISED = datetime.date(2024, 10, 10)
SECOND_REVISION = datetime.date(2025, 3, 3)
SUBTITLE = "Tryghed i hverdagen for borgerne i Sønderjylland"
ISSUER = "Kredsrådet for Syd- og Sønderjyllands Politi"
TAGLINE = "Kommunerne og politiet i samarbejde om tryghed og kriminalitetsforebyggelse"


def url(step, plan):
    return reverse(f"admin:plans_plan_{step}", args=[plan.pk])


@contextmanager
def no_plan_writes():
    """Records every statement that would change a plans table (a refusal must change none)."""
    writes = []

    def guard(execute, sql, params, many, context):
        if re.match(r"\s*(INSERT|UPDATE|DELETE)\b", sql, re.IGNORECASE) and '"plans_' in sql:
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(guard):
        yield writes


def set_cover(client, plan, **fields):
    change = reverse("admin:plans_plan_change", args=[plan.pk])
    response = client.post(change, single(admin_form(client.get(change)), **fields))
    assert response.status_code == 302, response.text
    return response


def approve(client, plan, *, treatment="approved", meeting_date=MEETING):
    response = client.post(
        url("approve", plan),
        {"council_treatment": treatment, "meeting_date": meeting_date or ""},
    )
    assert response.status_code == 302, response.text


def publish(client, plan, published_on, *, number, sections=(), note="", effective_date=None):
    data = {
        "version_number": number,
        "published_on": published_on,
        "effective_date": effective_date or published_on,
    }
    if number > 1:
        data |= {"revision_note": note or "Revideret.", "changed_sections": list(sections)}
    response = client.post(url("publish", plan), data)
    assert response.status_code == 302, response.text


def edit_section(plan, title, body):
    section = plan.sections.get(title=title)
    section.body = body
    section.save()
    return section


def enter_history(client, plan):
    """Cover lines, approval in December 2022, version 1 in January 2023, a revision of
    »Årshjul« in October 2024 and one of »Organisering« in March 2025."""
    set_cover(client, plan, subtitle=SUBTITLE, issuer=ISSUER)
    approve(client, plan)
    publish(client, plan, FIRST, number=1, effective_date=datetime.date(2023, 1, 1))
    cycle = edit_section(plan, "Årshjul", "<p>Fem møder om året.</p>")
    publish(client, plan, REVISED, number=2, sections=[cycle.pk])
    organisation = edit_section(plan, "Organisering", "<p>Fire niveauer.</p>")
    publish(client, plan, SECOND_REVISION, number=3, sections=[organisation.pk])
    plan.refresh_from_db()
    return plan


def public_url(name, plan, **kwargs):
    return reverse(
        f"public:{name}",
        kwargs={"district": plan.district.slug, "period": plan.period_label, **kwargs},
    )
