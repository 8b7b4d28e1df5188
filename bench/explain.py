"""The queries behind each heavy page, with their time and PostgreSQL's plan for the slowest.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_national DEBUG=1 \
    ALLOWED_HOSTS=testserver .venv/bin/python -m bench.explain [--top 3] [--page plan]

Run it on a database filled by `generate_national_data`. For each page it prints the number of
queries, their total time, and the slowest ones with `EXPLAIN (ANALYZE, BUFFERS)`, so an index
can be justified by a plan that needs it (docs/performance.md).
"""

import argparse
import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from councils.models import Council, PoliceDistrict  # noqa: E402
from plans.models import Assignment, Plan, ReportingRound  # noqa: E402

DISTRICT = "syd-og-soenderjyllands-politi"
COUNCIL = "esbjerg"


def pages() -> dict[str, tuple[str, object]]:
    """{name: (url, user or None)} for the pages the query budgets cover."""
    district = PoliceDistrict.objects.get(slug=DISTRICT)
    council = Council.objects.get(district=district, slug=COUNCIL)
    plan = Plan.objects.current().get(district=district)
    kwargs = {"district": district.slug, "period": plan.period_label}
    activity_id = (
        Assignment.objects.filter(activity__focus_area__plan=plan, council=council)
        .values_list("activity_id", flat=True)
        .first()
    )
    member = get_user_model().objects.filter(person__memberships__council=council).first()
    staff = get_user_model().objects.filter(secretariat__district=district).first()
    open_round = ReportingRound.objects.open().get(district=district)
    return {
        "home": (reverse("home"), None),
        "district": (reverse("public:district", kwargs={"district": district.slug}), None),
        "plan": (reverse("public:plan", kwargs=kwargs), None),
        "filtered": (reverse("public:plan", kwargs=kwargs) + "?status=in_progress", None),
        "search": (reverse("public:search") + "?q=Esbjerg", None),
        "activity": (
            reverse("public:activity", kwargs={**kwargs, "activity_id": activity_id}),
            None,
        ),
        "forums": (reverse("public:forums", kwargs={"district": district.slug}), None),
        "cycle": (reverse("public:annual_cycle", kwargs={"district": district.slug}), None),
        "member": (reverse("members:council", kwargs={"council_id": council.pk}), member),
        "round": (reverse("rounds:detail", kwargs={"pk": open_round.pk}), staff),
        "report": (reverse("rounds:report", kwargs={"pk": open_round.pk}), staff),
    }


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def execution_ms(sql: str) -> float:
    """PostgreSQL's own execution time of a query (no network, no planning), best of three."""
    if not sql.lstrip().upper().startswith("SELECT"):
        return 0.0
    best = float("inf")
    for _ in range(3):
        for line in explain(sql).splitlines():
            if line.startswith("Execution Time:"):
                best = min(best, float(line.split()[2]))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", action="append", help="only these pages (repeatable)")
    parser.add_argument("--top", type=int, default=3, help="explain the N slowest queries")
    args = parser.parse_args()
    for name, (url, user) in pages().items():
        if args.page and name not in args.page:
            continue
        client = Client(HTTP_X_FORWARDED_PROTO="https")  # as behind the TLS proxy
        if user is not None:
            client.force_login(user)
        client.get(url)  # warm: sessions, content types, template loading
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        total = sum(float(q["time"]) for q in queries) * 1000
        executed = ""
        if connection.vendor == "postgresql":
            executed = f" (executor {sum(execution_ms(q['sql']) for q in queries):.2f} ms)"
        print(
            f"\n=== {name} {url}: HTTP {response.status_code}, {len(queries)} queries, "
            f"{total:.1f} ms in the database{executed}, {elapsed:.1f} ms in all"
        )
        for query in queries[: args.top]:
            print(f"\n--- {float(query['time']) * 1000:.1f} ms\n{query['sql'][:1500]}")
            if connection.vendor == "postgresql" and query["sql"].lstrip().upper().startswith(
                "SELECT"
            ):
                print(explain(query["sql"]))


if __name__ == "__main__":
    main()
