from django.db.models import Prefetch
from django.shortcuts import render

from councils.models import PoliceDistrict
from plans.models import Plan


def home(request):
    """The front page: every district with its current plan. Open to everyone."""
    districts = PoliceDistrict.objects.prefetch_related(
        Prefetch("plans", queryset=Plan.objects.current(), to_attr="current_plans")
    )
    return render(request, "portal/home.html", {"districts": districts})
