"""Public pages: no sign-in. Included last in portal/urls.py, because the district slug is a
catch-all first segment."""

from django.urls import path

from .. import feeds
from ..views import public as views
from . import PLAN as plan

app_name = "public"

urlpatterns = [
    # Fixed first segments before the district slug; no district may be called so
    # (tests/public/test_find_area.py).
    path("soeg/", views.search, name="search"),
    path("kommune/", views.find_area, name="find_area"),
    path("kommune/<slug:municipality>/", views.municipality, name="municipality"),
    path("<slug:district>/", views.district, name="district"),
    path("<slug:district>/samarbejdsfora/", views.forums, name="forums"),
    path("<slug:district>/aarshjul/", views.annual_cycle, name="annual_cycle"),
    path("<slug:district>/aarshjul.ics", feeds.annual_cycle_ics, name="annual_cycle_ics"),
    path("<slug:district>/nyheder.atom", feeds.district_atom, name="feed"),
    path("<slug:district>/lokalraad/<slug:council>/", views.council, name="council"),
    path(plan, views.plan, name="plan"),
    path(f"{plan}version/<int:number>/", views.plan_version, name="plan_version"),
    path(f"{plan}version/<int:number>.json", views.version_json, name="version_json"),
    path(f"{plan}aktivitet/<int:activity_id>/", views.activity, name="activity"),
    path(f"{plan}versioner/", views.versions, name="versions"),
    path(f"{plan}versioner/<int:old>/<int:new>/", views.version_diff, name="version_diff"),
    path(f"{plan}forhaandsvisning/", views.preview, name="preview"),
]
