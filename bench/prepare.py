"""Set up what the load benchmark needs in its throwaway database; print it as JSON.

Run by bench/load.py after `generate_national_data`, with the benchmark's environment:
`python -m bench.prepare --password P --scale 10,100,1000`. It
- gives two lokalråd members of the benchmark district a password (one browses, one reports),
- renders and stores the PDF of the benchmark plan's latest version (a download never renders),
- publishes one extra plan per scale size in another district (plan page time against size),
- prints the addresses and ids the benchmark drives, as one JSON object on the last line.
"""

import argparse
import json
import os
from urllib.parse import quote

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from councils.models import Council, Municipality, PoliceDistrict  # noqa: E402
from demo import national_data  # noqa: E402
from plans.models import Activity, Assignment, Plan, PlanVersion  # noqa: E402
from plans.tasks import render_version_pdf  # noqa: E402

DISTRICT = "syd-og-soenderjyllands-politi"
COUNCIL = "esbjerg"
MUNICIPALITY = "Esbjerg"
SCALE_DISTRICT = "midt-og-vestjyllands-politi"


def plan_urls(plan: Plan) -> dict[str, str]:
    kwargs = {"district": plan.district.slug, "period": plan.period_label}
    return {
        "plan": reverse("public:plan", kwargs=kwargs),
        "pdf": reverse("pdf:plan", kwargs=kwargs),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--password", required=True)
    parser.add_argument("--scale", default="10,100,1000")
    args = parser.parse_args()

    district = PoliceDistrict.objects.get(slug=DISTRICT)
    council = Council.objects.get(district=district, slug=COUNCIL)
    municipality = Municipality.objects.get(district=district, name=MUNICIPALITY)
    plan = Plan.objects.current().get(district=district)
    members = list(
        get_user_model()
        .objects.filter(person__memberships__council=council, is_staff=False)
        .order_by("username")[:2]
    )
    for user in members:
        user.set_password(args.password)
        user.save(update_fields=["password"])
    browser, reporter = members
    version = plan.versions.order_by("-number").first()
    if version.pdf and not version.pdf.storage.exists(version.pdf.name):
        # A reused database from an earlier run, whose media directory is gone.
        PlanVersion.objects.filter(pk=version.pk).update(pdf="")
    render_version_pdf.call(version_id=version.pk)
    version.refresh_from_db()
    activity = (
        Assignment.objects.filter(activity__focus_area__plan=plan, council=council)
        .order_by("activity__focus_area__order", "activity__order")
        .first()
        .activity
    )
    report_on = list(
        Assignment.objects.filter(activity__focus_area__plan=plan, council=council)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    kwargs = {"district": district.slug, "period": plan.period_label}

    scale_district = PoliceDistrict.objects.get(slug=SCALE_DISTRICT)
    scale = []
    for index, size in enumerate(int(n) for n in args.scale.split(",") if n):
        year = timezone.localdate().year + 10 + index
        scale_plan = Plan.objects.filter(district=scale_district, period_start=year).first()
        if scale_plan is not None and scale_plan.focus_areas.count() == 0:
            raise SystemExit(f"{scale_district} has an empty plan for {year}")
        if scale_plan is None:  # a reused database has them from an earlier run
            scale_plan = national_data.add_plan(
                district=scale_district, year=year, activities=size, seed=index
            )
        size = Activity.objects.filter(focus_area__plan=scale_plan).count()
        scale.append({"activities": size, "url": plan_urls(scale_plan)["plan"]})

    print(
        json.dumps(
            {
                "trivial": reverse("bench_trivial"),
                "home": reverse("home"),
                "district": reverse("public:district", kwargs={"district": district.slug}),
                "plan": reverse("public:plan", kwargs=kwargs),
                # Issue 14's pages: the plan filtered by status, a kommune's page, search for a
                # kommune's name, the district's Atom feed and the privacy statement.
                "plan_status": reverse("public:plan", kwargs=kwargs) + "?status=in_progress",
                "municipality": reverse(
                    "public:municipality", kwargs={"municipality": municipality.slug}
                ),
                "search": reverse("public:search") + f"?q={quote(municipality.name)}",
                "feed": reverse("public:feed", kwargs={"district": district.slug}),
                "privacy": reverse("privacy"),
                "activity": reverse(
                    "public:activity", kwargs={**kwargs, "activity_id": activity.pk}
                ),
                "forums": reverse("public:forums", kwargs={"district": district.slug}),
                "cycle": reverse("public:annual_cycle", kwargs={"district": district.slug}),
                "pdf": reverse("pdf:plan", kwargs=kwargs),
                "pdf_bytes": version.pdf.size,
                "member": reverse("members:council", kwargs={"council_id": council.pk}),
                "login": reverse("accounts:login"),
                "browser": browser.username,
                "reporter": reporter.username,
                "report_urls": [
                    reverse("members:assignment", kwargs={"pk": pk}) for pk in report_on
                ],
                "activities": Activity.objects.filter(focus_area__plan=plan).count(),
                "scale": scale,
            }
        )
    )


if __name__ == "__main__":
    main()
