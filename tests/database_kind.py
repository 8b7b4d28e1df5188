"""Which kind of database test a collected test is, as pytest-django decides it."""

import pytest


def is_transactional(item) -> bool:
    """Whether the test runs in Django's TransactionTestCase, which empties every table at its
    end: a transactional marker, the `transactional_db` or `live_server` fixture, or a
    TransactionTestCase class that is not a TestCase."""
    from django.test import TestCase, TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


def refuse_transactional(request, why: str) -> None:
    """Fail a transactional test that asks for rows built once per module: those rows stay in
    a transaction the test's own savepoint sits in, and a transactional test commits, for
    other connections that would not see them. `why` says what such a test does instead."""
    if is_transactional(request.node):
        pytest.fail(why)


def database_order(item) -> int:
    """pytest-django's order: database tests, then transactional ones, then the rest."""
    if is_transactional(item):
        return 1
    from django.test import TransactionTestCase

    test_class = getattr(item, "cls", None)
    uses_database = test_class is not None and issubclass(test_class, TransactionTestCase)
    fixtures = getattr(item, "fixturenames", ())
    return 0 if uses_database or item.get_closest_marker("django_db") or "db" in fixtures else 2
