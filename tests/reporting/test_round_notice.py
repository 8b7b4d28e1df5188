"""The one message "Mit lokalråd" shows about the reporting round (reporting.round_notice): one
state at a time, never two that contradict each other."""

import datetime

import pytest
from django.utils import timezone

from plans.models import ReportingRound
from plans.reporting import round_notice

TODAY = timezone.localdate()


def a_round(*, deadline_in_days=14, closed=False):
    return ReportingRound(
        name="Status juni 2018",
        opened_on=TODAY - datetime.timedelta(days=30),
        deadline=TODAY + datetime.timedelta(days=deadline_in_days),
        closed_at=timezone.now() if closed else None,
    )


STATES = ("none", "closed", "open", "open_done", "overdue", "overdue_done")


def notice_for(state):
    """The notice in each state the page can be in: the round (open, overdue, closed or none)
    and the lokalråd's reported count out of 4."""
    open_round, last_closed, reported = {
        "none": (None, None, 0),
        "closed": (None, a_round(closed=True), 4),
        "open": (a_round(), None, 1),
        "open_done": (a_round(), None, 4),
        "overdue": (a_round(deadline_in_days=-2), None, 1),
        "overdue_done": (a_round(deadline_in_days=-2), None, 4),
    }[state]
    return round_notice(open_round=open_round, last_closed=last_closed, held=4, reported=reported)


def words(notice):
    return f"{notice.lead} {notice.detail}"


def test_no_round_says_there_is_none_and_nothing_is_missing():
    notice = notice_for("none")
    assert notice.state == "none"
    assert words(notice).startswith("Der er ingen åben statusrunde lige nu.")
    assert notice.missing == 0


def test_closed_round_is_named_as_closed_and_not_as_open():
    notice = notice_for("closed")
    assert notice.state == "closed"
    assert "Statusrunden »Status juni 2018« er lukket" in words(notice)
    assert "er åben" not in words(notice)
    assert notice.missing == 0


def test_open_round_with_missing_gives_deadline_and_counts():
    notice = notice_for("open")
    deadline = (TODAY + datetime.timedelta(days=14)).day
    assert notice.state == "open"
    assert f"er åben, og fristen er {deadline}. " in words(notice)
    assert "Lokalrådet har indberettet 1 af 4 opgaver i runden; 3 mangler." in words(notice)
    assert (notice.missing, notice.tone) == (3, "info")


def test_open_round_with_everything_reported_thanks_and_asks_for_nothing():
    notice = notice_for("open_done")
    assert notice.state == "open_done"
    assert "har indberettet alle 4 opgaver" in words(notice)
    assert "mangler" not in words(notice)
    assert (notice.missing, notice.tone) == (0, "success")


def test_round_past_its_deadline_with_missing_asks_for_haste():
    notice = notice_for("overdue")
    assert notice.state == "overdue"
    assert "er stadig åben, men fristen var" in words(notice)
    assert "Indberet så hurtigt som muligt." in words(notice)
    assert "3 mangler" in words(notice)
    assert notice.tone == "warning"


def test_round_past_its_deadline_with_everything_reported_does_not_ask_for_haste():
    notice = notice_for("overdue_done")
    assert notice.state == "overdue_done"
    assert "hurtigt som muligt" not in words(notice)
    assert "har indberettet alle 4 opgaver" in words(notice)


def test_a_lokalraad_with_one_assignment_is_not_told_about_all_1():
    notice = round_notice(open_round=a_round(), last_closed=None, held=1, reported=1)
    assert "har indberettet sin opgave i statusrunden" in words(notice)


@pytest.mark.parametrize("state", STATES)
def test_no_state_says_two_contradicting_things(state):
    text = words(notice_for(state))
    without_none_open = text.replace("ingen åben", "")
    assert not ("åben" in without_none_open and "lukket" in without_none_open)
    assert not ("alle" in text and "mangler" in text)
    assert not ("Tak" in text and "hurtigt som muligt" in text)
