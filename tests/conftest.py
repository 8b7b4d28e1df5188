"""Shared fixtures. The reference data (12 districts, 98 municipalities, their kredsråd and
lokalråd) is loaded by a migration, so every test database has it."""

import datetime
import gc
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from pytest_django.plugin import blocking_manager_key

from councils.models import Council, Membership, Person, PoliceDistrict
from plans.models import Activity, FocusArea, Plan
from plans.services import report_status, sync_assignments
from tests import table_copies
from tests.database_kind import is_transactional
from tests.groups import group_for

PASSWORD = "korrekt-hest-batteri-42"


@pytest.fixture
def district(db):
    return PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")


@pytest.fixture
def other_district(db):
    return PoliceDistrict.objects.get(slug="fyns-politi")


@pytest.fixture
def esbjerg(district):
    return Council.objects.get(district=district, slug="esbjerg")


@pytest.fixture
def toender(district):
    return Council.objects.get(district=district, slug="toender")


def create_user(username, *, staff=False, superuser=False, council=None, role="member"):
    """A user with the test password; with `council`, a member of it in `role`. A plain function,
    so that data built once per module (`scope="module"` fixtures) can make users too."""
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.dk",
        is_staff=staff or superuser,
        is_superuser=superuser,
    )
    if council is not None:
        person = Person.objects.create(name=username.title(), email=user.email, user=user)
        Membership.objects.create(person=person, council=council, role=role)
    return user


@pytest.fixture
def make_user(db):
    return create_user


def create_plan(district, *, start=2017, end=2018, status=Plan.Status.DRAFT, activities=3):
    """A plan with one district-wide focus area, "Trygt nærmiljø", and `activities` activities
    for every lokalråd, their assignments made. A plain function, like `create_user`."""
    plan = Plan.objects.create(
        district=district,
        period_start=start,
        period_end=end,
        foreword="<p>Forord</p>",
        signatory_name="Politidirektør",
        status=status,
    )
    area = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "district"), title="Trygt nærmiljø", order=1
    )
    for index in range(activities):
        activity = Activity.objects.create(
            focus_area=area,
            text=f"Aktivitet {index + 1}",
            all_local_councils=True,
            timing="2017-18",
            order=index,
        )
        sync_assignments(activity=activity)
    return plan


@pytest.fixture
def make_plan(db):
    return create_plan


@pytest.fixture
def today():
    return datetime.date.today()


@pytest.fixture
def report(make_user, today, django_capture_on_commit_callbacks):
    """Report a status with the lokalråd's own service, as the member form does, and commit (a
    change makes the cached public pages stale when it commits). Without `author`, a user made
    for the purpose reports."""
    reporters = []

    def report(
        assignment, author=None, *, status="in_progress", text="Vi er i gang.", note="", date=None
    ):
        if author is None:
            if not reporters:
                reporters.append(make_user("indberetter"))
            author = reporters[0]
        with django_capture_on_commit_callbacks(execute=True):
            return report_status(
                assignment=assignment,
                status=status,
                public_text=text,
                internal_note=note,
                date=date or today,
                author=author,
            )

    return report


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the reference data as it stands after the migrations, as copies of the tables
    (tests/table_copies.py), to put back after every transactional test.

    Django's own `serialized_rollback` saves every object of the serialized contents through the
    ORM again at a transactional test's start, and Django's connections are context-local
    (asgiref.Local), so under Playwright's event loop a test got a fresh connection wrapper without
    those contents. The contents are replaced, on the wrapper class so that every wrapper sees
    them, by an empty list: a test's start restores nothing (`pytest_runtest_teardown` has put
    everything back already), and the flush at its end still skips the post_migrate signal that
    would make the content types and permissions again only to have them emptied once more.
    That flush deletes rather than truncates (`table_copies.delete_instead_of_truncate`).
    """
    from django.db import connections

    with django_db_blocker.unblock():
        table_copies.keep(table_copies.REFERENCE)
    for connection in connections.all():
        if hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = "[]"
            type(connection)._test_serialized_contents = "[]"
    with table_copies.delete_instead_of_truncate():
        yield


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Every test starts with an empty cache. Cached pages and fragments are made stale when a
    change commits (plans/page_cache.py); a test's changes are rolled back, never committed, so
    what one test cached must not reach the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the reference data back after a transactional test has emptied the database.

    A transactional test ends by emptying every table (Django's TransactionTestCase), so Django
    runs those tests last. With two test processes (`make test`, pytest-xdist) each process runs
    whole test files, and a file of ordinary tests may come after one with a live server; the
    contents the test database held after its migrations (districts, municipalities, councils,
    role groups) are copied back here from the copies `django_db_setup` kept.
    """
    result = yield
    if nextitem is not None and is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            table_copies.restore(table_copies.REFERENCE)
    return result


# Files whose module fixtures take long to build (the security dataset, national data for the
# query budgets, the demo, migrations undone and redone, real PDFs): sent out early.
SLOW_FOLDERS = {"security", "performance", "demo", "pdf"}
SLOW_FILES = {"test_actors_migration.py", "test_docx_import.py"}


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """The slowest files first (transactional only, then SLOW_FOLDERS and SLOW_FILES, then the
    files with the most tests), each file's tests in the order they had.

    With `-n 2 --dist loadfile` each process takes whole files in order of collection. The
    files of transactional tests only (a live server, a browser, a second instance) and the
    security walks are the longest; started while both processes are busy, the many short files
    fill in at the end instead of one process running a browser file alone while the other waits.
    A file's tests keep pytest-django's order (transactional ones last), and the reference data is
    loaded again after every transactional test (`pytest_runtest_teardown`), so the order of
    files is free."""
    result = yield  # after every plugin's own ordering (pytest-django's, the fixtures')
    transactional: dict = {}
    for item in items:
        transactional.setdefault(item.path, set()).add(is_transactional(item))
    sizes = Counter(item.path for item in items)

    def rank(item) -> tuple[int, int]:
        if transactional[item.path] == {True}:
            return 0, 0
        if item.path.parent.name in SLOW_FOLDERS or item.path.name in SLOW_FILES:
            return 1, 0
        return 2, -sizes[item.path]  # then the files with the most tests

    items[:] = sorted(items, key=rank)
    return result


def pytest_collection_finish(session):
    """Python's cyclic garbage collector, tuned for a test process: what stands after collection
    (Django, the apps, every test module) is frozen out of its reach, and it runs after 100,000
    new objects instead of 2,000. With the defaults a full collection came every few seconds
    and walked the whole heap each time: 12-16 s of a 86-95 s run of tests/admin, tests/public
    and tests/workspace_plan went to the collector, 7-9.5 s with this (docs/performance.md).
    Only the collector's timing changes: unreachable cycles are still freed."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 5, 100)
