import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from plans.models import Assignment, StatusUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(plan, esbjerg):
    return Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan).first()


def test_report_appends_an_update_and_makes_it_current(assignment, member, report):
    update = report(assignment, member, status="done", text="Borgermødet er holdt.")
    assignment.refresh_from_db()
    assert assignment.status == "done"
    assert assignment.latest_update == update
    assert update.author == member


def test_second_report_keeps_the_first_in_history(assignment, member, report, today):
    first = report(assignment, member, status="in_progress", text="Planlagt")
    report(assignment, member, status="done", text="Holdt")
    assert list(assignment.updates.order_by("created_at")) == [first, assignment.latest_update]
    assert StatusUpdate.objects.get(pk=first.pk).public_text == "Planlagt"


def test_backdated_report_does_not_replace_the_current_status(assignment, member, report, today):
    report(assignment, member, status="done", text="Holdt", date=today)
    report(
        assignment,
        member,
        status="in_progress",
        text="Glemt at skrive",
        date=today - datetime.timedelta(days=30),
    )
    assignment.refresh_from_db()
    assert assignment.status == "done"
    assert assignment.updates.count() == 2


def test_report_in_an_open_round_belongs_to_the_round(assignment, member, report, open_round):
    assert report(assignment, member).reporting_round == open_round


def test_report_without_an_open_round_belongs_to_no_round(assignment, member, report):
    assert report(assignment, member).reporting_round is None


def test_report_dated_in_the_future_is_rejected(assignment, member, report, today):
    with pytest.raises(ValidationError):
        report(assignment, member, date=today + datetime.timedelta(days=1))
    assert not assignment.updates.exists()


def test_report_without_public_text_is_rejected(assignment, member, report):
    with pytest.raises(ValidationError):
        report(assignment, member, text="")
    assert not assignment.updates.exists()


def test_report_on_a_draft_plan_is_rejected(draft_plan, esbjerg, member, report):
    assignment = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=draft_plan)
    with pytest.raises(ValidationError):
        report(assignment.first(), member)
    assert not StatusUpdate.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks need PostgreSQL; in-memory SQLite locks whole tables across threads.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_members_reporting_at_once_both_keep_their_update(
    plan, esbjerg, member, make_user, report
):
    colleague = make_user("esbjerg-kollega", council=esbjerg)
    assignment = Assignment.objects.filter(council=esbjerg, activity__focus_area__plan=plan)[0]
    barrier = threading.Barrier(2)
    errors = []

    def submit(author, text):
        try:
            barrier.wait(timeout=5)
            report(assignment, author, text=text)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(member, "Fra medlem")),
        threading.Thread(target=submit, args=(colleague, "Fra kollega")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert set(assignment.updates.values_list("public_text", flat=True)) == {
        "Fra medlem",
        "Fra kollega",
    }
    assignment.refresh_from_db()
    assert assignment.latest_update == assignment.updates.order_by("-date", "-created_at").first()
