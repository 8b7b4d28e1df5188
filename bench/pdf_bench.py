"""`make bench-pdf`: how long the plan PDF takes to render, and how much memory it needs.

Two plans: the demo plan (`load_demo`, its latest version, in an in-memory test database) and a
synthetic plan of about 60 pages. Each is measured in a fresh subprocess, so one case's fonts and
caches do not flatter the other: one cold render (first in the process: fonts are loaded), then
the median of warm renders, then one render under tracemalloc for the Python heap peak. The
process's peak RSS (ru_maxrss) covers native memory too (HarfBuzz, Pango, images).

    .venv/bin/python bench/pdf_bench.py [--runs N]
"""

import argparse
import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ("demo", "synthetic")

WORDS = (
    "kommunerne",
    "politiet",
    "lokalrådet",
    "kredsrådet",
    "samarbejde",
    "tryghed",
    "forebyggelse",
    "unge",
    "børn",
    "skolerne",
    "boligområdet",
    "indsatsen",
    "fælles",
    "viden",
    "handleplan",
    "borgerne",
    "nærmiljøet",
    "trafikken",
    "indbrud",
    "vold",
    "netværk",
    "foreninger",
    "klubber",
    "forældre",
    "medarbejdere",
    "året",
    "ambitionen",
)


def sentence(seed: int, length: int = 14) -> str:
    words = [WORDS[(seed * 7 + i * 11) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(seed: int, sentences: int = 5) -> str:
    return " ".join(sentence(seed + i) for i in range(sentences))


def synthetic_snapshot(focus_areas: int = 15) -> dict:
    """A plan of about 60 A4 pages: long backgrounds, many activities and forums."""
    council = {"id": 1, "name": "Lokalråd Esbjerg", "slug": "esbjerg"}
    areas = []
    for n in range(focus_areas):
        background = "".join(
            f"<h2>Delafsnit {n + 1}.{k + 1}</h2><p>{paragraph(n * 10 + k, 6)}</p>"
            f"<ul><li>{sentence(n + k)}</li><li>{sentence(n + k + 1)}</li></ul>"
            for k in range(3)
        )
        areas.append(
            {
                "id": 100 + n,
                "title": f"Indsatsområde {n + 1}: {WORDS[n % len(WORDS)]} og tryghed",
                "scope": "district",
                "council": None,
                "priority_group": "",
                "rank": None,
                "background": background,
                "ambition": sentence(n, 18),
                "order": n,
                "activities": [
                    {
                        "id": 1000 + n * 20 + a,
                        "text": sentence(n * 20 + a, 22),
                        "responsible": "named_local" if a % 3 == 0 else "all_local",
                        "responsible_display": "Alle lokalråd",
                        "forum": None,
                        "councils": [council] if a % 3 == 0 else [],
                        "timing": "2024-2025",
                        "order": a,
                    }
                    for a in range(9)
                ],
            }
        )
    forums = [
        {
            "id": 500 + f,
            "name": f"Samarbejdsforum {f + 1}",
            "slug": f"forum-{f + 1}",
            "kind": "ssp",
            "kind_display": "SSP",
            "municipalities": ["Esbjerg", "Fanø"] if f % 2 else [],
            "topic": sentence(f, 8),
            "legal_basis": "Retsplejelovens § 115",
            "purpose": sentence(f + 3, 16),
            "action_plans": sentence(f + 5, 6),
            "interfaces": ["Kredsrådet", "Lokalråd Esbjerg"],
            "interfaces_text": "",
            "participants": sentence(f + 7, 12),
            "meetings_min": 4,
            "meetings": "Mindst 4",
            "order": f,
        }
        for f in range(30)
    ]
    return {
        "schema": 1,
        "district": {"id": 1, "name": "Syd- og Sønderjyllands Politi", "slug": "syd"},
        "plan": {
            "id": 1,
            "title": "Samarbejdsplan",
            "period_start": 2024,
            "period_end": 2027,
            "period_label": "2024-2027",
            "foreword": "".join(f"<p>{paragraph(k)}</p>" for k in range(4)),
            "shared_goals": "<ul>" + "".join(f"<li>{sentence(k)}</li>" for k in range(8)) + "</ul>",
            "signatory_name": "Politidirektør",
            "signatory_title": "politidirektør",
            "approval_meeting_date": "2023-12-04",
            "effective_date": "2024-01-01",
        },
        "sections": [
            {
                "id": 10 + s,
                "title": f"Afsnit {s + 1}",
                "body": "".join(f"<p>{paragraph(s * 5 + k)}</p>" for k in range(4)),
                "order": s,
            }
            for s in range(6)
        ],
        "focus_areas": areas,
        "annual_cycle": [
            {
                "id": 900 + m,
                "kind": "meeting",
                "kind_display": "Møde",
                "title": f"Møde i kredsrådet {m + 1}",
                "description": sentence(m, 12),
                "month": m % 12 + 1,
                "quarter": None,
                "council": None,
                "order": m,
            }
            for m in range(24)
        ],
        "forums": forums,
    }


def demo_version():
    """The demo plan's latest version, loaded into a fresh in-memory test database."""
    from django.db import connection

    from demo.loader import load_demo
    from plans.models import PlanVersion

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    load_demo()
    return PlanVersion.objects.select_related("plan").latest("number")


def synthetic_version():
    """An unsaved version of a plan of about 60 pages, over an empty database: the PDF also
    reads the live status of the plan's activities (the progress summary), here none."""
    from django.db import connection

    from plans.models import PlanVersion

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return PlanVersion(
        pk=1, plan_id=1, number=1, published_on=datetime.date(2024, 1, 2),
        created_at=datetime.datetime(2024, 1, 2, 9, tzinfo=datetime.UTC),
        snapshot=synthetic_snapshot(),
    )  # fmt: skip


def measure(case: str, runs: int) -> dict:
    """Runs in the subprocess: render the case, print one JSON line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.test_settings")
    # load_demo publishes, which stores the PDFs: into a folder of this run, not var/media.
    media = tempfile.TemporaryDirectory(prefix="pdf-bench-media-")
    os.environ["MEDIA_ROOT"] = media.name
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from pypdf import PdfReader

    from plans.pdf import render_plan_pdf

    version = demo_version() if case == "demo" else synthetic_version()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    started = time.perf_counter()
    data = render_plan_pdf(version)
    cold = time.perf_counter() - started

    warm, warm_cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_plan_pdf(version)
        warm.append(time.perf_counter() - started)
        warm_cpu.append(time.process_time() - started_cpu)

    tracemalloc.start()
    render_plan_pdf(version)
    _current, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    import io

    media.cleanup()
    return {
        "case": case,
        "pages": len(PdfReader(io.BytesIO(data)).pages),
        "bytes": len(data),
        "cold": cold,
        "warm": statistics.median(warm),
        "warm_cpu": statistics.median(warm_cpu),
        "python_peak_mb": python_peak / 2**20,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="warm renders per case (median)")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure(args.case, args.runs)))
        return

    rows = []
    for case in CASES:
        result = subprocess.run(
            [sys.executable, __file__, "--case", case, "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if result.returncode != 0:
            sys.exit(f"{case} failed:\n{result.stderr}")
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))

    header = (
        f"{'plan':<10} {'pages':>5} {'KB':>6} {'cold s':>7} {'warm s':>7} {'CPU s':>6} "
        f"{'ms/page':>8} {'CPU ms/p':>8} "
        f"{'py peak MB':>10} {'RSS MB':>7} {'RSS +MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        per_page, cpu_per_page = (1000 * row[key] / row["pages"] for key in ("warm", "warm_cpu"))
        print(
            f"{row['case']:<10} {row['pages']:>5} {row['bytes'] / 1024:>6.0f} "
            f"{row['cold']:>7.2f} {row['warm']:>7.2f} {row['warm_cpu']:>6.2f} "
            f"{per_page:>8.0f} {cpu_per_page:>8.0f} "
            f"{row['python_peak_mb']:>10.1f} {row['rss_mb']:>7.0f} {row['rss_growth_mb']:>8.0f}"
        )
    print(
        f"\nwarm = median wall time of {args.runs} renders after the first, CPU = their median "
        "process CPU time (steadier on a shared machine). py peak = "
        "tracemalloc peak of one render; RSS = the process's peak resident memory, RSS + = its "
        "growth during the renders."
    )


if __name__ == "__main__":
    main()
