"""The portal's URLs plus /bench/trivial/, the ceiling the load benchmark compares pages with.

Only bench/settings.py points ROOT_URLCONF here, so a deployment never serves the extra URL.
"""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

from . import views

# First: the public site's district slug is a catch-all first segment.
urlpatterns = [path("bench/trivial/", views.trivial, name="bench_trivial"), *portal_urlpatterns]
