from django.db.models import Max, Prefetch
from django.shortcuts import render

from councils.models import PoliceDistrict
from plans.models import Plan


def home(request):
    """The front page: every district with its current plan, and a search box. Open to everyone."""
    current = (
        Plan.objects.current()
        .annotate(last_published=Max("versions__published_on"))
        .filter(last_published__isnull=False)
    )
    districts = PoliceDistrict.objects.order_by("name").prefetch_related(
        Prefetch("plans", queryset=current, to_attr="current_plans")
    )
    return render(request, "portal/home.html", {"districts": districts})
