"""One page of each kind a citizen sees (issue 14), on the demo: the pages the walk
(test_walk.py) checks with axe at each width, and adds to the sitemap's at phone width."""

import secrets

from django.utils import timezone

from councils.models import Council
from plans.following import token_hash
from plans.models import Activity, Follower, Plan

# The pages that answer with an error status, and the status they answer with.
NOT_OK = {"ugyldigt link": 400, "side findes ikke": 404}


def confirmation_link(plan: Plan) -> str:
    """The address of a follower's confirmation link, as the mail would carry it."""
    token = secrets.token_urlsafe(32)
    Follower.objects.create(
        email="borger@example.dk",
        district=plan.district,
        token_hash=token_hash(token),
        confirmation_sent_at=timezone.now(),
    )
    return f"/foelg/bekraeft/{token}/"


def citizen_pages(plan: Plan) -> dict[str, str]:
    """One address of each kind of citizen page of issue 14, by a name to report it by."""
    district = plan.district.slug
    council = Council.objects.get(district=plan.district, slug="toender")
    activity = Activity.objects.filter(focus_area__plan=plan, all_local_councils=True).first()
    numbers = sorted(plan.versions.values_list("number", flat=True))
    plan_url = plan.get_absolute_url()
    return {
        "forside": "/",
        "kommune": "/kommune/toender/",
        "kreds": f"/{district}/",
        "plan med fremdrift": plan_url,
        "plan filtreret på status": f"{plan_url}?status=in_progress",
        "plan filtreret på lokalråd": f"{plan_url}?lokalraad={council.slug}",
        "plan filtreret på kommune": f"{plan_url}?kommune=Tønder",
        "plan filtreret uden resultater": f"{plan_url}?status=cancelled&lokalraad={council.slug}",
        "aktivitet": f"{plan_url}aktivitet/{activity.pk}/",
        "lokalråd": council.get_absolute_url(),
        "søgning med resultater": "/soeg/?q=Tønder",
        "søgning uden resultater": "/soeg/?q=zyxzyx",
        "følg": f"/{district}/foelg/",
        "bekræft at følge": confirmation_link(plan),
        "ugyldigt link": "/foelg/bekraeft/ugyldigt-link/",
        "privatliv": "/privatliv/",
        "versionsforskel": f"{plan_url}versioner/{numbers[0]}/{numbers[-1]}/",
        "årshjul": f"/{district}/aarshjul/",
        "samarbejdsfora": f"/{district}/samarbejdsfora/",
        "side findes ikke": f"/{district}/findes-ikke/",
    }
