"""CPU per request of a page in this process: steadier than req/s on a shared machine.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME BENCH_STATIC_ROOT=DIR \
        .venv/bin/python -m bench.plan_profile [--path /…/] [--rounds 5] [--requests 100]

Django's test client against a database filled by `generate_national_data`, with the load
benchmark's settings (bench/settings.py: DEBUG off, manifest static files, which
`manage.py collectstatic` with the same environment puts into BENCH_STATIC_ROOT first, and
persistent connections) and its uncached phase's dummy cache (`--cache locmem` for a warm
per-process cache instead). Without `--path` it measures the trivial view and the benchmark's
plan page (Syd- og Sønderjyllands Politi's current plan). Per page: the process's CPU time per
request (`time.process_time`), median and range over the rounds; the queries of one request; the
size of the HTML. Other processes move CPU time far less than they move req/s, but they do move
it: to compare two checkouts, run them alternately a few times. `--profile N` prints cProfile's
N costliest functions over one more round of the last page; `--html FILE` writes the last page
as served, to compare two checkouts byte for byte (`cmp`).
"""

import argparse
import cProfile
import os
import pstats
import secrets
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("CONN_MAX_AGE", "600")
os.environ.setdefault("LOG_LEVEL", "WARNING")

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--path", action="append", help="a page to measure (repeatable)")
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--requests", type=int, default=100, help="requests per round")
parser.add_argument("--cache", choices=("none", "locmem"), default="none")
parser.add_argument("--profile", type=int, default=0, metavar="N")
parser.add_argument("--html", help="write the (last) page's HTML to this file")
args = parser.parse_args()
os.environ["BENCH_CACHE"] = args.cache  # bench/settings.py: "none" is the dummy cache
os.environ.pop("REDIS_URL", None)  # so that any other value is per-process memory

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from councils.models import PoliceDistrict  # noqa: E402
from plans.models import Plan  # noqa: E402

DISTRICT = "syd-og-soenderjyllands-politi"  # the load benchmark's (bench/prepare.py)


def default_paths() -> list[str]:
    plan = Plan.objects.current().get(district=PoliceDistrict.objects.get(slug=DISTRICT))
    kwargs = {"district": DISTRICT, "period": plan.period_label}
    return [reverse("bench_trivial"), reverse("public:plan", kwargs=kwargs)]


def measure(client: Client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    for _ in range(20):  # warm up: templates, URL resolver, connection
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    query_count = len(queries)  # now: the next request's start empties the log it reads
    per_request = []
    for _ in range(args.rounds):
        started = time.process_time()
        for _ in range(args.requests):
            client.get(path)
        per_request.append((time.process_time() - started) * 1000 / args.requests)
    return {
        "ms": statistics.median(per_request),
        "spread": (min(per_request), max(per_request)),
        "queries": query_count,
        "kb": len(response.content) / 1024,
        "content": response.content,
    }


def main() -> None:
    client = Client(headers={"X-Forwarded-Proto": "https"})
    paths = args.path or default_paths()
    for index, path in enumerate(paths):
        result = measure(client, path)
        low, high = result["spread"]
        print(
            f"{path}: {result['ms']:.2f} ms CPU per request (rounds {low:.2f}–{high:.2f}), "
            f"{result['queries']} queries, {result['kb']:.1f} KB"
        )
        if index == len(paths) - 1 and args.html:
            with open(args.html, "wb") as out:
                out.write(result["content"])
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(paths[-1])
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
